//! One function per subcommand: load what it needs, do the work, print,
//! and say which exit code it earned.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::Path;

use clap::CommandFactory;
use serde_json::json;

use crate::bank::{self, Bank};
use crate::cli::{BankCommand, Cli, Command, FactsArgs, Format, VerifyArgs, VerifyFormat};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::lint;
use crate::render::{self, out};
use crate::verify::{self, Judgement, Verdict, Verifier};

pub fn run(cli: Cli) -> Result<Exit> {
    let bank_path = cli.bank.as_deref();
    // Color is decided once, for the stream that carries the output: the
    // quiz's JSON mode gives stdout to the JSON and people get stderr.
    let output_is_terminal = match &cli.command {
        Command::Quiz(args) if args.format == Format::Json => io::stderr().is_terminal(),
        _ => io::stdout().is_terminal(),
    };
    let colorful = render::init_color(cli.color, output_is_terminal);
    match &cli.command {
        Command::Verify(args) => {
            let bank = bank::load_facts(bank_path)?;
            let exit = verify_cmd(&bank, args);
            // The process ends next: freeing thousands of small strings
            // would be a fifth of a one-shot's work for nothing.
            std::mem::forget(bank);
            exit
        }
        Command::Quiz(args) => crate::quiz::run(bank_path, colorful, args),
        Command::Stats(args) => {
            crate::quiz::history::stats_cmd(&bank::load(bank_path)?, args.format)
        }
        Command::Facts(args) => facts_cmd(&bank::load(bank_path)?, args),
        Command::Bank(BankCommand::Check {
            path,
            format,
            coverage,
        }) => bank_check_cmd(path.as_deref().or(bank_path), *format, *coverage),
        Command::Bank(BankCommand::Draft(args)) => crate::author::draft_cmd(args),
        Command::Explain(args) => crate::author::explain_cmd(&bank::load_facts(bank_path)?, args),
        Command::Completions { shell } => {
            let mut stdout = io::stdout().lock();
            clap_complete::generate(*shell, &mut Cli::command(), "factcheck", &mut stdout);
            stdout.flush()?;
            Ok(Exit::Success)
        }
        Command::Man => {
            let mut stdout = io::stdout().lock();
            clap_mangen::Man::new(Cli::command()).render(&mut stdout)?;
            stdout.flush()?;
            Ok(Exit::Success)
        }
    }
}

/// Statements from the arguments, or streamed from a file or stdin.
fn verify_cmd(bank: &Bank, args: &VerifyArgs) -> Result<Exit> {
    if args.file.is_none() && args.statements.is_empty() {
        return Err(Error::Usage(
            "give a statement to check (factcheck verify \"STATEMENT\") or --file PATH".into(),
        ));
    }
    if let Some(i) = args.statements.iter().position(|s| s.trim().is_empty()) {
        return Err(Error::Usage(format!(
            "statement {} is empty; give the words to check",
            i + 1
        )));
    }
    let verifier = Verifier::new(bank);
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    let mut sink = Sink::new(args, bank);
    let mut exit_verdicts = Vec::new();
    let mut judge = |w: &mut BufWriter<_>, statement: &str| -> Result<()> {
        let j = verifier.judge(statement);
        exit_verdicts.push(j.verdict);
        sink.write(w, &j)
    };
    match &args.file {
        None => {
            for s in &args.statements {
                judge(&mut w, s.trim())?;
            }
        }
        Some(path) => for_each_line(path, |line| judge(&mut w, line))?,
    }
    sink.finish(&mut w)?;
    w.flush()?;
    std::mem::forget(verifier);
    Ok(verify::batch_exit(exit_verdicts))
}

/// Calls `f` on every statement line of a file ("-" = stdin), streaming,
/// so that memory stays flat whatever the input size.
fn for_each_line(path: &Path, mut f: impl FnMut(&str) -> Result<()>) -> Result<()> {
    let name = path.display().to_string();
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(io::stdin().lock())
    } else {
        Box::new(io::BufReader::new(
            std::fs::File::open(path).map_err(read_err)?,
        ))
    };
    let mut reader = reader;
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(read_err)?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let line = std::str::from_utf8(&buf).map_err(|_| Error::InvalidUtf8 {
            path: name.clone(),
            line: line_no,
        })?;
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        f(line)?;
    }
}

/// Writes judgements in the chosen format as they come.
struct Sink<'a> {
    format: VerifyFormat,
    quiet: bool,
    bank: &'a Bank,
    count: usize,
}

impl<'a> Sink<'a> {
    fn new(args: &VerifyArgs, bank: &'a Bank) -> Self {
        Sink {
            format: args.format,
            quiet: args.quiet,
            bank,
            count: 0,
        }
    }

    fn write(&mut self, w: &mut impl Write, j: &Judgement) -> Result<()> {
        self.count += 1;
        if self.quiet {
            return Ok(());
        }
        let sep = if self.count == 1 { "[\n" } else { ",\n" };
        match self.format {
            VerifyFormat::Text => {
                if self.count > 1 {
                    out(w, "")?;
                }
                write_text(w, j)?;
            }
            VerifyFormat::Jsonl => {
                // Straight into the buffered writer: no string per record.
                serde_json::to_writer(&mut *w, j).map_err(json_error)?;
                w.write_all(b"\n")?;
            }
            VerifyFormat::Json => {
                write!(
                    w,
                    "{sep}{}",
                    indent(&serde_json::to_string_pretty(j).map_err(io::Error::other)?)
                )?;
            }
            VerifyFormat::Claimreview => {
                let v = claim_review(self.bank, j);
                write!(
                    w,
                    "{sep}{}",
                    indent(&serde_json::to_string_pretty(&v).map_err(io::Error::other)?)
                )?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, w: &mut impl Write) -> Result<()> {
        if self.quiet {
            return Ok(());
        }
        if matches!(self.format, VerifyFormat::Json | VerifyFormat::Claimreview) {
            if self.count == 0 {
                out(w, "[]")?;
            } else {
                out(w, "\n]")?;
            }
        }
        Ok(())
    }
}

/// A serialisation error; one that is really I/O (a closed pipe) keeps
/// its kind, so that `| head` still ends quietly.
fn json_error(e: serde_json::Error) -> Error {
    match e.io_error_kind() {
        Some(kind) => Error::from(io::Error::from(kind)),
        None => Error::Io(io::Error::other(e)),
    }
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_text(w: &mut impl Write, j: &Judgement) -> Result<()> {
    out(
        w,
        format_args!("{}  {}", render::verdict(j.verdict), j.statement),
    )?;
    out(
        w,
        format_args!("  {} {}", render::dim("why:       "), j.explanation),
    )?;
    if let (Some(id), Some(quote)) = (&j.fact_id, &j.evidence) {
        out(
            w,
            format_args!(
                "  {} [{id}] {}",
                render::dim("evidence:  "),
                render::quote(quote)
            ),
        )?;
    }
    if let Some(c) = &j.correction {
        out(w, format_args!("  {} {c}", render::dim("correction:")))?;
    }
    Ok(())
}

/// schema.org ClaimReview for one judgement, reviewing the statement
/// against the bank's source article.
fn claim_review(bank: &Bank, j: &Judgement) -> serde_json::Value {
    let (rating, name) = match j.verdict {
        Verdict::Supported => (5, "True"),
        Verdict::Refuted => (1, "False"),
        Verdict::NotEnoughInfo => (3, "Unverifiable"),
    };
    let src = &bank.source;
    let mut article = json!({
        "@type": "NewsArticle",
        "headline": src.title,
        "datePublished": src.date,
    });
    if let Some(url) = &src.url {
        article["url"] = json!(url);
    }
    if let Some(p) = &src.publisher {
        article["publisher"] = json!({"@type": "Organization", "name": p});
    }
    let mut body = j.explanation.clone();
    if let Some(q) = &j.evidence {
        body.push_str(&format!(". The article: \"{q}\""));
    }
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": j.statement,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
        "itemReviewed": {
            "@type": "Claim",
            "appearance": article,
        },
        "reviewBody": body,
        "author": {"@type": "Organization", "name": "factcheck"},
    })
}

fn facts_cmd(bank: &Bank, args: &FactsArgs) -> Result<Exit> {
    if let Some(t) = &args.topic
        && !bank.topics().contains(&t.as_str())
    {
        return Err(Error::Usage(format!(
            "unknown topic \"{t}\"; topics: {}",
            bank.topics().join(", ")
        )));
    }
    let facts: Vec<_> = bank
        .facts
        .iter()
        .filter(|f| args.topic.as_ref().is_none_or(|t| &f.topic == t))
        .collect();
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => out(
            &mut w,
            serde_json::to_string_pretty(&facts).map_err(io::Error::other)?,
        )?,
        Format::Text => {
            for f in facts {
                out(
                    &mut w,
                    format_args!(
                        "{} {}",
                        render::heading(&f.id),
                        render::dim(&format!("({})", f.topic))
                    ),
                )?;
                out(&mut w, format_args!("  {}", f.statement))?;
                out(
                    &mut w,
                    format_args!("  {}", render::dim(&render::quote(&f.quote))),
                )?;
            }
        }
    }
    w.flush()?;
    Ok(Exit::Success)
}

fn bank_check_cmd(path: Option<&Path>, format: Format, coverage: bool) -> Result<Exit> {
    let (text, name) = match path {
        Some(p) => bank::read(p)?,
        None => (bank::EMBEDDED.to_string(), bank::EMBEDDED_NAME.to_string()),
    };
    let bank = bank::parse(&text, &name)?;
    let problems = lint::full(&bank);
    let uncovered = if coverage {
        lint::uncovered(&bank)
    } else {
        Vec::new()
    };
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match format {
        Format::Json => {
            let mut report = json!({
                "bank": name,
                "ok": problems.is_empty(),
                "facts": bank.facts.len(),
                "questions": bank.questions.len(),
                "problems": problems,
            });
            if coverage {
                report["uncovered"] = json!(uncovered);
            }
            out(
                &mut w,
                serde_json::to_string_pretty(&report).map_err(io::Error::other)?,
            )?
        }
        Format::Text => {
            for p in &problems {
                out(
                    &mut w,
                    format_args!("{}: {}: {}", name, p.location, p.message),
                )?;
            }
            if coverage {
                write_uncovered(&mut w, &name, &uncovered)?;
            }
            if problems.is_empty() {
                out(
                    &mut w,
                    format_args!(
                        "{} {name}: {} facts, {} questions, no problems",
                        render::good("ok"),
                        bank.facts.len(),
                        bank.questions.len()
                    ),
                )?;
            } else {
                out(
                    &mut w,
                    format_args!(
                        "{} {name}: {} problem(s)",
                        render::bad("invalid"),
                        problems.len()
                    ),
                )?;
            }
        }
    }
    w.flush()?;
    Ok(if problems.is_empty() {
        Exit::Success
    } else {
        Exit::Data
    })
}

/// The sentences no fact quotes: advice for the author, not a problem.
fn write_uncovered(w: &mut impl Write, name: &str, uncovered: &[String]) -> Result<()> {
    if uncovered.is_empty() {
        return out(
            w,
            format_args!("{name}: every sentence of the article is quoted by a fact"),
        );
    }
    out(
        w,
        format_args!(
            "{name}: {} sentence(s) of the article no fact quotes:",
            uncovered.len()
        ),
    )?;
    for s in uncovered {
        out(w, format_args!("  - {}", crate::author::clean(s)))?;
    }
    Ok(())
}
