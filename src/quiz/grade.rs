//! Grading answers. Open answers go through the verifier's reading of
//! numbers, dates, money and names, so "112", "112th" and "one hundred
//! and twelfth" are all the same ordinal, while a wrong number or name
//! is always wrong.

use crate::bank::{AnswerType, Bank, EntityKind, OpenAnswer};
use crate::verify::Verifier;
use crate::verify::lexicon::Cmp;
use crate::verify::normalise::{self, PartialDate, QKind, TokKind, parse_digits, stem};

pub fn type_name(t: AnswerType) -> &'static str {
    match t {
        AnswerType::Number => "number",
        AnswerType::Ordinal => "ordinal",
        AnswerType::Date => "date",
        AnswerType::Money => "money",
        AnswerType::Place => "place",
        AnswerType::Person => "person",
        AnswerType::Text => "text",
    }
}

/// An open answer's expected value, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Number(f64),
    Ordinal(u64),
    Date(PartialDate),
    Money { value: f64, currency: String },
    Entity(usize),
    Text(String),
}

/// Parses `value` as its declared type; the error says what is expected.
pub fn parse_expected(bank: &Bank, a: &OpenAnswer) -> Result<Expected, String> {
    let v = a.value.trim();
    let bad = |form: &str| {
        Err(format!(
            "\"{v}\" does not parse as {}: {form}",
            type_name(a.kind)
        ))
    };
    match a.kind {
        AnswerType::Number => match parse_digits(v) {
            Some(n) => Ok(Expected::Number(n)),
            None => bad("write digits, e.g. 12500"),
        },
        AnswerType::Ordinal => match v.parse::<u64>() {
            Ok(n) if n > 0 => Ok(Expected::Ordinal(n)),
            _ => bad("write the position in digits, e.g. 12"),
        },
        AnswerType::Date => match PartialDate::parse_iso(v) {
            Some(d) => Ok(Expected::Date(d)),
            None => bad("write YYYY, YYYY-MM or YYYY-MM-DD"),
        },
        AnswerType::Money => {
            let mut parts = v.split_whitespace();
            let amount = parts.next().and_then(parse_digits);
            let currency = parts
                .next()
                .filter(|c| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()));
            match (amount, currency, parts.next()) {
                (Some(value), Some(c), None) => Ok(Expected::Money {
                    value,
                    currency: c.to_string(),
                }),
                _ => bad("write the amount and an ISO currency code, e.g. 5000000 USD"),
            }
        }
        AnswerType::Place | AnswerType::Person => {
            let Some(i) = bank.entity_index(v) else {
                return bad("name an entity id from the bank's entities");
            };
            let kind = bank.entities[i].kind;
            let fits = if a.kind == AnswerType::Person {
                kind == EntityKind::Person
            } else {
                kind.is_place()
            };
            if fits {
                Ok(Expected::Entity(i))
            } else {
                bad("the entity is of another kind")
            }
        }
        AnswerType::Text => {
            if v.is_empty() {
                bad("the answer is empty")
            } else {
                Ok(Expected::Text(v.to_string()))
            }
        }
    }
}

/// The expected answer as people write it: `display` if the bank gives
/// one, else the value formatted for its type.
pub fn display(bank: &Bank, a: &OpenAnswer) -> String {
    if let Some(d) = &a.display {
        return d.clone();
    }
    match parse_expected(bank, a) {
        Ok(Expected::Number(n)) => group(n),
        Ok(Expected::Ordinal(n)) => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        Ok(Expected::Date(d)) => d.display(),
        Ok(Expected::Money { value, currency }) => format!("{} {currency}", group(value)),
        Ok(Expected::Entity(i)) => bank.entities[i].name.clone(),
        Ok(Expected::Text(t)) => t,
        Err(_) => a.value.clone(),
    }
}

/// 12500 → "12,500"; fractions keep up to two decimals.
fn group(n: f64) -> String {
    let whole = n.trunc() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if whole < 0 {
        out.insert(0, '-');
    }
    let frac = n - n.trunc();
    if frac.abs() > 1e-9 {
        let f = format!("{:.2}", frac.abs());
        out.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    out
}

/// Content stems of a text, for comparing free-text answers.
fn content_stems(text: &str) -> Vec<normalise::Word> {
    normalise::tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokKind::Symbol && !normalise::is_stopword(&t.text))
        .map(|t| stem(&t.text))
        .collect()
}

fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (content_stems(a), content_stems(b));
    !a.is_empty() && a == b
}

/// A word of the given answer that is the expected word or one typo from
/// it (ordinary words of five letters or more only).
fn word_present(want: &str, given: &[normalise::Word]) -> bool {
    given.iter().any(|g| {
        g == want
            || (want.chars().count() >= 5
                && g.chars().next() == want.chars().next()
                && strsim::damerau_levenshtein(g, want) <= 1)
    })
}

/// Whether `given` is a right answer to an open question.
pub fn grade_open(v: &Verifier, a: &OpenAnswer, given: &str) -> bool {
    let Ok(expected) = parse_expected(v.bank(), a) else {
        return false;
    };
    if a.accept.iter().any(|acc| same_words(acc, given)) {
        return true;
    }
    let an = v.analyse(given);
    if an.negations > 0 {
        return false;
    }
    let exact =
        |q: &normalise::Quantity| matches!(q.cmp, Cmp::Exact | Cmp::Approx | Cmp::Precisely);
    let eq = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
    // One quantity only: "100 or 200" is not an answer.
    let only = |pred: &dyn Fn(&QKind) -> bool| {
        let qs: Vec<_> = an
            .quantities
            .iter()
            .filter(|q| !q.small || pred(&q.kind))
            .collect();
        qs.len() == 1 && exact(qs[0]) && pred(&qs[0].kind)
    };
    match expected {
        Expected::Number(n) => only(&|k| match k {
            QKind::Count { value } => eq(*value, n),
            _ => false,
        }),
        Expected::Ordinal(n) => only(&|k| match k {
            QKind::Ordinal { value } => *value == n,
            QKind::Count { value } => eq(*value, n as f64),
            _ => false,
        }),
        Expected::Date(d) => only(&|k| match k {
            QKind::Date { date, alt: None } => {
                // The year may be left out when the question asks for a day.
                let year_ok = date.year == d.year || (date.year.is_none() && d.day.is_some());
                year_ok && date.month == d.month && date.day == d.day
            }
            _ => false,
        }),
        Expected::Money { value, currency } => only(&|k| match k {
            QKind::Money {
                value: x,
                currency: c,
            } => eq(*x, value) && c.is_none_or(|c| c == currency),
            QKind::Count { value: x } => eq(*x, value),
            _ => false,
        }),
        Expected::Entity(e) => !an.mentions.is_empty() && an.mentions.iter().all(|m| m.entity == e),
        Expected::Text(t) => {
            let given = content_stems(given);
            std::iter::once(t.as_str())
                .chain(a.accept.iter().map(String::as_str))
                .any(|form| {
                    let want = content_stems(form);
                    !want.is_empty() && want.iter().all(|w| word_present(w, &given))
                })
        }
    }
}

/// Reads a choice: its text (choices may themselves be numbers, such as
/// years), else its number as shown (1-based).
pub fn parse_choice(choices: &[String], given: &str) -> Option<usize> {
    let g = given.trim().to_lowercase();
    if let Some(i) = choices.iter().position(|c| c.trim().to_lowercase() == g) {
        return Some(i);
    }
    let n = g.parse::<usize>().ok()?;
    (1..=choices.len()).contains(&n).then(|| n - 1)
}

/// Reads true/false, yes/no, t/f, y/n, or 1/2 for the choices as shown
/// ("1) true  2) false").
pub fn parse_bool(given: &str) -> Option<bool> {
    match given.trim().to_lowercase().as_str() {
        "true" | "t" | "yes" | "y" | "1" => Some(true),
        "false" | "f" | "no" | "n" | "2" => Some(false),
        _ => None,
    }
}
