//! Performing the duty log's actions: browsing shifts, the handover note and the leader's
//! sign-off.

use super::{App, Confirm, Overlay};
use crate::action::DutyLogAction;
use crate::domain::shift::{DutyRole, ShiftId};
use crate::screens::Screen;
use crate::screens::summary::{Mode, SummaryScreen};

impl App {
    /// Performs the duty log's actions.
    pub(super) fn duty_log_action(&mut self, action: DutyLogAction) {
        match action {
            DutyLogAction::OpenSummary => {
                self.push(Screen::Summary(Box::new(SummaryScreen::new(Mode::Shift))));
            }
            DutyLogAction::NeighbourShift { from, later } => self.neighbour_shift(from, later),
            DutyLogAction::SaveHandover { id, version, note } => {
                let result = self
                    .store
                    .set_handover_note(id, version, &note, self.stamp());
                if self.saved(result, self.strings().report.handover_saved) {
                    if let Screen::Summary(x) = &mut self.screen {
                        x.saved();
                    }
                    self.refresh();
                }
            }
            DutyLogAction::SaySignedOff => {
                let text = self.strings().store.signed_off;
                self.say_error(text);
            }
            DutyLogAction::AskSignOff(id, version) => self.ask_sign_off(id, version),
            DutyLogAction::SignOff(id, version) => self.sign_off(id, version),
        }
    }

    /// The summary of the shift before or after `from`, or a word that there is none.
    fn neighbour_shift(&mut self, from: ShiftId, later: bool) {
        match self.store.neighbour_shift(from, later) {
            Ok(Some(id)) => {
                if let Screen::Summary(x) = &mut self.screen {
                    x.shift = Some(id);
                }
                self.refresh();
            }
            Ok(None) => {
                let s = self.strings();
                self.say(if later {
                    s.report.no_later_shift
                } else {
                    s.report.no_earlier_shift
                });
            }
            Err(e) => {
                let text = self.strings().store_error(&e);
                self.say_error(&text);
            }
        }
    }

    /// Only the leader on duty signs: said before asking, not after.
    fn ask_sign_off(&mut self, id: ShiftId, version: i64) {
        let leader = match &self.screen {
            Screen::Summary(x) => x.summary.as_ref().is_some_and(|sum| {
                sum.shift
                    .with_role(DutyRole::Leader)
                    .any(|m| Some(m.staff) == self.data.operator)
            }),
            _ => false,
        };
        if leader {
            self.overlay = Some(Overlay::Confirm(Confirm::SignOff(id, version)));
        } else {
            let text = self.strings().store.not_the_leader;
            self.say_error(text);
        }
    }

    fn sign_off(&mut self, id: ShiftId, version: i64) {
        let Some(leader) = self.data.operator else {
            let text = self.strings().store.not_the_leader;
            self.say_error(text);
            return;
        };
        let result = self.store.sign_off(id, version, leader, self.stamp());
        if self.saved(result, self.strings().report.signed_off_saved) {
            self.refresh();
        }
    }
}
