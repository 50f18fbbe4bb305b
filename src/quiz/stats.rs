//! `factcheck stats`: progress drawn from the answer history — accuracy
//! per topic as bars, the score of each session over time, how many
//! questions sit at each review level, and the facts missed most. It reads
//! the SQLite history through its queries of tallies and cards kept up to
//! date by each answer, so its cost does not grow with the history (only
//! answers imported without a session are read one by one). Bank strings
//! and topics are sanitised before they are laid out; wrapping comes after.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::history::{self, History, Record};
use crate::bank::Bank;
use crate::cli::Format;
use crate::error::Result;
use crate::exit::Exit;
use crate::render::{self, out};
use crate::sanitize::{self, terminal as clean};

/// Answers further apart than this start a new session, for records
/// written before sessions were recorded.
const SESSION_GAP_SECONDS: f64 = 30.0 * 60.0;

/// Sessions shown in the text chart; the JSON has them all.
const CHART_SESSIONS: usize = 10;

const BAR_WIDTH: usize = 20;

#[derive(Debug, Serialize)]
struct Tally {
    answered: u64,
    right: u64,
    percent: f64,
}

impl Tally {
    fn of<'a>(records: impl IntoIterator<Item = &'a Record>) -> Tally {
        let (mut answered, mut right) = (0, 0);
        for r in records {
            answered += 1;
            right += u64::from(r.correct);
        }
        Tally::new(answered, right)
    }

    fn new(answered: u64, right: u64) -> Tally {
        let percent = if answered == 0 {
            0.0
        } else {
            (right as f64 * 1000.0 / answered as f64).round() / 10.0
        };
        Tally {
            answered,
            right,
            percent,
        }
    }
}

#[derive(Debug, Serialize)]
struct TopicStats {
    topic: String,
    #[serde(flatten)]
    tally: Tally,
}

#[derive(Debug, Serialize)]
struct SessionStats {
    /// Seconds since the epoch, and the same as UTC "YYYY-MM-DD HH:MM".
    started: f64,
    date: String,
    #[serde(flatten)]
    tally: Tally,
}

#[derive(Debug, Serialize)]
struct Level {
    /// 0 for questions never answered, else the Leitner box 1 to 5.
    level: u8,
    questions: usize,
}

#[derive(Debug, Serialize)]
struct MissedFact {
    fact: String,
    missed: u64,
    answered: u64,
    statement: Option<String>,
}

#[derive(Debug, Serialize)]
struct Stats {
    history: PathBuf,
    #[serde(flatten)]
    total: Tally,
    topics: Vec<TopicStats>,
    sessions: Vec<SessionStats>,
    review_levels: Vec<Level>,
    most_missed: Vec<MissedFact>,
}

pub fn stats_cmd(bank: &Bank, format: Format) -> Result<Exit> {
    let history = history::open_reporting()?;
    let stats = compute(bank, &history)?;
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match format {
        Format::Json => out(
            &mut w,
            serde_json::to_string_pretty(&stats).map_err(io::Error::other)?,
        )?,
        Format::Text => write_text(&mut w, &stats, render::stdout_width())?,
    }
    w.flush()?;
    Ok(Exit::Success)
}

fn compute(bank: &Bank, history: &History) -> Result<Stats> {
    let title = &bank.source.title;
    let topics: Vec<TopicStats> = history
        .topic_counts(title)?
        .into_iter()
        .map(|c| TopicStats {
            tally: Tally::new(c.answered, c.right),
            topic: c.key,
        })
        .collect();
    let most_missed = history
        .most_missed(title, 5)?
        .into_iter()
        .map(|c| MissedFact {
            statement: bank.fact(&c.key).map(|x| x.statement.clone()),
            missed: c.answered - c.right,
            answered: c.answered,
            fact: c.key,
        })
        .collect();
    // Sessions recorded with their answers, and older answers split at
    // pauses, in the order they started.
    let mut sessions = sessions(&history.recorded_without_session(title)?);
    sessions.extend(
        history
            .session_counts(title)?
            .into_iter()
            .map(|c| SessionStats {
                started: c.started,
                date: utc_minute(c.started),
                tally: Tally::new(c.answered, c.right),
            }),
    );
    sessions.sort_by(|a, b| a.started.total_cmp(&b.started));
    let answered = topics.iter().map(|t| t.tally.answered).sum();
    let right = topics.iter().map(|t| t.tally.right).sum();
    Ok(Stats {
        history: history.path.clone(),
        total: Tally::new(answered, right),
        topics,
        sessions,
        review_levels: levels(bank, &history.cards(title)?),
        most_missed,
    })
}

/// Groups time-ordered answers into sessions: by the session recorded with
/// each answer, or for older records by pauses longer than
/// [`SESSION_GAP_SECONDS`].
fn sessions(records: &[Record]) -> Vec<SessionStats> {
    let mut groups: Vec<Vec<&Record>> = Vec::new();
    for r in records {
        let same = groups.last().and_then(|g| g.last()).is_some_and(|prev| {
            match (prev.session, r.session) {
                (Some(a), Some(b)) => a == b,
                (None, None) => r.time - prev.time <= SESSION_GAP_SECONDS,
                _ => false,
            }
        });
        match groups.last_mut() {
            Some(g) if same => g.push(r),
            _ => groups.push(vec![r]),
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let started = g[0].session.unwrap_or(g[0].time);
            SessionStats {
                started,
                date: utc_minute(started),
                tally: Tally::of(g),
            }
        })
        .collect()
}

/// How many of the bank's questions sit at each review level, 0 being
/// those never answered.
fn levels(bank: &Bank, cards: &std::collections::HashMap<String, history::Card>) -> Vec<Level> {
    let mut counts = [0usize; 6];
    for q in &bank.questions {
        let level = cards.get(&q.id).map_or(0, |c| c.level.min(5));
        counts[usize::from(level)] += 1;
    }
    (0u8..=5)
        .map(|level| Level {
            level,
            questions: counts[usize::from(level)],
        })
        .collect()
}

/// A bar of `BAR_WIDTH` cells filled in proportion to `part / whole`.
fn bar(part: f64, whole: f64) -> String {
    let filled = if whole <= 0.0 {
        0
    } else {
        ((part / whole) * BAR_WIDTH as f64).round() as usize
    }
    .min(BAR_WIDTH);
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled))
}

/// Bars carry their numbers in words beside them, so that they read the
/// same without color or to a screen reader.
fn write_text(w: &mut impl Write, s: &Stats, width: Option<usize>) -> Result<()> {
    if s.total.answered == 0 {
        let text = format!(
            "No answers recorded yet in {}. Run `factcheck quiz` first.",
            sanitize::path(&s.history)
        );
        return out(w, render::wrap(width, "", "", &text));
    }
    out(
        w,
        format_args!(
            "{} in {}, {} right ({}%)",
            render::plural(s.total.answered as usize, "answer"),
            render::plural(s.sessions.len(), "session"),
            s.total.right,
            s.total.percent
        ),
    )?;
    out(w, "")?;
    out(w, render::heading("Accuracy by topic"))?;
    let pad = s
        .topics
        .iter()
        .map(|t| textwrap::core::display_width(&clean(&t.topic)))
        .max()
        .unwrap_or(0);
    for t in &s.topics {
        let line = tally_line(&t.tally);
        let topic = clean(&t.topic);
        let fill = " ".repeat(pad - textwrap::core::display_width(&topic));
        out(w, format_args!("  {topic}{fill}  {line}"))?;
    }
    out(w, "")?;
    let shown = &s.sessions[s.sessions.len().saturating_sub(CHART_SESSIONS)..];
    out(
        w,
        render::heading(&format!(
            "Score per session (the last {}, oldest first)",
            shown.len()
        )),
    )?;
    for session in shown {
        out(
            w,
            format_args!("  {}  {}", session.date, tally_line(&session.tally)),
        )?;
    }
    out(w, "")?;
    write_levels(w, s)?;
    write_missed(w, s, width)
}

fn tally_line(t: &Tally) -> String {
    format!(
        "{} {:>5.1}%  {} of {} right",
        bar(t.right as f64, t.answered as f64),
        t.percent,
        t.right,
        t.answered
    )
}

fn write_levels(w: &mut impl Write, s: &Stats) -> Result<()> {
    let total: usize = s.review_levels.iter().map(|l| l.questions).sum();
    out(
        w,
        render::heading(&format!(
            "Review levels ({})",
            render::plural(total, "question")
        )),
    )?;
    for l in &s.review_levels {
        let name = match l.level {
            0 => "new".to_string(),
            n => format!("level {n}"),
        };
        let note = match l.level {
            0 => " (never answered)",
            1 => " (missed last time, asked first by --review)",
            5 => " (right five times or more in a row)",
            _ => "",
        };
        out(
            w,
            format_args!(
                "  {name:<8} {} {:>3}{note}",
                bar(l.questions as f64, total as f64),
                l.questions
            ),
        )?;
    }
    Ok(())
}

fn write_missed(w: &mut impl Write, s: &Stats, width: Option<usize>) -> Result<()> {
    if s.most_missed.is_empty() {
        return Ok(());
    }
    out(w, "")?;
    out(w, render::heading("Most missed facts"))?;
    for m in &s.most_missed {
        let text = format!(
            "{} missed {} of {}: {}",
            clean(&m.fact),
            m.missed,
            m.answered,
            clean(m.statement.as_deref().unwrap_or("(not in this bank)"))
        );
        out(w, render::wrap(width, "  ", "    ", &text))?;
    }
    Ok(())
}

/// Seconds since the epoch as UTC "YYYY-MM-DD HH:MM".
fn utc_minute(secs: f64) -> String {
    let secs = secs.max(0.0) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = crate::values::date::civil(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(time: f64, session: Option<f64>, correct: bool) -> Record {
        Record {
            time,
            bank: "b".into(),
            question: "q".into(),
            fact: "f".into(),
            topic: "t".into(),
            correct,
            session,
        }
    }

    #[test]
    fn dates_are_utc_calendar_minutes() {
        for (secs, want) in [
            (0.0, "1970-01-01 00:00"),
            (951_782_400.0, "2000-02-29 00:00"),
            (1_700_000_000.0, "2023-11-14 22:13"),
            (4_107_542_400.0, "2100-03-01 00:00"),
        ] {
            assert_eq!(utc_minute(secs), want, "{secs}");
        }
    }

    #[test]
    fn bars_fill_in_proportion() {
        for (part, whole, filled) in [(0.0, 4.0, 0), (1.0, 4.0, 5), (4.0, 4.0, 20), (3.0, 0.0, 0)] {
            let b = bar(part, whole);
            assert_eq!(b.chars().count(), BAR_WIDTH);
            assert_eq!(
                b.chars().filter(|&c| c == '█').count(),
                filled,
                "{part}/{whole}"
            );
        }
    }

    #[test]
    fn sessions_follow_the_recorded_session_else_pauses() {
        let records = [
            rec(100.0, Some(100.0), true),
            rec(110.0, Some(100.0), false),
            rec(120.0, Some(115.0), true),
            rec(5000.0, None, true),
            rec(5100.0, None, true),
            rec(5100.0 + SESSION_GAP_SECONDS + 1.0, None, false),
        ];
        let s = sessions(&records);
        let sizes: Vec<u64> = s.iter().map(|s| s.tally.answered).collect();
        assert_eq!(sizes, [2, 1, 2, 1]);
        assert_eq!(s[0].tally.right, 1);
        assert_eq!(s[0].tally.percent, 50.0);
        assert_eq!(s[1].started, 115.0);
    }
}
