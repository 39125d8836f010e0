//! The report figures checked against counts made independently from the export, on a school
//! made by `dutydesk demo`: the period report over the whole range and the summary of a closed
//! shift. The export is read as raw tables; the counting here shares no code with src/report.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
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

    let report = figures(&run(
        &school.db,
        &[
            "report", "period", "--from", FROM, "--to", TO, "--format", "json",
        ],
    ));
    for (key, want) in &expected {
        assert_eq!(report.get(*key), Some(want), "figure {key}");
    }
    // Not a trivially empty school.
    for key in [
        "incidents",
        "followups_due",
        "visits",
        "refused",
        "early_leaves",
        "problem_rounds",
    ] {
        assert!(expected[key].as_u64().expect("count") > 0, "{key} is 0");
    }
}

#[test]
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
