//! The permission each action needs: the one place that maps actions to cells of the role
//! table (`domain::access`); `App::update` checks it before doing anything.

use crate::action::{Action, Purpose, Tab};
use crate::domain::access::{Perm, Subject, Verb};

/// The permission an action needs, if any: the one place that knows it.
pub fn permission(action: &Action) -> Option<Perm> {
    use Subject as S;
    use Verb as V;
    let p = |v, s| Some(Perm(v, s));
    match action {
        Action::Go(tab) => Some(tab_permission(*tab)),
        Action::ShowExceptions | Action::PatrolDay(_) => p(V::View, S::Patrol),
        Action::OpenCheck(_) | Action::QuickOk(_) | Action::SaveCheck(_) | Action::AskReason(_) => {
            p(V::Create, S::Patrol)
        }
        Action::NewStaff | Action::SaveStaff(_) => p(V::Create, S::Staff),
        Action::NewShift | Action::StartShift(_) => p(V::Create, S::Shift),
        Action::CloseShift { .. } | Action::SaveHandover { .. } => p(V::Correct, S::Shift),
        Action::ShowStudents | Action::OpenStudent(_) => p(V::View, S::Student),
        Action::Prompted { purpose, .. } => Some(purpose_permission(purpose)),
        // An incident made from a mailbox slip closes the slip as merged: that is correcting
        // the slip, which fewer roles may do than open an incident.
        Action::CreateIncident {
            from_slip: Some(_), ..
        } => p(V::Correct, S::Slip),
        Action::NewIncident | Action::IncidentFromCheck(_) | Action::CreateIncident { .. } => {
            p(V::Create, S::Incident)
        }
        Action::OpenIncident(_) => p(V::View, S::Incident),
        Action::EditIncident(_) | Action::CorrectIncident { .. } => p(V::Correct, S::Incident),
        Action::AskVoidIncident(_) => p(V::Void, S::Incident),
        Action::NewFollowup
        | Action::NewFollowupFor(_)
        | Action::NewFollowupForStudent(_)
        | Action::NewFollowupForHazard(_)
        | Action::CreateFollowup(_)
        | Action::AcceptSuggestions { .. } => p(V::Create, S::Followup),
        Action::AskCompleteFollowup(_) | Action::AskRescheduleFollowup(_) => {
            p(V::Correct, S::Followup)
        }
        Action::NewHazard | Action::HazardFromCheck(_) | Action::CreateHazard(_) => {
            p(V::Create, S::Hazard)
        }
        Action::AskAdvanceHazard(_) | Action::VerifyHazard(..) => p(V::Correct, S::Hazard),
        Action::NewSlip => p(V::Create, S::Slip),
        Action::SlipToIncident(_) | Action::AskMergeSlip(_) | Action::AskSlipUnfounded(_) => {
            p(V::Correct, S::Slip)
        }
        Action::NewVisit
        | Action::SignIn(_)
        | Action::SignInAgain(_)
        | Action::RefuseEntry { .. } => p(V::Create, S::Gate),
        Action::SignOutNow(..) | Action::AskSignOutAt(..) | Action::AskLeftUnsigned(..) => {
            p(V::Correct, S::Gate)
        }
        Action::NewEarlyLeave | Action::CreateEarlyLeave(_) => p(V::Create, S::EarlyLeave),
        Action::EarlyLeaveBack(..) => p(V::Correct, S::EarlyLeave),
        Action::OpenWatchlist => p(V::View, S::Watchlist),
        Action::CreateWatch(_) => p(V::Create, S::Watchlist),
        Action::EndWatch(..) | Action::EndWatchNow(..) => p(V::Correct, S::Watchlist),
        Action::OpenSummary | Action::NeighbourShift { .. } => p(V::View, S::Report),
        Action::AskSignOff(..) | Action::SignOff(..) => p(V::Create, S::SignOff),
        Action::OpenAccount(_) | Action::SaveAccount { .. } => p(V::Correct, S::Account),
        Action::OpenAttention => p(V::View, S::Attention),
        Action::NewAttention | Action::CreateAttention(_) => p(V::Create, S::Attention),
        Action::AskEndAttention(..) => p(V::Correct, S::Attention),
        Action::AskReveal(_) => p(V::Reveal, S::Gate),
        Action::Quit
        | Action::QuitNow
        | Action::Help
        | Action::LeaveForm { .. }
        | Action::SetOperator(_)
        | Action::Reload
        | Action::Back
        | Action::SaySignedOff
        | Action::Lock => None,
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
    use Subject as S;
    use Verb as V;
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
