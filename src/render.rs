//! Output: color decided once at start-up, and writers that turn a closed
//! pipe into a quiet exit instead of a panic.

use std::io::Write;

use colored::Colorize;

use crate::cli::ColorWhen;
use crate::sanitize::terminal as clean;
use crate::verify::Verdict;

/// Decides color once for the whole run: `--color`, then NO_COLOR and
/// TERM=dumb, then whether `stream_is_terminal`.
pub fn init_color(when: ColorWhen, stream_is_terminal: bool) -> bool {
    let env_allows = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb");
    let on = match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => env_allows && stream_is_terminal,
    };
    colored::control::set_override(on);
    on
}

/// Writes a line to stdout, mapping a closed pipe to [`crate::Error::BrokenPipe`].
pub fn out(w: &mut (impl Write + ?Sized), line: impl std::fmt::Display) -> crate::Result<()> {
    writeln!(w, "{line}").map_err(crate::Error::from)
}

pub fn verdict(v: Verdict) -> colored::ColoredString {
    match v {
        Verdict::Supported => v.label().green().bold(),
        Verdict::Refuted => v.label().red().bold(),
        Verdict::NotEnoughInfo => v.label().yellow().bold(),
    }
}

// The helpers below take text that may come from outside (a bank, a
// statement): they sanitise it, so that no caller can forget to.

pub fn dim(s: &str) -> colored::ColoredString {
    clean(s).as_ref().dimmed()
}

pub fn good(s: &str) -> colored::ColoredString {
    clean(s).as_ref().green().bold()
}

pub fn bad(s: &str) -> colored::ColoredString {
    clean(s).as_ref().red().bold()
}

/// A warning on stderr, sanitised: it often names a path or a bank string.
pub fn warn(message: impl std::fmt::Display) {
    eprintln!("factcheck: warning: {}", clean(&message.to_string()));
}

pub fn heading(s: &str) -> colored::ColoredString {
    clean(s).as_ref().bold()
}

/// A quotation from the article, in typographic quotes.
pub fn quote(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", clean(text.trim()))
}

/// "1 problem", "6 problems": a count with its noun, pluralised with -s.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Columns to wrap standard output at: the terminal's width, or `None`
/// (no wrapping) when it is not a terminal, so that pipes and files get
/// whole lines.
pub fn stdout_width() -> Option<usize> {
    use std::io::IsTerminal;
    terminal_width(
        std::io::stdout().is_terminal(),
        dialoguer::console::Term::stdout(),
    )
}

/// As [`stdout_width`], for standard error (the quiz's prompts).
pub fn stderr_width() -> Option<usize> {
    use std::io::IsTerminal;
    terminal_width(
        std::io::stderr().is_terminal(),
        dialoguer::console::Term::stderr(),
    )
}

fn terminal_width(is_terminal: bool, term: dialoguer::console::Term) -> Option<usize> {
    is_terminal.then(|| {
        term.size_checked()
            .map_or(80, |(_, cols)| usize::from(cols))
    })
}

/// `first` then `text`, wrapped at word boundaries to `width` with every
/// further line indented by `rest`. Color codes take no columns. `text`
/// must be sanitised already (through the helpers above or
/// `sanitize::terminal`): it may carry our own colors, which sanitising
/// here would break, and wrapping after sanitising measures what shows.
pub fn wrap(width: Option<usize>, first: &str, rest: &str, text: &str) -> String {
    match width {
        None => format!("{first}{text}"),
        Some(w) => textwrap::fill(
            text,
            textwrap::Options::new(w.max(20))
                .initial_indent(first)
                .subsequent_indent(rest),
        ),
    }
}

/// Spaces as wide as `s` shows, for a hanging indent under a label.
pub fn indent_under(s: &str) -> String {
    " ".repeat(textwrap::core::display_width(s))
}
