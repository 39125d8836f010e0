//! `dutydesk export`, run as the real binary on a temp data directory (`DUTYDESK_HOME`, a decoy
//! `HOME` that must stay empty, a fixed `DUTYDESK_NOW`), on a database filled beforehand through
//! the store API with records of every kind: the JSON holds every table SQLite lists, row for row
//! and value for value; the CSV is one file per table plus a manifest, formulas neutralised; files
//! are private; nothing is overwritten and nothing is made when the database is missing.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use tempfile::TempDir;

use dutydesk::domain::followup::{FollowupDraft, Kind};
use dutydesk::domain::gate::{Document, EarlyLeaveDraft, OutKind, VisitDraft, WatchDraft};
use dutydesk::domain::hazard::{HazardDraft, HazardKind};
use dutydesk::domain::idcard::DocType;
use dutydesk::domain::incident::{
    Bullying, IncidentDraft, InvolvedDraft, PlaceRef, Role, Severity, Source, Status,
};
use dutydesk::domain::patrol::{CheckDraft, ExceptionDraft, ItemAnswer, ItemResult};
use dutydesk::domain::people::StudentDraft;
use dutydesk::domain::schedule::RoundKey;
use dutydesk::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use dutydesk::domain::slip::SlipDraft;
use dutydesk::domain::staff::{StaffDraft, StaffRole};
use dutydesk::store::{Actor, GateEntry, SCHEMA_VERSION, Store};

const NOW: &str = "2026-11-30T07:30:00+08:00";
/// The name every export made at `NOW` gets.
const STEM: &str = "dutydesk-export-20261130-073000";

const FORMULA: &str = "=HYPERLINK(\"http://x\",\"点我\")";
const CHILD_WORDS: &str = "他们说不给钱就打我";
const ID_NUMBER: &str = "11010519491231002X";

/// Variables from the developer's shell that would change what a run does.
const SCRUBBED: [&str; 11] = [
    "DUTYDESK_DB",
    "DUTYDESK_CONFIG",
    "DUTYDESK_NOW",
    "DUTYDESK_LOG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_STATE_HOME",
    "XDG_CACHE_HOME",
];

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("RFC 3339 instant")
        .with_timezone(&Utc)
}

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

// ---------------------------------------------------------------------------------------------
// The sandbox and the binary
// ---------------------------------------------------------------------------------------------

/// A temp dir with a data directory (`DUTYDESK_HOME`) and a decoy `HOME`.
struct Sandbox {
    tmp: TempDir,
    home: PathBuf,
    decoy: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let tmp = TempDir::new().expect("temp dir");
        let home = tmp.path().join("dutydesk-home");
        let decoy = tmp.path().join("decoy-home");
        std::fs::create_dir(&decoy).expect("decoy home");
        Sandbox { tmp, home, decoy }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    fn db(&self) -> PathBuf {
        self.home.join("dutydesk.db")
    }

    /// `dutydesk ARGS` with a clean environment; it must leave HOME alone.
    fn run(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dutydesk"));
        for var in SCRUBBED {
            cmd.env_remove(var);
        }
        let out = cmd
            .env("DUTYDESK_HOME", &self.home)
            .env("DUTYDESK_NOW", NOW)
            .env("HOME", &self.decoy)
            .current_dir(self.tmp.path())
            .args(args)
            .output()
            .expect("run dutydesk");
        let left: Vec<_> = std::fs::read_dir(&self.decoy)
            .expect("decoy")
            .map(|e| e.expect("entry").path())
            .collect();
        assert!(left.is_empty(), "dutydesk wrote into HOME: {left:?}");
        out
    }

    /// What a temp dir holds besides the data directory and the decoy home.
    fn stray_entries(&self) -> Vec<String> {
        names_in(self.tmp.path())
            .into_iter()
            .filter(|n| n != "dutydesk-home" && n != "decoy-home")
            .collect()
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "expected success, got {}\nstderr: {}",
        out.status,
        stderr(out)
    );
}

/// Exited non-zero on purpose: not killed, not a panic (Rust's 101).
fn assert_refused(out: &Output) {
    let code = out.status.code().expect("exited, not killed");
    assert!(
        code != 0 && code != 101,
        "expected a refusal, got exit {code}\nstderr: {}",
        stderr(out)
    );
    assert!(!stderr(out).contains("panicked"), "{}", stderr(out));
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

// ---------------------------------------------------------------------------------------------
// A day of records of every kind, through the store API
// ---------------------------------------------------------------------------------------------

/// Staff, students, a shift with a handover note, a patrol check with a problem and a reason for a
/// missed round, an incident with two students (corrected, so the change log has a correction),
/// follow-ups (one done), a hazard, a mailbox slip, a watchlist entry, a visit signed out (the ID
/// number kept whole), a refused visit and an early leave. Chinese text, a formula-looking text
/// cell and NULLs among them.
#[allow(
    clippy::too_many_lines,
    reason = "one school morning, written out record by record"
)]
fn fill(db: &Path) {
    let mut store = Store::open(db, monday()).expect("db");
    let shift = store
        .start_shift(
            &ShiftDraft {
                day: monday(),
                members: vec![
                    (
                        MemberRef::New {
                            name: "张老师".into(),
                            role: StaffRole::Teacher,
                        },
                        DutyRole::DutyTeacher,
                    ),
                    (
                        MemberRef::New {
                            name: "李校长".into(),
                            role: StaffRole::Leader,
                        },
                        DutyRole::Leader,
                    ),
                    (
                        MemberRef::New {
                            name: "王强".into(),
                            role: StaffRole::Guard,
                        },
                        DutyRole::Guard,
                    ),
                ],
            },
            t("2026-11-30T07:00:00+08:00"),
        )
        .expect("shift");
    let teacher = shift.members[0].staff;
    let by = Actor {
        shift: shift.id,
        staff: teacher,
    };
    let counsellor = store
        .add_staff(
            &StaffDraft {
                name: "Chen Counsellor".into(),
                role: StaffRole::Counsellor,
            },
            t("2026-11-30T07:01:00+08:00"),
        )
        .expect("counsellor");
    let students: Vec<StudentDraft> = [
        ("S001", "李小红", "七年级1班", "F"),
        ("S002", "Wang Wei", "7-1", "M"),
        ("S003", "Zoë Müller", "7-2", ""),
    ]
    .into_iter()
    .map(|(number, name, class, gender)| StudentDraft {
        number: number.into(),
        name: name.into(),
        class_name: class.into(),
        gender: gender.into(),
    })
    .collect();
    store
        .import_students(&students, t("2026-11-30T07:02:00+08:00"))
        .expect("students");
    let all = store.students().expect("students");
    let student = |name: &str| {
        all.iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no student {name}"))
            .id
    };
    let (li, wang) = (student("李小红"), student("Wang Wei"));

    let round = |slot: &str, place: &str| RoundKey {
        day: monday(),
        slot: slot.into(),
        rep: 0,
        place: place.into(),
    };
    let check = store
        .save_check(
            &CheckDraft {
                round: round("morning", "dorm"),
                items: vec![
                    ItemAnswer {
                        text: "宿舍楼无学生在外逗留".into(),
                        result: ItemResult::Ok,
                        note: String::new(),
                    },
                    ItemAnswer {
                        text: "Fire exits clear".into(),
                        result: ItemResult::Problem,
                        note: "二楼安全出口堆放杂物".into(),
                    },
                ],
                note: "-2 bikes blocking".into(),
                replaces: None,
            },
            by,
            t("2026-11-30T07:10:00+08:00"),
        )
        .expect("check");
    store
        .save_exception(
            &ExceptionDraft {
                round: round("morning", "canteen"),
                reason: "食堂临时封闭消毒".into(),
            },
            by,
            t("2026-11-30T07:12:00+08:00"),
        )
        .expect("exception");

    let mut draft = IncidentDraft {
        occurred_at: t("2026-11-30T07:05:00+08:00"),
        place: PlaceRef::Config("playground".into()),
        category: "verbal".into(),
        severity: Severity::Minor,
        source: Source::Student,
        narrative: FORMULA.into(),
        child_words: CHILD_WORDS.into(),
        immediate_action: String::new(),
        bullying: Bullying::Pending,
        bullying_on: None,
        status: Status::Open,
        students: vec![
            InvolvedDraft {
                student: wang,
                role: Role::Initiator,
                measures: vec!["education".into()],
                parents_told_at: None,
                parents_told_by: None,
            },
            InvolvedDraft {
                student: li,
                role: Role::Target,
                measures: Vec::new(),
                parents_told_at: Some(t("2026-11-30T07:20:00+08:00")),
                parents_told_by: Some(counsellor),
            },
        ],
        from_check: None,
    };
    let incident = store
        .create_incident(&draft, by, t("2026-11-30T07:15:00+08:00"), monday())
        .expect("incident");
    let version = store.incident(incident).expect("incident").version;
    draft.severity = Severity::Serious;
    store
        .correct_incident(
            incident,
            version,
            &draft,
            "看了监控，情节更严重",
            by,
            t("2026-11-30T07:18:00+08:00"),
        )
        .expect("correction");

    let hazard = store
        .create_hazard(
            &HazardDraft {
                kind: HazardKind::Safety,
                place: PlaceRef::Text("二号宿舍楼 2F".into()),
                description: "安全出口堆放杂物".into(),
                risk: "high".into(),
                owner: None,
                steps: String::new(),
                from_check: Some(check),
            },
            monday() + Duration::days(1),
            by,
            t("2026-11-30T07:11:00+08:00"),
        )
        .expect("hazard");
    let followups = store
        .create_followups(
            &[
                FollowupDraft {
                    kind: Kind::Counselling,
                    incident: Some(incident),
                    hazard: None,
                    student: Some(li),
                    note: "心理老师谈话".into(),
                    owner: counsellor,
                    due_at: t("2026-12-01T16:00:00+08:00"),
                },
                FollowupDraft {
                    kind: Kind::Repair,
                    incident: None,
                    hazard: Some(hazard),
                    student: None,
                    note: String::new(),
                    owner: teacher,
                    due_at: t("2026-11-30T17:00:00+08:00"),
                },
            ],
            by,
            t("2026-11-30T07:19:00+08:00"),
        )
        .expect("follow-ups");
    store
        .complete_followup(
            followups[1],
            1,
            "杂物已清走",
            by,
            t("2026-11-30T07:25:00+08:00"),
        )
        .expect("done");
    store
        .create_slip(
            &SlipDraft {
                received_on: monday(),
                text: "有人在厕所抽烟 @三楼".into(),
            },
            by,
            t("2026-11-30T07:21:00+08:00"),
        )
        .expect("slip");

    let watch = store
        .add_watch(
            &WatchDraft {
                name: "赵四".into(),
                reason: "法院禁止令".into(),
                ..WatchDraft::default()
            },
            by,
            t("2026-11-30T07:00:00+08:00"),
        )
        .expect("watch");
    let visit = store
        .sign_in(
            &VisitDraft {
                name: "刘建国".into(),
                phone: "13800001111".into(),
                organisation: "区教育局".into(),
                document: Document {
                    doc_type: Some(DocType::ResidentId),
                    last4: ID_NUMBER[ID_NUMBER.len() - 4..].into(),
                    full: Some(ID_NUMBER.into()),
                    verified: true,
                },
                purpose: "食堂卫生检查".into(),
                ..VisitDraft::default()
            },
            &GateEntry::Admitted,
            by,
            t("2026-11-30T07:05:00+08:00"),
        )
        .expect("visit");
    store
        .sign_out(
            visit,
            1,
            t("2026-11-30T07:28:00+08:00"),
            OutKind::SignedOut,
            "",
            by,
        )
        .expect("sign out");
    store
        .sign_in(
            &VisitDraft {
                name: "赵四".into(),
                purpose: "找人".into(),
                ..VisitDraft::default()
            },
            &GateEntry::Refused { watch },
            by,
            t("2026-11-30T07:08:00+08:00"),
        )
        .expect("refused");
    store
        .add_early_leave(
            &EarlyLeaveDraft {
                student: wang,
                approved_by: teacher,
                slip_seen: true,
                teacher_confirmed: false,
                collected_by: "王爸爸".into(),
                relation: "父亲".into(),
                phone: "13900002222".into(),
                time_out: t("2026-11-30T07:26:00+08:00"),
                note: String::new(),
            },
            by,
        )
        .expect("early leave");
    let open = store.open_shift().expect("shift").expect("open");
    store
        .set_handover_note(
            open.id,
            open.version,
            "二楼出口已清理；王同学家长下午来校",
            open.opened_at,
        )
        .expect("handover");
}

// ---------------------------------------------------------------------------------------------
// What the database says, read directly
// ---------------------------------------------------------------------------------------------

fn peek(db: &Path) -> Connection {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open read-only")
}

/// Every table SQLite lists, its own `sqlite_*` tables aside.
fn tables(conn: &Connection) -> BTreeSet<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .expect("prepare");
    stmt.query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .collect::<Result<BTreeSet<_>, _>>()
        .expect("names")
        .into_iter()
        .filter(|n| !n.starts_with("sqlite_"))
        .collect()
}

/// Staff columns that stay in the file (a PIN hash would let anyone try PINs offline).
const NOT_EXPORTED: [&str; 3] = ["pin_hash", "failed_pins", "locked_until"];

/// The columns the export holds: every column, but the secret ones of `staff`.
fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
        .expect("prepare");
    let all: Vec<String> = stmt
        .query_map([table], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("columns");
    all.into_iter()
        .filter(|c| !(table == "staff" && NOT_EXPORTED.contains(&c.as_str())))
        .collect()
}

/// The rows the export saw: the audit trail's last row records the export itself, written
/// after it (so that a failed export is not recorded as made).
fn exported_rows(table: &str) -> String {
    if table == "audit" {
        "SELECT * FROM audit WHERE id < (SELECT max(id) FROM audit)".to_owned()
    } else {
        format!("SELECT * FROM \"{table}\"")
    }
}

fn count(conn: &Connection, table: &str) -> u64 {
    let n: i64 = conn
        .query_row(
            &format!("SELECT count(*) FROM ({})", exported_rows(table)),
            [],
            |r| r.get(0),
        )
        .expect("count");
    u64::try_from(n).expect("a count")
}

/// Every row of `table` as JSON values (the export's typing), in no particular order.
fn rows_as_json(conn: &Connection, table: &str) -> Vec<Value> {
    let cols: Vec<String> = columns(conn, table)
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect();
    let n = cols.len();
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {} FROM ({})",
            cols.join(", "),
            exported_rows(table)
        ))
        .expect("prepare");
    let mut rows = stmt.query([]).expect("query");
    let mut out = Vec::new();
    while let Some(row) = rows.next().expect("row") {
        let cells: Vec<Value> = (0..n)
            .map(|i| match row.get_ref(i).expect("cell") {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(v) => Value::from(v),
                ValueRef::Real(v) => Value::from(v),
                ValueRef::Text(v) => Value::from(String::from_utf8_lossy(v).into_owned()),
                ValueRef::Blob(_) => panic!("no BLOBs in this schema"),
            })
            .collect();
        out.push(Value::Array(cells));
    }
    out
}

/// Rows compared as a multiset: the same rows, whatever the order.
fn sorted(rows: &[Value]) -> Vec<String> {
    let mut keys: Vec<String> = rows.iter().map(Value::to_string).collect();
    keys.sort();
    keys
}

/// The first row of `table` in the JSON export whose `column` equals `value`.
fn json_row<'a>(doc: &'a Value, table: &str, column: &str, value: &Value) -> &'a [Value] {
    let t = &doc["tables"][table];
    let i = t["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .position(|c| c == column)
        .unwrap_or_else(|| panic!("no column {column} in {table}"));
    t["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r.as_array().expect("row").as_slice())
        .find(|r| &r[i] == value)
        .unwrap_or_else(|| panic!("no row of {table} with {column} = {value}"))
}

fn cell<'a>(doc: &Value, table: &str, row: &'a [Value], column: &str) -> &'a Value {
    let i = doc["tables"][table]["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .position(|c| c == column)
        .unwrap_or_else(|| panic!("no column {column} in {table}"));
    &row[i]
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn the_json_export_holds_every_table_row_for_row_and_value_for_value() {
    let sb = Sandbox::new();
    fill(&sb.db());
    let out = sb.run(&["export"]);
    assert_success(&out);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");

    let conn = peek(&sb.db());
    let user_version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version");
    assert_eq!(doc["format"], "dutydesk-export");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["schema_version"], user_version);
    assert_eq!(doc["schema_version"], SCHEMA_VERSION);
    assert_eq!(doc["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(doc["exported_at"], NOW);

    let listed: BTreeSet<String> = doc["tables"]
        .as_object()
        .expect("tables")
        .keys()
        .cloned()
        .collect();
    let expected = tables(&conn);
    assert_eq!(listed, expected, "every table sqlite_master lists, no more");
    for table in &expected {
        let t = &doc["tables"][table];
        let want: Vec<Value> = columns(&conn, table).into_iter().map(Value::from).collect();
        assert_eq!(t["columns"].as_array().expect("columns"), &want, "{table}");
        let rows = t["rows"].as_array().expect("rows");
        assert_eq!(rows.len() as u64, count(&conn, table), "{table}");
        assert_eq!(
            sorted(rows),
            sorted(&rows_as_json(&conn, table)),
            "{table}: every value as stored"
        );
    }
    for table in [
        "change_log",
        "early_leave",
        "followup",
        "hazard",
        "incident",
        "incident_student",
        "meta",
        "patrol_check",
        "patrol_item",
        "report_slip",
        "round_exception",
        "shift",
        "shift_member",
        "staff",
        "student",
        "visit",
        "visitor",
        "watch",
    ] {
        assert!(
            count(&conn, table) >= 1,
            "the fixture has no {table} rows: it no longer covers every kind"
        );
    }

    // Ordered by primary key: ids ascending, shift members by (shift, position).
    let first = |table: &str, n: usize| -> Vec<Value> {
        doc["tables"][table]["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r[n].clone())
            .collect()
    };
    let ids: Vec<i64> = first("staff", 0)
        .iter()
        .map(|v| v.as_i64().expect("integer id"))
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    assert_eq!(first("shift_member", 3), [0, 1, 2].map(Value::from));

    // Spot checks: text exactly as typed (formulas too), integers as numbers, NULL as null.
    let incident = json_row(&doc, "incident", "number", &Value::from("2026-0001"));
    assert_eq!(cell(&doc, "incident", incident, "narrative"), FORMULA);
    assert_eq!(cell(&doc, "incident", incident, "child_words"), CHILD_WORDS);
    assert_eq!(cell(&doc, "incident", incident, "severity"), "serious");
    assert_eq!(cell(&doc, "incident", incident, "year"), 2026);
    assert!(cell(&doc, "incident", incident, "bullying_on").is_null());
    assert!(cell(&doc, "incident", incident, "voided_at").is_null());
    let student = json_row(&doc, "student", "student_no", &Value::from("S001"));
    assert_eq!(cell(&doc, "student", student, "name"), "李小红");
    assert_eq!(cell(&doc, "student", student, "class_name"), "七年级1班");
    assert_eq!(cell(&doc, "student", student, "active"), 1);
    let visit = json_row(&doc, "visit", "name", &Value::from("刘建国"));
    assert_eq!(cell(&doc, "visit", visit, "doc_full"), ID_NUMBER);
    assert_eq!(cell(&doc, "visit", visit, "status"), "out");
    let correction = json_row(&doc, "change_log", "action", &Value::from("corrected"));
    assert_eq!(
        cell(&doc, "change_log", correction, "reason"),
        "看了监控，情节更严重"
    );

    let err = stderr(&out);
    assert!(
        err.contains("standard output") && err.contains("personal data"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err}");
    assert!(sb.stray_entries().is_empty(), "{:?}", sb.stray_entries());
}

#[test]
fn json_into_a_directory_is_a_private_file_named_by_the_time() {
    let sb = Sandbox::new();
    fill(&sb.db());
    let dir = sb.path("exports/2026");
    let out = sb.run(&[
        "--lang",
        "zh",
        "export",
        "--out",
        dir.to_str().expect("path"),
    ]);
    assert_success(&out);
    assert!(out.stdout.is_empty(), "nothing on stdout with --out");
    let file = dir.join(format!("{STEM}.json"));
    assert_eq!(
        names_in(&dir),
        [format!("{STEM}.json")],
        "no temp file left"
    );
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&sb.path("exports")), 0o700);
    let doc: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("one JSON document");
    assert_eq!(doc["version"], 1);
    assert_eq!(
        doc["tables"].as_object().expect("tables").len(),
        tables(&peek(&sb.db())).len()
    );
    let err = stderr(&out);
    assert!(
        err.contains(&file.display().to_string()) && err.contains("个人信息"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn the_csv_export_is_one_file_per_table_and_a_manifest_formulas_neutralised() {
    let sb = Sandbox::new();
    fill(&sb.db());
    let dir = sb.path("out");
    let out = sb.run(&[
        "export",
        "--format",
        "csv",
        "--out",
        dir.to_str().expect("path"),
    ]);
    assert_success(&out);
    assert!(out.stdout.is_empty());
    assert_eq!(
        names_in(&dir),
        [STEM],
        "only the finished export, no temp dir"
    );
    let export = dir.join(STEM);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&export), 0o700);

    let conn = peek(&sb.db());
    let tables = tables(&conn);
    let mut expected: Vec<String> = tables.iter().map(|t| format!("{t}.csv")).collect();
    expected.push("manifest.json".into());
    expected.sort();
    assert_eq!(names_in(&export), expected);
    for name in &expected {
        assert_eq!(mode(&export.join(name)), 0o600, "{name}");
    }

    let manifest: Value =
        serde_json::from_slice(&std::fs::read(export.join("manifest.json")).expect("manifest"))
            .expect("manifest is JSON");
    assert_eq!(manifest["format"], "dutydesk-export");
    assert_eq!(manifest["version"], 1);
    assert_eq!(manifest["schema_version"], SCHEMA_VERSION);
    assert_eq!(manifest["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest["exported_at"], NOW);
    assert_eq!(
        manifest["tables"].as_object().expect("tables").len(),
        tables.len()
    );

    for table in &tables {
        let bytes = std::fs::read(export.join(format!("{table}.csv"))).expect("csv");
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "{table}: UTF-8 with a BOM"
        );
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, columns(&conn, table), "{table}");
        let rows = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .expect("rows");
        assert_eq!(rows.len() as u64, count(&conn, table), "{table}");
        let entry = &manifest["tables"][table];
        assert_eq!(entry["file"], format!("{table}.csv"));
        assert_eq!(entry["row_count"], count(&conn, table));
        assert_eq!(entry["neutralised"], true);
        let want: Vec<Value> = header.iter().map(|c| Value::from(c.as_str())).collect();
        assert_eq!(entry["columns"].as_array().expect("columns"), &want);
    }

    let incidents = std::fs::read_to_string(export.join("incident.csv")).expect("incidents");
    let mut reader = csv::Reader::from_reader(incidents.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().expect("header").clone();
    let at = |name: &str| header.iter().position(|h| h == name).expect("column");
    let row = reader.records().next().expect("a row").expect("record");
    assert_eq!(&row[at("narrative")], format!("'{FORMULA}"), "neutralised");
    assert_eq!(&row[at("child_words")], CHILD_WORDS);
    assert_eq!(&row[at("year")], "2026", "numbers stay numbers");
    assert_eq!(&row[at("bullying_on")], "", "NULL is an empty cell");
    let checks = std::fs::read_to_string(export.join("patrol_check.csv")).expect("checks");
    assert!(checks.contains("'-2 bikes blocking"), "{checks}");
    let slips = std::fs::read_to_string(export.join("report_slip.csv")).expect("slips");
    assert!(
        slips.contains("有人在厕所抽烟 @三楼"),
        "@ inside is harmless"
    );

    let err = stderr(&out);
    assert!(
        err.contains(&export.display().to_string()) && err.contains("personal data"),
        "{err}"
    );
}

#[test]
fn csv_without_a_directory_is_refused_with_a_message_in_either_language() {
    let sb = Sandbox::new();
    fill(&sb.db());
    for (lang, words) in [("en", "--out"), ("zh", "--out 目录")] {
        let out = sb.run(&["--lang", lang, "export", "--format", "csv"]);
        assert_refused(&out);
        assert!(stderr(&out).contains(words), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    assert!(sb.stray_entries().is_empty(), "{:?}", sb.stray_entries());
}

// ---------------------------------------------------------------------------------------------
// Refusals that leave everything as it was
// ---------------------------------------------------------------------------------------------

#[test]
fn a_missing_database_is_refused_and_nothing_is_created() {
    let sb = Sandbox::new();
    let dir = sb.path("out");
    for args in [
        vec!["export"],
        vec!["export", "--out", dir.to_str().expect("path")],
        vec![
            "export",
            "--format",
            "csv",
            "--out",
            dir.to_str().expect("path"),
        ],
    ] {
        let out = sb.run(&args);
        assert_refused(&out);
        let err = stderr(&out);
        assert!(
            err.contains("No database") && err.contains(&sb.db().display().to_string()),
            "{err}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    assert!(!sb.db().exists(), "no database was made");
    assert!(!dir.exists(), "no export directory was made");
}

#[test]
fn an_export_already_there_is_never_overwritten() {
    let sb = Sandbox::new();
    fill(&sb.db());
    let dir = sb.path("out");
    std::fs::create_dir(&dir).expect("dir");
    let json = dir.join(format!("{STEM}.json"));
    std::fs::write(&json, "an earlier export").expect("write");
    let csv = dir.join(STEM);
    std::fs::create_dir(&csv).expect("csv dir");
    std::fs::write(csv.join("manifest.json"), "an earlier manifest").expect("write");

    let d = dir.to_str().expect("path");
    for args in [
        vec!["export", "--out", d],
        vec!["export", "--format", "csv", "--out", d],
    ] {
        let out = sb.run(&args);
        assert_refused(&out);
        assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    }
    assert_eq!(
        std::fs::read_to_string(&json).expect("json"),
        "an earlier export"
    );
    assert_eq!(names_in(&csv), ["manifest.json"]);
    assert_eq!(
        std::fs::read_to_string(csv.join("manifest.json")).expect("manifest"),
        "an earlier manifest"
    );
    assert_eq!(
        names_in(&dir),
        [STEM.to_owned(), format!("{STEM}.json")],
        "no temp file left"
    );
}

// ---------------------------------------------------------------------------------------------
// One snapshot while another terminal writes
// ---------------------------------------------------------------------------------------------

/// Counts rows per table; after the first table it has another terminal save a new staff member
/// and a new student, and checks the save was not held up by the export.
struct Interrupting {
    other: Store,
    schema_version: i32,
    current: String,
    counts: Vec<(String, u64)>,
    wrote: bool,
}

impl dutydesk::store::ExportSink for Interrupting {
    type Error = dutydesk::store::StoreError;

    fn start(&mut self, schema_version: i32) -> Result<(), Self::Error> {
        self.schema_version = schema_version;
        Ok(())
    }

    fn table(&mut self, name: &str, _columns: &[String]) -> Result<(), Self::Error> {
        name.clone_into(&mut self.current);
        Ok(())
    }

    fn row(&mut self, _cells: &[dutydesk::store::ExportCell<'_>]) -> Result<(), Self::Error> {
        Ok(())
    }

    fn end_table(&mut self, rows: u64) -> Result<(), Self::Error> {
        self.counts.push((self.current.clone(), rows));
        if !self.wrote {
            self.wrote = true;
            self.other.add_staff(
                &StaffDraft {
                    name: "新来的保安".into(),
                    role: StaffRole::Guard,
                },
                t("2026-11-30T07:31:00+08:00"),
            )?;
            self.other.import_students(
                &[StudentDraft {
                    number: "S999".into(),
                    name: "新同学".into(),
                    class_name: "7-3".into(),
                    gender: String::new(),
                }],
                t("2026-11-30T07:31:00+08:00"),
            )?;
        }
        Ok(())
    }
}

#[test]
fn the_export_is_one_snapshot_even_while_another_terminal_saves() {
    let sb = Sandbox::new();
    fill(&sb.db());
    let conn = peek(&sb.db());
    let before: Vec<(String, u64)> = tables(&conn)
        .into_iter()
        .map(|t| {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .expect("count");
            (t, u64::try_from(n).expect("a count"))
        })
        .collect();
    let mut store = Store::open_existing(&sb.db()).expect("exporting terminal");
    let mut sink = Interrupting {
        other: Store::open_existing(&sb.db()).expect("other terminal"),
        schema_version: 0,
        current: String::new(),
        counts: Vec::new(),
        wrote: false,
    };
    store.export(&mut sink).expect("export");
    assert!(sink.wrote, "the other terminal saved during the export");
    assert_eq!(sink.schema_version, SCHEMA_VERSION);
    assert_eq!(
        sink.counts, before,
        "tables by name, counted as they were when the export began"
    );
    assert_eq!(count(&conn, "staff"), before_count(&before, "staff") + 1);
    assert_eq!(
        count(&conn, "student"),
        before_count(&before, "student") + 1
    );
}

fn before_count(counts: &[(String, u64)], table: &str) -> u64 {
    counts
        .iter()
        .find(|(t, _)| t == table)
        .map(|(_, n)| *n)
        .expect("table")
}
