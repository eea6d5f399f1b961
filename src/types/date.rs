//! Calendar dates: the one parser for an article's `date` and a lexicon role's dates,
//! checked by meaning as well as shape (`2025-13-45` is refused, not accepted).
//!
//! An article date is read in these forms (surrounding spaces ignored):
//!
//! | form | example | precision |
//! |---|---|---|
//! | ISO 8601 calendar date | `2025-03-05`, `2025-03`, `2025` | day, month, year |
//! | ISO 8601 date-time | `2025-03-05T14:30:00Z`, `2025-03-05 14:30+01:00` | day |
//! | ISO 8601 basic date | `20250305` | day |
//! | news forms | `March 5, 2025`, `Mar. 5, 2025`, `5 March 2025`, `March 2025`, `Wednesday, March 5, 2025`, `March 5th, 2025` | day or month |
//!
//! Month names are English, full or abbreviated (`Sept` too), any case, with or
//! without a period. Anything else (`7/23/17`, whose day and month order is unknown;
//! `yesterday`) is unreadable, and a date of a readable form that does not exist
//! (`2025-13-45`, `2023-02-29`, `20251301`, `31 June 2025`, a time `25:00`) is
//! impossible: [`Date::parse`] says which.

use std::fmt;

/// A calendar date at year, month or day precision (`YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`), always one that exists.
///
/// ```
/// use newslens::Date;
/// assert_eq!(Date::parse("Mar. 5, 2025").unwrap().to_string(), "2025-03-05");
/// assert_eq!(Date::parse("2025-03-05T14:30:00Z").unwrap().to_string(), "2025-03-05");
/// assert_eq!(Date::parse("20250305").unwrap().to_string(), "2025-03-05");
/// assert!(Date::parse("2025-13-45").unwrap_err().is_impossible());
/// assert!(!Date::parse("7/23/17").unwrap_err().is_impossible());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    /// 1-12, or 0 for a year.
    month: u8,
    /// 1-31, or 0 for a month or a year.
    day: u8,
}

/// Why a text is not a [`Date`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not in a form newslens reads.
    Unreadable,
    /// In a readable form, but no such date (or time) exists; says why (`no month
    /// 13`).
    Impossible(String),
}

impl DateError {
    /// True when the text had a readable form but names no real date.
    pub fn is_impossible(&self) -> bool {
        matches!(self, DateError::Impossible(_))
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Unreadable => f.write_str("not a date form newslens reads"),
            DateError::Impossible(why) => write!(f, "no such date ({why})"),
        }
    }
}

impl std::error::Error for DateError {}

/// Days in `month` (1-12) of `year`, leap years counted.
fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The value of an all-ASCII-digit string of length `n`.
fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| {
        s.bytes()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))
    })
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month (1-12) of an English month name, full or abbreviated to three letters
/// (`Sept` too), any case, a trailing period allowed.
fn month_name(w: &str) -> Option<u8> {
    let w = w.strip_suffix('.').unwrap_or(w).to_ascii_lowercase();
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| w.len() >= 3 && (w == *m || (w.len() == 3 && m.starts_with(&w))))
        .map(|i| i as u8 + 1)
}

fn is_weekday(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']).to_ascii_lowercase();
    w.len() >= 3
        && WEEKDAYS
            .iter()
            .any(|d| *d == w || (w.len() == 3 && d.starts_with(&w)))
}

/// A day of the month as written in a news date: `5`, `05`, `5th`, `1st`.
fn day_number(w: &str) -> Option<u32> {
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    if w.is_empty() || w.len() > 2 {
        return None;
    }
    digits(w, w.len())
}

/// Checks an ISO 8601 time and zone (`14:30`, `14:30:00.123`, `14:30:00Z`,
/// `14:30+01:00`, `143000Z`): `Err(None)` when it is not one, `Err(Some(why))` when it
/// is one that cannot be.
fn check_time(t: &str) -> Result<(), Option<String>> {
    let (clock, zone) = match t.find(['Z', 'z', '+', '-']) {
        Some(i) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    let (hms, _fraction) = match clock.find(['.', ',']) {
        Some(i) => {
            let f = &clock[i + 1..];
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return Err(None);
            }
            (&clock[..i], f)
        }
        None => (clock, ""),
    };
    let parts: Vec<&str> = if hms.contains(':') {
        hms.split(':').collect()
    } else if hms.len() % 2 == 0 {
        (0..hms.len() / 2)
            .map(|i| hms.get(2 * i..2 * i + 2).unwrap_or(""))
            .collect()
    } else {
        return Err(None);
    };
    if parts.is_empty() || parts.len() > 3 {
        return Err(None);
    }
    let mut values = [0u32; 3];
    for (v, p) in values.iter_mut().zip(&parts) {
        *v = digits(p, 2).ok_or(None)?;
    }
    let [h, m, s] = values;
    if h > 24 || m > 59 || s > 60 || (h == 24 && (m, s) != (0, 0)) {
        return Err(Some(format!("no time {hms}")));
    }
    match zone {
        "" | "Z" | "z" => Ok(()),
        _ => {
            let z = &zone[1..];
            let (zh, zm) = match z.len() {
                2 => (digits(z, 2), Some(0)),
                4 => (digits(&z[..2], 2), digits(&z[2..], 2)),
                5 if z.as_bytes()[2] == b':' => (digits(&z[..2], 2), digits(&z[3..], 2)),
                _ => return Err(None),
            };
            match (zh, zm) {
                (Some(zh), Some(zm)) if zh <= 14 && zm <= 59 => Ok(()),
                (Some(_), Some(_)) => Err(Some(format!("no time zone {zone}"))),
                _ => Err(None),
            }
        }
    }
}

impl Date {
    /// A date from its parts, checked: `month` 0 for a year, `day` 0 for a month.
    pub fn new(year: u32, month: u32, day: u32) -> Result<Date, DateError> {
        if year > 9999 {
            return Err(DateError::Impossible(format!("year {year}")));
        }
        let year = year as u16;
        if month > 12 || (month == 0 && day != 0) {
            return Err(DateError::Impossible(format!("no month {month}")));
        }
        let month = month as u8;
        if month > 0 && day > u32::from(days_in(year, month)) {
            return Err(DateError::Impossible(format!(
                "{} {year} has {} days",
                capitalized(MONTHS[month as usize - 1]),
                days_in(year, month)
            )));
        }
        Ok(Date {
            year,
            month,
            day: day as u8,
        })
    }

    /// Reads a lexicon date, strictly `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked by
    /// meaning (`2020-13-45` is impossible).
    pub fn parse_iso(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let dash = |i: usize| b.get(i) == Some(&b'-');
        let (y, m, d) = match b.len() {
            4 => (digits(s, 4), Some(0), Some(0)),
            7 if dash(4) => (digits(&s[..4], 4), digits(&s[5..], 2), Some(0)),
            10 if dash(4) && dash(7) => {
                (digits(&s[..4], 4), digits(&s[5..7], 2), digits(&s[8..], 2))
            }
            _ => (None, None, None),
        };
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => {
                if s.len() >= 7 && m == 0 {
                    return Err(DateError::Impossible("no month 00".to_string()));
                }
                if s.len() == 10 && d == 0 {
                    return Err(DateError::Impossible("no day 00".to_string()));
                }
                Date::new(y, m, d)
            }
            _ => Err(DateError::Unreadable),
        }
    }

    /// Reads an article's date: ISO 8601 (`2025-03-05`, `2025-03`, `2025`, a date-time,
    /// `20250305`) or a news form (`March 5, 2025`, `Mar. 5, 2025`, `5 March 2025`,
    /// `March 2025`, with or without a weekday); an impossible date is an error that
    /// says so.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let s = s.trim();
        // ISO 8601, extended or basic, with a time after `T` or a space.
        let (date, time) = match s.find(['T', 't', ' ']) {
            Some(i)
                if matches!(i, 4 | 7 | 8 | 10)
                    && s.as_bytes()[..i]
                        .iter()
                        .all(|b| b.is_ascii_digit() || *b == b'-') =>
            {
                (&s[..i], Some(s[i + 1..].trim_start()))
            }
            _ => (s, None),
        };
        if !date.is_empty() && date.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            let d = if date.len() == 8 && !date.contains('-') {
                let (y, m, d) = (
                    digits(&date[..4], 4),
                    digits(&date[4..6], 2),
                    digits(&date[6..], 2),
                );
                match (y, m, d) {
                    (Some(y), Some(m), Some(d)) if m > 0 && d > 0 => Date::new(y, m, d),
                    (Some(_), Some(0), Some(_)) => {
                        Err(DateError::Impossible("no month 00".to_string()))
                    }
                    _ => Err(DateError::Impossible("no day 00".to_string())),
                }
            } else {
                Date::parse_iso(date)
            }?;
            if let Some(t) = time {
                if d.day == 0 {
                    return Err(DateError::Unreadable);
                }
                check_time(t)
                    .map_err(|e| e.map_or(DateError::Unreadable, DateError::Impossible))?;
            }
            return Ok(d);
        }
        Date::parse_news(s)
    }

    /// `March 5, 2025`, `5 March 2025`, `March 2025`, a weekday first allowed.
    fn parse_news(s: &str) -> Result<Date, DateError> {
        let mut words: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() == 4 && is_weekday(words[0]) {
            words.remove(0);
        }
        let year = |w: &str| digits(w, 4).ok_or(DateError::Unreadable);
        let day = |w: &str| day_number(w).ok_or(DateError::Unreadable);
        match words[..] {
            [m, d, y] | [d, m, y] if month_name(m).is_some() => {
                let (d, y) = (day(d)?, year(y)?);
                if d == 0 {
                    return Err(DateError::Impossible("no day 0".to_string()));
                }
                Date::new(y, month_name(m).map_or(0, u32::from), d)
            }
            [m, y] if month_name(m).is_some() => {
                Date::new(year(y)?, month_name(m).map_or(0, u32::from), 0)
            }
            _ => Err(DateError::Unreadable),
        }
    }

    /// The year.
    pub fn year(&self) -> u32 {
        u32::from(self.year)
    }

    /// The month (1-12), if the date has one.
    pub fn month(&self) -> Option<u32> {
        (self.month > 0).then_some(u32::from(self.month))
    }

    /// The day of the month, if the date has one.
    pub fn day(&self) -> Option<u32> {
        (self.day > 0).then_some(u32::from(self.day))
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

impl fmt::Display for Date {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month > 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day > 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        Date::parse(s)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .to_string()
    }

    #[test]
    fn readable_forms() {
        let cases = [
            ("2025-03-05", "2025-03-05"),
            (" 2025-03-05 ", "2025-03-05"),
            ("2025-03", "2025-03"),
            ("2025", "2025"),
            ("2016-09-20T12:00:00Z", "2016-09-20"),
            ("2016-09-20T12:00:00.123+05:30", "2016-09-20"),
            ("2016-09-20 12:00", "2016-09-20"),
            ("2016-09-20T120000-0800", "2016-09-20"),
            ("2016-09-20T24:00:00", "2016-09-20"),
            ("20250305", "2025-03-05"),
            ("March 5, 2025", "2025-03-05"),
            ("march 5 2025", "2025-03-05"),
            ("Mar. 5, 2025", "2025-03-05"),
            ("Sept. 30, 2025", "2025-09-30"),
            ("Sep 30, 2025", "2025-09-30"),
            ("5 March 2025", "2025-03-05"),
            ("05 Mar 2025", "2025-03-05"),
            ("March 5th, 2025", "2025-03-05"),
            ("1st March 2025", "2025-03-01"),
            ("Wednesday, March 5, 2025", "2025-03-05"),
            ("Wed, 5 Mar 2025", "2025-03-05"),
            ("March 2025", "2025-03"),
            ("2024-02-29", "2024-02-29"),
            ("2000-02-29", "2000-02-29"),
        ];
        for (s, want) in cases {
            assert_eq!(ok(s), want, "{s}");
        }
    }

    #[test]
    fn impossible_dates() {
        for s in [
            "2025-13-45",
            "2025-13",
            "2025-00",
            "2025-01-00",
            "2023-02-29",
            "1900-02-29",
            "2025-04-31",
            "20251345",
            "20250230",
            "31 June 2025",
            "February 30, 2025",
            "2025-03-05T25:00",
            "2025-03-05T12:61",
            "2025-03-05T12:00+15:00",
        ] {
            let e = Date::parse(s).unwrap_err();
            assert!(e.is_impossible(), "{s}: {e:?}");
        }
    }

    #[test]
    fn unreadable_dates() {
        for s in [
            "",
            "7/23/17",
            "12/1/16",
            "yesterday",
            "2025/03/05",
            "05-03-2025",
            "2025-3-5",
            "202503",
            "March",
            "Smarch 5, 2025",
            "March 5, 25",
            "2025-03-05Tnoon",
            "2025T12:00",
            "5 March 2025 at noon",
            "May 123, 2025",
        ] {
            assert_eq!(Date::parse(s), Err(DateError::Unreadable), "{s}");
        }
    }

    #[test]
    fn iso_for_lexicons() {
        for s in ["2020", "2020-01", "2020-01-31", "2024-02-29"] {
            assert_eq!(Date::parse_iso(s).unwrap().to_string(), s);
        }
        for s in ["2020-13-45", "2020-02-30", "2020-00", "2020-01-00"] {
            assert!(Date::parse_iso(s).unwrap_err().is_impossible(), "{s}");
        }
        for s in [
            "",
            "20",
            "2020-",
            "2020-1",
            "20200101",
            "March 2020",
            "2020-01-01T00",
        ] {
            assert_eq!(Date::parse_iso(s), Err(DateError::Unreadable), "{s}");
        }
    }
}
