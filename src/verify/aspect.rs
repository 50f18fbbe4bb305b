//! Aspect: "still", "no longer", "not … anymore" set a claim in the
//! present. "They still have no ferry" and "they no longer have a ferry"
//! both deny that the state holds now, so they are REFUTED when the
//! article supports that it does ("now have a ferry"); otherwise the
//! other stages judge them, where the aspect word is one more word a fact
//! must explain. "Still" and "again" in a positive claim only add to it
//! ("he was still running it in 1970"): the claim without them refuted
//! refutes the statement.

use super::{Judgement, Verdict, Verifier};
use crate::lang::{self, Token};

/// Judges a statement that denies a present state, if it is one and the
/// article says the state holds now.
pub(crate) fn judge(v: &Verifier, statement: &str, toks: &[Token]) -> Option<Judgement> {
    if let Some(k) = added(toks) {
        let j = v.judge(&without(statement, toks, &[k], ""));
        return (j.verdict == Verdict::Refuted).then(|| Judgement {
            statement: v.text(|| statement.to_string()),
            correction: None,
            ..j
        });
    }
    let dropped = denial(toks)?;
    let j = v.judge(&without(statement, toks, &dropped, "now"));
    (j.verdict == Verdict::Supported).then(|| Judgement {
        statement: v.text(|| statement.to_string()),
        verdict: Verdict::Refuted,
        explanation: v.text(|| {
            let said = j.explanation.strip_prefix("the article says so: ");
            format!(
                "the article says it holds now: {}",
                said.unwrap_or(&j.explanation)
            )
        }),
        correction: None,
        ..j
    })
}

/// The statement's tokens but `dropped`, after `lead`.
fn without(statement: &str, toks: &[Token], dropped: &[usize], lead: &str) -> String {
    let mut out = String::from(lead);
    for (k, t) in toks.iter().enumerate() {
        if !dropped.contains(&k) {
            out.push(' ');
            out.push_str(&statement[t.start..t.end]);
        }
    }
    out
}

/// "still" or "again" in a claim without negation.
fn added(toks: &[Token]) -> Option<usize> {
    if toks.iter().any(|t| t.is(lang::CLASS_NEGATIONS)) {
        return None;
    }
    toks.iter()
        .position(|t| matches!(t.text.as_str(), "still" | "again"))
}

/// The tokens that make a statement deny a present state ("still" with
/// one negation, "no longer", "not … anymore"), or `None`.
fn denial(toks: &[Token]) -> Option<Vec<usize>> {
    let negations: Vec<usize> = (0..toks.len())
        .filter(|&k| toks[k].is(lang::CLASS_NEGATIONS))
        .collect();
    let [n] = negations[..] else {
        return None;
    };
    let word = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.text == w);
    let mut dropped = vec![n];
    if let Some(s) = (0..toks.len()).find(|&k| word(k, "still")) {
        dropped.push(s);
    } else if word(n + 1, "longer") {
        dropped.push(n + 1);
    } else if let Some(a) = (n + 1..toks.len()).find(|&k| word(k, "anymore")) {
        dropped.push(a);
    } else if let Some(a) = (n + 1..toks.len()).find(|&k| word(k, "any") && word(k + 1, "more")) {
        dropped.extend([a, a + 1]);
    } else {
        return None;
    }
    Some(dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::tokenize;

    #[test]
    fn a_present_denial_is_read_with_its_aspect_words() {
        for (s, want) in [
            ("they still have no ferry", Some(vec!["no", "still"])),
            ("they no longer have a ferry", Some(vec!["no", "longer"])),
            (
                "they don't have a ferry anymore",
                Some(vec!["not", "anymore"]),
            ),
            (
                "they do not have a ferry any more",
                Some(vec!["not", "any", "more"]),
            ),
            ("they have no ferry", None),
            ("they still have a ferry", None),
            ("they still do not say no", None),
        ] {
            let toks = tokenize(s);
            let got = denial(&toks).map(|ks| {
                ks.iter()
                    .map(|&k| toks[k].text.to_string())
                    .collect::<Vec<_>>()
            });
            let want = want.map(|w| w.into_iter().map(String::from).collect::<Vec<_>>());
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn still_and_again_add_to_a_positive_claim_only() {
        for (s, want) in [
            ("he was still running it in 1970", Some("still")),
            ("it launched again in 2022", Some("again")),
            ("he was not still running it", None),
            ("he was running it in 1970", None),
        ] {
            let toks = tokenize(s);
            let got = added(&toks).map(|k| toks[k].text.to_string());
            assert_eq!(got.as_deref(), want, "{s}");
        }
    }
}
