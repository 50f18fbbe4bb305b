//! Phrases read as one word: a phrasal verb ("handed over", "stepped
//! down"), a set phrase ("in charge of", "on board") or a light verb with
//! its noun ("made headway", "took the helm"), when the lexical database
//! has the phrase as one word. The phrase stands for its first content
//! word; its other words carry no claim of their own.

use crate::lang::{self, TokKind, Token, lexicon};

/// A phrase found in a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// The token the phrase stands for: its first content word.
    pub(crate) head: usize,
    /// Its tokens, `first..last`: the others than the head are folded
    /// into it.
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// The phrase as the lexical database writes it (`hand_over`).
    pub(crate) word: &'static str,
    /// Content words other than particles were folded in ("took the
    /// helm", "went against"): an idiom, whose head means what the phrase
    /// means, not what it means alone.
    pub(crate) idiom: bool,
}

/// The tokens of a statement as a phrase window sees them.
struct Window<'t> {
    tokens: &'t [Token],
    used: &'t [bool],
}

/// Words that can change what a statement means (order, negation,
/// contrast, restriction, modality, joining): never folded into a phrase,
/// whatever the lexical database makes of it ("came before" is
/// `come_before`, but "before" is an order to resolve).
const OPERATORS: u64 = lang::CLASS_ORDER_FIRST
    | lang::CLASS_ORDER
    | lang::CLASS_NEGATIONS
    | lang::CLASS_RESTRICTIVE
    | lang::CLASS_CONTRAST_FIRST
    | lang::CLASS_CONTRAST
    | lang::CLASS_MODALITY
    | lang::CLASS_CONNECTORS
    | lang::CLASS_CONJUNCTIONS
    | lang::CLASS_CONCESSIVE
    | lang::CLASS_ADDITIVE;

impl Window<'_> {
    /// Token `k` as written, if it is a word no name or value has taken
    /// and no operator.
    fn word(&self, k: usize) -> Option<&str> {
        (self.tokens.get(k))
            .filter(|t| t.kind == TokKind::Word && !self.used[k] && !t.is(OPERATORS))
            .map(|t| t.text.as_str())
    }

    fn is(&self, k: usize, class: u64) -> bool {
        self.word(k).is_some() && self.tokens[k].is(class)
    }

    /// The longest phrase around content word `k` that starts at or after
    /// `after`: `(first, last, phrase)`.
    fn at(&self, k: usize, after: usize) -> Option<(usize, usize, &'static str)> {
        let head = self.word(k)?;
        // "ran to $5bn", "chipped in C$40m": "to" and "in" before a
        // figure make a phrase with the verb too.
        let to_figure = |j: usize| {
            matches!(self.word(j), Some("to" | "in")) && self.used.get(j + 1).is_some_and(|&u| u)
        };
        let particle = |j: usize| self.is(j, lang::CLASS_PHRASAL_PARTICLES) || to_figure(j);
        // "in charge of", "on board".
        if k > after && self.is(k - 1, lang::CLASS_PHRASE_OPENERS) {
            let forms = lexicon::phrase_forms(self.word(k - 1)?);
            let longer = (self.word(k + 1)).and_then(|w| lexicon::compound(&forms, &[head, w]));
            if let Some(c) = longer {
                return Some((k - 1, k + 2, c));
            }
            if let Some(c) = lexicon::compound(&forms, &[head]) {
                return Some((k - 1, k + 1, c));
            }
        }
        let light = self.tokens[k].is(lang::CLASS_LIGHT_VERBS);
        if !particle(k + 1) && !light {
            return None;
        }
        let forms = lexicon::phrase_forms(head);
        if forms == [None; 3] {
            return None;
        }
        // "ran out of", "teamed up with", "handed over".
        if particle(k + 1) {
            let p = self.word(k + 1)?;
            let longer = (self.word(k + 2)).and_then(|w| lexicon::compound(&forms, &[p, w]));
            if let Some(c) = longer {
                return Some((k, k + 3, c));
            }
            if let Some(c) = lexicon::compound(&forms, &[p]) {
                return Some((k, k + 2, c));
            }
        }
        light.then(|| self.light(k, &forms)).flatten()
    }

    /// A light verb with its noun: "took the helm", "made it official",
    /// "made headway".
    fn light(&self, k: usize, forms: &[Option<&str>; 3]) -> Option<(usize, usize, &'static str)> {
        let next = self.word(k + 1)?;
        if self.is(k + 1, lang::CLASS_STOPWORDS)
            && let Some(noun) = self.word(k + 2)
        {
            let c = (lexicon::compound(forms, &[next, noun]))
                .or_else(|| lexicon::compound(forms, &[noun]));
            return c.map(|c| (k, k + 3, c));
        }
        lexicon::compound(forms, &[next]).map(|c| (k, k + 2, c))
    }
}

/// Finds the phrases headed by `words` (content-word token indices), in
/// order. Their other words stay among `words`: a fact may use them
/// ("along" in "run along"), and otherwise they need no explaining
/// ([`Phrase::folds`]).
pub(crate) fn find(tokens: &[Token], used: &[bool], words: &[usize]) -> Vec<Phrase> {
    let w = Window { tokens, used };
    let mut out: Vec<Phrase> = Vec::new();
    for &head in words {
        let after = out.last().map_or(0, |p| p.last);
        if head < after {
            continue;
        }
        if let Some((first, last, word)) = w.at(head, after) {
            // "went against", "took the helm": a word of content folded
            // in. Not "in charge of", whose head is its content.
            let idiom = (words.iter().filter(|&&k| k > head && k < last))
                .any(|&k| !w.is(k, lang::CLASS_PHRASAL_PARTICLES));
            out.push(Phrase {
                head,
                first,
                last,
                word,
                idiom,
            });
        }
    }
    out
}

impl Phrase {
    /// Whether token `k` is one of the phrase's words other than its head.
    pub(crate) fn folds(&self, k: usize) -> bool {
        (self.first..self.last).contains(&k) && k != self.head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<(String, &'static str, bool)> {
        let tokens = lang::tokenize(text);
        // Figures are taken by the values, as in a statement's reading.
        let used: Vec<bool> = (tokens.iter()).map(|t| t.kind != TokKind::Word).collect();
        let words: Vec<usize> = (0..tokens.len())
            .filter(|&k| !tokens[k].is(lang::CLASS_STOPWORDS))
            .collect();
        find(&tokens, &used, &words)
            .into_iter()
            .map(|p| (tokens[p.head].text.to_string(), p.word, p.idiom))
            .collect()
    }

    #[test]
    fn a_phrasal_verb_is_read_as_one_word_in_any_form() {
        for (text, head, word) in [
            (
                "the letters were handed over in the city",
                "handed",
                "hand_over",
            ),
            ("she stepped down in 1968", "stepped", "step_down"),
            ("he took over the agency", "took", "take_over"),
            ("the rocket went up at dawn", "went", "go_up"),
            ("the bill ran to $5bn", "ran", "run_to"),
        ] {
            assert_eq!(phrases(text), [(head.to_string(), word, false)], "{text}");
        }
    }

    #[test]
    fn an_idiom_folds_in_its_noun() {
        assert_eq!(
            phrases("he was in charge of the agency"),
            [("charge".to_string(), "in_charge_of", false)]
        );
        // An idiom's head means only what the idiom means: "went" alone
        // might match a fact's "go".
        assert_eq!(
            phrases("the decision went against the convention"),
            [("went".to_string(), "go_against", true)]
        );
        assert_eq!(
            phrases("the two made it official"),
            [("made".to_string(), "make_official", true)]
        );
    }

    #[test]
    fn words_that_make_no_phrase_are_left_alone() {
        for text in [
            // "come_before" is in the database; "before" is an order.
            "the shift came before the agreement",
            "relations with the country",
            "the mirror is gold",
            "made of steel",
            // A preposition after a word makes no phrase ("end_to_end").
            "the crossing is 2 km end to end",
        ] {
            assert_eq!(phrases(text), [], "{text}");
        }
    }
}
