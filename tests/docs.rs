//! Every JSON example in docs/ loads as the bank type it shows, so that
//! the docs cannot drift from what loading accepts.

mod common;

use common::{Env, code, stderr};
use factcheck::bank::{Entity, Fact, Question, Value};
use serde_json::Value as Json;

/// The ```json blocks of a Markdown text, with the line each starts on.
fn json_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```json") => current = Some((i + 1, String::new())),
            (Some(_), l) if l.starts_with("```") => blocks.extend(current.take()),
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) => {}
        }
    }
    assert!(current.is_none(), "a ```json block is not closed");
    blocks
}

/// Which type an example shows, told by the fields only that type has.
fn type_of(example: &Json) -> Option<&'static str> {
    let has = |k: &str| example.get(k).is_some();
    if has("schema_version") {
        Some("bank")
    } else if has("prompt") {
        Some("question")
    } else if has("statement") {
        Some("fact")
    } else if has("aliases") {
        Some("entity")
    } else if has("type") && has("text") {
        Some("value")
    } else {
        None
    }
}

/// Loads one example as its type; the error says why it does not. A
/// whole bank is loaded by the binary, as `--bank` would, references
/// checked.
fn load(kind: &str, example: Json) -> Result<(), String> {
    let typed = match kind {
        "bank" => return load_bank(&example),
        "question" => serde_json::from_value::<Question>(example).map(|_| ()),
        "fact" => serde_json::from_value::<Fact>(example).map(|_| ()),
        "entity" => serde_json::from_value::<Entity>(example).map(|_| ()),
        _ => serde_json::from_value::<Value>(example).map(|_| ()),
    };
    typed.map_err(|e| e.to_string())
}

fn load_bank(bank: &Json) -> Result<(), String> {
    let env = Env::new();
    let path = env.write("example.json", serde_json::to_vec(bank).unwrap());
    let out = env
        .cmd()
        .arg("--bank")
        .arg(&path)
        .arg("facts")
        .output()
        .unwrap();
    match code(&out) {
        0 => Ok(()),
        _ => Err(stderr(&out)),
    }
}

fn docs() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/docs");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("docs/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_json_example_in_docs_loads_as_the_type_it_shows() {
    let mut failures = Vec::new();
    let mut seen = std::collections::BTreeMap::new();
    for (file, markdown) in docs() {
        for (line, block) in json_blocks(&markdown) {
            // A block may hold several examples one after another.
            let stream = serde_json::Deserializer::from_str(&block).into_iter::<Json>();
            for example in stream {
                let at = format!("{file}:{line}");
                let example = match example {
                    Ok(e) => e,
                    Err(e) => {
                        failures.push(format!("{at}: not JSON: {e}"));
                        break;
                    }
                };
                let Some(kind) = type_of(&example) else {
                    failures.push(format!("{at}: cannot tell which type this example shows"));
                    continue;
                };
                *seen.entry(kind).or_insert(0) += 1;
                if let Err(e) = load(kind, example) {
                    failures.push(format!("{at}: does not load as a {kind}: {e}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for kind in ["bank", "entity", "fact", "value", "question"] {
        assert!(seen.contains_key(kind), "docs show no {kind}: {seen:?}");
    }
}

#[test]
fn json_blocks_are_found_with_their_lines() {
    let md = "text\n```json\n{\"a\": 1}\n```\nmore\n  ```json\n[]\n  ```\n```sh\nls\n```\n";
    assert_eq!(
        json_blocks(md),
        vec![(2, "{\"a\": 1}\n".to_string()), (6, "[]\n".to_string())]
    );
}

#[test]
fn an_example_of_the_wrong_shape_is_caught() {
    let open_number = serde_json::json!({"id": "q", "fact": "f", "kind": "open", "prompt": "?",
        "explanation": ".", "answer": {"type": "number", "value": 12}});
    assert_eq!(type_of(&open_number), Some("question"));
    assert!(load("question", open_number).is_err());
    let dangling = serde_json::json!({"schema_version": 2,
        "source": {"title": "t", "date": "2020-01-01", "text": "x"},
        "facts": [{"id": "f", "topic": "t", "statement": "s", "quote": "x", "entities": ["gone"]}]});
    assert_eq!(type_of(&dangling), Some("bank"));
    assert!(
        load("bank", dangling)
            .unwrap_err()
            .contains("unknown entity")
    );
}
