//! The one sanitiser for text from outside (statements, bank strings,
//! paths, typed answers): a terminal must never receive a control
//! character it would obey. JSON outputs do not pass through here; serde
//! escapes them exactly.

use std::borrow::Cow;

/// Characters a terminal or a text layout would act on: C0 controls, DEL,
/// C1 controls, and the bidirectional overrides and isolates that reorder
/// what is shown (and so can make text read as something else).
fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` for a terminal or text output: every control character (tab
/// included, since it moves the cursor) shown as a visible escape such as
/// `\x1b` or `\u{202e}`; everything else untouched.
pub(crate) fn terminal(s: &str) -> Cow<'_, str> {
    // Printable ASCII, most text, is told without decoding a character
    // (many bytes at once, as in `reading`).
    let printable = |ok: bool, &b: &u8| ok & (b' '..=b'~').contains(&b);
    if s.as_bytes().iter().fold(true, printable) || !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if (c as u32) < 0x80 && is_control(c) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if is_control(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`terminal`] for a path.
pub(crate) fn path(p: &std::path::Path) -> String {
    terminal(&p.to_string_lossy()).into_owned()
}

/// A statement as it is read: escape sequences (`ESC [ … m`, `ESC ] … BEL`)
/// removed whole, so that "\x1b[31mParis" reads "Paris"; every other control
/// character becomes a space, so that the words on either side stay apart.
pub(crate) fn reading(s: &str) -> Cow<'_, str> {
    // Most statements are printable ASCII: no character to decode. Folded
    // without stopping early, which the compiler does many bytes at once.
    let printable = |ok: bool, &b: &u8| ok & (b' '..=b'~').contains(&b);
    if s.as_bytes().iter().fold(true, printable) || !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' => skip_string(&mut chars),
            c if is_control(c) => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: a CSI (`[`), a string command (`]`, `P`, `X`, `^`, `_`) or a
/// two-character sequence.
fn skip_escape(chars: &mut Chars) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        Some(c) if !is_control(*c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates (0x20–0x3f), then one final character.
fn skip_csi(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        chars.next();
        if !('\u{20}'..='\u{3f}').contains(&c) {
            return;
        }
    }
}

/// Up to BEL or ST (`ESC \` or U+009C).
fn skip_string(chars: &mut Chars) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_shows_controls_as_visible_escapes() {
        for (raw, shown) in [
            ("plain text, é 한글 Ж", "plain text, é 한글 Ж"),
            ("\u{1b}]0;title\u{7}", "\\x1b]0;title\\x07"),
            ("\u{1b}[2J", "\\x1b[2J"),
            ("a\nb\tc\rd", "a\\x0ab\\x09c\\x0dd"),
            ("del\u{7f}", "del\\x7f"),
            ("c1\u{9b}31m", "c1\\u{9b}31m"),
            ("\u{202e}evil", "\\u{202e}evil"),
        ] {
            assert_eq!(terminal(raw), shown, "{raw:?}");
        }
    }

    #[test]
    fn terminal_borrows_clean_text() {
        assert!(matches!(terminal("clean"), Cow::Borrowed(_)));
    }

    #[test]
    fn reading_removes_escape_sequences_whole() {
        for (raw, read) in [
            ("\u{1b}[31mParis\u{1b}[0m", "Paris"),
            ("\u{1b}]0;title\u{7}Paris", "Paris"),
            ("\u{1b}]0;title\u{1b}\\Paris", "Paris"),
            ("\u{9b}1;2HParis", "Paris"),
            ("Paris\u{0}Lyon", "Paris Lyon"),
            ("Paris\u{7}\u{7}\tLyon", "Paris Lyon"),
            ("\u{202e}strong", " strong"),
            ("\u{1b}", ""),
            ("no controls", "no controls"),
        ] {
            assert_eq!(reading(raw), read, "{raw:?}");
        }
    }

    #[test]
    fn nothing_below_space_survives_either() {
        let all: String = (0u32..0x2070).filter_map(char::from_u32).collect();
        for s in [terminal(&all), reading(&all)] {
            assert!(!s.chars().any(is_control), "{s:?}");
        }
    }
}
