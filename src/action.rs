//! What a key asks for. Screens turn keys into actions; `App::update` performs them and is the
//! only place that writes through the store.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::followup::{FollowupDraft, FollowupId};
use crate::domain::gate::{
    EarlyLeaveDraft, EarlyLeaveId, VisitDraft, VisitId, WatchDraft, WatchId,
};
use crate::domain::hazard::{HazardDraft, HazardId, HazardStatus};
use crate::domain::incident::{IncidentDraft, IncidentId};
use crate::domain::patrol::CheckDraft;
use crate::domain::people::StudentId;
use crate::domain::schedule::RoundKey;
use crate::domain::shift::{ShiftDraft, ShiftId};
use crate::domain::slip::SlipId;
use crate::domain::staff::{StaffDraft, StaffId};

/// The top-level screens, each one key away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Now,
    Patrols,
    Incidents,
    Followups,
    Hazards,
    Shift,
    /// Staff and students.
    People,
    /// The gate: visitors, early leaves.
    Gate,
}

/// What a one-line popup's answer is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Why a round was missed, late or left partial.
    RoundReason(RoundKey),
    VoidIncident {
        id: IncidentId,
        version: i64,
    },
    CompleteFollowup {
        id: FollowupId,
        version: i64,
    },
    RescheduleDue {
        id: FollowupId,
        version: i64,
    },
    RescheduleReason {
        id: FollowupId,
        version: i64,
        due: DateTime<Utc>,
    },
    AdvanceHazard {
        id: HazardId,
        version: i64,
        to: HazardStatus,
    },
    NewSlip,
    MergeSlip {
        id: SlipId,
        version: i64,
    },
    SlipUnfounded {
        id: SlipId,
        version: i64,
    },
    /// Let a visitor in although the watchlist matched: the reason.
    AdmitDespite {
        draft: Box<VisitDraft>,
        watch: WatchId,
    },
    SignOutAt {
        id: VisitId,
        version: i64,
    },
    LeftUnsigned {
        id: VisitId,
        version: i64,
    },
    /// Why a visitor's whole ID number is looked at.
    Reveal {
        id: VisitId,
    },
    /// Why a student comes off the special-attention register.
    EndAttention {
        id: crate::domain::attention::AttentionId,
        version: i64,
    },
}

/// Everything the app can be asked to do, nested by area: `App::update` matches this
/// exhaustively and hands each area to its one handler, which matches its own enum
/// exhaustively, so an action nobody handles does not compile.
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
    /// The student list (the People tab shows staff first).
    ShowStudents,
    /// Load the current screen's own records again (a filter changed, the cursor reached the
    /// end of what is loaded, the selected row changed): not the header's and Now's data.
    Reload,
    /// Back to the screen this one was opened from.
    Back,
    /// The day's background integrity check found the file whole: remember it for today.
    DailyCheckPassed,
    /// The answer to a one-line popup.
    Prompted {
        purpose: Purpose,
        value: String,
    },
    /// The patrol grid and a round's checklist.
    Patrol(PatrolAction),
    /// Shifts, who is on duty, and staff.
    Duty(DutyAction),
    /// Incidents and the students in them.
    Incident(IncidentAction),
    /// Follow-ups of incidents, hazards and students.
    Followup(FollowupAction),
    /// The hazard and dispute register.
    Hazard(HazardAction),
    /// Mailbox slips.
    Slip(SlipAction),
    /// The gate: visitors, early leaves, a whole ID number.
    Gate(GateAction),
    /// The gate watchlist.
    Watch(WatchAction),
    /// The duty log (shift summary), the handover note and the sign-off.
    DutyLog(DutyLogAction),
    /// The special-attention register.
    Attention(AttentionAction),
    /// The lock, sign-in and accounts.
    Access(AccessAction),
}

/// The patrol grid and a round's checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatrolAction {
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
}

/// Shifts, who is on duty, and staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyAction {
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

/// Incidents and the students in them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IncidentAction {
    NewIncident,
    /// An incident from a patrol check's problems, place and time carried over.
    IncidentFromCheck(RoundKey),
    CreateIncident {
        draft: IncidentDraft,
        from_slip: Option<(SlipId, i64)>,
    },
    OpenIncident(IncidentId),
    EditIncident(IncidentId),
    CorrectIncident {
        id: IncidentId,
        version: i64,
        draft: IncidentDraft,
        reason: String,
    },
    AskVoidIncident(IncidentId),
    OpenStudent(StudentId),
}

/// Follow-ups of incidents, hazards and students.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowupAction {
    NewFollowup,
    NewFollowupFor(IncidentId),
    NewFollowupForStudent(StudentId),
    NewFollowupForHazard(HazardId),
    CreateFollowup(FollowupDraft),
    AcceptSuggestions {
        incident: IncidentId,
        drafts: Vec<FollowupDraft>,
    },
    AskCompleteFollowup(FollowupId),
    AskRescheduleFollowup(FollowupId),
}

/// The hazard and dispute register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HazardAction {
    NewHazard,
    /// A hazard from a patrol check's problems, place carried over.
    HazardFromCheck(RoundKey),
    CreateHazard(HazardDraft),
    AskAdvanceHazard(HazardId),
    VerifyHazard(HazardId, i64),
}

/// Mailbox slips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlipAction {
    NewSlip,
    SlipToIncident(SlipId),
    AskMergeSlip(SlipId),
    AskSlipUnfounded(SlipId),
}

/// The gate: visitors, early leaves, a whole ID number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateAction {
    NewVisit,
    SignIn(Box<VisitDraft>),
    /// Sign in although the same person is already shown as on campus.
    SignInAgain(Box<VisitDraft>),
    /// The guard's answer to a watchlist match: refuse entry.
    RefuseEntry {
        draft: Box<VisitDraft>,
        watch: WatchId,
    },
    /// Asks, naming the visitor, their time in and now, before signing them out.
    AskSignOut(VisitId, i64),
    SignOutNow(VisitId, i64),
    AskSignOutAt(VisitId, i64),
    AskLeftUnsigned(VisitId, i64),
    NewEarlyLeave,
    CreateEarlyLeave(EarlyLeaveDraft),
    EarlyLeaveBack(EarlyLeaveId, i64),
    /// Show a visitor's whole ID number: asks why first.
    AskReveal(VisitId),
}

/// The duty log (shift summary), the handover note and the sign-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyLogAction {
    /// The duty log (shift summary) over the current screen.
    OpenSummary,
    /// The summary of the shift before or after this one.
    NeighbourShift {
        from: ShiftId,
        later: bool,
    },
    SaveHandover {
        id: ShiftId,
        version: i64,
        note: String,
    },
    /// Say that what the leader signed cannot be changed.
    SaySignedOff,
    /// The leader signs the shift off; asks first.
    AskSignOff(ShiftId, i64),
    SignOff(ShiftId, i64),
}

/// The special-attention register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttentionAction {
    /// The special-attention register.
    OpenAttention,
    NewAttention,
    CreateAttention(crate::domain::attention::AttentionDraft),
    AskEndAttention(crate::domain::attention::AttentionId, i64),
}

/// The lock, sign-in and accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccessAction {
    /// Blank the screen now; the PIN opens it again.
    Lock,
    /// The first start: the administrator's account, made from the sign-in screen.
    CreateFirstAdmin {
        name: String,
        pin: Secret,
        again: Secret,
    },
    /// A name and PIN typed on the sign-in or lock screen.
    SignIn { name: String, pin: Secret },
    /// The administrator opens a staff member's account.
    OpenAccount(StaffId),
    SaveAccount {
        staff: StaffId,
        role: crate::domain::access::Role,
        /// A new PIN, or `None` to keep the one there is.
        pin: Option<String>,
    },
}

/// The gate watchlist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchAction {
    OpenWatchlist,
    CreateWatch(WatchDraft),
    EndWatch(WatchId, i64),
    EndWatchNow(WatchId, i64),
}

/// A PIN on its way to being checked: never shown by `Debug`, so no log line can hold it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}
