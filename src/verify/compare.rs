//! Stage 4, compare: each value the statement claims against the fact's
//! values of a comparable kind. Match beats undecided beats a scope
//! difference beats a claim difference: a value is only wrong if no
//! reading makes it right.

use super::cover::other_subject;
use super::explain::Uncovered;
use super::index::{FactIndex, Verifier};
use super::read::Analysis;
use crate::bank::Role;
use crate::lang;
use crate::values::{Cmp, FactValue, Rel, Value};

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
    let before = slots.len();
    for (qi, q) in a.quantities.iter().enumerate() {
        // "one of the partners", "one of few": membership, not a count.
        let of = a.tokens.get(q.last).is_some_and(|t| t.text == "of");
        if q.small && of && a.tokens[q.first].text == "one" {
            continue;
        }
        // "Norway is the 12th …" when the fact says Denmark is; not an
        // age set off after a name ("alongside Per Lund, 71").
        if !q.small
            && !aged(a, q)
            && let Some(other) = other_subject(v, a, f, q.first)
        {
            return Err(Uncovered::Entity(other));
        }
        // "led the agency until 1968": the end of the fact's span.
        if let Some(s) = span_end(a, q, f) {
            slots.push(s);
            continue;
        }
        let best = best_slot(a, f, qi);
        let rank = matches!(q.kind, Value::Ordinal { .. });
        match best {
            // "the first country" for the 112th: a rank word is a claim
            // whenever the fact has a rank, and so is a small count word
            // when the fact's own count is small ("two agencies" for
            // three); "the two countries" for 12,500 visitors is no count.
            // Unless it counts what the fact's figure counts ("sixteen
            // runners" against "57 runners").
            Some(s)
                if q.small
                    && s.rel != Rel::Match
                    && !rank
                    && !small_count(&s)
                    && !fits(a, f, &s) => {}
            Some(s) => slots.push(s),
            // "the first images": a rank word the fact itself uses.
            None if q.small && (!rank || f.surfaces.contains(&a.tokens[q.first].text)) => {}
            None => return Err(Uncovered::Quantity(qi)),
        }
    }
    if let Some(k) = swapped(a, f, &slots[before..])
        && let Some(qi) = (a.quantities.iter()).position(|q| q.first == k)
    {
        return Err(Uncovered::Quantity(qi));
    }
    if let Some(k) = reused(&slots[before..])
        && let Some(qi) = (a.quantities.iter()).position(|q| q.first == k)
    {
        return Err(Uncovered::Quantity(qi));
    }
    if let Some(s) = implied_first(a, f) {
        slots.push(s);
    }
    Ok(())
}

/// The fact's value that quantity `qi` is set against: of those of its
/// kind (and currency), the one whose event the words before it name,
/// then the one that agrees best, then the one whose words follow it as
/// in the fact.
fn best_slot<'f>(a: &Analysis, f: &'f FactIndex, qi: usize) -> Option<Slot<'f>> {
    let q = &a.quantities[qi];
    // A money claim is set against the fact's figure in its currency
    // when the fact gives one ("€2.4 million (about $2.8 million)").
    let currency = |v: &Value| match v {
        Value::Money { currency, .. } => currency.clone(),
        _ => None,
    };
    let claimed = currency(&q.kind);
    let in_kind = (f.values.iter()).any(|fv| claimed.is_some() && currency(&fv.value) == claimed);
    // "sea trials finished in June 2024" where the fact's June 2024
    // dates the hull and its February the sea trials: the value whose
    // event the statement's words name.
    let lead = lead_words(a, qi);
    let elsewhere = |fv: &FactValue| leads_elsewhere(f, fv, &lead);
    let some_fit = (f.values.iter()).any(|fv| q.kind.comparable(&fv.value) && !elsewhere(fv));
    f.values
        .iter()
        .filter(|fv| q.kind.comparable(&fv.value))
        .filter(|fv| !some_fit || !elsewhere(fv))
        .filter(|fv| !in_kind || currency(&fv.value) == claimed)
        .filter(|fv| !counts_another_noun(a, q, fv, f))
        .map(|fv| Slot {
            first: q.first,
            last: q.last,
            fact: fv,
            rel: q.relation(&fv.value, fv.cmp),
        })
        .reduce(|b, s| {
            let (rs, rb) = (rank(s.rel, s.fact.role), rank(b.rel, b.fact.role));
            // Of two that fit as well, the one whose words follow the
            // figure as in the fact ("10,000 feet above sea level").
            // A small number word against a small count before a
            // large one ("sixteen were taken to hospital" is the
            // fact's six, not its 57 treated).
            let small = |x: &Slot| q.small && small_count(x);
            let better = (fits(a, f, &s), small(&s)) > (fits(a, f, &b), small(&b));
            if rs > rb || (rs == rb && better) {
                s
            } else {
                b
            }
        })
}

/// Whether "until" or "till" at token `k` is read: before a date, where
/// the fact gives a span of time whose end the date is set against;
/// before no figure ("until now", "until the agreement"), as the time
/// before the news, which is what a fact of how things were tells (as
/// "before the agreement" does). Before another figure ("until 5 p.m."),
/// not.
pub(crate) fn until_read(a: &Analysis, k: usize, f: &FactIndex) -> bool {
    if !matches!(a.tokens[k].text.as_str(), "until" | "till") {
        return false;
    }
    match (a.quantities.iter()).find(|q| q.first == k + 1) {
        None => true,
        Some(q) => {
            matches!(q.kind, Value::Date { .. })
                && (f.values.iter()).any(|fv| matches!(fv.value, Value::Period { .. }))
        }
    }
}

/// "until 1968" where the fact's span runs from 1961 to 1968: the date
/// against the span's end, never anywhere inside it. So too "left in
/// 1968" and "took over in 1961": a word that picks one end of a span
/// ([`span_cue`]) sets the date against that end.
fn span_end<'f>(a: &Analysis, q: &crate::values::Quantity, f: &'f FactIndex) -> Option<Slot<'f>> {
    let until = q.first > 0 && until_read(a, q.first - 1, f);
    let start = match span_cue(a, f) {
        _ if until => false,
        Some(start) if matches!(q.kind, Value::Date { .. }) => start,
        _ => return None,
    };
    let fv = (f.values.iter()).find(|fv| matches!(fv.value, Value::Period { .. }))?;
    let Value::Period { from, until } = &fv.value else {
        return None;
    };
    let end = Value::Date {
        date: if start { *from } else { *until },
        alt: None,
    };
    Some(Slot {
        first: q.first,
        last: q.last,
        fact: fv,
        rel: q.relation(&end, fv.cmp),
    })
}

/// Which end of the fact's one span of time the statement's words pick
/// (`lang/data/span_cues.tsv`): `Some(true)` for its start ("took over",
/// "became", "joined"), `Some(false)` for its end ("left", "retired").
/// Only where the fact's one time is that span: a fact that also dates
/// an event ("joined in 2001, led it from 2005") leaves the date to
/// the values it gives.
pub(crate) fn span_cue(a: &Analysis, f: &FactIndex) -> Option<bool> {
    let mut times = f.values.iter().filter(|fv| {
        matches!(
            fv.value,
            Value::Period { .. } | Value::Date { .. } | Value::Duration { .. }
        )
    });
    if !matches!(times.next()?.value, Value::Period { .. }) || times.next().is_some() {
        return None;
    }
    a.words.iter().find_map(|&k| {
        let t = &a.tokens[k];
        // "took place" is no start of anything.
        let place = a.tokens.get(k + 1).is_some_and(|n| n.text == "place");
        match lang::SPAN_CUES_MAP.get(t.text.as_str()) {
            Some(_) if place => None,
            Some(&end) => Some(end != "end"),
            None => None,
        }
    })
}

/// "10,000 people" against the fact's "three agencies": a count of
/// another noun, which the fact's words do not name, is no count of
/// the fact's.
fn counts_another_noun(
    a: &Analysis,
    q: &crate::values::Quantity,
    fv: &FactValue,
    f: &FactIndex,
) -> bool {
    if !matches!(q.kind, Value::Count { .. }) || !matches!(fv.value, Value::Count { .. }) {
        return false;
    }
    // A figure written as a word ("six") counts nothing of its own.
    let Some(counted) = (fv.text.split_whitespace().last())
        .filter(|w| {
            w.chars().all(char::is_alphabetic) && lang::cardinal(&w.to_lowercase()).is_none()
        })
        .map(|w| lang::stem(&w.to_lowercase()))
    else {
        return false;
    };
    // The words after the figure ("18 circular segments"): one the fact
    // uses, its counted noun, or a typo of it ("segmants") counts the same.
    let after: Vec<&lang::Token> = (a.tokens[q.last..].iter())
        .take_while(|t| t.kind == lang::TokKind::Word)
        .take(3)
        .collect();
    let same = |t: &&lang::Token| {
        let s = lang::stem(&t.text);
        s == counted || f.stems.contains(&s) || super::cover::within_edits(&s, &counted, 2)
    };
    let named = (a.mentions.iter()).any(|m| m.first == q.last);
    !after.is_empty() && !named && !after.iter().any(same)
}

/// "Per Lund, 71,": a bare count between a name and a comma or the end.
fn aged(a: &Analysis, q: &crate::values::Quantity) -> bool {
    let named = (a.mentions.iter()).any(|m| m.last == q.first);
    let (start, end) = a.span(q.first, q.last);
    let between = |from: usize, to: usize| a.source.get(from..to).unwrap_or("");
    let before = q.first > 0 && between(a.tokens[q.first - 1].end, start) == ", ";
    let after = between(end, a.source.len());
    matches!(q.kind, Value::Count { .. })
        && named
        && before
        && (after.trim().is_empty() || after.starts_with([',', '.']))
}

/// The position of one of the fact's values in its list.
fn value_index(f: &FactIndex, fv: &FactValue) -> Option<usize> {
    f.values.iter().position(|x| std::ptr::eq(x, fv))
}

/// The stem of the first content word from token `from` up to `to`: what
/// a figure there counts ("seven females").
fn noun_after(a: &Analysis, from: usize, to: usize) -> Option<lang::Word> {
    (a.tokens.get(from..to)?.iter())
        .find(|t| t.kind == lang::TokKind::Word && !t.is(lang::CLASS_STOPWORDS))
        .map(|t| lang::stem(&t.text))
}

/// The stems of the statement's content words before quantity `qi` in
/// its clause: back to the previous quantity, a comma or a conjunction.
fn lead_words(a: &Analysis, qi: usize) -> Vec<lang::Word> {
    let q = &a.quantities[qi];
    let floor = (a.quantities[..qi].iter())
        .map(|p| p.last)
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    for k in (floor..q.first).rev() {
        let t = &a.tokens[k];
        if t.is(lang::CLASS_CONJUNCTIONS) {
            break;
        }
        if let Some(i) = a.words.iter().position(|&w| w == k) {
            out.push(a.stems[i].clone());
        }
        let comma = k > 0 && a.source[a.tokens[k - 1].end..t.start].contains(',');
        if comma || out.len() >= 8 {
            break;
        }
    }
    out
}

/// Whether the statement's words before a date (`lead`) name the event
/// another of the fact's dates dates, and not this one's.
fn leads_elsewhere(f: &FactIndex, fv: &FactValue, lead: &[lang::Word]) -> bool {
    // Dates only: a date follows the event it dates; a figure's words
    // mostly come after it ("3,000 amphorae").
    if !matches!(fv.value, Value::Date { .. }) {
        return false;
    }
    let Some(own) = value_index(f, fv) else {
        return false;
    };
    // Its own words before it only: those after it may open the next
    // clause ("June 2024, and sea trials ended in February").
    let leads = |i: usize| f.value_leads.get(i).map_or(&[][..], |c| &c[..]);
    lead.iter()
        .any(|w| !leads(own).contains(w) && others_of_kind(f, own).any(|i| leads(i).contains(w)))
}

/// The indices of the fact's other values of the kind of value `own`.
fn others_of_kind(f: &FactIndex, own: usize) -> impl Iterator<Item = usize> + '_ {
    let kind = |i: usize| std::mem::discriminant(&f.values[i].value);
    (0..f.values.len()).filter(move |&i| i != own && kind(i) == kind(own))
}

/// Whether the first content word after a slot's figure is one the fact
/// writes after that value.
fn fits(a: &Analysis, f: &FactIndex, s: &Slot) -> bool {
    let context = value_index(f, s.fact).and_then(|i| f.value_contexts.get(i));
    noun_after(a, s.last, a.tokens.len()).is_some_and(|w| context.is_some_and(|c| c.contains(&w)))
}

/// "the herd is seven males and five females" where the fact has seven
/// females and five males; "eight came from poland and four from
/// germany" where the eight came from Germany: a matched value whose
/// counted noun is what another of the fact's values of its kind counts,
/// or followed by a name that follows only another, is paired with the
/// wrong thing. The first token of such a claim.
fn swapped(a: &Analysis, f: &FactIndex, slots: &[Slot]) -> Option<usize> {
    let context = |i: usize| f.value_contexts.get(i).map_or(&[][..], |c| &c[..]);
    slots.iter().filter(|s| s.rel == Rel::Match).find_map(|s| {
        let own = value_index(f, s.fact)?;
        let others = || others_of_kind(f, own);
        let next = (a.quantities.iter())
            .map(|q| q.first)
            .filter(|&k| k >= s.last)
            .min()
            .unwrap_or(a.tokens.len());
        let stem_at = |k: usize| lang::stem(&a.tokens[k].text);
        let counts_other = noun_after(a, s.last, next).is_some_and(|w| {
            !context(own).contains(&w)
                && others().any(|i| f.value_nouns.get(i).is_some_and(|n| n.as_ref() == Some(&w)))
        });
        // A name after it that the fact puts after another value only.
        let names = (a.mentions.iter()).filter(|m| m.first >= s.last && m.first < next);
        let named_other = names
            .flat_map(|m| m.first..m.last)
            .map(stem_at)
            .any(|w| !context(own).contains(&w) && others().any(|i| context(i).contains(&w)));
        (counts_other || named_other).then_some(s.first)
    })
}

/// "halted in summer 2023 when diggers found a well from the 1300s",
/// where the fact's one date is 2023: a value that another of the
/// statement's values already matches speaks of something else the fact
/// does not give, so it refutes nothing. Not when the two stand side by
/// side ("late january 2024": one date, read in two). The first token of
/// such a claim.
fn reused(slots: &[Slot]) -> Option<usize> {
    let apart = |x: &Slot, y: &Slot| x.first > y.last + 1 || y.first > x.last + 1;
    let matched = |m: &Slot| {
        (slots.iter()).any(|s| s.rel == Rel::Match && std::ptr::eq(s.fact, m.fact) && apart(s, m))
    };
    (slots.iter())
        .find(|s| s.rel == Rel::Mismatch && matched(s))
        .map(|s| s.first)
}

/// "the longest" with no rank of its own, where the fact ranks by that
/// word ("the second-longest"): a claim of the first place. Not in "one
/// of the longest".
fn implied_first<'f>(a: &Analysis, f: &'f FactIndex) -> Option<Slot<'f>> {
    if f.ranked.is_empty() || (a.quantities.iter()).any(|q| matches!(q.kind, Value::Ordinal { .. }))
    {
        return None;
    }
    let fact = f
        .values
        .iter()
        .find(|fv| fv.role == Role::Claim && matches!(fv.value, Value::Ordinal { .. }))?;
    let ranked = |i: usize| {
        let s = &a.stems[i];
        // "largest farm" where the fact ranks only its farm.
        let next = if a.words.get(i + 1) == Some(&(a.words[i] + 1)) {
            a.stems[i + 1].as_str()
        } else {
            ""
        };
        f.ranked
            .iter()
            .any(|r| r == s || r.split_once(' ') == Some((s, next)))
    };
    let i = (0..a.stems.len()).find(|&i| ranked(i))?;
    let k = a.words[i];
    let before = |n: usize, w: &str| k >= n && a.tokens[k - n].text == w;
    // "the longest", or after an owner: "the world's longest", "its longest".
    let owner = k >= 1 && {
        let t = &a.tokens[k - 1];
        t.possessive
            || (t.kind == lang::TokKind::Word
                && t.text.ends_with('s')
                && !matches!(t.text.as_str(), "is" | "was" | "has" | "as"))
    };
    if !(before(1, "the") || owner) || (before(3, "one") && before(2, "of")) {
        return None;
    }
    let first = Value::Ordinal { value: 1 };
    Some(Slot {
        first: k,
        last: k + 1,
        fact,
        rel: first.relation(Cmp::Exact, &fact.value, fact.cmp),
    })
}
