//! Stage 6, explain: why a verdict was reached, in words, the evidence,
//! and the statement corrected with the article's values.

use super::compare::Slot;
use super::index::Verifier;
use super::read::Analysis;
use super::{Judgement, Verdict};
use crate::lang::{self, TokKind};
use crate::values::Value;

/// Why a verdict was reached.
#[derive(Debug, Clone)]
pub(crate) enum Reason {
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
    /// A restricting word ("only", "most") the article does not say.
    Restricted {
        word: String,
    },
    /// A modal word: the statement claims a possibility.
    Modal {
        word: String,
    },
    /// Two facts cover the statement and disagree.
    Conflict,
}

#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    /// The fact (or, for a statement that spans two, the facts) judged.
    pub(crate) facts: Facts,
    pub(crate) verdict: Verdict,
    pub(crate) reason: Reason,
    /// Byte spans of the statement to replace, for the correction.
    pub(crate) replacements: Vec<(usize, usize, String)>,
    /// A value the statement claims is the fact's own.
    pub(crate) confirmed: bool,
}

/// One fact's index, or the two a statement spans: no allocation for the
/// outcome of every candidate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Facts {
    ids: [usize; 2],
    n: usize,
}

impl Facts {
    /// The facts of `ids`, one or two.
    pub(crate) fn of(ids: &[usize]) -> Facts {
        assert!(matches!(ids.len(), 1 | 2), "one fact or two: {ids:?}");
        let mut f = Facts {
            ids: [0; 2],
            n: ids.len(),
        };
        f.ids[..ids.len()].copy_from_slice(ids);
        f
    }
}

impl std::ops::Deref for Facts {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        &self.ids[..self.n]
    }
}

/// What a fact leaves uncovered; turned into words only for the one
/// explanation that is shown.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Uncovered {
    Word(usize),
    Entity(usize),
    /// A possessive on another of the fact's names than its own.
    Owner(usize),
    Quantity(usize),
    /// A verb's doer and object the other way round from the fact's.
    Roles(super::roles::Roles),
    Required,
    Nothing,
}

impl Uncovered {
    pub(crate) fn describe(self, v: &Verifier, a: &Analysis, fi: usize) -> String {
        let f = &v.facts[fi];
        match self {
            Uncovered::Word(k) => format!("\"{}\"", a.tokens[k].text),
            Uncovered::Entity(e) => v.bank.entities[e].name.clone(),
            Uncovered::Owner(e) => format!("{}'s", v.bank.entities[e].name),
            Uncovered::Quantity(q) => {
                let q = &a.quantities[q];
                let (s, e) = a.span(q.first, q.last);
                format!("\"{}\"", a.source.get(s..e).unwrap_or_default())
            }
            Uncovered::Roles(r) => {
                let w = |k: usize| a.tokens[k].text.as_str();
                let (d, v, p) = (w(r.agent), w(r.verb), w(r.patient));
                format!("\"{d} … {v} … {p}\" that way round")
            }
            Uncovered::Required => format!("\"{}\"", f.requires.join("\", \"")),
            Uncovered::Nothing => "anything the fact says".into(),
        }
    }
}

/// The statement's words for a slot, quoted mid-sentence: "not about
/// 4,000", not "not About 4,000".
pub(crate) fn slot_text(a: &Analysis, s: &Slot) -> String {
    let text = a.text(s.first, s.last).to_string();
    let (b, _) = a.span(s.first, s.last);
    if b == 0 && !text.chars().nth(1).is_some_and(char::is_uppercase) {
        lower_first(&text)
    } else {
        text
    }
}

/// The fact's value as set against the claim's: a rank taken from a
/// superlative keeps it ("the longest" → "second-longest").
pub(crate) fn fact_text(a: &Analysis, s: &Slot) -> String {
    let t = &a.tokens[s.first];
    let superlative = matches!(s.fact.value, Value::Ordinal { .. })
        && t.kind == TokKind::Word
        && lang::ordinal_word(&t.text).is_none();
    match superlative {
        true => format!("{}-{}", s.fact.text, t.text),
        false => s.fact.text.clone(),
    }
}

/// The fact's value in place of the statement's, with the preposition a
/// date of that precision takes ("in 2001" → "on 3 May 2002").
pub(crate) fn replacement(a: &Analysis, s: &Slot) -> (usize, usize, String) {
    let (mut b, e) = a.span(s.first, s.last);
    let mut text = s.fact.text.clone();
    // "in the 1990s": the preposition before the article.
    let the = s.first > 1 && a.tokens[s.first - 1].text == "the";
    let prev = (s.first.checked_sub(1 + usize::from(the))).map(|k| &a.tokens[k]);
    match (&s.fact.value, prev) {
        (Value::Date { date: d, .. }, Some(prev)) => {
            let want = if d.day.is_some() { "on" } else { "in" };
            if matches!(prev.text.as_str(), "in" | "on") && (prev.text != want || the) {
                b = prev.start;
                text = format!("{want} {text}");
            }
        }
        // A period brings its own words: "in 1958" → "from 1961 to 1968".
        (Value::Period { .. }, Some(prev))
            if matches!(prev.text.as_str(), "in" | "on" | "during") =>
        {
            b = prev.start;
        }
        (Value::Ordinal { .. }, _) => text = fact_text(a, s),
        _ => {}
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

impl Outcome {
    pub(crate) fn into_judgement(self, v: &Verifier, statement: &str) -> Judgement {
        if !v.texts {
            return Judgement {
                statement: String::new(),
                verdict: self.verdict,
                fact_id: Some(v.bank.facts[self.facts[0]].id.clone()),
                evidence: None,
                explanation: String::new(),
                correction: None,
            };
        }
        let facts = || self.facts.iter().map(|&i| &v.bank.facts[i]);
        let said = joined(facts().map(|f| f.statement.as_str()), " ");
        let explanation = match &self.reason {
            // The commonest texts put together without formatting.
            Reason::Agrees => joined(["the article says so: ", &said].into_iter(), ""),
            Reason::Negated => joined(["the article says the opposite: ", &said].into_iter(), ""),
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
            Reason::NegatedDiffers { claim, fact } if self.verdict == Verdict::Supported => {
                format!("the article says {fact}, not {claim}: {said}")
            }
            Reason::NegatedDiffers { claim, fact } => {
                format!("the article says {fact}; it says nothing about {claim}")
            }
            Reason::Restricted { word } => format!("the article does not say \"{word}\": {said}"),
            Reason::Modal { word } => format!(
                "\"{word}\" makes this a possibility, and the article states what happened: {said}"
            ),
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
            fact_id: Some(v.bank.facts[self.facts[0]].id.clone()),
            evidence: Some(joined(facts().map(|f| f.quote.as_str()), " … ")),
            explanation,
            correction,
        }
    }
}

/// `parts` with `sep` between them, in one allocation and no formatting.
fn joined<'a>(parts: impl Iterator<Item = &'a str> + Clone, sep: &str) -> String {
    let len = parts.clone().map(|p| p.len() + sep.len()).sum::<usize>();
    let mut out = String::with_capacity(len);
    for (k, p) in parts.enumerate() {
        if k > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

/// Explains a NOT_ENOUGH_INFO that no fact covered.
pub(crate) fn uncovered_explanation(
    v: &Verifier,
    a: &Analysis,
    closest: Option<(usize, Uncovered)>,
) -> String {
    if !v.texts {
        return String::new();
    }
    match closest {
        Some((fi, what)) => format!(
            "the article does not say this: the closest fact ({}) says nothing about {}",
            v.bank.facts[fi].id,
            what.describe(v, a, fi)
        ),
        None => "the article does not say this: no fact shares its subject".into(),
    }
}

/// How a statement was read and judged, for people who want to know why:
/// `factcheck explain`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Reading {
    /// Content words, as the facts must explain them.
    pub words: Vec<String>,
    /// Phrases read as one word, as `words as written → phrase`
    /// ("handed over → hand_over"); an idiom is marked `(idiom)`.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// The bank's names found, as `alias → entity id`.
    pub names: Vec<String>,
    /// Values read, each with its kind and bound.
    pub values: Vec<ReadValue>,
    /// Negations counted (outside concessive clauses).
    pub negations: usize,
    /// Modal words ("may", "might").
    pub modals: Vec<String>,
    /// The facts retrieved, best first, with what each made of it.
    pub candidates: Vec<Candidate>,
    /// The two events and their times, when the statement orders events.
    pub order: Option<super::order::OrderReading>,
    pub judgement: Judgement,
}

/// A value read from a statement.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ReadValue {
    /// The statement's words for it.
    pub text: String,
    /// Its kind and value, as JSON.
    pub value: serde_json::Value,
    /// How it is bounded: `exact`, `approx`, `gt`, …
    pub bound: String,
}

/// One retrieved fact and its outcome.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Candidate {
    pub fact_id: String,
    pub score: f32,
    /// The verdict this fact alone gives, or `not covered`.
    pub outcome: String,
}

impl Verifier<'_> {
    /// Reads and judges a statement, keeping every step.
    ///
    /// ```
    /// let text = r#"{"schema_version": 2,
    ///   "source": {"title": "Bridge", "date": "1998-06-01", "text": "The bridge opened in 1998."},
    ///   "facts": [{"id": "opened", "topic": "history", "statement": "The bridge opened in 1998.",
    ///     "quote": "The bridge opened in 1998.",
    ///     "values": [{"type": "date", "value": "1998", "text": "1998"}]}]}"#;
    /// let bank = factcheck::bank::parse(text, "bridge.json").unwrap();
    /// let v = factcheck::verify::Verifier::new(&bank);
    /// let r = v.explain("the bridge opened in the 1990s");
    /// assert_eq!(r.values[0].text, "1990s");
    /// assert_eq!(r.candidates[0].fact_id, "opened");
    /// ```
    pub fn explain(&self, statement: &str) -> Reading {
        let a = self.analyse(statement);
        let values = a
            .quantities
            .iter()
            .map(|q| ReadValue {
                text: a.text(q.first, q.last).to_string(),
                value: serde_json::to_value(&q.kind).unwrap_or_default(),
                bound: serde_json::to_value(q.cmp)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
            })
            .collect();
        let candidates = self
            .retrieve(&a)
            .into_iter()
            .map(|(fi, score)| Candidate {
                fact_id: self.bank.facts[fi].id.clone(),
                score,
                outcome: match super::judge_fact(self, &a, &self.facts[fi], &[fi]) {
                    Ok(o) => format!(
                        "{}: {}",
                        o.verdict.label(),
                        o.clone().into_judgement(self, statement).explanation
                    ),
                    Err(u) => format!(
                        "not covered: says nothing about {}",
                        u.describe(self, &a, fi)
                    ),
                },
            })
            .collect();
        Reading {
            words: a
                .words
                .iter()
                .map(|&k| a.tokens[k].text.to_string())
                .collect(),
            phrases: (a.phrases.iter())
                .map(|p| {
                    let idiom = if p.idiom { " (idiom)" } else { "" };
                    format!("{} → {}{idiom}", a.text(p.first, p.last), p.word)
                })
                .collect(),
            names: a
                .mentions
                .iter()
                .map(|m| {
                    format!(
                        "{} → {}",
                        a.text(m.first, m.last),
                        self.bank.entities[m.entity].id
                    )
                })
                .collect(),
            values,
            negations: a.negations,
            modals: a
                .modals
                .iter()
                .map(|&k| a.tokens[k].text.to_string())
                .collect(),
            candidates,
            order: super::order::reading(self, statement),
            judgement: self.judge(statement),
        }
    }
}
