//! A day's rounds put together: the schedule, the latest check and any written reason of each
//! round, and its state at a moment. Screens and reports read this, never the raw rows.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use super::patrol::{self, CheckRecord, ExceptionRecord, RoundState};
use super::schedule::{RoundKey, Window, windows};
use crate::config::Config;

/// One round as a screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundView {
    pub key: RoundKey,
    pub window: Window,
    pub state: RoundState,
    pub check: Option<CheckRecord>,
    pub exception: Option<ExceptionRecord>,
    /// Missed, or partial after its window, with no written reason yet.
    pub open_exception: bool,
}

impl RoundView {
    /// Whether a check may be recorded now: not before the round's window opens.
    pub fn can_check(&self, now: NaiveDateTime) -> bool {
        now >= self.window.start
    }
}

/// Every round of `day`, in slot order, then repetition, then place order, at the local moment
/// `at` (whose offset also places the stored check times on the local clock).
pub fn for_day(
    cfg: &Config,
    day: NaiveDate,
    checks: &[CheckRecord],
    exceptions: &[ExceptionRecord],
    at: DateTime<FixedOffset>,
    tracked_from: NaiveDate,
) -> Vec<RoundView> {
    let now = at.naive_local();
    // Lateness is judged by the first check: correcting it later does not make it late.
    let local = |c: &CheckRecord| c.first_at.with_timezone(at.offset()).naive_local();
    let mut out = Vec::new();
    for slot in &cfg.slots {
        for window in windows(slot, day) {
            for place in &slot.places {
                let key = RoundKey {
                    day,
                    slot: slot.id.clone(),
                    rep: window.rep,
                    place: place.clone(),
                };
                let check = checks.iter().find(|c| c.round == key).cloned();
                let exception = exceptions.iter().find(|e| e.round == key).cloned();
                let state = patrol::state(
                    &window,
                    day,
                    check.as_ref().map(|c| (c, local(c))),
                    now,
                    tracked_from,
                );
                let open_exception =
                    patrol::needs_reason(state, &window, now) && exception.is_none();
                out.push(RoundView {
                    key,
                    window,
                    state,
                    check,
                    exception,
                    open_exception,
                });
            }
        }
    }
    out
}

/// Counts of a day's rounds by state, for headers and summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub upcoming: usize,
    pub due: usize,
    pub done: usize,
    pub late: usize,
    pub partial: usize,
    pub missed: usize,
    pub open_exceptions: usize,
}

pub fn tally(rounds: &[RoundView]) -> Tally {
    let mut t = Tally::default();
    for r in rounds {
        match r.state {
            RoundState::Upcoming => t.upcoming += 1,
            RoundState::Due => t.due += 1,
            RoundState::Done => t.done += 1,
            RoundState::Late => t.late += 1,
            RoundState::Partial => t.partial += 1,
            RoundState::Missed => t.missed += 1,
            RoundState::Untracked => {}
        }
        t.open_exceptions += usize::from(r.open_exception);
    }
    t
}
