//! Splitting an article into its sentences, as byte spans of the text,
//! so that every quote taken from them is verbatim. Headings (a line
//! without a sentence's final stop) are kept apart: they carry no claim.

/// A sentence or heading of an article: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) heading: bool,
    /// Which paragraph (or heading) it belongs to, counting from 0.
    pub(crate) paragraph: usize,
}

/// Words whose final dot is no sentence end.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "vs", "no",
    "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "approx", "est",
];

/// The sentences and headings of `text`, in order.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut offset = 0;
    let mut in_paragraph = false;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end();
        let lead = markup_len(body);
        if body[lead..].trim().is_empty() {
            if in_paragraph {
                paragraph += 1;
                in_paragraph = false;
            }
            continue;
        }
        let (b, e) = (start + lead, start + body.len());
        let heading = body.starts_with('#') || !ends_sentence(&text[b..e]);
        if heading {
            if in_paragraph {
                paragraph += 1;
            }
            out.push(Sentence {
                start: b,
                end: e,
                heading: true,
                paragraph,
            });
            paragraph += 1;
            in_paragraph = false;
            continue;
        }
        in_paragraph = true;
        split_line(text, b, e, paragraph, &mut out);
    }
    out
}

/// Markdown's marks at the start of a line: `#`, `>`, list bullets.
fn markup_len(line: &str) -> usize {
    let trimmed = line.trim_start_matches(['#', '>', ' ', '\t']);
    let mut n = line.len() - trimmed.len();
    for bullet in ["- ", "* ", "+ "] {
        if trimmed.starts_with(bullet) {
            n += 2;
        }
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && trimmed[digits..].starts_with(". ") {
        n += digits + 2;
    }
    n
}

fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')', '*', '_']);
    s.ends_with(['.', '!', '?', ':', ';'])
}

/// Splits one line of prose at its sentence stops.
fn split_line(text: &str, b: usize, e: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let line = &text[b..e];
    let mut begin = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') && is_stop(line, i) {
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            // Closing curly quotes are three bytes.
            while line[end..].starts_with(['”', '’']) {
                end += '”'.len_utf8();
            }
            push(line, b, begin, end, paragraph, out);
            begin = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push(line, b, begin, bytes.len(), paragraph, out);
}

fn push(
    line: &str,
    base: usize,
    begin: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let s = &line[begin..end];
    let lead = s.len() - s.trim_start().len();
    let s = s.trim();
    if s.chars().any(char::is_alphanumeric) {
        out.push(Sentence {
            start: base + begin + lead,
            end: base + begin + lead + s.len(),
            heading: false,
            paragraph,
        });
    }
}

/// Whether the stop at byte `i` ends a sentence: followed by a space and
/// a capital, digit or quote, and not the dot of an initial or an
/// abbreviation ("Mary K. Jones", "U.S. dollars", "Dr. Lee").
fn is_stop(line: &str, i: usize) -> bool {
    let rest = line[i + 1..].trim_start_matches(['"', '\'', ')', '”', '’']);
    let after = rest.trim_start();
    if rest.len() == after.len() && !rest.is_empty() {
        return false;
    }
    let next = after.chars().next();
    if next.is_some_and(|c| !(c.is_uppercase() || c.is_ascii_digit() || "\"'“‘(".contains(c))) {
        return false;
    }
    if line.as_bytes()[i] != b'.' {
        return true;
    }
    let word: &str = line[..i]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // "at 11 a.m. She then …" ends there; "at 9 a.m. Tuesday" does not.
    let next_word: String = (after.chars())
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let clock = matches!(word.to_lowercase().as_str(), "a.m" | "p.m")
        && super::month_of(&next_word).is_none()
        && super::weekday_of(&next_word).is_none();
    let dotted = word.contains('.') && !clock;
    let abbreviation = ABBREVIATIONS.contains(&word.to_lowercase().as_str());
    !(initial || dotted || abbreviation)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<(&str, bool)> {
        sentences(t)
            .into_iter()
            .map(|s| (&t[s.start..s.end], s.heading))
            .collect()
    }

    #[test]
    fn sentences_split_at_stops_but_not_at_initials_or_abbreviations() {
        let t = "# A Title\n\nMary K. Jones led UNESCO. It cost 21 million U.S. dollars. Dr. Lee said \"yes.\" It opened at 9 a.m. Tuesday and closed at 5 p.m. Few came. Done!\n";
        assert_eq!(
            texts(t),
            vec![
                ("A Title", true),
                ("Mary K. Jones led UNESCO.", false),
                ("It cost 21 million U.S. dollars.", false),
                ("Dr. Lee said \"yes.\"", false),
                ("It opened at 9 a.m. Tuesday and closed at 5 p.m.", false),
                ("Few came.", false),
                ("Done!", false),
            ]
        );
    }

    #[test]
    fn lines_without_a_stop_are_headings_and_paragraphs_count() {
        let t = "Title Here\nFirst one. Second one.\n\nThird one.\n";
        let s = sentences(t);
        assert_eq!(
            s.iter().map(|s| s.heading).collect::<Vec<_>>(),
            [true, false, false, false]
        );
        assert_eq!(
            s.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            [0, 1, 1, 2]
        );
    }
}
