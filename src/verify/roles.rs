//! Part of stage 3, cover: who did what to whom. For a verb whose doer and
//! object cannot trade places (`lang/data/role_verbs.txt`), a statement
//! that makes the fact's doer its object, or the fact's object its doer,
//! says something the fact does not ("the fishermen pay the developer"
//! where the developer pays the association). Names and plain nouns alike:
//! each side is the nearest content word to the verb.

use crate::lang::{self, TokKind, Token, Word, stem};

/// The doer and the object of one verb, as token indices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Roles {
    pub(crate) agent: usize,
    pub(crate) verb: usize,
    pub(crate) patient: usize,
}

/// Forms of "be" and "get" that make the next verb passive.
const PASSIVE_AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got",
];
/// Relative words that let the doer stand before a comma ("X, which holds").
const RELATIVES: &[&str] = &["who", "which", "that"];

fn content(t: &Token) -> bool {
    t.kind == TokKind::Word && !t.is(lang::CLASS_STOPWORDS | lang::CLASS_NEGATIONS)
}

fn boundary(t: &Token) -> bool {
    t.kind == TokKind::Symbol
}

/// The nearest content word before `k` in its clause; a relative word
/// right after a comma lets the search go on past the comma.
fn left_of(tokens: &[Token], k: usize) -> Option<usize> {
    let mut i = k;
    let mut relative = false;
    while i > 0 {
        i -= 1;
        let t = &tokens[i];
        if boundary(t) {
            if !relative {
                return None;
            }
            relative = false;
        } else if RELATIVES.contains(&t.text.as_str()) {
            relative = true;
        } else if content(t) {
            return Some(i);
        }
    }
    None
}

/// The nearest content word after `k` in its clause (after `by` for a
/// passive's doer).
fn right_of(tokens: &[Token], k: usize, after_by: bool) -> Option<usize> {
    let mut by = !after_by;
    for (i, t) in tokens.iter().enumerate().skip(k + 1) {
        if boundary(t) {
            return None;
        }
        if t.text == "by" {
            by = true;
        } else if by && content(t) {
            return Some(i);
        }
    }
    None
}

/// The roles around the role verb at `k`, if both sides show a word.
fn at(tokens: &[Token], k: usize) -> Option<Roles> {
    let passive = k > 0 && PASSIVE_AUX.contains(&tokens[k - 1].text.as_str());
    let before = left_of(tokens, k)?;
    let after = right_of(tokens, k, passive)?;
    let (agent, patient) = if passive {
        (after, before)
    } else {
        (before, after)
    };
    Some(Roles {
        agent,
        verb: k,
        patient,
    })
}

/// Every role verb of a text with both its sides.
pub(crate) fn all(tokens: &[Token]) -> impl Iterator<Item = Roles> + '_ {
    (0..tokens.len())
        .filter(|&k| tokens[k].is(lang::CLASS_ROLE_VERBS))
        .filter_map(|k| at(tokens, k))
}

/// The stems of a doer, its verb and its object; an irregular verb by
/// its base ("paid" is "pay").
fn stems(tokens: &[Token], r: Roles) -> [Word; 3] {
    let verb = &tokens[r.verb].text;
    let verb = stem(lang::lexicon::base_form(verb).unwrap_or(verb));
    [
        stem(&tokens[r.agent].text),
        verb,
        stem(&tokens[r.patient].text),
    ]
}

/// The doer, verb and object stems of every role verb in a fact's texts,
/// read once per fact (see `Verifier::fact_roles`).
pub(crate) fn of_texts(texts: &[&str]) -> Vec<[Word; 3]> {
    let mut out = Vec::new();
    for text in texts {
        let toks = lang::tokenize(text);
        out.extend(all(&toks).map(|r| stems(&toks, r)));
    }
    out
}

/// Every role verb of a statement with both its sides, and their stems:
/// read once per statement (see `Analysis::roles`), whatever the facts.
pub(crate) fn of_statement(tokens: &[Token]) -> Vec<(Roles, [Word; 3])> {
    all(tokens).map(|r| (r, stems(tokens, r))).collect()
}

/// The statement's roles (`mine`, from [`of_statement`]) that the fact has
/// the other way round: the same verb with the statement's doer as its
/// object or the statement's object as its doer (and not also as the
/// statement has it). `fact` lists the fact's roles, each time anew.
pub(crate) fn swapped<'f, I>(mine: &[(Roles, [Word; 3])], fact: impl Fn() -> I) -> Option<Roles>
where
    I: Iterator<Item = &'f [Word; 3]>,
{
    // A fact without roles has none the other way round.
    fact().next()?;
    let opposed = |[a, v, p]: &[Word; 3]| {
        let mut against = false;
        for [fa, fv, fp] in fact() {
            if fv != v {
                continue;
            }
            if fa == a || fp == p {
                return false;
            }
            against |= p == fa || a == fp;
        }
        against
    };
    mine.iter().find(|(_, s)| opposed(s)).map(|&(r, _)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, r: Roles) -> (String, String, String) {
        let t = lang::tokenize(text);
        let w = |i: usize| t[i].text.to_string();
        (w(r.agent), w(r.verb), w(r.patient))
    }

    #[test]
    fn roles_are_read_in_active_passive_and_relative_clauses() {
        let cases = [
            (
                "the developer will pay the association",
                ("developer", "pay", "association"),
            ),
            (
                "the association was paid by the developer",
                ("developer", "paid", "association"),
            ),
            (
                "it's the fishermen who pay the developer",
                ("fishermen", "pay", "developer"),
            ),
            (
                "the utility, which owns 60 percent",
                ("utility", "owns", "percent"),
            ),
        ];
        for (text, (a, v, p)) in cases {
            let toks = lang::tokenize(text);
            let r = all(&toks)
                .next()
                .unwrap_or_else(|| panic!("{text}: no roles"));
            let got = words(text, r);
            assert_eq!(
                (got.0.as_str(), got.1.as_str(), got.2.as_str()),
                (a, v, p),
                "{text}"
            );
        }
    }

    #[test]
    fn a_verb_without_both_sides_has_no_roles() {
        for text in ["they paid", "paid by the state", "the state, paid"] {
            assert!(all(&lang::tokenize(text)).next().is_none(), "{text}");
        }
    }

    #[test]
    fn a_swap_is_found_only_against_the_facts_own_verb_and_order() {
        let fact =
            ["Under a deal signed last year, the developer will pay the association 12 million."];
        let cases = [
            ("the fishermen pay the developer", true),
            ("the association pays the developer", true),
            ("the developer pays the fishermen", false),
            ("the developer was paid by the association", true),
            ("the association was paid by the developer", false),
            // Another verb: nothing to say about its roles.
            ("the association sued the developer", false),
        ];
        let fact = of_texts(&fact);
        for (s, want) in cases {
            let mine = of_statement(&lang::tokenize(s));
            let got = swapped(&mine, || fact.iter()).is_some();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn a_fact_that_has_both_orders_settles_no_swap() {
        let facts = ["Lima visited Quito.", "Then Quito visited Lima."];
        let (mine, facts) = (
            of_statement(&lang::tokenize("quito visited lima")),
            of_texts(&facts),
        );
        assert!(swapped(&mine, || facts.iter()).is_none());
    }
}
