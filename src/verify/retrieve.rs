//! Stage 2, retrieve: the facts a statement is most likely about, scored
//! by what they share with it (rare words most, then names and values of
//! a kind the fact holds). Only the facts in the postings of the
//! statement's words, names and values are touched, so the work per
//! statement does not grow with the bank.

use rustc_hash::FxHashMap as HashMap;

use super::Verifier;
use super::read::Analysis;
use crate::bank::EntityKind;

/// How many of the best-scored facts are judged.
pub(crate) const CANDIDATES: usize = 4;

impl Verifier<'_> {
    /// The best few facts for a statement, highest score first.
    pub fn retrieve(&self, a: &Analysis) -> Vec<(usize, f32)> {
        let mut scores: HashMap<usize, f32> = HashMap::default();
        let mut add = |facts: &[usize], w: f32| {
            for &fi in facts {
                *scores.entry(fi).or_default() += w;
            }
        };
        for s in &a.stems {
            if let Some((idf, facts)) = self.postings.get(s) {
                add(facts, *idf);
            }
        }
        for m in &a.mentions {
            add(&self.entity_facts[m.entity], 1.0);
            if let Some(e) = self.represents(m.entity) {
                let extra: Vec<usize> = self.entity_facts[e]
                    .iter()
                    .copied()
                    .filter(|&fi| !self.facts[fi].entities.contains(&m.entity))
                    .collect();
                add(&extra, 1.0);
            }
            let kind = self.bank.entities[m.entity].kind;
            if kind == EntityKind::Person {
                add(&self.person_facts, 2.0);
            } else if m.locative && kind.is_place() {
                add(&self.place_facts, 2.0);
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
                    add(facts, 1.5);
                }
            }
        }
        self.best(scores)
    }

    /// The best few, highest score first; on a tie the narrower fact
    /// (fewer words) is the more specific evidence, then the earlier one.
    fn best(&self, scores: HashMap<usize, f32>) -> Vec<(usize, f32)> {
        let size = |fi: usize| self.facts[fi].stems.len();
        let mut all: Vec<(usize, f32)> = scores.into_iter().filter(|&(_, s)| s > 0.0).collect();
        all.sort_unstable_by(|&(a, sa), &(b, sb)| {
            sb.total_cmp(&sa)
                .then(size(a).cmp(&size(b)))
                .then(a.cmp(&b))
        });
        all.truncate(CANDIDATES);
        all
    }
}
