//! The answer history: one SQLite row per answered question, kept under
//! `$FACTCHECK_HOME` or `$XDG_DATA_HOME/factcheck`.
//!
//! Each answer is one committed INSERT (WAL mode), so its cost does not
//! grow with the history, a session killed at any moment loses nothing
//! already shown, and concurrent sessions go through SQLite's own locking.
//! The folder is private (0700), the database 0600, and no name the
//! history uses is ever followed as a symbolic link or opened as a FIFO or
//! device. A `history.jsonl` from earlier versions is imported once.

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags, params};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::render;

/// The database, inside the history folder.
pub const DB_NAME: &str = "history.db";
/// The JSON-lines history of earlier versions, imported once.
pub const LEGACY_NAME: &str = "history.jsonl";
/// What SQLite adds to the database's name for its own files.
const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

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

/// [`dir`], or the usage error that says how to set one.
pub fn dir_or_usage() -> Result<PathBuf> {
    dir().ok_or_else(|| {
        Error::Usage("no history location: set FACTCHECK_HOME, XDG_DATA_HOME or HOME".into())
    })
}

/// What an import of `history.jsonl` did, to tell the user once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub answers: usize,
    /// Lines that did not parse; they stay in the renamed file.
    pub damaged: usize,
    /// Where the imported file now is.
    pub renamed_to: PathBuf,
}

/// The history database of one folder.
pub struct History {
    pub path: PathBuf,
    conn: Connection,
}

impl History {
    /// Opens (creating them if needed) the folder and the database, and
    /// imports a `history.jsonl` found there.
    pub fn open(dir: &Path) -> Result<(History, Option<Imported>)> {
        let path = dir.join(DB_NAME);
        let write_err = |source| Error::Write {
            path: dir.to_path_buf(),
            source,
        };
        if !dir.exists() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(write_err)?;
        }
        refuse_special(&path)?;
        for suffix in COMPANIONS {
            let mut name = path.clone().into_os_string();
            name.push(suffix);
            refuse_special(Path::new(&name))?;
        }
        create_private(&path)?;
        let conn = connect(&path)?;
        let history = History { path, conn };
        let imported = history.import_legacy(&dir.join(LEGACY_NAME))?;
        Ok((history, imported))
    }

    fn sql_err(&self, source: rusqlite::Error) -> Error {
        Error::History {
            path: self.path.clone(),
            source,
        }
    }

    /// Records one answer; when this returns, it is committed.
    pub fn record(&self, r: &Record) -> Result<()> {
        self.record_all(std::slice::from_ref(r))
    }

    /// Records answers in one transaction.
    pub fn record_all(&self, records: &[Record]) -> Result<()> {
        // Immediate: take the write lock first, waiting for other sessions;
        // a deferred transaction could find its snapshot stale and fail.
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        );
        let tx = tx.map_err(|e| self.sql_err(e))?;
        insert(&tx, records).map_err(|e| self.sql_err(e))?;
        tx.commit().map_err(|e| self.sql_err(e))
    }

    /// How many answers the history holds.
    pub fn len(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT COUNT(*) FROM answers", [], |r| r.get::<_, i64>(0))
            .map(|n| n.unsigned_abs())
            .map_err(|e| self.sql_err(e))
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Calls `f` on every answer in the order they were recorded, without
    /// holding them all in memory.
    pub fn for_each(&self, f: impl FnMut(Record) -> Result<()>) -> Result<()> {
        self.each(&format!("SELECT {COLUMNS} FROM answers ORDER BY id"), [], f)
    }

    /// The answers of one bank recorded without their session (imported
    /// from older histories), oldest first: `stats` splits them into
    /// sessions at pauses. A partial index keeps this from scanning the
    /// answers that have a session.
    pub fn recorded_without_session(&self, bank: &str) -> Result<Vec<Record>> {
        let mut records = Vec::new();
        self.each(
            &format!(
                "SELECT {COLUMNS} FROM answers WHERE bank = ?1 AND session IS NULL \
                 ORDER BY time, id"
            ),
            [bank],
            |r| {
                records.push(r);
                Ok(())
            },
        )?;
        Ok(records)
    }

    fn each(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        mut f: impl FnMut(Record) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.sql_err(e))?;
        let mut rows = stmt.query(params).map_err(|e| self.sql_err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.sql_err(e))? {
            f(record_of(row).map_err(|e| self.sql_err(e))?)?;
        }
        Ok(())
    }

    /// Leitner cards of one bank's questions (for `--review`), kept up
    /// to date by every answer: reading them costs the bank's questions,
    /// not the history's length.
    pub fn cards(&self, bank: &str) -> Result<HashMap<String, Card>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT question, level, last_seen, last_correct, seen FROM cards WHERE bank = ?1",
            )
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([bank], |r| {
                let card = Card {
                    level: r.get(1)?,
                    last_seen: r.get(2)?,
                    last_correct: r.get(3)?,
                    seen: r.get(4)?,
                };
                Ok((r.get(0)?, card))
            })
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.sql_err(e))
    }

    /// Answers and right answers of one bank, per topic, topics in order.
    pub fn topic_counts(&self, bank: &str) -> Result<Vec<Count>> {
        self.counts(
            "SELECT key, answered, right_answers FROM tally \
             WHERE bank = ?1 AND kind = 'topic' ORDER BY key",
            bank,
        )
    }

    /// The `limit` facts of one bank missed most (most first, then by id),
    /// with how often each was answered and answered right.
    pub fn most_missed(&self, bank: &str, limit: usize) -> Result<Vec<Count>> {
        let sql = format!(
            "SELECT key, answered, right_answers FROM tally \
             WHERE bank = ?1 AND kind = 'fact' AND answered > right_answers \
             ORDER BY answered - right_answers DESC, key LIMIT {limit}"
        );
        self.counts(&sql, bank)
    }

    /// Answers and right answers of one bank per recorded session, oldest
    /// first, kept up to date by every answer.
    pub fn session_counts(&self, bank: &str) -> Result<Vec<SessionCount>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT started, answered, right_answers FROM sessions \
                 WHERE bank = ?1 ORDER BY started",
            )
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([bank], |r| {
                Ok(SessionCount {
                    started: r.get(0)?,
                    answered: r.get::<_, i64>(1)?.unsigned_abs(),
                    right: r.get::<_, i64>(2)?.unsigned_abs(),
                })
            })
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.sql_err(e))
    }

    fn counts(&self, sql: &str, bank: &str) -> Result<Vec<Count>> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([bank], |r| {
                Ok(Count {
                    key: r.get(0)?,
                    answered: r.get::<_, i64>(1)?.unsigned_abs(),
                    right: r.get::<_, i64>(2)?.unsigned_abs(),
                })
            })
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.sql_err(e))
    }
}

/// Answers and right answers grouped under one key (a topic, a fact).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub key: String,
    pub answered: u64,
    pub right: u64,
}

/// Answers and right answers of one quiz session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionCount {
    /// When the session started, seconds since the epoch.
    pub started: f64,
    pub answered: u64,
    pub right: u64,
}

/// Inserts answers and brings the cards and tallies up to date, in the
/// caller's transaction. Cards follow the order answers are recorded in.
fn insert(conn: &Connection, records: &[Record]) -> rusqlite::Result<()> {
    let mut answer = conn.prepare_cached(
        "INSERT INTO answers (time, bank, question, fact, topic, correct, session) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut card = conn.prepare_cached(
        "INSERT INTO cards VALUES (?1, ?2, CASE WHEN ?3 THEN 2 ELSE 1 END, ?4, ?3, 1) \
         ON CONFLICT (bank, question) DO UPDATE SET \
         level = CASE WHEN excluded.last_correct THEN MIN(level + 1, 5) ELSE 1 END, \
         last_seen = excluded.last_seen, last_correct = excluded.last_correct, seen = seen + 1",
    )?;
    let mut tally = conn.prepare_cached(
        "INSERT INTO tally VALUES (?1, ?2, ?3, 1, ?4) \
         ON CONFLICT (bank, kind, key) DO UPDATE SET \
         answered = answered + 1, right_answers = right_answers + excluded.right_answers",
    )?;
    let mut session = conn.prepare_cached(
        "INSERT INTO sessions VALUES (?1, ?2, 1, ?3) \
         ON CONFLICT (bank, started) DO UPDATE SET \
         answered = answered + 1, right_answers = right_answers + excluded.right_answers",
    )?;
    for r in records {
        if let Some(started) = r.session {
            session.execute(params![r.bank, started, r.correct])?;
        }
        answer.execute(params![
            r.time, r.bank, r.question, r.fact, r.topic, r.correct, r.session
        ])?;
        card.execute(params![r.bank, r.question, r.correct, r.time])?;
        tally.execute(params![r.bank, "topic", r.topic, r.correct])?;
        tally.execute(params![r.bank, "fact", r.fact, r.correct])?;
    }
    Ok(())
}

fn record_of(row: &rusqlite::Row) -> rusqlite::Result<Record> {
    Ok(Record {
        time: row.get(0)?,
        bank: row.get(1)?,
        question: row.get(2)?,
        fact: row.get(3)?,
        topic: row.get(4)?,
        correct: row.get(5)?,
        session: row.get(6)?,
    })
}

/// The columns [`record_of`] reads, in its order.
const COLUMNS: &str = "time, bank, question, fact, topic, correct, session";

/// What kind of thing other than a regular file is at `path`, if any.
fn special_kind(meta: &fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    Some(if t.is_symlink() {
        "is a symbolic link"
    } else if t.is_dir() {
        "is a directory"
    } else if t.is_fifo() {
        "is a FIFO"
    } else if t.is_block_device() || t.is_char_device() {
        "is a device"
    } else if t.is_socket() {
        "is a socket"
    } else {
        return None;
    })
}

/// Refuses a name the history uses when something other than a regular
/// file sits there: following it could overwrite or disclose another file,
/// and a FIFO would hang the quiz.
fn refuse_special(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) => match special_kind(&meta) {
            Some(what) => Err(Error::HistoryFile {
                path: path.to_path_buf(),
                what: what.into(),
            }),
            None => Ok(()),
        },
        Err(_) => Ok(()),
    }
}

/// Creates the database file 0600 (SQLite gives its WAL and shared-memory
/// files the same mode), or checks the one there: never through a
/// symbolic link, never blocking on a FIFO.
fn create_private(path: &Path) -> Result<()> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path);
    let file = match file {
        Ok(f) => f,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(Error::HistoryFile {
                path: path.to_path_buf(),
                what: "is a symbolic link".into(),
            });
        }
        Err(source) => {
            return Err(Error::Write {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let meta = file.metadata().map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if let Some(what) = special_kind(&meta) {
        return Err(Error::HistoryFile {
            path: path.to_path_buf(),
            what: what.into(),
        });
    }
    if meta.permissions().mode() & 0o077 != 0 {
        file.set_permissions(fs::Permissions::from_mode(0o600))
            .map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
    }
    Ok(())
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    time REAL NOT NULL,
    bank TEXT NOT NULL,
    question TEXT NOT NULL,
    fact TEXT NOT NULL,
    topic TEXT NOT NULL,
    correct INTEGER NOT NULL,
    -- When the answer's quiz session started; NULL for older answers.
    session REAL
);
-- Kept up to date by each answer, so that start-up, --review and stats
-- read a few rows per question, whatever the history's length.
CREATE TABLE IF NOT EXISTS cards (
    bank TEXT NOT NULL,
    question TEXT NOT NULL,
    level INTEGER NOT NULL,
    last_seen REAL NOT NULL,
    last_correct INTEGER NOT NULL,
    seen INTEGER NOT NULL,
    PRIMARY KEY (bank, question)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tally (
    bank TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    answered INTEGER NOT NULL,
    right_answers INTEGER NOT NULL,
    PRIMARY KEY (bank, kind, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions (
    bank TEXT NOT NULL,
    started REAL NOT NULL,
    answered INTEGER NOT NULL,
    right_answers INTEGER NOT NULL,
    PRIMARY KEY (bank, started)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS imports (
    file TEXT PRIMARY KEY,
    answers INTEGER NOT NULL
);
";

fn connect(path: &Path) -> Result<Connection> {
    let sql_err = |source| Error::History {
        path: path.to_path_buf(),
        source,
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NOFOLLOW
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(sql_err)?;
    // Concurrent sessions wait for each other's (millisecond) commits.
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(sql_err)?;
    wal(&conn).map_err(sql_err)?;
    // NORMAL: in WAL mode a commit survives the process being killed at
    // any moment and the file stays consistent; only a power loss may take
    // back the last answers. FULL would add an fsync (about 4.5 ms here) to
    // every answer.
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sql_err)?;
    // One writer at a time sets the schema up: two first runs must not
    // both add the session column.
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(sql_err)?;
    tx.execute_batch(SCHEMA).map_err(sql_err)?;
    add_session_column(&tx).map_err(sql_err)?;
    // Only answers without a session are in it: new answers do not pay.
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS answers_without_session \
         ON answers (bank, time) WHERE session IS NULL",
    )
    .map_err(sql_err)?;
    tx.commit().map_err(sql_err)?;
    Ok(conn)
}

/// Switches to WAL. The switch takes the database alone, and SQLite
/// answers "locked" at once, without waiting, when another first run is
/// switching too: try again for a while.
fn wal(conn: &Connection) -> rusqlite::Result<()> {
    let mut tries = 0;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && tries < 200 =>
            {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

/// Databases made before sessions were recorded lack the `session`
/// column: add it (its answers keep NULL there).
fn add_session_column(conn: &Connection) -> rusqlite::Result<()> {
    let has: bool = conn.query_row(
        "SELECT COUNT(*) FROM pragma_table_info('answers') WHERE name = 'session'",
        [],
        |r| r.get(0),
    )?;
    if !has {
        conn.execute_batch("ALTER TABLE answers ADD COLUMN session REAL")?;
    }
    Ok(())
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

mod export;
mod legacy;

pub use export::{export_cmd, path_cmd};

/// Opens the history for a command that reads it, telling once about an
/// import.
pub fn open_reporting() -> Result<History> {
    let (history, imported) = History::open(&dir_or_usage()?)?;
    if let Some(i) = imported {
        render::warn(i.message(&history.path));
    }
    Ok(history)
}

impl Imported {
    /// The one line that tells the user what the import did.
    pub fn message(&self, db: &Path) -> String {
        let damaged = if self.damaged > 0 {
            format!(
                " ({} damaged line(s) skipped, still in that file)",
                self.damaged
            )
        } else {
            String::new()
        };
        format!(
            "imported {} answer(s) from {LEGACY_NAME} into {}{damaged}; the old file is now {}",
            self.answers,
            db.display(),
            self.renamed_to.display()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(bank: &str, question: &str, topic: &str, correct: bool, time: f64) -> Record {
        Record {
            time,
            bank: bank.into(),
            question: question.into(),
            fact: format!("f-{question}"),
            topic: topic.into(),
            correct,
            session: Some(time.floor()),
        }
    }

    fn open() -> (tempfile::TempDir, History) {
        let dir = tempfile::tempdir().unwrap();
        let (h, imported) = History::open(&dir.path().join("h")).unwrap();
        assert_eq!(imported, None);
        (dir, h)
    }

    #[test]
    fn cards_follow_answers_in_the_order_recorded() {
        let (_d, h) = open();
        h.record_all(&[
            rec("b", "q1", "t", true, 3.0),
            rec("b", "q1", "t", true, 1.0),
            rec("b", "q1", "t", false, 2.0),
            rec("other", "q1", "t", false, 4.0),
            rec("b", "q2", "t", false, 5.0),
        ])
        .unwrap();
        let cards = h.cards("b").unwrap();
        // Right (2), right (3), wrong (1).
        assert_eq!(cards["q1"].level, 1);
        assert_eq!(cards["q1"].seen, 3);
        assert_eq!(cards["q1"].last_seen, 2.0);
        h.record_all(&[rec("b", "q1", "t", true, 6.0)]).unwrap();
        h.record_all(&[rec("b", "q1", "t", true, 7.0)]).unwrap();
        assert_eq!(h.cards("b").unwrap()["q1"].level, 3);
        for t in 8..12 {
            h.record(&rec("b", "q1", "t", true, f64::from(t))).unwrap();
        }
        assert_eq!(h.cards("b").unwrap()["q1"].level, 5, "at most 5");
        assert!(!cards["q2"].last_correct && cards["q2"].level == 1);
        assert_eq!(cards.len(), 2, "another bank's answers are not counted");
    }

    #[test]
    fn counts_by_topic_and_most_missed_facts() {
        let (_d, h) = open();
        h.record_all(&[
            rec("b", "q1", "politics", false, 1.0),
            rec("b", "q1", "politics", false, 2.0),
            rec("b", "q2", "economy", true, 3.0),
            rec("b", "q3", "economy", false, 4.0),
            rec("x", "q9", "economy", false, 5.0),
        ])
        .unwrap();
        let count = |key: &str, answered, right| Count {
            key: key.into(),
            answered,
            right,
        };
        assert_eq!(
            h.topic_counts("b").unwrap(),
            vec![count("economy", 2, 1), count("politics", 2, 0)]
        );
        assert_eq!(
            h.most_missed("b", 5).unwrap(),
            vec![count("f-q1", 2, 0), count("f-q3", 1, 0)]
        );
        assert_eq!(h.most_missed("b", 1).unwrap().len(), 1);
    }

    #[test]
    fn every_answer_comes_back_exactly() {
        let (_d, h) = open();
        let all = [
            rec("b\u{1b}[2J", "q\n1", "t,\"x\"", true, 1.5),
            Record {
                session: None,
                ..rec("b", "q2", "t", false, 1_700_000_000.123_456)
            },
        ];
        h.record_all(&all).unwrap();
        let mut back = Vec::new();
        h.for_each(|r| {
            back.push(r);
            Ok(())
        })
        .unwrap();
        assert_eq!(back, all);
        assert_eq!(h.len().unwrap(), 2);
    }

    #[test]
    fn sessions_are_tallied_and_older_answers_listed_oldest_first() {
        let (_d, h) = open();
        let old = |question, time| Record {
            session: None,
            ..rec("b", question, "t", true, time)
        };
        h.record_all(&[
            Record {
                session: Some(10.0),
                ..rec("b", "q1", "t", true, 11.0)
            },
            Record {
                session: Some(10.0),
                ..rec("b", "q2", "t", false, 12.0)
            },
            rec("b", "q3", "t", true, 20.0),
            rec("x", "q1", "t", true, 20.0),
            old("q4", 3.0),
            old("q5", 1.0),
        ])
        .unwrap();
        let session = |started, answered, right| SessionCount {
            started,
            answered,
            right,
        };
        assert_eq!(
            h.session_counts("b").unwrap(),
            vec![session(10.0, 2, 1), session(20.0, 1, 1)]
        );
        let times: Vec<f64> = h
            .recorded_without_session("b")
            .unwrap()
            .iter()
            .map(|r| r.time)
            .collect();
        assert_eq!(times, [1.0, 3.0]);
    }

    #[test]
    fn a_database_without_sessions_gains_the_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_NAME);
        Connection::open(&path)
            .unwrap()
            .execute_batch(
                "CREATE TABLE answers (id INTEGER PRIMARY KEY, time REAL NOT NULL, \
                 bank TEXT NOT NULL, question TEXT NOT NULL, fact TEXT NOT NULL, \
                 topic TEXT NOT NULL, correct INTEGER NOT NULL);
                 INSERT INTO answers VALUES (1, 1.0, 'b', 'q1', 'f', 't', 1);",
            )
            .unwrap();
        let (h, _) = History::open(dir.path()).unwrap();
        h.record(&rec("b", "q2", "t", false, 2.0)).unwrap();
        let without: Vec<String> = h
            .recorded_without_session("b")
            .unwrap()
            .into_iter()
            .map(|r| r.question)
            .collect();
        assert_eq!(without, ["q1"]);
        assert_eq!(h.session_counts("b").unwrap().len(), 1);
    }
}
