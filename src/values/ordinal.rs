//! Ordinals: "112th", "one hundred and twelfth". A rank is exact:
//! any other rank differs.

use super::Rel;

pub(crate) fn relation(claim: u64, fact: u64) -> Rel {
    if claim == fact {
        Rel::Match
    } else {
        Rel::Mismatch
    }
}

/// 112 → "112th", 23 → "23rd".
pub(crate) fn display(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A quiz answer's expected rank, in digits.
pub(crate) fn parse(v: &str) -> Result<u64, &'static str> {
    v.parse::<u64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or("write the position in digits, e.g. 12")
}
