//! Gathering a period's report from the store: the records of its days, and every round put
//! through the patrol grid's state rules.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

use super::{PeriodReport, RoundCounts};
use crate::Ctx;
use domain::patrol::{CheckRecord, ExceptionRecord, RoundState};
use domain::rounds;
use store::{FollowupQuery, Store, StoreError};

/// The start of local day `d` as an instant.
fn start_of(d: NaiveDate, offset: FixedOffset) -> DateTime<Utc> {
    offset
        .from_local_datetime(&d.and_time(NaiveTime::MIN))
        .single()
        .map_or_else(
            || d.and_time(NaiveTime::MIN).and_utc(),
            |t| t.with_timezone(&Utc),
        )
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Gathers the report for the local days `from..=to` as things stand at `now`.
pub fn build(
    store: &Store,
    ctx: &Ctx<'_>,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<FixedOffset>,
) -> Result<PeriodReport, StoreError> {
    let (start, end) = (
        start_of(from, ctx.offset),
        start_of(to + Duration::days(1), ctx.offset),
    );
    let mut report = PeriodReport {
        from,
        to,
        shifts: store.shifts_between(from, to)?,
        rounds: RoundCounts::default(),
        by_slot: ctx
            .cfg
            .slots
            .iter()
            .map(|s| (s.id.clone(), RoundCounts::default()))
            .collect(),
        by_place: ctx
            .cfg
            .places
            .iter()
            .map(|p| (p.id.clone(), RoundCounts::default()))
            .collect(),
        problem_rounds: 0,
        problem_items: 0,
        incidents: store.incident_facts(start, end)?,
        followups: store.followups(
            &FollowupQuery {
                due_from: Some(start),
                due_before: Some(end),
                ..FollowupQuery::default()
            },
            u32::MAX,
        )?,
        hazards: store.hazards_created_between(start, end)?,
        visits: store.visits_between(start, end)?,
        early_leaves: store.early_leaves_between(start, end)?,
        weeks: BTreeMap::new(),
        now: now.with_timezone(&Utc),
    };
    let mut week = from;
    while week <= to {
        report.weeks.insert(monday(week), (0, 0, 0));
        week += Duration::days(7);
    }
    report.weeks.insert(monday(to), (0, 0, 0));
    count_rounds(store, ctx, &mut report, now)?;
    for i in &report.incidents {
        let day = i.occurred_at.with_timezone(&ctx.offset).date_naive();
        report.weeks.entry(monday(day)).or_default().0 += 1;
    }
    Ok(report)
}

/// Puts every round of the period through the same state rules as the patrol grid.
fn count_rounds(
    store: &Store,
    ctx: &Ctx<'_>,
    report: &mut PeriodReport,
    now: DateTime<FixedOffset>,
) -> Result<(), StoreError> {
    let last = report.to.min(now.date_naive());
    if last < report.from {
        return Ok(());
    }
    let tracked = store.tracked_from()?.unwrap_or(now.date_naive());
    let mut checks: HashMap<NaiveDate, Vec<CheckRecord>> = HashMap::new();
    for c in store.round_checks_between(report.from, last)? {
        checks.entry(c.round.day).or_default().push(c);
    }
    let mut reasons: HashMap<NaiveDate, Vec<ExceptionRecord>> = HashMap::new();
    for e in store.round_exceptions_between(report.from, last)? {
        reasons.entry(e.round.day).or_default().push(e);
    }
    let mut day = report.from;
    while day <= last {
        let day_checks = checks.remove(&day).unwrap_or_default();
        let day_reasons = reasons.remove(&day).unwrap_or_default();
        let day_rounds = rounds::for_day(ctx.cfg, day, &day_checks, &day_reasons, now, tracked);
        let week = report.weeks.entry(monday(day)).or_default();
        for r in &day_rounds {
            report.rounds.add(r.state);
            if let Some((_, c)) = report.by_slot.iter_mut().find(|(id, _)| *id == r.key.slot) {
                c.add(r.state);
            }
            if let Some((_, c)) = report
                .by_place
                .iter_mut()
                .find(|(id, _)| *id == r.key.place)
            {
                c.add(r.state);
            }
            if let Some(c) = r.check.as_ref().filter(|c| c.problems > 0) {
                report.problem_rounds += 1;
                report.problem_items += u64::from(c.problems);
                week.1 += 1;
            }
            week.2 += u64::from(r.state == RoundState::Missed);
        }
        day += Duration::days(1);
    }
    Ok(())
}
