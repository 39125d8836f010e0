//! Store tests on real SQLite files in a temp dir: permissions, round trips through a fresh
//! handle, the refusals that must leave a file byte-for-byte unchanged, two terminals on one
//! file, and the migration runner raced by several real `dutydesk init` processes.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::collections::BTreeSet;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use dutydesk::domain::patrol::{CheckDraft, CheckId, ExceptionDraft, ItemAnswer, ItemResult};
use dutydesk::domain::schedule::RoundKey;
use dutydesk::domain::shift::{DutyRole, MemberRef, Shift, ShiftDraft};
use dutydesk::domain::staff::{StaffDraft, StaffRole};
use dutydesk::store::{APPLICATION_ID, Actor, Refusal, SCHEMA_VERSION, Store, StoreError};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The fixed moment the child processes run at (Monday morning arrival, Beijing time).
const NOW_ENV: &str = "2026-11-30T07:30:00+08:00";

/// Every table the latest schema has.
const TABLES: [&str; 20] = [
    "attention",
    "audit",
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
];

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

/// A UTC instant on Monday 2026-11-30 (local +08:00 is 8 hours ahead).
fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, hour, minute, 0)
        .single()
        .expect("instant")
}

fn round(slot: &str, rep: u32, place: &str) -> RoundKey {
    RoundKey {
        day: monday(),
        slot: slot.into(),
        rep,
        place: place.into(),
    }
}

fn item(text: &str, result: ItemResult, note: &str) -> ItemAnswer {
    ItemAnswer {
        text: text.into(),
        result,
        note: note.into(),
    }
}

fn staff(name: &str, role: StaffRole) -> StaffDraft {
    StaffDraft {
        name: name.into(),
        role,
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// `path` with `suffix` appended to its file name (`-wal`, `-shm`, `-journal`).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// The names in a directory, sorted.
fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// A read-only look at the file, as another program would take it.
fn peek(path: &Path) -> Connection {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .expect("open read-only")
}

fn count(path: &Path, table: &str) -> i64 {
    peek(path)
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count rows")
}

fn user_version(conn: &Connection) -> i32 {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("user_version")
}

/// A store on a new file in `dir` with one duty teacher and an open shift.
fn store_with_shift(dir: &TempDir) -> (PathBuf, Store, Shift) {
    let path = dir.path().join("dutydesk.db");
    let mut store = Store::open(&path, monday()).expect("open");
    let shift = store
        .start_shift(
            &ShiftDraft {
                day: monday(),
                members: vec![(
                    MemberRef::New {
                        name: "张老师".into(),
                        role: StaffRole::Teacher,
                    },
                    DutyRole::DutyTeacher,
                )],
            },
            at(23, 0),
        )
        .expect("start shift");
    (path, store, shift)
}

fn actor(shift: &Shift) -> Actor {
    Actor {
        shift: shift.id,
        staff: shift.members[0].staff,
    }
}

fn gate_check(items: Vec<ItemAnswer>, replaces: Option<CheckId>) -> CheckDraft {
    CheckDraft {
        round: round("morning", 0, "gate"),
        items,
        note: String::new(),
        replaces,
    }
}

/// One way of opening a file.
type Opener<'a> = dyn Fn() -> Result<Store, StoreError> + 'a;

/// Asserts that opening `path` is refused as `matches` says, with the file, and the directory it
/// is in, exactly as they were; returns the error's text.
fn assert_refused_untouched(path: &Path, matches: fn(&StoreError) -> bool) -> String {
    let dir = path.parent().expect("parent");
    let bytes = std::fs::read(path).expect("read before");
    let files = listing(dir);
    let mut text = String::new();
    let opens: [(&str, &Opener<'_>); 2] = [
        ("open", &|| Store::open(path, monday())),
        ("open_existing", &|| Store::open_existing(path)),
    ];
    for (how, open) in opens {
        let err = open().expect_err(&format!("{how} must refuse {}", path.display()));
        assert!(matches(&err), "{how}: unexpected error {err:?}");
        text = err.to_string();
        assert!(
            text.contains(&path.display().to_string()),
            "{how}: the message must name the file: {text}"
        );
        assert!(
            std::fs::read(path).expect("read after") == bytes,
            "{how} changed the bytes of {}",
            path.display()
        );
        for suffix in ["-wal", "-shm", "-journal"] {
            assert!(
                !beside(path, suffix).exists(),
                "{how} created {suffix} beside a refused file"
            );
        }
        assert_eq!(
            listing(dir),
            files,
            "{how} left files beside a refused file"
        );
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Creating a file
// ---------------------------------------------------------------------------------------------

#[test]
fn a_new_file_and_its_directories_are_private_and_so_are_wal_and_shm() {
    let tmp = TempDir::new().expect("temp dir");
    let data = tmp.path().join("data");
    let dir = data.join("school");
    let path = dir.join("dutydesk.db");

    let mut store = Store::open(&path, monday()).expect("open");
    assert!(store.was_created());
    assert!(path.is_file());
    assert_eq!(mode(&data), 0o700, "the data directory Store::open created");
    assert_eq!(mode(&dir), 0o700, "the directory Store::open created");
    assert_eq!(mode(&path), 0o600, "the database file");

    store
        .add_staff(&staff("张老师", StaffRole::Teacher), at(23, 0))
        .expect("a write");
    for suffix in ["-wal", "-shm"] {
        let side = beside(&path, suffix);
        assert!(side.exists(), "{suffix} exists while the store is open");
        assert_eq!(mode(&side), 0o600, "{suffix} after a write");
    }
    // The temporary file the database was built in is gone.
    assert_eq!(
        listing(&dir),
        ["dutydesk.db", "dutydesk.db-shm", "dutydesk.db-wal"]
            .map(String::from)
            .into(),
    );
    drop(store);
    assert_eq!(mode(&path), 0o600, "still private after closing");
}

#[test]
fn a_new_file_is_stamped_complete_and_in_wal_mode() {
    let tmp = TempDir::new().expect("temp dir");
    let path = tmp.path().join("dutydesk.db");
    let store = Store::open(&path, monday()).expect("open");
    assert_eq!(store.path(), path);
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    assert_eq!(store.tracked_from().expect("tracked_from"), Some(monday()));
    drop(store);

    let conn = peek(&path);
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("application_id");
    assert_eq!(app, APPLICATION_ID);
    assert_eq!(user_version(&conn), SCHEMA_VERSION);
    let journal: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(journal, "wal");

    // Opening again neither re-creates nor moves the first day of records.
    let again = Store::open(&path, monday().succ_opt().expect("tuesday")).expect("reopen");
    assert!(!again.was_created());
    assert_eq!(again.tracked_from().expect("tracked_from"), Some(monday()));
}

#[test]
fn open_existing_does_not_create_a_missing_file() {
    let tmp = TempDir::new().expect("temp dir");
    let path = tmp.path().join("missing.db");
    let err = Store::open_existing(&path).expect_err("no file to open");
    assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
    assert!(!path.exists());
    assert!(listing(tmp.path()).is_empty(), "nothing was created");
}

// ---------------------------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one story: write everything, read it back, reopen, read it again"
)]
fn everything_saved_reads_back_and_survives_a_reopen() {
    let tmp = TempDir::new().expect("temp dir");
    let path = tmp.path().join("dutydesk.db");
    let mut store = Store::open(&path, monday()).expect("open");

    let zhang = store
        .add_staff(&staff("张老师", StaffRole::Teacher), at(22, 0))
        .expect("add staff");
    let shift = store
        .start_shift(
            &ShiftDraft {
                day: monday(),
                members: vec![
                    (MemberRef::Existing(zhang), DutyRole::DutyTeacher),
                    (
                        MemberRef::New {
                            name: "李主任".into(),
                            role: StaffRole::Leader,
                        },
                        DutyRole::Leader,
                    ),
                    (
                        MemberRef::New {
                            name: "王师傅".into(),
                            role: StaffRole::Guard,
                        },
                        DutyRole::Guard,
                    ),
                ],
            },
            at(23, 0),
        )
        .expect("start shift");
    assert_eq!(shift.day, monday());
    assert_eq!(shift.opened_at, at(23, 0));
    assert_eq!(shift.closed_at, None);
    let members: Vec<(&str, DutyRole)> = shift
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.role))
        .collect();
    assert_eq!(
        members,
        [
            ("张老师", DutyRole::DutyTeacher),
            ("李主任", DutyRole::Leader),
            ("王师傅", DutyRole::Guard)
        ]
    );
    assert_eq!(
        shift.members[0].staff, zhang,
        "an existing person is reused"
    );
    // The two new people joined the staff list, with their jobs, in the same write.
    let list: Vec<(String, StaffRole)> = store
        .staff()
        .expect("staff")
        .into_iter()
        .map(|s| (s.name, s.role))
        .collect();
    assert_eq!(list.len(), 3, "{list:?}");
    assert!(list.contains(&("李主任".into(), StaffRole::Leader)));
    assert!(list.contains(&("王师傅".into(), StaffRole::Guard)));
    assert!(shift.members[1].staff != zhang && shift.members[2].staff != zhang);

    let by = Actor {
        shift: shift.id,
        staff: shift.members[2].staff,
    };
    let first_items = vec![
        item("No crowding", ItemResult::Ok, ""),
        item("Cameras working", ItemResult::Problem, "camera 3 dark"),
        item("Fence intact", ItemResult::NotApplicable, ""),
    ];
    let first = store
        .save_check(&gate_check(first_items, None), by, at(23, 40))
        .expect("save check");
    // A partial check of another round.
    let dorm_items = vec![
        item("熄灯后无学生在寝室外", ItemResult::Ok, ""),
        item("消防通道畅通", ItemResult::Unset, ""),
    ];
    let dorm = CheckDraft {
        round: round("night", 2, "dorm_boys"),
        items: dorm_items.clone(),
        note: "二楼走廊灯坏".into(),
        replaces: None,
    };
    let dorm_id = store.save_check(&dorm, by, at(23, 45)).expect("save dorm");
    // The gate is checked again: the new check supersedes the first.
    let second_items = vec![
        item("No crowding", ItemResult::Ok, ""),
        item("Cameras working", ItemResult::Ok, "camera 3 fixed"),
        item("Fence intact", ItemResult::Problem, "gap by the bins"),
        item("Lights", ItemResult::Problem, "lamp out"),
    ];
    let second = store
        .save_check(
            &CheckDraft {
                note: "rechecked".into(),
                ..gate_check(second_items.clone(), Some(first))
            },
            by,
            at(23, 50),
        )
        .expect("save replacement");
    assert!(second > first);

    let reason = ExceptionDraft {
        round: round("night", 2, "dorm_boys"),
        reason: "停电，无法完成检查".into(),
    };
    store
        .save_exception(
            &ExceptionDraft {
                reason: "停电".into(),
                ..reason.clone()
            },
            by,
            at(23, 52),
        )
        .expect("save a first reason");
    store
        .save_exception(&reason, by, at(23, 55))
        .expect("save a better reason");

    let check_everything = |store: &Store| {
        let checks = store.day_checks(monday()).expect("day checks");
        assert_eq!(checks.len(), 2, "latest check per round: {checks:?}");
        let gate = checks
            .iter()
            .find(|c| c.round == round("morning", 0, "gate"))
            .expect("gate check");
        assert_eq!(gate.id, second, "the newest check of the round wins");
        assert_eq!(
            gate.items, second_items,
            "items in the order they were given"
        );
        assert!(gate.complete);
        assert_eq!(gate.problems, 2);
        assert_eq!(gate.note, "rechecked");
        assert_eq!(gate.shift, shift.id);
        assert_eq!(gate.by, by.staff);
        assert_eq!(gate.by_name, "王师傅");
        assert_eq!(gate.at, at(23, 50));
        let night = checks
            .iter()
            .find(|c| c.round == round("night", 2, "dorm_boys"))
            .expect("dorm check");
        assert_eq!(night.id, dorm_id);
        assert_eq!(night.items, dorm_items);
        assert!(
            !night.complete,
            "an unanswered item leaves the check partial"
        );
        assert_eq!(night.problems, 0);
        assert_eq!(night.note, "二楼走廊灯坏");

        let exceptions = store.day_exceptions(monday()).expect("day exceptions");
        assert_eq!(
            exceptions.len(),
            1,
            "the latest reason per round: {exceptions:?}"
        );
        assert_eq!(exceptions[0].round, reason.round);
        assert_eq!(exceptions[0].reason, reason.reason);
        assert_eq!(exceptions[0].by_name, "王师傅");
        assert_eq!(exceptions[0].at, at(23, 55));

        let other_day = monday().succ_opt().expect("tuesday");
        assert!(store.day_checks(other_day).expect("checks").is_empty());
        assert!(store.day_exceptions(other_day).expect("exc").is_empty());

        assert_eq!(
            store.open_shift().expect("open shift").as_ref(),
            Some(&shift)
        );
        assert_eq!(store.staff().expect("staff").len(), 3);
    };
    check_everything(&store);
    drop(store);

    let reopened = Store::open(&path, monday()).expect("reopen");
    assert!(!reopened.was_created());
    check_everything(&reopened);
    assert_eq!(
        reopened.recent_shifts(10).expect("recent"),
        vec![shift.clone()]
    );
    // Superseded checks are kept, not overwritten: all three are in the file.
    assert_eq!(count(&path, "patrol_check"), 3);
    assert_eq!(count(&path, "patrol_item"), 3 + 2 + 4);
    assert_eq!(count(&path, "round_exception"), 2);
}

// ---------------------------------------------------------------------------------------------
// Refused writes
// ---------------------------------------------------------------------------------------------

#[test]
fn a_second_shift_is_refused_while_one_is_open_and_nothing_is_written() {
    let tmp = TempDir::new().expect("temp dir");
    let (path, mut store, shift) = store_with_shift(&tmp);
    let mut other_terminal = Store::open(&path, monday()).expect("second handle");

    let wal = beside(&path, "-wal");
    let (db_before, wal_before) = (
        std::fs::read(&path).expect("db"),
        std::fs::read(&wal).expect("wal"),
    );
    let counts = || ["shift", "shift_member", "staff"].map(|t| count(&path, t));
    let before = counts();
    assert_eq!(before, [1, 1, 1]);

    let draft = ShiftDraft {
        day: monday(),
        members: vec![
            (
                MemberRef::Existing(shift.members[0].staff),
                DutyRole::DutyTeacher,
            ),
            (
                MemberRef::New {
                    name: "新来的".into(),
                    role: StaffRole::Guard,
                },
                DutyRole::Guard,
            ),
        ],
    };
    for (who, s) in [("same", &mut store), ("other", &mut other_terminal)] {
        let err = s.start_shift(&draft, at(23, 30)).expect_err("refused");
        assert!(
            matches!(err, StoreError::Refused(Refusal::ShiftAlreadyOpen)),
            "{who} terminal: {err:?}"
        );
    }
    assert_eq!(counts(), before, "no shift, member or new staff row");
    assert!(
        std::fs::read(&path).expect("db") == db_before
            && std::fs::read(&wal).expect("wal") == wal_before,
        "a refused write must not reach the file or its WAL"
    );
    assert_eq!(store.open_shift().expect("open").as_ref(), Some(&shift));
}

#[test]
fn a_shift_that_fails_half_way_leaves_nothing_behind() {
    let tmp = TempDir::new().expect("temp dir");
    let path = tmp.path().join("dutydesk.db");
    let mut store = Store::open(&path, monday()).expect("open");
    // The new person is inserted before the unknown one fails its foreign key.
    let draft = ShiftDraft {
        day: monday(),
        members: vec![
            (
                MemberRef::New {
                    name: "新来的".into(),
                    role: StaffRole::Guard,
                },
                DutyRole::Guard,
            ),
            (
                MemberRef::Existing(dutydesk::domain::staff::StaffId(9_999)),
                DutyRole::DutyTeacher,
            ),
        ],
    };
    let err = store
        .start_shift(&draft, at(23, 0))
        .expect_err("unknown staff id");
    assert!(matches!(err, StoreError::Sqlite(_)), "{err:?}");
    for table in ["shift", "shift_member", "staff"] {
        assert_eq!(
            count(&path, table),
            0,
            "{table}: one start = one transaction"
        );
    }
    assert_eq!(store.open_shift().expect("open shift"), None);
    assert!(store.staff().expect("staff").is_empty());
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn closing_with_a_stale_version_is_refused_and_a_closed_shift_takes_no_records() {
    let tmp = TempDir::new().expect("temp dir");
    let (path, mut store, shift) = store_with_shift(&tmp);

    let err = store
        .close_shift(shift.id, shift.version - 1, at(23, 59))
        .expect_err("stale version");
    assert!(matches!(err, StoreError::ChangedElsewhere), "{err:?}");
    assert_eq!(
        store.open_shift().expect("open").as_ref(),
        Some(&shift),
        "the shift is still open and unchanged"
    );

    store
        .close_shift(shift.id, shift.version, at(23, 59))
        .expect("close with the version seen");
    let closed = store.recent_shifts(1).expect("recent").remove(0);
    assert_eq!(closed.closed_at, Some(at(23, 59)));
    assert!(closed.version > shift.version, "closing bumps the version");
    assert_eq!(store.open_shift().expect("open"), None);

    // Closing again with the version the form saw is "changed elsewhere", not a second close.
    let err = store
        .close_shift(shift.id, shift.version, at(23, 59))
        .expect_err("already closed");
    assert!(matches!(err, StoreError::ChangedElsewhere), "{err:?}");
    let err = store
        .close_shift(closed.id, closed.version, at(23, 59))
        .expect_err("already closed, current version");
    assert!(matches!(err, StoreError::ChangedElsewhere), "{err:?}");

    let draft = gate_check(vec![item("No crowding", ItemResult::Ok, "")], None);
    let err = store
        .save_check(&draft, actor(&shift), at(23, 59))
        .expect_err("no open shift");
    assert!(
        matches!(err, StoreError::Refused(Refusal::NoOpenShift)),
        "{err:?}"
    );
    let err = store
        .save_exception(
            &ExceptionDraft {
                round: round("morning", 0, "gate"),
                reason: "late".into(),
            },
            actor(&shift),
            at(23, 59),
        )
        .expect_err("no open shift");
    assert!(
        matches!(err, StoreError::Refused(Refusal::NoOpenShift)),
        "{err:?}"
    );
    assert_eq!(count(&path, "patrol_check"), 0);
    assert_eq!(count(&path, "patrol_item"), 0);
    assert_eq!(count(&path, "round_exception"), 0);

    // A new shift may open now that none is open.
    let next = store
        .start_shift(
            &ShiftDraft {
                day: monday(),
                members: vec![(
                    MemberRef::Existing(shift.members[0].staff),
                    DutyRole::DutyTeacher,
                )],
            },
            at(23, 59),
        )
        .expect("a new shift");
    assert_ne!(next.id, shift.id);
    // A record for the old shift's id is still refused.
    let err = store
        .save_check(&draft, actor(&shift), at(23, 59))
        .expect_err("old shift");
    assert!(
        matches!(err, StoreError::Refused(Refusal::NoOpenShift)),
        "{err:?}"
    );
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn two_terminals_on_one_round_never_overwrite_each_other() {
    let tmp = TempDir::new().expect("temp dir");
    let (path, mut a, shift) = store_with_shift(&tmp);
    let mut b = Store::open(&path, monday()).expect("second terminal");
    let by = actor(&shift);

    // Both open the check form on the same round: nothing is saved yet.
    let latest_a = a
        .day_checks(monday())
        .expect("checks")
        .first()
        .map(|c| c.id);
    let latest_b = b
        .day_checks(monday())
        .expect("checks")
        .first()
        .map(|c| c.id);
    assert_eq!((latest_a, latest_b), (None, None));

    let a_items = vec![
        item("No crowding", ItemResult::Ok, ""),
        item("Cameras working", ItemResult::Problem, "camera 2 dark"),
    ];
    let b_items = vec![
        item("No crowding", ItemResult::Problem, "crowd at the gate"),
        item("Cameras working", ItemResult::Ok, ""),
    ];
    let first = a
        .save_check(&gate_check(a_items.clone(), latest_a), by, at(23, 40))
        .expect("first save");
    let err = b
        .save_check(&gate_check(b_items.clone(), latest_b), by, at(23, 41))
        .expect_err("second save on a stale form");
    assert!(matches!(err, StoreError::ChangedElsewhere), "{err:?}");

    for (who, s) in [("a", &a), ("b", &b)] {
        let checks = s.day_checks(monday()).expect("checks");
        assert_eq!(checks.len(), 1, "{who}");
        assert_eq!(checks[0].id, first, "{who}");
        assert_eq!(checks[0].items, a_items, "{who}: the first check is intact");
        assert_eq!(checks[0].problems, 1, "{who}");
    }
    assert_eq!(count(&path, "patrol_check"), 1);
    assert_eq!(
        count(&path, "patrol_item"),
        2,
        "no items of the refused save"
    );

    // B reloads, sees A's check, and saves over it knowingly.
    let second = b
        .save_check(&gate_check(b_items.clone(), Some(first)), by, at(23, 42))
        .expect("save with replaces");
    for (who, s) in [("a", &a), ("b", &b)] {
        let checks = s.day_checks(monday()).expect("checks");
        assert_eq!(checks.len(), 1, "{who}");
        assert_eq!(checks[0].id, second, "{who}: the replacement is the latest");
        assert_eq!(checks[0].items, b_items, "{who}");
    }
    let replaces: Option<i64> = peek(&path)
        .query_row(
            "SELECT replaces FROM patrol_check WHERE id = ?1",
            [second.0],
            |r| r.get(0),
        )
        .expect("replaces");
    assert_eq!(
        replaces,
        Some(first.0),
        "the replacement names what it replaced"
    );

    // A, still holding the first id, is now the stale one.
    let err = a
        .save_check(&gate_check(a_items, Some(first)), by, at(23, 43))
        .expect_err("stale replaces");
    assert!(matches!(err, StoreError::ChangedElsewhere), "{err:?}");
    assert_eq!(count(&path, "patrol_check"), 2);

    // Closing: both saw version 1; the second close is refused.
    a.close_shift(shift.id, shift.version, at(23, 50))
        .expect("a closes");
    let err = b
        .close_shift(shift.id, shift.version, at(23, 51))
        .expect_err("b's close is stale");
    assert!(matches!(err, StoreError::ChangedElsewhere), "{err:?}");
    let closed = b.recent_shifts(1).expect("recent").remove(0);
    assert_eq!(closed.closed_at, Some(at(23, 50)), "a's close time is kept");
}

// ---------------------------------------------------------------------------------------------
// Files that are not ours, or not ours yet
// ---------------------------------------------------------------------------------------------

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let tmp = TempDir::new().expect("temp dir");
    let long =
        "值班记录 2026-11-30: a text file longer than a SQLite header, so the first 100 bytes \
                are read in full.\n"
            .repeat(3);
    let cases: [(&str, &[u8]); 4] = [
        ("notes.txt", b"duty notes\nnot a database\n"),
        ("empty.db", b""),
        ("long.txt", long.as_bytes()),
        // The magic string cut short: not a whole header.
        ("truncated.db", b"SQLite format 3\0\x10\0"),
    ];
    for (name, bytes) in cases {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let text = assert_refused_untouched(&path, |e| matches!(e, StoreError::NotSqlite { .. }));
        assert!(text.contains("left unchanged"), "{name}: {text}");
    }
}

#[test]
fn a_sqlite_file_of_another_program_is_refused_untouched() {
    let tmp = TempDir::new().expect("temp dir");
    for (name, app_id, journal) in [
        ("other.sqlite", 0, "DELETE"),
        ("fossil.sqlite", 0x0F05_5112, "DELETE"),
        ("other-wal.sqlite", 0x1234_5678, "WAL"),
    ] {
        let path = tmp.path().join(name);
        let conn = Connection::open(&path).expect("create");
        conn.pragma_update(None, "journal_mode", journal)
            .expect("journal mode");
        conn.pragma_update(None, "application_id", app_id)
            .expect("application id");
        conn.execute_batch(
            "CREATE TABLE things (id INTEGER PRIMARY KEY, what TEXT);
             INSERT INTO things (what) VALUES ('a'), ('b');",
        )
        .expect("fill");
        conn.close().expect("close");
        assert!(!beside(&path, "-wal").exists(), "{name}: set-up left a WAL");

        let text = assert_refused_untouched(&path, |e| matches!(e, StoreError::ForeignFile { .. }));
        assert!(text.contains("another program"), "{name}: {text}");
        let rows: i64 = peek(&path)
            .query_row("SELECT count(*) FROM things", [], |r| r.get(0))
            .expect("the other program's data");
        assert_eq!(rows, 2, "{name}");
    }
}

/// A DutyDesk file, closed, with `user_version` set to `version` and checkpointed into the file,
/// in `journal` mode (`WAL` as DutyDesk makes them, `DELETE` as a `VACUUM INTO` copy is).
fn dutydesk_file_with_version(path: &Path, version: i32, journal: &str) {
    drop(Store::open(path, monday()).expect("create"));
    let conn = Connection::open(path).expect("open with rusqlite");
    conn.pragma_update(None, "user_version", version)
        .expect("user_version");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    })
    .expect("checkpoint");
    conn.pragma_update(None, "journal_mode", journal)
        .expect("journal mode");
    conn.close().expect("close");
    assert!(!beside(path, "-wal").exists() && !beside(path, "-shm").exists());
    // The header says so (offset 60 is user_version), read without opening the database.
    let header = std::fs::read(path).expect("read");
    assert_eq!(header[60..64], version.to_be_bytes());
}

#[test]
fn a_file_from_a_newer_dutydesk_is_refused_untouched() {
    let tmp = TempDir::new().expect("temp dir");
    for journal in ["WAL", "DELETE"] {
        let path = tmp.path().join(format!("newer-{journal}.db"));
        dutydesk_file_with_version(&path, 99, journal);

        let text = assert_refused_untouched(&path, |e| {
            matches!(
                e,
                StoreError::TooNew {
                    found: 99,
                    supported: SCHEMA_VERSION,
                    ..
                }
            )
        });
        assert!(text.contains("newer DutyDesk"), "{journal}: {text}");
        assert!(text.contains("99"), "{journal}: {text}");
    }
}

#[test]
fn a_newer_version_still_in_the_wal_is_refused_and_the_file_left_alone() {
    // Another terminal runs a newer DutyDesk: its migration is committed in the WAL, not yet in
    // the main file, whose header still says our version.
    let tmp = TempDir::new().expect("temp dir");
    let path = tmp.path().join("dutydesk.db");
    drop(Store::open(&path, monday()).expect("create"));
    let newer = Connection::open(&path).expect("newer program");
    newer
        .pragma_update(None, "wal_autocheckpoint", 0)
        .expect("no checkpoint");
    newer
        .execute_batch("BEGIN IMMEDIATE; CREATE TABLE from_the_future (id INTEGER PRIMARY KEY); PRAGMA user_version = 99; COMMIT;")
        .expect("newer migration");
    let bytes = std::fs::read(&path).expect("main file");
    assert_eq!(
        bytes[60..64],
        SCHEMA_VERSION.to_be_bytes(),
        "the main file's header still shows our version"
    );

    let err = Store::open(&path, monday()).expect_err("refused");
    assert!(
        matches!(err, StoreError::TooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains(&path.display().to_string()));
    assert!(std::fs::read(&path).expect("main file") == bytes);
    assert_eq!(
        user_version(&newer),
        99,
        "the newer program's file is intact"
    );
}

#[test]
fn a_newer_version_left_in_the_wal_by_a_crash_is_refused_untouched() {
    // A newer DutyDesk migrated the file and was killed before checkpointing: its commit is in
    // the -wal, and nobody has the file open.
    let tmp = TempDir::new().expect("temp dir");
    let path = tmp.path().join("dutydesk.db");
    drop(Store::open(&path, monday()).expect("create"));
    let newer = Connection::open(&path).expect("newer program");
    newer
        .pragma_update(None, "wal_autocheckpoint", 0)
        .expect("no checkpoint");
    newer
        .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .expect("no checkpoint on close, as after a crash");
    newer
        .execute_batch("BEGIN IMMEDIATE; CREATE TABLE from_the_future (id INTEGER PRIMARY KEY); PRAGMA user_version = 99; COMMIT;")
        .expect("newer migration");
    newer.close().expect("close");
    let wal = beside(&path, "-wal");
    let (bytes, wal_bytes) = (
        std::fs::read(&path).expect("main file"),
        std::fs::read(&wal).expect("the newer program's WAL"),
    );
    assert_eq!(bytes[60..64], SCHEMA_VERSION.to_be_bytes());

    let err = Store::open(&path, monday()).expect_err("refused");
    assert!(
        matches!(err, StoreError::TooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("left unchanged"));
    assert!(
        std::fs::read(&path).expect("main file") == bytes,
        "the main file was rewritten by a program that refused it"
    );
    assert!(
        std::fs::read(&wal).ok() == Some(wal_bytes),
        "the newer program's WAL was consumed by a program that refused it"
    );
}

/// A copy of a live DutyDesk file made with `VACUUM INTO`, as a backup is; returns its path.
fn restored_backup(live: &Path, to: &Path) -> PathBuf {
    Connection::open(live)
        .expect("open live")
        .execute("VACUUM INTO ?1", [to.to_str().expect("utf-8 path")])
        .expect("backup");
    let header = std::fs::read(to).expect("read backup");
    assert_eq!(
        header[18..20],
        [1, 1],
        "VACUUM INTO writes a rollback-journal file, not WAL"
    );
    to.to_owned()
}

/// Opens `path` with `Store::open` while another connection holds the write lock; the lock is let
/// go when the open returns, or after 2 s (well inside the 10 s busy timeout) if it waits.
fn open_while_another_writes(path: &Path) -> Result<Store, StoreError> {
    let (held_tx, held_rx) = mpsc::channel::<()>();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let holder = {
        let path = path.to_owned();
        std::thread::spawn(move || {
            let conn = Connection::open(&path).expect("other connection");
            conn.execute_batch("BEGIN IMMEDIATE")
                .expect("take the write lock");
            held_tx.send(()).expect("tell the lock is held");
            let _ = release_rx.recv_timeout(Duration::from_secs(2));
            conn.execute_batch("COMMIT").expect("release the lock");
        })
    };
    held_rx.recv().expect("the lock is held");
    let opened = Store::open(path, monday());
    let _ = release_tx.send(());
    holder.join().expect("holder thread");
    opened
}

#[test]
fn a_terminal_starts_while_another_is_writing() {
    let tmp = TempDir::new().expect("temp dir");
    let (path, store, shift) = store_with_shift(&tmp);
    drop(store);
    let store = open_while_another_writes(&path).expect("a WAL file opens beside a writer");
    assert_eq!(store.open_shift().expect("open shift"), Some(shift));
}

#[test]
fn opening_a_restored_backup_waits_for_a_writer_instead_of_failing() {
    let tmp = TempDir::new().expect("temp dir");
    let source = TempDir::new_in(tmp.path()).expect("source dir");
    let (live, store, shift) = store_with_shift(&source);
    drop(store);
    let restored = restored_backup(&live, &tmp.path().join("restored.db"));

    let store = open_while_another_writes(&restored)
        .expect("a write lock held briefly is waited for, not reported as busy");
    assert_eq!(store.open_shift().expect("open shift"), Some(shift));
    drop(store);
    let journal: String = peek(&restored)
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(journal, "wal");
}

// ---------------------------------------------------------------------------------------------
// The migration runner against real processes starting together
// ---------------------------------------------------------------------------------------------

const RACERS: usize = 4;
const RACES: usize = 20;
const RESTORE_RACES: usize = 200;

/// Starts `RACERS` processes of `dutydesk init --db <db>` held at a start line (each waits for a
/// line on stdin), releases them together, and returns their outputs.
fn race_init(db: &Path, home: &Path) -> Vec<Output> {
    let mut children: Vec<_> = (0..RACERS)
        .map(|_| {
            Command::new("sh")
                .arg("-c")
                .arg(r#"read -r _; exec "$0" init --db "$1""#)
                .arg(env!("CARGO_BIN_EXE_dutydesk"))
                .arg(db)
                .env("DUTYDESK_HOME", home)
                .env("DUTYDESK_NOW", NOW_ENV)
                .env("HOME", home)
                .env_remove("DUTYDESK_DB")
                .env_remove("DUTYDESK_CONFIG")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env_remove("LANG")
                .env_remove("XDG_DATA_HOME")
                .env_remove("XDG_CONFIG_HOME")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn dutydesk init")
        })
        .collect();
    for child in &mut children {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"go\n")
            .expect("release");
    }
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait"))
        .collect()
}

fn assert_all_succeeded(outputs: &[Output], race: usize) -> Vec<String> {
    outputs
        .iter()
        .map(|o| {
            let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
            assert!(
                o.status.success(),
                "race {race}: an init failed ({}): {}{stdout}",
                o.status,
                String::from_utf8_lossy(&o.stderr)
            );
            stdout
        })
        .collect()
}

/// The file is a whole DutyDesk database of the latest schema, every table there once.
fn assert_latest_schema(db: &Path, race: usize) {
    let conn = peek(db);
    assert_eq!(user_version(&conn), SCHEMA_VERSION, "race {race}");
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("application_id");
    assert_eq!(app, APPLICATION_ID, "race {race}");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("tables");
    assert_eq!(tables, TABLES, "race {race}: each table exactly once");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(ok, "ok", "race {race}");
}

#[test]
fn inits_racing_on_a_missing_file_create_it_once() {
    let tmp = TempDir::new().expect("temp dir");
    let home = tmp.path().join("home");
    for race in 0..RACES {
        // A directory that does not exist yet either: the racers create it too.
        let dir = tmp.path().join(format!("race-{race}")).join("data");
        let db = dir.join("dutydesk.db");
        let outputs = race_init(&db, &home);
        let stdouts = assert_all_succeeded(&outputs, race);
        let created = stdouts.iter().filter(|s| s.starts_with("created ")).count();
        assert_eq!(created, 1, "race {race}: exactly one creator: {stdouts:?}");
        assert_eq!(
            stdouts
                .iter()
                .filter(|s| s.contains("already exists"))
                .count(),
            RACERS - 1,
            "race {race}: {stdouts:?}"
        );
        assert!(db.is_file(), "race {race}");
        assert_latest_schema(&db, race);
        let tracked: Vec<String> = peek(&db)
            .prepare("SELECT value FROM meta WHERE key = 'tracked_from'")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(tracked, ["2026-11-30"], "race {race}");
        assert_eq!(mode(&dir), 0o700, "race {race}");
        assert_eq!(mode(&db), 0o600, "race {race}");
        let leftovers: Vec<String> = listing(&dir)
            .into_iter()
            .filter(|n| !n.starts_with("dutydesk.db"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "race {race}: temporary files left: {leftovers:?}"
        );
    }
    assert!(
        !home.join("dutydesk.db").exists(),
        "--db was used, not the home directory"
    );
}

/// A DutyDesk file at schema 0, in WAL mode: our application id, no tables yet.
fn schema_zero_file(path: &Path) {
    let conn = Connection::open(path).expect("create");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("journal mode");
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .expect("application_id");
    conn.pragma_update(None, "user_version", 0)
        .expect("user_version");
    conn.close().expect("close");
    let check = peek(path);
    assert_eq!(user_version(&check), 0);
    let app: i32 = check
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("application_id");
    assert_eq!(app, 1_148_548_217);
}

#[test]
fn inits_racing_on_an_older_schema_migrate_it_once() {
    let tmp = TempDir::new().expect("temp dir");
    let home = tmp.path().join("home");
    for race in 0..RACES {
        let db = tmp.path().join(format!("old-{race}.db"));
        schema_zero_file(&db);
        let outputs = race_init(&db, &home);
        let stdouts = assert_all_succeeded(&outputs, race);
        assert!(
            stdouts.iter().all(|s| s.contains("already exists")),
            "race {race}: nobody created an existing file: {stdouts:?}"
        );
        assert_latest_schema(&db, race);
    }
}

#[test]
fn inits_racing_on_a_restored_backup_all_open_it() {
    // A backup made with `VACUUM INTO` (as DATA-SAFETY.md asks) is a rollback-journal file, not
    // WAL. Restored, then opened by several terminals at once, every one of them must start.
    let tmp = TempDir::new().expect("temp dir");
    let home = tmp.path().join("home");
    let source = TempDir::new_in(tmp.path()).expect("source dir");
    let (live, store, _) = store_with_shift(&source);
    drop(store);
    // The window is narrow (about 1 race in 30 fails), so this runs more races than the others.
    for race in 0..RESTORE_RACES {
        let restored = restored_backup(&live, &tmp.path().join(format!("restored-{race}.db")));
        let outputs = race_init(&restored, &home);
        assert_all_succeeded(&outputs, race);
        assert_latest_schema(&restored, race);
        assert_eq!(
            count(&restored, "shift"),
            1,
            "race {race}: the records came back"
        );
        let journal: String = peek(&restored)
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("journal_mode");
        assert_eq!(journal, "wal", "race {race}");
    }
}
