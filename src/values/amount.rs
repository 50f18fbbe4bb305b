//! Amounts: reading a figure (shared by the amount-like kinds) and
//! relating two bounded amounts. Each side is an interval: a bare number
//! is a point, "about" widens it by [`APPROX_TOLERANCE`], a bound is a
//! half-line. A claim holds when every value the fact allows satisfies
//! it, fails when none does, and is undecided otherwise.

use super::number::read_number;
use super::{Cmp, Rel, money};
use crate::lang::{self, APPROX_TOLERANCE, Token};

/// A figure read from a statement: currency written before it, sign,
/// number and scale. The amount-like kinds (ordinal, measure, money,
/// duration, count) then say what it counts; it is read once for all.
pub(crate) struct Figure {
    /// Signed and scaled; a rank's position.
    pub(crate) value: f64,
    /// "12th": a rank, read without sign or scale.
    pub(crate) rank: bool,
    /// Spelt in words only ("two"), not digits.
    pub(crate) words_only: bool,
    /// A scale word followed ("million", a glued "k").
    pub(crate) scaled: bool,
    /// A currency written before the figure ("$", "USD").
    pub(crate) currency: Option<&'static str>,
    /// The token after the figure.
    pub(crate) end: usize,
}

/// The largest amount read: beyond it a figure is noise, not a claim
/// (and repeated scale words never reach infinity).
pub(crate) const MAX_AMOUNT: f64 = 1e15;

impl Figure {
    /// Reads a figure at token `j`, or nothing.
    pub(crate) fn read(tokens: &[Token], used: &[bool], j: usize) -> Option<Figure> {
        let free = |k: usize| k < tokens.len() && !used[k];
        let (currency, mut k) = match money::prefix(tokens, used, j) {
            Some((c, k)) => (Some(c), k),
            None => (None, j),
        };
        let negative = free(k) && tokens[k].text == "minus";
        if negative {
            k += 1;
        }
        let (value, rank, words_only, end) = read_number(tokens, used, k)?;
        let (value, scaled, end) = if rank {
            // A rank has no sign: "the -12th" is no rank, and no figure.
            if negative || value < 1.0 {
                return None;
            }
            (value, false, end)
        } else {
            let value = if negative { -value } else { value };
            scales(tokens, used, end, value, currency.is_some())?
        };
        Some(Figure {
            value,
            rank,
            words_only,
            scaled,
            currency,
            end,
        })
    }
}

/// Scale words after a number ("million", "bn", a glued "k"); at most two,
/// and never past [`MAX_AMOUNT`].
fn scales(
    tokens: &[Token],
    used: &[bool],
    mut k: usize,
    mut value: f64,
    money: bool,
) -> Option<(f64, bool, usize)> {
    let mut scaled = 0;
    while k < tokens.len() && !used[k] {
        let t = &tokens[k];
        // One-letter scales (m, k, b) only when glued to the digits; a
        // glued "m" is metres unless money or a unit says million.
        let metres = t.text == "m"
            && !money
            && !tokens.get(k + 1).is_some_and(|n| {
                lang::currency_word(&n.text).is_some()
                    || lang::is_currency_qualifier(&n.text)
                    || lang::unit_of(&n.text).is_some()
            });
        match lang::scale_of(&t.text) {
            Some(s) if (t.text.len() > 1 || t.attached) && !metres => {
                value *= s;
                scaled += 1;
                k += 1;
            }
            _ => break,
        }
    }
    (scaled <= 2 && value.abs() <= MAX_AMOUNT).then_some((value, scaled > 0, k))
}

/// Whether two floats are the same number, up to rounding.
pub(crate) fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The interval `(lo, hi, lo_open, hi_open)` a bounded amount allows.
fn interval(v: f64, cmp: Cmp) -> (f64, f64, bool, bool) {
    let t = APPROX_TOLERANCE * v.abs();
    match cmp {
        Cmp::Exact | Cmp::Precisely => (v, v, false, false),
        Cmp::Approx => (v - t, v + t, false, false),
        Cmp::Gt => (v, f64::MAX, true, false),
        Cmp::Ge => (v, f64::MAX, false, false),
        Cmp::Lt => (f64::MIN, v, false, true),
        Cmp::Le | Cmp::UpTo => (f64::MIN, v, false, false),
    }
}

fn pick(yes: bool, no: bool) -> Rel {
    if yes {
        Rel::Match
    } else if no {
        Rel::Mismatch
    } else {
        Rel::Unknown
    }
}

/// How a claimed amount `x` (bounded by `cmp`) stands to the fact's `v`
/// (bounded by `fact`).
pub(crate) fn amount_relation(x: f64, cmp: Cmp, v: f64, fact: Cmp) -> Rel {
    if !x.is_finite() || !v.is_finite() {
        return Rel::Unknown;
    }
    if cmp == Cmp::UpTo && matches!(fact, Cmp::Lt | Cmp::Le | Cmp::UpTo) {
        // Two maxima: the same one, or another.
        return pick(same(x, v), true);
    }
    let fact_approx = fact == Cmp::Approx;
    let point_fact = matches!(fact, Cmp::Exact | Cmp::Precisely | Cmp::Approx);
    if point_fact {
        // The article's own figure, said again, is the article's figure;
        // "exactly" asks for more than an approximate one can give.
        match cmp {
            Cmp::Precisely if fact_approx => return pick(false, outside(x, v, fact)),
            Cmp::Exact | Cmp::Approx | Cmp::Precisely if same(x, v) => return Rel::Match,
            Cmp::Exact | Cmp::Precisely if !fact_approx => return Rel::Mismatch,
            Cmp::Exact | Cmp::Precisely => return pick(false, outside(x, v, fact)),
            Cmp::Approx if !fact_approx => {
                return pick((v - x).abs() <= APPROX_TOLERANCE * x.abs(), true);
            }
            Cmp::Approx => return pick(false, (v - x).abs() > APPROX_TOLERANCE * v.abs()),
            _ => {}
        }
    }
    let (flo, fhi, flo_open, fhi_open) = interval(v, fact);
    let (clo, chi, clo_open, chi_open) = interval(x, cmp);
    // Every value the fact allows is one the claim allows.
    let lo_in = flo > clo || (flo == clo && (!clo_open || flo_open));
    let hi_in = fhi < chi || (fhi == chi && (!chi_open || fhi_open));
    // No value is allowed by both.
    let apart = flo > chi
        || fhi < clo
        || (flo == chi && (flo_open || chi_open))
        || (fhi == clo && (fhi_open || clo_open));
    pick(lo_in && hi_in, apart)
}

fn outside(x: f64, v: f64, fact: Cmp) -> bool {
    let (lo, hi, _, _) = interval(v, fact);
    x < lo || x > hi
}

#[cfg(test)]
mod tests {
    use super::*;
    use Cmp::*;

    #[test]
    fn bounds_and_approximations_relate_as_intervals() {
        let cases = [
            // claim, cmp, fact, fact bound, expected
            (12000.0, Gt, 17000.0, Approx, Rel::Match),
            (20000.0, Gt, 17000.0, Approx, Rel::Mismatch),
            (17000.0, Gt, 17000.0, Approx, Rel::Unknown),
            (40e6, Lt, 35e6, Exact, Rel::Match),
            (4000.0, Approx, 17000.0, Approx, Rel::Mismatch),
            (14000.0, Exact, 14000.0, Approx, Rel::Match),
            (14100.0, Precisely, 14000.0, Approx, Rel::Unknown),
            (75.0, Lt, 50.0, Lt, Rel::Match),
            (45.0, Lt, 50.0, Lt, Rel::Unknown),
            (60.0, Gt, 50.0, Lt, Rel::Mismatch),
            (50.0, Ge, 50.0, Lt, Rel::Mismatch),
            (40.0, Exact, 50.0, Lt, Rel::Unknown),
            (3000.0, Gt, 3000.0, Gt, Rel::Match),
            (8.0, UpTo, 5.0, Le, Rel::Mismatch),
            (4.0, UpTo, 5.0, Le, Rel::Mismatch),
            (5.0, UpTo, 5.0, Le, Rel::Match),
            (8.0, Le, 5.0, Le, Rel::Match),
            (8.0, UpTo, 5.0, Exact, Rel::Match),
            (-193.0, Exact, 193.0, Exact, Rel::Mismatch),
            (f64::INFINITY, Exact, 193.0, Exact, Rel::Unknown),
        ];
        for (x, c, v, f, want) in cases {
            assert_eq!(amount_relation(x, c, v, f), want, "{x} {c:?} vs {v} {f:?}");
        }
    }
}
