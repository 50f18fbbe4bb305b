//! Settling the facts: every fact's own statement must be SUPPORTED by
//! the verifier over the whole bank (as `bank check` demands). A fact
//! whose statement is not first loses values that do not load; then the
//! other facts lose the words they borrowed from its sentence (a fact
//! that took "construction began" from the sentence before would
//! otherwise refute that sentence's date with its own); then it loses
//! its subject; if still not supported, it is left out.

use std::collections::BTreeSet;

use super::Summary;
use crate::bank::Bank;
use crate::lang::{self, Word};
use crate::values::FactValue;
use crate::verify::{Verdict, Verifier};

/// Rounds of judging: leaving a fact out can change another's verdict.
const ROUNDS: usize = 10;

pub(crate) fn settle(bank: &mut Bank, summary: &mut Summary) {
    bank.index_ids();
    for f in 0..bank.facts.len() {
        let values = std::mem::take(&mut bank.facts[f].values);
        bank.facts[f].values = values
            .into_iter()
            .filter(|v| FactValue::from_bank(bank, v).is_ok())
            .collect();
    }
    for _ in 0..ROUNDS {
        let failing = unsupported(bank);
        if failing.is_empty() {
            return;
        }
        let mut returned = false;
        for &i in &failing {
            returned |= return_borrowed(bank, i);
        }
        if returned {
            continue;
        }
        let mut dropped = Vec::new();
        for i in failing {
            if bank.facts[i].subject.take().is_none() {
                dropped.push(i);
            }
        }
        for &i in dropped.iter().rev() {
            summary.left_out.push(bank.facts.remove(i).quote);
        }
        bank.index_ids();
    }
    // Whatever still fails after the last round goes; each pass removes
    // at least one fact, so this ends.
    loop {
        let failing = unsupported(bank);
        if failing.is_empty() {
            return;
        }
        for i in failing.into_iter().rev() {
            summary.left_out.push(bank.facts.remove(i).quote);
        }
        bank.index_ids();
    }
}

/// Takes from each other fact that alone refutes fact `i`'s statement
/// the keywords it did not find in its own quote (borrowed from the
/// sentence before or the title, or related words) that the statement
/// uses. Whether anything was taken.
fn return_borrowed(bank: &mut Bank, i: usize) -> bool {
    let stems = |s: &str| -> BTreeSet<Word> {
        lang::tokenize(s)
            .iter()
            .map(|t| lang::stem(&t.text))
            .collect()
    };
    let claimed = stems(&bank.facts[i].statement);
    let refuters: Vec<usize> = (0..bank.facts.len())
        .filter(|&j| j != i && refutes(bank, j, &bank.facts[i].statement))
        .collect();
    let mut taken = false;
    for j in refuters {
        let f = &mut bank.facts[j];
        let own = stems(&f.quote);
        let before = f.keywords.len();
        f.keywords.retain(|k| {
            let s = lang::stem(k);
            own.contains(&s) || !claimed.contains(&s)
        });
        taken |= f.keywords.len() < before;
    }
    taken
}

/// Whether fact `j` on its own refutes a statement.
fn refutes(bank: &Bank, j: usize, statement: &str) -> bool {
    let mut one = bank.clone();
    one.facts = vec![bank.facts[j].clone()];
    one.questions.clear();
    one.index_ids();
    Verifier::new(&one).judge(statement).verdict == Verdict::Refuted
}

/// Positions of the facts whose own statement is not SUPPORTED.
fn unsupported(bank: &Bank) -> Vec<usize> {
    let v = Verifier::new(bank);
    bank.facts
        .iter()
        .enumerate()
        .filter(|(_, f)| v.judge(&f.statement).verdict != Verdict::Supported)
        .map(|(i, _)| i)
        .collect()
}
