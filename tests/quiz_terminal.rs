//! The quiz in a real pseudo-terminal: arrow keys, typed answers, colored
//! feedback, the retry offer, and Ctrl-C.

mod common;

use std::process::Command;

use common::{Env, right_answer, seeded_items, shipped, wrong_answer};
use factcheck::bank::{Bank, QuestionBody, QuestionKind};
use factcheck::quiz::select::Item;
use nix::sys::wait::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

/// A seed whose first `n` questions include every kind, found the same
/// way every run.
fn seed_with_every_kind(bank: &Bank, n: usize) -> u64 {
    (0..10_000)
        .find(|&seed| {
            let items = seeded_items(bank, n, seed);
            let kinds: std::collections::HashSet<QuestionKind> = items
                .iter()
                .map(|it| bank.questions[it.question].kind())
                .collect();
            kinds.len() == 3
        })
        .expect("a seed with every kind")
}

fn spawn(env: &Env, args: &[&str], color: bool) -> PtySession {
    let mut cmd = Command::new(common::BIN);
    cmd.env_clear()
        .env("HOME", env.path())
        .env("XDG_DATA_HOME", env.data_home())
        .env("TERM", "xterm-256color")
        .current_dir(env.path())
        .arg("quiz")
        .args(args);
    if !color {
        cmd.env("NO_COLOR", "1");
    }
    spawn_command(cmd, Some(15_000)).expect("spawn in a pty")
}

/// Answers one question with the keys a person would press.
fn answer(p: &mut PtySession, bank: &Bank, item: &Item, right: bool) {
    let q = &bank.questions[item.question];
    match &q.body {
        QuestionBody::Choice { choices, answer } => {
            let target = if right {
                answer.clone()
            } else {
                wrong_answer(bank, item)
            };
            let pos = item
                .order
                .iter()
                .position(|&c| choices[c] == target)
                .unwrap();
            p.send(&DOWN.repeat(pos)).unwrap();
            p.send(ENTER).unwrap();
        }
        QuestionBody::Truefalse { answer } => {
            let pick_true = *answer == right;
            if !pick_true {
                p.send(DOWN).unwrap();
            }
            p.send(ENTER).unwrap();
        }
        QuestionBody::Open { .. } => {
            let text = if right {
                right_answer(bank, item)
            } else {
                wrong_answer(bank, item)
            };
            p.send(&text).unwrap();
            p.send(ENTER).unwrap();
        }
    }
    p.flush().unwrap();
}

/// A seeded three-question session in a pseudo-terminal, with the
/// questions it will ask.
fn start(env: &Env, bank: &Bank, color: bool) -> (PtySession, Vec<Item>) {
    let seed = seed_with_every_kind(bank, 3);
    let items = seeded_items(bank, 3, seed);
    let seed_arg = seed.to_string();
    let p = spawn(env, &["--count", "3", "--seed", &seed_arg], color);
    (p, items)
}

/// Whether the text just before a verdict ends with a color code
/// (ESC [ digits m) followed only by the mark (✔/✘) and a space. The pty
/// reader shows the mark's UTF-8 bytes as separate characters.
fn colored_verdict(before: &str) -> bool {
    let head = before.trim_end_matches(|c: char| !c.is_ascii() || c == ' ');
    head.rfind("\x1b[").is_some_and(|i| {
        head[i + 2..]
            .strip_suffix('m')
            .is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit() || c == ';'))
    })
}

fn exit_code(p: &PtySession) -> i32 {
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("did not exit normally: {other:?}"),
    }
}

#[test]
fn arrow_keys_and_typing_answer_a_seeded_session() {
    let env = Env::new();
    let bank = shipped();
    let (mut p, items) = start(&env, &bank, false);
    for (i, item) in items.iter().enumerate() {
        p.exp_string(&format!("Question {} of 3", i + 1)).unwrap();
        answer(&mut p, &bank, item, true);
        let before = p.exp_string("Right!").unwrap();
        assert!(
            !colored_verdict(&before),
            "NO_COLOR, yet colored: {before:?}"
        );
        let fact = &bank.questions[item.question].fact;
        p.exp_string(&format!("[{fact}]")).unwrap();
        p.exp_string(&format!("Score: {}/{}", i + 1, i + 1))
            .unwrap();
    }
    p.exp_string("Finished").unwrap();
    p.exp_string("Score: 3/3 (100%)").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 0);
    assert_eq!(env.history_records().len(), 3);
}

#[test]
fn a_miss_is_shown_in_color_and_can_be_retried() {
    let env = Env::new();
    let bank = shipped();
    let (mut p, items) = start(&env, &bank, true);
    p.exp_string("Question 1 of 3").unwrap();
    answer(&mut p, &bank, &items[0], false);
    let shown = p.exp_string("Wrong.").unwrap();
    assert!(
        colored_verdict(&shown),
        "no color code before the verdict: {shown:?}"
    );
    p.exp_string("The answer is: ").unwrap();
    for (i, item) in items.iter().enumerate().skip(1) {
        p.exp_string(&format!("Question {} of 3", i + 1)).unwrap();
        answer(&mut p, &bank, item, true);
        p.exp_string("Right!").unwrap();
    }
    p.exp_string("Retry the 1 missed question(s) now?").unwrap();
    p.send("y").unwrap();
    p.flush().unwrap();
    p.exp_string("Retry 1 of 1").unwrap();
    answer(&mut p, &bank, &items[0], true);
    p.exp_string("Right!").unwrap();
    p.exp_string("Score: 2/3").unwrap();
    p.exp_string("Retry: 1/1 right").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn ctrl_c_restores_the_terminal_prints_the_summary_and_exits_130() {
    let env = Env::new();
    let bank = shipped();
    let (mut p, items) = start(&env, &bank, false);
    p.exp_string("Question 1 of 3").unwrap();
    answer(&mut p, &bank, &items[0], true);
    p.exp_string("Right!").unwrap();
    p.exp_string("Question 2 of 3").unwrap();
    // Let the prompt draw before interrupting it.
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').unwrap();
    let before = p.exp_string("Interrupted").unwrap();
    assert!(
        before.contains("\x1b[?25h"),
        "the cursor is shown again: {before:?}"
    );
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains("Score: 1/3"), "{rest:?}");
    assert!(rest.contains("Unanswered: 2"), "{rest:?}");
    assert_eq!(exit_code(&p), 130);
    assert_eq!(
        env.history_records().len(),
        1,
        "the confirmed answer is kept"
    );
}

#[test]
fn json_summary_on_stdout_with_prompts_in_the_terminal() {
    let env = Env::new();
    let bank = shipped();
    let items = seeded_items(&bank, 1, 3);
    let mut p = spawn(
        &env,
        &["--count", "1", "--seed", "3", "--format", "json"],
        false,
    );
    p.exp_string("Question 1 of 1").unwrap();
    answer(&mut p, &bank, &items[0], true);
    p.exp_string("\"score_percent\": 100.0").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn a_hostile_bank_draws_no_escape_codes_through_the_prompts() {
    let env = Env::new();
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m";
    let path = env.write("hostile.json", common::hostile_bank(evil).to_string());
    let bank = factcheck::bank::load(Some(&path)).unwrap();
    let seed = seed_with_every_kind(&bank, 3);
    let items = seeded_items(&bank, 3, seed);
    let mut p = spawn(
        &env,
        &[
            "--bank",
            path.to_str().unwrap(),
            "--count",
            "3",
            "--seed",
            &seed.to_string(),
        ],
        true,
    );
    let mut seen = String::new();
    for (i, item) in items.iter().enumerate() {
        seen += &p.exp_string(&format!("Question {} of 3", i + 1)).unwrap();
        if bank.questions[item.question].kind() == QuestionKind::Open {
            // dialoguer drops typed C0 controls; a typed C1 it echoes as
            // the terminal's own cooked-mode echo would.
            p.send("typed\u{7}\u{1b}[2J").unwrap();
            p.send(ENTER).unwrap();
            p.flush().unwrap();
        } else {
            answer(&mut p, &bank, item, true);
        }
        seen += &p.exp_string("Score:").unwrap();
    }
    seen += &p.exp_string("Retry").unwrap();
    p.send("n").unwrap();
    p.flush().unwrap();
    seen += &p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 0);
    // The pty reader shows each byte as a char: U+009B is "\u{c2}\u{9b}".
    for raw in ["\u{1b}]0;pwned", "\u{1b}[2J", "\u{c2}\u{9b}", "\u{7}"] {
        assert!(
            !seen.contains(raw),
            "{raw:?} reached the terminal: {seen:?}"
        );
    }
    assert!(seen.contains("\\x1b]0;pwned"), "{seen:?}");
}
