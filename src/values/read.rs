//! Reading values from a statement: at each free token, a bound first,
//! then the kinds of [`KINDS`] in turn: those that read themselves whole,
//! a range, and a figure with what it counts (currency, unit, unit of
//! time).

use super::amount::Figure;
use super::kind::{At, Found, KINDS};
use super::number::starts_number;
use super::{Cmp, Rel, Value};
use crate::lang::{self, Gazetteer, Token};

/// A value found in a statement.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quantity {
    pub kind: Value,
    pub cmp: Cmp,
    /// Token range, comparator included.
    pub first: usize,
    pub last: usize,
    /// A lone small number word ("the two countries", "one of the few"):
    /// ignored unless the fact has a value it could be compared with.
    pub small: bool,
    /// "between 10k and 20k": the upper end; `kind` (bounded by `cmp`,
    /// then `Ge`) is the lower.
    pub upper: Option<Value>,
}

impl Quantity {
    /// How the claim stands to a fact's value: a range holds when both
    /// ends do, and differs when either does.
    pub(crate) fn relation(&self, fact: &Value, fact_cmp: Cmp) -> Rel {
        let low = self.kind.relation(self.cmp, fact, fact_cmp);
        let Some(up) = &self.upper else {
            return low;
        };
        match (low, up.relation(Cmp::Le, fact, fact_cmp)) {
            (Rel::Mismatch, _) | (_, Rel::Mismatch) => Rel::Mismatch,
            (Rel::Match, Rel::Match) => Rel::Match,
            _ => Rel::Unknown,
        }
    }
}

/// "between 10k and 20k", "between 6 and 7 metres": two amounts of one
/// kind (a bare first figure takes the second's unit or currency, as the
/// second's kind says).
fn range(at: &At, i: usize) -> Option<Quantity> {
    let (tokens, used) = (at.tokens, at.used);
    let low = amount(&At { k: i + 1, ..*at })?;
    let e1 = low.end;
    tokens.get(e1).filter(|t| t.text == "and" && !used[e1])?;
    let high = amount(&At { k: e1 + 1, ..*at })?;
    // "between one and two million": the high end's scale is both ends',
    // when the low end has none and is below the high end's figure.
    let scale_in =
        |ks: std::ops::Range<usize>| ks.into_iter().find_map(|k| lang::scale_of(&tokens[k].text));
    let low_value = match (&low.value, scale_in(i + 1..e1), scale_in(e1 + 1..high.end)) {
        (Value::Count { value }, None, Some(scale))
            if high.value.figure().is_some_and(|h| *value < h / scale) =>
        {
            Value::Count {
                value: value * scale,
            }
        }
        (v, ..) => v.clone(),
    };
    let low = match low_value {
        Value::Count { value } => KINDS
            .iter()
            .find_map(|k| k.range_low(value, &high.value))
            .unwrap_or(Value::Count { value }),
        low => low,
    };
    if std::mem::discriminant(&low) != std::mem::discriminant(&high.value) {
        return None;
    }
    Some(Quantity {
        kind: low,
        cmp: Cmp::Ge,
        first: i,
        last: high.end,
        small: false,
        upper: Some(high.value),
    })
}

/// Reads a value starting at token `i`, or nothing.
pub(crate) fn read_quantity(
    tokens: &[Token],
    used: &[bool],
    i: usize,
    gaz: &Gazetteer,
) -> Option<Quantity> {
    let t = &tokens[i];
    let word = t.kind == lang::TokKind::Word;
    let starts_value = || {
        lang::may_start_value(t)
            || t.is(lang::CLASS_PERIOD_STARTS)
            || gaz.starts_named_date(&t.text)
    };
    let comparative = t.is(lang::CLASS_COMPARATORS_FIRST);
    if word && !comparative && !starts_value() {
        return None;
    }
    let (cmp, j) = comparator(tokens, used, i);
    let at = At {
        tokens,
        used,
        gaz,
        k: j,
    };
    let q = |f: Found| {
        trailing_bound(
            tokens,
            used,
            Quantity {
                kind: f.value,
                cmp,
                first: i,
                last: f.end,
                small: f.small,
                upper: None,
            },
        )
    };
    if let Some(f) = KINDS.iter().find_map(|k| k.read_bare(&at)) {
        return Some(q(f));
    }
    if j > i && !starts_number(tokens, j) && tokens.get(j).is_none_or(|t| t.text != "minus") {
        return None;
    }
    // A word let through only as the start of a comparative phrase ("in
    // excess of"), when no phrase follows, starts no value: a word the
    // readers below accept at `i` is one of those `starts_value` lists.
    if j == i && word && !starts_value() {
        return None;
    }
    if let Some(f) = KINDS.iter().find_map(|k| k.read(&at)) {
        return Some(q(f));
    }
    if t.text == "between"
        && let Some(r) = range(&at, i)
    {
        return Some(r);
    }
    amount(&at).map(q)
}

/// "300+", "40 or more", "40 or fewer": a bound written after the figure
/// makes an exact one a bound.
fn trailing_bound(tokens: &[Token], used: &[bool], mut q: Quantity) -> Quantity {
    let free = |k: usize| k < tokens.len() && !used[k];
    let text = |k: usize| tokens.get(k).map_or("", |t| t.text.as_str());
    if q.cmp != Cmp::Exact || q.small || q.last == 0 {
        return q;
    }
    let k = q.last;
    let (cmp, n) = if text(k) == "+" && free(k) && tokens[k].start == tokens[k - 1].end {
        (Cmp::Ge, 1)
    } else if text(k) == "or" && free(k + 1) && matches!(text(k + 1), "more" | "over" | "above") {
        (Cmp::Ge, 2)
    } else if text(k) == "or" && free(k + 1) && matches!(text(k + 1), "fewer" | "less" | "under") {
        (Cmp::Le, 2)
    } else {
        return q;
    };
    q.cmp = cmp;
    q.last = k + n;
    q
}

/// A comparative phrase at `i` ("more than", "up to"), kept only when a
/// number follows; returns the bound and the next token.
fn comparator(tokens: &[Token], used: &[bool], i: usize) -> (Cmp, usize) {
    let free = |k: usize| k < tokens.len() && !used[k];
    if !tokens[i].is(lang::CLASS_COMPARATORS_FIRST) {
        return (Cmp::Exact, i);
    }
    for (phrase, c) in lang::comparators_from(&tokens[i].text) {
        if let Some(n) = lang::phrase_at(tokens, i, phrase)
            && (i..i + n).all(free)
        {
            return (c, i + n);
        }
    }
    (Cmp::Exact, i)
}

/// An amount: a figure, then the first kind that says what it counts.
fn amount(at: &At) -> Option<Found> {
    let f = Figure::read(at.tokens, at.used, at.k)?;
    KINDS.iter().find_map(|k| k.read_figure(&f, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::bank::PartialDate;
    use crate::lang::{Gazetteer, tokenize};
    use crate::values::amount::MAX_AMOUNT;

    fn read_all(s: &str) -> Vec<Quantity> {
        let tokens = tokenize(s);
        let mut used = vec![false; tokens.len()];
        let gaz = Gazetteer::new();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match read_quantity(&tokens, &used, i, &gaz) {
                Some(q) => {
                    used[q.first..q.last].fill(true);
                    i = q.last;
                    out.push(q);
                }
                None => i += 1,
            }
        }
        out
    }

    fn quantities(s: &str) -> Vec<Value> {
        read_all(s).into_iter().map(|q| q.kind).collect()
    }

    fn count(v: f64) -> Value {
        Value::Count { value: v }
    }

    #[test]
    fn numbers_in_every_form() {
        for s in [
            "17,000",
            "17000",
            "17 000",
            "17 thousand",
            "seventeen thousand",
            "17k",
        ] {
            assert_eq!(quantities(s), vec![count(17000.0)], "{s}");
        }
        for (s, want) in [
            ("six and a half", 6.5),
            ("2 and a half", 2.5),
            ("ten thousand million", 1e10),
            ("two million three thousand", 2_003_000.0),
        ] {
            assert_eq!(quantities(s), vec![count(want)], "{s}");
        }
    }

    #[test]
    fn ordinals_in_digits_and_words() {
        for s in [
            "187th",
            "one hundred eighty-seventh",
            "one hundred and eighty-seventh",
        ] {
            assert_eq!(quantities(s), vec![Value::Ordinal { value: 187 }], "{s}");
        }
    }

    #[test]
    fn money_with_scale_and_currency() {
        let m = Value::Money {
            value: 35e6,
            currency: Some("USD".into()),
        };
        for s in [
            "$35 million",
            "USD 35M",
            "35,000,000 dollars",
            "35 million US dollars",
            "35 million U.S. dollars",
            "US$35 million",
        ] {
            assert_eq!(quantities(s), vec![m.clone()], "{s}");
        }
        assert_eq!(
            quantities("35 billion dollars"),
            vec![Value::Money {
                value: 35e9,
                currency: Some("USD".into())
            }]
        );
    }

    #[test]
    fn dates_with_their_precision() {
        let day = |year, month, day| PartialDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        };
        let june = day(2019, 6, 23);
        let eve = day(2021, 12, 24);
        for (s, want) in [
            ("2019-06-23", june),
            ("June 23, 2019", june),
            ("23 June 2019", june),
            ("Jun. 23, 2019", june),
            ("23/06/2019", june),
            ("23rd of June 2019", june),
            // A named date with its year, after "in" or "of" too.
            ("christmas eve 2021", eve),
            ("Christmas Eve in 2021", eve),
            ("christmas eve of 2021", eve),
        ] {
            match &quantities(s)[..] {
                [Value::Date { date, .. }] => assert_eq!(*date, want, "{s}"),
                other => panic!("{s}: {other:?}"),
            }
        }
        match &quantities("June 2019")[..] {
            [Value::Date { date, .. }] => {
                assert_eq!(
                    (date.year, date.month, date.day),
                    (Some(2019), Some(6), None)
                )
            }
            other => panic!("{other:?}"),
        }
        // "on the 14th" is a day of a month; "on the 12th day" a rank.
        assert!(matches!(
            &quantities("they met on the 14th")[..],
            [Value::Date { .. }]
        ));
        assert_eq!(
            quantities("on the 12th day it broke"),
            [Value::Ordinal { value: 12 }]
        );
    }

    #[test]
    fn a_bound_after_the_figure_bounds_it() {
        for (s, want) in [
            ("300+ businesses", Cmp::Ge),
            ("40 or more workers", Cmp::Ge),
            ("40 or fewer workers", Cmp::Le),
            ("300 + 20", Cmp::Exact),
        ] {
            assert_eq!(read_all(s)[0].cmp, want, "{s}");
        }
    }

    #[test]
    fn comparators_bound_the_claim() {
        assert_eq!(read_all("more than 20,000 people")[0].cmp, Cmp::Gt);
        assert_eq!(read_all("below 50 kelvin")[0].cmp, Cmp::Lt);
        assert!(read_all("under the treaty").is_empty());
    }

    #[test]
    fn a_four_digit_figure_after_a_bound_is_a_count_not_a_year() {
        for s in [
            "more than 1000 workers",
            "topped 1800",
            "at least 2000",
            "under 1500",
        ] {
            assert!(
                matches!(quantities(s)[..], [Value::Count { .. }]),
                "{s}: {:?}",
                quantities(s)
            );
        }
        for s in ["about 1800", "in 1959", "around 1960"] {
            assert!(matches!(quantities(s)[..], [Value::Date { .. }]), "{s}");
        }
    }

    fn year(y: i32) -> PartialDate {
        PartialDate {
            year: Some(y),
            month: None,
            day: None,
        }
    }

    #[test]
    fn a_range_holds_when_both_ends_do() {
        let approx = |v: f64| (Value::Count { value: v }, Cmp::Approx);
        let cases = [
            ("between 10k and 20k", approx(14_000.0), Rel::Match),
            ("between 15,000 and 20,000", approx(14_000.0), Rel::Mismatch),
            ("between 1 and 30,000", approx(14_000.0), Rel::Match),
            // The high end's scale is both ends', unless the low end is
            // above its figure.
            (
                "between one and two million",
                approx(1_500_000.0),
                Rel::Match,
            ),
            (
                "between 3 and 4 million",
                approx(1_500_000.0),
                Rel::Mismatch,
            ),
            ("between 500 and 2 million", approx(1_500.0), Rel::Match),
            (
                "between 6 and 7 metres",
                (
                    Value::Measure {
                        value: 6.5,
                        unit: "m",
                    },
                    Cmp::Exact,
                ),
                Rel::Match,
            ),
        ];
        for (text, (fact, fact_cmp), want) in cases {
            let qs = read_all(text);
            assert_eq!(qs.len(), 1, "{text}: {qs:?}");
            assert!(qs[0].upper.is_some(), "{text}");
            assert_eq!(qs[0].relation(&fact, fact_cmp), want, "{text}");
        }
    }

    #[test]
    fn measures_durations_and_periods() {
        let cases: [(&str, Value); 14] = [
            (
                "6.5 meters",
                Value::Measure {
                    value: 6.5,
                    unit: "m",
                },
            ),
            (
                "6.5m",
                Value::Measure {
                    value: 6.5,
                    unit: "m",
                },
            ),
            (
                "1.5 million km",
                Value::Measure {
                    value: 1.5e6,
                    unit: "km",
                },
            ),
            (
                "minus 220 celsius",
                Value::Measure {
                    value: -220.0,
                    unit: "C",
                },
            ),
            (
                "50 K",
                Value::Measure {
                    value: 50.0,
                    unit: "K",
                },
            ),
            (
                "12%",
                Value::Measure {
                    value: 12.0,
                    unit: "%",
                },
            ),
            ("six decades", Value::Duration { days: 6.0 * 3652.5 }),
            ("a year", Value::Duration { days: 365.25 }),
            // A smaller unit after a larger adds to it.
            (
                "2 hours 10 minutes",
                Value::Duration {
                    days: 130.0 / 1440.0,
                },
            ),
            (
                "3 years and 6 months",
                Value::Duration {
                    days: 3.0 * 365.25 + 6.0 * 30.4375,
                },
            ),
            ("half a century", Value::Duration { days: 18262.5 }),
            ("an hour", Value::Duration { days: 1.0 / 24.0 }),
            (
                "from 1961 to 1968",
                Value::Period {
                    from: year(1961),
                    until: year(1968),
                },
            ),
            (
                "the 1950s",
                Value::Period {
                    from: PartialDate::parse_iso("1950-01-01").expect("a date"),
                    until: PartialDate::parse_iso("1959-12-31").expect("a date"),
                },
            ),
        ];
        for (s, want) in cases {
            assert_eq!(quantities(s), vec![want], "{s}");
        }
    }

    #[test]
    fn speeds_temperatures_times_and_month_periods_read_whole() {
        let measure = |value, unit| Value::Measure { value, unit };
        let month = |m, y| PartialDate {
            year: Some(y),
            month: Some(m),
            day: None,
        };
        let cases = [
            ("80 km/h", measure(80.0, "km/h")),
            ("25 metres per second", measure(25.0, "m/s")),
            ("50 miles per hour", measure(50.0, "mph")),
            ("9 degrees Celsius", measure(9.0, "C")),
            ("11 a.m.", measure(11.0, "clock")),
            ("11:15 p.m.", measure(23.25, "clock")),
            (
                "from May to October 2023",
                Value::Period {
                    from: month(5, 2023),
                    until: month(10, 2023),
                },
            ),
            (
                "from November to March 2024",
                Value::Period {
                    from: month(11, 2023),
                    until: month(3, 2024),
                },
            ),
        ];
        for (s, want) in cases {
            assert_eq!(quantities(s), vec![want], "{s}");
        }
    }

    #[test]
    fn currencies_named_by_their_people_and_bare_denominations() {
        let money = |value, c: Option<&str>| Value::Money {
            value,
            currency: c.map(lang::Word::from),
        };
        for (s, want) in [
            ("7.4 billion Norwegian crowns", money(7.4e9, Some("NOK"))),
            ("NOK 7.4bn", money(7.4e9, Some("NOK"))),
            ("148 crowns", money(148.0, None)),
            ("12 Swiss francs", money(12.0, Some("CHF"))),
            ("5 dollars", money(5.0, Some("USD"))),
        ] {
            assert_eq!(quantities(s), vec![want], "{s}");
        }
    }

    #[test]
    fn two_digit_years_and_misspelt_months() {
        let day = PartialDate {
            year: Some(2024),
            month: Some(2),
            day: Some(14),
        };
        for s in ["2/14/24", "14/2/24", "febuary 14, 2024", "14 feburary 2024"] {
            match &quantities(s)[..] {
                [Value::Date { date, alt: None }] => assert_eq!(*date, day, "{s}"),
                other => panic!("{s}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_month_alone_is_read_after_a_preposition_of_time() {
        let may = PartialDate {
            year: None,
            month: Some(5),
            day: None,
        };
        assert_eq!(
            quantities("in May"),
            vec![Value::Date {
                date: may,
                alt: None
            }]
        );
        assert!(quantities("they may meet").is_empty());
    }

    #[test]
    fn no_amount_is_infinite_and_no_rank_is_signed() {
        let huge = format!("21 {} dollars", ["million"; 52].join(" "));
        assert!(read_all(&huge).iter().all(|q| match q.kind {
            Value::Money { value, .. } | Value::Count { value } => value.abs() <= MAX_AMOUNT,
            _ => true,
        }));
        assert!(
            !quantities("the -12th")
                .iter()
                .any(|v| matches!(v, Value::Ordinal { .. }))
        );
        assert_eq!(quantities("-220"), vec![count(-220.0)]);
    }
}
