//! Ordinals: "112th", "one hundred and twelfth". A rank is exact:
//! any other rank differs.

use super::amount::Figure;
use super::bank::Expected;
use super::kind::{At, Found, Kind, Names};
use super::{Cmp, Rel, Value};
use crate::bank::{self, AnswerType};

/// A rank: the figure "12th", exact.
pub(crate) struct Ordinal;

impl Kind for Ordinal {
    fn read_figure(&self, f: &Figure, _: &At) -> Option<Found> {
        f.rank.then(|| Found {
            value: Value::Ordinal {
                value: f.value as u64,
            },
            end: f.end,
            small: f.words_only && f.value < 20.0,
        })
    }

    fn read_bank(&self, v: &bank::Value, _: &Names) -> Option<Result<(Value, Cmp), String>> {
        match v {
            bank::Value::Ordinal { value, .. } => {
                Some(Ok((Value::Ordinal { value: *value }, Cmp::Exact)))
            }
            _ => None,
        }
    }

    fn answer(&self, t: AnswerType, v: &str, _: &Names) -> Option<Result<Expected, &'static str>> {
        (t == AnswerType::Ordinal)
            .then(|| parse(v).map(|value| Expected::Value(Value::Ordinal { value })))
    }

    fn relation(&self, claim: &Value, _: Cmp, fact: &Value, _: Cmp) -> Option<Rel> {
        match (claim, fact) {
            (Value::Ordinal { value }, Value::Ordinal { value: f }) => Some(relation(*value, *f)),
            _ => None,
        }
    }

    fn comparable(&self, claim: &Value, fact: &Value) -> bool {
        matches!(
            (claim, fact),
            (Value::Ordinal { .. }, Value::Ordinal { .. })
        )
    }

    fn display(&self, v: &Value, _: &Names) -> Option<String> {
        match v {
            Value::Ordinal { value } => Some(display(*value)),
            _ => None,
        }
    }
}

pub(crate) fn relation(claim: u64, fact: u64) -> Rel {
    if claim == fact {
        Rel::Match
    } else {
        Rel::Mismatch
    }
}

/// 112 → "112th", 23 → "23rd".
pub(crate) fn display(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A quiz answer's expected rank, in digits.
pub(crate) fn parse(v: &str) -> Result<u64, &'static str> {
    v.parse::<u64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or("write the position in digits, e.g. 12")
}
