//! Performing the gate's actions: sign-ins (with the watchlist's warning), sign-outs, students
//! leaving early, and the watchlist itself.

use chrono::Duration;

use super::{App, Confirm, Overlay};
use crate::action::Purpose;
use crate::action::{GateAction, WatchAction};
use crate::domain::clock::{format_when, parse_when};
use crate::domain::gate::{
    self, EarlyLeaveDraft, OutKind, VisitDraft, VisitId, WatchEntry, WatchId,
};
use crate::screens::Screen;
use crate::screens::early_leave_form::EarlyLeaveForm;
use crate::screens::visit_form::VisitForm;
use crate::screens::watchlist::Watchlist;
use crate::store::GateEntry;
use crate::widgets::field::FieldError;

impl App {
    /// Performs the gate's actions.
    pub(super) fn gate_action(&mut self, action: GateAction) -> Option<()> {
        match action {
            GateAction::NewVisit => {
                self.actor()?;
                let form = VisitForm::new(&self.view());
                self.push(Screen::VisitForm(Box::new(form)));
            }
            GateAction::SignIn(draft) => self.sign_in_unless_inside(draft),
            GateAction::SignInAgain(draft) => self.sign_in(*draft),
            GateAction::RefuseEntry { draft, watch } => self.refuse_entry(&draft, watch)?,
            GateAction::AskSignOut(id, version) => {
                self.overlay = Some(Overlay::Confirm(Confirm::SignOut(id, version)));
            }
            GateAction::SignOutNow(id, version) => self.sign_out_now(id, version)?,
            GateAction::AskSignOutAt(id, version) => {
                let s = self.strings();
                let now = format_when(self.stamp(), self.now.offset());
                self.ask(
                    s.out_at_title.to_owned(),
                    s.fields.time,
                    Purpose::SignOutAt { id, version },
                    &now,
                );
            }
            GateAction::AskLeftUnsigned(id, version) => {
                let s = self.strings();
                self.ask(
                    s.left_unsigned_title.to_owned(),
                    s.fields.note,
                    Purpose::LeftUnsigned { id, version },
                    "",
                );
            }
            GateAction::NewEarlyLeave => {
                self.actor()?;
                let form = EarlyLeaveForm::new(&self.view());
                self.push(Screen::EarlyLeaveForm(Box::new(form)));
            }
            GateAction::CreateEarlyLeave(draft) => self.create_early_leave(&draft)?,
            GateAction::EarlyLeaveBack(id, version) => {
                let result = self.store.early_leave_back(id, version, self.stamp());
                if self.saved(result, self.strings().back_in_saved) {
                    self.refresh();
                }
            }
            GateAction::AskReveal(id) => {
                let s = self.strings();
                self.ask(
                    s.reveal.title.to_owned(),
                    s.fields.why,
                    crate::action::Purpose::Reveal { id },
                    "",
                );
            }
        }
        Some(())
    }

    /// Signs a visitor in, unless the same person is shown as still inside: most likely a
    /// double entry, so the guard is asked first.
    fn sign_in_unless_inside(&mut self, draft: Box<VisitDraft>) {
        let already = self.data.on_campus.iter().any(|v| {
            Some(v.visitor) == draft.visitor
                || (gate::normalize_name(&v.name) == gate::normalize_name(&draft.name)
                    && v.phone == draft.phone)
        });
        if already {
            self.overlay = Some(Overlay::AlreadyIn(draft));
        } else {
            self.sign_in(*draft);
        }
    }

    fn refuse_entry(&mut self, draft: &VisitDraft, watch: WatchId) -> Option<()> {
        let actor = self.actor()?;
        let result = self
            .store
            .sign_in(draft, &GateEntry::Refused { watch }, actor, self.stamp());
        let text = (self.strings().entry_refused)(&draft.name);
        if self.saved(result, &text) {
            self.overlay = None;
            self.pop();
        }
        Some(())
    }

    fn sign_out_now(&mut self, id: VisitId, version: i64) -> Option<()> {
        let actor = self.actor()?;
        let name = self.store.visit(id).map(|v| v.name).unwrap_or_default();
        let result = self
            .store
            .sign_out(id, version, self.stamp(), OutKind::SignedOut, "", actor);
        let text = (self.strings().signed_out)(&name);
        if self.saved(result, &text) {
            self.refresh();
        }
        Some(())
    }

    fn create_early_leave(&mut self, draft: &EarlyLeaveDraft) -> Option<()> {
        let actor = self.actor()?;
        let name = self
            .data
            .students
            .iter()
            .find(|s| s.id == draft.student)
            .map(|s| s.name.clone());
        let result = self.store.add_early_leave(draft, actor);
        let text = (self.strings().early_leave_saved)(&name.unwrap_or_default());
        if self.saved(result, &text) {
            self.pop();
        }
        Some(())
    }

    /// Performs the watchlist's actions.
    pub(super) fn watch_action(&mut self, action: WatchAction) -> Option<()> {
        match action {
            WatchAction::OpenWatchlist => self.push(Screen::Watchlist(Watchlist::default())),
            WatchAction::CreateWatch(draft) => {
                let actor = self.actor()?;
                let result = self.store.add_watch(&draft, actor, self.stamp());
                if self.saved(result, self.strings().watch_saved) {
                    if let Screen::Watchlist(w) = &mut self.screen {
                        w.saved();
                    }
                    self.refresh();
                }
            }
            WatchAction::EndWatch(id, version) => {
                self.overlay = Some(Overlay::Confirm(Confirm::EndWatch(id, version)));
            }
            WatchAction::EndWatchNow(id, version) => {
                let result = self.store.end_watch(id, version, self.stamp());
                if self.saved(result, self.strings().watch_ended) {
                    self.refresh();
                }
            }
        }
        Some(())
    }

    /// Signs a visitor in, unless the watchlist matches: then the guard is asked.
    fn sign_in(&mut self, draft: VisitDraft) {
        let Some(actor) = self.actor() else { return };
        let today = self.now.date_naive();
        let matched: Option<WatchEntry> = match self.store.watchlist(true) {
            Ok(list) => list.into_iter().find(|w| gate::matches(w, &draft, today)),
            Err(e) => {
                let text = self.strings().store_error(&e);
                self.say_error(&text);
                return;
            }
        };
        if let Some(entry) = matched {
            self.overlay = Some(Overlay::WatchAlert(Box::new(draft), Box::new(entry)));
            return;
        }
        let result = self
            .store
            .sign_in(&draft, &GateEntry::Admitted, actor, self.stamp());
        let text = (self.strings().signed_in)(&draft.name);
        if self.saved(result, &text) {
            self.pop();
        }
    }

    /// The answer to a gate popup; the popup closes only once it is saved.
    pub(super) fn gate_prompted(&mut self, purpose: &Purpose, value: &str) {
        let Some(actor) = self.actor() else { return };
        let now = self.stamp();
        let s = self.strings();
        match purpose {
            Purpose::AdmitDespite { draft, watch } => {
                let entry = GateEntry::AdmittedDespite {
                    watch: *watch,
                    reason: value.to_owned(),
                };
                let result = self.store.sign_in(draft, &entry, actor, now);
                if self.saved(result, &(s.signed_in)(&draft.name)) {
                    self.overlay = None;
                    self.pop();
                }
            }
            Purpose::SignOutAt { id, version } => {
                let visit = self.data.on_campus.iter().find(|v| v.id == *id);
                let (name, time_in) = visit
                    .map(|v| (v.name.clone(), Some(v.time_in)))
                    .unwrap_or_default();
                let at = match parse_when(value, self.now) {
                    None => return self.prompt_error(FieldError::BadTime),
                    Some(t) if t > now + Duration::minutes(5) => {
                        return self.prompt_error(FieldError::InFuture);
                    }
                    Some(t) if time_in.is_some_and(|came| t < came) => {
                        let came = time_in.unwrap_or(t).with_timezone(self.now.offset());
                        return self.prompt_error(FieldError::BeforeTimeIn(came.time()));
                    }
                    Some(t) => t,
                };
                let result = self
                    .store
                    .sign_out(*id, *version, at, OutKind::SignedOut, "", actor);
                if self.saved(result, &(s.signed_out)(&name)) {
                    self.overlay = None;
                    self.refresh();
                }
            }
            Purpose::LeftUnsigned { id, version } => {
                let result =
                    self.store
                        .sign_out(*id, *version, now, OutKind::LeftUnsigned, value, actor);
                if self.saved(result, s.left_unsigned_word) {
                    self.overlay = None;
                    self.refresh();
                }
            }
            _ => {}
        }
    }
}
