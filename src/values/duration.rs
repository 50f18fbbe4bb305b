//! Durations: elapsed time ("five years", "six decades", "about 18
//! months"), kept in days so that any two units compare. Units come from
//! `lang/data/durations.tsv`.

use super::amount::Figure;
use super::bank::{Expected, bounded, finite};
use super::kind::{At, Found, Kind, Names};
use super::{Cmp, Rel, Value, amount_relation, period};
use crate::bank::{self, AnswerType};
use crate::lang::{DURATIONS_MAP, Token};

/// Elapsed time: "a year" alone (read even after a comparative phrase
/// with no number), or a figure and a unit of time.
pub(crate) struct Duration;

impl Kind for Duration {
    fn read_bare(&self, at: &At) -> Option<Found> {
        let (days, end) = read_unit(at.tokens, at.used, at.k)?;
        Some(Found::whole(Value::Duration { days }, end))
    }

    fn read_figure(&self, f: &Figure, at: &At) -> Option<Found> {
        let (unit, mut end) = suffix(at.tokens, at.used, f.end)?;
        let mut days = f.value * unit;
        // "2 hours 10 minutes", "3 years and 2 months": a smaller unit
        // right after adds to the larger; one duration, not two.
        let mut last = unit;
        loop {
            let and = at.tokens.get(end).is_some_and(|t| t.text == "and");
            let Some(g) = Figure::read(at.tokens, at.used, end + usize::from(and)) else {
                break;
            };
            match suffix(at.tokens, at.used, g.end) {
                Some((u, e)) if u < last => {
                    days += g.value * u;
                    (last, end) = (u, e);
                }
                _ => break,
            }
        }
        Some(Found::whole(Value::Duration { days }, end))
    }

    fn read_bank(&self, v: &bank::Value, _: &Names) -> Option<Result<(Value, Cmp), String>> {
        let bank::Value::Duration {
            value,
            unit,
            approx,
            bound,
            ..
        } = v
        else {
            return None;
        };
        let read = || -> Result<_, String> {
            let days = parse(&format!("{value} {unit}")).map_err(|_| {
                format!("\"{unit}\" is not a unit of time (day, week, month, year, decade)")
            })?;
            let days = finite(days)?;
            Ok((Value::Duration { days }, bounded(*approx, *bound)))
        };
        Some(read())
    }

    fn answer(&self, t: AnswerType, v: &str, _: &Names) -> Option<Result<Expected, &'static str>> {
        (t == AnswerType::Duration)
            .then(|| parse(v).map(|days| Expected::Value(Value::Duration { days })))
    }

    fn relation(&self, claim: &Value, cmp: Cmp, fact: &Value, fact_cmp: Cmp) -> Option<Rel> {
        let Value::Duration { days } = claim else {
            return None;
        };
        match fact {
            Value::Duration { days: f } => Some(amount_relation(*days, cmp, *f, fact_cmp)),
            // "for seven years" against "from 1961 to 1968".
            Value::Period { from, until } => Some(period::length_relation(*days, cmp, from, until)),
            _ => None,
        }
    }

    fn comparable(&self, claim: &Value, fact: &Value) -> bool {
        matches!(claim, Value::Duration { .. })
            && matches!(fact, Value::Duration { .. } | Value::Period { .. })
    }

    fn display(&self, v: &Value, _: &Names) -> Option<String> {
        match v {
            Value::Duration { days } => Some(display(*days)),
            _ => None,
        }
    }
}

/// A unit of time after an amount; its length in days.
pub(crate) fn suffix(tokens: &[Token], used: &[bool], k: usize) -> Option<(f64, usize)> {
    let t = tokens.get(k).filter(|_| !used[k])?;
    let days = *DURATIONS_MAP.get(t.text.as_str())?;
    Some((days, k + 1))
}

/// "a year", "an hour", "half a century": one unit of time, or half of
/// one, without a figure.
pub(crate) fn read_unit(tokens: &[Token], used: &[bool], j: usize) -> Option<(f64, usize)> {
    let word = |k: usize| tokens.get(k).filter(|_| !used[k]).map(|t| t.text.as_str());
    let (share, k) = match (word(j)?, word(j + 1)) {
        ("a" | "an", _) => (1.0, j + 1),
        ("half", Some("a" | "an")) => (0.5, j + 2),
        _ => return None,
    };
    let (days, end) = suffix(tokens, used, k)?;
    // "9,000 visitors a year" is a rate, not a span of time: after a
    // content word, only a span followed by an order word is read.
    let after_word = j
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| {
            t.kind == crate::lang::TokKind::Word && !crate::lang::is_stopword(&t.text)
        });
    let ordered = word(end).is_some_and(|w| crate::lang::ORDER_FIRST_SET.contains(w) || w == "ago");
    (!after_word || ordered).then_some((share * days, end))
}

/// A quiz answer's expected duration: `5 year`.
pub(crate) fn parse(v: &str) -> Result<f64, &'static str> {
    let mut parts = v.split_whitespace();
    let amount = parts.next().and_then(super::parse_digits);
    let days = parts.next().and_then(|u| DURATIONS_MAP.get(u).copied());
    match (amount, days, parts.next()) {
        (Some(n), Some(d), None) => Ok(n * d),
        _ => Err("write the amount and a unit of time, e.g. 5 year"),
    }
}

/// Days as people say them: in years when a year or more, in hours or
/// minutes when less than a day.
pub(crate) fn display(days: f64) -> String {
    if days >= 365.0 {
        format!(
            "{} years",
            super::group((days / 365.25 * 10.0).round() / 10.0)
        )
    } else if days >= 1.0 {
        format!("{} days", super::group(days.round()))
    } else if days * 24.0 >= 1.0 {
        format!(
            "{} hours",
            super::group((days * 24.0 * 10.0).round() / 10.0)
        )
    } else {
        format!("{} minutes", super::group((days * 1440.0).round()))
    }
}
