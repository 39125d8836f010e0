//! Popups over the current screen (help, a yes/no question, a one-line answer, the watchlist
//! alert, a visitor already inside) and how a key answers each.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::App;
use crate::action::{Action, Purpose};
use crate::action::{DutyAction, DutyLogAction, GateAction, WatchAction};
use crate::domain::gate::{VisitDraft, WatchEntry, WatchId};
use crate::widgets::prompt::{Prompt, PromptOutcome};

/// A popup over the current screen.
pub enum Overlay {
    Help,
    Confirm(Confirm),
    Prompt(Box<Prompt>, Purpose),
    /// A sign-in matched the watchlist: refuse, or let in with a reason.
    WatchAlert(Box<VisitDraft>, Box<WatchEntry>),
    /// The person signing in is already shown as on campus: sign in again, or not.
    AlreadyIn(Box<VisitDraft>),
}

/// A question that needs yes or no before the app acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Quit although a form holds unsaved input.
    Quit,
    /// Leave a form that holds unsaved input.
    LeaveForm,
    CloseShift,
    EndWatch(WatchId, i64),
    SignOff(crate::domain::shift::ShiftId, i64),
    /// Sign a visitor out now.
    SignOut(crate::domain::gate::VisitId, i64),
}

impl Confirm {
    /// What "yes" does.
    fn on_yes(self) -> Action {
        match self {
            Confirm::Quit => Action::QuitNow,
            Confirm::LeaveForm => Action::LeaveForm { dirty: false },
            Confirm::CloseShift => Action::Duty(DutyAction::CloseShift { confirmed: true }),
            Confirm::EndWatch(id, version) => Action::Watch(WatchAction::EndWatchNow(id, version)),
            Confirm::SignOff(id, version) => Action::DutyLog(DutyLogAction::SignOff(id, version)),
            Confirm::SignOut(id, version) => Action::Gate(GateAction::SignOutNow(id, version)),
        }
    }
}

impl App {
    /// A key while a popup is up: what it asks for, if anything. A popup that stays is put
    /// back.
    pub(super) fn overlay_key(&mut self, overlay: Overlay, key: KeyEvent) -> Option<Action> {
        match overlay {
            Overlay::Help => None,
            Overlay::AlreadyIn(draft) => matches!(key.code, KeyCode::Char('y' | 'Y'))
                .then(|| Action::Gate(GateAction::SignInAgain(draft))),
            Overlay::WatchAlert(draft, entry) => match key.code {
                KeyCode::Char('r') => Some(Action::Gate(GateAction::RefuseEntry {
                    draft,
                    watch: entry.id,
                })),
                KeyCode::Char('a') => {
                    let s = self.strings();
                    let purpose = Purpose::AdmitDespite {
                        draft,
                        watch: entry.id,
                    };
                    let prompt = Prompt::new(
                        s.admit_title.to_owned(),
                        s.reason_label,
                        crate::domain::text::TextKind::Line,
                        "",
                        true,
                    );
                    self.overlay = Some(Overlay::Prompt(Box::new(prompt), purpose));
                    None
                }
                KeyCode::Esc => None,
                _ => {
                    self.overlay = Some(Overlay::WatchAlert(draft, entry));
                    None
                }
            },
            Overlay::Confirm(which) => {
                matches!(key.code, KeyCode::Char('y' | 'Y')).then(|| which.on_yes())
            }
            Overlay::Prompt(mut prompt, purpose) => match prompt.handle_key(key) {
                PromptOutcome::Cancel => None,
                PromptOutcome::Stay => {
                    self.overlay = Some(Overlay::Prompt(prompt, purpose));
                    None
                }
                // The popup stays until the save succeeds, so nothing typed is lost.
                PromptOutcome::Submit(value) => {
                    self.overlay = Some(Overlay::Prompt(prompt, purpose.clone()));
                    Some(Action::Prompted { purpose, value })
                }
            },
        }
    }
}
