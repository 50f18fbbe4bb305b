//! Money: an amount with a currency ("$21m", "21 million US dollars",
//! "USD 21,000,000"). A different currency differs; no currency in the
//! claim is the fact's.

use super::amount::Figure;
use super::bank::{Expected, bounded, finite};
use super::kind::{At, Found, Kind, Names};
use super::{Cmp, Rel, Value, amount_relation};
use crate::bank::{self, AnswerType};
use crate::lang::{self, Token, Word};

/// Money: a figure with a currency before it (read with the figure) or
/// after it.
pub(crate) struct Money;

impl Kind for Money {
    fn read_figure(&self, f: &Figure, at: &At) -> Option<Found> {
        let (currency, end) = match f.currency {
            Some(c) => (Some(c), f.end),
            None => suffix(at.tokens, at.used, f.end)?,
        };
        let currency = currency.map(Word::from);
        let value = f.value;
        Some(Found::whole(Value::Money { value, currency }, end))
    }

    fn range_low(&self, value: f64, high: &Value) -> Option<Value> {
        match high {
            Value::Money { currency, .. } => Some(Value::Money {
                value,
                currency: currency.clone(),
            }),
            _ => None,
        }
    }

    fn read_bank(&self, v: &bank::Value, _: &Names) -> Option<Result<(Value, Cmp), String>> {
        let bank::Value::Money {
            value,
            currency,
            approx,
            bound,
            ..
        } = v
        else {
            return None;
        };
        let currency = Some(Word::from(currency.to_uppercase()));
        let cmp = bounded(*approx, *bound);
        Some(finite(*value).map(|value| (Value::Money { value, currency }, cmp)))
    }

    fn answer(&self, t: AnswerType, v: &str, _: &Names) -> Option<Result<Expected, &'static str>> {
        (t == AnswerType::Money).then(|| {
            parse(v).map(|(value, c)| {
                let currency = Some(Word::from(c));
                Expected::Value(Value::Money { value, currency })
            })
        })
    }

    fn relation(&self, claim: &Value, cmp: Cmp, fact: &Value, fact_cmp: Cmp) -> Option<Rel> {
        let (
            Value::Money { value, currency },
            Value::Money {
                value: f,
                currency: fc,
            },
        ) = (claim, fact)
        else {
            return None;
        };
        let (c, fc) = (currency.as_deref(), fc.as_deref());
        Some(relation(*value, c, cmp, *f, fc, fact_cmp))
    }

    fn comparable(&self, claim: &Value, fact: &Value) -> bool {
        matches!((claim, fact), (Value::Money { .. }, Value::Money { .. }))
    }

    fn display(&self, v: &Value, _: &Names) -> Option<String> {
        match v {
            Value::Money { value, currency } => Some(display(*value, currency.as_deref())),
            _ => None,
        }
    }
}

pub(crate) fn relation(
    x: f64,
    currency: Option<&str>,
    cmp: Cmp,
    v: f64,
    fact_currency: Option<&str>,
    fact: Cmp,
) -> Rel {
    match (currency, fact_currency) {
        // Another currency: the same figure ("21 million euros" for 21
        // million dollars, or 21 billion) is the figure misremembered; any
        // other would need an exchange rate, which the article does not give.
        (Some(c), Some(f)) if !c.eq_ignore_ascii_case(f) => {
            let thousands = (x / v).abs().log10() / 3.0;
            if v != 0.0 && (thousands - thousands.round()).abs() < 1e-9 {
                Rel::Mismatch
            } else {
                Rel::Unknown
            }
        }
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
    // "the two: USD 21 mn": a currency after a colon or comma belongs to
    // what follows, not to the number before.
    if k > 0
        && tokens
            .get(k)
            .is_some_and(|t| t.start > tokens[k - 1].end + 1)
    {
        return None;
    }
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
