//! Stage 4, compare: each value the statement claims against the fact's
//! values of a comparable kind. Match beats undecided beats a scope
//! difference beats a claim difference: a value is only wrong if no
//! reading makes it right.

use super::cover::other_subject;
use super::explain::Uncovered;
use super::index::{FactIndex, Verifier};
use super::read::Analysis;
use crate::bank::Role;
use crate::values::{FactValue, Rel, Value};

/// A part of the statement (tokens `first..last`) that fills one of the
/// fact's values, and how it relates to it.
#[derive(Debug)]
pub(crate) struct Slot<'a> {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) fact: &'a FactValue,
    pub(crate) rel: Rel,
}

fn small_count(s: &Slot) -> bool {
    matches!(s.fact.value, Value::Count { value } if value < 20.0)
}

fn rank(r: Rel, role: Role) -> u8 {
    match (r, role) {
        (Rel::Match, _) => 3,
        (Rel::Unknown, _) => 2,
        (Rel::Mismatch, Role::Scope) => 1,
        (Rel::Mismatch, Role::Claim) => 0,
    }
}

/// Adds a slot per claimed value; a value the fact has nothing to compare
/// with leaves the statement uncovered (a lone small number word is let go).
pub(crate) fn values<'f>(
    v: &Verifier,
    a: &Analysis,
    f: &'f FactIndex,
    slots: &mut Vec<Slot<'f>>,
) -> Result<(), Uncovered> {
    for (qi, q) in a.quantities.iter().enumerate() {
        // "Norway is the 12th …" when the fact says Denmark is.
        if !q.small
            && let Some(other) = other_subject(v, a, f, q.first)
        {
            return Err(Uncovered::Entity(other));
        }
        let best = f
            .values
            .iter()
            .filter(|fv| q.kind.comparable(&fv.value))
            .map(|fv| Slot {
                first: q.first,
                last: q.last,
                fact: fv,
                rel: q.relation(&fv.value, fv.cmp),
            })
            .reduce(|b, s| {
                if rank(s.rel, s.fact.role) > rank(b.rel, b.fact.role) {
                    s
                } else {
                    b
                }
            });
        let rank = matches!(q.kind, Value::Ordinal { .. });
        match best {
            // "the first country" for the 112th: a rank word is a claim
            // whenever the fact has a rank, and so is a small count word
            // when the fact's own count is small ("two agencies" for
            // three); "the two countries" for 12,500 visitors is no count.
            Some(s) if q.small && s.rel != Rel::Match && !rank && !small_count(&s) => {}
            Some(s) => slots.push(s),
            // "the first images": a rank word the fact itself uses.
            None if q.small && (!rank || f.surfaces.contains(&a.tokens[q.first].text)) => {}
            None => return Err(Uncovered::Quantity(qi)),
        }
    }
    Ok(())
}
