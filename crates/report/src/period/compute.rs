//! The figures of a period's report, each from the gathered records alone: rates, outcomes,
//! counts by category, measure and place, and the students in several incidents.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Utc};

use super::{FollowupCounts, HazardCounts, PeriodReport, RepeatStudent, RoundCounts};
use crate::Ctx;
use domain::followup::FollowupStatus;
use domain::gate::VisitStatus;
use domain::patrol::RoundState;
use domain::schedule;

impl RoundCounts {
    pub(super) fn add(&mut self, state: RoundState) {
        match state {
            RoundState::Done => self.done += 1,
            RoundState::Late => self.late += 1,
            RoundState::Partial => self.partial += 1,
            RoundState::Missed => self.missed += 1,
            RoundState::Upcoming | RoundState::Due | RoundState::Untracked => return,
        }
        self.due += 1;
    }

    /// Rounds made (in time or late) per hundred due, one decimal; `None` with none due.
    pub fn rate(&self) -> Option<f64> {
        (self.due > 0).then(|| percent(self.done + self.late, self.due))
    }
}

impl FollowupCounts {
    /// Follow-ups done in time per hundred due and not cancelled (those not yet due left out),
    /// one decimal; `None` with none.
    pub fn on_time_rate(&self) -> Option<f64> {
        let due = self.on_time + self.late + self.overdue;
        (due > 0).then(|| percent(self.on_time, due))
    }
}

impl HazardCounts {
    /// Hazards rectified in time per hundred due (those still within their time left out), one
    /// decimal; `None` with none.
    pub fn on_time_rate(&self) -> Option<f64> {
        let due = self.on_time + self.late + self.overdue;
        (due > 0).then(|| percent(self.on_time, due))
    }
}

fn percent(part: u64, whole: u64) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    let rate = part as f64 * 100.0 / whole as f64;
    (rate * 10.0).round() / 10.0
}

impl PeriodReport {
    pub fn followup_counts(&self) -> FollowupCounts {
        let mut c = FollowupCounts::default();
        for f in &self.followups {
            match (f.status, f.done_at) {
                (FollowupStatus::Done, Some(done)) if done <= f.due_at => c.on_time += 1,
                (FollowupStatus::Done, _) => c.late += 1,
                (FollowupStatus::Cancelled, _) => c.cancelled += 1,
                (FollowupStatus::Open, _) if f.due_at < self.now => c.overdue += 1,
                (FollowupStatus::Open, _) => c.not_yet_due += 1,
            }
        }
        c
    }

    pub fn hazard_counts(&self, offset: FixedOffset) -> HazardCounts {
        let today = self.now.with_timezone(&offset).date_naive();
        let mut c = HazardCounts::default();
        for h in &self.hazards {
            match h.rectified_at {
                Some(t) if t.with_timezone(&offset).date_naive() <= h.due_on => c.on_time += 1,
                Some(_) => c.late += 1,
                None if h.due_on < today => c.overdue += 1,
                None => c.within_time += 1,
            }
        }
        c
    }

    /// Incidents per category id, most first (ties in config order).
    pub fn by_category(&self, ctx: &Ctx<'_>) -> Vec<(String, u64)> {
        let mut counts: Vec<(String, u64)> = ctx
            .cfg
            .categories
            .iter()
            .map(|c| (c.id.clone(), 0))
            .collect();
        for i in &self.incidents {
            match counts.iter_mut().find(|(id, _)| *id == i.category) {
                Some((_, n)) => *n += 1,
                None => counts.push((i.category.clone(), 1)),
            }
        }
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counts
    }

    /// Students in at least `n` incidents, most first: id order breaks ties.
    pub fn repeat_students(&self, n: u32) -> Vec<RepeatStudent> {
        let mut by: BTreeMap<i64, RepeatStudent> = BTreeMap::new();
        for i in &self.incidents {
            // A student twice on one incident is one incident.
            let mut seen = Vec::new();
            for s in &i.students {
                let entry = by.entry(s.id.0).or_insert_with(|| RepeatStudent {
                    name: s.name.clone(),
                    class_name: s.class_name.clone(),
                    incidents: 0,
                    roles: Vec::new(),
                });
                if !seen.contains(&s.id) {
                    entry.incidents += 1;
                    seen.push(s.id);
                }
                match entry.roles.iter_mut().find(|(r, _)| *r == s.role) {
                    Some((_, k)) => *k += 1,
                    None => entry.roles.push((s.role, 1)),
                }
            }
        }
        let mut list: Vec<RepeatStudent> = by
            .into_values()
            .filter(|r| r.incidents >= u64::from(n))
            .collect();
        list.sort_by_key(|r| std::cmp::Reverse(r.incidents));
        list
    }

    /// Shifts whose leader signed off.
    pub fn signed_off(&self) -> usize {
        self.shifts
            .iter()
            .filter(|x| x.signed_off.is_some())
            .count()
    }

    /// Visitors turned away at the gate.
    pub fn refused(&self) -> usize {
        self.visits
            .iter()
            .filter(|v| v.status == VisitStatus::Refused)
            .count()
    }

    /// Students given each measure, by measure id in config order (then any the config no
    /// longer has), zeros included.
    pub fn measure_counts(&self, ctx: &Ctx<'_>) -> Vec<(String, u64)> {
        let mut list: Vec<(String, u64)> =
            ctx.cfg.measures.iter().map(|m| (m.id.clone(), 0)).collect();
        for i in &self.incidents {
            for st in &i.students {
                for m in &st.measures {
                    match list.iter_mut().find(|(id, _)| id == m) {
                        Some((_, n)) => *n += 1,
                        None => list.push((m.clone(), 1)),
                    }
                }
            }
        }
        list
    }

    /// Incidents by place (most first; ties in the order first met) and by the slot whose hours
    /// they happened in: a count per slot, one for other times, then the place's total.
    pub fn place_slot_counts(&self, ctx: &Ctx<'_>) -> Vec<(String, Vec<u64>)> {
        let slots = &ctx.cfg.slots;
        let slot_of = |t: DateTime<Utc>| -> usize {
            schedule::slot_at(slots, t.with_timezone(&ctx.offset).time()).unwrap_or(slots.len())
        };
        let mut rows: Vec<(String, Vec<u64>)> = Vec::new();
        for i in &self.incidents {
            let place = ctx.place(&i.place);
            let at = if let Some(at) = rows.iter().position(|(p, _)| *p == place) {
                at
            } else {
                rows.push((place, vec![0; slots.len() + 2]));
                rows.len() - 1
            };
            rows[at].1[slot_of(i.occurred_at)] += 1;
            rows[at].1[slots.len() + 1] += 1;
        }
        rows.sort_by_key(|(_, c)| std::cmp::Reverse(c.last().copied().unwrap_or(0)));
        rows
    }
}
