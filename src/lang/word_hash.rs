//! The hash of the word tables, shared by `build.rs` (which lays the
//! tables out) and `table.rs` (which looks words up), so that both agree
//! by construction: FxHash-style, eight bytes at a time, a handful of
//! instructions for a short word (SipHash took ten times that).

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// The hash of a word's bytes; its high bits are the well-mixed ones.
#[inline]
pub(crate) fn word_hash(w: &[u8]) -> u64 {
    let mut h = (w.len() as u64).wrapping_mul(K);
    let mut rest = w;
    while let Some((chunk, more)) = rest.split_first_chunk::<8>()
        && !more.is_empty()
    {
        h = (h ^ u64::from_le_bytes(*chunk)).wrapping_mul(K);
        rest = more;
    }
    if !rest.is_empty() {
        h = (h ^ tail(rest)).wrapping_mul(K);
    }
    // Fold the high half down so that the low bits mix too.
    h ^ (h >> 32)
}

/// One to eight bytes as a number, without copying them anywhere: two
/// overlapping four-byte reads, or the first, middle and last byte (the
/// length, hashed first, tells the rest apart).
#[inline]
fn tail(b: &[u8]) -> u64 {
    let n = b.len();
    match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        (Some(lo), Some(hi)) => {
            u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << 32
        }
        _ => u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
    }
}

/// The slot of a hash in a table of `1 << bits` slots.
#[inline]
pub(crate) fn home(h: u64, bits: u32) -> usize {
    (h.wrapping_mul(K) >> (64 - bits)) as usize
}
