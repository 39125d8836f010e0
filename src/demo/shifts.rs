//! The demo's duty days: each day's shift opened in the morning with the day's team from the
//! rotas, the day's events planned, and the shift closed the next morning after the night rounds.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::{Duty, Event, Sim};
use crate::config::Slot;
use crate::domain::schedule::windows;
use crate::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use crate::store::StoreError;

/// A slot kept by the night-duty staff: one that repeats, crosses midnight or starts late.
pub fn is_night(slot: &Slot) -> bool {
    slot.every_minutes.is_some()
        || slot.end <= slot.start
        || slot.start >= NaiveTime::from_hms_opt(21, 0, 0).unwrap_or_default()
}

impl Sim<'_> {
    /// When the shift of `day` opens: shortly before the morning rounds.
    pub(super) fn shift_opens(&mut self, day: NaiveDate) -> DateTime<Utc> {
        let secs = self.rng.range(0, 9 * 60);
        self.tz.at(day, 6, 40, secs)
    }

    /// Whether the slots of `day` need someone on night duty.
    fn needs_night(&self, day: NaiveDate) -> bool {
        self.cfg
            .slots
            .iter()
            .any(|s| is_night(s) && !windows(s, day).is_empty())
    }

    pub(super) fn open_shift(
        &mut self,
        day: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let i = usize::try_from((day - self.first).num_days()).unwrap_or(0);
        let staff = &self.school.staff;
        let rota = |list: &[crate::domain::staff::StaffId], k: usize| list[k % list.len()];
        let teacher = rota(&staff.duty_teachers, i);
        let leader = rota(&staff.leaders, i);
        let guards = [rota(&staff.guards, 2 * i), rota(&staff.guards, 2 * i + 1)];
        let night = self.needs_night(day).then(|| rota(&staff.dorm, i));
        let mut members = vec![
            (MemberRef::Existing(teacher), DutyRole::DutyTeacher),
            (MemberRef::Existing(leader), DutyRole::Leader),
            (MemberRef::Existing(guards[0]), DutyRole::Guard),
            (MemberRef::Existing(guards[1]), DutyRole::Guard),
        ];
        if let Some(n) = night {
            members.push((MemberRef::Existing(n), DutyRole::NightDuty));
        }
        let shift = self.store.start_shift(&ShiftDraft { day, members }, at)?;
        let close_secs = self.rng.range(0, 9 * 60);
        let closes = self.tz.at(day + Duration::days(1), 6, 20, close_secs);
        self.duty = Some(Duty {
            id: shift.id,
            version: shift.version,
            teacher,
            leader,
            guards,
            night,
            closes,
        });
        self.sum.shifts += 1;
        self.at(closes, Event::CloseShift);
        if day < self.today {
            let next = day + Duration::days(1);
            let opens = self.shift_opens(next);
            self.at(opens, Event::OpenShift(next));
        }
        self.plan_day(day);
        (self.progress)(u32::try_from(i + 1).unwrap_or(u32::MAX), self.days);
        Ok(())
    }

    pub(super) fn close_shift(&mut self, at: DateTime<Utc>) -> Result<(), StoreError> {
        if let Some(duty) = self.duty.take() {
            self.store.close_shift(duty.id, duty.version, at)?;
        }
        Ok(())
    }

    /// Everything that will happen on `day`, put on the agenda.
    fn plan_day(&mut self, day: NaiveDate) {
        self.plan_rounds(day);
        self.plan_incidents(day);
        self.plan_slips(day);
        self.plan_hazards(day);
        self.plan_attention(day);
        self.plan_gate(day);
    }
}
