//! The clock: the real one, or a fixed instant (from `DUTYDESK_NOW`, read by the app) for
//! training, demos and tests.

use chrono::{
    DateTime, Datelike, FixedOffset, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};

/// Where "now" comes from. Passed by value into everything that depends on time, so screens and
/// reports are testable at any moment of any day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock in the machine's local time zone.
    System,
    /// A fixed instant; its offset is the local time zone for display.
    Fixed(DateTime<FixedOffset>),
}

/// The wall-clock moment in the school's time zone.
pub type LocalTime = DateTime<FixedOffset>;

impl Clock {
    /// Parses an RFC 3339 instant such as `2026-11-30T07:30:00+08:00`.
    pub fn parse_fixed(s: &str) -> Result<Clock, String> {
        DateTime::parse_from_rfc3339(s).map(Clock::Fixed).map_err(|e| {
            format!("DUTYDESK_NOW={s:?} is not an RFC 3339 time such as 2026-11-30T07:30:00+08:00 ({e})")
        })
    }

    /// Now, in local time.
    pub fn now(self) -> LocalTime {
        match self {
            Clock::System => Local::now().fixed_offset(),
            Clock::Fixed(t) => t,
        }
    }

    /// Today's date in local time.
    pub fn today(self) -> NaiveDate {
        self.now().date_naive()
    }

    /// Converts a stored UTC instant to this clock's local time.
    pub fn to_local(self, t: DateTime<Utc>) -> LocalTime {
        match self {
            Clock::System => t.with_timezone(&Local).fixed_offset(),
            Clock::Fixed(f) => t.with_timezone(f.offset()),
        }
    }
}

/// Reads a local time typed as `2026-11-30 07:45`, `11-30 07:45` or `07:45` (today), in the
/// time zone of `now`.
pub fn parse_when(text: &str, now: LocalTime) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let date_time = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
        .ok()
        .or_else(|| {
            let with_year = format!("{}-{text}", now.year());
            NaiveDateTime::parse_from_str(&with_year, "%Y-%m-%d %H:%M").ok()
        })
        .or_else(|| {
            NaiveTime::parse_from_str(text, "%H:%M")
                .ok()
                .map(|t| now.date_naive().and_time(t))
        })?;
    now.offset()
        .from_local_datetime(&date_time)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// Reads a date typed as `2026-11-30` or `11-30` (this year).
pub fn parse_day(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(&format!("{}-{text}", today.year()), "%Y-%m-%d").ok())
}

/// A stored instant as the local `2026-11-30 07:45` that `parse_when` reads back.
pub fn format_when(t: DateTime<Utc>, offset: &FixedOffset) -> String {
    t.with_timezone(offset).format("%Y-%m-%d %H:%M").to_string()
}

/// Formats a time of day as `HH:MM`.
pub fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_times_are_read_in_local_time() {
        let now = DateTime::parse_from_rfc3339("2026-11-30T09:00:00+08:00").expect("now");
        let want = DateTime::parse_from_rfc3339("2026-11-30T07:45:00+08:00")
            .expect("t")
            .with_timezone(&Utc);
        assert_eq!(parse_when("2026-11-30 07:45", now), Some(want));
        assert_eq!(parse_when("11-30 07:45", now), Some(want));
        assert_eq!(parse_when(" 07:45 ", now), Some(want));
        assert_eq!(parse_when("7.45", now), None);
        assert_eq!(parse_when("25:00", now), None);
        assert_eq!(format_when(want, now.offset()), "2026-11-30 07:45");
        let today = now.date_naive();
        assert_eq!(
            parse_day("12-01", today),
            NaiveDate::from_ymd_opt(2026, 12, 1)
        );
        assert_eq!(parse_day("2026-02-30", today), None);
    }
}
