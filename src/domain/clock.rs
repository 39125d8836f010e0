//! The clock: the real one, or a fixed instant from `DUTYDESK_NOW` for training, demos and tests.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveTime, Utc};

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
    /// Reads `DUTYDESK_NOW` (RFC 3339); without it, the system clock.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var("DUTYDESK_NOW") {
            Ok(s) if !s.trim().is_empty() => Clock::parse_fixed(s.trim()),
            _ => Ok(Clock::System),
        }
    }

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

/// Formats a time of day as `HH:MM`.
pub fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}
