//! The verifier's index over a bank, built once: each fact's words,
//! names and typed values, and the postings that let retrieval touch only
//! the facts a statement shares something with.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

use super::order::FactOrder;
use super::read::{self, Analysis};
use crate::bank::{Bank, Fact};
use crate::lang::{self, Gazetteer, TokKind, Token, Word, stem, tokenize};
use crate::values::{FactValue, Value};

/// Everything needed to judge statements against one bank, built once.
pub struct Verifier<'b> {
    pub(crate) bank: &'b Bank,
    pub(crate) gaz: Gazetteer,
    pub(crate) facts: Vec<FactIndex>,
    pub(crate) filler: HashSet<Word>,
    pub(crate) antonyms: HashMap<Word, Vec<Word>>,
    /// Entity index → the facts that name it.
    pub(crate) entity_facts: Vec<Vec<usize>>,
    /// Facts with a person value, and facts with a place value.
    pub(crate) person_facts: Vec<usize>,
    pub(crate) place_facts: Vec<usize>,
    /// Value kind → the facts holding a value of that kind.
    pub(crate) kind_facts: HashMap<std::mem::Discriminant<Value>, Vec<usize>>,
    /// Value kind → its bit in a fact's boost mask.
    pub(crate) kind_bits: HashMap<std::mem::Discriminant<Value>, u64>,
    /// Each value kind of `kind_facts`, in its order, with a value of
    /// that kind (its first fact's) and its bit: what retrieval asks of
    /// every value a statement claims, found once.
    pub(crate) kind_raises: Vec<(std::mem::Discriminant<Value>, Option<Value>, u64)>,
    /// Each fact's mask of the whole lists it is in (kinds, person, place).
    pub(crate) boosts: Vec<u64>,
    /// Facts by mask, each list in the order retrieval breaks ties: a
    /// statement's value or person boosts every fact of a list alike, so
    /// only the first few of each can be among the best.
    pub(crate) groups: Vec<(u64, Vec<usize>)>,
    /// Stem → (its inverse document frequency, the facts that use it).
    pub(crate) postings: HashMap<Word, (f32, Vec<usize>)>,
    /// Entity index → the stems of its name's words, for organisations
    /// and things ("the fishermen" for a fact naming the "Fishermen's
    /// Association"); empty for places and people.
    pub(crate) name_stems: Vec<Vec<Word>>,
    /// Entity index → what it stands for (a capital for its government).
    pub(crate) stands_for: Vec<Option<usize>>,
    pub(crate) part_of: Vec<Option<usize>>,
    /// Each fact as the order stage reads it, read when first needed.
    pub(crate) fact_orders: Vec<OnceLock<FactOrder>>,
    /// Who does what to whom in each fact, read the first time a
    /// statement with a role verb needs it (see `roles`).
    fact_roles: Vec<OnceLock<Vec<[Word; 3]>>>,
    /// Judgements carry their texts (statement, explanation, evidence,
    /// correction); without, only their verdict and fact.
    pub(crate) texts: bool,
    /// This verifier among all made by the process, for what is kept per
    /// thread on its behalf (WordNet words filtered by its stems).
    pub(crate) id: u64,
}

impl<'b> Verifier<'b> {
    /// Builds the index over `bank`.
    ///
    /// ```
    /// let text = r#"{"schema_version": 2,
    ///   "source": {"title": "Bridge", "date": "1998-06-01", "text": "The bridge opened in 1998."},
    ///   "facts": [{"id": "opened", "topic": "history", "statement": "The bridge opened in 1998.",
    ///     "quote": "The bridge opened in 1998.",
    ///     "values": [{"type": "date", "value": "1998", "text": "1998"}]}]}"#;
    /// let bank = factcheck::bank::parse(text, "bridge.json").unwrap();
    /// let v = factcheck::verify::Verifier::new(&bank);
    /// let j = v.judge("The bridge did not open in 1998.");
    /// assert_eq!(j.verdict, factcheck::verify::Verdict::Refuted);
    /// ```
    pub fn new(bank: &'b Bank) -> Self {
        let gaz = gazetteer(bank);
        let resolve = |id: &Option<String>| id.as_deref().and_then(|id| bank.entity_index(id));
        let stands_for = bank
            .entities
            .iter()
            .map(|e| resolve(&e.stands_for))
            .collect();
        let part_of = bank.entities.iter().map(|e| resolve(&e.part_of)).collect();
        let facts: Vec<FactIndex> = bank
            .facts
            .iter()
            .map(|f| index_fact(bank, &gaz, f))
            .collect();
        let mut v = Verifier {
            bank,
            gaz,
            filler: filler(bank),
            antonyms: antonyms(bank),
            entity_facts: vec![Vec::new(); bank.entities.len()],
            person_facts: Vec::new(),
            place_facts: Vec::new(),
            kind_facts: HashMap::default(),
            kind_bits: HashMap::default(),
            kind_raises: Vec::new(),
            boosts: Vec::new(),
            groups: Vec::new(),
            postings: HashMap::default(),
            stands_for,
            part_of,
            name_stems: bank.entities.iter().map(name_stems).collect(),
            fact_orders: bank.facts.iter().map(|_| OnceLock::new()).collect(),
            fact_roles: bank.facts.iter().map(|_| OnceLock::new()).collect(),
            texts: true,
            id: {
                static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
                MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
            facts: Vec::new(),
        };
        v.post(&facts);
        v.facts = facts;
        v.group();
        v
    }

    /// Masks and groups for the whole-list boosts of retrieval.
    fn group(&mut self) {
        let mut groups: HashMap<u64, Vec<usize>> = HashMap::default();
        for (fi, f) in self.facts.iter().enumerate() {
            let mut mask = 0;
            for v in &f.values {
                let next = 1 << (self.kind_bits.len() + 2);
                mask |= *self
                    .kind_bits
                    .entry(std::mem::discriminant(&v.value))
                    .or_insert(next);
            }
            if f.person().is_some() {
                mask |= PERSON;
            }
            if f.place().is_some() {
                mask |= PLACE;
            }
            self.boosts.push(mask);
            if mask != 0 {
                groups.entry(mask).or_default().push(fi);
            }
        }
        let size = |fi: usize| self.facts[fi].stems.len();
        self.groups = groups.into_iter().collect();
        for (_, list) in &mut self.groups {
            list.sort_by_key(|&fi| (size(fi), fi));
        }
        self.groups.sort_by_key(|g| g.0);
        self.kind_raises = (self.kind_facts.iter())
            .map(|(kind, facts)| {
                let sample = (self.facts[facts[0]].values.iter())
                    .find(|v| std::mem::discriminant(&v.value) == *kind)
                    .map(|v| v.value.clone());
                (*kind, sample, self.kind_bits[kind])
            })
            .collect();
    }

    /// The postings: by stem, entity and value kind.
    fn post(&mut self, facts: &[FactIndex]) {
        let n = facts.len().max(1) as f32;
        for (fi, f) in facts.iter().enumerate() {
            for s in &f.stems {
                self.postings.entry(s.clone()).or_default().1.push(fi);
            }
            for &e in &f.entities {
                self.entity_facts[e].push(fi);
            }
            if f.person().is_some() {
                self.person_facts.push(fi);
            }
            if f.place().is_some() {
                self.place_facts.push(fi);
            }
            for v in &f.values {
                let list = self
                    .kind_facts
                    .entry(std::mem::discriminant(&v.value))
                    .or_default();
                if list.last() != Some(&fi) {
                    list.push(fi);
                }
            }
        }
        for (idf, list) in self.postings.values_mut() {
            *idf = (1.0 + n / list.len() as f32).ln();
        }
    }

    /// Whether any fact, name or opposite uses this word: a word nothing
    /// knows may be a typo or an unknown name.
    pub(crate) fn known(&self, word: &str, stem: &str) -> bool {
        self.postings.contains_key(stem) || self.antonyms.contains_key(stem) || self.gaz.knows(word)
    }

    pub fn bank(&self) -> &'b Bank {
        self.bank
    }

    /// A verifier whose judgements carry only their verdict and fact id,
    /// for a caller that shows nothing else (`verify --quiet`): once the
    /// facts are found, the texts are the costliest part of a judgement.
    /// The verdicts are the same.
    pub fn verdicts_only(mut self) -> Self {
        self.texts = false;
        self
    }

    /// A judgement's text, or nothing (and no allocation) when judgements
    /// carry no texts.
    pub(crate) fn text(&self, text: impl FnOnce() -> String) -> String {
        if self.texts { text() } else { String::new() }
    }

    /// Facts `fa` and `fb` as one ([`FactIndex::merge`]), kept per thread
    /// for the statements that join the same two again.
    pub(crate) fn merged(&self, fa: usize, fb: usize) -> Option<Rc<FactIndex>> {
        /// Past this many pairs the cache starts again: memory stays flat.
        const MAX: usize = 4096;
        type Cache = (u64, HashMap<(usize, usize), Option<Rc<FactIndex>>>);
        thread_local! {
            static CACHE: RefCell<Cache> = RefCell::default();
        }
        CACHE.with_borrow_mut(|(owner, cache)| {
            if *owner != self.id || cache.len() >= MAX {
                *owner = self.id;
                cache.clear();
            }
            let merge = || self.facts[fa].merge(&self.facts[fb]).map(Rc::new);
            cache.entry((fa, fb)).or_insert_with(merge).clone()
        })
    }

    /// Reads a statement as the verifier sees it.
    pub fn analyse(&self, statement: &str) -> Analysis {
        read::analyse(statement, &self.gaz)
    }

    /// Reads a quiz answer: as a statement, but names only as the bank
    /// spells them.
    pub fn analyse_answer(&self, answer: &str) -> Analysis {
        read::analyse_answer(answer, &self.gaz)
    }

    /// The doer, verb and object stems of fact `fi`'s role verbs, in its
    /// statement and its quote.
    pub(crate) fn fact_roles(&self, fi: usize) -> &[[Word; 3]] {
        self.fact_roles[fi].get_or_init(|| {
            let f = &self.bank.facts[fi];
            super::roles::of_texts(&[&f.statement, &f.quote])
        })
    }

    /// What an entity stands for when it is not a place slot: a capital
    /// for its country's government.
    pub(crate) fn represents(&self, entity: usize) -> Option<usize> {
        self.stands_for.get(entity).copied().flatten()
    }

    /// Whether a fact placed at `fact_place` holds for a claim placed at
    /// `claim_place`: the same place, or one the fact's place lies in.
    pub(crate) fn place_within(&self, fact_place: usize, claim_place: usize) -> bool {
        let mut p = Some(fact_place);
        // Bounded walk: a cycle of part_of in a bad bank must not hang.
        for _ in 0..16 {
            match p {
                Some(e) if e == claim_place => return true,
                Some(e) => p = self.part_of.get(e).copied().flatten(),
                None => return false,
            }
        }
        false
    }
}

/// Bits of a fact's boost mask for a person and a place value; value
/// kinds take the bits above.
pub(crate) const PERSON: u64 = 1;
pub(crate) const PLACE: u64 = 2;

/// The bank's names and named dates, on top of the built-in ones.
fn gazetteer(bank: &Bank) -> Gazetteer {
    let mut gaz = Gazetteer::new();
    for (i, e) in bank.entities.iter().enumerate() {
        gaz.add_alias(&e.name, i, false);
        for a in &e.aliases {
            gaz.add_alias(a, i, false);
        }
        // "NZ" for New Zealand: the initials of a name of several words,
        // matched in capitals only.
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if let Some(initials) = initials(n) {
                gaz.add_alias(&initials, i, false);
            }
        }
        for d in &e.demonyms {
            gaz.add_alias(d, i, true);
        }
        // "Canada's space agency" for the Canadian Space Agency.
        if let Some(owned) = owner_form(&e.name) {
            gaz.add_alias(&owned, i, false);
        }
    }
    for nd in &bank.named_dates {
        for name in &nd.names {
            gaz.add_named_date(name, nd.month, nd.day);
        }
    }
    gaz
}

/// A name that opens with a people's adjective, with its place instead
/// ("Canadian Space Agency" → "Canada Space Agency"): the words of
/// "Canada's space agency" as tokens read them.
fn owner_form(name: &str) -> Option<String> {
    let (first, rest) = name.split_once(' ')?;
    // Adjectives of peoples end so; most names' first words do not.
    let adjective = ["an", "ese", "ish", "ch", "i", "ic"]
        .iter()
        .any(|s| first.ends_with(s));
    let place = (adjective && first.starts_with(char::is_uppercase))
        .then(|| crate::lang::world::place_of_adjective(first))
        .flatten()?;
    Some(format!("{place} {rest}"))
}

/// The initials of a name of two to four capitalised words ("New
/// Zealand" → "NZ"), or nothing.
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let caps = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1);
    (caps && (2..=4).contains(&words.len()))
        .then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Filler words by stem; adverbs in "-ly" as written, since their stems
/// are other words' ("namely" would make "named" filler, "formally" the
/// adjective "formal").
fn filler(bank: &Bank) -> HashSet<Word> {
    let key = |w: &str| {
        if w.ends_with("ly") {
            Word::from(w)
        } else {
            stem(w)
        }
    };
    let mut filler: HashSet<Word> = lang::FILLER.iter().map(|w| key(w)).collect();
    for w in &bank.lexicon.filler {
        filler.insert(key(&w.to_lowercase()));
    }
    filler
}

fn antonyms(bank: &Bank) -> HashMap<Word, Vec<Word>> {
    let mut antonyms: HashMap<Word, Vec<Word>> = HashMap::default();
    let bank_pairs = bank
        .lexicon
        .antonyms
        .iter()
        .map(|[a, b]| (a.as_str(), b.as_str()));
    for (a, b) in lang::ANTONYMS.iter().copied().chain(bank_pairs) {
        let (a, b) = (stem(&a.to_lowercase()), stem(&b.to_lowercase()));
        antonyms.entry(a.clone()).or_default().push(b.clone());
        antonyms.entry(b).or_default().push(a);
    }
    antonyms
}

/// The stems of an organisation's or a thing's name words; none for a
/// place ("the two Yorks" is no word of New York's) or a person.
fn name_stems(e: &crate::bank::Entity) -> Vec<Word> {
    use crate::bank::EntityKind;
    if !matches!(e.kind, EntityKind::Organisation | EntityKind::Other) {
        return Vec::new();
    }
    (tokenize(&e.name).iter())
        .filter(|t| t.kind == TokKind::Word && !lang::is_stopword(&t.text))
        .map(|t| stem(&t.text))
        .collect()
}

/// One fact's words (of its statement, quote and keywords), names, values
/// and constraints.
fn index_fact(bank: &Bank, gaz: &Gazetteer, f: &Fact) -> FactIndex {
    let mut stems = HashSet::default();
    let mut surfaces: HashSet<Word> = HashSet::default();
    let mut add = |w: &str| {
        if lang::is_stopword(w) || lang::is_negation(w) || surfaces.contains(w) {
            return;
        }
        stems.insert(stem(w));
        surfaces.insert(Word::from(w));
    };
    // Words of names ("York" in "New York") are left to the names:
    // otherwise "the two Yorks" would be a word of any fact whose quote
    // names New York. Keywords are kept as given.
    let statement = tokenize(&f.statement);
    let negated = read::negation_count(&f.statement, &statement) % 2 == 1;
    let quote = tokenize(&f.quote);
    let place = f.values.iter().find_map(|v| match v {
        crate::bank::Value::Place { entity, .. } => bank.entity_index(entity),
        _ => None,
    });
    let place_preps = place.map_or_else(Vec::new, |p| {
        role_prepositions(bank, gaz, p, &statement, &quote)
    });
    let ranked = ranked_words(&statement, &quote);
    let owners = owners(gaz, &statement, &quote);
    let modal_scopes = modal_scopes(&statement);
    let denied = denied(&statement);
    let values: Vec<FactValue> = (f.values.iter())
        .filter_map(|v| FactValue::from_bank(bank, v).ok())
        .collect();
    let spans = value_spans(&f.statement, &values);
    for t in statement.iter().chain(&quote) {
        if t.kind == TokKind::Word && !gaz.knows(&t.text) {
            add(&t.text);
        }
    }
    for k in &f.keywords {
        // Most keywords are one plain word: no need to tokenize.
        if k.bytes().all(|b| b.is_ascii_lowercase()) {
            add(k);
        } else {
            for t in tokenize(k).iter().filter(|t| t.kind == TokKind::Word) {
                add(&t.text);
            }
        }
    }
    let ids = |list: &[String]| -> Vec<usize> {
        list.iter().filter_map(|id| bank.entity_index(id)).collect()
    };
    let stems_of =
        |words: &[String]| -> Vec<Word> { words.iter().map(|w| stem(&w.to_lowercase())).collect() };
    FactIndex {
        roots: roots(&stems),
        general: OnceLock::new(),
        subject: f.subject.as_deref().and_then(|id| bank.entity_index(id)),
        people: ids(&f.people),
        scope_words: stems_of(&f.scope_words),
        requires: stems_of(&f.requires),
        stems,
        surfaces,
        entities: ids(&f.entities),
        negated,
        place_preps,
        ranked,
        owners,
        modal_scopes,
        denied,
        value_nouns: value_nouns(&f.statement, &statement, &spans),
        value_contexts: value_contexts(&statement, &spans),
        value_leads: value_leads(&f.statement, &statement, &spans),
        values,
    }
}

/// Where each of the fact's values stands in its statement (by its text,
/// as written there), as a byte range.
fn value_spans(statement: &str, values: &[FactValue]) -> Vec<Option<(usize, usize)>> {
    (values.iter())
        .map(|v| {
            let at = statement.find(&v.text).filter(|_| !v.text.is_empty())?;
            Some((at, at + v.text.len()))
        })
        .collect()
}

/// For each of the fact's values, the stem of the word right after it,
/// with only a space between: what it counts ("seven females").
fn value_nouns(
    statement: &str,
    toks: &[Token],
    spans: &[Option<(usize, usize)>],
) -> Vec<Option<Word>> {
    (spans.iter())
        .map(|span| {
            let (_, end) = (*span)?;
            let t = toks
                .iter()
                .find(|t| t.start == end + 1 && &statement[end..t.start] == " ")?;
            (t.kind == TokKind::Word && !t.is(lang::CLASS_STOPWORDS)).then(|| stem(&t.text))
        })
        .collect()
}

/// The stems of the content words among `toks`, in their order.
fn content_stems<'t>(toks: impl Iterator<Item = &'t Token>) -> impl Iterator<Item = Word> {
    toks.filter(|t| t.kind == TokKind::Word && !t.is(lang::CLASS_STOPWORDS))
        .map(|t| stem(&t.text))
}

/// For each of the fact's values, the stems of the words after it in its
/// statement, up to the next value: what the figure counts or where it
/// belongs ("seven females and five males", "eight from Germany and four
/// from Poland").
fn value_contexts(toks: &[Token], spans: &[Option<(usize, usize)>]) -> Vec<Vec<Word>> {
    (spans.iter())
        .map(|span| {
            let Some((_, end)) = *span else {
                return Vec::new();
            };
            let next = (spans.iter().flatten())
                .map(|&(a, _)| a)
                .filter(|&a| a >= end)
                .min()
                .unwrap_or(usize::MAX);
            content_stems(toks.iter().filter(|t| t.start >= end && t.end <= next))
                .take(8)
                .collect()
        })
        .collect()
}

/// For each of the fact's values, the stems of the words before it in its
/// clause, back to the previous value or the comma or "and" that opens
/// the clause: the event it dates ("the hull was floated out in June
/// 2024, and sea trials ended in February").
fn value_leads(
    statement: &str,
    toks: &[Token],
    spans: &[Option<(usize, usize)>],
) -> Vec<Vec<Word>> {
    (spans.iter())
        .map(|span| {
            let Some((start, _)) = *span else {
                return Vec::new();
            };
            let prev = (spans.iter().flatten())
                .map(|&(_, e)| e)
                .filter(|&e| e <= start)
                .max()
                .unwrap_or(0);
            let before: Vec<&Token> = (toks.iter())
                .filter(|t| t.start >= prev && t.end <= start)
                .collect();
            // A conjunction opens the clause after it; a comma, the word
            // after it.
            let comma =
                |k: usize| k > 0 && statement[before[k - 1].end..before[k].start].contains(',');
            let opens = (0..before.len())
                .rev()
                .find_map(|k| match before[k].is(lang::CLASS_CONJUNCTIONS) {
                    true => Some(k + 1),
                    false => comma(k).then_some(k),
                })
                .unwrap_or(0);
            content_stems(before[opens..].iter().rev().copied())
                .take(8)
                .collect()
        })
        .collect()
}

/// What a fact's speaker denies: the stems of the content words after a
/// verb of denial and the "that" it takes, and of those between, which
/// say whose claim it was ("rejected claims by opposition councillors
/// that charges would rise": [charg, rise], [claim, opposit, councillor]).
fn denied(toks: &[Token]) -> Denied {
    let Some(k) = toks.iter().position(|t| t.is(lang::CLASS_DENIALS)) else {
        return Denied::default();
    };
    let Some(that) = (k + 1..toks.len().min(k + 8)).find(|&j| toks[j].text == "that") else {
        return Denied::default();
    };
    Denied {
        claim: content_stems(toks[that + 1..].iter()).collect(),
        frame: content_stems(toks[k + 1..that].iter()).collect(),
    }
}

/// What a fact's speaker denies (see `denied`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Denied {
    /// The denied claim's words.
    pub(crate) claim: Vec<Word>,
    /// The words that say whose claim it was.
    pub(crate) frame: Vec<Word>,
}

/// For each modal word of a fact's statement, the stems of the content
/// words it governs ("expected to open new avenues" → [open, new,
/// avenu]).
fn modal_scopes(toks: &[Token]) -> Vec<Vec<Word>> {
    // Words of aim hedge what they govern as a modal does ("aim to
    // strengthen": not done yet).
    let aim = |t: &Token| {
        matches!(
            t.text.as_str(),
            "aim" | "aims" | "aimed" | "intend" | "intends" | "plan" | "plans" | "hope" | "hopes"
        )
    };
    (toks.iter().enumerate())
        .filter(|(_, t)| t.is(lang::CLASS_MODALITY) || aim(t))
        .map(|(k, _)| governed(toks, k, 5))
        .collect()
}

/// The stems of the first `n` content words after token `k`.
pub(crate) fn governed(toks: &[Token], k: usize, n: usize) -> Vec<Word> {
    content_stems(toks[k + 1..].iter()).take(n).collect()
}

/// The entities named in possessive form in `toks`: an alias of up to
/// three words ending at a possessive token.
fn owners(gaz: &Gazetteer, statement: &[lang::Token], quote: &[lang::Token]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for toks in [statement, quote] {
        for end in (0..toks.len()).filter(|&k| toks[k].possessive) {
            let owner = (0..3.min(end + 1)).find_map(|back| {
                let i = end - back;
                let same = |a: &&lang::Alias| {
                    a.words.len() == back + 1
                        && (a.words.iter().zip(&toks[i..=end])).all(|(w, t)| *w == t.text)
                };
                gaz.aliases
                    .get(&toks[i].text)?
                    .iter()
                    .find(same)
                    .map(|a| a.entity)
            });
            if let Some(e) = owner.filter(|e| !out.contains(e)) {
                out.push(e);
            }
        }
    }
    out
}

/// Superlatives the fact ranks by ("longest" in "the second-longest"):
/// the word right after an ordinal, and never without one ("the longest
/// in Scandinavia and the third-longest in Europe" ranks by none). A
/// statement that uses one with no rank of its own claims the first place.
fn ranked_words(statement: &[lang::Token], quote: &[lang::Token]) -> Vec<Word> {
    // Each superlative with the stem of the word after it.
    let mut ranked: Vec<(Word, Word)> = Vec::new();
    let mut bare: Vec<(Word, Word)> = Vec::new();
    for toks in [statement, quote] {
        for (k, w) in toks.iter().enumerate() {
            let superlative = w.text.len() > 4 && w.text.ends_with("est")
                || matches!(w.text.as_str(), "most" | "least");
            if !superlative {
                continue;
            }
            // "second", or the suffix of "3rd", glued to its digits.
            let ordinal = k.checked_sub(1).is_some_and(|p| {
                let t = toks[p].text.as_str();
                lang::ordinal_word(t).is_some()
                    || (toks[p].attached && matches!(t, "st" | "nd" | "rd" | "th"))
            });
            // A function word after it ("longest there") ties it to nothing.
            let next = (toks.get(k + 1))
                .filter(|t| t.kind == lang::TokKind::Word && !t.is(lang::CLASS_STOPWORDS))
                .map(|t| stem(&t.text))
                .unwrap_or_default();
            let list = if ordinal { &mut ranked } else { &mut bare };
            list.push((stem(&w.text), next));
        }
    }
    let mut words: Vec<Word> = Vec::new();
    for (w, next) in ranked {
        let mut bare_nexts = bare.iter().filter(|(b, _)| *b == w).map(|(_, n)| n);
        let word = match bare_nexts.next() {
            None => w,
            // "the largest port and the second-largest farm": ranked only
            // before the word the rank comes with ("largest farm").
            Some(_) if !next.is_empty() && !bare.contains(&(w.clone(), next.clone())) => {
                format!("{w} {next}").into()
            }
            Some(_) => continue,
        };
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// How many first letters make a root (see `cover::same_root`).
pub(crate) const ROOT: usize = 8;

/// The roots of the stems long enough to have one, each once.
fn roots(stems: &HashSet<Word>) -> Vec<[u8; ROOT]> {
    let mut roots: Vec<[u8; ROOT]> = stems
        .iter()
        .filter(|w| w.len() >= ROOT && w.is_char_boundary(ROOT))
        .filter_map(|w| w.as_bytes().first_chunk::<ROOT>().copied())
        .collect();
    roots.sort_unstable();
    roots.dedup();
    roots
}

/// What the verifier knows of one fact.
#[derive(Debug)]
pub(crate) struct FactIndex {
    pub(crate) stems: HashSet<Word>,
    /// The stems of what the fact's nouns are kinds of ("vessel" for its
    /// "ship"), found the first time a statement needs them.
    general: OnceLock<HashSet<Word>>,
    /// The first `ROOT` bytes of each stem that has as many letters.
    pub(crate) roots: Vec<[u8; ROOT]>,
    /// Lower-case words, for typo matching.
    pub(crate) surfaces: HashSet<Word>,
    pub(crate) entities: Vec<usize>,
    /// The canonical statement is itself negative ("did not have ties").
    pub(crate) negated: bool,
    pub(crate) values: Vec<FactValue>,
    /// For each of `values`, the stems of the words after it in the
    /// fact's statement up to the next value (see `value_contexts`).
    pub(crate) value_contexts: Vec<Vec<Word>>,
    /// For each of `values`, the stems of the words before it in its
    /// clause (see `value_leads`).
    pub(crate) value_leads: Vec<Vec<Word>>,
    /// For each of `values`, the noun right after it, if any.
    pub(crate) value_nouns: Vec<Option<Word>>,
    /// Stems of which a statement must use one (empty: no requirement).
    pub(crate) requires: Vec<Word>,
    /// Stems that frame the fact; their opposites mean another scope.
    pub(crate) scope_words: Vec<Word>,
    /// Entities whose people the fact is about (empty: any).
    pub(crate) people: Vec<usize>,
    /// The entity the fact's values describe.
    pub(crate) subject: Option<usize>,
    /// Prepositions the fact puts before a name ("from Lisbon"): a place
    /// named after one of them in a statement fills the place slot.
    pub(crate) place_preps: Vec<Word>,
    /// Superlatives after the fact's rank ("longest" in "second-longest");
    /// "largest farm" (the stem of the word after it too) where the fact
    /// also uses the superlative bare before another word.
    pub(crate) ranked: Vec<Word>,
    /// The fact's own modal words, each with the stems of the words it
    /// governs: a statement's modal is the fact's only over one of them.
    pub(crate) modal_scopes: Vec<Vec<Word>>,
    /// What the fact's speaker denies (see `denied`).
    pub(crate) denied: Denied,
    /// Entities the fact writes as possessives ("Norway's shift"): a
    /// statement's possessive must be one of them, when there are any.
    pub(crate) owners: Vec<usize>,
}

/// The prepositions of `lang/data/role_prepositions.txt` that the fact's
/// words put right before a capitalised name.
fn role_prepositions(
    bank: &Bank,
    gaz: &Gazetteer,
    place: usize,
    statement: &[lang::Token],
    quote: &[lang::Token],
) -> Vec<Word> {
    // Only before the place's own name, or a name within it ("from
    // the Port of Lisbon in Portugal"): "on February 14" is a date, and "on
    // the River Ouse" another entity of the fact.
    let within = |mut e: usize| {
        for _ in 0..8 {
            if e == place {
                return true;
            }
            match bank.entities[e]
                .part_of
                .as_deref()
                .and_then(|id| bank.entity_index(id))
            {
                Some(up) => e = up,
                None => return false,
            }
        }
        false
    };
    // Through the names' first words: linear in the bank, not in its
    // entities for every fact.
    // A capital, or a whole name in lower case ("near the second
    // Sudby point"): "on the second day" names no place.
    let starts_place = |toks: &[lang::Token], k: usize| {
        gaz.aliases.get(toks[k].text.as_str()).is_some_and(|list| {
            list.iter().any(|a| {
                within(a.entity)
                    && (toks[k].cap
                        || (a.words.iter().enumerate())
                            .all(|(i, w)| toks.get(k + i).is_some_and(|t| t.text == *w)))
            })
        })
    };
    let mut out: Vec<Word> = Vec::new();
    for toks in [statement, quote] {
        for (k, t) in toks.iter().enumerate() {
            let mut next = k + 1;
            if toks
                .get(next)
                .is_some_and(|n| n.text == "the" || n.text == "an" || n.text == "a")
            {
                next += 1;
            }
            if lang::ROLE_PREPOSITIONS_SET.contains(t.text.as_str())
                && toks.get(next).is_some_and(|_| starts_place(toks, next))
                && !out.iter().any(|w| w.as_str() == t.text)
            {
                out.push(Word::from(t.text.as_str()));
            }
        }
    }
    out
}

impl FactIndex {
    /// Two facts as one, for a statement that spans both; `None` when one
    /// is negative and the other not, as their polarities cannot be joined.
    pub(crate) fn merge(&self, other: &FactIndex) -> Option<FactIndex> {
        if self.negated != other.negated {
            return None;
        }
        let union = |a: &[Word], b: &[Word]| -> Vec<Word> {
            let mut out = a.to_vec();
            out.extend(b.iter().filter(|x| !a.contains(x)).cloned());
            out
        };
        let mut entities = self.entities.clone();
        entities.extend(other.entities.iter().filter(|e| !self.entities.contains(e)));
        let stems: HashSet<Word> = self.stems.union(&other.stems).cloned().collect();
        Some(FactIndex {
            roots: roots(&stems),
            general: OnceLock::new(),
            stems,
            surfaces: self.surfaces.union(&other.surfaces).cloned().collect(),
            entities,
            negated: self.negated,
            values: self.values.iter().chain(&other.values).cloned().collect(),
            value_leads: (self.value_leads.iter())
                .chain(&other.value_leads)
                .cloned()
                .collect(),
            value_contexts: (self.value_contexts.iter())
                .chain(&other.value_contexts)
                .cloned()
                .collect(),
            value_nouns: (self.value_nouns.iter())
                .chain(&other.value_nouns)
                .cloned()
                .collect(),
            requires: union(&self.requires, &other.requires),
            people: self.people.iter().chain(&other.people).copied().collect(),
            subject: self.subject.or(other.subject),
            place_preps: union(&self.place_preps, &other.place_preps),
            ranked: union(&self.ranked, &other.ranked),
            owners: self.owners.iter().chain(&other.owners).copied().collect(),
            modal_scopes: (self.modal_scopes.iter())
                .chain(&other.modal_scopes)
                .cloned()
                .collect(),
            denied: Denied {
                claim: union(&self.denied.claim, &other.denied.claim),
                frame: union(&self.denied.frame, &other.denied.frame),
            },
            scope_words: union(&self.scope_words, &other.scope_words),
        })
    }

    /// Whether a statement's stem names what one of the fact's nouns is a
    /// kind of: "the vessel" for the fact's "ship" (never the reverse).
    pub(crate) fn is_general_of(&self, stem_: &str) -> bool {
        self.general
            .get_or_init(|| {
                (self.surfaces.iter())
                    .flat_map(|w| lang::lexicon::entry(w).hypernyms())
                    .filter(|h| !h.contains('_'))
                    .map(stem)
                    .collect()
            })
            .contains(stem_)
    }

    pub(crate) fn place(&self) -> Option<(usize, &FactValue)> {
        self.values.iter().find_map(|v| match v.value {
            Value::Place { entity } => Some((entity, v)),
            _ => None,
        })
    }

    pub(crate) fn person(&self) -> Option<(usize, &FactValue)> {
        self.values.iter().find_map(|v| match v.value {
            Value::Person { entity } => Some((entity, v)),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Word, initials, ranked_words, stem, tokenize};

    #[test]
    fn superlatives_after_a_rank_are_the_facts_ranking_words() {
        for (quote, want) in [
            ("the second-longest bridge in Europe", vec!["longest"]),
            ("the 3rd largest city", vec!["largest"]),
            ("the second most visited site", vec!["most"]),
            ("the longest bridge", vec![]),
            ("the second bridge to the west", vec![]),
            ("the longest here and the third-longest there", vec![]),
            (
                "the largest port and the second-largest farm",
                vec!["largest farm"],
            ),
        ] {
            let got = ranked_words(&[], &tokenize(quote));
            let want: Vec<Word> = (want.into_iter())
                .map(|w| w.split(' ').map(stem).collect::<Vec<_>>().join(" ").into())
                .collect();
            assert_eq!(got, want, "{quote}");
        }
    }

    #[test]
    fn names_of_several_capitalised_words_have_initials() {
        let cases = [
            ("New Zealand", Some("NZ")),
            ("World Health Organisation", Some("WHO")),
            ("Peru", None),
            ("Treaty of Rome", None),
            ("A B", None),
        ];
        for (name, want) in cases {
            assert_eq!(initials(name).as_deref(), want, "{name}");
        }
    }
}
