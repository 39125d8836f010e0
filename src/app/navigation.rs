//! Which screen is shown: a tab, a screen opened over another and going back to it, and
//! reloading what the screens read.

use chrono::Timelike;

use super::{App, Station, Status, load, make_view};
use crate::action::Tab;
use crate::domain::shift::DutyRole;
use crate::screens::gate::GateScreen;
use crate::screens::{Screen, followups, hazards, incidents, now, patrols, shift, staff};

impl App {
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
