//! Hostile text and endless input: escape codes in statements, bank
//! strings, paths and typed answers never reach a text output as control
//! characters, JSON keeps them exactly, and `/dev/zero` as any input ends
//! with a clear exit code in bounded memory.

mod common;

use std::os::unix::process::CommandExt;
use std::process::Stdio;

use common::{Env, code, stderr, stdout};
use serde_json::Value as Json;

/// A title change, a screen clear, a C1 CSI, DEL, a carriage return and a
/// right-to-left override.
const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{7f}\r\u{202e}x";

/// No byte below 0x20 but newline and tab, no DEL, no C1 control.
fn assert_clean(what: &str, text: &str) {
    for c in text.chars() {
        let bad = (c < ' ' && c != '\n' && c != '\t') || ('\u{7f}'..='\u{9f}').contains(&c);
        assert!(!bad, "{what}: raw {c:?} in {text:?}");
    }
}

/// Clean, and the escape shown as a visible `\x1b`.
fn assert_shown(what: &str, text: &str) {
    assert_clean(what, text);
    assert!(
        text.contains("\\x1b]0;pwned"),
        "{what}: the escape is shown: {text:?}"
    );
}

fn hostile_bank(env: &Env) -> std::path::PathBuf {
    env.write("hostile.json", common::hostile_bank(EVIL).to_string())
}

fn run(env: &Env, args: &[&str], input: &str) -> std::process::Output {
    env.cmd().args(args).write_stdin(input).output().unwrap()
}

#[test]
fn hostile_statements_in_every_verify_output() {
    let env = Env::new();
    let statement = format!("Cuba{EVIL} has strong ties with North Korea");
    // Codes alone, around and inside words: read as if absent.
    let coded = "\u{1b}[31mCuba\u{1b}[0m has \u{1b}]0;t\u{7}strong ties with North\u{8}Korea";
    let file = env.write("s.txt", format!("{statement}\n"));
    for args in [
        vec!["verify", statement.as_str()],
        vec!["verify", "--file", file.to_str().unwrap()],
    ] {
        let out = run(&env, &args, "");
        assert!(matches!(code(&out), 0 | 1 | 3), "{}", stderr(&out));
        assert_shown("verify text", &stdout(&out));
    }
    // JSON keeps the statement exactly; the verdict reads through the codes.
    let out = run(&env, &["verify", "--format", "json", coded], "");
    let recs: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(recs[0]["statement"], coded);
    let plain = run(
        &env,
        &[
            "verify",
            "--format",
            "json",
            "Cuba has strong ties with North Korea",
        ],
        "",
    );
    let plain: Json = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(recs[0]["verdict"], plain[0]["verdict"]);
    assert_eq!(recs[0]["fact_id"], plain[0]["fact_id"]);
}

#[test]
fn hostile_bank_strings_in_facts_stats_check_and_the_plain_quiz() {
    let env = Env::new();
    let bank = hostile_bank(&env);
    let b = bank.to_str().unwrap();
    let quiz = run(
        &env,
        &["--bank", b, "quiz", "--count", "4", "--seed", "3"],
        &format!("1\nfalse\nx{EVIL}\n2\n"),
    );
    assert_eq!(code(&quiz), 0, "{}", stderr(&quiz));
    assert_shown("quiz transcript", &stdout(&quiz));
    let outputs = [
        ("facts", run(&env, &["--bank", b, "facts"], "")),
        ("stats", run(&env, &["--bank", b, "stats"], "")),
        ("bank check", run(&env, &["bank", "check", b], "")),
        (
            "export csv",
            run(&env, &["history", "export", "--format", "csv"], ""),
        ),
        (
            "verify",
            run(&env, &["--bank", b, "verify", "Cuba has strong ties"], ""),
        ),
    ];
    for (what, out) in outputs {
        assert!(
            matches!(code(&out), 0 | 1 | 3 | 4),
            "{what}: {}",
            stderr(&out)
        );
        let text = format!("{}{}", stdout(&out), stderr(&out));
        if what == "verify" || what == "bank check" {
            assert_clean(what, &text);
        } else {
            assert_shown(what, &text);
        }
    }
    // The quiz's JSON summary keeps the bank's strings exactly.
    let json = run(
        &env,
        &[
            "--bank", b, "quiz", "--count", "1", "--seed", "3", "--format", "json",
        ],
        "1\n",
    );
    let s: Json = serde_json::from_slice(&json.stdout).unwrap();
    assert!(s["answers"][0]["prompt"].as_str().unwrap().ends_with(EVIL));
}

#[test]
fn hostile_paths_topics_and_answers_in_errors_and_warnings() {
    let env = Env::new();
    let path = format!("missing{EVIL}.json");
    let cases: [(&[&str], i32); 4] = [
        (&["--bank", &path, "facts"], 4),
        (&["facts", "--topic", EVIL], 2),
        (&["bank", "check", &path], 4),
        (&["verify", "--file", &path], 4),
    ];
    for (args, want) in cases {
        let out = run(&env, args, "");
        assert_eq!(code(&out), want, "{args:?}");
        assert_shown("error", &stderr(&out));
    }
    // clap quotes a value as typed in its one-line usage error (its own
    // rendering drops some escape sequences whole).
    let out = run(&env, &["verify", "--format", EVIL, "x"], "");
    assert_eq!(code(&out), 2);
    assert_clean("usage error", &stderr(&out));
    // A history folder named with escape codes, in the quiz's warning.
    let home = env.path().join(format!("home{EVIL}"));
    std::fs::write(&home, "a file, not a folder").unwrap();
    let out = env
        .cmd()
        .env("FACTCHECK_HOME", &home)
        .args(["quiz", "--count", "1", "--seed", "1"])
        .write_stdin(format!("{EVIL}\n1\n"))
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    assert_shown("warning", &stderr(&out));
    assert_shown("echoed answer", &stdout(&out));
}

#[test]
fn statement_limits() {
    let env = Env::new();
    let long = "word ".repeat(2_001);
    let out = run(&env, &["verify", &long], "");
    assert_eq!(code(&out), 2, "a longer argument is a usage error");
    assert!(stderr(&out).contains("10000"), "{}", stderr(&out));
    let file = env.write("long.txt", format!("Cuba is a country\n{long}\n"));
    let out = run(&env, &["verify", "--file", file.to_str().unwrap()], "");
    assert_eq!(code(&out), 4);
    assert!(
        stderr(&out).contains("long.txt:2: a statement is longer than 10000 bytes"),
        "{}",
        stderr(&out)
    );
    let exactly = "word ".repeat(2_000);
    assert!(matches!(
        code(&run(&env, &["verify", &exactly], "")),
        0 | 1 | 3
    ));
}

/// The binary with its address space capped: reading an endless input
/// into memory would make it fail to allocate and abort.
fn capped(env: &Env, args: &[&str], stdin: Stdio) -> std::process::Output {
    const CAP: u64 = 512 * 1024 * 1024;
    let mut cmd = env.std_cmd();
    cmd.args(args).stdin(stdin);
    // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child.
    unsafe {
        cmd.pre_exec(|| {
            nix::sys::resource::setrlimit(nix::sys::resource::Resource::RLIMIT_AS, CAP, CAP)
                .map_err(std::io::Error::from)
        });
    }
    cmd.output().unwrap()
}

#[test]
fn dev_zero_as_every_input_ends_clearly_in_bounded_memory() {
    let env = Env::new();
    let zero = || Stdio::from(std::fs::File::open("/dev/zero").unwrap());
    let cases: [(&[&str], Stdio, &str); 4] = [
        (
            &["verify", "--file", "/dev/zero"],
            Stdio::null(),
            "/dev/zero:1: a statement is longer",
        ),
        (
            &["verify", "--file", "-"],
            zero(),
            "-:1: a statement is longer",
        ),
        (
            &["--bank", "/dev/zero", "facts"],
            Stdio::null(),
            "a bank is at most",
        ),
        (
            &["quiz", "--count", "1", "--no-history"],
            zero(),
            "an answer is longer",
        ),
    ];
    for (args, stdin, message) in cases {
        let out = capped(&env, args, stdin);
        assert_eq!(code(&out), 4, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn typed_open_answers_are_read_without_escape_codes() {
    let env = Env::new();
    let bank = common::shipped();
    let items = common::seeded_items_of(&bank, 1, 5, &[factcheck::bank::QuestionKind::Open]);
    let right = common::right_answer(&bank, &items[0]);
    let typed = format!("\u{1b}[31m{right}\u{1b}[0m\u{7}");
    let out = run(
        &env,
        &[
            "quiz",
            "--kind",
            "open",
            "--count",
            "1",
            "--seed",
            "5",
            "--format",
            "json",
            "--no-history",
        ],
        &format!("{typed}\n"),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let s: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["answers"][0]["correct"], true, "{typed:?}");
    assert_eq!(
        s["answers"][0]["given"],
        typed.as_str(),
        "JSON keeps it exactly"
    );
    assert_clean("feedback", &stderr(&out));
}
