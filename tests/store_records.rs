//! Store tests of the records of schema 0002 on real SQLite files in a temp dir: students,
//! incidents (numbers, whole read-back, all-or-nothing saves, every list filter), corrections and
//! voids with their change log, follow-ups, the hazard register verified on a later patrol,
//! mailbox slips, and the one change log shared by every kind of record.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use dutydesk::domain::followup::{self, FollowupDraft, FollowupId, FollowupStatus, Kind};
use dutydesk::domain::hazard::{HazardDraft, HazardId, HazardKind, HazardStatus};
use dutydesk::domain::history::{Change, LogAction, LogEntry};
use dutydesk::domain::incident::{
    Bullying, IncidentDraft, IncidentFilter, IncidentId, IncidentRow, InvolvedDraft, PlaceRef,
    Role, Severity, Source, Status,
};
use dutydesk::domain::patrol::{CheckDraft, ItemAnswer, ItemResult};
use dutydesk::domain::people::{StudentDraft, StudentId};
use dutydesk::domain::schedule::RoundKey;
use dutydesk::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use dutydesk::domain::slip::{SlipDraft, SlipId, SlipStatus};
use dutydesk::domain::staff::{StaffDraft, StaffId, StaffRole};
use dutydesk::store::{Actor, FollowupQuery, ImportCounts, MergeInto, Refusal, Store, StoreError};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// An instant given in RFC 3339 (Beijing time in these tests), as UTC.
fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("RFC 3339 instant")
        .with_timezone(&Utc)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("day")
}

/// Monday 2026-11-30, the day the tests run on.
fn monday() -> NaiveDate {
    d("2026-11-30")
}

/// A read-only look at the file, as another program would take it.
fn peek(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open read-only")
}

/// `SELECT count(*) FROM <from>` on the file (`from` may carry a WHERE clause).
fn count(path: &Path, from: &str) -> i64 {
    peek(path)
        .query_row(&format!("SELECT count(*) FROM {from}"), [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("count {from}: {e}"))
}

/// The row counts of every table of schema 0002 that a record write touches.
fn record_counts(path: &Path) -> Vec<(&'static str, i64)> {
    [
        "incident",
        "incident_student",
        "report_slip",
        "hazard",
        "followup",
        "change_log",
    ]
    .into_iter()
    .map(|table| (table, count(path, table)))
    .collect()
}

/// A new file with a duty teacher on an open shift, a counsellor, and six students.
struct Desk {
    _tmp: TempDir,
    path: PathBuf,
    store: Store,
    by: Actor,
    teacher: StaffId,
    counsellor: StaffId,
}

const TEACHER: &str = "张老师";
const COUNSELLOR: &str = "Chen Counsellor";

fn students_file() -> Vec<StudentDraft> {
    [
        ("S003", "Zhao Lei", "7-2", "M"),
        ("S001", "Li Ming", "7-1", "M"),
        ("S005", "李小红", "7-1", "F"),
        ("S002", "Wang Wei", "7-1", "M"),
        ("S004", "Zhang San", "7-2", "M"),
        ("S006", "Zoë Müller", "7-2", "F"),
    ]
    .into_iter()
    .map(|(number, name, class, gender)| StudentDraft {
        number: number.into(),
        name: name.into(),
        class_name: class.into(),
        gender: gender.into(),
    })
    .collect()
}

fn desk() -> Desk {
    let tmp = TempDir::new().expect("temp dir");
    let path = tmp.path().join("dutydesk.db");
    let mut store = Store::open(&path, monday()).expect("open");
    let shift = store
        .start_shift(
            &ShiftDraft {
                day: monday(),
                members: vec![(
                    MemberRef::New {
                        name: TEACHER.into(),
                        role: StaffRole::Teacher,
                    },
                    DutyRole::DutyTeacher,
                )],
            },
            t("2026-11-30T07:00:00+08:00"),
        )
        .expect("start shift");
    let teacher = shift.members[0].staff;
    let counsellor = store
        .add_staff(
            &StaffDraft {
                name: COUNSELLOR.into(),
                role: StaffRole::Counsellor,
            },
            t("2026-11-30T07:01:00+08:00"),
        )
        .expect("add counsellor");
    store
        .import_students(&students_file(), t("2026-11-30T07:02:00+08:00"))
        .expect("import students");
    Desk {
        _tmp: tmp,
        path,
        store,
        by: Actor {
            shift: shift.id,
            staff: teacher,
        },
        teacher,
        counsellor,
    }
}

impl Desk {
    fn student(&self, name: &str) -> StudentId {
        self.store
            .students()
            .expect("students")
            .into_iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no student {name}"))
            .id
    }

    fn create(&mut self, draft: &IncidentDraft, now: &str) -> IncidentId {
        self.store
            .create_incident(draft, self.by, t(now), monday())
            .expect("create incident")
    }

    fn number(&self, id: IncidentId) -> String {
        self.store.incident(id).expect("incident").number
    }

    fn ids(&self, filter: &IncidentFilter) -> Vec<IncidentId> {
        ids(&self.store.incidents(filter, 100).expect("incidents"))
    }
}

fn ids(rows: &[IncidentRow]) -> Vec<IncidentId> {
    rows.iter().map(|r| r.id).collect()
}

fn involved(student: StudentId, role: Role) -> InvolvedDraft {
    InvolvedDraft {
        student,
        role,
        measures: Vec::new(),
        parents_told_at: None,
        parents_told_by: None,
    }
}

fn incident(occurred: &str, narrative: &str, students: Vec<InvolvedDraft>) -> IncidentDraft {
    IncidentDraft {
        occurred_at: t(occurred),
        place: PlaceRef::Config("playground".into()),
        category: "verbal".into(),
        severity: Severity::Minor,
        source: Source::Patrol,
        narrative: narrative.into(),
        child_words: String::new(),
        immediate_action: String::new(),
        bullying: Bullying::Pending,
        bullying_on: None,
        status: Status::Open,
        students,
        from_check: None,
    }
}

fn actions(history: &[LogEntry]) -> Vec<LogAction> {
    history.iter().map(|e| e.action).collect()
}

fn change<'a>(changes: &'a [Change], field: &str) -> &'a Change {
    changes
        .iter()
        .find(|c| c.field == field)
        .unwrap_or_else(|| panic!("no change of {field} in {changes:?}"))
}

fn is_changed_elsewhere(r: &Result<(), StoreError>) -> bool {
    matches!(r, Err(StoreError::ChangedElsewhere))
}

// ---------------------------------------------------------------------------------------------
// Students
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one story: a file imported, imported again unchanged, then with one class changed"
)]
fn students_import_add_then_unchanged_then_a_changed_class_updates() {
    let tmp = TempDir::new().expect("temp dir");
    let path = tmp.path().join("dutydesk.db");
    let mut store = Store::open(&path, monday()).expect("open");
    let file = students_file();

    let first = store
        .import_students(&file, t("2026-11-30T07:00:00+08:00"))
        .expect("first import");
    assert_eq!(
        first,
        ImportCounts {
            added: 6,
            updated: 0,
            unchanged: 0
        }
    );
    // By class, then name (binary order: Latin before Chinese).
    let listed: Vec<(String, String)> = store
        .students()
        .expect("students")
        .into_iter()
        .map(|s| (s.class_name, s.name))
        .collect();
    let expected: Vec<(String, String)> = [
        ("7-1", "Li Ming"),
        ("7-1", "Wang Wei"),
        ("7-1", "李小红"),
        ("7-2", "Zhang San"),
        ("7-2", "Zhao Lei"),
        ("7-2", "Zoë Müller"),
    ]
    .into_iter()
    .map(|(c, n)| (c.to_owned(), n.to_owned()))
    .collect();
    assert_eq!(listed, expected);
    let li = store
        .students()
        .expect("students")
        .into_iter()
        .find(|s| s.number == "S001")
        .expect("S001");
    assert_eq!(
        (li.name.as_str(), li.gender.as_str()),
        ("Li Ming", "M"),
        "every column is kept"
    );

    let table = |path: &Path| -> Vec<(i64, String, String, String)> {
        let conn = peek(path);
        let mut stmt = conn
            .prepare("SELECT id, student_no, class_name, updated_at FROM student ORDER BY id")
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let before = table(&path);
    let stamp = store.students_stamp().expect("stamp");

    let again = store
        .import_students(&file, t("2026-11-30T09:00:00+08:00"))
        .expect("second import");
    assert_eq!(
        again,
        ImportCounts {
            added: 0,
            updated: 0,
            unchanged: 6
        }
    );
    assert_eq!(
        table(&path),
        before,
        "an identical re-import writes nothing"
    );
    assert_eq!(store.students_stamp().expect("stamp"), stamp);

    let mut moved = file.clone();
    let zhao = moved
        .iter_mut()
        .find(|s| s.number == "S003")
        .expect("S003 in file");
    zhao.class_name = "7-1".into();
    let third = store
        .import_students(&moved, t("2026-11-30T10:00:00+08:00"))
        .expect("third import");
    assert_eq!(
        third,
        ImportCounts {
            added: 0,
            updated: 1,
            unchanged: 5
        }
    );
    let after = table(&path);
    assert_eq!(after.len(), 6, "an update adds no row");
    for (old, new) in before.iter().zip(&after) {
        assert_eq!(old.0, new.0, "ids are kept");
        if new.1 == "S003" {
            assert_eq!(new.2, "7-1");
            assert_ne!(new.3, old.3, "updated_at moves with the change");
        } else {
            assert_eq!(old, new, "the other students are untouched");
        }
    }
    let names_in_7_1: Vec<String> = store
        .students()
        .expect("students")
        .into_iter()
        .filter(|s| s.class_name == "7-1")
        .map(|s| s.name)
        .collect();
    assert_eq!(names_in_7_1, ["Li Ming", "Wang Wei", "Zhao Lei", "李小红"]);
}

// ---------------------------------------------------------------------------------------------
// Incidents: numbers, read-back, all or nothing
// ---------------------------------------------------------------------------------------------

#[test]
fn incident_numbers_count_within_the_year_of_today_and_restart_in_a_new_year() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let draft = incident(
        "2026-11-30T07:40:00+08:00",
        "pushed",
        vec![involved(li, Role::Target)],
    );
    let mut create = |today: &str| {
        let id = desk
            .store
            .create_incident(&draft, desk.by, t("2026-11-30T08:00:00+08:00"), d(today))
            .expect("create");
        desk.store.incident(id).expect("incident").number
    };
    assert_eq!(create("2026-11-30"), "2026-0001");
    assert_eq!(create("2026-11-30"), "2026-0002");
    // The year comes from `today`, not from when it happened (2026-11-30 above).
    assert_eq!(create("2027-01-04"), "2027-0001");
    assert_eq!(create("2027-01-05"), "2027-0002");
    // Back in 2026 (a terminal whose day is still 31 December) the 2026 sequence continues.
    assert_eq!(create("2026-12-31"), "2026-0003");
    assert_eq!(count(&desk.path, "incident"), 5);
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn an_incident_reads_back_whole_with_its_students_in_order() {
    let mut desk = desk();
    let (li, wang, zhao) = (
        desk.student("Li Ming"),
        desk.student("Wang Wei"),
        desk.student("Zhao Lei"),
    );
    let told = t("2026-11-30T09:15:00+08:00");
    let draft = IncidentDraft {
        occurred_at: t("2026-11-30T07:40:00+08:00"),
        place: PlaceRef::Text("behind the library".into()),
        category: "physical".into(),
        severity: Severity::Serious,
        source: Source::Student,
        narrative: "Two boys pushed a younger one against the wall.".into(),
        child_words: "他们说不给钱就打我".into(),
        immediate_action: "Separated them, took the target to the nurse".into(),
        bullying: Bullying::Yes,
        bullying_on: Some(monday()),
        status: Status::Investigating,
        // Entered in an order different from the student ids and names.
        students: vec![
            InvolvedDraft {
                student: zhao,
                role: Role::Initiator,
                measures: vec!["education".into(), "warning_talk".into()],
                parents_told_at: Some(told),
                parents_told_by: Some(desk.counsellor),
            },
            InvolvedDraft {
                student: li,
                role: Role::Target,
                measures: Vec::new(),
                parents_told_at: Some(told + Duration::minutes(5)),
                parents_told_by: Some(desk.teacher),
            },
            involved(wang, Role::Witness),
        ],
        from_check: None,
    };
    let id = desk.create(&draft, "2026-11-30T08:30:00+08:00");

    // Through a fresh handle, as another terminal would see it.
    let other = Store::open_existing(&desk.path).expect("reopen");
    let got = other.incident(id).expect("incident");
    assert_eq!(got.id, id);
    assert_eq!(got.number, "2026-0001");
    assert_eq!(got.entered_at, t("2026-11-30T08:30:00+08:00"));
    assert_eq!(got.entered_by, TEACHER);
    assert_eq!(got.voided, None);
    assert_eq!(got.version, 1);
    assert_eq!(got.draft, draft, "every field reads back as entered");

    let students: Vec<(&str, Role, Vec<String>)> = got
        .students
        .iter()
        .map(|s| (s.student.name.as_str(), s.role, s.measures.clone()))
        .collect();
    assert_eq!(
        students,
        [
            (
                "Zhao Lei",
                Role::Initiator,
                vec!["education".to_owned(), "warning_talk".to_owned()]
            ),
            ("Li Ming", Role::Target, Vec::new()),
            ("Wang Wei", Role::Witness, Vec::new()),
        ]
    );
    assert_eq!(got.students[0].student.number, "S003");
    assert_eq!(got.students[0].student.class_name, "7-2");
    assert_eq!(got.students[0].parents_told_at, Some(told));
    assert_eq!(
        got.students[0].parents_told_by,
        Some((desk.counsellor, COUNSELLOR.to_owned()))
    );
    assert_eq!(
        got.students[1].parents_told_by,
        Some((desk.teacher, TEACHER.to_owned()))
    );
    assert_eq!(got.students[2].parents_told_at, None);
    assert_eq!(got.students[2].parents_told_by, None);

    let history = other.incident_history(id).expect("history");
    assert_eq!(actions(&history), [LogAction::Created]);
    assert_eq!(history[0].by_name, TEACHER);
    assert_eq!(history[0].at, t("2026-11-30T08:30:00+08:00"));
}

#[test]
fn an_incident_that_fails_half_way_leaves_nothing_behind() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let first = desk.create(
        &incident(
            "2026-11-30T07:40:00+08:00",
            "first",
            vec![involved(li, Role::Target)],
        ),
        "2026-11-30T08:00:00+08:00",
    );
    let before = record_counts(&desk.path);

    // The first student row is written, the second refers to no student.
    let bad = incident(
        "2026-11-30T07:45:00+08:00",
        "second",
        vec![
            involved(li, Role::Witness),
            involved(StudentId(9_999), Role::Initiator),
        ],
    );
    let err = desk
        .store
        .create_incident(&bad, desk.by, t("2026-11-30T08:05:00+08:00"), monday())
        .expect_err("a student that does not exist");
    assert!(matches!(err, StoreError::Sqlite(_)), "{err:?}");
    assert_eq!(record_counts(&desk.path), before, "nothing of it was kept");
    assert_eq!(
        count(&desk.path, "incident_student WHERE role = 'witness'"),
        0
    );

    // The number was not used up either.
    let next = desk.create(
        &incident(
            "2026-11-30T07:45:00+08:00",
            "second",
            vec![involved(li, Role::Witness)],
        ),
        "2026-11-30T08:06:00+08:00",
    );
    assert_eq!(desk.number(first), "2026-0001");
    assert_eq!(desk.number(next), "2026-0002");
}

// ---------------------------------------------------------------------------------------------
// Incidents: the lists
// ---------------------------------------------------------------------------------------------

/// Four incidents: 2026-0001 … 2026-0004, the last one voided.
struct Four {
    desk: Desk,
    i1: IncidentId,
    i2: IncidentId,
    i3: IncidentId,
    i4: IncidentId,
}

fn four_incidents() -> Four {
    let mut desk = desk();
    let (li, wang, zhao, zhang) = (
        desk.student("Li Ming"),
        desk.student("Wang Wei"),
        desk.student("Zhao Lei"),
        desk.student("Zhang San"),
    );
    let mut d1 = incident(
        "2026-11-28T10:00:00+08:00",
        "Name-calling at the Basketball court",
        vec![involved(li, Role::Target), involved(wang, Role::Initiator)],
    );
    d1.child_words = "他们叫我胖子".into();
    let i1 = desk.create(&d1, "2026-11-30T08:00:00+08:00");

    let mut d2 = incident(
        "2026-11-29T12:30:00+08:00",
        "Pushing in the queue; 50% of the class watched",
        vec![
            involved(wang, Role::Initiator),
            involved(zhao, Role::Target),
        ],
    );
    d2.place = PlaceRef::Config("canteen".into());
    d2.category = "fight".into();
    d2.status = Status::Investigating;
    let i2 = desk.create(&d2, "2026-11-30T08:05:00+08:00");

    let mut d3 = incident(
        "2026-11-30T07:40:00+08:00",
        "A note signed snake_case left on a bed",
        vec![involved(zhang, Role::Witness)],
    );
    d3.place = PlaceRef::Config("dorm_boys".into());
    d3.category = "physical".into();
    d3.status = Status::Resolved;
    d3.child_words = "He shouted: LEAVE ME ALONE".into();
    let i3 = desk.create(&d3, "2026-11-30T08:10:00+08:00");

    let mut d4 = incident(
        "2026-11-30T07:50:00+08:00",
        "Entered twice by mistake",
        vec![involved(li, Role::Reporter)],
    );
    d4.place = PlaceRef::Text("gate".into());
    let i4 = desk.create(&d4, "2026-11-30T08:15:00+08:00");
    desk.store
        .void_incident(
            i4,
            1,
            "entered twice",
            desk.by,
            t("2026-11-30T08:20:00+08:00"),
        )
        .expect("void");
    Four {
        desk,
        i1,
        i2,
        i3,
        i4,
    }
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn the_incident_list_filters_by_status_category_place_and_student() {
    let Four {
        desk,
        i1,
        i2,
        i3,
        i4,
    } = four_incidents();
    let all = desk
        .store
        .incidents(&IncidentFilter::default(), 100)
        .expect("list");
    assert_eq!(
        ids(&all),
        [i3, i2, i1],
        "newest first, the voided one left out"
    );
    assert_eq!(
        all[2].students,
        [
            ("Li Ming".to_owned(), Role::Target),
            ("Wang Wei".to_owned(), Role::Initiator)
        ]
    );
    assert_eq!(all[2].number, "2026-0001");
    assert!(all.iter().all(|r| !r.voided));

    let with_voided = IncidentFilter {
        include_voided: true,
        ..IncidentFilter::default()
    };
    let rows = desk.store.incidents(&with_voided, 100).expect("list");
    assert_eq!(ids(&rows), [i4, i3, i2, i1]);
    assert!(rows[0].voided, "the voided one is marked");

    let status = |s| IncidentFilter {
        status: Some(s),
        ..IncidentFilter::default()
    };
    assert_eq!(desk.ids(&status(Status::Open)), [i1]);
    assert_eq!(desk.ids(&status(Status::Investigating)), [i2]);
    assert_eq!(desk.ids(&status(Status::Resolved)), [i3]);
    assert_eq!(desk.ids(&status(Status::Closed)), []);
    assert_eq!(
        desk.ids(&IncidentFilter {
            include_voided: true,
            ..status(Status::Open)
        }),
        [i4, i1]
    );

    let category = |c: &str| IncidentFilter {
        category: Some(c.into()),
        ..IncidentFilter::default()
    };
    assert_eq!(desk.ids(&category("fight")), [i2]);
    assert_eq!(desk.ids(&category("verbal")), [i1]);
    assert_eq!(desk.ids(&category("cyber")), []);

    let place = |p: &str| IncidentFilter {
        place: Some(p.into()),
        ..IncidentFilter::default()
    };
    assert_eq!(desk.ids(&place("canteen")), [i2]);
    assert_eq!(desk.ids(&place("playground")), [i1]);
    assert_eq!(desk.ids(&place("toilets")), []);

    let student = |name: &str| IncidentFilter {
        student: Some(desk.student(name)),
        ..IncidentFilter::default()
    };
    assert_eq!(desk.ids(&student("Wang Wei")), [i2, i1]);
    assert_eq!(desk.ids(&student("Li Ming")), [i1]);
    assert_eq!(
        desk.ids(&IncidentFilter {
            include_voided: true,
            ..student("Li Ming")
        }),
        [i4, i1]
    );
    assert_eq!(desk.ids(&student("李小红")), []);

    // Filters combine.
    assert_eq!(
        desk.ids(&IncidentFilter {
            status: Some(Status::Open),
            ..student("Wang Wei")
        }),
        [i1]
    );
}

#[test]
fn the_incident_list_filters_by_a_date_range_from_inclusive_to_exclusive() {
    let Four {
        desk, i1, i2, i3, ..
    } = four_incidents();
    let range = |from: Option<&str>, to: Option<&str>| IncidentFilter {
        from: from.map(t),
        to: to.map(t),
        ..IncidentFilter::default()
    };
    // From exactly i2's moment to exactly i3's moment: i2 in, i3 out.
    assert_eq!(
        desk.ids(&range(
            Some("2026-11-29T12:30:00+08:00"),
            Some("2026-11-30T07:40:00+08:00")
        )),
        [i2]
    );
    // The local day 2026-11-29 as UTC instants.
    assert_eq!(
        desk.ids(&range(
            Some("2026-11-28T16:00:00Z"),
            Some("2026-11-29T16:00:00Z")
        )),
        [i2]
    );
    assert_eq!(
        desk.ids(&range(Some("2026-11-29T12:30:00.001+08:00"), None)),
        [i3]
    );
    assert_eq!(
        desk.ids(&range(None, Some("2026-11-29T12:30:00+08:00"))),
        [i1]
    );
    assert_eq!(
        desk.ids(&range(None, Some("2026-11-28T10:00:00+08:00"))),
        []
    );
}

#[test]
fn the_incident_list_finds_text_in_narrative_words_names_and_number() {
    let Four {
        desk,
        i1,
        i2,
        i3,
        i4,
    } = four_incidents();
    let text = |s: &str| IncidentFilter {
        text: s.into(),
        ..IncidentFilter::default()
    };
    assert_eq!(desk.ids(&text("")), [i3, i2, i1]);
    assert_eq!(desk.ids(&text("basketball")), [i1], "narrative, any case");
    assert_eq!(desk.ids(&text("BASKETBALL COURT")), [i1]);
    assert_eq!(desk.ids(&text("  Basketball  ")), [i1], "trimmed");
    assert_eq!(desk.ids(&text("胖子")), [i1], "the child's words");
    assert_eq!(desk.ids(&text("leave me alone")), [i3]);
    assert_eq!(desk.ids(&text("wang wei")), [i2, i1], "a student's name");
    assert_eq!(desk.ids(&text("ZHAO")), [i2]);
    assert_eq!(desk.ids(&text("2026-0003")), [i3], "the number");
    assert_eq!(desk.ids(&text("nobody wrote this")), []);
    // Wildcards of LIKE are plain characters here.
    assert_eq!(desk.ids(&text("%")), [i2]);
    assert_eq!(desk.ids(&text("50%")), [i2]);
    assert_eq!(desk.ids(&text("_")), [i3]);
    assert_eq!(desk.ids(&text("snake_case")), [i3]);
    assert_eq!(desk.ids(&text("snakeXcase")), []);
    // The voided one only when asked for.
    assert_eq!(desk.ids(&text("twice")), []);
    assert_eq!(
        desk.ids(&IncidentFilter {
            include_voided: true,
            ..text("twice")
        }),
        [i4]
    );
}

#[test]
fn the_incident_text_search_folds_case_of_accented_latin_letters() {
    let mut desk = desk();
    let zoe = desk.student("Zoë Müller");
    let id = desk.create(
        &incident(
            "2026-11-30T07:40:00+08:00",
            "Élodie saw it happen",
            vec![involved(zoe, Role::Target)],
        ),
        "2026-11-30T08:00:00+08:00",
    );
    let text = |s: &str| IncidentFilter {
        text: s.into(),
        ..IncidentFilter::default()
    };
    assert_eq!(desk.ids(&text("müller")), [id], "same case matches");
    assert_eq!(desk.ids(&text("MÜLLER")), [id], "a student's name");
    assert_eq!(desk.ids(&text("élodie")), [id], "the narrative");
}

#[test]
fn open_incidents_are_the_open_and_investigating_ones_oldest_entry_first() {
    let Four {
        mut desk, i1, i2, ..
    } = four_incidents();
    // Entered last, though it happened first: still last.
    let li = desk.student("Li Ming");
    let mut late = incident(
        "2026-11-01T10:00:00+08:00",
        "reported weeks later",
        vec![involved(li, Role::Target)],
    );
    late.status = Status::Investigating;
    let i5 = desk.create(&late, "2026-11-30T09:00:00+08:00");
    let open = desk.store.open_incidents(100).expect("open incidents");
    assert_eq!(ids(&open), [i1, i2, i5]);
    assert_eq!(ids(&desk.store.open_incidents(2).expect("limit")), [i1, i2]);
}

#[test]
fn student_incidents_give_each_incident_with_that_students_role() {
    let Four {
        desk,
        i1,
        i2,
        i3,
        i4,
    } = four_incidents();
    let of = |name: &str| -> Vec<(IncidentId, Role, bool)> {
        desk.store
            .student_incidents(desk.student(name))
            .expect("student incidents")
            .into_iter()
            .map(|(row, role)| (row.id, role, row.voided))
            .collect()
    };
    assert_eq!(
        of("Li Ming"),
        [(i4, Role::Reporter, true), (i1, Role::Target, false)]
    );
    assert_eq!(
        of("Wang Wei"),
        [(i2, Role::Initiator, false), (i1, Role::Initiator, false)]
    );
    assert_eq!(of("Zhao Lei"), [(i2, Role::Target, false)]);
    assert_eq!(of("Zhang San"), [(i3, Role::Witness, false)]);
    assert_eq!(of("李小红"), []);
}

// ---------------------------------------------------------------------------------------------
// Corrections and voids
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one story: an incident corrected in every way a correction can change it"
)]
fn a_correction_changes_the_fields_bumps_the_version_and_logs_each_change() {
    let mut desk = desk();
    let (li, wang, zhao, zhang) = (
        desk.student("Li Ming"),
        desk.student("Wang Wei"),
        desk.student("Zhao Lei"),
        desk.student("Zhang San"),
    );
    let told = t("2026-11-30T09:00:00+08:00");
    let original = incident(
        "2026-11-30T07:40:00+08:00",
        "Pushed on the stairs",
        vec![
            InvolvedDraft {
                measures: vec!["education".into()],
                ..involved(li, Role::Target)
            },
            InvolvedDraft {
                measures: vec!["warning_talk".into()],
                parents_told_at: Some(told),
                parents_told_by: Some(desk.teacher),
                ..involved(wang, Role::Initiator)
            },
            involved(zhao, Role::Witness),
        ],
    );
    let id = desk.create(&original, "2026-11-30T08:00:00+08:00");
    let loaded = desk.store.incident(id).expect("incident");
    assert_eq!(loaded.version, 1);

    let mut corrected = loaded.draft.clone();
    corrected.narrative = "Pushed down the last three steps of the stairs".into();
    corrected.severity = Severity::Moderate;
    corrected.students = vec![
        // Li Ming: a measure added and the parents told.
        InvolvedDraft {
            measures: vec!["education".into(), "warning_talk".into()],
            parents_told_at: Some(told + Duration::minutes(30)),
            parents_told_by: Some(desk.counsellor),
            ..involved(li, Role::Target)
        },
        // Zhang San: added.
        involved(zhang, Role::Reporter),
        // Wang Wei: his role was wrong.
        InvolvedDraft {
            measures: vec!["warning_talk".into()],
            parents_told_at: Some(told),
            parents_told_by: Some(desk.teacher),
            ..involved(wang, Role::Witness)
        },
        // Zhao Lei: removed.
    ];
    let log_before = count(&desk.path, "change_log");
    desk.store
        .correct_incident(
            id,
            loaded.version,
            &corrected,
            "statement of the class teacher",
            desk.by,
            t("2026-11-30T10:00:00+08:00"),
        )
        .expect("correct");

    let got = desk.store.incident(id).expect("incident");
    assert_eq!(got.version, 2);
    assert_eq!(got.number, "2026-0001", "the number stays");
    assert_eq!(got.draft, corrected);
    let listed: Vec<(&str, Role)> = got
        .students
        .iter()
        .map(|s| (s.student.name.as_str(), s.role))
        .collect();
    assert_eq!(
        listed,
        [
            ("Li Ming", Role::Target),
            ("Zhang San", Role::Reporter),
            ("Wang Wei", Role::Witness)
        ]
    );
    assert_eq!(
        got.students[0].parents_told_by,
        Some((desk.counsellor, COUNSELLOR.to_owned()))
    );

    // Zhao Lei is kept in the table, marked, and listed nowhere.
    assert_eq!(count(&desk.path, "incident_student"), 4);
    assert_eq!(
        count(
            &desk.path,
            &format!(
                "incident_student WHERE student_id = {} AND removed = 1",
                zhao.0
            )
        ),
        1
    );
    assert_eq!(count(&desk.path, "incident_student WHERE removed = 0"), 3);
    let row = &desk
        .store
        .incidents(&IncidentFilter::default(), 10)
        .expect("list")[0];
    assert!(!row.students.iter().any(|(n, _)| n == "Zhao Lei"));
    assert_eq!(
        desk.ids(&IncidentFilter {
            student: Some(zhao),
            ..IncidentFilter::default()
        }),
        []
    );
    assert_eq!(desk.store.student_incidents(zhao).expect("of Zhao"), []);

    // One log row, with the reason and every change.
    assert_eq!(count(&desk.path, "change_log"), log_before + 1);
    let history = desk.store.incident_history(id).expect("history");
    assert_eq!(
        actions(&history),
        [LogAction::Created, LogAction::Corrected]
    );
    let entry = &history[1];
    assert_eq!(entry.reason, "statement of the class teacher");
    assert_eq!(entry.by_name, TEACHER);
    assert_eq!(entry.at, t("2026-11-30T10:00:00+08:00"));
    let narrative = change(&entry.changes, "narrative");
    assert_eq!(narrative.old, "Pushed on the stairs");
    assert_eq!(
        narrative.new,
        "Pushed down the last three steps of the stairs"
    );
    let severity = change(&entry.changes, "severity");
    assert_eq!(
        (severity.old.as_str(), severity.new.as_str()),
        ("minor", "moderate")
    );

    let li_change = change(&entry.changes, "student:Li Ming");
    assert!(!li_change.old.contains("warning_talk"), "{li_change:?}");
    assert!(li_change.new.contains("warning_talk"), "{li_change:?}");
    let wang_change = change(&entry.changes, "student:Wang Wei");
    assert!(
        wang_change.old.contains("initiator") && wang_change.new.contains("witness"),
        "{wang_change:?}"
    );
    let zhao_change = change(&entry.changes, "student:Zhao Lei");
    assert!(zhao_change.old.contains("witness"), "{zhao_change:?}");
    assert_eq!(zhao_change.new, "", "removed");
    let zhang_change = change(&entry.changes, "student:Zhang San");
    assert_eq!(zhang_change.old, "", "added");
    assert!(zhang_change.new.contains("reporter"), "{zhang_change:?}");
    assert_eq!(
        entry.changes.len(),
        6,
        "nothing unchanged is logged: {:?}",
        entry.changes
    );

    // A removed student put back reuses the kept row: no second row for the same child.
    let mut back = got.draft.clone();
    back.students.push(involved(zhao, Role::Witness));
    desk.store
        .correct_incident(
            id,
            2,
            &back,
            "Zhao was there after all",
            desk.by,
            t("2026-11-30T11:00:00+08:00"),
        )
        .expect("put back");
    assert_eq!(count(&desk.path, "incident_student"), 4);
    assert_eq!(count(&desk.path, "incident_student WHERE removed = 0"), 4);
    assert_eq!(desk.store.incident(id).expect("incident").draft, back);
}

#[test]
fn a_correction_that_changes_nothing_is_refused_and_writes_nothing() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let id = desk.create(
        &incident(
            "2026-11-30T07:40:00+08:00",
            "pushed",
            vec![involved(li, Role::Target)],
        ),
        "2026-11-30T08:00:00+08:00",
    );
    let loaded = desk.store.incident(id).expect("incident");
    let before = record_counts(&desk.path);
    let err = desk
        .store
        .correct_incident(
            id,
            loaded.version,
            &loaded.draft,
            "no reason",
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
        )
        .expect_err("nothing changed");
    assert!(
        matches!(err, StoreError::Refused(Refusal::NothingChanged)),
        "{err:?}"
    );
    assert_eq!(record_counts(&desk.path), before);
    assert_eq!(
        desk.store.incident(id).expect("incident"),
        loaded,
        "version and all"
    );
}

#[test]
fn a_correction_of_who_told_the_parents_is_saved_and_logged() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let told = t("2026-11-30T09:00:00+08:00");
    let id = desk.create(
        &incident(
            "2026-11-30T07:40:00+08:00",
            "pushed",
            vec![InvolvedDraft {
                parents_told_at: Some(told),
                parents_told_by: Some(desk.teacher),
                ..involved(li, Role::Target)
            }],
        ),
        "2026-11-30T08:00:00+08:00",
    );
    let loaded = desk.store.incident(id).expect("incident");
    let mut corrected = loaded.draft.clone();
    corrected.students[0].parents_told_by = Some(desk.counsellor);
    desk.store
        .correct_incident(
            id,
            loaded.version,
            &corrected,
            "it was the counsellor who called",
            desk.by,
            t("2026-11-30T10:00:00+08:00"),
        )
        .expect("a different person told the parents: that is a change");
    let got = desk.store.incident(id).expect("incident");
    assert_eq!(
        got.students[0].parents_told_by,
        Some((desk.counsellor, COUNSELLOR.to_owned()))
    );
    let history = desk.store.incident_history(id).expect("history");
    assert_eq!(
        actions(&history),
        [LogAction::Created, LogAction::Corrected]
    );
    let c = change(&history[1].changes, "student:Li Ming");
    assert_ne!(c.old, c.new);
}

#[test]
fn a_correction_logs_who_told_the_parents_when_other_fields_change_too() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let id = desk.create(
        &incident(
            "2026-11-30T07:40:00+08:00",
            "pushed",
            vec![InvolvedDraft {
                parents_told_at: Some(t("2026-11-30T09:00:00+08:00")),
                parents_told_by: Some(desk.teacher),
                ..involved(li, Role::Target)
            }],
        ),
        "2026-11-30T08:00:00+08:00",
    );
    let mut corrected = desk.store.incident(id).expect("incident").draft;
    corrected.narrative = "pushed on the stairs".into();
    corrected.students[0].parents_told_by = Some(desk.counsellor);
    desk.store
        .correct_incident(
            id,
            1,
            &corrected,
            "details",
            desk.by,
            t("2026-11-30T10:00:00+08:00"),
        )
        .expect("correct");
    // The new value is saved...
    assert_eq!(
        desk.store.incident(id).expect("incident").students[0].parents_told_by,
        Some((desk.counsellor, COUNSELLOR.to_owned()))
    );
    // ...so the log must say that it changed.
    let history = desk.store.incident_history(id).expect("history");
    let logged: Vec<&str> = history[1]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert!(
        logged.contains(&"student:Li Ming"),
        "who told the parents changed without a log entry: {logged:?}"
    );
}

#[test]
fn the_text_search_does_not_find_an_incident_by_a_removed_student() {
    let mut desk = desk();
    let (li, zhao) = (desk.student("Li Ming"), desk.student("Zhao Lei"));
    let id = desk.create(
        &incident(
            "2026-11-30T07:40:00+08:00",
            "pushed",
            vec![involved(li, Role::Target), involved(zhao, Role::Initiator)],
        ),
        "2026-11-30T08:00:00+08:00",
    );
    let text = |s: &str| IncidentFilter {
        text: s.into(),
        ..IncidentFilter::default()
    };
    assert_eq!(desk.ids(&text("zhao")), [id]);
    let mut corrected = desk.store.incident(id).expect("incident").draft;
    corrected.students.retain(|s| s.student == li);
    desk.store
        .correct_incident(
            id,
            1,
            &corrected,
            "wrong child",
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
        )
        .expect("correct");
    assert_eq!(desk.ids(&text("li ming")), [id]);
    assert_eq!(desk.ids(&text("zhao")), [], "Zhao Lei is no longer on it");
    assert_eq!(desk.ids(&text("S003")), [], "nor is his student number");
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn two_terminals_correcting_one_incident_never_overwrite_each_other() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let id = desk.create(
        &incident(
            "2026-11-30T07:40:00+08:00",
            "pushed",
            vec![involved(li, Role::Target)],
        ),
        "2026-11-30T08:00:00+08:00",
    );
    let mut other = Store::open_existing(&desk.path).expect("second terminal");

    // Both load version 1.
    let first_view = desk.store.incident(id).expect("here");
    let second_view = other.incident(id).expect("there");
    assert_eq!((first_view.version, second_view.version), (1, 1));

    let mut mine = first_view.draft.clone();
    mine.narrative = "pushed twice, says the nurse".into();
    let mut theirs = second_view.draft.clone();
    theirs.narrative = "pushed once, says the witness".into();
    theirs.severity = Severity::Serious;

    desk.store
        .correct_incident(
            id,
            1,
            &mine,
            "nurse's note",
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
        )
        .expect("first correction");
    let before = record_counts(&desk.path);
    let err = other
        .correct_incident(
            id,
            1,
            &theirs,
            "witness",
            desk.by,
            t("2026-11-30T09:01:00+08:00"),
        )
        .expect_err("the second one saw an older version");
    assert!(matches!(err, StoreError::ChangedElsewhere), "{err:?}");
    assert_eq!(
        record_counts(&desk.path),
        before,
        "nothing of the second was written"
    );

    for store in [&desk.store, &other] {
        let now = store.incident(id).expect("reload");
        assert_eq!(now.version, 2);
        assert_eq!(now.draft, mine, "the first correction is intact");
        let history = store.incident_history(id).expect("history");
        assert_eq!(
            actions(&history),
            [LogAction::Created, LogAction::Corrected]
        );
        assert_eq!(history[1].reason, "nurse's note");
    }

    // After reloading, the second terminal can correct on top of the first.
    other
        .correct_incident(
            id,
            2,
            &theirs,
            "witness",
            desk.by,
            t("2026-11-30T09:02:00+08:00"),
        )
        .expect("correct the reloaded version");
    let last = desk.store.incident(id).expect("reload");
    assert_eq!((last.version, last.draft.severity), (3, Severity::Serious));
    let history = desk.store.incident_history(id).expect("history");
    assert_eq!(
        change(&history[2].changes, "narrative").old,
        "pushed twice, says the nurse"
    );
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn a_voided_incident_is_kept_marked_and_out_of_the_lists() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let draft = incident(
        "2026-11-30T07:40:00+08:00",
        "pushed",
        vec![involved(li, Role::Target)],
    );
    let id = desk.create(&draft, "2026-11-30T08:00:00+08:00");
    let keep = desk.create(&draft, "2026-11-30T08:01:00+08:00");
    assert_eq!(desk.ids(&IncidentFilter::default()), [keep, id]);

    desk.store
        .void_incident(
            id,
            1,
            "entered twice",
            desk.by,
            t("2026-11-30T08:30:00+08:00"),
        )
        .expect("void");
    let got = desk.store.incident(id).expect("still there");
    assert_eq!(
        got.voided,
        Some((t("2026-11-30T08:30:00+08:00"), "entered twice".to_owned()))
    );
    assert_eq!(got.version, 2);
    assert_eq!(got.draft, draft, "its content is kept");
    assert_eq!(desk.ids(&IncidentFilter::default()), [keep]);
    assert_eq!(ids(&desk.store.open_incidents(10).expect("open")), [keep]);
    assert_eq!(
        count(
            &desk.path,
            &format!("incident WHERE id = {} AND voided_at IS NOT NULL", id.0)
        ),
        1
    );

    let before = record_counts(&desk.path);
    let again = desk
        .store
        .void_incident(id, 1, "again", desk.by, t("2026-11-30T08:31:00+08:00"));
    assert!(
        is_changed_elsewhere(&again),
        "a second void with the old version"
    );
    let twice = desk
        .store
        .void_incident(id, 2, "again", desk.by, t("2026-11-30T08:31:00+08:00"));
    assert!(
        is_changed_elsewhere(&twice),
        "a voided incident is not voided again"
    );
    let mut fixed = draft.clone();
    fixed.narrative = "changed after the void".into();
    let corrected = desk.store.correct_incident(
        id,
        2,
        &fixed,
        "too late",
        desk.by,
        t("2026-11-30T08:32:00+08:00"),
    );
    assert!(
        is_changed_elsewhere(&corrected),
        "a voided incident takes no correction"
    );
    assert_eq!(record_counts(&desk.path), before);
    assert_eq!(
        desk.store.incident(id).expect("incident").voided,
        Some((t("2026-11-30T08:30:00+08:00"), "entered twice".to_owned())),
        "the first void's reason stays"
    );

    let history = desk.store.incident_history(id).expect("history");
    assert_eq!(actions(&history), [LogAction::Created, LogAction::Voided]);
    assert_eq!(history[1].reason, "entered twice");
    assert_eq!(count(&desk.path, "incident"), 2, "nothing deleted");
    assert_eq!(count(&desk.path, "incident_student"), 2);
}

// ---------------------------------------------------------------------------------------------
// Follow-ups
// ---------------------------------------------------------------------------------------------

fn hazard_draft(place: &str, description: &str) -> HazardDraft {
    HazardDraft {
        kind: HazardKind::Facility,
        place: PlaceRef::Config(place.into()),
        description: description.into(),
        risk: "high".into(),
        owner: None,
        steps: String::new(),
        from_check: None,
    }
}

fn followup_draft(kind: Kind, owner: StaffId, due: &str) -> FollowupDraft {
    FollowupDraft {
        kind,
        incident: None,
        hazard: None,
        student: None,
        note: String::new(),
        owner,
        due_at: t(due),
    }
}

fn fids(list: &[followup::Followup]) -> Vec<FollowupId> {
    list.iter().map(|f| f.id).collect()
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one story: three follow-ups created together, listed every way, one completed"
)]
fn followups_are_created_together_and_listed_open_first_by_due_time() {
    let mut desk = desk();
    let (li, wang) = (desk.student("Li Ming"), desk.student("Wang Wei"));
    let incident_id = desk.create(
        &incident(
            "2026-11-30T07:40:00+08:00",
            "pushed",
            vec![involved(li, Role::Target)],
        ),
        "2026-11-30T08:00:00+08:00",
    );
    let hazard_id = desk
        .store
        .create_hazard(
            &hazard_draft("toilets", "Stairwell light broken"),
            d("2026-12-07"),
            desk.by,
            t("2026-11-30T08:10:00+08:00"),
        )
        .expect("hazard");

    let call = FollowupDraft {
        incident: Some(incident_id),
        student: Some(li),
        note: "call the mother".into(),
        ..followup_draft(
            Kind::ParentContact,
            desk.teacher,
            "2026-12-01T08:00:00+08:00",
        )
    };
    let repair = FollowupDraft {
        hazard: Some(hazard_id),
        ..followup_draft(Kind::Repair, desk.counsellor, "2026-11-30T17:00:00+08:00")
    };
    let talk = FollowupDraft {
        student: Some(wang),
        ..followup_draft(
            Kind::Counselling,
            desk.counsellor,
            "2026-12-03T08:00:00+08:00",
        )
    };
    let created = desk
        .store
        .create_followups(
            &[call.clone(), repair, talk],
            desk.by,
            t("2026-11-30T08:20:00+08:00"),
        )
        .expect("create follow-ups");
    let [f_call, f_repair, f_talk] = created[..] else {
        panic!("three ids: {created:?}");
    };

    let list =
        |store: &Store, q: FollowupQuery| fids(&store.followups(&q, 100).expect("follow-ups"));
    let all = FollowupQuery::default();
    assert_eq!(
        list(&desk.store, all),
        [f_repair, f_call, f_talk],
        "by due time"
    );

    let got = desk.store.followups(&all, 100).expect("follow-ups");
    let call_row = got.iter().find(|f| f.id == f_call).expect("call");
    assert_eq!(call_row.kind, Kind::ParentContact);
    assert_eq!(
        call_row.incident,
        Some((incident_id, "2026-0001".to_owned()))
    );
    assert_eq!(call_row.student, Some((li, "Li Ming".to_owned())));
    assert_eq!(call_row.hazard, None);
    assert_eq!(call_row.note, "call the mother");
    assert_eq!(
        (call_row.owner, call_row.owner_name.as_str()),
        (desk.teacher, TEACHER)
    );
    assert_eq!(call_row.due_at, call.due_at);
    assert_eq!(call_row.status, FollowupStatus::Open);
    assert_eq!(call_row.version, 1);
    let repair_row = got.iter().find(|f| f.id == f_repair).expect("repair");
    assert_eq!(
        repair_row.hazard,
        Some((hazard_id, "Stairwell light broken".to_owned()))
    );
    assert_eq!(repair_row.owner_name, COUNSELLOR);

    let mine = |owner| FollowupQuery {
        owner: Some(owner),
        ..FollowupQuery::default()
    };
    assert_eq!(list(&desk.store, mine(desk.counsellor)), [f_repair, f_talk]);
    assert_eq!(list(&desk.store, mine(desk.teacher)), [f_call]);
    assert_eq!(
        list(
            &desk.store,
            FollowupQuery {
                incident: Some(incident_id),
                ..all
            }
        ),
        [f_call]
    );
    assert_eq!(
        list(
            &desk.store,
            FollowupQuery {
                hazard: Some(hazard_id),
                ..all
            }
        ),
        [f_repair]
    );
    assert_eq!(
        list(
            &desk.store,
            FollowupQuery {
                student: Some(wang),
                ..all
            }
        ),
        [f_talk]
    );
    assert_eq!(
        list(
            &desk.store,
            FollowupQuery {
                student: Some(desk.student("Zhao Lei")),
                ..all
            }
        ),
        []
    );

    // Done ones drop out of the open list and go after the open ones in the full list.
    desk.store
        .complete_followup(
            f_repair,
            1,
            "bulb replaced",
            desk.by,
            t("2026-11-30T16:00:00+08:00"),
        )
        .expect("complete");
    let open = FollowupQuery {
        open_only: true,
        ..all
    };
    assert_eq!(list(&desk.store, open), [f_call, f_talk]);
    assert_eq!(list(&desk.store, all), [f_call, f_talk, f_repair]);
    assert_eq!(
        list(
            &desk.store,
            FollowupQuery {
                open_only: true,
                ..mine(desk.counsellor)
            }
        ),
        [f_talk]
    );
    assert_eq!(count(&desk.path, "change_log WHERE kind = 'followup'"), 4);
}

#[test]
fn followups_are_created_all_or_none() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let good = FollowupDraft {
        student: Some(li),
        ..followup_draft(
            Kind::Counselling,
            desk.counsellor,
            "2026-12-01T08:00:00+08:00",
        )
    };
    let bad_owner = FollowupDraft {
        student: Some(li),
        ..followup_draft(
            Kind::ParentContact,
            StaffId(9_999),
            "2026-12-01T09:00:00+08:00",
        )
    };
    let before = record_counts(&desk.path);
    let err = desk
        .store
        .create_followups(
            &[good.clone(), good.clone(), bad_owner],
            desk.by,
            t("2026-11-30T08:20:00+08:00"),
        )
        .expect_err("an owner that does not exist");
    assert!(matches!(err, StoreError::Sqlite(_)), "{err:?}");
    assert_eq!(
        record_counts(&desk.path),
        before,
        "none was created, nor logged"
    );
    assert_eq!(
        desk.store
            .followups(&FollowupQuery::default(), 10)
            .expect("list"),
        []
    );

    // One linked to nothing is refused by the table, and takes the good one with it.
    let unlinked = followup_draft(Kind::Other, desk.teacher, "2026-12-01T09:00:00+08:00");
    assert!(
        desk.store
            .create_followups(
                &[good.clone(), unlinked],
                desk.by,
                t("2026-11-30T08:21:00+08:00")
            )
            .is_err()
    );
    assert_eq!(record_counts(&desk.path), before);

    let ok = desk
        .store
        .create_followups(&[good], desk.by, t("2026-11-30T08:22:00+08:00"))
        .expect("the good one alone");
    assert_eq!(ok.len(), 1);
    assert_eq!(count(&desk.path, "followup"), 1);
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one story: a follow-up rescheduled, completed, and refused when stale or done"
)]
fn a_followup_is_rescheduled_with_a_reason_and_completed_once() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let due = t("2026-12-01T08:00:00+08:00");
    let later = t("2026-12-02T15:30:00+08:00");
    let ids = desk
        .store
        .create_followups(
            &[FollowupDraft {
                student: Some(li),
                ..followup_draft(
                    Kind::ParentContact,
                    desk.teacher,
                    "2026-12-01T08:00:00+08:00",
                )
            }],
            desk.by,
            t("2026-11-30T08:20:00+08:00"),
        )
        .expect("create");
    let id = ids[0];
    let row = |desk: &Desk| {
        desk.store
            .followups(&FollowupQuery::default(), 10)
            .expect("list")
            .into_iter()
            .find(|f| f.id == id)
            .expect("the follow-up")
    };

    desk.store
        .reschedule_followup(
            id,
            1,
            later,
            "mother is away until Wednesday",
            desk.by,
            t("2026-11-30T10:00:00+08:00"),
        )
        .expect("reschedule");
    let moved = row(&desk);
    assert_eq!((moved.due_at, moved.version), (later, 2));
    assert_eq!(moved.status, FollowupStatus::Open);

    let before = record_counts(&desk.path);
    let stale =
        desk.store
            .complete_followup(id, 1, "talked", desk.by, t("2026-11-30T11:00:00+08:00"));
    assert!(
        is_changed_elsewhere(&stale),
        "completing with the old version"
    );
    let stale = desk.store.reschedule_followup(
        id,
        1,
        due,
        "stale",
        desk.by,
        t("2026-11-30T11:00:00+08:00"),
    );
    assert!(
        is_changed_elsewhere(&stale),
        "rescheduling with the old version"
    );
    assert_eq!(record_counts(&desk.path), before);
    assert_eq!(row(&desk), moved, "untouched");

    desk.store
        .complete_followup(
            id,
            2,
            "mother will come in on Friday",
            desk.by,
            t("2026-12-02T16:00:00+08:00"),
        )
        .expect("complete");
    let done = row(&desk);
    assert_eq!(done.status, FollowupStatus::Done);
    assert_eq!(done.outcome, "mother will come in on Friday");
    assert_eq!(done.done_at, Some(t("2026-12-02T16:00:00+08:00")));
    assert_eq!(done.version, 3);

    let before = record_counts(&desk.path);
    let again = desk.store.complete_followup(
        id,
        3,
        "a second outcome",
        desk.by,
        t("2026-12-02T17:00:00+08:00"),
    );
    assert!(
        is_changed_elsewhere(&again),
        "a done follow-up is not completed again"
    );
    let moved_again = desk.store.reschedule_followup(
        id,
        3,
        due,
        "after it was done",
        desk.by,
        t("2026-12-02T17:00:00+08:00"),
    );
    assert!(
        is_changed_elsewhere(&moved_again),
        "a done follow-up is not rescheduled"
    );
    assert_eq!(record_counts(&desk.path), before);
    assert_eq!(row(&desk), done);

    let history = desk.store.followup_history(id).expect("history");
    assert_eq!(
        actions(&history),
        [
            LogAction::Created,
            LogAction::Rescheduled,
            LogAction::Completed
        ]
    );
    let rescheduled = &history[1];
    assert_eq!(rescheduled.reason, "mother is away until Wednesday");
    assert_eq!(rescheduled.at, t("2026-11-30T10:00:00+08:00"));
    let c = change(&rescheduled.changes, "due_at");
    assert_eq!(t(&c.old), due, "the old due time: {c:?}");
    assert_eq!(t(&c.new), later, "the new due time: {c:?}");
    let outcome = change(&history[2].changes, "outcome");
    assert_eq!(outcome.new, "mother will come in on Friday");
}

#[test]
fn suggested_followups_call_parents_of_target_and_initiator_and_counsel_the_target() {
    let (target, initiator, witness) = (StudentId(1), StudentId(2), StudentId(3));
    let now = t("2026-11-30T08:00:00+08:00");
    let owner = StaffId(7);
    let got = followup::suggested(
        IncidentId(42),
        &[
            involved(witness, Role::Witness),
            involved(target, Role::Target),
            involved(initiator, Role::Initiator),
        ],
        owner,
        now,
    );
    let mut what: Vec<(Kind, StudentId, DateTime<Utc>)> = got
        .iter()
        .map(|f| (f.kind, f.student.expect("a student"), f.due_at))
        .collect();
    what.sort();
    let mut expected = vec![
        (Kind::ParentContact, target, now + Duration::hours(24)),
        (Kind::ParentContact, initiator, now + Duration::hours(24)),
        (Kind::Counselling, target, now + Duration::days(3)),
    ];
    expected.sort();
    assert_eq!(what, expected);
    assert!(
        got.iter()
            .all(|f| f.incident == Some(IncidentId(42)) && f.owner == owner && f.hazard.is_none())
    );
    assert!(!got.iter().any(|f| f.student == Some(witness)));
}

// ---------------------------------------------------------------------------------------------
// Hazards
// ---------------------------------------------------------------------------------------------

fn check_at(place: &str, slot: &str, result: ItemResult) -> CheckDraft {
    CheckDraft {
        round: RoundKey {
            day: monday(),
            slot: slot.into(),
            rep: 0,
            place: place.into(),
        },
        items: vec![ItemAnswer {
            text: "Lights working".into(),
            result,
            note: String::new(),
        }],
        note: String::new(),
        replaces: None,
    }
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn hazards_read_back_and_list_pending_first_by_due_date() {
    let mut desk = desk();
    let mut create = |desc: &str, due: &str| {
        desk.store
            .create_hazard(
                &hazard_draft("toilets", desc),
                d(due),
                desk.by,
                t("2026-11-30T08:00:00+08:00"),
            )
            .expect("create hazard")
    };
    let late = create("Loose railing", "2026-12-14");
    let soon = create("Broken camera", "2026-12-01");
    let fixed = create("Dark corner", "2026-11-29");
    let middle = create("Quarrel between dorms", "2026-12-07");
    let done = create("Blocked fire exit", "2026-11-28");

    let whole = HazardDraft {
        kind: HazardKind::Dispute,
        place: PlaceRef::Text("dorms 3 and 4".into()),
        description: "Quarrel over the shared washroom".into(),
        risk: "medium".into(),
        owner: Some(desk.counsellor),
        steps: "talked to both room heads".into(),
        from_check: None,
    };
    let dispute = desk
        .store
        .create_hazard(
            &whole,
            d("2026-12-14"),
            desk.by,
            t("2026-11-30T08:05:00+08:00"),
        )
        .expect("create dispute");
    let got = desk.store.hazard(dispute).expect("hazard");
    assert_eq!(got.draft, whole);
    assert_eq!(got.due_on, d("2026-12-14"));
    assert_eq!(got.status, HazardStatus::Open);
    assert_eq!(got.owner_name.as_deref(), Some(COUNSELLOR));
    assert_eq!(got.created_by, TEACHER);
    assert_eq!(got.created_at, t("2026-11-30T08:05:00+08:00"));
    assert_eq!(
        (got.rectified_at, got.verified_at, got.version),
        (None, None, 1)
    );

    desk.store
        .advance_hazard(
            fixed,
            1,
            HazardStatus::Rectified,
            "lamp added",
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
        )
        .expect("rectified");
    desk.store
        .advance_hazard(
            middle,
            1,
            HazardStatus::Rectifying,
            "mediation booked",
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
        )
        .expect("rectifying");
    desk.store
        .advance_hazard(
            done,
            1,
            HazardStatus::Rectified,
            "exit cleared",
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
        )
        .expect("rectified");
    desk.store
        .save_check(
            &check_at("toilets", "noon", ItemResult::Ok),
            desk.by,
            t("2026-11-30T12:10:00+08:00"),
        )
        .expect("patrol");
    desk.store
        .verify_hazard(done, 2, desk.by, t("2026-11-30T12:20:00+08:00"))
        .expect("verified");

    let list = |pending_only| -> Vec<HazardId> {
        desk.store
            .hazards(pending_only, 100)
            .expect("hazards")
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    // Open and rectifying ones by due date (the same date: the older record first), then the
    // rectified one waiting for a patrol although it was due first; verified ones only in the
    // full list, last.
    assert_eq!(list(true), [soon, middle, late, dispute, fixed]);
    assert_eq!(list(false), [soon, middle, late, dispute, fixed, done]);
    assert_eq!(desk.store.hazards(false, 2).expect("limit").len(), 2);
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one story: a hazard worked through to verified on a later patrol"
)]
fn a_hazard_is_verified_only_on_a_later_complete_patrol_of_its_place() {
    let mut desk = desk();
    let id = desk
        .store
        .create_hazard(
            &hazard_draft("toilets", "Stairwell light broken"),
            d("2026-12-07"),
            desk.by,
            t("2026-11-30T08:00:00+08:00"),
        )
        .expect("create");
    // A patrol of the place before it was rectified proves nothing.
    desk.store
        .save_check(
            &check_at("toilets", "morning", ItemResult::Ok),
            desk.by,
            t("2026-11-30T08:30:00+08:00"),
        )
        .expect("early check");

    let refused = desk
        .store
        .verify_hazard(id, 1, desk.by, t("2026-11-30T08:40:00+08:00"));
    assert!(
        matches!(refused, Err(StoreError::Refused(Refusal::NotAllowed))),
        "not even rectified: {refused:?}"
    );

    desk.store
        .advance_hazard(
            id,
            1,
            HazardStatus::Rectifying,
            "electrician called",
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
        )
        .expect("rectifying");
    let stale = desk.store.advance_hazard(
        id,
        1,
        HazardStatus::Rectified,
        "stale",
        desk.by,
        t("2026-11-30T09:30:00+08:00"),
    );
    assert!(
        is_changed_elsewhere(&stale),
        "advancing with the old version"
    );
    let rectified_at = t("2026-11-30T11:00:00+08:00");
    desk.store
        .advance_hazard(
            id,
            2,
            HazardStatus::Rectified,
            "new lamp fitted",
            desk.by,
            rectified_at,
        )
        .expect("rectified");
    let h = desk.store.hazard(id).expect("hazard");
    assert_eq!(h.status, HazardStatus::Rectified);
    assert_eq!(h.rectified_at, Some(rectified_at));
    assert_eq!(h.draft.steps, "new lamp fitted");
    assert_eq!(h.version, 3);

    let before = record_counts(&desk.path);
    let verify = |desk: &mut Desk, version, now: &str| {
        desk.store.verify_hazard(id, version, desk.by, t(now))
    };
    let no_patrol = verify(&mut desk, 3, "2026-11-30T11:30:00+08:00");
    assert!(
        matches!(no_patrol, Err(StoreError::Refused(Refusal::NoLaterPatrol))),
        "only a check from before the rectification: {no_patrol:?}"
    );
    // Another place, and an incomplete check of this one, do not count either.
    desk.store
        .save_check(
            &check_at("gate", "noon", ItemResult::Ok),
            desk.by,
            t("2026-11-30T12:10:00+08:00"),
        )
        .expect("gate check");
    desk.store
        .save_check(
            &check_at("toilets", "noon", ItemResult::Unset),
            desk.by,
            t("2026-11-30T12:20:00+08:00"),
        )
        .expect("incomplete check");
    let still = verify(&mut desk, 3, "2026-11-30T12:30:00+08:00");
    assert!(
        matches!(still, Err(StoreError::Refused(Refusal::NoLaterPatrol))),
        "{still:?}"
    );
    assert_eq!(
        record_counts(&desk.path),
        before,
        "refusals write nothing to the records"
    );
    assert_eq!(
        desk.store.hazard(id).expect("hazard").status,
        HazardStatus::Rectified
    );

    // A complete check of the place after the rectification: a problem found is still a patrol.
    desk.store
        .save_check(
            &check_at("toilets", "after_school", ItemResult::Problem),
            desk.by,
            t("2026-11-30T17:10:00+08:00"),
        )
        .expect("later check");
    let stale = verify(&mut desk, 2, "2026-11-30T17:20:00+08:00");
    assert!(
        is_changed_elsewhere(&stale),
        "verifying with an old version"
    );
    assert_eq!(
        desk.store.hazard(id).expect("hazard").status,
        HazardStatus::Rectified
    );
    verify(&mut desk, 3, "2026-11-30T17:20:00+08:00").expect("verify");

    let h = desk.store.hazard(id).expect("hazard");
    assert_eq!(h.status, HazardStatus::Verified);
    assert_eq!(h.verified_at, Some(t("2026-11-30T17:20:00+08:00")));
    assert_eq!(h.rectified_at, Some(rectified_at));
    assert_eq!(h.version, 4);
    let proof: Option<i64> = peek(&desk.path)
        .query_row(
            "SELECT h.verified_check FROM hazard h JOIN patrol_check c ON c.id = h.verified_check \
             WHERE h.id = ?1 AND c.place = 'toilets' AND c.slot = 'after_school'",
            [id.0],
            |r| r.get(0),
        )
        .expect("the later check is the proof");
    assert!(proof.is_some());
    assert!(desk.store.hazards(true, 10).expect("pending").is_empty());

    let history = desk.store.hazard_history(id).expect("history");
    assert_eq!(
        actions(&history),
        [
            LogAction::Created,
            LogAction::StatusChanged,
            LogAction::StatusChanged,
            LogAction::Verified
        ]
    );
    let status = change(&history[1].changes, "hazard_status");
    assert_eq!(
        (status.old.as_str(), status.new.as_str()),
        ("open", "rectifying")
    );
    let steps = change(&history[1].changes, "steps");
    assert_eq!(
        (steps.old.as_str(), steps.new.as_str()),
        ("", "electrician called")
    );
    let status = change(&history[2].changes, "hazard_status");
    assert_eq!(
        (status.old.as_str(), status.new.as_str()),
        ("rectifying", "rectified")
    );
    let steps = change(&history[2].changes, "steps");
    assert_eq!(steps.new, "new lamp fitted");
    let status = change(&history[3].changes, "hazard_status");
    assert_eq!(
        (status.old.as_str(), status.new.as_str()),
        ("rectified", "verified")
    );
}

#[test]
fn advance_hazard_cannot_skip_the_patrol_to_verified() {
    let mut desk = desk();
    let id = desk
        .store
        .create_hazard(
            &hazard_draft("toilets", "Stairwell light broken"),
            d("2026-12-07"),
            desk.by,
            t("2026-11-30T08:00:00+08:00"),
        )
        .expect("create");
    let r = desk.store.advance_hazard(
        id,
        1,
        HazardStatus::Verified,
        "looks fine",
        desk.by,
        t("2026-11-30T09:00:00+08:00"),
    );
    assert!(r.is_err(), "verified comes only from verify_hazard");
    assert_eq!(
        desk.store.hazard(id).expect("hazard").status,
        HazardStatus::Open
    );
}

#[test]
fn a_hazard_back_in_rectifying_is_not_verified() {
    let mut desk = desk();
    let id = desk
        .store
        .create_hazard(
            &hazard_draft("toilets", "Stairwell light broken"),
            d("2026-12-07"),
            desk.by,
            t("2026-11-30T08:00:00+08:00"),
        )
        .expect("create");
    desk.store
        .advance_hazard(
            id,
            1,
            HazardStatus::Rectified,
            "new lamp",
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
        )
        .expect("rectified");
    // The lamp failed again the same day: back to work.
    desk.store
        .advance_hazard(
            id,
            2,
            HazardStatus::Rectifying,
            "lamp failed again",
            desk.by,
            t("2026-11-30T10:00:00+08:00"),
        )
        .expect("rectifying again");
    desk.store
        .save_check(
            &check_at("toilets", "noon", ItemResult::Ok),
            desk.by,
            t("2026-11-30T12:10:00+08:00"),
        )
        .expect("check");
    let r = desk
        .store
        .verify_hazard(id, 3, desk.by, t("2026-11-30T12:20:00+08:00"));
    assert!(r.is_err(), "still being worked on: {r:?}");
    assert_eq!(
        desk.store.hazard(id).expect("hazard").status,
        HazardStatus::Rectifying
    );
}

// ---------------------------------------------------------------------------------------------
// Mailbox slips
// ---------------------------------------------------------------------------------------------

fn slip_ids(store: &Store, unverified_only: bool) -> Vec<SlipId> {
    store
        .slips(unverified_only, 100)
        .expect("slips")
        .into_iter()
        .map(|s| s.id)
        .collect()
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one story: four slips merged, made an incident, closed, and kept"
)]
fn slips_are_merged_or_closed_once_and_never_deleted() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let existing = desk.create(
        &incident(
            "2026-11-27T12:00:00+08:00",
            "pushed",
            vec![involved(li, Role::Target)],
        ),
        "2026-11-27T13:00:00+08:00",
    );
    let mut slip = |received: &str, text: &str, now: &str| {
        desk.store
            .create_slip(
                &SlipDraft {
                    received_on: d(received),
                    text: text.into(),
                },
                desk.by,
                t(now),
            )
            .expect("create slip")
    };
    let s1 = slip(
        "2026-11-27",
        "Li Ming is pushed every lunch",
        "2026-11-30T08:00:00+08:00",
    );
    let s2 = slip(
        "2026-11-30",
        "Someone takes money at the gate",
        "2026-11-30T08:01:00+08:00",
    );
    let s3 = slip(
        "2026-11-28",
        "The dorm 3 boys are loud",
        "2026-11-30T08:02:00+08:00",
    );
    let s4 = slip(
        "2026-11-28",
        "Ghosts in the toilets",
        "2026-11-30T08:03:00+08:00",
    );

    let slips = desk.store.slips(false, 100).expect("slips");
    assert_eq!(
        slips.iter().map(|s| s.id).collect::<Vec<_>>(),
        [s2, s4, s3, s1],
        "newest received first, then newest entered"
    );
    let first = slips.iter().find(|s| s.id == s1).expect("s1");
    assert_eq!(first.text, "Li Ming is pushed every lunch");
    assert_eq!(first.received_on, d("2026-11-27"));
    assert_eq!(first.status, SlipStatus::Unverified);
    assert_eq!(first.merged_into, None);
    assert_eq!(first.entered_by, TEACHER);
    assert_eq!(first.entered_at, t("2026-11-30T08:00:00+08:00"));
    assert_eq!(first.version, 1);

    // Into an existing incident.
    let into = desk
        .store
        .merge_slip(
            s1,
            1,
            &MergeInto::Existing(existing),
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
            monday(),
        )
        .expect("merge into existing");
    assert_eq!(into, existing);
    assert_eq!(count(&desk.path, "incident"), 1, "no new incident");

    // Into a new incident, numbered, in the same transaction.
    let mut made = incident(
        "2026-11-30T07:30:00+08:00",
        "Money demanded from younger pupils at the gate",
        vec![involved(desk.student("Wang Wei"), Role::Initiator)],
    );
    made.source = Source::Mailbox;
    made.category = "extortion".into();
    let new_incident = desk
        .store
        .merge_slip(
            s2,
            1,
            &MergeInto::New(Box::new(made.clone())),
            desk.by,
            t("2026-11-30T09:10:00+08:00"),
            monday(),
        )
        .expect("merge into a new incident");
    let got = desk.store.incident(new_incident).expect("the new incident");
    assert_eq!(got.number, "2026-0002");
    assert_eq!(got.draft, made);
    assert_eq!(
        actions(&desk.store.incident_history(new_incident).expect("history")),
        [LogAction::Created]
    );

    desk.store
        .close_slip_unfounded(
            s4,
            1,
            "checked the toilets twice; nothing",
            desk.by,
            t("2026-11-30T09:20:00+08:00"),
        )
        .expect("close");

    let slips = desk.store.slips(false, 100).expect("slips");
    let get = |id| slips.iter().find(|s| s.id == id).expect("slip");
    assert_eq!(get(s1).status, SlipStatus::Merged);
    assert_eq!(
        get(s1).merged_into,
        Some((existing, "2026-0001".to_owned()))
    );
    assert_eq!(get(s1).version, 2);
    assert_eq!(get(s2).status, SlipStatus::Merged);
    assert_eq!(
        get(s2).merged_into,
        Some((new_incident, "2026-0002".to_owned()))
    );
    assert_eq!(get(s4).status, SlipStatus::Unfounded);
    assert_eq!(get(s4).closed_note, "checked the toilets twice; nothing");
    assert_eq!(get(s4).merged_into, None);
    assert_eq!(
        slips.iter().map(|s| s.id).collect::<Vec<_>>(),
        [s3, s2, s4, s1],
        "the unverified one first"
    );
    assert_eq!(slip_ids(&desk.store, true), [s3]);

    // Merged or closed slips cannot be merged or closed again, with any version.
    let before = record_counts(&desk.path);
    for (slip, version) in [(s1, 1), (s1, 2), (s2, 2), (s4, 2)] {
        let merged = desk.store.merge_slip(
            slip,
            version,
            &MergeInto::Existing(existing),
            desk.by,
            t("2026-11-30T10:00:00+08:00"),
            monday(),
        );
        assert!(
            matches!(merged, Err(StoreError::ChangedElsewhere)),
            "merge {slip:?} v{version}: {merged:?}"
        );
        let new = desk.store.merge_slip(
            slip,
            version,
            &MergeInto::New(Box::new(made.clone())),
            desk.by,
            t("2026-11-30T10:00:00+08:00"),
            monday(),
        );
        assert!(
            matches!(new, Err(StoreError::ChangedElsewhere)),
            "merge {slip:?} v{version} into new: {new:?}"
        );
        let closed = desk.store.close_slip_unfounded(
            slip,
            version,
            "again",
            desk.by,
            t("2026-11-30T10:00:00+08:00"),
        );
        assert!(is_changed_elsewhere(&closed), "close {slip:?} v{version}");
    }
    assert_eq!(
        record_counts(&desk.path),
        before,
        "no incident made for a refused merge, no log row"
    );
    assert_eq!(
        desk.create(
            &incident(
                "2026-11-30T07:00:00+08:00",
                "next",
                vec![involved(li, Role::Target)]
            ),
            "2026-11-30T10:05:00+08:00"
        ),
        IncidentId(3)
    );
    assert_eq!(desk.number(IncidentId(3)), "2026-0003", "no number used up");

    assert_eq!(count(&desk.path, "report_slip"), 4, "never deleted");
    let log: Vec<(i64, String, String)> = {
        let conn = peek(&desk.path);
        let mut stmt = conn
            .prepare(
                "SELECT record_id, action, reason FROM change_log WHERE kind = 'slip' ORDER BY id",
            )
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let log: Vec<(i64, &str, &str)> = log
        .iter()
        .map(|(id, action, reason)| (*id, action.as_str(), reason.as_str()))
        .collect();
    assert_eq!(
        log,
        [
            (s1.0, "created", ""),
            (s2.0, "created", ""),
            (s3.0, "created", ""),
            (s4.0, "created", ""),
            (s1.0, "merged", ""),
            (s2.0, "merged", ""),
            (s4.0, "unfounded", "checked the toilets twice; nothing"),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// The change log
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one story: four kinds of record with the same id, each changed once"
)]
fn the_change_log_keeps_kinds_apart_for_the_same_record_id() {
    let mut desk = desk();
    let li = desk.student("Li Ming");
    let incident_id = desk.create(
        &incident(
            "2026-11-30T07:40:00+08:00",
            "pushed",
            vec![involved(li, Role::Target)],
        ),
        "2026-11-30T08:00:00+08:00",
    );
    let hazard_id = desk
        .store
        .create_hazard(
            &hazard_draft("toilets", "light"),
            d("2026-12-07"),
            desk.by,
            t("2026-11-30T08:01:00+08:00"),
        )
        .expect("hazard");
    let followup_id = desk
        .store
        .create_followups(
            &[FollowupDraft {
                incident: Some(incident_id),
                ..followup_draft(
                    Kind::Counselling,
                    desk.counsellor,
                    "2026-12-01T08:00:00+08:00",
                )
            }],
            desk.by,
            t("2026-11-30T08:02:00+08:00"),
        )
        .expect("follow-up")[0];
    let slip_id = desk
        .store
        .create_slip(
            &SlipDraft {
                received_on: monday(),
                text: "a slip".into(),
            },
            desk.by,
            t("2026-11-30T08:03:00+08:00"),
        )
        .expect("slip");
    // The first record of each kind: the same id in four tables.
    assert_eq!(
        (incident_id.0, hazard_id.0, followup_id.0, slip_id.0),
        (1, 1, 1, 1)
    );

    let mut corrected = desk.store.incident(incident_id).expect("incident").draft;
    corrected.narrative = "pushed hard".into();
    desk.store
        .correct_incident(
            incident_id,
            1,
            &corrected,
            "the incident's reason",
            desk.by,
            t("2026-11-30T09:00:00+08:00"),
        )
        .expect("correct");
    desk.store
        .advance_hazard(
            hazard_id,
            1,
            HazardStatus::Rectifying,
            "ordered",
            desk.by,
            t("2026-11-30T09:01:00+08:00"),
        )
        .expect("advance");
    desk.store
        .reschedule_followup(
            followup_id,
            1,
            t("2026-12-02T08:00:00+08:00"),
            "the follow-up's reason",
            desk.by,
            t("2026-11-30T09:02:00+08:00"),
        )
        .expect("reschedule");
    desk.store
        .close_slip_unfounded(
            slip_id,
            1,
            "the slip's reason",
            desk.by,
            t("2026-11-30T09:03:00+08:00"),
        )
        .expect("close");
    assert_eq!(count(&desk.path, "change_log WHERE record_id = 1"), 8);

    let incident_log = desk.store.incident_history(incident_id).expect("incident");
    assert_eq!(
        actions(&incident_log),
        [LogAction::Created, LogAction::Corrected]
    );
    assert_eq!(incident_log[1].reason, "the incident's reason");
    assert_eq!(incident_log[1].changes.len(), 1);
    assert_eq!(incident_log[1].changes[0].field, "narrative");

    let hazard_log = desk.store.hazard_history(hazard_id).expect("hazard");
    assert_eq!(
        actions(&hazard_log),
        [LogAction::Created, LogAction::StatusChanged]
    );
    assert!(hazard_log.iter().all(|e| e.reason.is_empty()));

    let followup_log = desk.store.followup_history(followup_id).expect("follow-up");
    assert_eq!(
        actions(&followup_log),
        [LogAction::Created, LogAction::Rescheduled]
    );
    assert_eq!(followup_log[1].reason, "the follow-up's reason");
    assert_eq!(followup_log[1].changes[0].field, "due_at");

    let by_kind: Vec<(String, i64)> = {
        let conn = peek(&desk.path);
        let mut stmt = conn
            .prepare("SELECT kind, count(*) FROM change_log GROUP BY kind ORDER BY kind")
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    assert_eq!(
        by_kind,
        [
            ("followup".to_owned(), 2),
            ("hazard".to_owned(), 2),
            ("incident".to_owned(), 2),
            ("slip".to_owned(), 2)
        ]
    );
}
