//! Command-line conventions: version, help, usage errors, color,
//! completions, the man page, broken pipes.

mod common;

use std::io::Read;
use std::process::Stdio;

use common::{Env, code, stderr, stdout};

#[test]
fn version_and_help_exit_zero() {
    let env = Env::new();
    let out = env.cmd().arg("--version").output().unwrap();
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).starts_with("factcheck "));
    let out = env.cmd().arg("--help").output().unwrap();
    assert_eq!(code(&out), 0);
    for sub in [
        "verify",
        "quiz",
        "facts",
        "bank",
        "stats",
        "completions",
        "man",
    ] {
        assert!(stdout(&out).contains(sub), "help lists {sub}");
    }
}

#[test]
fn bad_flags_and_missing_subcommand_are_usage_errors() {
    let env = Env::new();
    for args in [
        &["--nope"][..],
        &[],
        &["verify", "--format", "xml", "x"],
        &["quiz", "--count", "0"],
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "{args:?}: usage errors print nothing on stdout"
        );
    }
}

#[test]
fn errors_are_one_line_prefixed_with_the_tool_name() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["--bank", "/nonexistent/bank.json", "facts"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 4);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("factcheck: cannot read /nonexistent/bank.json"),
        "{err}"
    );
}

#[test]
fn color_is_decided_by_flag_no_color_and_term() {
    let env = Env::new();
    let verify = |extra: &[&str], vars: &[(&str, &str)]| {
        let mut c = env.cmd();
        c.args(extra)
            .args(["verify", "The letters were exchanged in New York."]);
        for (k, v) in vars {
            c.env(k, v);
        }
        stdout(&c.output().unwrap())
    };
    assert!(verify(&["--color", "always"], &[]).contains("\x1b["));
    assert!(!verify(&["--color", "never"], &[]).contains("\x1b["));
    // Not a terminal: auto means no color.
    assert!(!verify(&[], &[]).contains("\x1b["));
    assert!(
        !verify(
            &["--color", "auto"],
            &[("NO_COLOR", "1"), ("TERM", "xterm")]
        )
        .contains("\x1b[")
    );
    assert!(!verify(&[], &[("TERM", "dumb")]).contains("\x1b["));
}

#[test]
fn completions_for_every_shell() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = env.cmd().args(["completions", shell]).output().unwrap();
        assert_eq!(code(&out), 0, "{shell}");
        let text = stdout(&out);
        assert!(text.contains("factcheck"), "{shell}");
        assert!(
            text.contains("verify") && text.contains("quiz"),
            "{shell} completes subcommands"
        );
    }
    let out = env.cmd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(code(&out), 2);
}

#[test]
fn bash_completion_script_is_valid_bash() {
    let env = Env::new();
    let out = env.cmd().args(["completions", "bash"]).output().unwrap();
    let script = env.write("factcheck.bash", &out.stdout);
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn man_page_is_roff_with_every_subcommand() {
    let env = Env::new();
    let out = env.cmd().arg("man").output().unwrap();
    assert_eq!(code(&out), 0);
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH factcheck"),
        "{}",
        &page[..80]
    );
    assert!(page.contains(".TH factcheck"));
    for sub in ["verify", "quiz", "facts", "bank", "stats", "history"] {
        assert!(page.contains(sub), "man page mentions {sub}");
    }
}

#[test]
fn broken_pipe_exits_quietly() {
    let env = Env::new();
    // Far more output than a pipe buffer holds, so the write really fails.
    let lines = "Cuba still has strong ties with North Korea.\n".repeat(5000);
    env.write("many.txt", lines);
    for format in ["text", "jsonl", "json", "claimreview"] {
        closed_pipe_is_quiet(&env, &["verify", "--format", format, "--file", "many.txt"]);
    }
}

fn closed_pipe_is_quiet(env: &Env, args: &[&str]) {
    let mut child = env
        .std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe, as `| head -c1` would.
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn broken_pipe_in_a_shell_pipeline() {
    let env = Env::new();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' facts | head -1", common::BIN))
        .env_clear()
        .env("HOME", env.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_eq!(stdout(&out).lines().count(), 1);
}

/// Runs the binary with its stdout on a pipe whose reading end is already
/// closed: the first write fails, as in `factcheck … | head -1` once head
/// has gone.
fn run_into_closed_pipe(env: &Env, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    env.std_cmd()
        .args(args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn completions_into_a_closed_pipe_exit_quietly() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run_into_closed_pipe(&env, &["completions", shell]);
        assert_eq!(code(&out), 0, "{shell}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "{shell}: {}", stderr(&out));
    }
}

#[test]
fn usage_errors_are_one_line_in_the_tools_voice() {
    let env = Env::new();
    for (args, wants) in [
        (&["quiz", "--count", "0"][..], &["1 or more", "--count"][..]),
        (&["quiz", "--count", "-1"], &["1 or more", "--count"]),
        (&["quiz", "--count", "many"], &["1 or more"]),
        (&["quiz", "--pass-mark", "101"], &["from 0 to 100"]),
        (&["quiz", "--pass-mark", "-5"], &["from 0 to 100"]),
        (&["--nope"], &["--nope", "factcheck --help"]),
        (
            &["verify", "--format", "xml", "x"],
            &["xml", "factcheck verify --help"],
        ),
        (&["quiz", "--cuont", "3"], &["--cuont", "--count"]),
        (&[], &["subcommand"]),
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(code(&out), 2, "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("factcheck: "), "{args:?}: {err}");
        assert!(!err.contains("4294967295"), "{args:?}: {err}");
        assert!(!err.contains("unexpected argument '-1'"), "{args:?}: {err}");
        for want in wants {
            assert!(err.contains(want), "{args:?}: {want:?} not in {err}");
        }
    }
}

#[test]
fn every_subcommand_help_has_examples_and_exit_codes() {
    let env = Env::new();
    for sub in [
        &["verify"][..],
        &["quiz"],
        &["facts"],
        &["bank"],
        &["bank", "check"],
        &["stats"],
        &["history"],
        &["completions"],
        &["man"],
    ] {
        let out = env.cmd().args(sub).arg("--help").output().unwrap();
        assert_eq!(code(&out), 0, "{sub:?}");
        let help = stdout(&out);
        assert!(help.contains("Examples:"), "{sub:?}: {help}");
        assert!(help.contains("Exit codes"), "{sub:?}: {help}");
        assert!(help.contains("  0  "), "{sub:?}: {help}");
    }
    let out = env.cmd().arg("--help").output().unwrap();
    for var in ["FACTCHECK_BANK", "FACTCHECK_HOME", "NO_COLOR"] {
        assert!(stdout(&out).contains(var), "main help names {var}");
    }
}

#[test]
fn quiz_help_lists_topics_protocol_ctrl_c_and_history() {
    let env = Env::new();
    let out = env.cmd().args(["quiz", "--help"]).output().unwrap();
    let help = stdout(&out);
    for topic in common::shipped().topics() {
        assert!(help.contains(topic), "{topic}: {help}");
    }
    for want in [
        "plain protocol",
        "Ctrl-C",
        "130",
        "FACTCHECK_HOME",
        "history.db",
    ] {
        assert!(help.contains(want), "{want}: {help}");
    }
}

#[test]
fn man_dir_writes_one_page_per_command_and_every_page_it_names() {
    let env = Env::new();
    let dir = env.path().join("man1");
    let out = env.cmd().args(["man", "--dir"]).arg(&dir).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for want in [
        "factcheck.1",
        "factcheck-verify.1",
        "factcheck-quiz.1",
        "factcheck-facts.1",
        "factcheck-bank.1",
        "factcheck-bank-check.1",
        "factcheck-stats.1",
        "factcheck-history.1",
        "factcheck-history-export.1",
        "factcheck-history-path.1",
        "factcheck-completions.1",
        "factcheck-man.1",
    ] {
        assert!(pages.contains(&want.to_string()), "{want} in {pages:?}");
    }
    for page in &pages {
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        assert!(text.contains(".TH"), "{page}");
        for section in ["ENVIRONMENT", "FILES", "EXIT STATUS"] {
            assert!(
                text.contains(&format!(".SH {section}"))
                    || text.contains(&format!(".SH \"{section}\"")),
                "{page}: {section}"
            );
        }
        assert!(
            text.contains("FACTCHECK_HOME") && text.contains("FACTCHECK_BANK"),
            "{page}"
        );
        // Every page a page refers to, as factcheck-NAME(1), exists.
        for (i, _) in text.match_indices("factcheck\\-") {
            let name: String = text[i..]
                .replace("\\-", "-")
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if text[i..].replace("\\-", "-")[name.len()..].starts_with("(1)") {
                assert!(
                    pages.contains(&format!("{name}.1")),
                    "{page} refers to {name}(1)"
                );
            }
        }
    }
    // Without --dir, the main page goes to stdout, with the same sections.
    let out = env.cmd().arg("man").output().unwrap();
    assert!(stdout(&out).contains(".SH ENVIRONMENT"));
}
