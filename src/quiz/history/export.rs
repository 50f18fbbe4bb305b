//! `factcheck history export` and `factcheck history path`: the user's
//! data, in formats other tools read.

use std::io::{self, BufWriter, Write};

use super::{DB_NAME, Record, dir_or_usage, open_reporting};
use crate::cli::ExportFormat;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::render::out;
use crate::sanitize::{self, terminal as clean};

/// Writes every answer to stdout, streaming: JSON lines (exact, the shape
/// of the old `history.jsonl`) or CSV with a header (text, so sanitised;
/// `session` is empty for answers recorded before sessions were).
pub fn export_cmd(format: ExportFormat) -> Result<Exit> {
    let history = open_reporting()?;
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    if format == ExportFormat::Csv {
        out(&mut w, "time,bank,question,fact,topic,correct,session")?;
    }
    history.for_each(|r| match format {
        ExportFormat::Jsonl => {
            serde_json::to_writer(&mut w, &r).map_err(io::Error::other)?;
            w.write_all(b"\n").map_err(Error::from)
        }
        ExportFormat::Csv => out(&mut w, csv_row(&r)),
    })?;
    w.flush()?;
    Ok(Exit::Success)
}

fn csv_row(r: &Record) -> String {
    let fields = [
        r.time.to_string(),
        csv_field(&r.bank),
        csv_field(&r.question),
        csv_field(&r.fact),
        csv_field(&r.topic),
        r.correct.to_string(),
        r.session.map_or_else(String::new, |s| s.to_string()),
    ];
    fields.join(",")
}

/// A CSV field: sanitised (so no line breaks are left) and quoted when it
/// holds a comma or a quote (RFC 4180).
fn csv_field(s: &str) -> String {
    let s = clean(s);
    if s.contains([',', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// Prints where the history database is (or would be created).
pub fn path_cmd() -> Result<Exit> {
    let path = dir_or_usage()?.join(DB_NAME);
    let mut stdout = io::stdout().lock();
    out(&mut stdout, sanitize::path(&path))?;
    stdout.flush()?;
    Ok(Exit::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_sanitised() {
        for (raw, field) in [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "two\\x0alines"),
            ("\u{1b}[2J", "\\x1b[2J"),
        ] {
            assert_eq!(csv_field(raw), field, "{raw:?}");
        }
    }

    #[test]
    fn csv_row_keeps_the_column_order() {
        let r = Record {
            time: 1.5,
            bank: "B".into(),
            question: "q".into(),
            fact: "f".into(),
            topic: "t".into(),
            correct: true,
            session: None,
        };
        assert_eq!(csv_row(&r), "1.5,B,q,f,t,true,");
        let r = Record {
            session: Some(1.0),
            ..r
        };
        assert_eq!(csv_row(&r), "1.5,B,q,f,t,true,1");
    }
}
