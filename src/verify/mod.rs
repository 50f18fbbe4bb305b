//! Judging free-form statements against a bank's facts.
//!
//! A statement is read into words, names and typed quantities
//! ([`normalise`]); the facts that share most of it are found
//! ([`retrieve`]); each candidate either covers everything the statement
//! says or is passed over, and a covering fact's values, polarity and
//! opposites decide the verdict ([`judge`]). When nothing covers the
//! statement, the answer is NOT_ENOUGH_INFO.

pub mod judge;
pub mod lexicon;
pub mod normalise;
pub mod retrieve;

use serde::Serialize;

use crate::bank::Bank;
use crate::exit::Exit;

pub use retrieve::Verifier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Verdict {
    Supported,
    Refuted,
    NotEnoughInfo,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Supported => "SUPPORTED",
            Verdict::Refuted => "REFUTED",
            Verdict::NotEnoughInfo => "NOT_ENOUGH_INFO",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        match s.trim() {
            "SUPPORTED" => Some(Verdict::Supported),
            "REFUTED" => Some(Verdict::Refuted),
            "NOT_ENOUGH_INFO" => Some(Verdict::NotEnoughInfo),
            _ => None,
        }
    }

    /// The exit code for one statement.
    pub fn exit(self) -> Exit {
        match self {
            Verdict::Supported => Exit::Success,
            Verdict::Refuted => Exit::Failure,
            Verdict::NotEnoughInfo => Exit::NotEnoughInfo,
        }
    }
}

/// The exit code for a batch: any REFUTED wins, then any NOT_ENOUGH_INFO.
pub fn batch_exit(verdicts: impl IntoIterator<Item = Verdict>) -> Exit {
    let mut exit = Exit::Success;
    for v in verdicts {
        match v {
            Verdict::Refuted => return Exit::Failure,
            Verdict::NotEnoughInfo => exit = Exit::NotEnoughInfo,
            Verdict::Supported => {}
        }
    }
    exit
}

/// The result for one statement, as every output format sees it.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Judgement {
    pub statement: String,
    pub verdict: Verdict,
    pub fact_id: Option<String>,
    pub evidence: Option<String>,
    pub explanation: String,
    pub correction: Option<String>,
}

/// Judges one statement with a fresh verifier; for one-shots and tests.
pub fn verify(bank: &Bank, statement: &str) -> Judgement {
    Verifier::new(bank).judge(statement)
}
