//! `bank draft`: banks drafted from both articles and from one made up
//! here pass `bank check` unedited, give a working seeded quiz, and have
//! every fact's own statement judged SUPPORTED; `explain` and
//! `bank check --coverage` on them.

mod common;

use std::path::{Path, PathBuf};

use common::{Env, code, right_answer, seeded_items, stderr, stdout};
use factcheck::bank::Bank;
use factcheck::verify::{Judgement, Reading, Verdict};
use serde_json::Value as Json;

const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/articles");

/// A short invented news item with a date, a count, money, a measure, a
/// place and a person.
const INVENTED: &str = include_str!("data/readme/bridge.md");

fn draft(env: &Env, article: &Path, extra: &[&str]) -> (PathBuf, String) {
    let bank = env.path().join("draft.json");
    let out = env
        .cmd()
        .args(["bank", "draft"])
        .arg(article)
        .arg("-o")
        .arg(&bank)
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    (bank, stderr(&out))
}

fn load(path: &Path) -> Bank {
    factcheck::bank::load(Some(path)).expect("the draft loads")
}

/// Every property the issue asks of a draft, through the real binary.
fn check_draft(env: &Env, article: &Path, extra: &[&str]) -> Bank {
    let (path, summary) = draft(env, article, extra);
    assert!(summary.contains("drafted"), "{summary}");
    let bank = load(&path);
    assert!(bank.facts.len() >= 5, "{} facts", bank.facts.len());
    let text = std::fs::read_to_string(article).unwrap();
    assert_eq!(bank.source.text, text, "the article verbatim");
    // bank check, unedited.
    let out = env
        .cmd()
        .args(["bank", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    // Every fact's own statement SUPPORTED, through verify.
    let statements: String = bank
        .facts
        .iter()
        .map(|f| format!("{}\n", f.statement))
        .collect();
    let file = env.write("statements.txt", statements);
    let out = env
        .cmd()
        .arg("--bank")
        .arg(&path)
        .args(["verify", "--format", "json", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    let judged: Vec<Judgement> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(judged.len(), bank.facts.len());
    for j in &judged {
        assert_eq!(j.verdict, Verdict::Supported, "{j:#?}");
    }
    assert_eq!(code(&out), 0);
    // A seeded plain quiz over every question, all answered right.
    let n = bank.questions.len();
    let items = seeded_items(&bank, n, 3);
    let answers: String = items
        .iter()
        .map(|it| format!("{}\n", right_answer(&bank, it)))
        .collect();
    let count = n.to_string();
    let out = env
        .cmd()
        .arg("--bank")
        .arg(&path)
        .args([
            "quiz",
            "--format",
            "json",
            "--no-history",
            "--seed",
            "3",
            "--pass-mark",
            "100",
        ])
        .args(["--count", &count])
        .write_stdin(answers)
        .output()
        .unwrap();
    let s: Json =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    assert_eq!(s["answered"], n, "{s}");
    let wrong: Vec<&Json> = s["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["correct"] != true)
        .collect();
    assert!(wrong.is_empty(), "right answers graded wrong: {wrong:#?}");
    assert_eq!(code(&out), 0);
    bank
}

fn kinds(bank: &Bank) -> Vec<&'static str> {
    let mut k: Vec<&str> = bank.questions.iter().map(|q| q.kind().name()).collect();
    k.sort_unstable();
    k.dedup();
    k
}

#[test]
fn webb_article_drafts_a_bank_that_passes_check_and_quizzes() {
    let env = Env::new();
    let bank = check_draft(&env, &Path::new(ARTICLES).join("webb-telescope.txt"), &[]);
    assert_eq!(
        bank.source.title,
        "Webb Telescope Lifts Off on Christmas Day"
    );
    assert_eq!(bank.source.date, "2021-12-25");
    assert_eq!(kinds(&bank), ["choice", "open", "truefalse"]);
    let webb = bank
        .entities
        .iter()
        .find(|e| e.name == "James E. Webb")
        .expect("the man");
    assert!(
        webb.aliases.iter().any(|a| a == "Webb"),
        "surname: {webb:?}"
    );
}

#[test]
fn korea_article_drafts_a_bank_that_passes_check_and_quizzes() {
    let env = Env::new();
    let bank = check_draft(&env, &Path::new(ARTICLES).join("korea-cuba.txt"), &[]);
    assert_eq!(bank.source.date, "2024-02-14");
    let country = |name: &str| {
        bank.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    // Through the world tables: other names and peoples.
    assert!(
        country("South Korea")
            .aliases
            .iter()
            .any(|a| a == "Republic of Korea")
    );
    assert!(
        country("South Korea")
            .demonyms
            .iter()
            .any(|d| d == "South Koreans")
    );
    assert_eq!(
        country("Havana").part_of.as_deref(),
        Some(country("Cuba").id.as_str())
    );
}

#[test]
fn invented_article_gets_every_value_kind_and_its_false_statements_are_refuted() {
    let env = Env::new();
    let article = env.write("bridge.md", INVENTED);
    let bank = check_draft(&env, &article, &["--seed", "5"]);
    assert_eq!(bank.source.title, "Harbour Bridge Reopens in Lisbon");
    let types: Vec<String> = bank
        .facts
        .iter()
        .flat_map(|f| &f.values)
        .map(|v| {
            serde_json::to_value(v).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    for t in [
        "date", "count", "money", "measure", "place", "person", "duration",
    ] {
        assert!(types.iter().any(|x| x == t), "no {t} value: {types:?}");
    }
    // Every false statement is REFUTED and every true one SUPPORTED
    // (bank check says so too; here through verify, one by one).
    let path = env.path().join("draft.json");
    for q in &bank.questions {
        if let factcheck::bank::QuestionBody::Truefalse { answer } = q.body {
            let out = env
                .cmd()
                .arg("--bank")
                .arg(&path)
                .args(["verify", &q.prompt])
                .output()
                .unwrap();
            assert_eq!(
                code(&out),
                if answer { 0 } else { 1 },
                "{}: {}",
                q.prompt,
                stdout(&out)
            );
        }
    }
}

/// A rank read from a superlative ("the longest" for the article's
/// third-longest) and a maximum ("up to 90 km/h" for up to 70) are
/// operators: each is resolved against the fact, never let through; an
/// ISO code and a shared denomination name the article's currency.
#[test]
fn superlatives_claim_the_first_place_and_maxima_compare_as_maxima() {
    let env = Env::new();
    let article = env.write(
        "tram.txt",
        "Port Alder opens new tram line\n\nPORT ALDER, March 3, 2025 \u{2014} The city of \
         Port Alder on Monday opened a new tram line along the harbour. The line is the \
         third-longest tram line in the country, according to the transport ministry. The \
         trams travel at up to 70 kilometres per hour and carry about 4,000 passengers a day. \
         A single ticket costs 900 Chilean pesos.\n",
    );
    let (path, _) = draft(&env, &article, &[]);
    for (statement, want) in [
        ("the line is the longest tram line in the country", 1),
        ("the line is the third-longest tram line in the country", 0),
        ("the line is the 3rd longest tram line in the country", 0),
        ("the trams travel at up to 90 km/h", 1),
        ("the trams travel at up to 50 km/h", 1),
        ("the trams travel at up to 70 km/h", 0),
        ("the trams travel at less than 90 km/h", 0),
        // A shared denomination takes the currency the article names.
        ("a single ticket costs 900 CLP", 0),
        ("a single ticket costs 900 pesos", 0),
        ("a single ticket costs 1,500 pesos", 1),
    ] {
        let out = env
            .cmd()
            .arg("--bank")
            .arg(&path)
            .args(["verify", statement])
            .output()
            .unwrap();
        assert_eq!(code(&out), want, "{statement}: {}", stdout(&out));
    }
}

#[test]
fn the_same_article_and_seed_give_the_same_bank() {
    let env = Env::new();
    let article = env.write("bridge.md", INVENTED);
    let run = |seed: &str| {
        let out = env
            .cmd()
            .args(["bank", "draft", "--seed", seed])
            .arg(&article)
            .output()
            .unwrap();
        assert_eq!(code(&out), 0);
        stdout(&out)
    };
    assert_eq!(run("1"), run("1"));
    assert_ne!(run("1"), run("2"), "the seed varies the distractors");
}

#[test]
fn drafting_without_a_date_or_claims_fails_with_a_fix() {
    let env = Env::new();
    let undated = env.write(
        "undated.txt",
        "The council approved the new park plan after a long debate.\n",
    );
    let out = env
        .cmd()
        .args(["bank", "draft"])
        .arg(&undated)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("--date YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
    let out = env
        .cmd()
        .args(["bank", "draft", "--date", "2024-05-01"])
        .arg(&undated)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = env
        .cmd()
        .args(["bank", "draft", "--date", "2024-13-01"])
        .arg(&undated)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let empty = env.write("empty.txt", "Hello\n");
    let out = env
        .cmd()
        .args(["bank", "draft", "--date", "2024-05-01"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    let out = env
        .cmd()
        .args(["bank", "draft", "missing.txt"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 4);
}

#[test]
fn explain_shows_the_reading_of_any_bank() {
    let env = Env::new();
    let article = env.write("bridge.md", INVENTED);
    let (path, _) = draft(&env, &article, &[]);
    let out = env
        .cmd()
        .arg("--bank")
        .arg(&path)
        .args([
            "explain",
            "--format",
            "json",
            "The works cost more than 60 million euros.",
        ])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "REFUTED: {}", stdout(&out));
    let r: Reading = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.judgement.verdict, Verdict::Refuted);
    assert_eq!(r.values.len(), 1);
    assert_eq!(r.values[0].bound, "gt");
    assert!(!r.candidates.is_empty());
    // Text, through FACTCHECK_BANK.
    let out = env
        .cmd()
        .env("FACTCHECK_BANK", &path)
        .args(["explain", "Carla Mendes did not thank the 350 workers."])
        .output()
        .unwrap();
    let text = stdout(&out);
    for label in [
        "words:",
        "names:",
        "values:",
        "negations:",
        "candidates:",
        "verdict:",
    ] {
        assert!(text.contains(label), "{label} in {text}");
    }
    assert!(text.contains("carla-mendes"), "{text}");
    assert_eq!(code(&out), 1, "{text}");
    // A phrase read as one word is shown with what it stands for.
    let out = env
        .cmd()
        .arg("--bank")
        .arg(&path)
        .args(["explain", "--format", "json", "The works were handed over."])
        .output()
        .unwrap();
    let r: Reading = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.phrases, ["handed over → hand_over"]);
    let out = env.cmd().args(["explain", "  "]).output().unwrap();
    assert_eq!(code(&out), 2);
}

#[test]
fn explain_keeps_control_characters_off_the_terminal() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["explain", "Cuba \u{1b}[31mred\u{7} ties"])
        .output()
        .unwrap();
    assert!(
        !stdout(&out).chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        stdout(&out)
    );
}

#[test]
fn coverage_lists_the_sentences_no_fact_quotes() {
    let env = Env::new();
    let article = env.write("bridge.md", INVENTED);
    let (path, _) = draft(&env, &article, &[]);
    let mut bank: Json = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    // Take away the facts (and their questions) quoting the mayor.
    let gone: Vec<String> = bank["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["quote"].as_str().unwrap().contains("Mendes"))
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!gone.is_empty());
    bank["facts"]
        .as_array_mut()
        .unwrap()
        .retain(|f| !gone.contains(&f["id"].as_str().unwrap().to_string()));
    bank["questions"]
        .as_array_mut()
        .unwrap()
        .retain(|q| !gone.contains(&q["fact"].as_str().unwrap().to_string()));
    let edited = env.write("edited.json", serde_json::to_string(&bank).unwrap());
    let out = env
        .cmd()
        .args(["bank", "check", "--coverage", "--format", "json"])
        .arg(&edited)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "advice, not a problem: {}", stdout(&out));
    let report: Json = serde_json::from_slice(&out.stdout).unwrap();
    let uncovered: Vec<&str> = report["uncovered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(
        uncovered,
        [
            "Mayor Carla Mendes said the city had waited too long.",
            "Mendes thanked the 350 workers who rebuilt the deck."
        ]
    );
    let out = env
        .cmd()
        .args(["bank", "check", "--coverage"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    assert!(
        stdout(&out).contains("every sentence of the article is quoted by a fact"),
        "{}",
        stdout(&out)
    );
}

/// The blind sets written for two more articles before their banks were
/// drafted: an unedited draft must judge at least 80% of each right and
/// never call a false or unsupported statement SUPPORTED.
#[test]
fn an_unedited_draft_judges_blind_sets() {
    for name in ["elbe-barrier", "wind-farm"] {
        let (right, total, false_supported) = blind_score(name);
        assert!(false_supported.is_empty(), "{name}: {false_supported:#?}");
        assert!(right * 100 >= total * 80, "{name}: {right} of {total}");
    }
}

/// The realistic set written for a third article (labels first, with a
/// category: LABEL<TAB>CATEGORY<TAB>STATEMENT), judged on its unedited
/// draft (first contact 31/100): held at the floor reached so far, never
/// a false SUPPORTED. 42 → 41 when the director's quote lost its relative
/// clause to a fact of its own: a row refuted through that joined fact
/// now meets a conflicting one.
#[test]
fn an_unedited_draft_judges_the_realistic_bridge_set_without_false_support() {
    realistic_set_holds("halsafjord", "2025-09-13", 43);
}

/// Round 11's unseen article (a cable car), drafted unedited: first
/// contact 34/100 with two false SUPPORTED (a superlative read as no rank,
/// a maximum read as a bound); none now. 43 → 42 when figures were
/// paired with the words the fact puts after them: a row supported
/// through an unpaired reading went open.
#[test]
fn an_unedited_draft_judges_the_realistic_cable_car_set_without_false_support() {
    realistic_set_holds("cable-car", "2025-03-14", 44);
}

/// Round 12's unseen article (a floating wind farm), drafted unedited:
/// first contact 43/100 with three false SUPPORTED (a bare superlative
/// after an owner, "under" budget read as filler, a payer and payee
/// swapped in plain nouns); none now.
#[test]
fn an_unedited_draft_judges_the_realistic_floating_wind_set_without_false_support() {
    realistic_set_holds("floating-wind", "2025-10-16", 58);
}

/// Round 13's unseen article (a Roman shipwreck), drafted unedited: first
/// contact 42/100, no false SUPPORTED.
#[test]
fn an_unedited_draft_judges_the_realistic_shipwreck_set_without_false_support() {
    realistic_set_holds("shipwreck", "2025-09-16", 46);
}

/// Round 14's unseen article (an ice core drilled on a polar traverse),
/// drafted unedited: first contact 31/100, no false SUPPORTED.
#[test]
fn an_unedited_draft_judges_the_realistic_ice_core_set_without_false_support() {
    realistic_set_holds("ice-core", "2025-03-11", 36);
}

/// Round 15's unseen article (a rail tunnel's breakthrough), drafted
/// unedited: first contact 32/100, one false SUPPORTED ("never had more
/// than 1000 workers", its figure read as a year), since mended.
#[test]
fn an_unedited_draft_judges_the_realistic_rail_tunnel_set_without_false_support() {
    realistic_set_holds("rail-tunnel", "2025-04-11", 36);
}

/// Round 16's unseen article (a theatre reopening), drafted unedited:
/// first contact 36/100, one false SUPPORTED ("the oldest theatre in the
/// country" for the city's oldest stage), since mended.
#[test]
fn an_unedited_draft_judges_the_realistic_theatre_set_without_false_support() {
    realistic_set_holds("theatre", "2024-10-14", 42);
}

/// Round 17's unseen article (a town's flood wall), drafted unedited:
/// first contact 33/100, two false SUPPORTED ("the regional grant, not
/// the national fund, was the biggest source"; "before this scheme the
/// town had no flood defences"), since mended.
#[test]
fn an_unedited_draft_judges_the_realistic_flood_wall_set_without_false_support() {
    realistic_set_holds("flood-wall", "2025-03-14", 37);
}

/// Round 19's unseen article (bison brought back to a range of hills),
/// drafted unedited: first contact 37/100, no false SUPPORTED (35 on the
/// build at the start of the stop before).
#[test]
fn an_unedited_draft_judges_the_realistic_bison_set_without_false_support() {
    realistic_set_holds("bison", "2025-05-14", 40);
}

/// Round 20's unseen article (a town's new water plant), drafted
/// unedited: first contact 41/100, one false SUPPORTED ("the plant opened
/// less than two years after the parasite outbreak", two facts joined
/// across the gap), since mended.
#[test]
fn an_unedited_draft_judges_the_realistic_water_plant_set_without_false_support() {
    realistic_set_holds("water-plant", "2025-03-14", 45);
}

/// Round 21's unseen article (an electric ferry two years late), drafted
/// unedited: first contact 32/100 (on 02b9270, and on the stop's first
/// build), three false SUPPORTED (a date of another event in the same
/// sentence, a claim the speaker denied, "other provinces" for the
/// province's first), since mended.
#[test]
fn an_unedited_draft_judges_the_realistic_ferry_set_without_false_support() {
    realistic_set_holds("ferry", "2025-04-15", 36);
}

/// Round 22's unseen article (a marathon cut short by heat), drafted
/// unedited: first contact 23/100 (on e8ece6a, the end of this stop; the
/// stop's first build scores the same), one false SUPPORTED ("sixteen
/// runners were taken to hospital" for six), since mended.
#[test]
fn an_unedited_draft_judges_the_realistic_marathon_set_without_false_support() {
    realistic_set_holds("marathon", "2023-09-17", 25);
}

/// Article `name`'s 100 realistic statements, judged on its unedited
/// draft of `date`: no false SUPPORTED, at least `floor` right.
fn realistic_set_holds(name: &str, date: &str, floor: usize) {
    let set = format!("{name}-realistic");
    let (right, total, false_supported) = blind_score_of(name, &set, &["--date", date]);
    assert!(false_supported.is_empty(), "{false_supported:#?}");
    assert_eq!(total, 100);
    assert!(right >= floor, "{right} of {total}");
}

/// Right answers, statements, and the false SUPPORTED ones for a blind set.
fn blind_score(name: &str) -> (usize, usize, Vec<Judgement>) {
    blind_score_of(name, name, &[])
}

/// [`blind_score`] for article `name` and set `set`, which is either
/// STATEMENT<TAB>LABEL or LABEL<TAB>CATEGORY<TAB>STATEMENT.
fn blind_score_of(name: &str, set: &str, extra: &[&str]) -> (usize, usize, Vec<Judgement>) {
    let env = Env::new();
    let blind = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/blind");
    let (path, _) = draft(&env, &blind.join(format!("{name}.txt")), extra);
    let tsv = std::fs::read_to_string(blind.join(format!("{set}.tsv"))).unwrap();
    let rows: Vec<(&str, Verdict)> = tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            match cols[..] {
                [s, v] => (s, Verdict::parse(v).expect("a verdict")),
                [v, _, s] => (s, Verdict::parse(v).expect("a verdict")),
                _ => panic!("statement<TAB>label or label<TAB>category<TAB>statement: {l}"),
            }
        })
        .collect();
    let lines: String = rows.iter().map(|(s, _)| format!("{s}\n")).collect();
    let file = env.write("blind.txt", lines);
    let out = env
        .cmd()
        .arg("--bank")
        .arg(&path)
        .args(["verify", "--format", "json", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    let judged: Vec<Judgement> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(judged.len(), rows.len());
    let right = rows
        .iter()
        .zip(&judged)
        .filter(|((_, want), j)| j.verdict == *want)
        .count();
    let false_supported = rows
        .iter()
        .zip(&judged)
        .filter(|((_, want), j)| j.verdict == Verdict::Supported && *want != Verdict::Supported)
        .map(|(_, j)| j.clone())
        .collect();
    (right, rows.len(), false_supported)
}

#[test]
fn markdown_from_standard_input_drafts_to_standard_output() {
    let env = Env::new();
    let md = "## City Opens New Library\n\n*Published 3 April 2024*\n\n\
The **Riverside Library** opened in [Leeds](https://example.org) on Monday. \
It holds 120,000 books and cost £12 million.\n\n\
- About 900 people visited on the first day.\n";
    let out = env
        .cmd()
        .args(["bank", "draft", "-"])
        .write_stdin(md)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let bank: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(bank["source"]["title"], "City Opens New Library");
    assert_eq!(bank["source"]["date"], "2024-04-03");
    assert_eq!(bank["source"]["text"], md);
    let facts = bank["facts"].as_array().unwrap();
    assert_eq!(
        facts[0]["statement"],
        "The Riverside Library opened in Leeds on Monday."
    );
    assert!(md.contains(facts[0]["quote"].as_str().unwrap()));
    let path = env.write("md.json", &out.stdout);
    let out = env
        .cmd()
        .args(["bank", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}
