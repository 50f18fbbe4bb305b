//! Grading answers. Open answers go through the verifier's reading of
//! numbers, dates, money and names, so "112", "112th" and "one hundred
//! and twelfth" are all the same ordinal, while a wrong number or name
//! is always wrong.

use crate::bank::{Bank, OpenAnswer, Question, QuestionBody};
use crate::lang::{self, TokKind, Word, stem, tokenize};
use crate::values::{self, Cmp, Expected, Quantity, Rel, Value};
use crate::verify::Verifier;

/// The right answer to a question as a person would read it.
pub fn answer_text(q: &Question, bank: &Bank) -> String {
    match &q.body {
        QuestionBody::Choice { answer, .. } => answer.clone(),
        QuestionBody::Truefalse { answer } => if *answer { "true" } else { "false" }.into(),
        QuestionBody::Open { answer } => values::display_answer(bank, answer),
    }
}

/// Content stems of a text, for comparing free-text answers.
fn content_stems(text: &str) -> Vec<Word> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokKind::Symbol && !lang::is_stopword(&t.text))
        .map(|t| stem(&t.text))
        .collect()
}

fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (content_stems(a), content_stems(b));
    !a.is_empty() && a == b
}

/// A word of the given answer that is the expected word or one typo from
/// it (ordinary words of five letters or more only).
fn word_present(want: &str, given: &[Word]) -> bool {
    given.iter().any(|g| {
        g == want
            || (want.chars().count() >= 5
                && g.chars().next() == want.chars().next()
                && strsim::damerau_levenshtein(g, want) <= 1)
    })
}

/// Whether `given` is a right answer to an open question.
pub fn grade_open(v: &Verifier, a: &OpenAnswer, given: &str) -> bool {
    let Ok(expected) = values::parse_answer(v.bank(), a) else {
        return false;
    };
    if a.accept.iter().any(|acc| same_words(acc, given)) {
        return true;
    }
    let an = v.analyse_answer(given);
    if an.negations > 0 {
        return false;
    }
    match expected {
        Expected::Value(Value::Place { entity } | Value::Person { entity }) => {
            !an.mentions.is_empty() && an.mentions.iter().all(|m| m.entity == entity)
        }
        Expected::Value(want) => {
            // One value only: "100 or 200" is not an answer.
            let qs: Vec<&Quantity> = an
                .quantities
                .iter()
                .filter(|q| !q.small || answers(q, &want))
                .collect();
            qs.len() == 1 && answers(qs[0], &want)
        }
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

/// Whether one value read from an answer is the expected one: the same
/// value of a kind that compares with it, said without a bound. A day
/// may leave out its year; a rank may be given as a plain number.
fn answers(q: &Quantity, want: &Value) -> bool {
    if !matches!(q.cmp, Cmp::Exact | Cmp::Approx | Cmp::Precisely) {
        return false;
    }
    match (&q.kind, want) {
        (Value::Date { date, alt: None }, Value::Date { date: d, .. }) => {
            let year_ok = date.year == d.year || (date.year.is_none() && d.day.is_some());
            year_ok && date.month == d.month && date.day == d.day
        }
        (Value::Date { .. }, _) => false,
        (Value::Count { value }, Value::Ordinal { value: n }) => (*value - *n as f64).abs() < 1e-9,
        (
            Value::Money {
                currency: Some(c), ..
            },
            Value::Money {
                currency: Some(w), ..
            },
        ) if c != w => false,
        (claim, want) => {
            claim.comparable(want) && claim.relation(Cmp::Exact, want, Cmp::Exact) == Rel::Match
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
