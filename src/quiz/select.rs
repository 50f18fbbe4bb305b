//! Choosing the questions of a session: filters, a seeded shuffle, and the
//! review order that puts missed and long-unseen questions first.

use std::collections::HashMap;

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use rand::seq::SliceRandom;

use super::history::Card;
use crate::bank::{Bank, QuestionBody, QuestionKind};
use crate::error::{Error, Result};

/// One question as it will be asked: its index in the bank and, for
/// multiple choice, the order its choices are shown in.
#[derive(Debug, Clone)]
pub struct Item {
    pub question: usize,
    pub order: Vec<usize>,
}

pub struct Selection<'a> {
    pub count: usize,
    pub seed: u64,
    pub topics: &'a [String],
    pub kinds: &'a [QuestionKind],
    /// Leitner cards by question id; `Some` puts the quiz in review order.
    pub review: Option<&'a HashMap<String, Card>>,
}

pub fn select(bank: &Bank, s: &Selection) -> Result<Vec<Item>> {
    let topics = bank.topics();
    for t in s.topics {
        if !topics.contains(&t.as_str()) {
            return Err(Error::Usage(format!(
                "unknown topic \"{t}\"; topics: {}",
                topics.join(", ")
            )));
        }
    }
    let mut pool: Vec<usize> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            let topic = bank.fact(&q.fact).map_or("", |f| f.topic.as_str());
            (s.topics.is_empty() || s.topics.iter().any(|t| t == topic))
                && (s.kinds.is_empty() || s.kinds.contains(&q.kind()))
        })
        .map(|(i, _)| i)
        .collect();
    if pool.is_empty() {
        return Err(Error::Usage(
            "no question matches the chosen --topic and --kind".into(),
        ));
    }
    if s.count > pool.len() {
        return Err(Error::Usage(format!(
            "--count {} is more than the {} question(s) available; use --count {} or fewer",
            s.count,
            pool.len(),
            pool.len()
        )));
    }
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
    pool.truncate(s.count);
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
