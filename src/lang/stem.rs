//! A light English stemmer: enough to meet inflections (ties/tie,
//! established/establish, quietly/quiet) at a few dozen instructions a word.

use compact_str::CompactString;

/// The stem of a lower-case word.
pub(crate) fn stem(word: &str) -> CompactString {
    let mut w = CompactString::from(word);
    let n = w.len();
    if !w.is_ascii() || n <= 3 {
        return w;
    }
    if n > 4 && (w.ends_with("ies") || w.ends_with("ied")) {
        w.truncate(n - 3);
        w.push('y');
        return w;
    }
    if w.ends_with("sses") {
        w.truncate(n - 2);
    } else if w.ends_with("ing") && n > 5 {
        w.truncate(n - 3);
        undouble(&mut w);
    } else if w.ends_with("ed") && n > 4 {
        w.truncate(n - 2);
        undouble(&mut w);
    } else if w.ends_with("ly") && n > 5 {
        w.truncate(n - 2);
    } else if w.ends_with("ment") && n > 8 {
        // announcement/announce, establishment/establish
        w.truncate(n - 4);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.truncate(n - 1);
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

fn undouble(w: &mut CompactString) {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e' | b'o') {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_inflections() {
        for (a, b) in [
            ("ties", "tie"),
            ("established", "establish"),
            ("quietly", "quiet"),
            ("countries", "country"),
            ("continued", "continues"),
            ("stopped", "stop"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }
}
