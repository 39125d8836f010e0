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
pub use table::{Format, Key, Table, keys, neutralise};

use domain::config::Config;
use domain::incident::PlaceRef;
use i18n::{Lang, Strings, When, Words as _};

/// What a report needs to put records into words: the school's config, the language and the
/// local offset that stored UTC times are shown in.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub cfg: &'a Config,
    pub lang: Lang,
    pub s: &'static Strings,
    pub offset: FixedOffset,
}

impl<'a> Ctx<'a> {
    /// A report in `lang` for a school configured as `cfg`, its times shown at `offset`.
    pub fn new(cfg: &'a Config, lang: Lang, offset: FixedOffset) -> Ctx<'a> {
        Ctx {
            cfg,
            lang,
            s: lang.strings(),
            offset,
        }
    }

    /// How this report shows times: the same words as the screens.
    pub fn when(&self) -> When {
        When {
            s: self.s,
            offset: self.offset,
        }
    }

    /// `HH:MM`, local.
    pub fn hm(&self, t: DateTime<Utc>) -> String {
        self.when().hm(t)
    }

    /// `MM-DD HH:MM`, local.
    pub fn day_hm(&self, t: DateTime<Utc>) -> String {
        self.when().day_hm(t)
    }

    /// `2026-11-30 周一`.
    pub fn day(&self, d: NaiveDate) -> String {
        self.when().day(d)
    }

    pub fn place(&self, p: &PlaceRef) -> String {
        match p {
            PlaceRef::Config(id) => self.cfg.place_name(id, self.lang).into_owned(),
            PlaceRef::Text(t) => t.clone(),
        }
    }
}
