//! Criterion benchmarks for the answer history: the cost of recording one
//! answer (one committed, fsynced INSERT) and of the start-up queries, in
//! histories of 10,000, 100,000 and 1,000,000 answers. The cost per answer
//! must not grow with the history. Run with `cargo bench --bench history`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use factcheck::quiz::history::{History, Record};

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// An answer like the quiz records: one of 56 questions, two banks.
fn record(i: usize) -> Record {
    Record {
        time: 1_700_000_000.0 + i as f64,
        bank: if i.is_multiple_of(10) {
            "Other bank"
        } else {
            "Bench bank"
        }
        .into(),
        question: format!("question-{}", i % 56),
        fact: format!("fact-{}", i % 24),
        topic: format!("topic-{}", i % 5),
        correct: !i.is_multiple_of(3),
        // Sessions of ten answers, as a quiz records them.
        session: Some(1_700_000_000.0 + (i - i % 10) as f64),
    }
}

/// A history of `n` answers, filled in large transactions.
fn filled(n: usize) -> (tempfile::TempDir, History) {
    let dir = tempfile::tempdir().unwrap();
    let (h, _) = History::open(&dir.path().join("factcheck")).unwrap();
    let batch: Vec<Record> = (0..50_000.min(n)).map(record).collect();
    for start in (0..n).step_by(batch.len()) {
        let len = batch.len().min(n - start);
        h.record_all(&batch[..len]).unwrap();
    }
    (dir, h)
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("history");
    g.sample_size(30).measurement_time(Duration::from_secs(8));
    for n in SIZES {
        let (dir, h) = filled(n);
        let mut i = n;
        g.bench_with_input(BenchmarkId::new("record_one_answer", n), &n, |b, _| {
            b.iter(|| {
                i += 1;
                h.record(black_box(&record(i))).unwrap()
            })
        });
        g.bench_with_input(BenchmarkId::new("open", n), &n, |b, _| {
            b.iter(|| History::open(&dir.path().join("factcheck")).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("review_cards", n), &n, |b, _| {
            b.iter(|| h.cards(black_box("Bench bank")).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("stats_queries", n), &n, |b, _| {
            b.iter(|| {
                (
                    h.topic_counts("Bench bank").unwrap(),
                    h.most_missed("Bench bank", 5).unwrap(),
                )
            })
        });
    }
    g.finish();
}

criterion_group!(history, benches);
criterion_main!(history);
