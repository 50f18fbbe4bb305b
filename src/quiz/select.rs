//! Choosing the questions of a session: filters, a seeded shuffle, and the
//! review order that puts missed and long-unseen questions first.

use std::collections::HashMap;

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use rand::seq::SliceRandom;

use super::history::Card;
use crate::bank::{Bank, QuestionBody, QuestionKind};
use crate::error::{Error, Result};
use crate::render::plural;

/// One question as it will be asked: its index in the bank and, for
/// multiple choice, the order its choices are shown in.
#[derive(Debug, Clone)]
pub struct Item {
    pub question: usize,
    pub order: Vec<usize>,
}

pub struct Selection<'a> {
    /// `None`: the default of [`DEFAULT_COUNT`], shrunk to what the filters
    /// leave; an explicit count larger than that is an error.
    pub count: Option<usize>,
    pub seed: u64,
    pub topics: &'a [String],
    pub kinds: &'a [QuestionKind],
    /// Leitner cards by question id; `Some` puts the quiz in review order.
    pub review: Option<&'a HashMap<String, Card>>,
}

/// Questions in a quiz when `--count` is not given.
pub const DEFAULT_COUNT: usize = 10;

/// Whether a topic asked for on the command line names a bank's topic:
/// people type `Economy` as often as `economy`.
pub fn topic_matches(asked: &str, topic: &str) -> bool {
    asked.trim().to_lowercase() == topic.to_lowercase()
}

/// Refuses a topic the bank does not have, listing those it has.
pub fn check_topics(bank: &Bank, asked: &[String]) -> Result<()> {
    let topics = bank.topics();
    match asked
        .iter()
        .find(|t| !topics.iter().any(|b| topic_matches(t, b)))
    {
        Some(t) => Err(Error::Usage(format!(
            "unknown topic \"{t}\"; topics: {}",
            topics.join(", ")
        ))),
        None => Ok(()),
    }
}

pub fn select(bank: &Bank, s: &Selection) -> Result<Vec<Item>> {
    check_topics(bank, s.topics)?;
    let mut pool: Vec<usize> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            let topic = bank.fact(&q.fact).map_or("", |f| f.topic.as_str());
            (s.topics.is_empty() || s.topics.iter().any(|t| topic_matches(t, topic)))
                && (s.kinds.is_empty() || s.kinds.contains(&q.kind()))
        })
        .map(|(i, _)| i)
        .collect();
    if pool.is_empty() {
        return Err(Error::Usage(
            "no question matches the chosen --topic and --kind".into(),
        ));
    }
    let count = match s.count {
        None => DEFAULT_COUNT.min(pool.len()),
        Some(n) if n > pool.len() => {
            return Err(Error::Usage(format!(
                "--count {n} is more than the {} available; use --count {} or fewer",
                plural(pool.len(), "question"),
                pool.len()
            )));
        }
        Some(n) => n,
    };
    let mut rng = ChaCha8Rng::seed_from_u64(s.seed);
    pool.shuffle(&mut rng);
    if let Some(cards) = s.review {
        // Missed last time first (lowest level, then oldest), then never
        // seen, then the longest unseen. The shuffle above breaks ties.
        let key = |&i: &usize| {
            let q = &bank.questions[i];
            match cards.get(&q.id) {
                Some(c) if !c.last_correct => (0u8, c.level, c.last_seen),
                None => (1, 0, 0.0),
                Some(c) => (2, c.level, c.last_seen),
            }
        };
        pool.sort_by(|a, b| {
            let (ka, kb) = (key(a), key(b));
            ka.0.cmp(&kb.0)
                .then(ka.1.cmp(&kb.1))
                .then(ka.2.total_cmp(&kb.2))
        });
    }
    pool.truncate(count);
    Ok(pool
        .into_iter()
        .map(|i| {
            let mut order: Vec<usize> = match &bank.questions[i].body {
                QuestionBody::Choice { choices, .. } => (0..choices.len()).collect(),
                _ => Vec::new(),
            };
            order.shuffle(&mut rng);
            Item { question: i, order }
        })
        .collect())
}
