//! The quiz without a terminal: the plain line protocol, JSON summaries,
//! exit codes, the history, and interruption.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use common::{Env, code, right_answer, seeded_items, shipped, stderr, stdout, wrong_answer};
use serde_json::Value as Json;

fn answers(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn quiz_json(env: &Env, args: &[&str], input: String) -> (i32, Json, String) {
    let out = env
        .cmd()
        .args(["quiz", "--format", "json"])
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    let summary: Json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}\nstdout: {}\nstderr: {}", stdout(&out), stderr(&out)));
    (code(&out), summary, stderr(&out))
}

#[test]
fn seeded_session_answered_from_stdin() {
    let env = Env::new();
    let bank = shipped();
    let items = seeded_items(&bank, 6, 42);
    // Right, wrong, right, wrong, ...
    let given: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            if i % 2 == 0 {
                right_answer(&bank, it)
            } else {
                wrong_answer(&bank, it)
            }
        })
        .collect();
    let (c, s, err) = quiz_json(&env, &["--count", "6", "--seed", "42"], answers(&given));
    assert_eq!(c, 0, "no pass mark: exit 0");
    assert_eq!(s["seed"], 42);
    assert_eq!(s["questions"], 6);
    assert_eq!(s["answered"], 6);
    assert_eq!(s["right"], 3);
    assert_eq!(s["wrong"], 3);
    assert_eq!(s["score_percent"], 50.0);
    assert_eq!(s["interrupted"], false);
    let answered = s["answers"].as_array().unwrap();
    for (i, (a, it)) in answered.iter().zip(&items).enumerate() {
        assert_eq!(a["question"], bank.questions[it.question].id.as_str());
        assert_eq!(a["correct"], i % 2 == 0, "answer {i}: {a}");
    }
    // In JSON mode the questions and feedback go to stderr.
    assert!(err.contains("Question 1 of 6"));
    assert!(err.contains("Right!") && err.contains("Wrong."));
    for (args, want) in [
        (&["--pass-mark", "60"][..], 1),
        (&["--pass-mark", "50"], 0),
        (&["--pass-mark", "0"], 0),
    ] {
        let mut all = vec!["--count", "6", "--seed", "42", "--no-history"];
        all.extend_from_slice(args);
        let (c, s, _) = quiz_json(&env, &all, answers(&given));
        assert_eq!(c, want, "{args:?}");
        assert_eq!(s["passed"], want == 0);
    }
}

#[test]
fn the_same_seed_gives_the_same_quiz() {
    let env = Env::new();
    let run = |seed: &str| {
        let out = env
            .cmd()
            .args(["quiz", "--no-history", "--count", "8", "--seed", seed])
            .write_stdin("")
            .output()
            .unwrap();
        stdout(&out)
    };
    assert_eq!(run("9"), run("9"));
    assert_ne!(run("9"), run("10"));
}

#[test]
fn every_question_can_be_answered_right_and_wrong() {
    let env = Env::new();
    let bank = shipped();
    let n = bank.questions.len();
    let items = seeded_items(&bank, n, 1);
    let count = n.to_string();
    let args = [
        "--count",
        count.as_str(),
        "--seed",
        "1",
        "--no-history",
        "--pass-mark",
        "100",
    ];
    let right: Vec<String> = items.iter().map(|it| right_answer(&bank, it)).collect();
    let (c, s, _) = quiz_json(&env, &args, answers(&right));
    let wrong_ones: Vec<&Json> = s["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["correct"] != true)
        .collect();
    assert!(
        wrong_ones.is_empty(),
        "right answers graded wrong: {wrong_ones:#?}"
    );
    assert_eq!(s["answered"], n, "{s:#}");
    assert_eq!(c, 0);
    assert_eq!(s["right"], n);
    let wrong: Vec<String> = items.iter().map(|it| wrong_answer(&bank, it)).collect();
    let (c, s, _) = quiz_json(&env, &args, answers(&wrong));
    assert_eq!(c, 1);
    assert_eq!(s["right"], 0, "{s:#}");
    assert_eq!(s["answered"], n);
}

#[test]
fn choices_by_number_and_lenient_open_answers() {
    let env = Env::new();
    let bank = shipped();
    // Numbers pick the choice shown at that position.
    let items = seeded_items(&bank, bank.questions.len(), 3);
    let input: Vec<String> = items
        .iter()
        .map(|it| match &bank.questions[it.question].body {
            factcheck::bank::QuestionBody::Choice { answer, choices } => {
                let pos = it
                    .order
                    .iter()
                    .position(|&c| &choices[c] == answer)
                    .unwrap();
                (pos + 1).to_string()
            }
            factcheck::bank::QuestionBody::Truefalse { answer } => {
                if *answer { "yes" } else { "no" }.into()
            }
            _ => right_answer(&bank, it),
        })
        .collect();
    let count = bank.questions.len().to_string();
    let (_, s, _) = quiz_json(
        &env,
        &["--count", &count, "--seed", "3", "--no-history"],
        answers(&input),
    );
    assert_eq!(s["right"], bank.questions.len());
}

#[test]
fn unclear_answers_are_asked_again() {
    let env = Env::new();
    let bank = shipped();
    let items = common::seeded_items_of(&bank, 1, 5, &[factcheck::bank::QuestionKind::Choice]);
    let right = right_answer(&bank, &items[0]);
    let input = format!("\n99\nmaybe\n{right}\n");
    let (c, s, err) = quiz_json(
        &env,
        &[
            "--count",
            "1",
            "--seed",
            "5",
            "--kind",
            "choice",
            "--no-history",
        ],
        input,
    );
    assert_eq!(c, 0);
    assert_eq!(s["right"], 1);
    assert_eq!(err.matches("Not understood").count(), 3, "{err}");
}

#[test]
fn end_of_input_stops_with_the_summary() {
    let env = Env::new();
    let bank = shipped();
    let items = seeded_items(&bank, 5, 8);
    let input = answers(&[
        right_answer(&bank, &items[0]),
        right_answer(&bank, &items[1]),
    ]);
    let (c, s, _) = quiz_json(
        &env,
        &[
            "--count",
            "5",
            "--seed",
            "8",
            "--no-history",
            "--pass-mark",
            "50",
        ],
        input,
    );
    assert_eq!(s["answered"], 2);
    assert_eq!(s["right"], 2);
    assert_eq!(
        s["score_percent"], 40.0,
        "unanswered questions count as missed"
    );
    assert_eq!(c, 1);
}

#[test]
fn text_transcript_teaches() {
    let env = Env::new();
    let bank = shipped();
    let items = seeded_items(&bank, 2, 11);
    let input = answers(&[
        right_answer(&bank, &items[0]),
        wrong_answer(&bank, &items[1]),
    ]);
    let out = env
        .cmd()
        .args(["quiz", "--count", "2", "--seed", "11", "--no-history"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    let q0 = &bank.questions[items[0].question];
    let q1 = &bank.questions[items[1].question];
    let f1 = bank.fact(&q1.fact).unwrap();
    assert!(text.contains("Question 1 of 2"));
    assert!(text.contains(&q0.prompt));
    assert!(text.contains("✔ Right!"));
    assert!(text.contains(&format!(
        "✘ Wrong. The answer is: {}",
        factcheck::quiz::grade::answer_text(q1, &bank)
    )));
    assert!(text.contains(&q1.explanation));
    assert!(text.contains(&format!("[{}]", f1.id)) && text.contains(&f1.quote));
    assert!(text.contains("Score: 1/2 (50%)"));
    assert!(text.contains("Missed:") && text.contains(&q1.prompt));
    assert!(
        !text.contains('\x1b'),
        "no escape codes when stdout is not a terminal"
    );
}

#[test]
fn option_errors() {
    let env = Env::new();
    let n = shipped().questions.len();
    let out = env
        .cmd()
        .args(["quiz", "--count", "500"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(&format!("use --count {n} or fewer")),
        "{}",
        stderr(&out)
    );
    let out = env
        .cmd()
        .args(["quiz", "--topic", "sport"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("topics: relations"),
        "{}",
        stderr(&out)
    );
    let out = env.cmd().args(["quiz", "--no-input"]).output().unwrap();
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--format json"), "{}", stderr(&out));
    let out = env
        .cmd()
        .args(["quiz", "--pass-mark", "101"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let out = env
        .cmd()
        .args(["quiz", "--kind", "essay"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
}

#[test]
fn topic_and_kind_filters() {
    let env = Env::new();
    let bank = shipped();
    let (_, s, _) = quiz_json(
        &env,
        &[
            "--count",
            "3",
            "--topic",
            "economy",
            "--topic",
            "people",
            "--kind",
            "choice",
            "--kind",
            "open",
            "--no-history",
        ],
        String::new(),
    );
    // No answers given: the summary still lists nothing answered.
    assert_eq!(s["questions"], 3);
    let out = env
        .cmd()
        .args([
            "quiz",
            "--format",
            "json",
            "--count",
            "3",
            "--topic",
            "economy",
            "--kind",
            "truefalse",
            "--no-history",
        ])
        .write_stdin("true\ntrue\ntrue\n")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "only one economy true/false question exists");
    let (_, s, _) = quiz_json(
        &env,
        &[
            "--count",
            "2",
            "--topic",
            "economy",
            "--kind",
            "choice",
            "--kind",
            "open",
            "--no-history",
        ],
        "x\nx\n".into(),
    );
    for a in s["answers"].as_array().unwrap() {
        assert_eq!(a["topic"], "economy");
        assert_ne!(a["kind"], "truefalse");
        let q = bank
            .questions
            .iter()
            .find(|q| q.id == a["question"].as_str().unwrap())
            .unwrap();
        assert_eq!(bank.fact(&q.fact).unwrap().topic, "economy");
    }
}

fn history_lines(env: &Env) -> Vec<Json> {
    env.history_records()
}

#[test]
fn answers_are_recorded_and_stats_report_them() {
    let env = Env::new();
    let bank = shipped();
    let items = seeded_items(&bank, 4, 21);
    let input = answers(&[
        right_answer(&bank, &items[0]),
        wrong_answer(&bank, &items[1]),
        right_answer(&bank, &items[2]),
    ]);
    quiz_json(&env, &["--count", "4", "--seed", "21"], input);
    let h = history_lines(&env);
    assert_eq!(h.len(), 3);
    assert_eq!(
        h[0]["question"],
        bank.questions[items[0].question].id.as_str()
    );
    assert_eq!(h[1]["correct"], false);
    assert!(h[0]["time"].as_f64().unwrap() > 1.6e9);
    let out = env
        .cmd()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    let stats: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["answered"], 3);
    assert_eq!(stats["right"], 2);
    let missed = stats["most_missed"].as_array().unwrap();
    assert_eq!(
        missed[0]["fact"],
        bank.questions[items[1].question].fact.as_str()
    );
    let out = env.cmd().arg("stats").output().unwrap();
    assert!(
        stdout(&out).contains("Accuracy by topic") && stdout(&out).contains("Most missed facts")
    );
    // --no-history leaves the file alone.
    quiz_json(
        &env,
        &["--count", "2", "--seed", "1", "--no-history"],
        "1\n1\n".into(),
    );
    assert_eq!(history_lines(&env).len(), 3);
}

#[test]
fn factcheck_home_overrides_xdg() {
    let env = Env::new();
    let home = env.path().join("fc-home");
    let out = env
        .cmd()
        .env("FACTCHECK_HOME", &home)
        .args(["quiz", "--count", "1", "--seed", "2"])
        .write_stdin("1\n")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    assert!(home.join("history.db").exists());
    assert!(!env.history_file().exists());
}

#[test]
fn review_asks_missed_questions_first() {
    let env = Env::new();
    let bank = shipped();
    let items = seeded_items(&bank, 3, 77);
    let wrong: Vec<String> = items.iter().map(|it| wrong_answer(&bank, it)).collect();
    quiz_json(&env, &["--count", "3", "--seed", "77"], answers(&wrong));
    let missed: std::collections::HashSet<String> = items
        .iter()
        .map(|it| bank.questions[it.question].id.clone())
        .collect();
    // Another seed would start elsewhere; --review puts the misses first.
    let (_, s, _) = quiz_json(
        &env,
        &["--count", "5", "--seed", "5", "--review"],
        "1\n1\n1\n1\n1\n".into(),
    );
    let asked: Vec<String> = s["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["question"].as_str().unwrap().to_string())
        .collect();
    let first3: std::collections::HashSet<String> = asked[..3].iter().cloned().collect();
    assert_eq!(first3, missed);
    assert!(!missed.contains(&asked[3]) && !missed.contains(&asked[4]));
}

#[test]
fn unusable_history_location_warns_and_the_quiz_runs() {
    let env = Env::new();
    let file = env.write("not-a-dir", "x");
    let out = env
        .cmd()
        .env("FACTCHECK_HOME", &file)
        .args(["quiz", "--count", "1", "--seed", "2", "--format", "json"])
        .write_stdin("1\n")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("warning"), "{}", stderr(&out));
    let s: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["answered"], 1);
}

#[test]
fn concurrent_sessions_keep_every_answer() {
    let env = Env::new();
    let children: Vec<_> = (0..4)
        .map(|i| {
            let mut c = env.std_cmd();
            c.args(["quiz", "--count", "6", "--seed"])
                .arg(i.to_string())
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let mut child = c.spawn().unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"1\n1\n1\n1\n1\n1\n")
                .unwrap();
            child
        })
        .collect();
    for mut c in children {
        assert_eq!(c.wait().unwrap().code(), Some(0));
    }
    assert_eq!(history_lines(&env).len(), 24);
}

/// Starts a plain session and waits until `answered` answers were shown.
fn session_after(
    env: &Env,
    answered: usize,
) -> (std::process::Child, BufReader<std::process::ChildStdout>) {
    let bank = shipped();
    let items = seeded_items(&bank, 5, 4);
    let mut child = env
        .std_cmd()
        .args(["quiz", "--count", "5", "--seed", "4"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for it in &items[..answered] {
        writeln!(stdin, "{}", right_answer(&bank, it)).unwrap();
    }
    // Keep stdin open: the session now waits for the next answer.
    std::mem::forget(stdin);
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let want = format!("Score: {answered}/{answered}");
    let mut line = String::new();
    loop {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "session ended early");
        if line.contains(&want) {
            break;
        }
    }
    (child, out)
}

#[test]
fn ctrl_c_prints_the_summary_so_far_and_exits_130() {
    let env = Env::new();
    let (mut child, mut out) = session_after(&env, 2);
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
    assert!(rest.contains("Interrupted"), "{rest}");
    assert!(rest.contains("Score: 2/5"), "{rest}");
    assert!(rest.contains("Unanswered: 3"), "{rest}");
    assert_eq!(history_lines(&env).len(), 2);
}

#[test]
fn kill_9_leaves_a_readable_history_with_every_shown_answer() {
    let env = Env::new();
    let (mut child, _out) = session_after(&env, 3);
    child.kill().unwrap();
    child.wait().unwrap();
    let h = history_lines(&env);
    assert_eq!(h.len(), 3);
    assert!(h.iter().all(|r| r["correct"] == true));
    // Nothing but the database and SQLite's own files is left.
    let names: Vec<String> = std::fs::read_dir(env.history_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| ["history.db", "history.db-wal", "history.db-shm"].contains(&n.as_str())),
        "{names:?}"
    );
}

/// How many questions of the shipped bank a topic has.
fn questions_on(topic: &str) -> usize {
    let bank = shipped();
    bank.questions
        .iter()
        .filter(|q| bank.fact(&q.fact).unwrap().topic == topic)
        .count()
}

#[test]
fn the_default_count_shrinks_to_what_the_filters_leave() {
    let env = Env::new();
    let n = questions_on("economy");
    assert!(
        n < 10,
        "the test needs a topic with fewer than 10 questions"
    );
    for topic in ["economy", "Economy", "ECONOMY"] {
        let (c, s, err) = quiz_json(&env, &["--topic", topic, "--no-history"], String::new());
        assert_eq!(c, 0, "{topic}: {err}");
        assert_eq!(s["questions"], n, "{topic}");
    }
    // Without filters the default stays ten.
    let (_, s, _) = quiz_json(&env, &["--no-history"], String::new());
    assert_eq!(s["questions"], 10);
}

#[test]
fn an_explicit_count_larger_than_the_filters_leave_is_an_error() {
    let env = Env::new();
    let n = questions_on("economy");
    let out = env
        .cmd()
        .args(["quiz", "--topic", "economy", "--count", "10"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(&format!(
            "--count 10 is more than the {n} questions available; use --count {n} or fewer"
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn facts_topic_matches_in_any_case() {
    let env = Env::new();
    let lower = env
        .cmd()
        .args(["facts", "--topic", "economy"])
        .output()
        .unwrap();
    let upper = env
        .cmd()
        .args(["facts", "--topic", "Economy"])
        .output()
        .unwrap();
    assert_eq!(code(&upper), 0, "{}", stderr(&upper));
    assert!(!lower.stdout.is_empty());
    assert_eq!(lower.stdout, upper.stdout);
}

#[test]
fn stats_show_progress_by_topic_session_and_review_level() {
    let env = Env::new();
    let bank = shipped();
    // Session one: 2 right of 3. Session two: 0 right of 2.
    let first = seeded_items(&bank, 3, 11);
    let input = answers(&[
        right_answer(&bank, &first[0]),
        right_answer(&bank, &first[1]),
        wrong_answer(&bank, &first[2]),
    ]);
    quiz_json(&env, &["--count", "3", "--seed", "11"], input);
    let second = seeded_items(&bank, 2, 12);
    let input = answers(&[
        wrong_answer(&bank, &second[0]),
        wrong_answer(&bank, &second[1]),
    ]);
    quiz_json(&env, &["--count", "2", "--seed", "12"], input);

    let out = env
        .cmd()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let s: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["answered"], 5);
    assert_eq!(s["right"], 2);
    let sessions = s["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    assert_eq!(
        (
            sessions[0]["right"].clone(),
            sessions[0]["answered"].clone()
        ),
        (2.into(), 3.into())
    );
    assert_eq!(
        (
            sessions[1]["right"].clone(),
            sessions[1]["answered"].clone()
        ),
        (0.into(), 2.into())
    );
    assert!(sessions[0]["started"].as_f64().unwrap() <= sessions[1]["started"].as_f64().unwrap());
    let levels = s["review_levels"].as_array().unwrap();
    let count = |level: u64| {
        levels
            .iter()
            .find(|l| l["level"] == level)
            .map_or(0, |l| l["questions"].as_u64().unwrap())
    };
    let total: u64 = (0..=5).map(count).sum();
    assert_eq!(total as usize, bank.questions.len());
    let asked: std::collections::HashSet<usize> =
        first.iter().chain(&second).map(|it| it.question).collect();
    assert_eq!(count(0) as usize, bank.questions.len() - asked.len());
    let topics: u64 = s["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["answered"].as_u64().unwrap())
        .sum();
    assert_eq!(topics, 5);

    // The text says the same in words beside its bars, without color.
    let out = env.cmd().arg("stats").output().unwrap();
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "{text}");
    assert!(
        text.starts_with("5 answers in 2 sessions, 2 right (40%)"),
        "{text}"
    );
    for heading in [
        "Accuracy by topic",
        "Score per session",
        "Review levels (",
        "Most missed facts",
    ] {
        assert!(text.contains(heading), "{heading}: {text}");
    }
    assert!(text.contains("████"), "bars: {text}");
    assert!(
        text.contains("2 of 3 right") && text.contains("0 of 2 right"),
        "{text}"
    );
    assert!(text.contains("never answered"), "{text}");
}

#[test]
fn stats_read_histories_written_before_sessions_were_recorded() {
    let env = Env::new();
    let bank = shipped();
    let q = &bank.questions[0];
    let topic = &bank.fact(&q.fact).unwrap().topic;
    let line = |time: f64, correct: bool| {
        serde_json::json!({
            "time": time, "bank": bank.source.title, "question": q.id,
            "fact": q.fact, "topic": topic, "correct": correct,
        })
        .to_string()
    };
    // Two answers a minute apart, a third a day later: two sessions.
    let text = [
        line(1.7e9, true),
        line(1.7e9 + 60.0, false),
        line(1.7e9 + 86_400.0, true),
    ]
    .join("\n");
    // The JSON-lines history of earlier versions, imported by `stats`.
    std::fs::create_dir_all(env.history_dir()).unwrap();
    std::fs::write(env.legacy_history(), text + "\n").unwrap();
    let sessions = || {
        let out = env
            .cmd()
            .args(["stats", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let s: Json = serde_json::from_slice(&out.stdout).unwrap();
        s["sessions"].as_array().unwrap().clone()
    };
    let sizes = |sessions: &[Json]| -> Vec<u64> {
        sessions
            .iter()
            .map(|x| x["answered"].as_u64().unwrap())
            .collect()
    };
    let before = sessions();
    assert_eq!(sizes(&before), [2, 1]);
    assert_eq!(before[0]["date"], "2023-11-14 22:13");
    // A session recorded now follows them, with its own start.
    let out = env
        .cmd()
        .args(["quiz", "--count", "2", "--seed", "7"])
        .write_stdin("1\n1\n")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(sizes(&sessions()), [2, 1, 2]);
}
