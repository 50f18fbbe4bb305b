//! The terminal front end: dialoguer prompts on stderr, arrow-key choices,
//! typed open answers, and an offer to retry the missed questions.

use std::io::{self, Write};

use dialoguer::console::{Term, measure_text_width};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, Select};

use super::Shared;
use super::select::Item;
use super::session::{Given, OnScreen};
use crate::bank::QuestionBody;
use crate::error::{Error, Result};
use crate::render;
use crate::sanitize::terminal as clean;

fn prompt_err(e: dialoguer::Error) -> Error {
    match e {
        dialoguer::Error::IO(io) => Error::from(io),
    }
}

/// The screen and the prompts' look, decided once per session.
struct Screen {
    term: Term,
    theme: Box<dyn Theme>,
    width: Option<usize>,
}

impl Screen {
    fn new(colorful: bool) -> Screen {
        let inner: Box<dyn Theme> = if colorful {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Screen {
            term: Term::stderr(),
            // Prompts and choices come from the bank: drawn sanitised.
            theme: Box::new(super::clean_theme::Clean(inner)),
            width: render::stderr_width(),
        }
    }

    /// Writes text wrapped to the screen; returns the lines it took. The
    /// text is sanitised already (it may carry our own colors).
    fn write(&self, text: &str) -> Result<usize> {
        let text = render::wrap(self.width, "", "  ", text);
        self.term.write_line(&text)?;
        Ok(self.rows(&text))
    }

    /// Rows a text takes on screen, long lines folding at the edge.
    fn rows(&self, text: &str) -> usize {
        let cols = self.width.unwrap_or(usize::MAX).max(1);
        text.lines()
            .map(|l| measure_text_width(l).div_ceil(cols).max(1))
            .sum()
    }
}

/// The first round: every question once.
pub fn run(shared: &Shared, colorful: bool) -> Result<()> {
    let screen = Screen::new(colorful);
    let items = super::lock(shared).items.clone();
    for (idx, item) in items.iter().enumerate() {
        let progress = super::lock(shared).progress(idx + 1);
        ask(shared, &screen, &progress, item, false)?;
    }
    Ok(())
}

/// After the summary: the offer to retry the missed questions, and the
/// retry round.
pub fn retry(shared: &Shared, colorful: bool) -> Result<()> {
    let screen = Screen::new(colorful);
    let missed: Vec<Item> = {
        let s = super::lock(shared);
        s.items
            .iter()
            .filter(|it| {
                let id = &s.bank.questions[it.question].id;
                s.answers.iter().any(|a| &a.question == id && !a.correct)
            })
            .cloned()
            .collect()
    };
    if missed.is_empty() {
        return Ok(());
    }
    screen.term.write_line("")?;
    set_on_screen(shared, 0, true);
    let again = Confirm::with_theme(&*screen.theme)
        .with_prompt(format!(
            "Retry the {} now?",
            render::plural(missed.len(), "missed question")
        ))
        .default(true)
        .interact_on(&screen.term)
        .map_err(prompt_err)?;
    set_on_screen(shared, 0, false);
    if again {
        for (idx, item) in missed.iter().enumerate() {
            let progress = format!("Retry {} of {}", idx + 1, missed.len());
            ask(shared, &screen, &progress, item, true)?;
        }
    }
    Ok(())
}

fn set_on_screen(shared: &Shared, lines: usize, partial: bool) {
    super::lock(shared).on_screen = OnScreen { lines, partial };
}

/// Asks one question, then shows the answer given with a mark that
/// follows the verdict, and the feedback.
fn ask(shared: &Shared, screen: &Screen, progress: &str, item: &Item, retry: bool) -> Result<()> {
    let (prompt, body) = {
        let s = super::lock(shared);
        let q = &s.bank.questions[item.question];
        (q.prompt.clone(), q.body.clone())
    };
    let mut lines = screen.write(progress)?;
    // The question goes on its own line: a long prompt inside the widget
    // wraps, and the widget then miscounts the lines it has to redraw.
    lines += screen.write(&render::heading(&prompt).to_string())?;
    let (given, label, shown) = read_answer(shared, screen, lines, item, &body)?;
    set_on_screen(shared, 0, false);
    let mut s = super::lock(shared);
    let a = s.answer(item, &given, retry);
    // The widget cleared itself (no report): the answer line is ours, so
    // that its mark says right or wrong.
    let mark = if a.correct {
        render::good("✔")
    } else {
        render::bad("✘")
    };
    screen.write(&format!("{mark} {label} · {}", clean(&shown)))?;
    if s.json {
        s.feedback(&mut io::stderr().lock(), &a)?;
    } else {
        let mut stdout = io::stdout().lock();
        s.feedback(&mut stdout, &a)?;
        stdout.flush()?;
    }
    Ok(())
}

/// Reads an answer with the widget its kind needs; returns it, the
/// widget's prompt and the answer as shown.
fn read_answer(
    shared: &Shared,
    screen: &Screen,
    above: usize,
    item: &Item,
    body: &QuestionBody,
) -> Result<(Given, &'static str, String)> {
    let (theme, term) = (&*screen.theme, &screen.term);
    let select = |label: &'static str, shown: Vec<String>| -> Result<usize> {
        // The prompt line and one line per choice sit under the question.
        // Rows as the sanitising theme draws them.
        let rows: usize = shown
            .iter()
            .map(|c| screen.rows(&format!("> {}", clean(c))))
            .sum();
        set_on_screen(shared, above + 1 + rows, false);
        Select::with_theme(theme)
            .with_prompt(label)
            .items(&shown)
            .default(0)
            .report(false)
            .interact_on(term)
            .map_err(prompt_err)
    };
    Ok(match body {
        QuestionBody::Choice { choices, .. } => {
            let shown: Vec<String> = item.order.iter().map(|&c| choices[c].clone()).collect();
            let k = select("Your answer", shown.clone())?;
            (
                Given::Choice(item.order[k]),
                "Your answer",
                shown[k].clone(),
            )
        }
        QuestionBody::Truefalse { .. } => {
            let k = select("True or false?", vec!["True".into(), "False".into()])?;
            let shown = if k == 0 { "True" } else { "False" };
            (Given::Bool(k == 0), "True or false?", shown.to_string())
        }
        QuestionBody::Open { .. } => {
            set_on_screen(shared, above, true);
            let text: String = Input::with_theme(theme)
                .with_prompt("Your answer")
                .validate_with(|s: &String| super::check_answer_length(s))
                .report(false)
                .interact_text_on(term)
                .map_err(prompt_err)?;
            (Given::Text(text.clone()), "Your answer", text)
        }
    })
}
