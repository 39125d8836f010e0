//! The demo's early leaves: students collected before the end of the day with the class
//! teacher's slip, by a parent or grandparent, some back the same day.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::gate::surname_of;
use super::gate_words as words;
use super::names;
use super::text::say;
use super::{Event, Sim, Who};
use crate::domain::gate::{EarlyLeaveDraft, EarlyLeaveId};
use crate::store::StoreError;

#[derive(Debug)]
pub struct LeavePlan {
    draft: EarlyLeaveDraft,
    back_after: Option<i64>,
}

impl Sim<'_> {
    /// A student collected early with the class teacher's slip; some come back the same day.
    pub(super) fn plan_leave(&mut self, day: NaiveDate) {
        let p = if self.rng.chance(0.2) {
            self.rng.pick(&self.school.sickly).copied()
        } else {
            let classes = self.school.classes_on(day);
            let class = self.rng.pick(&classes).copied().unwrap_or(0);
            self.rng.pick(&self.school.classes[class].members).copied()
        };
        let Some(p) = p else { return };
        let at = self.tz.at(day, 8, 30, self.rng.range(0, 450 * 60));
        let relation = words::RELATIONS[self.rng.below(words::RELATIONS.len())];
        let male = matches!(relation.1, "father" | "grandfather" | "uncle");
        let pupil = &self.school.pupils[p];
        let collector = format!(
            "{}{}",
            surname_of(&pupil.name),
            names::given(&mut self.rng, male)
        );
        let draft = EarlyLeaveDraft {
            student: pupil.id,
            approved_by: self.school.class_teacher(p),
            slip_seen: self.rng.chance(0.97),
            teacher_confirmed: self.rng.chance(0.92),
            collected_by: collector,
            relation: say(self.lang, relation).to_owned(),
            phone: names::mobile(&mut self.rng),
            time_out: at,
            note: say(
                self.lang,
                words::LEAVE_NOTES[self.rng.below(words::LEAVE_NOTES.len())],
            )
            .to_owned(),
        };
        let back_after = self.rng.chance(0.3).then(|| self.rng.range(90, 180));
        self.at(at, Event::Leave(Box::new(LeavePlan { draft, back_after })));
    }

    pub(super) fn leave(&mut self, at: DateTime<Utc>, plan: &LeavePlan) -> Result<(), StoreError> {
        let Some(actor) = self.actor(Who::Guard) else {
            return Ok(());
        };
        let id: EarlyLeaveId = self.store.add_early_leave(&plan.draft, actor)?;
        self.sum.early_leaves += 1;
        if let Some(minutes) = plan.back_after {
            self.at(at + Duration::minutes(minutes), Event::Back(id));
        }
        Ok(())
    }

    pub(super) fn back(&mut self, at: DateTime<Utc>, id: EarlyLeaveId) -> Result<(), StoreError> {
        self.store.early_leave_back(id, 1, at)
    }
}
