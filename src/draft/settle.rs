//! Settling the facts: every fact's own statement must be SUPPORTED by
//! the verifier over the whole bank (as `bank check` demands). A fact
//! whose statement is not first loses values that do not load, then its
//! subject; if still not supported, it is left out.

use super::Summary;
use crate::bank::Bank;
use crate::values::FactValue;
use crate::verify::{Verdict, Verifier};

/// Rounds of judging: leaving a fact out can change another's verdict.
const ROUNDS: usize = 6;

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
