//! The article's main subject: the thing its headline announces ("X opens
//! cable car"), when the lead paragraphs name it ("inaugurated the Y
//! Line", "the Z Bridge has …"). The headline's noun then names it too,
//! and facts that speak of it by the lead's common noun ("the line")
//! list it.

use crate::bank::{Entity, EntityKind};
use crate::lang::{self, Sentence, TokKind, Token, tokenize};

/// How many body paragraphs may introduce the subject's name.
const LEAD_PARAGRAPHS: usize = 3;

/// The subject found: its entity, the headline's noun phrase (an alias)
/// and the lead's nouns for it ("line"), which a fact's quote uses as
/// "the line" or "the new line".
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Subject {
    pub(crate) entity: usize,
    pub(crate) alias: String,
    pub(crate) nouns: Vec<String>,
}

/// Finds the subject and adds the headline's noun to its aliases.
pub(crate) fn attach(
    text: &str,
    sentences: &[Sentence],
    entities: &mut [Entity],
) -> Option<Subject> {
    let headline = sentences.first().filter(|s| s.heading)?;
    let headline = tokenize(&text[headline.start..headline.end]);
    let Some(head) = head_phrase(&headline) else {
        return named_in_headline(&headline, entities);
    };
    let last = head.last()?.clone();
    let body: Vec<&Sentence> = sentences.iter().filter(|s| !s.heading).collect();
    let first_paragraph = body.first()?.paragraph;
    let lead: Vec<&str> = body
        .iter()
        .filter(|s| s.paragraph < first_paragraph + LEAD_PARAGRAPHS)
        .map(|s| &text[s.start..s.end])
        .collect();
    let entity = lead.iter().find_map(|s| named_thing(s, &last, entities))?;
    let alias = head.join(" ");
    push_alias(&mut entities[entity], &alias);
    let nouns = apposition(lead.first()?, &head).into_iter().collect();
    Some(Subject {
        entity,
        alias,
        nouns,
    })
}

/// A headline that names the thing itself by the first words of its name
/// ("… as Ola Ridge rail tunnel breaks through" for the Ola Ridge Base
/// Tunnel): those words become an alias when no other entity's name starts
/// with them, and the name's last word, a common noun, is the noun facts
/// use for it ("the tunnel"). Never a person, a place or an organisation.
fn named_in_headline(headline: &[Token], entities: &mut [Entity]) -> Option<Subject> {
    let words = |e: &Entity| -> Vec<String> {
        (tokenize(&e.name).iter())
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.text.to_string())
            .collect()
    };
    // How many of a name's first words stand together in the headline.
    let shown = |name: &[String]| {
        (0..headline.len())
            .map(|k| {
                (name.iter().zip(&headline[k..]))
                    .take_while(|(w, t)| t.text == **w)
                    .count()
            })
            .max()
            .unwrap_or(0)
    };
    let (entity, n) = (entities.iter().enumerate())
        .filter(|(_, e)| e.kind == EntityKind::Other)
        .map(|(i, e)| (i, shown(&words(e))))
        .filter(|&(_, n)| n >= 2)
        .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
    let name = words(&entities[entity]);
    let noun = name.last()?.clone();
    if !lang::lexicon::is_word(&noun) {
        return None;
    }
    let prefix = &name[..n];
    let shared =
        (entities.iter().enumerate()).any(|(i, e)| i != entity && words(e).starts_with(prefix));
    if n < name.len() && !shared {
        let alias: Vec<&str> = (entities[entity].name.split_whitespace()).take(n).collect();
        let alias = alias.join(" ");
        push_alias(&mut entities[entity], &alias);
    }
    Some(Subject {
        entity,
        alias: String::new(),
        nouns: vec![noun],
    })
}

fn push_alias(e: &mut Entity, alias: &str) {
    if !e.aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
        e.aliases.push(alias.to_string());
    }
}

/// The lower-case nouns after the headline's first launch verb, up to a
/// function word or a stop: "opens record X suspension bridge, …" →
/// "suspension bridge".
fn head_phrase(toks: &[Token]) -> Option<Vec<String>> {
    let verb = toks
        .iter()
        .position(|t| lang::LAUNCH_VERBS_SET.contains(t.text.as_str()))?;
    let mut run: Vec<String> = Vec::new();
    for (k, t) in toks.iter().enumerate().skip(verb + 1) {
        let glued = k == verb + 1 || toks[k - 1].end + 1 == t.start;
        if t.kind != TokKind::Word || lang::is_stopword(&t.text) || !glued {
            break;
        }
        if t.cap {
            run.clear();
        } else {
            run.push(t.text.to_string());
        }
        if t.possessive {
            break;
        }
    }
    (!run.is_empty()).then_some(run)
}

/// The entity a lead sentence names as the headline's thing: one whose
/// name ends in the headline's noun ("the Ola Bridge"), or the object of a
/// launch verb ("inaugurated the Ola Line"). Never a person, a place or an
/// organisation.
fn named_thing(sentence: &str, noun: &str, entities: &[Entity]) -> Option<usize> {
    let toks = tokenize(sentence);
    let starts = |k: usize, e: &Entity| {
        e.aliases.iter().any(|a| {
            let words: Vec<String> = tokenize(a).iter().map(|t| t.text.to_string()).collect();
            !words.is_empty()
                && toks.len() >= k + words.len()
                && toks[k..k + words.len()]
                    .iter()
                    .zip(&words)
                    .all(|(t, w)| t.text == *w)
        })
    };
    let things = || {
        entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Other)
    };
    for k in 0..toks.len() {
        let launched = k >= 2
            && toks[k - 1].text == "the"
            && lang::LAUNCH_VERBS_SET.contains(toks[k - 2].text.as_str());
        let found = things().find(|(_, e)| {
            let named = e
                .name
                .split_whitespace()
                .last()
                .is_some_and(|w| w.eq_ignore_ascii_case(noun) && e.name.contains(' '));
            (named || launched) && starts(k, e)
        });
        if let Some((i, _)) = found {
            return Some(i);
        }
    }
    None
}

/// The noun the lead sentence puts beside the headline's ("its first cable
/// car, a 2-kilometre line that …" → "line").
fn apposition(sentence: &str, head: &[String]) -> Option<String> {
    let toks = tokenize(sentence);
    let at = (0..toks.len()).find(|&k| {
        toks.len() >= k + head.len()
            && toks[k..k + head.len()]
                .iter()
                .zip(head)
                .all(|(t, w)| t.text == *w)
    })? + head.len();
    let comma = toks
        .get(at)
        .is_some_and(|t| sentence[..t.start].ends_with(", "));
    let article = toks
        .get(at)
        .is_some_and(|t| matches!(t.text.as_str(), "a" | "an"));
    if !comma || !article {
        return None;
    }
    let mut noun = None;
    for t in &toks[at + 1..] {
        if t.kind == TokKind::Word && lang::is_stopword(&t.text) {
            break;
        }
        if t.kind == TokKind::Word && !t.cap {
            noun = Some(t.text.to_string());
        }
        if sentence[t.end..].starts_with(',') {
            break;
        }
    }
    noun.filter(|n| n.chars().all(char::is_alphabetic) && !head.contains(n))
}

/// Whether a quote speaks of the subject by the lead's noun: "the line",
/// "the new line", "the 3-kilometre line" (never "the old line", "the
/// second line").
pub(crate) fn speaks_of(quote: &str, noun: &str) -> bool {
    /// Words before a noun that make it another thing of the kind.
    const OTHER: &[&str] = &["old", "other", "former", "previous", "existing", "another"];
    let toks = tokenize(quote);
    let between = |t: &Token| {
        !(t.kind == TokKind::Word
            && (lang::is_stopword(&t.text)
                || t.cap
                || OTHER.contains(&t.text.as_str())
                || lang::ordinal_word(&t.text).is_some()))
    };
    (1..toks.len()).any(|k| {
        toks[k].text == noun
            && !toks[k].cap
            && (1..=3.min(k))
                .map(|n| k - n)
                .take_while(|&j| {
                    matches!(toks[j].text.as_str(), "the" | "this") || between(&toks[j])
                })
                .any(|j| matches!(toks[j].text.as_str(), "the" | "this"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::names;

    fn subject(text: &str) -> Option<(String, Subject)> {
        let sentences = lang::sentences(text);
        let mut entities = names::find(text, &sentences).entities;
        let s = attach(text, &sentences, &mut entities)?;
        Some((entities[s.entity].name.clone(), s))
    }

    #[test]
    fn the_headlines_thing_is_the_named_thing_of_the_lead() {
        for (text, want) in [
            (
                "Town opens tram line to the harbour\n\nBREST, 2 May — The town on Monday opened its first tram line, a 3-kilometre route that crosses the port. Mayor Ana Lima inaugurated the Rota Azul at noon.\n",
                Some(("Rota Azul", "tram line", vec!["route"])),
            ),
            (
                "Country opens record Brekke suspension bridge, ending ferries\n\nThe country opened its longest bridge on Saturday. The Ola Brekke Bridge has a main span of 1,200 metres.\n",
                Some(("Ola Brekke Bridge", "suspension bridge", vec![])),
            ),
            // The headline names the thing by its name's first words.
            (
                "Machines meet as Ola Ridge rail tunnel breaks through\n\nBREST, 2 May — Engineers building the Ola Ridge Base Tunnel broke through. The Ola Ridge Base Tunnel is 27 km long.\n",
                Some(("Ola Ridge Base Tunnel", "", vec!["tunnel"])),
            ),
            // No launch verb in the headline, and no name: no subject.
            (
                "Tram line to the harbour delayed\n\nMayor Ana Lima inaugurated the Rota Azul at noon.\n",
                None,
            ),
            // A person is never the thing.
            (
                "Town opens tram line\n\nThe mayor opened the line. Mayor Ana Lima Costa said she was proud.\n",
                None,
            ),
        ] {
            let got = subject(text).map(|(name, s)| (name, s.alias, s.nouns));
            let want = want.map(|(n, a, v): (&str, &str, Vec<&str>)| {
                (
                    n.to_string(),
                    a.to_string(),
                    v.into_iter().map(String::from).collect::<Vec<_>>(),
                )
            });
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_quote_speaks_of_the_subject_by_the_leads_noun() {
        for (quote, want) in [
            ("The line opened at noon.", true),
            ("The new line rises 200 metres.", true),
            ("The old line carried 500 people.", false),
            ("Similar lines are planned.", false),
            ("A line of people waited.", false),
            ("The 3.2-kilometre line runs west.", true),
            ("It is the second line in the town.", false),
            ("The Brekke line opened.", false),
        ] {
            assert_eq!(speaks_of(quote, "line"), want, "{quote}");
        }
    }
}
