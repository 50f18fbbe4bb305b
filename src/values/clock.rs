//! Times of day ("11 a.m.", "6 p.m.", "23:15", "11:15pm"): a measure on
//! the 24-hour clock, in hours after midnight (unit code `clock`), so
//! that a time written one way compares with the same time written
//! another. A bare "11" is no time: only a colon or "a.m."/"p.m." say so.

use super::Value;
use super::kind::{At, Found, Kind, Names};
use crate::lang::{TokKind, Token};

/// A time of day: a measure in unit [`CLOCK`], so a bank holds it, a quiz
/// answer gives it and claims relate to it as that measure; only reading
/// and display are its own.
pub(crate) struct Clock;

impl Kind for Clock {
    fn read(&self, at: &At) -> Option<Found> {
        let (value, end) = read(at.tokens, at.used, at.k)?;
        Some(Found::whole(Value::Measure { value, unit: CLOCK }, end))
    }

    fn display(&self, v: &Value, _: &Names) -> Option<String> {
        match v {
            Value::Measure { value, unit: CLOCK } => Some(display(*value)),
            _ => None,
        }
    }
}

/// The unit code of a time of day.
pub(crate) const CLOCK: &str = "clock";

/// "am" / "pm" (the tokenizer drops the dots of "a.m."): after noon?
fn half(word: &str) -> Option<bool> {
    match word {
        "am" => Some(false),
        "pm" => Some(true),
        _ => None,
    }
}

/// Reads a time of day at token `k`: hours after midnight, and the token
/// after it.
pub(crate) fn read(tokens: &[Token], used: &[bool], k: usize) -> Option<(f64, usize)> {
    let free = |k: usize| k < tokens.len() && !used[k];
    let t = tokens
        .get(k)
        .filter(|t| free(k) && t.kind == TokKind::Number)?;
    let (h, m) = match t.text.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, Some(m.parse::<u32>().ok()?)),
        Some(_) => return None,
        None => (t.text.parse::<u32>().ok()?, None),
    };
    let marker = tokens
        .get(k + 1)
        .filter(|_| free(k + 1))
        .and_then(|n| half(&n.text));
    let hours = match (marker, m) {
        (Some(pm), _) if (1..=12).contains(&h) => h % 12 + if pm { 12 } else { 0 },
        (None, Some(_)) if h <= 23 => h,
        _ => return None,
    };
    let minutes = m.unwrap_or(0);
    if minutes >= 60 {
        return None;
    }
    let end = if marker.is_some() { k + 2 } else { k + 1 };
    Some((f64::from(hours) + f64::from(minutes) / 60.0, end))
}

/// A time as a 24-hour clock shows it: `23:15`.
pub(crate) fn display(hours: f64) -> String {
    let minutes = (hours * 60.0).round() as i64;
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::tokenize;

    #[test]
    fn times_of_day_read_on_the_24_hour_clock() {
        for (s, want) in [
            ("11 a.m.", Some(11.0)),
            ("6 p.m.", Some(18.0)),
            ("11:15 p.m.", Some(23.25)),
            ("11:15pm", Some(23.25)),
            ("23:15", Some(23.25)),
            ("12 a.m.", Some(0.0)),
            ("12 pm", Some(12.0)),
            ("11", None),
            ("13 pm", None),
            ("3:1", None),
            ("25:00", None),
        ] {
            let toks = tokenize(s);
            let used = vec![false; toks.len()];
            assert_eq!(read(&toks, &used, 0).map(|(h, _)| h), want, "{s}");
        }
    }

    #[test]
    fn times_display_as_a_clock_shows_them() {
        assert_eq!(display(23.25), "23:15");
        assert_eq!(display(6.0), "06:00");
    }
}
