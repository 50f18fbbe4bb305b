//! The JSON Schema in docs/ is generated from the bank types and stays
//! current; the banks we ship validate against it.

mod common;

use common::{Env, code, stdout};
use serde_json::{Value as Json, json};

const SCHEMA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/bank.schema.json");

fn read_json(relative: &str) -> Json {
    let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&read_json("docs/bank.schema.json")).expect("the schema compiles")
}

/// Every schema error of a bank, one a line, with where it is.
fn schema_errors(bank: &Json) -> Vec<String> {
    validator()
        .iter_errors(bank)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn committed_schema_is_what_bank_schema_prints() {
    let env = Env::new();
    let out = env.cmd().args(["bank", "schema"]).output().unwrap();
    assert_eq!(code(&out), 0);
    let committed = std::fs::read_to_string(SCHEMA_FILE).unwrap_or_default();
    assert!(
        stdout(&out) == committed,
        "docs/bank.schema.json is not current; regenerate it with\n  \
         cargo run -- bank schema > docs/bank.schema.json"
    );
}

#[test]
fn shipped_banks_validate_against_the_schema() {
    for bank in [
        "questions.json",
        "banks/webb.json",
        "tests/data/questions-schema1.json",
    ] {
        let errors = schema_errors(&read_json(bank));
        assert!(errors.is_empty(), "{bank}:\n{}", errors.join("\n"));
    }
}

/// A change that makes a bank invalid.
type Breaker = fn(&mut Json);

#[test]
fn schema_refuses_what_loading_refuses() {
    let mut bank = read_json("banks/webb.json");
    let cases: [(&str, Breaker); 5] = [
        (
            "measure without unit",
            |b| {
                b["facts"][0]["values"] =
                    json!([{"type": "measure", "value": 6.5, "text": "6.5 meters"}])
            },
        ),
        (
            "unknown bound",
            |b| {
                b["facts"][0]["values"] =
                    json!([{"type": "count", "value": 3, "bound": "about", "text": "3"}])
            },
        ),
        ("open answer value as a number", |b| {
            b["questions"] = json!([{"id": "q", "fact": "f", "kind": "open", "prompt": "?",
                "explanation": ".", "answer": {"type": "number", "value": 12}}])
        }),
        ("unknown top-level field", |b| b["comment"] = json!("x")),
        (
            "period without until",
            |b| {
                b["facts"][0]["values"] =
                    json!([{"type": "period", "from": "1961", "text": "from 1961"}])
            },
        ),
    ];
    let original = bank.clone();
    for (name, break_it) in cases {
        bank.clone_from(&original);
        break_it(&mut bank);
        assert!(
            !schema_errors(&bank).is_empty(),
            "{name}: the schema accepts it"
        );
        let typed: Result<factcheck::bank::Bank, _> = serde_json::from_value(bank.clone());
        assert!(typed.is_err(), "{name}: loading accepts it");
    }
}

#[test]
fn a_schema_line_for_editors_loads() {
    let mut bank = read_json("banks/webb.json");
    bank["$schema"] = json!("../docs/bank.schema.json");
    assert!(schema_errors(&bank).is_empty());
    let env = Env::new();
    let path = env.write("webb.json", serde_json::to_vec(&bank).unwrap());
    let out = env
        .cmd()
        .args(["bank", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

/// The unit codes of the units table, in first-seen order.
fn unit_codes() -> Vec<String> {
    let table = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/lang/data/units.tsv"
    ))
    .unwrap();
    let mut codes: Vec<String> = Vec::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let code = line.split('\t').nth(1).expect("a code column").to_string();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

#[test]
fn schema_and_docs_offer_every_unit_code_of_the_units_table() {
    let schema = read_json("docs/bank.schema.json");
    let measure = schema["$defs"]["Value"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["properties"]["type"]["const"] == "measure")
        .expect("a measure variant");
    let mut offered: Vec<String> =
        serde_json::from_value(measure["properties"]["unit"]["examples"].clone()).unwrap();
    let mut codes = unit_codes();
    offered.sort();
    codes.sort();
    assert_eq!(
        offered, codes,
        "src/bank/model.rs lists other unit codes than units.tsv"
    );
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/bank-format.md"))
        .unwrap();
    for code in codes {
        assert!(
            docs.contains(&format!("| `{code}` |")),
            "docs/bank-format.md lacks unit {code}"
        );
    }
}
