//! The fact bank: the shipped one is complete and clean; broken banks are
//! refused with exit 4 and every problem named.

mod common;

use std::collections::HashSet;

use common::{Env, code, shipped, shipped_bank, stderr, stdout};
use factcheck::bank::{QuestionBody, Value};
use serde_json::{Value as Json, json};

#[test]
fn shipped_bank_passes_check() {
    let env = Env::new();
    let out = env.cmd().args(["bank", "check"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let out = env
        .cmd()
        .args(["bank", "check", "--format", "json"])
        .output()
        .unwrap();
    let report: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["problems"], json!([]));
}

#[test]
fn shipped_bank_covers_the_article() {
    let bank = shipped();
    assert!(bank.facts.len() >= 20);
    assert!(bank.questions.len() >= 40);
    // The twenty claims the foundation issue names, by fact id.
    for id in [
        "established",
        "letters-new-york",
        "un-missions",
        "193rd-country",
        "vienna-convention",
        "ambassador-level",
        "decades-without",
        "visitors-14000",
        "cut-off-1959",
        "trade-2022",
        "latin-america-aim",
        "substantial-cooperation",
        "cuba-socialist-ties",
        "north-korea-ties",
        "yoon-low-key",
        "inter-korean-sensitivity",
        "us-normalization",
        "havana-summit-invite",
        "few-without-ties",
        "new-avenues",
    ] {
        let f = bank.fact(id).unwrap_or_else(|| panic!("fact {id}"));
        assert!(
            bank.source.text.contains(&f.quote),
            "{id} quote is verbatim"
        );
    }
    let kinds: HashSet<_> = bank.questions.iter().map(|q| q.kind()).collect();
    assert_eq!(kinds.len(), 3, "choice, true/false and open questions");
    let tf: Vec<bool> = bank
        .questions
        .iter()
        .filter_map(|q| match q.body {
            QuestionBody::Truefalse { answer } => Some(answer),
            _ => None,
        })
        .collect();
    assert!(tf.contains(&true) && tf.contains(&false));
    // Typed values of every kind the verifier compares.
    let mut seen = HashSet::new();
    for f in &bank.facts {
        for v in &f.values {
            seen.insert(std::mem::discriminant(v));
        }
    }
    assert_eq!(seen.len(), 6, "date, ordinal, count, money, place, person");
    let dated = bank.fact("established").unwrap();
    assert!(matches!(&dated.values[0], Value::Date { value, .. } if value == "2024-02-14"));
    assert!(bank.named_dates.iter().any(|d| d.month == 2 && d.day == 14));
}

/// Runs `factcheck --bank PATH ARGS…`.
fn with_bank(env: &Env, path: impl AsRef<std::path::Path>, args: &[&str]) -> std::process::Output {
    env.cmd()
        .arg("--bank")
        .arg(path.as_ref())
        .args(args)
        .output()
        .unwrap()
}

fn check_json(env: &Env, bank: &Json) -> (i32, Vec<(String, String)>) {
    let path = env.write("bank.json", serde_json::to_vec_pretty(bank).unwrap());
    let out = env
        .cmd()
        .args(["bank", "check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let report: Json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}{}", stdout(&out), stderr(&out));
    });
    let problems = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["location"].as_str().unwrap().to_string(),
                p["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (code(&out), problems)
}

fn has(problems: &[(String, String)], location: &str, message: &str) -> bool {
    problems
        .iter()
        .any(|(l, m)| l == location && m.contains(message))
}

fn question_index(bank: &Json, id: &str) -> usize {
    bank["questions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|q| q["id"] == id)
        .unwrap()
}

fn fact_index(bank: &Json, id: &str) -> usize {
    bank["facts"]
        .as_array()
        .unwrap()
        .iter()
        .position(|f| f["id"] == id)
        .unwrap()
}

#[test]
fn a_quote_changed_by_one_word_fails_and_names_the_fact() {
    let env = Env::new();
    let mut bank = shipped_bank();
    let i = fact_index(&bank, "trade-2022");
    let q = bank["facts"][i]["quote"]
        .as_str()
        .unwrap()
        .replace("still", "even");
    bank["facts"][i]["quote"] = json!(q);
    let (code, problems) = check_json(&env, &bank);
    assert_eq!(code, 4);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(has(&problems, "fact trade-2022: quote", "verbatim"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let env = Env::new();
    let mut bank = shipped_bank();
    // Duplicate fact id.
    let dup = bank["facts"][0].clone();
    bank["facts"].as_array_mut().unwrap().push(dup);
    // A question pointing at a missing fact.
    let qi = question_index(&bank, "un-missions-true");
    bank["questions"][qi]["fact"] = json!("no-such-fact");
    // A multiple-choice answer not among its choices, and duplicate choices.
    let qi = question_index(&bank, "193rd-choice");
    bank["questions"][qi]["answer"] = json!("194th");
    let qi = question_index(&bank, "trade-choice");
    bank["questions"][qi]["choices"][1] = bank["questions"][qi]["choices"][0].clone();
    // An open answer that does not parse as its type.
    let qi = question_index(&bank, "193rd-open");
    bank["questions"][qi]["answer"]["value"] = json!("one-ninety-three");
    // A fact with no question: drop the only question on official-name.
    let qi = question_index(&bank, "official-name-open");
    bank["questions"].as_array_mut().unwrap().remove(qi);
    // A true/false question the verifier disagrees with.
    let qi = question_index(&bank, "few-true");
    bank["questions"][qi]["answer"] = json!(false);
    // A duplicate question id.
    let q = bank["questions"][0].clone();
    bank["questions"].as_array_mut().unwrap().push(q);

    let (code, problems) = check_json(&env, &bank);
    assert_eq!(code, 4);
    assert!(
        has(&problems, "fact established", "duplicate id"),
        "{problems:?}"
    );
    assert!(
        has(
            &problems,
            "question established-date-choice",
            "duplicate id"
        ),
        "{problems:?}"
    );
    assert!(has(
        &problems,
        "question un-missions-true: fact",
        "unknown fact \"no-such-fact\""
    ));
    assert!(has(
        &problems,
        "question 193rd-choice: answer",
        "not among the choices"
    ));
    assert!(has(
        &problems,
        "question trade-choice: choices",
        "duplicate choice"
    ));
    assert!(has(
        &problems,
        "question 193rd-open: answer.value",
        "does not parse as ordinal"
    ));
    assert!(has(&problems, "fact official-name", "no question"));
    assert!(has(
        &problems,
        "question few-true: prompt",
        "should judge it REFUTED"
    ));
}

#[test]
fn unknown_schema_version_is_a_data_error() {
    let env = Env::new();
    let mut bank = shipped_bank();
    bank["schema_version"] = json!(99);
    let path = env.write("future.json", serde_json::to_vec(&bank).unwrap());
    let check = env
        .cmd()
        .args(["bank", "check"])
        .arg(&path)
        .output()
        .unwrap();
    for out in [check, with_bank(&env, &path, &["facts"])] {
        assert_eq!(code(&out), 4);
        assert!(
            stderr(&out).contains("schema_version 99 is not supported"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn missing_bank_exits_4_with_a_clear_message() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["--bank", "/nonexistent", "facts"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 4);
    assert!(
        stderr(&out).contains("cannot read /nonexistent"),
        "{}",
        stderr(&out)
    );
    let out = env
        .cmd()
        .args(["bank", "check", "/nonexistent"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 4);
}

#[test]
fn malformed_json_names_line_and_column() {
    let env = Env::new();
    let path = env.write(
        "broken.json",
        "{\n  \"schema_version\": 1,\n  \"facts\": [,]\n}\n",
    );
    let out = with_bank(&env, &path, &["facts"]);
    assert_eq!(code(&out), 4);
    let err = stderr(&out);
    assert!(err.contains("broken.json:3:13"), "{err}");
    assert!(err.contains("invalid JSON"), "{err}");
}

#[test]
fn invalid_utf8_bank_is_a_data_error() {
    let env = Env::new();
    let path = env.write("latin1.json", b"{\n\"x\": \"caf\xe9\"}\n");
    let out = with_bank(&env, &path, &["facts"]);
    assert_eq!(code(&out), 4);
    assert!(
        stderr(&out).contains("latin1.json:2: input is not valid UTF-8"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_directory_is_not_a_bank() {
    let env = Env::new();
    let out = with_bank(&env, env.path(), &["facts"]);
    assert_eq!(code(&out), 4);
}

#[test]
fn structurally_broken_bank_is_refused_on_load() {
    let env = Env::new();
    let mut bank = shipped_bank();
    let qi = question_index(&bank, "193rd-choice");
    bank["questions"][qi]["fact"] = json!("gone");
    let path = env.write("bad.json", serde_json::to_vec(&bank).unwrap());
    let out = with_bank(&env, &path, &["quiz", "--no-history"]);
    assert_eq!(code(&out), 4);
    let err = stderr(&out);
    assert!(
        err.contains("question 193rd-choice: fact") && err.contains("bank check"),
        "{err}"
    );
}

#[test]
fn another_bank_works_through_flag_and_environment() {
    let env = Env::new();
    let bank = json!({
        "schema_version": 1,
        "source": {"title": "Tiny", "date": "2020-01-01", "text": "The bridge opened in 1998 and cost 40 million euros."},
        "entities": [{"id": "bridge", "name": "the bridge", "kind": "other", "aliases": ["bridge"]}],
        "facts": [{
            "id": "opened", "topic": "history", "statement": "The bridge opened in 1998.",
            "quote": "The bridge opened in 1998", "entities": ["bridge"], "keywords": ["open", "opened"],
            "values": [{"type": "date", "value": "1998", "text": "1998"}]
        }],
        "questions": [{"id": "q1", "fact": "opened", "kind": "truefalse",
                       "prompt": "The bridge opened in 1998.", "answer": true, "explanation": "It did."}]
    });
    let path = env.write("tiny.json", serde_json::to_vec_pretty(&bank).unwrap());
    let out = env
        .cmd()
        .args(["bank", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let out = env
        .cmd()
        .env("FACTCHECK_BANK", &path)
        .args(["verify", "--format", "json", "The bridge opened in 2001."])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    let v: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["fact_id"], "opened");
    let out = with_bank(&env, &path, &["facts", "--format", "json"]);
    let facts: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(facts.as_array().unwrap().len(), 1);
}

#[test]
fn facts_lists_ids_topics_and_quotes() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["facts", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    let facts: Vec<factcheck::bank::Fact> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(facts.len(), shipped().facts.len());
    let out = env
        .cmd()
        .args(["facts", "--topic", "economy", "--format", "json"])
        .output()
        .unwrap();
    let facts: Vec<factcheck::bank::Fact> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!facts.is_empty() && facts.iter().all(|f| f.topic == "economy"));
    let out = env
        .cmd()
        .args(["facts", "--topic", "economy"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("trade-2022") && text.contains("21 million U.S. dollars"));
    let out = env
        .cmd()
        .args(["facts", "--topic", "sport"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("topics: "), "{}", stderr(&out));
}

#[test]
fn src_holds_no_article_words() {
    // All knowledge of the article lives in questions.json.
    let words = [
        "cuba",
        "korea",
        "havana",
        "yoon",
        "valentine",
        "vienna",
        "seoul",
        "14,000",
        "193rd",
    ];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(p) = stack.pop() {
        for entry in std::fs::read_dir(&p).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap().to_lowercase();
                for w in words {
                    assert!(!text.contains(w), "{} mentions {w}", path.display());
                }
            }
        }
    }
}

/// The "N problems" of a one-line refusal or of `bank check`'s last line.
fn problem_count(text: &str) -> String {
    let at = text
        .find(" problem")
        .unwrap_or_else(|| panic!("no count in {text:?}"));
    let n = text[..at].rsplit(' ').next().unwrap();
    let word = text[at + 1..].split([',', '\n']).next().unwrap();
    format!("{n} {word}")
}

#[test]
fn every_command_counts_a_banks_problems_alike() {
    let env = Env::new();
    let mut bank = shipped_bank();
    // Structural: a duplicate fact id; beyond it, a quote that is not in
    // the article.
    let dup = bank["facts"][0].clone();
    bank["facts"].as_array_mut().unwrap().push(dup);
    let i = fact_index(&bank, "trade-2022");
    bank["facts"][i]["quote"] = json!("words the article never had");
    // A duplicate question id: a problem `verify`, which skips the
    // questions, used not to count.
    let q = bank["questions"][0].clone();
    bank["questions"].as_array_mut().unwrap().push(q);
    let (_, problems) = check_json(&env, &bank);
    let n = problems.len();
    assert!(n > 2, "{problems:?}");
    let want = format!("{n} problems");
    let path = env.path().join("bank.json");
    let check = env
        .cmd()
        .args(["bank", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(problem_count(&stdout(&check)), want, "{}", stdout(&check));
    for args in [&["verify", "x"][..], &["quiz", "--no-history"], &["facts"]] {
        let out = env
            .cmd()
            .arg("--bank")
            .arg(&path)
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        assert_eq!(code(&out), 4, "{args:?}");
        assert_eq!(
            problem_count(&stderr(&out)),
            want,
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn one_problem_is_not_plural() {
    let env = Env::new();
    let mut bank = shipped_bank();
    let qi = question_index(&bank, "193rd-choice");
    bank["questions"][qi]["answer"] = json!("194th");
    let (_, problems) = check_json(&env, &bank);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let path = env.path().join("bank.json");
    let check = env
        .cmd()
        .args(["bank", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        stdout(&check).contains(": 1 problem\n"),
        "{}",
        stdout(&check)
    );
    let out = env
        .cmd()
        .arg("--bank")
        .arg(&path)
        .args(["quiz"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains(": 1 problem, the first:"),
        "{}",
        stderr(&out)
    );
}
