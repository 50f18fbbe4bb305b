//! How `verify` scales with the size of the bank: synthetic banks of 24,
//! 2,400 and 24,000 facts, made from the shipped bank by cloning its facts
//! and entities with renamed ids, their words varied (a prefix per copy)
//! and their values shifted, so that each copy is a bank of its own words.
//! Measures loading (read, parse, check, index ids), a one-shot (load,
//! build the verifier, judge one statement) and the batch judging rate.
//! Run with `cargo bench --bench scaling`; set `FACTCHECK_SCALING_DIR` to
//! keep the banks there.
//!
//! Targets: a one-shot at 24,000 facts takes at most 15× the time at 2,400;
//! the batch rate at 24,000 facts is at least a quarter of that at 24.

use std::hint::black_box;
use std::path::Path;

use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use factcheck::bank;
use factcheck::verify::Verifier;
use serde_json::{Value, json};

const SIZES: [usize; 3] = [24, 2_400, 24_000];

/// The labelled statements of `tests/data/`, the batch every size judges.
fn statements() -> Vec<String> {
    let mut out = Vec::new();
    for name in ["verify-examples.tsv", "verify-extra.tsv", "verify-more.tsv"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name);
        let text = std::fs::read_to_string(path).expect("labelled statements");
        out.extend(
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.splitn(3, '\t').nth(2))
                .map(str::to_string),
        );
    }
    out
}

/// Letters naming copy `k` ("", "qa", "qb", …): copy 0 is the bank itself.
fn tag(k: usize) -> String {
    if k == 0 {
        return String::new();
    }
    let (mut n, mut s) = (k, String::from("q"));
    while n > 0 {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
    }
    s
}

/// A text with every word of four letters or more prefixed by the copy's
/// tag, keeping its capital: "South Korea" → "Qbsouth Qbkorea".
fn vary(text: &str, tag: &str) -> String {
    if tag.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.chars().count() >= 4 {
            let cap = word.starts_with(char::is_uppercase);
            let mut t = tag.to_string();
            if cap {
                t[..1].make_ascii_uppercase();
            }
            out.push_str(&t);
            out.push_str(&word.to_lowercase());
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn vary_strings(v: &mut Value, tag: &str) {
    match v {
        Value::String(s) => *s = vary(s, tag),
        Value::Array(items) => items.iter_mut().for_each(|i| vary_strings(i, tag)),
        _ => {}
    }
}

fn rename(v: &mut Value, key: &str, tag: &str) {
    if tag.is_empty() {
        return;
    }
    match v.get_mut(key) {
        Some(Value::String(s)) => s.push_str(&format!("-{tag}")),
        Some(Value::Array(ids)) => {
            for id in ids.iter_mut() {
                if let Value::String(s) = id {
                    s.push_str(&format!("-{tag}"));
                }
            }
        }
        _ => {}
    }
}

/// Copy `k` of a fact value: other words, amounts and years.
fn vary_value(v: &mut Value, k: usize, tag: &str) {
    let shift = (k % 40) as i64;
    if let Some(text) = v.get_mut("text") {
        vary_strings(text, tag);
    }
    rename(v, "entity", tag);
    let year = |s: &str| -> String {
        let (y, rest) = s.split_at(4.min(s.len()));
        match y.parse::<i64>() {
            Ok(y) => format!("{}{rest}", y - shift),
            Err(_) => s.to_string(),
        }
    };
    for key in ["from", "until"] {
        if let Some(Value::String(s)) = v.get(key) {
            v[key] = json!(year(s));
        }
    }
    match v.get("value") {
        Some(Value::String(s)) if v["type"] == "date" => v["value"] = json!(year(s)),
        Some(Value::Number(n)) if n.is_u64() => v["value"] = json!(n.as_u64().unwrap() + k as u64),
        Some(Value::Number(n)) => v["value"] = json!(n.as_f64().unwrap() * (1.0 + shift as f64)),
        _ => {}
    }
}

/// The shipped bank grown to `facts` facts (a multiple of its own count).
fn synthetic(facts: usize) -> String {
    let base: Value = serde_json::from_str(bank::EMBEDDED).expect("shipped bank");
    let copies = facts / base["facts"].as_array().unwrap().len();
    let mut out = base.clone();
    let (mut entities, mut all_facts) = (Vec::new(), Vec::new());
    for k in 0..copies {
        let tag = tag(k);
        for e in base["entities"].as_array().unwrap() {
            let mut e = e.clone();
            rename(&mut e, "id", &tag);
            rename(&mut e, "stands_for", &tag);
            rename(&mut e, "part_of", &tag);
            for key in ["name", "aliases", "demonyms"] {
                if let Some(v) = e.get_mut(key) {
                    vary_strings(v, &tag);
                }
            }
            entities.push(e);
        }
        for f in base["facts"].as_array().unwrap() {
            let mut f = f.clone();
            for key in ["id", "entities", "subject", "people"] {
                rename(&mut f, key, &tag);
            }
            for key in ["statement", "quote", "keywords", "requires", "scope_words"] {
                if let Some(v) = f.get_mut(key) {
                    vary_strings(v, &tag);
                }
            }
            if let Some(Value::Array(values)) = f.get_mut("values") {
                values.iter_mut().for_each(|v| vary_value(v, k, &tag));
            }
            all_facts.push(f);
        }
    }
    out["entities"] = Value::Array(entities);
    out["facts"] = Value::Array(all_facts);
    // `verify` never reads the questions; they would only be copied text.
    out["questions"] = json!([]);
    serde_json::to_string_pretty(&out).expect("bank JSON")
}

fn benches(c: &mut Criterion) {
    // FACTCHECK_SCALING_DIR keeps the banks, to run the binary on them.
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir =
        std::env::var_os("FACTCHECK_SCALING_DIR").map_or(tmp.path().to_path_buf(), Into::into);
    let statements = statements();
    let one = "Cuba was the 193rd country to have ties with South Korea.";
    let mut load = c.benchmark_group("scaling/load");
    // A load of the largest bank takes a good part of a second: the same
    // number of runs per sample keeps the total time in bounds.
    load.sampling_mode(SamplingMode::Flat);
    let mut paths = Vec::new();
    for n in SIZES {
        let path = dir.join(format!("bank-{n}.json"));
        std::fs::write(&path, synthetic(n)).expect("write bank");
        let b = bank::load_facts(Some(&path)).expect("synthetic bank loads");
        assert_eq!(b.facts.len(), n);
        load.bench_with_input(BenchmarkId::from_parameter(n), &path, |b, p| {
            b.iter(|| bank::load_facts(Some(black_box(p))).unwrap())
        });
        paths.push((n, path));
    }
    load.finish();

    let mut g = c.benchmark_group("scaling/one_shot");
    g.sampling_mode(SamplingMode::Flat);
    for (n, path) in &paths {
        g.bench_with_input(BenchmarkId::from_parameter(n), path, |b, p| {
            b.iter(|| {
                let bank = bank::load_facts(Some(black_box(p))).unwrap();
                let j = Verifier::new(&bank).judge(black_box(one));
                black_box(j.verdict)
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("scaling/batch");
    g.throughput(Throughput::Elements(statements.len() as u64));
    for (n, path) in &paths {
        let bank = bank::load_facts(Some(path)).unwrap();
        let verifier = Verifier::new(&bank);
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                for s in &statements {
                    black_box(verifier.judge(black_box(s)));
                }
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = scaling;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = benches
}
criterion_main!(scaling);
