//! The `factcheck` binary: parse, run, map the outcome to an exit code.

use std::process::ExitCode;

use factcheck::{Exit, cli};

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        // Help and --version are not errors: clap prints them as they are.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return Exit::Success.into();
        }
        Err(e) => {
            eprintln!("factcheck: {}", cli::usage_line(&e));
            return Exit::Usage.into();
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
