//! The article's names: capitalised spans, acronyms with their expansions,
//! surnames of named people, and the countries, capitals, peoples and
//! regions the world tables know. Each becomes an entity with its aliases.

use std::collections::{BTreeMap, BTreeSet};

use super::slug;
use crate::bank::{Entity, EntityKind};
use crate::lang::world::{self, Place};
use crate::lang::{self, Sentence, TokKind, Token, tokenize};

/// Words that make a name an organisation, a treaty, an event or a place.
const ORG_WORDS: &[&str] = &[
    "agency",
    "ministry",
    "administration",
    "association",
    "bank",
    "council",
    "corporation",
    "company",
    "inc",
    "ltd",
    "university",
    "institute",
    "organisation",
    "organization",
    "party",
    "union",
    "committee",
    "commission",
    "department",
    "office",
    "service",
    "court",
    "police",
    "group",
    "foundation",
    "authority",
    "fund",
    "club",
    "airlines",
    "nations",
    "trust",
    "alliance",
    "league",
    "charity",
    "coalition",
    "consortium",
    "parliament",
    "senate",
    "congress",
    "assembly",
    "school",
    "college",
    "hospital",
    "museum",
    "society",
    "federation",
    "board",
    "bureau",
    "centre",
    "center",
    "network",
    "press",
    "agency's",
];
const TREATY_WORDS: &[&str] = &[
    "treaty",
    "convention",
    "agreement",
    "accord",
    "act",
    "protocol",
    "pact",
];
const EVENT_WORDS: &[&str] = &[
    "war",
    "summit",
    "games",
    "olympics",
    "cup",
    "festival",
    "pandemic",
    "revolution",
    "conference",
    "election",
    "championship",
    "crisis",
];
const PLACE_WORDS: &[&str] = &[
    "city",
    "river",
    "lake",
    "mountain",
    "mountains",
    "island",
    "islands",
    "province",
    "county",
    "state",
    "valley",
    "bay",
    "sea",
    "ocean",
    "coast",
    "region",
    "district",
    "park",
    "square",
    "airport",
    "harbour",
    "harbor",
    "port",
];
/// Words that make a name a built structure: a thing, not a place
/// something happens in.
const STRUCTURE_WORDS: &[&str] = &["bridge", "tunnel", "dam", "tower", "stadium", "building"];
/// Words near a name that make it a person's.
const PERSON_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "who",
    "announced",
    "wrote",
    "noted",
    "argued",
];
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "mayor",
    "governor",
    "senator",
    "councillor",
    "councilor",
    "cllr",
    "alderman",
    "commissioner",
    "judge",
    "inspector",
    "detective",
    "sergeant",
    "captain",
    "reverend",
    "bishop",
    "professor",
    "prof",
    "chief",
    "minister",
    "secretary",
    "ceo",
    "director",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "president",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prime",
];
/// Roles set off after a person's name ("Ola Berg, chairman of …").
const PERSON_ROLES: &[&str] = &[
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "head",
    "leader",
    "president",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chief",
    "founder",
    "manager",
    "secretary",
    "minister",
    "mayor",
    "professor",
    "engineer",
    "captain",
    "editor",
    "owner",
    "ceo",
    "coordinator",
    "officer",
    "councillor",
    "researcher",
    "scientist",
    "biologist",
    "historian",
];
const LOCATIVE_BEFORE: &[&str] = &[
    "in", "at", "from", "near", "to", "outside", "inside", "across", "within", "between", "via",
    "towards", "toward",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Lower-case words inside a name ("Biograd na Moru", "Viana do Castelo").
const CONNECTORS: &[&str] = &[
    "of", "for", "on", "de", "del", "la", "von", "van", "na", "do", "da", "di", "du", "der", "den",
    "des", "dos", "das",
];
/// Words an acronym gives no letter to ("Ministry of Trade and Industry"):
/// a name's lower-case words, and these.
const ACRONYM_GLUE: &[&str] = &["and", "the", "&"];

/// What the whole article tells about its words.
struct Words<'a> {
    /// Words that start a sentence without starting a name.
    start: &'a BTreeSet<String>,
    /// Words the article writes in lower case.
    lower: &'a BTreeSet<String>,
    /// Capitalised words written with no hyphen beside them.
    alone: &'a BTreeSet<String>,
}

/// One occurrence of a capitalised span.
#[derive(Debug, Clone)]
struct Span {
    /// As written, without a possessive ending.
    text: String,
    words: Vec<String>,
    person_cue: bool,
    locative: bool,
    /// "PARIS, 3 May —": a news dateline, which names a place.
    dateline: bool,
    acronym: Option<String>,
    /// Its first token in the sentence.
    first: usize,
}

/// The entities of an article and, for each alias, its entity's id.
#[derive(Debug, Default)]
pub(crate) struct Names {
    pub(crate) entities: Vec<Entity>,
}

/// Finds the names of the article's sentences (headings are left out:
/// their capitals say nothing).
pub(crate) fn find(text: &str, sentences: &[Sentence]) -> Names {
    let mut lower_words: BTreeSet<String> = BTreeSet::new();
    let mut mid_caps: BTreeSet<String> = BTreeSet::new();
    // Capitalised words the article also writes without a hyphen beside
    // them: "the Alder-Bru ferry" joins two names when "Bru" stands alone
    // elsewhere.
    let mut alone: BTreeSet<String> = BTreeSet::new();
    for s in sentences.iter().filter(|s| !s.heading) {
        let sentence = &text[s.start..s.end];
        let toks = tokenize(sentence);
        for (k, t) in toks.iter().enumerate() {
            let hyphen_before = k > 0 && &sentence[toks[k - 1].end..t.start] == "-";
            let hyphen_after = toks
                .get(k + 1)
                .is_some_and(|n| &sentence[t.end..n.start] == "-");
            if t.cap && !hyphen_before && !hyphen_after {
                alone.insert(t.text.to_string());
            }
        }
        for (k, t) in toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokKind::Word)
        {
            if !t.cap {
                lower_words.insert(t.text.to_string());
            } else if !opens_sentence(sentence, &toks, k) {
                mid_caps.insert(t.text.to_string());
            }
        }
    }
    // A sentence's first word is capitalised anyway: it starts a name only
    // if the article also capitalises it mid-sentence, or the world
    // tables know it.
    let start_words: BTreeSet<String> = lower_words
        .iter()
        .cloned()
        .chain(
            sentences
                .iter()
                .flat_map(|s| {
                    let sentence = &text[s.start..s.end];
                    let toks = tokenize(sentence);
                    // "Tomasz Wierzbicki, the engineer, said": a first word
                    // no dictionary knows, before another capital, is a
                    // name's.
                    let named = |k: usize| {
                        !lang::lexicon::knows(&toks[k].text)
                            && !lang::is_stopword(&toks[k].text)
                            && toks
                                .get(k + 1)
                                .is_some_and(|n| n.cap && n.kind == TokKind::Word)
                    };
                    (0..toks.len())
                        .filter(|&k| opens_sentence(sentence, &toks, k) && !named(k))
                        .map(|k| toks[k].clone())
                        .collect::<Vec<_>>()
                })
                .map(|t| t.text.to_string())
                .filter(|w| !mid_caps.contains(w) && world::lookup(w).is_none()),
        )
        .collect();
    let mut spans = Vec::new();
    for s in sentences.iter().filter(|s| !s.heading) {
        let words = Words {
            start: &start_words,
            lower: &lower_words,
            alone: &alone,
        };
        spans_of(&text[s.start..s.end], &words, &mut spans);
    }
    build(spans)
}

/// A capitalised word that belongs to a value: "U.S." before "dollars"
/// (a country word before a currency is the currency's), "MW" after
/// "375" (a unit after its amount).
fn of_a_value(toks: &[Token], k: usize) -> bool {
    let currency = toks.get(k + 1).is_some_and(|n| {
        (lang::is_currency_qualifier(&toks[k].text) && lang::currency_word(&n.text).is_some())
            || lang::currency_of_people(&toks[k].text, &n.text).is_some()
    });
    let unit =
        k > 0 && toks[k - 1].kind == TokKind::Number && lang::unit_of(&toks[k].text).is_some();
    currency || unit
}

fn excluded(t: &Token) -> bool {
    let w = t.text.as_str();
    // Dates and numbers are values, never names; a named date's words
    // ("Christmas Day") are read as its date, a unit ("Celsius") with its
    // amount; "I" is the speaker of a quotation.
    t.kind != TokKind::Word
        || !t.cap
        || w == "i"
        || w.starts_with("i'")
        || w.starts_with("i’")
        || lang::unit_of(w).is_some_and(|u| w.len() > 2 && u.dimension == "temperature")
        || lang::cardinal(w).is_some()
        || lang::ordinal_word(w).is_some()
        || lang::month_of(w).is_some()
        || WEEKDAYS.contains(&w)
        || matches!(w, "day" | "eve")
        // Eras: "AD 40", "300 BC".
        || matches!(w, "ad" | "bc" | "bce")
        || lang::NAMED_DATES.iter().any(|(n, _)| {
            !n.starts_with("New ")
                && n.split(' ')
                    .next()
                    .is_some_and(|f| f.eq_ignore_ascii_case(w))
        })
}

/// Whether token `i` of sentence `s` may start a name.
fn may_start(s: &str, toks: &[Token], i: usize) -> bool {
    // "3D": a letter glued to a number is a value's. "Oslo-based": a part
    // after a hyphen takes the capital of the first, as tokens.
    let glued = i > 0 && toks[i].attached && toks[i - 1].kind == TokKind::Number;
    let lower = !s[toks[i].start..].starts_with(char::is_uppercase);
    !(excluded(&toks[i]) || of_a_value(toks, i) || glued || lower)
}

/// The capitalised spans of one sentence.
fn spans_of(s: &str, words: &Words, out: &mut Vec<Span>) {
    let (start_words, lower_words) = (words.start, words.lower);
    let toks = tokenize(s);
    let sentence_spans = out.len();
    let mut i = 0;
    // The last name's last token, and whether it was a place.
    let mut previous: Option<(usize, bool)> = None;
    while i < toks.len() {
        if !may_start(s, &toks, i) {
            i += 1;
            continue;
        }
        let mut last = i;
        loop {
            // "Fishermen's Association" is one name; "Norway's Statkraft" two.
            let org_next =
                (toks.get(last + 1)).is_some_and(|n| n.cap && ORG_WORDS.contains(&n.text.as_str()));
            if toks[last].possessive && !org_next {
                break;
            }
            let gap_ok = |a: &Token, b: &Token| {
                let gap = &s[a.end..b.start];
                gap.trim().is_empty()
                    || (gap.trim() == "." && a.text.len() == 1)
                    || (hyphenated(gap, a, b)
                        // "Oslo-based": a lower-case word after the hyphen.
                        && s[b.start..].starts_with(char::is_uppercase)
                        && !words.alone.contains(a.text.as_str())
                        && !words.alone.contains(b.text.as_str()))
            };
            let next = last + 1;
            if next < toks.len() && !excluded(&toks[next]) && gap_ok(&toks[last], &toks[next]) {
                last = next;
            } else if next + 1 < toks.len()
                && CONNECTORS.contains(&toks[next].text.as_str())
                && !toks[next].cap
                && !excluded(&toks[next + 1])
                && !person_of_acronym(&toks[i..=last], &toks[next + 1])
                && gap_ok(&toks[last], &toks[next])
                && gap_ok(&toks[next], &toks[next + 1])
            {
                last = next + 1;
            } else {
                break;
            }
        }
        // "COVID-19", "Soyuz 2 rocket": a number glued by a hyphen, or a
        // small one before a lower-case word, belongs to the name.
        if let Some(n) = toks.get(last + 1).filter(|n| n.kind == TokKind::Number) {
            let gap = &s[toks[last].end..n.start];
            let small = n.text.len() <= 2 && n.text.bytes().all(|b| b.is_ascii_digit());
            let then_word = toks.get(last + 2).is_some_and(|w| {
                w.kind == TokKind::Word
                    && !w.cap
                    && lang::unit_of(&w.text).is_none()
                    && lang::scale_of(&w.text).is_none()
                    && !lang::DURATIONS_MAP.contains_key(w.text.as_str())
                    && s[n.end..w.start] == *" "
            });
            if gap == "-" || (gap == " " && small && then_word) {
                last += 1;
            }
        }
        let mut first = i;
        while first <= last
            && (lang::is_stopword(&toks[first].text)
                || HONORIFICS.contains(&toks[first].text.as_str())
                || (opens_sentence(s, &toks, first)
                    && start_words.contains(toks[first].text.as_str())))
        {
            first += 1;
        }
        first = name_start(&toks, first, last);
        if first <= last {
            let mut sp = span(s, &toks, first, last, lower_words);
            if let Some(start) = sp
                .acronym
                .as_deref()
                .and_then(|a| acronym_start(s, &toks, first, last, a))
            {
                sp = expanded(
                    out,
                    sentence_spans,
                    start,
                    span(s, &toks, start, last, lower_words),
                );
            }
            // "between Kristiansund and Trondheim": a name joined to a
            // place by "and"/"or" is a place too.
            sp.locative |= first >= 2
                && matches!(toks[first - 1].text.as_str(), "and" | "or")
                && previous.is_some_and(|(end, locative)| locative && end + 2 == first);
            previous = Some((last, sp.locative));
            out.push(sp);
        }
        i = last + 1;
    }
}

fn span(s: &str, toks: &[Token], first: usize, last: usize, lower: &BTreeSet<String>) -> Span {
    let mut text = s[toks[first].start..toks[last].end].to_string();
    for end in ["'s", "’s", "'", "’"] {
        if toks[last].possessive && text.ends_with(end) {
            text.truncate(text.len() - end.len());
            break;
        }
    }
    let words: Vec<String> = toks[first..=last]
        .iter()
        .map(|t| t.text.to_string())
        .collect();
    let before = |k: usize| first.checked_sub(k).map(|j| toks[j].text.as_str());
    let after = toks.get(last + 1).map(|t| t.text.as_str());
    let initial = toks[first..=last]
        .iter()
        .any(|t| t.text.len() == 1 && t.cap);
    let honorific =
        before(1).is_some_and(|w| HONORIFICS.contains(&w) || lang::TITLES_SET.contains(w));
    let said = after.is_some_and(|w| PERSON_AFTER.contains(&w))
        || (before(1) == Some("to") && before(2) == Some("according"));
    // "the Ana Lima Costa administration", never "the Scottish government".
    let leads = after.is_some_and(|w| lang::PERSON_CUES_SET.contains(w)) && last > first;
    // "… (ESA)": the acronym in brackets names the same thing.
    let acronym = toks.get(last + 1).filter(|t| {
        t.upper && s[toks[last].end..t.start].trim() == "(" && s[t.end..].starts_with(')')
    });
    let person_words = words.len() >= 2 && words.iter().all(|w| !lower.contains(w.as_str()));
    // "Ola Berg, chairman of …", "Ola Berg, the port's director": a role
    // set off after the name.
    let role_after = s[toks[last].end..].starts_with(", ") && {
        let from = toks[last].end + 2;
        let to = s[from..].find(',').map_or(s.len(), |c| from + c);
        (toks[last + 1..].iter())
            .take_while(|t| t.end <= to)
            .take(4)
            .any(|t| PERSON_ROLES.contains(&t.text.as_str()))
    };
    // "Ana Lima of ABC, said": the person of an organisation.
    let of_acronym = after == Some("of")
        && toks.get(last + 2).is_some_and(|t| t.upper)
        && toks.get(last + 1).is_some_and(|t| !t.cap);
    Span {
        text,
        words,
        person_cue: initial
            || ((honorific || said || leads || of_acronym || role_after) && person_words)
            || (said && first == last),
        locative: before(1).is_some_and(|w| LOCATIVE_BEFORE.contains(&w))
            || (before(1) == Some("the")
                && before(2).is_some_and(|w| LOCATIVE_BEFORE.contains(&w))),
        acronym: acronym.map(|t| s[t.start..t.end].to_string()),
        dateline: is_dateline(s, toks, first, last),
        first,
    }
}

/// "Ministry of Transport and Telecommunications (MTT)": the acronym's
/// letters reach back over the spans before it in the sentence (those
/// from `kept` on), which its expansion replaces.
fn expanded(out: &mut Vec<Span>, kept: usize, start: usize, sp: Span) -> Span {
    while out.len() > kept && out.last().is_some_and(|p| p.first >= start) {
        out.pop();
    }
    sp
}

/// "Inter-American": capitalised words joined by a hyphen are one name,
/// unless both are places the world tables know ("Oslo-Bergen").
fn hyphenated(gap: &str, a: &Token, b: &Token) -> bool {
    gap == "-"
        && a.cap
        && b.cap
        && !(world::lookup(&a.text).is_some() && world::lookup(&b.text).is_some())
}

/// "Ingrid Lund of ABC": a name without a word of an organisation or a
/// place, then "of" and an acronym, is a person of that organisation.
fn person_of_acronym(name: &[Token], after: &Token) -> bool {
    after.upper
        && !name.iter().any(|t| {
            let w = t.text.as_str();
            ORG_WORDS.contains(&w)
                || PLACE_WORDS.contains(&w)
                || STRUCTURE_WORDS.contains(&w)
                || lang::STREET_WORDS_SET.contains(w)
        })
}

/// Where the name of a span starts after its title; past its end when
/// no word is left ("Its 24 cabins": a number alone is a value, never a
/// name).
fn name_start(toks: &[Token], first: usize, last: usize) -> usize {
    let first = after_title(toks, first, last);
    if toks[first..=last].iter().any(|t| t.kind == TokKind::Word) {
        first
    } else {
        last + 1
    }
}

/// "Transport Minister Ana Lima": a title inside a span is no part of the
/// person's name after it (unless the rest names an organisation, a place
/// or a structure: "King Edward Hospital").
fn after_title(toks: &[Token], first: usize, last: usize) -> usize {
    let title = |t: &Token| {
        HONORIFICS.contains(&t.text.as_str()) || lang::TITLES_SET.contains(t.text.as_str())
    };
    let Some(k) = (first..last).rev().find(|&k| title(&toks[k])) else {
        return first;
    };
    let thing = toks[k + 1..=last].iter().any(|t| {
        let w = t.text.as_str();
        ORG_WORDS.contains(&w)
            || PLACE_WORDS.contains(&w)
            || STRUCTURE_WORDS.contains(&w)
            || lang::STREET_WORDS_SET.contains(w)
    });
    if thing { first } else { k + 1 }
}

/// Where the expansion of an acronym in brackets starts when the span
/// before it holds only its last letters: each capitalised word (a
/// hyphenated pair counting once) gives a letter, function words none.
/// `None` when the span matches already or no start fits.
fn acronym_start(
    s: &str,
    toks: &[Token],
    first: usize,
    last: usize,
    acronym: &str,
) -> Option<usize> {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let initials = |from: usize| -> Vec<char> {
        (from..=last)
            .filter(|&k| toks[k].cap && toks[k].kind == TokKind::Word)
            .filter(|&k| k == from || &s[toks[k - 1].end..toks[k].start] != "-")
            .filter_map(|k| toks[k].text.chars().next())
            .map(super::ascii_letter)
            .collect()
    };
    let mut start = first;
    loop {
        let have = initials(start);
        if have == letters {
            return (start != first).then_some(start);
        }
        if have.len() >= letters.len() || !letters.ends_with(&have) {
            return None;
        }
        // Back over function words to the capitalised word before.
        let mut j = start.checked_sub(1)?;
        let glue = |w: &str| CONNECTORS.contains(&w) || ACRONYM_GLUE.contains(&w);
        while !toks[j].cap && glue(toks[j].text.as_str()) {
            j = j.checked_sub(1)?;
        }
        if !toks[j].cap || toks[j].kind != TokKind::Word || excluded(&toks[j]) {
            return None;
        }
        start = j;
    }
}

/// Whether token `k` opens the sentence, or the lead after its dateline
/// ("OSLO, 2 May 2025 — Engineers said …").
fn opens_sentence(s: &str, toks: &[Token], k: usize) -> bool {
    toks[k].sentence_start
        || (k > 0
            && k <= 10
            && toks[0].upper
            && s[toks[k - 1].end..toks[k].start].contains(['\u{2014}', '\u{2013}']))
}

/// A name in capitals opening the sentence, then a comma: a dateline.
pub(crate) fn is_dateline(s: &str, toks: &[Token], first: usize, last: usize) -> bool {
    first == 0 && toks[first..=last].iter().all(|t| t.upper) && s[toks[last].end..].starts_with(',')
}

/// Kind of a name the world tables do not know, from its words and
/// where it stood.
fn kind_of(spans: &[&Span]) -> EntityKind {
    let words = &spans[0].words;
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let text = &spans[0].text;
    if spans.iter().any(|s| s.dateline) {
        EntityKind::City
    } else if spans.iter().any(|s| s.person_cue) {
        EntityKind::Person
    } else if has(TREATY_WORDS) {
        EntityKind::Treaty
    } else if has(ORG_WORDS) || (text.len() >= 2 && text.chars().all(|c| c.is_uppercase())) {
        EntityKind::Organisation
    } else if has(EVENT_WORDS) {
        EntityKind::Event
    } else if has(STRUCTURE_WORDS) || words.iter().any(|w| lang::STREET_WORDS_SET.contains(w)) {
        // A street is where something stands, not a city.
        EntityKind::Other
    } else if has(PLACE_WORDS) {
        EntityKind::Region
    } else if spans.iter().any(|s| s.locative) {
        EntityKind::City
    } else {
        EntityKind::Other
    }
}

/// Groups the spans into entities: world places first, then acronyms
/// with their expansions, then people with their surnames.
fn build(spans: Vec<Span>) -> Names {
    let mut groups: BTreeMap<String, Vec<&Span>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for s in &spans {
        let key = s.text.to_lowercase();
        if !groups.contains_key(&key) {
            order.push(key.clone());
        }
        groups.entry(key).or_default().push(s);
    }
    let mut names = Names::default();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut by_alias: BTreeMap<String, usize> = BTreeMap::new();
    // World places, then the rest, each in order of first appearance.
    for key in &order {
        if let Some(place) = world::lookup(key) {
            let e = world_entity(place, &mut names, &mut ids);
            let alias = groups[key][0].text.clone();
            add_alias(&mut names.entities[e], &alias, place);
            by_alias.insert(key.clone(), e);
        }
    }
    let placed: BTreeSet<String> = by_alias.keys().cloned().collect();
    // Surnames the article uses for a person ("Berg said"): a longer
    // name ending in one ("Anna Berg") is that person.
    // Compared as the spans' words, which are folded ("Kovačević" →
    // "kovacevic") as a longer name's words are.
    // A word alone that ends a plain two- or three-word name ("Ante
    // Brkić" … "Brkić, now 67") is a surname too.
    let plain_last: BTreeSet<&str> = (order.iter())
        .filter(|k| (2..=3).contains(&groups[*k][0].words.len()))
        .filter(|k| matches!(kind_of(&groups[*k]), EntityKind::Other | EntityKind::Person))
        .filter_map(|k| groups[k][0].words.last().map(String::as_str))
        .collect();
    let surnames: BTreeSet<&str> = order
        .iter()
        .filter(|k| !k.contains(' ') && !placed.contains(*k))
        .filter(|k| {
            let word = groups[*k][0].words.first().map(String::as_str);
            groups[*k].iter().any(|s| s.person_cue) || word.is_some_and(|w| plain_last.contains(w))
        })
        .filter_map(|k| groups[k][0].words.first().map(String::as_str))
        .collect();
    for key in order.iter().filter(|k| !placed.contains(*k)) {
        let group = &groups[key];
        if let Some(e) = existing(&names, &by_alias, group) {
            let alias = group[0].text.clone();
            push_unique(&mut names.entities[e].aliases, &alias);
            by_alias.insert(key.clone(), e);
            continue;
        }
        let kind = match kind_of(group) {
            EntityKind::Other | EntityKind::City
                if group[0].words.len() >= 2
                    && group[0]
                        .words
                        .last()
                        .is_some_and(|w| surnames.contains(w.as_str())) =>
            {
                EntityKind::Person
            }
            k => k,
        };
        let name = group[0].text.clone();
        let mut aliases = vec![name.clone()];
        if kind == EntityKind::Person {
            person_aliases(group[0], &mut aliases);
        }
        if let Some(a) = group.iter().find_map(|s| s.acronym.clone()) {
            push_unique(&mut aliases, &a);
            by_alias.insert(a.to_lowercase(), names.entities.len());
        }
        by_alias.insert(key.clone(), names.entities.len());
        names.entities.push(Entity {
            id: unique_id(&slug(&name), &mut ids),
            name,
            kind,
            aliases,
            demonyms: Vec::new(),
            stands_for: None,
            part_of: None,
        });
    }
    link_capitals(&mut names);
    head_nouns(&mut names);
    names
}

/// "the institute", "the museum": the word that makes a name an
/// organisation's ("Institute for Underwater Archaeology") names it when
/// no other entity's name has it.
fn head_nouns(names: &mut Names) {
    let head = |e: &Entity| {
        let words: Vec<String> = e.name.split_whitespace().map(str::to_lowercase).collect();
        let w = words
            .iter()
            .rev()
            .find(|w| ORG_WORDS.contains(&w.as_str()))?;
        (words.len() > 1).then(|| w.clone())
    };
    let heads: Vec<Option<String>> = names.entities.iter().map(head).collect();
    for (i, h) in heads.iter().enumerate() {
        let Some(h) = h else { continue };
        if heads.iter().filter(|o| o.as_ref() == Some(h)).count() == 1 {
            push_unique(&mut names.entities[i].aliases, h);
        }
    }
}

/// A group that is another name of an entity found already: an acronym
/// given in brackets, or a person's surname or first and last name.
fn existing(names: &Names, by_alias: &BTreeMap<String, usize>, group: &[&Span]) -> Option<usize> {
    let key = group[0].text.to_lowercase();
    if let Some(&e) = by_alias.get(&key) {
        return Some(e);
    }
    names.entities.iter().position(|e| {
        e.kind == EntityKind::Person && e.aliases.iter().any(|a| a.to_lowercase() == key)
    })
}

/// "Mary K. Jones": "Jones" and "Mary Jones" name him too.
fn person_aliases(s: &Span, aliases: &mut Vec<String>) {
    let parts: Vec<&str> = s.text.split_whitespace().collect();
    if parts.len() < 2 {
        return;
    }
    let full: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|p| p.trim_end_matches('.').chars().count() > 1)
        .collect();
    if full.len() >= 2 && full.len() < parts.len() {
        push_unique(aliases, &full.join(" "));
    }
    if let Some(last) = full.last() {
        push_unique(aliases, last);
    }
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x.eq_ignore_ascii_case(s)) {
        list.push(s.to_string());
    }
}

pub(crate) fn unique_id(base: &str, ids: &mut BTreeSet<String>) -> String {
    let base = if base.is_empty() { "entity" } else { base };
    let mut id = base.to_string();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The entity for a world place, made on first sight.
fn world_entity(place: Place, names: &mut Names, ids: &mut BTreeSet<String>) -> usize {
    let (name, kind, aliases, demonyms) = match place {
        Place::Country { row, .. } => {
            let c = world::country(row);
            (c.name, EntityKind::Country, c.aliases, c.demonyms)
        }
        Place::Capital { row } => (
            world::country(row).capital,
            EntityKind::City,
            vec![],
            vec![],
        ),
        Place::Region { row, .. } => {
            let (name, adj) = world::region(row);
            (name, EntityKind::Region, vec![], adj)
        }
    };
    if let Some(e) = names.entities.iter().position(|e| e.name == name) {
        return e;
    }
    let mut all = vec![name.to_string()];
    for a in aliases {
        push_unique(&mut all, a);
    }
    names.entities.push(Entity {
        id: unique_id(&slug(name), ids),
        name: name.to_string(),
        kind,
        aliases: all,
        demonyms: demonyms.iter().map(|d| d.to_string()).collect(),
        stands_for: None,
        part_of: None,
    });
    names.entities.len() - 1
}

fn add_alias(e: &mut Entity, alias: &str, place: Place) {
    let people = matches!(
        place,
        Place::Country { people: true, .. } | Place::Region { people: true, .. }
    );
    if people {
        push_unique(&mut e.demonyms, alias);
    } else {
        push_unique(&mut e.aliases, alias);
    }
}

/// A capital lies in its country and stands for its government, when the
/// article names both.
fn link_capitals(names: &mut Names) {
    for row in 0..world::countries() {
        let c = world::country(row);
        let capital = names
            .entities
            .iter()
            .position(|e| e.kind == EntityKind::City && e.name == c.capital);
        let country = names
            .entities
            .iter()
            .find(|e| e.name == c.name)
            .map(|e| e.id.clone());
        if let (Some(cap), Some(country)) = (capital, country) {
            names.entities[cap].part_of = Some(country.clone());
            names.entities[cap].stands_for = Some(country);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<Entity> {
        find(text, &lang::sentences(text)).entities
    }

    #[test]
    fn acronyms_people_and_world_places_become_entities() {
        let text = "The European Space Agency (ESA) met in Paris. ESA chief Anna M. Berg said France agreed. Berg left for Norway, where Norwegians cheered.\n";
        let es = entities(text);
        let find = |n: &str| {
            es.iter()
                .find(|e| e.name == n)
                .unwrap_or_else(|| panic!("{n}: {es:#?}"))
        };
        let esa = find("European Space Agency");
        assert_eq!(esa.kind, EntityKind::Organisation);
        assert!(esa.aliases.contains(&"ESA".to_string()));
        let berg = find("Anna M. Berg");
        assert_eq!(berg.kind, EntityKind::Person);
        assert!(berg.aliases.contains(&"Berg".to_string()));
        assert_eq!(find("Paris").kind, EntityKind::City);
        assert_eq!(find("France").kind, EntityKind::Country);
        assert_eq!(find("Paris").part_of.as_deref(), Some("france"));
        assert!(find("Norway").demonyms.contains(&"Norwegians".to_string()));
        assert_eq!(
            es.iter()
                .filter(|e| e.aliases.iter().any(|a| a == "Berg"))
                .count(),
            1
        );
    }

    #[test]
    fn kinds_follow_the_words_around_a_name() {
        let text = "The Ola Brekke Tunnel links Mosvik and Ytterby. It cuts the drive between Mosvik and Ytterby in Scandinavia. The minister invited Ola Brekke, 70, to open it. Brekke said \"I am proud\" on a day of 9 degrees Celsius.\n";
        let es = entities(text);
        let kind = |n: &str| es.iter().find(|e| e.name == n).map(|e| e.kind);
        for (name, want) in [
            ("Ola Brekke Tunnel", Some(EntityKind::Other)),
            ("Ytterby", Some(EntityKind::City)),
            ("Scandinavia", Some(EntityKind::Region)),
            ("Ola Brekke", Some(EntityKind::Person)),
            ("Brekke", None),
            ("I", None),
            ("Celsius", None),
        ] {
            assert_eq!(kind(name), want, "{name}: {es:#?}");
        }
        let brekke = es.iter().find(|e| e.name == "Ola Brekke").unwrap();
        assert!(brekke.aliases.contains(&"Brekke".to_string()), "{brekke:?}");
    }

    #[test]
    fn a_role_after_a_name_makes_a_person_and_a_trust_an_organisation() {
        let text = "Anton Lund, chairman of the local farmers' association, said members feared damage. The Norby Grazers Trust leads the project. Tomasz Wierzbicki, the firm's project engineer, agreed.\n";
        let es = entities(text);
        let kind = |n: &str| es.iter().find(|e| e.name == n).map(|e| e.kind);
        assert_eq!(kind("Anton Lund"), Some(EntityKind::Person), "{es:#?}");
        assert_eq!(
            kind("Tomasz Wierzbicki"),
            Some(EntityKind::Person),
            "{es:#?}"
        );
        assert_eq!(
            kind("Norby Grazers Trust"),
            Some(EntityKind::Organisation),
            "{es:#?}"
        );
    }

    #[test]
    fn spans_keep_hyphens_acronym_expansions_and_drop_titles() {
        let text = "Trade Minister Ana Lima Costa met the Trans-Pacific Growth Fund (TGF) and the Office of Roads and Bridges (ORB). Its 12 trucks left Calle Nova for the Lund-Berga ferry. Engineer Piet Ruud of ORB said the plan worked. Costa agreed in Berga.\n";
        let es = entities(text);
        let kind = |n: &str| es.iter().find(|e| e.name == n).map(|e| e.kind);
        for (name, want) in [
            ("Ana Lima Costa", Some(EntityKind::Person)),
            ("Trade Minister Ana Lima Costa", None),
            ("Trans-Pacific Growth Fund", Some(EntityKind::Organisation)),
            ("Trans", None),
            (
                "Office of Roads and Bridges",
                Some(EntityKind::Organisation),
            ),
            ("Bridges", None),
            ("Office of Roads", None),
            ("12", None),
            ("Calle Nova", Some(EntityKind::Other)),
            ("Piet Ruud", Some(EntityKind::Person)),
            ("Piet Ruud of ORB", None),
            ("Lund-Berga", None),
            ("Berga", Some(EntityKind::City)),
        ] {
            assert_eq!(kind(name), want, "{name}: {es:#?}");
        }
        let orb = es.iter().find(|e| e.name.starts_with("Office")).unwrap();
        assert!(orb.aliases.contains(&"ORB".to_string()), "{orb:?}");
        let tgf = es.iter().find(|e| e.name.starts_with("Trans-")).unwrap();
        assert_eq!(tgf.id, "trans-pacific-growth-fund");
    }

    #[test]
    fn ids_spell_accented_letters_in_ascii() {
        let es =
            entities("Officials met José Núñez in Århus. Núñez said Smørbrød Straße stays open.\n");
        let ids: Vec<&str> = es.iter().map(|e| e.id.as_str()).collect();
        for want in ["jose-nunez", "arhus", "smorbrod-strasse"] {
            assert!(ids.contains(&want), "{want}: {ids:?}");
        }
    }

    #[test]
    fn the_first_word_after_a_dateline_starts_the_sentence() {
        let got = entities(
            "Title\n\nBREST, 2 May 2025 — Engineers finished the Ola Tunnel. The engineers were tired.\n",
        );
        let ids: Vec<&str> = got.iter().map(|e| e.id.as_str()).collect();
        assert!(!ids.contains(&"engineers"), "{ids:?}");
        assert!(ids.contains(&"ola-tunnel"), "{ids:?}");
    }

    #[test]
    fn sentence_starts_and_dates_are_not_names() {
        let es = entities("Officials met on Monday, 3 March. Officials said officials agreed.\n");
        assert!(es.is_empty(), "{es:#?}");
    }

    #[test]
    fn eras_suffixes_and_letters_on_numbers_are_not_names() {
        let es = entities(
            "Officials said it sank between AD 40 and AD 70. It will be scanned in 3D by an Oslo-based charity.\n",
        );
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Oslo"], "{es:#?}");
    }

    #[test]
    fn a_lone_last_word_of_a_name_is_that_persons_surname() {
        let text = "A fisherman, Ante Brkić, found it. Brkić, now 67, smiled. Officials thanked Marija Kovačević. Kovačević said it was old. He went to Biograd na Moru.\n";
        let es = entities(text);
        let aliases = |n: &str| {
            let e = es.iter().find(|e| e.name == n);
            e.map(|e| (e.kind, e.aliases.clone()))
        };
        assert_eq!(
            aliases("Ante Brkić"),
            Some((
                EntityKind::Person,
                vec!["Ante Brkić".into(), "Brkić".into()]
            ))
        );
        assert_eq!(
            aliases("Marija Kovačević"),
            Some((
                EntityKind::Person,
                vec!["Marija Kovačević".into(), "Kovačević".into()]
            ))
        );
        assert!(aliases("Biograd na Moru").is_some(), "{es:#?}");
        assert_eq!(es.len(), 3, "{es:#?}");
    }

    #[test]
    fn an_organisations_word_names_it_when_no_other_has_it() {
        let text = "The Nordic Heritage Foundation and the Zadar Maritime Museum met the Sea Museum. Officials thanked them.\n";
        let es = entities(text);
        let of = |n: &str| es.iter().find(|e| e.name == n).map(|e| e.aliases.clone());
        assert_eq!(
            of("Nordic Heritage Foundation"),
            Some(vec![
                "Nordic Heritage Foundation".into(),
                "foundation".into()
            ])
        );
        // Two museums: "the museum" names neither.
        assert_eq!(of("Sea Museum"), Some(vec!["Sea Museum".into()]));
        let es = entities("Officials met the Lund Fishermen's Association (LFA).\n");
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Lund Fishermen's Association"], "{es:#?}");
    }

    #[test]
    fn units_after_their_amounts_are_not_names() {
        let es = entities("Officials said the farm makes 375 MW, and 2 GW is planned.\n");
        assert!(es.is_empty(), "{es:#?}");
    }
}
