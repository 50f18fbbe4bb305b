//! Stage 2, retrieve: the facts a statement is most likely about, scored
//! by what they share with it (rare words most, then names and values of
//! a kind the fact holds). Only the facts in the postings of the
//! statement's rarer words and its names are touched one by one; a word
//! used by very many facts adds to those but brings in none of its own,
//! and a value or a person raises whole lists of facts alike, so of each
//! such list only its first few can be among the best. The work per
//! statement does not grow with the bank.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Verifier;
use super::index::{PERSON, PLACE};
use super::read::{Analysis, Mention};
use crate::bank::EntityKind;

/// How many of the best-scored facts are judged.
pub(crate) const CANDIDATES: usize = 4;

/// A word used by more facts than this says little about which fact a
/// statement is about: it scores the facts found otherwise, but does not
/// bring in its own (unless nothing else does). Banks of fewer facts are
/// scored exactly as if every list were walked.
const COMMON: usize = 512;

/// Scores of the facts reached through words and names, and the raises
/// (a mask of whole lists, a weight) every fact in those lists gets.
struct Scores<'t> {
    touched: &'t HashSet<usize>,
    scores: HashMap<usize, f32>,
    raises: Vec<(u64, f32)>,
}

impl Scores<'_> {
    fn add(&mut self, facts: &[usize], w: f32) {
        for &fi in facts {
            *self.scores.entry(fi).or_default() += w;
        }
    }

    /// Raises every fact whose mask meets `mask`: the touched ones now, in
    /// the same order of additions as one by one (so the floats, and the
    /// ties, come out the same), the others by their group later.
    fn raise(&mut self, boosts: &[u64], mask: u64, w: f32) {
        for &fi in self.touched.iter().filter(|&&fi| boosts[fi] & mask != 0) {
            *self.scores.entry(fi).or_default() += w;
        }
        self.raises.push((mask, w));
    }
}

impl Verifier<'_> {
    /// The best few facts for a statement, highest score first.
    pub fn retrieve(&self, a: &Analysis) -> Vec<(usize, f32)> {
        let touched = self.touched(a);
        let mut s = Scores {
            touched: &touched,
            scores: HashMap::with_capacity_and_hasher(touched.len(), Default::default()),
            raises: Vec::new(),
        };
        for stem in &a.stems {
            match self.postings.get(stem) {
                Some((idf, facts)) if facts.len() <= COMMON => s.add(facts, *idf),
                // The same additions, in the same order, to the facts
                // this list could bring: those touched already.
                Some((idf, _)) => {
                    for &fi in touched
                        .iter()
                        .filter(|&&fi| self.facts[fi].stems.contains(stem))
                    {
                        *s.scores.entry(fi).or_default() += *idf;
                    }
                }
                None => {}
            }
        }
        for m in &a.mentions {
            s.add(&self.entity_facts[m.entity], 1.0);
            for &e in &m.also {
                s.add(&self.entity_facts[e], 1.0);
            }
            s.add(&self.represented(m), 1.0);
            let kind = self.bank.entities[m.entity].kind;
            if kind == EntityKind::Person {
                s.raise(&self.boosts, PERSON, 2.0);
            } else if m.locative && kind.is_place() {
                s.raise(&self.boosts, PLACE, 2.0);
            }
        }
        for q in a.quantities.iter().filter(|q| !q.small) {
            // Whole lists by kind: a fact of the kind (if not of the
            // measure's dimension) is found out by the later stages.
            for (kind, facts) in &self.kind_facts {
                let sample = self.facts[facts[0]]
                    .values
                    .iter()
                    .find(|v| std::mem::discriminant(&v.value) == *kind);
                let same_kind = std::mem::discriminant(&q.kind) == *kind;
                if same_kind || sample.is_some_and(|v| q.kind.comparable(&v.value)) {
                    s.raise(&self.boosts, self.kind_bits[kind], 1.5);
                }
            }
        }
        let mut all: Vec<(usize, f32)> = s.scores.into_iter().collect();
        for (mask, list) in &self.groups {
            let score = s
                .raises
                .iter()
                .filter(|(m, _)| mask & m != 0)
                .fold(0.0, |acc, (_, w)| acc + w);
            if score > 0.0 {
                let firsts = list.iter().filter(|fi| !touched.contains(fi));
                all.extend(firsts.take(CANDIDATES).map(|&fi| (fi, score)));
            }
        }
        self.best(all)
    }

    /// The facts reached through the statement's rarer words and names,
    /// or through all its words when those reach none.
    fn touched(&self, a: &Analysis) -> HashSet<usize> {
        let mut seen: HashSet<usize> = HashSet::default();
        let words = a.stems.iter().filter_map(|s| self.postings.get(s));
        for (_, facts) in words.clone().filter(|(_, f)| f.len() <= COMMON) {
            seen.extend(facts);
        }
        for m in &a.mentions {
            seen.extend(&self.entity_facts[m.entity]);
            seen.extend(self.represented(m));
        }
        if seen.is_empty() {
            words.for_each(|(_, facts)| seen.extend(facts));
        }
        seen
    }

    /// The facts of what a mentioned capital stands for (its government)
    /// that do not name the capital itself.
    fn represented(&self, m: &Mention) -> Vec<usize> {
        let Some(e) = self.represents(m.entity) else {
            return Vec::new();
        };
        self.entity_facts[e]
            .iter()
            .copied()
            .filter(|&fi| !self.facts[fi].entities.contains(&m.entity))
            .collect()
    }

    /// The best few, highest score first; on a tie the narrower fact
    /// (fewer words) is the more specific evidence, then the earlier one.
    fn best(&self, mut all: Vec<(usize, f32)>) -> Vec<(usize, f32)> {
        let size = |fi: usize| self.facts[fi].stems.len();
        all.retain(|&(_, s)| s > 0.0);
        all.sort_unstable_by(|&(a, sa), &(b, sb)| {
            sb.total_cmp(&sa)
                .then(size(a).cmp(&size(b)))
                .then(a.cmp(&b))
        });
        all.truncate(CANDIDATES);
        all
    }
}
