//! The exit-code contract every command keeps. This is the only place the
//! numbers are written down; the README's table mirrors it.

/// A process exit status with a meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Success, or every statement SUPPORTED.
    Success = 0,
    /// A statement REFUTED, or a quiz score below its pass mark.
    Failure = 1,
    /// Bad flags, an empty statement, a missing terminal where one is required.
    Usage = 2,
    /// No statement REFUTED but at least one NOT_ENOUGH_INFO.
    NotEnoughInfo = 3,
    /// A bank, history or input file missing, unreadable or invalid.
    Data = 4,
    /// Stopped by Ctrl-C (128 + SIGINT).
    Interrupted = 130,
}

/// The table above in one line, for `--help`; kept beside the enum so the
/// two cannot drift apart unnoticed.
pub const SUMMARY: &str = "Exit codes: 0 success/SUPPORTED, 1 REFUTED/below pass mark, \
2 usage error, 3 NOT_ENOUGH_INFO, 4 data error, 130 interrupted.";

impl Exit {
    pub fn code(self) -> u8 {
        self as u8
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lists_every_code() {
        for e in [
            Exit::Success,
            Exit::Failure,
            Exit::Usage,
            Exit::NotEnoughInfo,
            Exit::Data,
            Exit::Interrupted,
        ] {
            assert!(SUMMARY.contains(&format!("{} ", e.code())), "{e:?}");
        }
    }
}
