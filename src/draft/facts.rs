//! Facts from sentences: one per claim-bearing sentence or clause, the
//! quote verbatim, the statement the quote in plain form, values read as
//! the verifier reads them, and the names it mentions.

use std::collections::BTreeSet;

use super::{Summary, names::unique_id, slug};
use crate::bank::{self, Bank, Bound, EntityKind, Fact, PartialDate};
use crate::lang::{self, Cmp, DURATIONS_MAP, Sentence};
use crate::values::{Quantity, Value};
use crate::verify::{Analysis, Verifier};

/// Drafts a fact for each claim-bearing clause of the article.
pub(crate) fn draft(
    bank: &Bank,
    sentences: &[Sentence],
    year: Option<i32>,
    summary: &mut Summary,
) -> Vec<Fact> {
    let text = &bank.source.text;
    let reader = Verifier::new(bank);
    let mut ids = BTreeSet::new();
    let mut out = Vec::new();
    let mut topic = String::from("article");
    let title = title_words(&reader, text, sentences);
    let mut previous: Option<&Sentence> = None;
    for s in sentences {
        let sentence = &text[s.start..s.end];
        if s.heading {
            topic = topic_of(sentence);
            previous = None;
            continue;
        }
        if topic == "article" {
            topic = format!("part-{}", s.paragraph + 1);
        }
        // What the sentence may leave implicit: the article's subject (its
        // title's words) and the previous sentence's subject ("The project
        // was proposed in 2009. Work began in 2019 …").
        let mut context = title.clone();
        if let Some(p) = previous.filter(|p| p.paragraph == s.paragraph) {
            context.extend(context_words(&reader, &text[p.start..p.end], true));
        }
        for quote in clauses(sentence) {
            match fact(bank, &reader, quote, year) {
                Some(mut f) => {
                    f.id = unique_id(&f.id, &mut ids);
                    f.topic = topic.clone();
                    for w in &context {
                        if !f.keywords.contains(w) {
                            f.keywords.push(w.clone());
                        }
                    }
                    out.push(f);
                }
                None => summary.left_out.push(quote.to_string()),
            }
        }
        previous = Some(s);
    }
    out
}

/// The title's words that the article keeps coming back to (in two
/// sentences or more): its subject ("barrier"), not its news ("opens").
fn title_words(reader: &Verifier, text: &str, sentences: &[Sentence]) -> Vec<String> {
    let Some(t) = sentences.first().filter(|s| s.heading) else {
        return Vec::new();
    };
    let body: Vec<Vec<lang::Word>> = sentences
        .iter()
        .filter(|s| !s.heading)
        .map(|s| {
            lang::tokenize(&text[s.start..s.end])
                .iter()
                .map(|t| lang::stem(&t.text))
                .collect()
        })
        .collect();
    // Verbs in a title ("approved", "opens") are the news of one
    // sentence, not the subject of all: only the recurring other words.
    context_words(reader, &text[t.start..t.end], false)
        .into_iter()
        .filter(|w| !w.ends_with("ed") && !w.ends_with("ing"))
        .filter(|w| {
            let st = lang::stem(w);
            body.iter().filter(|b| b.contains(&st)).count() >= 2
        })
        .collect()
}

/// Words that stop a sentence's subject: its first verb, roughly.
const VERB_STARTS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "said",
    "says",
];

/// Content words of a title, or of a sentence's subject (the words before
/// its first verb), leaving out names, values and words with an opposite
/// (which must never be taken as agreeing).
fn context_words(reader: &Verifier, s: &str, subject_only: bool) -> Vec<String> {
    let a = reader.analyse(s);
    let mut out = Vec::new();
    for &k in &a.words {
        let w = a.tokens[k].text.as_str();
        if subject_only && (VERB_STARTS.contains(&w) || w.ends_with("ed")) {
            break;
        }
        let opposite = lang::ANTONYMS.iter().any(|&(x, y)| x == w || y == w);
        if w.chars().all(char::is_alphabetic) && !opposite && !out.iter().any(|o: &String| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// A heading's first content words, as a topic.
fn topic_of(heading: &str) -> String {
    let words: Vec<String> = lang::tokenize(heading)
        .into_iter()
        .filter(|t| t.kind == lang::TokKind::Word && !lang::is_stopword(&t.text))
        .take(3)
        .map(|t| t.text.to_string())
        .collect();
    let t = slug(&words.join(" "));
    if t.is_empty() { "article".into() } else { t }
}

/// A sentence's clauses: split at semicolons and at ", but" / " but "
/// (each side its own claim: "welcomed the decision but warned …").
fn clauses(sentence: &str) -> Vec<&str> {
    sentence
        .split("; ")
        .flat_map(|c| c.split(" but "))
        .map(|c| c.trim().trim_end_matches(',').trim())
        .filter(|c| !c.is_empty())
        .collect()
}

/// The quote as a plain statement: Markdown marks out, a capital first
/// and a full stop last.
pub(crate) fn statement_of(quote: &str) -> String {
    let mut s = String::new();
    let mut rest = quote;
    // [text](link) → text
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find("](").map(|c| open + c);
        let end = close.and_then(|c| rest[c..].find(')').map(|e| c + e));
        match (close, end) {
            (Some(c), Some(e)) => {
                s.push_str(&rest[..open]);
                s.push_str(&rest[open + 1..c]);
                rest = &rest[e + 1..];
            }
            _ => break,
        }
    }
    s.push_str(rest);
    let s: String = s.chars().filter(|c| !matches!(c, '*' | '`')).collect();
    let s = s.trim().trim_end_matches([';', ':', ',']).trim();
    let mut c = s.chars();
    let mut out: String = match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    };
    if !out.ends_with(['.', '!', '?', '"', '”', '\'', '’']) {
        out.push('.');
    }
    out
}

/// The fact for one clause, or nothing when it makes no claim.
fn fact(bank: &Bank, reader: &Verifier, quote: &str, year: Option<i32>) -> Option<Fact> {
    let statement = statement_of(quote);
    if statement.ends_with('?') {
        return None;
    }
    let a = reader.analyse(&statement);
    let values: Vec<bank::Value> = a
        .quantities
        .iter()
        // A small number word is still a claim here: "the third wind
        // farm" must refute "the fifth"; only "one" is left alone.
        .filter(|q| !q.small || !matches!(q.kind, Value::Count { value } if value < 2.0))
        .filter_map(|q| bank_value(&a, q, year))
        .chain(slot_values(bank, &a))
        .collect();
    if a.words.len() < 3 && values.is_empty() {
        return None;
    }
    let mut entities: Vec<String> = Vec::new();
    for m in &a.mentions {
        let id = &bank.entities[m.entity].id;
        if !entities.contains(id) {
            entities.push(id.clone());
        }
    }
    // "12,000 Norwegians visited": another people did not.
    let mut people: Vec<String> = Vec::new();
    for m in a.mentions.iter().filter(|m| m.people) {
        let id = &bank.entities[m.entity].id;
        if !people.contains(id) {
            people.push(id.clone());
        }
    }
    let subject = a
        .mentions
        .first()
        .filter(|m| m.first <= 1 && !m.possessive && !m.people)
        .map(|m| bank.entities[m.entity].id.clone());
    let words: Vec<String> = a
        .words
        .iter()
        .map(|&k| a.tokens[k].text.to_string())
        .collect();
    let id_words: Vec<&str> = words.iter().take(4).map(String::as_str).collect();
    Some(Fact {
        id: slug(&id_words.join(" ")),
        topic: String::new(),
        statement,
        quote: quote.to_string(),
        entities,
        keywords: keywords(&words)
            .into_iter()
            .chain(values.iter().flat_map(kind_words).map(|w| w.to_string()))
            .fold(Vec::new(), |mut out, w| {
                if !out.contains(&w) {
                    out.push(w);
                }
                out
            }),
        requires: Vec::new(),
        subject,
        people,
        scope_words: Vec::new(),
        values,
    })
}

/// Words a statement may use to ask about a value of a kind: what it
/// cost, when it happened, how long it took, where it was.
fn kind_words(v: &bank::Value) -> &'static [&'static str] {
    use bank::Value as B;
    match v {
        B::Money { .. } => &[
            "cost", "costs", "costing", "price", "priced", "worth", "value", "valued", "spend",
            "spent", "paid", "pay", "budget", "amount", "amounted",
        ],
        // Not "year" or "day": "this year" must not bring in every dated fact.
        B::Date { .. } | B::Period { .. } => &["when", "date"],
        B::Duration { .. } => &["took", "take", "takes", "lasted", "last", "lasts", "long"],
        B::Count { .. } => &["number"],
        B::Place { .. } => &["where", "place", "located", "site"],
        B::Ordinal { .. } | B::Measure { .. } | B::Person { .. } => &[],
    }
}

/// The clause's content words and their common inflections.
fn keywords(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |w: String| {
        if w.len() > 2 && !out.contains(&w) {
            out.push(w);
        }
    };
    for w in words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_alphabetic()))
    {
        add(w.clone());
        if let Some(base) = w.strip_suffix("ed") {
            add(base.to_string());
            add(format!("{base}s"));
        } else if let Some(base) = w.strip_suffix("ing") {
            add(base.to_string());
            add(format!("{base}ed"));
        } else if let Some(base) = w.strip_suffix('s').filter(|b| !b.ends_with('s')) {
            add(base.to_string());
        } else {
            add(format!("{w}s"));
        }
    }
    out
}

/// A place after "in"/"at", and the first person named: the fact's place
/// and person slots.
fn slot_values(bank: &Bank, a: &Analysis) -> Vec<bank::Value> {
    let mut out = Vec::new();
    let kind = |m: &&crate::verify::Mention| bank.entities[m.entity].kind;
    // "PARIS, 3 May — …": the dateline places the sentence's event.
    let dateline = |m: &&crate::verify::Mention| {
        m.first == 0 && kind(m).is_place() && a.source[a.tokens[m.last - 1].end..].starts_with(',')
    };
    if let Some(m) = a
        .mentions
        .iter()
        .find(|m| (m.locative && !m.people && kind(m).is_place()) || dateline(m))
    {
        out.push(bank::Value::Place {
            entity: bank.entities[m.entity].id.clone(),
            text: a.text(m.first, m.last).to_string(),
            role: bank::Role::Claim,
        });
    }
    if let Some(m) = a.mentions.iter().find(|m| kind(m) == EntityKind::Person) {
        out.push(bank::Value::Person {
            entity: bank.entities[m.entity].id.clone(),
            text: a.text(m.first, m.last).to_string(),
            role: bank::Role::Claim,
        });
    }
    out
}

fn iso(d: &PartialDate, year: Option<i32>) -> Option<String> {
    let y = d.year.or(year)?;
    Some(match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{y:04}-{m:02}-{day:02}"),
        (Some(m), None) => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}"),
    })
}

fn bound(cmp: Cmp) -> (bool, Option<Bound>) {
    match cmp {
        Cmp::Approx => (true, None),
        Cmp::Gt => (false, Some(Bound::Gt)),
        Cmp::Ge => (false, Some(Bound::Ge)),
        Cmp::Lt => (false, Some(Bound::Lt)),
        Cmp::Le => (false, Some(Bound::Le)),
        Cmp::Exact | Cmp::Precisely => (false, None),
    }
}

/// A value read from the statement, as the bank writes it; `None` when
/// it cannot be written (an ambiguous date, money without a currency).
fn bank_value(a: &Analysis, q: &Quantity, year: Option<i32>) -> Option<bank::Value> {
    use bank::Value as B;
    let text = a.text(q.first, q.last).to_string();
    let role = bank::Role::Claim;
    let (approx, bound) = bound(q.cmp);
    Some(match &q.kind {
        Value::Date { date, alt: None } => B::Date {
            value: iso(date, year)?,
            text,
            role,
        },
        Value::Date { .. } => return None,
        Value::Period { from, until } => B::Period {
            from: iso(from, None)?,
            until: iso(until, None)?,
            text,
            role,
        },
        Value::Ordinal { value } => B::Ordinal {
            value: *value,
            text,
            role,
        },
        Value::Count { value } => B::Count {
            value: *value,
            approx,
            bound,
            text,
            role,
        },
        Value::Money { value, currency } => B::Money {
            value: *value,
            currency: currency.as_ref()?.to_string(),
            approx,
            bound,
            text,
            role,
        },
        Value::Measure { value, unit } => B::Measure {
            value: *value,
            unit: unit.to_string(),
            approx,
            bound,
            text,
            role,
        },
        Value::Duration { days } => {
            let unit = a.tokens[q.last - 1].text.to_string();
            let per = *DURATIONS_MAP.get(unit.as_str())?;
            B::Duration {
                value: days / per,
                unit,
                approx,
                bound,
                text,
                role,
            }
        }
        Value::Place { .. } | Value::Person { .. } => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_lose_markup_and_end_with_a_stop() {
        for (quote, want) in [
            (
                "the **bridge** opened in 1998",
                "The bridge opened in 1998.",
            ),
            (
                "See [the report](http://x.org) today;",
                "See the report today.",
            ),
            ("It rained.", "It rained."),
        ] {
            assert_eq!(statement_of(quote), want);
        }
    }

    #[test]
    fn clauses_split_at_semicolons() {
        assert_eq!(
            clauses("It rained; we stayed."),
            vec!["It rained", "we stayed."]
        );
    }
}
