//! Times, days, slot windows and round states put into words: one way for screens and reports.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};

use crate::Strings;
use domain::clock::hhmm;
use domain::patrol::RoundState;
use domain::schedule::Window;

/// How stored UTC times are shown: the language's words and the school's local offset. Screens
/// build it from their view, reports from their context, so both print a time the same way.
#[derive(Clone, Copy)]
pub struct When {
    pub s: &'static Strings,
    pub offset: FixedOffset,
}

impl When {
    /// A stored time as local `HH:MM`.
    pub fn hm(self, t: DateTime<Utc>) -> String {
        hhmm(t.with_timezone(&self.offset).time())
    }

    /// A stored time as local `MM-DD HH:MM`.
    pub fn day_hm(self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.offset)
            .format("%m-%d %H:%M")
            .to_string()
    }

    /// `2026-11-30 周一`.
    pub fn day(self, d: NaiveDate) -> String {
        day_text(self.s, d)
    }
}

/// `07:00–08:00`.
pub fn window_text(w: &Window) -> String {
    format!("{}–{}", hhmm(w.start.time()), hhmm(w.end.time()))
}

/// `2026-11-30 周一` / `2026-11-30 Mon`.
pub fn day_text(s: &Strings, day: NaiveDate) -> String {
    let i = day.weekday().num_days_from_monday() as usize;
    format!("{} {}", day.format("%Y-%m-%d"), s.weekdays[i])
}

/// The word for a round's state.
pub fn state_word(s: &Strings, state: RoundState) -> &'static str {
    match state {
        RoundState::Upcoming => s.states.upcoming,
        RoundState::Due => s.states.due,
        RoundState::Done => s.states.done,
        RoundState::Late => s.states.late,
        RoundState::Partial => s.states.partial,
        RoundState::Missed => s.states.missed,
        RoundState::Untracked => s.states.untracked,
    }
}
