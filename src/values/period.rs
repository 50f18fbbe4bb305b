//! Periods: a span of time ("from 1961 to 1968", "1961–68", "between 1961
//! and 1968", "the 1950s"). A date within a fact's period holds (a head
//! of an agency from 1961 to 1968 headed it in 1963); one outside does not.

use super::amount::amount_relation;
use super::bank::{Expected, iso};
use super::date::{self, year_at};
use super::kind::{At, Found, Kind, Names};
use super::{Rel, Value};
use crate::bank::{self, AnswerType, PartialDate};
use crate::lang::Cmp;
use crate::lang::{self, Gazetteer, TokKind, Token};

/// A span of time: read before a date, since it starts with one.
pub(crate) struct Period;

impl Kind for Period {
    fn read(&self, at: &At) -> Option<Found> {
        let (from, until, end) = part_of_decade(at.tokens, at.used, at.k)
            .or_else(|| read_decade(at.tokens, at.used, at.k))
            .or_else(|| read_part(at.tokens, at.used, at.k))
            .or_else(|| read_edge(at.tokens, at.used, at.k))
            .or_else(|| read(at.tokens, at.used, at.k, at.gaz))?;
        Some(Found::whole(Value::Period { from, until }, end))
    }

    fn read_bank(&self, v: &bank::Value, _: &Names) -> Option<Result<(Value, Cmp), String>> {
        let bank::Value::Period { from, until, .. } = v else {
            return None;
        };
        let read = || -> Result<_, String> {
            let (from, until) = (iso(from)?, iso(until)?);
            Ok((Value::Period { from, until }, Cmp::Exact))
        };
        Some(read())
    }

    fn answer(&self, t: AnswerType, v: &str, _: &Names) -> Option<Result<Expected, &'static str>> {
        (t == AnswerType::Period)
            .then(|| parse(v).map(|(from, until)| Expected::Value(Value::Period { from, until })))
    }

    fn relation(&self, claim: &Value, _: Cmp, fact: &Value, _: Cmp) -> Option<Rel> {
        let Value::Period { from, until } = claim else {
            return None;
        };
        match fact {
            Value::Date { date, .. } => Some(contains_date(from, until, date)),
            Value::Period { from: f, until: u } => Some(relation(from, until, f, u)),
            _ => None,
        }
    }

    fn comparable(&self, claim: &Value, fact: &Value) -> bool {
        matches!(claim, Value::Period { .. })
            && matches!(fact, Value::Date { .. } | Value::Period { .. })
    }

    fn display(&self, v: &Value, _: &Names) -> Option<String> {
        match v {
            Value::Period { from, until } => Some(display(from, until)),
            _ => None,
        }
    }
}

/// The first and last year a partial date can mean.
fn years(d: &PartialDate) -> Option<i32> {
    d.year
}

/// Whether the claimed date falls inside the fact's period.
pub(crate) fn date_within(
    claim: &PartialDate,
    alt: Option<&PartialDate>,
    from: &PartialDate,
    until: &PartialDate,
) -> Rel {
    let one = |d: &PartialDate| match (years(d), years(from), years(until)) {
        (Some(y), Some(a), Some(b)) if y > a && y < b => Rel::Match,
        (Some(y), Some(a), Some(b)) if y < a || y > b => Rel::Mismatch,
        // The first or last year: the months decide, when given.
        (Some(_), Some(_), Some(_)) => edge(d, from, until),
        _ => Rel::Unknown,
    };
    let r = one(claim);
    match alt.map(one) {
        Some(r2) if r2 != r => Rel::Unknown,
        _ => r,
    }
}

fn edge(d: &PartialDate, from: &PartialDate, until: &PartialDate) -> Rel {
    let key = |p: &PartialDate| (p.year, p.month.unwrap_or(0), p.day.unwrap_or(0));
    let in_from = date::relation(d, from) == Rel::Match || key(d) > key(from);
    let in_until = date::relation(d, until) == Rel::Match || (d.year < until.year);
    let precise = d.month.is_some() || (from.month.is_none() && until.month.is_none());
    match (in_from && in_until, precise) {
        (true, _) => Rel::Match,
        (false, true) => Rel::Mismatch,
        (false, false) => Rel::Unknown,
    }
}

/// A claimed period ("the 1950s") holds for a fact's date inside it.
pub(crate) fn contains_date(from: &PartialDate, until: &PartialDate, fact: &PartialDate) -> Rel {
    // By days: "in the first quarter of 2024" holds for 14 February 2024,
    // fails for May 2024, and a fact of all 2024 does not decide it.
    let (Some(a), Some(b), Some(f)) = (date::span(from), date::span(until), date::span(fact))
    else {
        return Rel::Unknown;
    };
    if f.0 >= a.0 && f.1 <= b.1 {
        Rel::Match
    } else if f.1 < a.0 || f.0 > b.1 {
        Rel::Mismatch
    } else {
        Rel::Unknown
    }
}

/// A claimed duration ("for about seven years") against the length of the
/// fact's period (1961 to 1968). Disjoint from every length the dates
/// allow: it differs; the length people would say (the difference of the
/// years, or of the days when both ends are days): it holds.
pub(crate) fn length_relation(days: f64, cmp: Cmp, from: &PartialDate, until: &PartialDate) -> Rel {
    let (Some(f), Some(u)) = (date::span(from), date::span(until)) else {
        return Rel::Unknown;
    };
    let (lo, hi) = ((u.0 - f.1) as f64, (u.1 - f.0) as f64);
    let nominal = match (from.day, until.day, from.year, until.year) {
        (Some(_), Some(_), _, _) => (u.0 - f.0) as f64,
        (_, _, Some(a), Some(b)) => f64::from(b - a) * 365.25,
        _ => return Rel::Unknown,
    };
    // Beyond every length the dates allow, the claim differs for sure.
    let beyond = match cmp {
        Cmp::Gt | Cmp::Ge => days >= hi,
        Cmp::Lt | Cmp::Le | Cmp::UpTo => days <= lo,
        _ => days > hi * 1.1 || days < lo * 0.9,
    };
    if beyond {
        Rel::Mismatch
    } else if amount_relation(days, cmp, nominal, Cmp::Approx) == Rel::Match {
        Rel::Match
    } else {
        Rel::Unknown
    }
}

/// Two periods: the same span holds; a span that overlaps but differs
/// is undecided; one that does not meet the fact's differs.
pub(crate) fn relation(
    from: &PartialDate,
    until: &PartialDate,
    f: &PartialDate,
    u: &PartialDate,
) -> Rel {
    // The same ends, as far as both give them ("1961 to 1968" for
    // February 1961 to October 1968; not "May to June" for May to July).
    let same = |a: &PartialDate, b: &PartialDate| {
        let agree = |x: Option<u8>, y: Option<u8>| x.is_none() || y.is_none() || x == y;
        a.year == b.year && agree(a.month, b.month) && agree(a.day, b.day)
    };
    // "led it in the 1960s" places a span of 1961 to 1968 rather than
    // giving its ends: a decade holds for a span inside it, not outside.
    let decade = is_decade(from, until);
    match (from.year, until.year, f.year, u.year) {
        (Some(a), Some(b), Some(x), Some(y)) if decade && a <= x && y <= b => Rel::Match,
        (Some(a), Some(b), Some(x), Some(y)) if decade && !(y < a || x > b) => Rel::Unknown,
        (Some(_), Some(_), Some(_), Some(_)) if same(from, f) && same(until, u) => Rel::Match,
        (Some(_), Some(_), Some(_), Some(_)) => Rel::Mismatch,
        _ => Rel::Unknown,
    }
}

/// "1961-1968", "1961-68": one number token.
fn span_token(t: &Token) -> Option<(i32, i32)> {
    if t.kind != TokKind::Number {
        return None;
    }
    let (a, b) = t.text.split_once('-')?;
    let from: i32 = a.parse().ok().filter(|_| a.len() == 4)?;
    let until: i32 = match b.len() {
        4 => b.parse().ok()?,
        2 => from / 100 * 100 + b.parse::<i32>().ok()?,
        _ => return None,
    };
    (until > from).then_some((from, until))
}

fn year_date(y: i32) -> PartialDate {
    PartialDate {
        year: Some(y),
        month: None,
        day: None,
    }
}

/// Token `k` as written, if no name or value has taken it.
fn free<'t>(tokens: &'t [Token], used: &[bool], k: usize) -> Option<&'t str> {
    tokens.get(k).filter(|_| !used[k]).map(|t| t.text.as_str())
}

/// A part of a year: "Q1 2024", "the first quarter of 2024", "the second
/// half of 2023": its first and last months.
fn read_part(
    tokens: &[Token],
    used: &[bool],
    k: usize,
) -> Option<(PartialDate, PartialDate, usize)> {
    let word = |k: usize| free(tokens, used, k);
    let ordinal = |k: usize| {
        word(k)
            .and_then(lang::ordinal_word)
            .and_then(|n| u8::try_from(n).ok())
    };
    // The months in a part, which part it is, and the token after.
    let (months, part, end) = match (word(k)?, word(k + 1)) {
        (w, _) if lang::QUARTERS_MAP.contains_key(w) => (3, *lang::QUARTERS_MAP.get(w)?, k + 1),
        (_, Some("quarter")) => (3, ordinal(k)?, k + 2),
        (_, Some("half")) => (6, ordinal(k)?, k + 2),
        _ => return None,
    };
    if part == 0 || part > 12 / months {
        return None;
    }
    let at = if word(end) == Some("of") {
        end + 1
    } else {
        end
    };
    let year = year_at(tokens, used, at)?;
    let month = |m: u8| PartialDate {
        year: Some(year),
        month: Some(m),
        day: None,
    };
    Some((month(months * (part - 1) + 1), month(months * part), at + 1))
}

/// The first or last days, weeks or months of a year or a month: "the
/// last week of 2021", "the first two months of 2024", "the final 10 days
/// of March 2023". Its first and last days.
fn read_edge(
    tokens: &[Token],
    used: &[bool],
    k: usize,
) -> Option<(PartialDate, PartialDate, usize)> {
    let word = |k: usize| free(tokens, used, k);
    let start = match word(k)? {
        "first" | "opening" | "early" => true,
        "last" | "final" | "closing" => false,
        _ => return None,
    };
    // "two", "2", or none ("the last week": one).
    let (n, at) = match word(k + 1).and_then(|w| lang::cardinal(w).or_else(|| w.parse().ok())) {
        Some(n) if (1..=12).contains(&n) => (n as i64, k + 2),
        _ => (1, k + 1),
    };
    let unit_days = match word(at)? {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        "month" | "months" => 0,
        _ => return None,
    };
    // "the final days of March" gives no count: a few, not one.
    let plural = word(at).is_some_and(|w| w.ends_with('s'));
    if word(at + 1) != Some("of") || (plural && at == k + 1) {
        return None;
    }
    let month = word(at + 2).and_then(lang::month_of);
    let y = year_at(tokens, used, at + 2 + usize::from(month.is_some()))?;
    let end = at + 3 + usize::from(month.is_some());
    let whole = date::span(&PartialDate {
        year: Some(y),
        month,
        day: None,
    })?;
    let (a, b) = match (unit_days, month) {
        // Whole months of a year: month-level dates.
        (0, None) if n < 12 => {
            let m = |x: i64| PartialDate {
                year: Some(y),
                month: Some(x as u8),
                day: None,
            };
            return Some(match start {
                true => (m(1), m(n), end),
                false => (m(13 - n), m(12), end),
            });
        }
        (0, _) => return None,
        (d, _) if start => (whole.0, (whole.0 + n * d - 1).min(whole.1)),
        (d, _) => ((whole.1 - n * d + 1).max(whole.0), whole.1),
    };
    Some((day_date(a), day_date(b), end))
}

/// The date of a day count.
fn day_date(n: i64) -> PartialDate {
    let (y, m, d) = date::civil(n);
    PartialDate {
        year: i32::try_from(y).ok(),
        month: Some(m),
        day: Some(d),
    }
}

/// Reads a period at token `k`: "from A to B", "between A and B",
/// "A-B", "A to B" (A and B dates).
pub(crate) fn read(
    tokens: &[Token],
    used: &[bool],
    k: usize,
    gaz: &Gazetteer,
) -> Option<(PartialDate, PartialDate, usize)> {
    let t = tokens.get(k).filter(|_| !used[k])?;
    if let Some((a, b)) = span_token(t) {
        return Some((year_date(a), year_date(b), k + 1));
    }
    let start = if t.is(lang::CLASS_PERIOD_STARTS) {
        k + 1
    } else {
        k
    };
    // A year first, or a month whose year the end gives ("from May to
    // October 2023").
    let month_first = tokens
        .get(start)
        .is_some_and(|t| crate::lang::month_of(&t.text).is_some());
    if !month_first {
        year_at(tokens, used, start)?;
    }
    let (mut from, _, end) = date::read_date(tokens, used, start, gaz)?;
    let joint = tokens.get(end).filter(|_| end < used.len() && !used[end])?;
    let joins = if t.text == "between" {
        joint.text == "and"
    } else {
        matches!(
            joint.text.as_str(),
            "to" | "until" | "till" | "through" | "thru"
        )
    };
    if !joins {
        return None;
    }
    let (until, _, last) = date::read_date(tokens, used, end + 1, gaz)?;
    if from.year.is_none() {
        // The same year, or the one before when the months wrap
        // ("from November to March 2024").
        let wraps = from.month > until.month && until.month.is_some();
        from.year = until.year.map(|y| if wraps { y - 1 } else { y });
        from.year?;
    }
    (until.year >= from.year).then_some((from, until, last))
}

/// "the 1950s": a decade, as the period of its ten years.
fn read_decade(
    tokens: &[Token],
    used: &[bool],
    k: usize,
) -> Option<(PartialDate, PartialDate, usize)> {
    let start = year_at(tokens, used, k)?;
    tokens.get(k + 1).filter(|t| t.attached && t.text == "s")?;
    // Written to the day, which a decade's ends are and a bank's years
    // are not: `relation` reads a decade as a time, not as two ends.
    let day = |y: i32, m: u8, d: u8| PartialDate {
        year: Some(y),
        month: Some(m),
        day: Some(d),
    };
    Some((day(start, 1, 1), day(start + 9, 12, 31), k + 2))
}

/// "early 1950s" (1950–1953), "mid-1950s" (1953–1956), "late 1950s"
/// (1956–1959), as the words are commonly taken.
fn part_of_decade(
    tokens: &[Token],
    used: &[bool],
    k: usize,
) -> Option<(PartialDate, PartialDate, usize)> {
    let offset = match tokens.get(k).filter(|_| !used[k])?.text.as_str() {
        "early" => 0,
        "mid" => 3,
        "late" => 6,
        _ => return None,
    };
    let (from, _, end) = read_decade(tokens, used, k + 1)?;
    let start = from.year? + offset;
    Some((year_date(start), year_date(start + 3), end))
}

/// A decade as read from a statement ("the 1960s"): 1 January of a year
/// ending in 0 to 31 December nine years on.
fn is_decade(from: &PartialDate, until: &PartialDate) -> bool {
    matches!(
        (from.year, from.month, from.day, until.year, until.month, until.day),
        (Some(a), Some(1), Some(1), Some(b), Some(12), Some(31)) if a % 10 == 0 && b == a + 9
    )
}

/// A quiz answer's expected period: `1961/1968`.
pub(crate) fn parse(v: &str) -> Result<(PartialDate, PartialDate), &'static str> {
    let err = "write the first and last date as YYYY/YYYY";
    let (a, b) = v.split_once('/').ok_or(err)?;
    let from = PartialDate::parse_iso(a.trim()).ok_or(err)?;
    let until = PartialDate::parse_iso(b.trim()).ok_or(err)?;
    Ok((from, until))
}

pub(crate) fn display(from: &PartialDate, until: &PartialDate) -> String {
    format!("from {} to {}", from.display(), until.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_hold_dates_and_periods_by_their_months_and_days() {
        let d = |s: &str| PartialDate::parse_iso(s).unwrap();
        for (from, until, fact, want) in [
            ("2024-01", "2024-03", "2024-02-14", Rel::Match),
            ("2024-04", "2024-06", "2024-02-14", Rel::Mismatch),
            ("2024-01", "2024-03", "2024", Rel::Unknown),
            ("1950", "1959", "1959", Rel::Match),
            ("1960", "1970", "1959-01-01", Rel::Mismatch),
        ] {
            assert_eq!(
                contains_date(&d(from), &d(until), &d(fact)),
                want,
                "{from}..{until} {fact}"
            );
        }
        for (claim, fact, want) in [
            (("1961", "1968"), ("1961-02-14", "1968-10-07"), Rel::Match),
            (("1960", "1969"), ("1961", "1968"), Rel::Mismatch),
            // A decade as a statement writes it holds for a span inside it;
            // a part of one ("late 1950s", 1956 to 1959) is ends of its own.
            (("1960-01-01", "1969-12-31"), ("1961", "1968"), Rel::Match),
            (("1960-01-01", "1969-12-31"), ("1958", "1968"), Rel::Unknown),
            (
                ("1950-01-01", "1959-12-31"),
                ("1961", "1968"),
                Rel::Mismatch,
            ),
            (
                ("2023-05", "2023-06"),
                ("2023-05", "2023-07"),
                Rel::Mismatch,
            ),
            (("2023-05", "2023-07"), ("2023-05", "2023-07"), Rel::Match),
        ] {
            let got = relation(&d(claim.0), &d(claim.1), &d(fact.0), &d(fact.1));
            assert_eq!(got, want, "{claim:?} against {fact:?}");
        }
    }

    #[test]
    fn parts_of_a_year_are_periods_of_their_months() {
        let tokens_of = |s: &str| crate::lang::tokenize(s);
        for (s, want) in [
            ("Q1 2024", Some(("2024-01", "2024-03"))),
            ("first quarter of 2024", Some(("2024-01", "2024-03"))),
            ("fourth quarter 2023", Some(("2023-10", "2023-12"))),
            ("second half of 2023", Some(("2023-07", "2023-12"))),
            ("fifth quarter of 2023", None),
            ("third half of 2023", None),
            ("first quarter", None),
        ] {
            let toks = tokens_of(s);
            let used = vec![false; toks.len()];
            let got = read_part(&toks, &used, 0).map(|(a, b, _)| (a, b));
            let date = |s: &str| PartialDate::parse_iso(s).unwrap();
            let want = want.map(|(a, b): (&str, &str)| (date(a), date(b)));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn the_first_or_last_days_weeks_or_months_are_a_period() {
        for (s, want) in [
            ("last week of 2021", Some(("2021-12-25", "2021-12-31"))),
            ("first week of 2022", Some(("2022-01-01", "2022-01-07"))),
            ("first two months of 2024", Some(("2024-01", "2024-02"))),
            ("last three months of 2024", Some(("2024-10", "2024-12"))),
            (
                "final 10 days of february 2024",
                Some(("2024-02-20", "2024-02-29")),
            ),
            (
                "first day of march 2023",
                Some(("2023-03-01", "2023-03-01")),
            ),
            ("final days of december 2021", None),
            ("last month of march 2023", None),
            ("first week of the year", None),
            ("first country", None),
        ] {
            let toks = crate::lang::tokenize(s);
            let used = vec![false; toks.len()];
            let got = read_edge(&toks, &used, 0).map(|(a, b, _)| (a, b));
            let date = |s: &str| PartialDate::parse_iso(s).unwrap();
            let want = want.map(|(a, b): (&str, &str)| (date(a), date(b)));
            assert_eq!(got, want, "{s}");
        }
    }

    fn y(n: i32) -> PartialDate {
        year_date(n)
    }

    #[test]
    fn a_duration_is_held_against_the_periods_length() {
        let year = 365.25;
        let cases = [
            (7.0, Cmp::Approx, Rel::Match),
            (7.0, Cmp::Exact, Rel::Match),
            (5.0, Cmp::Gt, Rel::Match),
            (10.0, Cmp::Lt, Rel::Match),
            (10.0, Cmp::Gt, Rel::Mismatch),
            (4.0, Cmp::Lt, Rel::Mismatch),
            (20.0, Cmp::Exact, Rel::Mismatch),
            // 1961 to 1968 may be six years and a bit: not a wrong figure.
            (6.0, Cmp::Exact, Rel::Unknown),
            (7.0, Cmp::Gt, Rel::Unknown),
        ];
        for (n, cmp, want) in cases {
            let got = length_relation(n * year, cmp, &y(1961), &y(1968));
            assert_eq!(got, want, "{n} years {cmp:?}");
        }
    }

    #[test]
    fn a_date_inside_the_period_holds() {
        assert_eq!(date_within(&y(1963), None, &y(1961), &y(1968)), Rel::Match);
        assert_eq!(
            date_within(&y(1958), None, &y(1961), &y(1968)),
            Rel::Mismatch
        );
        assert_eq!(date_within(&y(1961), None, &y(1961), &y(1968)), Rel::Match);
        assert_eq!(
            date_within(&y(1972), None, &y(1961), &y(1968)),
            Rel::Mismatch
        );
    }

    #[test]
    fn spans_read_in_one_token() {
        let toks = crate::lang::tokenize("1961-68");
        assert_eq!(span_token(&toks[0]), Some((1961, 1968)));
    }

    #[test]
    fn parts_of_a_decade_are_periods_of_their_years() {
        let tokens_of = |s: &str| crate::lang::tokenize(s);
        for (s, want) in [
            ("early 1950s", Some((1950, 1953))),
            ("mid 1950s", Some((1953, 1956))),
            ("late 1950s", Some((1956, 1959))),
            ("late 1950", None),
            ("1950s", None),
        ] {
            let toks = tokens_of(s);
            let used = vec![false; toks.len()];
            let got = part_of_decade(&toks, &used, 0)
                .map(|(a, b, _)| (a.year.expect("a year"), b.year.expect("a year")));
            assert_eq!(got, want, "{s}");
        }
    }
}
