//! The report figures checked against counts made independently from the export, on a school
//! made by `dutydesk demo`: the period report over the whole range and the summary of a closed
//! shift. The export is read as raw tables; the counting here shares no code with src/report:
//! the rounds too are recounted here, from the raw checks and the schedule's slots (the config
//! as loaded, its windows worked out in this file), not through the crate's round states.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use serde_json::Value;
use tempfile::TempDir;

const NOW: &str = "2026-11-30T07:30:00+08:00";
const FROM: &str = "2026-10-01";
const TO: &str = "2026-11-30";

fn run(db: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("DUTYDESK_NOW", NOW)
        .env_remove("DUTYDESK_HOME")
        .env_remove("DUTYDESK_CONFIG")
        .output()
        .expect("run dutydesk");
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// One exported table as rows of column → value.
fn table(export: &Value, name: &str) -> Vec<BTreeMap<String, Value>> {
    let t = &export["tables"][name];
    let columns: Vec<String> = t["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c.as_str().expect("name").to_owned())
        .collect();
    t["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| {
            columns
                .iter()
                .cloned()
                .zip(row.as_array().expect("row").iter().cloned())
                .collect()
        })
        .collect()
}

fn text<'a>(row: &'a BTreeMap<String, Value>, column: &str) -> Option<&'a str> {
    row.get(column).and_then(Value::as_str)
}

fn int(row: &BTreeMap<String, Value>, column: &str) -> i64 {
    row.get(column).and_then(Value::as_i64).expect(column)
}

fn instant(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("time")
        .with_timezone(&Utc)
}

fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("offset")
}

fn local_day(s: &str) -> NaiveDate {
    instant(s).with_timezone(&china()).date_naive()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("day")
}

struct School {
    _dir: TempDir,
    db: std::path::PathBuf,
    export: Value,
}

fn school() -> School {
    let dir = TempDir::new().expect("temp");
    let db = dir.path().join("demo.db");
    run(&db, &["demo", "--days", "70", "--seed", "7"]);
    let export: Value = serde_json::from_str(&run(&db, &["export"])).expect("export JSON");
    School {
        _dir: dir,
        db,
        export,
    }
}

fn figures(json: &str) -> BTreeMap<String, Value> {
    let report: Value = serde_json::from_str(json).expect("report JSON");
    report["figures"]
        .as_object()
        .expect("figures")
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn count(n: usize) -> Value {
    Value::from(n as u64)
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one count per figure, each made plainly from the raw tables"
)]
fn the_period_figures_match_counts_made_from_the_export() {
    let school = school();
    let e = &school.export;
    let (from, to) = (day(FROM), day(TO));
    let now = instant(NOW);
    let today = now.with_timezone(&china()).date_naive();
    let in_days = |s: &str| (from..=to).contains(&local_day(s));
    let mut expected: BTreeMap<&str, Value> = BTreeMap::new();

    let shifts: Vec<_> = table(e, "shift")
        .into_iter()
        .filter(|s| (from..=to).contains(&day(text(s, "day").expect("day"))))
        .collect();
    expected.insert("shifts", count(shifts.len()));
    expected.insert(
        "shifts_signed_off",
        count(
            shifts
                .iter()
                .filter(|s| text(s, "signed_off_at").is_some())
                .count(),
        ),
    );

    let incidents: Vec<_> = table(e, "incident")
        .into_iter()
        .filter(|i| {
            in_days(text(i, "occurred_at").expect("time")) && text(i, "voided_at").is_none()
        })
        .collect();
    expected.insert("incidents", count(incidents.len()));
    expected.insert(
        "bullying_confirmed",
        count(
            incidents
                .iter()
                .filter(|i| text(i, "bullying") == Some("yes"))
                .count(),
        ),
    );
    let ids: BTreeSet<i64> = incidents.iter().map(|i| int(i, "id")).collect();
    let mut per_student: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    for x in table(e, "incident_student") {
        if ids.contains(&int(&x, "incident_id")) && int(&x, "removed") == 0 {
            per_student
                .entry(int(&x, "student_id"))
                .or_default()
                .insert(int(&x, "incident_id"));
        }
    }
    expected.insert(
        "repeat_students",
        count(per_student.values().filter(|s| s.len() >= 2).count()),
    );

    let followups: Vec<_> = table(e, "followup")
        .into_iter()
        .filter(|f| in_days(text(f, "due_at").expect("due")))
        .collect();
    expected.insert("followups_due", count(followups.len()));
    let done_by = |f: &BTreeMap<String, Value>, on_time: bool| {
        text(f, "status") == Some("done")
            && text(f, "done_at").is_some_and(|d| {
                (instant(d) <= instant(text(f, "due_at").expect("due"))) == on_time
            })
    };
    expected.insert(
        "followups_on_time",
        count(followups.iter().filter(|f| done_by(f, true)).count()),
    );
    expected.insert(
        "followups_late",
        count(followups.iter().filter(|f| done_by(f, false)).count()),
    );
    expected.insert(
        "followups_overdue",
        count(
            followups
                .iter()
                .filter(|f| {
                    text(f, "status") == Some("open")
                        && instant(text(f, "due_at").expect("due")) < now
                })
                .count(),
        ),
    );

    let hazards: Vec<_> = table(e, "hazard")
        .into_iter()
        .filter(|h| {
            in_days(text(h, "created_at").expect("created")) && text(h, "voided_at").is_none()
        })
        .collect();
    expected.insert("hazards", count(hazards.len()));
    let due_on = |h: &BTreeMap<String, Value>| day(text(h, "due_on").expect("due"));
    expected.insert(
        "hazards_on_time",
        count(
            hazards
                .iter()
                .filter(|h| text(h, "rectified_at").is_some_and(|r| local_day(r) <= due_on(h)))
                .count(),
        ),
    );
    expected.insert(
        "hazards_late",
        count(
            hazards
                .iter()
                .filter(|h| text(h, "rectified_at").is_some_and(|r| local_day(r) > due_on(h)))
                .count(),
        ),
    );
    expected.insert(
        "hazards_overdue",
        count(
            hazards
                .iter()
                .filter(|h| text(h, "rectified_at").is_none() && due_on(h) < today)
                .count(),
        ),
    );

    let visits: Vec<_> = table(e, "visit")
        .into_iter()
        .filter(|v| in_days(text(v, "time_in").expect("time in")))
        .collect();
    let refused = visits
        .iter()
        .filter(|v| text(v, "status") == Some("refused"))
        .count();
    expected.insert("visits", count(visits.len() - refused));
    expected.insert("refused", count(refused));
    expected.insert(
        "early_leaves",
        count(
            table(e, "early_leave")
                .iter()
                .filter(|l| in_days(text(l, "time_out").expect("out")))
                .count(),
        ),
    );

    // The latest check of each round in the range, and the problems in it.
    let mut latest: BTreeMap<(String, String, i64, String), BTreeMap<String, Value>> =
        BTreeMap::new();
    for c in table(e, "patrol_check") {
        let d = text(&c, "day").expect("day").to_owned();
        if !(from..=to.min(today)).contains(&day(&d)) {
            continue;
        }
        let key = (
            d,
            text(&c, "slot").expect("slot").to_owned(),
            int(&c, "rep"),
            text(&c, "place").expect("place").to_owned(),
        );
        let newer = latest
            .get(&key)
            .is_none_or(|old| int(old, "id") < int(&c, "id"));
        if newer {
            latest.insert(key, c);
        }
    }
    let with_problems: Vec<_> = latest.values().filter(|c| int(c, "problems") > 0).collect();
    expected.insert("problem_rounds", count(with_problems.len()));
    expected.insert(
        "problem_items",
        Value::from(
            with_problems
                .iter()
                .map(|c| int(c, "problems"))
                .sum::<i64>(),
        ),
    );

    // Every round of the days up to today, as things stood at the report's moment.
    let cfg = dutydesk::config::load(None).expect("the default config");
    let tracked = tracked_from(e);
    let mut rounds = Vec::new();
    let mut d = from;
    while d <= to.min(today) {
        rounds.extend(
            rounds_of_day(e, &cfg, d, local(NOW), tracked)
                .into_iter()
                .map(|(_, went)| went),
        );
        d += Duration::days(1);
    }
    let round_counts = round_figures(&rounds);
    expected.insert(
        "rounds_made_percent",
        Value::from(made_percent(&round_counts)),
    );
    expected.extend(round_counts);

    // Not a trivially empty school: every figure compared below has something to count.
    for key in [
        "rounds_due",
        "rounds_done",
        "rounds_late",
        "rounds_partial",
        "rounds_missed",
        "incidents",
        "followups_due",
        "visits",
        "refused",
        "early_leaves",
        "problem_rounds",
    ] {
        assert!(expected[key].as_u64().expect("count") > 0, "{key} is 0");
    }
    let report = figures(&run(
        &school.db,
        &[
            "report", "period", "--from", FROM, "--to", TO, "--format", "json",
        ],
    ));
    for (key, want) in &expected {
        assert_eq!(report.get(*key), Some(want), "figure {key}");
    }
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn a_shift_summarys_figures_match_counts_made_from_the_export() {
    let school = school();
    let e = &school.export;
    // The last closed shift: yesterday's.
    let shift = table(e, "shift")
        .into_iter()
        .filter(|s| text(s, "closed_at").is_some())
        .max_by_key(|s| int(s, "id"))
        .expect("a closed shift");
    let id = int(&shift, "id");
    let (opened, closed) = (
        instant(text(&shift, "opened_at").expect("opened")),
        instant(text(&shift, "closed_at").expect("closed")),
    );
    let created = |kind: &str| {
        table(e, "change_log")
            .iter()
            .filter(|l| {
                text(l, "kind") == Some(kind)
                    && text(l, "action") == Some("created")
                    && int(l, "shift_id") == id
            })
            .count()
    };
    let during = |s: Option<&str>| s.is_some_and(|t| (opened..closed).contains(&instant(t)));
    let visits: Vec<_> = table(e, "visit")
        .into_iter()
        .filter(|v| during(text(v, "time_in")))
        .collect();
    let refused = visits
        .iter()
        .filter(|v| text(v, "status") == Some("refused"))
        .count();
    let mut expected: BTreeMap<&str, Value> = BTreeMap::new();
    expected.insert("shift_id", Value::from(id));
    expected.insert("incidents_opened", count(created("incident")));
    expected.insert("followups_created", count(created("followup")));
    expected.insert("hazards_opened", count(created("hazard")));
    expected.insert("visitors_in", count(visits.len() - refused));
    expected.insert("refused", count(refused));
    expected.insert(
        "early_leaves",
        count(
            table(e, "early_leave")
                .iter()
                .filter(|l| during(text(l, "time_out")))
                .count(),
        ),
    );
    let day = text(&shift, "day").expect("day");

    // The rounds that fell to this shift: those of its day whose window started from its
    // opening (from the start of the day for the day's first shift) until the next shift of
    // the day opened.
    let mut that_day: Vec<_> = table(e, "shift")
        .into_iter()
        .filter(|s| text(s, "day") == Some(day))
        .collect();
    that_day.sort_by_key(|s| (instant(text(s, "opened_at").expect("opened")), int(s, "id")));
    let at = that_day
        .iter()
        .position(|s| int(s, "id") == id)
        .expect("the shift is on its day");
    let from = (at > 0).then(|| local(text(&shift, "opened_at").expect("opened")));
    let until = that_day
        .get(at + 1)
        .map(|next| local(text(next, "opened_at").expect("opened")));
    let cfg = dutydesk::config::load(None).expect("the default config");
    let rounds: Vec<Went> = rounds_of_day(e, &cfg, self::day(day), local(NOW), tracked_from(e))
        .into_iter()
        .filter(|(start, _)| from.is_none_or(|f| *start >= f) && until.is_none_or(|u| *start < u))
        .map(|(_, went)| went)
        .collect();
    expected.extend(round_figures(&rounds));

    // Not a trivially empty shift: it had rounds to make, and incidents and follow-ups were
    // recorded during it.
    for key in [
        "rounds_due",
        "rounds_done",
        "incidents_opened",
        "followups_created",
    ] {
        assert!(
            expected[key].as_u64().expect("count") > 0,
            "{key} is 0 for shift {id} ({day}): {expected:?}"
        );
    }

    let report = figures(&run(
        &school.db,
        &["report", "shift", "--date", day, "--format", "json"],
    ));
    for (key, want) in &expected {
        assert_eq!(
            report.get(*key),
            Some(want),
            "figure {key} of shift {id} ({day})"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Rounds, recounted from the raw checks and the schedule
// ---------------------------------------------------------------------------------------------

/// A check entered this long after its window closed still counts as made in time (the rule
/// the patrol screens explain); later than that it is late.
const GRACE_MINUTES: i64 = 15;

/// How one round went, as the patrol grid names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Went {
    /// Its window has not closed and it has no check: not yet due for the figures.
    NotYetDue,
    /// Before the file kept records.
    Untracked,
    Done,
    Late,
    Partial,
    Missed,
}

/// Every round of `day` — each slot that runs on its weekday, each repetition of its window
/// (worked out here from the slot's times), each place — with its window's start and how it
/// went at the local moment `now`, judged from the raw `patrol_check` rows: the latest check
/// of a round decides complete or partial, the first one whether it was late.
fn rounds_of_day(
    e: &Value,
    cfg: &dutydesk::config::Config,
    day: NaiveDate,
    now: NaiveDateTime,
    tracked_from: NaiveDate,
) -> Vec<(NaiveDateTime, Went)> {
    let checks: Vec<_> = table(e, "patrol_check")
        .into_iter()
        .filter(|c| text(c, "day") == Some(&day.format("%Y-%m-%d").to_string()))
        .collect();
    let mut out = Vec::new();
    for slot in cfg.slots.iter().filter(|s| s.days.contains(&day.weekday())) {
        let start = day.and_time(slot.start);
        let mut minutes = (slot.end - slot.start).num_minutes();
        if minutes <= 0 {
            minutes += 24 * 60; // a slot past midnight belongs to the day it starts on
        }
        let end = start + Duration::minutes(minutes);
        let step = slot.every_minutes.map_or(minutes, |m| i64::from(m.max(1)));
        let mut windows = Vec::new();
        let mut at = start;
        while at < end {
            windows.push((at, (at + Duration::minutes(step)).min(end)));
            at += Duration::minutes(step);
        }
        for (rep, (from, until)) in (0i64..).zip(windows) {
            for place in &slot.places {
                let of_round: Vec<_> = checks
                    .iter()
                    .filter(|c| {
                        text(c, "slot") == Some(slot.id.as_str())
                            && int(c, "rep") == rep
                            && text(c, "place") == Some(place.as_str())
                    })
                    .collect();
                let latest = of_round.iter().max_by_key(|c| int(c, "id"));
                let first = of_round
                    .iter()
                    .map(|c| local(text(c, "checked_at").expect("checked at")))
                    .min();
                let went = match (latest, first) {
                    (Some(c), Some(first)) if int(c, "complete") == 1 => {
                        if first > until + Duration::minutes(GRACE_MINUTES) {
                            Went::Late
                        } else {
                            Went::Done
                        }
                    }
                    (Some(_), _) => Went::Partial,
                    (None, _) if now < until => Went::NotYetDue,
                    (None, _) if day < tracked_from => Went::Untracked,
                    (None, _) => Went::Missed,
                };
                out.push((from, went));
            }
        }
    }
    out
}

/// The round figures of a report (`rounds_due` … `rounds_missed`) for these rounds.
fn round_figures(rounds: &[Went]) -> BTreeMap<&'static str, Value> {
    let n = |w: Went| count(rounds.iter().filter(|&&r| r == w).count());
    let due = rounds
        .iter()
        .filter(|r| !matches!(r, Went::NotYetDue | Went::Untracked))
        .count();
    BTreeMap::from([
        ("rounds_due", count(due)),
        ("rounds_done", n(Went::Done)),
        ("rounds_late", n(Went::Late)),
        ("rounds_partial", n(Went::Partial)),
        ("rounds_missed", n(Went::Missed)),
    ])
}

/// Rounds made (in time or late) per hundred due, to one decimal.
fn made_percent(figures: &BTreeMap<&'static str, Value>) -> f64 {
    let get = |k: &str| figures[k].as_u64().expect("a count");
    let made = get("rounds_done") + get("rounds_late");
    #[allow(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    let rate = made as f64 * 1000.0 / get("rounds_due") as f64;
    rate.round() / 10.0
}

fn tracked_from(e: &Value) -> NaiveDate {
    let meta = table(e, "meta");
    let row = meta
        .iter()
        .find(|m| text(m, "key") == Some("tracked_from"))
        .expect("tracked_from in meta");
    day(text(row, "value").expect("a day"))
}

fn local(s: &str) -> NaiveDateTime {
    instant(s).with_timezone(&china()).naive_local()
}
