//! The types of the generated word tables: an open-addressing hash table
//! laid out by `build.rs` behind a test of length and first byte, which
//! rules out most words of a statement without hashing them (a word is
//! looked up in a dozen lists when a statement is read).

use super::word_hash::{home, word_hash};

/// Which lengths (bit `len`, 63 for longer) and first bytes a list's
/// words have.
pub(crate) struct Shape {
    pub(crate) lens: u64,
    pub(crate) firsts: [u64; 4],
}

impl Shape {
    #[inline]
    fn admits(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let first = b
            .first()
            .is_none_or(|&f| self.firsts[usize::from(f >> 6)] >> (f & 63) & 1 != 0);
        first && self.lens >> b.len().min(63) & 1 != 0
    }
}

/// Where each key of a list sits: `slots` (a power of two, at most half
/// full) holds a key's index plus one, 0 when empty; a key that finds its
/// slot taken goes to the next free one. `hashes` are the keys' hashes,
/// compared before the words themselves.
pub(crate) struct Index {
    pub(crate) bits: u32,
    pub(crate) slots: &'static [u16],
    pub(crate) hashes: &'static [u64],
}

impl Index {
    /// The index of the key equal to `word`; `key(i)` is the i-th key.
    #[inline]
    fn find(&self, word: &str, key: impl Fn(usize) -> &'static str) -> Option<usize> {
        let h = word_hash(word.as_bytes());
        let mask = self.slots.len() - 1;
        let mut s = home(h, self.bits);
        loop {
            let e = usize::from(self.slots[s]);
            if e == 0 {
                return None;
            }
            if self.hashes[e - 1] == h && same(key(e - 1), word) {
                return Some(e - 1);
            }
            s = (s + 1) & mask;
        }
    }
}

/// Whether a key whose hash equals the word's is the word. Up to eight
/// bytes the hash is one-to-one for a given length (the bytes are read
/// whole, and every step after is invertible), so equal lengths say it
/// without comparing the bytes; longer words are compared.
#[inline]
fn same(key: &str, word: &str) -> bool {
    key.len() == word.len() && (word.len() <= 8 || key == word)
}

pub(crate) struct Set {
    pub(crate) shape: Shape,
    pub(crate) index: Index,
    pub(crate) keys: &'static [&'static str],
}

impl Set {
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.shape.admits(word) && self.index.find(word, |i| self.keys[i]).is_some()
    }
}

/// A map over the rows of a table, by their first column.
pub(crate) struct Map<V: 'static> {
    pub(crate) shape: Shape,
    pub(crate) index: Index,
    pub(crate) rows: &'static [(&'static str, V)],
}

impl<V> Map<V> {
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        if !self.shape.admits(word) {
            return None;
        }
        let i = self.index.find(word, |i| self.rows[i].0)?;
        Some(&self.rows[i].1)
    }

    #[inline]
    pub(crate) fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Every value, in the table's order.
    pub(crate) fn values(&self) -> impl Iterator<Item = &V> {
        self.rows.iter().map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{
        CONTRAST, CONTRAST_FIRST_SET, MONTHS, MONTHS_MAP, STOPWORDS, STOPWORDS_SET,
    };

    /// What `same` relies on: no two words of up to eight bytes and the
    /// same length share a hash (here over every listed word and every
    /// two-letter word).
    #[test]
    fn short_words_do_not_share_a_hash() {
        use super::super::word_hash::word_hash;
        let letters = b'a'..=b'z';
        let pairs = letters
            .clone()
            .flat_map(|a| letters.clone().map(move |b| [a, b]));
        let mut words: Vec<Vec<u8>> = pairs.map(|p| p.to_vec()).collect();
        let listed = super::super::CLASSES
            .iter()
            .map(|(w, _)| w.as_bytes().to_vec());
        words.extend(listed.filter(|w| w.len() <= 8));
        words.sort();
        words.dedup();
        let mut seen = std::collections::HashMap::new();
        for w in &words {
            if let Some(other) = seen.insert((w.len(), word_hash(w)), w) {
                panic!("{other:?} and {w:?} share a hash");
            }
        }
    }

    #[test]
    fn every_key_is_found_and_nothing_else() {
        assert!(STOPWORDS.iter().all(|w| STOPWORDS_SET.contains(w)));
        for (w, m) in MONTHS {
            assert_eq!(MONTHS_MAP.get(w), Some(m), "{w}");
        }
        for (phrase, _) in CONTRAST {
            let first = phrase.split(' ').next().unwrap_or_default();
            assert!(CONTRAST_FIRST_SET.contains(first), "{phrase}");
        }
        for w in ["", "zzz", "thee", "januar", "stopwords", "é"] {
            assert!(
                !STOPWORDS_SET.contains(w) && MONTHS_MAP.get(w).is_none(),
                "{w}"
            );
        }
    }
}
