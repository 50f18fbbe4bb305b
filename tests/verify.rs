//! `factcheck verify`: every labelled example, every output format, every
//! exit-code path.

mod common;

use std::collections::BTreeMap;

use common::{Env, code, stderr, stdout};
use factcheck::verify::{Judgement, Verdict};
use serde_json::Value as Json;

/// (expected verdict, case kind, statement) rows of a labelled file.
fn rows(tsv: &str) -> Vec<(Verdict, String, String)> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.splitn(3, '\t');
            let verdict = Verdict::parse(cols.next().unwrap()).expect("verdict column");
            let kind = cols.next().expect("kind column").to_string();
            let statement = cols.next().expect("statement column").to_string();
            (verdict, kind, statement)
        })
        .collect()
}

/// One judgement per line, as `--format jsonl` writes them.
fn jsonl(text: &str) -> Vec<Judgement> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `verify --format jsonl --file PATH`: the exit code and the records.
fn verify_file(env: &Env, path: &std::path::Path) -> (i32, Vec<Judgement>, String) {
    let out = env
        .cmd()
        .args(["verify", "--format", "jsonl", "--file"])
        .arg(path)
        .output()
        .unwrap();
    let records = jsonl(&stdout(&out));
    (code(&out), records, stderr(&out))
}

/// Runs a labelled file through `verify --file --format jsonl` and
/// reports every row that got another verdict, with per-kind tallies.
fn run_labelled(tsv: &str, name: &str) {
    let env = Env::new();
    let rows = rows(tsv);
    let input: String = rows.iter().map(|(_, _, s)| format!("{s}\n")).collect();
    let path = env.write("statements.txt", input);
    let (c, got, err) = verify_file(&env, &path);
    assert!(matches!(c, 0 | 1 | 3), "{err}");
    assert_eq!(got.len(), rows.len());
    let mut failures = Vec::new();
    let mut tally: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for ((want, kind, statement), j) in rows.iter().zip(&got) {
        assert_eq!(&j.statement, statement);
        let t = tally.entry(kind).or_default();
        t.1 += 1;
        if j.verdict == *want {
            t.0 += 1;
        } else {
            failures.push(format!(
                "[{kind}] {statement}\n    want {want:?}, got {:?}: {}",
                j.verdict, j.explanation
            ));
        }
        // The one mistake never to make.
        if *want != Verdict::Supported {
            assert_ne!(
                j.verdict,
                Verdict::Supported,
                "false statement SUPPORTED: {statement}"
            );
        }
    }
    eprintln!("{name}: {tally:?}");
    assert!(
        failures.is_empty(),
        "{name}: {} wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn shared_examples_all_pass() {
    run_labelled(
        include_str!("data/verify-examples.tsv"),
        "verify-examples.tsv",
    );
}

#[test]
fn our_own_cases_all_pass() {
    run_labelled(include_str!("data/verify-extra.tsv"), "verify-extra.tsv");
}

#[test]
fn blind_check_cases_all_pass() {
    run_labelled(include_str!("data/verify-more.tsv"), "verify-more.tsv");
}

fn verify_json(env: &Env, statements: &[&str]) -> (i32, Vec<Judgement>) {
    let out = env
        .cmd()
        .args(["verify", "--format", "json"])
        .args(statements)
        .output()
        .unwrap();
    let records: Vec<Judgement> =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    (code(&out), records)
}

#[test]
fn one_statement_exit_codes() {
    let env = Env::new();
    let cases = [
        (
            "Cuba is the 193rd country to have diplomatic ties with South Korea.",
            0,
        ),
        (
            "Cuba is the 191st country to have diplomatic ties with South Korea.",
            1,
        ),
        ("The Eiffel Tower is in Paris.", 3),
    ];
    for (s, want) in cases {
        let out = env.cmd().args(["verify", s]).output().unwrap();
        assert_eq!(code(&out), want, "{s}");
    }
}

#[test]
fn batch_exit_code_is_the_worst_verdict() {
    let env = Env::new();
    let s = "Cuba still has strong ties with North Korea.";
    let r = "Cuba has weak ties with North Korea.";
    let n = "Hyundai sells cars in Cuba.";
    assert_eq!(verify_json(&env, &[s, s]).0, 0);
    assert_eq!(verify_json(&env, &[s, n]).0, 3);
    assert_eq!(verify_json(&env, &[n, r, s]).0, 1);
}

#[test]
fn json_records_carry_evidence_explanation_and_correction() {
    let env = Env::new();
    let (c, recs) = verify_json(
        &env,
        &[
            "Cuba was the 192nd country to establish ties with South Korea.",
            "Trade between South Korea and Cuba amounted to 21 million dollars in 2022.",
            "Hyundai sells cars in Cuba.",
        ],
    );
    assert_eq!(c, 1);
    let r = &recs[0];
    assert_eq!(r.verdict, Verdict::Refuted);
    assert_eq!(r.fact_id.as_deref(), Some("193rd-country"));
    assert!(r.evidence.as_deref().unwrap().contains("193rd country"));
    assert_eq!(r.explanation, "the article says 193rd, not 192nd");
    assert_eq!(
        r.correction.as_deref(),
        Some("Cuba was the 193rd country to establish ties with South Korea.")
    );
    assert_eq!(recs[1].verdict, Verdict::Supported);
    assert_eq!(recs[1].correction, None);
    assert_eq!(recs[2].verdict, Verdict::NotEnoughInfo);
    assert_eq!(recs[2].fact_id, None);
    assert_eq!(recs[2].evidence, None);
    // Every documented field is present, null or not.
    let out = env
        .cmd()
        .args(["verify", "--format", "json", "Hyundai sells cars in Cuba."])
        .output()
        .unwrap();
    let raw: Json = serde_json::from_slice(&out.stdout).unwrap();
    for field in [
        "statement",
        "verdict",
        "fact_id",
        "evidence",
        "explanation",
        "correction",
    ] {
        assert!(raw[0].get(field).is_some(), "{field}");
    }
    assert_eq!(raw[0]["verdict"], "NOT_ENOUGH_INFO");
}

#[test]
fn jsonl_is_one_record_per_line() {
    let env = Env::new();
    let out = env
        .cmd()
        .args([
            "verify",
            "--format",
            "jsonl",
            "Cuba has weak ties with North Korea.",
            "The Eiffel Tower is in Paris.",
        ])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    let lines: Vec<Judgement> = jsonl(&stdout(&out));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].verdict, Verdict::Refuted);
    assert_eq!(lines[1].verdict, Verdict::NotEnoughInfo);
}

#[test]
fn claimreview_is_schema_org_json_ld() {
    let env = Env::new();
    let out = env
        .cmd()
        .args([
            "verify",
            "--format",
            "claimreview",
            "Cuba is the 193rd country to have diplomatic ties with South Korea.",
            "Cuba has weak ties with North Korea.",
            "The Eiffel Tower is in Paris.",
        ])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    let reviews: Vec<Json> = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = reviews
        .iter()
        .map(|r| r["reviewRating"]["alternateName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["True", "False", "Unverifiable"]);
    let r = &reviews[1];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["claimReviewed"], "Cuba has weak ties with North Korea.");
    assert_eq!(r["reviewRating"]["ratingValue"], 1);
    let article = &r["itemReviewed"]["appearance"];
    assert_eq!(article["@type"], "NewsArticle");
    assert_eq!(article["datePublished"], "2024-02-14");
    assert!(article["headline"].as_str().unwrap().contains("Cuba"));
}

#[test]
fn text_output_for_people() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["verify", "The letters were exchanged in Washington."])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.starts_with("REFUTED  The letters were exchanged in Washington."),
        "{text}"
    );
    assert!(text.contains("the article says New York, not Washington"));
    assert!(
        text.contains("[letters-new-york]"),
        "the narrowest fact: {text}"
    );
    assert!(text.contains("correction: The letters were exchanged in New York."));
    assert!(
        !text.contains('\x1b'),
        "no color when stdout is not a terminal"
    );
}

#[test]
fn quiet_prints_nothing_and_keeps_the_exit_code() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["verify", "--quiet", "Cuba has weak ties with North Korea."])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn empty_statements_are_usage_errors() {
    let env = Env::new();
    for args in [
        &["verify", ""][..],
        &["verify", "   \t "],
        &["verify", "ok", ""],
        &["verify"],
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(stderr(&out).starts_with("factcheck: "), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn file_and_stdin_skip_blank_and_comment_lines() {
    let env = Env::new();
    let input = "# a comment\n\nCuba still has strong ties with North Korea.\r\n   \n# another\nThe Eiffel Tower is in Paris.";
    let path = env.write("in.txt", input);
    let (c, recs, _) = verify_file(&env, &path);
    assert_eq!(c, 3);
    assert_eq!(recs.len(), 2);
    let out = env
        .cmd()
        .args(["verify", "--format", "jsonl", "--file", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(code(&out), 3);
    let recs: Vec<Judgement> = jsonl(&stdout(&out));
    assert_eq!(
        recs[0].statement,
        "Cuba still has strong ties with North Korea."
    );
    // A file of comments only judges nothing and succeeds.
    let path = env.write("none.txt", "# nothing\n\n");
    let out = env
        .cmd()
        .args(["verify", "--format", "json", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    let recs: Vec<Judgement> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(recs.is_empty());
}

#[test]
fn unreadable_input_is_a_data_error() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["verify", "--file", "missing.txt"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 4);
    assert!(
        stderr(&out).contains("cannot read missing.txt"),
        "{}",
        stderr(&out)
    );
    let out = env
        .cmd()
        .args(["verify", "--file"])
        .arg(env.path())
        .output()
        .unwrap();
    assert_eq!(code(&out), 4);
}

#[test]
fn invalid_utf8_names_the_line() {
    let env = Env::new();
    let path = env.write(
        "bad.txt",
        b"Cuba still has strong ties with North Korea.\n\ncaf\xe9 society\n".as_slice(),
    );
    let out = env
        .cmd()
        .args(["verify", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(code(&out), 4);
    assert!(
        stderr(&out).contains("bad.txt:3: input is not valid UTF-8"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn statement_and_file_together_is_a_usage_error() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["verify", "x", "--file", "-"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
}

#[test]
fn huge_and_hostile_statements_get_a_verdict() {
    let env = Env::new();
    // As long as a statement may be (10,000 bytes).
    let huge = "Cuba ".repeat(2_000);
    let controls = "Cuba\u{0}\u{7}\u{1b}[31m has \u{202e}strong ties with North Korea";
    let mixed = "쿠바와 한국 Куба Cuba 193rd 🇨🇺 country";
    let path = env.write("hostile.txt", format!("{huge}\n{controls}\n{mixed}\n"));
    let (c, recs, err) = verify_file(&env, &path);
    assert!(matches!(c, 0 | 1 | 3), "{err}");
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0].verdict, Verdict::NotEnoughInfo);
}

/// A script's dialogue with `verify --file -`: send one statement, wait
/// for its verdict before sending the next. The reads run on a thread so
/// that a verdict stuck in a buffer fails the test instead of hanging it.
#[test]
fn jsonl_from_a_pipe_answers_each_statement_before_the_next() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    use std::sync::mpsc;

    let env = common::Env::new();
    for format in ["jsonl", "text"] {
        let mut child = env
            .std_cmd()
            .args(["verify", "--format", format, "--file", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        std::thread::spawn(move || {
            while let Some(Ok(line)) = lines.next() {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        for statement in [
            "The letters were exchanged in Washington.",
            "The letters were exchanged in New York.",
        ] {
            writeln!(stdin, "{statement}").unwrap();
            stdin.flush().unwrap();
            // Text records span several lines: skip to this statement's.
            loop {
                let line = rx
                    .recv_timeout(std::time::Duration::from_secs(30))
                    .unwrap_or_else(|_| {
                        panic!("{format}: no verdict for {statement:?} while stdin stays open")
                    });
                if line.contains(statement) {
                    break;
                }
            }
        }
        drop(stdin);
        assert_eq!(child.wait().unwrap().code(), Some(1));
    }
}

/// The labelled statements of every file, repeated to span several chunks
/// of lines.
fn many_statements(times: usize) -> String {
    let files = [
        include_str!("data/verify-examples.tsv"),
        include_str!("data/verify-extra.tsv"),
        include_str!("data/verify-more.tsv"),
    ];
    let lines: String = files
        .iter()
        .flat_map(|f| rows(f))
        .map(|(_, _, s)| format!("{s}\n"))
        .collect();
    lines.repeat(times)
}

/// `verify --format jsonl --jobs N` over `input`, from a file or stdin.
fn verify_jobs(env: &Env, input: &str, jobs: &str, stdin: bool) -> std::process::Output {
    let mut cmd = env.cmd();
    cmd.args(["verify", "--format", "jsonl", "--jobs", jobs, "--file"]);
    if stdin {
        cmd.arg("-").write_stdin(input.to_string());
    } else {
        cmd.arg(env.write("in.txt", input));
    }
    cmd.output().unwrap()
}

#[test]
fn jobs_give_the_same_records_in_input_order() {
    let env = Env::new();
    let input = many_statements(10);
    let one = verify_jobs(&env, &input, "1", false);
    let records = jsonl(&stdout(&one));
    let statements: Vec<&str> = input.lines().collect();
    assert!(statements.len() > 5_000, "{}", statements.len());
    let got: Vec<&str> = records.iter().map(|j| j.statement.as_str()).collect();
    assert_eq!(got, statements);
    for (jobs, stdin) in [("4", false), ("2", true), ("4", true)] {
        let many = verify_jobs(&env, &input, jobs, stdin);
        assert_eq!(code(&many), code(&one), "--jobs {jobs}, stdin {stdin}");
        assert!(
            stdout(&many) == stdout(&one),
            "--jobs {jobs} (stdin {stdin}) wrote other records than --jobs 1"
        );
    }
}

#[test]
fn jobs_must_be_at_least_one() {
    let env = Env::new();
    let out = verify_jobs(&env, "The Eiffel Tower is in Paris.\n", "0", false);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).is_empty());
}

/// A blind round (statements written by someone who saw only the article
/// and the style examples), kept as regression data: never a false
/// SUPPORTED, and no fewer right than when the round was last measured.
/// Statements of round 12 that once got a wrong verdict, each with the
/// verdicts a right reading may give (NOT_ENOUGH_INFO where verify cannot
/// yet settle what the article does).
#[test]
fn round_12_mistakes_stay_fixed() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let floating = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/blind/floating-wind.txt"
    );
    let env = Env::new();
    let drafted = env.dir.path().join("floating.json");
    let out = env
        .cmd()
        .args(["bank", "draft", floating, "--date", "2025-10-16", "-o"])
        .arg(&drafted)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let drafted = drafted.to_str().unwrap();
    let cases: &[(Option<&str>, &str, &[Verdict])] = &[
        // "zero" is a claim, never a lone small number let go.
        (
            None,
            "trade between the two countries was zero in 2022",
            &[R, N],
        ),
        // A negation that denies a value the article rules out holds; not
        // one that denies another value, nor "not until".
        (None, "the letters werent exchanged in seoul", &[S]),
        (
            None,
            "trade didn't amount to 30 million dollars in 2022",
            &[S],
        ),
        (
            None,
            "it wasn't until 2023 that ties were established",
            &[R, N],
        ),
        (
            Some(WEBB_BANK),
            "no, webb didnt launch in december, it went up in november",
            &[R, N],
        ),
        // A yes after the question confirms it; a named date "in" a year.
        (None, "so were the letters exchanged in new york? yep", &[S]),
        (
            None,
            "were the letters exchanged in seoul? yes they were",
            &[R],
        ),
        (
            Some(WEBB_BANK),
            "the webb telscope took off on christmas day in 2021",
            &[S, N],
        ),
        // "to go from A to B" is the span's; "thanks to" adds no claim.
        (
            Some(WEBB_BANK),
            "it took under seven months to go from liftoff to the first full colour images",
            &[S],
        ),
        (
            Some(WEBB_BANK),
            "it took two years to go from liftoff to the first full colour images",
            &[R],
        ),
        (
            Some(WEBB_BANK),
            "instruments are held under 60 K thanks to the sunshield",
            &[S],
        ),
        // "during" is filler unless the fact's frame is "before" or "after".
        (
            Some(drafted),
            "at least 250 workers were employed at the port during peak assembly",
            &[S],
        ),
        (
            None,
            "about 14,000 South Koreans visited Cuba each year during the pandemic",
            &[N],
        ),
        // Days are counted, not rounded; "a week" before an order word is
        // a gap, "just" is the gap's.
        (
            Some(WEBB_BANK),
            "webb launched two days after christmas eve 2021",
            &[R],
        ),
        (
            Some(WEBB_BANK),
            "webb launched just a week before new years day 2022",
            &[S],
        ),
        (
            Some(WEBB_BANK),
            "webb launched a week prior to january 1 2022",
            &[S],
        ),
        // "radius" names another figure than the diameter: no refutation.
        (
            Some(WEBB_BANK),
            "the main mirror has a radius of about 3.25 m",
            &[S, N],
        ),
        // A bare superlative after an owner, before the word ranked.
        (
            Some(drafted),
            "the developers claim its the worlds largest floating wind farm",
            &[R],
        ),
        // "under" budget where the article says more than it.
        (Some(drafted), "the project came in 8% under budget", &[R]),
        // One word left unexplained ("work") and the claimed date another
        // fact's: maybe about that fact, so no refutation.
        (
            Some(drafted),
            "work on the wind farm began in sept 2021",
            &[S, N],
        ),
        // Units of power and area, and "pc" for percent.
        (
            Some(drafted),
            "25 turbines at 15 MW each, so 375 megawatts in total",
            &[S],
        ),
        (
            Some(drafted),
            "fishermen lost access to roughly 40 sq km of fishing grounds",
            &[S],
        ),
        // Of a fact's several dates, the one written by the event's words.
        (
            Some(drafted),
            "the first platform was towed out less than three years after construction began",
            &[S],
        ),
        // Payer and payee swapped, in plain nouns.
        (
            Some(drafted),
            "the fishermen pay the developer €12 million",
            &[N],
        ),
        (
            Some(drafted),
            "its the fishermen who pay the developer €12 million, not the other way round",
            &[R],
        ),
        (
            Some(drafted),
            "the developer pays the fishermen €12 million",
            &[S],
        ),
    ];
    each_judged(&env, cases);
}

/// Each statement, on its bank (the built-in one for `None`), gets one of
/// the verdicts allowed.
fn each_judged(env: &Env, cases: &[(Option<&str>, &str, &[Verdict])]) {
    for (bank, statement, want) in cases {
        let mut cmd = env.cmd();
        if let Some(b) = bank {
            cmd.args(["--bank", b]);
        }
        let out = cmd
            .args(["verify", "--format", "jsonl", statement])
            .output()
            .unwrap();
        let got = jsonl(&stdout(&out));
        assert!(
            want.contains(&got[0].verdict),
            "{statement}: {:?}: {}",
            got[0].verdict,
            got[0].explanation
        );
    }
}

#[test]
fn round_13_mistakes_stay_fixed() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let w = Some(WEBB_BANK);
    let cases: &[(Option<&str>, &str, &[Verdict])] = &[
        // The false SUPPORTED: the year is the images' claim, not the
        // launch's, though the launch's clause follows.
        (
            w,
            "the first full-colour images were released in 2021, the same yr it launched",
            &[R, N],
        ),
        // "now" against decades without; "still no" and "no longer".
        (
            None,
            "the republic of korea and cuba now have official diplomatic relations",
            &[S],
        ),
        (
            None,
            "south korea and cuba had official diplomatic relations before 1959",
            &[N],
        ),
        (
            None,
            "Cuba and South Korea still have no official diplomatic ties.",
            &[R],
        ),
        (
            None,
            "south korea and cuba no longer have diplomatic relations",
            &[R],
        ),
        (w, "james webb was still running nasa in 1970", &[R]),
        // The quote's order, where the statement was made plain.
        (
            None,
            "The ties come after decades without official relations between the two countries.",
            &[S],
        ),
        // Typed as people type: a holiday mistyped, dots day first, "a
        // little under", "lol".
        (w, "jwst launched on chrstmas eve 2021", &[R]),
        (w, "jwst's first full colour pics came out 12.07.2022", &[S]),
        (
            w,
            "so webb is a little under a million miles out from earth",
            &[S],
        ),
        (w, "lol the telescope launched on 25 december 2021", &[S]),
        // A relative clause after a name is a claim of its own; "named
        // after" is no order in time.
        (
            w,
            "Named for James Webb, who led NASA from 1958 to 1968.",
            &[R],
        ),
        (
            w,
            "Named for James Webb, who led NASA from 1961 to 1968.",
            &[S],
        ),
        (
            w,
            "the telescope is named after james webb, who led nasa in 1963",
            &[S],
        ),
        // A sum in another currency needs a rate the article does not
        // give, unless it is the article's figure itself.
        (
            None,
            "bilateral trade was worth about 27 billion won in 2022",
            &[N],
        ),
        (
            None,
            "2022 trade between the two countries came to 21 million euros",
            &[R],
        ),
        // "never … before" where the refuting fact tells of the later
        // event itself.
        (
            w,
            "kourou had never launched a space telescope before webb",
            &[N],
        ),
        (
            None,
            "there was no trade at all between seoul and havana before they established ties",
            &[R],
        ),
        // A currency after a colon is the next figure's; a decade holds for
        // a term inside it.
        (None, "2022 trade btwn the two: USD 21 mn", &[S]),
        (w, "james webb led nasa in the 1960s", &[S]),
        (w, "james webb led nasa in the 1950s", &[R]),
        (w, "james webb led nasa from 1960 to 1969", &[R]),
        // A part of a decade; a state dated by its start only; another
        // person "also"; an initial glued to its word.
        (
            None,
            "the revolution that froze exchanges between the two happened in the late 1950s",
            &[S],
        ),
        (
            None,
            "Seoul and Havana had formal diplomatic relations before the 1959 revolution.",
            &[N],
        ),
        (
            None,
            "moon jae-in's government had also tried to establish ties with cuba",
            &[N],
        ),
        (
            None,
            "the goal is to expand s.korea's diplomatic footprint in latin america",
            &[S],
        ),
        // Scales in a row multiply; a dictionary word after "in the" is no
        // place; "followed in July" is no order; a holiday; "thx".
        (
            w,
            "developing the telescope cost roughly ten thousand million US dollars",
            &[S],
        ),
        (w, "The launch took place in the morning, local time.", &[N]),
        (
            w,
            "webb launched in dec 2021 and the first full-color images followed in july 2022",
            &[S, N],
        ),
        (w, "the launch happened on boxing day 2021", &[R]),
        (
            w,
            "thx to the sunshield the instruments stay below 50 kelvin",
            &[S],
        ),
        // An order inside a contrast: each half is judged with its order.
        (
            w,
            "first full-color images were released after the launch, not before it",
            &[S],
        ),
    ];
    each_judged(&Env::new(), cases);
}

/// Round 15's misses, mended this stop: a question answered in the
/// statement, cleft contrasts, a concession's negation, a range's shared
/// scale.
#[test]
fn round_15_mistakes_stay_fixed() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let w = Some(WEBB_BANK);
    let cases: &[(Option<&str>, &str, &[Verdict])] = &[
        (
            None,
            "q: were the letters exchanged in new york? a: nope, in seoul",
            &[R],
        ),
        (
            w,
            "did webb launch from kourou? nope, it went up from baikonur",
            &[R],
        ),
        (w, "did webb launch from baikonur? no, from kourou", &[S]),
        (w, "is jwst an international project? yep, it is", &[S]),
        // A bare "no" after a refuted question stays open.
        (w, "did webb launch from baikonur? no", &[N]),
        (
            None,
            "did south korea and cuba establish diplomatic relations? yes, in feb 2024",
            &[S],
        ),
        (
            None,
            "it was seoul, not havana, that invited the foreign minister",
            &[R],
        ),
        (
            None,
            "it wasnt in havana that the letters were exchanged but in new york",
            &[S],
        ),
        (
            None,
            "even without diplomatic ties the two did over 20 million dollars of trade in 2022",
            &[S],
        ),
        (
            w,
            "the observatory sits somewhere between one and two million kilometres from earth",
            &[S],
        ),
        // Another of the kind, by its number; the rocket as the launch's
        // vehicle; the same place named twice.
        (w, "the telescope rode an ariane 6 to space", &[R]),
        (w, "webb launched aboard a falcon 9", &[R]),
        (w, "webb launched aboard an ariane five", &[S]),
        (
            w,
            "The telescope cost around $10 billion and operates near the third Lagrange point.",
            &[R],
        ),
        (w, "jwst is parked near the first lagrange point, L1", &[R]),
        (w, "webb launched from french guiana", &[S]),
    ];
    each_judged(&Env::new(), cases);
}

/// A correction replaces "in the 1990s" whole, preposition and all.
#[test]
fn a_decade_is_corrected_with_its_preposition() {
    let env = Env::new();
    let (code, got) = verify_json(
        &env,
        &["Cuba and South Korea established relations in the 1990s"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        got[0].correction.as_deref(),
        Some("Cuba and South Korea established relations on 14 February 2024")
    );
}

fn run_round(tsv: &str, bank: Option<&str>, floor: usize) {
    let env = Env::new();
    let rows = rows(tsv);
    let input: String = rows.iter().map(|(_, _, s)| format!("{s}\n")).collect();
    let path = env.write("round.txt", input);
    let mut cmd = env.cmd();
    if let Some(b) = bank {
        cmd.args(["--bank", b]);
    }
    let out = cmd
        .args(["verify", "--format", "jsonl", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    let got = jsonl(&stdout(&out));
    assert_eq!(got.len(), rows.len());
    let mut right = 0;
    let mut misses = Vec::new();
    for ((want, kind, statement), j) in rows.iter().zip(&got) {
        assert!(
            !(j.verdict == Verdict::Supported && *want != Verdict::Supported),
            "false SUPPORTED: {statement}: {}",
            j.explanation
        );
        if j.verdict == *want {
            right += 1;
        } else {
            misses.push(format!(
                "[{kind}] {statement}: want {want:?}, got {:?}",
                j.verdict
            ));
        }
    }
    assert!(
        right >= floor,
        "{right}/{} right, fewer than the {floor} measured before:\n{}",
        rows.len(),
        misses.join("\n")
    );
}

const WEBB_BANK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/banks/webb.json");

#[test]
fn blind_round_8_korea_holds() {
    run_round(include_str!("data/blind-round8-korea.tsv"), None, 85);
}

#[test]
fn blind_round_8_webb_holds() {
    run_round(
        include_str!("data/blind-round8-webb.tsv"),
        Some(WEBB_BANK),
        95,
    );
}

#[test]
fn blind_round_9_korea_holds() {
    run_round(include_str!("data/blind-round9-korea.tsv"), None, 77);
}

#[test]
fn blind_round_9_webb_holds() {
    run_round(
        include_str!("data/blind-round9-webb.tsv"),
        Some(WEBB_BANK),
        86,
    );
}

/// Round 10, first contact: 67/100 (Korea) and 66/100 (Webb), no false
/// SUPPORTED; kept as regression data at what verify reaches since.
#[test]
fn blind_round_10_korea_holds() {
    run_round(include_str!("data/blind-round10-korea.tsv"), None, 81);
}

#[test]
fn blind_round_10_webb_holds() {
    run_round(
        include_str!("data/blind-round10-webb.tsv"),
        Some(WEBB_BANK),
        88,
    );
}

/// Round 11, first contact (on 49ee004): 71/100 (Korea) and 73/100
/// (Webb), no false SUPPORTED; kept as regression data at what verify
/// reaches since.
#[test]
fn blind_round_11_korea_holds() {
    run_round(include_str!("data/blind-round11-korea.tsv"), None, 85);
}

#[test]
fn blind_round_11_webb_holds() {
    run_round(
        include_str!("data/blind-round11-webb.tsv"),
        Some(WEBB_BANK),
        86,
    );
}

/// Round 12, first contact (on 0482726): 61/100 (Korea, one false
/// SUPPORTED: "trade … was zero" read as a lone small number) and 67/100
/// (Webb); kept as regression data at what verify reaches since.
#[test]
fn blind_round_12_korea_holds() {
    run_round(include_str!("data/blind-round12-korea.tsv"), None, 74);
}

#[test]
fn blind_round_12_webb_holds() {
    run_round(
        include_str!("data/blind-round12-webb.tsv"),
        Some(WEBB_BANK),
        79,
    );
}

/// Round 13, first contact (on be89f8b): 62/100 (Korea) and 73/100 (Webb,
/// one false SUPPORTED: a year claimed for the images matched the
/// launch's, joined from another clause); kept as regression data at what
/// verify reaches since.
#[test]
fn blind_round_13_korea_holds() {
    run_round(include_str!("data/blind-round13-korea.tsv"), None, 77);
}

#[test]
fn blind_round_13_webb_holds() {
    run_round(
        include_str!("data/blind-round13-webb.tsv"),
        Some(WEBB_BANK),
        84,
    );
}

/// Round 14, first contact (on 561ee8e): 56/100 (Korea) and 65/100
/// (Webb), no false SUPPORTED; kept as regression data.
#[test]
fn blind_round_14_korea_holds() {
    run_round(include_str!("data/blind-round14-korea.tsv"), None, 70);
}

#[test]
fn blind_round_14_webb_holds() {
    run_round(
        include_str!("data/blind-round14-webb.tsv"),
        Some(WEBB_BANK),
        78,
    );
}

/// Round 15, first contact (on 59dc203): 62/100 (Korea) and 68/100
/// (Webb), no false SUPPORTED; kept as regression data.
#[test]
fn blind_round_15_korea_holds() {
    run_round(include_str!("data/blind-round15-korea.tsv"), None, 69);
}

#[test]
fn blind_round_15_webb_holds() {
    run_round(
        include_str!("data/blind-round15-webb.tsv"),
        Some(WEBB_BANK),
        75,
    );
}

/// Round 16, first contact (on 66b103e): 62/100 (Korea) and 71/100
/// (Webb), no false SUPPORTED (the build at the start of the stop,
/// 59dc203, scores 61 and 69); kept as regression data.
#[test]
fn blind_round_16_korea_holds() {
    run_round(include_str!("data/blind-round16-korea.tsv"), None, 64);
}

#[test]
fn blind_round_16_webb_holds() {
    run_round(
        include_str!("data/blind-round16-webb.tsv"),
        Some(WEBB_BANK),
        77,
    );
}

/// Round 17, first contact (on 079ef42): 61/100 (Korea) and 70/100
/// (Webb), no false SUPPORTED; kept as regression data.
#[test]
fn blind_round_17_korea_holds() {
    run_round(include_str!("data/blind-round17-korea.tsv"), None, 66);
}

#[test]
fn blind_round_17_webb_holds() {
    run_round(
        include_str!("data/blind-round17-webb.tsv"),
        Some(WEBB_BANK),
        79,
    );
}

/// Round 18, adversarial: 50 statements an article, each turned by one
/// operator word (until, since, only, expected to, failed to, a swapped
/// role …). First contact (on fdd837d): 39/50 (Korea) and 41/50 (Webb),
/// one false SUPPORTED each ("… a year have visited cuba since the
/// pandemic ended" for "before the pandemic"; "the canadian space agency
/// led the webb project", through the bank's keyword "led"), since mended.
#[test]
fn blind_round_18_korea_holds() {
    run_round(include_str!("data/blind-round18-korea.tsv"), None, 40);
}

/// 42 → 41 when "get" stopped being filler ("got a visit from" turns who
/// visited whom): "… after launch to get the first images" went open;
/// back to 42 with the first and last weeks of a year.
#[test]
fn blind_round_18_webb_holds() {
    run_round(
        include_str!("data/blind-round18-webb.tsv"),
        Some(WEBB_BANK),
        42,
    );
}

/// Round 19, first contact (on 9ffcdc8, the end of the stop that kept
/// rounds 17 and 18): 59/100 (Korea) and 72/100 (Webb), no false
/// SUPPORTED; the build at that stop's start scores the same.
#[test]
fn blind_round_19_korea_holds() {
    run_round(include_str!("data/blind-round19-korea.tsv"), None, 68);
}

#[test]
fn blind_round_19_webb_holds() {
    run_round(
        include_str!("data/blind-round19-webb.tsv"),
        Some(WEBB_BANK),
        77,
    );
}

/// Round 20, first contact (on e5b8452, this stop's start): 65/100
/// (Korea) and 72/100 (Webb), no false SUPPORTED.
#[test]
fn blind_round_20_korea_holds() {
    run_round(include_str!("data/blind-round20-korea.tsv"), None, 70);
}

#[test]
fn blind_round_20_webb_holds() {
    run_round(
        include_str!("data/blind-round20-webb.tsv"),
        Some(WEBB_BANK),
        77,
    );
}

/// Round 21, first contact (on 02b9270, mid-stop): 72/100 (Korea) and
/// 76/100 (Webb), no false SUPPORTED; the stop's first build (e5b8452)
/// scores it 69 and 71.
#[test]
fn blind_round_21_korea_holds() {
    run_round(include_str!("data/blind-round21-korea.tsv"), None, 72);
}

#[test]
fn blind_round_21_webb_holds() {
    run_round(
        include_str!("data/blind-round21-webb.tsv"),
        Some(WEBB_BANK),
        76,
    );
}

/// Round 22, first contact (on e8ece6a, the end of this stop): 59/100
/// (Korea) and 70/100 (Webb), no false SUPPORTED; the stop's first build
/// (e5b8452) scores it 57 and 65.
#[test]
fn blind_round_22_korea_holds() {
    run_round(include_str!("data/blind-round22-korea.tsv"), None, 59);
}

#[test]
fn blind_round_22_webb_holds() {
    run_round(
        include_str!("data/blind-round22-webb.tsv"),
        Some(WEBB_BANK),
        70,
    );
}

/// `verify --quiet` judges through a verifier that makes no texts: on
/// every labelled statement of both banks it gives the verdict and fact
/// the full judgement gives, and no text.
#[test]
fn verdicts_only_judges_as_the_full_judgement() {
    use factcheck::verify::Verifier;
    let korea = [
        include_str!("data/verify-examples.tsv"),
        include_str!("data/verify-extra.tsv"),
        include_str!("data/verify-more.tsv"),
        include_str!("data/blind-round8-korea.tsv"),
        include_str!("data/blind-round9-korea.tsv"),
    ];
    let webb = [
        include_str!("data/blind-round8-webb.tsv"),
        include_str!("data/blind-round9-webb.tsv"),
    ];
    let banks = [
        (factcheck::bank::load(None).unwrap(), &korea[..]),
        (
            factcheck::bank::load(Some(std::path::Path::new(WEBB_BANK))).unwrap(),
            &webb[..],
        ),
    ];
    for (bank, files) in &banks {
        let (full, lean) = (Verifier::new(bank), Verifier::new(bank).verdicts_only());
        for (_, _, s) in files.iter().flat_map(|f| rows(f)) {
            let (j, l) = (full.judge(&s), lean.judge(&s));
            assert_eq!((j.verdict, &j.fact_id), (l.verdict, &l.fact_id), "{s}");
            assert!(l.explanation.is_empty() && l.evidence.is_none(), "{s}");
            assert!(l.correction.is_none() && l.statement.is_empty(), "{s}");
        }
    }
}
