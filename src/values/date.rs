//! Dates: read in every common form (numeric, month-day-year in either
//! order, month and year, a month after a time preposition, named dates,
//! "on the 14th", a year, a decade) and related to a fact's date or period.

use super::bank::{Expected, iso};
use super::kind::{At, Found, Kind, Names};
use super::{Cmp, Rel, Value, period};
use crate::bank::{self, AnswerType, PartialDate};
use crate::lang::{self, Gazetteer, TokKind, Token, word_at};

/// A date: read from a statement in any common form, held against a
/// fact's date or period.
pub(crate) struct Date;

impl Kind for Date {
    fn read(&self, at: &At) -> Option<Found> {
        let (date, alt, end) = read_date(at.tokens, at.used, at.k, at.gaz)?;
        Some(Found::whole(Value::Date { date, alt }, end))
    }

    fn read_bank(&self, v: &bank::Value, _: &Names) -> Option<Result<(Value, Cmp), String>> {
        let bank::Value::Date { value, .. } = v else {
            return None;
        };
        Some(iso(value).map(|date| (Value::Date { date, alt: None }, Cmp::Exact)))
    }

    fn answer(&self, t: AnswerType, v: &str, _: &Names) -> Option<Result<Expected, &'static str>> {
        (t == AnswerType::Date).then(|| {
            PartialDate::parse_iso(v)
                .map(|date| Expected::Value(Value::Date { date, alt: None }))
                .ok_or("write YYYY, YYYY-MM or YYYY-MM-DD")
        })
    }

    fn relation(&self, claim: &Value, _: Cmp, fact: &Value, _: Cmp) -> Option<Rel> {
        let Value::Date { date, alt } = claim else {
            return None;
        };
        match fact {
            Value::Date { date: f, .. } => Some(relation_either(date, alt.as_ref(), f)),
            Value::Period { from, until } => {
                Some(period::date_within(date, alt.as_ref(), from, until))
            }
            _ => None,
        }
    }

    fn comparable(&self, claim: &Value, fact: &Value) -> bool {
        matches!(claim, Value::Date { .. })
            && matches!(fact, Value::Date { .. } | Value::Period { .. })
    }

    fn display(&self, v: &Value, _: &Names) -> Option<String> {
        match v {
            Value::Date { date, .. } => Some(date.display()),
            _ => None,
        }
    }
}

/// A date read from a statement: the date, the other reading of an
/// ambiguous numeric date (`05/02/2019`), and the next token.
pub(crate) type Read = (PartialDate, Option<PartialDate>, usize);

fn date(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> PartialDate {
    PartialDate { year, month, day }
}

/// How a claimed date stands to the fact's: every part the claim gives
/// must equal the fact's; a part the fact lacks cannot be checked.
pub(crate) fn relation(claim: &PartialDate, fact: &PartialDate) -> Rel {
    let mut unknown = false;
    for (c, f) in [
        (claim.year, fact.year),
        (claim.month.map(i32::from), fact.month.map(i32::from)),
        (claim.day.map(i32::from), fact.day.map(i32::from)),
    ] {
        match (c, f) {
            (Some(c), Some(f)) if c != f => return Rel::Mismatch,
            (Some(_), None) => unknown = true,
            _ => {}
        }
    }
    if unknown { Rel::Unknown } else { Rel::Match }
}

/// Both readings of an ambiguous date must agree for a verdict.
pub(crate) fn relation_either(
    claim: &PartialDate,
    alt: Option<&PartialDate>,
    fact: &PartialDate,
) -> Rel {
    let r = relation(claim, fact);
    match alt.map(|d| relation(d, fact)) {
        None => r,
        Some(r2) if r2 == r => r,
        Some(_) => Rel::Unknown,
    }
}

/// Reads `2019-06-23`, `2019/06/23`, `23/06/2019`, `06/23/2019`, `23.06.2019`.
/// A day-month order that cannot be told apart yields both readings.
pub(crate) fn parse_numeric_date(s: &str) -> Option<(PartialDate, Option<PartialDate>)> {
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let nums: Vec<i32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let mk = |y: i32, m: i32, d: i32| -> Option<PartialDate> {
        let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
        ((1..=12).contains(&m) && crate::bank::valid_day(y, m, d)).then_some(PartialDate {
            year: Some(y),
            month: Some(m),
            day: Some(d),
        })
    };
    if parts[0].len() == 4 {
        return mk(nums[0], nums[1], nums[2]).map(|d| (d, None));
    }
    // A two-digit year ("2/14/24") is of this century up to 69, as most
    // date libraries read it.
    let year = match parts[2].len() {
        4 => nums[2],
        2 if nums[2] < 70 => 2000 + nums[2],
        2 => 1900 + nums[2],
        _ => return None,
    };
    let dmy = mk(year, nums[1], nums[0]);
    let mdy = mk(year, nums[0], nums[1]);
    // Dots are written day first ("12.07.2022"), where they are used.
    if s.contains('.') && dmy.is_some() {
        return dmy.map(|d| (d, None));
    }
    match (dmy, mdy) {
        (Some(a), Some(b)) if a != b => Some((a, Some(b))),
        (Some(a), _) => Some((a, None)),
        (None, Some(b)) => Some((b, None)),
        (None, None) => None,
    }
}

pub(crate) fn day_at(tokens: &[Token], used: &[bool], k: usize) -> Option<(u8, usize)> {
    let t = tokens.get(k).filter(|_| !used[k])?;
    if t.kind != TokKind::Number || t.text.len() > 2 {
        return None;
    }
    let d: u8 = t.text.parse().ok().filter(|d| (1..=31).contains(d))?;
    let mut end = k + 1;
    if tokens
        .get(end)
        .is_some_and(|s| s.attached && matches!(s.text.as_str(), "st" | "nd" | "rd" | "th"))
    {
        end += 1;
    }
    Some((d, end))
}

pub(crate) fn year_at(tokens: &[Token], used: &[bool], k: usize) -> Option<i32> {
    let t = tokens.get(k).filter(|_| !used[k])?;
    if t.kind != TokKind::Number || t.text.len() != 4 {
        return None;
    }
    let y: i32 = t.text.parse().ok()?;
    (1000..=2199).contains(&y).then_some(y)
}

/// Words after which a bare month name is a month, not a verb or a modal
/// ("in May", "since March").
const MONTH_CUES: &[&str] = &[
    "in", "by", "since", "until", "till", "during", "before", "after", "from", "of", "through",
];

/// Reads a date at token `k`: numeric, month-day-year in either order,
/// month-year, a month alone, a named date with or without a year, a year.
pub(crate) fn read_date(
    tokens: &[Token],
    used: &[bool],
    k: usize,
    gaz: &Gazetteer,
) -> Option<Read> {
    let t = tokens.get(k).filter(|_| !used[k])?;
    if t.kind == TokKind::Number
        && t.text.contains(['-', '/', '.'])
        && let Some((d, alt)) = parse_numeric_date(&t.text)
    {
        return Some((d, alt, k + 1));
    }
    named(tokens, used, k, gaz)
        .or_else(|| relative(tokens, used, k))
        .or_else(|| month_first(tokens, used, k))
        .or_else(|| day_first(tokens, used, k))
        .or_else(|| year(tokens, used, k))
}

/// The year after a day and month, if one follows.
fn with_year(tokens: &[Token], used: &[bool], d: PartialDate, end: usize) -> Read {
    match year_at(tokens, used, end) {
        Some(y) => (PartialDate { year: Some(y), ..d }, None, end + 1),
        None => (d, None, end),
    }
}

fn named(tokens: &[Token], used: &[bool], k: usize, gaz: &Gazetteer) -> Option<Read> {
    if !gaz.starts_named_date(&tokens[k].text) {
        return None;
    }
    let (seq, month, day) = gaz
        .named_dates
        .iter()
        .find(|(seq, _, _)| seq_matches(tokens, used, k, seq))?;
    let d = date(None, Some(*month), Some(*day));
    let end = k + seq.len();
    // "Christmas Day in 2021", "New Year's Eve of 1999": that year's.
    let of_year =
        (tokens.get(end)).is_some_and(|t| matches!(t.text.as_str(), "in" | "of") && !used[end]);
    if of_year && let Some(y) = year_at(tokens, used, end + 1) {
        return Some((PartialDate { year: Some(y), ..d }, None, end + 2));
    }
    Some(with_year(tokens, used, d, end))
}

/// "last February", "early March": the month, whatever year is meant;
/// "early 2024": the year.
fn relative(tokens: &[Token], used: &[bool], k: usize) -> Option<Read> {
    if !lang::RELATIVE_MONTH_SET.contains(tokens[k].text.as_str()) {
        return None;
    }
    if let Some(m) = word_at(tokens, k + 1).and_then(lang::month_of)
        && !used[k + 1]
    {
        return Some((date(None, Some(m), None), None, k + 2));
    }
    let y = year_at(tokens, used, k + 1)?;
    // "late 1950s" is a part of a decade, a period's to read.
    if tokens
        .get(k + 2)
        .is_some_and(|t| t.attached && t.text == "s")
    {
        return None;
    }
    Some((date(Some(y), None, None), None, k + 2))
}

fn month_first(tokens: &[Token], used: &[bool], k: usize) -> Option<Read> {
    let t = &tokens[k];
    let m = lang::month_of(&t.text)?;
    if let Some((d, end)) = day_at(tokens, used, k + 1) {
        return Some(with_year(tokens, used, date(None, Some(m), Some(d)), end));
    }
    if let Some(y) = year_at(tokens, used, k + 1) {
        return Some((date(Some(y), Some(m), None), None, k + 2));
    }
    // "May" and "March" are also ordinary words: a month alone only as a
    // full unambiguous name, or after a preposition of time.
    let cued = k > 0 && MONTH_CUES.contains(&tokens[k - 1].text.as_str());
    let unambiguous = t.text.len() > 4 && t.text != "march";
    (cued || unambiguous).then_some((date(None, Some(m), None), None, k + 1))
}

/// "14 February", "the 14th of February", "on the 14th".
fn day_first(tokens: &[Token], used: &[bool], k: usize) -> Option<Read> {
    let (d, mut end) = day_at(tokens, used, k)?;
    let mut p = k;
    if p > 0 && tokens[p - 1].text == "the" {
        p -= 1;
    }
    let after_on = p > 0 && tokens[p - 1].text == "on";
    let ordinal = end > k + 1;
    // "on the 12th day (of the trek)": a rank of a span, not a day of a month.
    let span_after =
        (tokens.get(end)).is_some_and(|t| t.is(lang::CLASS_DURATIONS) || t.text == "time");
    if after_on && ordinal && !span_after && word_at(tokens, end).and_then(lang::month_of).is_none()
    {
        return Some((date(None, None, Some(d)), None, end));
    }
    if word_at(tokens, end) == Some("of") {
        end += 1;
    }
    let m = word_at(tokens, end).and_then(lang::month_of)?;
    if used[end] {
        return None;
    }
    Some(with_year(
        tokens,
        used,
        date(None, Some(m), Some(d)),
        end + 1,
    ))
}

/// A year: four plain digits, nothing money-like around it.
fn year(tokens: &[Token], used: &[bool], k: usize) -> Option<Read> {
    let y = year_at(tokens, used, k)?;
    let next = tokens.get(k + 1).map(|t| t.text.as_str());
    let money_like = next.is_some_and(|w| {
        lang::scale_of(w).is_some()
            || lang::currency_word(w).is_some()
            || lang::unit_of(w).is_some()
    });
    let prev_symbol = k > 0 && tokens[k - 1].kind == TokKind::Symbol;
    (!money_like && !prev_symbol && !after_bound(tokens, k)).then_some((
        date(Some(y), None, None),
        None,
        k + 1,
    ))
}

/// Whether a bound ends right before `k` ("more than", "topped", "at
/// least"): a four-digit figure after it is a count ("more than 1000
/// workers"), never a year. "about 1800" may still be a year.
fn after_bound(tokens: &[Token], k: usize) -> bool {
    (1..=4.min(k)).any(|n| {
        lang::comparators_from(&tokens[k - n].text).any(|(phrase, cmp)| {
            matches!(cmp, Cmp::Gt | Cmp::Ge | Cmp::Lt | Cmp::Le)
                && lang::phrase_at(tokens, k - n, phrase) == Some(n)
        })
    })
}

pub(crate) fn seq_matches(tokens: &[Token], used: &[bool], i: usize, seq: &[lang::Word]) -> bool {
    seq.iter().enumerate().all(|(k, s)| {
        tokens
            .get(i + k)
            .is_some_and(|t| !used[i + k] && t.text == *s)
    })
}
/// A time as a range of days since the civil epoch.
pub(crate) type Span = (i64, i64);

/// The days a partial date may mean.
pub(crate) fn span(d: &PartialDate) -> Option<Span> {
    let y = d.year?;
    let (m0, m1) = d.month.map_or((1, 12), |m| (m, m));
    let last = last_day(y, m1);
    let (d0, d1) = d.day.map_or((1, last), |d| (d, d));
    Some((days(y, m0, d0), days(y, m1, d1)))
}

fn last_day(y: i32, m: u8) -> u8 {
    (28..=31)
        .rev()
        .find(|&d| crate::bank::valid_day(y, m, d))
        .unwrap_or(28)
}

/// Days since the civil epoch (Howard Hinnant's algorithm).
pub(crate) fn days(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day of the week of a day count, 1 (Monday) to 7: day 0, 1 January
/// 1970, was a Thursday.
pub(crate) fn weekday(days: i64) -> u8 {
    (days + 3).rem_euclid(7) as u8 + 1
}

/// The date of a day count ([`days`] undone), in the proleptic Gregorian
/// calendar (Howard Hinnant's algorithm); the year is wide, for any count.
pub(crate) fn civil(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The last date on or before `before` that falls on `day` of the week:
/// "on Monday" in an article of Wednesday 3 April 2024 is 1 April.
pub(crate) fn last_weekday(before: &PartialDate, day: u8) -> Option<PartialDate> {
    let n = days(before.year?, before.month?, before.day?);
    let back = i64::from((weekday(n) + 7 - day) % 7);
    let (year, month, day) = civil(n - back);
    PartialDate::parse_iso(&format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates_are_read_day_first_only_with_dots() {
        let d = |s: &str| PartialDate::parse_iso(s).unwrap();
        for (text, want, alt) in [
            ("12.07.2022", "2022-07-12", None),
            ("2/14/24", "2024-02-14", None),
            ("12/07/2022", "2022-07-12", Some("2022-12-07")),
            ("31.12.99", "1999-12-31", None),
            ("2022-07-12", "2022-07-12", None),
        ] {
            let got = parse_numeric_date(text);
            assert_eq!(got, Some((d(want), alt.map(d))), "{text}");
        }
        assert_eq!(parse_numeric_date("13.13.2022"), None);
    }

    #[test]
    fn day_counts_turn_back_into_dates_and_weekdays() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2024, 2, 29),
            (2021, 12, 25),
            (1900, 3, 1),
            (2400, 12, 31),
        ] {
            assert_eq!(civil(days(y, m, d)), (i64::from(y), m, d));
        }
        let date = |s: &str| PartialDate::parse_iso(s).unwrap();
        // Wednesday 3 April 2024: its Monday is the 1st, its Wednesday itself.
        assert_eq!(
            last_weekday(&date("2024-04-03"), 1),
            Some(date("2024-04-01"))
        );
        assert_eq!(
            last_weekday(&date("2024-04-03"), 3),
            Some(date("2024-04-03"))
        );
        assert_eq!(
            last_weekday(&date("2024-04-03"), 4),
            Some(date("2024-03-28"))
        );
        assert_eq!(last_weekday(&date("2024-04"), 1), None);
    }

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(days(2022, 7, 12) - days(2021, 12, 25), 199);
    }
}
