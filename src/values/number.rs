//! Numbers in digits or words, with their scales: the reading every
//! amount kind (count, money, measure, duration) starts from.

use crate::lang::{self, TokKind, Token, word_at};

/// Parses a run of digits with thousands separators or a decimal point.
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    if let Some(magnitude) = s.strip_prefix('-') {
        return parse_digits(magnitude).map(|v| -v);
    }
    if s.contains(['/', '-', ':']) {
        return None;
    }
    // Most numbers have no separator: parsed as they are, not copied.
    if !s.contains(',') {
        if s.bytes().filter(|&b| b == b'.').count() > 1 {
            return None;
        }
        return s.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    let commas = s.matches(',').count();
    let cleaned: String = if commas > 0 {
        // Thousands separators must sit between groups of three digits.
        let groups: Vec<&str> = s.split('.').next()?.split(',').collect();
        if groups.iter().skip(1).any(|g| g.len() != 3) || groups[0].is_empty() {
            return None;
        }
        s.replace(',', "")
    } else {
        s.to_string()
    };
    if cleaned.matches('.').count() > 1 {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

pub(crate) fn starts_number(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| {
        t.kind == TokKind::Number
            || lang::currency_symbol(&t.text).is_some()
            || lang::is_currency_qualifier(&t.text)
            || (t.text.len() == 3 && lang::currency_word(&t.text).is_some())
            || number_word(&t.text)
            || t.text == "a"
    })
}

pub(crate) fn number_word(w: &str) -> bool {
    lang::cardinal(w).is_some()
        || lang::ordinal_word(w).is_some()
        || matches!(
            w,
            "hundred" | "thousand" | "million" | "billion" | "trillion"
        )
}

/// Reads digits (`12,500`, `12 500`, `112` + `th`) or number words
/// (`one hundred and twelfth`). Returns the value, whether it is an
/// ordinal, whether it was words only, and the next token.
pub(crate) fn read_number(
    tokens: &[Token],
    used: &[bool],
    k: usize,
) -> Option<(f64, bool, bool, usize)> {
    let free = |k: usize| k < tokens.len() && !used[k];
    if !free(k) {
        return None;
    }
    let t = &tokens[k];
    if t.kind == TokKind::Number {
        // "14.000" with no scale after it: a European thousands separator.
        let european = t.text.split('.').count() > 1
            && !t.text.contains(',')
            && t.text.split('.').skip(1).all(|g| g.len() == 3)
            && t.text
                .split('.')
                .next()
                .is_some_and(|g| (1..=3).contains(&g.len()))
            && tokens
                .get(k + 1)
                .is_none_or(|n| lang::scale_of(&n.text).is_none());
        let mut value = if european {
            parse_digits(&t.text.replace('.', ""))?
        } else {
            parse_digits(&t.text)?
        };
        let mut end = k + 1;
        // "12 500": a short group followed by groups of exactly three digits.
        if !t.text.contains([',', '.']) && t.text.len() <= 3 {
            while free(end)
                && tokens[end].kind == TokKind::Number
                && tokens[end].text.len() == 3
                && tokens[end].text.bytes().all(|b| b.is_ascii_digit())
            {
                value = value * 1000.0 + parse_digits(&tokens[end].text)?;
                end += 1;
            }
        }
        if free(end)
            && tokens[end].attached
            && matches!(tokens[end].text.as_str(), "st" | "nd" | "rd" | "th")
        {
            return Some((value, true, false, end + 1));
        }
        // "35 million": digits then scale words are read by the caller.
        return Some(and_a_half(tokens, used, (value, false, false, end)));
    }
    read_words(tokens, used, k).map(|r| and_a_half(tokens, used, r))
}

/// "six and a half", "2 and a half": a cardinal and a half.
fn and_a_half(
    tokens: &[Token],
    used: &[bool],
    r: (f64, bool, bool, usize),
) -> (f64, bool, bool, usize) {
    let (value, ordinal, words, end) = r;
    let half = ["and", "a", "half"].iter().enumerate().all(|(i, w)| {
        tokens
            .get(end + i)
            .is_some_and(|t| !used[end + i] && t.text == *w)
    });
    match half && !ordinal {
        true => (value + 0.5, false, words, end + 3),
        false => r,
    }
}

/// Reads number words (`one hundred and twelfth`, `forty-five`).
fn read_words(tokens: &[Token], used: &[bool], k: usize) -> Option<(f64, bool, bool, usize)> {
    let free = |k: usize| k < tokens.len() && !used[k];
    let mut total = 0u64;
    let mut current = 0u64;
    let mut j = k;
    let mut any = false;
    let mut ordinal = false;
    while free(j) {
        let w = tokens[j].text.as_str();
        if let Some(v) = lang::cardinal(w) {
            current = current.saturating_add(v);
        } else if let Some(v) = lang::ordinal_word(w) {
            if v >= 100 {
                current = current.max(1).saturating_mul(v);
            } else {
                current = current.saturating_add(v);
            }
            ordinal = true;
            any = true;
            j += 1;
            break;
        } else if w == "hundred" {
            current = current.max(1).saturating_mul(100);
        } else if w == "a" && any_following_scale(tokens, j) && !any {
            current = 1;
        } else if let Some(scale) = match w {
            "thousand" => Some(1_000u64),
            "million" => Some(1_000_000),
            "billion" => Some(1_000_000_000),
            "trillion" => Some(1_000_000_000_000),
            _ => None,
        } {
            if !any {
                return None;
            }
            // "ten thousand million": a larger scale right after a smaller
            // one multiplies all before it.
            let previous = j.checked_sub(1).map(|p| tokens[p].text.as_str());
            if current == 0 && matches!(previous, Some("thousand" | "million")) {
                total = total.saturating_mul(scale);
            } else {
                total = total.saturating_add(current.max(1).saturating_mul(scale));
            }
            current = 0;
        } else if w == "and"
            && any
            && j.checked_sub(1)
                .is_some_and(|p| lang::scale_of(&tokens[p].text).is_some())
            && word_at(tokens, j + 1).is_some_and(number_word)
        {
            // "one hundred and twelfth"; never "one and two million" (a
            // range's two ends, not a sum).
        } else {
            break;
        }
        any = true;
        j += 1;
    }
    if !any {
        return None;
    }
    Some(((total + current) as f64, ordinal, true, j))
}

fn any_following_scale(tokens: &[Token], j: usize) -> bool {
    word_at(tokens, j + 1)
        .is_some_and(|w| matches!(w, "hundred" | "thousand" | "million" | "billion"))
}

/// 12500 → "12,500"; fractions keep up to two decimals.
pub(crate) fn group(n: f64) -> String {
    let whole = n.trunc() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    let frac = n - n.trunc();
    if frac.abs() > 1e-9 {
        let f = format!("{:.2}", frac.abs());
        out.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    out
}
