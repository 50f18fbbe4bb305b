//! Every error the tool reports, each mapped to its exit code.

use std::io;
use std::path::PathBuf;

use crate::exit::Exit;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("{path}:{line}:{column}: invalid JSON in bank: {message}")]
    BankSyntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{path}: {message}; run `factcheck bank check {path}` to see every problem")]
    BankInvalid { path: String, message: String },

    #[error("{path}:{line}: input is not valid UTF-8; save the file as UTF-8 and try again")]
    InvalidUtf8 { path: String, line: usize },

    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// An article that cannot be drafted into a bank.
    #[error("{path}: {message}")]
    Draft { path: String, message: String },

    /// Wrong use of the command line that clap cannot see (empty statement, etc.).
    #[error("{0}")]
    Usage(String),

    /// The user pressed Ctrl-C; whatever summary was due has been printed.
    #[error("interrupted")]
    Interrupted,

    /// Standard output went away (`factcheck facts | head -1`): stop quietly.
    #[error("broken pipe")]
    BrokenPipe,

    #[error("{0}")]
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
            | Error::InvalidUtf8 { .. }
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
