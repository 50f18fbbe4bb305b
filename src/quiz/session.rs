//! A quiz session's state, shared by the terminal and plain front ends:
//! grading, feedback, the running score and the summary.

use std::io::Write;
use std::time::Instant;

use serde::Serialize;

use super::grade;
use super::history::{History, Record, now};
use super::select::Item;
use crate::bank::{Bank, QuestionBody, QuestionKind};
use crate::error::Result;
use crate::render::{self, out};
use crate::sanitize::terminal as clean;
use crate::verify::Verifier;

/// An answer as the user gave it.
#[derive(Debug, Clone)]
pub enum Given {
    /// Index into the question's choices as stored in the bank.
    Choice(usize),
    Bool(bool),
    Text(String),
}

#[derive(Debug, Clone, Serialize)]
pub struct Answered {
    pub question: String,
    pub fact: String,
    pub topic: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub given: String,
    pub correct: bool,
    pub right_answer: String,
    /// Asked again in the retry round at the end.
    pub retry: bool,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub seed: u64,
    pub questions: usize,
    pub answered: usize,
    pub right: usize,
    pub wrong: usize,
    /// Right answers over questions asked, unanswered ones counting as
    /// missed.
    pub score_percent: f64,
    pub duration_seconds: f64,
    pub pass_mark: Option<u8>,
    pub passed: Option<bool>,
    pub interrupted: bool,
    pub answers: Vec<Answered>,
}

pub struct Session<'b> {
    pub bank: &'b Bank,
    pub verifier: Verifier<'b>,
    pub items: Vec<Item>,
    pub answers: Vec<Answered>,
    pub seed: u64,
    pub pass_mark: Option<u8>,
    pub started: Instant,
    /// `started` as seconds since the epoch, recorded with each answer.
    pub started_at: f64,
    pub history: Option<History>,
    /// Feedback and summaries go to stdout, or to stderr under
    /// `--format json` so that stdout holds only the JSON.
    pub json: bool,
    /// Columns to wrap feedback at (a terminal's width), or none.
    pub width: Option<usize>,
    /// The first round's summary is out; only the retry's is still due.
    pub summary_shown: bool,
    /// Lines of the prompt now on screen, for Ctrl-C to clear.
    pub on_screen: OnScreen,
}

/// What a terminal prompt has drawn: whole lines above the cursor, and
/// whether the cursor sits on a line of its own (a typed answer).
#[derive(Debug, Clone, Copy, Default)]
pub struct OnScreen {
    pub lines: usize,
    pub partial: bool,
}

impl<'b> Session<'b> {
    pub fn first_round(&self) -> impl Iterator<Item = &Answered> {
        self.answers.iter().filter(|a| !a.retry)
    }

    pub fn right(&self) -> usize {
        self.first_round().filter(|a| a.correct).count()
    }

    /// Grades an answer, records it in the history (before it is shown, so
    /// that every answer seen on screen is kept), and returns it.
    pub fn answer(&mut self, item: &Item, given: &Given, retry: bool) -> Answered {
        let q = &self.bank.questions[item.question];
        let (correct, given_text) = match (&q.body, given) {
            (QuestionBody::Choice { choices, answer }, Given::Choice(i)) => {
                let text = choices.get(*i).cloned().unwrap_or_default();
                (text == *answer, text)
            }
            (QuestionBody::Truefalse { answer }, Given::Bool(b)) => (answer == b, b.to_string()),
            (QuestionBody::Open { answer }, Given::Text(t)) => {
                // Read like a statement: escape codes do not glue to words.
                let read = crate::sanitize::reading(t);
                (grade::grade_open(&self.verifier, answer, &read), t.clone())
            }
            (_, Given::Text(t)) => (false, t.clone()),
            _ => (false, String::new()),
        };
        let topic = self
            .bank
            .fact(&q.fact)
            .map_or_else(String::new, |f| f.topic.clone());
        let a = Answered {
            question: q.id.clone(),
            fact: q.fact.clone(),
            topic: topic.clone(),
            kind: q.kind(),
            prompt: q.prompt.clone(),
            given: given_text,
            correct,
            right_answer: grade::answer_text(q, self.bank),
            retry,
        };
        if let Some(h) = &mut self.history {
            let rec = Record {
                time: now(),
                bank: self.bank.source.title.clone(),
                question: q.id.clone(),
                fact: q.fact.clone(),
                topic,
                correct,
                session: Some(self.started_at),
            };
            if let Err(e) = h.record(&rec) {
                render::warn(format_args!("{e}; answers are no longer recorded"));
                self.history = None;
            }
        }
        self.answers.push(a.clone());
        a
    }

    /// Right or wrong, the right answer, the explanation and the quote.
    pub fn feedback(&self, w: &mut impl Write, a: &Answered) -> Result<()> {
        let q = self.bank.questions.iter().find(|q| q.id == a.question);
        let verdict = if a.correct {
            format!("{} {}", render::good("✔ Right!"), clean(&a.right_answer))
        } else {
            format!(
                "{} The answer is: {}",
                render::bad("✘ Wrong."),
                render::heading(&a.right_answer)
            )
        };
        out(w, render::wrap(self.width, "", "  ", &verdict))?;
        if let Some(q) = q {
            out(
                w,
                render::wrap(self.width, "  ", "  ", &clean(&q.explanation)),
            )?;
            if let Some(f) = self.bank.fact(&q.fact) {
                // Dimmed, then wrapped: dim() sanitises, and would show the
                // wrapping's line breaks as escapes.
                let quote = render::dim(&format!("[{}] {}", f.id, render::quote(&f.quote)));
                out(w, render::wrap(self.width, "  ", "  ", &quote.to_string()))?;
            }
        }
        out(
            w,
            format_args!("  {}", render::dim(&self.score_line(a.retry))),
        )?;
        out(w, "")?;
        Ok(())
    }

    /// The running score; in the retry round, the retry's own.
    fn score_line(&self, retry: bool) -> String {
        if retry {
            let retried = self.answers.iter().filter(|a| a.retry);
            let right = retried.clone().filter(|a| a.correct).count();
            format!("Retry score: {right}/{}", retried.count())
        } else {
            format!("Score: {}/{}", self.right(), self.first_round().count())
        }
    }

    /// The progress line shown before each question.
    pub fn progress(&self, n: usize) -> String {
        let done = self.first_round().count();
        format!(
            "Question {} of {} · score {}/{}",
            n,
            self.items.len(),
            self.right(),
            done
        )
    }

    pub fn summary(&self, interrupted: bool) -> Summary {
        let questions = self.items.len();
        let answered = self.first_round().count();
        let right = self.right();
        let score_percent = if questions == 0 {
            0.0
        } else {
            (right as f64 * 1000.0 / questions as f64).round() / 10.0
        };
        let passed = self.pass_mark.map(|p| score_percent >= f64::from(p));
        Summary {
            seed: self.seed,
            questions,
            answered,
            right,
            wrong: answered - right,
            score_percent,
            duration_seconds: (self.started.elapsed().as_secs_f64() * 10.0).round() / 10.0,
            pass_mark: self.pass_mark,
            passed,
            interrupted,
            answers: self.answers.clone(),
        }
    }

    /// The end-of-quiz report for people.
    pub fn write_summary(&self, w: &mut (impl Write + ?Sized), s: &Summary) -> Result<()> {
        let secs = s.duration_seconds.round() as u64;
        let title = if s.interrupted {
            "Interrupted"
        } else {
            "Finished"
        };
        out(w, render::heading(&format!("── {title} ──")))?;
        out(
            w,
            format_args!(
                "Score: {}/{} ({}%) in {}m {:02}s",
                s.right,
                s.questions,
                s.score_percent,
                secs / 60,
                secs % 60
            ),
        )?;
        if s.answered < s.questions {
            out(w, format_args!("Unanswered: {}", s.questions - s.answered))?;
        }
        let missed: Vec<&Answered> = s
            .answers
            .iter()
            .filter(|a| !a.retry && !a.correct)
            .collect();
        self.write_missed(w, "Missed:", &missed)?;
        if let (Some(p), Some(passed)) = (s.pass_mark, s.passed) {
            let verdict = if passed {
                render::good("passed")
            } else {
                render::bad("below the pass mark")
            };
            out(w, format_args!("Pass mark {p}%: {verdict}"))?;
        }
        Ok(())
    }

    /// After the retry round: its score and what is still missed.
    pub fn write_retry(&self, w: &mut (impl Write + ?Sized), s: &Summary) -> Result<()> {
        let retried: Vec<&Answered> = s.answers.iter().filter(|a| a.retry).collect();
        if retried.is_empty() {
            return Ok(());
        }
        let right = retried.iter().filter(|a| a.correct).count();
        let title = if s.interrupted {
            "── Retry interrupted ──"
        } else {
            "── Retry ──"
        };
        out(w, render::heading(title))?;
        out(w, format_args!("Retry: {right}/{} right", retried.len()))?;
        let still: Vec<&Answered> = retried.into_iter().filter(|a| !a.correct).collect();
        self.write_missed(w, "Still missed:", &still)
    }

    fn write_missed(
        &self,
        w: &mut (impl Write + ?Sized),
        title: &str,
        missed: &[&Answered],
    ) -> Result<()> {
        if missed.is_empty() {
            return Ok(());
        }
        out(w, title)?;
        for a in missed {
            out(
                w,
                render::wrap(self.width, "  - ", "    ", &clean(&a.prompt)),
            )?;
            let label = format!("    {} ", render::dim("answer:"));
            out(
                w,
                render::wrap(self.width, &label, "            ", &clean(&a.right_answer)),
            )?;
        }
        Ok(())
    }
}
