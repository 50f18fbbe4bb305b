//! Loading a fact bank: the one built into the binary, or one named by
//! `--bank` / `FACTCHECK_BANK`.

mod date;
mod decode;
mod model;
pub(crate) mod validate;

use std::path::Path;

pub use date::PartialDate;
pub(crate) use date::valid_day;
pub(crate) use decode::Invalid;
pub use model::*;
pub use validate::Problem;

use crate::error::{Error, Result};
use crate::input::MAX_BANK_BYTES;

/// The shipped bank, embedded so that `factcheck` works from any directory.
pub const EMBEDDED: &str = include_str!("../../questions.json");

/// How the built-in bank is named in messages.
pub const EMBEDDED_NAME: &str = "built-in questions.json";

/// The JSON Schema of a bank, generated from the types above, pretty
/// printed with a final newline: what `docs/bank.schema.json` holds.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Bank);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// Loads the bank at `path`, or the built-in one.
pub fn load(path: Option<&Path>) -> Result<Bank> {
    load_as(path)
}

/// Loads a bank without reading its questions into memory (they are still
/// checked to be JSON): for `verify`, where they would be a quarter of a
/// one-shot's start-up for nothing.
pub fn load_facts(path: Option<&Path>) -> Result<Bank> {
    let b: Bank<serde::de::IgnoredAny> = load_as(path)?;
    Ok(Bank {
        schema: b.schema,
        schema_version: b.schema_version,
        source: b.source,
        entities: b.entities,
        named_dates: b.named_dates,
        lexicon: b.lexicon,
        facts: b.facts,
        questions: Vec::new(),
        ids: b.ids,
    })
}

fn load_as<Q: serde::de::DeserializeOwned + Default + QuestionList>(
    path: Option<&Path>,
) -> Result<Bank<Q>> {
    match path {
        None => parse(EMBEDDED, EMBEDDED_NAME),
        Some(path) => {
            let (text, name) = read(path)?;
            let bank: Bank<Q> = parse(&text, &name)?;
            // A bank whose references do not hold would make every command
            // misbehave; refuse it up front and point at the full report.
            let problems = validate::structural(&bank);
            if !problems.is_empty() {
                return Err(Error::BankRefused {
                    path: name,
                    text,
                    count: problems.len(),
                    first: problems[0].to_string(),
                });
            }
            Ok(bank)
        }
    }
}

/// Reads a bank file as UTF-8; returns its text and its name for messages.
pub fn read(path: &Path) -> Result<(String, String)> {
    use std::io::Read;
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    // Read at most one byte past the limit: an endless file (`/dev/zero`)
    // costs the limit, not all the memory there is.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BANK_BYTES + 1).read_to_end(&mut bytes))
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_BANK_BYTES {
        return Err(Error::BankTooLarge {
            path: path.to_path_buf(),
            max: MAX_BANK_BYTES,
        });
    }
    let name = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::InvalidUtf8 {
            path: name.clone(),
            line,
        }
    })?;
    Ok((text, name))
}

/// Parses bank JSON, naming line and column of any syntax or shape error.
pub fn parse<Q: serde::de::DeserializeOwned + Default>(text: &str, name: &str) -> Result<Bank<Q>> {
    let bank: Bank<Q> = serde_json::from_str(text).map_err(|e| syntax_error(&e, name))?;
    finish(bank, name)
}

/// Parses bank JSON for `bank check`: a syntax error stops it (with line
/// and column), but every type error is found, each with its field path.
pub(crate) fn parse_each(text: &str, name: &str) -> Result<Result<Bank, Invalid>> {
    let json: serde_json::Value = serde_json::from_str(text).map_err(|e| syntax_error(&e, name))?;
    match decode::decode(&json) {
        Ok(bank) => finish(bank, name).map(Ok),
        Err(invalid) => Ok(Err(invalid)),
    }
}

fn syntax_error(e: &serde_json::Error, name: &str) -> Error {
    Error::BankSyntax {
        path: name.to_string(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    }
}

/// Refuses schema versions this binary does not read; indexes ids.
fn finish<Q>(mut bank: Bank<Q>, name: &str) -> Result<Bank<Q>> {
    if !(1..=SCHEMA_VERSION).contains(&bank.schema_version) {
        return Err(Error::BankInvalid {
            path: name.to_string(),
            message: format!(
                "schema_version {} is not supported (this factcheck reads versions 1 to {SCHEMA_VERSION}); upgrade factcheck or write the bank in a version it reads",
                bank.schema_version
            ),
        });
    }
    bank.index_ids();
    Ok(bank)
}

/// serde_json appends " at line L column C"; we print the position first.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
