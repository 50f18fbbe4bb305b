//! Judging free-form statements against a bank's facts, in stages, each
//! in its own file:
//!
//! 1. [`read`]: the statement into words, names, values, negations and
//!    modal words;
//! 2. [`retrieve`]: the facts that share most of it;
//! 3. [`cover`]: does a fact explain every word and name?
//! 4. [`compare`]: each claimed value against the fact's;
//! 5. [`decide`]: the verdict, in one order of precedence;
//! 6. [`explain`]: the explanation, evidence and correction.
//!
//! When no fact covers the statement, the answer is NOT_ENOUGH_INFO.
//!
//! ```
//! use factcheck::verify::{Verdict, verify};
//! let bank = factcheck::bank::load(None).unwrap();
//! // Nothing in the built-in article speaks of the moon.
//! let j = verify(&bank, "The moon is made of cheese.");
//! assert_eq!(j.verdict, Verdict::NotEnoughInfo);
//! assert_eq!(j.verdict.exit().code(), 3);
//! ```

mod answer;
mod aspect;
mod cleft;
mod compare;
mod cover;
mod decide;
mod explain;
pub use explain::{Candidate, ReadValue, Reading};
pub use order::{OrderReading, SideReading};
mod index;
mod order;
mod phrase;
mod read;
mod retrieve;
mod roles;
mod structure;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::bank::Bank;
use crate::exit::Exit;
use crate::lang;
use crate::values::{self, Cmp};

pub use index::Verifier;
pub use read::{Analysis, Mention};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Verdict {
    Supported,
    Refuted,
    NotEnoughInfo,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Supported => "SUPPORTED",
            Verdict::Refuted => "REFUTED",
            Verdict::NotEnoughInfo => "NOT_ENOUGH_INFO",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        match s.trim() {
            "SUPPORTED" => Some(Verdict::Supported),
            "REFUTED" => Some(Verdict::Refuted),
            "NOT_ENOUGH_INFO" => Some(Verdict::NotEnoughInfo),
            _ => None,
        }
    }

    /// The exit code for one statement.
    pub fn exit(self) -> Exit {
        match self {
            Verdict::Supported => Exit::Success,
            Verdict::Refuted => Exit::Failure,
            Verdict::NotEnoughInfo => Exit::NotEnoughInfo,
        }
    }
}

/// The exit code for a batch: any REFUTED wins, then any NOT_ENOUGH_INFO.
pub fn batch_exit(verdicts: impl IntoIterator<Item = Verdict>) -> Exit {
    let mut exit = Exit::Success;
    for v in verdicts {
        match v {
            Verdict::Refuted => return Exit::Failure,
            Verdict::NotEnoughInfo => exit = Exit::NotEnoughInfo,
            Verdict::Supported => {}
        }
    }
    exit
}

/// The result for one statement, as every output format sees it.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Judgement {
    pub statement: String,
    pub verdict: Verdict,
    pub fact_id: Option<String>,
    pub evidence: Option<String>,
    pub explanation: String,
    pub correction: Option<String>,
}

impl Judgement {
    /// Writes the judgement as one line of JSON, exactly as `serde_json`
    /// would: a string with nothing to escape (nearly every one) is copied
    /// whole instead of byte by byte.
    pub fn write_json_line(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        // Destructured so that a new field cannot be left out unnoticed.
        let Judgement {
            statement,
            verdict,
            fact_id,
            evidence,
            explanation,
            correction,
        } = self;
        w.write_all(b"{\"statement\":")?;
        json_str(w, statement)?;
        write!(w, ",\"verdict\":\"{}\",\"fact_id\":", verdict.label())?;
        json_opt(w, fact_id.as_deref())?;
        w.write_all(b",\"evidence\":")?;
        json_opt(w, evidence.as_deref())?;
        w.write_all(b",\"explanation\":")?;
        json_str(w, explanation)?;
        w.write_all(b",\"correction\":")?;
        json_opt(w, correction.as_deref())?;
        w.write_all(b"}\n")
    }
}

/// A JSON string. Only control bytes, `"` and `\` need escaping; the test
/// folds over every byte without stopping early, which the compiler turns
/// into a check of many bytes at once.
fn json_str(w: &mut impl std::io::Write, s: &str) -> std::io::Result<()> {
    let escaped = (s.bytes()).fold(false, |e, b| e | (b < 0x20) | (b == b'"') | (b == b'\\'));
    if escaped {
        return serde_json::to_writer(w, s).map_err(std::io::Error::from);
    }
    w.write_all(b"\"")?;
    w.write_all(s.as_bytes())?;
    w.write_all(b"\"")
}

fn json_opt(w: &mut impl std::io::Write, s: Option<&str>) -> std::io::Result<()> {
    match s {
        Some(s) => json_str(w, s),
        None => w.write_all(b"null"),
    }
}

/// Judges one statement with a fresh verifier; for one-shots and tests.
pub fn verify(bank: &Bank, statement: &str) -> Judgement {
    Verifier::new(bank).judge(statement)
}

/// Judges the statement against one fact's index (`ids` names the fact,
/// or the two facts a merged index was made from): cover, compare,
/// decide. `Err` names what the fact does not cover: then it has nothing
/// to say about the statement.
fn judge_fact(
    v: &Verifier,
    a: &Analysis,
    f: &index::FactIndex,
    ids: &[usize],
) -> Result<explain::Outcome, explain::Uncovered> {
    judge_fact_within(v, a, f, ids, 0)
}

/// As [`judge_fact`], letting through up to `budget` words the fact does
/// not explain: then only a wrong value can decide (REFUTED).
fn judge_fact_within(
    v: &Verifier,
    a: &Analysis,
    f: &index::FactIndex,
    ids: &[usize],
    budget: usize,
) -> Result<explain::Outcome, explain::Uncovered> {
    let w = cover::words_within(v, a, f, budget)?;
    // "the fishermen pay the developer" where the developer pays them.
    if a.tokens.iter().any(|t| t.is(lang::CLASS_ROLE_VERBS)) {
        let fact = || ids.iter().flat_map(|&i| v.fact_roles(i));
        if let Some(r) = roles::swapped(a.roles(), fact) {
            return Err(explain::Uncovered::Roles(r));
        }
    }
    let anchor = cover::anchor(v, a, f, &w);
    // "Norway invited …" when the fact says Denmark did.
    if let Some(k) = anchor
        && let Some(other) = cover::other_subject(v, a, f, k)
    {
        return Err(explain::Uncovered::Entity(other));
    }
    let mut slots = Vec::new();
    cover::mentions(v, a, f, &mut slots)?;
    cover::unknown_names(a, f, &w.names, &mut slots)?;
    compare::values(v, a, f, &mut slots)?;
    if w.matched == 0 && slots.is_empty() {
        return Err(explain::Uncovered::Nothing);
    }
    let required = f.requires.is_empty() || anchor.is_some();
    decide::decide(a, f, &w, required, &slots, ids)
}

/// Whether one of a fact's values is the one claimed.
fn has_value(f: &index::FactIndex, q: &values::Quantity) -> bool {
    (f.values.iter()).any(|fv| {
        q.kind.comparable(&fv.value) && q.relation(&fv.value, fv.cmp) == values::Rel::Match
    })
}

/// Whether a statement makes several claims, or sets one against another.
fn several(parts: &[structure::Clause]) -> bool {
    parts.len() > 1 || parts.iter().any(|c| c.denied.is_some())
}

impl Verifier<'_> {
    /// Judges one statement: clause by clause when it makes several
    /// claims or sets one against another.
    ///
    /// The statement is split into tokens and read once; the order and
    /// clause stages take the same tokens, and its judgement as one claim
    /// is made at most once.
    pub fn judge(&self, statement: &str) -> Judgement {
        // "did it launch from X? nope, from Y": the question and its answer.
        if statement.contains('?')
            && let Some(j) = answer::judge(self, statement)
        {
            return j;
        }
        let toks = lang::tokenize(statement);
        // The reading takes the tokens; the order and clause stages take
        // them as written, which they are unless shorthand was expanded.
        let written = (toks.iter().any(|t| t.is(lang::CLASS_SHORTHAND))).then(|| toks.clone());
        let a = read::analyse_tokens(statement, toks, &self.gaz);
        let toks = written.as_deref().unwrap_or(&a.tokens);
        // "still no ties" where the article says there are ties now.
        if let Some(j) = aspect::judge(self, statement, toks) {
            return j;
        }
        // "it was A, not B, that C": the claim and its alternative whole.
        if let Some((asserted, denied)) = cleft::claims(statement, toks) {
            return structure::judge_contrast(self, statement, &asserted, &denied);
        }
        let names: Vec<(usize, usize)> =
            a.mentions.iter().map(|m| a.span(m.first, m.last)).collect();
        let values: Vec<(usize, usize)> = (a.quantities.iter())
            .map(|q| a.span(q.first, q.last))
            .collect();
        // "Ola Berg, director of the port, has led it since 2021": the role
        // and the rest, each judged whole (the rest may order events).
        if let Some(texts) = structure::apposition(statement, toks, &names) {
            let j = structure::judge_claims(self, statement, &texts);
            if j.verdict != Verdict::NotEnoughInfo {
                return j;
            }
        }
        let parts = structure::clauses(statement, toks, &names, &values);
        let mut whole = None;
        if let Some(o) = order::find(self, statement, toks, &a) {
            let w = self.judge_read(statement, &a);
            match order::judge(self, statement, &o, &w) {
                // An order left open across clauses ("released after the
                // launch, not before it") is the clauses' to judge, each
                // with its own order; never the whole as one claim.
                Some(j) if j.verdict == Verdict::NotEnoughInfo && several(&parts) => {
                    return structure::judge(self, statement, &parts);
                }
                Some(j) => return j,
                None => whole = Some(w),
            }
        }
        let whole = || whole.unwrap_or_else(|| self.judge_read(statement, &a));
        // "…, who led the agency from 1958 to 1968": the name's clause apart.
        if let Some(texts) = structure::relative(statement, toks, &names) {
            let j = whole();
            if j.verdict != Verdict::NotEnoughInfo {
                return j;
            }
            return structure::judge_claims(self, statement, &texts);
        }
        if !several(&parts) {
            return whole();
        }
        // A statement one fact covers whole is judged whole first.
        if parts.iter().all(|c| c.denied.is_none()) {
            let j = whole();
            if j.verdict != Verdict::NotEnoughInfo {
                return j;
            }
        }
        structure::judge(self, statement, &parts)
    }

    /// The facts that support a claim each on its own, best first.
    pub(crate) fn supporting(&self, statement: &str) -> Vec<usize> {
        let a = self.analyse(statement);
        let supports = |fi: usize| {
            judge_fact(self, &a, &self.facts[fi], &[fi])
                .is_ok_and(|o| o.verdict == Verdict::Supported)
        };
        // Wider than for a verdict: a fact of a few more words may too.
        (self.retrieve_top(&a, 4 * retrieve::CANDIDATES).into_iter())
            .map(|(fi, _)| fi)
            .filter(|&fi| supports(fi))
            .collect()
    }

    /// Judges one claim.
    pub(crate) fn judge_simple(&self, statement: &str) -> Judgement {
        self.judge_read(statement, &self.analyse(statement))
    }

    /// When no fact explains every word: the first candidate that does
    /// but for one word (two in a long statement), shares at least two
    /// words with the statement, and whose value the statement gets wrong,
    /// refutes it ("the speed limit on the X bridge is 100 km/h" for 80).
    /// Never supports: an unexplained word may change what is claimed.
    fn refute_leniently(
        &self,
        a: &Analysis,
        candidates: &[(usize, f32)],
    ) -> Option<(explain::Outcome, f32)> {
        let budget = 1 + usize::from(a.words.len() >= 6);
        // The best candidate so covered decides alone: a worse one that
        // refutes may be about another event of the same kind.
        let &(fi, score) = candidates.iter().find(|&&(fi, _)| {
            let f = &self.facts[fi];
            let shared = a.stems.iter().filter(|s| f.stems.contains(*s)).count();
            shared >= 2 && cover::words_within(self, a, f, budget).is_ok()
        })?;
        let o = judge_fact_within(self, a, &self.facts[fi], &[fi], budget).ok()?;
        (o.verdict == Verdict::Refuted && !self.value_elsewhere(a, fi)).then_some((o, score))
    }

    /// Whether a fact near the statement has one of its values ("work
    /// began in September 2021" where the farm began working in 2025 and
    /// construction in September 2021): then the statement may be about
    /// that fact, and the word left unexplained would tell which.
    fn value_elsewhere(&self, a: &Analysis, refuting: usize) -> bool {
        let near = self.retrieve_top(a, 4 * retrieve::CANDIDATES);
        (near.iter())
            .filter(|&&(fi, _)| fi != refuting)
            .any(|&(fi, _)| {
                let f = &self.facts[fi];
                // A point, not a bound: "fewer than 200" fits many a figure.
                let point = |q: &&values::Quantity| matches!(q.cmp, Cmp::Exact | Cmp::Approx);
                (a.quantities.iter()).filter(point).any(|q| has_value(f, q))
            })
    }

    /// A statement no single fact covers may join two ("established
    /// relations through their UN missions"): judge it against the two
    /// facts' words, names and values together.
    /// Only for a statement of several clauses, each clause wholly
    /// explained by one of the two facts (never a clause mixing their
    /// words), each fact explaining a clause the other cannot, and only
    /// to support: a value from one fact never refutes the other's clause.
    fn join_two(
        &self,
        a: &Analysis,
        candidates: &[(usize, f32)],
        outcomes: &mut Vec<(explain::Outcome, f32)>,
    ) {
        let clauses = read::clauses(a);
        // "opened less than two years after the outbreak": the time
        // between two events, which only a fact that gives both can tell
        // (the order stage's to judge), never two facts joined.
        let gap = (a.quantities.iter()).any(|q| {
            matches!(q.kind, values::Value::Duration { .. })
                && a.tokens
                    .get(q.last)
                    .is_some_and(|t| t.is(lang::CLASS_ORDER_FIRST))
        });
        if clauses.len() < 2 || gap {
            return;
        }
        let fits = |f: &index::FactIndex, clause: &[usize]| {
            clause.iter().all(|&w| {
                f.stems.contains(&a.stems[w])
                    || self.filler.contains(&a.stems[w])
                    || self.filler.contains(&a.tokens[a.words[w]].text)
            })
        };
        // Which clauses each candidate explains, asked once per candidate.
        let fit: Vec<Vec<bool>> = (candidates.iter())
            .map(|&(fi, _)| clauses.iter().map(|c| fits(&self.facts[fi], c)).collect())
            .collect();
        for (k, &(fa, sa)) in candidates.iter().enumerate() {
            for (m, &(fb, sb)) in candidates.iter().enumerate().skip(k + 1) {
                let split = || fit[k].iter().zip(&fit[m]);
                let usable = split().all(|(&x, &y)| x || y)
                    && split().any(|(&x, &y)| x && !y)
                    && split().any(|(&x, &y)| y && !x);
                if !usable {
                    continue;
                }
                if self.values_in_place(a, &clauses, [(fa, &fit[k]), (fb, &fit[m])])
                    && let Some(merged) = self.merged(fa, fb)
                    && let Ok(o) = judge_fact(self, a, &merged, &[fa, fb])
                    && o.verdict == Verdict::Supported
                {
                    outcomes.push((o, sa + sb));
                }
            }
        }
    }

    /// Whether every value the statement claims inside a clause that only
    /// one of the two joined facts explains is that fact's own: "the
    /// images came out in 2021, the same year it launched" must not take
    /// the launch's year for the images'.
    fn values_in_place(
        &self,
        a: &Analysis,
        clauses: &[Vec<usize>],
        pair: [(usize, &Vec<bool>); 2],
    ) -> bool {
        a.quantities.iter().filter(|q| !q.small).all(|q| {
            let Some(c) = read::clause_at(a, clauses, q.first) else {
                return true;
            };
            let owner = match (pair[0].1[c], pair[1].1[c]) {
                (true, false) => pair[0].0,
                (false, true) => pair[1].0,
                _ => return true,
            };
            has_value(&self.facts[owner], q)
        })
    }

    /// Judges one claim, already read.
    pub(crate) fn judge_read(&self, statement: &str, a: &Analysis) -> Judgement {
        let candidates = self.retrieve(a);
        let mut outcomes: Vec<(explain::Outcome, f32)> = Vec::new();
        let mut closest: Option<(usize, explain::Uncovered)> = None;
        for &(fi, score) in &candidates {
            match judge_fact(self, a, &self.facts[fi], &[fi]) {
                Ok(o) => outcomes.push((o, score)),
                Err(what) => {
                    closest.get_or_insert((fi, what));
                }
            }
        }
        if outcomes.is_empty() {
            self.join_two(a, &candidates, &mut outcomes);
        }
        if outcomes.is_empty()
            && let Some(o) = self.refute_leniently(a, &candidates)
        {
            outcomes.push(o);
        }
        match decide::reconcile(outcomes, a) {
            Some(o) => o.into_judgement(self, statement),
            None => Judgement {
                statement: self.text(|| statement.to_string()),
                verdict: Verdict::NotEnoughInfo,
                fact_id: None,
                evidence: None,
                explanation: explain::uncovered_explanation(self, a, closest),
                correction: None,
            },
        }
    }
}
