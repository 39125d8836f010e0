//! What the reports read: the change log's lines and the facts of incidents, as read models
//! the store fills and the report crate counts (no database here).

use chrono::{DateTime, Utc};

use crate::history::LogAction;
use crate::incident::{Bullying, IncidentId, PlaceRef, Role, Severity, Source, Status};
use crate::people::StudentId;
use crate::shift::ShiftId;

crate::coded! {
    /// The kinds of record the change log covers.
    pub enum LogKind {
        Incident = "incident",
        Followup = "followup",
        Hazard = "hazard",
        Slip = "slip",
    }
}

/// One line of the change log, as a summary needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub kind: LogKind,
    pub record: i64,
    pub action: LogAction,
    pub at: DateTime<Utc>,
    pub by_name: String,
    pub reason: String,
    /// The shift the change was made in.
    pub shift: ShiftId,
}

/// A student on an incident, as the period report counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactStudent {
    pub id: StudentId,
    pub name: String,
    pub class_name: String,
    pub role: Role,
    pub measures: Vec<String>,
}

/// What the period report counts of one incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentFacts {
    pub id: IncidentId,
    pub number: String,
    pub occurred_at: DateTime<Utc>,
    pub place: PlaceRef,
    pub category: String,
    pub severity: Severity,
    pub source: Source,
    pub status: Status,
    pub bullying: Bullying,
    pub students: Vec<FactStudent>,
}
