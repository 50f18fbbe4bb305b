//! Splitting text into tokens: words, numbers and symbols, with the facts
//! about each that reading needs (capitals, possessives, what it is glued to).

pub(crate) use compact_str::CompactString;

/// A word or stem: short ones are stored inline, without allocating.
pub(crate) type Word = CompactString;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Number,
    Symbol,
}
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Lower-cased, without dots or possessive `'s`. Short words live
    /// inline: no allocation for most tokens.
    pub(crate) text: CompactString,
    /// Byte span in the original text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokKind,
    /// First letter upper-case in the original.
    pub(crate) cap: bool,
    /// Every letter upper-case (and at least two of them).
    pub(crate) upper: bool,
    /// Glued to the previous token (`112th`, `35M`).
    pub(crate) attached: bool,
    /// Written with a possessive `'s` or `s'`.
    pub(crate) possessive: bool,
    pub(crate) sentence_start: bool,
    /// The word lists `text` is in, a bit each (`lang::CLASS_*`): set
    /// with the text, so that a list is asked by a bit, not a lookup.
    pub(crate) class: u64,
}

impl Token {
    /// Whether the token's text is in any of the lists of `classes`
    /// (`lang::CLASS_STOPWORDS | …`).
    #[inline]
    pub(crate) fn is(&self, classes: u64) -> bool {
        self.class & classes != 0
    }

    /// Gives the token another text, and with it its lists.
    pub(crate) fn set_text(&mut self, text: CompactString) {
        self.class = super::class_of(&text);
        self.text = text;
    }

    /// A number or symbol token: its text as written.
    fn plain(
        s: &str,
        start: usize,
        end: usize,
        kind: TokKind,
        prev_end: usize,
        sentence_start: bool,
    ) -> Token {
        Token {
            text: CompactString::from(&s[start..end]),
            class: super::class_of(&s[start..end]),
            start,
            end,
            kind,
            cap: false,
            upper: false,
            attached: prev_end == start,
            possessive: false,
            sentence_start,
        }
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | ':')
}

/// The character at byte `i` and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some((b as char, 1))
    } else {
        s.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
    }
}

/// Splits text into words, numbers and currency symbols. Hyphenated words
/// become their parts, `n't` becomes `not`, `'s` is dropped, and the dots of
/// abbreviations go (`U.S.` → `us`). One pass over the bytes; only non-ASCII
/// characters are decoded.
pub(crate) fn tokenize(s: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(s.len() / 6 + 1);
    let mut i = 0;
    let mut sentence_start = true;
    let mut prev_end = usize::MAX;
    let is_digit = |j: usize| s.as_bytes().get(j).is_some_and(u8::is_ascii_digit);
    while let Some((c, len)) = char_at(s, i) {
        let start = i;
        // A minus sign before digits, not a hyphen inside a word: "-220".
        let signed = c == '-'
            && is_digit(i + 1)
            && (i == 0 || s[..i].ends_with(|p: char| p.is_whitespace() || p == '('));
        if c.is_ascii_digit() || signed {
            let mut j = i + 1;
            while let Some(&d) = s.as_bytes().get(j) {
                if d.is_ascii_digit() {
                    j += 1;
                } else if matches!(d, b',' | b'.' | b'/' | b'-' | b':') && is_digit(j + 1) {
                    j += 2;
                } else {
                    break;
                }
            }
            out.push(Token::plain(
                s,
                start,
                j,
                TokKind::Number,
                prev_end,
                sentence_start,
            ));
            if let Some(year) = short_year(s, start, j) {
                let t = out.last_mut().expect("just pushed");
                t.text = CompactString::from(year.to_string());
                t.class = super::class_of(&t.text);
            }
            sentence_start = false;
            prev_end = j;
            i = j;
        } else if c.is_alphabetic() {
            let (j, plain) = scan_word(s, i, c);
            let (raw, attached) = (&s[start..j], prev_end == start);
            match plain {
                Some(n) => out.push(ascii_word(raw, n, start, attached, sentence_start)),
                None => push_word(&mut out, raw, start, attached, sentence_start),
            }
            sentence_start = false;
            prev_end = j;
            i = j;
        } else if matches!(c, '$' | '€' | '£' | '¥' | '₩' | '~' | '%')
            // "300+": a bound, kept only right after a figure.
            || (c == '+' && i > 0 && is_digit(i - 1))
        {
            let end = start + len;
            out.push(Token::plain(
                s,
                start,
                end,
                TokKind::Symbol,
                prev_end,
                sentence_start,
            ));
            sentence_start = false;
            prev_end = end;
            i = end;
        } else {
            if is_sentence_end(c) {
                sentence_start = true;
            }
            i += len;
        }
    }
    out
}

/// "'24", "’59": a year written with two digits after an apostrophe
/// (2000 to 2030, else the 1900s), not the end of a word ("rock'n'").
fn short_year(s: &str, start: usize, end: usize) -> Option<i32> {
    let before = s[..start].strip_suffix(['\'', '’'])?;
    let word_before = before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let n: i32 = s[start..end].parse().ok().filter(|_| end - start == 2)?;
    (!word_before).then_some(if n <= 30 { 2000 + n } else { 1900 + n })
}

/// Where the word starting at byte `i` with letter `c` ends, and its
/// letters counted when it is plain ASCII letters and digits.
fn scan_word(s: &str, i: usize, c: char) -> (usize, Option<Letters>) {
    let is_alnum = |j: usize| char_at(s, j).is_some_and(|(c, _)| c.is_alphanumeric());
    let is_alpha = |j: usize| char_at(s, j).is_some_and(|(c, _)| c.is_alphabetic());
    let bytes = s.as_bytes();
    let mut j = i + c.len_utf8();
    // Most of a word is lower-case ASCII letters: byte by byte, noting
    // only whether some are not (capitals, digits), to count them after.
    let mut mixed = !c.is_ascii_lowercase();
    while let Some(&b) = bytes.get(j) {
        if b.is_ascii_lowercase() {
            j += 1;
        } else if b.is_ascii_alphanumeric() {
            mixed = true;
            j += 1;
        } else {
            break;
        }
    }
    let mut seg_len = 1 + j - (i + c.len_utf8());
    let special = |b: &u8| matches!(b, b'\'' | b'-' | b'.') || *b >= 0x80;
    if c.is_ascii() && !bytes.get(j).is_some_and(special) {
        let n = if mixed {
            let mut n = Letters::of(bytes[i]);
            bytes[i + 1..j].iter().for_each(|&b| n.add(b));
            n
        } else {
            Letters {
                letters: j - i,
                uppers: 0,
                cap: false,
            }
        };
        return (j, Some(n));
    }
    while let Some((d, dl)) = char_at(s, j) {
        if d.is_alphanumeric() {
            j += dl;
            seg_len += 1;
        } else if matches!(d, '\'' | '’' | '-' | '‐') && is_alnum(j + dl) {
            j += dl;
            seg_len = 0;
        } else if d == '.' && seg_len == 1 && is_alpha(j + 1) && !is_alpha(j + 2) {
            // An abbreviation made of single letters: U.S., U.N. (not
            // "n.zealand", an initial glued to the word it stands before).
            j += 1;
            seg_len = 0;
        } else {
            break;
        }
    }
    (j, None)
}

/// Adds one word run, split at hyphens, with contractions resolved.
fn push_word(out: &mut Vec<Token>, raw: &str, offset: usize, attached: bool, sentence: bool) {
    // Fast path: a plain ASCII word, most of any text.
    if raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push(plain_word(raw, offset, attached, sentence));
        return;
    }
    let first_cap = raw.chars().next().is_some_and(char::is_uppercase);
    let mut part_start = 0;
    let mut first = true;
    // Split at hyphens without collecting: most words have none.
    let ends = raw
        .char_indices()
        .filter(|&(_, ch)| ch == '-' || ch == '‐')
        .map(|(k, ch)| (k, k + ch.len_utf8()))
        .chain(std::iter::once((raw.len(), raw.len())));
    for (end, next) in ends {
        let (a, b) = (part_start, end);
        part_start = next;
        let part = &raw[a..b];
        if part.is_empty() {
            continue;
        }
        let (mut n_letters, mut n_upper) = (0usize, 0usize);
        let mut first_letter_upper = None;
        // "ROK's" is still in capitals: the possessive does not count.
        let stem_part = part
            .strip_suffix("'s")
            .or_else(|| part.strip_suffix("’s"))
            .unwrap_or(part);
        for c in stem_part.chars().filter(|c| c.is_alphabetic()) {
            n_letters += 1;
            let up = c.is_uppercase();
            n_upper += usize::from(up);
            first_letter_upper.get_or_insert(up);
        }
        // "Geun-hye": the later parts of a capitalised name belong to it.
        let cap = first_letter_upper == Some(true) || (!first && first_cap);
        let upper = n_letters >= 2 && n_upper == n_letters;
        let plain = part.bytes().all(|b| b.is_ascii_alphanumeric());
        let mut lower = lowered(part, plain);
        let mut negated = false;
        let mut possessive = false;
        if !plain {
            if let Some(base) = lower.strip_suffix("n't") {
                negated = true;
                lower = match base {
                    "ca" => "can".into(),
                    "wo" => "will".into(),
                    "sha" => "shall".into(),
                    _ => CompactString::from(base),
                };
            } else if let Some(base) = lower.strip_suffix("'s") {
                lower.truncate(base.len());
                possessive = true;
            }
        }
        let kind = if lower.bytes().all(|c| c.is_ascii_digit()) {
            TokKind::Number
        } else {
            TokKind::Word
        };
        out.push(Token {
            class: super::class_of(&lower),
            text: lower,
            start: offset + a,
            end: offset + b,
            kind,
            cap,
            upper,
            attached: attached && first,
            possessive,
            sentence_start: sentence && first,
        });
        if negated {
            out.push(Token {
                text: CompactString::const_new("not"),
                class: super::class_of("not"),
                start: offset + b,
                end: offset + b,
                kind: TokKind::Word,
                cap: false,
                upper: false,
                attached: true,
                possessive: false,
                sentence_start: false,
            });
        }
        first = false;
    }
}

/// How many words of `phrase` (words joined by single spaces, as the
/// phrase lists write them) the tokens from `k` on spell, if they spell
/// it all; without splitting the phrase.
pub(crate) fn phrase_at(tokens: &[Token], k: usize, phrase: &str) -> Option<usize> {
    let mut rest = phrase;
    let mut n = 0;
    loop {
        rest = rest.strip_prefix(tokens.get(k + n)?.text.as_str())?;
        n += 1;
        match rest.strip_prefix(' ') {
            Some(more) => rest = more,
            None => return rest.is_empty().then_some(n),
        }
    }
}

/// A word token of exactly this text (for tests of the word lists).
#[cfg(test)]
pub(crate) fn word_token(text: &str) -> Token {
    let mut t = Token::plain(text, 0, text.len(), TokKind::Word, usize::MAX, false);
    t.set_text(CompactString::from(text));
    t
}

/// The text of token `i` if it is a word.
pub(crate) fn word_at(tokens: &[Token], i: usize) -> Option<&str> {
    tokens
        .get(i)
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| t.text.as_str())
}

/// The letters and capitals of an ASCII word made of letters and digits
/// (a letter is at least `A`, a capital at most `Z`).
#[derive(Clone, Copy, Default)]
struct Letters {
    letters: usize,
    uppers: usize,
    /// The first letter is a capital.
    cap: bool,
}

impl Letters {
    fn of(first: u8) -> Letters {
        let mut n = Letters::default();
        n.add(first);
        n.cap = n.uppers == 1;
        n
    }

    #[inline]
    fn add(&mut self, b: u8) {
        self.letters += usize::from(b >= b'A');
        self.uppers += usize::from(b.wrapping_sub(b'A') < 26);
    }
}

/// A plain ASCII word or number, lower-cased.
fn plain_word(raw: &str, offset: usize, attached: bool, sentence: bool) -> Token {
    let mut n = Letters::default();
    for &b in raw.as_bytes() {
        n.add(b);
    }
    n.cap = raw
        .bytes()
        .find(u8::is_ascii_alphabetic)
        .is_some_and(|b| b.is_ascii_uppercase());
    ascii_word(raw, n, offset, attached, sentence)
}

/// A word part in lower case, without dots, with a plain apostrophe and
/// Latin letters without accents.
fn lowered(part: &str, plain: bool) -> CompactString {
    let mut l = CompactString::default();
    if plain {
        l.push_str(part);
        l.make_ascii_lowercase();
        return l;
    }
    for c in (part.chars().filter(|&c| c != '.')).flat_map(char::to_lowercase) {
        match c {
            '’' => l.push('\''),
            c => fold_latin(c, &mut l),
        }
    }
    l
}

/// A Latin letter without its accent ("í" → "i", "ø" → "o", "ß" → "ss"),
/// as people type names on a plain keyboard: "sao paulo" is "São Paulo".
/// Other characters stay as they are.
fn fold_latin(c: char, out: &mut CompactString) {
    let latin = matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}');
    match deunicode::deunicode_char(c).filter(|_| latin && c.is_alphabetic()) {
        Some(plain) if !plain.is_empty() && plain.is_ascii() => {
            out.extend(plain.chars().map(|p| p.to_ascii_lowercase()));
        }
        _ => out.push(c),
    }
}

/// A word of ASCII letters and digits, its letters counted.
fn ascii_word(raw: &str, n: Letters, offset: usize, attached: bool, sentence: bool) -> Token {
    let mut text = CompactString::from(raw);
    if n.uppers > 0 {
        text.make_ascii_lowercase();
    }
    let kind = if n.letters == 0 {
        TokKind::Number
    } else {
        TokKind::Word
    };
    Token {
        class: super::class_of(&text),
        text,
        start: offset,
        end: offset + raw.len(),
        kind,
        cap: n.cap,
        upper: n.letters >= 2 && n.uppers == n.letters,
        attached,
        possessive: false,
        sentence_start: sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_and_possessives() {
        let t: Vec<Word> = tokenize("Spain didn't join Norway's U.S.-led bloc")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            ["spain", "did", "not", "join", "norway", "us", "led", "bloc"]
        );
    }

    #[test]
    fn an_initial_glued_to_a_word_is_no_abbreviation() {
        for (s, want) in [
            (
                "n.zealand and the U.N.",
                vec!["n", "zealand", "and", "the", "un"],
            ),
            ("the U.S.A. team", vec!["the", "usa", "team"]),
        ] {
            let got: Vec<Word> = tokenize(s).into_iter().map(|t| t.text).collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn a_year_after_an_apostrophe_is_written_out() {
        for (s, want) in [
            ("feb '24", vec!["feb", "2024"]),
            ("in ’59", vec!["in", "1959"]),
            ("rock'24", vec!["rock'24"]),
            ("'124", vec!["124"]),
        ] {
            let got: Vec<Word> = tokenize(s).into_iter().map(|t| t.text).collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn accented_latin_letters_are_typed_plain() {
        for (s, want) in [
            ("Córdoba", vec!["cordoba"]),
            ("Tromsø Straße", vec!["tromso", "strasse"]),
            ("São Paulo's", vec!["sao", "paulo"]),
            ("東京", vec!["東京"]),
        ] {
            let got: Vec<Word> = tokenize(s).into_iter().map(|t| t.text).collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn phrases_are_spelled_by_whole_tokens() {
        let toks = tokenize("it came after the fall, prior to 1990");
        let at = |k, p| phrase_at(&toks, k, p);
        assert_eq!(at(2, "after"), Some(1));
        assert_eq!(at(5, "prior to"), Some(2));
        assert_eq!(at(5, "prior"), Some(1));
        assert_eq!(at(2, "after the fall"), Some(3));
        let misses = [
            (2, "aft"),
            (2, "after th"),
            (5, "prior to 19"),
            (6, "to 1990 x"),
            (0, "its"),
        ];
        for (k, p) in misses {
            assert_eq!(at(k, p), None, "{p}");
        }
        assert_eq!(at(8, "x"), None, "past the end");
    }

    #[test]
    fn capitals_and_kinds_of_plain_words() {
        // (text, cap, upper, number) for each token.
        type Flags = (&'static str, bool, bool, bool);
        let cases: [(&str, &[Flags]); 4] = [
            (
                "ESA launched ERS in 1991",
                &[
                    ("esa", true, true, false),
                    ("launched", false, false, false),
                    ("ers", true, true, false),
                    ("in", false, false, false),
                    ("1991", false, false, true),
                ],
            ),
            (
                "A b2B 35M x",
                &[
                    ("a", true, false, false),
                    ("b2b", false, false, false),
                    ("35", false, false, true),
                    ("m", true, false, false),
                    ("x", false, false, false),
                ],
            ),
            ("Oslo.", &[("oslo", true, false, false)]),
            (
                "iPhone OK",
                &[("iphone", false, false, false), ("ok", true, true, false)],
            ),
        ];
        for (s, want) in cases {
            let got: Vec<(String, bool, bool, bool)> = tokenize(s)
                .into_iter()
                .map(|t| {
                    (
                        t.text.to_string(),
                        t.cap,
                        t.upper,
                        t.kind == TokKind::Number,
                    )
                })
                .collect();
            let want: Vec<(String, bool, bool, bool)> = want
                .iter()
                .map(|&(w, c, u, n)| (w.to_string(), c, u, n))
                .collect();
            assert_eq!(got, want, "{s}");
        }
    }
}
