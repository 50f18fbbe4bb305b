//! English as data: the word lists in `data/` (function words, negations,
//! modality, comparatives, numbers, months, currencies, units, opposites),
//! compiled into static tables by `build.rs`, plus the tokenizer, the
//! stemmer, the gazetteer a bank's names are read through, and the WordNet
//! lexicon (synonyms, derivations, opposites, irregular forms).
//!
//! Nothing here is about one article; a bank adds its own names and words.

mod gazetteer;
pub(crate) mod lexicon;
mod sentences;
mod stem;
mod tokenize;
mod word_hash;
pub(crate) mod world;

pub(crate) use gazetteer::{Alias, Gazetteer};
pub(crate) use sentences::{Sentence, sentences};
pub(crate) use stem::stem;
pub(crate) use tokenize::{CompactString, TokKind, Token, Word, phrase_at, tokenize, word_at};

/// How a statement bounds a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    /// A bare number.
    Exact,
    /// "exactly": more than an approximate figure can confirm.
    Precisely,
    Approx,
    Gt,
    Ge,
    Lt,
    Le,
    /// "up to": a maximum reached. As a bound it is `Le`; against a
    /// fact's own maximum it names that maximum ("up to 8" for "up to 5"
    /// differs).
    UpTo,
}

mod table;

// Generated: every list gets a slice and a lookup table; not every one
// of them is used.
#[allow(dead_code, clippy::type_complexity)]
mod tables {
    use super::Cmp;
    use super::table::{Index, Map, Set, Shape};
    include!(concat!(env!("OUT_DIR"), "/lang_tables.rs"));
}
pub(crate) use tables::*;

/// Relative tolerance of "about": "about 10,000" covers 9,500 to 10,500.
pub(crate) const APPROX_TOLERANCE: f64 = 0.05;

/// The lists a word is in (`CLASS_*` bits): one lookup for all of them.
#[inline]
pub(crate) fn class_of(word: &str) -> u64 {
    CLASSES_MAP.get(word).copied().unwrap_or(0)
}

pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS_SET.contains(word)
}

pub(crate) fn is_negation(word: &str) -> bool {
    NEGATIONS_SET.contains(word)
}

pub(crate) fn month_of(word: &str) -> Option<u8> {
    MONTHS_MAP.get(word).copied()
}

/// A day of the week, 1 (Monday) to 7.
pub(crate) fn weekday_of(word: &str) -> Option<u8> {
    WEEKDAYS_MAP.get(word).copied()
}

pub(crate) fn scale_of(word: &str) -> Option<f64> {
    SCALES_MAP.get(word).copied()
}

pub(crate) fn currency_word(word: &str) -> Option<&'static str> {
    CURRENCY_WORDS_MAP.get(word).copied()
}

pub(crate) fn currency_symbol(word: &str) -> Option<&'static str> {
    CURRENCY_SYMBOLS_MAP.get(word).copied()
}

pub(crate) fn is_currency_qualifier(word: &str) -> bool {
    CURRENCY_QUALIFIERS_SET.contains(word)
}

/// The currency a people's adjective and a denomination name together
/// ("norwegian", "crowns"): its ISO 4217 code.
pub(crate) fn currency_of_people(adjective: &str, denomination: &str) -> Option<&'static str> {
    if !is_denomination(denomination) && currency_word(denomination).is_none() {
        return None;
    }
    CURRENCIES_MAP
        .get(&format!("{adjective} {denomination}"))
        .copied()
}

/// A denomination several countries use ("crowns", "francs").
pub(crate) fn is_denomination(word: &str) -> bool {
    DENOMINATIONS_SET.contains(word)
}

/// A cardinal word below a hundred ("seven", "forty").
pub(crate) fn cardinal(word: &str) -> Option<u64> {
    CARDINALS_MAP
        .get(word)
        .or_else(|| TENS_MAP.get(word))
        .copied()
}

pub(crate) fn ordinal_word(word: &str) -> Option<u64> {
    ORDINAL_UNITS_MAP.get(word).copied()
}

/// A unit of measure: its code, dimension, and the factor and offset to
/// the dimension's base unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unit {
    pub(crate) code: &'static str,
    pub(crate) dimension: &'static str,
    pub(crate) factor: f64,
    pub(crate) offset: f64,
}

/// The unit a bank names by its code (`in`, which as a word is only a
/// preposition, and every other code of the units table).
pub(crate) fn unit_by_code(code: &str) -> Option<Unit> {
    UNITS_MAP
        .values()
        .find(|(c, ..)| *c == code)
        .map(|&(code, dimension, factor, offset)| Unit {
            code,
            dimension,
            factor,
            offset,
        })
}

pub(crate) fn unit_of(word: &str) -> Option<Unit> {
    UNITS_MAP
        .get(word)
        .map(|&(code, dimension, factor, offset)| Unit {
            code,
            dimension,
            factor,
            offset,
        })
}

/// Comparative phrases that begin with `word`, longest first (in the
/// list's order), from an index by first word made on first use.
pub(crate) fn comparators_from(word: &str) -> impl Iterator<Item = (&'static str, Cmp)> + '_ {
    type ByFirst = rustc_hash::FxHashMap<&'static str, Vec<(&'static str, Cmp)>>;
    static BY_FIRST: std::sync::LazyLock<ByFirst> = std::sync::LazyLock::new(|| {
        let mut by_first = ByFirst::default();
        for &(phrase, cmp) in COMPARATORS {
            let first = phrase.split(' ').next().unwrap_or(phrase);
            by_first.entry(first).or_default().push((phrase, cmp));
        }
        by_first
    });
    (COMPARATORS_FIRST_SET.contains(word))
        .then(|| BY_FIRST.get(word))
        .flatten()
        .into_iter()
        .flatten()
        .copied()
}

/// Whether a token may begin a number, date or amount; a cheap test that
/// rules out most words before any parsing: the lists by their bits.
/// A role: a noun phrase of a few words, opening with an article, an
/// owner ("Halbrook's project engineer") or "NOUN of" ("leader of the
/// council"); never a clause ("will cut emissions", "to drive the car").
pub(crate) fn is_role(role: &str) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    let opens = match words.as_slice() {
        [first, ..] if matches!(*first, "the" | "a" | "an") => true,
        [owner, _, ..] if owner.ends_with("'s") || owner.ends_with("’s") => true,
        [noun, "of", _, ..] => noun.chars().all(|c| c.is_lowercase()),
        _ => false,
    };
    let clause_word = |w: &&str| {
        matches!(
            *w,
            "said" | "says" | "who" | "whose" | "which" | "that" | "and" | "will" | "would" | "to"
        )
    };
    (2..=8).contains(&words.len()) && opens && !words.iter().any(clause_word)
}

#[cfg(test)]
pub(crate) fn may_start_quantity(t: &Token) -> bool {
    t.is(CLASS_COMPARATORS_FIRST) || may_start_value(t)
}

/// Whether a token may begin a number, date or amount itself, not only as
/// the first word of a comparative phrase ("over", "in excess of").
pub(crate) fn may_start_value(t: &Token) -> bool {
    t.is(CLASS_CARDINALS
        | CLASS_TENS
        | CLASS_ORDINAL_UNITS
        | CLASS_MONTHS
        | CLASS_CURRENCY_WORDS
        | CLASS_CURRENCY_QUALIFIERS
        | CLASS_RELATIVE_MONTH
        | CLASS_NUMBER_STARTS
        | CLASS_WEEKDAYS
        | CLASS_QUARTERS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word that is ignored or negates must not also be a value word:
    /// "may" as a stopword made "… in May" SUPPORTED for a February
    /// fact. (Modal "may" is an operator, not ignored: the reader tells
    /// it from the month by the words around it.)
    #[test]
    fn word_lists_do_not_clash() {
        let sets: [(&str, &[&str]); 3] = [
            ("stopwords", STOPWORDS),
            ("filler", FILLER),
            ("negations", NEGATIONS),
        ];
        let months: Vec<&str> = MONTHS.iter().map(|(w, _)| *w).collect();
        let units: Vec<&str> = UNITS
            .iter()
            .map(|(w, _)| *w)
            .filter(|w| w.chars().count() > 2)
            .collect();
        let numbers: Vec<&str> = CARDINALS.iter().chain(TENS).map(|(w, _)| *w).collect();
        let mut clashes = Vec::new();
        for (name, list) in sets {
            for (other, words) in [
                ("months", &months),
                ("units", &units),
                ("numbers", &numbers),
            ] {
                for w in list.iter().filter(|w| words.contains(w)) {
                    clashes.push(format!("\"{w}\" is in {name} and {other}"));
                }
            }
        }
        for (a, b) in [
            (STOPWORDS, FILLER),
            (STOPWORDS, NEGATIONS),
            (FILLER, NEGATIONS),
        ] {
            for w in a.iter().filter(|w| b.contains(w)) {
                clashes.push(format!(
                    "\"{w}\" is in two lists of ignored or negating words"
                ));
            }
        }
        assert!(clashes.is_empty(), "{clashes:#?}");
    }

    /// A token's bits say what the lists' own lookups say.
    #[test]
    fn word_classes_are_the_lists() {
        let words = CLASSES.iter().map(|&(w, _)| w);
        let others = [
            "",
            "zzz",
            "the",
            "Dollars",
            "twenty-one",
            "2024",
            "$",
            "n't",
        ];
        for w in words.chain(others) {
            let t = &tokenize::word_token(w);
            let lists = [
                (CLASS_STOPWORDS, STOPWORDS_SET.contains(w)),
                (CLASS_NEGATIONS, is_negation(w)),
                (CLASS_MODALITY, MODALITY_SET.contains(w)),
                (CLASS_CONJUNCTIONS, CONJUNCTIONS_SET.contains(w)),
                (CLASS_CONTRAST_FIRST, CONTRAST_FIRST_SET.contains(w)),
                (CLASS_ORDER_FIRST, ORDER_FIRST_SET.contains(w)),
                (CLASS_SHORTHAND, SHORTHAND_MAP.contains_key(w)),
                (CLASS_SPAN_CUES, SPAN_CUES_MAP.contains_key(w)),
                (CLASS_DURATIONS, DURATIONS_MAP.contains_key(w)),
                (CLASS_CURRENCY_WORDS, currency_word(w).is_some()),
                (CLASS_ROLE_VERBS, ROLE_VERBS_SET.contains(w)),
            ];
            for (i, (class, member)) in lists.into_iter().enumerate() {
                assert_eq!(t.is(class), member, "{w:?} in list {i}");
            }
            let one_by_one = cardinal(w).is_some()
                || ordinal_word(w).is_some()
                || month_of(w).is_some()
                || currency_word(w).is_some()
                || is_currency_qualifier(w)
                || COMPARATORS_FIRST_SET.contains(w)
                || RELATIVE_MONTH_SET.contains(w)
                || weekday_of(w).is_some()
                || QUARTERS_MAP.contains_key(w)
                || matches!(
                    w,
                    "a" | "an"
                        | "half"
                        | "hundred"
                        | "thousand"
                        | "million"
                        | "billion"
                        | "trillion"
                        | "minus"
                );
            assert_eq!(may_start_quantity(t), one_by_one, "{w:?}");
        }
    }

    #[test]
    fn tables_answer_lookups() {
        assert_eq!(month_of("may"), Some(5));
        assert_eq!(cardinal("forty"), Some(40));
        assert_eq!(ordinal_word("twelfth"), Some(12));
        assert_eq!(scale_of("bn"), Some(1e9));
        assert_eq!(unit_of("feet").map(|u| u.code), Some("ft"));
        assert_eq!(unit_by_code("in").map(|u| u.code), Some("in"));
        assert!(unit_of("in").is_none() && unit_by_code("inch").is_none());
        assert!(MODALITY_SET.contains("might") && !is_stopword("may"));
        let more: Vec<_> = comparators_from("more").collect();
        // In the list's order, each phrase whose first word is "more".
        let listed: Vec<_> = (COMPARATORS.iter())
            .filter(|(p, _)| p.split(' ').next() == Some("more"))
            .copied()
            .collect();
        assert_eq!(more, listed);
        assert!(more.contains(&("more than", Cmp::Gt)), "{more:?}");
        assert!(more.iter().all(|(p, _)| p.starts_with("more ")), "{more:?}");
        assert!(comparators_from("banana").next().is_none());
    }
}
