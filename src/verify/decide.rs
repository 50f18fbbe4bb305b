//! Stage 5, decide: the verdict for one fact from what cover and compare
//! found, in one order of precedence (first that applies wins):
//!
//! | found | verdict |
//! |---|---|
//! | an opposite of a word that frames the fact | NOT_ENOUGH_INFO (another frame) |
//! | a value that differs from a scope value | NOT_ENOUGH_INFO (another frame) |
//! | another person, with "also" / "too" | NOT_ENOUGH_INFO |
//! | a value that differs, under negation | SUPPORTED if the fact's value rules it out (`denies_another`), else NOT_ENOUGH_INFO |
//! | a value that differs | REFUTED |
//! | the fact's key word missing | not covered |
//! | a value neither confirmed nor ruled out | NOT_ENOUGH_INFO |
//! | odd negation just before a restricting word the fact lacks | NOT_ENOUGH_INFO |
//! | odd negation against the fact | REFUTED |
//! | a restricting word the fact lacks ("only", "most") | NOT_ENOUGH_INFO |
//! | a modal word ("may", "might") | NOT_ENOUGH_INFO |
//! | otherwise | SUPPORTED |

use super::Verdict;
use super::compare::Slot;
use super::cover::Words;
use super::explain::{Facts, Outcome, Reason, Uncovered, fact_text, replacement, slot_text};
use super::index::FactIndex;
use super::read::Analysis;
use crate::bank::Role;
use crate::lang::{self, stem};
use crate::values::{Rel, Value};

pub(crate) fn decide(
    a: &Analysis,
    f: &FactIndex,
    w: &Words,
    required: bool,
    slots: &[Slot],
    ids: &[usize],
) -> Result<Outcome, Uncovered> {
    let confirmed = (slots.iter()).any(|s| s.rel == Rel::Match && s.fact.role == Role::Claim);
    let outcome = |verdict, reason, replacements| {
        Ok(Outcome {
            facts: Facts::of(ids),
            verdict,
            reason,
            replacements,
            confirmed,
        })
    };
    // Opposite words do not cancel each other ("loudly and publicly" for
    // "quietly" is one opposite claim, not two); a negation does cancel one.
    let flipped = !w.flips.is_empty();
    let negated = ((a.negations % 2 == 1) != flipped) != f.negated;
    if let Some((k, frame)) = &w.reframed {
        let word = f
            .surfaces
            .iter()
            .filter(|s| stem(s) == *frame)
            .min()
            .unwrap_or(frame);
        let reason = Reason::Scope {
            claim: format!("\"{}\"", a.tokens[*k].text),
            fact: format!("\"{word}\""),
        };
        return outcome(Verdict::NotEnoughInfo, reason, vec![]);
    }
    if let Some(s) = slots
        .iter()
        .find(|s| s.rel == Rel::Mismatch && s.fact.role == Role::Scope)
    {
        let reason = Reason::Scope {
            claim: slot_text(a, s),
            fact: s.fact.text.clone(),
        };
        return outcome(Verdict::NotEnoughInfo, reason, vec![]);
    }
    let wrong: Vec<&Slot> = slots.iter().filter(|s| s.rel == Rel::Mismatch).collect();
    // Words the fact does not explain: only a wrong value of a fact whose
    // key word is there refutes; nothing else is decided.
    if let Some(&k) = w.unexplained.first()
        && (wrong.is_empty() || negated || !required || !w.flips.is_empty())
    {
        return Err(Uncovered::Word(k));
    }
    // "X also tried": another person beside the article's is no denial
    // of it.
    let also = (a.tokens.iter()).any(|t| t.is(lang::CLASS_ADDITIVE));
    if also
        && let Some(first) = wrong.first()
        && (wrong.iter()).all(|s| matches!(s.fact.value, Value::Person { .. }))
    {
        let (claim, fact) = (slot_text(a, first), fact_text(a, first));
        return outcome(
            Verdict::NotEnoughInfo,
            Reason::Undecided { claim, fact },
            vec![],
        );
    }
    if let Some(first) = wrong.first() {
        let (claim, fact) = (slot_text(a, first), fact_text(a, first));
        if negated {
            let verdict = if denies_another(a, f, w, slots, required) {
                Verdict::Supported
            } else {
                Verdict::NotEnoughInfo
            };
            return outcome(verdict, Reason::NegatedDiffers { claim, fact }, vec![]);
        }
        let replacements = wrong.iter().map(|s| replacement(a, s)).collect();
        return outcome(
            Verdict::Refuted,
            Reason::Differs { claim, fact },
            replacements,
        );
    }
    if !required {
        return Err(Uncovered::Required);
    }
    if let Some(s) = slots.iter().find(|s| s.rel == Rel::Unknown) {
        let reason = Reason::Undecided {
            claim: slot_text(a, s),
            fact: s.fact.text.clone(),
        };
        return outcome(Verdict::NotEnoughInfo, reason, vec![]);
    }
    let (verdict, reason) = operators(a, f, w, negated);
    outcome(verdict, reason, vec![])
}

/// "the letters weren't exchanged in Oslo" where the article says New
/// York: one negation denies the one value that differs, and the fact's
/// value rules it out, so the denial holds. Only for values a fact holds
/// one of (a time, a place, an amount), not a person (others may have
/// joined in), and never around an order word ("it wasn't until 2023").
fn denies_another(a: &Analysis, f: &FactIndex, w: &Words, slots: &[Slot], required: bool) -> bool {
    let mut wrong = slots.iter().filter(|s| s.rel != Rel::Match);
    let (Some(s), None) = (wrong.next(), wrong.next()) else {
        return false;
    };
    let one_of = matches!(
        s.fact.value,
        Value::Date { .. }
            | Value::Period { .. }
            | Value::Count { .. }
            | Value::Money { .. }
            | Value::Measure { .. }
            | Value::Ordinal { .. }
            | Value::Place { .. }
    );
    // The negation is the value's: the nearest before it, in its clause,
    // with no other value between ("didn't launch in December, it went
    // up in November" denies December only).
    let negation = (0..s.first)
        .rev()
        .find(|&n| lang::is_negation(&a.tokens[n].text));
    let before = |k: usize| {
        negation.is_some_and(|n| {
            (n..k).all(|m| a.tokens[m].kind != lang::TokKind::Symbol)
                && !slots.iter().any(|o| o.first > n && o.first < k)
        })
    };
    let kind = std::mem::discriminant(&s.fact.value);
    let alone =
        (slots.iter()).all(|o| std::ptr::eq(o, s) || std::mem::discriminant(&o.fact.value) != kind);
    let ordered = (a.tokens.iter()).any(|t| t.is(lang::CLASS_ORDER_FIRST) || t.text == "until");
    one_of
        && required
        && s.rel == Rel::Mismatch
        && s.fact.role == Role::Claim
        && a.negations == 1
        && !f.negated
        && w.flips.is_empty()
        && w.restrictive.is_empty()
        && a.modals.is_empty()
        && before(s.first)
        && alone
        && !ordered
}

/// Whether the statement claims what the fact's speaker denies: two or
/// more of its words are the denied claim's, and it reports neither the
/// denial nor the claim ("opposition councillors claimed …").
fn denies(a: &Analysis, f: &FactIndex) -> bool {
    let d = &f.denied;
    if d.claim.is_empty()
        || (a.tokens.iter()).any(|t| t.is(lang::CLASS_DENIALS))
        || a.stems.iter().any(|s| d.frame.contains(s))
    {
        return false;
    }
    a.stems.iter().filter(|s| d.claim.contains(s)).count() >= 2
}

/// The verdict once every value agrees: negation, restriction and
/// modality, in that order.
fn operators(a: &Analysis, f: &FactIndex, w: &Words, negated: bool) -> (Verdict, Reason) {
    // "not a state-only project", "wasn't the only one": the negation just
    // before the restriction may deny it, not the claim; unresolved.
    if let Some(&k) = w.restrictive.first()
        && negated
        && (k.saturating_sub(4)..k).any(|n| lang::is_negation(&a.tokens[n].text))
    {
        let reason = Reason::Restricted {
            word: a.tokens[k].text.to_string(),
        };
        return (Verdict::NotEnoughInfo, reason);
    }
    // "the old ferry was sold for scrap" where the fact's speaker rejected
    // claims that it was: the claim is what the article denies.
    if denies(a, f) {
        return match negated {
            true => (Verdict::Supported, Reason::Agrees),
            false => (Verdict::Refuted, Reason::Negated),
        };
    }
    if negated {
        let reason = match w.flips.first() {
            Some(&k) if a.negations.is_multiple_of(2) || f.negated => Reason::Opposite {
                word: a.tokens[k].text.to_string(),
            },
            _ => Reason::Negated,
        };
        return (Verdict::Refuted, reason);
    }
    if let Some(&k) = w.restrictive.first() {
        let reason = Reason::Restricted {
            word: a.tokens[k].text.to_string(),
        };
        return (Verdict::NotEnoughInfo, reason);
    }
    // A modal word (or one of aim) the fact itself uses over the same
    // words ("is expected to open new avenues", "aims to strengthen") is
    // the fact's claim, not a weakening of it; "are expected to establish
    // ties" is not what that fact expects.
    let own = |k: &&usize| {
        let claimed = super::index::governed(&a.tokens, **k, 3);
        (f.modal_scopes.iter()).any(|scope| claimed.iter().any(|c| scope.contains(c)))
    };
    if let Some(&k) = a.modals.iter().find(|k| !own(k)) {
        let reason = Reason::Modal {
            word: a.tokens[k].text.to_string(),
        };
        return (Verdict::NotEnoughInfo, reason);
    }
    (Verdict::Supported, Reason::Agrees)
}

/// A refutation scored below this share of a confirming support's score
/// does not put it in doubt.
const DOMINATED: f32 = 0.6;

/// Picks one outcome among the facts that cover the statement. Decisive
/// verdicts beat undecided ones; if the best-scored decisive fact supports
/// the statement while another refutes it, or refutes it while another of
/// the same score supports it, the answer is NOT_ENOUGH_INFO, because a
/// wrong SUPPORTED is the one mistake not to make. A support that
/// confirms the claimed value stands against a refutation of much lower
/// score: the refuting fact only shares the value's kind.
///
/// One exception: a statement set in the present without negation ("they
/// now have ties") that one fact supports and others refute only by
/// being negative ("decades without ties"): the negative facts tell of
/// an earlier time, the other of the event that ended it, so the support
/// stands.
pub(crate) fn reconcile(mut outcomes: Vec<(Outcome, f32)>, a: &Analysis) -> Option<Outcome> {
    let by_polarity = |o: &(Outcome, f32)| {
        o.0.verdict == Verdict::Refuted && matches!(o.0.reason, Reason::Negated)
    };
    if a.negations == 0
        && a.tokens.iter().any(|t| t.is(lang::CLASS_PRESENT))
        && outcomes.iter().any(|o| o.0.verdict == Verdict::Supported)
        && outcomes.iter().any(by_polarity)
    {
        outcomes.retain(|o| !by_polarity(o));
    }
    let decisive = |o: &&(Outcome, f32)| o.0.verdict != Verdict::NotEnoughInfo;
    // A refutation ties with a support when the facts score the same:
    // which fact the statement is about is then not known.
    let conflict = outcomes.iter().find(decisive).is_some_and(|(top, score)| {
        let against = |(o, s): &&(Outcome, f32)| match top.verdict {
            Verdict::Supported => {
                o.verdict == Verdict::Refuted && !(top.confirmed && *s < DOMINATED * score)
            }
            _ => o.verdict == Verdict::Supported && s >= score,
        };
        (outcomes.iter().filter(decisive)).any(|o| against(&o))
    });
    // The first decisive outcome, or else the first.
    let pick = outcomes.iter().position(|o| decisive(&o)).unwrap_or(0);
    let top = outcomes.into_iter().nth(pick).map(|(o, _)| o)?;
    Some(match conflict {
        true => Outcome {
            verdict: Verdict::NotEnoughInfo,
            reason: Reason::Conflict,
            replacements: vec![],
            facts: top.facts,
            confirmed: false,
        },
        false => top,
    })
}
