//! Reading values from a statement: at each free token, the kinds are
//! tried in turn (a bound first, then period, date, and amounts with
//! their currency, unit or unit of time).

use super::number::{read_number, starts_number};
use super::{Cmp, Rel, Value, clock, date, duration, measure, money, period};
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
/// kind (the first takes the second's unit or currency when it has none).
fn range(tokens: &[Token], used: &[bool], i: usize) -> Option<Quantity> {
    let (low, e1, _) = amount(tokens, used, i + 1)?;
    tokens.get(e1).filter(|t| t.text == "and" && !used[e1])?;
    let (high, e2, _) = amount(tokens, used, e1 + 1)?;
    let low = match (low, &high) {
        (Value::Count { value }, Value::Measure { unit, .. }) => Value::Measure { value, unit },
        (Value::Count { value }, Value::Money { currency, .. }) => Value::Money {
            value,
            currency: currency.clone(),
        },
        (low, _) => low,
    };
    if std::mem::discriminant(&low) != std::mem::discriminant(&high) {
        return None;
    }
    Some(Quantity {
        kind: low,
        cmp: Cmp::Ge,
        first: i,
        last: e2,
        small: false,
        upper: Some(high),
    })
}

/// The largest amount read: beyond it a figure is noise, not a claim
/// (and repeated scale words never reach infinity).
const MAX_AMOUNT: f64 = 1e15;

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
    if let Some((days, end)) = duration::read_unit(tokens, used, j) {
        return Some(Quantity {
            kind: Value::Duration { days },
            cmp,
            first: i,
            last: end,
            small: false,
            upper: None,
        });
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
    let q = |kind, last, small| Quantity {
        kind,
        cmp,
        first: i,
        last,
        small,
        upper: None,
    };
    if let Some((from, until, end)) =
        date::read_decade(tokens, used, j).or_else(|| period::read(tokens, used, j, gaz))
    {
        return Some(q(Value::Period { from, until }, end, false));
    }
    if let Some((hours, end)) = clock::read(tokens, used, j) {
        let kind = Value::Measure {
            value: hours,
            unit: clock::CLOCK,
        };
        return Some(q(kind, end, false));
    }
    if let Some((d, alt, end)) = date::read_date(tokens, used, j, gaz) {
        return Some(q(Value::Date { date: d, alt }, end, false));
    }
    if t.text == "between"
        && let Some(r) = range(tokens, used, i)
    {
        return Some(r);
    }
    let (kind, last, small) = amount(tokens, used, j)?;
    Some(q(kind, last, small))
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

/// An amount: currency, sign, number, scale, then what it counts.
fn amount(tokens: &[Token], used: &[bool], j: usize) -> Option<(Value, usize, bool)> {
    let free = |k: usize| k < tokens.len() && !used[k];
    let (currency, mut k) = match money::prefix(tokens, used, j) {
        Some((c, k)) => (Some(c), k),
        None => (None, j),
    };
    let negative = free(k) && tokens[k].text == "minus";
    if negative {
        k += 1;
    }
    let (mut value, ordinal, words_only, end) = read_number(tokens, used, k)?;
    if ordinal {
        // A rank has no sign: "the -12th" is no rank.
        let small = words_only && value < 20.0;
        let valid = !negative && value >= 1.0;
        return valid.then_some((
            Value::Ordinal {
                value: value as u64,
            },
            end,
            small,
        ));
    }
    if negative {
        value = -value;
    }
    let (value, scaled, k) = scales(tokens, used, end, value, currency.is_some())?;
    if currency.is_none()
        && let Some((u, end)) = measure::suffix(tokens, used, k)
    {
        return Some((Value::Measure { value, unit: u }, end, false));
    }
    let mut k = k;
    // Money, with its currency when the words name one.
    let mut money = currency.map(Some);
    if money.is_none()
        && let Some((c, end)) = money::suffix(tokens, used, k)
    {
        money = Some(c);
        k = end;
    }
    if let Some(c) = money {
        let currency = c.map(lang::Word::from);
        return Some((Value::Money { value, currency }, k, false));
    }
    if let Some((days, end)) = duration::suffix(tokens, used, k) {
        return Some((Value::Duration { days: value * days }, end, false));
    }
    let small = words_only && !scaled && value < 20.0;
    Some((Value::Count { value }, k, small))
}

/// Scale words after a number ("million", "bn", a glued "k"); at most two,
/// and never past [`MAX_AMOUNT`].
fn scales(
    tokens: &[Token],
    used: &[bool],
    mut k: usize,
    mut value: f64,
    money: bool,
) -> Option<(f64, bool, usize)> {
    let mut scaled = 0;
    while k < tokens.len() && !used[k] {
        let t = &tokens[k];
        // One-letter scales (m, k, b) only when glued to the digits; a
        // glued "m" is metres unless money or a unit says million.
        let metres = t.text == "m"
            && !money
            && !tokens.get(k + 1).is_some_and(|n| {
                lang::currency_word(&n.text).is_some()
                    || lang::is_currency_qualifier(&n.text)
                    || lang::unit_of(&n.text).is_some()
            });
        match lang::scale_of(&t.text) {
            Some(s) if (t.text.len() > 1 || t.attached) && !metres => {
                value *= s;
                scaled += 1;
                k += 1;
            }
            _ => break,
        }
    }
    (scaled <= 2 && value.abs() <= MAX_AMOUNT).then_some((value, scaled > 0, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::bank::PartialDate;
    use crate::lang::{Gazetteer, tokenize};

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
        for (s, want) in [("six and a half", 6.5), ("2 and a half", 2.5)] {
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
        let day = PartialDate {
            year: Some(2019),
            month: Some(6),
            day: Some(23),
        };
        for s in [
            "2019-06-23",
            "June 23, 2019",
            "23 June 2019",
            "Jun. 23, 2019",
            "23/06/2019",
            "23rd of June 2019",
        ] {
            match &quantities(s)[..] {
                [Value::Date { date, .. }] => assert_eq!(*date, day, "{s}"),
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
    }

    #[test]
    fn comparators_bound_the_claim() {
        assert_eq!(read_all("more than 20,000 people")[0].cmp, Cmp::Gt);
        assert_eq!(read_all("below 50 kelvin")[0].cmp, Cmp::Lt);
        assert!(read_all("under the treaty").is_empty());
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
        let cases: [(&str, Value); 12] = [
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
                    from: year(1950),
                    until: year(1959),
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
