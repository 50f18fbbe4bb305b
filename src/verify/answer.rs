//! A question answered in the statement: "did it launch from X? nope, it
//! went up from Y", "q: were the letters exchanged in X? a: no". The
//! question is judged as the statement it asks about; the answer affirms
//! or denies it, and what follows the answer ("in Y", "it went up from
//! Y") is one more claim, put in the question's place when it is only a
//! phrase.
//!
//! | answer | question | rest | verdict |
//! |---|---|---|---|
//! | yes | any | any | as two claims: any REFUTED refutes, all SUPPORTED support |
//! | no | SUPPORTED | any | REFUTED |
//! | no | REFUTED | SUPPORTED | SUPPORTED |
//! | no | otherwise | REFUTED | REFUTED |
//! | no | otherwise | otherwise | NOT_ENOUGH_INFO |
//!
//! A bare "no" after a refuted question stays open: a refutation may rest
//! on a value alone, and turning it into a support would risk the one
//! mistake not to make.

use super::{Judgement, Verdict, Verifier, structure};
use crate::lang::tokenize;

/// Words that answer a question yes.
const YES: &[&str] = &[
    "yes", "yeah", "yep", "yup", "correct", "true", "right", "indeed",
];
/// Words that answer a question no.
const NO: &[&str] = &["no", "nope", "nah", "false", "wrong", "incorrect"];

/// A question, whether it is answered yes, and the words after the
/// answer (may be empty).
struct Answered<'s> {
    question: &'s str,
    yes: bool,
    rest: &'s str,
}

fn answered(s: &str) -> Option<Answered<'_>> {
    let q = s.find('?')?;
    let question = strip_label(&s[..q], &["q:", "q.", "question:"]);
    let after = strip_label(&s[q + 1..], &["a:", "a.", "answer:"]);
    let word_end = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let word = after[..word_end].to_lowercase();
    let yes = match () {
        _ if YES.contains(&word.as_str()) => true,
        _ if NO.contains(&word.as_str()) => false,
        _ => return None,
    };
    let rest =
        after[word_end..].trim_start_matches([',', '.', '!', ';', ':', '-', ' ', '\u{2014}']);
    // One question a statement: another after the answer is no reading
    // of this one (and judging it would recurse).
    (!question.is_empty() && !rest.contains('?')).then_some(Answered {
        question: question.trim(),
        yes,
        rest: rest.trim(),
    })
}

/// `text` without a leading label ("q:", "a:"), trimmed.
fn strip_label<'s>(text: &'s str, labels: &[&str]) -> &'s str {
    let t = text.trim_start();
    labels
        .iter()
        .find_map(|l| {
            (t.get(..l.len()))
                .is_some_and(|h| h.eq_ignore_ascii_case(l))
                .then(|| &t[l.len()..])
        })
        .unwrap_or(t)
        .trim_start()
}

/// Judges a statement that asks a question and answers it, or `None`.
pub(crate) fn judge(v: &Verifier, statement: &str) -> Option<Judgement> {
    let a = answered(statement)?;
    let q = v.judge(a.question);
    let r = claim_of(a.question, a.rest, a.yes).map(|c| v.judge(&c));
    let (verdict, by) = decide(a.yes, &q, r.as_ref());
    let part = match by {
        By::Question => q,
        By::Rest => r.expect("the rest decided, so there is one"),
    };
    Some(named(v, statement, verdict, part, a.yes))
}

/// Which part's judgement the statement's explanation gives.
enum By {
    Question,
    Rest,
}

fn decide(yes: bool, q: &Judgement, r: Option<&Judgement>) -> (Verdict, By) {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let rv = r.map(|r| r.verdict);
    match (yes, q.verdict, rv) {
        (true, R, _) => (R, By::Question),
        (true, _, Some(R)) => (R, By::Rest),
        (true, S, Some(S) | None) => (S, By::Question),
        (true, _, Some(S)) | (true, _, None) => (N, By::Question),
        (true, _, Some(N)) => (N, By::Rest),
        (false, S, _) => (R, By::Question),
        (false, R, Some(S)) => (S, By::Rest),
        (false, _, Some(R)) => (R, By::Rest),
        (false, _, _) => (N, By::Question),
    }
}

/// What follows the answer, as a claim: a clause of its own ("it went up
/// from Y"); a phrase added to the question a "yes" affirms ("yes, in
/// 2024") or put in the place of the words a "no" denies ("no, in Y");
/// nothing for words that claim nothing ("yep, it is").
fn claim_of(question: &str, rest: &str, yes: bool) -> Option<String> {
    let toks = tokenize(rest);
    if toks
        .iter()
        .all(|t| t.is(crate::lang::CLASS_STOPWORDS) || t.kind != crate::lang::TokKind::Word)
    {
        return None;
    }
    Some(match (structure::is_claim(&toks), yes) {
        (true, _) => rest.to_string(),
        (false, true) => format!("{question} {rest}"),
        (false, false) => structure::substitute(question, &tokenize(question), rest),
    })
}

fn named(
    v: &Verifier,
    statement: &str,
    verdict: Verdict,
    mut j: Judgement,
    yes: bool,
) -> Judgement {
    if v.texts {
        let answer = if yes { "yes" } else { "no" };
        j.explanation = format!(
            "a question answered {answer}; \u{201c}{}\u{201d}: {}",
            j.statement, j.explanation
        );
        j.statement = statement.to_string();
        j.correction = None;
    }
    if verdict != j.verdict {
        j.evidence = j.evidence.filter(|_| verdict != Verdict::NotEnoughInfo);
    }
    j.verdict = verdict;
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_and_its_answer_are_read_apart() {
        for (s, want) in [
            (
                "did it launch from Norby? nope, it went up from Sudby",
                Some(("did it launch from Norby", false, "it went up from Sudby")),
            ),
            (
                "q: were the letters signed in Norby? a: no, in Sudby",
                Some(("were the letters signed in Norby", false, "in Sudby")),
            ),
            (
                "Is the ferry still running? Yes.",
                Some(("Is the ferry still running", true, "")),
            ),
            ("did it launch from Norby?", None),
            ("did it launch from Norby? maybe", None),
        ] {
            let got = answered(s).map(|a| (a.question, a.yes, a.rest));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn a_no_turns_only_a_supported_question_or_a_supported_rest_into_a_verdict() {
        use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
        let j = |verdict| Judgement {
            statement: String::new(),
            verdict,
            fact_id: None,
            evidence: None,
            explanation: String::new(),
            correction: None,
        };
        for (yes, q, r, want) in [
            (true, S, None, S),
            (true, S, Some(S), S),
            (true, S, Some(N), N),
            (true, N, Some(S), N),
            (true, S, Some(R), R),
            (true, R, None, R),
            (false, S, None, R),
            (false, R, None, N),
            (false, R, Some(S), S),
            (false, N, Some(S), N),
            (false, N, Some(R), R),
            (false, R, Some(N), N),
        ] {
            let rj = r.map(j);
            assert_eq!(decide(yes, &j(q), rj.as_ref()).0, want, "{yes} {q:?} {r:?}");
        }
    }
}
