//! `factcheck bank check`: every problem of a bank at once, each with where
//! it is, so that a bank author can fix them all in one pass.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{AnswerType, Bank, QuestionBody, QuestionList, Value};
use crate::quiz::grade;
use crate::verify::{Verdict, Verifier};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// `fact some-id`, `question q1: choices`, …
    pub location: String,
    pub message: String,
}

fn problem(location: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        location: location.into(),
        message: message.into(),
    }
}

fn duplicates<'a>(kind: &str, ids: impl Iterator<Item = &'a str>, out: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for id in ids {
        if id.trim().is_empty() {
            out.push(problem(format!("{kind} \"\""), "empty id"));
        } else if !seen.insert(id) {
            out.push(problem(format!("{kind} {id}"), "duplicate id"));
        }
    }
}

/// Problems that would make the bank unusable: ids, references, answers
/// that are not among their choices. Cheap enough to run on every load.
pub fn structural<Q: QuestionList>(bank: &Bank<Q>) -> Vec<Problem> {
    let questions = bank.questions.as_slice();
    let mut out = Vec::new();
    duplicates(
        "entity",
        bank.entities.iter().map(|e| e.id.as_str()),
        &mut out,
    );
    duplicates("fact", bank.facts.iter().map(|f| f.id.as_str()), &mut out);
    duplicates(
        "question",
        questions.iter().map(|q| q.id.as_str()),
        &mut out,
    );
    let entities: HashSet<&str> = bank.entities.iter().map(|e| e.id.as_str()).collect();
    let facts: HashSet<&str> = bank.facts.iter().map(|f| f.id.as_str()).collect();

    for e in &bank.entities {
        if e.aliases.iter().all(|a| a.trim().is_empty()) && e.name.trim().is_empty() {
            out.push(problem(
                format!("entity {}: name", e.id),
                "no name or alias",
            ));
        }
        for (field, target) in [("stands_for", &e.stands_for), ("part_of", &e.part_of)] {
            if let Some(t) = target.as_deref().filter(|t| !entities.contains(t)) {
                out.push(problem(
                    format!("entity {}: {field}", e.id),
                    format!("unknown entity \"{t}\""),
                ));
            }
        }
    }
    for nd in &bank.named_dates {
        let ok = crate::verify::normalise::PartialDate::parse_iso(&format!(
            "2000-{:02}-{:02}",
            nd.month, nd.day
        ))
        .is_some();
        if !ok {
            out.push(problem(
                format!("named date {}", nd.names.first().map_or("", String::as_str)),
                format!("month {} day {} is not a date", nd.month, nd.day),
            ));
        }
    }
    for f in &bank.facts {
        let at = |field: &str| format!("fact {}: {field}", f.id);
        if f.statement.trim().is_empty() {
            out.push(problem(at("statement"), "empty statement"));
        }
        if f.topic.trim().is_empty() {
            out.push(problem(at("topic"), "empty topic"));
        }
        for id in &f.entities {
            if !entities.contains(id.as_str()) {
                out.push(problem(at("entities"), format!("unknown entity \"{id}\"")));
            }
        }
        for (i, v) in f.values.iter().enumerate() {
            let field = format!("values[{i}]");
            if let Some(id) = v.entity().filter(|id| !entities.contains(id)) {
                out.push(problem(at(&field), format!("unknown entity \"{id}\"")));
            }
            if let Value::Date { value, .. } = v
                && crate::verify::normalise::PartialDate::parse_iso(value).is_none()
            {
                out.push(problem(
                    at(&field),
                    format!("\"{value}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
                ));
            }
            if let Value::Count { value, .. } | Value::Money { value, .. } = v
                && (!value.is_finite() || *value < 0.0)
            {
                out.push(problem(at(&field), "amount must be a finite number ≥ 0"));
            }
        }
    }
    for q in questions {
        let at = |field: &str| format!("question {}: {field}", q.id);
        if !facts.contains(q.fact.as_str()) {
            out.push(problem(at("fact"), format!("unknown fact \"{}\"", q.fact)));
        }
        if q.prompt.trim().is_empty() {
            out.push(problem(at("prompt"), "empty prompt"));
        }
        if let QuestionBody::Choice { choices, answer } = &q.body {
            if choices.len() < 2 {
                out.push(problem(at("choices"), "needs at least two choices"));
            }
            let mut seen = HashMap::new();
            for (i, c) in choices.iter().enumerate() {
                let key = c.trim().to_lowercase();
                if let Some(j) = seen.insert(key, i) {
                    out.push(problem(
                        at("choices"),
                        format!("duplicate choice \"{c}\" (items {} and {})", j + 1, i + 1),
                    ));
                }
            }
            if !choices.iter().any(|c| c == answer) {
                out.push(problem(
                    at("answer"),
                    format!("answer \"{answer}\" is not among the choices"),
                ));
            }
        }
        if let QuestionBody::Open { answer } = &q.body
            && matches!(answer.kind, AnswerType::Place | AnswerType::Person)
            && !entities.contains(answer.value.as_str())
        {
            out.push(problem(
                at("answer.value"),
                format!(
                    "\"{}\" is not an entity id (a {} answer names an entity)",
                    answer.value,
                    grade::type_name(answer.kind)
                ),
            ));
        }
    }
    out
}

/// Every problem: the structural ones, then provenance (quotes verbatim in
/// the article), coverage (each fact has a question), open answers that do
/// not parse as their type, and agreement with the verifier.
pub fn full(bank: &Bank) -> Vec<Problem> {
    let mut out = structural(bank);
    if bank.source.text.trim().is_empty() {
        out.push(problem("source: text", "the article text is empty"));
    }
    if crate::verify::normalise::PartialDate::parse_iso(&bank.source.date).is_none() {
        out.push(problem(
            "source: date",
            format!(
                "\"{}\" is not a date of the form YYYY-MM-DD",
                bank.source.date
            ),
        ));
    }
    let asked: HashSet<&str> = bank.questions.iter().map(|q| q.fact.as_str()).collect();
    for f in &bank.facts {
        if f.quote.trim().is_empty() {
            out.push(problem(format!("fact {}: quote", f.id), "empty quote"));
        } else if !bank.source.text.contains(&f.quote) {
            out.push(problem(
                format!("fact {}: quote", f.id),
                "the quote does not appear verbatim in the article text",
            ));
        }
        if !asked.contains(f.id.as_str()) {
            out.push(problem(
                format!("fact {}", f.id),
                "no question asks about this fact",
            ));
        }
    }
    for q in &bank.questions {
        if let QuestionBody::Open { answer } = &q.body
            && let Err(why) = grade::parse_expected(bank, answer)
        {
            out.push(problem(format!("question {}: answer.value", q.id), why));
        }
    }
    // Agreement with the verifier; dangling references are skipped by the
    // index, so this runs whatever else is wrong.
    let verifier = Verifier::new(bank);
    for f in &bank.facts {
        let j = verifier.judge(&f.statement);
        if j.verdict != Verdict::Supported {
            out.push(problem(
                format!("fact {}: statement", f.id),
                format!(
                    "verify judges the fact's own statement {} ({}); add the words it lacks to the fact's keywords",
                    j.verdict.label(),
                    j.explanation
                ),
            ));
        }
    }
    for q in &bank.questions {
        if let QuestionBody::Truefalse { answer } = q.body {
            let want = if answer {
                Verdict::Supported
            } else {
                Verdict::Refuted
            };
            let j = verifier.judge(&q.prompt);
            if j.verdict != want {
                out.push(problem(
                    format!("question {}: prompt", q.id),
                    format!(
                        "the answer is {answer}, so verify should judge it {}, but it says {} ({})",
                        want.label(),
                        j.verdict.label(),
                        j.explanation
                    ),
                ));
            }
        }
    }
    out
}
