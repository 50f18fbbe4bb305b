//! The `factcheck` binary: parse, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use factcheck::{Exit, cli::Cli};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap's own message; help and --version are not errors.
            let _ = e.print();
            return if e.use_stderr() {
                Exit::Usage.into()
            } else {
                Exit::Success.into()
            };
        }
    };
    match factcheck::run(cli) {
        Ok(exit) => exit.into(),
        Err(e) => {
            let exit = e.exit();
            if !matches!(
                e,
                factcheck::Error::BrokenPipe | factcheck::Error::Interrupted
            ) {
                eprintln!("factcheck: {e}");
            }
            exit.into()
        }
    }
}
