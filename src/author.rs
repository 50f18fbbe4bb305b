//! The authoring commands: `bank draft` (a bank from an article),
//! `explain` (how a statement is read and judged) and the coverage list
//! of `bank check --coverage`.

use std::io::{self, BufWriter, Read, Write};

use crate::bank::Bank;
use crate::cli::{DraftArgs, ExplainArgs, Format};
use crate::draft::{self, DraftError, Options, Summary};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::render::{self, out};
use crate::verify::{Reading, Verifier};

use crate::sanitize::terminal as clean;

pub(crate) fn draft_cmd(args: &DraftArgs) -> Result<Exit> {
    let (text, name) = if args.article.as_os_str() == "-" {
        // Bounded as a bank file is: an article is never larger.
        let mut buf = Vec::new();
        io::stdin()
            .take(crate::input::MAX_BANK_BYTES + 1)
            .read_to_end(&mut buf)?;
        if buf.len() as u64 > crate::input::MAX_BANK_BYTES {
            return Err(Error::BankTooLarge {
                path: "standard input".into(),
                max: crate::input::MAX_BANK_BYTES,
            });
        }
        let text = String::from_utf8(buf).map_err(|e| Error::InvalidUtf8 {
            path: "standard input".into(),
            line: e.as_bytes()[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
        })?;
        (text, "standard input".to_string())
    } else {
        crate::bank::read(&args.article)?
    };
    let opts = Options {
        title: args.title.clone(),
        date: args.date.clone(),
        file: args
            .article
            .file_name()
            .filter(|_| args.article.as_os_str() != "-")
            .map(|f| f.to_string_lossy().into_owned()),
        seed: args.seed,
    };
    let (bank, summary) = draft::draft(&text, &opts).map_err(|e| match e {
        DraftError::BadDate(_) | DraftError::NoDate => Error::Usage(format!("{name}: {e}")),
        DraftError::NoFacts => Error::Draft {
            path: name.clone(),
            message: e.to_string(),
        },
    })?;
    let json = serde_json::to_string_pretty(&bank).map_err(io::Error::other)?;
    match &args.output {
        Some(path) => std::fs::write(path, format!("{json}\n")).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?,
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            out(&mut w, json)?;
            w.flush()?;
        }
    }
    report(
        &summary,
        args.output.as_deref().map(|p| p.display().to_string()),
    );
    Ok(Exit::Success)
}

/// The summary on stderr: what was drafted, what could not be typed, what
/// was left out, and what to do next.
fn report(s: &Summary, written: Option<String>) {
    let mut e = io::stderr().lock();
    let _ = writeln!(
        e,
        "drafted {} facts ({} with typed values), {} questions ({} open, {} choice, {} true/false), {} entities",
        s.facts,
        s.typed_facts,
        s.open + s.choice + s.truefalse,
        s.open,
        s.choice,
        s.truefalse,
        s.entities
    );
    if !s.untyped.is_empty() {
        let _ = writeln!(
            e,
            "no typed value (true/false questions only): {}",
            s.untyped.join(", ")
        );
    }
    if s.dropped_statements > 0 {
        let _ = writeln!(
            e,
            "{} true/false statements dropped because verify did not give their answer",
            s.dropped_statements
        );
    }
    if !s.left_out.is_empty() {
        let _ = writeln!(
            e,
            "left out ({}), no claim verify can check:",
            s.left_out.len()
        );
        for q in &s.left_out {
            let _ = writeln!(e, "  - {}", clean(q));
        }
    }
    if let Some(path) = written {
        let _ = writeln!(
            e,
            "next: factcheck bank check --coverage {path}, then factcheck --bank {path} quiz"
        );
    }
}

pub(crate) fn explain_cmd(bank: &Bank, args: &ExplainArgs) -> Result<Exit> {
    let statement = args.statement.trim();
    if statement.is_empty() {
        return Err(Error::Usage(
            "the statement is empty; give the words to explain".into(),
        ));
    }
    let r = Verifier::new(bank).explain(statement);
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => out(
            &mut w,
            serde_json::to_string_pretty(&r).map_err(io::Error::other)?,
        )?,
        Format::Text => write_reading(&mut w, &r)?,
    }
    w.flush()?;
    Ok(r.judgement.verdict.exit())
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "-".into()
    } else {
        clean(&items.join(", ")).into_owned()
    }
}

fn write_reading(w: &mut impl Write, r: &Reading) -> Result<()> {
    let label = |s: &str| render::dim(&format!("{s:<11}"));
    out(
        w,
        format_args!("{} {}", label("statement:"), clean(&r.judgement.statement)),
    )?;
    out(w, format_args!("{} {}", label("words:"), list(&r.words)))?;
    if !r.phrases.is_empty() {
        out(
            w,
            format_args!("{} {}", label("phrases:"), list(&r.phrases)),
        )?;
    }
    out(w, format_args!("{} {}", label("names:"), list(&r.names)))?;
    let values: Vec<String> = r
        .values
        .iter()
        .map(|v| format!("\"{}\" {} ({})", v.text, v.value, v.bound))
        .collect();
    out(w, format_args!("{} {}", label("values:"), list(&values)))?;
    out(w, format_args!("{} {}", label("negations:"), r.negations))?;
    out(w, format_args!("{} {}", label("modal:"), list(&r.modals)))?;
    out(w, label("candidates:"))?;
    if r.candidates.is_empty() {
        out(w, "  none: no fact shares a word, name or value kind")?;
    }
    for c in &r.candidates {
        out(
            w,
            format_args!("  {:>6.2}  {}  {}", c.score, c.fact_id, clean(&c.outcome)),
        )?;
    }
    if let Some(o) = &r.order {
        write_order(w, o, &label)?;
    }
    let j = &r.judgement;
    out(
        w,
        format_args!(
            "{} {}  {}",
            label("verdict:"),
            render::verdict(j.verdict),
            clean(&j.explanation)
        ),
    )?;
    if let Some(c) = &j.correction {
        out(w, format_args!("{} {}", label("correction:"), clean(c)))?;
    }
    Ok(())
}

/// The order reading: which side is later, and each side's fact and time.
fn write_order(
    w: &mut impl Write,
    o: &crate::verify::OrderReading,
    label: &impl Fn(&str) -> colored::ColoredString,
) -> Result<()> {
    let gap = o
        .gap_days
        .map_or(String::new(), |d| format!(", {d:.0} days apart"));
    out(
        w,
        format_args!("{} later: {}{gap}", label("order:"), o.later),
    )?;
    for (name, s) in [("left", &o.left), ("right", &o.right)] {
        let verdict = s.verdict.map_or("-", |v| v.label());
        let fact = s.fact_id.as_deref().unwrap_or("-");
        let time = s.time.as_ref().map_or("no time".into(), |(a, b)| {
            if a == b {
                a.clone()
            } else {
                format!("{a} … {b}")
            }
        });
        out(
            w,
            format_args!(
                "  {name:<5}  \"{}\"  {verdict} by {}, {}",
                clean(&s.text),
                clean(fact),
                time
            ),
        )?;
    }
    Ok(())
}
