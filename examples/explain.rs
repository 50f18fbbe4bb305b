//! Shows how the verifier reads a statement and judges each candidate fact:
//! `cargo run --example explain -- "statement"`. A tool for bank authors.

use factcheck::bank;
use factcheck::verify::{Verifier, judge};

fn main() {
    let statement = std::env::args().nth(1).unwrap_or_default();
    let bank = bank::load(None).expect("built-in bank");
    let v = Verifier::new(&bank);
    let a = v.analyse(&statement);
    let words: Vec<&str> = a.words.iter().map(|&k| a.tokens[k].text.as_str()).collect();
    println!("words:      {words:?}");
    println!("stems:      {:?}", a.stems);
    for m in &a.mentions {
        println!(
            "mention:    {} (locative: {}, people: {})",
            bank.entities[m.entity].name, m.locative, m.people
        );
    }
    for q in &a.quantities {
        println!("quantity:   {:?} {:?} small={}", q.kind, q.cmp, q.small);
    }
    println!("negations:  {}", a.negations);
    for (fi, score) in v.retrieve(&a) {
        let id = &bank.facts[fi].id;
        match judge::judge(&v, &a, v.fact_index(fi), &[fi]) {
            Ok(o) => println!("{score:6.2} {id}: {:?} {:?}", o.verdict, o.reason),
            Err(u) => println!("{score:6.2} {id}: not covered: {}", u.describe(&v, &a, fi)),
        }
    }
    println!("verdict:    {:?}", v.judge(&statement));
}
