//! The demo's hazard and dispute register: broken cameras and dark stairwells (some found on
//! patrol), quarrels between dormitories, trouble outside the gate; most rectified in time and
//! confirmed on a later patrol, some late, a few recent ones still open past their due date.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::followups::Done;
use super::text::{Pair, say};
use super::words;
use super::{Event, Sim, Who};
use crate::domain::followup::{FollowupDraft, Kind};
use crate::domain::hazard::{self, HazardDraft, HazardId, HazardKind, HazardStatus};
use crate::domain::incident::PlaceRef;
use crate::domain::patrol::CheckId;
use crate::domain::schedule::RoundKey;
use crate::store::{Refusal, StoreError};

/// A hazard as the demo keeps it, to work it through.
#[derive(Debug, Clone)]
pub struct Case {
    pub version: i64,
    pub due_on: NaiveDate,
    pub rectified: bool,
    owner: Option<crate::domain::staff::StaffId>,
    steps: [String; 2],
    repair: Option<Done>,
}

#[derive(Debug)]
pub struct Plan {
    draft: HazardDraft,
    steps: [String; 2],
}

const REPORTED: Pair = ("已报修", "Repair requested");
const REPAIRED: Pair = ("已修复，复查正常", "Repaired; checked and fine");

impl Sim<'_> {
    pub(super) fn plan_hazards(&mut self, day: NaiveDate) {
        if !self.rng.chance(0.1) {
            return;
        }
        let kinds = HazardKind::ALL;
        let kind = kinds[self
            .rng
            .weighted(&[0.45, 0.2, 0.2, 0.15])
            .unwrap_or(0)
            .min(kinds.len() - 1)];
        let texts = words::hazards(kind);
        let (description, rectifying, rectified) = texts[self.rng.below(texts.len())];
        let place = self.hazard_place(kind);
        let owner = match kind {
            HazardKind::Dispute => self.school.staff.counsellors.first().copied(),
            _ => self.school.staff.safety.first().copied(),
        };
        let draft = HazardDraft {
            kind,
            place,
            description: say(self.lang, description).to_owned(),
            risk: self.risk(),
            owner,
            steps: String::new(),
            from_check: None,
        };
        let steps = [
            say(self.lang, rectifying).to_owned(),
            say(self.lang, rectified).to_owned(),
        ];
        let at = self.tz.at(day, 9, 0, self.rng.range(0, 7 * 3600));
        self.at(at, Event::Hazard(Box::new(Plan { draft, steps })));
    }

    /// A problem with the place itself found on patrol, registered from the check.
    pub(super) fn hazard_from_check(
        &mut self,
        check: CheckId,
        key: &RoundKey,
        at: DateTime<Utc>,
        note: &str,
    ) {
        let draft = HazardDraft {
            kind: HazardKind::Facility,
            place: PlaceRef::Config(key.place.clone()),
            description: note.to_owned(),
            risk: self.risk(),
            owner: self.school.staff.safety.first().copied(),
            steps: String::new(),
            from_check: Some(check),
        };
        let steps = [
            say(self.lang, REPORTED).to_owned(),
            say(self.lang, REPAIRED).to_owned(),
        ];
        let when = self.later(at, 5, 30);
        self.at(when, Event::Hazard(Box::new(Plan { draft, steps })));
    }

    fn risk(&mut self) -> String {
        let cfg = self.cfg;
        let weights: Vec<f64> = (0..cfg.risks.len())
            .map(|i| [0.35, 0.35, 0.2, 0.1].get(i).copied().unwrap_or(0.1))
            .collect();
        self.rng
            .weighted(&weights)
            .and_then(|i| cfg.risks.get(i))
            .map_or_else(|| "medium".to_owned(), |r| r.id.clone())
    }

    /// Where a hazard of this kind is: a patrolled place (so a later patrol can confirm the
    /// repair), a dormitory for disputes, the gate for the surroundings, or a place typed in.
    fn hazard_place(&mut self, kind: HazardKind) -> PlaceRef {
        let cfg = self.cfg;
        let patrolled: Vec<&str> = cfg
            .places
            .iter()
            .map(|p| p.id.as_str())
            .filter(|id| cfg.slots.iter().any(|s| s.places.iter().any(|p| p == id)))
            .collect();
        let want = match kind {
            HazardKind::Dispute => "dorm",
            HazardKind::Surroundings => "gate",
            _ => "",
        };
        let fitting: Vec<&str> = patrolled
            .iter()
            .copied()
            .filter(|id| id.contains(want))
            .collect();
        match self.rng.pick(&fitting) {
            Some(id) if self.rng.chance(0.85) => PlaceRef::Config((*id).to_owned()),
            _ => {
                let typed = say(self.lang, super::text::TYPED_PLACES[self.rng.below(4)]);
                PlaceRef::Text(typed.to_owned())
            }
        }
    }

    pub(super) fn record_hazard(
        &mut self,
        at: DateTime<Utc>,
        plan: Plan,
    ) -> Result<(), StoreError> {
        let Some(actor) = self.actor(Who::Teacher) else {
            return Ok(());
        };
        let days = self.cfg.risk(&plan.draft.risk).map_or(7, |r| r.days);
        let day = self.tz.local(at).date();
        let due_on = hazard::due_on(day, days);
        let id = self.store.create_hazard(&plan.draft, due_on, actor, at)?;
        self.sum.hazards += 1;
        let owner = plan.draft.owner;
        let repair = match (plan.draft.kind, owner) {
            (HazardKind::Facility, Some(owner)) => {
                let draft = FollowupDraft {
                    kind: Kind::Repair,
                    incident: None,
                    hazard: Some(id),
                    student: None,
                    note: say(self.lang, words::followup(Kind::Repair).0).to_owned(),
                    owner,
                    due_at: self.tz.at(due_on, 17, 0, 0),
                };
                let ids = self.add_followups(std::slice::from_ref(&draft), actor, at, false)?;
                ids.first().map(|&id| Done {
                    id,
                    version: 1,
                    owner,
                    kind: Kind::Repair,
                    due: draft.due_at,
                })
            }
            _ => None,
        };
        self.hazard_cases.insert(
            id,
            Case {
                version: 1,
                due_on,
                rectified: false,
                owner,
                steps: plan.steps,
                repair,
            },
        );
        self.plan_rectification(id, at, due_on, days);
        Ok(())
    }

    /// Rectifying soon, rectified before the due date (or some days after it), or, for a few
    /// recent ones, not yet.
    fn plan_rectification(
        &mut self,
        id: HazardId,
        at: DateTime<Utc>,
        due_on: NaiveDate,
        days: u32,
    ) {
        let recent = at > self.now - Duration::days(90);
        let r = self.rng.unit();
        let start = self.office(at + Duration::hours(2));
        let done = if r < 0.72 {
            let whole = i64::from(days) * 86_400;
            Some(at + Duration::seconds(self.rng.part(whole, 300, 900)))
        } else if r < 0.85 || !recent {
            Some(self.tz.at(due_on, 12, 0, 0) + Duration::days(self.rng.range(2, 15)))
        } else {
            None
        };
        if done.is_some() || self.rng.chance(0.6) {
            self.at(start, Event::Advance(id, HazardStatus::Rectifying));
        }
        if let Some(done) = done {
            let done = self.office(done.max(start + Duration::hours(2)));
            self.at(done, Event::Advance(id, HazardStatus::Rectified));
        }
    }

    pub(super) fn advance(
        &mut self,
        at: DateTime<Utc>,
        id: HazardId,
        to: HazardStatus,
    ) -> Result<(), StoreError> {
        let Some(case) = self.hazard_cases.get(&id).cloned() else {
            return Ok(());
        };
        let who = case.owner.map_or(Who::Teacher, Who::Staff);
        let Some(actor) = self.actor(who) else {
            return Ok(());
        };
        let steps = if to == HazardStatus::Rectified {
            &case.steps[1]
        } else {
            &case.steps[0]
        };
        self.store
            .advance_hazard(id, case.version, to, steps, actor, at)?;
        let rectified = to == HazardStatus::Rectified;
        if let Some(c) = self.hazard_cases.get_mut(&id) {
            c.version += 1;
            c.rectified |= rectified;
        }
        if rectified {
            if let Some(done) = case.repair {
                self.complete(at, &done)?;
            }
            // Confirmed on a later patrol: the evening after the after-school rounds, or (for a
            // place outside the patrol plan) by the person on duty the next working day.
            let when = self.tz.at(
                self.tz.local(at).date() + Duration::days(1),
                19,
                20,
                self.rng.range(0, 3600),
            );
            self.at(when, Event::Verify(id, 0));
        }
        Ok(())
    }

    pub(super) fn verify(
        &mut self,
        at: DateTime<Utc>,
        id: HazardId,
        tries: u8,
    ) -> Result<(), StoreError> {
        let Some(version) = self.hazard_cases.get(&id).map(|c| c.version) else {
            return Ok(());
        };
        let Some(actor) = self.actor(Who::Teacher) else {
            return Ok(());
        };
        match self.store.verify_hazard(id, version, actor, at) {
            Ok(()) => {
                if let Some(c) = self.hazard_cases.get_mut(&id) {
                    c.version += 1;
                }
                self.sum.hazards_verified += 1;
            }
            // No patrol of the place yet: try again the next evening, for a week.
            Err(StoreError::Refused(Refusal::NoLaterPatrol)) if tries < 7 => {
                self.at(at + Duration::days(1), Event::Verify(id, tries + 1));
            }
            Err(StoreError::Refused(Refusal::NoLaterPatrol)) => {}
            Err(e) => return Err(e),
        }
        Ok(())
    }
}
