//! Shared helpers: every test drives the real binary in a temporary
//! directory with a cleared environment, so nothing from the developer's
//! shell (NO_COLOR, XDG dirs, FACTCHECK_*) leaks in.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_factcheck");

/// A temporary home for one test.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Where the quiz keeps its history in this environment.
    pub fn data_home(&self) -> PathBuf {
        self.path().join("data")
    }

    /// The history folder in this environment.
    pub fn history_dir(&self) -> PathBuf {
        self.data_home().join("factcheck")
    }

    /// The history database.
    pub fn history_file(&self) -> PathBuf {
        self.history_dir().join("history.db")
    }

    /// Where earlier versions kept the history, imported once.
    pub fn legacy_history(&self) -> PathBuf {
        self.history_dir().join("history.jsonl")
    }

    /// Every recorded answer, read back with `factcheck history export`.
    pub fn history_records(&self) -> Vec<serde_json::Value> {
        let out = self
            .cmd()
            .args(["history", "export"])
            .output()
            .expect("history export runs");
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
            .collect()
    }

    /// The binary with an empty environment but for HOME and XDG_DATA_HOME
    /// inside the temporary directory.
    pub fn std_cmd(&self) -> Command {
        let mut c = Command::new(BIN);
        c.env_clear()
            .env("HOME", self.path())
            .env("XDG_DATA_HOME", self.data_home())
            .current_dir(self.path());
        c
    }

    pub fn cmd(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.std_cmd())
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(name);
        std::fs::write(&p, contents).expect("write test file");
        p
    }
}

/// The shipped bank's JSON, for tests that break it on purpose.
pub fn shipped_bank() -> serde_json::Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/questions.json"))
        .expect("questions.json");
    serde_json::from_str(&text).expect("questions.json parses")
}

/// The shipped bank with `evil` appended to every string a person reads.
pub fn hostile_bank(evil: &str) -> serde_json::Value {
    use serde_json::Value as Json;
    let mut bank = shipped_bank();
    let add = |v: &mut Json| *v = Json::String(format!("{}{evil}", v.as_str().unwrap()));
    add(&mut bank["source"]["title"]);
    for f in bank["facts"].as_array_mut().unwrap() {
        add(&mut f["statement"]);
        add(&mut f["quote"]);
        add(&mut f["topic"]);
    }
    for q in bank["questions"].as_array_mut().unwrap() {
        add(&mut q["prompt"]);
        add(&mut q["explanation"]);
        if let Some(choices) = q.get_mut("choices") {
            for c in choices.as_array_mut().unwrap() {
                add(c);
            }
            add(&mut q["answer"]);
        }
    }
    bank
}

pub fn shipped() -> factcheck::bank::Bank {
    factcheck::bank::load(None).expect("built-in bank loads")
}

pub fn code(out: &std::process::Output) -> i32 {
    out.status.code().expect("exited with a code, not a signal")
}

pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

use factcheck::bank::{AnswerType, Bank, QuestionBody};
use factcheck::quiz::select::{self, Item, Selection};

/// The questions a seeded session asks, in order, as the binary picks them.
pub fn seeded_items(bank: &Bank, count: usize, seed: u64) -> Vec<Item> {
    seeded_items_of(bank, count, seed, &[])
}

/// Like [`seeded_items`], for a session limited to some kinds.
pub fn seeded_items_of(
    bank: &Bank,
    count: usize,
    seed: u64,
    kinds: &[factcheck::bank::QuestionKind],
) -> Vec<Item> {
    select::select(
        bank,
        &Selection {
            count: Some(count),
            seed,
            topics: &[],
            kinds,
            review: None,
        },
    )
    .expect("selection")
}

/// A right answer to a question, typed as a person would.
pub fn right_answer(bank: &Bank, item: &Item) -> String {
    let q = &bank.questions[item.question];
    match &q.body {
        QuestionBody::Choice { answer, .. } => answer.clone(),
        QuestionBody::Truefalse { answer } => answer.to_string(),
        QuestionBody::Open { answer } => match answer.kind {
            AnswerType::Place | AnswerType::Person => {
                bank.entity(&answer.value).unwrap().name.clone()
            }
            _ => answer.value.clone(),
        },
    }
}

/// A wrong answer that is still a valid one (a choice, true/false, text).
pub fn wrong_answer(bank: &Bank, item: &Item) -> String {
    let q = &bank.questions[item.question];
    match &q.body {
        QuestionBody::Choice { answer, choices } => {
            choices.iter().find(|c| *c != answer).unwrap().clone()
        }
        QuestionBody::Truefalse { answer } => (!answer).to_string(),
        QuestionBody::Open { .. } => "something else entirely".into(),
    }
}
