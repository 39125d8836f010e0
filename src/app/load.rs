//! What each screen needs from the store, loaded after every action and every quiet minute:
//! only the current screen's records, never inside render.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};

use super::day_rounds;
use crate::report::{period, shift};
use crate::screens::summary::{Mode, SummaryScreen};
use crate::screens::{Screen, View};
use crate::store::{FollowupQuery, Store, StoreError};

/// How many rows a list loads; later issues page beyond this.
const LIST_LIMIT: u32 = 500;

pub fn screen(store: &Store, view: &View<'_>, screen: &mut Screen) -> Result<(), StoreError> {
    let now = view.now_local();
    match screen {
        Screen::Patrols(p) => {
            let tracked = view.data.tracked_from.unwrap_or(now.date_naive());
            let rounds = day_rounds(store, view.cfg, p.day, now, tracked)?;
            p.set_rounds(rounds, view.cfg);
        }
        Screen::Incidents(list) => {
            let rows = store.incidents(&list.filter.query(view), list.window())?;
            let slips = store.slips(false, list.window())?;
            list.set_rows(rows, slips);
        }
        Screen::IncidentDetail(d) => {
            d.incident = Some(store.incident(d.id)?);
            d.history = store.incident_history(d.id)?;
            let query = FollowupQuery {
                incident: Some(d.id),
                ..FollowupQuery::default()
            };
            d.followups = store.followups(&query, LIST_LIMIT)?;
        }
        Screen::StudentView(v) => {
            let student = store.student(v.id)?;
            let incidents = store.student_incidents(v.id)?;
            let query = FollowupQuery {
                student: Some(v.id),
                ..FollowupQuery::default()
            };
            v.set(student, incidents, store.followups(&query, LIST_LIMIT)?);
        }
        Screen::Followups(list) => {
            let query = FollowupQuery {
                open_only: !list.with_done,
                owner: if list.mine { view.data.operator } else { None },
                ..FollowupQuery::default()
            };
            list.set_rows(store.followups(&query, list.window())?);
        }
        Screen::Hazards(list) => {
            // A cursor move within the loaded rows reads one hazard's history, not the list.
            if !std::mem::take(&mut list.rows_current) {
                list.set_rows(store.hazards(!list.all, list.window())?);
            }
            list.history = match list.selected() {
                Some(h) => store.hazard_history(h.id)?,
                None => Vec::new(),
            };
        }
        Screen::Gate(g) => {
            let (from, to) = day_bounds(view);
            g.log = store.visits_between(from, to)?;
            g.leaves = store.early_leaves_between(from, to)?;
            g.clamp(view);
        }
        Screen::Watchlist(w) => w.rows = store.watchlist(false)?,
        Screen::Attention(a) => a.rows = store.attention_list(false)?,
        Screen::Summary(x) => summary(store, view, x)?,
        _ => {}
    }
    Ok(())
}

/// The duty log of the chosen shift (the open one, else the latest), or the period report.
fn summary(store: &Store, view: &View<'_>, x: &mut SummaryScreen) -> Result<(), StoreError> {
    let ctx = view.report_ctx();
    let now = view.now_local();
    match x.mode {
        Mode::Shift => {
            let id = match x.shift {
                Some(id) => Some(id),
                None => match store.open_shift()? {
                    Some(open) => Some(open.id),
                    None => store.recent_shifts(1)?.first().map(|s| s.id),
                },
            };
            x.period = None;
            x.summary = match id {
                Some(id) => Some(Box::new(shift::build(store, &ctx, id, now)?)),
                None => None,
            };
            x.doc = x.summary.as_ref().map(|s| s.doc(&ctx));
        }
        Mode::Period => {
            let (from, to) = x.range(now.date_naive());
            let report = period::build(store, &ctx, from, to, now)?;
            x.doc = Some(report.doc(&ctx));
            x.period = Some(Box::new(report));
        }
    }
    Ok(())
}

/// The start of today and of tomorrow, local, as UTC instants.
pub fn day_bounds(view: &View<'_>) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = |d: chrono::NaiveDate| {
        view.offset
            .from_local_datetime(&d.and_time(NaiveTime::MIN))
            .single()
            .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
    };
    let today = view.now.date();
    (start(today), start(today + Duration::days(1)))
}
