//! The command line, declared once with clap; completions and the man page
//! are generated from this same definition.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn one news article into a fact bank, quiz people on it, and check
/// statements against it.
#[derive(Debug, Parser)]
#[command(name = "factcheck", version, about, long_about = None)]
#[command(
    after_help = crate::exit::SUMMARY
)]
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
    Verify(VerifyArgs),
    /// Take a quiz on the article.
    Quiz(QuizArgs),
    /// List the facts of the bank with their quotes.
    Facts(FactsArgs),
    /// Show how a statement is read and judged: words, names, values,
    /// negations and modal words, the candidate facts with their scores
    /// and outcomes, and the verdict.
    Explain(ExplainArgs),
    /// Work with fact banks.
    #[command(subcommand)]
    Bank(BankCommand),
    /// Show your quiz history: accuracy by topic, the facts missed most.
    Stats(StatsArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output.
    Man,
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
    /// Number of questions.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub count: u32,

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
    #[arg(long, value_name = "PCT",
          value_parser = clap::value_parser!(u8).range(0..=100))]
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
