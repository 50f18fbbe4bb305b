//! Stage 3, cover: does one fact explain everything a statement says?
//! Every content word must be the fact's (or a typo, derivation, filler,
//! or an opposite of one of its words), every name one of its entities or
//! a value of its place or person slot. `Err` names what is left over.

use super::compare::Slot;
use super::explain::Uncovered;
use super::index::{FactIndex, Verifier};
use super::read::{Analysis, Mention};
use crate::bank::EntityKind;
use crate::lang::{self, TokKind, Word, stem};
use crate::values::Rel;

/// What the statement's content words come to against one fact.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// Content words the fact uses (typos and derivations included).
    pub(crate) matched: usize,
    /// Words of opposite meaning to the fact's.
    pub(crate) flips: Vec<usize>,
    /// An opposite of a word that frames the fact: another frame.
    pub(crate) reframed: Option<(usize, Word)>,
    /// Unknown capitalised words: names the bank does not know.
    pub(crate) names: Vec<usize>,
    /// Typos, with the stem of the word they were taken for.
    pub(crate) corrected: Vec<(usize, Word)>,
    /// Restricting words ("only", "most") the fact does not share.
    pub(crate) restrictive: Vec<usize>,
    /// Words the fact does not explain, let through only when judging
    /// leniently: then the statement can be refuted by a wrong value,
    /// never supported.
    pub(crate) unexplained: Vec<usize>,
}

/// Notes on a content word (see `Analysis::note`): some opposites are
/// known for its stem; it is filler or a title before a name; some fact,
/// name or opposite uses it (see `Verifier::known`).
const OPPOSED: u8 = 1;
const EXPLAINED: u8 = 2;
const KNOWN: u8 = 4;

/// Explains every content word by the fact, or names the first it cannot;
/// up to `budget` words it does not explain are let through (kept in
/// [`Words::unexplained`]).
pub(crate) fn words_within(
    v: &Verifier,
    a: &Analysis,
    f: &FactIndex,
    budget: usize,
) -> Result<Words, Uncovered> {
    let mut w = Words::default();
    // Every fact's stems (a merged index's too) are in the postings.
    let known = |s: &str| v.postings.contains_key(s);
    for (i, (&k, s)) in a.words.iter().zip(&a.stems).enumerate() {
        let t = &a.tokens[k];
        if t.kind != TokKind::Word {
            return Err(Uncovered::Word(k));
        }
        if f.stems.contains(s)
            || f.entities.iter().any(|&e| v.name_stems[e].contains(s))
            || idiom_of_fact(a, k, f)
        {
            // A word of a name the fact gives matches as written only: its
            // other senses ("institute" as "found") are not the name's.
            w.matched += 1;
        } else if t.is(lang::CLASS_ALTERNATIVES) {
            // Before opposites: "other" is no antonym of the fact's "said".
            if !other_of_same_set(a, k, f) {
                return Err(Uncovered::Word(k));
            }
        } else if a.note(i, OPPOSED, || v.antonyms.contains_key(s))
            && let Some(ants) = v.antonyms.get(s)
            && ants.iter().any(|x| f.stems.contains(x))
        {
            // Before filler: an opposite of the fact's word is never noise.
            opposed(a, f, k, ants, &mut w)?;
        } else if read_with_its_neighbours(a, k, f) {
            // Explained by the phrase, span or time it belongs to.
        } else if t.is(lang::CLASS_RESTRICTIVE)
            || a.tokens.get(k + 1).is_some_and(|n| n.text == "than")
        {
            // "only", "just"; and a comparison with no figure ("longer than
            // the other tunnel"), which no value resolves.
            w.restrictive.push(k);
        } else if a.note(i, EXPLAINED, || {
            (v.filler.contains(s) || v.filler.contains(&t.text) || is_title_before_name(v, a, k))
                && !scopes_a_superlative(a, k)
        }) {
            // Explained: carries no claim of its own.
        } else if !a.note(i, KNOWN, || v.known(&t.text, s))
            && (a.looks_like_name(k)
                || (after_place_word(a, k, f)
                    && typo_of(&t.text, f).is_none()
                    // "in the morning": a word of the dictionary is no place.
                    && !lang::lexicon::knows(&t.text)))
        {
            // Also "at baikonur": a word no dictionary knows where the fact
            // puts its place is a name, typed in lower case.
            w.names.push(k);
        } else if !a.note(i, KNOWN, || v.known(&t.text, s))
            && let Some(meant) = typo_of(&t.text, f)
        {
            w.matched += 1;
            w.corrected.push((k, stem(meant)));
        } else if !scopes_a_superlative(a, k)
            && (same_root(s, f)
                || a.lexical(i, v.id, known)
                    .related
                    .iter()
                    .any(|r| f.stems.contains(r)))
        {
            // A superlative's scope matches as written only: "the world"
            // is no "stage" however the lexical database relates them.
            w.matched += 1;
        } else if f.is_general_of(s) {
            // "the vessel" for the fact's "ship": what it is a kind of.
            w.matched += 1;
        } else if a
            .lexical(i, v.id, known)
            .opposite
            .iter()
            .any(|r| f.stems.contains(r))
        {
            // An opposite the lexical database knows ("weak" for "strong"),
            // asked last: the lookups cost more than the built-in lists.
            w.flips.push(k);
        } else if carried_by_the_next_word(a, i, f) {
            // "made the trip", "got hurt": the next word makes the claim.
        } else if w.unexplained.len() < budget
            && lang::lexicon::knows(&t.text)
            && !t.is(lang::CLASS_FIGURE_WORDS)
        {
            // Only ordinary words: an unknown one may be a name, and
            // "radius" or "each" names another figure than the fact's.
            w.unexplained.push(k);
        } else {
            return Err(Uncovered::Word(k));
        }
    }
    Ok(w)
}

/// Whether word `k` is explained by what it stands beside: "within" before
/// a time ("within the first two months of 2024": in that span); a word
/// folded into a phrase ("over" in "handed over": the head answers for
/// it); "until" before the end of the fact's span; a word for one end of
/// the fact's span ("left", "took over"), which a date beside it is
/// compared with.
fn read_with_its_neighbours(a: &Analysis, k: usize, f: &FactIndex) -> bool {
    let t = &a.tokens[k];
    (t.is(lang::CLASS_LOCATIVES) && before_a_time(a, k))
        || a.folded(k)
        || (t.is(lang::CLASS_RESTRICTIVE) && super::compare::until_read(a, k, f))
        || (t.is(lang::CLASS_SPAN_CUES) && super::compare::span_cue(a, f).is_some())
}

/// Whether content word `i` says no more than the word after it: a
/// support verb before the fact's noun ("made the trip", "held talks"), or
/// "get" before a participle ("got hurt").
fn carried_by_the_next_word(a: &Analysis, i: usize, f: &FactIndex) -> bool {
    let k = a.words[i];
    let t = &a.tokens[k];
    (t.is(lang::CLASS_SUPPORT_VERBS) && supports_a_fact_noun(a, i, f))
        || (t.is(lang::CLASS_PASSIVE_AUXILIARIES) && participle_after(a, k))
}

/// "each other", "one another", or "other countries" where the fact
/// writes "countries" as the statement does: no other thing than the
/// fact's ("other provinces" beside the fact's "the province" is).
fn other_of_same_set(a: &Analysis, k: usize, f: &FactIndex) -> bool {
    let before = k.checked_sub(1).map(|j| a.tokens[j].text.as_str());
    if matches!(before, Some("each" | "one")) {
        return true;
    }
    a.tokens
        .get(k + 1)
        .is_some_and(|n| n.kind == TokKind::Word && f.surfaces.contains(n.text.as_str()))
}

/// Whether word `k` heads an idiom whose every word the fact uses
/// ("making sure" in a fact that says "making sure"): the idiom is the
/// fact's own.
fn idiom_of_fact(a: &Analysis, k: usize, f: &FactIndex) -> bool {
    let Some(p) = a.phrases.iter().find(|p| p.head == k && p.idiom) else {
        return false;
    };
    (p.first..p.last)
        .filter(|&j| j == k || a.words.contains(&j))
        .all(|j| f.stems.contains(&stem(&a.tokens[j].text)))
}

/// Word `k`, an opposite of one of the fact's words (`ants`, its
/// opposites): a new frame when the fact's word frames it, else a flip.
fn opposed(
    a: &Analysis,
    f: &FactIndex,
    k: usize,
    ants: &[Word],
    w: &mut Words,
) -> Result<(), Uncovered> {
    match ants.iter().find(|x| f.scope_words.contains(x)) {
        Some(frame) => w.reframed = Some((k, frame.clone())),
        // "before" for the fact's "after" may order other events than the
        // fact's: it can refute ("cut off before the revolution, not
        // after"), never support, and with a negation ("before X had no
        // Y") it decides nothing.
        None if a.tokens[k].is(lang::CLASS_ORDER_FIRST) => {
            if a.negations > 0 {
                return Err(Uncovered::Word(k));
            }
            w.flips.push(k);
            w.restrictive.push(k);
        }
        None => w.flips.push(k),
    }
    Ok(())
}

/// "the oldest theatre in the country": a generic noun after "in (the)"
/// in a statement with a superlative is the rank's scope, which the fact
/// must give (the article may rank it only in its city).
fn scopes_a_superlative(a: &Analysis, k: usize) -> bool {
    let after_in = (k >= 1 && a.tokens[k - 1].text == "in")
        || (k >= 2 && a.tokens[k - 1].text == "the" && a.tokens[k - 2].text == "in");
    after_in && (a.tokens[..k].iter()).any(|t| t.kind == TokKind::Word && superlative(&t.text))
}

/// "oldest", "largest", "biggest", "busiest", "most": a superlative, by
/// its ending and a known word under it ("best" and "nest" have none).
fn superlative(word: &str) -> bool {
    let knows = lang::lexicon::is_word;
    let Some(root) = word.strip_suffix("est").filter(|r| r.len() >= 2) else {
        return word == "most";
    };
    let b = root.as_bytes();
    let doubled = b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2];
    knows(root)
        || knows(&format!("{root}e"))
        || (doubled && knows(&root[..root.len() - 1]))
        || root
            .strip_suffix('i')
            .is_some_and(|r| knows(&format!("{r}y")))
}

/// The token that carries the fact's key word (its `requires`), or an
/// opposite of it ("many" for "few"), or a word of a name ("Paris" in
/// "the Treaty of Paris"). Without it the statement may be about
/// something else: it can still be refuted by a wrong value, never
/// supported.
pub(crate) fn anchor(v: &Verifier, a: &Analysis, f: &FactIndex, w: &Words) -> Option<usize> {
    // Each way below finds one of the fact's `requires`.
    if f.requires.is_empty() {
        return None;
    }
    a.words
        .iter()
        .zip(&a.stems)
        .find(|(k, s)| {
            f.requires.contains(s)
                || (w.flips.contains(k)
                    && v.antonyms
                        .get(*s)
                        .is_some_and(|ants| ants.iter().any(|x| f.requires.contains(x))))
        })
        .map(|(&k, _)| k)
        .or_else(|| {
            w.corrected
                .iter()
                .find(|(_, s)| f.requires.contains(s))
                .map(|&(k, _)| k)
        })
        .or_else(|| {
            // …or a word of a name ("Paris" in "the Treaty of Paris").
            a.mentions
                .iter()
                .flat_map(|m| m.first..m.last)
                .find(|&k| f.requires.contains(&stem(&a.tokens[k].text)))
        })
}

/// The names the statement mentions: each is one of the fact's
/// entities, or fills its place or person slot (matching or not).
pub(crate) fn mentions<'f>(
    v: &Verifier,
    a: &Analysis,
    f: &'f FactIndex,
    slots: &mut Vec<Slot<'f>>,
) -> Result<(), Uncovered> {
    let mut slotted: Vec<usize> = Vec::new();
    for m in &a.mentions {
        let m = &resolve(v, f, m);
        let entity = &v.bank.entities[m.entity];
        // "near S1, the first Sudby point": the same name again.
        if slotted.contains(&m.entity) {
            continue;
        }
        // "Danes visited" is not "Norwegians visited".
        if m.people && !f.people.is_empty() && !f.people.contains(&m.entity) {
            return Err(Uncovered::Entity(m.entity));
        }
        // A place after "in", or a person, fills the fact's slot of that
        // kind: it must be the fact's (or contain the fact's place).
        // "in Scotland's history" names no place of the claim.
        // A place, or a thing of the kind the fact gives as its place
        // value (a rocket "aboard" which it went).
        // Another of the kind ("a Norby 6") fills the slot wherever it
        // stands.
        let locative = m.locative || introduced_by(a, m.first, &f.place_preps) || m.sibling;
        let fits = |p: usize| {
            let kind = v.bank.entities[p].kind;
            kind == entity.kind || (kind.is_place() && entity.kind.is_place())
        };
        let slot = (locative && !m.possessive)
            .then(|| f.place())
            .flatten()
            .filter(|&(p, _)| fits(p))
            .map(|(p, pv)| (pv, !m.sibling && v.place_within(p, m.entity)));
        if m.sibling && slot.is_none() {
            return Err(Uncovered::Word(m.first));
        }
        let person = (entity.kind == EntityKind::Person)
            .then(|| f.person())
            .flatten();
        // Another of the fact's own people: after the fact's person, a
        // companion ("Ola Berg cut the ribbon alongside Per Lund"); in its
        // place, perhaps the doer of another of the fact's verbs ("Per
        // Lund drove the first car", where Ola Berg opened the bridge after
        // inviting him to): which, only the words could tell.
        if let Some((p, _)) = person
            && p != m.entity
            && f.entities.contains(&m.entity)
        {
            let doer_before = named_before(a, p, m.first)
                || (slotted.iter()).any(|&e| v.bank.entities[e].kind == EntityKind::Person);
            if doer_before {
                continue;
            }
            return Err(Uncovered::Entity(m.entity));
        }
        let slot = slot.or_else(|| person.map(|(p, pv)| (pv, p == m.entity)));
        if let Some((pv, same)) = slot {
            slotted.push(m.entity);
            slots.push(Slot {
                first: m.first,
                last: m.last,
                fact: pv,
                rel: if same { Rel::Match } else { Rel::Mismatch },
            });
            continue;
        }
        // A capital stands for its government ("Paris announced …"), not
        // where something happened: "in Paris" is a place the fact must give.
        let stands_for = !(locative && entity.kind.is_place());
        let own = f.entities.contains(&m.entity)
            || (stands_for
                && v.represents(m.entity)
                    .is_some_and(|e| f.entities.contains(&e)));
        if !own {
            return Err(Uncovered::Entity(m.entity));
        }
        // "Sweden's stance" where the fact says "Norway's stance".
        if m.possessive && !f.owners.is_empty() && !f.owners.contains(&m.entity) {
            return Err(Uncovered::Owner(m.entity));
        }
    }
    Ok(())
}

/// Whether entity `e` is named before token `k`.
fn named_before(a: &Analysis, e: usize, k: usize) -> bool {
    (a.mentions.iter()).any(|m| m.entity == e && m.last <= k)
}

/// An ambiguous name as the entity this fact knows, if it knows one of
/// them ("Jordan" in a fact about the river is the river).
fn resolve(v: &Verifier, f: &FactIndex, m: &Mention) -> Mention {
    let knows = |e: usize| {
        f.entities.contains(&e)
            || f.person().is_some_and(|(p, _)| p == e)
            || f.place().is_some_and(|(p, _)| p == e)
            || v.represents(e).is_some_and(|r| f.entities.contains(&r))
    };
    let mut m = m.clone();
    if !knows(m.entity)
        && let Some(&e) = m.also.iter().find(|&&e| knows(e))
    {
        m.entity = e;
    }
    m
}

/// Unknown capitalised names, grouped: a different person beside
/// "administration", or a different place after "in", fills the fact's
/// slot with a name that is not the article's.
pub(crate) fn unknown_names<'f>(
    a: &Analysis,
    f: &'f FactIndex,
    names: &[usize],
    slots: &mut Vec<Slot<'f>>,
) -> Result<(), Uncovered> {
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
                .is_some_and(|t| t.is(lang::CLASS_PERSON_CUES))
        };
        let person_cue = near(last) || (first > 0 && near(first - 1));
        let mut p = first;
        if p > 0 && a.tokens[p - 1].text == "the" {
            p -= 1;
        }
        let locative = (p > 0 && a.tokens[p - 1].is(lang::CLASS_LOCATIVES))
            || introduced_by(a, first, &f.place_preps);
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
    Ok(())
}

/// Whether the name at token `first` follows (after "the", "a" or "an")
/// one of the fact's own place prepositions ("from" in "launched from X").
fn introduced_by(a: &Analysis, first: usize, preps: &[Word]) -> bool {
    let mut p = first;
    if p > 0 && matches!(a.tokens[p - 1].text.as_str(), "the" | "a" | "an") {
        p -= 1;
    }
    p > 0 && preps.iter().any(|w| w.as_str() == a.tokens[p - 1].text)
}

/// Whether word `k` (or the name it starts) stands where the fact's place
/// would: after "in", "at" or one of the fact's own place prepositions.
fn after_place_word(a: &Analysis, k: usize, f: &FactIndex) -> bool {
    f.place().is_some()
        && (introduced_by(a, k, &f.place_preps)
            || (k > 0 && lang::LOCATIVES_SET.contains(a.tokens[k - 1].text.as_str())))
}

/// A typo of one of the fact's ordinary words: same first letter, one edit
/// away (two for long words; a swap of neighbours is one edit). Never
/// applied to names.
fn typo_of<'f>(word: &str, f: &'f FactIndex) -> Option<&'f str> {
    let n = word.chars().count();
    if !(4..=30).contains(&n) {
        return None;
    }
    let max = if n >= 9 { 2 } else { 1 };
    let targets = TypoTargets::get();
    if n == 4 {
        // Four letters are one edit from too many words: only two
        // neighbours swapped ("tise" for "ties"), or a letter left out of
        // a word of five ("evry"), is a typo.
        let left_out = |s: &str| s.len() == 5 && s.as_bytes()[0] == word.as_bytes()[0];
        return (f.surfaces.iter().map(|w| w.as_str()))
            .chain(targets.short.iter().copied())
            .find(|s| swapped(word, s) || (left_out(s) && within_edits(word, s, 1)));
    }
    // The first letter as written: a word starts with it when it starts
    // with these bytes.
    let first = &word[..word.chars().next().map_or(0, char::len_utf8)];
    // A word the dictionary knows is a typo of the fact's words only:
    // "world" is no "would", though one edit apart.
    let built_in: &[&str] = if lang::lexicon::knows(word) {
        &[]
    } else {
        &targets.long[usize::from(word.as_bytes()[0])]
    };
    f.surfaces
        .iter()
        .map(|w| w.as_str())
        .chain(built_in.iter().copied())
        .find(|s| {
            // Cheap tests first: length and first letter rule out most words.
            // A word as written is no typo of itself ("country" under a
            // superlative is not filler, and not explained as a typo of it).
            s.len().abs_diff(word.len()) <= max
                && *s != word
                && s.len() >= 4
                && s.starts_with(first)
                && within_edits(word, s, max)
        })
}

/// The built-in words a typo may be taken for besides a fact's own, in
/// the lists' order, sorted out once rather than filtered at every word.
struct TypoTargets {
    /// For a word of four letters: function words of four or five (a
    /// swap keeps the length, a left-out letter adds one).
    short: Vec<&'static str>,
    /// For a longer word, by first byte: long filler words ("mayor" is no
    /// typo of "major": short ones are one edit from too many real
    /// words), then function words of five letters or more ("befor").
    long: Vec<Vec<&'static str>>,
}

impl TypoTargets {
    fn get() -> &'static TypoTargets {
        static TARGETS: std::sync::LazyLock<TypoTargets> = std::sync::LazyLock::new(|| {
            let short = (lang::STOPWORDS.iter().copied())
                .filter(|w| (4..=5).contains(&w.len()))
                .collect();
            let mut long = vec![Vec::new(); 256];
            let words = (lang::FILLER.iter().copied().filter(|w| w.len() >= 7))
                .chain(lang::STOPWORDS.iter().copied().filter(|w| w.len() >= 5));
            for w in words {
                long[usize::from(w.as_bytes()[0])].push(w);
            }
            TypoTargets { short, long }
        });
        &TARGETS
    }
}

/// Whether `a` is `b` with two neighbouring letters swapped.
fn swapped(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    // The first difference, then the rest must differ only at the next.
    let Some(i) = (0..a.len()).find(|&i| a[i] != b[i]) else {
        return false;
    };
    let j = i + 1;
    j < a.len() && a[i] == b[j] && a[j] == b[i] && a[j + 1..] == b[j + 1..]
}

/// Whether two words are at most `max` edits apart, a swap of neighbours
/// being one edit: `strsim::osa_distance(a, b) <= max`, the same table
/// computed on the stack for ASCII words of up to 32 letters (strsim
/// allocates three rows per call, and typos are tried against every word
/// of a fact). Entries are capped at `max + 1`, which keeps the answer;
/// an entry further than `max` from the diagonal is at least that, so
/// only a band around it is computed, and once two rows are all past
/// `max` no later one can come back under it.
pub(crate) fn within_edits(a: &str, b: &str, max: usize) -> bool {
    const N: usize = 32;
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !a.is_ascii() || !b.is_ascii() || x.len() > N || y.len() > N || max >= N {
        return strsim::osa_distance(a, b) <= max;
    }
    if letters_differ(x, y, max) {
        return false;
    }
    let cap = max as u16 + 1;
    // The rows before last, last and current of the distance table.
    let mut two = [cap; N + 1];
    let mut prev = [cap; N + 1];
    for (j, d) in prev.iter_mut().enumerate().take(y.len() + 1) {
        *d = (j as u16).min(cap);
    }
    for (i, &ac) in x.iter().enumerate() {
        let mut cur = [cap; N + 1];
        cur[0] = (i as u16 + 1).min(cap);
        let (lo, hi) = (i.saturating_sub(max), (i + max + 1).min(y.len()));
        for j in lo..hi {
            let bc = y[j];
            let cost = u16::from(ac != bc);
            let mut d = (cur[j] + 1).min(prev[j + 1] + 1).min(prev[j] + cost);
            if i > 0 && j > 0 && ac != bc && ac == y[j - 1] && bc == x[i - 1] {
                d = d.min(two[j - 1] + 1);
            }
            cur[j + 1] = d.min(cap);
        }
        let past = |row: &[u16; N + 1]| row[..=y.len()].iter().all(|&d| d >= cap);
        if past(&cur) && past(&prev) {
            return false;
        }
        (two, prev) = (prev, cur);
    }
    prev[y.len()] < cap
}

/// Whether two ASCII words' letters, as multisets, differ by more than
/// `max` on either side. Each edit (a swap of neighbours too) changes that
/// difference by at most one, so the words are then more than `max` edits
/// apart: most pairs are ruled out without the table.
fn letters_differ(x: &[u8], y: &[u8], max: usize) -> bool {
    let mut count = [0u8; 128];
    for &c in x {
        count[usize::from(c & 0x7f)] += 1;
    }
    let mut only_y = 0;
    for &c in y {
        match &mut count[usize::from(c & 0x7f)] {
            0 => only_y += 1,
            k => *k -= 1,
        }
    }
    let only_x = x.len() - (y.len() - only_y);
    only_x.max(only_y) > max
}

/// Another derivation of one of the fact's words: the same first eight
/// letters (diplomacy/diplomatic, cooperative/cooperation) — long enough
/// that different roots rarely share them.
fn same_root(stem: &str, f: &FactIndex) -> bool {
    use super::index::ROOT;
    stem.len() >= ROOT
        && stem.is_char_boundary(ROOT)
        && (stem.as_bytes().first_chunk::<ROOT>()).is_some_and(|r| f.roots.contains(r))
}

/// Whether the content word after support verb `i` (of `a.words`), within
/// three tokens, is one the fact uses.
fn supports_a_fact_noun(a: &Analysis, i: usize, f: &FactIndex) -> bool {
    let (Some(&k), Some(&next)) = (a.words.get(i), a.words.get(i + 1)) else {
        return false;
    };
    next <= k + 3 && f.stems.contains(&a.stems[i + 1])
}

/// Whether a date or a span of time follows token `k` (after "the").
fn before_a_time(a: &Analysis, k: usize) -> bool {
    let next = k + 1 + usize::from(a.tokens.get(k + 1).is_some_and(|t| t.text == "the"));
    (a.quantities.iter()).any(|q| {
        q.first == next
            && matches!(
                q.kind,
                crate::values::Value::Date { .. } | crate::values::Value::Period { .. }
            )
    })
}

/// Whether token `k + 1` is a past participle: a regular one, an
/// irregular form the lexical database knows ("caught"), or one that is
/// its verb's base form ("hurt").
fn participle_after(a: &Analysis, k: usize) -> bool {
    a.tokens.get(k + 1).is_some_and(|n| {
        n.kind == TokKind::Word
            && (n.text.ends_with("ed")
                || n.is(lang::CLASS_UNCHANGED_PARTICIPLES)
                || lang::lexicon::base_form(&n.text).is_some())
    })
}

/// "President" right before a person's name is part of the name.
fn is_title_before_name(v: &Verifier, a: &Analysis, k: usize) -> bool {
    a.tokens[k].is(lang::CLASS_TITLES)
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
pub(crate) fn other_subject(
    v: &Verifier,
    a: &Analysis,
    f: &FactIndex,
    pos: usize,
) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_neighbours_swapped_make_a_four_letter_typo() {
        let cases = [
            ("tise", "ties", true),
            ("ties", "ties", false),
            ("tims", "ties", false),
            ("eits", "ties", false),
            ("tie", "ties", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(swapped(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn edits_are_counted_as_strsim_counts_them() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "ca",
            "established",
            "establised",
            "estabilshed",
            "relations",
            "relashions",
            "febuary",
            "february",
            "diplomatic",
            "diplomatc",
            "\u{e9}tabli",
            "etabli",
            "kitten",
            "sitting",
            "abcdefghij",
            "badcfehgji",
            "internationally",
            "internationaly",
            "intrenationally",
        ];
        for a in words {
            for b in words {
                let want = strsim::osa_distance(a, b);
                for max in 0..4 {
                    assert_eq!(within_edits(a, b, max), want <= max, "{a} / {b} / {max}");
                }
            }
        }
    }
}
