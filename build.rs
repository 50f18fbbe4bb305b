//! Turns the English word lists in `src/lang/data/` (and the world tables
//! in `data/world/`) into static tables
//! (hash sets and maps, and slices in file order), so that the
//! binary pays nothing at start-up however long the lists grow.
//!
//! A `.txt` file is one word per line; a `.tsv` file is a key and typed
//! columns, the types named on a `#!` line (`&str`, `u8`, `u64`, `f64`,
//! `Cmp`). Lines starting with `#` are comments.
//!
//! The WordNet lexicon in `wordnet/` becomes flat binary tables
//! (see `build/lexicon.rs`).

#[path = "build/lexicon.rs"]
mod lexicon;
#[path = "src/lang/word_hash.rs"]
mod word_hash;

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // English in src/lang/data; general world knowledge (countries,
    // regions: see their headers for source and licence) in data/world,
    // outside src/, which holds no names of places.
    // The tables' hash is the reader's: one file for both.
    println!("cargo::rerun-if-changed=src/lang/word_hash.rs");
    let mut files: Vec<_> = Vec::new();
    for dir in ["src/lang/data", "data/world"] {
        println!("cargo::rerun-if-changed={dir}");
        files.extend(
            std::fs::read_dir(Path::new(dir))
                .expect(dir)
                .map(|e| e.expect("dir entry").path()),
        );
    }
    files.sort();
    let mut out = String::new();
    let mut classes: Vec<(String, Vec<String>)> = Vec::new();
    for path in files {
        let name = path.file_stem().unwrap().to_str().unwrap().to_uppercase();
        let text = std::fs::read_to_string(&path).expect("word list");
        let found = match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => word_list(&mut out, &name, &text),
            Some("tsv") => table(&mut out, &name, &text),
            _ => vec![],
        };
        if path.starts_with("src/lang/data") {
            classes.extend(found);
        }
    }
    word_classes(&mut out, &classes);
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("lang_tables.rs"), out).expect("write tables");
    lexicon::build(Path::new(&out_dir));
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Every word of the English lists (the single-word keys of a table, the
/// first words of its phrases) with a bit per list it is in, so that a
/// token is looked up once and tested against any list by a bit
/// (`CLASS_STOPWORDS`, `CLASS_ORDER_FIRST`, …).
fn word_classes(out: &mut String, classes: &[(String, Vec<String>)]) {
    assert!(
        classes.len() <= 64,
        "{} word classes: more than a u64",
        classes.len()
    );
    let mut bits: Vec<(&str, u64)> = Vec::new();
    for (i, (name, words)) in classes.iter().enumerate() {
        writeln!(out, "pub(crate) const CLASS_{name}: u64 = 1 << {i};").unwrap();
        for w in words {
            match bits.iter_mut().find(|(k, _)| k == w) {
                Some((_, b)) => *b |= 1 << i,
                None => bits.push((w, 1 << i)),
            }
        }
    }
    let body: Vec<String> = bits
        .iter()
        .map(|(k, b)| format!("({k:?}, {b:#x})"))
        .collect();
    let keys: Vec<&str> = bits.iter().map(|(k, _)| *k).collect();
    writeln!(
        out,
        "pub(crate) static CLASSES: &[(&str, u64)] = &[{}];",
        body.join(", ")
    )
    .unwrap();
    writeln!(
        out,
        "pub(crate) static CLASSES_MAP: Map<u64> = Map {{ shape: {}, index: {}, rows: CLASSES }};",
        shape(keys.iter().copied()),
        index(&keys)
    )
    .unwrap();
}

/// Writes a word list's slice and set; returns its words as a class.
fn word_list(out: &mut String, name: &str, text: &str) -> Vec<(String, Vec<String>)> {
    let words: Vec<&str> = lines(text).collect();
    let mut seen = std::collections::HashSet::new();
    for w in &words {
        assert!(seen.insert(*w), "{name}: \"{w}\" listed twice");
    }
    writeln!(out, "pub(crate) static {name}: &[&str] = &{words:?};").unwrap();
    writeln!(
        out,
        "pub(crate) static {name}_SET: Set = Set {{ shape: {}, index: {}, keys: {name} }};",
        shape(words.iter().copied()),
        index(&words)
    )
    .unwrap();
    let words = words.iter().map(|w| w.to_string()).collect();
    vec![(name.to_string(), words)]
}

/// An `Index` literal over unique keys: slots for twice as many keys
/// (rounded up to a power of two), each key in its home slot or the next
/// free one, as `table.rs` looks them up.
fn index(keys: &[&str]) -> String {
    use word_hash::{home, word_hash};
    let bits = (2 * keys.len()).next_power_of_two().max(2).trailing_zeros();
    let mut slots = vec![0u16; 1 << bits];
    let hashes: Vec<u64> = keys.iter().map(|k| word_hash(k.as_bytes())).collect();
    for (i, &h) in hashes.iter().enumerate() {
        let mut s = home(h, bits);
        while slots[s] != 0 {
            s = (s + 1) % slots.len();
        }
        slots[s] = u16::try_from(i + 1).expect("a word list of fewer than 65,535 words");
    }
    format!("Index {{ bits: {bits}, slots: &{slots:?}, hashes: &{hashes:?} }}")
}

/// The lengths and first bytes of a list's words, as a `Shape` literal:
/// a word of another length or first byte is ruled out before hashing.
fn shape<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let (mut lens, mut firsts) = (0u64, [0u64; 4]);
    for w in words {
        lens |= 1 << w.len().min(63);
        if let Some(&b) = w.as_bytes().first() {
            firsts[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }
    format!("Shape {{ lens: {lens:#x}, firsts: {firsts:#x?} }}").replace('\n', " ")
}

fn literal(ty: &str, v: &str) -> String {
    match ty {
        "&str" => format!("{v:?}"),
        "Cmp" => format!("Cmp::{v}"),
        "f64" if !v.contains(['.', 'e']) => format!("{v}.0"),
        _ => v.to_string(),
    }
}

/// Writes a table's slice, its phrases' first words and its map by key;
/// returns its single-word keys and its phrases' first words as classes.
fn table(out: &mut String, name: &str, text: &str) -> Vec<(String, Vec<String>)> {
    let mut classes = Vec::new();
    let types: Vec<&str> = text
        .lines()
        .find_map(|l| l.strip_prefix("#!"))
        .unwrap_or_else(|| panic!("{name}: no #! line naming the column types"))
        .split_whitespace()
        .collect();
    let tuple = if types.len() == 1 {
        types[0].to_string()
    } else {
        format!("({})", types.join(", "))
    };
    let mut rows = Vec::new();
    for l in lines(text) {
        let cols: Vec<&str> = l.split('\t').collect();
        assert_eq!(cols.len(), types.len() + 1, "{name}: bad row {l:?}");
        let vals: Vec<String> = types
            .iter()
            .zip(&cols[1..])
            .map(|(t, v)| literal(t, v))
            .collect();
        let val = if vals.len() == 1 {
            vals[0].clone()
        } else {
            format!("({})", vals.join(", "))
        };
        rows.push((cols[0], val));
    }
    let body: Vec<String> = rows.iter().map(|(k, v)| format!("({k:?}, {v})")).collect();
    writeln!(
        out,
        "pub(crate) static {name}: &[(&str, {tuple})] = &[{}];",
        body.join(", ")
    )
    .unwrap();
    // Phrases: a set of their first words, so a reader tests one word.
    if rows.iter().any(|(k, _)| k.contains(' ')) {
        let mut firsts: Vec<&str> = Vec::new();
        for (k, _) in &rows {
            let first = k.split(' ').next().unwrap();
            if !firsts.contains(&first) {
                firsts.push(first);
            }
        }
        writeln!(
            out,
            "pub(crate) static {name}_FIRST_SET: Set = Set {{ shape: {}, index: {}, keys: &{firsts:?} }};",
            shape(firsts.iter().copied()),
            index(&firsts)
        )
        .unwrap();
        let firsts = firsts.iter().map(|w| w.to_string()).collect();
        classes.push((format!("{name}_FIRST"), firsts));
    }
    // A map by key, when keys are unique (pair lists such as antonyms repeat them).
    let mut seen = std::collections::HashSet::new();
    if rows.iter().all(|(k, _)| seen.insert(*k)) {
        let keys: Vec<&str> = rows.iter().map(|(k, _)| *k).collect();
        writeln!(
            out,
            "pub(crate) static {name}_MAP: Map<{tuple}> = Map {{ shape: {}, index: {}, rows: {name} }};",
            shape(keys.iter().copied()),
            index(&keys)
        )
        .unwrap();
        let words = keys.iter().filter(|k| !k.contains(' '));
        classes.push((name.to_string(), words.map(|w| w.to_string()).collect()));
    }
    classes
}
