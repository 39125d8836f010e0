//! Key routing: a key goes to the sign-in while locked, then to the popup, then to the keys
//! that work everywhere (quit, help, the duty log, the tabs), and last to the screen.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{App, Overlay, make_view, tab_key};
use crate::action::{AccessAction, Action, DutyLogAction};
use crate::screens::Screen;

impl App {
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
            return (quit && !self.unsaved()).then_some(Action::QuitNow);
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
}
