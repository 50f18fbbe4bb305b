//! Order in time and elapsed time: "A after B", "A before B", "A followed
//! B", "A, 65 years after B", "less than a year after B", "A since B".
//! Each side's time comes from a date it names or from the fact that
//! supports it; the times decide. An order the verifier cannot resolve
//! is NOT_ENOUGH_INFO, never SUPPORTED.

use super::{Analysis, Judgement, Verdict, Verifier};
use crate::bank::Role;
use crate::lang::{self, Cmp, Token, Word, tokenize};
use crate::values::date::{Span, span};
use crate::values::{FactValue, Value};

/// Which side of the order word is the later event.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Later {
    Left,
    Right,
    /// The left side began at the right side's time.
    Start,
    /// Either may be the later: only the gap between them is claimed.
    Either,
}

/// A statement read as two events in order.
#[derive(Debug)]
pub(crate) struct Order {
    left: (usize, usize),
    right: (usize, usize),
    later: Later,
    /// "65 years after": the gap claimed, in days, with its bound.
    gap: Option<(f64, Cmp)>,
    /// The word has other senses ("followed the law"): without times on
    /// both sides it is no order.
    weak: bool,
}

/// Finds the first order word with words on both sides; `toks` are the
/// statement's tokens as written, `a` its reading (taken, not read again).
pub(crate) fn find(v: &Verifier, s: &str, toks: &[Token], a: &Analysis) -> Option<Order> {
    if let Some(o) = find_gap(s, toks, a).or_else(|| find_took(s, toks, a)) {
        return Some(o);
    }
    for k in 1..toks.len() {
        let Some((len, later, weak)) = marker(toks, k) else {
            continue;
        };
        if k + len >= toks.len() || !has_content(&toks[..k]) || !has_content(&toks[k + len..]) {
            continue;
        }
        // "the images followed in July 2022": a word of other senses before
        // a time is when its own event came, not an order between two.
        if weak && toks[k + len].is(lang::CLASS_LOCATIVES) {
            continue;
        }
        let (gap, left_end) = gap_before(v, s, toks, k);
        return Some(Order {
            left: (toks[0].start, left_end),
            right: (toks[k + len].start, s.len()),
            later,
            gap,
            weak,
        });
    }
    None
}

/// "200 days passed between A and B", "65 years separate A and B",
/// "the gap between A and B was about 7 months": a duration claimed
/// between two events, in no order.
fn find_gap(s: &str, toks: &[Token], a: &Analysis) -> Option<Order> {
    let k = toks
        .iter()
        .position(|t| lang::GAP_WORDS_SET.contains(t.text.as_str()))?;
    let split = (k + 2..toks.len()).find(|&j| matches!(toks[j].text.as_str(), "and" | "from"))?;
    let q = a
        .quantities
        .iter()
        .find(|q| matches!(q.kind, Value::Duration { .. }))?;
    let Value::Duration { days } = q.kind else {
        return None;
    };
    // "the link between A and B came five years after C": an order word
    // after the figure makes it a gap before that order, not between.
    if (q.last..=q.last + 1).any(|k| {
        a.tokens
            .get(k)
            .is_some_and(|t| t.is(lang::CLASS_ORDER_FIRST))
    }) {
        return None;
    }
    let (q_start, q_end) = a.span(q.first, q.last);
    let (right_start, mut right_end) = (toks[split + 1..].first()?.start, s.len());
    if q_start >= right_start {
        // "… and B was about 7 months": the figure ends B's words; never
        // "between A and B from 2 hours to 48 minutes".
        let linked = (q.first.checked_sub(1)).is_some_and(|p| a.tokens[p].is(lang::CLASS_COPULAS));
        if !linked {
            return None;
        }
        right_end = q_start;
    } else if q_end > toks[k].start || s[q_end..toks[k].start].split_whitespace().count() > 1 {
        // Before the gap word, at most one word between ("200 days passed
        // between"): "who spent five years drilling …, said … split
        // between A and B" claims no gap between A and B.
        return None;
    }
    let left = (toks[k + 1].start, toks[split - 1].end);
    let right_text = &s[right_start..right_end];
    if !has_content(&tokenize(&s[left.0..left.1])) || !has_content(&tokenize(right_text)) {
        return None;
    }
    Some(Order {
        left,
        right: (right_start, right_end),
        later: Later::Either,
        gap: Some((days, q.cmp)),
        weak: false,
    })
}

/// "it took over 60 years after A for B", "it took less than three years
/// (to go) from A to B": B came the claimed time after A.
fn find_took(s: &str, toks: &[Token], a: &Analysis) -> Option<Order> {
    let k = toks.iter().position(|t| t.text == "took")?;
    let q = a.quantities.iter().find(|q| q.first == k + 1)?;
    let Value::Duration { days } = q.kind else {
        return None;
    };
    // The analysis keeps the statement's tokens, shorthand expanded.
    let t = &a.tokens;
    // "to go from A to B", "to get from A to B": the span's own words.
    let mut j = q.last;
    if t.get(j).is_some_and(|w| w.text == "to")
        && t.get(j + 1)
            .is_some_and(|w| matches!(w.text.as_str(), "go" | "get" | "move"))
    {
        j += 2;
    }
    t.get(j)
        .filter(|w| matches!(w.text.as_str(), "after" | "from"))?;
    let m = (j + 2..t.len()).find(|&m| matches!(t[m].text.as_str(), "for" | "to" | "until"))?;
    let (right, left) = (
        (t[j + 1].start, t[m - 1].end),
        (t[m + 1..].first()?.start, s.len()),
    );
    if !has_content(&t[j + 1..m]) || !has_content(&t[m + 1..]) {
        return None;
    }
    Some(Order {
        left,
        right,
        later: Later::Left,
        gap: Some((days, q.cmp)),
        weak: false,
    })
}

fn marker(toks: &[Token], k: usize) -> Option<(usize, Later, bool)> {
    // One set lookup rules out almost every word.
    if !toks[k].is(lang::CLASS_ORDER_FIRST) {
        return None;
    }
    if k > 0 {
        let pair = format!("{} {}", toks[k - 1].text, toks[k].text);
        if lang::NOT_ORDER_SET.contains(pair.as_str()) {
            return None;
        }
    }
    let mut best: Option<(usize, Later, bool)> = None;
    for &(phrase, side) in lang::ORDER {
        let Some(n) = lang::phrase_at(toks, k, phrase) else {
            continue;
        };
        if best.is_none_or(|(m, _, _)| n > m) {
            let weak = side.ends_with('?');
            let later = match side.trim_end_matches('?') {
                "left" => Later::Left,
                "right" => Later::Right,
                _ => Later::Start,
            };
            best = Some((n, later, weak));
        }
    }
    best
}

fn has_content(toks: &[Token]) -> bool {
    toks.iter().any(|t| !t.is(lang::CLASS_STOPWORDS))
}

/// A duration right before the order word ("65 years", "less than a
/// decade"): the gap, and where the left event's words end.
fn gap_before(v: &Verifier, s: &str, toks: &[Token], k: usize) -> (Option<(f64, Cmp)>, usize) {
    // A duration ends in its unit ("years"), perhaps written as shorthand
    // ("yrs"): without one, no need to read the left side.
    if !toks[k - 1].is(lang::CLASS_DURATIONS | lang::CLASS_SHORTHAND) {
        return (None, toks[k - 1].end);
    }
    // Read with the order word, which makes "a week" a span of time (in
    // "launched a week" it would be a rate).
    let left = &s[..toks[k].end];
    let a = v.analyse(left);
    match a.quantities.last() {
        Some(q) if q.last + 1 == a.tokens.len() => match q.kind {
            Value::Duration { days } => {
                // "just a week before": the emphasis is the gap's.
                let mut first = q.first;
                while first > 0 && a.tokens[first - 1].is(lang::CLASS_EMPHASIS) {
                    first -= 1;
                }
                let (start, _) = a.span(first, q.last);
                (Some((days, q.cmp)), start)
            }
            _ => (None, toks[k - 1].end),
        },
        _ => (None, toks[k - 1].end),
    }
}

/// Judges a statement that orders two events, given its judgement as one
/// claim (`whole`); `None` leaves it to the other stages (the order is
/// part of one fact's own words).
pub(crate) fn judge(
    v: &Verifier,
    statement: &str,
    o: &Order,
    whole: &Judgement,
) -> Option<Judgement> {
    let left = statement[o.left.0..o.left.1].trim_end_matches([',', ' ']);
    let right = statement[o.right.0..o.right.1].trim();
    // A fact that states the order itself ("A followed B") decides by
    // which of its events each side is.
    let fact = whole.fact_id.as_deref().and_then(|id| fact_order(v, id));
    // "opened eight years after the december 2016 flood": the date is the
    // other event's, which the whole judgement set against this fact's
    // own; the events' times decide.
    let dated_other_side = whole.verdict == Verdict::Refuted
        && !fact.is_some_and(|f| f.dates_other)
        && !v.analyse(right).quantities.is_empty();
    if whole.verdict != Verdict::NotEnoughInfo
        && let Some(stated) = fact.and_then(|f| f.stated.as_ref())
        // "after decades without ties" orders a state that ended: a claim
        // of ties after it is no denial of it.
        && !(whole.verdict == Verdict::Refuted && fact.is_some_and(|f| f.negated))
        && !dated_other_side
    {
        return Some(match same_order(v, (left, right, o.later), stated) {
            Some(true) => with_statement(v, whole.clone(), statement),
            Some(false) => reversed(v, statement, whole.clone()),
            None => unresolved(v, statement, whole.clone()),
        });
    }
    // The order word is the fact's frame ("before the pandemic, …"): its
    // words decide, as for any statement ("after" is then an opposite).
    // Only the fact's own order word or its opposite: "since the
    // pandemic" against "before the pandemic" is another time, which the
    // events' times must settle.
    let opposite = |l: Later| match l {
        Later::Left => Later::Right,
        Later::Right => Later::Left,
        other => other,
    };
    let framed =
        fact.is_some_and(|f| (f.frames.iter()).any(|&l| l == o.later || opposite(l) == o.later));
    if whole.verdict != Verdict::NotEnoughInfo && framed && !dated_other_side {
        return None;
    }
    // Each side read once, for its event and (the left) for its claims.
    let left_read = v.analyse(left);
    let ((lj, lt), (rj, rt)) = sides(v, (left, &left_read), (right, &v.analyse(right)));
    // The main clause judged alone and refuted refutes the statement
    // ("the king broke off ties with X before …"); the other side may mix the
    // two events ("… after the revolution for them to establish ties").
    // A lone noun ("the ties came …") makes no claim of its own to refute.
    // A negated one ("had never launched X before Y") not where the
    // refuting fact names what the other side names: it may tell of that
    // event itself (the launch of Y is none before Y).
    let claims = {
        let a = &left_read;
        let own = |&&k: &&usize| !lang::EVENT_VERBS_SET.contains(a.tokens[k].text.as_str());
        (a.words.iter().filter(own).count() >= 2 || !a.mentions.is_empty())
            && (a.negations == 0 || !names_its_other_side(v, lj.as_ref(), right))
    };
    if let Some(j) = lj
        .as_ref()
        .filter(|j| j.verdict == Verdict::Refuted && claims)
    {
        return Some(with_statement(v, j.clone(), statement));
    }
    if o.weak && (lt.is_none() || rt.is_none()) {
        return None;
    }
    let rel = match (lt, rt) {
        (Some(l), Some(r)) => relation(l, r, o),
        _ => None,
    };
    // "had ties before 1959" where ties were established in 2024: a
    // state's fact dates its start, and it may have held before, then
    // ended; the order refutes no state.
    let stative = |t: &Token| t.is(lang::CLASS_STATIVE);
    let rel = match rel {
        Some(false) if left_read.tokens.iter().any(stative) => None,
        r => r,
    };
    let supported =
        |j: &Option<Judgement>| j.as_ref().is_none_or(|j| j.verdict == Verdict::Supported);
    match rel {
        Some(false) => Some(refuted(v, statement, o, lj.or(rj), whole)),
        Some(true) if supported(&lj) && supported(&rj) => {
            let j = lj.or(rj).unwrap_or_else(|| whole.clone());
            Some(with_statement(v, j, statement))
        }
        _ => Some(unresolved(v, statement, whole.clone())),
    }
}

/// How the order stage read a statement, for `factcheck explain`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct OrderReading {
    /// Which side is the later event: `left`, `right`, `start` (the left
    /// began at the right's time) or `either` (only the gap is claimed).
    pub later: String,
    /// The gap claimed between the events, in days, with its bound.
    pub gap_days: Option<f64>,
    pub left: SideReading,
    pub right: SideReading,
}

/// One side of an order: its words, the fact that judged them and the
/// time found for it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SideReading {
    pub text: String,
    pub verdict: Option<Verdict>,
    pub fact_id: Option<String>,
    /// First and last day the event may have been on, as `YYYY-MM-DD`.
    pub time: Option<(String, String)>,
}

/// The order reading of a statement, if it orders two events.
pub(crate) fn reading(v: &Verifier, statement: &str) -> Option<OrderReading> {
    let toks = tokenize(statement);
    let o = find(v, statement, &toks, &v.analyse(statement))?;
    let text = |(from, to): (usize, usize)| statement[from..to].trim_end_matches([',', ' ']).trim();
    let (left, right) = (text(o.left), text(o.right));
    let (l, r) = sides(v, (left, &v.analyse(left)), (right, &v.analyse(right)));
    let side = |text: &str, (j, t): Event| {
        let day = |d: i64| {
            let (y, m, d) = crate::values::date::civil(d);
            format!("{y:04}-{m:02}-{d:02}")
        };
        SideReading {
            text: text.to_string(),
            verdict: j.as_ref().map(|j| j.verdict),
            fact_id: j.and_then(|j| j.fact_id),
            time: t.map(|(a, b)| (day(a), day(b))),
        }
    };
    Some(OrderReading {
        later: format!("{:?}", o.later).to_lowercase(),
        gap_days: o.gap.map(|(d, _)| d),
        left: side(left, l),
        right: side(right, r),
    })
}

/// What the order stage reads in one fact, the first time a statement
/// decided by it needs it.
#[derive(Debug)]
pub(crate) struct FactOrder {
    /// The fact's own statement as two events in order, if it is one:
    /// what each side says, and which is the later.
    stated: Option<(Gist, Gist, Later)>,
    /// The fact's own order words, by which side they make the later.
    frames: Vec<Later>,
    /// The fact's own statement is negative ("went decades without …").
    negated: bool,
    /// A date after the fact's order word ("after Norby's 1959
    /// revolution"): the fact dates the other event too.
    dates_other: bool,
}

/// The order reading of the fact with this id.
fn fact_order<'v>(v: &'v Verifier, id: &str) -> Option<&'v FactOrder> {
    let fi = v.bank().fact_index(id)?;
    let (statement, quote) = (&v.bank().facts[fi].statement, &v.bank().facts[fi].quote);
    Some(v.fact_orders[fi].get_or_init(|| {
        let toks = tokenize(statement);
        let quote_toks = tokenize(quote);
        FactOrder {
            // The quote when the statement was made plain ("comes after
            // decades of no relations" → "went decades without").
            stated: stated_order(statement, &toks)
                .or_else(|| stated_order(quote, &quote_toks))
                .map(|(l, r, later)| (gist(v, l), gist(v, r), later)),
            frames: (0..toks.len())
                .filter_map(|k| marker(&toks, k).map(|(_, later, _)| later))
                .collect(),
            negated: v.facts[fi].negated,
            dates_other: dates_other(v, statement, &toks),
        }
    }))
}

/// Whether a date follows the first order word of a fact's statement.
fn dates_other(v: &Verifier, statement: &str, toks: &[Token]) -> bool {
    let Some(after) = (0..toks.len()).find_map(|k| marker(toks, k).map(|(len, ..)| k + len)) else {
        return false;
    };
    let Some(rest) = toks.get(after) else {
        return false;
    };
    (v.analyse(&statement[rest.start..]).quantities.iter())
        .any(|q| matches!(q.kind, Value::Date { .. } | Value::Period { .. }))
}

/// A fact's own statement read as two events in order, if it is one:
/// its two sides and which is the later.
fn stated_order<'s>(statement: &'s str, toks: &[Token]) -> Option<(&'s str, &'s str, Later)> {
    (1..toks.len()).find_map(|k| {
        let (len, later, _) = marker(toks, k)?;
        let rest = toks.get(k + len)?;
        (later != Later::Start && has_content(&toks[..k]) && has_content(&toks[k + len..])).then(
            || {
                (
                    &statement[..toks[k - 1].end],
                    &statement[rest.start..],
                    later,
                )
            },
        )
    })
}

/// Whether the statement puts the fact's two events in the fact's order:
/// each side is matched to the fact side it shares more words and names
/// with; `None` when that does not tell them apart.
fn same_order(
    v: &Verifier,
    (l, r, later): (&str, &str, Later),
    fact: &(Gist, Gist, Later),
) -> Option<bool> {
    if later == Later::Start {
        return None;
    }
    let (fl, fr, fact_later) = fact;
    let (l, r) = (gist(v, l), gist(v, r));
    let (l_fl, r_fr, l_fr, r_fl) = (l.overlap(fl), r.overlap(fr), l.overlap(fr), r.overlap(fl));
    // The main clause must meet its counterpart: "it took …" meets neither.
    let same = (l_fl > 0).then_some(l_fl + r_fr);
    let swapped = (l_fr > 0).then_some(l_fr + r_fl);
    match (same, swapped) {
        (Some(a), Some(b)) if a == b => None,
        (Some(a), Some(b)) => Some((a > b) == (later == *fact_later)),
        (Some(_), None) => Some(later == *fact_later),
        (None, Some(_)) => Some(later != *fact_later),
        // A paraphrased main clause ("contacts were severed" for
        // "exchanges were cut off") meets neither side: the other side
        // says which it is, when it plainly meets one of the fact's.
        (None, None) if r_fr > r_fl => Some(later == *fact_later),
        (None, None) if r_fl > r_fr => Some(later != *fact_later),
        (None, None) => None,
    }
}

/// What a side of an order says, as sides are matched: its content stems,
/// and its names (each with the other entities its words may name).
#[derive(Debug)]
struct Gist {
    stems: Vec<crate::lang::Word>,
    /// What the lexical database relates to those stems ("sever" for
    /// "cut"), so that a paraphrased side still meets its counterpart.
    related: Vec<crate::lang::Word>,
    names: Vec<(usize, Vec<usize>)>,
}

fn gist(v: &Verifier, text: &str) -> Gist {
    let a = v.analyse(text);
    let known = |s: &str| v.postings.contains_key(s);
    let related = (0..a.words.len())
        .flat_map(|i| a.lexical(i, v.id, known).related.clone())
        .collect();
    Gist {
        related,
        names: a.mentions.into_iter().map(|m| (m.entity, m.also)).collect(),
        stems: a.stems,
    }
}

impl Gist {
    /// How many of this side's content stems and names the other shares.
    fn overlap(&self, other: &Gist) -> usize {
        let stems = (self.stems.iter())
            .filter(|s| other.stems.contains(s) || other.related.contains(s))
            .count();
        let names = (self.names.iter())
            .filter(|(e, also)| other.names.iter().any(|(n, _)| n == e || also.contains(n)))
            .count();
        stems + 2 * names
    }
}

fn reversed(v: &Verifier, statement: &str, whole: Judgement) -> Judgement {
    Judgement {
        statement: v.text(|| statement.to_string()),
        verdict: Verdict::Refuted,
        explanation: v.text(|| {
            format!(
                "the article gives these events in the other order: {}",
                whole.evidence.clone().unwrap_or_default()
            )
        }),
        correction: None,
        ..whole
    }
}

/// What the words around the order tell of which end of a span is meant:
/// "after he left" is the end of a tenure.
#[derive(Clone, Copy)]
enum Cue {
    Start,
    End,
    Whole,
}

impl Cue {
    /// The end of a span the words pick, from `lang/data/span_cues.tsv`.
    fn of(toks: &[Token]) -> Cue {
        toks.iter()
            .find_map(|t| match lang::SPAN_CUES_MAP.get(t.text.as_str()) {
                Some(&"end") => Some(Cue::End),
                Some(_) => Some(Cue::Start),
                None => None,
            })
            .unwrap_or(Cue::Whole)
    }
}

/// How the article judges an event's words, and its time.
type Event = (Option<Judgement>, Option<Span>);

/// The two sides of an order as events. The two are different events, so
/// the fact that dates one is no candidate for the other: "the ties came
/// 65 years after the revolution", where the revolution's fact speaks of
/// ties too.
fn sides(v: &Verifier, left: (&str, &Analysis), right: (&str, &Analysis)) -> (Event, Event) {
    let fact = |e: &Event| {
        let id = e.0.as_ref()?.fact_id.as_deref()?;
        (e.0.as_ref()?.verdict == Verdict::Supported)
            .then(|| v.bank().fact_index(id))
            .flatten()
    };
    let r = event(v, right.0, right.1, None);
    let right_fact = fact(&r);
    let l = event(v, left.0, left.1, right_fact);
    if right_fact.is_some() {
        return (l, r);
    }
    let r = event(v, right.0, right.1, fact(&l));
    (l, r)
}

/// An event: how the article judges its words, and its time, from a date
/// it names or from the supporting fact's date or period. `a` is the
/// text's reading; `other` the fact that judged the other side's event.
fn event(v: &Verifier, text: &str, a: &Analysis, other: Option<usize>) -> Event {
    let cue = Cue::of(&a.tokens);
    let named = a.quantities.iter().find_map(|q| match &q.kind {
        Value::Date { date, alt: None } => span(date),
        Value::Period { from, until } => Some((span(from)?.0, span(until)?.1)),
        _ => None,
    });
    let only_date = a
        .words
        .iter()
        .all(|&k| a.tokens[k].is(lang::CLASS_STOPWORDS))
        && a.mentions.is_empty();
    if only_date {
        return (None, named);
    }
    // The words that pick an end of a span are the order's, not the event's.
    // Cut out of the text as written, so that glued tokens ("$21m") stay
    // whole.
    // "only" at the order word or before the verb is the order's too
    // ("established ties only after …"), not a restriction of the event.
    let toks = tokenize(text);
    let order_only = |k: usize| {
        toks[k].text == "only"
            && toks.get(k + 1).is_none_or(|n| {
                n.text.ends_with("ed") || lang::EVENT_VERBS_SET.contains(n.text.as_str())
            })
    };
    let mut plain = String::with_capacity(text.len());
    let mut from = 0;
    for (k, t) in toks.iter().enumerate() {
        if t.is(lang::CLASS_SPAN_CUES)
            || lang::EVENT_VERBS_SET.contains(t.text.as_str())
            || order_only(k)
        {
            plain.push_str(&text[from..t.start]);
            from = t.end;
        }
    }
    plain.push_str(&text[from..]);
    // Nothing cut out: the text is judged as already read. The words as
    // written first where a fact's span explains its end ("Ola Berg stepped
    // down from the port": "down" alone is no claim the fact makes).
    let whole = (plain != text && toks.iter().any(|t| t.is(lang::CLASS_SPAN_CUES)))
        .then(|| v.judge_read(text, a))
        .filter(|j| j.verdict == Verdict::Supported);
    let mut j = match (whole, plain == text) {
        (Some(j), _) => j,
        (None, true) => v.judge_read(text, a),
        (None, false) => v.judge_simple(&plain),
    };
    // "the new ties with X": an event no single fact judges (a fact of a
    // time without them disagrees) is the one the supporting facts agree
    // on. A lone noun ("the ties came") only against another event whose
    // fact is set aside: else too many events. Not a state ("had ties"),
    // whose facts date its start, not its whole.
    let stative = toks.iter().any(|t| t.is(lang::CLASS_STATIVE));
    if j.verdict != Verdict::Supported
        && a.negations == 0
        && !stative
        && let b = v.analyse(&plain)
        && (b.words.len() >= 2 || !b.mentions.is_empty() || other.is_some())
        && let Some((fi, time)) = agreed(v, &plain, cue, other)
        && let Ok(o) = super::judge_fact(v, &b, &v.facts[fi], &[fi])
    {
        j = o.into_judgement(v, &plain);
        return (Some(j), named.or(Some(time)));
    }
    // The fact that dates the other side only tells this one's time by
    // the other side's ("three years after an outbreak" dates the
    // opening, not the outbreak): the other facts must agree on it.
    let from_fact = (j.verdict == Verdict::Supported)
        .then(|| {
            let id = j.fact_id.as_deref()?;
            let fact = v.bank().fact(id)?;
            let of_other = other.is_some_and(|o| v.bank().facts[o].id == id);
            (!of_other)
                .then(|| fact_time_near(v, fact, cue, &plain))
                .flatten()
                .or_else(|| agreed(v, &plain, cue, other).map(|(_, t)| t))
        })
        .flatten();
    (Some(j), named.or(from_fact))
}

/// Whether the fact that judged one side names every name of the other.
fn names_its_other_side(v: &Verifier, j: Option<&Judgement>, other: &str) -> bool {
    let Some(fact) = j.and_then(|j| v.bank().fact(j.fact_id.as_deref()?)) else {
        return false;
    };
    let a = v.analyse(other);
    !a.mentions.is_empty()
        && (a.mentions.iter()).all(|m| {
            let id = &v.bank().entities[m.entity].id;
            fact.entities.contains(id)
        })
}

/// The first fact that supports an event alone, and the time all such
/// facts with a time agree on: also the time of an event the best fact
/// supports without one ("relations were established" by "relations are
/// at ambassador level"). Never `other`, the other side's fact.
fn agreed(v: &Verifier, text: &str, cue: Cue, other: Option<usize>) -> Option<(usize, Span)> {
    let timed: Vec<(usize, Span)> = (v.supporting(text).into_iter())
        .filter(|&fi| Some(fi) != other)
        .filter_map(|fi| Some((fi, fact_time(v, &v.bank().facts[fi], cue)?)))
        .collect();
    let &(fi, first) = timed.first()?;
    timed
        .iter()
        .all(|&(_, t)| t == first)
        .then_some((fi, first))
}

fn fact_time(v: &Verifier, fact: &crate::bank::Fact, cue: Cue) -> Option<Span> {
    fact_time_near(v, fact, cue, "")
}

/// [`fact_time`] for an event written as `text`: of a fact's several
/// times ("proposed in 2017 … before construction began in September
/// 2021"), the one written nearest the event's own words in the quote.
fn fact_time_near(v: &Verifier, fact: &crate::bank::Fact, cue: Cue, text: &str) -> Option<Span> {
    let times: Vec<(usize, Span)> = (fact.values.iter().enumerate())
        .filter_map(|(i, bv)| Some((i, value_time(v, bv, cue)?)))
        .collect();
    if times.len() < 2 || text.is_empty() {
        return times.first().map(|&(_, t)| t);
    }
    let stems: Vec<Word> = (tokenize(text).iter())
        .filter(|t| t.kind == lang::TokKind::Word && !t.is(lang::CLASS_STOPWORDS))
        .map(|t| lang::stem(&t.text))
        .collect();
    let quote = &fact.quote;
    let at: Vec<usize> = (tokenize(quote).iter())
        .filter(|t| stems.contains(&lang::stem(&t.text)))
        .map(|t| t.start)
        .collect();
    let distance = |i: usize| {
        let Some(p) = quote.find(fact.values[i].text()) else {
            return usize::MAX;
        };
        at.iter()
            .map(|&w| w.abs_diff(p))
            .min()
            .unwrap_or(usize::MAX)
    };
    times
        .iter()
        .min_by_key(|&&(i, _)| distance(i))
        .map(|&(_, t)| t)
}

/// A bank value's time, as the order stage compares times.
fn value_time(v: &Verifier, bv: &crate::bank::Value, cue: Cue) -> Option<Span> {
    let fv = FactValue::from_bank(v.bank(), bv).ok()?;
    if fv.role != Role::Claim && !matches!(fv.value, Value::Period { .. }) {
        return None;
    }
    match fv.value {
        Value::Date { date, .. } => span(&date),
        Value::Period { from, until } => match cue {
            Cue::Start => span(&from),
            Cue::End => span(&until),
            Cue::Whole => Some((span(&from)?.0, span(&until)?.1)),
        },
        _ => None,
    }
}

/// Whether the times bear out the order (and the gap): `Some(true)`,
/// `Some(false)`, or `None` when they cannot tell.
fn relation(l: Span, r: Span, o: &Order) -> Option<bool> {
    let (early, late) = match o.later {
        Later::Left => (r, l),
        Later::Right => (l, r),
        Later::Start => return start_relation(l, r),
        Later::Either if l.1 < r.0 => (l, r),
        Later::Either if r.1 < l.0 => (r, l),
        Later::Either => return None,
    };
    let (gmin, gmax) = (late.0 - early.1, late.1 - early.0);
    match o.gap {
        None if gmin > 0 => Some(true),
        None if gmax < 0 => Some(false),
        None => None,
        Some((days, cmp)) => gap_relation(gmin as f64, gmax as f64, days, cmp),
    }
}

/// "A since B": A began when B was.
fn start_relation(l: Span, r: Span) -> Option<bool> {
    if l.1 < r.0 || l.0 > r.1 {
        Some(false)
    } else if l == r {
        Some(true)
    } else {
        None
    }
}

/// A claimed gap against the range the dates allow. A bare figure is
/// rounded as people round ("65 years" for 64 and a bit).
fn gap_relation(gmin: f64, gmax: f64, x: f64, cmp: Cmp) -> Option<bool> {
    // Years and months are rounded; days are counted.
    let unit = if x >= 365.0 {
        182.6
    } else if x >= 30.0 {
        15.2
    } else {
        0.0
    };
    let tol = (x * 0.08).max(unit);
    let (lo, hi) = match cmp {
        Cmp::Gt | Cmp::Ge => (x, f64::MAX),
        Cmp::Lt | Cmp::Le | Cmp::UpTo => (f64::MIN, x),
        _ => (x - tol, x + tol),
    };
    if gmin >= lo && gmax <= hi {
        Some(true)
    } else if gmax < lo || gmin > hi {
        Some(false)
    } else if matches!(cmp, Cmp::Exact | Cmp::Approx | Cmp::Precisely) {
        // The dates allow the figure once rounded.
        Some(true)
    } else {
        None
    }
}

fn with_statement(v: &Verifier, mut j: Judgement, statement: &str) -> Judgement {
    j.statement = v.text(|| statement.to_string());
    j.correction = None;
    j
}

fn refuted(
    v: &Verifier,
    statement: &str,
    o: &Order,
    evidence: Option<Judgement>,
    whole: &Judgement,
) -> Judgement {
    let base = evidence.unwrap_or_else(|| whole.clone());
    let what = if o.gap.is_some() {
        "another time between them"
    } else {
        "another order"
    };
    Judgement {
        statement: v.text(|| statement.to_string()),
        verdict: Verdict::Refuted,
        explanation: v.text(|| {
            let said = &base.explanation;
            let said = said.strip_prefix("the article says so: ").unwrap_or(said);
            format!("the article's dates give {what}: {said}")
        }),
        correction: None,
        ..base
    }
}

fn unresolved(v: &Verifier, statement: &str, whole: Judgement) -> Judgement {
    Judgement {
        statement: v.text(|| statement.to_string()),
        verdict: Verdict::NotEnoughInfo,
        explanation: v.text(|| "the article does not give the order of these events".into()),
        correction: None,
        ..whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_rounded_as_people_round() {
        let year = 365.25;
        let (a, b) = (64.1 * year, 65.1 * year);
        assert_eq!(gap_relation(a, b, 65.0 * year, Cmp::Exact), Some(true));
        assert_eq!(gap_relation(a, b, 60.0 * year, Cmp::Gt), Some(true));
        assert_eq!(gap_relation(a, b, 70.0 * year, Cmp::Gt), Some(false));
        assert_eq!(gap_relation(a, b, 40.0 * year, Cmp::Approx), Some(false));
        assert_eq!(gap_relation(a, b, 65.0 * year, Cmp::Gt), None);
        // Days are counted, not rounded: "two days after" a day before.
        assert_eq!(gap_relation(1.0, 1.0, 2.0, Cmp::Exact), Some(false));
        assert_eq!(gap_relation(7.0, 7.0, 7.0, Cmp::Exact), Some(true));
    }
}
