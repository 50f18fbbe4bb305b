//! The verifier's index over a bank, and finding the facts a statement is
//! most likely about.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon;
use super::normalise::{self, Analysis, Gazetteer, PartialDate, Word, stem};
use super::{Judgement, Verdict, judge};
use crate::bank::{Bank, EntityKind, Role, Value};

/// A fact's value, parsed once.
#[derive(Debug, Clone)]
pub enum FactValue {
    Date(PartialDate),
    Ordinal(u64),
    Count {
        value: f64,
        approx: bool,
    },
    Money {
        value: f64,
        currency: String,
        approx: bool,
    },
    Place(usize),
    Person(usize),
}

#[derive(Debug, Clone)]
pub struct IndexedValue {
    pub value: FactValue,
    pub role: Role,
    pub text: String,
}

/// What the verifier knows of one fact.
#[derive(Debug)]
pub struct FactIndex {
    pub stems: HashSet<Word>,
    /// Lower-case words, for typo matching.
    pub surfaces: HashSet<Word>,
    pub entities: Vec<usize>,
    /// The canonical statement is itself negative ("did not have ties").
    pub negated: bool,
    pub values: Vec<IndexedValue>,
    /// Stems of which a statement must use one (empty: no requirement).
    pub requires: Vec<Word>,
    /// Stems that frame the fact; their opposites mean another scope.
    pub scope_words: Vec<Word>,
    /// Entities whose people the fact is about (empty: any).
    pub people: Vec<usize>,
    /// The entity the fact's values describe.
    pub subject: Option<usize>,
}

impl FactIndex {
    /// Two facts as one, for a statement that spans both; `None` when one
    /// is negative and the other not, as their polarities cannot be joined.
    pub fn merge(&self, other: &FactIndex) -> Option<FactIndex> {
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
        Some(FactIndex {
            stems: self.stems.union(&other.stems).cloned().collect(),
            surfaces: self.surfaces.union(&other.surfaces).cloned().collect(),
            entities,
            negated: self.negated,
            values: self.values.iter().chain(&other.values).cloned().collect(),
            requires: union(&self.requires, &other.requires),
            people: self.people.iter().chain(&other.people).copied().collect(),
            subject: self.subject.or(other.subject),
            scope_words: union(&self.scope_words, &other.scope_words),
        })
    }

    pub fn place(&self) -> Option<(usize, &IndexedValue)> {
        self.values.iter().find_map(|v| match v.value {
            FactValue::Place(e) => Some((e, v)),
            _ => None,
        })
    }

    pub fn person(&self) -> Option<(usize, &IndexedValue)> {
        self.values.iter().find_map(|v| match v.value {
            FactValue::Person(e) => Some((e, v)),
            _ => None,
        })
    }
}

/// Everything needed to judge statements against one bank, built once.
pub struct Verifier<'b> {
    pub(crate) bank: &'b Bank,
    pub(crate) gaz: Gazetteer,
    pub(crate) facts: Vec<FactIndex>,
    pub(crate) filler: HashSet<Word>,
    pub(crate) antonyms: HashMap<Word, Vec<Word>>,
    /// Entity index → the facts that name it.
    entity_facts: Vec<Vec<usize>>,
    /// The facts that hold typed values.
    valued_facts: Vec<usize>,
    /// Stem → (its inverse document frequency, the facts that use it).
    postings: HashMap<Word, (f32, Vec<usize>)>,
    /// Entity index → what it stands for (a capital for its government).
    pub(crate) stands_for: Vec<Option<usize>>,
    pub(crate) part_of: Vec<Option<usize>>,
}

/// How many of the best-scored facts are judged.
const CANDIDATES: usize = 4;

impl<'b> Verifier<'b> {
    pub fn new(bank: &'b Bank) -> Self {
        let mut gaz = Gazetteer::new();
        for (i, e) in bank.entities.iter().enumerate() {
            gaz.add_alias(&e.name, i, false);
            for a in &e.aliases {
                gaz.add_alias(a, i, false);
            }
            for d in &e.demonyms {
                gaz.add_alias(d, i, true);
            }
        }
        for nd in &bank.named_dates {
            for name in &nd.names {
                gaz.add_named_date(name, nd.month, nd.day);
            }
        }
        let resolve = |id: &Option<String>| id.as_deref().and_then(|id| bank.entity_index(id));
        let stands_for = bank
            .entities
            .iter()
            .map(|e| resolve(&e.stands_for))
            .collect();
        let part_of = bank.entities.iter().map(|e| resolve(&e.part_of)).collect();

        let mut filler: HashSet<Word> = lexicon::FILLER.iter().map(|w| stem(w)).collect();
        for w in &bank.lexicon.filler {
            filler.insert(stem(&w.to_lowercase()));
        }
        let mut antonyms: HashMap<Word, Vec<Word>> = HashMap::default();
        let bank_pairs = bank
            .lexicon
            .antonyms
            .iter()
            .map(|[a, b]| (a.as_str(), b.as_str()));
        for (a, b) in lexicon::ANTONYMS.iter().copied().chain(bank_pairs) {
            let (a, b) = (stem(&a.to_lowercase()), stem(&b.to_lowercase()));
            antonyms.entry(a.clone()).or_default().push(b.clone());
            antonyms.entry(b).or_default().push(a);
        }

        let facts: Vec<FactIndex> = bank
            .facts
            .iter()
            .map(|f| {
                let mut stems = HashSet::default();
                let mut surfaces: HashSet<Word> = HashSet::default();
                let mut add = |w: &str| {
                    if normalise::is_stopword(w)
                        || normalise::is_negation(w)
                        || surfaces.contains(w)
                    {
                        return;
                    }
                    stems.insert(stem(w));
                    surfaces.insert(Word::from(w));
                };
                // Words of names ("York" in "New York") are left to the
                // names: otherwise "the two Yorks" would be a word of any
                // fact whose quote names New York. Keywords are kept as given.
                let statement = normalise::tokenize(&f.statement);
                let negated = normalise::negation_count(&statement) % 2 == 1;
                let quote = normalise::tokenize(&f.quote);
                for t in statement.iter().chain(&quote) {
                    if t.kind == normalise::TokKind::Word && !gaz.knows(&t.text) {
                        add(&t.text);
                    }
                }
                for k in &f.keywords {
                    // Most keywords are one plain word: no need to tokenize.
                    if k.bytes().all(|b| b.is_ascii_lowercase()) {
                        add(k);
                    } else {
                        for t in normalise::tokenize(k) {
                            if t.kind == normalise::TokKind::Word {
                                add(&t.text);
                            }
                        }
                    }
                }
                let entities = f
                    .entities
                    .iter()
                    .filter_map(|id| bank.entity_index(id))
                    .collect();
                let values = f
                    .values
                    .iter()
                    .filter_map(|v| index_value(bank, v))
                    .collect();
                let stems_of = |words: &[String]| -> Vec<Word> {
                    words.iter().map(|w| stem(&w.to_lowercase())).collect()
                };
                let requires = stems_of(&f.requires);
                let scope_words = stems_of(&f.scope_words);
                let people = f
                    .people
                    .iter()
                    .filter_map(|id| bank.entity_index(id))
                    .collect();
                let subject = f.subject.as_deref().and_then(|id| bank.entity_index(id));
                FactIndex {
                    subject,
                    people,
                    scope_words,
                    requires,
                    stems,
                    surfaces,
                    entities,
                    negated,
                    values,
                }
            })
            .collect();
        let n = facts.len().max(1) as f32;
        let mut postings: HashMap<Word, (f32, Vec<usize>)> = HashMap::default();
        for (fi, f) in facts.iter().enumerate() {
            for s in &f.stems {
                postings.entry(s.clone()).or_default().1.push(fi);
            }
        }
        for (idf, list) in postings.values_mut() {
            *idf = (1.0 + n / list.len() as f32).ln();
        }
        let mut entity_facts = vec![Vec::new(); bank.entities.len()];
        for (fi, f) in facts.iter().enumerate() {
            for &e in &f.entities {
                entity_facts[e].push(fi);
            }
        }
        let valued_facts = (0..facts.len())
            .filter(|&fi| !facts[fi].values.is_empty())
            .collect();
        Verifier {
            bank,
            gaz,
            facts,
            filler,
            antonyms,
            entity_facts,
            valued_facts,
            postings,
            stands_for,
            part_of,
        }
    }

    /// Whether any fact, name or opposite uses this word: a word nothing
    /// knows may be a typo or an unknown name.
    pub(crate) fn known(&self, word: &str, stem: &str) -> bool {
        self.postings.contains_key(stem) || self.antonyms.contains_key(stem) || self.gaz.knows(word)
    }

    /// The index of fact `fi`, as the judge sees it.
    pub fn fact_index(&self, fi: usize) -> &FactIndex {
        &self.facts[fi]
    }

    pub fn bank(&self) -> &'b Bank {
        self.bank
    }

    pub fn analyse(&self, statement: &str) -> Analysis {
        normalise::analyse(statement, &self.gaz)
    }

    /// Scores every fact by what it shares with the statement: rare words
    /// count most, then names and quantities of a kind the fact has.
    pub fn retrieve(&self, a: &Analysis) -> Vec<(usize, f32)> {
        let mut scores = vec![0f32; self.facts.len()];
        // One lookup per word: the postings list names the facts using it.
        for s in &a.stems {
            if let Some((idf, facts)) = self.postings.get(s) {
                for &fi in facts {
                    scores[fi] += idf;
                }
            }
        }
        // Names and quantities, through the short lists of facts that
        // name an entity or hold values, not a scan of every fact.
        for m in &a.mentions {
            for &fi in &self.entity_facts[m.entity] {
                scores[fi] += 1.0;
            }
            if let Some(e) = self.represents(m.entity) {
                for &fi in &self.entity_facts[e] {
                    if !self.facts[fi].entities.contains(&m.entity) {
                        scores[fi] += 1.0;
                    }
                }
            }
            let kind = self.bank.entities[m.entity].kind;
            for &fi in &self.valued_facts {
                let f = &self.facts[fi];
                if (kind == EntityKind::Person && f.person().is_some())
                    || (m.locative && kind.is_place() && f.place().is_some())
                {
                    scores[fi] += 2.0;
                }
            }
        }
        for q in a.quantities.iter().filter(|q| !q.small) {
            for &fi in &self.valued_facts {
                if self.facts[fi]
                    .values
                    .iter()
                    .any(|v| judge::comparable(&q.kind, &v.value))
                {
                    scores[fi] += 1.5;
                }
            }
        }
        // The best few, highest score first; on a tie the narrower fact
        // (fewer words) is the more specific evidence. A small insertion
        // into a short list, no full sort.
        let mut best: Vec<(usize, f32)> = Vec::with_capacity(CANDIDATES + 1);
        let size = |fi: usize| self.facts[fi].stems.len();
        for (fi, score) in scores.into_iter().enumerate() {
            if score <= 0.0 {
                continue;
            }
            let pos = best
                .iter()
                .position(|&(other, s)| score > s || (score == s && size(fi) < size(other)))
                .unwrap_or(best.len());
            if pos < CANDIDATES {
                best.insert(pos, (fi, score));
                best.truncate(CANDIDATES);
            }
        }
        best
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

    /// Judges one statement.
    pub fn judge(&self, statement: &str) -> Judgement {
        let a = self.analyse(statement);
        let candidates = self.retrieve(&a);
        let mut outcomes: Vec<(judge::Outcome, f32)> = Vec::new();
        let mut closest: Option<(usize, judge::Uncovered)> = None;
        for &(fi, score) in &candidates {
            match judge::judge(self, &a, &self.facts[fi], &[fi]) {
                Ok(o) => outcomes.push((o, score)),
                Err(what) => {
                    closest.get_or_insert((fi, what));
                }
            }
        }
        // A statement no single fact covers may join two ("established
        // relations through their UN missions"): judge it against the two
        // facts' words, names and values together.
        // Only for a statement of several clauses, each clause wholly
        // explained by one of the two facts (never a clause mixing their
        // words), each fact explaining a clause the other cannot, and only
        // to support: a value from one fact never refutes the other's clause.
        let clauses = clauses(&a);
        if outcomes.is_empty() && clauses.len() >= 2 {
            let fits = |f: &FactIndex, clause: &[usize]| {
                clause
                    .iter()
                    .all(|&w| f.stems.contains(&a.stems[w]) || self.filler.contains(&a.stems[w]))
            };
            for (k, &(fa, sa)) in candidates.iter().enumerate() {
                for &(fb, sb) in &candidates[k + 1..] {
                    let (ia, ib) = (&self.facts[fa], &self.facts[fb]);
                    let split: Vec<(bool, bool)> =
                        clauses.iter().map(|c| (fits(ia, c), fits(ib, c))).collect();
                    let usable = split.iter().all(|&(x, y)| x || y)
                        && split.iter().any(|&(x, y)| x && !y)
                        && split.iter().any(|&(x, y)| y && !x);
                    if !usable {
                        continue;
                    }
                    if let Some(merged) = ia.merge(ib)
                        && let Ok(o) = judge::judge(self, &a, &merged, &[fa, fb])
                        && o.verdict == Verdict::Supported
                    {
                        outcomes.push((o, sa + sb));
                    }
                }
            }
        }
        match judge::reconcile(outcomes) {
            Some(o) => o.into_judgement(self, statement),
            None => Judgement {
                statement: statement.to_string(),
                verdict: Verdict::NotEnoughInfo,
                fact_id: None,
                evidence: None,
                explanation: judge::uncovered_explanation(self, &a, closest),
                correction: None,
            },
        }
    }
}

/// The statement's content words (indices into `a.words`) grouped by
/// clause: clauses end at a conjunction ("and", "because", "through", …)
/// or a comma between words (not the one in "12,500"). Clauses without
/// content words are left out.
fn clauses(a: &Analysis) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    let mut next_word = 0;
    for (k, t) in a.tokens.iter().enumerate() {
        let comma_before = k > 0 && a.source[a.tokens[k - 1].end..t.start].contains(',');
        if comma_before || lexicon::CONNECTORS.contains(&t.text.as_str()) {
            out.push(Vec::new());
        }
        if a.words.get(next_word) == Some(&k) {
            out.last_mut().expect("never empty").push(next_word);
            next_word += 1;
        }
    }
    out.retain(|c| !c.is_empty());
    out
}

fn index_value(bank: &Bank, v: &Value) -> Option<IndexedValue> {
    let value = match v {
        Value::Date { value, .. } => FactValue::Date(PartialDate::parse_iso(value)?),
        Value::Ordinal { value, .. } => FactValue::Ordinal(*value),
        Value::Count { value, approx, .. } => FactValue::Count {
            value: *value,
            approx: *approx,
        },
        Value::Money {
            value,
            currency,
            approx,
            ..
        } => FactValue::Money {
            value: *value,
            currency: currency.to_uppercase(),
            approx: *approx,
        },
        Value::Place { entity, .. } => FactValue::Place(bank.entity_index(entity)?),
        Value::Person { entity, .. } => FactValue::Person(bank.entity_index(entity)?),
    };
    Some(IndexedValue {
        value,
        role: v.role(),
        text: v.text().to_string(),
    })
}
