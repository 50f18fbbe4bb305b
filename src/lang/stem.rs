//! A light English stemmer: enough to meet inflections (ties/tie,
//! established/establish, quietly/quiet) at a few dozen instructions a word.

use compact_str::CompactString;

/// The stem of a lower-case word. Every rule but one keeps a prefix of
/// the word: the prefix is worked out on the bytes, and the stem made once.
pub(crate) fn stem(word: &str) -> CompactString {
    let w = word.as_bytes();
    let n = w.len();
    if !word.is_ascii() || n <= 3 {
        return CompactString::from(word);
    }
    if n > 4 && (w.ends_with(b"ies") || w.ends_with(b"ied")) {
        let mut s = CompactString::from(&word[..n - 3]);
        s.push('y');
        return s;
    }
    let end = if w.ends_with(b"sses") {
        n - 2
    } else if w.ends_with(b"ing") && n > 5 {
        undouble(w, n - 3)
    } else if w.ends_with(b"ed") && n > 4 {
        undouble(w, n - 2)
    } else if w.ends_with(b"ly") && n > 5 {
        n - 2
    } else if w.ends_with(b"ment") && n > 8 {
        // announcement/announce, establishment/establish
        n - 4
    } else if w.ends_with(b"s") && !w.ends_with(b"ss") && !w.ends_with(b"us") && !w.ends_with(b"is")
    {
        n - 1
    } else {
        n
    };
    let end = if end > 3 && w[end - 1] == b'e' {
        end - 1
    } else {
        end
    };
    CompactString::from(&word[..end])
}

/// The end of `w[..end]` with a doubled last consonant made single
/// ("stopp" → "stop").
fn undouble(w: &[u8], end: usize) -> usize {
    if end >= 3
        && w[end - 1] == w[end - 2]
        && !matches!(w[end - 1], b'l' | b's' | b'z' | b'e' | b'o')
    {
        end - 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stemmer as it was written first, on a `CompactString` edited in
    /// place: the byte version must give the same stem for every word.
    fn stem_in_place(word: &str) -> CompactString {
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
        let undouble = |w: &mut CompactString| {
            let b = w.as_bytes();
            let n = b.len();
            if n >= 3
                && b[n - 1] == b[n - 2]
                && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e' | b'o')
            {
                w.pop();
            }
        };
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
            w.truncate(n - 4);
        } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
        {
            w.truncate(n - 1);
        }
        if w.len() > 3 && w.ends_with('e') {
            w.pop();
        }
        w
    }

    #[test]
    fn stems_are_those_of_the_first_stemmer() {
        let suffixes = [
            "", "s", "es", "ed", "ing", "ly", "ment", "ies", "ied", "ness", "e",
        ];
        let extra = [
            "", "a", "ab", "abc", "été", "naïve", "sses", "ies", "ied", "ing",
        ];
        let words = crate::lang::lexicon::words().chain(extra);
        for w in words {
            for suffix in suffixes {
                let w = format!("{w}{suffix}");
                assert_eq!(stem(&w), stem_in_place(&w), "{w}");
            }
        }
    }

    #[test]
    fn stems_meet_inflections() {
        for (a, b) in [
            ("ties", "tie"),
            ("established", "establish"),
            ("quietly", "quiet"),
            ("countries", "country"),
            ("continued", "continues"),
            ("stopped", "stop"),
            ("planning", "plan"),
            ("classes", "class"),
            ("focusses", "focuss"),
            ("bus", "bus"),
            ("analysis", "analysis"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }
}
