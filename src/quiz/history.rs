//! The answer history: one JSON line per answered question, kept under
//! `$FACTCHECK_HOME` or `$XDG_DATA_HOME/factcheck`.
//!
//! Every write takes a lock, re-reads the file, and replaces it atomically
//! (temporary file, fsync, rename), so a session killed at any moment —
//! even with `kill -9` — leaves a whole file holding every answer already
//! shown, and concurrent sessions never lose each other's answers. A
//! damaged file is reported and copied aside before it is ever rewritten.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::error::{Error, Result};

pub const FILE_NAME: &str = "history.jsonl";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// Seconds since the Unix epoch.
    pub time: f64,
    /// The bank's source title, so that several banks share one history.
    pub bank: String,
    pub question: String,
    pub fact: String,
    pub topic: String,
    pub correct: bool,
    /// When the quiz session that gave this answer started (seconds since
    /// the epoch), so that `stats` can score sessions; absent in older
    /// histories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<f64>,
}

pub fn now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// Where the history lives: `$FACTCHECK_HOME`, else
/// `$XDG_DATA_HOME/factcheck`, else `~/.local/share/factcheck`.
pub fn dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("FACTCHECK_HOME")
        .or_else(|| var("XDG_DATA_HOME").map(|d| d.join("factcheck")))
        .or_else(|| var("HOME").map(|h| h.join(".local/share/factcheck")))
}

/// What was read from the history file.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<Record>,
    /// Line numbers that did not parse.
    pub damaged: Vec<usize>,
}

fn parse(text: &str) -> Loaded {
    let mut loaded = Loaded::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(line) {
            Ok(r) => loaded.records.push(r),
            Err(_) => loaded.damaged.push(i + 1),
        }
    }
    loaded
}

/// The history file of one directory.
#[derive(Debug, Clone)]
pub struct History {
    pub path: PathBuf,
    /// Set once the damaged original has been copied aside.
    backed_up: bool,
}

impl History {
    pub fn at(dir: &Path) -> History {
        History {
            path: dir.join(FILE_NAME),
            backed_up: false,
        }
    }

    /// Reads the history; a missing file is an empty history.
    pub fn load(&self) -> io::Result<Loaded> {
        match fs::read(&self.path) {
            Ok(bytes) => Ok(parse(&String::from_utf8_lossy(&bytes))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Loaded::default()),
            Err(e) => Err(e),
        }
    }

    /// A warning to show for damaged lines, if any.
    pub fn damage_warning(&self, loaded: &Loaded) -> Option<String> {
        let first = loaded.damaged.first()?;
        Some(format!(
            "history {}: {} damaged line(s) (first: line {first}) skipped; the file will be copied to {} before it is next written",
            self.path.display(),
            loaded.damaged.len(),
            self.backup_path().display()
        ))
    }

    fn backup_path(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".damaged");
        PathBuf::from(name)
    }

    /// Appends records: lock, re-read, write a temporary file, fsync,
    /// rename over the old one.
    pub fn append(&mut self, new: &[Record]) -> Result<()> {
        let write_err = |source| Error::Write {
            path: self.path.clone(),
            source,
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(write_err)?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("history.lock"))
            .map_err(write_err)?;
        lock.lock().map_err(write_err)?;
        let current = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(write_err(e)),
        };
        let loaded = parse(&String::from_utf8_lossy(&current));
        if !loaded.damaged.is_empty() && !self.backed_up {
            // Never drop damaged lines silently: keep the original aside.
            write_atomic(&self.backup_path(), &current).map_err(write_err)?;
            self.backed_up = true;
        }
        let mut text = Vec::with_capacity(current.len() + 256);
        for r in loaded.records.iter().chain(new) {
            serde_json::to_writer(&mut text, r)
                .map_err(io::Error::other)
                .map_err(write_err)?;
            text.push(b'\n');
        }
        write_atomic(&self.path, &text).map_err(write_err)
    }
}

/// Replaces `path` with `bytes` so that a reader, or a crash at any
/// moment, sees either the old file or the new one: temporary file in the
/// same folder, fsync, rename, fsync of the folder.
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Leitner state of one question, from its answers in time order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Card {
    /// 1 to 5: right answers move a card up, a wrong one back to 1.
    pub level: u8,
    pub last_seen: f64,
    pub last_correct: bool,
    pub seen: u32,
}

pub fn cards(records: &[Record], bank: &Bank) -> HashMap<String, Card> {
    let mut sorted: Vec<&Record> = records
        .iter()
        .filter(|r| r.bank == bank.source.title)
        .collect();
    sorted.sort_by(|a, b| a.time.total_cmp(&b.time));
    let mut cards: HashMap<String, Card> = HashMap::new();
    for r in sorted {
        let c = cards.entry(r.question.clone()).or_insert(Card {
            level: 1,
            ..Card::default()
        });
        c.level = if r.correct { (c.level + 1).min(5) } else { 1 };
        c.last_seen = r.time;
        c.last_correct = r.correct;
        c.seen += 1;
    }
    cards
}

/// The answers recorded for one bank, oldest first, and the file they
/// were read from: what `stats` shows, whatever the storage underneath.
pub fn recorded(bank: &Bank) -> Result<(PathBuf, Vec<Record>)> {
    let Some(dir) = dir() else {
        return Err(Error::Usage(
            "no history location: set FACTCHECK_HOME or XDG_DATA_HOME".into(),
        ));
    };
    let history = History::at(&dir);
    let loaded = history.load().map_err(|source| Error::Read {
        path: history.path.clone(),
        source,
    })?;
    if let Some(w) = history.damage_warning(&loaded) {
        eprintln!("factcheck: warning: {w}");
    }
    let mut records: Vec<Record> = loaded
        .records
        .into_iter()
        .filter(|r| r.bank == bank.source.title)
        .collect();
    records.sort_by(|a, b| a.time.total_cmp(&b.time));
    Ok((history.path, records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_line_is_reported_not_fatal() {
        let good =
            r#"{"time":1.0,"bank":"b","question":"q","fact":"f","topic":"t","correct":true}"#;
        let text = format!("{good}\n{}", &good[..20]);
        let l = parse(&text);
        assert_eq!(l.records.len(), 1);
        assert_eq!(l.damaged, vec![2]);
    }
}
