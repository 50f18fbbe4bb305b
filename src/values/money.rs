//! Money: an amount with a currency ("$21m", "21 million US dollars",
//! "USD 21,000,000"). A different currency differs; no currency in the
//! claim is the fact's.

use super::{Cmp, Rel, amount_relation};
use crate::lang::{self, Token};

pub(crate) fn relation(
    x: f64,
    currency: Option<&str>,
    cmp: Cmp,
    v: f64,
    fact_currency: Option<&str>,
    fact: Cmp,
) -> Rel {
    match (currency, fact_currency) {
        (Some(c), Some(f)) if !c.eq_ignore_ascii_case(f) => Rel::Mismatch,
        _ => amount_relation(x, cmp, v, fact),
    }
}

/// A currency written before an amount: `$`, `US$`, `USD`. Returns the
/// ISO code and the token after it.
pub(crate) fn prefix(tokens: &[Token], used: &[bool], k: usize) -> Option<(&'static str, usize)> {
    let free = |k: usize| k < tokens.len() && !used[k];
    if free(k + 1)
        && free(k)
        && lang::is_currency_qualifier(&tokens[k].text)
        && let Some(c) = lang::currency_symbol(&tokens[k + 1].text)
    {
        return Some((c, k + 2));
    }
    if !free(k) {
        return None;
    }
    if let Some(c) = lang::currency_symbol(&tokens[k].text) {
        return Some((c, k + 1));
    }
    let t = &tokens[k];
    let c = lang::currency_word(&t.text).filter(|_| t.text.len() == 3)?;
    super::number::starts_number(tokens, k + 1).then_some((c, k + 1))
}

/// A currency written after an amount: "dollars", "US dollars",
/// "Norwegian crowns". A denomination alone ("crowns") is money in a
/// currency the words do not name: `None`.
pub(crate) fn suffix(
    tokens: &[Token],
    used: &[bool],
    k: usize,
) -> Option<(Option<&'static str>, usize)> {
    let free = |k: usize| k < tokens.len() && !used[k];
    if free(k)
        && free(k + 1)
        && let Some(c) = lang::currency_of_people(&tokens[k].text, &tokens[k + 1].text)
    {
        return Some((Some(c), k + 2));
    }
    let mut m = k;
    if free(m) && lang::is_currency_qualifier(&tokens[m].text) {
        m += 1;
    }
    let word = &tokens.get(m).filter(|_| free(m))?.text;
    if let Some(c) = lang::currency_word(word) {
        return Some((Some(c), m + 1));
    }
    (m == k && lang::is_denomination(word)).then_some((None, k + 1))
}

/// A quiz answer's expected amount: `5000000 USD`.
pub(crate) fn parse(v: &str) -> Result<(f64, String), &'static str> {
    let mut parts = v.split_whitespace();
    let amount = parts.next().and_then(super::parse_digits);
    let currency = parts
        .next()
        .filter(|c| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()));
    match (amount, currency, parts.next()) {
        (Some(value), Some(c), None) => Ok((value, c.to_string())),
        _ => Err("write the amount and an ISO currency code, e.g. 5000000 USD"),
    }
}

pub(crate) fn display(value: f64, currency: Option<&str>) -> String {
    match currency {
        Some(c) => format!("{} {c}", super::group(value)),
        None => super::group(value),
    }
}
