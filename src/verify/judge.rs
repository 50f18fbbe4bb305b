//! Deciding a verdict: does a fact cover everything a statement says, and
//! if so, do its values, polarity and wording agree?

use super::lexicon;
use super::normalise::{Analysis, QKind, Rel, TokKind, amount_relation};
use super::retrieve::{FactIndex, FactValue, IndexedValue, Verifier};
use super::{Judgement, Verdict};
use crate::bank::{EntityKind, Role};

/// Why a verdict was reached.
#[derive(Debug, Clone)]
pub enum Reason {
    Agrees,
    /// An odd number of negations against the fact.
    Negated,
    /// A word of opposite meaning to one of the fact's.
    Opposite {
        word: String,
    },
    /// A value, place or person other than the article's.
    Differs {
        claim: String,
        fact: String,
    },
    /// A value for a frame the fact does not cover (another year).
    Scope {
        claim: String,
        fact: String,
    },
    /// A bound or date the fact can neither confirm nor deny.
    Undecided {
        claim: String,
        fact: String,
    },
    /// "It was not X" where X is not the article's value: true or not,
    /// the article does not say it.
    NegatedDiffers {
        claim: String,
        fact: String,
    },
    /// Two facts cover the statement and disagree.
    Conflict,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    /// The fact (or, for a statement that spans two, the facts) judged.
    pub facts: Vec<usize>,
    pub verdict: Verdict,
    pub reason: Reason,
    /// Byte spans of the statement to replace, for the correction.
    pub replacements: Vec<(usize, usize, String)>,
}

/// Whether a statement's quantity can be compared with a fact's value.
pub fn comparable(q: &QKind, v: &FactValue) -> bool {
    matches!(
        (q, v),
        (
            QKind::Date { .. } | QKind::Decade { .. },
            FactValue::Date(_)
        ) | (QKind::Ordinal { .. }, FactValue::Ordinal(_))
            | (QKind::Count { .. }, FactValue::Count { .. })
            | (QKind::Money { .. }, FactValue::Money { .. })
    ) || matches!((q, v), (QKind::Count { value }, FactValue::Money { .. }) if *value >= 1000.0)
}

fn relation(q: &QKind, cmp: lexicon::Cmp, v: &FactValue) -> Rel {
    match (q, v) {
        (QKind::Date { date, alt }, FactValue::Date(f)) => {
            let r = date.relation(f);
            match alt.map(|d| d.relation(f)) {
                None => r,
                Some(r2) if r2 == r => r,
                Some(_) => Rel::Unknown,
            }
        }
        (QKind::Decade { start }, FactValue::Date(f)) => match f.year {
            Some(y) if (*start..*start + 10).contains(&y) => Rel::Match,
            Some(_) => Rel::Mismatch,
            None => Rel::Unknown,
        },
        (QKind::Ordinal { value }, FactValue::Ordinal(f)) => {
            if value == f {
                Rel::Match
            } else {
                Rel::Mismatch
            }
        }
        (QKind::Count { value }, FactValue::Count { value: f, approx }) => {
            amount_relation(*value, cmp, *f, *approx)
        }
        (
            QKind::Count { value },
            FactValue::Money {
                value: f, approx, ..
            },
        ) => amount_relation(*value, cmp, *f, *approx),
        (
            QKind::Money { value, currency },
            FactValue::Money {
                value: f,
                currency: fc,
                approx,
            },
        ) => {
            if currency.is_some_and(|c| c != fc) {
                Rel::Mismatch
            } else {
                amount_relation(*value, cmp, *f, *approx)
            }
        }
        _ => Rel::Unknown,
    }
}

/// A typo of one of the fact's ordinary words: same first letter, one edit
/// away (two for long words; a swap of neighbours is one edit). Never
/// applied to names.
fn typo_of<'f>(word: &str, f: &'f FactIndex) -> Option<&'f str> {
    let n = word.chars().count();
    if !(5..=30).contains(&n) {
        return None;
    }
    let max = if n >= 9 { 2 } else { 1 };
    let first = word.chars().next();
    f.surfaces
        .iter()
        .map(|w| w.as_str())
        .chain(lexicon::FILLER.iter().copied())
        .find(|s| {
            // Cheap tests first: length and first letter rule out most words.
            s.len() >= 4
                && s.len().abs_diff(word.len()) <= max
                && s.chars().next() == first
                && strsim::osa_distance(word, s) <= max
        })
}

/// Another derivation of one of the fact's words: the same first eight
/// letters (diplomacy/diplomatic, cooperative/cooperation) — long enough
/// that different roots rarely share them.
fn same_root(stem: &str, f: &FactIndex) -> bool {
    const ROOT: usize = 8;
    stem.len() >= ROOT
        && stem.is_char_boundary(ROOT)
        && f.stems
            .iter()
            .any(|w| w.len() >= ROOT && w.is_char_boundary(ROOT) && w[..ROOT] == stem[..ROOT])
}

/// "President" right before a person's name is part of the name.
fn is_title_before_name(v: &Verifier, a: &Analysis, k: usize) -> bool {
    lexicon::TITLES.contains(&a.tokens[k].text.as_str())
        && (a
            .mentions
            .iter()
            .any(|m| m.first == k + 1 && v.bank.entities[m.entity].kind == EntityKind::Person)
            || a.tokens.get(k + 1).is_some_and(|t| t.cap && !a.all_caps))
}

/// For a fact with a subject: the entity named, not as a possessive,
/// nearest before token `pos` (a value, or the fact's key verb), when it is
/// another of the names than the subject. A passive verb ("was invited")
/// takes its subject from "by …", if given.
fn other_subject(v: &Verifier, a: &Analysis, f: &FactIndex, pos: usize) -> Option<usize> {
    let subject = f.subject?;
    let passive = pos > 0
        && matches!(
            a.tokens[pos - 1].text.as_str(),
            "was" | "were" | "is" | "are" | "been" | "being" | "be" | "got"
        );
    let m = if passive {
        let by = (pos..a.tokens.len()).find(|&k| a.tokens[k].text == "by")?;
        a.mentions.iter().find(|m| m.first > by)?
    } else {
        a.mentions
            .iter()
            .filter(|m| m.last <= pos && !m.possessive)
            .max_by_key(|m| m.last)?
    };
    (m.entity != subject && v.represents(m.entity) != Some(subject)).then_some(m.entity)
}

struct Slot<'a> {
    first: usize,
    last: usize,
    fact: &'a IndexedValue,
    rel: Rel,
}

/// What a fact leaves uncovered; turned into words only for the one
/// explanation that is shown.
#[derive(Debug, Clone, Copy)]
pub enum Uncovered {
    Word(usize),
    Entity(usize),
    Quantity(usize),
    Required,
    Nothing,
}

impl Uncovered {
    pub fn describe(self, v: &Verifier, a: &Analysis, fi: usize) -> String {
        let f = &v.facts[fi];
        match self {
            Uncovered::Word(k) => format!("\"{}\"", a.tokens[k].text),
            Uncovered::Entity(e) => v.bank.entities[e].name.clone(),
            Uncovered::Quantity(q) => {
                let q = &a.quantities[q];
                let (s, e) = a.span(q.first, q.last);
                format!("\"{}\"", a_text(a, s, e))
            }
            Uncovered::Required => format!("\"{}\"", f.requires.join("\", \"")),
            Uncovered::Nothing => "anything the fact says".into(),
        }
    }
}

/// Judges the statement against one fact's index (`ids` names the fact,
/// or the two facts a merged index was made from). `Err` names what the
/// fact does not cover: then it has nothing to say about the statement.
pub fn judge(
    v: &Verifier,
    a: &Analysis,
    f: &FactIndex,
    ids: &[usize],
) -> Result<Outcome, Uncovered> {
    let mut matched = 0usize;
    let mut flips: Vec<usize> = Vec::new();
    // An opposite of a word that frames the fact: another frame.
    let mut reframed: Option<(usize, super::normalise::Word)> = None;
    let mut names: Vec<usize> = Vec::new();
    // Typos, with the stem of the word they were taken for.
    let mut corrected: Vec<(usize, super::normalise::Word)> = Vec::new();
    for (&k, s) in a.words.iter().zip(&a.stems) {
        let t = &a.tokens[k];
        if t.kind != TokKind::Word {
            return Err(Uncovered::Word(k));
        }
        if f.stems.contains(s) {
            matched += 1;
        } else if let Some(ants) = v.antonyms.get(s)
            && ants.iter().any(|x| f.stems.contains(x))
        {
            // Before filler: an opposite of the fact's word is never noise.
            match ants.iter().find(|x| f.scope_words.contains(x)) {
                Some(frame) => reframed = Some((k, frame.clone())),
                None => flips.push(k),
            }
        } else if v.filler.contains(s) || is_title_before_name(v, a, k) {
            // Explained: carries no claim of its own.
        } else if !v.known(&t.text, s) && a.looks_like_name(k) {
            names.push(k);
        } else if !v.known(&t.text, s)
            && let Some(meant) = typo_of(&t.text, f)
        {
            matched += 1;
            corrected.push((k, super::normalise::stem(meant)));
        } else if same_root(s, f) {
            matched += 1;
        } else {
            return Err(Uncovered::Word(k));
        }
    }

    // Without the fact's key word the statement may be about something
    // else: it can still be refuted by a wrong value, never supported.
    // The key word, or an opposite of it ("many" for "few"), as a token.
    let anchor = a
        .words
        .iter()
        .zip(&a.stems)
        .find(|(k, s)| {
            f.requires.contains(s)
                || (flips.contains(k)
                    && v.antonyms
                        .get(*s)
                        .is_some_and(|ants| ants.iter().any(|x| f.requires.contains(x))))
        })
        .map(|(&k, _)| k)
        .or_else(|| {
            corrected
                .iter()
                .find(|(_, s)| f.requires.contains(s))
                .map(|&(k, _)| k)
        })
        .or_else(|| {
            // …or a word of a name ("Paris" in "the Treaty of Paris").
            a.mentions.iter().flat_map(|m| m.first..m.last).find(|&k| {
                f.requires
                    .contains(&super::normalise::stem(&a.tokens[k].text))
            })
        });
    let required = f.requires.is_empty() || anchor.is_some();
    // "Norway invited …" when the fact says Denmark did.
    if let Some(k) = anchor
        && let Some(other) = other_subject(v, a, f, k)
    {
        return Err(Uncovered::Entity(other));
    }

    let mut slots: Vec<Slot> = Vec::new();
    for m in &a.mentions {
        let entity = &v.bank.entities[m.entity];
        // "Danes visited" is not "Norwegians visited".
        if m.people && !f.people.is_empty() && !f.people.contains(&m.entity) {
            return Err(Uncovered::Entity(m.entity));
        }
        // A place after "in", or a person, fills the fact's slot of that
        // kind: it must be the fact's (or contain the fact's place).
        let slot = if m.locative && entity.kind.is_place() {
            f.place().map(|(p, pv)| (pv, v.place_within(p, m.entity)))
        } else {
            None
        };
        let slot = slot.or_else(|| {
            (entity.kind == EntityKind::Person)
                .then(|| f.person())
                .flatten()
                .map(|(p, pv)| (pv, p == m.entity))
        });
        if let Some((pv, same)) = slot {
            slots.push(Slot {
                first: m.first,
                last: m.last,
                fact: pv,
                rel: if same { Rel::Match } else { Rel::Mismatch },
            });
            continue;
        }
        let own = f.entities.contains(&m.entity)
            || v.represents(m.entity)
                .is_some_and(|e| f.entities.contains(&e));
        if !own {
            return Err(Uncovered::Entity(m.entity));
        }
    }

    // Unknown capitalised names, grouped: a different person beside
    // "administration", or a different place after "in", refutes.
    let mut g = 0;
    while g < names.len() {
        let first = names[g];
        let mut last = first + 1;
        while g + 1 < names.len() && names[g + 1] == last {
            g += 1;
            last += 1;
        }
        g += 1;
        // "in Geneva, Switzerland": the name after a place slot is part of it.
        if a.mentions.iter().any(|m| m.locative && m.last == first) {
            continue;
        }
        let near = |k: usize| {
            a.tokens
                .get(k)
                .is_some_and(|t| lexicon::PERSON_CUES.contains(&t.text.as_str()))
        };
        let person_cue = near(last) || (first > 0 && near(first - 1));
        let mut p = first;
        if p > 0 && a.tokens[p - 1].text == "the" {
            p -= 1;
        }
        let locative = p > 0 && lexicon::LOCATIVES.contains(&a.tokens[p - 1].text.as_str());
        let slot = match (f.person(), f.place()) {
            (Some((_, pv)), _) if person_cue => pv,
            (_, Some((_, pv))) if locative => pv,
            _ => return Err(Uncovered::Word(first)),
        };
        slots.push(Slot {
            first,
            last,
            fact: slot,
            rel: Rel::Mismatch,
        });
    }

    for (qi, q) in a.quantities.iter().enumerate() {
        // "Norway is the 12th …" when the fact says Denmark is.
        if !q.small
            && let Some(other) = other_subject(v, a, f, q.first)
        {
            return Err(Uncovered::Entity(other));
        }
        let mut best: Option<Slot> = None;
        for fv in f.values.iter().filter(|fv| comparable(&q.kind, &fv.value)) {
            let rel = relation(&q.kind, q.cmp, &fv.value);
            // Match beats undecided beats a scope difference beats a claim
            // difference: a value is only wrong if no reading makes it right.
            let rank = |r: Rel, role: Role| match (r, role) {
                (Rel::Match, _) => 3,
                (Rel::Unknown, _) => 2,
                (Rel::Mismatch, Role::Scope) => 1,
                (Rel::Mismatch, Role::Claim) => 0,
            };
            if best
                .as_ref()
                .is_none_or(|b| rank(rel, fv.role) > rank(b.rel, b.fact.role))
            {
                best = Some(Slot {
                    first: q.first,
                    last: q.last,
                    fact: fv,
                    rel,
                });
            }
        }
        match best {
            Some(s) if q.small && s.rel != Rel::Match => {}
            Some(s) => slots.push(s),
            None if q.small => {}
            None => return Err(Uncovered::Quantity(qi)),
        }
    }

    if matched == 0 && slots.is_empty() {
        return Err(Uncovered::Nothing);
    }

    let negated = ((a.negations + flips.len()) % 2 == 1) != f.negated;
    let text_of = |s: &Slot| {
        let (b, e) = a.span(s.first, s.last);
        let text = a_text(a, b, e);
        // Quoted mid-sentence: "not about 4,000", not "not About 4,000".
        if b == 0 && !text.chars().nth(1).is_some_and(char::is_uppercase) {
            lower_first(&text)
        } else {
            text
        }
    };
    let outcome = |verdict, reason, replacements| {
        Ok(Outcome {
            facts: ids.to_vec(),
            verdict,
            reason,
            replacements,
        })
    };
    if let Some((k, frame)) = &reframed {
        let word = f
            .surfaces
            .iter()
            .filter(|w| super::normalise::stem(w) == *frame)
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
            claim: text_of(s),
            fact: s.fact.text.clone(),
        };
        return outcome(Verdict::NotEnoughInfo, reason, vec![]);
    }
    let wrong: Vec<&Slot> = slots.iter().filter(|s| s.rel == Rel::Mismatch).collect();
    if let Some(first) = wrong.first() {
        let (claim, fact) = (text_of(first), first.fact.text.clone());
        if negated {
            return outcome(
                Verdict::NotEnoughInfo,
                Reason::NegatedDiffers { claim, fact },
                vec![],
            );
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
            claim: text_of(s),
            fact: s.fact.text.clone(),
        };
        return outcome(Verdict::NotEnoughInfo, reason, vec![]);
    }
    if negated {
        let reason = match flips.first() {
            Some(&k) if a.negations.is_multiple_of(2) || f.negated => Reason::Opposite {
                word: a.tokens[k].text.to_string(),
            },
            _ => Reason::Negated,
        };
        return outcome(Verdict::Refuted, reason, vec![]);
    }
    outcome(Verdict::Supported, Reason::Agrees, vec![])
}

/// The fact's value in place of the statement's, with the preposition a
/// date of that precision takes ("in 2001" → "on 3 May 2002").
fn replacement(a: &Analysis, s: &Slot) -> (usize, usize, String) {
    let (mut b, e) = a.span(s.first, s.last);
    let mut text = s.fact.text.clone();
    if let FactValue::Date(d) = &s.fact.value
        && s.first > 0
    {
        let prev = &a.tokens[s.first - 1];
        let want = if d.day.is_some() { "on" } else { "in" };
        if matches!(prev.text.as_str(), "in" | "on") && prev.text != want {
            b = prev.start;
            text = format!("{want} {text}");
        }
    }
    if b == 0 {
        text = upper_first(&text);
    }
    (b, e, text)
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn a_text(a: &Analysis, start: usize, end: usize) -> String {
    a.source.get(start..end).unwrap_or_default().to_string()
}

/// Picks one outcome among the facts that cover the statement. Decisive
/// verdicts beat undecided ones; if the best-scored decisive fact supports
/// the statement while another refutes it, the answer is NOT_ENOUGH_INFO,
/// because a wrong SUPPORTED is the one mistake not to make.
pub fn reconcile(outcomes: Vec<(Outcome, f32)>) -> Option<Outcome> {
    let decisive: Vec<&Outcome> = outcomes
        .iter()
        .map(|(o, _)| o)
        .filter(|o| o.verdict != Verdict::NotEnoughInfo)
        .collect();
    match decisive.first() {
        Some(top) => {
            let conflict = top.verdict == Verdict::Supported
                && decisive.iter().any(|o| o.verdict == Verdict::Refuted);
            if conflict {
                Some(Outcome {
                    verdict: Verdict::NotEnoughInfo,
                    reason: Reason::Conflict,
                    replacements: vec![],
                    facts: top.facts.clone(),
                })
            } else {
                Some((*top).clone())
            }
        }
        None => outcomes.into_iter().next().map(|(o, _)| o),
    }
}

impl Outcome {
    pub fn into_judgement(self, v: &Verifier, statement: &str) -> Judgement {
        let facts: Vec<&crate::bank::Fact> = self.facts.iter().map(|&i| &v.bank.facts[i]).collect();
        let said = facts
            .iter()
            .map(|f| f.statement.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let explanation = match &self.reason {
            Reason::Agrees => format!("the article says so: {said}"),
            Reason::Negated => format!("the article says the opposite: {said}"),
            Reason::Opposite { word } => {
                format!("\"{word}\" says the opposite of the article: {said}")
            }
            Reason::Differs { claim, fact } => {
                format!("the article says {fact}, not {claim}")
            }
            Reason::Scope { claim, fact } => format!(
                "the article gives this for {fact}, not {claim}; it does not say what held for {claim}"
            ),
            Reason::Undecided { claim, fact } => {
                format!("the article says {fact}, which neither confirms nor rules out {claim}")
            }
            Reason::NegatedDiffers { claim, fact } => {
                format!("the article says {fact}; it says nothing about {claim}")
            }
            Reason::Conflict => {
                format!("the facts closest to this statement disagree about it; nearest: {said}")
            }
        };
        let correction = (self.verdict == Verdict::Refuted).then(|| {
            if self.replacements.is_empty() {
                said.clone()
            } else {
                let mut out = statement.to_string();
                let mut reps = self.replacements.clone();
                reps.sort_by_key(|r| std::cmp::Reverse(r.0));
                for (b, e, text) in reps {
                    out.replace_range(b..e, &text);
                }
                out
            }
        });
        Judgement {
            statement: statement.to_string(),
            verdict: self.verdict,
            fact_id: Some(facts[0].id.clone()),
            evidence: Some(
                facts
                    .iter()
                    .map(|f| f.quote.as_str())
                    .collect::<Vec<_>>()
                    .join(" … "),
            ),
            explanation,
            correction,
        }
    }
}

/// Explains a NOT_ENOUGH_INFO that no fact covered.
pub fn uncovered_explanation(
    v: &Verifier,
    a: &Analysis,
    closest: Option<(usize, Uncovered)>,
) -> String {
    match closest {
        Some((fi, what)) => format!(
            "the article does not say this: the closest fact ({}) says nothing about {}",
            v.bank.facts[fi].id,
            what.describe(v, a, fi)
        ),
        None => "the article does not say this: no fact shares its subject".into(),
    }
}
