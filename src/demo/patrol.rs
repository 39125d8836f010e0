//! The demo's patrol rounds: every round of the config's slots checked in its window, most with
//! every item fine, a few late or partial with a written reason, a few missed with one, and a few
//! finding a problem (some of which become an incident or a hazard, linked to the check).

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::patrol_words as text;
use super::shifts::is_night;
use super::text::say;
use super::{Event, Sim, Who};
use crate::domain::patrol::{CheckDraft, CheckId, ExceptionDraft, ItemAnswer, ItemResult};
use crate::domain::schedule::{RoundKey, Window, windows};
use crate::store::StoreError;

/// What a problem found on patrol leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    Nothing,
    /// An incident of this category.
    Incident(&'static str),
    Hazard,
}

#[derive(Debug)]
pub struct CheckPlan {
    key: RoundKey,
    who: Who,
    items: Vec<ItemAnswer>,
    note: String,
    then: Then,
}

#[derive(Debug)]
pub struct ReasonPlan {
    key: RoundKey,
    who: Who,
    reason: String,
}

/// How a round goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Fine,
    Problem,
    Partial,
    Late,
    Missed,
}

/// Checklist items about the place rather than the students (by the English wording of the
/// defaults; a school's own items without these words are all treated as behaviour).
fn is_facility(en: &str) -> bool {
    let en = en.to_lowercase();
    text::FACILITY
        .iter()
        .any(|f| f.words.iter().any(|w| en.contains(w)))
}

impl Sim<'_> {
    pub(super) fn plan_rounds(&mut self, day: NaiveDate) {
        let Some(closes) = self.duty.as_ref().map(|d| d.closes) else {
            return;
        };
        let cfg = self.cfg;
        for slot in &cfg.slots {
            let who = if is_night(slot) {
                Who::Night
            } else {
                Who::Teacher
            };
            for window in windows(slot, day) {
                let n = slot.places.len().max(1);
                for (i, place) in slot.places.iter().enumerate() {
                    let key = RoundKey {
                        day,
                        slot: slot.id.clone(),
                        rep: window.rep,
                        place: place.clone(),
                    };
                    self.plan_round(key, who, &window, (i, n), closes);
                }
            }
        }
    }

    fn outcome(&mut self, who: Who) -> Outcome {
        let missed = if who == Who::Night { 0.02 } else { 0.01 };
        let r = self.rng.unit();
        let odds = [
            (missed, Outcome::Missed),
            (0.02, Outcome::Late),
            (0.012, Outcome::Partial),
            (0.02, Outcome::Problem),
        ];
        let mut edge = 0.0;
        for (p, o) in odds {
            edge += p;
            if r < edge {
                return o;
            }
        }
        Outcome::Fine
    }

    /// One round: when it is checked (the places of a slot one after another), how it goes, and
    /// the reason written for it if it went wrong.
    fn plan_round(
        &mut self,
        key: RoundKey,
        who: Who,
        w: &Window,
        (i, n): (usize, usize),
        closes: DateTime<Utc>,
    ) {
        let span = (w.end - w.start).num_seconds();
        // The places of a slot are patrolled one after another through the window.
        let (i, n) = (
            i64::try_from(i).unwrap_or(0),
            i64::try_from(n).unwrap_or(1).max(1),
        );
        let permille = (50 + 800 * (i * 1000 + self.rng.range(0, 999)) / (n * 1000)).min(950);
        let in_window = self.tz.utc(w.start) + Duration::seconds(span * permille / 1000);
        let end = self.tz.utc(w.end);
        let latest = closes - Duration::minutes(3);
        let outcome = self.outcome(who);
        let (check_at, reason) = match outcome {
            Outcome::Fine | Outcome::Problem => (Some(in_window), None),
            Outcome::Partial => (Some(in_window), Some(text::PARTIAL.as_slice())),
            Outcome::Late => (
                Some(self.later(end, 16, 80).min(latest)),
                Some(text::LATE.as_slice()),
            ),
            Outcome::Missed => (None, Some(text::MISSED.as_slice())),
        };
        if let Some(at) = check_at {
            let plan = self.check_plan(&key, who, outcome);
            self.at(at, Event::Check(Box::new(plan)));
        }
        // A few exceptions are left without their reason, as on a busy day.
        if let Some(reasons) = reason.filter(|_| self.rng.chance(0.95)) {
            let after = check_at.unwrap_or(end).max(end);
            // Written after the check it explains, before the shift closes.
            let at = self
                .later(after, 5, 40)
                .min(latest - Duration::minutes(1))
                .max(check_at.unwrap_or(end) + Duration::minutes(1));
            let reason = say(
                self.lang,
                *self.rng.pick(reasons).unwrap_or(&text::MISSED[0]),
            )
            .to_owned();
            let plan = ReasonPlan { key, who, reason };
            self.at(at, Event::Reason(Box::new(plan)));
        }
    }

    fn check_plan(&mut self, key: &RoundKey, who: Who, outcome: Outcome) -> CheckPlan {
        let cfg = self.cfg;
        let labels = cfg
            .place(&key.place)
            .map(|p| p.checklist.as_slice())
            .unwrap_or_default();
        let mut items: Vec<ItemAnswer> = labels
            .iter()
            .map(|l| ItemAnswer {
                text: l.get(self.lang).to_owned(),
                result: ItemResult::Ok,
                note: String::new(),
            })
            .collect();
        let (mut note, mut then) = (String::new(), Then::Nothing);
        match outcome {
            Outcome::Partial => {
                let unset = 1 + self.rng.below(2.min(items.len().saturating_sub(1)).max(1));
                let len = items.len();
                for item in items.iter_mut().skip(len.saturating_sub(unset)) {
                    item.result = ItemResult::Unset;
                }
            }
            Outcome::Problem if !items.is_empty() => {
                let facility: Vec<usize> = (0..labels.len())
                    .filter(|i| is_facility(&labels[*i].en))
                    .collect();
                let behaviour: Vec<usize> = (0..labels.len())
                    .filter(|i| !facility.contains(i))
                    .collect();
                let on_place =
                    !facility.is_empty() && (behaviour.is_empty() || self.rng.chance(0.4));
                let (pool, kinds): (&[usize], &[text::Finding]) = if on_place {
                    (&facility, &text::FACILITY)
                } else {
                    (&behaviour, &text::BEHAVIOUR)
                };
                let i = self.rng.pick(pool).copied().unwrap_or(0);
                let fitting = text::findings_for(kinds, &labels[i].en);
                // `findings_for` never gives an empty list for these non-empty tables.
                let found = self.rng.pick(&fitting).copied().unwrap_or(&kinds[0]);
                let words = say(self.lang, found.note).to_owned();
                items[i].result = ItemResult::Problem;
                items[i].note.clone_from(&words);
                note = words;
                let known = cfg.categories.iter().any(|c| c.id == found.category);
                then = match (on_place, self.rng.unit()) {
                    (true, r) if r < 0.45 => Then::Hazard,
                    (false, r) if r < 0.4 && known => Then::Incident(found.category),
                    _ => Then::Nothing,
                };
            }
            _ => {}
        }
        CheckPlan {
            key: key.clone(),
            who,
            items,
            note,
            then,
        }
    }

    pub(super) fn check(&mut self, at: DateTime<Utc>, plan: CheckPlan) -> Result<(), StoreError> {
        let Some(actor) = self.actor(plan.who) else {
            return Ok(());
        };
        let draft = CheckDraft {
            round: plan.key,
            items: plan.items,
            note: plan.note,
            replaces: None,
        };
        let id: CheckId = self.store.save_check(&draft, actor, at)?;
        self.sum.checks += 1;
        if draft.items.iter().any(|i| i.result == ItemResult::Problem) {
            self.sum.problems_found += 1;
        }
        match plan.then {
            Then::Nothing => {}
            Then::Incident(category) => {
                self.incident_from_check(id, &draft.round, at, &draft.note, category);
            }
            Then::Hazard => self.hazard_from_check(id, &draft.round, at, &draft.note),
        }
        Ok(())
    }

    pub(super) fn reason(
        &mut self,
        at: DateTime<Utc>,
        plan: &ReasonPlan,
    ) -> Result<(), StoreError> {
        let Some(actor) = self.actor(plan.who) else {
            return Ok(());
        };
        let draft = ExceptionDraft {
            round: plan.key.clone(),
            reason: plan.reason.clone(),
        };
        self.store.save_exception(&draft, actor, at)?;
        self.sum.round_reasons += 1;
        Ok(())
    }
}
