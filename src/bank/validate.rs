//! The checks every load runs: ids, references, answers among their
//! choices, dates and amounts that parse. `bank check` adds the rest
//! (see the `lint` module).

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{AnswerType, Bank, Fact, PartialDate, Question, QuestionBody, QuestionList, Value};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// `fact some-id`, `question q1: choices`, …
    pub location: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

pub(crate) fn problem(location: impl Into<String>, message: impl Into<String>) -> Problem {
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
pub(crate) fn structural<Q: QuestionList>(bank: &Bank<Q>) -> Vec<Problem> {
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
    check_entities(bank, &entities, &mut out);
    for f in &bank.facts {
        check_fact(f, &entities, &mut out);
    }
    for q in questions {
        check_question(q, &entities, &facts, &mut out);
    }
    out
}

fn check_entities<Q>(bank: &Bank<Q>, entities: &HashSet<&str>, out: &mut Vec<Problem>) {
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
        let ok = PartialDate::parse_iso(&format!("2000-{:02}-{:02}", nd.month, nd.day)).is_some();
        if !ok {
            out.push(problem(
                format!("named date {}", nd.names.first().map_or("", String::as_str)),
                format!("month {} day {} is not a date", nd.month, nd.day),
            ));
        }
    }
}

fn check_fact(f: &Fact, entities: &HashSet<&str>, out: &mut Vec<Problem>) {
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
        let field = at(&format!("values[{i}]"));
        if let Some(id) = v.entity().filter(|id| !entities.contains(id)) {
            out.push(problem(&field, format!("unknown entity \"{id}\"")));
        }
        if let Err(why) = check_value(v) {
            out.push(problem(&field, why));
        }
    }
}

/// A value's own fields: dates that parse, periods in order, amounts
/// that are numbers.
fn check_value(v: &Value) -> Result<(), String> {
    let date = |s: &str| {
        PartialDate::parse_iso(s)
            .ok_or_else(|| format!("\"{s}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"))
    };
    match v {
        Value::Date { value, .. } => date(value).map(|_| ()),
        Value::Period { from, until, .. } => {
            let (a, b) = (date(from)?, date(until)?);
            if b.year < a.year {
                return Err(format!(
                    "the period ends ({until}) before it begins ({from})"
                ));
            }
            Ok(())
        }
        Value::Count { value, .. } | Value::Money { value, .. }
            if !value.is_finite() || *value < 0.0 =>
        {
            Err("amount must be a finite number ≥ 0".into())
        }
        Value::Measure { value, .. } | Value::Duration { value, .. } if !value.is_finite() => {
            Err("amount must be a finite number".into())
        }
        _ => Ok(()),
    }
}

fn check_question(
    q: &Question,
    entities: &HashSet<&str>,
    facts: &HashSet<&str>,
    out: &mut Vec<Problem>,
) {
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
            if let Some(j) = seen.insert(c.trim().to_lowercase(), i) {
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
                answer.kind.name()
            ),
        ));
    }
}
