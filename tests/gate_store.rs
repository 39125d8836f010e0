#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]
//! Store tests of the gate on real SQLite files in a temp dir: a sign-in remembers the visitor
//! (and a repeat visit updates them), what is kept of an identity number, refusals and
//! admissions despite the watchlist, who is on campus longest first, sign-outs that refuse a
//! stale version or an impossible time, the day's log, the watchlist kept and ended, students
//! leaving early and coming back; and the two pure rules of `domain::gate`, `matches` and
//! `needs_resolving`, at their edges. Raw rows are read back with rusqlite on the same file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use dutydesk::domain::gate::{
    self, Document, EarlyLeaveDraft, OutKind, Visit, VisitDraft, VisitId, VisitStatus, Visitor,
    VisitorId, WatchDraft, WatchEntry, WatchId,
};
use dutydesk::domain::idcard::DocType;
use dutydesk::domain::people::StudentDraft;
use dutydesk::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use dutydesk::domain::staff::{StaffDraft, StaffId, StaffRole};
use dutydesk::store::{Actor, GateEntry, Store, StoreError};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A resident ID number that passes every check (DATA-SAFETY.md's worked example).
const FULL_ID: &str = "11010519491231002X";

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("offset")
}

/// Monday `days` days on, at `h:m` on the school's clock (UTC+8), as the store keeps it.
fn local(days: i64, h: u32, m: u32) -> DateTime<Utc> {
    let day = monday() + Duration::days(days);
    beijing()
        .from_local_datetime(&day.and_hms_opt(h, m, 0).expect("time"))
        .single()
        .expect("unambiguous")
        .with_timezone(&Utc)
}

/// Monday at `h:m` local.
fn at(h: u32, m: u32) -> DateTime<Utc> {
    local(0, h, m)
}

fn now_local(days: i64, h: u32, m: u32) -> DateTime<FixedOffset> {
    local(days, h, m).with_timezone(&beijing())
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("time")
}

/// A new database with two students, a host on the staff list and a shift open with a guard.
struct Db {
    dir: TempDir,
    store: Store,
    actor: Actor,
    host: StaffId,
}

impl Db {
    fn new() -> Db {
        let dir = TempDir::new().expect("temp dir");
        let mut store = Store::open(&dir.path().join("duty.db"), monday()).expect("store");
        let students =
            [("20250101", "王小明"), ("20250102", "李小红")].map(|(number, name)| StudentDraft {
                number: number.into(),
                name: name.into(),
                class_name: "七年级2班".into(),
                gender: String::new(),
            });
        store
            .import_students(&students, at(7, 0))
            .expect("students");
        let host = store
            .add_staff(
                &StaffDraft {
                    name: "陈静".into(),
                    role: StaffRole::Teacher,
                },
                at(7, 0),
            )
            .expect("host");
        let member = |name: &str, role: StaffRole, duty: DutyRole| {
            (
                MemberRef::New {
                    name: name.into(),
                    role,
                },
                duty,
            )
        };
        let shift = store
            .start_shift(
                &ShiftDraft {
                    day: monday(),
                    members: vec![
                        member("张伟", StaffRole::Teacher, DutyRole::DutyTeacher),
                        member("李丽", StaffRole::Leader, DutyRole::Leader),
                        member("王强", StaffRole::Guard, DutyRole::Guard),
                    ],
                },
                at(7, 0),
            )
            .expect("shift");
        let guard = shift.with_role(DutyRole::Guard).next().expect("a guard");
        let actor = Actor {
            shift: shift.id,
            staff: guard.staff,
        };
        Db {
            dir,
            store,
            actor,
            host,
        }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("duty.db")
    }

    fn sign_in(&mut self, d: &VisitDraft, when: DateTime<Utc>) -> VisitId {
        self.store
            .sign_in(d, &GateEntry::Admitted, self.actor, when)
            .expect("signed in")
    }

    fn visit(&self, id: VisitId) -> Visit {
        self.store.visit(id).expect("visit")
    }

    fn sign_out(&mut self, id: VisitId, when: DateTime<Utc>) -> Result<(), StoreError> {
        let version = self.visit(id).version;
        self.store
            .sign_out(id, version, when, OutKind::SignedOut, "", self.actor)
    }

    fn watch(&mut self, name: &str, number: &str, plate: &str, reason: &str) -> WatchId {
        let d = WatchDraft {
            name: name.into(),
            doc_number: number.into(),
            plate: plate.into(),
            reason: reason.into(),
            until: None,
        };
        self.store
            .add_watch(&d, self.actor, at(7, 5))
            .expect("watch added")
    }

    fn visitor(&self, name: &str) -> Visitor {
        self.store
            .visitors(100)
            .expect("visitors")
            .into_iter()
            .find(|v| v.name == name)
            .unwrap_or_else(|| panic!("{name} is not remembered"))
    }
}

/// A read-only look at the file, as another program would take it.
fn peek(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open read-only")
}

/// A sign-in as the form makes it for a resident ID number under the given policy.
fn resident(name: &str, number: &str, store_full_id: bool) -> VisitDraft {
    VisitDraft {
        name: name.into(),
        phone: "13800138000".into(),
        organisation: "区教育局".into(),
        document: Document {
            doc_type: Some(DocType::ResidentId),
            last4: number[number.len() - 4..].to_owned(),
            full: store_full_id.then(|| number.to_owned()),
            verified: true,
        },
        typed_number: number.into(),
        purpose: "检查食堂".into(),
        plate: "京A·12345".into(),
        ..VisitDraft::default()
    }
}

/// A sign-in with no document.
fn plain(name: &str) -> VisitDraft {
    VisitDraft {
        name: name.into(),
        purpose: "送货".into(),
        ..VisitDraft::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Visitors and visits
// ---------------------------------------------------------------------------------------------

#[test]
fn a_sign_in_remembers_the_visitor_and_a_repeat_visit_updates_them() {
    let mut db = Db::new();
    let mut first = resident("刘建国", FULL_ID, false);
    first.host = Some(db.host);
    let v1 = db.sign_in(&first, at(8, 0));
    let remembered = db.visitor("刘建国");
    assert_eq!(remembered.organisation, "区教育局");
    assert_eq!(remembered.purpose, "检查食堂");
    assert_eq!(remembered.plate, "京A·12345");
    assert_eq!(remembered.document.last4, "002X");
    assert_eq!(remembered.host, Some((db.host, "陈静".to_owned())));
    assert_eq!(remembered.last_seen_at, at(8, 0));
    db.sign_out(v1, at(9, 0)).expect("signed out");

    // The same person again, chosen from the earlier visitors, now from elsewhere.
    let again = VisitDraft {
        visitor: Some(remembered.id),
        organisation: "市教育局".into(),
        purpose: "复查食堂".into(),
        host: None,
        ..first.clone()
    };
    let v2 = db.sign_in(&again, at(14, 0));
    let all = db.store.visitors(100).expect("visitors");
    assert_eq!(
        all.len(),
        1,
        "a repeat visit adds no second visitor: {all:?}"
    );
    let updated = &all[0];
    assert_eq!(updated.id, remembered.id);
    assert_eq!(updated.organisation, "市教育局");
    assert_eq!(updated.purpose, "复查食堂");
    assert_eq!(updated.host, None);
    assert_eq!(updated.last_seen_at, at(14, 0));
    assert_eq!(db.visit(v1).visitor, remembered.id);
    assert_eq!(db.visit(v2).visitor, remembered.id);
    assert_eq!(
        db.visit(v1).organisation,
        "区教育局",
        "the old visit is kept as it was"
    );

    // A visitor id that no longer exists makes a new visitor rather than losing the visit.
    let stale = VisitDraft {
        visitor: Some(VisitorId(999)),
        ..plain("孙丽")
    };
    let v3 = db.sign_in(&stale, at(15, 0));
    assert_ne!(db.visit(v3).visitor, VisitorId(999));
    assert_eq!(db.visitor("孙丽").id, db.visit(v3).visitor);
}

#[test]
fn with_the_last_four_policy_no_whole_number_reaches_the_file() {
    let mut db = Db::new();
    let id = db.sign_in(&resident("刘建国", FULL_ID, false), at(8, 0));
    let conn = peek(&db.path());
    let (last4, full, verified, kind): (String, Option<String>, bool, String) = conn
        .query_row(
            "SELECT doc_last4, doc_full, doc_verified, doc_type FROM visit WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("visit row");
    assert_eq!(
        (last4.as_str(), full, verified, kind.as_str()),
        ("002X", None, true, "resident_id")
    );
    let (last4, full): (String, Option<String>) = conn
        .query_row("SELECT doc_last4, doc_full FROM visitor", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("visitor row");
    assert_eq!((last4.as_str(), full), ("002X", None));
    drop(conn);
    // Nowhere in the file (or its log) is the whole number: not in another column either.
    drop(db.store);
    for file in std::fs::read_dir(db.dir.path()).expect("dir") {
        let path = file.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        assert!(
            !bytes
                .windows(FULL_ID.len())
                .any(|w| w == FULL_ID.as_bytes()),
            "{} holds the whole number",
            path.display()
        );
    }
}

#[test]
fn with_the_whole_number_policy_the_number_is_kept() {
    let mut db = Db::new();
    let id = db.sign_in(&resident("刘建国", FULL_ID, true), at(8, 0));
    let conn = peek(&db.path());
    let full: Option<String> = conn
        .query_row("SELECT doc_full FROM visit WHERE id = ?1", [id.0], |r| {
            r.get(0)
        })
        .expect("visit row");
    assert_eq!(full.as_deref(), Some(FULL_ID));
    let full: Option<String> = conn
        .query_row("SELECT doc_full FROM visitor", [], |r| r.get(0))
        .expect("visitor row");
    assert_eq!(full.as_deref(), Some(FULL_ID));
    assert_eq!(
        db.visit(id).document.full.as_deref(),
        Some(FULL_ID),
        "read back whole"
    );
}

#[test]
fn a_refusal_is_stored_as_refused_with_its_watch_entry() {
    let mut db = Db::new();
    let watch = db.watch("赵四", "", "", "法院禁止令");
    let id = db
        .store
        .sign_in(
            &plain("赵四"),
            &GateEntry::Refused { watch },
            db.actor,
            at(9, 0),
        )
        .expect("refusal recorded");
    let (status, watch_id, made_by): (String, Option<i64>, i64) = peek(&db.path())
        .query_row(
            "SELECT status, watch_id, made_by FROM visit WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("row");
    assert_eq!(
        (status.as_str(), watch_id, made_by),
        ("refused", Some(watch.0), db.actor.staff.0)
    );
    let visit = db.visit(id);
    assert_eq!(visit.status, VisitStatus::Refused);
    assert_eq!(visit.watch_reason.as_deref(), Some("法院禁止令"));
    assert!(
        db.store.on_campus().expect("on campus").is_empty(),
        "a refused visitor is not on campus"
    );
    let day = db
        .store
        .visits_between(at(0, 0), local(1, 0, 0))
        .expect("log");
    assert_eq!(day.iter().map(|v| v.id).collect::<Vec<_>>(), vec![id]);
    // Refused is final: it cannot be signed out.
    assert!(db.sign_out(id, at(9, 30)).is_err());
}

#[test]
fn admitted_despite_the_watchlist_keeps_the_reason() {
    let mut db = Db::new();
    let watch = db.watch("", "", "京A·12345", "车辆曾违规进校");
    let entry = GateEntry::AdmittedDespite {
        watch,
        reason: "校长当面确认，来送检测报告".into(),
    };
    let id = db
        .store
        .sign_in(
            &resident("刘建国", FULL_ID, false),
            &entry,
            db.actor,
            at(9, 0),
        )
        .expect("admitted");
    let visit = db.visit(id);
    assert_eq!(visit.status, VisitStatus::In);
    assert_eq!(visit.admit_reason, "校长当面确认，来送检测报告");
    assert_eq!(visit.watch_reason.as_deref(), Some("车辆曾违规进校"));
    let (reason, watch_id): (String, Option<i64>) = peek(&db.path())
        .query_row(
            "SELECT admit_reason, watch_id FROM visit WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row");
    assert_eq!(
        (reason.as_str(), watch_id),
        ("校长当面确认，来送检测报告", Some(watch.0))
    );
    assert_eq!(db.store.on_campus().expect("on campus").len(), 1);
}

#[test]
fn on_campus_lists_the_longest_inside_first() {
    let mut db = Db::new();
    // Entered out of order; one from yesterday evening never signed out.
    let b = db.sign_in(&plain("乙"), at(9, 0));
    let a = db.sign_in(&plain("甲"), at(8, 0));
    let c = db.sign_in(&plain("丙"), at(8, 30));
    let old = db.sign_in(&plain("旧"), local(-1, 21, 0));
    let gone = db.sign_in(&plain("走"), at(7, 30));
    db.sign_out(gone, at(7, 45)).expect("out");
    let watch = db.watch("拒", "", "", "禁止进入");
    db.store
        .sign_in(
            &plain("拒"),
            &GateEntry::Refused { watch },
            db.actor,
            at(7, 40),
        )
        .expect("refused");
    let order: Vec<VisitId> = db
        .store
        .on_campus()
        .expect("on campus")
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(order, vec![old, a, c, b]);
}

#[test]
fn sign_out_refuses_a_stale_version_and_a_time_before_time_in() {
    let mut db = Db::new();
    let id = db.sign_in(&plain("刘建国"), at(10, 0));
    let v = db.visit(id);
    let out = |db: &mut Db, version: i64, when, kind, note: &str| {
        db.store.sign_out(id, version, when, kind, note, db.actor)
    };
    assert!(matches!(
        out(&mut db, v.version + 1, at(11, 0), OutKind::SignedOut, ""),
        Err(StoreError::ChangedElsewhere)
    ));
    assert!(
        out(&mut db, v.version, at(9, 59), OutKind::SignedOut, "").is_err(),
        "before time in"
    );
    assert_eq!(db.visit(id).status, VisitStatus::In, "nothing changed");
    // Signing out at the very minute of signing in is allowed.
    out(&mut db, v.version, at(10, 0), OutKind::SignedOut, "").expect("at time in");
    let signed = db.visit(id);
    assert_eq!(signed.status, VisitStatus::Out);
    assert_eq!(signed.time_out, Some(at(10, 0)));
    assert_eq!(signed.out_kind, Some(OutKind::SignedOut));
    assert_eq!(signed.version, v.version + 1);
    // The old version again (a second terminal) changes nothing.
    assert!(out(&mut db, v.version, at(12, 0), OutKind::SignedOut, "").is_err());
    assert_eq!(db.visit(id).time_out, Some(at(10, 0)));

    // Left without signing out: kind and note kept, and who found it.
    let other = db.sign_in(&plain("孙丽"), at(10, 30));
    let version = db.visit(other).version;
    db.store
        .sign_out(
            other,
            version,
            at(22, 40),
            OutKind::LeftUnsigned,
            "门卫换班时已不在校内",
            db.actor,
        )
        .expect("left unsigned");
    let left = db.visit(other);
    assert_eq!(left.out_kind, Some(OutKind::LeftUnsigned));
    assert_eq!(left.out_note, "门卫换班时已不在校内");
    let out_by: Option<i64> = peek(&db.path())
        .query_row("SELECT out_by FROM visit WHERE id = ?1", [other.0], |r| {
            r.get(0)
        })
        .expect("row");
    assert_eq!(out_by, Some(db.actor.staff.0));
}

#[test]
fn visits_between_takes_one_day_newest_first_with_refusals() {
    let mut db = Db::new();
    let before = db.sign_in(&plain("昨"), local(-1, 23, 59));
    let first = db.sign_in(&plain("早"), at(0, 0));
    let watch = db.watch("拒", "", "", "禁止进入");
    let refused = db
        .store
        .sign_in(
            &plain("拒"),
            &GateEntry::Refused { watch },
            db.actor,
            at(12, 0),
        )
        .expect("refused");
    let late = db.sign_in(&plain("晚"), at(23, 59));
    let after = db.sign_in(&plain("明"), local(1, 0, 0));
    let day: Vec<VisitId> = db
        .store
        .visits_between(at(0, 0), local(1, 0, 0))
        .expect("log")
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(
        day,
        vec![late, refused, first],
        "from included, to excluded"
    );
    assert!(!day.contains(&before) && !day.contains(&after));
}

// ---------------------------------------------------------------------------------------------
// Watchlist and early leaves
// ---------------------------------------------------------------------------------------------

#[test]
fn an_ended_watch_entry_is_kept_inactive_and_no_longer_matches() {
    let mut db = Db::new();
    let zhao = db.watch("赵四", "", "", "法院禁止令");
    let plate = db.watch("", "", "京B·99999", "曾强行闯入");
    let active = db.store.watchlist(true).expect("list");
    assert_eq!(active.len(), 2);
    let entry = active.iter().find(|w| w.id == zhao).expect("赵四").clone();
    let draft = plain("赵四");
    assert!(gate::matches(&entry, &draft, monday()));

    db.store
        .end_watch(zhao, entry.version, chrono::Utc::now())
        .expect("ended");
    assert!(
        matches!(
            db.store.end_watch(zhao, entry.version, chrono::Utc::now()),
            Err(StoreError::ChangedElsewhere)
        ),
        "ending twice (a stale version) is refused"
    );
    let active = db.store.watchlist(true).expect("list");
    assert_eq!(active.iter().map(|w| w.id).collect::<Vec<_>>(), vec![plate]);
    let all = db.store.watchlist(false).expect("all");
    assert_eq!(all.len(), 2, "ended entries are kept");
    let ended = all.iter().find(|w| w.id == zhao).expect("kept");
    assert!(!ended.active);
    assert_eq!(ended.version, entry.version + 1);
    assert_eq!(ended.draft.reason, "法院禁止令");
    assert!(!gate::matches(ended, &draft, monday()));
    assert_eq!(all[0].id, plate, "entries in force are listed first");
}

#[test]
fn a_watch_entry_needs_something_to_match_and_a_reason() {
    let mut db = Db::new();
    let empty = WatchDraft {
        reason: "无名".into(),
        ..WatchDraft::default()
    };
    assert!(db.store.add_watch(&empty, db.actor, at(8, 0)).is_err());
    let no_reason = WatchDraft {
        name: "赵四".into(),
        ..WatchDraft::default()
    };
    assert!(db.store.add_watch(&no_reason, db.actor, at(8, 0)).is_err());
    let until = WatchDraft {
        name: "赵四".into(),
        reason: "限期".into(),
        until: Some(monday() + Duration::days(31)),
        ..WatchDraft::default()
    };
    db.store.add_watch(&until, db.actor, at(8, 0)).expect("ok");
    let list = db.store.watchlist(false).expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].draft, until, "kept as given, until date included");
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn an_early_leave_is_recorded_and_the_return_too() {
    let mut db = Db::new();
    let student = db.store.students().expect("students")[0].clone();
    let draft = EarlyLeaveDraft {
        student: student.id,
        approved_by: db.host,
        slip_seen: true,
        teacher_confirmed: true,
        collected_by: "王建军".into(),
        relation: "父亲".into(),
        phone: "13900001111".into(),
        time_out: at(10, 30),
        note: "发烧就医".into(),
    };
    let id = db.store.add_early_leave(&draft, db.actor).expect("saved");
    let leaves = db
        .store
        .early_leaves_between(at(0, 0), local(1, 0, 0))
        .expect("leaves");
    assert_eq!(leaves.len(), 1);
    let l = &leaves[0];
    assert_eq!(l.id, id);
    assert_eq!(
        (l.student_name.as_str(), l.class_name.as_str()),
        (student.name.as_str(), "七年级2班")
    );
    assert_eq!(l.approved_by, "陈静");
    assert!(l.slip_seen && l.teacher_confirmed);
    assert_eq!(
        (
            l.collected_by.as_str(),
            l.relation.as_str(),
            l.phone.as_str()
        ),
        ("王建军", "父亲", "13900001111")
    );
    assert_eq!((l.time_out, l.time_back), (at(10, 30), None));
    assert_eq!(l.note, "发烧就医");

    assert!(
        db.store.early_leave_back(id, l.version, at(10, 0)).is_err(),
        "back before leaving"
    );
    assert!(
        db.store
            .early_leave_back(id, l.version + 1, at(13, 0))
            .is_err(),
        "stale version"
    );
    db.store
        .early_leave_back(id, l.version, at(13, 0))
        .expect("back");
    let back = &db
        .store
        .early_leaves_between(at(0, 0), local(1, 0, 0))
        .expect("leaves")[0];
    assert_eq!(back.time_back, Some(at(13, 0)));
    assert!(
        db.store
            .early_leave_back(id, back.version, at(14, 0))
            .is_err(),
        "back only once"
    );
    assert!(
        db.store
            .early_leaves_between(local(1, 0, 0), local(2, 0, 0))
            .expect("tomorrow")
            .is_empty()
    );
}

// ---------------------------------------------------------------------------------------------
// The rules: matching the watchlist, and who must be resolved at the end of the day
// ---------------------------------------------------------------------------------------------

fn entry(name: &str, number: &str, plate: &str, until: Option<NaiveDate>) -> WatchEntry {
    WatchEntry {
        id: WatchId(1),
        draft: WatchDraft {
            name: name.into(),
            doc_number: number.into(),
            plate: plate.into(),
            reason: "禁止进入".into(),
            until,
        },
        active: true,
        version: 1,
    }
}

fn visitor_with(name: &str, number: &str, plate: &str) -> VisitDraft {
    VisitDraft {
        name: name.into(),
        typed_number: number.into(),
        plate: plate.into(),
        ..VisitDraft::default()
    }
}

#[test]
fn matches_compares_names_numbers_and_plates_the_way_a_guard_reads_them() {
    let today = monday();
    let m = |e: &WatchEntry, d: &VisitDraft| gate::matches(e, d, today);
    // Case and extra spaces in names; separators and case in plates; x folded in numbers.
    assert!(m(
        &entry("Zhao  Si", "", "", None),
        &visitor_with(" zhao si ", "", "")
    ));
    assert!(m(
        &entry("", "", "京A-123 45", None),
        &visitor_with("甲", "", "京a·12345")
    ));
    assert!(m(
        &entry("", FULL_ID, "", None),
        &visitor_with("甲", "11010519491231002x", "")
    ));
    // A part of a name is not a match; neither is another number or plate.
    assert!(!m(
        &entry("赵四", "", "", None),
        &visitor_with("赵四海", "", "")
    ));
    assert!(!m(
        &entry("", FULL_ID, "", None),
        &visitor_with("甲", "110105194912310038", "")
    ));
    assert!(!m(
        &entry("", "", "京A12345", None),
        &visitor_with("甲", "", "京A12346")
    ));
    // Empty fields never match each other.
    assert!(!m(
        &entry("赵四", "", "", None),
        &visitor_with("甲", "", "")
    ));
    assert!(!m(
        &entry("", FULL_ID, "", None),
        &visitor_with("甲", "", "")
    ));
    // In force through its last day, not after; an ended entry never.
    let e = |until| entry("赵四", "", "", Some(until));
    assert!(m(&e(today), &visitor_with("赵四", "", "")), "last day");
    assert!(!m(
        &e(today - Duration::days(1)),
        &visitor_with("赵四", "", "")
    ));
    let mut ended = entry("赵四", "", "", None);
    ended.active = false;
    assert!(!m(&ended, &visitor_with("赵四", "", "")));
}

#[test]
fn a_plate_of_only_separators_matches_nobody() {
    let e = entry("赵四", "", "-", None);
    assert!(
        !gate::matches(&e, &visitor_with("王五", "", ""), monday()),
        "王五 has no plate and another name: no match"
    );
}

fn visit_at(time_in: DateTime<Utc>, status: VisitStatus) -> Visit {
    Visit {
        id: VisitId(1),
        visitor: VisitorId(1),
        name: "刘建国".into(),
        phone: String::new(),
        organisation: String::new(),
        document: Document::default(),
        purpose: "送货".into(),
        host_name: None,
        host_confirmed: false,
        plate: String::new(),
        pass_no: String::new(),
        status,
        time_in,
        time_out: None,
        out_kind: None,
        out_note: String::new(),
        admit_reason: String::new(),
        watch_reason: None,
        version: 1,
    }
}

#[test]
fn needs_resolving_flags_those_still_in_after_the_day_ends_or_from_an_earlier_day() {
    let ends = hm(22, 30);
    let morning = visit_at(at(7, 0), VisitStatus::In);
    // 07:00 in Beijing is still Sunday in UTC: the day is the school's, not UTC's.
    assert!(!gate::needs_resolving(&morning, now_local(0, 8, 0), ends));
    assert!(!gate::needs_resolving(&morning, now_local(0, 22, 29), ends));
    assert!(
        gate::needs_resolving(&morning, now_local(0, 22, 30), ends),
        "at day end"
    );
    assert!(gate::needs_resolving(&morning, now_local(0, 23, 0), ends));
    // From yesterday: flagged from the first minute of today.
    let yesterday = visit_at(local(-1, 20, 0), VisitStatus::In);
    assert!(gate::needs_resolving(&yesterday, now_local(0, 0, 1), ends));
    assert!(gate::needs_resolving(&yesterday, now_local(0, 7, 0), ends));
    // Ended visits never are.
    for status in [VisitStatus::Out, VisitStatus::Refused] {
        assert!(!gate::needs_resolving(
            &visit_at(at(7, 0), status),
            now_local(0, 23, 0),
            ends
        ));
        assert!(!gate::needs_resolving(
            &visit_at(local(-1, 20, 0), status),
            now_local(0, 9, 0),
            ends
        ));
    }
    // A school whose day ends at 18:00.
    assert!(gate::needs_resolving(
        &morning,
        now_local(0, 18, 0),
        hm(18, 0)
    ));
    assert!(!gate::needs_resolving(
        &morning,
        now_local(0, 17, 59),
        hm(18, 0)
    ));
}

#[test]
fn earlier_visitors_are_offered_by_part_of_the_name_or_phone_most_recent_first() {
    let mut db = Db::new();
    for (name, phone, when) in [
        ("欧阳明华", "13800001111", at(8, 0)),
        ("欧阳明", "13900002222", at(9, 0)),
        ("Mary Smith", "+44 20 7946 0000", at(10, 0)),
    ] {
        let d = VisitDraft {
            phone: phone.into(),
            ..plain(name)
        };
        let id = db.sign_in(&d, when);
        db.sign_out(id, when + Duration::minutes(5)).expect("out");
    }
    let all = db.store.visitors(100).expect("visitors");
    let names = |typed: &str| -> Vec<String> {
        gate::matching_visitors(&all, typed, 5)
            .into_iter()
            .map(|v| v.name.clone())
            .collect()
    };
    assert_eq!(names("欧阳明"), vec!["欧阳明", "欧阳明华"]);
    assert_eq!(names("mary"), vec!["Mary Smith"], "case does not matter");
    assert_eq!(names("7946"), vec!["Mary Smith"], "by phone");
    assert_eq!(names("1111"), vec!["欧阳明华"]);
    assert!(names("  ").is_empty(), "nothing typed offers nobody");
    assert_eq!(gate::matching_visitors(&all, "欧", 1).len(), 1, "limited");
}
