//! Values as a bank holds them: a fact's typed values, and the expected
//! answers of open questions, read once into [`Value`]s.

use super::{Cmp, Value, count, duration, entity, measure, money, ordinal, period};
use crate::bank::{self, AnswerType, Bank, Bound, OpenAnswer, PartialDate, Role};
use crate::lang::Word;

/// A fact's value, read once: what it is, how it is bounded, whether it
/// is the claim or its frame, and how the article writes it.
#[derive(Debug, Clone)]
pub(crate) struct FactValue {
    pub(crate) value: Value,
    pub(crate) cmp: Cmp,
    pub(crate) role: Role,
    pub(crate) text: String,
}

fn bounded(approx: bool, bound: Option<Bound>) -> Cmp {
    match bound {
        Some(Bound::Lt) => Cmp::Lt,
        Some(Bound::Le) => Cmp::Le,
        Some(Bound::Gt) => Cmp::Gt,
        Some(Bound::Ge) => Cmp::Ge,
        None if approx => Cmp::Approx,
        None => Cmp::Exact,
    }
}

fn iso(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse_iso(s)
        .ok_or_else(|| format!("\"{s}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"))
}

fn finite(v: f64) -> Result<f64, String> {
    if v.is_finite() && v.abs() < 1e15 {
        Ok(v)
    } else {
        Err(format!("{v} is not a usable amount (finite, below 10^15)"))
    }
}

impl FactValue {
    /// Reads a bank value; the error says what is wrong with it.
    pub(crate) fn from_bank<Q>(b: &Bank<Q>, v: &bank::Value) -> Result<FactValue, String> {
        use bank::Value as B;
        let (value, cmp) = match v {
            B::Date { value, .. } => (
                Value::Date {
                    date: iso(value)?,
                    alt: None,
                },
                Cmp::Exact,
            ),
            B::Ordinal { value, .. } => (Value::Ordinal { value: *value }, Cmp::Exact),
            B::Count {
                value,
                approx,
                bound,
                ..
            } => (
                Value::Count {
                    value: finite(*value)?,
                },
                bounded(*approx, *bound),
            ),
            B::Money {
                value,
                currency,
                approx,
                bound,
                ..
            } => {
                let currency = Some(Word::from(currency.to_uppercase()));
                (
                    Value::Money {
                        value: finite(*value)?,
                        currency,
                    },
                    bounded(*approx, *bound),
                )
            }
            B::Measure {
                value,
                unit,
                approx,
                bound,
                ..
            } => {
                let (_, unit) = measure::parse(&format!("1 {unit}")).map_err(|_| {
                    format!("\"{unit}\" is not a known unit (m, km, ft, K, C, %, …)")
                })?;
                (
                    Value::Measure {
                        value: finite(*value)?,
                        unit,
                    },
                    bounded(*approx, *bound),
                )
            }
            B::Period { from, until, .. } => (
                Value::Period {
                    from: iso(from)?,
                    until: iso(until)?,
                },
                Cmp::Exact,
            ),
            B::Duration {
                value,
                unit,
                approx,
                bound,
                ..
            } => {
                let days = duration::parse(&format!("{value} {unit}")).map_err(|_| {
                    format!("\"{unit}\" is not a unit of time (day, week, month, year, decade)")
                })?;
                (
                    Value::Duration {
                        days: finite(days)?,
                    },
                    bounded(*approx, *bound),
                )
            }
            B::Place { entity, .. } => (
                Value::Place {
                    entity: index(b, entity)?,
                },
                Cmp::Exact,
            ),
            B::Person { entity, .. } => (
                Value::Person {
                    entity: index(b, entity)?,
                },
                Cmp::Exact,
            ),
        };
        Ok(FactValue {
            value,
            cmp,
            role: v.role(),
            text: v.text().to_string(),
        })
    }
}

fn index<Q>(b: &Bank<Q>, id: &str) -> Result<usize, String> {
    b.entity_index(id)
        .ok_or_else(|| format!("unknown entity \"{id}\""))
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
    let typed = |r: Result<Value, &str>| {
        r.map(Expected::Value)
            .map_err(|form| format!("\"{v}\" does not parse as {}: {form}", a.kind.name()))
    };
    match a.kind {
        AnswerType::Number => typed(count::parse(v).map(|value| Value::Count { value })),
        AnswerType::Ordinal => typed(ordinal::parse(v).map(|value| Value::Ordinal { value })),
        AnswerType::Date => typed(
            PartialDate::parse_iso(v)
                .map(|date| Value::Date { date, alt: None })
                .ok_or("write YYYY, YYYY-MM or YYYY-MM-DD"),
        ),
        AnswerType::Money => typed(money::parse(v).map(|(value, c)| Value::Money {
            value,
            currency: Some(Word::from(c)),
        })),
        AnswerType::Measure => {
            typed(measure::parse(v).map(|(value, unit)| Value::Measure { value, unit }))
        }
        AnswerType::Period => {
            typed(period::parse(v).map(|(from, until)| Value::Period { from, until }))
        }
        AnswerType::Duration => typed(duration::parse(v).map(|days| Value::Duration { days })),
        AnswerType::Place | AnswerType::Person => {
            let person = a.kind == AnswerType::Person;
            typed(entity::parse(b, v, person).map(|entity| match person {
                true => Value::Person { entity },
                false => Value::Place { entity },
            }))
        }
        AnswerType::Text if v.is_empty() => Err(format!(
            "\"{v}\" does not parse as text: the answer is empty"
        )),
        AnswerType::Text => Ok(Expected::Text(v.to_string())),
    }
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
    match v {
        Value::Date { date, .. } => date.display(),
        Value::Period { from, until } => period::display(from, until),
        Value::Ordinal { value } => ordinal::display(*value),
        Value::Count { value } => count::display(*value),
        Value::Money { value, currency } => money::display(*value, currency.as_deref()),
        Value::Measure { value, unit } => measure::display(*value, unit),
        Value::Duration { days } => duration::display(*days),
        Value::Place { entity } | Value::Person { entity } => b.entities[*entity].name.clone(),
    }
}
