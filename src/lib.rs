//! `factcheck`: a fact bank built from one news article, a quiz that
//! teaches it, and a verifier that checks statements against it.
//!
//! The binary is a thin shell over [`run`]. The modules are layers, each
//! using only those below it: [`bank`] (model, loading) → `lang` (English
//! as data) → `values` (one file per value kind) → [`verify`] (a pipeline
//! of stages) → [`quiz`], `lint` (what `bank check` runs) and `draft`
//! (what `bank draft` runs) → `commands`. Beneath them all, [`input`]
//! bounds what is read and `sanitize` cleans every string from outside
//! before a terminal sees it.
//!
//! The public API is small: load a bank, build a [`verify::Verifier`],
//! judge statements into [`verify::Judgement`]s.
//!
//! ```
//! use factcheck::verify::{Verdict, Verifier};
//!
//! let text = r#"{"schema_version": 2,
//!   "source": {"title": "Bridge", "date": "1998-06-01", "text": "The bridge opened in 1998."},
//!   "facts": [{"id": "opened", "topic": "history", "statement": "The bridge opened in 1998.",
//!     "quote": "The bridge opened in 1998.",
//!     "values": [{"type": "date", "value": "1998", "text": "1998"}]}]}"#;
//! let bank = factcheck::bank::parse(text, "bridge.json")?;
//! let verifier = Verifier::new(&bank);
//! assert_eq!(verifier.judge("The bridge opened in 1998.").verdict, Verdict::Supported);
//! let wrong = verifier.judge("The bridge opened in 2001.");
//! assert_eq!(wrong.verdict, Verdict::Refuted);
//! assert_eq!(wrong.correction.as_deref(), Some("The bridge opened in 1998."));
//! # Ok::<(), factcheck::Error>(())
//! ```

pub(crate) mod author;
pub mod bank;
pub mod cli;
pub mod commands;
pub(crate) mod draft;
pub mod error;
pub mod exit;
pub mod help;
pub mod input;
pub(crate) mod lang;
pub(crate) mod lint;
pub mod quiz;
pub mod render;
mod sanitize;
pub(crate) mod values;
pub mod verify;

pub use error::{Error, Result};
pub use exit::Exit;

/// Runs a parsed command line and returns the exit status it earned.
pub fn run(cli: cli::Cli) -> Result<Exit> {
    commands::run(cli)
}
