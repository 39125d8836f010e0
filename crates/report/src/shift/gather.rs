//! Gathering a shift's summary from the store: its rounds, the records its activity touched,
//! the gate, and what changed after sign-off.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::{Correction, ShiftSummary};
use crate::Ctx;
use domain::followup::{Followup, FollowupId};
use domain::gate::{Visit, VisitStatus};
use domain::hazard::{Hazard, HazardId};
use domain::history::LogAction;
use domain::incident::{Incident, IncidentId};
use domain::rounds::{self, RoundView};
use domain::shift::{Shift, ShiftId};
use store::{Activity, FollowupQuery, LogKind, Store, StoreError};

/// Incidents opened earlier and changed during the shift, with what was done to each.
type Updated = Vec<(Incident, Vec<LogAction>)>;

/// Gathers the summary of `id` as it stands at `now`.
pub fn build(
    store: &Store,
    ctx: &Ctx<'_>,
    id: ShiftId,
    now: DateTime<FixedOffset>,
) -> Result<ShiftSummary, StoreError> {
    let shift = store.shift(id)?;
    let now_utc = now.with_timezone(&Utc);
    let end = shift.closed_at.unwrap_or(now_utc).min(now_utc);
    let rounds = shift_rounds(store, ctx, &shift, now)?;
    let tally = rounds::tally(&rounds);
    let activity = store.shift_activity(id)?;
    let (opened, updated) = incidents(store, &activity)?;
    let [
        followups_created,
        followups_completed,
        followups_overdue,
        followups_due_soon,
    ] = followups(store, &activity, end)?;
    let [hazards_opened, hazards_rectified, hazards_overdue] = hazards(
        store,
        ctx,
        &shift,
        &created(&activity, LogKind::Hazard),
        of(&activity, LogKind::Hazard),
        end,
    )?;
    let visits = store.visits_between(shift.opened_at, end)?;
    let early_leaves = store.early_leaves_between(shift.opened_at, end)?;
    let still_in = still_in(store, &shift, end)?;
    let corrections = match &shift.signed_off {
        Some((at, _)) => corrections(store, &shift, &rounds, *at)?,
        None => Vec::new(),
    };
    let audit_head = store.audit_head()?;
    Ok(ShiftSummary {
        shift,
        end,
        rounds,
        tally,
        opened,
        updated,
        followups_created,
        followups_completed,
        followups_overdue,
        followups_due_soon,
        hazards_opened,
        hazards_rectified,
        hazards_overdue,
        visits,
        early_leaves,
        still_in,
        corrections,
        audit_head,
    })
}

/// The shift's activity on one kind of record.
fn of(activity: &[Activity], kind: LogKind) -> impl Iterator<Item = &Activity> {
    activity.iter().filter(move |a| a.kind == kind)
}

/// The ids of the records of one kind that the shift created.
fn created(activity: &[Activity], kind: LogKind) -> Vec<i64> {
    of(activity, kind)
        .filter(|a| a.action == LogAction::Created)
        .map(|a| a.record)
        .collect()
}

/// Incidents opened during the shift, and those opened earlier that it changed.
fn incidents(store: &Store, activity: &[Activity]) -> Result<(Vec<Incident>, Updated), StoreError> {
    let opened = created(activity, LogKind::Incident)
        .into_iter()
        .map(|i| store.incident(IncidentId(i)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut updated: Updated = Vec::new();
    for a in of(activity, LogKind::Incident).filter(|a| a.action != LogAction::Created) {
        if opened.iter().any(|i| i.id.0 == a.record) {
            continue;
        }
        match updated.iter_mut().find(|(i, _)| i.id.0 == a.record) {
            Some((_, actions)) => actions.push(a.action),
            None => updated.push((store.incident(IncidentId(a.record))?, vec![a.action])),
        }
    }
    Ok((opened, updated))
}

/// Follow-ups created and completed during the shift; of those still open, the ones overdue at
/// its end and the ones due within a day after it.
fn followups(
    store: &Store,
    activity: &[Activity],
    end: DateTime<Utc>,
) -> Result<[Vec<Followup>; 4], StoreError> {
    let followup = |id: i64| -> Result<Followup, StoreError> { store.followup(FollowupId(id)) };
    let created = created(activity, LogKind::Followup)
        .into_iter()
        .map(followup)
        .collect::<Result<Vec<_>, _>>()?;
    let completed = of(activity, LogKind::Followup)
        .filter(|a| a.action == LogAction::Completed)
        .map(|a| followup(a.record))
        .collect::<Result<Vec<_>, _>>()?;
    let open = store.followups(
        &FollowupQuery {
            open_only: true,
            due_before: Some(end + Duration::hours(24)),
            ..FollowupQuery::default()
        },
        u32::MAX,
    )?;
    let (overdue, due_soon) = open.into_iter().partition(|f| f.due_at < end);
    Ok([created, completed, overdue, due_soon])
}

/// Hazards recorded and rectified during the shift, and those overdue at its end.
fn hazards<'a>(
    store: &Store,
    ctx: &Ctx<'_>,
    shift: &Shift,
    created: &[i64],
    activity: impl Iterator<Item = &'a Activity>,
    end: DateTime<Utc>,
) -> Result<[Vec<Hazard>; 3], StoreError> {
    let opened = created
        .iter()
        .map(|h| store.hazard(HazardId(*h)))
        .collect::<Result<Vec<_>, _>>()?;
    let rectified = activity
        .filter(|a| a.action == LogAction::StatusChanged)
        .map(|a| store.hazard(HazardId(a.record)))
        .collect::<Result<Vec<Hazard>, _>>()?
        .into_iter()
        .filter(|h| {
            h.rectified_at
                .is_some_and(|t| t >= shift.opened_at && t <= end)
        })
        .fold(Vec::new(), |mut list: Vec<Hazard>, h| {
            if !list.iter().any(|x| x.id == h.id) {
                list.push(h);
            }
            list
        });
    let end_day = end.with_timezone(&ctx.offset).date_naive();
    let overdue = store
        .hazards(true, u32::MAX)?
        .into_iter()
        .filter(|h| h.is_overdue(end_day))
        .collect();
    Ok([opened, rectified, overdue])
}

/// Visitors inside at the end of the shift: now, for an open shift.
fn still_in(store: &Store, shift: &Shift, end: DateTime<Utc>) -> Result<Vec<Visit>, StoreError> {
    if shift.closed_at.is_none() {
        store.on_campus()
    } else {
        // A closed shift: who was inside when it closed (a visit of up to a week back).
        Ok(store
            .visits_between(end - Duration::days(7), end)?
            .into_iter()
            .filter(|v| v.status != VisitStatus::Refused && v.time_out.is_none_or(|t| t > end))
            .collect())
    }
}

/// The rounds of the shift's day that fell to it (see `ShiftSummary::rounds`).
fn shift_rounds(
    store: &Store,
    ctx: &Ctx<'_>,
    shift: &Shift,
    now: DateTime<FixedOffset>,
) -> Result<Vec<RoundView>, StoreError> {
    let day = shift.day;
    let checks = store.day_checks(day)?;
    let exceptions = store.day_exceptions(day)?;
    let tracked = store.tracked_from()?.unwrap_or(day);
    let all = rounds::for_day(ctx.cfg, day, &checks, &exceptions, now, tracked);
    let local = |t: DateTime<Utc>| t.with_timezone(&ctx.offset).naive_local();
    let shifts = store.shifts_on(day)?;
    let at = shifts.iter().position(|s| s.id == shift.id).unwrap_or(0);
    let from = (at > 0).then(|| local(shift.opened_at));
    let until = shifts.get(at + 1).map(|next| local(next.opened_at));
    Ok(all
        .into_iter()
        .filter(|r| from.is_none_or(|f| r.window.start >= f))
        .filter(|r| until.is_none_or(|u| r.window.start < u))
        .collect())
}

/// What changed in the shift's records after the leader signed off, oldest first.
fn corrections(
    store: &Store,
    shift: &Shift,
    rounds: &[RoundView],
    signed: DateTime<Utc>,
) -> Result<Vec<Correction>, StoreError> {
    let mut out = Vec::new();
    for a in store.activity_after(shift.id, signed)? {
        let label = match a.kind {
            LogKind::Incident => store.incident(IncidentId(a.record))?.number,
            LogKind::Followup => {
                let f = store.followup(FollowupId(a.record))?;
                f.incident.map(|(_, n)| n).unwrap_or_default()
            }
            LogKind::Hazard => store.hazard(HazardId(a.record))?.draft.description,
            LogKind::Slip => String::new(),
        };
        out.push(Correction::Record(a, label));
    }
    for r in rounds {
        if let Some(c) = r.check.as_ref().filter(|c| c.at > signed) {
            out.push(Correction::Check(c.clone()));
        }
        if let Some(e) = r.exception.as_ref().filter(|e| e.at > signed) {
            out.push(Correction::Reason(e.clone()));
        }
    }
    out.sort_by_key(Correction::at);
    Ok(out)
}
