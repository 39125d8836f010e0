//! The period report: the counts a term's work summary needs (like the one in the school's
//! document), gathered from the store for a range of days, as a document and as the series the
//! screen draws. A pipeline, each step its own file: `gather` reads the store into a
//! `PeriodReport`, `compute` counts from it, `document` and `sections` write it as a `Doc`.

mod compute;
mod document;
mod gather;
mod sections;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use domain::followup::Followup;
use domain::gate::{EarlyLeave, Visit};
use domain::hazard::Hazard;
use domain::incident::Role;
use domain::shift::Shift;
use store::IncidentFacts;

pub use gather::build;

/// Rounds counted by how they went. `due`: rounds whose window has closed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundCounts {
    pub due: u64,
    pub done: u64,
    pub late: u64,
    pub partial: u64,
    pub missed: u64,
}

/// Everything the period report says, for the days `from..=to`.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub shifts: Vec<Shift>,
    pub rounds: RoundCounts,
    /// By slot id, in config order.
    pub by_slot: Vec<(String, RoundCounts)>,
    /// By place id, in config order.
    pub by_place: Vec<(String, RoundCounts)>,
    /// Rounds whose latest check found a problem, and the problem items in them.
    pub problem_rounds: u64,
    pub problem_items: u64,
    pub incidents: Vec<IncidentFacts>,
    /// Follow-ups due in the period.
    pub followups: Vec<Followup>,
    /// Hazards recorded in the period.
    pub hazards: Vec<Hazard>,
    pub visits: Vec<Visit>,
    pub early_leaves: Vec<EarlyLeave>,
    /// Monday of each week → (incidents, problem rounds, missed rounds).
    pub weeks: BTreeMap<NaiveDate, (u64, u64, u64)>,
    /// When the report was made: follow-ups and hazards not yet due are not late.
    pub now: DateTime<Utc>,
}

/// A student in several incidents of the period, with the parts they had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatStudent {
    pub name: String,
    pub class_name: String,
    pub incidents: u64,
    pub roles: Vec<(Role, u64)>,
}

/// How follow-ups due in the period went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FollowupCounts {
    pub on_time: u64,
    pub late: u64,
    pub overdue: u64,
    pub not_yet_due: u64,
    pub cancelled: u64,
}

/// How hazards recorded in the period went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HazardCounts {
    pub on_time: u64,
    pub late: u64,
    pub overdue: u64,
    pub within_time: u64,
}
