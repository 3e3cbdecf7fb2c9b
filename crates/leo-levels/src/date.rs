//! A calendar date without a time zone: readings are recorded per school day,
//! and the engine only needs the month (for the season) and whole-day
//! differences (for "read recently").

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid proleptic Gregorian calendar date. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a calendar date in YYYY-MM-DD form: {0:?}")]
pub struct DateError(pub String);

impl Date {
    /// `None` when the month or day does not exist (e.g. 2025-02-29).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 = January … 12 = December.
    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Whole days from `earlier` to `self`; negative when `earlier` is later.
    pub fn days_since(self, earlier: Date) -> i64 {
        self.days_from_epoch() - earlier.days_from_epoch()
    }

    /// Days since 1970-01-01, by the "days from civil" algorithm: shifting the
    /// year to start in March puts the leap day last, so month lengths follow a
    /// fixed pattern.
    fn days_from_epoch(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let shifted_month = (month + 9) % 12;
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        let error = || DateError(text.to_string());
        let mut parts = text.trim().splitn(3, '-');
        let mut next_number = |digits: usize| -> Result<u32, DateError> {
            let part = parts.next().ok_or_else(error)?;
            if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(error());
            }
            part.parse().map_err(|_| error())
        };
        let year = next_number(4)?;
        let month = next_number(2)?;
        let day = next_number(2)?;
        let year = i32::try_from(year).map_err(|_| error())?;
        let month = u8::try_from(month).map_err(|_| error())?;
        let day = u8::try_from(day).map_err(|_| error())?;
        Date::new(year, month, day).ok_or_else(error)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        for text in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2025-4-01",
            "25-04-01",
            "2025-04-01x",
            "",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
        assert_eq!(date("2024-02-29").day(), 29);
    }

    #[test]
    fn day_differences_cross_months_years_and_leap_days() {
        let cases = [
            ("2025-01-01", "2025-01-01", 0),
            ("2025-01-02", "2025-01-01", 1),
            ("2025-03-01", "2025-02-28", 1),
            ("2024-03-01", "2024-02-28", 2),
            ("2026-01-01", "2025-12-31", 1),
            ("2025-01-01", "2024-01-01", 366),
            ("1970-01-01", "1970-01-02", -1),
        ];
        for (later, earlier, days) in cases {
            assert_eq!(
                date(later).days_since(date(earlier)),
                days,
                "{later} - {earlier}"
            );
        }
    }

    #[test]
    fn displays_and_serialises_as_iso_text() {
        let day = date("2025-09-08");
        assert_eq!(day.to_string(), "2025-09-08");
        let json = serde_json::to_string(&day).unwrap();
        assert_eq!(json, "\"2025-09-08\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), day);
        assert!(date("2025-09-08") < date("2025-10-01"));
    }
}
