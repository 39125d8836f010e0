//! Patrol checks and round states: what a saved check holds, and whether a round is upcoming,
//! due, done, partial or missed at a given moment.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::schedule::{RoundKey, Window};
use super::shift::ShiftId;
use super::staff::StaffId;

/// A saved check's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CheckId(pub i64);

/// The answer to one checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemResult {
    Unset,
    Ok,
    Problem,
    NotApplicable,
}

impl ItemResult {
    pub fn code(self) -> &'static str {
        match self {
            ItemResult::Unset => "unset",
            ItemResult::Ok => "ok",
            ItemResult::Problem => "problem",
            ItemResult::NotApplicable => "na",
        }
    }

    pub fn from_code(code: &str) -> Option<ItemResult> {
        [
            ItemResult::Unset,
            ItemResult::Ok,
            ItemResult::Problem,
            ItemResult::NotApplicable,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }

    /// Space cycles through the answers in this order.
    pub fn next(self) -> ItemResult {
        match self {
            ItemResult::Unset | ItemResult::NotApplicable => ItemResult::Ok,
            ItemResult::Ok => ItemResult::Problem,
            ItemResult::Problem => ItemResult::NotApplicable,
        }
    }
}

/// One answered checklist item; the item's text is kept as it was when checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemAnswer {
    pub text: String,
    pub result: ItemResult,
    pub note: String,
}

/// A check ready to store. `replaces` is the latest check of the round the form was opened on,
/// so a check saved meanwhile by another terminal is never silently overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckDraft {
    pub round: RoundKey,
    pub items: Vec<ItemAnswer>,
    pub note: String,
    pub replaces: Option<CheckId>,
}

impl CheckDraft {
    /// A check is complete when no item is left unanswered.
    pub fn is_complete(&self) -> bool {
        self.items.iter().all(|i| i.result != ItemResult::Unset)
    }
}

/// The latest check of a round, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRecord {
    pub id: CheckId,
    pub round: RoundKey,
    pub shift: ShiftId,
    pub by: StaffId,
    pub by_name: String,
    pub at: DateTime<Utc>,
    /// When the round was first checked: a later correction does not make it late.
    pub first_at: DateTime<Utc>,
    pub complete: bool,
    pub problems: u32,
    pub note: String,
    pub items: Vec<ItemAnswer>,
}

/// A written reason why a round was missed or left partial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionRecord {
    pub round: RoundKey,
    pub reason: String,
    pub by_name: String,
    pub at: DateTime<Utc>,
}

/// A reason to store for a missed or partial round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionDraft {
    pub round: RoundKey,
    pub reason: String,
}

/// Where a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoundState {
    /// Before its window.
    Upcoming,
    /// Window open, not yet checked.
    Due,
    /// Checked, every item answered.
    Done,
    /// Checked completely, but only after the window had closed: the patrol was not made at
    /// its time, so, like a missed round, it needs a written reason.
    Late,
    /// Checked, some items unanswered.
    Partial,
    /// Window closed with no check.
    Missed,
    /// On a day before this database kept records: neither done nor missed.
    Untracked,
}

/// A check entered this long after its window closed still counts as made in time: the last
/// place of a round is often written up a few minutes after the bell.
pub const LATE_GRACE_MINUTES: i64 = 15;

impl RoundState {
    /// Missed, late or partial: a round that was not patrolled as planned.
    pub fn is_exception(self) -> bool {
        matches!(
            self,
            RoundState::Missed | RoundState::Late | RoundState::Partial
        )
    }
}

/// Works out a round's state from its window, its latest check (`checked_at`: the check's local
/// time) and the clock.
pub fn state(
    window: &Window,
    day: NaiveDate,
    latest: Option<(&CheckRecord, NaiveDateTime)>,
    now: NaiveDateTime,
    tracked_from: NaiveDate,
) -> RoundState {
    let deadline = window.end + chrono::Duration::minutes(LATE_GRACE_MINUTES);
    match latest {
        Some((c, at)) if c.complete && at > deadline => RoundState::Late,
        Some((c, _)) if c.complete => RoundState::Done,
        Some(_) => RoundState::Partial,
        None if now < window.start => RoundState::Upcoming,
        None if now < window.end => RoundState::Due,
        None if day < tracked_from => RoundState::Untracked,
        None => RoundState::Missed,
    }
}

/// Whether a round in this state, at this moment, is an exception that needs a written reason.
pub fn needs_reason(state: RoundState, window: &Window, now: NaiveDateTime) -> bool {
    match state {
        RoundState::Missed | RoundState::Late => true,
        RoundState::Partial => now >= window.end,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time")
    }

    fn window() -> Window {
        Window {
            rep: 0,
            start: t("2026-11-30 07:00"),
            end: t("2026-11-30 08:00"),
        }
    }

    fn check(complete: bool) -> CheckRecord {
        CheckRecord {
            id: CheckId(1),
            round: RoundKey {
                day: t("2026-11-30 00:00").date(),
                slot: "morning".into(),
                rep: 0,
                place: "gate".into(),
            },
            shift: ShiftId(1),
            by: StaffId(1),
            by_name: "张老师".into(),
            at: Utc::now(),
            first_at: Utc::now(),
            complete,
            problems: 0,
            note: String::new(),
            items: Vec::new(),
        }
    }

    #[test]
    fn states_follow_the_clock() {
        let w = window();
        let day = w.start.date();
        let from = day;
        assert_eq!(
            state(&w, day, None, t("2026-11-30 06:59"), from),
            RoundState::Upcoming
        );
        assert_eq!(
            state(&w, day, None, t("2026-11-30 07:00"), from),
            RoundState::Due
        );
        assert_eq!(
            state(&w, day, None, t("2026-11-30 07:59"), from),
            RoundState::Due
        );
        assert_eq!(
            state(&w, day, None, t("2026-11-30 08:00"), from),
            RoundState::Missed
        );
        let later = day.succ_opt().expect("date");
        assert_eq!(
            state(&w, day, None, t("2026-12-01 08:00"), later),
            RoundState::Untracked
        );
        assert_eq!(
            state(
                &w,
                day,
                Some((&check(true), t("2026-11-30 07:40"))),
                t("2026-11-30 09:00"),
                from
            ),
            RoundState::Done
        );
        assert_eq!(
            state(
                &w,
                day,
                Some((&check(false), t("2026-11-30 07:20"))),
                t("2026-11-30 07:30"),
                from
            ),
            RoundState::Partial
        );
    }

    #[test]
    fn a_check_entered_after_the_window_and_its_grace_is_late() {
        let w = window();
        let day = w.start.date();
        let check = check(true);
        let in_grace = t("2026-11-30 08:15");
        let after = t("2026-11-30 08:16");
        let now = t("2026-11-30 12:00");
        assert_eq!(
            state(&w, day, Some((&check, in_grace)), now, day),
            RoundState::Done
        );
        assert_eq!(
            state(&w, day, Some((&check, after)), now, day),
            RoundState::Late
        );
        assert!(needs_reason(RoundState::Late, &w, now));
    }

    #[test]
    fn partial_needs_a_reason_only_after_its_window() {
        let w = window();
        assert!(!needs_reason(
            RoundState::Partial,
            &w,
            t("2026-11-30 07:30")
        ));
        assert!(needs_reason(RoundState::Partial, &w, t("2026-11-30 08:00")));
        assert!(needs_reason(RoundState::Missed, &w, t("2026-11-30 08:00")));
        assert!(!needs_reason(RoundState::Done, &w, t("2026-11-30 08:00")));
    }
}
