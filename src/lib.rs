//! `factcheck`: a fact bank built from one news article, a quiz that
//! teaches it, and a verifier that checks statements against it.
//!
//! The binary is a thin shell over [`run`]; everything else lives in one
//! module per concern.

pub mod bank;
pub mod cli;
pub mod commands;
pub mod error;
pub mod exit;
pub mod input;
pub mod quiz;
pub mod render;
mod sanitize;
pub mod verify;

pub use error::{Error, Result};
pub use exit::Exit;

/// Runs a parsed command line and returns the exit status it earned.
pub fn run(cli: cli::Cli) -> Result<Exit> {
    commands::run(cli)
}
