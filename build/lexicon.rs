//! Turns the WordNet tables in `wordnet/` (text, written by
//! `tools/gen-lexicon.py`) into the flat tables `src/lang/lexicon.rs`
//! reads in place: nothing is parsed or allocated when the binary starts.
//!
//! Out, in `OUT_DIR`:
//! - `lexicon_words.txt`: every word, sorted, run together;
//! - `lexicon_ends.bin`: where each word ends in that text (u32 LE);
//! - `lexicon_starts.bin`: where each word's links start (u32 LE, one more
//!   than there are words);
//! - `lexicon_links.bin`: the links, a word id with the relation in its top
//!   three bits (u32 LE), sorted by relation then word.

use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Relations, as numbered in the top three bits of a link; the reader
/// uses the same numbers.
const SYNONYM: u32 = 0;
const DERIVATION: u32 = 1;
const ANTONYM: u32 = 2;
const BASE: u32 = 3;
const HYPERNYM: u32 = 4;
/// One way: a phrase a statement may use for a plainer word
/// (`data/english/paraphrases.txt`).
const PARAPHRASE: u32 = 5;
/// Bits of a link that hold the word id.
const ID_BITS: u32 = 29;

/// A link between two words by relation: (from, relation, to).
type Link<'a> = (&'a str, u32, &'a str);

pub(crate) fn build(out: &Path) {
    let dir = Path::new("wordnet");
    println!("cargo::rerun-if-changed={}", dir.display());
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("wordnet");
    let texts = [
        read("synonyms.txt"),
        read("derivations.txt"),
        read("antonyms.txt"),
        read("inflections.txt"),
        read("hypernyms.txt"),
    ];
    // Everyday paraphrases WordNet's kept senses leave out, written for
    // this project (see the file's header).
    let paraphrases = Path::new("data/english/paraphrases.txt");
    println!("cargo::rerun-if-changed={}", paraphrases.display());
    let extra = std::fs::read_to_string(paraphrases).expect("paraphrases");
    let mut links: Vec<Link> = Vec::with_capacity(200_000);
    for row in rows(&extra) {
        match row.iter().position(|&w| w == ">") {
            Some(1) => links.extend(row[2..].iter().map(|&to| (row[0], PARAPHRASE, to))),
            Some(_) => panic!("one phrase before \">\": {row:?}"),
            None => {
                for &a in &row {
                    links.extend(row.iter().filter(|&&b| b != a).map(|&b| (a, SYNONYM, b)));
                }
            }
        }
    }
    for group in rows(&texts[0]) {
        for &a in &group {
            links.extend(group.iter().filter(|&&b| b != a).map(|&b| (a, SYNONYM, b)));
        }
    }
    for (text, rel) in [(&texts[1], DERIVATION), (&texts[2], ANTONYM)] {
        for row in rows(text) {
            assert_eq!(row.len(), 2, "not a pair: {row:?}");
            links.push((row[0], rel, row[1]));
            links.push((row[1], rel, row[0]));
        }
    }
    for (text, rel) in [(&texts[3], BASE), (&texts[4], HYPERNYM)] {
        for row in rows(text) {
            links.extend(row[1..].iter().map(|&to| (row[0], rel, to)));
        }
    }
    write_tables(out, links);
}

/// The rows of a table: words separated by spaces; `#` lines are the header.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split(' ').collect())
}

fn write_tables(out: &Path, links: Vec<Link>) {
    let mut words: Vec<&str> = links
        .iter()
        .flat_map(|&(a, _, b)| [a, b])
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    words.sort_unstable();
    assert!(
        words.len() < 1 << ID_BITS,
        "word ids must leave three bits free"
    );
    let ids: HashMap<&str, u32> = words.iter().zip(0..).map(|(&w, i)| (w, i)).collect();
    // Each word's links sorted by relation, then target (ids follow the
    // words' order): a word's links for one relation sit together,
    // alphabetically. Lists are short, so sorting them is cheap even in
    // an unoptimised build script.
    let mut per_word = vec![Vec::new(); words.len()];
    for (a, rel, b) in links {
        per_word[ids[a] as usize].push(rel << ID_BITS | ids[b]);
    }
    let (mut text, mut ends) = (String::new(), Vec::with_capacity(4 * words.len()));
    let (mut starts, mut flat) = (vec![0; 4], Vec::new());
    for (word, mut targets) in words.iter().zip(per_word) {
        assert!(
            word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{word:?}: words are lower-case letters and '_'"
        );
        text.push_str(word);
        push_u32(&mut ends, text.len());
        targets.sort_unstable();
        targets.dedup();
        flat.extend(targets.iter().flat_map(|t| t.to_le_bytes()));
        push_u32(&mut starts, flat.len() / 4);
    }
    std::fs::write(out.join("lexicon_words.txt"), text).expect("write lexicon");
    for (name, table) in [("ends", ends), ("starts", starts), ("links", flat)] {
        std::fs::write(out.join(format!("lexicon_{name}.bin")), table).expect("write lexicon");
    }
}

fn push_u32(table: &mut Vec<u8>, n: usize) {
    let n = u32::try_from(n).expect("lexicon tables under 4 GiB");
    table.extend_from_slice(&n.to_le_bytes());
}
