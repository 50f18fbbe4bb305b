//! `factcheck bank draft`: a complete bank from an article's text, in
//! stages, each in its own file:
//!
//! 1. [`names`]: entities from capitalised spans, acronyms, surnames and
//!    the world tables;
//! 2. [`facts`]: one fact per claim-bearing sentence or clause, its quote
//!    verbatim, its values read by the value kinds;
//! 3. [`settle`]: facts the verifier cannot support in their own words
//!    lose their subject, then go;
//! 4. [`questions`]: open, choice and true/false questions, each
//!    true/false kept only when the verifier agrees with its answer.
//!
//! Uses only the layers below the commands: bank, lang, values, verify.

mod facts;
mod names;
mod questions;
mod relative;
mod settle;
mod subject;

use crate::bank::{Bank, Lexicon, PartialDate, SCHEMA_VERSION, Source};
use crate::lang;

/// What the author gives besides the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub title: Option<String>,
    /// `YYYY-MM-DD`; else the first full date in the article.
    pub date: Option<String>,
    /// The article's file name, kept in `source.file`.
    pub file: Option<String>,
    /// Varies the distractors; the same seed gives the same bank.
    pub seed: u64,
}

/// What was drafted and what could not be, for the summary on stderr.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub entities: usize,
    pub facts: usize,
    pub typed_facts: usize,
    pub open: usize,
    pub choice: usize,
    pub truefalse: usize,
    /// Facts without a typed value (true/false questions only).
    pub untyped: Vec<String>,
    /// Sentences left out: no claim found, or verify could not support them.
    pub left_out: Vec<String>,
    /// True/false statements made and dropped because verify disagreed.
    pub dropped_statements: usize,
}

/// Why an article cannot be drafted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    NoDate,
    BadDate(String),
    NoFacts,
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftError::NoDate => write!(
                f,
                "the article gives no full date to take as its own; pass --date YYYY-MM-DD"
            ),
            DraftError::BadDate(d) => {
                write!(f, "--date \"{d}\" is not a date of the form YYYY-MM-DD")
            }
            DraftError::NoFacts => write!(
                f,
                "no sentence of the article makes a claim verify can check; is it prose in English?"
            ),
        }
    }
}

/// Drafts a bank from an article's text.
pub fn draft(text: &str, opts: &Options) -> Result<(Bank, Summary), DraftError> {
    let sentences = lang::sentences(text);
    let date = article_date(text, opts)?;
    let mut entities = names::find(text, &sentences).entities;
    let subject = subject::attach(text, &sentences, &mut entities);
    let mut bank = Bank {
        schema: None,
        schema_version: SCHEMA_VERSION,
        source: Source {
            title: title(text, &sentences, opts),
            date: date.clone(),
            url: None,
            publisher: None,
            file: opts.file.clone(),
            language: Some("en".into()),
            text: text.to_string(),
        },
        entities,
        named_dates: Vec::new(),
        lexicon: Lexicon::default(),
        facts: Vec::new(),
        questions: Vec::new(),
        ids: Default::default(),
    };
    let year = PartialDate::parse_iso(&date).and_then(|d| d.year);
    let mut summary = Summary::default();
    let mut ctx = facts::Context::new(text, year);
    ctx.published = PartialDate::parse_iso(&date);
    if let Some(s) = subject {
        ctx.subject_alias = s.alias.split_whitespace().map(String::from).collect();
        ctx.subject = Some((bank.entities[s.entity].id.clone(), s.nouns));
    }
    bank.facts = facts::draft(&bank, &sentences, &ctx, &mut summary);
    settle::settle(&mut bank, &mut summary);
    if bank.facts.is_empty() {
        return Err(DraftError::NoFacts);
    }
    bank.questions = questions::draft(&bank, opts.seed, &mut summary);
    bank.index_ids();
    summary.entities = bank.entities.len();
    summary.facts = bank.facts.len();
    summary.typed_facts = bank.facts.iter().filter(|f| !f.values.is_empty()).count();
    summary.untyped = bank
        .facts
        .iter()
        .filter(|f| f.values.is_empty())
        .map(|f| f.id.clone())
        .collect();
    Ok((bank, summary))
}

/// The title given, else the first line when it reads as a heading, else
/// the first words of the article.
fn title(text: &str, sentences: &[lang::Sentence], opts: &Options) -> String {
    if let Some(t) = &opts.title {
        return t.clone();
    }
    match sentences.first() {
        Some(s) if s.heading => text[s.start..s.end].trim().to_string(),
        Some(s) => {
            let words: Vec<&str> = text[s.start..s.end].split_whitespace().take(8).collect();
            words
                .join(" ")
                .trim_end_matches(['.', ',', ';', ':'])
                .to_string()
        }
        None => "Untitled article".into(),
    }
}

/// The date given, else the article's first `YYYY-MM-DD` or full date.
fn article_date(text: &str, opts: &Options) -> Result<String, DraftError> {
    if let Some(d) = &opts.date {
        return match PartialDate::parse_iso(d) {
            Some(p) if p.day.is_some() => Ok(d.clone()),
            _ => Err(DraftError::BadDate(d.clone())),
        };
    }
    let gaz = lang::Gazetteer::new();
    let tokens = lang::tokenize(text);
    let used = vec![false; tokens.len()];
    for i in 0..tokens.len() {
        if let Some(q) = crate::values::read_quantity(&tokens, &used, i, &gaz)
            && let crate::values::Value::Date { date, alt: None } = q.kind
            && let (Some(y), Some(m), Some(d)) = (date.year, date.month, date.day)
        {
            return Ok(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    Err(DraftError::NoDate)
}

/// An id from words: lower case, ASCII letters and digits, hyphens.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if let Some(t) = ascii_of(c) {
            out.push_str(t);
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty()
            && !out.ends_with('-')
            && (c.is_whitespace() || "-_/.,".contains(c))
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A Latin letter with a mark, as ASCII lower case ("í" → "i", "ß" →
/// "ss"); `None` for ASCII and for letters without a plain form.
fn ascii_of(c: char) -> Option<&'static str> {
    const FOLDS: &[(&str, &str)] = &[
        ("àáâãäåāăą", "a"),
        ("çćĉċč", "c"),
        ("ďđð", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ţťŧț", "t"),
        ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("æ", "ae"),
        ("œ", "oe"),
        ("ß", "ss"),
        ("þ", "th"),
    ];
    if c.is_ascii() {
        return None;
    }
    let lower = c.to_lowercase().next()?;
    FOLDS
        .iter()
        .find(|(from, _)| from.contains(lower))
        .map(|&(_, to)| to)
}

/// A letter's plain ASCII lower-case form when it has one of one letter
/// ("É" → 'e'), else the letter in lower case.
pub(crate) fn ascii_letter(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match ascii_of(lower) {
        Some(t) if t.len() == 1 => t.chars().next().unwrap_or(lower),
        _ => lower,
    }
}

/// The byte offsets of `text`'s characters outside quotation marks
/// (straight or curly): where a clause may break.
pub(crate) fn unquoted(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut quoted = false;
    text.char_indices().filter_map(move |(i, c)| {
        match c {
            '"' => quoted = !quoted,
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            _ => {}
        }
        (!quoted).then_some(i)
    })
}
