//! Criterion benchmarks for the verifier: reading a statement, finding
//! candidate facts, a full verdict, building the index, and how time grows
//! with input size. Run with `cargo bench --bench verify`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use factcheck::bank;
use factcheck::verify::Verifier;

const STATEMENTS: &[&str] = &[
    "Cuba was South Korea's one hundred and ninety-third diplomatic partner.",
    "Trade between South Korea and Cuba was worth 21 thousand dollars in 2022.",
    "More than 20,000 South Koreans visited Cuba each year before the pandemic.",
    "Seoul and Havana set up diplomatic relations on 14/02/2024.",
    "The Eiffel Tower is in Paris.",
];

fn benches(c: &mut Criterion) {
    let bank = bank::load(None).unwrap();
    let verifier = Verifier::new(&bank);

    c.bench_function("bank/parse_embedded", |b| {
        b.iter(|| bank::parse::<Vec<bank::Question>>(black_box(bank::EMBEDDED), "bench").unwrap())
    });
    c.bench_function("index/build", |b| {
        b.iter(|| Verifier::new(black_box(&bank)))
    });

    let mut g = c.benchmark_group("per_statement");
    g.throughput(Throughput::Elements(STATEMENTS.len() as u64));
    g.bench_function("normalise", |b| {
        b.iter(|| {
            for s in STATEMENTS {
                black_box(verifier.analyse(black_box(s)));
            }
        })
    });
    let analysed: Vec<_> = STATEMENTS.iter().map(|s| verifier.analyse(s)).collect();
    g.bench_function("retrieve", |b| {
        b.iter(|| {
            for a in &analysed {
                black_box(verifier.retrieve(black_box(a)));
            }
        })
    });
    g.bench_function("verify", |b| {
        b.iter(|| {
            for s in STATEMENTS {
                black_box(verifier.judge(black_box(s)));
            }
        })
    });
    let lean = Verifier::new(&bank).verdicts_only();
    g.bench_function("verify_verdicts_only", |b| {
        b.iter(|| {
            for s in STATEMENTS {
                black_box(lean.judge(black_box(s)));
            }
        })
    });
    g.finish();

    // The labelled statements for the shipped bank, as `verify --quiet
    // --jobs 1` judges them: the rate of a realistic mix.
    let mix = labelled_mix();
    let mut g = c.benchmark_group("mix");
    g.throughput(Throughput::Elements(mix.len() as u64));
    g.bench_function("verdicts_only", |b| {
        b.iter(|| {
            for s in &mix {
                black_box(lean.judge(black_box(s)));
            }
        })
    });
    g.finish();

    // Time should grow linearly with the statement's length.
    let mut g = c.benchmark_group("scaling");
    let chunk = "Cuba has strong ties with North Korea and 14,000 visitors in 2024 ";
    for size in [1_000usize, 10_000, 100_000] {
        let text = chunk.repeat(size / chunk.len() + 1);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, t| {
            b.iter(|| verifier.judge(black_box(t)))
        });
    }
    g.finish();
}

/// The statements (third column) of the labelled files for the shipped
/// bank.
fn labelled_mix() -> Vec<&'static str> {
    let files = [
        include_str!("../tests/data/verify-examples.tsv"),
        include_str!("../tests/data/verify-extra.tsv"),
        include_str!("../tests/data/verify-more.tsv"),
        include_str!("../tests/data/blind-round8-korea.tsv"),
        include_str!("../tests/data/blind-round9-korea.tsv"),
    ];
    files
        .iter()
        .flat_map(|f| f.lines())
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.splitn(3, '\t').nth(2))
        .collect()
}

criterion_group! {
    name = verify;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(verify);
