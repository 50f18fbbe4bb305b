//! Statements of several claims: clauses joined by "and", "but",
//! "while", "although" …, and contrasts ("A, not B", "A rather than B",
//! "it was A, not the other way round"). Each clause is judged on its
//! own; a denied alternative that the article asserts refutes the whole.
//!
//! | clauses | verdict |
//! |---|---|
//! | any REFUTED (or any denied alternative SUPPORTED) | REFUTED |
//! | all SUPPORTED | SUPPORTED |
//! | otherwise | NOT_ENOUGH_INFO |

use super::{Judgement, Verdict, Verifier};
use crate::lang::{self, Token};

/// One claim of a statement: the asserted words (a byte range of the
/// statement) and, for a contrast, the denied alternative.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clause {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// "A, not B, was the biggest": the words after the denied
    /// alternative that both halves share, as a byte range.
    pub(crate) tail: Option<(usize, usize)>,
    pub(crate) denied: Option<Denied>,
}

impl Clause {
    /// The asserted claim as written, with the shared tail if any.
    pub(crate) fn text<'s>(&self, s: &'s str) -> std::borrow::Cow<'s, str> {
        match self.tail {
            Some((a, b)) => format!("{} {}", &s[self.start..self.end], &s[a..b]).into(),
            None => s[self.start..self.end].into(),
        }
    }
}

/// What a contrast denies.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Denied {
    /// The alternative, written as a statement of its own.
    Text(String),
    /// "not the other way round": the asserted claim with its two names
    /// swapped.
    Swap,
}

/// Prepositions that open the phrase a denied alternative stands for.
const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "from", "to", "by", "for", "with", "aboard", "near", "into", "via", "of",
];

/// Splits a statement into its clauses; `toks` are its tokens, `names`
/// the byte ranges of the bank's names in it, `values` those of its
/// values ("one and a half million" is never two clauses).
pub(crate) fn clauses(
    s: &str,
    toks: &[Token],
    names: &[(usize, usize)],
    values: &[(usize, usize)],
) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, t) in toks.iter().enumerate() {
        if !t.is(lang::CLASS_CONJUNCTIONS) || k == 0 || k + 1 >= toks.len() {
            continue;
        }
        let left = &toks[start..k];
        let right_end = next_conjunction(toks, k + 1);
        // "between A and B" joins the two ends of one claim.
        let between = left.iter().any(|t| t.text == "between");
        let in_value = values.iter().any(|&(a, b)| a <= t.start && t.end <= b);
        if is_claim(left)
            && is_claim(&toks[k + 1..right_end])
            && !joins_names(toks, k, names)
            && !between
            && !in_value
        {
            out.push((start, k));
            start = k + 1;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out.into_iter()
        .map(|(a, b)| contrast(s, &toks[a..b]))
        .collect()
}

fn next_conjunction(toks: &[Token], from: usize) -> usize {
    (from..toks.len())
        .find(|&k| toks[k].is(lang::CLASS_CONJUNCTIONS))
        .unwrap_or(toks.len())
}

/// A clause makes a claim of its own: a few words beyond function words.
pub(crate) fn is_claim(toks: &[Token]) -> bool {
    toks.iter().filter(|t| !t.is(lang::CLASS_STOPWORDS)).count() >= 3
}

/// "oslo and bern set up …", "trade between Norway and Denmark …": an
/// "and" between two names joins them, not two claims.
fn joins_names(toks: &[Token], k: usize, names: &[(usize, usize)]) -> bool {
    let inside = |t: &Token| names.iter().any(|&(a, b)| a <= t.start && t.end <= b);
    toks[k].text == "and" && inside(&toks[k - 1]) && inside(&toks[k + 1])
}

/// Finds a contrast inside one clause (its tokens, spans in `s`): the
/// asserted part, and the denied alternative rewritten as a statement of
/// its own.
fn contrast(s: &str, toks: &[Token]) -> Clause {
    let (a, b) = (toks[0].start, toks[toks.len() - 1].end);
    let plain = Clause {
        start: a,
        end: b,
        tail: None,
        denied: None,
    };
    let Some((k, len)) = contrast_marker(s, toks) else {
        return plain;
    };
    let asserted = &toks[..k];
    let denied = &toks[k + len..];
    if asserted.is_empty() || denied.is_empty() {
        return plain;
    }
    let end = asserted.last().map_or(a, |t| t.end);
    let (denied, tail) = split_tail(s, denied);
    let alternative = &s[denied[0].start..denied[denied.len() - 1].end];
    let tail = tail.map(|t| (t[0].start, t[t.len() - 1].end));
    let denied = if is_other_way_round(denied) {
        Denied::Swap
    } else {
        Denied::Text(match tail {
            // "A, not B, was C": A and B are the subject, C the claim.
            Some((x, y)) if !PREPOSITIONS.contains(&s[x..y].split(' ').next().unwrap_or("")) => {
                format!("{alternative} {}", &s[x..y])
            }
            // "… with X, not Y, in May": the tail is the claim's too.
            Some((x, y)) => format!("{} {}", substitute(s, asserted, alternative), &s[x..y]),
            None => substitute(s, asserted, alternative),
        })
    };
    Clause {
        start: a,
        end,
        tail,
        denied: Some(denied),
    }
}

/// "the grant, not the fund, was the biggest source": a comma after a
/// short alternative closes it; the words after it are both halves'.
fn split_tail<'t>(s: &str, denied: &'t [Token]) -> (&'t [Token], Option<&'t [Token]>) {
    let comma =
        (1..denied.len().min(6)).find(|&j| s[denied[j - 1].end..denied[j].start].contains(','));
    match comma {
        Some(j) if j + 1 < denied.len() => (&denied[..j], Some(&denied[j..])),
        _ => (denied, None),
    }
}

/// The contrast phrase's first token and length: "not" only after a comma
/// (", not B"), the others anywhere after the first words.
fn contrast_marker(text: &str, toks: &[Token]) -> Option<(usize, usize)> {
    for k in 2..toks.len() {
        if !toks[k].is(lang::CLASS_CONTRAST_FIRST) {
            continue;
        }
        for &(phrase, _) in lang::CONTRAST {
            let Some(len) = lang::phrase_at(toks, k, phrase) else {
                continue;
            };
            let after_comma = text[toks[k - 1].end..toks[k].start].contains([',', ';', '\u{2014}']);
            // '"We chose A rather than B," he said': the speaker's contrast.
            if (phrase != "not" || after_comma) && !super::read::quoted(text, toks[k].start) {
                return Some((k, len));
            }
        }
    }
    None
}

fn is_other_way_round(denied: &[Token]) -> bool {
    let words: Vec<&str> = denied.iter().map(|t| t.text.as_str()).collect();
    words.ends_with(&["other", "way", "round"])
        || words.ends_with(&["other", "way", "around"])
        || words == ["vice", "versa"]
}

/// The asserted words with the denied alternative in place of the phrase
/// it stands for: after the same preposition if it starts with one, else
/// after the asserted part's last preposition, else its last words.
pub(crate) fn substitute(text: &str, asserted: &[Token], alternative: &str) -> String {
    let first = alternative
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let cut = if PREPOSITIONS.contains(&first.as_str()) {
        asserted.iter().rposition(|t| t.text == first)
    } else {
        asserted
            .iter()
            .rposition(|t| PREPOSITIONS.contains(&t.text.as_str()))
            .map(|p| p + 1)
            .filter(|&p| p < asserted.len())
    };
    let n = alternative.split_whitespace().count();
    let cut = cut.unwrap_or(asserted.len().saturating_sub(n));
    let kept: Vec<&str> = asserted[..cut]
        .iter()
        .filter(|t| !t.is(lang::CLASS_EMPHASIS))
        .map(|t| &text[t.start..t.end])
        .collect();
    format!("{} {alternative}", kept.join(" "))
}

/// "it was A that invited B, not the other way round": the asserted words
/// with the first two names the bank knows swapped (a possessive stays
/// with its place: "A invited B's minister" → "B invited A's minister").
fn swap_names(v: &Verifier, clause: &str) -> Option<String> {
    let a = v.analyse(clause);
    let (Some(x), Some(y)) = (a.mentions.first(), a.mentions.get(1)) else {
        return swap_roles(&a, clause);
    };
    let name = |m: &super::Mention, slot: &super::Mention| {
        let n = v.bank().entities[m.entity].name.clone();
        if slot.possessive { format!("{n}'s") } else { n }
    };
    let (xn, yn) = (name(y, x), name(x, y));
    Some(replace_two(
        clause,
        a.span(x.first, x.last),
        &xn,
        a.span(y.first, y.last),
        &yn,
    ))
}

/// "it's the fishermen who pay the developer, not the other way round":
/// the doer and the object of its role verb swapped.
fn swap_roles(a: &super::Analysis, clause: &str) -> Option<String> {
    let r = super::roles::all(&a.tokens).next()?;
    let (x, y) = (r.agent.min(r.patient), r.agent.max(r.patient));
    let (xs, ys) = (a.span(x, x + 1), a.span(y, y + 1));
    Some(replace_two(
        clause,
        xs,
        &clause[ys.0..ys.1],
        ys,
        &clause[xs.0..xs.1],
    ))
}

/// `text` with the span `x` (before `y`) written as `x_by` and `y` as `y_by`.
fn replace_two(text: &str, x: (usize, usize), x_by: &str, y: (usize, usize), y_by: &str) -> String {
    format!(
        "{}{x_by}{}{y_by}{}",
        &text[..x.0],
        &text[x.1..y.0],
        &text[y.1..]
    )
}

/// "Named for Ola Berg, who led the agency from 1958 to 1968": a relative
/// clause after a name is a claim about that name. The statement without
/// it, and the name with it ("Ola Berg led the agency from 1958 to 1968"),
/// as two texts.
pub(crate) fn relative(s: &str, toks: &[Token], names: &[(usize, usize)]) -> Option<[String; 2]> {
    let (k, &(name_start, name_end)) = (2..toks.len()).find_map(|k| {
        // The cheap test first: most words are no "who" after a comma.
        let relative = matches!(toks[k].text.as_str(), "who" | "which")
            && s[toks[k - 1].end..toks[k].start].trim() == ",";
        relative
            .then(|| names.iter().find(|&&(_, e)| e == toks[k - 1].end))?
            .map(|name| (k, name))
    })?;
    let rest_start = toks.get(k + 1)?.start;
    // The clause runs to the next comma; the main claim may go on after it.
    let rest_end = s[rest_start..]
        .find(',')
        .map_or(s.len(), |c| rest_start + c);
    let main = format!("{}{}", &s[..name_end], &s[rest_end..]);
    let claim = format!("{} {}", &s[name_start..name_end], &s[rest_start..rest_end]);
    let words = |t: &str| crate::lang::tokenize(t).len();
    (words(&main) >= 2 && words(&claim) >= 3).then_some([main, claim])
}

/// "Ola Berg, director of the port, has led it since 2021": a role set off
/// after a name is a claim of its own. The statement without it, and
/// "Ola Berg is director of the port", as two texts. So too a role that
/// ends the statement: "the quay honours Ola Berg, a former head of the
/// port".
pub(crate) fn apposition(s: &str, toks: &[Token], names: &[(usize, usize)]) -> Option<[String; 2]> {
    let &(name_start, name_end) = names.iter().find(|&&(_, e)| s[e..].starts_with(", "))?;
    let role_start = name_end + 2;
    let (role_end, rest) = match s[role_start..].find(", ") {
        Some(c) => (role_start + c, s[role_start + c + 2..].trim()),
        None if name_start > 0 => {
            let role = s[role_start..].trim_end_matches(['.', '!', ' ']);
            (role_start + role.len(), "")
        }
        None => return None,
    };
    let role = &s[role_start..role_end];
    let role_toks: Vec<&Token> = toks
        .iter()
        .filter(|t| t.start >= role_start && t.end <= role_end)
        .collect();
    // A role (see `lang::is_role`), with no figure in it ("Per Lund, 71,").
    let is_role = lang::is_role(role)
        && role_toks
            .iter()
            .all(|t| t.kind == crate::lang::TokKind::Word);
    let name = &s[name_start..name_end];
    // A closing role needs a claim before the name ("the quay honours").
    let claim = match rest {
        "" => s[..name_start].split_whitespace().count() >= 2,
        _ => rest.split_whitespace().count() >= 2,
    };
    (is_role && claim).then(|| {
        [
            format!("{} {rest}", &s[..name_end]).trim_end().to_string(),
            format!("{name} is {role}"),
        ]
    })
}

/// Judges a statement as the claims `texts` make: any REFUTED refutes it,
/// all SUPPORTED support it; else NOT_ENOUGH_INFO, naming the claim.
pub(crate) fn judge_claims(v: &Verifier, statement: &str, texts: &[String; 2]) -> Judgement {
    let (mut open, mut first) = (None, None);
    for t in texts {
        let j = v.judge(t);
        let named = |mut j: Judgement| {
            if v.texts {
                j.explanation = format!("\u{201c}{t}\u{201d}: {}", j.explanation);
                j.statement = statement.to_string();
                j.correction = None;
            }
            j
        };
        match j.verdict {
            Verdict::Refuted => return named(j),
            Verdict::NotEnoughInfo => {
                open.get_or_insert_with(|| named(j));
            }
            Verdict::Supported => {
                first.get_or_insert(j);
            }
        }
    }
    open.or_else(|| {
        let mut j = first?;
        j.statement = v.text(|| statement.to_string());
        j.explanation = v.text(|| "the article says so, claim by claim".into());
        j.correction = None;
        Some(j)
    })
    .expect("two claims, each judged")
}

/// Judges a claim against the alternative it denies, both written whole
/// (a cleft's, [`super::cleft`]): the claim refuted, or the alternative
/// supported, refutes the statement; else the claim decides.
pub(crate) fn judge_contrast(
    v: &Verifier,
    statement: &str,
    asserted: &str,
    denied: &str,
) -> Judgement {
    let j = v.judge(asserted);
    if j.verdict != Verdict::Refuted
        && let d = v.judge_simple(denied)
        && d.verdict == Verdict::Supported
    {
        return denied_holds(v, statement, d);
    }
    let mut j = j;
    if v.texts {
        j.explanation = format!("\u{201c}{asserted}\u{201d}: {}", j.explanation);
        j.statement = statement.to_string();
        j.correction = None;
    }
    j
}

/// Combines the clauses' judgements into the statement's.
pub(crate) fn judge(v: &Verifier, statement: &str, parts: &[Clause]) -> Judgement {
    let mut judged: Vec<(Judgement, &Clause)> = Vec::new();
    for c in parts {
        // Judged whole: a clause may order events ("released after the
        // launch, not before it").
        let j = v.judge(&c.text(statement));
        if j.verdict == Verdict::Refuted {
            return whole(v, statement, j, c);
        }
        let denied = match &c.denied {
            Some(Denied::Text(t)) => Some(t.clone()),
            Some(Denied::Swap) => swap_names(v, &c.text(statement)),
            None => None,
        };
        if let Some(d) = denied.map(|d| v.judge_simple(&d))
            && d.verdict == Verdict::Supported
        {
            return denied_holds(v, statement, d);
        }
        judged.push((j, c));
    }
    let open = judged.iter().find(|(j, _)| j.verdict != Verdict::Supported);
    match open {
        Some((j, c)) => whole(v, statement, j.clone(), c),
        None => {
            let (j, c) = judged.into_iter().next().expect("a statement has a clause");
            let mut w = whole(v, statement, j, c);
            w.explanation = v.text(|| "the article says so, clause by clause".into());
            w
        }
    }
}

/// A clause's judgement as the whole statement's: the explanation names
/// the clause, the correction keeps the rest of the statement.
fn whole(v: &Verifier, statement: &str, mut j: Judgement, c: &Clause) -> Judgement {
    if !v.texts {
        return j;
    }
    let clause = &statement[c.start..c.end];
    if clause.len() < statement.len() {
        j.explanation = format!("\u{201c}{clause}\u{201d}: {}", j.explanation);
        j.correction = j
            .correction
            .map(|fixed| format!("{}{fixed}{}", &statement[..c.start], &statement[c.end..]));
    }
    j.statement = statement.to_string();
    j
}

fn denied_holds(v: &Verifier, statement: &str, d: Judgement) -> Judgement {
    Judgement {
        statement: v.text(|| statement.to_string()),
        verdict: Verdict::Refuted,
        explanation: v.text(|| {
            format!(
                "the article says what the statement denies: {}",
                d.explanation
            )
        }),
        correction: None,
        ..d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::tokenize;

    fn parts(s: &str) -> Vec<(String, Option<String>)> {
        let names: Vec<(usize, usize)> = ["Oslo", "Bern", "Norway", "Denmark"]
            .iter()
            .filter_map(|n| s.find(n).map(|i| (i, i + n.len())))
            .collect();
        clauses(s, &tokenize(s), &names, &[])
            .into_iter()
            .map(|c| {
                let text = c.text(s).into_owned();
                let denied = c.denied.map(|d| match d {
                    Denied::Text(t) => t,
                    Denied::Swap => "<swap>".into(),
                });
                (text, denied)
            })
            .collect()
    }

    #[test]
    fn a_relative_clause_after_a_name_is_that_names_claim() {
        let cases = [
            (
                "Named for Ola Berg, who led the agency from 1958 to 1968.",
                Some([
                    "Named for Ola Berg",
                    "Ola Berg led the agency from 1958 to 1968.",
                ]),
            ),
            (
                "Ola Berg, who led the agency, opened the bridge in 2001",
                Some([
                    "Ola Berg, opened the bridge in 2001",
                    "Ola Berg led the agency",
                ]),
            ),
            // Not after a name, nor without its comma.
            ("the man, who led the agency, opened it", None),
            ("Ola Berg who led the agency opened it", None),
        ];
        for (s, want) in cases {
            let names: Vec<(usize, usize)> =
                s.find("Ola Berg").map(|i| (i, i + 8)).into_iter().collect();
            let got = relative(s, &tokenize(s), &names);
            assert_eq!(got, want.map(|w| w.map(String::from)), "{s}");
        }
    }

    #[test]
    fn an_and_inside_a_value_joins_no_clauses() {
        let s = "the probe works one and a half million kilometres away from the sun";
        let value = s.find("one").unwrap()..s.find(" kilometres").unwrap();
        assert_eq!(clauses(s, &tokenize(s), &[], &[]).len(), 2);
        let whole = clauses(s, &tokenize(s), &[], &[(value.start, value.end)]);
        assert_eq!(whole.len(), 1, "{whole:?}");
    }

    #[test]
    fn contrasts_give_the_denied_alternative_in_context() {
        let cases = [
            (
                "the treaty was signed in paris, not in rome",
                "the treaty was signed in paris",
                "the treaty was signed in rome",
            ),
            (
                "it sailed from genoa rather than from cadiz",
                "it sailed from genoa",
                "it sailed from cadiz",
            ),
            (
                "the move targets diplomacy in africa, not latin america",
                "the move targets diplomacy in africa",
                "the move targets diplomacy in latin america",
            ),
            (
                "the grant, not the fund, was the biggest source",
                "the grant was the biggest source",
                "the fund was the biggest source",
            ),
            (
                "ties were set up with oslo, not bern, in may",
                "ties were set up with oslo in may",
                "ties were set up with bern in may",
            ),
            (
                "the ties are only at consular level, not ambassador level",
                "the ties are only at consular level",
                "the ties are at ambassador level",
            ),
        ];
        for (s, asserted, denied) in cases {
            assert_eq!(
                parts(s),
                vec![(asserted.to_string(), Some(denied.to_string()))],
                "{s}"
            );
        }
    }

    #[test]
    fn a_contrast_inside_a_quotation_is_the_speakers() {
        let s = "\"We chose A rather than B,\" he said";
        let got = parts(s);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, None);
    }

    #[test]
    fn the_other_way_round_asks_for_a_swap() {
        let s = "it was norway that invited their minister, not the other way round";
        assert_eq!(parts(s)[0].1.as_deref(), Some("<swap>"));
    }

    #[test]
    fn clauses_split_at_conjunctions_between_claims() {
        let s = "the mirror has 18 segments and the shield is the size of a court";
        assert_eq!(parts(s).len(), 2);
        let s = "Oslo and Bern set up diplomatic relations in 2024";
        assert_eq!(parts(s).len(), 1);
        let s = "trade between Norway and Denmark amounted to 21 million dollars";
        assert_eq!(parts(s).len(), 1);
        let s = "more than six decades passed between the revolution and the new treaty";
        assert_eq!(parts(s).len(), 1);
        let s = "no contrast here, just one claim";
        assert_eq!(parts(s), vec![(s.to_string(), None)]);
    }
}
