//! `factcheck bank check`: every problem of a bank at once, each with where
//! it is, so that a bank author can fix them all in one pass: the load
//! checks, then provenance, coverage, answers and agreement with `verify`.

use std::collections::HashSet;

use crate::bank::validate::{problem, structural};
use crate::bank::{Bank, PartialDate, Problem, QuestionBody};
use crate::values;
use crate::verify::{Verdict, Verifier};

/// Every problem: the structural ones, then provenance (quotes verbatim in
/// the article), coverage (each fact has a question), open answers that do
/// not parse as their type, and agreement with the verifier.
pub(crate) fn full(bank: &Bank) -> Vec<Problem> {
    let mut out = structural(bank);
    if bank.source.text.trim().is_empty() {
        out.push(problem("source: text", "the article text is empty"));
    }
    if PartialDate::parse_iso(&bank.source.date).is_none() {
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
        // The verifier skips a value it cannot read; say so here instead.
        for (i, v) in f.values.iter().enumerate() {
            if let Err(why) = values::FactValue::from_bank(bank, v) {
                out.push(problem(format!("fact {}: values[{i}]", f.id), why));
            }
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
            && let Err(why) = values::parse_answer(bank, answer)
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

/// The article's sentences (headings aside) that no fact's quote
/// overlaps: what an author may still want to ask about.
pub(crate) fn uncovered(bank: &Bank) -> Vec<String> {
    let text = &bank.source.text;
    let mut quoted: Vec<(usize, usize)> = Vec::new();
    for f in bank.facts.iter().filter(|f| !f.quote.trim().is_empty()) {
        quoted.extend(
            text.match_indices(f.quote.as_str())
                .map(|(i, q)| (i, i + q.len())),
        );
    }
    crate::lang::sentences(text)
        .into_iter()
        .filter(|s| !s.heading)
        .filter(|s| !quoted.iter().any(|&(b, e)| b < s.end && s.start < e))
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}
