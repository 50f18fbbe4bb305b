//! Measures: an amount in a unit ("6.5 m", "21 feet", "below 50 kelvin",
//! "minus 220 °C", "12%"). Units come from `lang/data/units.tsv`; amounts
//! are compared in their dimension's base unit, so conversions are exact
//! (temperatures are affine). A value said in another unit than the
//! article's is a conversion, which people round: a bare figure then
//! reads as "about".

use super::amount::Figure;
use super::bank::{Expected, bounded, finite};
use super::kind::{At, Found, Kind, Names};
use super::{Cmp, Rel, Value, amount_relation};
use crate::bank::{self, AnswerType};
use crate::lang::{self, Token, Unit};

/// An amount in a unit: a figure and a unit after it (none after a
/// currency).
pub(crate) struct Measure;

impl Kind for Measure {
    fn read_figure(&self, f: &Figure, at: &At) -> Option<Found> {
        if f.currency.is_some() {
            return None;
        }
        let (unit, end) = suffix(at.tokens, at.used, f.end)?;
        let value = f.value;
        Some(Found::whole(Value::Measure { value, unit }, end))
    }

    fn range_low(&self, value: f64, high: &Value) -> Option<Value> {
        match high {
            Value::Measure { unit, .. } => Some(Value::Measure { value, unit }),
            _ => None,
        }
    }

    fn read_bank(&self, v: &bank::Value, _: &Names) -> Option<Result<(Value, Cmp), String>> {
        let bank::Value::Measure {
            value,
            unit,
            approx,
            bound,
            ..
        } = v
        else {
            return None;
        };
        let read = || -> Result<_, String> {
            let (_, unit) = parse(&format!("1 {unit}"))
                .map_err(|_| format!("\"{unit}\" is not a known unit (m, km, ft, K, C, %, …)"))?;
            let value = finite(*value)?;
            Ok((Value::Measure { value, unit }, bounded(*approx, *bound)))
        };
        Some(read())
    }

    fn answer(&self, t: AnswerType, v: &str, _: &Names) -> Option<Result<Expected, &'static str>> {
        (t == AnswerType::Measure)
            .then(|| parse(v).map(|(value, unit)| Expected::Value(Value::Measure { value, unit })))
    }

    fn relation(&self, claim: &Value, cmp: Cmp, fact: &Value, fact_cmp: Cmp) -> Option<Rel> {
        match (claim, fact) {
            (Value::Measure { value, unit }, Value::Measure { value: f, unit: fu }) => {
                Some(relation(*value, unit, cmp, *f, fu, fact_cmp))
            }
            _ => None,
        }
    }

    fn comparable(&self, claim: &Value, fact: &Value) -> bool {
        match (claim, fact) {
            (Value::Measure { unit: a, .. }, Value::Measure { unit: b, .. }) => {
                same_dimension(a, b)
            }
            _ => false,
        }
    }

    fn display(&self, v: &Value, _: &Names) -> Option<String> {
        match v {
            Value::Measure { value, unit } => Some(display(*value, unit)),
            _ => None,
        }
    }
}

fn unit(code: &str) -> Option<Unit> {
    // A code that is no word of its own ("clock", "kn") by the code.
    lang::unit_of(&code.to_lowercase()).or_else(|| lang::unit_by_code(code))
}

pub(crate) fn same_dimension(a: &str, b: &str) -> bool {
    match (unit(a), unit(b)) {
        (Some(a), Some(b)) => a.dimension == b.dimension,
        _ => false,
    }
}

fn to_base(v: f64, u: Unit) -> f64 {
    v * u.factor + u.offset
}

pub(crate) fn relation(x: f64, xu: &str, cmp: Cmp, v: f64, vu: &str, fact: Cmp) -> Rel {
    let (Some(xu), Some(vu)) = (unit(xu), unit(vu)) else {
        return Rel::Unknown;
    };
    if xu.dimension != vu.dimension {
        return Rel::Unknown;
    }
    let converted = xu.code != vu.code;
    let cmp = if converted && cmp == Cmp::Exact {
        Cmp::Approx
    } else {
        cmp
    };
    let (xb, vb) = (to_base(x, xu), to_base(v, vu));
    // Bounds on a temperature compare in kelvin; "about" is a share of
    // the figure as written, so it is taken before the offset.
    if xu.offset != 0.0 || vu.offset != 0.0 {
        return temperature(x, xu, cmp, v, vu, fact);
    }
    let rel = amount_relation(xb, cmp, vb, fact);
    if converted && cmp == Cmp::Approx && fact == Cmp::Approx {
        // Both rounded: the same figure up to the rounding of a conversion;
        // a round figure in another unit ("nearly a million miles" for
        // about 1.5 million km, 7 % apart) is too coarse to deny it.
        let gap = (xb - vb).abs() / vb.abs();
        return match rel {
            Rel::Unknown if gap <= lang::APPROX_TOLERANCE / 2.0 => Rel::Match,
            Rel::Mismatch if gap <= 2.0 * lang::APPROX_TOLERANCE => Rel::Unknown,
            rel => rel,
        };
    }
    rel
}

/// Temperatures: bounds are compared in kelvin; a point claim within a
/// degree of the converted figure is that figure.
fn temperature(x: f64, xu: Unit, cmp: Cmp, v: f64, vu: Unit, fact: Cmp) -> Rel {
    let (xb, vb) = (to_base(x, xu), to_base(v, vu));
    if matches!(cmp, Cmp::Approx | Cmp::Exact) && matches!(fact, Cmp::Approx | Cmp::Exact) {
        return if (xb - vb).abs() <= 1.0 {
            Rel::Match
        } else if (xb - vb).abs() > 5.0 {
            Rel::Mismatch
        } else {
            Rel::Unknown
        };
    }
    let cmp = if cmp == Cmp::Approx { Cmp::Exact } else { cmp };
    let fact = if fact == Cmp::Approx {
        Cmp::Exact
    } else {
        fact
    };
    amount_relation(xb, cmp, vb, fact)
}

/// A unit after an amount: "meters", "km", "°C", "%", "per cent",
/// "degrees Celsius", and a unit per unit of time ("km/h", "metres per
/// second").
pub(crate) fn suffix(tokens: &[Token], used: &[bool], k: usize) -> Option<(&'static str, usize)> {
    let t = tokens.get(k).filter(|_| !used[k])?;
    if t.text == "per" && tokens.get(k + 1).is_some_and(|n| n.text == "cent") {
        return Some(("%", k + 2));
    }
    let free = |k: usize| tokens.get(k).filter(|_| !used[k]);
    // "9 degrees Celsius": the scale names the unit.
    if matches!(t.text.as_str(), "degree" | "degrees")
        && let Some(u) = free(k + 1).and_then(|n| lang::unit_of(&n.text))
        && u.dimension == "temperature"
        && !tokens[k + 1].text.starts_with('°')
    {
        return Some((u.code, k + 2));
    }
    // "40 square kilometres", "40 sq km": the area of that length; "6
    // cubic metres", its volume.
    let power = match t.text.as_str() {
        "square" | "sq" => Some('2'),
        "cubic" => Some('3'),
        _ => None,
    };
    if let Some(p) = power
        && let Some(side) = free(k + 1).and_then(|n| lang::unit_of(&n.text))
        && side.dimension == "length"
        && let Some(unit) = lang::unit_of(&format!("{}{p}", side.code))
    {
        return per_unit(tokens, used, unit, k + 2);
    }
    let u = lang::unit_of(&t.text)?;
    if let Some((code, end)) = per_unit(tokens, used, u, k + 1)
        && end > k + 1
    {
        return Some((code, end));
    }
    // A one-letter unit ("m", "k") is only one glued to its number or
    // after a space with nothing word-like following ("50 K").
    if t.text.chars().count() == 1 && !t.attached && t.text != "%" {
        let next_word = tokens.get(k + 1).is_some_and(|n| n.start == t.end);
        if next_word {
            return None;
        }
    }
    Some((u.code, k + 1))
}

/// A unit ending at `k`, then the unit of time it may be per ("km/h",
/// "litres of water a second"): the rate's code where the table has one,
/// else the unit's own, and the next token.
fn per_unit(tokens: &[Token], used: &[bool], u: Unit, k: usize) -> Option<(&'static str, usize)> {
    let free = |k: usize| tokens.get(k).is_some_and(|_| !used[k]);
    // "6,000 litres of water a second": what is measured, between.
    let of_what = tokens.get(k).is_some_and(|t| t.text == "of")
        && free(k + 1)
        && tokens[k + 1].kind == lang::TokKind::Word;
    let at = if of_what { k + 2 } else { k };
    match per_time(tokens, used, at) {
        Some((per, end)) => match lang::unit_of(&format!("{}/{per}", u.code)) {
            Some(rate) => Some((rate.code, end)),
            None => Some((u.code, k)),
        },
        None => Some((u.code, k)),
    }
}

/// "/h", "per hour", "a second", "/s", "per second" after a unit: the
/// unit of time as the units table writes it after a slash, and the next
/// token.
fn per_time(tokens: &[Token], used: &[bool], k: usize) -> Option<(&'static str, usize)> {
    let free = |k: usize| tokens.get(k).filter(|_| !used[k]);
    let next = free(k)?;
    // The tokenizer drops a slash: "km/h" is "km", then "h" one byte on.
    let slashed = k > 0 && next.start == tokens[k - 1].end + 1 && !next.cap;
    let (word, end) = match next.text.as_str() {
        "per" | "a" | "an" | "each" | "every" => (free(k + 1)?.text.as_str(), k + 2),
        w if slashed => (w, k + 1),
        _ => return None,
    };
    let spelled = end == k + 2;
    let per = match word {
        "s" | "sec" | "second" => "s",
        "min" | "minute" if spelled || word == "min" => "min",
        "h" | "hr" | "hour" => "h",
        _ => return None,
    };
    Some((per, end))
}

/// A quiz answer's expected measure: `6.5 m`.
pub(crate) fn parse(v: &str) -> Result<(f64, &'static str), &'static str> {
    let mut parts = v.split_whitespace();
    let amount = parts.next().and_then(super::parse_digits);
    // A unit word, or a code as banks write it ("in", not a word here).
    let u = parts
        .next()
        .and_then(|u| lang::unit_of(&u.to_lowercase()).or_else(|| lang::unit_by_code(u)));
    match (amount, u, parts.next()) {
        (Some(value), Some(u), None) => Ok((value, u.code)),
        _ => Err("write the amount and a unit, e.g. 6.5 m"),
    }
}

pub(crate) fn display(value: f64, code: &str) -> String {
    let n = super::group(value);
    match code {
        "%" => format!("{n}%"),
        "K" => format!("{n} kelvin"),
        "C" => format!("{n} °C"),
        "F" => format!("{n} °F"),
        _ => format!("{n} {code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bank_names_units_by_word_or_code() {
        for (written, want) in [
            ("6.5 m", Ok((6.5, "m"))),
            ("6.5 meters", Ok((6.5, "m"))),
            ("12 in", Ok((12.0, "in"))),
            ("12 inches", Ok((12.0, "in"))),
            ("50 K", Ok((50.0, "K"))),
            ("3 cubits", Err(())),
            ("3", Err(())),
        ] {
            assert_eq!(parse(written).map_err(|_| ()), want, "{written}");
        }
    }

    #[test]
    fn conversions_relate_across_units() {
        let cases = [
            (21.0, "ft", Cmp::Approx, 6.5, "m", Cmp::Exact, Rel::Match),
            (21.0, "ft", Cmp::Exact, 6.5, "m", Cmp::Exact, Rel::Match),
            (65.0, "cm", Cmp::Exact, 6.5, "m", Cmp::Exact, Rel::Mismatch),
            (
                930000.0,
                "mi",
                Cmp::Approx,
                1.5e6,
                "km",
                Cmp::Approx,
                Rel::Match,
            ),
            (
                1.5e6,
                "mi",
                Cmp::Approx,
                1.5e6,
                "km",
                Cmp::Approx,
                Rel::Mismatch,
            ),
            (75.0, "K", Cmp::Lt, 50.0, "K", Cmp::Lt, Rel::Match),
            (45.0, "K", Cmp::Lt, 50.0, "K", Cmp::Lt, Rel::Unknown),
            (-220.0, "C", Cmp::Lt, 50.0, "K", Cmp::Lt, Rel::Match),
            (-100.0, "C", Cmp::Gt, 50.0, "K", Cmp::Lt, Rel::Mismatch),
            (0.375, "GW", Cmp::Exact, 375.0, "MW", Cmp::Exact, Rel::Match),
            (
                15.0,
                "kW",
                Cmp::Exact,
                15.0,
                "MW",
                Cmp::Exact,
                Rel::Mismatch,
            ),
            (
                4000.0,
                "ha",
                Cmp::Approx,
                40.0,
                "km2",
                Cmp::Approx,
                Rel::Match,
            ),
        ];
        for (x, xu, c, v, vu, f, want) in cases {
            assert_eq!(
                relation(x, xu, c, v, vu, f),
                want,
                "{x} {xu} {c:?} vs {v} {vu} {f:?}"
            );
        }
    }

    #[test]
    fn units_after_an_amount_are_read_with_square_and_power_forms() {
        let cases = [
            ("40 square kilometres", Some(("km2", 3))),
            ("40 sq km", Some(("km2", 3))),
            ("375 MW", Some(("MW", 2))),
            ("10 gigawatts", Some(("GW", 2))),
            ("8 pc", Some(("%", 2))),
            ("40 square", None),
            ("6 cubic metres", Some(("m3", 3))),
            ("6 cubic metres per second", Some(("m3/s", 5))),
            ("6000 litres of water a second", Some(("L/s", 6))),
            ("360000 ltrs a minute", Some(("L/min", 4))),
            ("6000 litres of water", Some(("L", 2))),
            ("40 km a day", Some(("km", 2))),
        ];
        for (text, want) in cases {
            let toks = crate::lang::tokenize(text);
            let used = vec![false; toks.len()];
            assert_eq!(suffix(&toks, &used, 1), want, "{text}");
        }
    }

    #[test]
    fn a_round_figure_in_another_unit_is_too_coarse_to_deny() {
        // About 1.5 million km is 932,000 miles.
        let r = |x| relation(x, "mi", Cmp::Approx, 1.5e6, "km", Cmp::Approx);
        assert_eq!(r(1.0e6), Rel::Unknown);
        assert_eq!(r(932_000.0), Rel::Match);
        assert_eq!(r(2.0e6), Rel::Mismatch);
    }

    #[test]
    fn flows_convert_across_units_of_volume_and_time() {
        // 6,000 litres a second is 6 cubic metres a second, 360,000 a minute.
        assert_eq!(
            relation(6.0, "m3/s", Cmp::UpTo, 6000.0, "L/s", Cmp::UpTo),
            Rel::Match
        );
        assert_eq!(
            relation(360000.0, "L/min", Cmp::Exact, 6000.0, "L/s", Cmp::Exact),
            Rel::Match
        );
        assert_eq!(
            relation(600.0, "L/s", Cmp::UpTo, 6000.0, "L/s", Cmp::UpTo),
            Rel::Mismatch
        );
    }

    #[test]
    fn display_reads_naturally() {
        assert_eq!(display(6.5, "m"), "6.5 m");
        assert_eq!(display(50.0, "K"), "50 kelvin");
    }
}
