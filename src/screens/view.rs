//! What a screen may read while it draws or takes a key, and the times it shows.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};

use crate::app::Data;
use crate::config::Config;
use crate::i18n::{Lang, Strings, When};
use crate::theme::Theme;

/// What every screen may read: configuration, language, the moment, and the loaded records.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub cfg: &'a Config,
    pub lang: Lang,
    pub s: &'static Strings,
    pub theme: &'static Theme,
    /// Local wall-clock time of this frame or key.
    pub now: NaiveDateTime,
    /// The local time zone, for showing stored UTC times.
    pub offset: FixedOffset,
    /// Whether the screen's focused field may show the terminal caret: not under a popup.
    pub caret: bool,
    pub data: &'a Data,
}

impl<'a> View<'a> {
    /// Now, as a local instant.
    pub fn now_local(&self) -> crate::domain::clock::LocalTime {
        chrono::TimeZone::from_local_datetime(&self.offset, &self.now)
            .single()
            .unwrap_or_else(|| chrono::TimeZone::from_utc_datetime(&self.offset, &self.now))
    }

    /// Now, in UTC, to compare with stored times.
    pub fn now_utc(&self) -> DateTime<Utc> {
        self.now_local().with_timezone(&Utc)
    }

    /// A report's context for what this view shows: the same school, language and clock.
    pub fn report_ctx(&self) -> crate::report::Ctx<'a> {
        crate::report::Ctx::new(self.cfg, self.lang, self.offset)
    }

    /// How this view shows times.
    pub fn when(&self) -> When {
        When {
            s: self.s,
            offset: self.offset,
        }
    }

    /// A stored time as local `HH:MM`.
    pub fn hm(&self, t: DateTime<Utc>) -> String {
        self.when().hm(t)
    }

    /// A stored time as local `MM-DD HH:MM`.
    pub fn day_hm(&self, t: DateTime<Utc>) -> String {
        self.when().day_hm(t)
    }
}
