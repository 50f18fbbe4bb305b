//! The quiz: choosing questions, asking them in a terminal (dialoguer) or
//! over a plain line protocol (scripts, CI, screen readers), grading,
//! keeping the history, and stopping cleanly on Ctrl-C.

mod clean_theme;
pub mod grade;
pub mod history;
mod plain;
mod prompt;
pub mod select;
pub mod session;
pub mod stats;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::bank::{self, Bank, QuestionKind};
use crate::cli::{Format, KindArg, QuizArgs};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::render;
use crate::verify::Verifier;
use history::History;
use session::{OnScreen, Session};

type Shared = Arc<Mutex<Session<'static>>>;

/// Runs a quiz; `colorful` was decided at start-up for the feedback stream.
pub fn run(bank_path: Option<&Path>, colorful: bool, args: &QuizArgs) -> Result<Exit> {
    if args.no_input {
        return Err(Error::Usage(
            "--no-input: a quiz needs answers. In scripts, give them on standard input, one a line, \
             and read the result with --format json (e.g. printf '1\\ntrue\\n' | factcheck quiz --count 2 --seed 7 --format json)"
                .into(),
        ));
    }
    let json = args.format == Format::Json;
    let terminal = io::stdin().is_terminal() && io::stderr().is_terminal();

    // The session outlives any borrow: the Ctrl-C handler needs it.
    let bank: &'static Bank = Box::leak(Box::new(bank::load(bank_path)?));
    let (history, cards) = if args.no_history {
        (None, Default::default())
    } else {
        open_history(bank)
    };
    let seed = args.seed.unwrap_or_else(rand::random);
    let kinds: Vec<QuestionKind> = args
        .kind
        .iter()
        .map(|k| match k {
            KindArg::Choice => QuestionKind::Choice,
            KindArg::Truefalse => QuestionKind::Truefalse,
            KindArg::Open => QuestionKind::Open,
        })
        .collect();
    let items = select::select(
        bank,
        &select::Selection {
            count: args.count.map(|n| n as usize),
            seed,
            topics: &args.topic,
            kinds: &kinds,
            review: args.review.then_some(&cards),
        },
    )?;
    let session = Session {
        bank,
        verifier: Verifier::new(bank),
        items,
        answers: Vec::new(),
        seed,
        pass_mark: args.pass_mark,
        started: Instant::now(),
        started_at: history::now(),
        history,
        json,
        width: if json {
            render::stderr_width()
        } else {
            render::stdout_width()
        },
        summary_shown: false,
        on_screen: Default::default(),
    };
    let shared: Shared = Arc::new(Mutex::new(session));
    let handler_state = Arc::clone(&shared);
    // Ctrl-C while reading a line (plain mode) arrives as SIGINT; in a
    // terminal prompt it arrives as a key, and the prompt raises SIGINT too.
    // Either way one path prints the summary so far and exits 130.
    if let Err(e) = ctrlc::set_handler(move || interrupt(&handler_state)) {
        render::warn(format_args!("cannot catch Ctrl-C: {e}"));
    }
    let result = if terminal {
        prompt::run(&shared, colorful).and_then(|()| {
            // The summary comes first; the retry offer follows it.
            show_summary(&shared)?;
            prompt::retry(&shared, colorful)
        })
    } else {
        plain::run(&shared)
    };
    match result {
        Err(Error::Interrupted) => interrupt(&shared),
        Err(e) => return Err(e),
        Ok(()) => {}
    }
    let s = lock(&shared);
    let summary = s.summary(false);
    finish(&s, &summary)?;
    Ok(match summary.passed {
        Some(false) => Exit::Failure,
        _ => Exit::Success,
    })
}

/// The first round's summary, before the retry offer.
fn show_summary(shared: &Shared) -> Result<()> {
    let mut s = lock(shared);
    let summary = s.summary(false);
    with_feedback_stream(&s, |w| s.write_summary(w, &summary))?;
    s.summary_shown = true;
    Ok(())
}

/// Runs `f` on the stream people read: stdout, or stderr under
/// `--format json`.
fn with_feedback_stream(s: &Session, f: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    if s.json {
        f(&mut io::stderr().lock())
    } else {
        let mut stdout = io::stdout().lock();
        f(&mut stdout)?;
        stdout.flush()?;
        Ok(())
    }
}

/// The interactive prompt's check on a typed answer's length.
fn check_answer_length(s: &str) -> std::result::Result<(), String> {
    if s.len() > crate::input::MAX_ANSWER_BYTES {
        Err(format!(
            "an answer is at most {} bytes",
            crate::input::MAX_ANSWER_BYTES
        ))
    } else {
        Ok(())
    }
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, Session<'static>> {
    // A panic elsewhere must not stop the summary from printing.
    shared.lock().unwrap_or_else(|p| p.into_inner())
}

/// Prints what is still due of the summary for people (all of it, or only
/// the retry's once the first round's is out), and with `--format json`
/// the whole summary as one object on stdout.
fn finish(s: &Session, summary: &session::Summary) -> Result<()> {
    with_feedback_stream(s, |w| {
        if !s.summary_shown {
            s.write_summary(w, summary)?;
        }
        s.write_retry(w, summary)
    })?;
    if s.json {
        let mut stdout = io::stdout().lock();
        render::out(
            &mut stdout,
            serde_json::to_string_pretty(summary).map_err(io::Error::other)?,
        )?;
        stdout.flush()?;
    }
    Ok(())
}

/// Clears the prompt left on screen, restores the terminal, prints the
/// summary so far and exits 130. The answers given are already in the
/// history: each was saved before it was shown. Holding the lock until
/// exit keeps a second Ctrl-C from printing twice.
fn interrupt(shared: &Shared) -> ! {
    let s = lock(shared);
    if io::stderr().is_terminal() {
        let term = dialoguer::console::Term::stderr();
        let OnScreen { lines, partial } = s.on_screen;
        if partial {
            let _ = term.clear_line();
        }
        if lines > 0 {
            let _ = term.clear_last_lines(lines);
        } else if !partial {
            // A plain-protocol prompt ("> ") may hold the cursor.
            let _ = term.write_line("");
        }
        let _ = term.show_cursor();
    }
    let summary = s.summary(true);
    let _ = finish(&s, &summary);
    std::process::exit(i32::from(Exit::Interrupted.code()))
}

/// Opens the history, warning (and carrying on without it) when it cannot
/// be used.
fn open_history(
    bank: &Bank,
) -> (
    Option<History>,
    std::collections::HashMap<String, history::Card>,
) {
    let opened = history::dir_or_usage().and_then(|dir| {
        let (h, imported) = History::open(&dir)?;
        if let Some(i) = imported {
            render::warn(i.message(&h.path));
        }
        let cards = h.cards(&bank.source.title)?;
        Ok((h, cards))
    });
    match opened {
        Ok((h, cards)) => (Some(h), cards),
        Err(e) => {
            render::warn(format_args!("{e}; answers will not be recorded"));
            (None, Default::default())
        }
    }
}
