//! Reports: the same rows written as plain text (for a terminal or a printer), Markdown, JSON or
//! CSV. Stored text passes the display sanitizer on the way out; CSV cells that a spreadsheet
//! would run as formulas are neutralised.

pub mod doc;
pub mod onsite;
pub mod period;
pub mod shift;
mod table;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

pub use doc::Doc;
pub use table::{Format, Table, neutralise};

use crate::config::Config;
use crate::domain::incident::PlaceRef;
use crate::i18n::{Lang, Strings};

/// What a report needs to put records into words: the school's config, the language and the
/// local offset that stored UTC times are shown in.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub cfg: &'a Config,
    pub lang: Lang,
    pub s: &'static Strings,
    pub offset: FixedOffset,
}

impl Ctx<'_> {
    /// `HH:MM`, local.
    pub fn hm(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.offset).format("%H:%M").to_string()
    }

    /// `MM-DD HH:MM`, local.
    pub fn day_hm(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.offset)
            .format("%m-%d %H:%M")
            .to_string()
    }

    /// `2026-11-30 周一`.
    pub fn day(&self, d: NaiveDate) -> String {
        crate::screens::day_text(self.s, d)
    }

    pub fn place(&self, p: &PlaceRef) -> String {
        match p {
            PlaceRef::Config(id) => self.cfg.place_name(id, self.lang).into_owned(),
            PlaceRef::Text(t) => t.clone(),
        }
    }
}
