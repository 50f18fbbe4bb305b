//! The types of the generated word tables: a perfect-hash set or map
//! behind a test of length and first byte, which rules out most words of
//! a statement without hashing them (hashing is most of reading a
//! statement otherwise: a word is looked up in a dozen lists).

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

pub(crate) struct Set {
    pub(crate) shape: Shape,
    pub(crate) set: phf::Set<&'static str>,
}

impl Set {
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.shape.admits(word) && self.set.contains(word)
    }
}

pub(crate) struct Map<V: 'static> {
    pub(crate) shape: Shape,
    pub(crate) map: phf::Map<&'static str, V>,
}

impl<V> Map<V> {
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        if self.shape.admits(word) {
            self.map.get(word)
        } else {
            None
        }
    }

    #[inline]
    pub(crate) fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Every value, in no particular order.
    pub(crate) fn values(&self) -> impl Iterator<Item = &V> {
        self.map.values()
    }
}
