//! Shifts: the duty team on a day, when the shift was opened and closed.

use chrono::{DateTime, NaiveDate, Utc};

use super::staff::{StaffId, StaffRole};

/// A shift's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ShiftId(pub i64);

/// A person's role on a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DutyRole {
    DutyTeacher,
    Leader,
    Guard,
    NightDuty,
}

impl DutyRole {
    pub const ALL: [DutyRole; 4] = [
        DutyRole::DutyTeacher,
        DutyRole::Leader,
        DutyRole::Guard,
        DutyRole::NightDuty,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DutyRole::DutyTeacher => "duty_teacher",
            DutyRole::Leader => "leader",
            DutyRole::Guard => "guard",
            DutyRole::NightDuty => "night_duty",
        }
    }

    pub fn from_code(code: &str) -> Option<DutyRole> {
        DutyRole::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The job a person new to the staff list most likely has, given their duty role.
    pub fn likely_staff_role(self) -> StaffRole {
        match self {
            DutyRole::DutyTeacher => StaffRole::Teacher,
            DutyRole::Leader => StaffRole::Leader,
            DutyRole::Guard => StaffRole::Guard,
            DutyRole::NightDuty => StaffRole::DormStaff,
        }
    }
}

/// One person on a shift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub staff: StaffId,
    pub name: String,
    pub role: DutyRole,
}

/// A shift as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    pub id: ShiftId,
    pub day: NaiveDate,
    pub opened_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub members: Vec<Member>,
    /// What the shift hands over to the next one.
    pub handover_note: String,
    /// The leader's sign-off: when, and who.
    pub signed_off: Option<(DateTime<Utc>, String)>,
    pub version: i64,
}

impl Shift {
    /// Everyone with `role`, in the order they were entered.
    pub fn with_role(&self, role: DutyRole) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.role == role)
    }

    /// The person who acts at a desk terminal unless someone else is chosen.
    pub fn duty_teacher(&self) -> Option<&Member> {
        self.with_role(DutyRole::DutyTeacher).next()
    }
}

/// Who fills a place on a new shift: someone on the staff list, or a name to add to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberRef {
    Existing(StaffId),
    New { name: String, role: StaffRole },
}

/// A shift to open, checked and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftDraft {
    pub day: NaiveDate,
    pub members: Vec<(MemberRef, DutyRole)>,
}
