//! `dutydesk demo`: the real binary on temp files with a fixed clock. The same seed gives the same
//! contents in every table and a different seed a different school; a short run has the school
//! the issue asks for (about 2,000 students, a shift a day, incidents with students in several
//! roles, overdue follow-ups, watchlist refusals, early leaves, repeat visitors) and everything
//! in it reads back through the store; a file with records is refused and left byte for byte as
//! it was; progress goes to stderr and the summary to stdout.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Duration, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use dutydesk::domain::incident::IncidentFilter;
use dutydesk::store::{FollowupQuery, Store};

/// Monday 30 November 2026, before the morning rounds.
const NOW: &str = "2026-11-30T07:30:00+08:00";

/// Variables from the developer's shell that would change what a run does.
const SCRUBBED: [&str; 8] = [
    "DUTYDESK_DB",
    "DUTYDESK_CONFIG",
    "DUTYDESK_NOW",
    "DUTYDESK_LOG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "XDG_DATA_HOME",
];

struct Sandbox {
    tmp: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            tmp: TempDir::new().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// `dutydesk --db FILE ARGS…` in English, with the fixed clock and a home in the sandbox.
    fn run(&self, db: &str, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dutydesk"));
        for var in SCRUBBED {
            cmd.env_remove(var);
        }
        cmd.env("DUTYDESK_HOME", self.path("home"))
            .env("HOME", self.path("decoy"))
            .env("DUTYDESK_NOW", NOW)
            .arg("--lang")
            .arg("en")
            .arg("--db")
            .arg(self.path(db))
            .args(args)
            .current_dir(self.tmp.path());
        cmd.output().expect("run dutydesk")
    }

    /// A demo run that must succeed.
    fn demo(&self, db: &str, args: &[&str]) -> Output {
        let mut all = vec!["demo"];
        all.extend_from_slice(args);
        let out = self.run(db, &all);
        assert!(
            out.status.success(),
            "demo failed: {}\nstdout: {}\nstderr: {}",
            out.status,
            text(&out.stdout),
            text(&out.stderr)
        );
        out
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn peek(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open read-only")
}

/// Every row of every table, as stored.
fn contents(path: &Path) -> BTreeMap<String, Vec<Vec<Value>>> {
    let conn = peek(path);
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("names");
    assert!(tables.len() > 15, "{tables:?}");
    tables
        .into_iter()
        .map(|t| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY rowid"))
                .expect("select");
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
                .expect("rows")
                .collect::<Result<Vec<Vec<Value>>, _>>()
                .expect("read");
            (t, rows)
        })
        .collect()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn now_utc() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .expect("now")
        .with_timezone(&Utc)
}

#[test]
fn the_same_seed_makes_the_same_school_and_another_seed_another() {
    let sb = Sandbox::new();
    sb.demo("a.db", &["--days", "14", "--seed", "7"]);
    sb.demo("b.db", &["--days", "14", "--seed", "7"]);
    sb.demo("c.db", &["--days", "14", "--seed", "8"]);
    let (a, b, c) = (
        contents(&sb.path("a.db")),
        contents(&sb.path("b.db")),
        contents(&sb.path("c.db")),
    );
    for (table, rows) in &a {
        assert_eq!(Some(rows), b.get(table), "table {table} differs");
    }
    assert_eq!(a.len(), b.len());
    for table in ["student", "incident", "visit", "patrol_check"] {
        assert_ne!(
            a.get(table),
            c.get(table),
            "{table} is the same with another seed"
        );
    }
}

#[test]
fn a_short_demo_has_the_school_the_issue_asks_for() {
    let sb = Sandbox::new();
    let out = sb.demo("school.db", &["--days", "14"]);
    let db = sb.path("school.db");
    let conn = peek(&db);
    let c = |sql: &str| count(&conn, sql);

    let students = c("SELECT count(*) FROM student");
    assert!((1900..=2100).contains(&students), "{students} students");
    assert_eq!(c("SELECT count(DISTINCT class_name) FROM student"), 36);
    for role in [
        "teacher",
        "class_teacher",
        "leader",
        "guard",
        "dorm_staff",
        "counsellor",
        "safety_officer",
    ] {
        let n = c(&format!("SELECT count(*) FROM staff WHERE role = '{role}'"));
        assert!(n >= 1, "no staff member with role {role}");
    }

    shifts_and_teams(&conn);
    records_and_gate(&conn);
    drop(conn);
    reads_back(&db);

    // Progress on stderr, the summary on stdout.
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(stderr.contains("day 14/14"), "{stderr}");
    assert!(!stdout.contains("day 14/14"), "{stdout}");
    assert!(
        stdout.contains("students") && stdout.contains("incidents"),
        "{stdout}"
    );
}

/// One shift a day for the fourteen days up to today, each with its whole team.
fn shifts_and_teams(conn: &Connection) {
    let c = |sql: &str| count(conn, sql);
    // One shift a day for the fourteen days up to today; only today's still open.
    assert_eq!(c("SELECT count(*) FROM shift"), 14);
    assert_eq!(c("SELECT count(DISTINCT day) FROM shift"), 14);
    assert_eq!(c("SELECT min(day) = '2026-11-17' FROM shift"), 1);
    assert_eq!(
        c("SELECT count(*) FROM shift WHERE closed_at IS NULL AND day = '2026-11-30'"),
        1
    );
    assert_eq!(c("SELECT count(*) FROM shift WHERE closed_at IS NULL"), 1);
    for role in ["duty_teacher", "leader", "night_duty"] {
        let n = c(&format!(
            "SELECT count(DISTINCT shift_id) FROM shift_member WHERE role = '{role}'"
        ));
        assert!(n >= 10, "{n} shifts with a {role}");
    }
    assert_eq!(
        c(
            "SELECT count(*) FROM (SELECT shift_id FROM shift_member WHERE role = 'guard' \
           GROUP BY shift_id HAVING count(*) = 2)"
        ),
        14
    );
}

/// Patrols, incidents, follow-ups and the gate, as the issue lists them.
fn records_and_gate(conn: &Connection) {
    let c = |sql: &str| count(conn, sql);
    // Patrols: mostly done, a few with written reasons or problems.
    let checks = c("SELECT count(*) FROM patrol_check");
    assert!(checks > 200, "{checks} checks");
    assert!(c("SELECT count(*) FROM round_exception") >= 1);
    assert!(c("SELECT count(*) FROM patrol_check WHERE problems > 0") >= 1);
    assert!(c("SELECT count(*) FROM patrol_check WHERE complete = 1") * 10 > checks * 9);

    // Incidents with several students in different roles; follow-ups, some overdue.
    assert!(
        c(
            "SELECT count(*) FROM (SELECT incident_id FROM incident_student WHERE removed = 0 \
           GROUP BY incident_id HAVING count(DISTINCT role) >= 2 AND count(*) >= 2)"
        ) >= 1
    );
    assert!(c("SELECT count(*) FROM followup WHERE status = 'done'") >= 1);
    let overdue = format!(
        "SELECT count(*) FROM followup WHERE status = 'open' AND due_at < '{}'",
        now_utc().format("%Y-%m-%dT%H:%M:%S")
    );
    assert!(c(&overdue) >= 1, "no open overdue follow-up");
    assert!(c("SELECT count(*) FROM change_log WHERE action = 'corrected'") >= 1);

    // The gate: repeat visitors, watchlist refusals and an admission despite a match, early
    // leaves with who collected the student, and one visitor who left without signing out.
    assert!(c("SELECT max(n) FROM (SELECT count(*) n FROM visit GROUP BY visitor_id)") >= 2);
    assert!(c("SELECT count(*) FROM watch") >= 2);
    assert!(c("SELECT count(*) FROM visit WHERE status = 'refused'") >= 1);
    assert!(
        c(
            "SELECT count(*) FROM visit WHERE status != 'refused' AND watch_id IS NOT NULL AND admit_reason != ''"
        ) >= 1
    );
    assert!(
        c("SELECT count(*) FROM visit WHERE out_kind = 'left_unsigned' AND out_note != ''") >= 1
    );
    assert!(c("SELECT count(*) FROM early_leave WHERE collected_by != '' AND relation != ''") >= 1);
}

/// Everything reads back through the store as the screens read it.
fn reads_back(db: &Path) {
    // Everything reads back through the store as the screens read it.
    let store = Store::open_existing(db).expect("open");
    let filter = IncidentFilter {
        include_voided: true,
        ..IncidentFilter::default()
    };
    assert!(
        !store
            .incidents(&filter, 10_000)
            .expect("incidents")
            .is_empty()
    );
    assert!(
        !store
            .followups(&FollowupQuery::default(), 10_000)
            .expect("follow-ups")
            .is_empty()
    );
    store.hazards(false, 10_000).expect("hazards");
    store.slips(false, 10_000).expect("slips");
    assert!(!store.visitors(10_000).expect("visitors").is_empty());
    assert_eq!(store.watchlist(false).expect("watchlist").len(), 3);
    let week = now_utc() - Duration::days(7);
    store.visits_between(week, now_utc()).expect("visits");
    store
        .early_leaves_between(week, now_utc())
        .expect("early leaves");
    let yesterday = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("day");
    assert!(!store.day_checks(yesterday).expect("checks").is_empty());
    assert_eq!(
        store.tracked_from().expect("tracked"),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 17)
    );
}

#[test]
fn a_file_with_records_is_refused_and_left_as_it_was() {
    let sb = Sandbox::new();
    sb.demo("full.db", &["--days", "2"]);
    let db = sb.path("full.db");
    let before = std::fs::read(&db).expect("read");
    let out = sb.run("full.db", &["demo", "--days", "3", "--seed", "9"]);
    let code = out.status.code().expect("exited");
    assert!(code != 0 && code != 101, "exit {code}");
    let err = text(&out.stderr);
    assert!(err.contains("full.db") && err.contains("--db"), "{err}");
    assert_eq!(
        std::fs::read(&db).expect("read again"),
        before,
        "the file changed"
    );

    // An empty database (made by `init`) is filled.
    let init = sb.run("empty.db", &["init"]);
    assert!(init.status.success(), "{}", text(&init.stderr));
    sb.demo("empty.db", &["--days", "1"]);
    assert_eq!(
        count(&peek(&sb.path("empty.db")), "SELECT count(*) FROM shift"),
        1
    );
}

#[test]
fn incidents_come_at_noon_and_in_quiet_places() {
    let sb = Sandbox::new();
    sb.demo("term.db", &["--days", "120", "--seed", "3"]);
    let conn = peek(&sb.path("term.db"));
    let c = |sql: &str| count(&conn, sql);
    // Local noon (12:00–14:00 at UTC+8) against the two morning lesson hours.
    let noon = c("SELECT count(*) FROM incident WHERE substr(occurred_at, 12, 2) IN ('04', '05')");
    let lessons =
        c("SELECT count(*) FROM incident WHERE substr(occurred_at, 12, 2) IN ('01', '02')");
    assert!(noon > lessons, "noon {noon}, lessons {lessons}");
    let quiet = c("SELECT count(*) FROM incident WHERE place_id IN ('toilets', 'corners')");
    let open = c("SELECT count(*) FROM incident WHERE place_id IN ('canteen', 'gate')");
    assert!(quiet > 2 * open, "quiet {quiet}, open {open}");
    // Weekdays far more than weekends (days as stored are local days of entry of the shift).
    let weekend = c(
        "SELECT count(*) FROM incident i JOIN shift s ON s.id = i.shift_id \
                     WHERE strftime('%w', s.day) IN ('0', '6')",
    );
    let all = c("SELECT count(*) FROM incident");
    assert!(weekend * 5 < all, "weekend {weekend} of {all}");
}
