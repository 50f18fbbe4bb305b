//! The plain line protocol, used when standard input is not a terminal:
//! each question and its numbered choices are printed, one answer is read
//! per line, and end of input ends the quiz.

use std::io::{self, BufRead, Write};

use super::Shared;
use super::grade;
use super::session::Given;
use crate::bank::QuestionBody;
use crate::error::{Error, Result};
use crate::input::{self, Line, MAX_ANSWER_BYTES};
use crate::render::{self, out};
use crate::sanitize::terminal as clean;

pub fn run(shared: &Shared) -> Result<()> {
    let json = super::lock(shared).json;
    let mut w: Box<dyn Write> = if json {
        Box::new(io::stderr())
    } else {
        Box::new(io::stdout())
    };
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let n = super::lock(shared).items.len();
    for idx in 0..n {
        let (item, body, header) = {
            let s = super::lock(shared);
            let item = s.items[idx].clone();
            let q = &s.bank.questions[item.question];
            let topic = s.bank.fact(&q.fact).map_or("", |f| f.topic.as_str());
            let header = format!(
                "[{} · {}] {}",
                clean(topic),
                q.kind().name(),
                clean(&q.prompt)
            );
            (item, q.body.clone(), (s.progress(idx + 1), header))
        };
        let width = super::lock(shared).width;
        out(&mut w, &header.0)?;
        out(&mut w, render::wrap(width, "", "  ", &header.1))?;
        let hint = match &body {
            QuestionBody::Choice { choices, .. } => {
                for (k, &c) in item.order.iter().enumerate() {
                    let number = format!("  {}) ", k + 1);
                    let hang = render::indent_under(&number);
                    out(
                        &mut w,
                        render::wrap(width, &number, &hang, &clean(&choices[c])),
                    )?;
                }
                format!("Answer 1-{} or the text of a choice", choices.len())
            }
            QuestionBody::Truefalse { .. } => {
                out(&mut w, "  1) true")?;
                out(&mut w, "  2) false")?;
                "Answer true or false (or 1 or 2)".to_string()
            }
            QuestionBody::Open { .. } => "Type your answer".to_string(),
        };
        out(&mut w, &hint)?;
        let given = loop {
            write!(w, "> ")?;
            w.flush()?;
            let Some(line) = read_line(&mut input)? else {
                // End of input: the quiz ends here with what was answered.
                out(&mut w, "")?;
                return Ok(());
            };
            let line = line.trim();
            // Input from a pipe is not echoed; show it so that the
            // transcript reads as a dialogue.
            out(&mut w, clean(line))?;
            let parsed = match &body {
                QuestionBody::Choice { choices, .. } => {
                    let shown: Vec<String> =
                        item.order.iter().map(|&c| choices[c].clone()).collect();
                    grade::parse_choice(&shown, line).map(|k| Given::Choice(item.order[k]))
                }
                QuestionBody::Truefalse { .. } => grade::parse_bool(line).map(Given::Bool),
                QuestionBody::Open { .. } => {
                    (!line.is_empty()).then(|| Given::Text(line.to_string()))
                }
            };
            match parsed {
                Some(g) => break g,
                None => out(&mut w, format_args!("Not understood. {hint}."))?,
            }
        };
        let mut s = super::lock(shared);
        let a = s.answer(&item, &given, false);
        s.feedback(&mut w, &a)?;
    }
    Ok(())
}

/// One answer line, lossily decoded; `None` at end of input. An answer
/// longer than [`MAX_ANSWER_BYTES`] is an error: nothing longer is held.
fn read_line(input: &mut impl BufRead) -> Result<Option<String>> {
    let mut buf = Vec::new();
    match input::read_line(input, &mut buf, MAX_ANSWER_BYTES)? {
        Line::End => Ok(None),
        Line::Read => Ok(Some(String::from_utf8_lossy(&buf).into_owned())),
        Line::TooLong => Err(Error::AnswerTooLong {
            max: MAX_ANSWER_BYTES,
        }),
    }
}
