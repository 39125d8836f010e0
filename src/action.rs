//! What a key asks for. Screens turn keys into actions; `App::update` performs them and is the
//! only place that writes through the store.

use chrono::NaiveDate;

use crate::domain::patrol::{CheckDraft, ExceptionDraft};
use crate::domain::schedule::RoundKey;
use crate::domain::shift::ShiftDraft;
use crate::domain::staff::{StaffDraft, StaffId};

/// The top-level screens, each one key away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Now,
    Patrols,
    Shift,
    Staff,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave, asking first if a form holds unsaved input.
    Quit,
    /// Leave at once.
    QuitNow,
    Go(Tab),
    Help,
    /// Leave a form for the screen it was opened from, asking first if it holds unsaved input.
    LeaveForm {
        dirty: bool,
    },
    /// Show the patrol grid of the most recent day with rounds still waiting for a reason.
    ShowExceptions,
    /// Show the patrol grid of another day.
    PatrolDay(NaiveDate),
    /// Open the checklist of a round.
    OpenCheck(RoundKey),
    /// Record every item of a round OK, at once.
    QuickOk(RoundKey),
    SaveCheck(CheckDraft),
    /// Ask for the reason a round was missed or left partial.
    AskReason(RoundKey),
    SaveReason(ExceptionDraft),
    NewStaff,
    SaveStaff(StaffDraft),
    NewShift,
    StartShift(ShiftDraft),
    /// Close the open shift; asks first unless `confirmed`.
    CloseShift {
        confirmed: bool,
    },
    /// Who is at this terminal: records made here name them.
    SetOperator(StaffId),
}
