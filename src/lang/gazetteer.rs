//! What a bank contributes to reading a statement: the names of its
//! entities and its named dates, on top of the built-in ones.

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use super::{Word, tokenize};

/// One way of naming an entity.
#[derive(Debug)]
pub(crate) struct Alias {
    pub(crate) words: Vec<Word>,
    pub(crate) entity: usize,
    /// Only matches when written in capitals.
    pub(crate) acronym: bool,
    /// Names the entity's people ("Danes"), not the entity itself.
    pub(crate) people: bool,
}

/// What a bank contributes to reading a statement: its names and named dates.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    /// First token of an alias → (alias tokens, entity index, acronym?),
    /// longest alias first.
    pub(crate) aliases: HashMap<Word, Vec<Alias>>,
    /// Named dates as token sequences.
    pub(crate) named_dates: Vec<(Vec<Word>, u8, u8)>,
    /// First words of the bank's named dates, which may begin a date.
    starters: FxHashSet<Word>,
    /// The lengths and first letters of `aliases`' keys and of
    /// `starters`: most words of a statement are ruled out by these
    /// without being hashed.
    alias_shape: Shape,
    starter_shape: Shape,
    /// Every word of every alias.
    words: FxHashSet<Word>,
    /// The words of four letters or more, by first byte and length: what
    /// a typo of a name may be taken for. By length too, so that a lookup
    /// reads three short lists, not every name word of that letter (a bank
    /// of 24,000 facts has thousands).
    typo_targets: HashMap<(u8, usize), Vec<Word>>,
    /// Every alias added, by entity.
    added: FxHashSet<(usize, Vec<Word>)>,
}

impl Gazetteer {
    /// The built-in named dates, and no names yet.
    pub(crate) fn new() -> Self {
        let mut gaz = Gazetteer::default();
        for &(name, (month, day)) in super::NAMED_DATES {
            gaz.add_named_date(name, month, day);
        }
        gaz
    }

    /// Adds a name of an entity; `people` marks a name of its people
    /// ("Norwegians").
    pub(crate) fn add_alias(&mut self, alias: &str, entity: usize, people: bool) {
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
                if let Some(&f) = t.as_bytes().first().filter(|_| t.len() >= 4) {
                    (self.typo_targets.entry((f, t.len())).or_default()).push(t.clone());
                }
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
            self.alias_shape.add(first);
            self.aliases.insert(first.clone(), Vec::new());
        }
        // Each name once per entity; a set, as one first word ("new") may
        // begin the names of thousands of entities in a large bank.
        if !self.added.insert((entity, toks.clone())) {
            return;
        }
        let list = self.aliases.get_mut(first).expect("just inserted");
        // Longest alias first, so that "North X" wins over "X"; a new one
        // after those as long.
        let pos = list.partition_point(|x| x.words.len() >= toks.len());
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
    pub(crate) fn knows(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The one word of the aliases that `typo` may be a typo of: same
    /// first letter, one edit away (a swap of neighbours is one), four
    /// letters or more, and no other alias word as near. Never for a word
    /// of a name itself.
    pub(crate) fn name_word_near(&self, typo: &str) -> Option<&Word> {
        let first = typo.as_bytes().first()?;
        // "sudans" is a possessive without its apostrophe, read as one.
        let possessive = typo
            .strip_suffix('s')
            .is_some_and(|w| self.words.contains(w));
        if typo.len() < 4 || self.words.contains(typo) || possessive {
            return None;
        }
        // A four-letter word only by a swap ("cuab"): one letter more or
        // less is too near too many short words.
        let edits = |w: &str| match typo.len() {
            4 => w.len() == 4 && one_edit(w.as_bytes(), typo.as_bytes()),
            _ => one_edit(w.as_bytes(), typo.as_bytes()),
        };
        let n = typo.len();
        let mut near = (n - 1..=n + 1)
            .filter_map(|len| self.typo_targets.get(&(*first, len)))
            .flatten()
            .filter(|w| edits(w));
        match (near.next(), near.next()) {
            (Some(w), None) => Some(w),
            _ => None,
        }
    }

    pub(crate) fn add_named_date(&mut self, name: &str, month: u8, day: u8) {
        let toks: Vec<Word> = tokenize(name).into_iter().map(|t| t.text).collect();
        if let Some(first) = toks.first() {
            // "chrstmas eve": a holiday's word may be mistyped as a name's.
            if let Some(&f) = first.as_bytes().first().filter(|_| first.len() >= 6) {
                let targets = self.typo_targets.entry((f, first.len())).or_default();
                if !targets.contains(first) {
                    targets.push(first.clone());
                }
            }
            self.starter_shape.add(first);
            self.starters.insert(first.clone());
            self.named_dates.push((toks, month, day));
        }
        self.named_dates
            .sort_by_key(|(t, _, _)| std::cmp::Reverse(t.len()));
    }

    /// Whether a word may begin one of the bank's named dates.
    #[inline]
    pub(crate) fn starts_named_date(&self, word: &str) -> bool {
        self.starter_shape.admits(word) && self.starters.contains(word)
    }

    /// The names that begin with `word`, longest first (see `aliases`).
    #[inline]
    pub(crate) fn names_from(&self, word: &str) -> &[Alias] {
        if !self.alias_shape.admits(word) {
            return &[];
        }
        self.aliases.get(word).map_or(&[], Vec::as_slice)
    }
}

/// Whether two words are exactly one edit apart: a letter changed, added
/// or left out, or two neighbours swapped (`strsim::osa_distance` of 1,
/// by bytes and without allocating: it is asked of many words).
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let Some(i) = (0..short.len()).find(|&i| long[i] != short[i]) else {
        return long.len() == short.len() + 1;
    };
    match long.len() - short.len() {
        0 => {
            let swap = i + 1 < long.len() && long[i] == short[i + 1] && long[i + 1] == short[i];
            long[i + 1..] == short[i + 1..] || (swap && long[i + 2..] == short[i + 2..])
        }
        1 => long[i + 1..] == short[i..],
        _ => false,
    }
}

/// Which lengths (bit `len`, 63 for longer) and first bytes some words
/// have: a word with another is none of them.
#[derive(Debug, Default)]
struct Shape {
    lens: u64,
    firsts: [u64; 4],
}

impl Shape {
    fn add(&mut self, word: &str) {
        self.lens |= 1 << word.len().min(63);
        if let Some(&f) = word.as_bytes().first() {
            self.firsts[usize::from(f >> 6)] |= 1 << (f & 63);
        }
    }

    #[inline]
    fn admits(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let first =
            (b.first()).is_none_or(|&f| self.firsts[usize::from(f >> 6)] >> (f & 63) & 1 != 0);
        first && self.lens >> b.len().min(63) & 1 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holidays_word_mistyped_is_mended() {
        let gaz = Gazetteer::new();
        for (typo, want) in [
            ("chrstmas", Some("christmas")),
            ("christmass", Some("christmas")),
            ("halloweem", Some("halloween")),
            ("christmas", None),
            ("chrome", None),
        ] {
            assert_eq!(gaz.name_word_near(typo).map(|w| w.as_str()), want, "{typo}");
        }
    }

    #[test]
    fn one_edit_is_what_osa_distance_counts_as_one() {
        let words = [
            "sudan", "sudna", "suda", "sudans", "sduan", "cudan", "nadus", "su", "sudanese", "",
        ];
        for a in words {
            for b in words {
                let want = strsim::osa_distance(a, b) == 1;
                assert_eq!(one_edit(a.as_bytes(), b.as_bytes()), want, "{a} / {b}");
            }
        }
    }

    #[test]
    fn a_typo_is_taken_for_the_one_name_word_one_edit_away() {
        let mut gaz = Gazetteer::new();
        gaz.add_alias("South Sudan", 0, false);
        gaz.add_alias("North Macedonia", 1, false);
        gaz.add_alias("Chad", 2, false);
        gaz.add_alias("Chan", 3, false);
        let cases = [
            ("souht", Some("south")),
            ("sudna", Some("sudan")),
            ("macedoina", Some("macedonia")),
            // Four letters: a swap only, and not when two names are near.
            ("noth", None),
            ("chda", Some("chad")),
            ("chab", None),
            // A name word itself, or its bare possessive, is no typo.
            ("macedonia", None),
            ("macedonias", None),
            ("xorth", None),
        ];
        for (typo, want) in cases {
            assert_eq!(gaz.name_word_near(typo).map(|w| w.as_str()), want, "{typo}");
        }
    }
}
