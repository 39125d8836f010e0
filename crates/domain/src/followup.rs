//! Follow-ups: what must still be done about an incident, a hazard or a student, by whom and
//! by when; and the ones an incident usually needs.

use chrono::{DateTime, Duration, Utc};

use super::hazard::HazardId;
use super::incident::{IncidentId, InvolvedDraft, Role};
use super::people::StudentId;
use super::staff::StaffId;
use crate::coded;

coded! {
    pub enum Kind {
        Counselling = "counselling", ParentContact = "parent_contact", HomeVisit = "home_visit",
        Recheck = "recheck", Repair = "repair", ReportUp = "report_up", Committee = "committee",
        Other = "other",
    }
}

coded! {
    pub enum FollowupStatus { Open = "open", Done = "done", Cancelled = "cancelled" }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FollowupId(pub i64);

/// A follow-up to create, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowupDraft {
    pub kind: Kind,
    pub incident: Option<IncidentId>,
    pub hazard: Option<HazardId>,
    pub student: Option<StudentId>,
    pub note: String,
    pub owner: StaffId,
    pub due_at: DateTime<Utc>,
}

/// A follow-up as stored, with the names of what it is linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Followup {
    pub id: FollowupId,
    pub kind: Kind,
    pub incident: Option<(IncidentId, String)>,
    pub hazard: Option<(HazardId, String)>,
    pub student: Option<(StudentId, String)>,
    pub note: String,
    pub owner: StaffId,
    pub owner_name: String,
    pub due_at: DateTime<Utc>,
    pub status: FollowupStatus,
    pub outcome: String,
    pub done_at: Option<DateTime<Utc>>,
    pub version: i64,
}

impl Followup {
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        self.status == FollowupStatus::Open && self.due_at < now
    }
}

/// The follow-ups an incident usually needs: a call to the parents of every target and every
/// initiator within a day, and a counselling talk for every target within three days. The user
/// accepts, edits or drops each one.
pub fn suggested(
    incident: IncidentId,
    students: &[InvolvedDraft],
    owner: StaffId,
    now: DateTime<Utc>,
) -> Vec<FollowupDraft> {
    let mut out = Vec::new();
    let mut add = |kind, student: StudentId, within: Duration| {
        out.push(FollowupDraft {
            kind,
            incident: Some(incident),
            hazard: None,
            student: Some(student),
            note: String::new(),
            owner,
            due_at: now + within,
        });
    };
    for s in students {
        match s.role {
            Role::Target => {
                add(Kind::ParentContact, s.student, Duration::hours(24));
                add(Kind::Counselling, s.student, Duration::days(3));
            }
            Role::Initiator => add(Kind::ParentContact, s.student, Duration::hours(24)),
            Role::Witness | Role::Reporter => {}
        }
    }
    out
}

/// Which follow-ups a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FollowupQuery {
    /// Only open ones (else every status).
    pub open_only: bool,
    pub owner: Option<crate::staff::StaffId>,
    pub incident: Option<crate::incident::IncidentId>,
    pub hazard: Option<crate::hazard::HazardId>,
    pub student: Option<crate::people::StudentId>,
    pub id: Option<FollowupId>,
    /// Due at or after this instant.
    pub due_from: Option<chrono::DateTime<chrono::Utc>>,
    /// Due before this instant.
    pub due_before: Option<chrono::DateTime<chrono::Utc>>,
}
