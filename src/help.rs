//! The text after each command's options in `--help` and the man pages:
//! examples, exit codes, environment and files. Exit codes are those of
//! [`crate::exit`]; each command lists only the ones it can return.

pub const MAIN: &str = "\
Examples:
  factcheck verify \"STATEMENT\"          check one statement against the bank
  factcheck quiz                        a quiz of ten questions
  factcheck stats                       your progress
  factcheck --bank my-article.json quiz use another article's bank

Exit codes: 0 success/SUPPORTED, 1 REFUTED/below pass mark, 2 usage error, \
3 NOT_ENOUGH_INFO, 4 data error, 130 interrupted.

Environment:
  FACTCHECK_BANK   the bank to use, as --bank
  FACTCHECK_HOME   the folder of the answer history
  XDG_DATA_HOME    the history is in $XDG_DATA_HOME/factcheck when FACTCHECK_HOME is unset
  NO_COLOR         no colors (as --color never) when set and not empty
  TERM             TERM=dumb turns colors off";

pub const VERIFY: &str = "\
Examples:
  factcheck verify \"The museum opened in 1998.\"
  factcheck verify --format jsonl --file statements.txt
  printf 'first statement\\nsecond\\n' | factcheck verify --file - --format json
  factcheck verify --quiet \"STATEMENT\" && echo supported

Exit codes (the worst verdict of the batch):
  0  every statement SUPPORTED
  1  a statement REFUTED
  2  usage error: no statement, an empty statement, a statement longer
     than 10000 bytes, a bad flag
  3  NOT_ENOUGH_INFO, and nothing REFUTED
  4  the bank or the --file is missing, unreadable or invalid, or a line
     of the --file is longer than 10000 bytes";

pub const QUIZ: &str = "\
Examples:
  factcheck quiz                             ten questions, all topics
  factcheck quiz --topic economy --kind open only open questions on one topic
  factcheck quiz --review                    what you missed first
  printf '1\\ntrue\\n' | factcheck quiz --count 2 --seed 7 --format json

In a terminal, choices are picked with the arrow keys and Enter; open
answers are typed. Without a terminal (a pipe, a script, a screen reader)
the quiz speaks a plain protocol: each question and its numbered choices on
standard output, one answer per line on standard input (a choice's number
or text, true/false, yes/no, or free text), an unclear answer asked again,
and end of input ending the quiz with the summary.

Ctrl-C at any point restores the terminal, prints the summary so far,
keeps every answer already given and exits 130.

Each answer is recorded in $FACTCHECK_HOME/history.db (else
$XDG_DATA_HOME/factcheck/history.db, else
~/.local/share/factcheck/history.db), an SQLite database, before its
feedback shows; --no-history turns this off. `factcheck history path`
prints where it is.

Exit codes:
  0  the quiz ended (and the score reached --pass-mark, if given)
  1  the score is below --pass-mark
  2  usage error: a bad flag, an unknown topic, --count too large, --no-input
  4  the bank is missing, unreadable or invalid
  130  interrupted by Ctrl-C";

pub const FACTS: &str = "\
Examples:
  factcheck facts
  factcheck facts --topic economy --format json

Exit codes:
  0  success
  2  usage error: an unknown topic, a bad flag
  4  the bank is missing, unreadable or invalid";

pub const BANK: &str = "\
Examples:
  factcheck bank check                    the built-in bank
  factcheck bank check my-article.json    every problem of another bank
  factcheck bank check --format json my-article.json

Exit codes:
  0  the bank has no problem
  2  usage error
  4  the bank has problems, or is missing, unreadable or invalid";

pub const STATS: &str = "\
Examples:
  factcheck stats
  factcheck stats --format json

The history is read from $FACTCHECK_HOME/history.db (else
$XDG_DATA_HOME/factcheck/history.db, else
~/.local/share/factcheck/history.db).

Exit codes:
  0  success (also when nothing is recorded yet)
  2  usage error, or no history location (set FACTCHECK_HOME)
  4  the history or the bank is unreadable or invalid";

pub const HISTORY: &str = "\
Examples:
  factcheck history path                      where the answers are kept
  factcheck history export > answers.jsonl    every answer, one JSON object a line
  factcheck history export --format csv > answers.csv

Exit codes:
  0  success (also when nothing is recorded yet)
  2  usage error, or no history location (set FACTCHECK_HOME)
  4  the history is unreadable, or something other than a regular file
     sits under one of its names";

pub const COMPLETIONS: &str = "\
Examples:
  factcheck completions bash > ~/.local/share/bash-completion/completions/factcheck
  factcheck completions zsh > \"${fpath[1]}/_factcheck\"
  factcheck completions fish > ~/.config/fish/completions/factcheck.fish

Exit codes:
  0  success
  2  usage error: an unknown shell";

pub const MAN: &str = "\
Examples:
  factcheck man > factcheck.1 && man ./factcheck.1
  factcheck man --dir ~/.local/share/man/man1

Exit codes:
  0  success
  2  usage error
  4  the folder cannot be written";

/// Sections every man page ends with, in roff.
pub const MAN_SECTIONS: &str = r#".SH ENVIRONMENT
.TP
\fBFACTCHECK_BANK\fR
The fact bank to use instead of the built-in one, as \fB\-\-bank\fR.
.TP
\fBFACTCHECK_HOME\fR
The folder that holds the answer history.
.TP
\fBXDG_DATA_HOME\fR
When FACTCHECK_HOME is unset, the history is kept in $XDG_DATA_HOME/factcheck.
.TP
\fBNO_COLOR\fR
When set and not empty, no colors are written (as \fB\-\-color never\fR).
.TP
\fBTERM\fR
TERM=dumb turns colors off.
.SH FILES
.TP
\fI$FACTCHECK_HOME/history.db\fR
The answer history, an SQLite database, one row per answer (else
\fI$XDG_DATA_HOME/factcheck/history.db\fR, else
\fI~/.local/share/factcheck/history.db\fR); created 0600 in a 0700
folder, never through a symbolic link.
.TP
\fIhistory.jsonl\fR
The history of earlier versions: imported once into history.db, then
renamed \fIhistory.jsonl.imported\fR.
.SH "EXIT STATUS"
0 success or every statement SUPPORTED; 1 a statement REFUTED or a quiz
score below its pass mark; 2 usage error; 3 NOT_ENOUGH_INFO and nothing
REFUTED; 4 data error (a bank, history or input missing, unreadable or
invalid); 130 interrupted by Ctrl-C.
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn main_help_carries_the_exit_code_summary() {
        assert!(super::MAIN.contains(crate::exit::SUMMARY));
    }
}
