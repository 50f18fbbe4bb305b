//! Values as a bank holds them: a fact's typed values, and the expected
//! answers of open questions, read once into [`Value`]s.

use super::kind::{KINDS, Names};
use super::{Cmp, Value};
use crate::bank::{self, Bank, Bound, OpenAnswer, PartialDate, Role};

/// A fact's value, read once: what it is, how it is bounded, whether it
/// is the claim or its frame, and how the article writes it.
#[derive(Debug, Clone)]
pub(crate) struct FactValue {
    pub(crate) value: Value,
    pub(crate) cmp: Cmp,
    pub(crate) role: Role,
    pub(crate) text: String,
}

/// The bound a bank value's `approx` and `bound` say.
pub(super) fn bounded(approx: bool, bound: Option<Bound>) -> Cmp {
    match bound {
        Some(Bound::Lt) => Cmp::Lt,
        Some(Bound::Le) => Cmp::Le,
        Some(Bound::Gt) => Cmp::Gt,
        Some(Bound::Ge) => Cmp::Ge,
        None if approx => Cmp::Approx,
        None => Cmp::Exact,
    }
}

pub(super) fn iso(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse_iso(s)
        .ok_or_else(|| format!("\"{s}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"))
}

pub(super) fn finite(v: f64) -> Result<f64, String> {
    if v.is_finite() && v.abs() < 1e15 {
        Ok(v)
    } else {
        Err(format!("{v} is not a usable amount (finite, below 10^15)"))
    }
}

/// Runs `f` with the bank's entities as the kinds see them.
fn with_names<Q, R>(b: &Bank<Q>, f: impl FnOnce(&Names) -> R) -> R {
    let index = |id: &str| b.entity_index(id);
    f(&Names {
        index: &index,
        entities: &b.entities,
    })
}

impl FactValue {
    /// Reads a bank value; the error says what is wrong with it.
    pub(crate) fn from_bank<Q>(b: &Bank<Q>, v: &bank::Value) -> Result<FactValue, String> {
        let read = with_names(b, |names| KINDS.iter().find_map(|k| k.read_bank(v, names)));
        // Only a kind left out of `KINDS` reads nothing; a test sees to it.
        let (value, cmp) = read.unwrap_or_else(|| Err("no kind of value reads it".into()))?;
        Ok(FactValue {
            value,
            cmp,
            role: v.role(),
            text: v.text().to_string(),
        })
    }
}

/// An open question's expected answer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expected {
    Value(Value),
    Text(String),
}

/// Parses an open answer's `value` as its declared type; the error says
/// what is expected.
pub(crate) fn parse_answer<Q>(b: &Bank<Q>, a: &OpenAnswer) -> Result<Expected, String> {
    let v = a.value.trim();
    let parsed = with_names(b, |names| {
        KINDS.iter().find_map(|k| k.answer(a.kind, v, names))
    });
    // Only a kind left out of `KINDS` parses nothing; a test sees to it.
    parsed
        .unwrap_or(Err("no kind of value parses it"))
        .map_err(|form| format!("\"{v}\" does not parse as {}: {form}", a.kind.name()))
}

/// The expected answer as people write it: `display` if the bank gives
/// one, else the value formatted for its kind.
pub(crate) fn display_answer<Q>(b: &Bank<Q>, a: &OpenAnswer) -> String {
    if let Some(d) = &a.display {
        return d.clone();
    }
    match parse_answer(b, a) {
        Ok(Expected::Value(v)) => display(b, &v),
        Ok(Expected::Text(t)) => t,
        Err(_) => a.value.clone(),
    }
}

/// A value as people write it.
pub(crate) fn display<Q>(b: &Bank<Q>, v: &Value) -> String {
    // Every value has a kind that shows it; a test sees to it.
    with_names(b, |names| KINDS.iter().find_map(|k| k.display(v, names))).unwrap_or_default()
}
