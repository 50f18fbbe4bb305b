//! Cleft contrasts: "it was A, not B, that C" and "it wasn't A that C
//! but B". The emphasis splits the claim around its focus, so the
//! contrast stage's "A, not B" cannot see the claim whole; here it is put
//! back together: the asserted claim ("A C") and the denied one ("B C").
//! A focus that opens with a preposition goes after the rest ("it was in
//! Norby, not Sudby, that the letters were signed" → "the letters were
//! signed in Norby" and "… in Sudby").

use crate::lang::{self, Token};

/// The words that may open a cleft's rest ("that invited", "who led").
const RELATIVES: &[&str] = &["that", "who", "which"];

/// A cleft's two claims, each a statement of its own: (asserted, denied).
pub(crate) fn claims(s: &str, toks: &[Token]) -> Option<(String, String)> {
    let it = toks
        .iter()
        .position(|t| t.text == "it")
        .filter(|&k| k <= 2)?;
    let be = toks.get(it + 1)?;
    let negated = match be.text.as_str() {
        "was" | "is" | "were" => toks.get(it + 2).is_some_and(|t| lang::is_negation(&t.text)),
        "wasnt" | "isnt" | "wasn't" | "isn't" => true,
        _ => return None,
    };
    let focus = it + 2 + usize::from(negated && toks[it + 2].text == "not");
    let rel = (focus + 1..toks.len()).find(|&k| RELATIVES.contains(&toks[k].text.as_str()))?;
    let text = |a: usize, b: usize| -> Option<&str> {
        (a < b && b <= toks.len()).then(|| s[toks[a].start..toks[b - 1].end].trim_end_matches(','))
    };
    if negated {
        // "it wasn't A that C but B"
        let but = (rel + 1..toks.len()).find(|&k| toks[k].text == "but")?;
        let (a, c, b) = (
            text(focus, rel)?,
            text(rel + 1, but)?,
            text(but + 1, toks.len())?,
        );
        return Some((join(b, c, a), join(a, c, a)));
    }
    // "it was A, not B, that C"
    let not = (focus + 1..rel)
        .find(|&k| toks[k].text == "not" && s[toks[k - 1].end..toks[k].start].contains(','))?;
    let (a, b, c) = (
        text(focus, not)?,
        text(not + 1, rel)?,
        text(rel + 1, toks.len())?,
    );
    Some((join(a, c, a), join(b, c, a)))
}

/// The focus `x` and the rest `c` as one claim; a focus without the
/// preposition the asserted focus `model` opens with takes it ("Sudby"
/// after "in Norby").
fn join(x: &str, c: &str, model: &str) -> String {
    let prep = |w: &str| {
        let first = w.split_whitespace().next().unwrap_or("").to_lowercase();
        lang::ROLE_PREPOSITIONS_SET
            .contains(first.as_str())
            .then_some(first)
    };
    match (prep(x), prep(model)) {
        (Some(_), _) => format!("{c} {x}"),
        (None, Some(p)) => format!("{c} {p} {x}"),
        (None, None) => format!("{x} {c}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::tokenize;

    #[test]
    fn a_cleft_is_put_back_together_around_its_focus() {
        for (s, want) in [
            (
                "it was Norby, not Sudby, that invited the minister",
                Some(("Norby invited the minister", "Sudby invited the minister")),
            ),
            (
                "it was in Norby, not Sudby, that the letters were signed",
                Some((
                    "the letters were signed in Norby",
                    "the letters were signed in Sudby",
                )),
            ),
            (
                "it wasnt in Sudby that the letters were signed but in Norby",
                Some((
                    "the letters were signed in Norby",
                    "the letters were signed in Sudby",
                )),
            ),
            (
                "it was not Sudby that invited the minister but Norby",
                Some(("Norby invited the minister", "Sudby invited the minister")),
            ),
            // No contrast, or no cleft: left to the other stages.
            ("it was Norby that invited the minister", None),
            ("Norby, not Sudby, invited the minister", None),
            ("the ferry said it was late, not early, that day", None),
        ] {
            let got = claims(s, &tokenize(s));
            let want = want.map(|(a, d)| (a.to_string(), d.to_string()));
            assert_eq!(got, want, "{s}");
        }
    }
}
