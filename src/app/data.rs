//! What the screens read, loaded from the store in one place after every action and every
//! minute: the open shift, the staff list, today's rounds and the rounds open now.

use chrono::{Duration, NaiveDate};

use crate::domain::clock::LocalTime;

use crate::config::Config;
use crate::domain::followup::Followup;
use crate::domain::gate::{Visit, Visitor};
use crate::domain::hazard::Hazard;
use crate::domain::incident::IncidentRow;
use crate::domain::people::Student;
use crate::domain::rounds::{self, RoundView, Tally};
use crate::domain::shift::{DutyRole, Shift};
use crate::domain::staff::{Staff, StaffId};
use crate::store::{FollowupQuery, Store, StoreError};

/// How many days back the Now screen looks for rounds still waiting for a reason.
const EXCEPTION_DAYS: i64 = 7;

#[derive(Debug, Clone, Default)]
pub struct Data {
    pub shift: Option<Shift>,
    /// The person at this terminal; records made here name them.
    pub operator: Option<StaffId>,
    pub staff: Vec<Staff>,
    /// Students on the special-attention register: loaded only for the roles that keep it.
    pub attention: Vec<crate::domain::people::StudentId>,
    /// Whether the person here signed in with a PIN (then only a new sign-in changes who
    /// records name).
    pub signed_in: bool,
    /// Whether the person here may open the register (its key is shown only then).
    pub attention_visible: bool,
    /// Whether whole ID numbers are kept and the person here may see one (with a reason).
    pub reveal_allowed: bool,
    /// Who can sign in, with their roles (the PIN hashes are not kept here).
    pub accounts: Vec<crate::domain::access::Account>,
    /// Every student, for type-ahead; reloaded only when the list changed.
    pub students: Vec<Student>,
    /// What the student list looked like when loaded (count, last update).
    pub students_stamp: Option<(i64, String)>,
    pub recent_shifts: Vec<Shift>,
    /// Rounds whose window is open now, today's and last night's.
    pub active: Vec<RoundView>,
    pub today_tally: Tally,
    /// Missed or partial rounds of the last days with no written reason.
    pub open_exceptions: usize,
    /// The days those rounds are on, most recent first.
    pub exception_days: Vec<NaiveDate>,
    pub tracked_from: Option<NaiveDate>,
    /// Open follow-ups, by due time.
    pub open_followups: Vec<Followup>,
    /// Open and investigating incidents, oldest first.
    pub open_incidents: Vec<IncidentRow>,
    /// Hazards not yet rectified, by due date.
    pub pending_hazards: Vec<Hazard>,
    pub unverified_slips: usize,
    /// Earlier visitors, most recent first, for type-ahead at the gate.
    pub visitors: Vec<Visitor>,
    /// Who is on campus now, longest inside first.
    pub on_campus: Vec<Visit>,
}

impl Data {
    /// The operator's name, from the shift roster.
    pub fn operator_name(&self) -> Option<&str> {
        let shift = self.shift.as_ref()?;
        let id = self.operator?;
        shift
            .members
            .iter()
            .find(|m| m.staff == id)
            .map(|m| m.name.as_str())
            .or_else(|| {
                self.staff
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| s.name.as_str())
            })
    }

    /// Reloads everything; keeps the operator if they are still on the shift, else the duty teacher.
    pub fn load_as(
        &mut self,
        store: &Store,
        cfg: &Config,
        now: LocalTime,
        prefer: DutyRole,
    ) -> Result<(), StoreError> {
        if self.operator.is_none()
            && let Some(shift) = store.open_shift()?
        {
            self.operator = shift.with_role(prefer).next().map(|m| m.staff);
        }
        self.load(store, cfg, now)
    }

    pub fn load(&mut self, store: &Store, cfg: &Config, now: LocalTime) -> Result<(), StoreError> {
        let tracked_from = store.tracked_from()?.unwrap_or(now.date_naive());
        let shift = store.open_shift()?;
        let operator = shift.as_ref().and_then(|s| {
            self.operator
                .filter(|op| s.members.iter().any(|m| m.staff == *op))
                .or_else(|| s.duty_teacher().map(|m| m.staff))
                .or_else(|| s.members.first().map(|m| m.staff))
        });
        self.load_rounds(store, cfg, now, tracked_from)?;
        self.shift = shift;
        self.operator = operator;
        self.staff = store.staff()?;
        self.accounts = store.accounts()?;
        self.recent_shifts = store.recent_shifts(8)?;
        let stamp = store.students_stamp()?;
        if self.students_stamp.as_ref() != Some(&stamp) {
            self.students = store.students()?;
            self.students_stamp = Some(stamp);
        }
        self.load_open_records(store)
    }

    /// Today's and yesterday's rounds, the ones open now, and the days with rounds still
    /// waiting for a reason.
    fn load_rounds(
        &mut self,
        store: &Store,
        cfg: &Config,
        now: LocalTime,
        tracked_from: NaiveDate,
    ) -> Result<(), StoreError> {
        let today = day_rounds(store, cfg, now.date_naive(), now, tracked_from)?;
        let yesterday_day = now.date_naive() - Duration::days(1);
        let yesterday = day_rounds(store, cfg, yesterday_day, now, tracked_from)?;
        let mut exception_days = Vec::new();
        for (day, rounds) in [(now.date_naive(), &today), (yesterday_day, &yesterday)] {
            let open = rounds::tally(rounds).open_exceptions;
            if open > 0 {
                exception_days.push((day, open));
            }
        }
        for back in 2..EXCEPTION_DAYS {
            let day = now.date_naive() - Duration::days(back);
            if day < tracked_from {
                break;
            }
            let open =
                rounds::tally(&day_rounds(store, cfg, day, now, tracked_from)?).open_exceptions;
            if open > 0 {
                exception_days.push((day, open));
            }
        }
        self.active = yesterday
            .iter()
            .chain(today.iter())
            .filter(|r| r.window.contains(now.naive_local()))
            .cloned()
            .collect();
        self.today_tally = rounds::tally(&today);
        self.open_exceptions = exception_days.iter().map(|(_, n)| n).sum();
        self.exception_days = exception_days.into_iter().map(|(d, _)| d).collect();
        self.tracked_from = Some(tracked_from);
        Ok(())
    }

    /// What is still open: follow-ups, incidents, hazards, slips, visitors on campus.
    fn load_open_records(&mut self, store: &Store) -> Result<(), StoreError> {
        self.open_followups = store.followups(
            &FollowupQuery {
                open_only: true,
                ..FollowupQuery::default()
            },
            500,
        )?;
        self.open_incidents = store.open_incidents(200)?;
        self.pending_hazards = store.hazards(true, 500)?;
        self.unverified_slips = store.slips(true, 500)?.len();
        self.visitors = store.visitors(500)?;
        self.on_campus = store.on_campus()?;
        Ok(())
    }
}

/// Every round of `day` with its latest check and reason.
pub fn day_rounds(
    store: &Store,
    cfg: &Config,
    day: NaiveDate,
    now: LocalTime,
    tracked_from: NaiveDate,
) -> Result<Vec<RoundView>, StoreError> {
    let checks = store.day_checks(day)?;
    let exceptions = store.day_exceptions(day)?;
    Ok(rounds::for_day(
        cfg,
        day,
        &checks,
        &exceptions,
        now,
        tracked_from,
    ))
}
