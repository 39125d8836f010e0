//! The register of hidden dangers and disputes (隐患和矛盾纠纷台账): each item worked until it is
//! rectified, and the rectification confirmed on a later patrol of the place.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::incident::PlaceRef;
use super::patrol::CheckId;
use super::staff::StaffId;
use crate::coded;

coded! {
    pub enum HazardKind {
        Facility = "facility", Safety = "safety", Dispute = "dispute", Surroundings = "surroundings",
    }
}

coded! {
    pub enum HazardStatus {
        Open = "open", Rectifying = "rectifying", Rectified = "rectified", Verified = "verified",
    }
}

impl HazardStatus {
    /// Still to be dealt with: the due date applies.
    pub fn is_pending(self) -> bool {
        matches!(self, HazardStatus::Open | HazardStatus::Rectifying)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HazardId(pub i64);

/// A hazard to record, checked. The due date follows from the risk level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HazardDraft {
    pub kind: HazardKind,
    pub place: PlaceRef,
    pub description: String,
    pub risk: String,
    pub owner: Option<StaffId>,
    pub steps: String,
    pub from_check: Option<CheckId>,
}

/// A hazard as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hazard {
    pub id: HazardId,
    pub draft: HazardDraft,
    pub due_on: NaiveDate,
    pub owner_name: Option<String>,
    pub status: HazardStatus,
    pub rectified_at: Option<DateTime<Utc>>,
    pub verified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub version: i64,
}

impl Hazard {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_pending() && self.due_on < today
    }
}

/// The due date of a hazard recorded on `day` with a risk level that allows `days`.
pub fn due_on(day: NaiveDate, days: u32) -> NaiveDate {
    day + Duration::days(i64::from(days))
}
