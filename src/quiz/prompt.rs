//! The terminal front end: dialoguer prompts on stderr, arrow-key choices,
//! typed open answers, and an offer to retry the missed questions.

use std::io::{self, Write};

use dialoguer::console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, Select};

use super::Shared;
use super::select::Item;
use super::session::Given;
use crate::bank::QuestionBody;
use crate::error::{Error, Result};

fn prompt_err(e: dialoguer::Error) -> Error {
    match e {
        dialoguer::Error::IO(io) => Error::from(io),
    }
}

pub fn run(shared: &Shared, colorful: bool) -> Result<()> {
    let term = Term::stderr();
    let inner: Box<dyn Theme> = if colorful {
        Box::new(ColorfulTheme::default())
    } else {
        Box::new(SimpleTheme)
    };
    // Prompts and choices come from the bank: draw them sanitised.
    let theme = super::clean_theme::Clean(inner);
    let items = super::lock(shared).items.clone();
    for (idx, item) in items.iter().enumerate() {
        let progress = super::lock(shared).progress(idx + 1);
        term.write_line(&progress)?;
        ask(shared, &term, &theme, item, false)?;
    }
    let missed: Vec<Item> = {
        let s = super::lock(shared);
        items
            .iter()
            .filter(|it| {
                let id = &s.bank.questions[it.question].id;
                s.answers.iter().any(|a| &a.question == id && !a.correct)
            })
            .cloned()
            .collect()
    };
    if !missed.is_empty() {
        let again = Confirm::with_theme(&theme)
            .with_prompt(format!(
                "Retry the {} missed question(s) now?",
                missed.len()
            ))
            .default(true)
            .interact_on(&term)
            .map_err(prompt_err)?;
        if again {
            for (idx, item) in missed.iter().enumerate() {
                term.write_line(&format!("Retry {} of {}", idx + 1, missed.len()))?;
                ask(shared, &term, &theme, item, true)?;
            }
        }
    }
    Ok(())
}

fn ask(shared: &Shared, term: &Term, theme: &dyn Theme, item: &Item, retry: bool) -> Result<()> {
    let (prompt, body) = {
        let s = super::lock(shared);
        let q = &s.bank.questions[item.question];
        (q.prompt.clone(), q.body.clone())
    };
    // The question goes on its own line: a long prompt inside the widget
    // wraps, and the widget then miscounts the lines it has to redraw.
    term.write_line(&crate::render::heading(&prompt).to_string())?;
    let given = match &body {
        QuestionBody::Choice { choices, .. } => {
            let shown: Vec<&str> = item.order.iter().map(|&c| choices[c].as_str()).collect();
            let k = Select::with_theme(theme)
                .with_prompt("Your answer")
                .items(&shown)
                .default(0)
                .interact_on(term)
                .map_err(prompt_err)?;
            Given::Choice(item.order[k])
        }
        QuestionBody::Truefalse { .. } => {
            let k = Select::with_theme(theme)
                .with_prompt("True or false?")
                .items(["True", "False"])
                .default(0)
                .interact_on(term)
                .map_err(prompt_err)?;
            Given::Bool(k == 0)
        }
        QuestionBody::Open { .. } => {
            let text: String = Input::with_theme(theme)
                .with_prompt("Your answer")
                .validate_with(|s: &String| super::check_answer_length(s))
                .interact_text_on(term)
                .map_err(prompt_err)?;
            Given::Text(text)
        }
    };
    let mut s = super::lock(shared);
    let a = s.answer(item, &given, retry);
    if s.json {
        s.feedback(&mut io::stderr().lock(), &a)?;
    } else {
        let mut stdout = io::stdout().lock();
        s.feedback(&mut stdout, &a)?;
        stdout.flush()?;
    }
    Ok(())
}
