//! The demo's follow-ups: those an incident suggests (as the incident screen offers them), with
//! owners who would really do them, a few more for serious cases, students followed without an
//! incident; most done on time, some late, a few moved, and a few still open past their due time.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::calendar;
use super::text::say;
use super::words;
use super::{Event, Sim, Who};
use crate::domain::followup::{self, FollowupDraft, FollowupId, Kind};
use crate::domain::incident::{IncidentDraft, IncidentId, PlaceRef, Role, Severity};
use crate::domain::staff::StaffId;
use crate::store::{Actor, StoreError};

/// A follow-up to be done (or moved) by its owner.
#[derive(Debug, Clone, Copy)]
pub struct Done {
    pub id: FollowupId,
    pub version: i64,
    pub owner: StaffId,
    pub kind: Kind,
    pub due: DateTime<Utc>,
}

impl Sim<'_> {
    fn counsellor(&mut self) -> StaffId {
        let c = &self.school.staff.counsellors;
        c[self.rng.below(c.len())]
    }

    /// The suggested follow-ups of an incident, given to the class teacher (parents) and the
    /// counsellor (talks), plus a home visit, a report upward, the committee and a re-check of
    /// the place where the case calls for them.
    pub(super) fn incident_followups(
        &mut self,
        id: IncidentId,
        draft: &IncidentDraft,
        at: DateTime<Utc>,
        actor: Actor,
    ) -> Result<(), StoreError> {
        let mut drafts = followup::suggested(id, &draft.students, actor.staff, at);
        for d in &mut drafts {
            d.owner = match (d.kind, d.student) {
                (Kind::ParentContact, Some(s)) => self.teacher_of(s).unwrap_or(d.owner),
                (Kind::Counselling, _) => self.counsellor(),
                _ => d.owner,
            };
        }
        let leader = self.duty.as_ref().map_or(actor.staff, |d| d.leader);
        let extra = |kind, student, owner, days| FollowupDraft {
            kind,
            incident: Some(id),
            hazard: None,
            student,
            note: String::new(),
            owner,
            due_at: at + Duration::days(days),
        };
        let first_initiator = draft
            .students
            .iter()
            .find(|s| s.role == Role::Initiator)
            .map(|s| s.student);
        if draft.severity >= Severity::Serious {
            if let Some(s) = first_initiator {
                let owner = self.teacher_of(s).unwrap_or(actor.staff);
                drafts.push(extra(Kind::HomeVisit, Some(s), owner, 7));
            }
            drafts.push(extra(Kind::Committee, None, leader, 10));
        }
        if draft.severity == Severity::Critical {
            drafts.push(extra(Kind::ReportUp, None, leader, 1));
        }
        let quiet = matches!(&draft.place, PlaceRef::Config(p) if p.contains("corner") || p.contains("toilet"));
        if quiet && self.rng.chance(0.3) {
            drafts.push(extra(Kind::Recheck, None, actor.staff, 7));
        }
        for d in &mut drafts {
            say(self.lang, words::followup(d.kind).0).clone_into(&mut d.note);
        }
        self.add_followups(&drafts, actor, at, true).map(|_| ())
    }

    fn teacher_of(&self, student: crate::domain::people::StudentId) -> Option<StaffId> {
        self.school
            .pupil(student)
            .map(|p| self.school.class_teacher(p))
    }

    /// Stores follow-ups; with `fated`, also decides when (and whether) each is done.
    pub(super) fn add_followups(
        &mut self,
        drafts: &[FollowupDraft],
        actor: Actor,
        at: DateTime<Utc>,
        fated: bool,
    ) -> Result<Vec<FollowupId>, StoreError> {
        if drafts.is_empty() {
            return Ok(Vec::new());
        }
        let ids = self.store.create_followups(drafts, actor, at)?;
        for (id, d) in ids.iter().zip(drafts) {
            self.sum.followups += 1;
            self.open_followups.insert(*id, d.due_at);
            if fated {
                let done = Done {
                    id: *id,
                    version: 1,
                    owner: d.owner,
                    kind: d.kind,
                    due: d.due_at,
                };
                self.fate(done, at);
            }
        }
        Ok(ids)
    }

    /// Most are done on time, some late, one in twenty moved first; one in ten is forgotten,
    /// which shows as overdue if recent (older ones were caught up with in the end).
    fn fate(&mut self, done: Done, created: DateTime<Utc>) {
        self.fates += 1;
        let when = match self.fates % 20 {
            0 | 11 if created > self.now - Duration::days(45) => return,
            0 | 11 => {
                let late = Duration::days(self.rng.range(15, 40));
                self.office(done.due + late)
            }
            3 | 7 | 15 => {
                let late = Duration::days(self.rng.range(1, 8));
                self.office(done.due + late)
            }
            9 => {
                let when = self.office(created + Duration::hours(20));
                let due = done.due + Duration::days(self.rng.range(5, 8));
                self.at(when, Event::Reschedule(done, due));
                return;
            }
            _ => {
                let span = (done.due - created).num_seconds().max(3600);
                let t = created + Duration::seconds(self.rng.part(span, 150, 900));
                self.office(t).max(created + Duration::minutes(10))
            }
        };
        self.at(when, Event::Complete(done));
    }

    pub(super) fn complete(&mut self, at: DateTime<Utc>, done: &Done) -> Result<(), StoreError> {
        let Some(actor) = self.actor(Who::Staff(done.owner)) else {
            return Ok(());
        };
        let outcomes = words::followup(done.kind).1;
        let outcome = say(self.lang, outcomes[self.rng.below(outcomes.len())]);
        self.store
            .complete_followup(done.id, done.version, outcome, actor, at)?;
        self.open_followups.remove(&done.id);
        self.sum.followups_done += 1;
        Ok(())
    }

    /// Moves a follow-up with a reason; it is then done before the new due time.
    pub(super) fn reschedule(
        &mut self,
        at: DateTime<Utc>,
        done: &Done,
        due: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let Some(actor) = self.actor(Who::Staff(done.owner)) else {
            return Ok(());
        };
        let reason = say(
            self.lang,
            words::RESCHEDULED[self.rng.below(words::RESCHEDULED.len())],
        );
        self.store
            .reschedule_followup(done.id, done.version, due, reason, actor, at)?;
        self.open_followups.insert(done.id, due);
        let moved = Done {
            version: done.version + 1,
            due,
            ..*done
        };
        let when = self
            .office(due - Duration::days(2))
            .max(at + Duration::hours(1));
        self.at(when, Event::Complete(moved));
        Ok(())
    }

    /// Students kept on file and followed without an incident (建档、跟踪).
    pub(super) fn plan_attention(&mut self, day: NaiveDate) {
        if !calendar::is_school_day(day) || !self.rng.chance(0.08) {
            return;
        }
        let Some(&p) = self.rng.pick(&self.school.vulnerable) else {
            return;
        };
        let kind = [Kind::Counselling, Kind::HomeVisit, Kind::ParentContact][self.rng.below(3)];
        let owner = match kind {
            Kind::Counselling => self.counsellor(),
            _ => self.school.class_teacher(p),
        };
        let at = self.tz.at(day, 9, 0, self.rng.range(0, 7 * 3600));
        let words = words::ATTENTION[self.rng.below(words::ATTENTION.len())];
        let draft = FollowupDraft {
            kind,
            incident: None,
            hazard: None,
            student: Some(self.school.pupils[p].id),
            note: say(self.lang, words).to_owned(),
            owner,
            due_at: at + Duration::days(7),
        };
        self.at(at, Event::Attention(Box::new(draft)));
    }

    pub(super) fn attention(
        &mut self,
        at: DateTime<Utc>,
        draft: FollowupDraft,
    ) -> Result<(), StoreError> {
        let Some(actor) = self.actor(Who::Staff(draft.owner)) else {
            return Ok(());
        };
        self.add_followups(&[draft], actor, at, true).map(|_| ())
    }
}
