//! Dates as a bank stores them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the
//! form being the precision.

/// A date to the precision it was given: `2019`, `June 2019`,
/// `14 February` (any year) or a full day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the bank's form).
    pub fn parse_iso(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        if !(1..=9999).contains(&year) || s.len() < 4 {
            return None;
        }
        let month = match parts.next() {
            Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => {
                let m = month?;
                Some(d.parse::<u8>().ok().filter(|d| valid_day(year, m, *d))?)
            }
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate {
            year: Some(year),
            month,
            day,
        })
    }

    /// The date as people write it: "14 February 2024".
    pub fn display(&self) -> String {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = self.month.map(|m| NAMES[usize::from(m.clamp(1, 12)) - 1]);
        match (self.day, month, self.year) {
            (Some(d), Some(m), Some(y)) => format!("{d} {m} {y}"),
            (Some(d), Some(m), None) => format!("{d} {m}"),
            (None, Some(m), Some(y)) => format!("{m} {y}"),
            (None, Some(m), None) => m.to_string(),
            (_, _, Some(y)) => y.to_string(),
            _ => String::new(),
        }
    }
}

pub(crate) fn valid_day(year: i32, month: u8, day: u8) -> bool {
    let max = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=max).contains(&day)
}
