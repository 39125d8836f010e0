//! The school's policies in the config file: the gate (`[gate]`), sign-in (`[access]`) and
//! how long records are kept (`[retention]`); each key as written, else as in the file it
//! falls back on, else the default.

use std::ops::Range;

use chrono::NaiveTime;
use serde::Deserialize;
use toml::Spanned;

use super::load::HhMm;
use super::model::{AccessPolicy, Config, GatePolicy, Retention, Slot};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawGate {
    store_full_id: Option<bool>,
    day_ends: Option<HhMm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAccess {
    idle_minutes: Option<Spanned<u32>>,
    lock_minutes: Option<Spanned<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(
    clippy::struct_field_names,
    reason = "the keys a school writes: gate_days, patrol_days …"
)]
pub(super) struct RawRetention {
    gate_days: Option<u32>,
    patrol_days: Option<u32>,
    hazard_days: Option<u32>,
    incident_days: Option<u32>,
}

/// The gate policy: as written; else whole numbers kept as in the fallback (not, by default),
/// and the day ending when the last slot that ends on its own day ends (18:00 if none does).
pub(super) fn gate_policy(
    raw: Option<&RawGate>,
    fallback: Option<&Config>,
    slots: &[Slot],
) -> GatePolicy {
    let last_end = slots
        .iter()
        .filter(|s| s.end > s.start)
        .map(|s| s.end)
        .max()
        .unwrap_or(NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN));
    GatePolicy {
        store_full_id: raw
            .and_then(|g| g.store_full_id)
            .or(fallback.map(|f| f.gate.store_full_id))
            .unwrap_or(false),
        day_ends: raw
            .and_then(|g| g.day_ends.as_ref().map(|t| t.0))
            .unwrap_or(last_end),
    }
}

/// The sign-in rules: as written, else as in the fallback, else 5 and 5 minutes.
pub(super) fn access_policy(
    access: Option<&RawAccess>,
    fallback: Option<&Config>,
) -> Result<AccessPolicy, (Range<usize>, String)> {
    let minutes = |pick: fn(&RawAccess) -> Option<&Spanned<u32>>,
                   old: fn(&AccessPolicy) -> u32,
                   default: u32|
     -> Result<u32, (Range<usize>, String)> {
        match access.and_then(pick) {
            Some(n) if !(1..=240).contains(n.get_ref()) => {
                Err((n.span(), "must be between 1 and 240 minutes".into()))
            }
            Some(n) => Ok(*n.get_ref()),
            None => Ok(fallback.map_or(default, |f| old(&f.access))),
        }
    };
    Ok(AccessPolicy {
        idle_minutes: minutes(|a| a.idle_minutes.as_ref(), |p| p.idle_minutes, 5)?,
        lock_minutes: minutes(|a| a.lock_minutes.as_ref(), |p| p.lock_minutes, 5)?,
    })
}

/// How long records are kept: as written, else as in the fallback, else the defaults.
pub(super) fn retention(kept: Option<&RawRetention>, fallback: Option<&Config>) -> Retention {
    let old = fallback.map(|f| f.retention);
    let days = |pick: fn(&RawRetention) -> Option<u32>, was: fn(Retention) -> u32, default| {
        kept.and_then(pick).or(old.map(was)).unwrap_or(default)
    };
    Retention {
        gate_days: days(|r| r.gate_days, |r| r.gate_days, 90),
        patrol_days: days(|r| r.patrol_days, |r| r.patrol_days, 1095),
        hazard_days: days(|r| r.hazard_days, |r| r.hazard_days, 1095),
        incident_days: days(|r| r.incident_days, |r| r.incident_days, 0),
    }
}
