//! One function per subcommand: load what it needs, do the work, print,
//! and say which exit code it earned.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::os::fd::AsFd;
use std::path::Path;

use clap::CommandFactory;
use serde_json::json;

use crate::bank::{self, Bank};
use crate::cli::{
    self, BankCommand, Cli, Command, FactsArgs, Format, HistoryCommand, VerifyArgs, VerifyFormat,
};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::input::{self, MAX_STATEMENT_BYTES};
use crate::lint;
use crate::quiz::select;
use crate::render::{self, out};
use crate::sanitize::{self, terminal as clean};
use crate::verify::{self, Judgement, Verdict, Verifier};

pub fn run(cli: Cli) -> Result<Exit> {
    dispatch(cli).map_err(recount)
}

/// A bank refused on load is counted as `bank check` counts it (every
/// check, on the whole bank), so that every command gives the same number
/// for the same file.
fn recount(e: Error) -> Error {
    let Error::BankRefused { path, text, .. } = &e else {
        return e;
    };
    let problems = match bank::parse::<Vec<bank::Question>>(text, path) {
        Ok(full) => lint::full(&full),
        Err(_) => return e,
    };
    let Some(first) = problems.first() else {
        return e;
    };
    let path = path.clone();
    Error::BankInvalid {
        message: format!(
            "{}, the first: {}: {}",
            render::plural(problems.len(), "problem"),
            first.location,
            first.message
        ),
        path,
    }
}

fn dispatch(cli: Cli) -> Result<Exit> {
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
        Command::Stats(args) => crate::quiz::stats::stats_cmd(&bank::load(bank_path)?, args.format),
        Command::History(HistoryCommand::Export { format }) => {
            crate::quiz::history::export_cmd(*format)
        }
        Command::History(HistoryCommand::Path) => crate::quiz::history::path_cmd(),
        Command::Facts(args) => facts_cmd(&bank::load(bank_path)?, args),
        Command::Bank(BankCommand::Check {
            path,
            format,
            coverage,
        }) => bank_check_cmd(path.as_deref().or(bank_path), *format, *coverage),
        Command::Bank(BankCommand::Schema) => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(bank::json_schema().as_bytes())?;
            stdout.flush()?;
            Ok(Exit::Success)
        }
        Command::Bank(BankCommand::Draft(args)) => crate::author::draft_cmd(args),
        Command::Explain(args) => crate::author::explain_cmd(&bank::load_facts(bank_path)?, args),
        Command::Completions { shell } => {
            // clap_complete panics on a failed write; generate into memory
            // so that a closed pipe (`| head -1`) ends quietly instead.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "factcheck", &mut script);
            let mut stdout = io::stdout().lock();
            stdout.write_all(&script)?;
            stdout.flush()?;
            Ok(Exit::Success)
        }
        Command::Man(args) => man_cmd(args.dir.as_deref()),
    }
}

/// The main man page on stdout, or with `--dir` one page per command
/// (factcheck.1, factcheck-verify.1, factcheck-bank-check.1, ...), the
/// names the SEE ALSO sections refer to.
fn man_cmd(dir: Option<&Path>) -> Result<Exit> {
    let mut root = cli::command().disable_help_subcommand(true);
    root.build();
    let Some(dir) = dir else {
        let mut stdout = io::stdout().lock();
        stdout.write_all(&man_page(&root)?)?;
        stdout.flush()?;
        return Ok(Exit::Success);
    };
    let write_err = |source| Error::Write {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(write_err)?;
    let mut pending = vec![root];
    let stdout = io::stdout();
    let mut w = stdout.lock();
    while let Some(cmd) = pending.pop() {
        pending.extend(cmd.get_subcommands().filter(|c| !c.is_hide_set()).cloned());
        let path = dir.join(clap_mangen::Man::new(cmd.clone()).get_filename());
        std::fs::write(&path, man_page(&cmd)?).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        out(&mut w, sanitize::path(&path))?;
    }
    w.flush()?;
    Ok(Exit::Success)
}

/// One man page: clap_mangen's sections, then environment, files and
/// exit status.
fn man_page(cmd: &clap::Command) -> Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut page)?;
    page.extend_from_slice(crate::help::MAN_SECTIONS.as_bytes());
    Ok(page)
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
    if let Some(i) = args
        .statements
        .iter()
        .position(|s| s.len() > MAX_STATEMENT_BYTES)
    {
        return Err(Error::Usage(format!(
            "statement {} is {} bytes, more than the {MAX_STATEMENT_BYTES} a statement may have; check one claim at a time",
            i + 1,
            args.statements[i].len()
        )));
    }
    let verifier = match args.quiet {
        // Nothing but the exit code is shown: no texts to make.
        true => Verifier::new(bank).verdicts_only(),
        false => Verifier::new(bank),
    };
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    let mut sink = Sink::new(args, bank);
    let mut exit_verdicts = Vec::new();
    let mut record = |w: &mut BufWriter<_>, j: &Judgement| -> Result<()> {
        exit_verdicts.push(j.verdict);
        sink.write(w, j)
    };
    match &args.file {
        None => {
            for s in &args.statements {
                record(&mut w, &judge_line(&verifier, s.trim()))?;
            }
        }
        Some(path) => {
            let jobs = args.jobs.map_or_else(available_cores, |n| n as usize);
            let flush_when_waiting = is_dialogue(args);
            let mut chunk = Chunk::default();
            for_each_line(path, |input| match input {
                Input::Statement(line) => {
                    chunk.push(line);
                    if chunk.len >= jobs * CHUNK_PER_JOB {
                        drain(&verifier, &mut chunk, jobs, &mut w, &mut record)?;
                    }
                    Ok(())
                }
                // Before a read that may block, the verdicts so far go out:
                // whoever sent them may be waiting for them.
                Input::Waiting => {
                    drain(&verifier, &mut chunk, jobs, &mut w, &mut record)?;
                    if flush_when_waiting {
                        w.flush()?;
                    }
                    Ok(())
                }
            })?;
            drain(&verifier, &mut chunk, jobs, &mut w, &mut record)?;
        }
    }
    sink.finish(&mut w)?;
    w.flush()?;
    std::mem::forget(verifier);
    Ok(verify::batch_exit(exit_verdicts))
}

/// Whether statements come from a pipe or a terminal (a person, or a
/// script that sends one statement and waits for its verdict) and go to
/// something other than a regular file. Then the records judged so far
/// are flushed whenever no further line is waiting in the input: after
/// every record in a dialogue, once per 64 KiB of input in a bulk pipe.
/// Reading a file, or writing to one, keeps the buffering.
fn is_dialogue(args: &VerifyArgs) -> bool {
    args.file.as_deref() == Some(Path::new("-"))
        && !matches!(args.format, VerifyFormat::Json | VerifyFormat::Claimreview)
        && !is_regular_file(io::stdin().as_fd())
        && !is_regular_file(io::stdout().as_fd())
}

fn is_regular_file(fd: std::os::fd::BorrowedFd) -> bool {
    fd.try_clone_to_owned()
        .and_then(|fd| std::fs::File::from(fd).metadata())
        .is_ok_and(|m| m.is_file())
}

/// What [`for_each_line`] hands on: a statement, or word that no whole
/// line is waiting, so that the next read may block on whoever writes.
enum Input<'a> {
    Statement(&'a str),
    Waiting,
}

/// Calls `f` on every statement line of a file ("-" = stdin), streaming,
/// so that memory stays flat whatever the input size.
fn for_each_line(path: &Path, mut f: impl FnMut(Input) -> Result<()>) -> Result<()> {
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        let reader = io::BufReader::with_capacity(64 * 1024, io::stdin());
        lines_of(reader, path, read_err, &mut f)
    } else {
        let file = std::fs::File::open(path).map_err(read_err)?;
        lines_of(io::BufReader::new(file), path, read_err, &mut f)
    }
}

fn lines_of<R: io::Read>(
    mut reader: io::BufReader<R>,
    path: &Path,
    read_err: impl Fn(io::Error) -> Error,
    f: &mut impl FnMut(Input) -> Result<()>,
) -> Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        if !reader.buffer().contains(&b'\n') {
            f(Input::Waiting)?;
        }
        let read =
            input::read_line(&mut reader, &mut buf, MAX_STATEMENT_BYTES).map_err(&read_err)?;
        line_no += 1;
        match read {
            input::Line::End => return Ok(()),
            input::Line::TooLong => {
                return Err(Error::LineTooLong {
                    path: path.display().to_string(),
                    line: line_no,
                    max: MAX_STATEMENT_BYTES,
                });
            }
            input::Line::Read => {}
        }
        let line = std::str::from_utf8(&buf).map_err(|_| Error::InvalidUtf8 {
            path: path.display().to_string(),
            line: line_no,
        })?;
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        f(Input::Statement(line))?;
    }
}

/// Statements read and judged at once per thread: enough to make a
/// thread's start-up nothing beside its work, few enough that memory stays
/// flat whatever the input size.
const CHUNK_PER_JOB: usize = 1024;

fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Judges one statement read without control characters: an escape code
/// must not glue itself to a word ("\x1b[31mParis" reads "Paris"). The
/// record keeps the statement exactly as given; text output shows it
/// sanitised.
fn judge_line(verifier: &Verifier, statement: &str) -> Judgement {
    let read = sanitize::reading(statement);
    let mut j = verifier.judge(read.trim());
    if matches!(read, std::borrow::Cow::Owned(_)) {
        j.statement = statement.to_string();
    }
    j
}

/// Statements gathered for judging. The strings are kept when the chunk
/// is emptied, and reused for the next statements: no allocation per line.
#[derive(Default)]
struct Chunk {
    lines: Vec<String>,
    len: usize,
}

impl Chunk {
    fn push(&mut self, line: &str) {
        match self.lines.get_mut(self.len) {
            Some(s) => {
                s.clear();
                s.push_str(line);
            }
            None => self.lines.push(line.to_string()),
        }
        self.len += 1;
    }
}

/// Judges the statements gathered so far, in order, and empties `chunk`.
fn drain<W: Write>(
    verifier: &Verifier,
    chunk: &mut Chunk,
    jobs: usize,
    w: &mut BufWriter<W>,
    record: &mut impl FnMut(&mut BufWriter<W>, &Judgement) -> Result<()>,
) -> Result<()> {
    for j in judge_all(verifier, &chunk.lines[..chunk.len], jobs) {
        record(w, &j)?;
    }
    chunk.len = 0;
    Ok(())
}

/// Judges `statements` on up to `jobs` threads, each a contiguous share;
/// the judgements come back in the statements' order.
fn judge_all(verifier: &Verifier, statements: &[String], jobs: usize) -> Vec<Judgement> {
    if statements.len() < 2 || jobs < 2 {
        return statements.iter().map(|s| judge_line(verifier, s)).collect();
    }
    let share = statements.len().div_ceil(jobs);
    std::thread::scope(|scope| {
        let handles: Vec<_> = statements
            .chunks(share)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|s| judge_line(verifier, s))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Writes judgements in the chosen format as they come.
struct Sink<'a> {
    format: VerifyFormat,
    quiet: bool,
    bank: &'a Bank,
    count: usize,
    /// Text is wrapped to a terminal's width, never in a pipe or file.
    width: Option<usize>,
    labels: Labels,
}

/// The text format's labels, padded and dimmed once (colours are settled
/// before a sink is made), and the indent that hangs lines under them.
struct Labels {
    why: String,
    evidence: String,
    correction: String,
    hang: String,
}

impl Labels {
    fn new() -> Self {
        // Padded to one width, continuation lines hung under the text.
        let label = |name: &str| format!("  {} ", render::dim(&format!("{name:<11}")));
        Labels {
            why: label("why:"),
            evidence: label("evidence:"),
            correction: label("correction:"),
            hang: " ".repeat(14),
        }
    }
}

impl<'a> Sink<'a> {
    fn new(args: &VerifyArgs, bank: &'a Bank) -> Self {
        Sink {
            format: args.format,
            quiet: args.quiet,
            bank,
            count: 0,
            width: render::stdout_width(),
            labels: Labels::new(),
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
                write_text(w, self.width, &self.labels, j)?;
            }
            VerifyFormat::Jsonl => {
                // Straight into the buffered writer: no string per record.
                j.write_json_line(w)?;
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

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_text(w: &mut impl Write, width: Option<usize>, l: &Labels, j: &Judgement) -> Result<()> {
    // Sanitised first, then wrapped: an escape code must neither reach the
    // terminal nor count as columns.
    let head = format!("{}  ", render::verdict(j.verdict));
    line(w, width, &head, "  ", &clean(&j.statement))?;
    line(w, width, &l.why, &l.hang, &clean(&j.explanation))?;
    if let (Some(id), Some(quote)) = (&j.fact_id, &j.evidence) {
        let text = format!("[{}] {}", clean(id), render::quote(quote));
        line(w, width, &l.evidence, &l.hang, &text)?;
    }
    if let Some(c) = &j.correction {
        line(w, width, &l.correction, &l.hang, &clean(c))?;
    }
    Ok(())
}

/// One labelled line, wrapped to a terminal's `width`; in a pipe or file
/// written as it is, without a string made for it.
fn line(
    w: &mut impl Write,
    width: Option<usize>,
    first: &str,
    rest: &str,
    text: &str,
) -> Result<()> {
    match width {
        None => writeln!(w, "{first}{text}").map_err(Error::from),
        Some(_) => out(w, render::wrap(width, first, rest, text)),
    }
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
    if let Some(t) = &args.topic {
        select::check_topics(bank, std::slice::from_ref(t))?;
    }
    let facts: Vec<_> = bank
        .facts
        .iter()
        .filter(|f| {
            args.topic
                .as_ref()
                .is_none_or(|t| select::topic_matches(t, &f.topic))
        })
        .collect();
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => out(
            &mut w,
            serde_json::to_string_pretty(&facts).map_err(io::Error::other)?,
        )?,
        Format::Text => {
            let width = render::stdout_width();
            for f in facts {
                out(
                    &mut w,
                    format_args!(
                        "{} {}",
                        render::heading(&f.id),
                        render::dim(&format!("({})", f.topic))
                    ),
                )?;
                out(
                    &mut w,
                    render::wrap(width, "  ", "  ", &clean(&f.statement)),
                )?;
                let quote = render::dim(&render::quote(&f.quote)).to_string();
                out(&mut w, render::wrap(width, "  ", "  ", &quote))?;
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
    let parsed = match bank::parse_each(&text, &name) {
        // A tool asked for JSON gets the syntax error as a report too.
        Err(Error::BankSyntax {
            line,
            column,
            message,
            ..
        }) if format == Format::Json => Err(bank::Invalid {
            problems: vec![bank::Problem {
                location: format!("line {line}, column {column}"),
                message: format!("invalid JSON: {message}"),
            }],
            facts: 0,
            questions: 0,
        }),
        other => other?,
    };
    let report = match parsed {
        Ok(bank) => CheckReport {
            facts: bank.facts.len(),
            questions: bank.questions.len(),
            problems: lint::full(&bank),
            uncovered: coverage.then(|| lint::uncovered(&bank)),
        },
        Err(invalid) => CheckReport {
            facts: invalid.facts,
            questions: invalid.questions,
            problems: invalid.problems,
            uncovered: None,
        },
    };
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    report.write(&mut w, &name, format)?;
    w.flush()?;
    Ok(if report.problems.is_empty() {
        Exit::Success
    } else {
        Exit::Data
    })
}

/// What `bank check` found.
struct CheckReport {
    facts: usize,
    questions: usize,
    problems: Vec<bank::Problem>,
    /// With `--coverage`: the article's sentences no fact quotes.
    uncovered: Option<Vec<String>>,
}

impl CheckReport {
    fn write(&self, w: &mut impl Write, name: &str, format: Format) -> Result<()> {
        let problems = &self.problems;
        match format {
            Format::Json => {
                let mut report = json!({
                    "bank": name,
                    "ok": problems.is_empty(),
                    "facts": self.facts,
                    "questions": self.questions,
                    "problems": problems,
                });
                if let Some(u) = &self.uncovered {
                    report["uncovered"] = json!(u);
                }
                out(
                    w,
                    serde_json::to_string_pretty(&report).map_err(io::Error::other)?,
                )
            }
            Format::Text => {
                let width = render::stdout_width();
                let name = &*clean(name);
                for p in problems {
                    let text = format!("{name}: {}: {}", clean(&p.location), clean(&p.message));
                    out(w, render::wrap(width, "", "  ", &text))?;
                }
                if let Some(u) = &self.uncovered {
                    write_uncovered(w, name, u)?;
                }
                if problems.is_empty() {
                    out(
                        w,
                        format_args!(
                            "{} {name}: {} facts, {} questions, no problems",
                            render::good("ok"),
                            self.facts,
                            self.questions
                        ),
                    )
                } else {
                    out(
                        w,
                        format_args!(
                            "{} {name}: {}",
                            render::bad("invalid"),
                            render::plural(problems.len(), "problem")
                        ),
                    )
                }
            }
        }
    }
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
            "{name}: {} of the article no fact quotes:",
            render::plural(uncovered.len(), "sentence")
        ),
    )?;
    for s in uncovered {
        out(w, format_args!("  - {}", clean(s)))?;
    }
    Ok(())
}
