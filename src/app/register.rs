//! Performing the actions on the hazard register and mailbox slips, and the answers to one-line
//! popups.

use chrono::{Duration, NaiveTime};

use super::App;
use crate::action::Purpose;
use crate::action::{HazardAction, SlipAction};
use crate::domain::clock::parse_when;
use crate::domain::followup::FollowupId;
use crate::domain::hazard::{self, HazardDraft, HazardId, HazardStatus};
use crate::domain::incident::{IncidentDraft, Source};
use crate::domain::schedule::RoundKey;
use crate::domain::slip::{SlipDraft, SlipId};
use crate::screens::Screen;
use crate::screens::hazard_form::HazardForm;
use crate::screens::incident_form::Mode;
use crate::store::{Actor, MergeInto, StoreError};
use crate::widgets::field::FieldError;

impl App {
    /// Performs the hazard register's actions.
    pub(super) fn hazard_action(&mut self, action: HazardAction) -> Option<()> {
        match action {
            HazardAction::NewHazard => self.hazard_form(None, "", None),
            HazardAction::HazardFromCheck(key) => self.hazard_from_check(&key),
            HazardAction::CreateHazard(draft) => self.create_hazard(&draft),
            HazardAction::AskAdvanceHazard(id) => self.ask_advance(id),
            HazardAction::VerifyHazard(id, version) => {
                let actor = self.actor()?;
                let result = self.store.verify_hazard(id, version, actor, self.stamp());
                if self.saved(result, self.strings().hazard_verified) {
                    self.refresh();
                }
            }
        }
        Some(())
    }

    /// Performs the mailbox's actions.
    pub(super) fn slip_action(&mut self, action: SlipAction) {
        match action {
            SlipAction::NewSlip => {
                if self.actor().is_some() {
                    let s = self.strings();
                    self.ask(
                        s.new_slip_title.to_owned(),
                        s.fields.slip_text,
                        Purpose::NewSlip,
                        "",
                    );
                }
            }
            SlipAction::SlipToIncident(id) => self.slip_to_incident(id),
            SlipAction::AskMergeSlip(id) => {
                if let Ok(slip) = self.store.slip(id) {
                    let s = self.strings();
                    self.ask(
                        s.merge_title.to_owned(),
                        s.fields.incident_number,
                        Purpose::MergeSlip {
                            id,
                            version: slip.version,
                        },
                        "",
                    );
                }
            }
            SlipAction::AskSlipUnfounded(id) => {
                if let Ok(slip) = self.store.slip(id) {
                    let s = self.strings();
                    self.ask(
                        s.unfounded_title.to_owned(),
                        s.fields.what_was_checked,
                        Purpose::SlipUnfounded {
                            id,
                            version: slip.version,
                        },
                        "",
                    );
                }
            }
        }
    }

    fn hazard_form(
        &mut self,
        place: Option<&str>,
        description: &str,
        from_check: Option<crate::domain::patrol::CheckId>,
    ) {
        if self.actor().is_none() {
            return;
        }
        let form = HazardForm::new(&self.view(), place, description, from_check);
        self.push(Screen::HazardForm(Box::new(form)));
    }

    fn hazard_from_check(&mut self, key: &RoundKey) {
        if let Some((check, text)) = self.problems_of(key) {
            self.hazard_form(Some(&key.place), &text, Some(check.id));
        }
    }

    fn create_hazard(&mut self, draft: &HazardDraft) {
        let Some(actor) = self.actor() else { return };
        let days = self.cfg.risk(&draft.risk).map_or(7, |r| r.days);
        let due_on = hazard::due_on(self.now.date_naive(), days);
        let result = self.store.create_hazard(draft, due_on, actor, self.stamp());
        let text = (self.strings().hazard_saved)(&due_on.to_string());
        if self.saved(result, &text) {
            self.pop();
        }
    }

    fn ask_advance(&mut self, id: HazardId) {
        let Ok(h) = self.store.hazard(id) else { return };
        let s = self.strings();
        let to = if h.status == HazardStatus::Open {
            HazardStatus::Rectifying
        } else {
            HazardStatus::Rectified
        };
        let title = format!("{} → {}", s.advance_title, s.hazard_status(to));
        self.ask(
            title,
            s.fields.steps,
            Purpose::AdvanceHazard {
                id,
                version: h.version,
                to,
            },
            &h.draft.steps.replace('\n', " "),
        );
    }

    fn slip_to_incident(&mut self, id: SlipId) {
        let Ok(slip) = self.store.slip(id) else {
            return;
        };
        let start = slip.received_on.and_time(NaiveTime::MIN);
        let received = chrono::TimeZone::from_local_datetime(self.now.offset(), &start)
            .single()
            .map_or(self.stamp(), |t| t.with_timezone(&chrono::Utc));
        let draft = IncidentDraft {
            occurred_at: received,
            source: Source::Mailbox,
            narrative: slip.text.clone(),
            ..self.blank_incident()
        };
        self.incident_form(
            Mode::New {
                from_check: None,
                from_slip: Some((id, slip.version)),
            },
            &draft,
        );
    }

    /// The answer to a popup: write it, and close the popup only once it is saved.
    pub(super) fn prompted(&mut self, purpose: &Purpose, value: &str) {
        let Some(actor) = self.actor() else { return };
        let now = self.stamp();
        let s = self.strings();
        let (result, message) = match *purpose {
            Purpose::Reveal { id } => return self.reveal(id, value),
            Purpose::AdmitDespite { .. }
            | Purpose::SignOutAt { .. }
            | Purpose::LeftUnsigned { .. } => return self.gate_prompted(purpose, value),
            Purpose::RescheduleDue { id, version } => {
                return self.reschedule_due(id, version, value);
            }
            Purpose::MergeSlip { id, version } => {
                let Some(result) = self.merge_slip(id, version, value, actor) else {
                    return;
                };
                (result, s.slip_merged)
            }
            Purpose::EndAttention { id, version } => (
                self.store.end_attention(id, version, value, actor, now),
                s.attention.ended,
            ),
            Purpose::RoundReason(ref round) => {
                (self.save_reason(round, value, actor), s.reason_saved)
            }
            Purpose::VoidIncident { id, version } => (
                self.store.void_incident(id, version, value, actor, now),
                s.incident_voided,
            ),
            Purpose::CompleteFollowup { id, version } => (
                self.store.complete_followup(id, version, value, actor, now),
                s.followup_completed,
            ),
            Purpose::RescheduleReason { id, version, due } => (
                self.store
                    .reschedule_followup(id, version, due, value, actor, now),
                s.followup_rescheduled,
            ),
            Purpose::AdvanceHazard { id, version, to } => (
                self.store
                    .advance_hazard(id, version, to, value, actor, now),
                s.hazard_updated,
            ),
            Purpose::NewSlip => {
                let result = self.save_slip(value, actor);
                if let (Ok(id), Screen::Incidents(list)) = (&result, &mut self.screen) {
                    list.select_new_slip(*id);
                }
                (result.map(|_| ()), s.slip_saved)
            }
            Purpose::SlipUnfounded { id, version } => (
                self.store
                    .close_slip_unfounded(id, version, value, actor, now),
                s.slip_closed,
            ),
        };
        if self.saved(result, message) {
            self.overlay = None;
            self.refresh();
        }
    }

    /// Why a round was missed, late or left partial.
    fn save_reason(
        &mut self,
        round: &RoundKey,
        reason: &str,
        actor: Actor,
    ) -> Result<(), StoreError> {
        let draft = crate::domain::patrol::ExceptionDraft {
            round: round.clone(),
            reason: reason.to_owned(),
        };
        self.store.save_exception(&draft, actor, self.stamp())
    }

    /// A mailbox slip, received today.
    fn save_slip(&mut self, text: &str, actor: Actor) -> Result<SlipId, StoreError> {
        let draft = SlipDraft {
            received_on: self.now.date_naive(),
            text: text.to_owned(),
        };
        self.store.create_slip(&draft, actor, self.stamp())
    }

    /// A new due time for a follow-up: checked, then its reason asked for.
    fn reschedule_due(&mut self, id: FollowupId, version: i64, value: &str) {
        let s = self.strings();
        match parse_when(value, self.now) {
            Some(due) if due > self.stamp() - Duration::minutes(1) => {
                let purpose = Purpose::RescheduleReason { id, version, due };
                self.ask(s.reschedule_title.to_owned(), s.fields.why, purpose, "");
            }
            Some(_) => self.prompt_error(FieldError::InPast),
            None => self.prompt_error(FieldError::BadTime),
        }
    }

    /// Adds a slip to the incident whose number was typed; `None` when there is no such
    /// incident (said under the field).
    fn merge_slip(
        &mut self,
        id: SlipId,
        version: i64,
        number: &str,
        actor: Actor,
    ) -> Option<Result<(), StoreError>> {
        let incident = match self.store.incident_by_number(number) {
            Ok(Some(incident)) => incident,
            Ok(None) => {
                self.prompt_error(FieldError::NoSuchIncident);
                return None;
            }
            Err(e) => return Some(Err(e)),
        };
        let into = MergeInto::Existing(incident);
        let today = self.now.date_naive();
        Some(
            self.store
                .merge_slip(id, version, &into, actor, self.stamp(), today)
                .map(|_| ()),
        )
    }
}
