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
    p.exp_string("Score: 2/3").unwrap();
    p.exp_string("Retry the 1 missed question now?").unwrap();
    p.send("y").unwrap();
    p.flush().unwrap();
    p.exp_string("Retry 1 of 1").unwrap();
    answer(&mut p, &bank, &items[0], true);
    p.exp_string("Right!").unwrap();
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

/// A session in a pseudo-terminal of a known size, with everything it
/// wrote kept, so that the screen a person sees can be rebuilt.
struct Screen {
    p: PtySession,
    seen: String,
    rows: u16,
    cols: u16,
}

impl Screen {
    /// Runs `factcheck ARGS` in a `cols`-wide terminal; `stty` sets the
    /// size the program reads from its terminal.
    fn spawn(env: &Env, args: &[&str], color: bool, rows: u16, cols: u16) -> Screen {
        let mut cmd = Command::new("/bin/sh");
        cmd.env_clear()
            .env("HOME", env.path())
            .env("XDG_DATA_HOME", env.data_home())
            .env("TERM", "xterm-256color")
            .current_dir(env.path())
            .arg("-c")
            .arg(format!(
                "/usr/bin/stty rows {rows} cols {cols} && exec \"$0\" \"$@\""
            ))
            .arg(common::BIN)
            .args(args);
        if !color {
            cmd.env("NO_COLOR", "1");
        }
        let p = spawn_command(cmd, Some(15_000)).expect("spawn in a pty");
        Screen {
            p,
            seen: String::new(),
            rows,
            cols,
        }
    }

    /// Waits for `needle`; returns what came before it.
    fn exp(&mut self, needle: &str) -> String {
        let before = self
            .p
            .exp_string(needle)
            .unwrap_or_else(|e| panic!("{needle:?}: {e}\nscreen:\n{}", self.text()));
        self.seen.push_str(&before);
        self.seen.push_str(needle);
        before
    }

    fn eof(&mut self) {
        let rest = self.p.exp_eof().unwrap();
        self.seen.push_str(&rest);
    }

    /// The bytes written so far (the reader gives one char per byte).
    fn bytes(&self) -> Vec<u8> {
        self.seen.chars().map(|c| c as u32 as u8).collect()
    }

    /// The screen as a terminal of this size shows it now, row by row.
    fn lines(&self) -> Vec<String> {
        let mut vt = vt100::Parser::new(
            self.rows.try_into().unwrap(),
            self.cols.try_into().unwrap(),
            0,
        );
        vt.process(&self.bytes());
        vt.screen().rows(0, self.cols).collect()
    }

    fn text(&self) -> String {
        self.lines().join("\n")
    }

    /// Every line written, as text without escape codes.
    fn written_lines(&self) -> Vec<String> {
        let text = String::from_utf8_lossy(&self.bytes()).into_owned();
        strip_escapes(&text)
            .split(['\n', '\r'])
            .map(str::to_string)
            .collect()
    }
}

fn strip_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A seed whose first `n` questions satisfy `ok`.
fn seed_where(bank: &Bank, n: usize, ok: impl Fn(&[Item]) -> bool) -> u64 {
    (0..10_000)
        .find(|&seed| ok(&seeded_items(bank, n, seed)))
        .expect("a seed")
}

fn kind(bank: &Bank, item: &Item) -> QuestionKind {
    bank.questions[item.question].kind()
}

/// What the quiz's answered line shows for a given answer.
fn shown_answer(bank: &Bank, item: &Item, right: bool) -> String {
    let text = if right {
        right_answer(bank, item)
    } else {
        wrong_answer(bank, item)
    };
    match kind(bank, item) {
        QuestionKind::Truefalse if text == "true" => "True".into(),
        QuestionKind::Truefalse => "False".into(),
        _ => text,
    }
}

fn answer_on(s: &mut Screen, bank: &Bank, item: &Item, right: bool) {
    answer(&mut s.p, bank, item, right);
}

#[test]
fn the_mark_on_the_answered_line_follows_the_verdict() {
    let bank = shipped();
    let seed = seed_with_every_kind(&bank, 3);
    let items = seeded_items(&bank, 3, seed);
    for color in [true, false] {
        let env = Env::new();
        let seed_arg = seed.to_string();
        let mut s = Screen::spawn(
            &env,
            &["quiz", "--count", "3", "--seed", &seed_arg, "--no-history"],
            color,
            200,
            100,
        );
        for (i, item) in items.iter().enumerate() {
            let right = i == 1;
            s.exp(&format!("Question {} of 3", i + 1));
            answer_on(&mut s, &bank, item, right);
            s.exp(if right { "Right!" } else { "Wrong." });
        }
        s.exp("missed question");
        s.exp("?");
        s.p.send("n").unwrap();
        s.p.flush().unwrap();
        s.eof();
        let lines = s.lines();
        for (i, item) in items.iter().enumerate() {
            let right = i == 1;
            let given = shown_answer(&bank, item, right);
            let answered: Vec<&String> = lines
                .iter()
                .filter(|l| l.trim_end().ends_with(&format!(" · {given}")))
                .collect();
            assert_eq!(answered.len(), 1, "color {color}, {given:?}:\n{}", s.text());
            let mark = if right { "✔ " } else { "✘ " };
            assert!(
                answered[0].starts_with(mark),
                "color {color}: {:?} should start with {mark}\n{}",
                answered[0],
                s.text()
            );
        }
        // Without color, the verdict is still said in words.
        assert!(lines.iter().any(|l| l.starts_with("✔ Right!")));
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("✘ Wrong.")).count(),
            2
        );
    }
}

#[test]
fn no_color_means_no_color_codes_and_verdicts_in_words() {
    let bank = shipped();
    let items = seeded_items(&bank, 2, 5);
    let env = Env::new();
    let mut s = Screen::spawn(
        &env,
        &["quiz", "--count", "2", "--seed", "5", "--no-history"],
        false,
        100,
        100,
    );
    s.exp("Question 1 of 2");
    answer_on(&mut s, &bank, &items[0], true);
    s.exp("Question 2 of 2");
    answer_on(&mut s, &bank, &items[1], false);
    s.exp("missed question");
    s.exp("?");
    s.p.send("n").unwrap();
    s.p.flush().unwrap();
    s.eof();
    let text = String::from_utf8_lossy(&s.bytes()).into_owned();
    // SGR codes (ESC [ … m) set colors and bold; cursor moves are fine.
    let sgr = text.match_indices("\x1b[").any(|(i, _)| {
        text[i + 2..]
            .chars()
            .find(|c| !c.is_ascii_digit() && *c != ';')
            == Some('m')
    });
    assert!(!sgr, "NO_COLOR, yet a color code: {text:?}");
    let screen = s.text();
    assert!(screen.contains("✔ Right!"), "{screen}");
    assert!(screen.contains("✘ Wrong. The answer is:"), "{screen}");
    assert!(screen.contains("Missed:"), "{screen}");
    // The answered lines carry the mark too, not only color.
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with("✔ ") && l.contains(" · ")),
        "{screen}"
    );
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with("✘ ") && l.contains(" · ")),
        "{screen}"
    );
}

#[test]
fn the_summary_comes_before_the_retry_which_has_its_own_score() {
    let bank = shipped();
    let seed = seed_with_every_kind(&bank, 3);
    let items = seeded_items(&bank, 3, seed);
    let env = Env::new();
    let seed_arg = seed.to_string();
    let mut s = Screen::spawn(
        &env,
        &["quiz", "--count", "3", "--seed", &seed_arg, "--no-history"],
        false,
        200,
        100,
    );
    // Wrong, wrong, right; then one of the two right on retry.
    for (i, item) in items.iter().enumerate() {
        s.exp(&format!("Question {} of 3", i + 1));
        answer_on(&mut s, &bank, item, i == 2);
        s.exp(if i == 2 { "Right!" } else { "Wrong." });
    }
    let before_offer = s.exp("missed question");
    assert!(before_offer.contains("Finished"), "{before_offer:?}");
    assert!(before_offer.contains("Score: 1/3"), "{before_offer:?}");
    assert!(before_offer.contains("Missed:"), "{before_offer:?}");
    s.p.send("y").unwrap();
    s.p.flush().unwrap();
    s.exp("Retry 1 of 2");
    answer_on(&mut s, &bank, &items[0], true);
    s.exp("Retry score: 1/1");
    s.exp("Retry 2 of 2");
    answer_on(&mut s, &bank, &items[1], false);
    s.exp("Retry score: 1/2");
    s.eof();
    let screen = s.text();
    let offer = screen.find("missed question").unwrap();
    let after = &screen[offer..];
    // The first round's score is not repeated during the retry.
    assert!(
        !after.contains("Score: 1/3") && !after.contains("  Score: "),
        "{after}"
    );
    assert!(after.contains("Retry: 1/2 right"), "{after}");
    // Still missed: only the one wrong again, not the one put right.
    let still = &after[after.find("Still missed:").expect("still missed")..];
    let prompt = |i: usize| bank.questions[items[i].question].prompt.clone();
    let flat = still.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = |p: String| p.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&words(prompt(1))), "{still}");
    assert!(!flat.contains(&words(prompt(0))), "{still}");
    assert_eq!(after.matches("Missed:").count(), 0, "{after}");
}

#[test]
fn ctrl_c_clears_the_abandoned_prompt() {
    let bank = shipped();
    for second in [
        QuestionKind::Choice,
        QuestionKind::Truefalse,
        QuestionKind::Open,
    ] {
        let seed = seed_where(&bank, 3, |it| kind(&bank, &it[1]) == second);
        let items = seeded_items(&bank, 3, seed);
        let env = Env::new();
        let seed_arg = seed.to_string();
        let mut s = Screen::spawn(
            &env,
            &["quiz", "--count", "3", "--seed", &seed_arg],
            true,
            100,
            80,
        );
        s.exp("Question 1 of 3");
        answer_on(&mut s, &bank, &items[0], true);
        s.exp("Question 2 of 3");
        s.exp(if second == QuestionKind::Truefalse {
            "False"
        } else {
            "Your answer"
        });
        // Let the prompt set the terminal up before typing into it.
        std::thread::sleep(std::time::Duration::from_millis(300));
        if second == QuestionKind::Open {
            s.p.send("half an ans").unwrap();
            s.p.flush().unwrap();
            s.exp("ans");
        }
        s.p.send_control('c').unwrap();
        s.exp("Interrupted");
        s.eof();
        assert_eq!(exit_code(&s.p), 130);
        let screen = s.text();
        let q = &bank.questions[items[1].question];
        let first_words: String = q
            .prompt
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(!screen.contains("Question 2 of 3"), "{second:?}:\n{screen}");
        assert!(!screen.contains(&first_words), "{second:?}:\n{screen}");
        // The prompts of the first, answered question stay ("✔ … · …").
        let widget = |l: &&str| {
            (l.contains("Your answer") || l.contains("True or false?")) && !l.contains(" · ")
        };
        assert!(!screen.lines().any(|l| widget(&l)), "{second:?}:\n{screen}");
        if let QuestionBody::Choice { choices, .. } = &q.body {
            for c in choices {
                assert!(
                    !screen
                        .lines()
                        .any(|l| l.trim() == c || l.trim_start_matches("> ").trim() == c),
                    "{second:?}: choice {c:?} left:\n{screen}"
                );
            }
        }
        assert!(screen.contains("Unanswered: 2"), "{screen}");
        // What was answered stays.
        assert!(screen.contains("Question 1 of 3"), "{screen}");
    }
}

#[test]
fn text_wraps_at_word_boundaries_in_an_80_column_terminal() {
    let bank = shipped();
    let seed = seed_with_every_kind(&bank, 3);
    let items = seeded_items(&bank, 3, seed);
    let longest = items
        .iter()
        .map(|it| {
            bank.fact(&bank.questions[it.question].fact)
                .unwrap()
                .quote
                .chars()
                .count()
        })
        .max()
        .unwrap();
    assert!(
        longest > 80,
        "the test needs a quote wider than the terminal"
    );
    let env = Env::new();
    let seed_arg = seed.to_string();
    let mut s = Screen::spawn(
        &env,
        &["quiz", "--count", "3", "--seed", &seed_arg, "--no-history"],
        true,
        200,
        80,
    );
    for (i, item) in items.iter().enumerate() {
        s.exp(&format!("Question {} of 3", i + 1));
        answer_on(&mut s, &bank, item, i != 0);
        s.exp("Score:");
    }
    s.exp("missed question");
    s.exp("?");
    s.p.send("n").unwrap();
    s.p.flush().unwrap();
    s.eof();
    assert_lines_fit(&s.written_lines(), 80);
    // Every quote and explanation reads whole once the lines are joined.
    let flat = s
        .lines()
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    for item in &items {
        let q = &bank.questions[item.question];
        let quote = &bank.fact(&q.fact).unwrap().quote;
        for text in [quote.trim(), q.explanation.trim()] {
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains(&words),
                "{words:?} not whole in:\n{}",
                s.text()
            );
        }
    }
}

fn assert_lines_fit(lines: &[String], cols: usize) {
    for l in lines {
        let width = l.chars().count();
        assert!(width <= cols, "{width} columns: {l:?}");
    }
}

#[test]
fn verify_facts_and_stats_wrap_in_an_80_column_terminal() {
    let env = Env::new();
    // Some history for stats to show.
    let out = env
        .cmd()
        .args(["quiz", "--count", "4", "--seed", "3"])
        .write_stdin("1\n1\n1\n1\n")
        .output()
        .unwrap();
    assert_eq!(common::code(&out), 0);
    for args in [
        &[
            "verify",
            "Before the COVID-19 pandemic, about 14,000 South Koreans visited Cuba every year, the article says.",
        ][..],
        &["facts"],
        &["stats"],
    ] {
        let mut s = Screen::spawn(&env, args, true, 200, 80);
        s.eof();
        let lines = s.written_lines();
        assert!(
            lines.iter().filter(|l| !l.trim().is_empty()).count() > 2,
            "{args:?}"
        );
        assert_lines_fit(&lines, 80);
    }
}
