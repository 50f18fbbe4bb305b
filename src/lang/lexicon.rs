//! Words related to a word, from Princeton WordNet 3.0: synonyms,
//! derivations, opposites and irregular base forms.
//!
//! Why: a statement often says a fact in other words ("began" for
//! "started", "diplomatic" for "diplomacy", "set up" for "established").
//! Hand lists per bank never end; a real lexical database covers the
//! language once. These relations only widen which words may stand for a
//! fact's own words; they never override what a fact's values, roles or
//! operators say. A caller reads numbers, dates and comparisons first and
//! asks here only about the plain words left.
//!
//! The data is `wordnet/*.txt`, written by `tools/gen-lexicon.py`
//! (which explains what was filtered out of WordNet and why: rare senses,
//! proper nouns, comparatives) under the WordNet licence in
//! `wordnet/LICENSE`. `build.rs` turns it into flat sorted tables
//! compiled into the binary; a lookup is a binary search over them, and
//! nothing is read, parsed or allocated before the first lookup.
//!
//! Words are lower-case; a compound is its parts joined by `_` (`set_up`,
//! `well_known`). Relations are between words, not senses, and not tied to
//! a part of speech: "found" is both "establish" and the past of "find".

use compact_str::CompactString;

/// Every word, sorted, run together; `ENDS` says where each one ends.
static WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon_words.txt"));
/// Little-endian u32s: the end of each word in `WORDS`.
static ENDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_ends.bin"));
/// Little-endian u32s: where each word's links start in `LINKS`, and one
/// more for the end of the last.
static STARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_starts.bin"));
/// Little-endian u32s: a word id, with the relation in the top three bits.
static LINKS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_links.bin"));

/// The relations, numbered as in the top three bits of a link
/// (build/lexicon.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Synonym = 0,
    Derivation = 1,
    Antonym = 2,
    Base = 3,
    Hypernym = 4,
    Paraphrase = 5,
}

const ID_BITS: u32 = 29;

fn u32_at(table: &'static [u8], i: usize) -> u32 {
    let b = &table[4 * i..4 * i + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

fn len() -> usize {
    ENDS.len() / 4
}

fn word_at(id: usize) -> &'static str {
    let start = if id == 0 {
        0
    } else {
        u32_at(ENDS, id - 1) as usize
    };
    &WORDS[start..u32_at(ENDS, id) as usize]
}

fn find(word: &str) -> Option<usize> {
    let i = first_not_before(word);
    (i < len() && word_at(i) == word).then_some(i)
}

/// The id of the first word not sorted before `word`.
fn first_not_before(word: &str) -> usize {
    let (mut lo, mut hi) = (0, len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if word_at(mid) < word {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The id of the word a stem came from when the stemmer dropped a final
/// "e" ("increas" for "increase"; stems keep at least three letters).
fn with_e(word: &str) -> Option<usize> {
    (word.len() >= 3).then_some(())?;
    let mut with_e = CompactString::from(word);
    with_e.push('e');
    find(&with_e)
}

/// Every word of the lexicon, for tests that need many real words.
#[cfg(test)]
pub(crate) fn words() -> impl Iterator<Item = &'static str> {
    (0..len()).map(word_at)
}

/// A word as the lexicon knows it, looked up once for all its relations.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// The word itself, for its base form.
    exact: Option<usize>,
    /// The word, or the word its stem came from ([`with_e`]).
    id: Option<usize>,
}

pub(crate) fn entry(word: &str) -> Entry {
    let exact = find(word);
    let id = exact
        .or_else(|| with_e(word))
        .or_else(|| regular_base(word));
    Entry { exact, id }
}

impl Entry {
    /// Words sharing one of the word's common senses ("begin": "commence",
    /// "start"). Rare senses are left out, so "get" is no synonym of "begin".
    pub(crate) fn synonyms(self) -> impl Iterator<Item = &'static str> {
        related(self.id, Rel::Synonym)
    }

    /// Words derived from the same root in a related sense ("diplomacy":
    /// "diplomat", "diplomatic"; "establish": "establishment").
    pub(crate) fn derivations(self) -> impl Iterator<Item = &'static str> {
        related(self.id, Rel::Derivation)
    }

    /// Words of opposite meaning ("strong": "weak", "feeble"). A statement
    /// using one where a fact uses the other may say the opposite; since the
    /// relation ignores the part of speech, treat it as a cue to look closer,
    /// not as a verdict.
    pub(crate) fn antonyms(self) -> impl Iterator<Item = &'static str> {
        related(self.id, Rel::Antonym)
    }

    /// The base form of an irregular inflection ("went": "go", "led": "lead",
    /// "mice": "mouse"); the commonest when there are several. The form may
    /// be a word in its own right ("found", "saw"), so the base is one more
    /// reading of it, not a replacement. Regular inflections are the
    /// stemmer's work.
    pub(crate) fn base_form(self) -> Option<&'static str> {
        related(self.exact, Rel::Base).next()
    }

    /// Plainer words the word or phrase may stand for, one way only
    /// ("handed over": "exchange"; `data/english/paraphrases.txt`).
    pub(crate) fn paraphrases(self) -> impl Iterator<Item = &'static str> {
        related(self.id, Rel::Paraphrase)
    }

    /// What a noun's commonest sense is a kind of ("ship": "vessel",
    /// "watercraft"): words a statement may use for it without claiming
    /// more. One way only.
    pub(crate) fn hypernyms(self) -> impl Iterator<Item = &'static str> {
        related(self.id, Rel::Hypernym)
    }
}

/// Suffixes of regular inflections and what replaces them, as WordNet's
/// own `morphy` undoes them ("hoisted" → "hoist", "carries" → "carry",
/// "swapped" → "swap").
const SUFFIXES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ied", "y"),
    ("ses", "s"),
    ("xes", "x"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];

/// The base of a regular inflection that WordNet knows, if any.
fn regular_base(word: &str) -> Option<usize> {
    let mut base = CompactString::default();
    for &(suffix, with) in SUFFIXES {
        let Some(root) = word.strip_suffix(suffix).filter(|r| r.len() >= 3) else {
            continue;
        };
        base.clear();
        base.push_str(root);
        base.push_str(with);
        if let Some(id) = find(&base) {
            return Some(id);
        }
        // A doubled final consonant: "swapped", "stopping".
        let b = root.as_bytes();
        if with.is_empty()
            && b.len() >= 4
            && b[b.len() - 1] == b[b.len() - 2]
            && root.is_char_boundary(root.len() - 1)
            && let Some(id) = find(&root[..root.len() - 1])
        {
            return Some(id);
        }
    }
    None
}

/// The words a word is linked to by one relation, alphabetically.
fn related(id: Option<usize>, rel: Rel) -> impl Iterator<Item = &'static str> {
    let range = id.map_or(0..0, |id| {
        u32_at(STARTS, id) as usize..u32_at(STARTS, id + 1) as usize
    });
    range
        .map(|i| u32_at(LINKS, i))
        .filter(move |link| link >> ID_BITS == rel as u32)
        .map(|link| word_at((link & ((1 << ID_BITS) - 1)) as usize))
}

/// Whether WordNet has the word as written (a dictionary form).
pub(crate) fn is_word(word: &str) -> bool {
    find(word).is_some()
}

/// Whether WordNet knows the word (or the base of a regular inflection
/// of it): an English word, not a name or a typo.
pub(crate) fn knows(word: &str) -> bool {
    entry(word).id.is_some()
}

/// Whether the database has the word as written, not only as an
/// inflection of another ("smiths" is no word of its own).
pub(crate) fn has_form(word: &str) -> bool {
    find(word).is_some()
}

/// The forms of a word that begin some phrase of the database: the word
/// as written, the base of its irregular or regular inflection ("took":
/// "take"). Most words begin none, and then [`compound`] need not look.
pub(crate) fn phrase_forms(first: &str) -> [Option<&str>; 3] {
    let begins = |w: &str| {
        let mut prefix = CompactString::from(w);
        prefix.push('_');
        begins_some(&prefix)
    };
    let irregular = base_form(first);
    let regular = match irregular {
        Some(_) => None,
        None => regular_base(first).map(word_at),
    };
    [Some(first), irregular, regular].map(|f| f.filter(|w| begins(w)))
}

/// A phrase the database has as one word and says what it means
/// ("handed over" → `hand_over`, "took the helm" → `take_the_helm`): one
/// of `forms` (see [`phrase_forms`]), then `rest` as written, joined by
/// `_`.
pub(crate) fn compound(forms: &[Option<&str>; 3], rest: &[&str]) -> Option<&'static str> {
    let mut key = CompactString::default();
    forms.iter().flatten().find_map(|head| {
        key.clear();
        key.push_str(head);
        for w in rest {
            key.push('_');
            key.push_str(w);
        }
        find(&key).filter(|&id| means_something(id)).map(word_at)
    })
}

/// Whether the database says what a word means: some synonym,
/// derivation or paraphrase; a phrase it only names adds nothing to
/// its words.
fn means_something(id: usize) -> bool {
    let e = Entry {
        exact: Some(id),
        id: Some(id),
    };
    e.synonyms().next().is_some()
        || e.derivations().next().is_some()
        || e.paraphrases().next().is_some()
}

/// Whether some word of the database begins with `prefix`.
fn begins_some(prefix: &str) -> bool {
    let i = first_not_before(prefix);
    i < len() && word_at(i).starts_with(prefix)
}

/// The paraphrases of the base of a word's regular inflection when the
/// word is also one of its own ("dropped", an adjective too: what "drop"
/// stands for). [`entry`] takes such a word as written.
pub(crate) fn inflected_paraphrases(word: &str) -> impl Iterator<Item = &'static str> + use<> {
    let base = find(word).and_then(|_| regular_base(word));
    related(base, Rel::Paraphrase)
}

/// [`Entry::synonyms`] of a word.
pub(crate) fn synonyms(word: &str) -> impl Iterator<Item = &'static str> + use<> {
    entry(word).synonyms()
}

/// [`Entry::derivations`] of a word.
pub(crate) fn derivations(word: &str) -> impl Iterator<Item = &'static str> + use<> {
    entry(word).derivations()
}

/// [`Entry::base_form`] of a word. It needs only the word as written, so
/// the regular inflections [`entry`] would also try are not looked up.
pub(crate) fn base_form(word: &str) -> Option<&'static str> {
    related(find(word), Rel::Base).next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn antonyms(word: &str) -> impl Iterator<Item = &'static str> {
        entry(word).antonyms()
    }

    fn has(words: impl Iterator<Item = &'static str>, want: &str) -> bool {
        words.into_iter().any(|w| w == want)
    }

    #[test]
    fn words_of_any_script_are_asked_without_panic() {
        // A last character of several bytes is no doubled consonant.
        for w in [
            "\u{1138e}s",
            "\u{1138e}ed",
            "caf\u{e9}\u{e9}ed",
            "\u{e9}\u{e9}\u{e9}\u{e9}",
        ] {
            let _ = knows(w);
            let _ = base_form(w);
        }
    }

    #[test]
    fn synonyms_share_a_common_sense() {
        for (a, b) in [
            ("begin", "start"),
            ("start", "begin"),
            ("launch", "establish"),
            ("establish", "found"),
            ("country", "nation"),
            ("increase", "gain"),
            ("set_up", "launch"),
        ] {
            assert!(
                has(synonyms(a), b),
                "{a} / {b}: {:?}",
                synonyms(a).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn rare_senses_make_no_synonyms() {
        for (a, b) in [("begin", "get"), ("get", "begin"), ("last", "finis")] {
            assert!(!has(synonyms(a), b), "{a} / {b}");
        }
    }

    #[test]
    fn derivations_join_words_of_one_root() {
        for (a, b) in [
            ("diplomacy", "diplomatic"),
            ("diplomatic", "diplomacy"),
            ("establish", "establishment"),
            ("relation", "relationship"),
        ] {
            assert!(has(derivations(a), b), "{a} / {b}");
        }
    }

    #[test]
    fn antonyms_are_opposites_direct_and_through_similar_words() {
        for (a, b) in [
            ("strong", "weak"),
            ("weak", "strong"),
            ("increase", "decrease"),
            ("rise", "fall"),
            ("feeble", "strong"),
        ] {
            assert!(has(antonyms(a), b), "{a} / {b}");
        }
        assert!(!has(antonyms("last"), "basic"), "a rare sense of basic");
    }

    #[test]
    fn regular_inflections_find_their_base() {
        for (form, base) in [
            ("hoisted", "hoist"),
            ("carries", "carry"),
            ("swapped", "swap"),
            ("launched", "launch"),
            ("collected", "collect"),
            ("skippered", "skipper"),
        ] {
            assert_eq!(regular_base(form).map(word_at), Some(base), "{form}");
        }
        assert_eq!(regular_base("xqzzed"), None);
    }

    #[test]
    fn irregular_forms_have_base_forms() {
        for (form, base) in [
            ("went", "go"),
            ("led", "lead"),
            ("ran", "run"),
            ("began", "begin"),
            ("mice", "mouse"),
        ] {
            assert_eq!(base_form(form), Some(base), "{form}");
        }
        assert_eq!(base_form("go"), None, "a base form has none");
    }

    #[test]
    fn a_stem_without_its_final_e_finds_its_word() {
        assert!(has(synonyms("increas"), "gain"));
        assert!(has(derivations("establish"), "establishment"));
        assert_eq!(base_form("wente"), None, "no e is added for base forms");
    }

    #[test]
    fn unknown_words_have_no_relations() {
        for w in ["zzxqv", "", "_", "Begin", "begin ", "\u{e9}t\u{e9}"] {
            assert_eq!(synonyms(w).count(), 0, "{w:?}");
            assert_eq!(derivations(w).count(), 0, "{w:?}");
            assert_eq!(antonyms(w).count(), 0, "{w:?}");
            assert_eq!(base_form(w), None, "{w:?}");
        }
    }

    /// The tables are the build's output, read in place: every answer is
    /// a slice of the static word text, never a string made at run time.
    #[test]
    fn answers_are_slices_of_the_static_table() {
        let text = WORDS.as_bytes().as_ptr_range();
        let answers = synonyms("begin")
            .chain(derivations("diplomacy"))
            .chain(antonyms("strong"))
            .chain(base_form("went"));
        for w in answers {
            assert!(text.contains(&w.as_ptr()), "{w}");
        }
        let tables: [&'static [u8]; 3] = [ENDS, STARTS, LINKS];
        assert!(tables.iter().all(|t| t.len() % 4 == 0));
    }

    /// Words sorted and unique (binary search depends on it), lower-case
    /// letters and `_` only (so no proper nouns), links in range.
    #[test]
    fn tables_are_sorted_and_consistent() {
        let n = len();
        assert!(n > 10_000, "only {n} words");
        for id in 0..n {
            let w = word_at(id);
            assert!(id == 0 || word_at(id - 1) < w, "{w} out of order");
            assert!(
                w.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{w:?}"
            );
            assert_eq!(find(w), Some(id));
        }
        assert_eq!(STARTS.len() / 4, n + 1);
        for i in 0..LINKS.len() / 4 {
            assert!(((u32_at(LINKS, i) & ((1 << ID_BITS) - 1)) as usize) < n);
        }
    }

    #[test]
    fn a_paraphrase_stands_for_a_plainer_word_one_way_only() {
        assert!(has(entry("hand_over").paraphrases(), "exchange"));
        assert!(has(entry("drop").paraphrases(), "release"));
        assert!(has(inflected_paraphrases("dropped"), "release"));
        assert!(!has(entry("release").paraphrases(), "drop"));
        assert!(!has(entry("release").synonyms(), "drop"));
        assert!(has(entry("formal").synonyms(), "official"));
    }

    #[test]
    fn a_phrase_is_found_from_any_form_of_its_first_word() {
        let phrase = |first: &str, rest: &[&str]| compound(&phrase_forms(first), rest);
        assert_eq!(phrase("handed", &["over"]), Some("hand_over"));
        assert_eq!(phrase("took", &["the", "helm"]), Some("take_the_helm"));
        assert_eq!(phrase("stepped", &["down"]), Some("step_down"));
        assert_eq!(phrase("handed", &["under"]), None);
        assert_eq!(phrase_forms("qwzx"), [None, None, None]);
    }

    #[test]
    fn a_nouns_hypernyms_are_what_it_is_a_kind_of() {
        assert!(has(entry("ship").hypernyms(), "vessel"));
        assert!(has(entry("ships").hypernyms(), "vessel"));
        assert!(has(entry("amphora").hypernyms(), "jar"));
        assert!(!has(entry("vessel").hypernyms(), "ship"));
        assert_eq!(entry("qwzx").hypernyms().count(), 0);
    }

    /// Synonyms, derivations and antonyms go both ways, and no word is
    /// related to itself.
    #[test]
    fn relations_are_symmetric_and_never_reflexive() {
        for id in 0..len() {
            let a = word_at(id);
            for (rel, name) in [
                (Rel::Synonym, "synonym"),
                (Rel::Derivation, "derivation"),
                (Rel::Antonym, "antonym"),
            ] {
                for b in related(Some(id), rel) {
                    assert_ne!(a, b, "{a} is its own {name}");
                    assert!(
                        has(related(find(b), rel), a),
                        "{a} -> {b} one way only ({name})"
                    );
                }
            }
        }
    }
}
