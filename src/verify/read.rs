//! Stage 1, read: a statement into tokens, the bank's names it mentions,
//! the values it claims, its negations and modal words, and the content
//! words left for the facts to explain.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::phrase::Phrase;
use super::roles::Roles;
use crate::lang::{
    self, Alias, CompactString, Gazetteer, TokKind, Token, Word, lexicon, stem, tokenize,
};
use crate::values::{Quantity, read_quantity};

/// A name from the bank found in a statement.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Mention {
    pub entity: usize,
    pub first: usize,
    pub last: usize,
    /// After "in"/"at": a place slot.
    pub locative: bool,
    /// The entity's people ("Danes") rather than the entity.
    pub people: bool,
    /// Written as a possessive ("Norway's").
    pub possessive: bool,
    /// Other entities the same words name ("Jordan": the country and the
    /// river); the fact a statement is judged against decides.
    pub also: Vec<usize>,
    /// Another of the entity's kind, named as it is but for a number
    /// ("Norby 6" beside "Norby 5", "the third Sudby point"): never
    /// the entity itself.
    pub sibling: bool,
}

/// A statement read into what the verifier compares.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The statement as given; token spans index into it.
    pub source: String,
    pub(crate) tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub quantities: Vec<Quantity>,
    pub negations: usize,
    /// Modal words ("may", "might", "could"): token indices.
    pub modals: Vec<usize>,
    /// Content words left once names, quantities, stopwords and negations
    /// are taken out: token indices.
    pub words: Vec<usize>,
    /// The stem of each of `words`, computed once; an idiom's head has
    /// the idiom instead ("took the helm": `take_the_helm`), which
    /// matches only what the idiom means.
    pub(crate) stems: Vec<CompactString>,
    /// Phrases read as one word (see `phrase`), each standing for its
    /// head among `words`.
    pub(crate) phrases: Vec<Phrase>,
    /// The whole statement is in capitals, so capitals say nothing.
    pub all_caps: bool,
    /// What is found out about each of `words` the first time a fact
    /// asks, then kept for the other candidates.
    notes: Vec<Notes>,
    /// Its role verbs with their sides, read the first time a fact asks.
    roles: OnceCell<Vec<(Roles, [Word; 3])>>,
}

/// The stems of a word's synonyms, derivations and paraphrases (one-word
/// ones: a fact's words are single words).
fn near(e: lexicon::Entry) -> Vec<CompactString> {
    (e.synonyms().chain(e.derivations()).chain(e.paraphrases()))
        .filter(|r| !r.contains('_'))
        .map(stem)
        .collect()
}

/// What is found out about one content word whatever the fact.
#[derive(Debug, Clone, Default)]
struct Notes {
    /// What the lexical database says of it: shared with the per-thread
    /// cache, not copied.
    lexical: OnceCell<Rc<Lexical>>,
    /// Yes-or-no facts (see [`Analysis::note`]).
    bits: Cell<u8>,
}

/// The stems a word stands for through WordNet: synonyms, derivations
/// and the base of an irregular form ("began" → "start", "led" → "lead"),
/// and its opposites.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexical {
    pub(crate) related: Vec<CompactString>,
    pub(crate) opposite: Vec<CompactString>,
}

impl Lexical {
    fn of(word: &str) -> Lexical {
        let e = lexicon::entry(word);
        let mut related = near(e);
        if let Some(b) = e.base_form() {
            related.push(stem(b));
            related.extend(near(lexicon::entry(b)));
        }
        related.extend(lexicon::inflected_paraphrases(word).map(stem));
        let opposite = e.antonyms().map(stem).collect();
        Lexical { related, opposite }
    }

    /// The word as the head of a phrase: what the phrase stands for too,
    /// and for an idiom only that ("went against" is not "went").
    fn of_phrase(word: &str, p: &Phrase) -> Lexical {
        let e = lexicon::entry(p.word);
        let mut l = match p.idiom {
            true => Lexical::default(),
            false => Lexical::of(word),
        };
        l.related.extend(near(e));
        l.opposite.extend(e.antonyms().map(stem));
        l
    }

    /// [`Lexical::of`] with only the stems `keep` keeps, kept per thread
    /// for the words of later statements: the same few thousand words come
    /// back statement after statement. `owner` names what `keep` keeps (a
    /// verifier: the stems its bank uses); another owner starts the cache
    /// again.
    fn cached(
        word: &str,
        phrase: Option<&Phrase>,
        owner: u64,
        keep: impl Fn(&str) -> bool,
    ) -> Rc<Lexical> {
        /// Past this many words the cache starts again, so that memory
        /// stays flat however many distinct words a long input brings.
        const MAX: usize = 1 << 16;
        type Cache = (u64, FxHashMap<CompactString, Rc<Lexical>>);
        thread_local! {
            static CACHE: RefCell<Cache> = RefCell::default();
        }
        CACHE.with_borrow_mut(|(cached_owner, cache)| {
            if *cached_owner != owner || cache.len() >= MAX {
                *cached_owner = owner;
                cache.clear();
            }
            // A phrase's head by the phrase: "took" alone is not "took over".
            let key = match phrase {
                Some(p) => CompactString::from(format!("{word} {} {}", p.word, p.idiom)),
                None => CompactString::from(word),
            };
            let l = cache.entry(key).or_insert_with(|| {
                let l = match phrase {
                    Some(p) => Lexical::of_phrase(word, p),
                    None => Lexical::of(word),
                };
                // "cancel" where the bank spells "cancelled" (stem
                // "cancell"): the stemmer keeps a doubled "l" ("called").
                let known = |mut s: CompactString| {
                    if keep(&s) {
                        return Some(s);
                    }
                    s.push('l');
                    (s.ends_with("ll") && !s.ends_with("lll") && keep(&s)).then_some(s)
                };
                let keep = |list: Vec<CompactString>| list.into_iter().filter_map(known).collect();
                Rc::new(Lexical {
                    related: keep(l.related),
                    opposite: keep(l.opposite),
                })
            });
            Rc::clone(l)
        })
    }
}

impl Analysis {
    pub(crate) fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.tokens[first].start, self.tokens[last - 1].end)
    }

    /// The statement's text from token `first` to before `last`.
    pub(crate) fn text(&self, first: usize, last: usize) -> &str {
        let (b, e) = self.span(first, last);
        self.source.get(b..e).unwrap_or_default()
    }

    /// The lexical database's words for content word `i` (of `words`),
    /// of those only the stems `known` knows: a fact's words are among the
    /// stems the bank uses, so the others, dropped once, need not be
    /// tried against every fact. `owner` names `known` (see
    /// [`Lexical::cached`]).
    pub(crate) fn lexical(&self, i: usize, owner: u64, known: impl Fn(&str) -> bool) -> &Lexical {
        let k = self.words[i];
        let phrase = self.phrases.iter().find(|p| p.head == k);
        self.notes[i]
            .lexical
            .get_or_init(|| Lexical::cached(&self.tokens[k].text, phrase, owner, known))
    }

    /// Who does what to whom (see `roles`), read once for all candidates.
    pub(crate) fn roles(&self) -> &[(Roles, [Word; 3])] {
        self.roles
            .get_or_init(|| super::roles::of_statement(&self.tokens))
    }

    /// A yes-or-no fact about content word `i` (of `words`) that does not
    /// depend on the fact it is tried against: `ask` the first time, the
    /// answer kept for the other candidates. `note` is one bit of the low
    /// four; the high four say which have been asked.
    pub(crate) fn note(&self, i: usize, note: u8, ask: impl FnOnce() -> bool) -> bool {
        debug_assert!(note.is_power_of_two() && note < 16);
        let cell = &self.notes[i].bits;
        let known = cell.get();
        if known & (note << 4) != 0 {
            return known & note != 0;
        }
        let yes = ask();
        cell.set(known | note << 4 | if yes { note } else { 0 });
        yes
    }

    /// Whether token `k` is folded into a phrase (see `phrase`): it needs
    /// no explaining of its own, its phrase's head does.
    pub(crate) fn folded(&self, k: usize) -> bool {
        self.phrases.iter().any(|p| p.folds(k))
    }

    /// A content word that looks like a name: capitalised mid-sentence.
    pub(crate) fn looks_like_name(&self, tok: usize) -> bool {
        let t = &self.tokens[tok];
        t.cap && !self.all_caps && !t.sentence_start
    }
}

/// Reads a statement.
pub(crate) fn analyse(text: &str, gaz: &Gazetteer) -> Analysis {
    analyse_tokens(text, tokenize(text), gaz)
}

/// Reads a quiz answer: as a statement, but a name only as the bank
/// spells it ("New Yrok" is no right answer).
pub(crate) fn analyse_answer(text: &str, gaz: &Gazetteer) -> Analysis {
    analyse_with(text, expand_shorthand(tokenize(text)), gaz)
}

/// Reads a statement already split into `tokens` (as [`tokenize`] splits it).
pub(crate) fn analyse_tokens(text: &str, tokens: Vec<Token>, gaz: &Gazetteer) -> Analysis {
    let mut tokens = expand_shorthand(tokens);
    mend_name_typos(&mut tokens, gaz);
    analyse_with(text, tokens, gaz)
}

/// Reads tokens whose shorthand is expanded and typos mended.
fn analyse_with(text: &str, tokens: Vec<Token>, gaz: &Gazetteer) -> Analysis {
    // Which tokens a name or value has taken: on the stack for a statement
    // of ordinary length.
    let (mut stack, mut heap) = ([false; 64], Vec::new());
    let used: &mut [bool] = match tokens.len() {
        n if n <= stack.len() => &mut stack[..n],
        n => {
            heap.resize(n, false);
            &mut heap
        }
    };
    skip_opening_particle(text, &tokens, used);
    skip_closing_answer(text, &tokens, used);
    let all_caps = all_caps(text);
    // Names first, so that COVID-19 or a year inside a name is no quantity.
    let mentions = find_mentions(&tokens, used, gaz, all_caps);
    let quantities = find_quantities(&tokens, used, gaz);
    let (negations, modals, words) = content(text, &tokens, used);
    let phrases = super::phrase::find(&tokens, used, &words);
    let stems = (words.iter())
        .map(|&k| match phrases.iter().find(|p| p.head == k && p.idiom) {
            Some(p) => CompactString::from(p.word),
            None => stem(&tokens[k].text),
        })
        .collect();
    let notes = vec![Notes::default(); words.len()];
    Analysis {
        source: text.to_string(),
        tokens,
        mentions,
        quantities,
        negations,
        modals,
        words,
        stems,
        phrases,
        all_caps,
        notes,
        roles: OnceCell::new(),
    }
}

/// The whole statement is in capitals (more than three letters, none in
/// lower case); ASCII text without decoding a character.
fn all_caps(text: &str) -> bool {
    if text.is_ascii() {
        // A lower-case letter first: most statements have one early on.
        let b = text.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase)
            && b.iter().filter(|c| c.is_ascii_alphabetic()).count() > 3;
    }
    !text.chars().any(|c| c.is_lowercase())
        && text.chars().filter(|c| c.is_alphabetic()).count() > 3
}

/// Shorthand read as the words it stands for ("govt", "wasnt", "w/");
/// the first word keeps the span of what was written.
fn expand_shorthand(tokens: Vec<Token>) -> Vec<Token> {
    if !tokens.iter().any(|t| t.is(lang::CLASS_SHORTHAND)) {
        return tokens;
    }
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len() + 4);
    for t in tokens {
        // "6 pm" is a time of day, not a prime minister.
        let clock = t.text == "pm" && out.last().is_some_and(|p| p.kind == TokKind::Number);
        match lang::SHORTHAND_MAP.get(t.text.as_str()) {
            Some(words) if t.kind == TokKind::Word && !clock => {
                for (i, w) in words.split(' ').enumerate() {
                    let mut part = t.clone();
                    part.set_text(CompactString::from(w));
                    part.attached = i == 0 && t.attached;
                    part.sentence_start = i == 0 && t.sentence_start;
                    // Later words take no width, as a "n't" does: spans stay in order.
                    if i > 0 {
                        part.start = t.end;
                    }
                    out.push(part);
                }
            }
            _ => out.push(t),
        }
    }
    out
}

/// "souht sudan", "chda": a word in no dictionary and no word list, one
/// edit from exactly one word of the bank's names, is that word. A typo
/// never turns one name into another: a word of a name is left as it is.
fn mend_name_typos(tokens: &mut [Token], gaz: &Gazetteer) {
    for t in tokens.iter_mut() {
        // The cheap tests first: most words are in a list or a dictionary.
        if t.kind != TokKind::Word || t.class != 0 || t.text.len() < 4 {
            continue;
        }
        // The dictionary last: it costs the most.
        if let Some(w) = gaz.name_word_near(&t.text)
            && !lang::lexicon::knows(&t.text)
        {
            t.set_text(w.clone());
        }
    }
}

/// "yes, …", "BREAKING: …", "fun fact: …": words before the claim.
fn skip_opening_particle(text: &str, tokens: &[Token], used: &mut [bool]) {
    // "i think …", "pretty sure …": a hedge, from lang/data/hedge_openings.txt.
    let Some(first) = tokens.first() else {
        return;
    };
    let first_letter = first.text.as_bytes().first();
    for phrase in lang::HEDGE_OPENINGS {
        // The first word first: most statements begin with none of them,
        // and most not even with a first letter of one.
        if phrase.as_bytes().first() != first_letter {
            continue;
        }
        let rest = phrase.strip_prefix(first.text.as_str());
        if !rest.is_some_and(|r| r.is_empty() || r.starts_with(' ')) {
            continue;
        }
        let n = phrase.split(' ').count();
        let hit = phrase
            .split(' ')
            .enumerate()
            .all(|(i, w)| tokens.get(i).is_some_and(|t| t.text == w));
        if hit && tokens.len() > n + 1 {
            let end = n + usize::from(tokens[n].text == "that");
            used[..end].fill(true);
            return;
        }
    }
    let mut k = 0;
    while k < tokens.len().min(3) && tokens[k].is(lang::CLASS_PARTICLES) {
        k += 1;
        let gap = tokens
            .get(k)
            .map_or("", |next| &text[tokens[k - 1].end..next.start]);
        if gap.contains([',', ':', '!', '-', '\u{2014}']) {
            used[..k].fill(true);
            return;
        }
    }
}

/// "were the letters exchanged in New York? yep (it was)": a yes after
/// the question only confirms it. (A "no" there would deny it: left as
/// words, so nothing is supported.)
fn skip_closing_answer(text: &str, tokens: &[Token], used: &mut [bool]) {
    let Some(q) = text.rfind('?') else {
        return;
    };
    let Some(k) = tokens.iter().position(|t| t.start > q) else {
        return;
    };
    let yes = matches!(tokens[k].text.as_str(), "yes" | "yeah" | "yep" | "yup");
    let rest = &tokens[k + 1..];
    if yes
        && rest.len() <= 3
        && rest
            .iter()
            .all(|t| t.kind == TokKind::Word && t.is(lang::CLASS_STOPWORDS))
    {
        used[k..].fill(true);
    }
}

/// The bank's names, longest alias first; a country word directly before
/// "dollars" belongs to the currency.
fn find_mentions(
    tokens: &[Token],
    used: &mut [bool],
    gaz: &Gazetteer,
    all_caps: bool,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let currency_next = || {
            (tokens.get(i + 1)).is_some_and(|n| n.is(lang::CLASS_CURRENCY_WORDS) || n.text == "$")
        };
        // The bits first: most words are before no money word at all.
        let people_currency = tokens.get(i + 1).is_some_and(|n| {
            n.is(lang::CLASS_DENOMINATIONS | lang::CLASS_CURRENCY_WORDS)
                && lang::currency_of_people(&t.text, &n.text).is_some()
        });
        if (t.is(lang::CLASS_CURRENCY_QUALIFIERS) && currency_next()) || people_currency {
            i += 1;
            continue;
        }
        // An acronym typed in lower case ("unesco") is the name, unless it is
        // also a common word ("us", "it"): then only in capitals or after
        // "the" ("the us"). Asked only of an acronym: most words begin none.
        let acronym_ok = || {
            let after_the = i > 0 && tokens[i - 1].text == "the";
            // In lower case right after a number it is a unit or a time of
            // day ("2 p.m.", "5 km"), never the initials of a name.
            let after_number = i > 0 && tokens[i - 1].kind == TokKind::Number && !t.upper;
            (t.upper || all_caps || after_the || !t.is(lang::CLASS_STOPWORDS)) && !after_number
        };
        let cands = gaz.names_from(&t.text);
        let matched = cands.iter().find(|alias| {
            (!alias.acronym || acronym_ok())
                && crate::values::seq_matches(tokens, used, i, &alias.words)
        });
        // The name as written, as a possessive typed without its
        // apostrophe, or by the first word of a longer name alone; a name
        // with another number is another thing of its kind.
        let numbered = sibling_of(cands, tokens, used, i)
            .or_else(|| numbered_sibling(gaz, tokens, used, i))
            .filter(|(s, _)| matched.is_none_or(|m| m.words.len() < s.words.len()));
        let sibling = numbered.is_some_and(|(_, other)| other);
        let (alias, len, bare) = if let Some((a, _)) = numbered {
            (a, a.words.len(), false)
        } else if let Some(a) = matched {
            (a, a.words.len(), false)
        } else if let Some(a) = bare_possessive(gaz, cands, tokens, used, i) {
            (a, a.words.len(), true)
        } else if let Some(a) = first_word_of_one(cands, t) {
            (a, 1, false)
        } else {
            i += 1;
            continue;
        };
        let also: Vec<usize> = gaz.aliases[&alias.words[0]]
            .iter()
            .filter(|o| o.entity != alias.entity && o.words == alias.words)
            .map(|o| o.entity)
            .collect();
        let mut k = i;
        if k > 0 && tokens[k - 1].text == "the" {
            k -= 1;
        }
        let locative = k > 0 && tokens[k - 1].is(lang::CLASS_LOCATIVES);
        used[i..i + len].fill(true);
        mentions.push(Mention {
            entity: alias.entity,
            first: i,
            last: i + len,
            locative,
            people: alias.people,
            possessive: tokens[i + len - 1].possessive || bare,
            also,
            sibling,
        });
        i += len;
    }
    mentions
}

/// "smiths", "norways": an alias whose last word is typed with the "s" of
/// a possessive and no apostrophe; only in lower case (a capitalised
/// "Norways" is a plural) and when the word is no word of its own.
fn bare_possessive<'g>(
    gaz: &'g Gazetteer,
    cands: &'g [Alias],
    tokens: &[Token],
    used: &[bool],
    i: usize,
) -> Option<&'g Alias> {
    let bare = |k: usize| {
        tokens.get(k).filter(|t| {
            !used[k]
                && !t.cap
                && t.kind == TokKind::Word
                && t.text.len() > 3
                && t.text.ends_with('s')
        })
    };
    // One word: the alias is the word without its "s".
    if let Some(t) = bare(i)
        && let Some(alias) =
            (gaz.names_from(without_s(t)).iter()).find(|a| a.words.len() == 1 && !a.acronym)
        && !lexicon::has_form(&t.text)
    {
        return Some(alias);
    }
    // Several words (`cands` begin with the first): all but the last as
    // written.
    cands.iter().find(|a| {
        let n = a.words.len();
        n >= 2
            && !a.acronym
            && crate::values::seq_matches(tokens, used, i, &a.words[..n - 1])
            && bare(i + n - 1)
                .is_some_and(|t| without_s(t) == a.words[n - 1] && !lexicon::has_form(&t.text))
    })
}

/// "the ferrovia" for "Ferrovía Alta Vista": the first word
/// of a longer name, when every name it begins is one entity's and it is
/// no word of its own (not "new" of "New York" and "New Delhi").
/// `cands` are the names that begin with the word.
/// A name of two words or more written with another number in it
/// ("norby 6" for "Norby 5", "third sudby point" for "second Sudby
/// point"): every word as the alias has it but one, a numeral in both;
/// `true` when the numbers differ ("2" for "second" is the name itself).
fn sibling_of<'g>(
    cands: &'g [Alias],
    tokens: &[Token],
    used: &[bool],
    i: usize,
) -> Option<(&'g Alias, bool)> {
    // A numeral's value: "2", "two" and "second" are one number.
    let numeral = |w: &str| {
        w.parse::<u64>()
            .ok()
            .or_else(|| lang::ordinal_word(w))
            .or_else(|| lang::cardinal(w))
    };
    cands.iter().find_map(|a| {
        let n = a.words.len();
        if n < 2 || i + n > tokens.len() || used[i..i + n].iter().any(|&u| u) {
            return None;
        }
        let differ: Vec<(Option<u64>, Option<u64>)> = (a.words.iter().zip(&tokens[i..i + n]))
            .filter(|(w, t)| t.text != **w)
            .map(|(w, t)| (numeral(w), numeral(&t.text)))
            .collect();
        match differ[..] {
            [(Some(x), Some(y))] => Some((a, x != y)),
            _ => None,
        }
    })
}

/// [`sibling_of`] for a name that starts with its number ("the third
/// Sudby point" for "second Sudby point"): the names that start
/// with another of the common numerals.
fn numbered_sibling<'g>(
    gaz: &'g Gazetteer,
    tokens: &[Token],
    used: &[bool],
    i: usize,
) -> Option<(&'g Alias, bool)> {
    /// The numerals names start with, in words and digits.
    const NUMERALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "1", "2", "3", "4", "5",
    ];
    let t = &tokens[i];
    if !(t.kind == TokKind::Number || lang::ordinal_word(&t.text).is_some()) {
        return None;
    }
    (NUMERALS.iter())
        .filter(|&&n| n != t.text)
        .find_map(|n| sibling_of(gaz.names_from(n), tokens, used, i))
}

fn first_word_of_one<'g>(cands: &'g [Alias], t: &Token) -> Option<&'g Alias> {
    // No name begins with most words.
    if cands.is_empty()
        || t.kind != TokKind::Word
        || t.text.len() < 4
        || t.is(lang::CLASS_STOPWORDS)
    {
        return None;
    }
    let first = cands.first().filter(|a| a.words.len() >= 2 && !a.acronym)?;
    let one = cands
        .iter()
        .all(|a| a.entity == first.entity && a.words.len() >= 2);
    (one && !lexicon::knows(&t.text)).then_some(first)
}

/// A word without its last letter, an "s" (see [`bare_possessive`]).
fn without_s(t: &Token) -> &str {
    &t.text[..t.text.len() - 1]
}

fn find_quantities(tokens: &[Token], used: &mut [bool], gaz: &Gazetteer) -> Vec<Quantity> {
    let mut quantities = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if used[i] {
            i += 1;
            continue;
        }
        match read_quantity(tokens, used, i, gaz) {
            Some(q) if per_unit(tokens, &quantities, &q) => i = q.last,
            Some(q) => {
                used[q.first..q.last].fill(true);
                i = q.last;
                quantities.push(q);
            }
            None => i += 1,
        }
    }
    quantities
}

/// "12,500 a year", "$2m a month": "a year" right after a figure is the
/// figure's rate, not a length of time. Its unit stays a word, which the
/// fact must explain ("every year", "annually").
fn per_unit(tokens: &[Token], before: &[Quantity], q: &Quantity) -> bool {
    let rate = matches!(q.kind, crate::values::Value::Duration { .. })
        && q.last == q.first + 2
        && matches!(tokens[q.first].text.as_str(), "a" | "an" | "per");
    rate && before.last().is_some_and(|p| {
        p.last == q.first
            && !matches!(
                p.kind,
                crate::values::Value::Duration { .. } | crate::values::Value::Date { .. }
            )
    })
}

/// Whether the modal word at `k` weakens the claim: "may", "could" always;
/// "expected" and "likely" only before "to" ("expected to open"), not as
/// a description ("the river expected in 2080").
fn weakens(tokens: &[Token], k: usize) -> bool {
    let describes = matches!(tokens[k].text.as_str(), "expected" | "expects" | "likely");
    !describes || (tokens[k + 1..].iter().take(4)).any(|t| t.text == "to")
}

/// Whether byte `at` is inside a quotation that closes after it: 'called
/// the bill "a lesson in how not to run a project"' denies nothing.
pub(crate) fn quoted(text: &str, at: usize) -> bool {
    let (before, after) = text.split_at(at);
    let straight = before.matches('"').count() % 2 == 1 && after.contains('"');
    let curly = before.matches('\u{201c}').count() > before.matches('\u{201d}').count()
        && after.contains('\u{201d}');
    straight || curly
}

/// Negations (outside a concessive clause and quotations), modal words,
/// and the content words left.
fn content(text: &str, tokens: &[Token], used: &[bool]) -> (usize, Vec<usize>, Vec<usize>) {
    let (mut negations, mut modals) = (0, Vec::new());
    let mut words = Vec::with_capacity(tokens.len());
    // A concessive clause ("despite the lack of ties, …") runs to the next
    // comma; a negation inside it does not negate the main claim.
    let mut concession_end = 0;
    for (k, t) in tokens.iter().enumerate() {
        if used[k] || t.kind == TokKind::Symbol {
            continue;
        }
        if t.is(lang::CLASS_CONCESSIVE) {
            // Without a comma, at least a negation right after it ("even
            // without ties the two traded …").
            let next = tokens.get(k + 1).filter(|n| n.is(lang::CLASS_NEGATIONS));
            concession_end =
                (text[t.end..].find(',')).map_or(next.map_or(t.end, |n| n.end), |c| t.end + c);
        }
        if t.is(lang::CLASS_NEGATIONS) {
            if t.start >= concession_end && !quoted(text, t.start) {
                negations += 1;
            }
        } else if t.is(lang::CLASS_MODALITY) && weakens(tokens, k) {
            modals.push(k);
        } else if !t.is(lang::CLASS_STOPWORDS) {
            words.push(k);
        }
    }
    (negations, modals, words)
}

/// Negations in the tokens of `text`, leaving out those inside a quotation
/// and those that belong to a comparative ("no more than", "not less
/// than"), as [`analyse`] does.
pub(crate) fn negation_count(text: &str, tokens: &[Token]) -> usize {
    tokens
        .iter()
        .enumerate()
        .filter(|(k, t)| {
            t.is(lang::CLASS_NEGATIONS)
                && !quoted(text, t.start)
                && !(matches!(t.text.as_str(), "no" | "not")
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.text.as_str(), "more" | "less" | "fewer")))
        })
        .count()
}

/// The statement's content words (indices into `a.words`) grouped by
/// clause: clauses end at a conjunction ("and", "because", "through", …)
/// or a comma between words (not the one in "12,500"). Clauses without
/// content words are left out.
pub(crate) fn clauses(a: &Analysis) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    let mut next_word = 0;
    for k in 0..a.tokens.len() {
        if clause_break(a, k) {
            out.push(Vec::new());
        }
        if a.words.get(next_word) == Some(&k) {
            out.last_mut().expect("never empty").push(next_word);
            next_word += 1;
        }
    }
    out.retain(|c| !c.is_empty());
    out
}

/// Whether a new clause starts at token `k`: after a comma between
/// words (not the one in "12,500"), or at a conjunction.
fn clause_break(a: &Analysis, k: usize) -> bool {
    let comma_before = k > 0 && a.source[a.tokens[k - 1].end..a.tokens[k].start].contains(',');
    comma_before || a.tokens[k].is(lang::CLASS_CONNECTORS)
}

/// Which of [`clauses`]' clauses holds token `k`: the one whose words
/// lie on both sides of it, or the one its last word before it opens,
/// when no clause break lies between.
pub(crate) fn clause_at(a: &Analysis, clauses: &[Vec<usize>], k: usize) -> Option<usize> {
    let breaks = |from: usize, to: usize| (from + 1..=to).any(|j| clause_break(a, j));
    let Some(before) = (clauses.iter()).rposition(|c| c.first().is_some_and(|&w| a.words[w] < k))
    else {
        // "In 2021 the images came out": the first clause, if unbroken.
        let first = a.words[*clauses.first()?.first()?];
        return (!breaks(k, first)).then_some(0);
    };
    let last = a.words[*clauses[before].last()?];
    (!breaks(last.min(k), k)).then_some(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(statement: &str) -> Vec<String> {
        let a = analyse(statement, &Gazetteer::new());
        a.words
            .iter()
            .map(|&k| a.tokens[k].text.to_string())
            .collect()
    }

    #[test]
    fn a_unit_of_time_after_a_figure_is_its_rate() {
        for (statement, durations, rate_word) in [
            ("about 12,500 visitors a year", 0, true),
            ("$2m a month in fees", 0, true),
            ("the ties came a year later", 1, false),
            ("a year after the launch", 1, false),
            ("it took 3 years", 1, false),
        ] {
            let a = analyse(statement, &Gazetteer::new());
            let n = (a.quantities.iter())
                .filter(|q| matches!(q.kind, crate::values::Value::Duration { .. }))
                .count();
            assert_eq!(n, durations, "{statement}");
            let unit = words(statement).iter().any(|w| w == "year" || w == "month");
            assert_eq!(unit, rate_word, "{statement}");
        }
    }

    #[test]
    fn a_name_with_another_number_is_another_of_its_kind() {
        let mut gaz = Gazetteer::new();
        gaz.add_alias("Norby 5", 0, false);
        gaz.add_alias("second Sudby point", 1, false);
        for (statement, want) in [
            ("aboard a Norby 6", Some((0, true))),
            ("aboard a Norby 5", Some((0, false))),
            ("aboard a Norby five", Some((0, false))),
            ("near the third sudby point", Some((1, true))),
            ("near the second sudby point", Some((1, false))),
            ("near the 2 sudby point", Some((1, false))),
            ("near the third point", None),
        ] {
            let a = analyse(statement, &gaz);
            let got = a.mentions.first().map(|m| (m.entity, m.sibling));
            assert_eq!(got, want, "{statement}");
        }
    }

    #[test]
    fn a_negation_in_a_concession_does_not_negate_the_claim() {
        for (statement, want) in [
            ("despite the lack of ties, they traded goods", 0),
            ("even without ties the two traded goods", 0),
            ("even without ties the two did not trade", 1),
            ("the two did not trade", 1),
            ("she called it \"a lesson in how not to build\"", 0),
            ("she called it \u{201c}no lesson\u{201d}", 0),
            ("she did not call it \"a lesson\"", 1),
        ] {
            let a = analyse(statement, &Gazetteer::new());
            assert_eq!(a.negations, want, "{statement}");
        }
    }

    #[test]
    fn names_typed_loosely_are_still_names() {
        let mut gaz = Gazetteer::new();
        for (i, name) in [
            "Ferrovía Alta Vista",
            "New York",
            "New Delhi",
            "Norway",
            "South Africa",
        ]
        .into_iter()
        .enumerate()
        {
            gaz.add_alias(name, i, false);
        }
        // (statement, entity named, as a possessive)
        let cases = [
            ("the ferrovia opened", Some((0, false))),
            ("the new bridge opened", None),
            ("norways roads", Some((3, true))),
            ("south africas stance", Some((4, true))),
            ("Norways roads", None),
            ("the news came", None),
        ];
        for (statement, want) in cases {
            let a = analyse(statement, &gaz);
            let got = a.mentions.first().map(|m| (m.entity, m.possessive));
            assert_eq!(got, want, "{statement}");
        }
    }

    #[test]
    fn hedging_openings_are_no_part_of_the_claim() {
        let cases = [
            ("i think the launch slipped", vec!["launch", "slipped"]),
            (
                "pretty sure that the launch slipped",
                vec!["launch", "slipped"],
            ),
            ("yes, the launch slipped", vec!["launch", "slipped"]),
            (
                "if i remember right the launch slipped",
                vec!["launch", "slipped"],
            ),
            (
                "correct me if im wrong but the launch slipped",
                vec!["launch", "slipped"],
            ),
            // Not at the start: a claim about thinking.
            (
                "the crew think the launch slipped",
                vec!["crew", "think", "launch", "slipped"],
            ),
        ];
        for (statement, want) in cases {
            assert_eq!(words(statement), want, "{statement}");
        }
    }
}
