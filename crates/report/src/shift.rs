//! The shift summary (值班记录): what one shift did, gathered from the store, and the document
//! the summary screen shows and `dutydesk report shift` prints. A pipeline, each step its own
//! file: `gather` reads the store into a `ShiftSummary`, `compute` counts from it, `document`
//! and `sections` write it as a `Doc`.

mod compute;
mod document;
mod gather;
mod sections;

use chrono::{DateTime, Utc};

use domain::followup::Followup;
use domain::gate::{EarlyLeave, Visit};
use domain::hazard::Hazard;
use domain::history::LogAction;
use domain::incident::Incident;
use domain::patrol::{CheckRecord, ExceptionRecord};
use domain::rounds::{RoundView, Tally};
use domain::shift::Shift;
use store::Activity;

pub(super) use document::section;
pub use gather::build;

/// A change made after the leader signed off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    /// A record of the shift changed (or a change made in the shift) after sign-off.
    Record(Activity, String),
    /// A round of the shift checked again after sign-off.
    Check(CheckRecord),
    /// A reason for a round of the shift written after sign-off.
    Reason(ExceptionRecord),
}

impl Correction {
    fn at(&self) -> DateTime<Utc> {
        match self {
            Correction::Record(a, _) => a.at,
            Correction::Check(c) => c.at,
            Correction::Reason(e) => e.at,
        }
    }
}

/// Everything the summary of one shift says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftSummary {
    pub shift: Shift,
    /// Until when: the close of the shift, or now while it is open.
    pub end: DateTime<Utc>,
    /// The rounds that fell to this shift: those of its day from its opening (from the start of
    /// the day for the day's first shift) until the next shift of the day opened.
    pub rounds: Vec<RoundView>,
    pub tally: Tally,
    pub opened: Vec<Incident>,
    /// Incidents opened earlier and changed during the shift, with what was done.
    pub updated: Vec<(Incident, Vec<LogAction>)>,
    pub followups_created: Vec<Followup>,
    pub followups_completed: Vec<Followup>,
    pub followups_overdue: Vec<Followup>,
    pub followups_due_soon: Vec<Followup>,
    pub hazards_opened: Vec<Hazard>,
    pub hazards_rectified: Vec<Hazard>,
    pub hazards_overdue: Vec<Hazard>,
    /// Visits that began during the shift (refusals included).
    pub visits: Vec<Visit>,
    pub early_leaves: Vec<EarlyLeave>,
    /// Visitors still inside at the end (now, for an open shift).
    pub still_in: Vec<Visit>,
    pub corrections: Vec<Correction>,
    /// The audit trail's head when the summary was made, and its number of rows: written on the
    /// signed paper, it pins every record up to then (a later change to one breaks the chain).
    pub audit_head: (String, u64),
}
