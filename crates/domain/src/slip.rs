//! Report-mailbox slips (举报信箱): kept as unverified reports until merged into an incident or
//! closed as unfounded; never deleted.

use chrono::{DateTime, NaiveDate, Utc};

use super::incident::IncidentId;
use crate::coded;

coded! {
    pub enum SlipStatus { Unverified = "unverified", Merged = "merged", Unfounded = "unfounded" }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SlipId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipDraft {
    pub received_on: NaiveDate,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub id: SlipId,
    pub received_on: NaiveDate,
    pub text: String,
    pub status: SlipStatus,
    pub merged_into: Option<(IncidentId, String)>,
    pub closed_note: String,
    pub entered_at: DateTime<Utc>,
    pub entered_by: String,
    pub version: i64,
}
