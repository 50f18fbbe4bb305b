//! Stage 2, retrieve: the facts a statement is most likely about, scored
//! by what they share with it (rare words most, then names and values of
//! a kind the fact holds). Only the facts in the postings of the
//! statement's rarer words and its names are touched one by one; a word
//! used by very many facts adds to those but brings in none of its own,
//! and a value or a person raises whole lists of facts alike, so of each
//! such list only its first few can be among the best. The work per
//! statement does not grow with the bank.

use std::cell::RefCell;

use super::Verifier;
use super::index::{PERSON, PLACE};
use super::read::{Analysis, Mention};
use crate::bank::EntityKind;

/// A stem's inverse document frequency and the facts that use it.
type Posting = (f32, Vec<usize>);

/// How many of the best-scored facts are judged.
pub(crate) const CANDIDATES: usize = 4;

/// A word used by more facts than this says little about which fact a
/// statement is about: it scores the facts found otherwise, but does not
/// bring in its own (unless nothing else does). Banks of fewer facts are
/// scored exactly as if every list were walked.
const COMMON: usize = 512;

/// The facts a statement touches and scores, by fact index: per-thread
/// arrays reused from statement to statement, an entry valid only when
/// its stamp is this statement's, so that nothing is cleared (and the
/// work stays with the facts touched, whatever the bank's size).
#[derive(Default)]
struct Scratch {
    stamp: u32,
    /// By fact index.
    facts: Vec<Entry>,
    /// The facts touched and the facts scored, in no particular order.
    touched_list: Vec<usize>,
    scored_list: Vec<usize>,
    /// The raises (a mask of whole lists, a weight) every fact in those
    /// lists gets.
    raises: Vec<(u64, f32)>,
}

/// One fact's entry: the statements that touched and scored it last, and
/// its score (for the statement that scored it).
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    touched: u32,
    scored: u32,
    score: f32,
}

impl Scratch {
    /// Ready for a statement against a bank of `n` facts.
    fn start(&mut self, n: usize) {
        if self.stamp == u32::MAX {
            *self = Scratch::default();
        }
        self.stamp += 1;
        if self.facts.len() < n {
            self.facts.resize(n, Entry::default());
        }
        self.touched_list.clear();
        self.scored_list.clear();
        self.raises.clear();
    }

    fn touch(&mut self, fi: usize) {
        let e = &mut self.facts[fi];
        if e.touched != self.stamp {
            e.touched = self.stamp;
            self.touched_list.push(fi);
        }
    }

    fn is_touched(&self, fi: usize) -> bool {
        self.facts[fi].touched == self.stamp
    }

    fn add_one(&mut self, fi: usize, w: f32) {
        let e = &mut self.facts[fi];
        if e.scored != self.stamp {
            e.scored = self.stamp;
            e.score = 0.0;
            self.scored_list.push(fi);
        }
        e.score += w;
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Scores of the facts reached through words and names, and the raises.
struct Scores<'t> {
    s: &'t mut Scratch,
}

impl Scores<'_> {
    fn add(&mut self, facts: &[usize], w: f32) {
        for &fi in facts {
            self.s.add_one(fi, w);
        }
    }

    /// Raises every fact whose mask meets `mask`: the touched ones now, in
    /// the same order of additions as one by one (so the floats, and the
    /// ties, come out the same), the others by their group later.
    fn raise(&mut self, boosts: &[u64], mask: u64, w: f32) {
        for k in 0..self.s.touched_list.len() {
            let fi = self.s.touched_list[k];
            if boosts[fi] & mask != 0 {
                self.s.add_one(fi, w);
            }
        }
        self.s.raises.push((mask, w));
    }
}

impl Verifier<'_> {
    /// The best few facts for a statement, highest score first.
    pub fn retrieve(&self, a: &Analysis) -> Vec<(usize, f32)> {
        self.retrieve_top(a, CANDIDATES)
    }

    /// The best `n` facts for a statement, highest score first.
    pub(crate) fn retrieve_top(&self, a: &Analysis, n: usize) -> Vec<(usize, f32)> {
        SCRATCH.with_borrow_mut(|scratch| {
            scratch.start(self.facts.len());
            // Each stem's postings, looked up once for touching and
            // scoring; on the stack for a statement of ordinary length.
            let (mut stack, mut heap) = ([None; 32], Vec::new());
            let posts: &mut [Option<&Posting>] = match a.stems.len() {
                n if n <= stack.len() => &mut stack[..n],
                n => {
                    heap.resize(n, None);
                    &mut heap
                }
            };
            for (p, st) in posts.iter_mut().zip(&a.stems) {
                *p = self.postings.get(st);
            }
            self.touch(a, posts, scratch);
            let mut s = Scores { s: scratch };
            self.score_words(a, posts, &mut s);
            self.score_names_and_values(a, &mut s);
            let scratch = s.s;
            let raises = &scratch.raises;
            let scored = (scratch.scored_list.iter()).map(|&fi| (fi, scratch.facts[fi].score));
            let grouped = self.groups.iter().flat_map(|(mask, list)| {
                let score = raises
                    .iter()
                    .filter(|(m, _)| mask & m != 0)
                    .fold(0.0, |acc, (_, w)| acc + w);
                let firsts = list.iter().filter(|&&fi| !scratch.is_touched(fi));
                let firsts = firsts.take(if score > 0.0 { n } else { 0 });
                firsts.map(move |&fi| (fi, score))
            });
            self.best(scored.chain(grouped), n)
        })
    }

    /// Scores by the statement's words: the rarer the word, the more.
    fn score_words(&self, a: &Analysis, posts: &[Option<&Posting>], s: &mut Scores) {
        for (stem, post) in a.stems.iter().zip(posts) {
            match post {
                Some((idf, facts)) if facts.len() <= COMMON => s.add(facts, *idf),
                // The same additions, in the same order, to the facts
                // this list could bring: those touched already.
                Some((idf, _)) => {
                    for k in 0..s.s.touched_list.len() {
                        let fi = s.s.touched_list[k];
                        if self.facts[fi].stems.contains(stem) {
                            s.s.add_one(fi, *idf);
                        }
                    }
                }
                None => {}
            }
        }
    }

    /// Scores by the names the statement mentions and the kinds of its
    /// values.
    fn score_names_and_values(&self, a: &Analysis, s: &mut Scores) {
        for m in &a.mentions {
            s.add(&self.entity_facts[m.entity], 1.0);
            for &e in &m.also {
                s.add(&self.entity_facts[e], 1.0);
            }
            for fi in self.represented(m) {
                s.s.add_one(fi, 1.0);
            }
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
            for (kind, sample, bit) in &self.kind_raises {
                let same_kind = std::mem::discriminant(&q.kind) == *kind;
                if same_kind || sample.as_ref().is_some_and(|v| q.kind.comparable(v)) {
                    s.raise(&self.boosts, *bit, 1.5);
                }
            }
        }
    }

    /// Marks the facts reached through the statement's rarer words and
    /// names, or through all its words when those reach none.
    fn touch(&self, a: &Analysis, posts: &[Option<&Posting>], s: &mut Scratch) {
        let words = posts.iter().flatten();
        for (_, facts) in words.clone().filter(|(_, f)| f.len() <= COMMON) {
            facts.iter().for_each(|&fi| s.touch(fi));
        }
        for m in &a.mentions {
            self.entity_facts[m.entity]
                .iter()
                .for_each(|&fi| s.touch(fi));
            self.represented(m).for_each(|fi| s.touch(fi));
        }
        if s.touched_list.is_empty() {
            words.for_each(|(_, facts)| facts.iter().for_each(|&fi| s.touch(fi)));
        }
    }

    /// The facts of what a mentioned capital stands for (its government)
    /// that do not name the capital itself.
    fn represented(&self, m: &Mention) -> impl Iterator<Item = usize> {
        let facts = match self.represents(m.entity) {
            Some(e) => &self.entity_facts[e][..],
            None => &[],
        };
        facts
            .iter()
            .copied()
            .filter(|&fi| !self.facts[fi].entities.contains(&m.entity))
    }

    /// The best few, highest score first; on a tie the narrower fact
    /// (fewer words) is the more specific evidence, then the earlier one.
    /// Picked in one pass: the order is total, so the few are those a
    /// sort would put first.
    fn best(&self, all: impl Iterator<Item = (usize, f32)>, n: usize) -> Vec<(usize, f32)> {
        // That order as one key, made once per fact rather than at every
        // comparison: scores are positive, so their bits order as they do.
        let key = |(fi, s): (usize, f32)| (!s.to_bits(), self.facts[fi].stems.len(), fi);
        let mut top: Vec<((u32, usize, usize), f32)> = Vec::with_capacity(n + 1);
        for x in all.filter(|&(_, s)| s > 0.0) {
            let k = key(x);
            if top.len() == n && top.last().is_none_or(|&(last, _)| k >= last) {
                continue;
            }
            let at = top.iter().position(|&(t, _)| k < t).unwrap_or(top.len());
            top.insert(at, (k, x.1));
            top.truncate(n);
        }
        top.into_iter().map(|((_, _, fi), s)| (fi, s)).collect()
    }
}
