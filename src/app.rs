//! The application: one loop that draws, waits for a key (or the next minute, since the header
//! shows the time and rounds fall due by the clock), and routes the key to an action.

mod data;
mod duty_log;
mod gate;
mod input;
mod load;
mod overlay;
mod permission;
mod records;
mod register;
mod session;
mod station;
mod update;

pub use data::{Data, day_rounds};
pub use overlay::{Confirm, Overlay};
pub use permission::{permission, tab_permission};
pub use session::Session;
pub use station::{Station, tab_key};

use std::time::Duration;

use chrono::{NaiveDateTime, Timelike};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::{AccessAction, DutyLogAction};
use crate::action::{Action, Tab};
use crate::config::Config;
use crate::domain::clock::{Clock, LocalTime};
use crate::domain::shift::DutyRole;
use crate::i18n::Words as _;
use crate::i18n::{Lang, Strings};
use crate::screens::gate::GateScreen;
use crate::screens::{Screen, View, followups, hazards, incidents, now, patrols, shift, staff};
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
    pub fn new(store: Store, cfg: Config, lang: Lang, theme: &'static Theme, clock: Clock) -> App {
        let mut app = App {
            store,
            cfg,
            lang,
            theme,
            clock,
            now: clock.now(),
            loaded_minute: None,
            data: Data::default(),
            screen: Screen::Now(now::NowScreen::default()),
            previous: Vec::new(),
            overlay: None,
            status: None,
            quit: false,
            size: (crate::ui::MIN_WIDTH, crate::ui::MIN_HEIGHT),
            station: Station::Desk,
            check: None,
            session: None,
            lock: None,
            last_input: std::time::Instant::now(),
            terminal: crate::store::default_terminal(),
        };
        // Nobody works before signing in; a new file first makes its administrator.
        let mode = match app.store.has_accounts() {
            Ok(false) => crate::screens::sign_in::Mode::FirstAdmin,
            _ => crate::screens::sign_in::Mode::SignIn,
        };
        app.lock = Some(crate::screens::sign_in::SignInScreen::new(mode));
        // The records are read once someone is in (`go` after the sign-in, or the station's
        // home); the sign-in only needs the names of the accounts.
        app.data.accounts = app.store.accounts().unwrap_or_default();
        app
    }

    /// Makes this terminal a gate (or desk) station and shows its home screen.
    pub fn with_station(mut self, station: Station) -> App {
        self.station = station;
        self.terminal = format!(
            "{} {}",
            match station {
                Station::Desk => "desk",
                Station::Gate => "gate",
            },
            crate::store::default_terminal()
        );
        let staff = self.session.as_ref().and_then(|s| s.staff);
        let name = self.session.as_ref().map_or("", |s| s.name.as_str());
        let _ = self.store.set_terminal(&self.terminal, name, staff);
        // The person at this terminal is chosen again for the station (a guard at the gate).
        if self.session.as_ref().is_none_or(|s| s.staff.is_none()) {
            self.data.operator = None;
        }
        let home = self.home();
        self.go(home);
        self
    }

    /// The store, for tests that make it fail as a full disk or a read-only file would.
    #[doc(hidden)]
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Starts the day's integrity check in the background if it has not run today.
    pub fn start_daily_check(&mut self) {
        if self
            .store
            .quick_check_due(self.now.date_naive())
            .unwrap_or(false)
        {
            self.check = Some(self.store.start_quick_check());
        }
    }

    /// Takes the day's check result once it is in: remembered when the file is whole, said on
    /// the status line when not.
    fn poll_check(&mut self) {
        let Some(result) = self
            .check
            .as_ref()
            .and_then(crate::store::BackgroundCheck::poll)
        else {
            return;
        };
        self.check = None;
        let s = self.strings();
        match result {
            Ok(problems) if problems.is_empty() => self.update(Action::DailyCheckPassed),
            Ok(problems) => {
                tracing::error!(?problems, "daily quick_check found problems");
                self.warn(s.daily_check_failed.to_owned());
            }
            Err(e) => {
                tracing::error!(error = %e, "daily quick_check could not run");
                self.warn(s.daily_check_failed.to_owned());
            }
        }
    }

    /// Whether the day's check is still running (for tests).
    #[doc(hidden)]
    pub fn checking(&self) -> bool {
        self.check.is_some()
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

    /// Reads the clock; reloads when the minute has changed (states follow the time) or when no
    /// key came for a while (other terminals' saves appear), never while the user is typing.
    pub fn tick(&mut self, idle: bool) {
        self.now = self.clock.now();
        self.poll_check();
        self.lock_if_idle();
        let minute = self
            .now
            .naive_local()
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0));
        if idle || minute != self.loaded_minute {
            self.refresh();
        }
    }

    /// How long to wait for a key: until the header's minute changes, and at most 15 seconds so
    /// that what other terminals save shows up soon.
    pub fn wait_time(&self) -> Duration {
        // While the day's check runs, look for its result often.
        if self.check.is_some() {
            return Duration::from_millis(200);
        }
        let into =
            u64::from(self.now.second()) * 1000 + u64::from(self.now.timestamp_subsec_millis());
        Duration::from_millis(60_000u64.saturating_sub(into).clamp(200, 15_000))
    }

    /// Records the terminal's size: keys are not sent to screens the user cannot see.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
    }

    fn too_small(&self) -> bool {
        self.size.0 < crate::ui::MIN_WIDTH || self.size.1 < crate::ui::MIN_HEIGHT
    }

    pub fn handle_event(&mut self, ev: &Event) {
        match ev {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(*key),
            Event::Paste(text) => self.handle_paste(text),
            _ => {}
        }
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        self.touched();
        if self.lock.is_some() {
            return self.lock_paste(pasted);
        }
        match &mut self.overlay {
            Some(Overlay::Prompt(prompt, _)) => prompt.handle_paste(pasted),
            Some(_) => {}
            None => {
                let view = make_view(&self.cfg, self.lang, self.theme, self.now, &self.data);
                self.screen.handle_paste(pasted, &view);
            }
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.now = self.clock.now();
        self.status = None;
        self.touched();
        // A window too small to show the sign-in only quits (see `route_key`).
        if self.lock.is_some() && !self.too_small() {
            return self.lock_key(key);
        }
        if key.code == KeyCode::Char('l') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.update(Action::Access(AccessAction::Lock));
        }
        if let Some(action) = self.route_key(key) {
            self.update(action);
        }
    }

    /// Turns a key into an action: the popup first, then the keys that work everywhere, then
    /// the screen.
    fn route_key(&mut self, key: KeyEvent) -> Option<Action> {
        if self.too_small() {
            // Nothing on screen to type into; only quitting works, and not over unsaved input
            // (the message says to enlarge the window to deal with it).
            let quit = key.code == KeyCode::Char('q')
                || (key.code == KeyCode::Char('c')
                    && key.modifiers.contains(KeyModifiers::CONTROL));
            return (quit && !self.screen.is_dirty()).then_some(Action::QuitNow);
        }
        if let Some(overlay) = self.overlay.take() {
            return self.overlay_key(overlay, key);
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        if key.code == KeyCode::F(1) {
            return Some(Action::Help);
        }
        // The duty log, from anywhere: over the current screen, which Esc returns to.
        if key.code == KeyCode::F(2) && !matches!(self.screen, Screen::Summary(_)) {
            return Some(Action::DutyLog(DutyLogAction::OpenSummary));
        }
        // A screen opened over another (a detail, a student's record) goes back with Esc.
        if key.code == KeyCode::Esc && !self.screen.is_form() && !self.previous.is_empty() {
            return Some(Action::Back);
        }
        let view = make_view(&self.cfg, self.lang, self.theme, self.now, &self.data);
        // A letter on the screen's own key bar is the screen's; the others switch tabs.
        let claimed = match key.code {
            KeyCode::Char(c) => self
                .screen
                .keys(&view)
                .iter()
                .any(|(k, _)| k.chars().eq([c])),
            _ => false,
        };
        if !self.screen.is_form() && !ctrl && !claimed {
            let global = match key.code {
                KeyCode::Esc => Some(Action::Go(self.home())),
                KeyCode::Char('?') => Some(Action::Help),
                KeyCode::Char('q') => Some(Action::Quit),
                // Every tab's key of the station, also those this person may not open: the
                // refusal says why, rather than the key seeming dead.
                KeyCode::Char(c) => self
                    .station
                    .tabs()
                    .iter()
                    .find(|t| tab_key(**t) == c)
                    .map(|t| Action::Go(*t)),
                _ => None,
            };
            if global.is_some() {
                return global;
            }
        }
        self.screen.handle_key(key, &view)
    }

    /// Switches to a top-level screen.
    pub(crate) fn go(&mut self, tab: Tab) {
        self.previous.clear();
        self.screen = match tab {
            Tab::Now => Screen::Now(now::NowScreen::default()),
            Tab::Patrols => Screen::Patrols(patrols::PatrolScreen::new(self.now.date_naive())),
            Tab::Incidents => {
                Screen::Incidents(incidents::IncidentList::new(incidents::Mode::Incidents))
            }
            Tab::Followups => Screen::Followups(followups::FollowupList::default()),
            Tab::Hazards => Screen::Hazards(hazards::HazardList::default()),
            Tab::Shift => Screen::Shift(shift::ShiftScreen),
            Tab::People => Screen::Staff(staff::StaffScreen::default()),
            Tab::Gate => Screen::Gate(GateScreen::new(self.station == Station::Desk)),
        };
        self.refresh();
    }

    /// Opens a screen over the current one; `Back` (or leaving a form) returns to it.
    pub(crate) fn push(&mut self, screen: Screen) {
        let from = std::mem::replace(&mut self.screen, screen);
        // A few levels are enough (list → detail → student → incident); older ones are dropped.
        if self.previous.len() >= 8 {
            self.previous.remove(0);
        }
        self.previous.push(from);
        self.refresh();
    }

    /// Returns to the screen this one was opened from, reloaded; or to Now.
    pub(crate) fn pop(&mut self) {
        if let Some(screen) = self.previous.pop() {
            self.screen = screen;
            self.refresh();
        } else {
            let home = self.home();
            self.go(home);
        }
    }

    /// Reloads only the current screen's own records (not the header's and Now's data): for a
    /// cursor move that needs the selected row's history and the list's next page.
    pub(crate) fn reload_screen(&mut self) {
        let view = make_view(&self.cfg, self.lang, self.theme, self.now, &self.data);
        if let Err(e) = load::screen(&self.store, &view, &mut self.screen) {
            self.status = Some(Status {
                error: true,
                text: self.strings().store_error(&e),
            });
        }
    }

    /// Reloads what the screens read. A failure is shown, and the last data kept.
    pub(crate) fn refresh(&mut self) {
        let now = self.now;
        self.loaded_minute = now
            .naive_local()
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0));
        let prefer = match self.station {
            Station::Desk => DutyRole::DutyTeacher,
            Station::Gate => DutyRole::Guard,
        };
        let mut result = self.data.load_as(&self.store, &self.cfg, now, prefer);
        // A person signed in with their PIN is the one records made here name; a role the
        // administrator changed meanwhile applies from the next reload, and an account taken
        // away locks the screen.
        if let Some(staff) = self.session.as_ref().and_then(|s| s.staff) {
            self.data.operator = Some(staff);
            if result.is_ok() {
                match self.data.accounts.iter().find(|a| a.staff == staff) {
                    Some(a) => {
                        if let Some(session) = &mut self.session {
                            session.role = a.role;
                        }
                    }
                    None => self.lock_now(),
                }
            }
        }
        let register = crate::domain::access::Perm(
            crate::domain::access::Verb::View,
            crate::domain::access::Subject::Attention,
        );
        self.data.attention_visible = self.may(register);
        self.data.signed_in = self.session.as_ref().is_some_and(|s| s.staff.is_some());
        self.data.reveal_allowed = self.cfg.gate.store_full_id
            && self.may(crate::domain::access::Perm(
                crate::domain::access::Verb::Reveal,
                crate::domain::access::Subject::Gate,
            ));
        self.data.attention = if self.data.attention_visible {
            self.store.attention_students().unwrap_or_default()
        } else {
            Vec::new()
        };
        if result.is_ok() {
            let view = make_view(&self.cfg, self.lang, self.theme, now, &self.data);
            result = load::screen(&self.store, &view, &mut self.screen);
        }
        if let Err(e) = result {
            self.status = Some(Status {
                error: true,
                text: self.strings().store_error(&e),
            });
        }
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

/// Runs the app until the user quits. The terminal is set up and restored by the caller.
pub fn run(terminal: &mut DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    loop {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        terminal.draw(|frame| crate::ui::draw(frame, app))?;
        if app.should_quit() {
            return Ok(());
        }
        let idle = !event::poll(app.wait_time())?;
        if !idle {
            // Everything already waiting is handled before the next draw: a burst of keys (an
            // unbracketed paste) costs one frame, not one a character.
            let mut events = vec![event::read()?];
            while events.len() < input::MAX_BATCH && event::poll(Duration::ZERO)? {
                events.push(event::read()?);
            }
            app.handle_events(events);
        }
        app.tick(idle);
    }
}
