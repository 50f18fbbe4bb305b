//! The hash of the word tables, shared by `build.rs` (which lays the
//! tables out) and `table.rs` (which looks words up), so that both agree
//! by construction: FxHash-style, eight bytes at a time, a handful of
//! instructions for a short word (SipHash took ten times that).

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// The hash of a word's bytes; its high bits are the well-mixed ones.
#[inline]
pub(crate) fn word_hash(w: &[u8]) -> u64 {
    let mut h = (w.len() as u64).wrapping_mul(K);
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    // Fold the high half down so that the low bits mix too.
    h ^ (h >> 32)
}

/// The slot of a hash in a table of `1 << bits` slots.
#[inline]
pub(crate) fn home(h: u64, bits: u32) -> usize {
    (h.wrapping_mul(K) >> (64 - bits)) as usize
}
