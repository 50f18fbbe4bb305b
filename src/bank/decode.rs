//! Reading a bank part by part, for `bank check`: every JSON type error at
//! once, each with its field path (`facts[3].values[0].value`), where a
//! whole-file parse stops at the first.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value as Json};

use super::{Bank, Entity, Fact, Lexicon, NamedDate, Problem, Question, Source, validate::problem};

/// One step of a field path: a key of an object or an index of an array.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The fields a bank may have, and whether each is required.
const FIELDS: [(&str, bool); 8] = [
    ("$schema", false),
    ("schema_version", true),
    ("source", true),
    ("entities", false),
    ("named_dates", false),
    ("lexicon", false),
    ("facts", true),
    ("questions", false),
];

/// A bank whose JSON does not have the bank's types: every error, and
/// how many facts and questions the file holds.
#[derive(Debug)]
pub(crate) struct Invalid {
    pub(crate) problems: Vec<Problem>,
    pub(crate) facts: usize,
    pub(crate) questions: usize,
}

/// Decodes a bank read as JSON, or says every type error in it.
pub(crate) fn decode(json: &Json) -> Result<Bank, Invalid> {
    let count = |key: &str| json.get(key).and_then(Json::as_array).map_or(0, Vec::len);
    decode_parts(json).map_err(|problems| Invalid {
        problems,
        facts: count("facts"),
        questions: count("questions"),
    })
}

fn decode_parts(json: &Json) -> Result<Bank, Vec<Problem>> {
    let Some(top) = json.as_object() else {
        return Err(vec![problem(
            "(top level)",
            "a bank is a JSON object { … }",
        )]);
    };
    let mut errors = Vec::new();
    for key in top.keys().filter(|k| !FIELDS.iter().any(|(f, _)| f == k)) {
        errors.push(problem(
            path_text(&[Step::Key(key.clone())]),
            format!(
                "unknown field; a bank has only {}",
                FIELDS.map(|(f, _)| f).join(", ")
            ),
        ));
    }
    for (field, _) in FIELDS
        .iter()
        .filter(|(f, required)| *required && !top.contains_key(*f))
    {
        errors.push(problem(field.to_string(), "missing field"));
    }
    let schema = one(top, "$schema", &mut errors);
    let schema_version = one(top, "schema_version", &mut errors);
    let source = one::<Source>(top, "source", &mut errors);
    let entities = each::<Entity>(top, "entities", &mut errors);
    let named_dates = each::<NamedDate>(top, "named_dates", &mut errors);
    let lexicon = one::<Lexicon>(top, "lexicon", &mut errors);
    let facts = each::<Fact>(top, "facts", &mut errors);
    let questions = each::<Question>(top, "questions", &mut errors);
    match (schema_version, source) {
        (Some(schema_version), Some(source)) if errors.is_empty() => Ok(Bank {
            schema,
            schema_version,
            source,
            entities,
            named_dates,
            lexicon: lexicon.unwrap_or_default(),
            facts,
            questions,
            ids: Default::default(),
        }),
        _ => Err(errors),
    }
}

/// The field `key` of the top object, if present and of its type.
fn one<T: DeserializeOwned>(
    top: &Map<String, Json>,
    key: &str,
    errors: &mut Vec<Problem>,
) -> Option<T> {
    let value = top.get(key)?;
    decode_at(value, vec![Step::Key(key.into())])
        .map_err(|p| errors.push(p))
        .ok()
}

/// The array field `key`, each element decoded alone so that one bad
/// element does not hide the next.
fn each<T: DeserializeOwned>(
    top: &Map<String, Json>,
    key: &str,
    errors: &mut Vec<Problem>,
) -> Vec<T> {
    let Some(value) = top.get(key) else {
        return Vec::new();
    };
    let Some(items) = value.as_array() else {
        return one::<Vec<T>>(top, key, errors).unwrap_or_default();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match decode_at(item, vec![Step::Key(key.into()), Step::Index(i)]) {
            Ok(t) => out.push(t),
            Err(p) => errors.push(p),
        }
    }
    out
}

/// Decodes `value`, found at `prefix`; an error names the deepest field
/// it can.
fn decode_at<T: DeserializeOwned>(value: &Json, prefix: Vec<Step>) -> Result<T, Problem> {
    let err = match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(t) => return Ok(t),
        Err(e) => e,
    };
    let message = err.inner().to_string();
    let mut path = steps(err.path());
    narrow::<T>(value, &mut path, &message);
    let mut full = prefix;
    full.extend(path);
    Err(problem(path_text(&full), plain(&message)))
}

/// serde's message with Rust's type names in words.
fn plain(message: &str) -> String {
    [
        ("expected f64", "expected a number"),
        ("expected u64", "expected a whole number ≥ 0"),
        ("expected u32", "expected a whole number ≥ 0"),
        ("expected u8", "expected a whole number from 0 to 255"),
    ]
    .iter()
    .fold(message.to_string(), |m, (rust, words)| {
        m.replace(rust, words)
    })
}

/// serde reads tagged enums and flattened fields (a fact's values, a
/// question's body) from a buffer, so the path it reports stops at the
/// object. Going deeper: a bad variant name is found by its value; any
/// other error is in the field whose removal changes it. Missing fields
/// are reported where they are missing.
fn narrow<T: DeserializeOwned>(root: &Json, path: &mut Vec<Step>, message: &str) {
    if message.starts_with("missing field") {
        return;
    }
    let variant = message
        .strip_prefix("unknown variant `")
        .and_then(|rest| rest.split('`').next());
    while let Some(node) = at(root, path) {
        let steps: Vec<Step> = match node {
            Json::Object(m) => m.keys().map(|k| Step::Key(k.clone())).collect(),
            Json::Array(a) => (0..a.len()).map(Step::Index).collect(),
            _ => return,
        };
        let culprit = steps.into_iter().find(|step| match variant {
            Some(name) => at(node, std::slice::from_ref(step)).is_some_and(|v| holds(v, name)),
            None => changes_error::<T>(root, path, step, message),
        });
        match culprit {
            Some(step) => path.push(step),
            None => return,
        }
    }
}

/// Whether removing `step` changes the error. A tag is read before the
/// fields and a named field beside a flattened one is checked before it,
/// so those are passed over: serde would have named them itself.
fn changes_error<T: DeserializeOwned>(
    root: &Json,
    path: &[Step],
    step: &Step,
    message: &str,
) -> bool {
    if matches!(step, Step::Key(k) if k == "type" || k == "kind") || tracked::<T>(root, path, step)
    {
        return false;
    }
    let mut copy = root.clone();
    edit(&mut copy, path, step, None);
    serde_json::from_value::<T>(copy)
        .err()
        .is_none_or(|e| e.to_string() != message)
}

/// Whether serde's own path reaches `step` when it is wrong.
fn tracked<T: DeserializeOwned>(root: &Json, path: &[Step], step: &Step) -> bool {
    let mut copy = root.clone();
    edit(
        &mut copy,
        path,
        step,
        Some(serde_json::json!({ "\u{1}": null })),
    );
    let Err(e) = serde_path_to_error::deserialize::<_, T>(&copy) else {
        return false;
    };
    let reported = steps(e.path());
    let mut wanted = path.to_vec();
    wanted.push(step.clone());
    reported.starts_with(&wanted)
}

/// Whether a value is, or holds, the string `s`.
fn holds(v: &Json, s: &str) -> bool {
    match v {
        Json::String(x) => x == s,
        Json::Array(a) => a.iter().any(|v| holds(v, s)),
        Json::Object(m) => m.values().any(|v| holds(v, s)),
        _ => false,
    }
}

fn steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    path.iter()
        .filter_map(|s| match s {
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
            _ => None,
        })
        .collect()
}

fn at<'a>(root: &'a Json, path: &[Step]) -> Option<&'a Json> {
    path.iter().try_fold(root, |node, step| match step {
        Step::Key(k) => node.get(k),
        Step::Index(i) => node.get(i),
    })
}

/// Removes `step` from the node at `path` in `root`, or sets it to `to`.
fn edit(root: &mut Json, path: &[Step], step: &Step, to: Option<Json>) {
    let node = path.iter().try_fold(root, |node, s| match s {
        Step::Key(k) => node.get_mut(k),
        Step::Index(i) => node.get_mut(i),
    });
    match (node, step, to) {
        (Some(Json::Object(m)), Step::Key(k), None) => {
            m.remove(k);
        }
        (Some(Json::Object(m)), Step::Key(k), Some(to)) => {
            m.insert(k.clone(), to);
        }
        (Some(Json::Array(a)), Step::Index(i), None) if *i < a.len() => {
            a.remove(*i);
        }
        (Some(Json::Array(a)), Step::Index(i), Some(to)) if *i < a.len() => {
            a[*i] = to;
        }
        _ => {}
    }
}

/// `facts[3].values[0].value`; keys are shown escaped, never raw.
fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.extend(k.chars().flat_map(char::escape_debug));
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn location_of<T: DeserializeOwned + std::fmt::Debug>(value: Json) -> String {
        decode_at::<T>(&value, vec![Step::Key("x".into()), Step::Index(2)])
            .expect_err("the example is wrong")
            .location
    }

    #[test]
    fn an_error_inside_a_tagged_value_names_its_field() {
        let value = |v: Json| json!({"id": "f", "topic": "t", "statement": "s", "quote": "q", "values": [v]});
        for (v, want) in [
            (
                json!({"type": "count", "value": "many", "text": "t"}),
                "x[2].values[0].value",
            ),
            (
                json!({"type": "measure", "value": 1, "unit": 5, "text": "t"}),
                "x[2].values[0].unit",
            ),
            (
                json!({"type": "measure", "value": 1, "unit": "m", "bound": "about", "text": "t"}),
                "x[2].values[0].bound",
            ),
            (
                json!({"type": "lenght", "value": 1, "text": "t"}),
                "x[2].values[0].type",
            ),
            (
                json!({"type": "date", "value": "1998", "text": "t", "colour": 1}),
                "x[2].values[0].colour",
            ),
            (json!({"type": "date", "value": "1998"}), "x[2].values[0]"),
        ] {
            assert_eq!(location_of::<Fact>(value(v.clone())), want, "{v}");
        }
    }

    #[test]
    fn an_error_in_a_question_body_names_its_field() {
        let q = |body: Json| {
            let mut q = json!({"id": "q", "fact": "f", "prompt": "p", "explanation": "e"});
            q.as_object_mut()
                .unwrap()
                .extend(body.as_object().unwrap().clone());
            q
        };
        for (body, want) in [
            (
                json!({"kind": "open", "answer": {"type": "number", "value": 12}}),
                "x[2].answer.value",
            ),
            (
                json!({"kind": "open", "answer": {"type": "numbr", "value": "12"}}),
                "x[2].answer.type",
            ),
            (
                json!({"kind": "choice", "choices": ["a", 2], "answer": "a"}),
                "x[2].choices[1]",
            ),
            (json!({"kind": "truefalse", "answer": "yes"}), "x[2].answer"),
            (json!({"kind": "essay", "answer": "a"}), "x[2].kind"),
        ] {
            assert_eq!(location_of::<Question>(q(body.clone())), want, "{body}");
        }
    }

    #[test]
    fn a_field_serde_tracks_itself_is_named_as_it_reports() {
        let entity = json!({"id": "e", "name": "E", "kind": "city", "aliases": [1]});
        assert_eq!(location_of::<Entity>(entity), "x[2].aliases[0]");
        let question = json!({"id": "q", "fact": "f", "prompt": 3, "explanation": "e",
            "kind": "truefalse", "answer": true});
        assert_eq!(location_of::<Question>(question), "x[2].prompt");
    }

    #[test]
    fn keys_in_a_path_are_escaped() {
        let path = [Step::Key("a\u{1b}[31m".into()), Step::Index(0)];
        assert_eq!(path_text(&path), "a\\u{1b}[31m[0]");
    }
}
