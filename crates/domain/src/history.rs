//! The change log: who changed what in a record, when, and why.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One field's change, shown as `field: old → new`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// What happened to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogAction {
    Created,
    Corrected,
    Voided,
    Completed,
    Rescheduled,
    StatusChanged,
    Merged,
    ClosedUnfounded,
    Verified,
}

impl LogAction {
    pub fn code(self) -> &'static str {
        match self {
            LogAction::Created => "created",
            LogAction::Corrected => "corrected",
            LogAction::Voided => "voided",
            LogAction::Completed => "completed",
            LogAction::Rescheduled => "rescheduled",
            LogAction::StatusChanged => "status",
            LogAction::Merged => "merged",
            LogAction::ClosedUnfounded => "unfounded",
            LogAction::Verified => "verified",
        }
    }

    pub fn from_code(code: &str) -> LogAction {
        match code {
            "corrected" => LogAction::Corrected,
            "voided" => LogAction::Voided,
            "completed" => LogAction::Completed,
            "rescheduled" => LogAction::Rescheduled,
            "status" => LogAction::StatusChanged,
            "merged" => LogAction::Merged,
            "unfounded" => LogAction::ClosedUnfounded,
            "verified" => LogAction::Verified,
            _ => LogAction::Created,
        }
    }
}

/// One entry of a record's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub at: DateTime<Utc>,
    pub by_name: String,
    pub action: LogAction,
    pub reason: String,
    pub changes: Vec<Change>,
}

/// Records `field` in `changes` when `old` and `new` differ.
pub fn diff(changes: &mut Vec<Change>, field: &str, old: &str, new: &str) {
    if old != new {
        changes.push(Change {
            field: field.to_owned(),
            old: old.to_owned(),
            new: new.to_owned(),
        });
    }
}
