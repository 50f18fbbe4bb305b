//! Questions for each fact: for its main value an open question (typed
//! answer) and a choice among values of the same kind, a true statement
//! and false ones made by changing a value; for a fact without a value,
//! true/false from negation or an opposite. A true/false question is kept
//! only when the verifier gives its answer.

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use rand::seq::SliceRandom;

use super::Summary;
use crate::bank::{
    self, AnswerType, Bank, EntityKind, Fact, OpenAnswer, PartialDate, Question, QuestionBody,
};
use crate::lang::{self, world};
use crate::values;
use crate::verify::{Verdict, Verifier};

/// How many wrong choices a choice question offers.
const DISTRACTORS: usize = 3;

pub(crate) fn draft(bank: &Bank, seed: u64, summary: &mut Summary) -> Vec<Question> {
    let v = Verifier::new(bank);
    let mut out = Vec::new();
    for (i, f) in bank.facts.iter().enumerate() {
        let mut rng =
            ChaCha8Rng::seed_from_u64(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let before = out.len();
        match main_value(f) {
            Some(k) => valued(bank, &v, f, k, &mut rng, &mut out, summary),
            None => unvalued(&v, f, &mut out, summary),
        }
        if out.len() == before {
            // The fact's own statement is SUPPORTED (settled before).
            out.push(truefalse(f, "true", f.statement.clone(), true));
        }
    }
    for q in &out {
        match q.body {
            QuestionBody::Open { .. } => summary.open += 1,
            QuestionBody::Choice { .. } => summary.choice += 1,
            QuestionBody::Truefalse { .. } => summary.truefalse += 1,
        }
    }
    out
}

/// The value to ask about: amounts first, then names, then dates.
fn main_value(f: &Fact) -> Option<usize> {
    let rank = |v: &bank::Value| match v {
        bank::Value::Money { .. } => 0,
        bank::Value::Measure { .. } => 1,
        bank::Value::Count { .. } => 2,
        bank::Value::Ordinal { .. } => 3,
        bank::Value::Person { .. } => 4,
        bank::Value::Place { .. } => 5,
        bank::Value::Period { .. } => 6,
        bank::Value::Duration { .. } => 7,
        bank::Value::Date { .. } => 8,
    };
    (0..f.values.len())
        .filter(|&i| f.statement.contains(f.values[i].text()))
        .min_by_key(|&i| rank(&f.values[i]))
}

fn explanation(f: &Fact) -> String {
    format!("The article says: \"{}\"", f.quote)
}

fn truefalse(f: &Fact, tag: &str, prompt: String, answer: bool) -> Question {
    let word = if answer { "True" } else { "False" };
    Question {
        id: format!("{}-{tag}", f.id),
        fact: f.id.clone(),
        prompt,
        explanation: format!("{word}. {}", explanation(f)),
        body: QuestionBody::Truefalse { answer },
    }
}

/// Keeps a true/false question only if the verifier gives its answer.
fn keep_if_judged(v: &Verifier, q: Question, out: &mut Vec<Question>, summary: &mut Summary) {
    let want = match q.body {
        QuestionBody::Truefalse { answer: true } => Verdict::Supported,
        _ => Verdict::Refuted,
    };
    if out.iter().any(|o| o.prompt == q.prompt) {
        return;
    }
    if v.judge(&q.prompt).verdict == want {
        out.push(q);
    } else {
        summary.dropped_statements += 1;
    }
}

fn valued(
    bank: &Bank,
    v: &Verifier,
    f: &Fact,
    k: usize,
    rng: &mut ChaCha8Rng,
    out: &mut Vec<Question>,
    summary: &mut Summary,
) {
    let value = &f.values[k];
    let span = value.text();
    let Some(at) = find_span(&f.statement, span) else {
        return;
    };
    let put = |s: &str| {
        format!(
            "{}{s}{}",
            &f.statement[..at],
            &f.statement[at + span.len()..]
        )
    };
    let blank = put("___");
    let right = shown(bank, value);
    let mut wrong = distractors(bank, f, value, rng);
    wrong.retain(|w| !w.eq_ignore_ascii_case(&right));
    if let Some(answer) = open_answer(bank, value, &right) {
        out.push(Question {
            id: format!("{}-open", f.id),
            fact: f.id.clone(),
            prompt: format!("Fill in the blank from the article: {blank}"),
            explanation: explanation(f),
            body: QuestionBody::Open { answer },
        });
    }
    if !wrong.is_empty() {
        let mut choices = vec![right.clone()];
        choices.extend(wrong.iter().take(DISTRACTORS).cloned());
        out.push(Question {
            id: format!("{}-choice", f.id),
            fact: f.id.clone(),
            prompt: format!("Which fills the blank? {blank}"),
            explanation: explanation(f),
            body: QuestionBody::Choice {
                choices,
                answer: right.clone(),
            },
        });
    }
    // The true statement in other words where the value allows it.
    let prefix = comparator(span);
    if !has_bound(value) {
        keep_if_judged(
            v,
            truefalse(f, "true", put(&format!("{prefix}{right}")), true),
            out,
            summary,
        );
    }
    if !out.iter().any(|q| q.id == format!("{}-true", f.id)) {
        keep_if_judged(
            v,
            truefalse(f, "true", f.statement.clone(), true),
            out,
            summary,
        );
    }
    let mut n = 0;
    let flipped = flip(prefix).map(|p| format!("{p}{right}"));
    let changed = wrong.iter().map(|w| format!("{prefix}{w}"));
    for claim in flipped.into_iter().chain(changed) {
        if n == 2 {
            break;
        }
        let prompt = put(&claim);
        let before = out.len();
        keep_if_judged(
            v,
            truefalse(f, &format!("false-{}", n + 1), prompt, false),
            out,
            summary,
        );
        n += usize::from(out.len() > before);
    }
}

/// Where the value's words stand in the statement: the first match that
/// is not part of a longer word or number ("5" is not in "25").
fn find_span(s: &str, span: &str) -> Option<usize> {
    s.match_indices(span).map(|(i, _)| i).find(|&i| {
        let before = s[..i].chars().next_back();
        let after = s[i + span.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The comparative words a value's text begins with ("about ", "below "),
/// as written.
fn comparator(span: &str) -> &str {
    let lower = span.to_lowercase();
    let first = lower.split(' ').next().unwrap_or("");
    lang::comparators_from(first)
        .map(|(p, _)| p)
        .find(|p| lower.starts_with(&format!("{p} ")))
        .map_or("", |p| &span[..p.len() + 1])
}

/// The opposite bound ("below" → "above"), for a false statement.
fn flip(prefix: &str) -> Option<&'static str> {
    let p = prefix.trim().to_lowercase();
    let pairs = [
        ("below", "above "),
        ("above", "below "),
        ("under", "over "),
        ("over", "under "),
        ("more than", "less than "),
        ("less than", "more than "),
        ("fewer than", "more than "),
        ("at least", "less than "),
        ("up to", "more than "),
    ];
    pairs.iter().find(|(a, _)| *a == p).map(|(_, b)| *b)
}

fn has_bound(v: &bank::Value) -> bool {
    matches!(
        v,
        bank::Value::Count { bound: Some(_), .. }
            | bank::Value::Money { bound: Some(_), .. }
            | bank::Value::Measure { bound: Some(_), .. }
            | bank::Value::Duration { bound: Some(_), .. }
    )
}

/// True/false questions for a fact without a value: the statement, and
/// its negation or an opposite, which must be REFUTED.
fn unvalued(v: &Verifier, f: &Fact, out: &mut Vec<Question>, summary: &mut Summary) {
    keep_if_judged(
        v,
        truefalse(f, "true", f.statement.clone(), true),
        out,
        summary,
    );
    for (n, s) in [negated(&f.statement), opposite(&f.statement)]
        .into_iter()
        .flatten()
        .enumerate()
    {
        keep_if_judged(
            v,
            truefalse(f, &format!("false-{}", n + 1), s, false),
            out,
            summary,
        );
    }
}

const AUXILIARIES: &[&str] = &["is", "are", "was", "were", "will", "can"];
const PERFECT: &[&str] = &["has", "have", "had"];

/// "X has shown Y" → "X has not shown Y"; "have" as a main verb
/// ("have strong ties") is left alone.
fn negated(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split(' ').collect();
    let at = words.iter().enumerate().position(|(i, w)| {
        let w = w.to_lowercase();
        let next = words.get(i + 1).map_or(String::new(), |n| n.to_lowercase());
        AUXILIARIES.contains(&w.as_str())
            || (PERFECT.contains(&w.as_str())
                && (next.ends_with("ed")
                    || next.ends_with("en")
                    || next.ends_with("wn")
                    || next == "been"))
    })?;
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out.insert(at + 1, "not".into());
    Some(out.join(" "))
}

/// The first word with an opposite in the built-in list, replaced by it.
fn opposite(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        let other = lang::ANTONYMS.iter().find_map(|&(a, b)| {
            if a == lower {
                Some(b)
            } else if b == lower {
                Some(a)
            } else {
                None
            }
        });
        if let Some(o) = other.filter(|o| !o.contains(' ')) {
            let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            let o = match bare.chars().next() {
                Some(c) if c.is_uppercase() => {
                    let mut cs = o.chars();
                    cs.next()
                        .map(|f| f.to_uppercase().chain(cs).collect())
                        .unwrap_or_default()
                }
                _ => o.to_string(),
            };
            out[i] = w.replacen(bare, &o, 1);
            return Some(out.join(" "));
        }
    }
    None
}

/// A value as a choice shows it.
fn shown(bank: &Bank, v: &bank::Value) -> String {
    use bank::Value as B;
    match v {
        B::Date { value, .. } => {
            PartialDate::parse_iso(value).map_or(value.clone(), |d| d.display())
        }
        B::Period { from, until, .. } => period(from, until),
        B::Ordinal { value, .. } => ordinal(*value),
        B::Count { value, .. } => amount(*value),
        B::Money {
            value, currency, ..
        } => money(*value, currency),
        B::Measure { value, unit, .. } => measure(*value, unit),
        B::Duration { value, unit, .. } => format!("{} {unit}", amount(*value)),
        B::Place { entity, .. } | B::Person { entity, .. } => bank
            .entity(entity)
            .map_or(entity.clone(), |e| e.name.clone()),
    }
}

fn period(from: &str, until: &str) -> String {
    let d = |s: &str| PartialDate::parse_iso(s).map_or(s.to_string(), |d| d.display());
    format!("from {} to {}", d(from), d(until))
}

fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// 21000000 → "21 million"; 12500 → "12,500".
fn amount(n: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if n.abs() >= scale {
            return format!("{} {word}", values::group(n / scale));
        }
    }
    values::group(n)
}

fn money(value: f64, currency: &str) -> String {
    match currency {
        "USD" => format!("${}", amount(value)),
        "EUR" => format!("€{}", amount(value)),
        "GBP" => format!("£{}", amount(value)),
        c => format!("{} {c}", amount(value)),
    }
}

fn measure(value: f64, unit: &str) -> String {
    let n = amount(value);
    match unit {
        "%" => format!("{n}%"),
        "K" => format!("{n} kelvin"),
        "C" => format!("{n} °C"),
        "F" => format!("{n} °F"),
        u => format!("{n} {u}"),
    }
}

/// The open question's answer, if its value parses as its type.
fn open_answer(bank: &Bank, v: &bank::Value, display: &str) -> Option<OpenAnswer> {
    use bank::Value as B;
    let (kind, value) = match v {
        B::Date { value, .. } => (AnswerType::Date, value.clone()),
        B::Period { from, until, .. } => (AnswerType::Period, format!("{from}/{until}")),
        B::Ordinal { value, .. } => (AnswerType::Ordinal, value.to_string()),
        B::Count { value, .. } => (AnswerType::Number, value.to_string()),
        B::Money {
            value, currency, ..
        } => (AnswerType::Money, format!("{value} {currency}")),
        B::Measure { value, unit, .. } => (AnswerType::Measure, format!("{value} {unit}")),
        B::Duration { value, unit, .. } => (AnswerType::Duration, format!("{value} {unit}")),
        B::Place { entity, .. } => (AnswerType::Place, entity.clone()),
        B::Person { entity, .. } => (AnswerType::Person, entity.clone()),
    };
    let a = OpenAnswer {
        kind,
        value,
        display: Some(display.to_string()),
        accept: Vec::new(),
    };
    values::parse_answer(bank, &a).is_ok().then_some(a)
}

/// Wrong values of the same kind, shown as choices, in a seeded order.
fn distractors(bank: &Bank, f: &Fact, v: &bank::Value, rng: &mut ChaCha8Rng) -> Vec<String> {
    use bank::Value as B;
    let mut near: Vec<String> = match v {
        B::Date { value, .. } => dates(bank, value),
        B::Period { from, until, .. } => shifts()
            .filter_map(|d| Some(period(&shift_year(from, d)?, &shift_year(until, d)?)))
            .collect(),
        B::Ordinal { value, .. } => [1i64, 2, 3, -1, -2, 5, 10]
            .iter()
            .filter_map(|d| u64::try_from(*value as i64 + d).ok().filter(|n| *n >= 1))
            .map(ordinal)
            .collect(),
        B::Count { value, .. } => numbers(*value).into_iter().map(amount).collect(),
        B::Money {
            value, currency, ..
        } => numbers(*value)
            .into_iter()
            .map(|n| money(n, currency))
            .collect(),
        B::Measure { value, unit, .. } => numbers(*value)
            .into_iter()
            .map(|n| measure(n, unit))
            .collect(),
        B::Duration { value, unit, .. } => numbers(*value)
            .into_iter()
            .map(|n| format!("{} {unit}", amount(n)))
            .collect(),
        B::Place { entity, .. } | B::Person { entity, .. } => others(bank, f, entity),
    };
    let mut seen = std::collections::BTreeSet::new();
    near.retain(|s| seen.insert(s.to_lowercase()));
    near.shuffle(rng);
    near.truncate(DISTRACTORS + 2);
    near
}

fn shifts() -> impl Iterator<Item = i32> {
    [-1, 1, -2, 2, 3, -5].into_iter()
}

fn shift_year(iso: &str, d: i32) -> Option<String> {
    let (y, rest) = iso.split_at(iso.find('-').unwrap_or(iso.len()));
    let y: i32 = y.parse().ok()?;
    let s = format!("{:04}{rest}", y + d);
    PartialDate::parse_iso(&s).map(|_| s)
}

/// Dates near the fact's, at its precision, and the article's other
/// dates of that precision.
fn dates(bank: &Bank, value: &str) -> Vec<String> {
    let Some(d) = PartialDate::parse_iso(value) else {
        return Vec::new();
    };
    let mut out: Vec<PartialDate> = shifts()
        .filter_map(|k| PartialDate::parse_iso(&shift_year(value, k)?))
        .collect();
    if let (Some(y), Some(m)) = (d.year, d.month) {
        for dm in [1i32, -1, 2, -3] {
            let m0 = (i32::from(m) - 1 + dm).rem_euclid(12) + 1;
            let s = match d.day {
                Some(day) => format!("{y:04}-{m0:02}-{day:02}"),
                None => format!("{y:04}-{m0:02}"),
            };
            out.extend(PartialDate::parse_iso(&s));
        }
    }
    for f in &bank.facts {
        for v in &f.values {
            if let bank::Value::Date { value: other, .. } = v
                && let Some(o) = PartialDate::parse_iso(other)
                && o != d
                && o.month.is_some() == d.month.is_some()
                && o.day.is_some() == d.day.is_some()
            {
                out.insert(0, o);
            }
        }
    }
    out.iter().map(PartialDate::display).collect()
}

/// Round figures well away from `n` (at least a fifth), as people would
/// guess them.
fn numbers(n: f64) -> Vec<f64> {
    let mut out = Vec::new();
    if n.fract() == 0.0 && n.abs() < 20.0 {
        for d in [1.0, 2.0, -1.0, 3.0, -2.0, 5.0] {
            let x = n + d;
            if x > 0.0 && (x - n).abs() / n.abs().max(1.0) > 0.1 {
                out.push(x);
            }
        }
        return out;
    }
    for m in [0.5, 1.5, 2.0, 0.75, 1.25, 3.0, 0.25] {
        out.push(round2(n * m));
    }
    out
}

/// Two significant figures.
fn round2(x: f64) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let mag = 10f64.powi(x.abs().log10().floor() as i32 - 1);
    (x / mag).round() * mag
}

/// Other names of the same kind: the article's, then the world tables'.
fn others(bank: &Bank, f: &Fact, id: &str) -> Vec<String> {
    let Some(e) = bank.entity(id) else {
        return Vec::new();
    };
    let mut out: Vec<String> = bank
        .entities
        .iter()
        .filter(|o| o.id != e.id && o.kind == e.kind && !f.entities.contains(&o.id))
        .map(|o| o.name.clone())
        .collect();
    let world: Vec<String> = match e.kind {
        EntityKind::Country => (0..world::countries())
            .map(|r| world::country(r).name.to_string())
            .collect(),
        EntityKind::City => (0..world::countries())
            .map(|r| world::country(r).capital.to_string())
            .collect(),
        EntityKind::Region => (0..world::regions())
            .map(|r| world::region(r).0.to_string())
            .collect(),
        _ => Vec::new(),
    };
    // A deterministic spread over the table rather than its first rows.
    let step = world.len() / 7 + 1;
    let start = e.name.len() % step.max(1);
    out.extend(world.into_iter().skip(start).step_by(step).filter(|n| {
        n != &e.name
            && !f
                .entities
                .iter()
                .any(|x| bank.entity(x).is_some_and(|o| &o.name == n))
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_and_opposites_make_false_statements() {
        assert_eq!(
            negated("The bridge is open.").as_deref(),
            Some("The bridge is not open.")
        );
        assert_eq!(negated("Prices rose."), None);
        assert_eq!(negated("They have strong ties."), None);
        assert_eq!(
            negated("Oslo has shown signs.").as_deref(),
            Some("Oslo has not shown signs.")
        );
        assert_eq!(find_span("on December 25, 2021 aboard 5", "5"), Some(28));
        assert_eq!(comparator("about 12,000"), "about ");
        assert_eq!(flip("below "), Some("above "));
    }

    #[test]
    fn numbers_and_ordinals_read_naturally() {
        assert_eq!(amount(21e6), "21 million");
        assert_eq!(amount(12500.0), "12,500");
        assert_eq!(ordinal(183), "183rd");
        assert_eq!(ordinal(112), "112th");
        assert_eq!(money(1.5e9, "USD"), "$1.5 billion");
        assert!(
            numbers(14000.0)
                .iter()
                .all(|&x| (x - 14000.0).abs() >= 2800.0)
        );
    }
}
