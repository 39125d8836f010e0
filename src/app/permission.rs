//! The permission each action needs: the one place that maps actions to cells of the role
//! table (`domain::access`); `App::update` checks it before doing anything.

use crate::action::{
    AccessAction, Action, AttentionAction, DutyAction, DutyLogAction, FollowupAction, GateAction,
    HazardAction, IncidentAction, PatrolAction, Purpose, SlipAction, Tab, WatchAction,
};
use crate::domain::access::{Perm, Subject, Subject as S, Verb, Verb as V};

/// The permission an action needs, if any: the one place that knows it.
pub fn permission(action: &Action) -> Option<Perm> {
    match action {
        Action::Go(tab) => Some(tab_permission(*tab)),
        Action::ShowStudents => Some(Perm(V::View, S::Student)),
        Action::Prompted { purpose, .. } => Some(purpose_permission(purpose)),
        Action::Quit
        | Action::QuitNow
        | Action::Help
        | Action::LeaveForm { .. }
        | Action::Reload
        | Action::Back
        | Action::DailyCheckPassed => None,
        Action::Patrol(a) => Some(patrol(a)),
        Action::Duty(a) => duty(a),
        Action::Incident(a) => Some(incident(a)),
        Action::Followup(a) => Some(followup(a)),
        Action::Hazard(a) => Some(hazard(a)),
        Action::Slip(a) => Some(slip(a)),
        Action::Gate(a) => Some(gate(a)),
        Action::Watch(a) => Some(watch(a)),
        Action::DutyLog(a) => duty_log(a),
        Action::Attention(a) => Some(attention(a)),
        Action::Access(a) => access(a),
    }
}

fn patrol(a: &PatrolAction) -> Perm {
    match a {
        PatrolAction::ShowExceptions | PatrolAction::PatrolDay(_) => Perm(V::View, S::Patrol),
        PatrolAction::OpenCheck(_)
        | PatrolAction::QuickOk(_)
        | PatrolAction::SaveCheck(_)
        | PatrolAction::AskReason(_) => Perm(V::Create, S::Patrol),
    }
}

fn duty(a: &DutyAction) -> Option<Perm> {
    match a {
        DutyAction::NewStaff | DutyAction::SaveStaff(_) => Some(Perm(V::Create, S::Staff)),
        DutyAction::NewShift | DutyAction::StartShift(_) => Some(Perm(V::Create, S::Shift)),
        DutyAction::CloseShift { .. } => Some(Perm(V::Correct, S::Shift)),
        DutyAction::SetOperator(_) => None,
    }
}

fn incident(a: &IncidentAction) -> Perm {
    match a {
        // An incident made from a mailbox slip closes the slip as passed on: that is
        // correcting the slip, which fewer roles may do than open an incident.
        IncidentAction::CreateIncident {
            from_slip: Some(_), ..
        } => Perm(V::Correct, S::Slip),
        IncidentAction::NewIncident
        | IncidentAction::IncidentFromCheck(_)
        | IncidentAction::CreateIncident { .. } => Perm(V::Create, S::Incident),
        IncidentAction::OpenIncident(_) => Perm(V::View, S::Incident),
        IncidentAction::EditIncident(_) | IncidentAction::CorrectIncident { .. } => {
            Perm(V::Correct, S::Incident)
        }
        IncidentAction::AskVoidIncident(_) => Perm(V::Void, S::Incident),
        IncidentAction::OpenStudent(_) => Perm(V::View, S::Student),
    }
}

fn followup(a: &FollowupAction) -> Perm {
    match a {
        FollowupAction::NewFollowup
        | FollowupAction::NewFollowupFor(_)
        | FollowupAction::NewFollowupForStudent(_)
        | FollowupAction::NewFollowupForHazard(_)
        | FollowupAction::CreateFollowup(_)
        | FollowupAction::AcceptSuggestions { .. } => Perm(V::Create, S::Followup),
        FollowupAction::AskCompleteFollowup(_) | FollowupAction::AskRescheduleFollowup(_) => {
            Perm(V::Correct, S::Followup)
        }
    }
}

fn hazard(a: &HazardAction) -> Perm {
    match a {
        HazardAction::NewHazard
        | HazardAction::HazardFromCheck(_)
        | HazardAction::CreateHazard(_) => Perm(V::Create, S::Hazard),
        HazardAction::AskAdvanceHazard(_) | HazardAction::VerifyHazard(..) => {
            Perm(V::Correct, S::Hazard)
        }
    }
}

fn slip(a: &SlipAction) -> Perm {
    match a {
        SlipAction::NewSlip => Perm(V::Create, S::Slip),
        SlipAction::SlipToIncident(_)
        | SlipAction::AskMergeSlip(_)
        | SlipAction::AskSlipUnfounded(_) => Perm(V::Correct, S::Slip),
    }
}

fn gate(a: &GateAction) -> Perm {
    match a {
        GateAction::NewVisit
        | GateAction::SignIn(_)
        | GateAction::SignInAgain(_)
        | GateAction::RefuseEntry { .. } => Perm(V::Create, S::Gate),
        GateAction::AskSignOut(..)
        | GateAction::SignOutNow(..)
        | GateAction::AskSignOutAt(..)
        | GateAction::AskLeftUnsigned(..) => Perm(V::Correct, S::Gate),
        GateAction::NewEarlyLeave | GateAction::CreateEarlyLeave(_) => {
            Perm(V::Create, S::EarlyLeave)
        }
        GateAction::EarlyLeaveBack(..) => Perm(V::Correct, S::EarlyLeave),
        GateAction::AskReveal(_) => Perm(V::Reveal, S::Gate),
    }
}

fn watch(a: &WatchAction) -> Perm {
    match a {
        WatchAction::OpenWatchlist => Perm(V::View, S::Watchlist),
        WatchAction::CreateWatch(_) => Perm(V::Create, S::Watchlist),
        WatchAction::EndWatch(..) | WatchAction::EndWatchNow(..) => Perm(V::Correct, S::Watchlist),
    }
}

fn duty_log(a: &DutyLogAction) -> Option<Perm> {
    match a {
        DutyLogAction::OpenSummary | DutyLogAction::NeighbourShift { .. } => {
            Some(Perm(V::View, S::Report))
        }
        DutyLogAction::SaveHandover { .. } => Some(Perm(V::Correct, S::Shift)),
        DutyLogAction::AskSignOff(..) | DutyLogAction::SignOff(..) => {
            Some(Perm(V::Create, S::SignOff))
        }
        DutyLogAction::SaySignedOff => None,
    }
}

fn attention(a: &AttentionAction) -> Perm {
    match a {
        AttentionAction::OpenAttention => Perm(V::View, S::Attention),
        AttentionAction::NewAttention | AttentionAction::CreateAttention(_) => {
            Perm(V::Create, S::Attention)
        }
        AttentionAction::AskEndAttention(..) => Perm(V::Correct, S::Attention),
    }
}

fn access(a: &AccessAction) -> Option<Perm> {
    match a {
        // Signing in is what gives a permission; nobody has one before it.
        AccessAction::Lock
        | AccessAction::CreateFirstAdmin { .. }
        | AccessAction::SignIn { .. } => None,
        AccessAction::OpenAccount(_) | AccessAction::SaveAccount { .. } => {
            Some(Perm(V::Correct, S::Account))
        }
    }
}

/// What a tab shows, as a permission to view it.
pub fn tab_permission(tab: Tab) -> Perm {
    let subject = match tab {
        // Now shows the rounds due with the open incidents and follow-ups beside them.
        Tab::Now | Tab::Patrols => Subject::Patrol,
        Tab::Incidents => Subject::Incident,
        Tab::Followups => Subject::Followup,
        Tab::Hazards => Subject::Hazard,
        Tab::Gate => Subject::Gate,
        Tab::Shift => Subject::Shift,
        Tab::People => Subject::Staff,
    };
    Perm(Verb::View, subject)
}

fn purpose_permission(purpose: &Purpose) -> Perm {
    match purpose {
        Purpose::RoundReason(_) => Perm(V::Create, S::Patrol),
        Purpose::VoidIncident { .. } => Perm(V::Void, S::Incident),
        Purpose::CompleteFollowup { .. }
        | Purpose::RescheduleDue { .. }
        | Purpose::RescheduleReason { .. } => Perm(V::Correct, S::Followup),
        Purpose::AdvanceHazard { .. } => Perm(V::Correct, S::Hazard),
        Purpose::NewSlip => Perm(V::Create, S::Slip),
        Purpose::MergeSlip { .. } | Purpose::SlipUnfounded { .. } => Perm(V::Correct, S::Slip),
        Purpose::AdmitDespite { .. } => Perm(V::Create, S::Gate),
        Purpose::SignOutAt { .. } | Purpose::LeftUnsigned { .. } => Perm(V::Correct, S::Gate),
        Purpose::EndAttention { .. } => Perm(V::Correct, S::Attention),
        Purpose::Reveal { .. } => Perm(V::Reveal, S::Gate),
    }
}
