//! The history database against planted files, kills and concurrency: no
//! name it uses is followed or copied, special files are refused while the
//! quiz still runs, every confirmed answer survives `kill -9`, the old
//! `history.jsonl` is imported exactly once, and the data comes back out.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use common::{Env, code, stderr, stdout};
use serde_json::Value as Json;

/// Every name the history folder may hold.
const NAMES: [&str; 6] = [
    "history.db",
    "history.db-wal",
    "history.db-shm",
    "history.db-journal",
    "history.jsonl",
    "history.jsonl.imported",
];

/// A one-question quiz; returns exit code, summary and stderr. The
/// timeout only turns a hang (a FIFO opened) into a failure.
fn one_answer(env: &Env) -> (i32, Json, String) {
    let out = env
        .cmd()
        .args(["quiz", "--count", "1", "--seed", "2", "--format", "json"])
        .write_stdin("1\n")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let summary = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {} / {}", stdout(&out), stderr(&out)));
    (code(&out), summary, stderr(&out))
}

/// All bytes under `dir`, file by file (symbolic links not followed).
fn contents(dir: &Path) -> HashMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.symlink_metadata().unwrap().is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

const LEGACY: &str = concat!(
    r#"{"time":1700000000.5,"bank":"B","question":"q1","fact":"f1","topic":"t","correct":true}"#,
    "\n",
    r#"{"time":1700000001.5,"bank":"B","question":"q2","fact":"f2","topic":"t","correct":false}"#,
    "\n",
    r#"{"time":1700000002.5,"bank":"B","question":"q3""#,
    "\n",
    r#"{"time":1700000003.5,"bank":"B","question":"q4","fact":"f4","topic":"u","correct":true}"#,
    "\n"
);

#[test]
fn planted_symlinks_are_never_followed_nor_copied() {
    for name in NAMES {
        let env = Env::new();
        let secret = b"a file the history must not touch\n";
        let target = env.write("target.txt", secret);
        std::fs::create_dir_all(env.history_dir()).unwrap();
        if name == "history.jsonl.imported" {
            // The rename after an import must not land on the link.
            std::fs::write(env.legacy_history(), LEGACY).unwrap();
        }
        std::os::unix::fs::symlink(&target, env.history_dir().join(name)).unwrap();
        let (c, summary, err) = one_answer(&env);
        assert_eq!(c, 0, "{name}: {err}");
        assert_eq!(summary["answered"], 1, "{name}: the quiz runs");
        assert_eq!(
            std::fs::read(&target).unwrap(),
            secret,
            "{name}: target changed"
        );
        assert!(
            std::fs::symlink_metadata(env.history_dir().join(name))
                .unwrap()
                .file_type()
                .is_symlink(),
            "{name}: the link stays a link"
        );
        for (path, bytes) in contents(&env.history_dir()) {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "{name}: the target was copied into {}",
                path.display()
            );
        }
        if name == "history.jsonl.imported" {
            assert!(err.contains("imported 3 answer(s)"), "{err}");
            assert!(env.history_dir().join("history.jsonl.imported.2").exists());
        } else {
            assert!(err.contains("is a symbolic link"), "{name}: {err}");
            assert!(
                err.contains("answers will not be recorded"),
                "{name}: {err}"
            );
        }
    }
}

#[test]
fn special_files_are_refused_and_the_quiz_still_runs() {
    let fifo = |p: &Path| nix::unistd::mkfifo(p, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let dir = |p: &Path| std::fs::create_dir(p).unwrap();
    type Make<'a> = &'a dyn Fn(&Path);
    let cases: [(&str, Make, &str); 5] = [
        ("history.db", &fifo, "is a FIFO"),
        ("history.db-wal", &fifo, "is a FIFO"),
        ("history.jsonl", &fifo, "is a FIFO"),
        ("history.db", &dir, "is a directory"),
        ("history.db-shm", &dir, "is a directory"),
    ];
    for (name, make, what) in cases {
        let env = Env::new();
        std::fs::create_dir_all(env.history_dir()).unwrap();
        make(&env.history_dir().join(name));
        let (c, summary, err) = one_answer(&env);
        assert_eq!(c, 0, "{name}: {err}");
        assert_eq!(summary["answered"], 1);
        assert!(err.contains(what) && err.contains(name), "{name}: {err}");
        assert!(err.contains("move it away"), "{err}");
        // Commands that need the history say so and exit 4.
        let out = env.cmd().args(["history", "export"]).output().unwrap();
        assert_eq!(code(&out), 4, "{name}");
        assert!(stderr(&out).contains(what), "{}", stderr(&out));
    }
}

#[test]
fn folder_is_private_and_every_database_file_0600() {
    let env = Env::new();
    let (c, _, _) = one_answer(&env);
    assert_eq!(c, 0);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.history_dir()), 0o700);
    let mut seen = 0;
    for name in ["history.db", "history.db-wal", "history.db-shm"] {
        let p = env.history_dir().join(name);
        if p.exists() {
            assert_eq!(mode(&p), 0o600, "{name}");
            seen += 1;
        }
    }
    assert!(seen >= 1);
    // A database left readable by others is made private again.
    std::fs::set_permissions(env.history_file(), std::fs::Permissions::from_mode(0o644)).unwrap();
    one_answer(&env);
    assert_eq!(mode(&env.history_file()), 0o600);
}

#[test]
fn history_jsonl_is_imported_once_then_renamed() {
    let env = Env::new();
    std::fs::create_dir_all(env.history_dir()).unwrap();
    std::fs::write(env.legacy_history(), LEGACY).unwrap();
    let out = env.cmd().args(["history", "export"]).output().unwrap();
    assert_eq!(code(&out), 0);
    let err = stderr(&out);
    assert!(
        err.contains("imported 3 answer(s) from history.jsonl"),
        "{err}"
    );
    assert!(err.contains("1 damaged line(s) skipped"), "{err}");
    let lines: Vec<&str> = LEGACY.lines().collect();
    let want = format!("{}\n{}\n{}\n", lines[0], lines[1], lines[3]);
    assert_eq!(stdout(&out), want, "exactly the old records, in order");
    let renamed = env.history_dir().join("history.jsonl.imported");
    assert_eq!(std::fs::read_to_string(&renamed).unwrap(), LEGACY);
    assert!(!env.legacy_history().exists());
    // Once only: the next run says nothing and has the same records.
    let again = env.cmd().args(["history", "export"]).output().unwrap();
    assert_eq!(stdout(&again), want);
    assert!(!stderr(&again).contains("imported"), "{}", stderr(&again));
    // The same file put back (a session killed between the commit and the
    // rename) is recognised, not imported twice.
    std::fs::rename(&renamed, env.legacy_history()).unwrap();
    assert_eq!(env.history_records().len(), 3);
    assert!(!env.legacy_history().exists());
    // Answers go on from there.
    one_answer(&env);
    assert_eq!(env.history_records().len(), 4);
}

#[test]
fn concurrent_first_runs_import_once() {
    let env = Env::new();
    std::fs::create_dir_all(env.history_dir()).unwrap();
    std::fs::write(env.legacy_history(), LEGACY).unwrap();
    let children: Vec<_> = (0..6)
        .map(|_| {
            env.std_cmd()
                .args(["history", "export"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert_eq!(c.wait().unwrap().code(), Some(0));
    }
    assert_eq!(env.history_records().len(), 3);
}

#[test]
fn export_formats_and_path() {
    let env = Env::new();
    std::fs::create_dir_all(env.history_dir()).unwrap();
    std::fs::write(env.legacy_history(), LEGACY).unwrap();
    let out = env
        .cmd()
        .args(["history", "export", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out),
        "time,bank,question,fact,topic,correct,session\n\
         1700000000.5,B,q1,f1,t,true,\n\
         1700000001.5,B,q2,f2,t,false,\n\
         1700000003.5,B,q4,f4,u,true,\n"
    );
    let out = env.cmd().args(["history", "path"]).output().unwrap();
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), format!("{}\n", env.history_file().display()));
    let out = env
        .cmd()
        .env_remove("HOME")
        .env_remove("XDG_DATA_HOME")
        .args(["history", "path"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "no location is a usage error");
}

/// Starts a session with all its answers given, and kills it with
/// SIGKILL right after the `confirmed`-th feedback: returns the facts of
/// the answers shown.
fn killed_session(env: &Env, seed: u64, confirmed: usize) -> Vec<String> {
    let mut child = env
        .std_cmd()
        .args(["quiz", "--count", "5", "--seed"])
        .arg(seed.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"1\n1\n1\n1\n1\n")
        .ok();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let (mut facts, mut line) = (Vec::new(), String::new());
    while facts.len() < confirmed {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "session ended early");
        // The feedback's quote line: "  [fact-id] “…”".
        if let Some(rest) = line.strip_prefix("  [") {
            facts.push(rest[..rest.find(']').unwrap()].to_string());
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    facts
}

#[test]
fn kill_9_loop_keeps_every_confirmed_answer_and_leaves_no_files() {
    let env = Env::new();
    let mut confirmed: HashMap<String, usize> = HashMap::new();
    let mut total = 0;
    for run in 0..20 {
        for f in killed_session(&env, run, 1 + run as usize % 4) {
            *confirmed.entry(f).or_default() += 1;
            total += 1;
        }
    }
    let records = env.history_records();
    assert!(records.len() >= total && records.len() <= 20 * 5);
    let mut kept: HashMap<String, usize> = HashMap::new();
    for r in &records {
        *kept
            .entry(r["fact"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    for (fact, n) in &confirmed {
        assert!(kept.get(fact).copied().unwrap_or(0) >= *n, "{fact} lost");
    }
    let names: Vec<String> = std::fs::read_dir(env.history_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for n in &names {
        assert!(
            ["history.db", "history.db-wal", "history.db-shm"].contains(&n.as_str()),
            "left over: {n}"
        );
    }
}

#[test]
fn eight_concurrent_sessions_keep_every_answer() {
    let env = Env::new();
    let children: Vec<_> = (0..8)
        .map(|i| {
            let mut child = env
                .std_cmd()
                .args(["quiz", "--count", "5", "--seed"])
                .arg(i.to_string())
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"1\n1\n1\n1\n1\n")
                .unwrap();
            child
        })
        .collect();
    let mut warnings = String::new();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert_eq!(code(&out), 0);
        warnings.push_str(&stderr(&out));
    }
    assert!(!warnings.contains("warning"), "{warnings}");
    assert_eq!(env.history_records().len(), 40);
    let out = env
        .cmd()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    let stats: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["answered"], 40);
}
