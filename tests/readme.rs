//! The README's examples, run: every ```console block's `$ factcheck …`
//! commands are executed in order, in one temporary home with a cleared
//! environment, and what they print must be what the README shows, so
//! that the examples cannot go stale.
//!
//! In the README's expected output, `[..]` stands for any text within a
//! line (a duration, a date). A command that fails must be followed by
//! `$ echo $?` showing its exit code.

mod common;

use std::path::Path;
use std::process::Command;

use common::Env;

/// One `$ command` of a console block and the lines it should print.
#[derive(Debug)]
struct Example {
    line: usize,
    command: String,
    expected: Vec<String>,
}

/// The commands of every ```console block, in order.
fn examples(readme: &str) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let mut in_console = false;
    let mut continued = false;
    for (i, line) in readme.lines().enumerate() {
        if line.starts_with("```") {
            in_console = !in_console && line.trim() == "```console";
            continued = false;
            continue;
        }
        if !in_console {
            continue;
        }
        if continued {
            let last = out.last_mut().expect("a command to continue");
            last.command.push('\n');
            last.command.push_str(line);
            continued = line.ends_with('\\');
        } else if let Some(command) = line.strip_prefix("$ ") {
            out.push(Example {
                line: i + 1,
                command: command.to_string(),
                expected: Vec::new(),
            });
            continued = line.ends_with('\\');
        } else {
            let last = out.last_mut().expect("output after a command");
            last.expected.push(line.to_string());
        }
    }
    out
}

/// Whether `actual` is `pattern`, each `[..]` in it matching any text.
fn line_matches(pattern: &str, actual: &str) -> bool {
    let mut parts = pattern.split("[..]");
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (k, part) in parts.iter().enumerate() {
        if k + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

fn output_matches(expected: &[String], actual: &str) -> bool {
    let actual: Vec<&str> = actual.lines().collect();
    actual.len() == expected.len()
        && expected
            .iter()
            .zip(&actual)
            .all(|(e, a)| line_matches(e, a))
}

fn run(env: &Env, bin_dir: &Path, command: &str) -> (i32, String) {
    let out = Command::new("/bin/sh")
        .arg("-c")
        .arg(format!("{command} 2>&1"))
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .env("HOME", env.path())
        .env("XDG_DATA_HOME", env.data_home())
        .current_dir(env.path())
        .output()
        .unwrap();
    (
        out.status.code().expect("exited"),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

#[test]
fn readme_console_examples_print_what_the_readme_shows() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let examples = examples(&readme);
    assert!(examples.len() >= 8, "{} examples found", examples.len());
    let env = Env::new();
    // The files the examples name (the article of "your own article").
    let files = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/readme");
    for entry in std::fs::read_dir(files).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, env.path().join(path.file_name().unwrap())).unwrap();
    }
    let bin_dir = Path::new(common::BIN).parent().unwrap();
    let mut failures = Vec::new();
    let mut last_status = 0;
    let mut unchecked: Option<&Example> = None;
    for ex in &examples {
        let (status, printed) = if ex.command == "echo $?" {
            unchecked = None;
            (0, format!("{last_status}\n"))
        } else {
            if let Some(prev) = unchecked {
                failures.push(format!(
                    "README.md:{}: `{}` exited {last_status}; show it with `$ echo $?`",
                    prev.line, prev.command
                ));
            }
            let (status, printed) = run(&env, bin_dir, &ex.command);
            last_status = status;
            unchecked = (status != 0).then_some(ex);
            (status, printed)
        };
        if !output_matches(&ex.expected, &printed) {
            failures.push(format!(
                "README.md:{}: `{}` (exit {status}) printed:\n{printed}\nthe README shows:\n{}\n",
                ex.line,
                ex.command,
                ex.expected.join("\n")
            ));
        }
    }
    if let Some(prev) = unchecked {
        failures.push(format!(
            "README.md:{}: `{}` exited {last_status}; show it with `$ echo $?`",
            prev.line, prev.command
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn examples_are_found_with_their_continuations_and_output() {
    let text = "intro\n```console\n$ factcheck a \\\n    b\none\ntwo\n$ echo $?\n1\n```\n\
                ```sh\n$ not run\n```\n";
    let ex = examples(text);
    assert_eq!(ex.len(), 2, "{ex:?}");
    assert_eq!(ex[0].command, "factcheck a \\\n    b");
    assert_eq!(ex[0].expected, ["one", "two"]);
    assert_eq!(ex[1].command, "echo $?");
    assert_eq!(ex[0].line, 3);
}

#[test]
fn wildcards_match_within_a_line_only() {
    for (pattern, actual, want) in [
        (
            "Score: 3/3 (100%) in [..]",
            "Score: 3/3 (100%) in 0m 01s",
            true,
        ),
        (
            "Score: 3/3 (100%) in [..]",
            "Score: 2/3 (66.7%) in 0m 01s",
            false,
        ),
        ("a [..] c [..] e", "a b c d e", true),
        ("a [..] c", "a b d", false),
        ("exact", "exact", true),
        ("exact", "exactly", false),
        ("[..]", "", true),
    ] {
        assert_eq!(
            line_matches(pattern, actual),
            want,
            "{pattern:?} ~ {actual:?}"
        );
    }
    assert!(!output_matches(&["one".into()], "one\ntwo\n"));
}
