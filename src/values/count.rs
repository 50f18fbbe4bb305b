//! Counts: "12,500", "about 12k", "more than ten thousand". Related as
//! bounded amounts ([`super::amount_relation`]).

use super::amount::Figure;
use super::bank::{Expected, bounded, finite};
use super::kind::{At, Found, Kind, Names};
use super::{Cmp, Rel, Value, amount_relation};
use crate::bank::{self, AnswerType};

/// A count: the figure no other kind claims, so it is tried last.
pub(crate) struct Count;

impl Kind for Count {
    fn read_figure(&self, f: &Figure, _: &At) -> Option<Found> {
        Some(Found {
            value: Value::Count { value: f.value },
            end: f.end,
            // "zero", "none" as a figure is always a claim.
            small: f.words_only && !f.scaled && f.value > 0.0 && f.value < 20.0,
        })
    }

    fn read_bank(&self, v: &bank::Value, _: &Names) -> Option<Result<(Value, Cmp), String>> {
        let bank::Value::Count {
            value,
            approx,
            bound,
            ..
        } = v
        else {
            return None;
        };
        let cmp = bounded(*approx, *bound);
        Some(finite(*value).map(|value| (Value::Count { value }, cmp)))
    }

    fn answer(&self, t: AnswerType, v: &str, _: &Names) -> Option<Result<Expected, &'static str>> {
        (t == AnswerType::Number)
            .then(|| parse(v).map(|value| Expected::Value(Value::Count { value })))
    }

    fn relation(&self, claim: &Value, cmp: Cmp, fact: &Value, fact_cmp: Cmp) -> Option<Rel> {
        match (claim, fact) {
            (Value::Count { value }, Value::Count { value: f } | Value::Money { value: f, .. }) => {
                Some(amount_relation(*value, cmp, *f, fact_cmp))
            }
            _ => None,
        }
    }

    fn comparable(&self, claim: &Value, fact: &Value) -> bool {
        match (claim, fact) {
            (Value::Count { .. }, Value::Count { .. }) => true,
            // "21 million" for an amount of money.
            (Value::Count { value }, Value::Money { .. }) => *value >= 1000.0,
            _ => false,
        }
    }

    fn display(&self, v: &Value, _: &Names) -> Option<String> {
        match v {
            Value::Count { value } => Some(display(*value)),
            _ => None,
        }
    }
}

/// A quiz answer's expected number, in digits.
pub(crate) fn parse(v: &str) -> Result<f64, &'static str> {
    super::parse_digits(v).ok_or("write digits, e.g. 12500")
}

/// 12500 → "12,500".
pub(crate) fn display(n: f64) -> String {
    super::group(n)
}
