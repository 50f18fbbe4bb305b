//! The second article's bank (`banks/webb.json`): measures, bounds and
//! periods, judged through the real binary; and schema-1 banks still load.

mod common;

use common::{Env, code, stdout};
use factcheck::verify::{Judgement, Verdict};

const WEBB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/banks/webb.json");

fn judge(env: &Env, bank: &str, statement: &str) -> (i32, Judgement) {
    let out = env
        .std_cmd()
        .args(["--bank", bank, "verify", "--format", "json", statement])
        .output()
        .unwrap();
    let mut recs: Vec<Judgement> = serde_json::from_str(&stdout(&out)).unwrap();
    (code(&out), recs.remove(0))
}

#[test]
fn webb_bank_passes_check() {
    let env = Env::new();
    let out = env
        .std_cmd()
        .args(["bank", "check", WEBB])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn measures_bounds_and_periods_decide() {
    let env = Env::new();
    let cases = [
        (
            "The main mirror is 65 centimetres across.",
            Verdict::Refuted,
        ),
        (
            "The instruments are kept colder than 75 kelvin.",
            Verdict::Supported,
        ),
        (
            "The instruments are kept below 45 kelvin.",
            Verdict::NotEnoughInfo,
        ),
        (
            "The instruments are kept warmer than 60 kelvin.",
            Verdict::Refuted,
        ),
        (
            "the sunshield keeps the instruments colder than minus 220 °C",
            Verdict::Supported,
        ),
        ("James E. Webb headed NASA in 1963.", Verdict::Supported),
        ("James E. Webb headed NASA in 1958.", Verdict::Refuted),
        (
            "The primary mirror measures about 21 feet across.",
            Verdict::Supported,
        ),
        (
            "The telescope operates about 1.5 million miles from Earth.",
            Verdict::Refuted,
        ),
    ];
    for (statement, want) in cases {
        let (c, j) = judge(&env, WEBB, statement);
        assert_eq!(j.verdict, want, "{statement}: {}", j.explanation);
        assert_eq!(c, i32::from(want.exit().code()), "{statement}");
    }
}

#[test]
fn corrections_read_naturally() {
    let env = Env::new();
    let (_, j) = judge(&env, WEBB, "The main mirror is 65 centimetres across.");
    assert_eq!(
        j.correction.as_deref(),
        Some("The main mirror is 6.5 meters across.")
    );
    let (_, j) = judge(&env, WEBB, "James E. Webb headed NASA in 1958.");
    assert_eq!(
        j.correction.as_deref(),
        Some("James E. Webb headed NASA from 1961 to 1968.")
    );
}

#[test]
fn schema_one_banks_load_unchanged() {
    let env = Env::new();
    let v1 = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/questions-schema1.json"
    );
    let out = env.std_cmd().args(["bank", "check", v1]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let (c, j) = judge(
        &env,
        v1,
        "Cuba was the 192nd country to establish ties with South Korea.",
    );
    assert_eq!((c, j.verdict), (1, Verdict::Refuted));
}

/// Words and numbers that once made a false statement SUPPORTED.
#[test]
fn month_sign_and_overflow_are_not_supported() {
    let env = Env::new();
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/questions.json");
    let millions = ["million"; 52].join(" ");
    let cases = [
        (
            "South Korea and Cuba established diplomatic relations in May.".to_string(),
            Verdict::Refuted,
        ),
        (
            "Cuba was the -193rd country to establish ties with South Korea.".into(),
            Verdict::NotEnoughInfo,
        ),
        (
            format!("Trade between the two countries was 21 {millions} dollars in 2022."),
            Verdict::NotEnoughInfo,
        ),
    ];
    for (statement, want) in cases {
        let (_, j) = judge(&env, shipped, &statement);
        assert_eq!(j.verdict, want, "{statement}: {}", j.explanation);
    }
}

/// A role set off at the end of a statement is a claim of its own, judged
/// with the fact that gives the span the role was held ("former": a span
/// that ended); a word for one end of that span sets a date against it.
#[test]
fn closing_roles_and_the_ends_of_a_tenure() {
    let env = Env::new();
    let cases = [
        (
            "the telescope honours james e. webb, a former head of nasa",
            Verdict::Supported,
        ),
        (
            "the observatory is named after James Webb, a former NASA chief.",
            Verdict::Supported,
        ),
        ("webb took the helm at nasa in 1961", Verdict::Supported),
        // The Canadian Space Agency by its country's name.
        (
            "webb's a joint project of nasa, esa and canada's space agency",
            Verdict::Supported,
        ),
        ("webb stepped down from nasa in 1968", Verdict::Supported),
        ("webb became nasa's boss in 1965", Verdict::Refuted),
        (
            "The launch came more than half a century after Webb stepped down from NASA.",
            Verdict::Supported,
        ),
        (
            "the telescope launched two decades after james webb took the helm at nasa",
            Verdict::Refuted,
        ),
    ];
    for (statement, want) in cases {
        let (_, j) = judge(&env, WEBB, statement);
        assert_eq!(j.verdict, want, "{statement}: {}", j.explanation);
    }
}

/// A word the fact does not explain lets a wrong value refute, and never
/// lets a right one support; elapsed time and a tenure's length decide.
#[test]
fn unexplained_words_elapsed_time_and_tenures() {
    let env = Env::new();
    let cases = [
        ("webbs main mirror is about 65 feet wide", Verdict::Refuted),
        (
            "the gleaming main mirror is about 6.5 metres wide",
            Verdict::NotEnoughInfo,
        ),
        (
            "about 200 days passed between launch and the first full-color images",
            Verdict::Supported,
        ),
        (
            "less than seven months separated liftoff from the first full-colour images",
            Verdict::Supported,
        ),
        (
            "the first color images arrived more than a year after launch",
            Verdict::Refuted,
        ),
        (
            "he led the agency for about seven years",
            Verdict::Supported,
        ),
        ("webb led nasa for more than a decade", Verdict::Refuted),
        ("webb led nasa for six years", Verdict::NotEnoughInfo),
        (
            "JWST took off from the Kennedy Space Center.",
            Verdict::Refuted,
        ),
        (
            "the launch happend at baikonur in kazakstan",
            Verdict::Refuted,
        ),
        (
            "the telescope lifted off from French Guiana",
            Verdict::Supported,
        ),
    ];
    for (statement, want) in cases {
        let (_, j) = judge(&env, WEBB, statement);
        assert_eq!(j.verdict, want, "{statement}: {}", j.explanation);
    }
}

/// Possessives typed without an apostrophe name their entity; a
/// possessive on another of the fact's names than the one it writes so
/// is a swapped owner; "one of" is membership, not a count; a negation
/// just before "only" leaves the restriction unresolved; "it took X
/// after A for B" is elapsed time; a weekday is checked on the calendar.
#[test]
fn possessives_owners_membership_and_negated_restrictions() {
    let env = Env::new();
    let korea = concat!(env!("CARGO_MANIFEST_DIR"), "/questions.json");
    let cases = [
        (
            WEBB,
            "webbs instruments stay below 100 kelvin",
            Verdict::Supported,
        ),
        (
            WEBB,
            "the canadian space agency is one of webbs partners",
            Verdict::Supported,
        ),
        (
            WEBB,
            "Webb was not a NASA-only project.",
            Verdict::NotEnoughInfo,
        ),
        // "it took X after A for B": B came X after A.
        (
            WEBB,
            "It took more than six months after launch for the first full-color images to be released.",
            Verdict::Supported,
        ),
        (
            WEBB,
            "it took over a year after launch to release the first full color images",
            Verdict::Refuted,
        ),
        (
            korea,
            "it took over 60 years after the 1959 revolution for the two to set up formal ties",
            Verdict::Supported,
        ),
        // A part of a year is a period of its months.
        (
            korea,
            "south korea and cuba established relations in the first quarter of 2024",
            Verdict::Supported,
        ),
        (
            korea,
            "south korea and cuba established relations in Q2 2024",
            Verdict::Refuted,
        ),
        (
            korea,
            "trade amounted to 21 mn USD in '22",
            Verdict::Supported,
        ),
        // A weekday is decided by the calendar.
        (
            WEBB,
            "the webb telescope went up on a saturday, christmas day 2021",
            Verdict::Supported,
        ),
        (
            korea,
            "south korea and cuba established ties on a tuesday",
            Verdict::Refuted,
        ),
        (
            korea,
            "cubas shift toward seoul came after it normalized relations with washington",
            Verdict::Supported,
        ),
        (
            korea,
            "south korea's stance on cuba shifted following the us-cuba normalization",
            Verdict::NotEnoughInfo,
        ),
        (
            korea,
            "south koreas stance on cuba shifted following the us-cuba normalization",
            Verdict::NotEnoughInfo,
        ),
        (
            korea,
            "cuba wasnt the only country without official ties to south korea before this",
            Verdict::NotEnoughInfo,
        ),
    ];
    for (bank, statement, want) in cases {
        let (_, j) = judge(&env, bank, statement);
        assert_eq!(j.verdict, want, "{statement}: {}", j.explanation);
    }
}
