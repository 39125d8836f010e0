//! Performing the actions on incidents, follow-ups, hazards and mailbox slips. Every write goes
//! through the store in one transaction; a form or popup is closed only once its save committed.

use super::{App, Overlay};
use crate::action::Purpose;
use crate::action::{FollowupAction, IncidentAction};
use crate::domain::followup::{self, FollowupDraft, FollowupId, Kind};
use crate::domain::hazard::HazardId;
use crate::domain::incident::{
    Bullying, IncidentDraft, IncidentId, PlaceRef, Severity, Source, Status,
};
use crate::domain::patrol::ItemResult;
use crate::domain::people::StudentId;
use crate::domain::schedule::RoundKey;
use crate::domain::slip::SlipId;
use crate::domain::text::TextKind;
use crate::screens::Screen;
use crate::screens::followup_form::{FollowupForm, Link};
use crate::screens::incident_detail::IncidentDetail;
use crate::screens::incident_form::{IncidentForm, Mode};
use crate::screens::student_view::StudentView;
use crate::screens::suggestions::Suggestions;
use crate::store::MergeInto;
use crate::widgets::field::FieldError;
use crate::widgets::prompt::Prompt;

impl App {
    /// Performs the incident actions.
    pub(super) fn incident_action(&mut self, action: IncidentAction) -> Option<()> {
        match action {
            IncidentAction::NewIncident => self.new_incident(),
            IncidentAction::IncidentFromCheck(key) => self.incident_from_check(&key),
            IncidentAction::CreateIncident { draft, from_slip } => {
                self.create_incident(&draft, from_slip);
            }
            IncidentAction::OpenIncident(id) => {
                // Who looked at a child's incident file, and when, is itself on record.
                let staff = self
                    .session
                    .as_ref()
                    .and_then(|s| s.staff)
                    .or(self.data.operator);
                self.audit(&crate::store::AuditEvent {
                    act: crate::store::Act::Open,
                    kind: "incident",
                    record: Some(id.0),
                    staff,
                    why: "",
                });
                self.push(Screen::IncidentDetail(IncidentDetail::new(id)));
            }
            IncidentAction::EditIncident(id) => self.edit_incident(id),
            IncidentAction::CorrectIncident {
                id,
                version,
                draft,
                reason,
            } => {
                let actor = self.actor()?;
                let result =
                    self.store
                        .correct_incident(id, version, &draft, &reason, actor, self.stamp());
                if self.saved(result, self.strings().incident_corrected) {
                    self.pop();
                }
            }
            IncidentAction::AskVoidIncident(id) => {
                if let Ok(i) = self.store.incident(id) {
                    let s = self.strings();
                    self.ask(
                        (s.void_title)(&i.number),
                        s.reason_label,
                        Purpose::VoidIncident {
                            id,
                            version: i.version,
                        },
                        "",
                    );
                }
            }
            IncidentAction::OpenStudent(id) => self.push(Screen::StudentView(StudentView::new(id))),
        }
        Some(())
    }

    /// Performs the follow-up actions.
    pub(super) fn followup_action(&mut self, action: FollowupAction) -> Option<()> {
        match action {
            FollowupAction::NewFollowup => self.followup_form(Link::default(), None),
            FollowupAction::NewFollowupFor(id) => self.followup_for_incident(id),
            FollowupAction::NewFollowupForStudent(id) => {
                let student = self
                    .store
                    .student(id)
                    .ok()
                    .flatten()
                    .map(|s| (s.id, s.name));
                self.followup_form(Link::default(), student);
            }
            FollowupAction::NewFollowupForHazard(id) => self.followup_for_hazard(id),
            FollowupAction::CreateFollowup(draft) => {
                let actor = self.actor()?;
                let result = self.store.create_followups(&[draft], actor, self.stamp());
                if self.saved(result, self.strings().followup_saved) {
                    self.pop();
                }
            }
            FollowupAction::AcceptSuggestions { incident, drafts } => {
                self.accept_suggestions(incident, &drafts);
            }
            FollowupAction::AskCompleteFollowup(id) => self.ask_complete_followup(id),
            FollowupAction::AskRescheduleFollowup(id) => self.ask_reschedule_followup(id),
        }
        Some(())
    }

    fn followup_for_incident(&mut self, id: IncidentId) {
        let number = self
            .store
            .incident(id)
            .map(|i| i.number)
            .unwrap_or_default();
        let link = Link {
            incident: Some((id, number)),
            hazard: None,
        };
        self.followup_form(link, None);
    }

    fn followup_for_hazard(&mut self, id: HazardId) {
        let desc = self
            .store
            .hazard(id)
            .map(|h| h.draft.description)
            .unwrap_or_default();
        let link = Link {
            incident: None,
            hazard: Some((id, desc)),
        };
        self.followup_form(link, None);
    }

    fn ask_complete_followup(&mut self, id: FollowupId) {
        let Ok(f) = self.store.followup(id) else {
            return;
        };
        let s = self.strings();
        let title = format!("{} · {}", s.complete_title, s.followup_kind(f.kind));
        let purpose = Purpose::CompleteFollowup {
            id,
            version: f.version,
        };
        self.ask(title, s.fields.outcome, purpose, "");
    }

    fn ask_reschedule_followup(&mut self, id: FollowupId) {
        let Ok(f) = self.store.followup(id) else {
            return;
        };
        let s = self.strings();
        let due = crate::domain::clock::format_when(f.due_at, self.now.offset());
        let purpose = Purpose::RescheduleDue {
            id,
            version: f.version,
        };
        self.ask(s.reschedule_title.to_owned(), s.fields.due, purpose, &due);
    }

    pub(super) fn ask(
        &mut self,
        title: String,
        label: &'static str,
        purpose: Purpose,
        initial: &str,
    ) {
        self.overlay = Some(Overlay::Prompt(
            Box::new(Prompt::new(title, label, TextKind::Line, initial, true)),
            purpose,
        ));
    }

    /// Marks the open prompt's field with an error (the prompt stays, with what was typed).
    pub(super) fn prompt_error(&mut self, e: FieldError) {
        if let Some(Overlay::Prompt(p, _)) = &mut self.overlay {
            p.field.error = Some(e);
        }
    }

    pub(super) fn blank_incident(&self) -> IncidentDraft {
        IncidentDraft {
            occurred_at: self.stamp(),
            place: self
                .cfg
                .places
                .first()
                .map_or(PlaceRef::Text(String::new()), |p| {
                    PlaceRef::Config(p.id.clone())
                }),
            category: self
                .cfg
                .categories
                .first()
                .map(|c| c.id.clone())
                .unwrap_or_default(),
            severity: Severity::Minor,
            source: Source::Staff,
            narrative: String::new(),
            child_words: String::new(),
            immediate_action: String::new(),
            bullying: Bullying::Pending,
            bullying_on: None,
            status: Status::Open,
            students: Vec::new(),
            from_check: None,
        }
    }

    pub(super) fn incident_form(&mut self, mode: Mode, draft: &IncidentDraft) {
        if self.actor().is_none() {
            return;
        }
        let form = IncidentForm::new(&self.view(), mode, draft, &[]);
        self.push(Screen::IncidentForm(Box::new(form)));
    }

    fn new_incident(&mut self) {
        let draft = self.blank_incident();
        self.incident_form(
            Mode::New {
                from_check: None,
                from_slip: None,
            },
            &draft,
        );
    }

    /// The problems a patrol found at a round, as one text ("item: note" per line).
    pub(super) fn problems_of(
        &mut self,
        key: &RoundKey,
    ) -> Option<(crate::domain::patrol::CheckRecord, String)> {
        let round = self.round(key)?;
        let Some(check) = round.check.filter(|c| c.problems > 0) else {
            self.say_error(self.strings().empty.problem_here);
            return None;
        };
        let text = check
            .items
            .iter()
            .filter(|i| i.result == ItemResult::Problem)
            .map(|i| format!("{}：{}", i.text, i.note))
            .collect::<Vec<_>>()
            .join("\n");
        Some((check, text))
    }

    fn incident_from_check(&mut self, key: &RoundKey) {
        let Some((check, text)) = self.problems_of(key) else {
            return;
        };
        let draft = IncidentDraft {
            occurred_at: check.at,
            place: PlaceRef::Config(key.place.clone()),
            source: Source::Patrol,
            narrative: text,
            ..self.blank_incident()
        };
        self.incident_form(
            Mode::New {
                from_check: Some(check.id),
                from_slip: None,
            },
            &draft,
        );
    }

    fn create_incident(&mut self, draft: &IncidentDraft, from_slip: Option<(SlipId, i64)>) {
        let Some(actor) = self.actor() else { return };
        let (now, today) = (self.stamp(), self.now.date_naive());
        let result = match from_slip {
            Some((slip, version)) => {
                let into = MergeInto::New(Box::new(draft.clone()));
                self.store
                    .merge_slip(slip, version, &into, actor, now, today)
            }
            None => self.store.create_incident(draft, actor, now, today),
        };
        let Ok(id) = result else {
            self.saved(result, "");
            return;
        };
        let number = self
            .store
            .incident(id)
            .map(|i| i.number)
            .unwrap_or_default();
        let text = (self.strings().incident_saved)(&number);
        self.say(&text);
        let drafts = followup::suggested(id, &draft.students, actor.staff, now);
        let named: Vec<(FollowupDraft, String)> = drafts
            .into_iter()
            .map(|d| {
                let name = d
                    .student
                    .and_then(|s| self.data.students.iter().find(|x| x.id == s))
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                (d, name)
            })
            .collect();
        let owner = self.data.operator_name().unwrap_or("").to_owned();
        // The form is done: the suggestions (or the incident) take its place.
        self.screen = if named.is_empty() {
            Screen::IncidentDetail(IncidentDetail::new(id))
        } else {
            Screen::Suggestions(Suggestions::new(id, number, named, &owner))
        };
        self.refresh();
    }

    fn edit_incident(&mut self, id: IncidentId) {
        if self.actor().is_none() {
            return;
        }
        match self.store.incident(id) {
            Ok(i) => {
                let mode = Mode::Correct {
                    id,
                    version: i.version,
                    number: i.number.clone(),
                };
                let form = IncidentForm::new(&self.view(), mode, &i.draft, &i.students);
                self.push(Screen::IncidentForm(Box::new(form)));
            }
            Err(e) => {
                let text = self.strings().store_error(&e);
                self.say_error(&text);
            }
        }
    }

    fn accept_suggestions(&mut self, incident: IncidentId, drafts: &[FollowupDraft]) {
        if !drafts.is_empty() {
            let Some(actor) = self.actor() else { return };
            let result = self.store.create_followups(drafts, actor, self.stamp());
            let text = (self.strings().followups_created)(drafts.len());
            if !self.saved(result, &text) {
                return;
            }
        }
        self.screen = Screen::IncidentDetail(IncidentDetail::new(incident));
        self.refresh();
    }

    fn followup_form(&mut self, link: Link, student: Option<(StudentId, String)>) {
        if self.actor().is_none() {
            return;
        }
        let kind = if link.hazard.is_some() {
            Kind::Recheck
        } else {
            Kind::ParentContact
        };
        let form = FollowupForm::new(&self.view(), link, student, kind);
        self.push(Screen::FollowupForm(Box::new(form)));
    }
}
