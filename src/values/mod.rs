//! Typed values, one file per kind. Each kind owns reading itself from a
//! statement, from the bank and from a quiz answer, relating a claimed
//! value to a fact's, and display, through the [`kind::Kind`] trait; the
//! functions here and in `read.rs` and `bank.rs` only walk [`kind::KINDS`].
//! `verify`, quiz grading and `bank check` all go through this module.
//!
//! A value is a point or an interval: a fact's "below 50 kelvin" and a
//! claim's "more than 3,000" are both an amount with a bound ([`Cmp`]).

mod amount;
mod bank;
mod clock;
mod count;
pub(crate) mod date;
mod duration;
mod entity;
mod kind;
mod measure;
mod money;
mod number;
mod ordinal;
mod period;
mod read;
mod text;
mod weekday;

pub(crate) use amount::amount_relation;
pub(crate) use bank::{Expected, FactValue, display_answer, parse_answer};
pub(crate) use date::seq_matches;
pub(crate) use number::{group, parse_digits};
pub(crate) use read::{Quantity, read_quantity};

use crate::bank::PartialDate;
pub(crate) use crate::lang::Cmp;
use crate::lang::Word;
use kind::KINDS;

/// The outcome of comparing one claimed value with the fact's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    Match,
    Mismatch,
    /// Neither follows: too fine a date, a bound at the edge of "about".
    Unknown,
}

/// A value as a statement claims it or a fact holds it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Value {
    /// A date; `alt` is the other reading of an ambiguous `05/02/2019`.
    Date {
        date: PartialDate,
        #[serde(skip_serializing_if = "Option::is_none")]
        alt: Option<PartialDate>,
    },
    /// A span of time: a state's, or a decade ("the 1950s").
    Period {
        from: PartialDate,
        until: PartialDate,
    },
    Ordinal {
        value: u64,
    },
    Count {
        value: f64,
    },
    Money {
        value: f64,
        currency: Option<Word>,
    },
    /// An amount in a unit of measure (the unit's code: `m`, `K`, `%`).
    Measure {
        value: f64,
        unit: &'static str,
    },
    /// Elapsed time, in days.
    Duration {
        days: f64,
    },
    Place {
        entity: usize,
    },
    /// A day of the week, 1 (Monday) to 7: only ever claimed.
    Weekday {
        day: u8,
    },
    Person {
        entity: usize,
    },
}

impl Value {
    /// The figure of an amount (a count, a measure, a sum of money).
    pub(crate) fn figure(&self) -> Option<f64> {
        match self {
            Value::Count { value } | Value::Measure { value, .. } | Value::Money { value, .. } => {
                Some(*value)
            }
            _ => None,
        }
    }

    /// Whether a claim of this kind can be compared with a fact's value.
    pub(crate) fn comparable(&self, fact: &Value) -> bool {
        KINDS.iter().any(|k| k.comparable(self, fact))
    }

    /// How a claim (bounded by `cmp`) stands to a fact's value (bounded
    /// by `fact_cmp`); undecided when no kind relates the two.
    pub(crate) fn relation(&self, cmp: Cmp, fact: &Value, fact_cmp: Cmp) -> Rel {
        KINDS
            .iter()
            .find_map(|k| k.relation(self, cmp, fact, fact_cmp))
            .unwrap_or(Rel::Unknown)
    }
}
