//! The registry of value kinds. Each kind's file implements [`Kind`] for
//! what it does; the central functions (`Value::relation`,
//! `Value::comparable`, `read_quantity`, `FactValue::from_bank`,
//! `parse_answer`, `display`) only walk [`KINDS`]. A kind that reuses
//! another's representation (a time of day is a `Value::Measure` in unit
//! `clock`) needs no new variant: its file and one line in [`KINDS`].

use super::amount::Figure;
use super::bank::Expected;
use super::{Cmp, Rel, Value};
use super::{clock, count, date, duration, entity, measure, money, ordinal, period, text, weekday};
use crate::bank::{self, AnswerType, Entity};
use crate::lang::{Gazetteer, Token};

/// Where a kind reads itself in a statement: the tokens, which are taken,
/// and the position after any comparative phrase.
pub(crate) struct At<'a> {
    pub(crate) tokens: &'a [Token],
    pub(crate) used: &'a [bool],
    pub(crate) gaz: &'a Gazetteer,
    pub(crate) k: usize,
}

/// A value read from a statement, and the token after it. `small`: a lone
/// small number word ("the two countries"), kept only when the fact has a
/// value it could be compared with.
pub(crate) struct Found {
    pub(crate) value: Value,
    pub(crate) end: usize,
    pub(crate) small: bool,
}

impl Found {
    pub(crate) fn whole(value: Value, end: usize) -> Found {
        Found {
            value,
            end,
            small: false,
        }
    }
}

/// The bank's entities, for the kinds that name one. Not the bank itself:
/// a trait object cannot take the bank's question type as a parameter.
pub(crate) struct Names<'a> {
    pub(crate) index: &'a dyn Fn(&str) -> Option<usize>,
    pub(crate) entities: &'a [Entity],
}

/// One kind of value. Every method answers `None` (or `false`) for what
/// the kind does not do, or for a value of another kind.
pub(crate) trait Kind: Sync {
    /// Reads itself at `at.k` before the check that a comparative phrase
    /// is followed by a number ("more than a year").
    fn read_bare(&self, _at: &At) -> Option<Found> {
        None
    }

    /// Reads itself whole at `at.k` ("from 1961 to 1968", "11 a.m.").
    fn read(&self, _at: &At) -> Option<Found> {
        None
    }

    /// Says what a figure read at `at.k` counts ("6.5" then "metres").
    fn read_figure(&self, _f: &Figure, _at: &At) -> Option<Found> {
        None
    }

    /// "between 6 and 7 metres": the low end, a bare `value`, as a value
    /// of the high end's kind when it is this one.
    fn range_low(&self, _value: f64, _high: &Value) -> Option<Value> {
        None
    }

    /// Reads a bank value of this kind; the error says what is wrong.
    fn read_bank(&self, _v: &bank::Value, _names: &Names) -> Option<Result<(Value, Cmp), String>> {
        None
    }

    /// Parses an open answer's `value` of type `t`; the error says what
    /// form is expected.
    fn answer(
        &self,
        _t: AnswerType,
        _v: &str,
        _names: &Names,
    ) -> Option<Result<Expected, &'static str>> {
        None
    }

    /// How a claim of this kind stands to a fact's value.
    fn relation(&self, _claim: &Value, _cmp: Cmp, _fact: &Value, _fact_cmp: Cmp) -> Option<Rel> {
        None
    }

    /// Whether a claim of this kind can be compared with the fact's value.
    fn comparable(&self, _claim: &Value, _fact: &Value) -> bool {
        false
    }

    /// The value as people write it.
    fn display(&self, _v: &Value, _names: &Names) -> Option<String> {
        None
    }
}

/// Every kind, in the order a statement is read: a period before the date
/// it starts with, a time of day before the number it starts with, the
/// ordinal before the other readers of a figure, and a count last, as the
/// figure nothing else claims.
pub(crate) static KINDS: &[&dyn Kind] = &[
    &period::Period,
    &clock::Clock,
    &date::Date,
    &weekday::Weekday,
    &ordinal::Ordinal,
    &measure::Measure,
    &money::Money,
    &duration::Duration,
    &count::Count,
    &entity::Entity,
    &text::Text,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{EntityKind, Role};

    fn entities() -> Vec<Entity> {
        let e = |id: &str, kind| Entity {
            id: id.into(),
            name: id.into(),
            kind,
            aliases: Vec::new(),
            demonyms: Vec::new(),
            stands_for: None,
            part_of: None,
        };
        vec![e("ada", EntityKind::Person), e("oslo", EntityKind::City)]
    }

    /// One bank value of every variant; the match makes a new variant a
    /// compile error here until it is in the table.
    fn bank_values() -> Vec<bank::Value> {
        use bank::Value as B;
        let (text, role) = (String::new(), Role::default());
        let all = vec![
            B::Date {
                value: "2019-06-23".into(),
                text: text.clone(),
                role,
            },
            B::Ordinal {
                value: 3,
                text: text.clone(),
                role,
            },
            B::Count {
                value: 12.0,
                approx: false,
                bound: None,
                text: text.clone(),
                role,
            },
            B::Money {
                value: 5.0,
                currency: "usd".into(),
                approx: true,
                bound: None,
                text: text.clone(),
                role,
            },
            B::Measure {
                value: 6.5,
                unit: "m".into(),
                approx: false,
                bound: None,
                text: text.clone(),
                role,
            },
            B::Measure {
                value: 23.25,
                unit: "clock".into(),
                approx: false,
                bound: None,
                text: text.clone(),
                role,
            },
            B::Period {
                from: "1961".into(),
                until: "1968".into(),
                text: text.clone(),
                role,
            },
            B::Duration {
                value: 5.0,
                unit: "year".into(),
                approx: false,
                bound: None,
                text: text.clone(),
                role,
            },
            B::Place {
                entity: "oslo".into(),
                text: text.clone(),
                role,
            },
            B::Person {
                entity: "ada".into(),
                text,
                role,
            },
        ];
        for v in &all {
            match v {
                B::Date { .. } | B::Ordinal { .. } | B::Count { .. } | B::Money { .. } => {}
                B::Measure { .. } | B::Period { .. } | B::Duration { .. } => {}
                B::Place { .. } | B::Person { .. } => {}
            }
        }
        all
    }

    /// An answer of every type; the match makes a new type a compile
    /// error here until it is in the table.
    fn answers() -> Vec<(AnswerType, &'static str)> {
        use AnswerType as A;
        let all = vec![
            (A::Number, "12500"),
            (A::Ordinal, "12"),
            (A::Date, "2019-06"),
            (A::Money, "5000000 USD"),
            (A::Place, "oslo"),
            (A::Person, "ada"),
            (A::Text, "a bridge"),
            (A::Measure, "6.5 m"),
            (A::Period, "1961/1968"),
            (A::Duration, "5 year"),
        ];
        for (t, _) in &all {
            match t {
                A::Number | A::Ordinal | A::Date | A::Money | A::Place | A::Person => {}
                A::Text | A::Measure | A::Period | A::Duration => {}
            }
        }
        all
    }

    #[test]
    fn exactly_one_kind_reads_each_bank_value() {
        let list = entities();
        let index = |id: &str| list.iter().position(|e| e.id == id);
        let names = Names {
            index: &index,
            entities: &list,
        };
        for v in bank_values() {
            let readers: Vec<_> = KINDS
                .iter()
                .filter_map(|k| k.read_bank(&v, &names))
                .collect();
            assert_eq!(readers.len(), 1, "{v:?}");
            let (value, _) = readers[0].as_ref().expect("a valid value");
            let shown = KINDS.iter().find_map(|k| k.display(value, &names));
            assert!(shown.is_some_and(|s| !s.is_empty()), "{value:?}");
        }
    }

    #[test]
    fn exactly_one_kind_parses_each_answer_type() {
        let list = entities();
        let index = |id: &str| list.iter().position(|e| e.id == id);
        let names = Names {
            index: &index,
            entities: &list,
        };
        for (t, v) in answers() {
            let parsers: Vec<_> = KINDS
                .iter()
                .filter_map(|k| k.answer(t, v, &names))
                .collect();
            assert_eq!(parsers.len(), 1, "{t:?}");
            assert!(parsers[0].is_ok(), "{t:?} {v}: {:?}", parsers[0]);
        }
    }
}
