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
