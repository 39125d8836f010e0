//! `App::update`: the one place that performs actions and writes through the store. A form is
//! left only after its save has committed; on any failure it stays, with everything typed.

use chrono::{DateTime, Utc};

use super::{App, Confirm, Overlay, Status, day_rounds};
use crate::action::{Action, DutyAction, PatrolAction, Purpose, Tab};
use crate::domain::patrol::{CheckDraft, ItemAnswer, ItemResult, RoundState};
use crate::domain::rounds::RoundView;
use crate::domain::schedule::RoundKey;
use crate::domain::text::TextKind;
use crate::screens::check_form::CheckForm;
use crate::screens::patrols::PatrolScreen;
use crate::screens::shift_form::ShiftForm;
use crate::screens::staff_form::StaffForm;
use crate::screens::{Screen, round_title};
use crate::store::{Actor, StoreError};
use crate::widgets::prompt::Prompt;

impl App {
    pub fn update(&mut self, action: Action) {
        // The role table, checked here for every action, whichever key or screen asked for it.
        if !self.permitted(&action) {
            return;
        }
        match action {
            Action::Quit if self.screen.is_dirty() => {
                self.overlay = Some(Overlay::Confirm(Confirm::Quit));
            }
            Action::Quit | Action::QuitNow => self.quit = true,
            Action::Go(tab) => self.go(tab),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::LeaveForm { dirty: true } => {
                self.overlay = Some(Overlay::Confirm(Confirm::LeaveForm));
            }
            Action::LeaveForm { dirty: false } | Action::Back => self.pop(),
            Action::Reload => self.reload_screen(),
            Action::DailyCheckPassed => {
                // Only remembered: a failure to write it means the check runs again tomorrow
                // morning too, which is harmless.
                let _ = self.store.record_quick_check(self.now.date_naive());
            }
            Action::ShowStudents => {
                self.previous.clear();
                self.screen = Screen::Students(crate::screens::students::StudentsScreen::default());
                self.refresh();
            }
            Action::Prompted { purpose, value } => self.prompted(&purpose, &value),
            Action::Patrol(a) => self.patrol_action(a),
            Action::Duty(a) => self.duty_action(a),
            Action::Incident(a) => {
                self.incident_action(a);
            }
            Action::Followup(a) => {
                self.followup_action(a);
            }
            Action::Hazard(a) => {
                self.hazard_action(a);
            }
            Action::Slip(a) => self.slip_action(a),
            Action::Gate(a) => {
                self.gate_action(a);
            }
            Action::Watch(a) => {
                self.watch_action(a);
            }
            Action::DutyLog(a) => self.duty_log_action(a),
            Action::Attention(a) => self.attention_action(a),
            Action::Access(a) => self.access_action(a),
        }
    }

    /// Performs the patrol grid's and the checklist's actions.
    fn patrol_action(&mut self, action: PatrolAction) {
        match action {
            PatrolAction::ShowExceptions => {
                let today = self.now.date_naive();
                let day = self.data.exception_days.first().copied().unwrap_or(today);
                self.previous.clear();
                self.screen = Screen::Patrols(PatrolScreen::new(day));
                self.refresh();
            }
            PatrolAction::PatrolDay(day) => {
                if let Screen::Patrols(p) = &mut self.screen {
                    *p = PatrolScreen::new(day);
                }
                self.refresh();
            }
            PatrolAction::OpenCheck(key) => self.open_check(&key),
            PatrolAction::QuickOk(key) => self.quick_ok(&key),
            PatrolAction::SaveCheck(draft) => self.save_check(&draft),
            PatrolAction::AskReason(key) => self.ask_reason(&key),
        }
    }

    /// Performs the actions on shifts, who is on duty, and staff.
    fn duty_action(&mut self, action: DutyAction) {
        match action {
            DutyAction::NewStaff => self.push(Screen::StaffForm(StaffForm::new())),
            DutyAction::SaveStaff(draft) => {
                let result = self.store.add_staff(&draft, self.stamp());
                if self.saved(result, &(self.strings().staff_added)(&draft.name)) {
                    self.go(Tab::People);
                }
            }
            DutyAction::NewShift if self.data.shift.is_some() => {
                self.say_error(self.strings().shift_already_open);
            }
            DutyAction::NewShift => self.push(Screen::ShiftForm(ShiftForm::new())),
            DutyAction::StartShift(draft) => {
                let result = self.store.start_shift(&draft, self.stamp());
                if let Ok(shift) = &result {
                    self.data.operator = shift.duty_teacher().map(|m| m.staff);
                }
                if self.saved(result, self.strings().shift_opened) {
                    self.go(Tab::Now);
                }
            }
            DutyAction::CloseShift { confirmed: false } => {
                self.overlay = Some(Overlay::Confirm(Confirm::CloseShift));
            }
            DutyAction::CloseShift { confirmed: true } => self.close_shift(),
            DutyAction::SetOperator(_) if self.refuse_operator_switch() => {}
            DutyAction::SetOperator(id) => {
                self.data.operator = Some(id);
                if let Some(name) = self.data.operator_name() {
                    let text = (self.strings().operator_now)(&crate::domain::text::line(name));
                    self.say(&text);
                }
            }
        }
    }

    fn close_shift(&mut self) {
        let Some(shift) = self.data.shift.clone() else {
            return;
        };
        let result = self
            .store
            .close_shift(shift.id, shift.version, self.stamp());
        if self.saved(result, self.strings().shift_closed) {
            self.refresh();
        }
    }

    /// The time written on records: the clock's, so a fixed training clock stamps them too.
    pub(super) fn stamp(&self) -> DateTime<Utc> {
        self.now.with_timezone(&Utc)
    }

    /// Shows "saved" only for a committed write, else the error; returns whether it committed.
    pub(super) fn saved<T>(&mut self, result: Result<T, StoreError>, message: &str) -> bool {
        match result {
            Ok(_) => {
                self.say(message);
                true
            }
            Err(e) => {
                tracing::warn!(error = %e, "save failed");
                let text = self.strings().store_error(&e);
                self.say_error(&text);
                false
            }
        }
    }

    pub(super) fn say(&mut self, text: &str) {
        self.status = Some(Status {
            error: false,
            text: text.to_owned(),
        });
    }

    pub(super) fn say_error(&mut self, text: &str) {
        self.status = Some(Status {
            error: true,
            text: text.to_owned(),
        });
    }

    /// The shift and person records are made by; without an open shift, says how to open one.
    pub(super) fn actor(&mut self) -> Option<Actor> {
        let shift = self.data.shift.as_ref().map(|s| s.id);
        if let (Some(shift), Some(staff)) = (shift, self.data.operator) {
            return Some(Actor { shift, staff });
        }
        self.say_error(self.strings().need_shift);
        None
    }

    /// The round as it stands now, loaded afresh so a check saved elsewhere is seen.
    pub(super) fn round(&mut self, key: &RoundKey) -> Option<RoundView> {
        let now = self.now;
        let tracked = self.data.tracked_from.unwrap_or(now.date_naive());
        match day_rounds(&self.store, &self.cfg, key.day, now, tracked) {
            Ok(rounds) => rounds.into_iter().find(|r| &r.key == key),
            Err(e) => {
                let text = self.strings().store_error(&e);
                self.say_error(&text);
                None
            }
        }
    }

    /// A round that may be checked now, or a message saying why not.
    fn checkable(&mut self, key: &RoundKey) -> Option<RoundView> {
        self.actor()?;
        let round = self.round(key)?;
        if !round.can_check(self.now.naive_local()) {
            let text = (self.strings().not_open_yet)(&crate::domain::clock::hhmm(
                round.window.start.time(),
            ));
            self.say_error(&text);
            return None;
        }
        Some(round)
    }

    fn open_check(&mut self, key: &RoundKey) {
        if let Some(round) = self.checkable(key) {
            let form = CheckForm::new(&round, &self.view());
            self.push(Screen::Check(form));
        }
    }

    /// Every item OK in one key, for a round not yet checked.
    fn quick_ok(&mut self, key: &RoundKey) {
        let Some(round) = self.checkable(key) else {
            return;
        };
        if round.check.is_some() {
            self.say_error(self.strings().already_checked);
            return;
        }
        // After its window, "all OK" in one key would record a check nobody made as it
        // happened (a missed night round turned into "late, all normal"): the checklist opens
        // instead, to be answered item by item.
        if !round.window.contains(self.now.naive_local()) {
            let form = CheckForm::new(&round, &self.view());
            self.push(Screen::Check(form));
            self.say(self.strings().quick_ok_past);
            return;
        }
        let Some(place) = self.cfg.place(&key.place) else {
            return;
        };
        let draft = CheckDraft {
            round: key.clone(),
            items: place
                .checklist
                .iter()
                .map(|l| ItemAnswer {
                    text: l.get(self.lang).to_owned(),
                    result: ItemResult::Ok,
                    note: String::new(),
                })
                .collect(),
            note: String::new(),
            replaces: None,
        };
        self.save_check(&draft);
    }

    fn save_check(&mut self, draft: &CheckDraft) {
        let Some(actor) = self.actor() else { return };
        // A correction that changes nothing would put the round under another person's name
        // and time (Enter, Enter on a done round): nothing is written.
        if draft.replaces.is_some()
            && self
                .round(&draft.round)
                .and_then(|r| r.check)
                .is_some_and(|c| c.items == draft.items && c.note == draft.note)
        {
            self.say_error(self.strings().store.nothing_changed);
            return;
        }
        let result = self.store.save_check(draft, actor, self.stamp());
        let s = self.strings();
        let place = self.cfg.place_name(&draft.round.place, self.lang);
        let problems = draft
            .items
            .iter()
            .filter(|i| i.result == ItemResult::Problem)
            .count();
        let message = (s.check_saved)(&place, draft.is_complete(), problems);
        if self.saved(result, &message) {
            if self.screen.is_form() {
                self.pop();
            } else {
                self.refresh();
            }
        }
    }

    fn ask_reason(&mut self, key: &RoundKey) {
        let Some(round) = self.round(key) else { return };
        if !matches!(
            round.state,
            RoundState::Missed | RoundState::Partial | RoundState::Late
        ) {
            self.say_error(self.strings().reason_not_needed);
            return;
        }
        if self.actor().is_none() {
            return;
        }
        let title = round_title(&self.view(), &round);
        let current = round.exception.as_ref().map(|e| e.reason.as_str());
        let s = self.strings();
        let prompt = Prompt::new(
            s.reason_title.to_owned(),
            s.reason_label,
            TextKind::Line,
            current.unwrap_or(""),
            true,
        )
        .with_context(title);
        self.overlay = Some(Overlay::Prompt(
            Box::new(prompt),
            Purpose::RoundReason(key.clone()),
        ));
    }
}
