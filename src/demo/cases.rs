//! The demo's incidents once entered: their follow-ups, the investigation concluded by a
//! correction (the bullying question decided, the case resolved or referred), a few facts put
//! right later, and the odd incident entered twice and voided.

use chrono::{DateTime, Duration, Timelike, Utc};

use super::incidents::Plan;
use super::text::{self, say};
use super::{Event, Sim, Who};
use crate::domain::incident::{Bullying, IncidentDraft, IncidentId, InvolvedDraft, Role, Status};
use crate::store::{Actor, Refusal, StoreError};

/// An incident as the demo keeps it, to correct it later.
#[derive(Debug, Clone)]
pub struct Case {
    pub draft: IncidentDraft,
    pub version: i64,
    pub voided: bool,
}

impl Sim<'_> {
    /// Enters an incident as the person at the desk then (the night-duty staff at night).
    pub(super) fn record_incident(
        &mut self,
        at: DateTime<Utc>,
        plan: Plan,
    ) -> Result<(), StoreError> {
        let hour = self.tz.local(at).hour();
        let who = if (7..22).contains(&hour) {
            Who::Teacher
        } else {
            Who::Night
        };
        let Some(actor) = self.actor(who) else {
            return Ok(());
        };
        let day = self.tz.local(at).date();
        let id = self.store.create_incident(&plan.draft, actor, at, day)?;
        self.sum.incidents += 1;
        self.sum.incident_students += plan.draft.students.len();
        let case = Case {
            draft: plan.draft,
            version: 1,
            voided: false,
        };
        if let Some(of) = plan.duplicate_of {
            self.cases.insert(id, case);
            let when = self.later(at, 60, 48 * 60);
            let when = self.office(when);
            self.at(when, Event::Void { id, of });
            return Ok(());
        }
        let draft = case.draft.clone();
        self.cases.insert(id, case);
        self.after_incident(id, &draft, at, actor)
    }

    /// What follows an incident: its follow-ups, the end of the investigation, perhaps a
    /// correction, perhaps the same incident entered twice.
    pub(super) fn after_incident(
        &mut self,
        id: IncidentId,
        draft: &IncidentDraft,
        at: DateTime<Utc>,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.incident_followups(id, draft, at, actor)?;
        let recent = at > self.now - Duration::days(60);
        let r = self.rng.unit();
        let days = if r < 0.88 {
            Some(self.rng.range(1, 9))
        } else if r < 0.95 {
            Some(self.rng.range(11, 25))
        } else if recent {
            None
        } else {
            Some(self.rng.range(20, 40))
        };
        if let Some(days) = days {
            let when = self.office(at + Duration::days(days));
            self.at(when, Event::Conclude(id));
        }
        if self.rng.chance(0.06) {
            let when = self.later(at, 60, 30 * 60);
            let when = self.office(when);
            self.at(when, Event::Fix(id));
        }
        if self.rng.chance(0.02) {
            let when = self.later(at, 3, 20);
            let plan = Plan {
                draft: draft.clone(),
                duplicate_of: Some(id),
            };
            self.at(when, Event::Incident(Box::new(plan)));
        }
        Ok(())
    }

    /// The investigation ends: the bullying question decided, the incident resolved or referred.
    pub(super) fn conclude(&mut self, at: DateTime<Utc>, id: IncidentId) -> Result<(), StoreError> {
        let Some(case) = self.cases.get(&id).filter(|c| !c.voided) else {
            return Ok(());
        };
        let mut draft = case.draft.clone();
        let police = self.cfg.measures.get(5).map(|m| m.id.as_str());
        let referred = draft
            .students
            .iter()
            .any(|s| s.measures.iter().any(|m| Some(m.as_str()) == police));
        draft.status = if referred {
            Status::Referred
        } else if self.rng.chance(0.75) {
            Status::Resolved
        } else {
            Status::Closed
        };
        if draft.bullying == Bullying::Pending {
            let yes = if draft.category == "fight" { 0.15 } else { 0.6 };
            draft.bullying = if self.rng.chance(yes) {
                Bullying::Yes
            } else {
                Bullying::No
            };
            draft.bullying_on = Some(self.tz.local(at).date());
        }
        let reason = say(
            self.lang,
            *self
                .rng
                .pick(&text::CONCLUDED)
                .unwrap_or(&text::CONCLUDED[0]),
        );
        self.correct(at, id, draft, reason, Who::Leader)
    }

    /// A fact put right after saving: the time from the cameras, a witness, the parents' call.
    pub(super) fn fix(&mut self, at: DateTime<Utc>, id: IncidentId) -> Result<(), StoreError> {
        let Some(case) = self.cases.get(&id).filter(|c| !c.voided) else {
            return Ok(());
        };
        let mut draft = case.draft.clone();
        let kind = self.rng.below(text::FIXES.len());
        match kind {
            0 => draft.occurred_at -= Duration::minutes(self.rng.range(10, 40)),
            1 => {
                let first = draft.students.first().map(|s| s.student);
                let class = first
                    .and_then(|s| self.school.pupil(s))
                    .map(|p| self.school.pupils[p].class);
                let members = class
                    .map(|c| self.school.classes[c].members.clone())
                    .unwrap_or_default();
                let Some(&p) = self.rng.pick(&members) else {
                    return Ok(());
                };
                let student = self.school.pupils[p].id;
                if draft.students.iter().any(|s| s.student == student) {
                    return Ok(());
                }
                draft.students.push(InvolvedDraft {
                    student,
                    role: Role::Witness,
                    measures: Vec::new(),
                    parents_told_at: None,
                    parents_told_by: None,
                });
            }
            _ => {
                let Some(s) = draft
                    .students
                    .iter_mut()
                    .find(|s| s.parents_told_at.is_none())
                else {
                    return Ok(());
                };
                s.parents_told_at = Some(at - Duration::hours(2));
                s.parents_told_by = self.duty.as_ref().map(|d| d.teacher);
            }
        }
        let reason = say(self.lang, text::FIXES[kind]);
        self.correct(at, id, draft, reason, Who::Teacher)
    }

    fn correct(
        &mut self,
        at: DateTime<Utc>,
        id: IncidentId,
        draft: IncidentDraft,
        reason: &str,
        who: Who,
    ) -> Result<(), StoreError> {
        let Some(version) = self.cases.get(&id).map(|c| c.version) else {
            return Ok(());
        };
        let Some(actor) = self.actor(who) else {
            return Ok(());
        };
        match self
            .store
            .correct_incident(id, version, &draft, reason, actor, at)
        {
            Ok(()) => {}
            Err(StoreError::Refused(Refusal::NothingChanged)) => return Ok(()),
            Err(e) => return Err(e),
        }
        if let Some(case) = self.cases.get_mut(&id) {
            case.draft = draft;
            case.version += 1;
        }
        self.sum.corrected += 1;
        Ok(())
    }

    /// A duplicate voided, naming the incident it repeats.
    pub(super) fn void(
        &mut self,
        at: DateTime<Utc>,
        id: IncidentId,
        of: IncidentId,
    ) -> Result<(), StoreError> {
        let Some(version) = self.cases.get(&id).filter(|c| !c.voided).map(|c| c.version) else {
            return Ok(());
        };
        let Some(actor) = self.actor(Who::Teacher) else {
            return Ok(());
        };
        let number = self.store.incident(of)?.number;
        let template = say(
            self.lang,
            *self.rng.pick(&text::VOIDS).unwrap_or(&text::VOIDS[0]),
        );
        let reason = text::fill(template, &number, "", "");
        self.store.void_incident(id, version, &reason, actor, at)?;
        if let Some(case) = self.cases.get_mut(&id) {
            case.voided = true;
            case.version += 1;
        }
        self.sum.voided += 1;
        Ok(())
    }
}
