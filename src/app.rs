//! The application: one loop that draws, waits for a key (or the next minute, since the header
//! shows the time and rounds fall due by the clock), and routes the key to an action.

mod construct;
mod data;
mod duty_log;
mod gate;
mod input;
mod keys;
mod load;
mod navigation;
mod overlay;
mod permission;
mod records;
mod register;
mod session;
mod station;
mod tick;
mod update;

pub use data::{Data, day_rounds};
pub use overlay::{Confirm, Overlay};
pub use permission::{permission, tab_permission};
pub use session::Session;
pub use station::{Station, tab_key};
pub use tick::run;

use chrono::NaiveDateTime;

use crate::action::Action;
use crate::config::Config;
use crate::domain::clock::{Clock, LocalTime};
use crate::i18n::Words as _;
use crate::i18n::{Lang, Strings};
use crate::screens::{Screen, View};
use crate::store::Store;
use crate::theme::Theme;

/// A message on the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub error: bool,
    pub text: String,
}

pub struct App {
    pub(crate) store: Store,
    pub(crate) cfg: Config,
    pub(crate) lang: Lang,
    pub(crate) theme: &'static Theme,
    clock: Clock,
    pub(crate) now: LocalTime,
    /// The minute the data was last loaded in, to reload when the clock moves on.
    loaded_minute: Option<NaiveDateTime>,
    pub(crate) data: Data,
    pub(crate) screen: Screen,
    /// The screens a form or a detail was opened from, as they were, to return to.
    previous: Vec<Screen>,
    pub(crate) overlay: Option<Overlay>,
    pub(crate) status: Option<Status>,
    pub(crate) quit: bool,
    /// The terminal's size, as last measured by the loop.
    size: (u16, u16),
    /// Today's integrity check, while it runs in the background.
    check: Option<crate::store::BackgroundCheck>,
    pub(crate) station: Station,
    /// Who is signed in here; `None` until someone signs in.
    pub(crate) session: Option<Session>,
    /// The sign-in or lock screen, while it covers everything.
    pub(crate) lock: Option<crate::screens::sign_in::SignInScreen>,
    /// When the last key came, for the idle lock.
    last_input: std::time::Instant,
    /// Where this terminal is, as the audit trail names it.
    terminal: String,
}

impl App {
    /// The store, for tests that make it fail as a full disk or a read-only file would.
    #[doc(hidden)]
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Shows a warning on the status line (until the next key).
    pub fn warn(&mut self, text: String) {
        self.status = Some(Status { error: true, text });
    }

    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The read-only world screens see.
    pub fn view(&self) -> View<'_> {
        make_view(&self.cfg, self.lang, self.theme, self.now, &self.data)
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }
}

/// Builds a view from the app's parts, so a screen can be borrowed mutably beside it.
fn make_view<'a>(
    cfg: &'a Config,
    lang: Lang,
    theme: &'static Theme,
    now: LocalTime,
    data: &'a Data,
) -> View<'a> {
    View {
        cfg,
        lang,
        s: lang.strings(),
        theme,
        now: now.naive_local(),
        offset: *now.offset(),
        caret: true,
        data,
    }
}
