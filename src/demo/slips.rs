//! The demo's report mailbox (举报信箱): slips found when the box is opened after school, each
//! then merged into a new incident, added to one already recorded, closed as unfounded after a
//! look, or (recent ones) still waiting.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::calendar;
use super::text::say;
use super::words;
use super::{Event, Sim, Who};
use crate::domain::incident::{IncidentDraft, PlaceRef, Source};
use crate::domain::slip::{SlipDraft, SlipId};
use crate::store::{MergeInto, StoreError};

/// The category and place each slip text is about.
const ABOUT: [(&str, &str); 5] = [
    ("extortion", "toilets"),
    ("verbal", ""),
    ("relational", "dorm_boys"),
    ("intrusion", "gate"),
    ("cyber", ""),
];

impl Sim<'_> {
    pub(super) fn plan_slips(&mut self, day: NaiveDate) {
        if calendar::is_school_day(day) && self.rng.chance(0.1) {
            let at = self.tz.at(day, 16, 30, self.rng.range(0, 2400));
            let text = self.rng.below(words::SLIPS.len());
            self.at(at, Event::Slip(text));
        }
    }

    pub(super) fn slip(&mut self, at: DateTime<Utc>, text: usize) -> Result<(), StoreError> {
        let Some(actor) = self.actor(Who::Teacher) else {
            return Ok(());
        };
        let draft = SlipDraft {
            received_on: self.tz.local(at).date(),
            text: say(self.lang, words::SLIPS[text]).to_owned(),
        };
        let id = self.store.create_slip(&draft, actor, at)?;
        self.sum.slips += 1;
        let recent = at > self.now - Duration::days(30);
        // Recent slips are sometimes still being looked into.
        if !(recent && self.rng.chance(0.3)) {
            let wait = Duration::days(self.rng.range(1, 4));
            let when = self.office(at + wait);
            self.at(when, Event::Resolve(id, text));
        }
        Ok(())
    }

    /// Verifies a slip: a new incident (35%), an incident already recorded (15%), or unfounded.
    pub(super) fn resolve(
        &mut self,
        at: DateTime<Utc>,
        id: SlipId,
        text: usize,
    ) -> Result<(), StoreError> {
        let r = self.rng.unit();
        let existing = self
            .cases
            .iter()
            .rev()
            .find(|(_, c)| !c.voided)
            .map(|(id, _)| *id);
        let Some(actor) = self.actor(Who::Leader) else {
            return Ok(());
        };
        let today = self.tz.local(at).date();
        if r < 0.35 {
            let Some(draft) = self.slip_incident(at, text) else {
                return Ok(());
            };
            let into = MergeInto::New(Box::new(draft.clone()));
            let incident = self.store.merge_slip(id, 1, &into, actor, at, today)?;
            self.sum.incidents += 1;
            self.sum.incident_students += draft.students.len();
            let case = super::cases::Case {
                draft: draft.clone(),
                version: 1,
                voided: false,
            };
            self.cases.insert(incident, case);
            return self.after_incident(incident, &draft, at, actor);
        }
        if let (true, Some(incident)) = (r < 0.5, existing) {
            self.store
                .merge_slip(id, 1, &MergeInto::Existing(incident), actor, at, today)?;
            return Ok(());
        }
        let note = say(
            self.lang,
            words::UNFOUNDED[self.rng.below(words::UNFOUNDED.len())],
        );
        self.store.close_slip_unfounded(id, 1, note, actor, at)
    }

    /// The incident a slip turns out to be about: it happened a few days before the slip.
    fn slip_incident(&mut self, at: DateTime<Utc>, text: usize) -> Option<IncidentDraft> {
        let (category, place) = ABOUT[text.min(ABOUT.len() - 1)];
        let day = self.tz.local(at).date() - Duration::days(self.rng.range(2, 6));
        let when = self.tz.at(day, 12, 10, self.rng.range(0, 6000));
        let place = if self.cfg.place(place).is_some() {
            PlaceRef::Config(place.to_owned())
        } else {
            self.place_for(2)
        };
        let category = if self.cfg.categories.iter().any(|c| c.id == category) {
            category.to_owned()
        } else {
            self.category()
        };
        let mut draft = self.draft_with(day, when, place, Source::Mailbox, None, category)?;
        draft.narrative = format!("{} {}", say(self.lang, words::SLIPS[text]), draft.narrative);
        Some(draft)
    }
}
