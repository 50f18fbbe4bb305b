//! The command line, declared once with clap; completions and the man page
//! are generated from this same definition.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::help;

/// Turn one news article into a fact bank, quiz people on it, and check
/// statements against it.
#[derive(Debug, Parser)]
#[command(name = "factcheck", version, about, long_about = None)]
#[command(after_help = help::MAIN)]
pub struct Cli {
    /// Fact bank to use instead of the built-in one.
    #[arg(long, global = true, env = "FACTCHECK_BANK", value_name = "PATH")]
    pub bank: Option<PathBuf>,

    /// When to use colors: auto (a terminal without NO_COLOR or TERM=dumb),
    /// always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check statements against the article's facts.
    #[command(after_help = help::VERIFY)]
    Verify(VerifyArgs),
    /// Take a quiz on the article.
    #[command(after_help = help::QUIZ)]
    Quiz(QuizArgs),
    /// List the facts of the bank with their quotes.
    #[command(after_help = help::FACTS)]
    Facts(FactsArgs),
    /// Show how a statement is read and judged: words, names, values,
    /// negations and modal words, the candidate facts with their scores
    /// and outcomes, and the verdict.
    Explain(ExplainArgs),
    /// Work with fact banks.
    #[command(subcommand, after_help = help::BANK)]
    Bank(BankCommand),
    /// Show your progress: accuracy by topic, scores per session, review
    /// levels, the facts missed most.
    #[command(after_help = help::STATS)]
    Stats(StatsArgs),
    /// Your answer history: where it is, and all of it for other tools.
    #[command(subcommand, after_help = help::HISTORY)]
    History(HistoryCommand),
    /// Print a shell completion script.
    #[command(after_help = help::COMPLETIONS)]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command to a folder.
    #[command(after_help = help::MAN)]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write factcheck.1 and one page per subcommand (factcheck-verify.1,
    /// ...) into this folder instead of printing the main page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Statements to check, each one argument.
    #[arg(value_name = "STATEMENT", conflicts_with = "file")]
    pub statements: Vec<String>,

    /// Read statements from a file, one a line ("-" for standard input);
    /// blank lines and lines starting with "#" are skipped.
    #[arg(long, short, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    pub format: VerifyFormat,

    /// Statements from --file judged at once, one per thread (default:
    /// the machine's cores; 1 judges them one by one). The output keeps
    /// the input's order and is the same for any N.
    #[arg(long, short = 'j', value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,

    /// Print nothing; only set the exit code.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    /// For people: verdict, evidence, explanation, correction.
    Text,
    /// One JSON array of records.
    Json,
    /// One JSON record per line, written as each statement is judged.
    Jsonl,
    /// schema.org ClaimReview JSON-LD, one array.
    Claimreview,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The statement to explain.
    #[arg(value_name = "STATEMENT")]
    pub statement: String,

    /// Output format: json prints the reading as one object.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Choice,
    Truefalse,
    Open,
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// Number of questions [default: 10, or all the filters leave if fewer].
    #[arg(long, short = 'n', value_name = "N", allow_negative_numbers = true,
          value_parser = parse_count)]
    pub count: Option<u32>,

    /// Seed for the choice and order of questions and choices; the same
    /// seed gives the same quiz.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,

    /// Only questions on this topic (repeatable).
    #[arg(long, value_name = "T")]
    pub topic: Vec<String>,

    /// Only questions of this kind (repeatable).
    #[arg(long, value_enum, value_name = "K")]
    pub kind: Vec<KindArg>,

    /// Exit 1 when the score is below this percentage.
    #[arg(long, value_name = "PCT", allow_negative_numbers = true,
          value_parser = parse_pass_mark)]
    pub pass_mark: Option<u8>,

    /// Ask first the questions you missed before, then those not seen for
    /// longest.
    #[arg(long)]
    pub review: bool,

    /// Output format: json prints a summary object on standard output at
    /// the end, and the questions on standard error.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Do not read or write the answer history.
    #[arg(long)]
    pub no_history: bool,

    /// Never wait for input: fail at once (for scripts that must not hang).
    #[arg(long)]
    pub no_input: bool,
}

#[derive(Debug, Args)]
pub struct FactsArgs {
    /// Only facts on this topic.
    #[arg(long, value_name = "T")]
    pub topic: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Validate a bank and report every problem at once.
    #[command(after_help = help::BANK)]
    Check {
        /// The bank to check (default: --bank, FACTCHECK_BANK or the built-in one).
        path: Option<PathBuf>,

        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,

        /// Also list the article's sentences that no fact quotes (advice:
        /// they do not make the check fail).
        #[arg(long)]
        coverage: bool,
    },
    /// Print the JSON Schema of the bank format, for editors that check a
    /// bank as it is typed: `factcheck bank schema > bank.schema.json`.
    Schema,

    /// Draft a complete bank from an article (plain text or Markdown);
    /// a summary of what was drafted goes to standard error.
    Draft(DraftArgs),
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The article: a plain-text or Markdown file ("-" for standard input).
    #[arg(value_name = "ARTICLE")]
    pub article: PathBuf,

    /// The article's title (default: its first line, if a heading).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,

    /// The article's date, YYYY-MM-DD (default: the first full date in it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Write the bank here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Seed for the choice of distractors; the same seed gives the same bank.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Print every recorded answer to standard output.
    Export {
        /// jsonl: one JSON object per answer; csv: a header, then one row
        /// per answer.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
    },
    /// Print the path of the history database.
    Path,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
}

/// `--count`: a whole number, 1 or more; clap's own message would name
/// u32's range.
fn parse_count(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("give a whole number of questions, 1 or more".into()),
    }
}

/// `--pass-mark`: a percentage, 0 to 100.
fn parse_pass_mark(s: &str) -> Result<u8, String> {
    match s.trim().trim_end_matches('%').parse::<u8>() {
        Ok(n) if n <= 100 => Ok(n),
        _ => Err("give a whole percentage from 0 to 100".into()),
    }
}

/// Parses the process's arguments. Help for `quiz` lists the built-in
/// bank's topics, read only when help is asked for: loading the bank on
/// every start would slow every one-shot `verify`.
pub fn parse() -> Result<Cli, clap::Error> {
    match Cli::try_parse() {
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => {
            let matches = command().try_get_matches()?;
            Cli::from_arg_matches(&matches)
        }
        other => other,
    }
}

/// The whole command line with help that needs the built-in bank.
pub fn command() -> clap::Command {
    let topics = crate::bank::load(None)
        .map(|b| crate::sanitize::terminal(&b.topics().join(", ")).into_owned())
        .unwrap_or_default();
    Cli::command().mut_subcommand("quiz", |c| {
        c.after_help(format!(
            "Topics of the built-in bank: {topics}.\n\n{}",
            help::QUIZ
        ))
    })
}

/// A usage error as one line in the tool's voice: clap's first line, its
/// tip or the valid values, and which help to read. Sanitised: clap quotes
/// the arguments as typed.
pub fn usage_line(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let command = command_path(std::env::args().skip(1));
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return format!("`{command}` needs a subcommand (see `{command} --help`)");
    }
    let text = e.render().to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid command line");
    let mut msg = first.strip_prefix("error: ").unwrap_or(first).to_string();
    for line in lines {
        if let Some(tip) = line.strip_prefix("tip: ") {
            msg.push_str(&format!("; {tip}"));
        }
    }
    if let Some(ContextValue::Strings(valid)) = e.get(ContextKind::ValidValue)
        && !valid.is_empty()
        && !msg.contains("similar value")
    {
        msg.push_str(&format!("; give one of: {}", valid.join(", ")));
    }
    crate::sanitize::terminal(&format!("{msg} (see `{command} --help`)")).into_owned()
}

/// "factcheck bank check": the subcommands named among the arguments.
fn command_path(args: impl Iterator<Item = String>) -> String {
    let mut cmd = Cli::command();
    let mut path = vec!["factcheck".to_string()];
    for arg in args {
        let Some(sub) = cmd.find_subcommand(&arg).cloned() else {
            continue;
        };
        path.push(sub.get_name().to_string());
        cmd = sub;
    }
    path.join(" ")
}
