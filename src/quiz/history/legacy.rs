//! The one-time import of `history.jsonl`, the history of earlier
//! versions: its answers go into the database in one transaction that also
//! records the file's identity, so that a session killed before the rename
//! never imports it twice; then the file is renamed, never overwriting.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};

use super::{History, Imported, Record, insert, special_kind};
use crate::error::{Error, Result};
use crate::input::{Line, read_line};

/// The longest line read from the old file; a longer one is damaged.
const MAX_LINE: usize = 64 * 1024;
/// Records parsed before they are inserted: memory stays flat.
const BATCH: usize = 1024;

impl History {
    /// Imports `path` if it is there and was not imported before.
    pub(super) fn import_legacy(&self, path: &Path) -> Result<Option<Imported>> {
        let Some(file) = open_regular(path)? else {
            return Ok(None);
        };
        let meta = file.metadata().map_err(|source| read_err(path, source))?;
        let identity = format!(
            "{}:{}:{}:{}",
            meta.dev(),
            meta.ino(),
            meta.size(),
            meta.mtime_nsec()
        );
        // Immediate: concurrent sessions import one after the other, and
        // the second finds the first's record.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.sql_err(e))?;
        let done: Option<i64> = tx
            .query_row(
                "SELECT answers FROM imports WHERE file = ?1",
                [&identity],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql_err(e))?;
        if done.is_some() {
            // Imported by an earlier (killed) or concurrent session.
            drop(tx);
            rename_aside(path)?;
            return Ok(None);
        }
        let (answers, damaged) = read_into(&tx, file, path).map_err(|e| match e {
            Error::Io(source) => read_err(path, source),
            e => e,
        })?;
        tx.execute(
            "INSERT INTO imports (file, answers) VALUES (?1, ?2)",
            rusqlite::params![identity, answers as i64],
        )
        .and_then(|_| tx.commit())
        .map_err(|e| self.sql_err(e))?;
        let renamed_to = rename_aside(path)?;
        Ok(Some(Imported {
            answers,
            damaged,
            renamed_to,
        }))
    }
}

fn read_err(path: &Path, source: io::Error) -> Error {
    Error::Read {
        path: path.to_path_buf(),
        source,
    }
}

/// Opens `path` for reading if it is a regular file; `None` if absent.
fn open_regular(path: &Path) -> Result<Option<File>> {
    let refused = |what: &str| Error::HistoryFile {
        path: path.to_path_buf(),
        what: what.into(),
    };
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(refused("is a symbolic link"));
        }
        Err(e) => return Err(read_err(path, e)),
    };
    let meta = file.metadata().map_err(|e| read_err(path, e))?;
    match special_kind(&meta) {
        Some(what) => Err(refused(what)),
        None => Ok(Some(file)),
    }
}

/// Inserts every record of the file; returns how many, and how many lines
/// were damaged (not JSON, or longer than [`MAX_LINE`]).
fn read_into(conn: &rusqlite::Connection, file: File, path: &Path) -> Result<(usize, usize)> {
    let mut reader = BufReader::new(file);
    let mut buf = Vec::new();
    let (mut answers, mut damaged) = (0, 0);
    let mut batch = Vec::with_capacity(BATCH);
    loop {
        match read_line(&mut reader, &mut buf, MAX_LINE)? {
            Line::End => break,
            Line::TooLong => {
                damaged += 1;
                while read_line(&mut reader, &mut buf, MAX_LINE)? == Line::TooLong {}
            }
            Line::Read if buf.iter().all(u8::is_ascii_whitespace) => {}
            Line::Read => match serde_json::from_slice::<Record>(&buf) {
                Ok(r) => batch.push(r),
                Err(_) => damaged += 1,
            },
        }
        if batch.len() >= BATCH {
            answers += flush(conn, &mut batch, path)?;
        }
    }
    answers += flush(conn, &mut batch, path)?;
    Ok((answers, damaged))
}

fn flush(conn: &rusqlite::Connection, batch: &mut Vec<Record>, path: &Path) -> Result<usize> {
    insert(conn, batch).map_err(|source| Error::History {
        path: path.to_path_buf(),
        source,
    })?;
    let n = batch.len();
    batch.clear();
    Ok(n)
}

/// Removes the imported file's old name; gone already is fine (a
/// concurrent session removed it).
fn remove_original(path: &Path, target: PathBuf) -> Result<PathBuf> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(Error::Write {
            path: path.to_path_buf(),
            source: e,
        }),
        _ => Ok(target),
    }
}

/// Whether two names are one file (without following symbolic links).
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

/// Renames the imported file to `history.jsonl.imported` (or `.2`, `.3`…),
/// never replacing anything: a hard link fails on any existing name,
/// symbolic links included.
fn rename_aside(path: &Path) -> Result<PathBuf> {
    let write_err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    for n in 1..=100 {
        let mut name = path.as_os_str().to_owned();
        name.push(".imported");
        if n > 1 {
            name.push(format!(".{n}"));
        }
        let target = PathBuf::from(name);
        match fs::hard_link(path, &target) {
            Ok(()) => return remove_original(path, target),
            // A concurrent session linked this very file there already.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && same_file(path, &target) => {
                return remove_original(path, target);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // Renamed meanwhile by a concurrent session.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(target),
            Err(e) => return Err(write_err(e)),
        }
    }
    Err(write_err(io::Error::other(
        "too many history.jsonl.imported files; remove some",
    )))
}
