//! The application: one loop that draws, waits for a key (or the next minute, since the header
//! shows the time and rounds fall due by the clock), and routes the key to an action.

mod data;
mod update;

pub use data::{Data, day_rounds};

use std::time::Duration;

use chrono::{NaiveDateTime, Timelike};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::{Action, Tab};
use crate::config::Config;
use crate::domain::clock::{Clock, LocalTime};
use crate::i18n::{Lang, Strings};
use crate::screens::reason::{ReasonForm, ReasonOutcome};
use crate::screens::{Screen, View, now, patrols, shift, staff};
use crate::store::Store;
use crate::theme::Theme;

/// A popup over the current screen.
pub enum Overlay {
    Help,
    Confirm(Confirm),
    Reason(ReasonForm),
}

/// A question that needs yes or no before the app acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Quit although a form holds unsaved input.
    Quit,
    /// Leave a form that holds unsaved input.
    LeaveForm,
    CloseShift,
}

impl Confirm {
    /// What "yes" does.
    fn on_yes(self) -> Action {
        match self {
            Confirm::Quit => Action::QuitNow,
            Confirm::LeaveForm => Action::LeaveForm { dirty: false },
            Confirm::CloseShift => Action::CloseShift { confirmed: true },
        }
    }
}

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
    /// The screen a form was opened from, as it was, to return to.
    previous: Option<Box<Screen>>,
    pub(crate) overlay: Option<Overlay>,
    pub(crate) status: Option<Status>,
    pub(crate) quit: bool,
    /// The terminal's size, as last measured by the loop.
    size: (u16, u16),
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
            previous: None,
            overlay: None,
            status: None,
            quit: false,
            size: (crate::ui::MIN_WIDTH, crate::ui::MIN_HEIGHT),
        };
        app.refresh();
        app
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
        match &mut self.overlay {
            Some(Overlay::Reason(form)) => form.handle_paste(pasted),
            Some(_) => {}
            None => self.screen.handle_paste(pasted),
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.now = self.clock.now();
        self.status = None;
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
            return match overlay {
                Overlay::Help => None,
                Overlay::Confirm(which) => {
                    matches!(key.code, KeyCode::Char('y' | 'Y') | KeyCode::Enter)
                        .then(|| which.on_yes())
                }
                Overlay::Reason(mut form) => {
                    let outcome = form.handle_key(key);
                    match outcome {
                        ReasonOutcome::Close => None,
                        // The popup stays until the save succeeds, so nothing typed is lost.
                        ReasonOutcome::Stay => {
                            self.overlay = Some(Overlay::Reason(form));
                            None
                        }
                        ReasonOutcome::Act(action) => {
                            self.overlay = Some(Overlay::Reason(form));
                            Some(action)
                        }
                    }
                }
            };
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        if key.code == KeyCode::F(1) {
            return Some(Action::Help);
        }
        if !self.screen.is_form() && !ctrl {
            let global = match key.code {
                KeyCode::Char('n') | KeyCode::Esc => Some(Action::Go(Tab::Now)),
                KeyCode::Char('p') => Some(Action::Go(Tab::Patrols)),
                KeyCode::Char('s') => Some(Action::Go(Tab::Shift)),
                KeyCode::Char('f') => Some(Action::Go(Tab::Staff)),
                KeyCode::Char('?') => Some(Action::Help),
                KeyCode::Char('q') => Some(Action::Quit),
                _ => None,
            };
            if global.is_some() {
                return global;
            }
        }
        let view = make_view(&self.cfg, self.lang, self.theme, self.now, &self.data);
        self.screen.handle_key(key, &view)
    }

    /// Switches to a top-level screen.
    pub(crate) fn go(&mut self, tab: Tab) {
        self.previous = None;
        self.screen = match tab {
            Tab::Now => Screen::Now(now::NowScreen::default()),
            Tab::Patrols => Screen::Patrols(patrols::PatrolScreen::new(self.now.date_naive())),
            Tab::Shift => Screen::Shift(shift::ShiftScreen),
            Tab::Staff => Screen::Staff(staff::StaffScreen::default()),
        };
        self.refresh();
    }

    /// Reloads what the screens read. A failure is shown, and the last data kept.
    pub(crate) fn refresh(&mut self) {
        let now = self.now;
        self.loaded_minute = now
            .naive_local()
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0));
        let mut result = self.data.load(&self.store, &self.cfg, now);
        if let Screen::Patrols(p) = &mut self.screen {
            let tracked = self.data.tracked_from.unwrap_or(now.date_naive());
            result = result.and_then(|()| {
                let rounds = day_rounds(&self.store, &self.cfg, p.day, now, tracked)?;
                p.set_rounds(rounds, &self.cfg);
                Ok(())
            });
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
            let ev = event::read()?;
            app.handle_event(&ev);
        }
        app.tick(idle);
    }
}
