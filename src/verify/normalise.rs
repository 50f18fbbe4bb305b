//! Turning text into tokens and typed quantities: numbers in digits or
//! words, ordinals, money, dates of any common form, comparatives.
//! Everything here is general English; what a bank adds (entity aliases,
//! named dates) arrives through [`Gazetteer`].

use std::sync::OnceLock;

pub use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

/// A word or stem: short ones are stored inline, without allocating.
pub type Word = CompactString;

use super::lexicon::{self, Cmp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Symbol,
}

#[derive(Debug, Clone)]
pub struct Token {
    /// Lower-cased, without dots or possessive `'s`. Short words live
    /// inline: no allocation for most tokens.
    pub text: CompactString,
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// First letter upper-case in the original.
    pub cap: bool,
    /// Every letter upper-case (and at least two of them).
    pub upper: bool,
    /// Glued to the previous token (`112th`, `35M`).
    pub attached: bool,
    /// Written with a possessive `'s` or `s'`.
    pub possessive: bool,
    pub sentence_start: bool,
}

impl Token {
    /// A number or symbol token: its text as written.
    fn plain(
        s: &str,
        start: usize,
        end: usize,
        kind: TokKind,
        prev_end: usize,
        sentence_start: bool,
    ) -> Token {
        Token {
            text: CompactString::from(&s[start..end]),
            start,
            end,
            kind,
            cap: false,
            upper: false,
            attached: prev_end == start,
            possessive: false,
            sentence_start,
        }
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | ':')
}

/// The character at byte `i` and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some((b as char, 1))
    } else {
        s.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
    }
}

/// Splits text into words, numbers and currency symbols. Hyphenated words
/// become their parts, `n't` becomes `not`, `'s` is dropped, and the dots of
/// abbreviations go (`U.S.` → `us`). One pass over the bytes; only non-ASCII
/// characters are decoded.
pub fn tokenize(s: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(s.len() / 6 + 1);
    let mut i = 0;
    let mut sentence_start = true;
    let mut prev_end = usize::MAX;
    let is_digit = |j: usize| s.as_bytes().get(j).is_some_and(u8::is_ascii_digit);
    let is_alnum = |j: usize| char_at(s, j).is_some_and(|(c, _)| c.is_alphanumeric());
    let is_alpha = |j: usize| char_at(s, j).is_some_and(|(c, _)| c.is_alphabetic());
    while let Some((c, len)) = char_at(s, i) {
        let start = i;
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while let Some(&d) = s.as_bytes().get(j) {
                if d.is_ascii_digit() {
                    j += 1;
                } else if matches!(d, b',' | b'.' | b'/' | b'-' | b':') && is_digit(j + 1) {
                    j += 2;
                } else {
                    break;
                }
            }
            out.push(Token::plain(
                s,
                start,
                j,
                TokKind::Number,
                prev_end,
                sentence_start,
            ));
            sentence_start = false;
            prev_end = j;
            i = j;
        } else if c.is_alphabetic() {
            let mut j = i + len;
            let mut seg_len = 1;
            while let Some((d, dl)) = char_at(s, j) {
                if d.is_alphanumeric() {
                    j += dl;
                    seg_len += 1;
                } else if matches!(d, '\'' | '’' | '-' | '‐') && is_alnum(j + dl) {
                    j += dl;
                    seg_len = 0;
                } else if d == '.' && seg_len == 1 && is_alpha(j + 1) {
                    // An abbreviation made of single letters: U.S., U.N.
                    j += 1;
                    seg_len = 0;
                } else {
                    break;
                }
            }
            push_word(
                &mut out,
                &s[start..j],
                start,
                prev_end == start,
                sentence_start,
            );
            sentence_start = false;
            prev_end = j;
            i = j;
        } else if matches!(c, '$' | '€' | '£' | '¥' | '₩' | '~' | '%') {
            let end = start + len;
            out.push(Token::plain(
                s,
                start,
                end,
                TokKind::Symbol,
                prev_end,
                sentence_start,
            ));
            sentence_start = false;
            prev_end = end;
            i = end;
        } else {
            if is_sentence_end(c) {
                sentence_start = true;
            }
            i += len;
        }
    }
    out
}

/// Adds one word run, split at hyphens, with contractions resolved.
fn push_word(out: &mut Vec<Token>, raw: &str, offset: usize, attached: bool, sentence: bool) {
    // Fast path: a plain ASCII word, most of any text.
    if raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let b = raw.as_bytes();
        let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
        let uppers = b.iter().filter(|c| c.is_ascii_uppercase()).count();
        let mut text = CompactString::from(raw);
        text.make_ascii_lowercase();
        let kind = if letters == 0 {
            TokKind::Number
        } else {
            TokKind::Word
        };
        out.push(Token {
            text,
            start: offset,
            end: offset + raw.len(),
            kind,
            cap: b
                .iter()
                .find(|c| c.is_ascii_alphabetic())
                .is_some_and(u8::is_ascii_uppercase),
            upper: letters >= 2 && uppers == letters,
            attached,
            possessive: false,
            sentence_start: sentence,
        });
        return;
    }
    let first_cap = raw.chars().next().is_some_and(char::is_uppercase);
    let mut part_start = 0;
    let mut first = true;
    // Split at hyphens without collecting: most words have none.
    let ends = raw
        .char_indices()
        .filter(|&(_, ch)| ch == '-' || ch == '‐')
        .map(|(k, ch)| (k, k + ch.len_utf8()))
        .chain(std::iter::once((raw.len(), raw.len())));
    for (end, next) in ends {
        let (a, b) = (part_start, end);
        part_start = next;
        let part = &raw[a..b];
        if part.is_empty() {
            continue;
        }
        let (mut n_letters, mut n_upper) = (0usize, 0usize);
        let mut first_letter_upper = None;
        // "ROK's" is still in capitals: the possessive does not count.
        let stem_part = part
            .strip_suffix("'s")
            .or_else(|| part.strip_suffix("’s"))
            .unwrap_or(part);
        for c in stem_part.chars().filter(|c| c.is_alphabetic()) {
            n_letters += 1;
            let up = c.is_uppercase();
            n_upper += usize::from(up);
            first_letter_upper.get_or_insert(up);
        }
        // "Geun-hye": the later parts of a capitalised name belong to it.
        let cap = first_letter_upper == Some(true) || (!first && first_cap);
        let upper = n_letters >= 2 && n_upper == n_letters;
        let plain = part.bytes().all(|b| b.is_ascii_alphanumeric());
        let mut lower: CompactString = if plain {
            let mut l = CompactString::from(part);
            l.make_ascii_lowercase();
            l
        } else {
            part.chars()
                .filter(|&c| c != '.')
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        };
        let mut negated = false;
        let mut possessive = false;
        if !plain {
            if let Some(base) = lower.strip_suffix("n't") {
                negated = true;
                lower = match base {
                    "ca" => "can".into(),
                    "wo" => "will".into(),
                    "sha" => "shall".into(),
                    _ => CompactString::from(base),
                };
            } else if let Some(base) = lower.strip_suffix("'s") {
                lower.truncate(base.len());
                possessive = true;
            }
        }
        let kind = if lower.bytes().all(|c| c.is_ascii_digit()) {
            TokKind::Number
        } else {
            TokKind::Word
        };
        out.push(Token {
            text: lower,
            start: offset + a,
            end: offset + b,
            kind,
            cap,
            upper,
            attached: attached && first,
            possessive,
            sentence_start: sentence && first,
        });
        if negated {
            out.push(Token {
                text: CompactString::const_new("not"),
                start: offset + b,
                end: offset + b,
                kind: TokKind::Word,
                cap: false,
                upper: false,
                attached: true,
                possessive: false,
                sentence_start: false,
            });
        }
        first = false;
    }
}

/// A light English stemmer: enough to meet inflections (ties/tie,
/// established/establish, quietly/quiet) at a few dozen instructions a word.
pub fn stem(word: &str) -> CompactString {
    let mut w = CompactString::from(word);
    let n = w.len();
    if !w.is_ascii() || n <= 3 {
        return w;
    }
    if n > 4 && (w.ends_with("ies") || w.ends_with("ied")) {
        w.truncate(n - 3);
        w.push('y');
        return w;
    }
    if w.ends_with("sses") {
        w.truncate(n - 2);
    } else if w.ends_with("ing") && n > 5 {
        w.truncate(n - 3);
        undouble(&mut w);
    } else if w.ends_with("ed") && n > 4 {
        w.truncate(n - 2);
        undouble(&mut w);
    } else if w.ends_with("ly") && n > 5 {
        w.truncate(n - 2);
    } else if w.ends_with("ment") && n > 8 {
        // announcement/announce, establishment/establish
        w.truncate(n - 4);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.truncate(n - 1);
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

fn undouble(w: &mut CompactString) {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e' | b'o') {
        w.pop();
    }
}

/// A date to the precision it was given: `2019`, `June 2019`,
/// `14 February` (any year) or a full day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the bank's form).
    pub fn parse_iso(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        if !(1..=9999).contains(&year) || s.len() < 4 {
            return None;
        }
        let month = match parts.next() {
            Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => {
                let m = month?;
                Some(d.parse::<u8>().ok().filter(|d| valid_day(year, m, *d))?)
            }
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate {
            year: Some(year),
            month,
            day,
        })
    }

    /// How `self`, a claim, stands to `fact`: every part the claim gives
    /// must equal the fact's; a part the fact lacks cannot be checked.
    pub fn relation(&self, fact: &PartialDate) -> Rel {
        let mut unknown = false;
        for (c, f) in [
            (self.year, fact.year),
            (self.month.map(i32::from), fact.month.map(i32::from)),
            (self.day.map(i32::from), fact.day.map(i32::from)),
        ] {
            match (c, f) {
                (Some(c), Some(f)) if c != f => return Rel::Mismatch,
                (Some(_), None) => unknown = true,
                _ => {}
            }
        }
        if unknown { Rel::Unknown } else { Rel::Match }
    }

    pub fn display(&self) -> String {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = self.month.map(|m| NAMES[usize::from(m.clamp(1, 12)) - 1]);
        match (self.day, month, self.year) {
            (Some(d), Some(m), Some(y)) => format!("{d} {m} {y}"),
            (Some(d), Some(m), None) => format!("{d} {m}"),
            (None, Some(m), Some(y)) => format!("{m} {y}"),
            (None, Some(m), None) => m.to_string(),
            (_, _, Some(y)) => y.to_string(),
            _ => String::new(),
        }
    }
}

fn valid_day(year: i32, month: u8, day: u8) -> bool {
    let max = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=max).contains(&day)
}

/// The outcome of comparing one claimed value with the fact's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    Match,
    Mismatch,
    /// Neither follows: too fine a date, a bound at the edge of "about".
    Unknown,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QKind {
    /// A numeric date; `alt` is the other reading of an ambiguous `05/02/2019`.
    Date {
        date: PartialDate,
        alt: Option<PartialDate>,
    },
    /// "the 1950s": ten years from `start`.
    Decade {
        start: i32,
    },
    Ordinal {
        value: u64,
    },
    Count {
        value: f64,
    },
    Money {
        value: f64,
        currency: Option<&'static str>,
    },
    Percent {
        value: f64,
    },
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quantity {
    pub kind: QKind,
    pub cmp: Cmp,
    /// Token range, comparator included.
    pub first: usize,
    pub last: usize,
    /// A lone small number word ("the two countries", "one of the few"):
    /// ignored unless the fact has a value it could be compared with.
    pub small: bool,
}

/// Compares a claimed amount with the fact's, each an interval: "about"
/// widens a value by [`lexicon::APPROX_TOLERANCE`], bounds are half-lines.
pub fn amount_relation(x: f64, cmp: Cmp, v: f64, fact_approx: bool) -> Rel {
    let t = lexicon::APPROX_TOLERANCE;
    let (lo, hi) = if fact_approx {
        (v * (1.0 - t), v * (1.0 + t))
    } else {
        (v, v)
    };
    let eq = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    let pick = |yes: bool, no: bool| {
        if yes {
            Rel::Match
        } else if no {
            Rel::Mismatch
        } else {
            Rel::Unknown
        }
    };
    match cmp {
        Cmp::Precisely if fact_approx => pick(false, x < lo || x > hi),
        Cmp::Exact | Cmp::Approx | Cmp::Precisely if eq(x, v) => Rel::Match,
        Cmp::Exact | Cmp::Precisely if !fact_approx => Rel::Mismatch,
        Cmp::Exact | Cmp::Precisely => pick(false, x < lo || x > hi),
        Cmp::Approx if !fact_approx => pick((v - x).abs() <= t * x.abs(), true),
        Cmp::Approx => pick(false, (v - x).abs() > t * v.abs()),
        Cmp::Gt => pick(lo > x, hi <= x),
        Cmp::Ge => pick(lo >= x, hi < x),
        Cmp::Lt => pick(hi < x, lo >= x),
        Cmp::Le => pick(hi <= x, lo > x),
    }
}

/// Parses a run of digits with thousands separators or a decimal point.
pub fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(['/', '-', ':']) {
        return None;
    }
    let commas = s.matches(',').count();
    let cleaned: String = if commas > 0 {
        // Thousands separators must sit between groups of three digits.
        let groups: Vec<&str> = s.split('.').next()?.split(',').collect();
        if groups.iter().skip(1).any(|g| g.len() != 3) || groups[0].is_empty() {
            return None;
        }
        s.replace(',', "")
    } else {
        s.to_string()
    };
    if cleaned.matches('.').count() > 1 {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads `2019-06-23`, `2019/06/23`, `23/06/2019`, `06/23/2019`, `23.06.2019`.
/// A day-month order that cannot be told apart yields both readings.
pub fn parse_numeric_date(s: &str) -> Option<(PartialDate, Option<PartialDate>)> {
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let nums: Vec<i32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let mk = |y: i32, m: i32, d: i32| -> Option<PartialDate> {
        let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
        ((1..=12).contains(&m) && valid_day(y, m, d)).then_some(PartialDate {
            year: Some(y),
            month: Some(m),
            day: Some(d),
        })
    };
    if parts[0].len() == 4 {
        return mk(nums[0], nums[1], nums[2]).map(|d| (d, None));
    }
    if parts[2].len() != 4 {
        return None;
    }
    let dmy = mk(nums[2], nums[1], nums[0]);
    let mdy = mk(nums[2], nums[0], nums[1]);
    match (dmy, mdy) {
        (Some(a), Some(b)) if a != b => Some((a, Some(b))),
        (Some(a), _) => Some((a, None)),
        (None, Some(b)) => Some((b, None)),
        (None, None) => None,
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

pub fn month_of(word: &str) -> Option<u8> {
    lookup(lexicon::MONTHS, word)
}

fn word_set(words: &'static [&'static str]) -> rustc_hash::FxHashSet<&'static str> {
    words.iter().copied().collect()
}

pub fn is_stopword(word: &str) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&str>> = OnceLock::new();
    SET.get_or_init(|| word_set(lexicon::STOPWORDS))
        .contains(word)
}

pub fn is_negation(word: &str) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&str>> = OnceLock::new();
    SET.get_or_init(|| word_set(lexicon::NEGATIONS))
        .contains(word)
}

/// Negations in a token list, leaving out those that belong to a
/// comparative ("no more than", "not less than"), as [`analyse`] does.
pub fn negation_count(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .enumerate()
        .filter(|(k, t)| {
            is_negation(&t.text)
                && !(matches!(t.text.as_str(), "no" | "not")
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.text.as_str(), "more" | "less" | "fewer")))
        })
        .count()
}

/// One way of naming an entity.
#[derive(Debug)]
struct Alias {
    words: Vec<Word>,
    entity: usize,
    /// Only matches when written in capitals.
    acronym: bool,
    /// Names the entity's people ("Danes"), not the entity itself.
    people: bool,
}

/// What a bank contributes to reading a statement: its names and named dates.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// First token of an alias → (alias tokens, entity index, acronym?),
    /// longest alias first.
    aliases: HashMap<Word, Vec<Alias>>,
    /// Named dates as token sequences.
    named_dates: Vec<(Vec<Word>, u8, u8)>,
    /// Every word that can begin a quantity, for a one-lookup test.
    starters: rustc_hash::FxHashSet<Word>,
    /// Every word of every alias.
    words: rustc_hash::FxHashSet<Word>,
    /// Comparative phrases by their first word, longest first.
    comparators: HashMap<&'static str, Vec<(&'static [&'static str], Cmp)>>,
}

impl Gazetteer {
    pub fn new() -> Self {
        let mut starters = rustc_hash::FxHashSet::default();
        let tables = [lexicon::UNITS, lexicon::TENS, lexicon::ORDINAL_UNITS];
        for w in tables.iter().flat_map(|t| t.iter().map(|(w, _)| *w)) {
            starters.insert(Word::from(w));
        }
        let words = lexicon::MONTHS.iter().map(|(w, _)| *w).chain(
            lexicon::CURRENCY_WORDS
                .iter()
                .map(|(w, _)| *w)
                .chain(lexicon::CURRENCY_QUALIFIERS.iter().copied())
                .chain(lexicon::COMPARATORS.iter().map(|(p, _)| p[0]))
                .chain(lexicon::RELATIVE_MONTH.iter().copied())
                .chain(["a", "hundred", "thousand", "million", "billion", "trillion"]),
        );
        for w in words {
            starters.insert(Word::from(w));
        }
        let mut comparators: HashMap<&'static str, Vec<(&'static [&'static str], Cmp)>> =
            HashMap::default();
        for &(phrase, c) in lexicon::COMPARATORS {
            comparators.entry(phrase[0]).or_default().push((phrase, c));
        }
        for list in comparators.values_mut() {
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        let mut gaz = Gazetteer {
            starters,
            comparators,
            ..Self::default()
        };
        for (name, month, day) in lexicon::NAMED_DATES {
            gaz.add_named_date(name, *month, *day);
        }
        gaz
    }

    /// Adds a name of an entity; `people` marks a name of its people
    /// ("Norwegians").
    pub fn add_alias(&mut self, alias: &str, entity: usize, people: bool) {
        let toks: Vec<Word> = tokenize(alias)
            .into_iter()
            .map(|t| t.text)
            .filter(|t| t != "the")
            .collect();
        let Some(first) = toks.first() else {
            return;
        };
        for t in &toks {
            if !self.words.contains(t) {
                self.words.insert(t.clone());
            }
        }
        // A short all-capitals alias (UN, US) only matches capitals, so
        // that the pronoun "us" is not a country.
        let (letters, upper) = alias
            .chars()
            .filter(|c| c.is_alphabetic())
            .fold((0, 0), |(n, u), c| {
                (n + 1, u + usize::from(c.is_uppercase()))
            });
        let acronym = letters <= 4 && upper == letters;
        if !self.aliases.contains_key(first) {
            self.aliases.insert(first.clone(), Vec::new());
        }
        let list = self.aliases.get_mut(first).expect("just inserted");
        if list.iter().any(|x| x.entity == entity && x.words == toks) {
            return;
        }
        // Longest alias first, so that "North X" wins over "X".
        let pos = list
            .iter()
            .position(|x| x.words.len() < toks.len())
            .unwrap_or(list.len());
        list.insert(
            pos,
            Alias {
                words: toks,
                entity,
                acronym,
                people,
            },
        );
    }

    /// Whether the word is part of some alias.
    pub fn knows(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    pub fn add_named_date(&mut self, name: &str, month: u8, day: u8) {
        let toks: Vec<Word> = tokenize(name).into_iter().map(|t| t.text).collect();
        if let Some(first) = toks.first() {
            self.starters.insert(first.clone());
            self.named_dates.push((toks, month, day));
        }
        self.named_dates
            .sort_by_key(|(t, _, _)| std::cmp::Reverse(t.len()));
    }
}

/// A name from the bank found in a statement.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Mention {
    pub entity: usize,
    pub first: usize,
    pub last: usize,
    /// After "in"/"at": a place slot.
    pub locative: bool,
    /// The entity's people ("Danes") rather than the entity.
    pub people: bool,
    /// Written as a possessive ("Norway's").
    pub possessive: bool,
}

/// A statement read into what the verifier compares.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The statement as given; token spans index into it.
    pub source: String,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub quantities: Vec<Quantity>,
    pub negations: usize,
    /// Content words left once names, quantities, stopwords and negations
    /// are taken out: token indices.
    pub words: Vec<usize>,
    /// The stem of each of `words`, computed once.
    pub stems: Vec<CompactString>,
    /// The whole statement is in capitals, so capitals say nothing.
    pub all_caps: bool,
}

impl Analysis {
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.tokens[first].start, self.tokens[last - 1].end)
    }

    /// A content word that looks like a name: capitalised mid-sentence.
    pub fn looks_like_name(&self, tok: usize) -> bool {
        let t = &self.tokens[tok];
        t.cap && !self.all_caps && !t.sentence_start
    }
}

fn word_at(tokens: &[Token], i: usize) -> Option<&str> {
    tokens
        .get(i)
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| t.text.as_str())
}

fn seq_matches(tokens: &[Token], used: &[bool], i: usize, seq: &[Word]) -> bool {
    seq.iter().enumerate().all(|(k, s)| {
        tokens
            .get(i + k)
            .is_some_and(|t| !used[i + k] && t.text == *s)
    })
}

/// Reads a statement.
pub fn analyse(text: &str, gaz: &Gazetteer) -> Analysis {
    let tokens = tokenize(text);
    let n = tokens.len();
    let mut used = vec![false; n];
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = letters > 3 && !text.chars().any(|c| c.is_lowercase());

    let mut quantities = Vec::new();
    let mut mentions = Vec::new();

    // Names first, so that COVID-19 or a year inside a name is no quantity;
    // a country word directly before "dollars" belongs to the currency.
    let mut i = 0;
    while i < n {
        let t = &tokens[i];
        if lexicon::CURRENCY_QUALIFIERS.contains(&t.text.as_str())
            && tokens.get(i + 1).is_some_and(|n| {
                lookup(lexicon::CURRENCY_WORDS, &n.text).is_some() || n.text == "$"
            })
        {
            i += 1;
            continue;
        }
        let mut matched = None;
        if let Some(cands) = gaz.aliases.get(&t.text) {
            for alias in cands {
                if alias.acronym && !(t.upper || all_caps) {
                    continue;
                }
                if seq_matches(&tokens, &used, i, &alias.words) {
                    matched = Some((alias.words.len(), alias.entity, alias.people));
                    break;
                }
            }
        }
        if let Some((len, entity, people)) = matched {
            let mut k = i;
            if k > 0 && tokens[k - 1].text == "the" {
                k -= 1;
            }
            let locative = k > 0 && lexicon::LOCATIVES.contains(&tokens[k - 1].text.as_str());
            for u in &mut used[i..i + len] {
                *u = true;
            }
            mentions.push(Mention {
                entity,
                first: i,
                last: i + len,
                locative,
                people,
                possessive: tokens[i + len - 1].possessive,
            });
            i += len;
        } else {
            i += 1;
        }
    }

    let mut i = 0;
    while i < n {
        if used[i] {
            i += 1;
            continue;
        }
        if let Some(q) = read_quantity(&tokens, &used, i, gaz) {
            for u in &mut used[q.first..q.last] {
                *u = true;
            }
            i = q.last;
            quantities.push(q);
        } else {
            i += 1;
        }
    }

    let mut negations = 0;
    let mut words = Vec::new();
    // A concessive clause ("despite the lack of ties, …") runs to the next
    // comma; a negation inside it does not negate the main claim.
    let mut concession_end = 0;
    for (k, t) in tokens.iter().enumerate() {
        if used[k] || t.kind == TokKind::Symbol {
            continue;
        }
        if lexicon::CONCESSIVE.contains(&t.text.as_str()) {
            concession_end = text[t.end..].find(',').map_or(t.end, |c| t.end + c);
        }
        if is_negation(&t.text) {
            if t.start >= concession_end {
                negations += 1;
            }
        } else if !is_stopword(&t.text) {
            words.push(k);
        }
    }
    let stems = words.iter().map(|&k| stem(&tokens[k].text)).collect();
    Analysis {
        source: text.to_string(),
        tokens,
        mentions,
        quantities,
        negations,
        words,
        stems,
        all_caps,
    }
}

/// Reads a quantity starting at token `i` (comparator, currency, number,
/// scale, unit), or a date.
fn read_quantity(tokens: &[Token], used: &[bool], i: usize, gaz: &Gazetteer) -> Option<Quantity> {
    if !may_start_quantity(&tokens[i], gaz) {
        return None;
    }
    let free = |k: usize| k < tokens.len() && !used[k];
    // Comparator phrase, kept only when a number follows.
    let mut cmp = Cmp::Exact;
    let mut j = i;
    let phrases = gaz.comparators.get(tokens[i].text.as_str());
    for (phrase, c) in phrases.into_iter().flatten() {
        let all = phrase
            .iter()
            .enumerate()
            .all(|(k, w)| free(i + k) && tokens[i + k].text == *w);
        if all {
            cmp = *c;
            j = i + phrase.len();
            break;
        }
    }
    if j > i && !starts_number(tokens, j) {
        return None;
    }
    if let Some(start) = year_at(tokens, used, j)
        && tokens
            .get(j + 1)
            .is_some_and(|t| t.attached && t.text == "s")
    {
        return Some(Quantity {
            kind: QKind::Decade { start },
            cmp,
            first: i,
            last: j + 2,
            small: false,
        });
    }
    if let Some((date, alt, end)) = read_date(tokens, used, j, gaz) {
        return Some(Quantity {
            kind: QKind::Date { date, alt },
            cmp,
            first: i,
            last: end,
            small: false,
        });
    }
    // Currency before the amount: $, US$, USD.
    let mut currency: Option<&'static str> = None;
    let mut k = j;
    if free(k)
        && lexicon::CURRENCY_QUALIFIERS.contains(&tokens[k].text.as_str())
        && free(k + 1)
        && let Some(c) = lookup(lexicon::CURRENCY_SYMBOLS, &tokens[k + 1].text)
    {
        currency = Some(c);
        k += 2;
    }
    if currency.is_none() && free(k) {
        if let Some(c) = lookup(lexicon::CURRENCY_SYMBOLS, &tokens[k].text) {
            currency = Some(c);
            k += 1;
        } else if tokens[k].text.len() == 3
            && let Some(c) = lookup(lexicon::CURRENCY_WORDS, &tokens[k].text)
            && starts_number(tokens, k + 1)
        {
            currency = Some(c);
            k += 1;
        }
    }
    let (mut value, ordinal, words_only, mut k) = read_number(tokens, used, k)?;
    if ordinal {
        return Some(Quantity {
            kind: QKind::Ordinal {
                value: value as u64,
            },
            cmp,
            first: i,
            last: k,
            small: words_only && value < 20.0,
        });
    }
    // A year: four plain digits, nothing money-like around it.
    let mut scaled = false;
    while free(k) {
        let t = &tokens[k];
        let scale = lookup(lexicon::SCALES, &t.text);
        // One-letter scales (m, k, b) only when glued to the digits.
        match scale {
            Some(s) if t.text.len() > 1 || t.attached => {
                value *= s;
                scaled = true;
                k += 1;
            }
            _ => break,
        }
    }
    if free(k) && (tokens[k].text == "%" || tokens[k].text == "percent") {
        return Some(Quantity {
            kind: QKind::Percent { value },
            cmp,
            first: i,
            last: k + 1,
            small: false,
        });
    }
    if free(k) && tokens[k].text == "per" && free(k + 1) && tokens[k + 1].text == "cent" {
        return Some(Quantity {
            kind: QKind::Percent { value },
            cmp,
            first: i,
            last: k + 2,
            small: false,
        });
    }
    if currency.is_none() {
        let mut m = k;
        if free(m) && lexicon::CURRENCY_QUALIFIERS.contains(&tokens[m].text.as_str()) {
            m += 1;
        }
        if free(m)
            && let Some(c) = lookup(lexicon::CURRENCY_WORDS, &tokens[m].text)
        {
            currency = Some(c);
            k = m + 1;
        }
    }
    let kind = match currency {
        Some(c) => QKind::Money {
            value,
            currency: Some(c),
        },
        None => QKind::Count { value },
    };
    let small = words_only && !scaled && value < 20.0 && currency.is_none();
    Some(Quantity {
        kind,
        cmp,
        first: i,
        last: k,
        small,
    })
}

/// A cheap test that rules out most words before any parsing: only
/// numbers, symbols, number and month words, currencies, comparatives and
/// named dates can begin a quantity.
fn may_start_quantity(t: &Token, gaz: &Gazetteer) -> bool {
    t.kind != TokKind::Word || gaz.starters.contains(&t.text)
}

fn starts_number(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| {
        t.kind == TokKind::Number
            || lookup(lexicon::CURRENCY_SYMBOLS, &t.text).is_some()
            || lexicon::CURRENCY_QUALIFIERS.contains(&t.text.as_str())
            || (t.text.len() == 3 && lookup(lexicon::CURRENCY_WORDS, &t.text).is_some())
            || number_word(&t.text)
            || t.text == "a"
    })
}

fn number_word(w: &str) -> bool {
    lookup(lexicon::UNITS, w).is_some()
        || lookup(lexicon::TENS, w).is_some()
        || lookup(lexicon::ORDINAL_UNITS, w).is_some()
        || matches!(
            w,
            "hundred" | "thousand" | "million" | "billion" | "trillion"
        )
}

/// Reads digits (`12,500`, `12 500`, `112` + `th`) or number words
/// (`one hundred and twelfth`). Returns the value, whether it is an
/// ordinal, whether it was words only, and the next token.
fn read_number(tokens: &[Token], used: &[bool], k: usize) -> Option<(f64, bool, bool, usize)> {
    let free = |k: usize| k < tokens.len() && !used[k];
    if !free(k) {
        return None;
    }
    let t = &tokens[k];
    if t.kind == TokKind::Number {
        // "14.000" with no scale after it: a European thousands separator.
        let european = t.text.split('.').count() > 1
            && !t.text.contains(',')
            && t.text.split('.').skip(1).all(|g| g.len() == 3)
            && t.text
                .split('.')
                .next()
                .is_some_and(|g| (1..=3).contains(&g.len()))
            && tokens
                .get(k + 1)
                .is_none_or(|n| lookup(lexicon::SCALES, &n.text).is_none());
        let mut value = if european {
            parse_digits(&t.text.replace('.', ""))?
        } else {
            parse_digits(&t.text)?
        };
        let mut end = k + 1;
        // "12 500": a short group followed by groups of exactly three digits.
        if !t.text.contains([',', '.']) && t.text.len() <= 3 {
            while free(end)
                && tokens[end].kind == TokKind::Number
                && tokens[end].text.len() == 3
                && tokens[end].text.bytes().all(|b| b.is_ascii_digit())
            {
                value = value * 1000.0 + parse_digits(&tokens[end].text)?;
                end += 1;
            }
        }
        if free(end)
            && tokens[end].attached
            && matches!(tokens[end].text.as_str(), "st" | "nd" | "rd" | "th")
        {
            return Some((value, true, false, end + 1));
        }
        // "35 million": digits then scale words are read by the caller.
        return Some((value, false, false, end));
    }
    // Number words.
    let mut total = 0u64;
    let mut current = 0u64;
    let mut j = k;
    let mut any = false;
    let mut ordinal = false;
    while free(j) {
        let w = tokens[j].text.as_str();
        if let Some(v) = lookup(lexicon::UNITS, w).or_else(|| lookup(lexicon::TENS, w)) {
            current = current.saturating_add(v);
        } else if let Some(v) = lookup(lexicon::ORDINAL_UNITS, w) {
            if v >= 100 {
                current = current.max(1).saturating_mul(v);
            } else {
                current = current.saturating_add(v);
            }
            ordinal = true;
            any = true;
            j += 1;
            break;
        } else if w == "hundred" {
            current = current.max(1).saturating_mul(100);
        } else if w == "a" && any_following_scale(tokens, j) && !any {
            current = 1;
        } else if let Some(scale) = match w {
            "thousand" => Some(1_000u64),
            "million" => Some(1_000_000),
            "billion" => Some(1_000_000_000),
            "trillion" => Some(1_000_000_000_000),
            _ => None,
        } {
            if !any {
                return None;
            }
            total = total.saturating_add(current.max(1).saturating_mul(scale));
            current = 0;
        } else if w == "and" && any && word_at(tokens, j + 1).is_some_and(number_word) {
            // "one hundred and twelfth"
        } else {
            break;
        }
        any = true;
        j += 1;
    }
    if !any {
        return None;
    }
    Some(((total + current) as f64, ordinal, true, j))
}

fn any_following_scale(tokens: &[Token], j: usize) -> bool {
    word_at(tokens, j + 1)
        .is_some_and(|w| matches!(w, "hundred" | "thousand" | "million" | "billion"))
}

fn day_at(tokens: &[Token], used: &[bool], k: usize) -> Option<(u8, usize)> {
    let t = tokens.get(k).filter(|_| !used[k])?;
    if t.kind != TokKind::Number || t.text.len() > 2 {
        return None;
    }
    let d: u8 = t.text.parse().ok().filter(|d| (1..=31).contains(d))?;
    let mut end = k + 1;
    if tokens
        .get(end)
        .is_some_and(|s| s.attached && matches!(s.text.as_str(), "st" | "nd" | "rd" | "th"))
    {
        end += 1;
    }
    Some((d, end))
}

fn year_at(tokens: &[Token], used: &[bool], k: usize) -> Option<i32> {
    let t = tokens.get(k).filter(|_| !used[k])?;
    if t.kind != TokKind::Number || t.text.len() != 4 {
        return None;
    }
    let y: i32 = t.text.parse().ok()?;
    (1000..=2199).contains(&y).then_some(y)
}

/// Reads a date at token `k`: numeric, month-day-year in either order,
/// month-year, a month alone, a named date with or without a year, a year.
fn read_date(
    tokens: &[Token],
    used: &[bool],
    k: usize,
    gaz: &Gazetteer,
) -> Option<(PartialDate, Option<PartialDate>, usize)> {
    let t = tokens.get(k).filter(|_| !used[k])?;
    let with_year = |d: PartialDate, end: usize| -> (PartialDate, Option<PartialDate>, usize) {
        match year_at(tokens, used, end) {
            Some(y) => (PartialDate { year: Some(y), ..d }, None, end + 1),
            None => (d, None, end),
        }
    };
    if t.kind == TokKind::Number
        && t.text.contains(['-', '/', '.'])
        && let Some((d, alt)) = parse_numeric_date(&t.text)
    {
        return Some((d, alt, k + 1));
    }
    for (seq, month, day) in &gaz.named_dates {
        if seq_matches(tokens, used, k, seq) {
            let d = PartialDate {
                year: None,
                month: Some(*month),
                day: Some(*day),
            };
            return Some(with_year(d, k + seq.len()));
        }
    }
    // "last February", "early March": the month, whatever year is meant.
    if lexicon::RELATIVE_MONTH.contains(&t.text.as_str())
        && let Some(m) = word_at(tokens, k + 1).and_then(month_of)
        && !used[k + 1]
    {
        let d = PartialDate {
            year: None,
            month: Some(m),
            day: None,
        };
        return Some((d, None, k + 2));
    }
    // "early 2024": the year.
    if lexicon::RELATIVE_MONTH.contains(&t.text.as_str())
        && let Some(y) = year_at(tokens, used, k + 1)
    {
        let d = PartialDate {
            year: Some(y),
            month: None,
            day: None,
        };
        return Some((d, None, k + 2));
    }
    if let Some(m) = month_of(&t.text) {
        // "May" and "March" are also ordinary words: only a month with a
        // number beside it, or a full unambiguous month name.
        if let Some((d, end)) = day_at(tokens, used, k + 1) {
            return Some(with_year(
                PartialDate {
                    year: None,
                    month: Some(m),
                    day: Some(d),
                },
                end,
            ));
        }
        if let Some(y) = year_at(tokens, used, k + 1) {
            return Some((
                PartialDate {
                    year: Some(y),
                    month: Some(m),
                    day: None,
                },
                None,
                k + 2,
            ));
        }
        if t.text.len() > 4 && !matches!(t.text.as_str(), "march") {
            return Some((
                PartialDate {
                    year: None,
                    month: Some(m),
                    day: None,
                },
                None,
                k + 1,
            ));
        }
        return None;
    }
    if let Some((d, mut end)) = day_at(tokens, used, k) {
        // "on the 14th": a day of a month the reader knows.
        let mut p = k;
        if p > 0 && tokens[p - 1].text == "the" {
            p -= 1;
        }
        let after_on = p > 0 && tokens[p - 1].text == "on";
        let ordinal = end > k + 1;
        if after_on && ordinal && word_at(tokens, end).and_then(month_of).is_none() {
            let day = PartialDate {
                year: None,
                month: None,
                day: Some(d),
            };
            return Some((day, None, end));
        }
        if word_at(tokens, end) == Some("of") {
            end += 1;
        }
        if let Some(m) = word_at(tokens, end).and_then(month_of)
            && !used[end]
        {
            return Some(with_year(
                PartialDate {
                    year: None,
                    month: Some(m),
                    day: Some(d),
                },
                end + 1,
            ));
        }
    }
    if let Some(y) = year_at(tokens, used, k) {
        let next = tokens.get(k + 1).map(|t| t.text.as_str());
        let money_like = next.is_some_and(|w| {
            lookup(lexicon::SCALES, w).is_some()
                || lookup(lexicon::CURRENCY_WORDS, w).is_some()
                || w == "%"
        });
        let prev_symbol = k > 0 && tokens[k - 1].kind == TokKind::Symbol;
        if !money_like && !prev_symbol {
            return Some((
                PartialDate {
                    year: Some(y),
                    month: None,
                    day: None,
                },
                None,
                k + 1,
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantities(s: &str) -> Vec<QKind> {
        analyse(s, &Gazetteer::new())
            .quantities
            .into_iter()
            .map(|q| q.kind)
            .collect()
    }

    fn count(v: f64) -> QKind {
        QKind::Count { value: v }
    }

    #[test]
    fn numbers_in_every_form() {
        for s in [
            "17,000",
            "17000",
            "17 000",
            "17 thousand",
            "seventeen thousand",
            "17k",
        ] {
            assert_eq!(quantities(s), vec![count(17000.0)], "{s}");
        }
    }

    #[test]
    fn ordinals_in_digits_and_words() {
        for s in [
            "187th",
            "one hundred eighty-seventh",
            "one hundred and eighty-seventh",
        ] {
            assert_eq!(quantities(s), vec![QKind::Ordinal { value: 187 }], "{s}");
        }
    }

    #[test]
    fn money_with_scale_and_currency() {
        let m = QKind::Money {
            value: 35e6,
            currency: Some("USD"),
        };
        for s in [
            "$35 million",
            "USD 35M",
            "35,000,000 dollars",
            "35 million US dollars",
            "35 million U.S. dollars",
            "US$35 million",
        ] {
            assert_eq!(quantities(s), vec![m.clone()], "{s}");
        }
        assert_eq!(
            quantities("35 billion dollars"),
            vec![QKind::Money {
                value: 35e9,
                currency: Some("USD")
            }]
        );
    }

    #[test]
    fn dates_with_their_precision() {
        let day = PartialDate {
            year: Some(2019),
            month: Some(6),
            day: Some(23),
        };
        for s in [
            "2019-06-23",
            "June 23, 2019",
            "23 June 2019",
            "Jun. 23, 2019",
            "23/06/2019",
            "23rd of June 2019",
        ] {
            match &quantities(s)[..] {
                [QKind::Date { date, .. }] => assert_eq!(*date, day, "{s}"),
                other => panic!("{s}: {other:?}"),
            }
        }
        match &quantities("June 2019")[..] {
            [QKind::Date { date, .. }] => {
                assert_eq!(
                    (date.year, date.month, date.day),
                    (Some(2019), Some(6), None)
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn comparators_bound_the_claim() {
        let a = analyse("more than 20,000 people", &Gazetteer::new());
        assert_eq!(a.quantities[0].cmp, Cmp::Gt);
        let a = analyse("under the treaty", &Gazetteer::new());
        assert!(a.quantities.is_empty());
        assert_eq!(amount_relation(12000.0, Cmp::Gt, 17000.0, true), Rel::Match);
        assert_eq!(
            amount_relation(20000.0, Cmp::Gt, 17000.0, true),
            Rel::Mismatch
        );
        assert_eq!(
            amount_relation(17000.0, Cmp::Gt, 17000.0, true),
            Rel::Unknown
        );
        assert_eq!(amount_relation(40e6, Cmp::Lt, 35e6, false), Rel::Match);
        assert_eq!(
            amount_relation(4000.0, Cmp::Approx, 17000.0, true),
            Rel::Mismatch
        );
    }

    #[test]
    fn contractions_and_possessives() {
        let t: Vec<Word> = tokenize("Spain didn't join Norway's U.S.-led bloc")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            ["spain", "did", "not", "join", "norway", "us", "led", "bloc"]
        );
    }

    #[test]
    fn stems_meet_inflections() {
        for (a, b) in [
            ("ties", "tie"),
            ("established", "establish"),
            ("quietly", "quiet"),
            ("countries", "country"),
            ("continued", "continues"),
            ("stopped", "stop"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }
}
