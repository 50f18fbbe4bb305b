//! Facts from sentences: one per claim-bearing sentence or clause, the
//! quote verbatim, the statement the quote in plain form, values read as
//! the verifier reads them, and the names it mentions.

use std::collections::{BTreeMap, BTreeSet};

use super::{Summary, names::unique_id, slug};
use crate::bank::{self, Bank, Bound, EntityKind, Fact, PartialDate};
use crate::lang::{self, Cmp, DURATIONS_MAP, Sentence};
use crate::values::{Quantity, Value, date};
use crate::verify::{Analysis, Verifier};

/// What the whole article tells a clause's values: the year of its date
/// (for dates without one) and the currency of a denomination it names
/// with its people once ("7.4 billion Norwegian crowns", later "148
/// crowns").
pub(crate) struct Context {
    pub(crate) year: Option<i32>,
    /// The article's date: "on Monday" is the Monday on or before it.
    pub(crate) published: Option<PartialDate>,
    currencies: BTreeMap<lang::Word, &'static str>,
    /// The article's main subject and the common nouns the lead gives it
    /// ("the line"): a fact whose quote uses one speaks of it.
    pub(crate) subject: Option<(String, Vec<String>)>,
    /// The subject's common-noun alias ("cable car"): read as a name, its
    /// words are still the fact's words ("the bridge opened").
    pub(crate) subject_alias: Vec<String>,
}

impl Context {
    pub(crate) fn new(text: &str, year: Option<i32>) -> Context {
        let tokens = lang::tokenize(text);
        let mut currencies = BTreeMap::new();
        for pair in tokens.windows(2) {
            if let Some(c) = lang::currency_of_people(&pair[0].text, &pair[1].text) {
                currencies.entry(lang::stem(&pair[1].text)).or_insert(c);
            }
        }
        Context {
            year,
            published: None,
            currencies,
            subject: None,
            subject_alias: Vec::new(),
        }
    }

    /// The currency of an amount the clause gives without naming one.
    fn currency(&self, denomination: &str) -> Option<&'static str> {
        self.currencies.get(&lang::stem(denomination)).copied()
    }
}

/// Drafts a fact for each claim-bearing clause of the article.
pub(crate) fn draft(
    bank: &Bank,
    sentences: &[Sentence],
    ctx: &Context,
    summary: &mut Summary,
) -> Vec<Fact> {
    let text = &bank.source.text;
    let reader = Verifier::new(bank);
    let mut ids = BTreeSet::new();
    let mut out: Vec<Fact> = Vec::new();
    let mut topic = String::from("article");
    let title = title_words(&reader, text, sentences);
    let mut previous: Option<&Sentence> = None;
    let (mut before, mut paragraph_start) = (0, 0);
    let mut by_pronoun: Vec<usize> = Vec::new();
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
        // The facts of this paragraph and the one before, for a pronoun.
        if previous.is_some_and(|p| p.paragraph != s.paragraph) {
            (before, paragraph_start) = (paragraph_start, out.len());
        }
        let pieces = clauses(sentence)
            .into_iter()
            .flat_map(super::relative::pieces);
        for (quote, statement) in pieces {
            match fact(bank, &reader, quote, statement, ctx) {
                Some(mut f) => {
                    // "It will be …" after a sentence about the subject.
                    // Only a fact that names it, not one a pronoun linked.
                    if let Some((id, _)) = &ctx.subject
                        && starts_with_pronoun(quote)
                        && (before..out.len())
                            .any(|i| !by_pronoun.contains(&i) && out[i].entities.contains(id))
                        && !f.entities.contains(id)
                    {
                        f.entities.push(id.clone());
                        by_pronoun.push(out.len());
                    }
                    if said_by_pronoun(quote)
                        && let Some(id) = last_person(bank, &out)
                        && !f.entities.contains(&id)
                    {
                        f.entities.push(id);
                    }
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

/// '"…," he said': a person's words, the person by a pronoun. Only the
/// speaker: "He reported the find to …" gives the person a role the
/// facts would not know.
fn said_by_pronoun(quote: &str) -> bool {
    let q = quote.trim_end_matches(['.', ' ']);
    let said = [" he said", " she said", " he added", " she added"];
    (q.starts_with('"') || q.starts_with('\u{201c}')) && said.iter().any(|p| q.ends_with(p))
}

/// The person named last in the last few facts: whom "he" stands for.
fn last_person(bank: &Bank, facts: &[Fact]) -> Option<String> {
    let person = |id: &&String| {
        (bank.entity_index(id)).is_some_and(|e| bank.entities[e].kind == EntityKind::Person)
    };
    (facts.iter().rev().take(3)).find_map(|f| f.entities.iter().rev().find(person).cloned())
}

/// Whether a clause opens with a pronoun standing for what the sentence
/// before spoke of ("It will be the second …", "Its mirror …").
fn starts_with_pronoun(quote: &str) -> bool {
    let first = quote.split_whitespace().next().unwrap_or("");
    matches!(first, "It" | "Its")
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
    // sentence, not the subject of all: only the words most of the
    // article comes back to (in a fifth of its sentences or more) go to
    // every fact; other words would make every fact look alike.
    context_words(reader, &text[t.start..t.end], false)
        .into_iter()
        .filter(|w| !w.ends_with("ed") && !w.ends_with("ing"))
        .filter(|w| {
            let st = lang::stem(w);
            let n = body.iter().filter(|b| b.contains(&st)).count();
            n >= 2 && n * 5 >= body.len()
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
    // The subject ends at the first verb, which may be a stopword ("has"),
    // or at its first preposition: "the herd of seven females and five
    // males" is a herd; its females are no subject of the next sentence.
    let ends = |t: &lang::Token| {
        VERB_STARTS.contains(&t.text.as_str())
            || t.text.ends_with("ed")
            || matches!(
                t.text.as_str(),
                "of" | "in" | "from" | "with" | "at" | "on" | "for"
            )
    };
    let end = (a.tokens.iter().position(ends))
        .filter(|_| subject_only)
        .unwrap_or(a.tokens.len());
    let mut out = Vec::new();
    for &k in a.words.iter().filter(|&&k| k < end) {
        let w = a.tokens[k].text.as_str();
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

/// Words that open a new claim after ", and" ("…, and the NPRA expects
/// …", "…, and it will be closed …"); "A, B, and C" is a list, not two
/// claims.
const CLAUSE_OPENERS: &[&str] = &[
    "the", "a", "an", "it", "its", "they", "their", "he", "she", "his", "her", "this", "these",
    "those", "from", "in", "on", "by", "since", "after", "before", "when",
];

/// Words ending in "-ing" after a comma that are prepositions, not a
/// participle tail ("…, according to the agency").
const NOT_PARTICIPLES: &[&str] = &[
    "according",
    "including",
    "during",
    "following",
    "regarding",
    "concerning",
    "excluding",
    "morning",
    "evening",
    "something",
    "nothing",
    "anything",
    "everything",
];

/// Prepositions after a past participle that make it a tail of its own
/// ("…, drawn from 14 countries").
const TAIL_PREPOSITIONS: &[&str] = &["from", "by", "in", "at", "on", "to", "into", "with"];

/// A sentence's clauses, each a claim of its own and a verbatim slice of
/// the sentence: split at semicolons, at "but", at ", and" before a new
/// clause, at ", with …", and before a participle tail ("…, making it the
/// longest …", "…, drawn from 14 countries"). Never inside a quotation;
/// a piece of fewer than three words stays with the one before.
fn clauses(sentence: &str) -> Vec<&str> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for i in super::unquoted(sentence) {
        if let Some(next) = clause_break(sentence, i) {
            cuts.push((i, next));
        }
    }
    let mut out: Vec<&str> = Vec::new();
    let mut start = 0;
    for (end, next) in cuts.into_iter().chain([(sentence.len(), sentence.len())]) {
        let piece = sentence[start..end].trim().trim_end_matches(',').trim();
        if piece.split_whitespace().count() < 3 && end < sentence.len() {
            // Too short to be a claim: it stays with the next piece.
            continue;
        }
        if piece.split_whitespace().count() < 3
            && let Some(last) = out.pop()
        {
            // The last piece, too short: back with the one before.
            let from = last.as_ptr() as usize - sentence.as_ptr() as usize;
            out.push(sentence[from..end].trim().trim_end_matches(',').trim());
        } else if !piece.is_empty() {
            out.push(piece);
        }
        start = next;
    }
    out
}

/// Where a new clause starts if one starts at byte `i`: after "; ", at
/// "but", after ", and " before a clause opener, at ", with", at a
/// participle tail.
fn clause_break(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    if rest.starts_with("; ") {
        return Some(i + 2);
    }
    if rest.starts_with(" but ") {
        return Some(i + 5);
    }
    let after = rest.strip_prefix(", ")?;
    let mut words = after.split_whitespace();
    let first = words.next()?;
    let second = words.next().unwrap_or("");
    let opens = |w: &str| {
        CLAUSE_OPENERS.contains(&w)
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let lower = first.chars().all(|c| c.is_ascii_lowercase());
    if first == "and" && opens(second) {
        return Some(i + 6);
    }
    let gerund = lower && first.len() > 5 && first.ends_with("ing");
    let participle = lower
        && (first.ends_with("ed") || lang::lexicon::base_form(first).is_some())
        && TAIL_PREPOSITIONS.contains(&second);
    let tail = (gerund && !NOT_PARTICIPLES.contains(&first)) || participle;
    if first == "with" || (tail && !after_apposed_figure(&s[..i])) {
        return Some(i + 2);
    }
    None
}

/// "Most of the money, £31 million, came from …": a figure set off by
/// commas just before; what follows is the sentence's verb, no tail.
fn after_apposed_figure(before: &str) -> bool {
    let Some(comma) = before.rfind(", ") else {
        return false;
    };
    let apposed = &before[comma + 2..];
    apposed.split_whitespace().count() <= 4
        && apposed
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || !c.is_alphanumeric())
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
    let s = without_dateline(&s);
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

/// "BREST, France, May 2, 2025 — Divers raised the hull on Tuesday": a
/// dateline tells where and when the report was filed; when the claim
/// gives its own time, the statement is what follows the dateline (the
/// quote keeps it). Without one, the dateline's date is the claim's.
fn without_dateline(s: &str) -> &str {
    let Some((head, rest)) = [" — ", " – ", " -- "].iter().find_map(|d| s.split_once(d)) else {
        return s;
    };
    let place = head.split(',').next().unwrap_or("");
    let capitals = place.chars().any(char::is_alphabetic)
        && (place.chars()).all(|c| !c.is_alphabetic() || c.is_uppercase());
    let dateline = head.len() <= 80 && head.contains(',') && capitals;
    let own_time = lang::tokenize(rest).iter().any(|t| {
        lang::weekday_of(&t.text).is_some()
            || lang::month_of(&t.text).is_some()
            || (t.kind == lang::TokKind::Number && t.text.len() == 4)
    });
    if dateline && own_time && rest.split_whitespace().count() >= 3 {
        rest
    } else {
        s
    }
}

/// The fact for one clause, or nothing when it makes no claim.
/// `statement` is the clause's when its quote does not read as one
/// ("Ola Berg, 71, whose house flooded" says "Ola Berg's house flooded").
fn fact(
    bank: &Bank,
    reader: &Verifier,
    quote: &str,
    statement: Option<String>,
    ctx: &Context,
) -> Option<Fact> {
    // A person's role ("Ola Berg is the port's engineer") names what the
    // claim is about: its names count as words.
    let rewritten = statement.is_some();
    let statement = statement.unwrap_or_else(|| statement_of(quote));
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
        .filter_map(|q| bank_value(&a, q, ctx))
        .chain(slot_values(bank, &a))
        .collect();
    let names = if rewritten { a.mentions.len() } else { 0 };
    if a.words.len() + names < 3 && values.is_empty() {
        return None;
    }
    let mut entities: Vec<String> = Vec::new();
    for m in &a.mentions {
        let id = &bank.entities[m.entity].id;
        if !entities.contains(id) {
            entities.push(id.clone());
        }
    }
    if let Some((id, nouns)) = &ctx.subject
        && !entities.contains(id)
        && nouns.iter().any(|n| super::subject::speaks_of(quote, n))
    {
        entities.push(id.clone());
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
    let mut words: Vec<String> = a
        .words
        .iter()
        .map(|&k| a.tokens[k].text.to_string())
        .collect();
    if a.tokens
        .iter()
        .any(|t| ctx.subject_alias.contains(&t.text.to_string()))
    {
        for w in &ctx.subject_alias {
            if a.tokens.iter().any(|t| t.text == *w) && !words.contains(w) {
                words.push(w.clone());
            }
        }
    }
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

/// The clause's content words, then the words the lexical database
/// relates to them (synonyms, derivations, the base of an irregular
/// form), so that a statement may say the claim in other words
/// ("started" for "began"). The verifier stems every word, so no
/// inflections are added here.
fn keywords(words: &[String]) -> Vec<String> {
    use crate::lang::lexicon;
    let mut out: Vec<String> = Vec::new();
    let mut add = |w: &str| {
        if w.len() > 2 && !w.contains('_') && !lang::is_stopword(w) && !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    };
    let plain: Vec<&String> = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_alphabetic()))
        .collect();
    for w in &plain {
        add(w);
    }
    for w in &plain {
        for base in lemmas(w) {
            for r in lexicon::synonyms(&base).chain(lexicon::derivations(&base)) {
                add(r);
            }
        }
    }
    out
}

/// The dictionary forms a word may be: itself, the base of an irregular
/// form ("began": "begin"), and the word without a regular ending
/// ("lifted": "lift", "crews": "crew", "completed": "complete").
fn lemmas(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if let Some(b) = lang::lexicon::base_form(word) {
        out.push(b.to_string());
    }
    for end in ["ed", "ing", "es", "s"] {
        if let Some(b) = word.strip_suffix(end).filter(|b| b.len() >= 3) {
            out.push(b.to_string());
            out.push(format!("{b}e"));
            // "stopped": "stop".
            if b.len() >= 4 && b.as_bytes()[b.len() - 1] == b.as_bytes()[b.len() - 2] {
                out.push(b[..b.len() - 1].to_string());
            }
        }
    }
    out.retain(|w| lang::lexicon::is_word(w));
    out.dedup();
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
    // A place slot only when the clause fills it once: with two places
    // ("the longest in A and the third in B") a statement naming the
    // other one is no different claim.
    let places: Vec<&crate::verify::Mention> = a
        .mentions
        .iter()
        .filter(|m| (m.locative && !m.people && kind(m).is_place()) || dateline(m))
        .collect();
    let distinct =
        |list: &[&crate::verify::Mention]| list.iter().all(|m| m.entity == list[0].entity);
    if let Some(m) = places.first().filter(|_| distinct(&places)) {
        out.push(bank::Value::Place {
            entity: bank.entities[m.entity].id.clone(),
            text: a.text(m.first, m.last).to_string(),
            role: bank::Role::Claim,
        });
    }
    // The first person named fills the person slot even beside another:
    // "B invited A" then reads as a different claim, never as the fact's.
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
    // "on the 14th" names no month: no date a bank can hold.
    if d.day.is_some() && d.month.is_none() {
        return None;
    }
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
        Cmp::Le | Cmp::UpTo => (false, Some(Bound::Le)),
        Cmp::Exact | Cmp::Precisely => (false, None),
    }
}

/// A value read from the statement, as the bank writes it; `None` when
/// it cannot be written (an ambiguous date, money without a currency).
fn bank_value(a: &Analysis, q: &Quantity, ctx: &Context) -> Option<bank::Value> {
    use bank::Value as B;
    let text = a.text(q.first, q.last).to_string();
    // A plan's value ("due to open in December") frames the fact.
    let planned = (a.tokens.iter()).any(|t| t.is(lang::CLASS_PLAN_WORDS));
    let role = if planned {
        bank::Role::Scope
    } else {
        bank::Role::Claim
    };
    let (approx, bound) = bound(q.cmp);
    Some(match &q.kind {
        Value::Date { date, alt: None } => B::Date {
            value: iso(date, ctx.year)?,
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
            currency: match currency {
                Some(c) => c.to_string(),
                None => ctx.currency(&a.tokens[q.last - 1].text)?.to_string(),
            },
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
        // "on Monday": the Monday of the article's week, as a date.
        Value::Weekday { day } => B::Date {
            value: iso(
                &date::last_weekday(ctx.published.as_ref()?, *day)?,
                ctx.year,
            )?,
            text,
            role,
        },
        Value::Place { .. } | Value::Person { .. } => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pronoun_after_a_paragraph_about_the_subject_stands_for_it() {
        let text = "Machines meet as Ola Ridge rail tunnel breaks through\n\nBREST, 2 May 2025 — Engineers building the Ola Ridge Base Tunnel broke through on Tuesday.\n\nOnce open, the tunnel will cut the trip to 48 minutes. Trains will run every hour.\n\nIt will be only the second base tunnel in the country, after the 19-kilometre Norby Tunnel.\n\nIt rained in Sudby on 3 May, the weather office said.\n";
        let (bank, _) = crate::draft::draft(text, &Default::default()).expect("a bank");
        let lists = |word: &str| {
            let f = (bank.facts.iter())
                .find(|f| f.quote.contains(word))
                .unwrap_or_else(|| panic!("no fact quoting {word}"));
            f.entities.iter().any(|e| e == "ola-ridge-base-tunnel")
        };
        assert!(lists("Once open"), "the tunnel");
        assert!(
            lists("second base tunnel"),
            "a pronoun the paragraph before explains"
        );
        assert!(!lists("rained"), "a pronoun two paragraphs on");
        let tunnel = bank
            .entities
            .iter()
            .find(|e| e.id == "ola-ridge-base-tunnel")
            .unwrap();
        assert!(
            tunnel.aliases.iter().any(|a| a == "Ola Ridge"),
            "{:?}",
            tunnel.aliases
        );
    }

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
            // A dateline is the report's, not the claim's.
            (
                "BREST, France, May 2, 2025 — Divers raised the hull on Tuesday",
                "Divers raised the hull on Tuesday.",
            ),
            // Without a time of its own, the claim keeps the dateline's.
            (
                "BREST, France, May 2, 2025 — Divers raised the hull",
                "BREST, France, May 2, 2025 — Divers raised the hull.",
            ),
            // Not a dashed aside, nor a place not in capitals.
            (
                "The hull — oak, not pine — was raised",
                "The hull — oak, not pine — was raised.",
            ),
            (
                "Brest, France — divers raised the hull",
                "Brest, France — divers raised the hull.",
            ),
        ] {
            assert_eq!(statement_of(quote), want);
        }
    }

    #[test]
    fn sentences_split_into_one_clause_per_claim() {
        for (sentence, want) in [
            (
                "It rained all day; we stayed in.",
                vec!["It rained all day", "we stayed in."],
            ),
            (
                "The hall opened in 2001, and the city paid for it.",
                vec!["The hall opened in 2001", "the city paid for it."],
            ),
            (
                "They bought apples, pears, and plums.",
                vec!["They bought apples, pears, and plums."],
            ),
            (
                "The tower is 300 metres tall, making it the tallest in the region.",
                vec![
                    "The tower is 300 metres tall",
                    "making it the tallest in the region.",
                ],
            ),
            (
                "It employed 900 workers, drawn from 12 countries.",
                vec!["It employed 900 workers", "drawn from 12 countries."],
            ),
            (
                "Most of it, £31 million, came from the state.",
                vec!["Most of it, £31 million, came from the state."],
            ),
            (
                "Half is paid by the state, with the rest from tolls.",
                vec!["Half is paid by the state", "with the rest from tolls."],
            ),
            (
                "It is the largest, according to the agency.",
                vec!["It is the largest, according to the agency."],
            ),
            (
                "\"We stayed, and the rain stopped,\" she said.",
                vec!["\"We stayed, and the rain stopped,\" she said."],
            ),
        ] {
            assert_eq!(clauses(sentence), want, "{sentence}");
        }
    }
}
