//! Tests of the patrol schedule: hourly night rounds across midnight, slots on their days, and
//! the next slot over a weekend.

use super::*;
use crate::config;

fn cfg() -> Config {
    config::load(None).expect("defaults load")
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time")
}

#[test]
fn night_rounds_repeat_hourly_across_midnight() {
    let cfg = cfg();
    let night = cfg.slot("night").expect("night slot");
    let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let w = windows(night, sunday);
    assert_eq!(w.len(), 8);
    assert_eq!(w[0].start, at("2026-11-29 22:00"));
    assert_eq!(w[7].start, at("2026-11-30 05:00"));
    assert_eq!(w[7].end, at("2026-11-30 06:00"));
}

#[test]
fn a_slot_past_midnight_belongs_to_the_day_it_started() {
    let cfg = cfg();
    let active = active_at(&cfg, at("2026-11-30 02:30"));
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].slot.id, "night");
    assert_eq!(
        active[0].day,
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
    );
    assert_eq!(active[0].window.rep, 4);
}

#[test]
fn slots_run_only_on_their_days() {
    let cfg = cfg();
    let morning = cfg.slot("morning").expect("morning");
    let saturday = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    assert!(windows(morning, saturday).is_empty());
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    assert_eq!(windows(morning, monday).len(), 1);
}

#[test]
fn next_slot_is_found_over_a_weekend() {
    let cfg = cfg();
    let next = next_after(&cfg, at("2026-11-28 10:00")).expect("a next slot");
    assert_eq!(next.slot.id, "evening");
    assert_eq!(next.window.start, at("2026-11-29 21:00"));
}
