//! Every error the tool reports, each mapped to its exit code.

use std::io;
use std::path::PathBuf;

use crate::exit::Exit;
use crate::sanitize::{path as p, terminal as t};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}: {source}", p(path))]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("{}:{line}:{column}: invalid JSON in bank: {}", t(path), t(message))]
    BankSyntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },

    #[error(
        "{}: {}; run `factcheck bank check {}` to see every problem",
        t(path),
        t(message),
        t(path)
    )]
    BankInvalid { path: String, message: String },

    /// A bank refused on load for the problems found then; the command
    /// layer recounts them as `bank check` does (see `commands::run`).
    #[error(
        "{}: {count} problem{}, the first: {}; run `factcheck bank check {}` to see every problem",
        t(path),
        if *.count == 1 { "" } else { "s" },
        t(first),
        t(path)
    )]
    BankRefused {
        path: String,
        text: String,
        count: usize,
        first: String,
    },

    #[error(
        "{}:{line}: input is not valid UTF-8; save the file as UTF-8 and try again",
        t(path)
    )]
    InvalidUtf8 { path: String, line: usize },

    #[error("cannot write {}: {source}", p(path))]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error(
        "{}:{line}: a statement is longer than {max} bytes; split it, or check that the file holds one statement a line",
        t(path)
    )]
    LineTooLong {
        path: String,
        line: usize,
        max: usize,
    },

    #[error(
        "{}: a bank is at most {max} bytes; this file is larger (is it the right file?)",
        p(path)
    )]
    BankTooLarge { path: PathBuf, max: u64 },

    #[error("an answer is longer than {max} bytes; give one short answer a line")]
    AnswerTooLong { max: usize },

    #[error(
        "{}: {what}; move it away (answers are kept in a regular file)",
        p(path)
    )]
    HistoryFile { path: PathBuf, what: String },

    #[error("history {}: {source}", p(path))]
    History {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    /// An article that cannot be drafted into a bank.
    #[error("{path}: {message}")]
    Draft { path: String, message: String },

    /// Wrong use of the command line that clap cannot see (empty statement, etc.).
    #[error("{}", t(.0))]
    Usage(String),

    /// The user pressed Ctrl-C; whatever summary was due has been printed.
    #[error("interrupted")]
    Interrupted,

    /// Standard output went away (`factcheck facts | head -1`): stop quietly.
    #[error("broken pipe")]
    BrokenPipe,

    #[error("{}", t(&.0.to_string()))]
    Io(#[source] io::Error),
}

impl Error {
    pub fn exit(&self) -> Exit {
        match self {
            Error::Usage(_) => Exit::Usage,
            Error::Interrupted => Exit::Interrupted,
            Error::BrokenPipe => Exit::Success,
            Error::Read { .. }
            | Error::BankSyntax { .. }
            | Error::BankInvalid { .. }
            | Error::BankRefused { .. }
            | Error::InvalidUtf8 { .. }
            | Error::LineTooLong { .. }
            | Error::BankTooLarge { .. }
            | Error::AnswerTooLong { .. }
            | Error::HistoryFile { .. }
            | Error::History { .. }
            | Error::Write { .. }
            | Error::Draft { .. }
            | Error::Io(_) => Exit::Data,
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::BrokenPipe => Error::BrokenPipe,
            io::ErrorKind::Interrupted => Error::Interrupted,
            _ => Error::Io(e),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
