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
        (s.purge.visits, n.visits),
        (s.purge.visitors, n.visitors),
        (s.purge.early_leaves, n.early_leaves),
        (s.purge.checks, n.checks),
        (s.purge.exceptions, n.exceptions),
        (s.purge.hazards, n.hazards),
        (s.purge.incidents, n.incidents),
        (s.purge.followups, n.followups),
        (s.purge.slips, n.slips),
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
        (s.purge.policy)(r.gate_days, r.patrol_days, r.hazard_days, r.incident_days)
    );
    if !yes {
        let plan = store.purge_plan(&r, now).map_err(|e| s.store_error(&e))?;
        if plan.total() == 0 {
            println!("{}", s.purge.nothing);
        } else {
            println!("{}", s.purge.would);
            for l in lines(s, &plan) {
                println!("{l}");
            }
            println!("{}", s.purge.confirm);
        }
        if plan.held > 0 {
            println!("{}", (s.purge.held)(plan.held));
        }
        return Ok(());
    }
    let (done, scrubbed) = store.purge(&r, now).map_err(|e| s.store_error(&e))?;
    println!(
        "{}",
        if done.total() == 0 {
            s.purge.nothing
        } else {
            s.purge.done
        }
    );
    for l in lines(s, &done) {
        println!("{l}");
    }
    if done.held > 0 {
        println!("{}", (s.purge.held)(done.held));
    }
    if !scrubbed {
        println!("{}", s.purge.not_scrubbed);
    }
    println!("{}", s.purge.backups);
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
            .map_err(|_| s.purge.reason_needed.to_owned())?;
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
            (s.purge.released)(&number)
        } else {
            (s.purge.on_hold)(&number)
        }
    );
    Ok(())
}
