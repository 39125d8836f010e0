//! The demo school (`dutydesk demo`): a made-up but realistic school written into an empty
//! database through the same store API the screens use, one simulated day at a time, so every
//! record looks as if it had been made at its time. The same seed and the same "now" give the
//! same database.
//!
//! The simulation is one agenda of timed events (a shift opening, a round checked, an incident
//! entered, a follow-up done three days later…) run in time order up to now: writes that need
//! an open shift find one, and follow-ups done later are done by that later day's shift.

mod calendar;
mod cases;
mod followups;
mod gate;
mod gate_words;
mod hazards;
mod incidents;
mod leaves;
mod names;
mod odds;
mod patrol;
mod patrol_words;
mod rng;
mod school;
mod shifts;
mod slips;
mod text;
mod visits;
mod words;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};

use crate::config::Config;
use crate::domain::followup::FollowupId;
use crate::domain::hazard::HazardId;
use crate::domain::incident::IncidentId;
use crate::domain::shift::ShiftId;
use crate::domain::staff::StaffId;
use crate::i18n::Lang;
use crate::store::{Actor, Store, StoreError};

use calendar::Tz;
use rng::Rng;
use school::School;

/// What the demo wrote, for the summary at the end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub students: usize,
    pub classes: usize,
    pub staff: usize,
    pub shifts: usize,
    pub checks: usize,
    pub round_reasons: usize,
    pub problems_found: usize,
    pub incidents: usize,
    pub incident_students: usize,
    pub corrected: usize,
    pub voided: usize,
    pub followups: usize,
    pub followups_done: usize,
    pub followups_overdue: usize,
    pub hazards: usize,
    pub hazards_verified: usize,
    pub hazards_overdue: usize,
    pub slips: usize,
    pub visitors: usize,
    pub visits: usize,
    pub refused: usize,
    pub admitted_despite: usize,
    pub left_unsigned: usize,
    pub early_leaves: usize,
    pub watch: usize,
    /// Events that found no shift open (none, unless the schedule has a gap): not shown.
    pub skipped: usize,
}

impl Summary {
    pub const LEN: usize = 25;

    /// The counts in the order of `Strings::demo_counts`.
    pub fn values(&self) -> [usize; Summary::LEN] {
        [
            self.students,
            self.classes,
            self.staff,
            self.shifts,
            self.checks,
            self.round_reasons,
            self.problems_found,
            self.incidents,
            self.incident_students,
            self.corrected,
            self.voided,
            self.followups,
            self.followups_done,
            self.followups_overdue,
            self.hazards,
            self.hazards_verified,
            self.hazards_overdue,
            self.slips,
            self.visitors,
            self.visits,
            self.refused,
            self.admitted_despite,
            self.left_unsigned,
            self.early_leaves,
            self.watch,
        ]
    }
}

/// Who on the open shift makes a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Teacher,
    Leader,
    Guard,
    Night,
    Staff(StaffId),
}

/// Something that happens at a moment.
#[derive(Debug)]
enum Event {
    OpenShift(NaiveDate),
    CloseShift,
    Check(Box<patrol::CheckPlan>),
    Reason(Box<patrol::ReasonPlan>),
    Incident(Box<incidents::Plan>),
    Conclude(IncidentId),
    Fix(IncidentId),
    Void { id: IncidentId, of: IncidentId },
    Complete(followups::Done),
    Reschedule(followups::Done, DateTime<Utc>),
    Attention(Box<crate::domain::followup::FollowupDraft>),
    Hazard(Box<hazards::Plan>),
    Advance(HazardId, crate::domain::hazard::HazardStatus),
    Verify(HazardId, u8),
    Slip(usize),
    Resolve(crate::domain::slip::SlipId, usize),
    Watch,
    Visit(visits::VisitPlan),
    SignOut(crate::domain::gate::VisitId, bool),
    Leave(Box<leaves::LeavePlan>),
    Back(crate::domain::gate::EarlyLeaveId),
}

/// The shift open now and its team.
#[derive(Debug, Clone)]
struct Duty {
    id: ShiftId,
    version: i64,
    teacher: StaffId,
    leader: StaffId,
    guards: [StaffId; 2],
    night: Option<StaffId>,
    /// When it will be closed: late reasons are written before then.
    closes: DateTime<Utc>,
}

/// The running simulation.
struct Sim<'a> {
    store: &'a mut Store,
    cfg: &'a Config,
    lang: Lang,
    tz: Tz,
    now: DateTime<Utc>,
    first: NaiveDate,
    today: NaiveDate,
    days: u32,
    rng: Rng,
    school: School,
    agenda: BTreeMap<(DateTime<Utc>, u64), Event>,
    seq: u64,
    duty: Option<Duty>,
    cases: BTreeMap<IncidentId, cases::Case>,
    open_followups: BTreeMap<FollowupId, DateTime<Utc>>,
    fates: u64,
    hazard_cases: BTreeMap<HazardId, hazards::Case>,
    gate: gate::Gate,
    sum: Summary,
    progress: &'a mut dyn FnMut(u32, u32),
}

/// Fills `store` (which must hold no records) with `days` days of a school ending at `now`,
/// calling `progress(day, days)` as each day starts.
pub fn generate(
    store: &mut Store,
    cfg: &Config,
    lang: Lang,
    now: DateTime<FixedOffset>,
    days: u32,
    seed: u64,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<Summary, StoreError> {
    let days = days.max(1);
    let tz = Tz(*now.offset());
    let today = now.date_naive();
    let first = today - Duration::days(i64::from(days) - 1);
    let mut rng = Rng::new(seed);
    store.set_tracked_from(first)?;
    let made = tz.at(first, 6, 30, 0).min(now.with_timezone(&Utc));
    let school = School::build(store, &mut rng.fork(1), lang, today, made)?;
    let gate = gate::Gate::new(
        &mut rng.fork(2),
        &school,
        lang,
        first,
        today,
        cfg.gate.store_full_id,
    );
    let mut sim = Sim {
        store,
        cfg,
        lang,
        tz,
        now: now.with_timezone(&Utc),
        first,
        today,
        days,
        rng: rng.fork(3),
        school,
        agenda: BTreeMap::new(),
        seq: 0,
        duty: None,
        cases: BTreeMap::new(),
        open_followups: BTreeMap::new(),
        fates: 0,
        hazard_cases: BTreeMap::new(),
        gate,
        sum: Summary::default(),
        progress,
    };
    sim.sum.students = sim.school.pupils.len();
    sim.sum.classes = sim.school.classes.len();
    sim.sum.staff = sim.school.staff.count;
    sim.run()?;
    Ok(sim.finish())
}

impl Sim<'_> {
    /// Puts `event` on the agenda at `at`; what would happen after now never happens.
    fn at(&mut self, at: DateTime<Utc>, event: Event) {
        if at <= self.now {
            self.seq += 1;
            self.agenda.insert((at, self.seq), event);
        }
    }

    fn run(&mut self) -> Result<(), StoreError> {
        let open = self.shift_opens(self.first);
        self.at(open, Event::OpenShift(self.first));
        self.at(open + Duration::minutes(80), Event::Watch);
        while let Some(((at, _), event)) = self.agenda.pop_first() {
            self.execute(at, event)?;
        }
        Ok(())
    }

    fn execute(&mut self, at: DateTime<Utc>, event: Event) -> Result<(), StoreError> {
        match event {
            Event::OpenShift(day) => self.open_shift(day, at),
            Event::CloseShift => self.close_shift(at),
            Event::Check(plan) => self.check(at, *plan),
            Event::Reason(plan) => self.reason(at, &plan),
            Event::Incident(plan) => self.record_incident(at, *plan),
            Event::Conclude(id) => self.conclude(at, id),
            Event::Fix(id) => self.fix(at, id),
            Event::Void { id, of } => self.void(at, id, of),
            Event::Complete(done) => self.complete(at, &done),
            Event::Reschedule(done, due) => self.reschedule(at, &done, due),
            Event::Attention(draft) => self.attention(at, *draft),
            Event::Hazard(plan) => self.record_hazard(at, *plan),
            Event::Advance(id, to) => self.advance(at, id, to),
            Event::Verify(id, tries) => self.verify(at, id, tries),
            Event::Slip(text) => self.slip(at, text),
            Event::Resolve(id, text) => self.resolve(at, id, text),
            Event::Watch => self.watchlist(at),
            Event::Visit(plan) => self.visit(at, &plan),
            Event::SignOut(id, unsigned) => self.sign_out(at, id, unsigned),
            Event::Leave(plan) => self.leave(at, &plan),
            Event::Back(id) => self.back(at, id),
        }
    }

    /// The person `who` on the open shift, acting for it; none between shifts.
    fn actor(&mut self, who: Who) -> Option<Actor> {
        let Some(duty) = &self.duty else {
            self.sum.skipped += 1;
            return None;
        };
        let staff = match who {
            Who::Teacher => duty.teacher,
            Who::Leader => duty.leader,
            Who::Guard => duty.guards[self.rng.below(2)],
            Who::Night => duty.night.unwrap_or(duty.teacher),
            Who::Staff(id) => id,
        };
        Some(Actor {
            shift: duty.id,
            staff,
        })
    }

    /// A random moment `lo..=hi` minutes after `t`.
    fn later(&mut self, t: DateTime<Utc>, lo: i64, hi: i64) -> DateTime<Utc> {
        t + Duration::seconds(self.rng.range(lo * 60, hi * 60))
    }

    /// A random moment of office hours at or after `t`.
    fn office(&mut self, t: DateTime<Utc>) -> DateTime<Utc> {
        let minute = self.rng.range(0, 540);
        self.tz.office(t, minute)
    }

    /// Counts what is still overdue now.
    fn finish(mut self) -> Summary {
        let now = self.now;
        self.sum.followups_overdue = self.open_followups.values().filter(|d| **d < now).count();
        let today = self.today;
        self.sum.hazards_overdue = self
            .hazard_cases
            .values()
            .filter(|h| !h.rectified && h.due_on < today)
            .count();
        self.sum.visitors = self.gate.visitors();
        self.sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A month of demo through the library: every event found its shift open, and the summary
    /// counts what the store holds.
    #[test]
    fn every_event_finds_a_shift_and_the_summary_counts_the_records() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let now = DateTime::parse_from_rfc3339("2026-09-30T15:00:00+08:00").expect("now");
        let path = dir.path().join("demo.db");
        let mut store = Store::open(&path, now.date_naive()).expect("open");
        let cfg = crate::config::load(None).expect("defaults");
        let mut days_seen = Vec::new();
        let mut progress = |day, _| days_seen.push(day);
        let sum = generate(&mut store, &cfg, Lang::Zh, now, 45, 5, &mut progress).expect("demo");
        assert_eq!(sum.skipped, 0);
        assert_eq!(days_seen, (1..=45).collect::<Vec<u32>>());
        assert_eq!(sum.shifts, 45);
        assert!(store.has_records().expect("records"));
        let open = store
            .open_shift()
            .expect("open shift")
            .expect("today's shift is open");
        assert_eq!(open.day, now.date_naive());
        let filter = crate::domain::incident::IncidentFilter {
            include_voided: true,
            ..Default::default()
        };
        let incidents = store.incidents(&filter, 100_000).expect("incidents");
        assert_eq!(incidents.len(), sum.incidents);
        assert_eq!(incidents.iter().filter(|i| i.voided).count(), sum.voided);
        let followups = store
            .followups(&crate::store::FollowupQuery::default(), 100_000)
            .expect("follow-ups");
        assert_eq!(followups.len(), sum.followups);
        let overdue = followups
            .iter()
            .filter(|f| f.is_overdue(now.with_timezone(&Utc)))
            .count();
        assert_eq!(overdue, sum.followups_overdue);
        assert_eq!(
            store.hazards(false, 100_000).expect("hazards").len(),
            sum.hazards
        );
        assert_eq!(store.slips(false, 100_000).expect("slips").len(), sum.slips);
        assert_eq!(
            store.visitors(100_000).expect("visitors").len(),
            sum.visitors
        );
        assert_eq!(store.students().expect("students").len(), sum.students);
        assert_eq!(store.staff().expect("staff").len(), sum.staff);
    }
}
