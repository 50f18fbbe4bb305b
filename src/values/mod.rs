//! Typed values, one file per kind. Each kind owns reading itself from a
//! statement, from the bank and from a quiz answer, relating a claimed
//! value to a fact's, and display. `verify`, quiz grading and `bank check`
//! all go through this module.
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
mod measure;
mod money;
mod number;
mod ordinal;
mod period;
mod read;

pub(crate) use amount::amount_relation;
pub(crate) use bank::{Expected, FactValue, display_answer, parse_answer};
pub(crate) use date::seq_matches;
pub(crate) use number::{group, parse_digits};
pub(crate) use read::{Quantity, read_quantity};

use crate::bank::PartialDate;
pub(crate) use crate::lang::Cmp;
use crate::lang::Word;

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
    Person {
        entity: usize,
    },
}

impl Value {
    /// Whether a claim of this kind can be compared with a fact's value.
    pub(crate) fn comparable(&self, fact: &Value) -> bool {
        use Value::*;
        match (self, fact) {
            (Date { .. } | Period { .. }, Date { .. } | Period { .. }) => true,
            (Ordinal { .. }, Ordinal { .. }) | (Count { .. }, Count { .. }) => true,
            (Money { .. }, Money { .. }) | (Duration { .. }, Duration { .. }) => true,
            // "for seven years" against "from 1961 to 1968".
            (Duration { .. }, Period { .. }) => true,
            (Measure { unit: a, .. }, Measure { unit: b, .. }) => measure::same_dimension(a, b),
            // "21 million" for an amount of money.
            (Count { value }, Money { .. }) => *value >= 1000.0,
            _ => false,
        }
    }

    /// How a claim (bounded by `cmp`) stands to a fact's value (bounded
    /// by `fact_cmp`).
    pub(crate) fn relation(&self, cmp: Cmp, fact: &Value, fact_cmp: Cmp) -> Rel {
        use Value::*;
        match (self, fact) {
            (Date { date, alt }, Date { date: f, .. }) => {
                date::relation_either(date, alt.as_ref(), f)
            }
            (Date { date, alt }, Period { from, until }) => {
                period::date_within(date, alt.as_ref(), from, until)
            }
            (Period { from, until }, Date { date, .. }) => period::contains_date(from, until, date),
            (Period { from, until }, Period { from: f, until: u }) => {
                period::relation(from, until, f, u)
            }
            (Ordinal { value }, Ordinal { value: f }) => ordinal::relation(*value, *f),
            (Count { value }, Count { value: f } | Money { value: f, .. }) => {
                amount_relation(*value, cmp, *f, fact_cmp)
            }
            (
                Money { value, currency },
                Money {
                    value: f,
                    currency: fc,
                },
            ) => money::relation(
                *value,
                currency.as_deref(),
                cmp,
                *f,
                fc.as_deref(),
                fact_cmp,
            ),
            (Measure { value, unit }, Measure { value: f, unit: fu }) => {
                measure::relation(*value, unit, cmp, *f, fu, fact_cmp)
            }
            (Duration { days }, Duration { days: f }) => amount_relation(*days, cmp, *f, fact_cmp),
            (Duration { days }, Period { from, until }) => {
                period::length_relation(*days, cmp, from, until)
            }
            _ => Rel::Unknown,
        }
    }
}
