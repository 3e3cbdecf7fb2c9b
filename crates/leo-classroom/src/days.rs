//! School days: readings count by the day the class saw them, on this computer's clock, not
//! by UTC.

use chrono::{DateTime, Datelike, Local, Utc};

/// The school day of a moment, in this computer's time zone.
pub fn school_day(t: DateTime<Utc>) -> leo_levels::Date {
    let d = t.with_timezone(&Local).date_naive();
    leo_levels::Date::new(d.year(), d.month() as u8, d.day() as u8)
        .expect("a chrono date is a valid calendar date")
}

pub fn today() -> leo_levels::Date {
    school_day(Utc::now())
}
