//! Open answers are graded through the verifier's reading: every common
//! form of the right value counts, a wrong number or name never does.

mod common;

use factcheck::bank::{Bank, QuestionBody};
use factcheck::quiz::grade::{grade_open, parse_bool, parse_choice};
use factcheck::verify::Verifier;

fn check(bank: &Bank, question: &str, right: &[&str], wrong: &[&str]) {
    let v = Verifier::new(bank);
    let q = bank.questions.iter().find(|q| q.id == question).unwrap();
    let QuestionBody::Open { answer } = &q.body else {
        panic!("{question} is not open");
    };
    for r in right {
        assert!(
            grade_open(&v, answer, r),
            "{question}: {r:?} should be right"
        );
    }
    for w in wrong {
        assert!(
            !grade_open(&v, answer, w),
            "{question}: {w:?} should be wrong"
        );
    }
}

#[test]
fn ordinals_in_any_form() {
    check(
        &common::shipped(),
        "193rd-open",
        &[
            "193",
            "193rd",
            "one hundred ninety-third",
            "one hundred and ninety-third",
            "the 193rd country",
        ],
        &[
            "192",
            "192nd",
            "one hundred ninety-second",
            "194th",
            "",
            "193 or 194",
        ],
    );
}

#[test]
fn money_in_any_form_with_its_scale() {
    check(
        &common::shipped(),
        "trade-open",
        &[
            "$21M",
            "21 million dollars",
            "USD 21,000,000",
            "21 million U.S. dollars",
            "twenty-one million dollars",
            "21 million",
        ],
        &[
            "21 billion dollars",
            "$21 thousand",
            "21 million euros",
            "$12 million",
            "not 21 million",
        ],
    );
}

#[test]
fn dates_in_any_form_at_the_asked_precision() {
    check(
        &common::shipped(),
        "established-date-open",
        &[
            "14 February 2024",
            "Feb 14, 2024",
            "2024-02-14",
            "14/02/2024",
            "Valentine's Day 2024",
            "February 14",
        ],
        &[
            "15 February 2024",
            "2024",
            "February 2024",
            "14 February 2023",
            "Christmas Day 2024",
        ],
    );
    check(
        &common::shipped(),
        "cut-off-year-open",
        &["1959", "in 1959"],
        &["1958", "1969"],
    );
}

#[test]
fn counts_in_any_form() {
    check(
        &common::shipped(),
        "visitors-open",
        &[
            "14,000",
            "14000",
            "14 000",
            "14k",
            "fourteen thousand",
            "about 14,000",
        ],
        &["4,000", "140,000", "14", "more than 14,000"],
    );
}

#[test]
fn places_and_people_by_any_alias_never_by_typo() {
    let bank = common::shipped();
    check(
        &bank,
        "letters-city-open",
        &["New York", "NYC", "new york city", "in New York"],
        &["Washington", "Havana", "New Yrok", "York"],
    );
    check(
        &bank,
        "yoon-open",
        &["Yoon Suk Yeol", "Yoon", "President Yoon"],
        &["Moon Jae-in", "Park Geun-hye", "Yon"],
    );
    check(
        &bank,
        "north-korea-open",
        &[
            "North Korea",
            "DPRK",
            "the Democratic People's Republic of Korea",
        ],
        &["South Korea", "Korea", "China"],
    );
}

#[test]
fn free_text_tolerates_a_typo_in_an_ordinary_word() {
    let bank = common::shipped();
    check(
        &bank,
        "vienna-open",
        &[
            "Vienna Convention",
            "the Vienna Convention on Diplomatic Relations",
            "vienna convension",
        ],
        &["Geneva Convention", "the Treaty of Paris", "convention"],
    );
    check(
        &bank,
        "ambassador-open",
        &["ambassador", "ambassador level", "ambassadorial"],
        &["consular", "minister"],
    );
}

#[test]
fn choices_and_true_false_as_typed() {
    let choices: Vec<String> = ["1949", "1959", "1961"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        parse_choice(&choices, "1959"),
        Some(1),
        "a choice's own text"
    );
    assert_eq!(parse_choice(&choices, "3"), Some(2), "its number as shown");
    assert_eq!(parse_choice(&choices, " 1961 "), Some(2));
    assert_eq!(parse_choice(&choices, "4"), None);
    assert_eq!(parse_choice(&choices, "nineteen"), None);
    for (s, want) in [
        ("true", Some(true)),
        ("Y", Some(true)),
        ("2", Some(false)),
        ("no", Some(false)),
        ("maybe", None),
    ] {
        assert_eq!(parse_bool(s), want, "{s}");
    }
}
