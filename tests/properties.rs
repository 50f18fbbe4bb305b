//! Property tests: arbitrary input never panics, numbers read back in
//! every form, and verdicts survive changes of case and punctuation.

use std::sync::OnceLock;

use factcheck::bank::{self, Bank, QuestionBody};
use factcheck::verify::{Verdict, Verifier};
use proptest::prelude::*;

fn verifier() -> &'static Verifier<'static> {
    static V: OnceLock<Verifier<'static>> = OnceLock::new();
    V.get_or_init(|| {
        let bank: &'static Bank = Box::leak(Box::new(bank::load(None).unwrap()));
        Verifier::new(bank)
    })
}

fn words(n: u64) -> String {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64) -> String {
        let mut parts = Vec::new();
        if n >= 100 {
            parts.push(format!("{} hundred", UNITS[(n / 100) as usize]));
        }
        let r = n % 100;
        if r > 0 {
            if r < 20 {
                parts.push(UNITS[r as usize].to_string());
            } else if r.is_multiple_of(10) {
                parts.push(TENS[(r / 10) as usize].to_string());
            } else {
                parts.push(format!(
                    "{}-{}",
                    TENS[(r / 10) as usize],
                    UNITS[(r % 10) as usize]
                ));
            }
        }
        parts.join(" ")
    }
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    for (scale, name) in [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ] {
        if !(n / scale).is_multiple_of(1000) {
            parts.push(format!("{} {name}", below_thousand(n / scale % 1000)));
        }
    }
    if !n.is_multiple_of(1000) {
        parts.push(below_thousand(n % 1000));
    }
    parts.join(" ")
}

fn commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The values read from a text, as JSON.
fn count_of(text: &str) -> Vec<serde_json::Value> {
    verifier()
        .explain(text)
        .values
        .into_iter()
        .map(|q| q.value)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_gets_a_verdict(s in "\\PC{0,300}") {
        let j = verifier().judge(&s);
        prop_assert_eq!(j.statement, s);
    }

    #[test]
    fn control_characters_and_symbols_never_panic(s in "[\\x00-\\x1f\\x7f-\\u{9f}$€£%~/.,:'’-]{0,200}[0-9a-z ]{0,50}") {
        let _ = verifier().judge(&s);
    }

    #[test]
    fn shorthand_and_contrasts_never_panic(
        s in "((wasnt|didnt|govt|fm|w|n|r|pre|not|rather|than|instead|of|and|but|while|,|the|other|way|round|yes|no|:|in|Cuba|seoul|2024|\\$21m|6.5m|-5) ){0,30}"
    ) {
        let _ = verifier().judge(&s);
    }

    #[test]
    fn article_like_noise_never_panics(
        s in "((the|a|Cuba|South|Korea|North|193rd|14,000|\\$21|million|billion|not|never|in|on|February|14|2024|more|than|about|Valentine's|Day|-|,|\\.|'s) ){0,40}"
    ) {
        let _ = verifier().judge(&s);
    }

    #[test]
    fn numbers_read_back_in_every_form(n in 20u64..1_000_000_000) {
        let want = vec![serde_json::json!({"type": "count", "value": n as f64})];
        prop_assert_eq!(count_of(&n.to_string()), want.clone());
        prop_assert_eq!(count_of(&commas(n)), want.clone());
        prop_assert_eq!(count_of(&commas(n).replace(',', " ")), want.clone());
        prop_assert_eq!(count_of(&words(n)), want);
    }

    #[test]
    fn open_answers_never_panic(s in "\\PC{0,80}") {
        let v = verifier();
        for q in &v.bank().questions {
            if let QuestionBody::Open { answer } = &q.body {
                let _ = factcheck::quiz::grade::grade_open(v, answer, &s);
            }
        }
    }
}

proptest! {
    // Few cases: each input is around a megabyte.
    #![proptest_config(ProptestConfig::with_cases(3))]

    #[test]
    fn megabyte_inputs_of_mixed_scripts_get_a_verdict(
        words in proptest::collection::vec(
            "(Cuba|Korea|193rd|14,000|not|\\PC{1,8}|[\\x00-\\x1f]{1,3}|쿠바|Куба)",
            500..1_000,
        )
    ) {
        // A random kilobyte-sized sample, repeated up to a megabyte.
        let sample = words.join(" ");
        let text = format!("{sample} ").repeat(1_000_000 / (sample.len() + 1) + 1);
        prop_assert!(text.len() >= 1_000_000);
        let j = verifier().judge(&text);
        prop_assert_eq!(j.statement.len(), text.len());
    }
}

#[test]
fn fact_statements_survive_case_and_punctuation() {
    let v = verifier();
    for f in &v.bank().facts {
        for variant in [
            f.statement.to_uppercase(),
            f.statement.to_lowercase(),
            format!("  {}!!! ", f.statement.trim_end_matches('.')),
            f.statement.replace(' ', "  "),
        ] {
            assert_eq!(v.judge(&variant).verdict, Verdict::Supported, "{variant}");
        }
    }
}

#[test]
fn long_inputs_finish() {
    // A megabyte of words, numbers and names: a verdict, not a hang.
    let v = verifier();
    let chunk = "Cuba 193rd the 14,000 visitors in February 2024 not weak ties ";
    let big = chunk.repeat(1_000_000 / chunk.len());
    assert!(big.len() > 900_000);
    let _ = v.judge(&big);
    let one_word = "a".repeat(1_000_000);
    assert_eq!(v.judge(&one_word).verdict, Verdict::NotEnoughInfo);
}
