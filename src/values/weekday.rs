//! Days of the week ("on a Wednesday", "Friday, 14 March"): a claim about
//! a dated fact, decided by the calendar ("made it official on a
//! Wednesday" holds for 14 February 2024). A bank never stores one; a
//! fact's date without its day decides nothing.

use super::kind::{At, Found, Kind, Names};
use super::{Cmp, Rel, Value};
use crate::lang;

/// A day of the week, 1 (Monday) to 7 (Sunday).
pub(crate) struct Weekday;

const NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Kind for Weekday {
    fn read(&self, at: &At) -> Option<Found> {
        let t = at.tokens.get(at.k).filter(|_| !at.used[at.k])?;
        let day = lang::weekday_of(&t.text)?;
        Some(Found::whole(Value::Weekday { day }, at.k + 1))
    }

    fn relation(&self, claim: &Value, _: Cmp, fact: &Value, _: Cmp) -> Option<Rel> {
        match (claim, fact) {
            (Value::Weekday { day }, Value::Date { date, .. }) => Some(match date_weekday(date) {
                Some(d) if d == *day => Rel::Match,
                Some(_) => Rel::Mismatch,
                None => Rel::Unknown,
            }),
            (Value::Weekday { .. }, Value::Period { .. }) => Some(Rel::Unknown),
            _ => None,
        }
    }

    fn comparable(&self, claim: &Value, fact: &Value) -> bool {
        matches!(
            (claim, fact),
            (
                Value::Weekday { .. },
                Value::Date { .. } | Value::Period { .. }
            )
        )
    }

    fn display(&self, v: &Value, _: &Names) -> Option<String> {
        match v {
            Value::Weekday { day } => NAMES
                .get(usize::from(*day).checked_sub(1)?)
                .map(|s| s.to_string()),
            _ => None,
        }
    }
}

/// The day of the week of a date given to the day.
fn date_weekday(d: &crate::bank::PartialDate) -> Option<u8> {
    Some(super::date::weekday(super::date::days(
        d.year?, d.month?, d.day?,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::PartialDate;

    #[test]
    fn a_weekday_holds_for_a_date_given_to_the_day() {
        let date = |s: &str| Value::Date {
            date: PartialDate::parse_iso(s).unwrap(),
            alt: None,
        };
        let cases = [
            (3, "2024-02-14", Rel::Match),
            (2, "2024-02-14", Rel::Mismatch),
            (6, "2021-12-25", Rel::Match),
            (5, "2025-03-14", Rel::Match),
            (4, "1970-01-01", Rel::Match),
            (3, "2024-02", Rel::Unknown),
        ];
        for (day, fact, want) in cases {
            let got =
                Weekday.relation(&Value::Weekday { day }, Cmp::Exact, &date(fact), Cmp::Exact);
            assert_eq!(got, Some(want), "{day} on {fact}");
        }
    }
}
