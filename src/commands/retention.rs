//! `dutydesk purge` and `dutydesk hold`: records past their retention removed for good, and the
//! legal hold that keeps an incident out of any purge.

use crate::domain::access::{Perm, Subject, Verb};
use crate::domain::text::{self, TextKind};
use crate::i18n::Words as _;
use crate::store::{PurgeCounts, Store};

use super::Setup;

/// The counts, one line per kind that has any.
fn lines(s: &crate::i18n::Strings, n: &PurgeCounts) -> Vec<String> {
    [
        (s.pg_visits, n.visits),
        (s.pg_visitors, n.visitors),
        (s.pg_early_leaves, n.early_leaves),
        (s.pg_checks, n.checks),
        (s.pg_exceptions, n.exceptions),
        (s.pg_hazards, n.hazards),
        (s.pg_incidents, n.incidents),
        (s.pg_followups, n.followups),
        (s.pg_slips, n.slips),
    ]
    .into_iter()
    .filter(|(_, c)| *c > 0)
    .map(|(what, c)| format!("  {what}: {c}"))
    .collect()
}

pub fn purge(setup: &Setup, yes: bool) -> Result<(), String> {
    let s = setup.lang.strings();
    let mut store = Store::open_existing(&setup.paths.db).map_err(|e| s.store_error(&e))?;
    let r = setup.config.retention;
    let now = setup.clock.now().to_utc();
    let purge = Perm(Verb::Purge, Subject::Data);
    super::auth::require(setup, &mut store, purge, now)?;
    println!(
        "{}",
        (s.pg_policy)(r.gate_days, r.patrol_days, r.hazard_days, r.incident_days)
    );
    if !yes {
        let plan = store.purge_plan(&r, now).map_err(|e| s.store_error(&e))?;
        if plan.total() == 0 {
            println!("{}", s.pg_nothing);
        } else {
            println!("{}", s.pg_would);
            for l in lines(s, &plan) {
                println!("{l}");
            }
            println!("{}", s.pg_confirm);
        }
        if plan.held > 0 {
            println!("{}", (s.pg_held)(plan.held));
        }
        return Ok(());
    }
    let (done, scrubbed) = store.purge(&r, now).map_err(|e| s.store_error(&e))?;
    println!(
        "{}",
        if done.total() == 0 {
            s.pg_nothing
        } else {
            s.pg_done
        }
    );
    for l in lines(s, &done) {
        println!("{l}");
    }
    if done.held > 0 {
        println!("{}", (s.pg_held)(done.held));
    }
    if !scrubbed {
        println!("{}", s.pg_not_scrubbed);
    }
    println!("{}", s.pg_backups);
    Ok(())
}

pub fn hold(
    setup: &Setup,
    number: &str,
    reason: Option<&str>,
    release: bool,
) -> Result<(), String> {
    let s = setup.lang.strings();
    let reason = if release {
        None
    } else {
        let r = text::validate(TextKind::Line, reason.unwrap_or(""), true)
            .map_err(|_| s.pg_reason_needed.to_owned())?;
        Some(r)
    };
    let mut store = Store::open_existing(&setup.paths.db).map_err(|e| s.store_error(&e))?;
    let now = setup.clock.now().to_utc();
    // A hold keeps an incident from any purge: for those who may void one.
    super::auth::require(setup, &mut store, Perm(Verb::Void, Subject::Incident), now)?;
    store
        .set_hold(number, reason.as_deref(), None, now)
        .map_err(|e| s.store_error(&e))?;
    let number = text::line(number);
    println!(
        "{}",
        if release {
            (s.pg_released)(&number)
        } else {
            (s.pg_on_hold)(&number)
        }
    );
    Ok(())
}
