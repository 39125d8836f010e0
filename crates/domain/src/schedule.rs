//! The patrol schedule: which rounds a day has, and when each one's window opens and closes.
//! A slot that crosses midnight belongs to the day it starts on.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::config::{Config, Slot, slot_minutes};

/// Names one round: a place, in one repetition of a slot, on the day the slot started.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoundKey {
    pub day: NaiveDate,
    pub slot: String,
    pub rep: u32,
    pub place: String,
}

/// One repetition of a slot: its number and its window in local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub rep: u32,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

impl Window {
    pub fn contains(&self, t: NaiveDateTime) -> bool {
        self.start <= t && t < self.end
    }
}

/// The windows of `slot` that start on `day` (none if the slot does not run that weekday).
pub fn windows(slot: &Slot, day: NaiveDate) -> Vec<Window> {
    if !slot.days.contains(&day.weekday()) {
        return Vec::new();
    }
    let start = day.and_time(slot.start);
    let end = start + Duration::minutes(slot_minutes(slot.start, slot.end));
    match slot.every_minutes {
        None => vec![Window { rep: 0, start, end }],
        Some(every) => {
            let step = Duration::minutes(i64::from(every.max(1)));
            let mut out = Vec::new();
            let mut at = start;
            let mut rep = 0;
            while at < end {
                out.push(Window {
                    rep,
                    start: at,
                    end: (at + step).min(end),
                });
                at += step;
                rep += 1;
            }
            out
        }
    }
}

/// Whether a time of day falls in a slot's hours, whatever the day: the same window rule as
/// `windows` (from the start, for the slot's length; a slot past midnight wraps).
pub fn covers(slot: &Slot, time: NaiveTime) -> bool {
    let since = (time - slot.start).num_minutes().rem_euclid(24 * 60);
    since < slot_minutes(slot.start, slot.end)
}

/// The first of `slots` whose hours hold a time of day, by position.
pub fn slot_at(slots: &[Slot], time: NaiveTime) -> Option<usize> {
    slots.iter().position(|s| covers(s, time))
}

/// The window of one round, if the round exists in this configuration.
pub fn window_of(cfg: &Config, key: &RoundKey) -> Option<Window> {
    let slot = cfg.slot(&key.slot)?;
    if !slot.places.contains(&key.place) {
        return None;
    }
    windows(slot, key.day)
        .into_iter()
        .find(|w| w.rep == key.rep)
}

/// A slot's repetition that is open at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Active<'a> {
    pub slot: &'a Slot,
    pub day: NaiveDate,
    pub window: Window,
}

/// Every slot repetition open at `now` (slots can overlap), including those that started the day
/// before and run past midnight.
pub fn active_at(cfg: &Config, now: NaiveDateTime) -> Vec<Active<'_>> {
    let today = now.date();
    let mut out = Vec::new();
    for day in [today - Duration::days(1), today] {
        for slot in &cfg.slots {
            for window in windows(slot, day) {
                if window.contains(now) {
                    out.push(Active { slot, day, window });
                }
            }
        }
    }
    out.sort_by_key(|a| a.window.start);
    out
}

/// The next slot repetition to open after `now`, looking up to a week ahead.
pub fn next_after(cfg: &Config, now: NaiveDateTime) -> Option<Active<'_>> {
    let today = now.date();
    (0..8)
        .flat_map(|d| {
            let day = today + Duration::days(d);
            cfg.slots.iter().flat_map(move |slot| {
                windows(slot, day)
                    .into_iter()
                    .map(move |window| Active { slot, day, window })
            })
        })
        .filter(|a| a.window.start > now)
        .min_by_key(|a| a.window.start)
}

#[cfg(test)]
mod tests;
