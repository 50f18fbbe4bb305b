//! Counts: "12,500", "about 12k", "more than ten thousand". Related as
//! bounded amounts ([`super::amount_relation`]).

/// A quiz answer's expected number, in digits.
pub(crate) fn parse(v: &str) -> Result<f64, &'static str> {
    super::parse_digits(v).ok_or("write digits, e.g. 12500")
}

/// 12500 → "12,500".
pub(crate) fn display(n: f64) -> String {
    super::group(n)
}
