//! The shift summary and the period report on a fixed school (built through the store, the
//! clock fixed with DUTYDESK_NOW): golden outputs of `dutydesk report shift` and `report period`
//! in every format and both languages, reviewed line by line; and the sign-off rules.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, NaiveDate, Utc};
use tempfile::TempDir;

use dutydesk::action::DutyAction;
use dutydesk::config::Config;
use dutydesk::domain::access::Role as Access;
use dutydesk::domain::followup::{FollowupDraft, Kind};
use dutydesk::domain::gate::{EarlyLeaveDraft, OutKind, VisitDraft, WatchDraft};
use dutydesk::domain::hazard::{HazardDraft, HazardKind, HazardStatus};
use dutydesk::domain::incident::{
    Bullying, IncidentDraft, InvolvedDraft, PlaceRef, Role, Severity, Source, Status,
};
use dutydesk::domain::patrol::{CheckDraft, ExceptionDraft, ItemAnswer, ItemResult};
use dutydesk::domain::people::{StudentDraft, StudentId};
use dutydesk::domain::schedule::RoundKey;
use dutydesk::domain::shift::{DutyRole, MemberRef, Shift, ShiftDraft};
use dutydesk::domain::staff::StaffRole;
use dutydesk::store::{Actor, FollowupQuery, GateEntry, Refusal, Store, StoreError};

const NOW: &str = "2026-11-30T18:30:00+08:00";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("{s}+08:00"))
        .expect("time")
        .with_timezone(&Utc)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("day")
}

/// The fixed school: a Friday shift (closed) and a Monday shift (open, signed off at 18:00 and
/// corrected at 18:20), with patrols, incidents, follow-ups, hazards and gate traffic.
struct School {
    _dir: TempDir,
    path: PathBuf,
    monday: Shift,
}

fn check(
    store: &mut Store,
    cfg: &Config,
    by: Actor,
    key: RoundKey,
    at: &str,
    problem: Option<&str>,
) {
    let place = cfg.place(&key.place).expect("place");
    let items = place
        .checklist
        .iter()
        .enumerate()
        .map(|(i, label)| ItemAnswer {
            text: label.zh.clone(),
            result: if i == 0 && problem.is_some() {
                ItemResult::Problem
            } else {
                ItemResult::Ok
            },
            note: if i == 0 {
                problem.unwrap_or_default().to_owned()
            } else {
                String::new()
            },
        })
        .collect();
    let draft = CheckDraft {
        round: key,
        items,
        note: String::new(),
        replaces: None,
    };
    store.save_check(&draft, by, t(at)).expect("check");
}

fn round(day: &str, slot: &str, place: &str) -> RoundKey {
    RoundKey {
        day: d(day),
        slot: slot.into(),
        rep: 0,
        place: place.into(),
    }
}

fn incident(at: &str, place: &str, category: &str, students: Vec<InvolvedDraft>) -> IncidentDraft {
    IncidentDraft {
        occurred_at: t(at),
        place: PlaceRef::Config(place.into()),
        category: category.into(),
        severity: Severity::Moderate,
        source: Source::Patrol,
        narrative: "两名学生在操场推搡，已制止".into(),
        child_words: String::new(),
        immediate_action: "分开双方，通知班主任".into(),
        bullying: Bullying::Pending,
        bullying_on: None,
        status: Status::Open,
        students,
        from_check: None,
    }
}

fn involved(student: StudentId, role: Role, measures: &[&str]) -> InvolvedDraft {
    InvolvedDraft {
        student,
        role,
        measures: measures.iter().map(|m| (*m).to_owned()).collect(),
        parents_told_at: None,
        parents_told_by: None,
    }
}

#[allow(
    clippy::too_many_lines,
    reason = "one fixed school, told in the order things happen"
)]
fn school() -> School {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("duty.db");
    let cfg = dutydesk::config::load(None).expect("defaults");
    let mut store = Store::open(&path, d("2026-11-27")).expect("db");
    let students: Vec<StudentDraft> = [
        ("20250101", "王小明", "七年级2班"),
        ("20250102", "李小红", "七年级2班"),
        ("20250201", "张强", "八年级1班"),
    ]
    .into_iter()
    .map(|(number, name, class)| StudentDraft {
        number: number.into(),
        name: name.into(),
        class_name: class.into(),
        gender: String::new(),
    })
    .collect();
    store
        .import_students(&students, t("2026-11-27T06:50:00"))
        .expect("students");
    let all = store.students().expect("students");
    let id = |name: &str| all.iter().find(|s| s.name == name).expect("student").id;
    let (xiaoming, xiaohong, qiang) = (id("王小明"), id("李小红"), id("张强"));
    let new = |name: &str, role| MemberRef::New {
        name: name.into(),
        role,
    };

    // Friday: a closed shift with one incident and a hazard now overdue.
    let friday = store
        .start_shift(
            &ShiftDraft {
                day: d("2026-11-27"),
                members: vec![
                    (new("张伟", StaffRole::Teacher), DutyRole::DutyTeacher),
                    (new("李丽", StaffRole::Leader), DutyRole::Leader),
                    (new("王强", StaffRole::Guard), DutyRole::Guard),
                ],
            },
            t("2026-11-27T07:00:00"),
        )
        .expect("friday");
    let teacher = friday.members[0].staff;
    let leader = friday.members[1].staff;
    let guard = friday.members[2].staff;
    let fri = Actor {
        shift: friday.id,
        staff: teacher,
    };
    check(
        &mut store,
        &cfg,
        fri,
        round("2026-11-27", "morning", "gate"),
        "2026-11-27T07:20:00",
        None,
    );
    check(
        &mut store,
        &cfg,
        fri,
        round("2026-11-27", "noon", "corners"),
        "2026-11-27T12:30:00",
        Some("楼梯间有学生吸烟"),
    );
    let verbal = store
        .create_incident(
            &incident(
                "2026-11-27T12:35:00",
                "corners",
                "verbal",
                vec![
                    involved(qiang, Role::Initiator, &["education"]),
                    involved(xiaoming, Role::Target, &[]),
                ],
            ),
            fri,
            t("2026-11-27T12:40:00"),
            d("2026-11-27"),
        )
        .expect("verbal");
    store
        .create_hazard(
            &HazardDraft {
                kind: HazardKind::Facility,
                place: PlaceRef::Config("corners".into()),
                description: "楼梯间照明损坏".into(),
                risk: "medium".into(),
                owner: Some(teacher),
                steps: String::new(),
                from_check: None,
            },
            d("2026-11-28"),
            fri,
            t("2026-11-27T12:50:00"),
        )
        .expect("old hazard");
    store
        .close_shift(friday.id, friday.version, t("2026-11-27T19:00:00"))
        .expect("close friday");

    // Monday: the shift the summary is about.
    let monday = store
        .start_shift(
            &ShiftDraft {
                day: d("2026-11-30"),
                members: vec![
                    (MemberRef::Existing(teacher), DutyRole::DutyTeacher),
                    (MemberRef::Existing(leader), DutyRole::Leader),
                    (MemberRef::Existing(guard), DutyRole::Guard),
                ],
            },
            t("2026-11-30T06:55:00"),
        )
        .expect("monday");
    let by = Actor {
        shift: monday.id,
        staff: teacher,
    };
    let at_gate = Actor {
        shift: monday.id,
        staff: guard,
    };
    let day = "2026-11-30";
    check(
        &mut store,
        &cfg,
        by,
        round(day, "morning", "gate"),
        "2026-11-30T07:30:00",
        None,
    );
    check(
        &mut store,
        &cfg,
        by,
        round(day, "morning", "playground"),
        "2026-11-30T07:40:00",
        Some("两名学生推搡"),
    );
    check(
        &mut store,
        &cfg,
        by,
        round(day, "morning", "toilets"),
        "2026-11-30T08:40:00",
        None,
    );
    check(
        &mut store,
        &cfg,
        by,
        round(day, "noon", "canteen"),
        "2026-11-30T12:10:00",
        None,
    );
    for (key, reason, at) in [
        (
            round(day, "morning", "canteen"),
            "食堂临时封闭消杀",
            "2026-11-30T08:30:00",
        ),
        (
            round(day, "morning", "toilets"),
            "处理学生纠纷耽误",
            "2026-11-30T08:45:00",
        ),
    ] {
        store
            .save_exception(
                &ExceptionDraft {
                    round: key,
                    reason: reason.into(),
                },
                by,
                t(at),
            )
            .expect("reason");
    }
    let physical = store
        .create_incident(
            &incident(
                "2026-11-30T07:45:00",
                "playground",
                "physical",
                vec![
                    involved(xiaoming, Role::Initiator, &["education", "warning_talk"]),
                    involved(xiaohong, Role::Target, &[]),
                ],
            ),
            by,
            t("2026-11-30T07:50:00"),
            d(day),
        )
        .expect("physical");
    let followups = store
        .create_followups(
            &[
                (Kind::ParentContact, xiaohong, "2026-12-01T07:50:00"),
                (Kind::Counselling, xiaohong, "2026-11-30T12:00:00"),
                (Kind::ParentContact, xiaoming, "2026-11-30T17:00:00"),
            ]
            .map(|(kind, student, due)| FollowupDraft {
                kind,
                incident: Some(physical),
                hazard: None,
                student: Some(student),
                note: String::new(),
                owner: teacher,
                due_at: t(due),
            }),
            by,
            t("2026-11-30T07:55:00"),
        )
        .expect("follow-ups");
    let called = store
        .followups(
            &FollowupQuery {
                id: Some(followups[2]),
                ..FollowupQuery::default()
            },
            1,
        )
        .expect("follow-up")
        .remove(0);
    store
        .complete_followup(
            called.id,
            called.version,
            "已电话联系家长，家长表示配合",
            by,
            t("2026-11-30T16:00:00"),
        )
        .expect("complete");
    let old = store.incident(verbal).expect("verbal");
    let mut draft = old.draft.clone();
    draft.status = Status::Investigating;
    store
        .correct_incident(
            verbal,
            old.version,
            &draft,
            "已找双方谈话",
            by,
            t("2026-11-30T10:30:00"),
        )
        .expect("correct verbal");
    let fence = store
        .create_hazard(
            &HazardDraft {
                kind: HazardKind::Safety,
                place: PlaceRef::Config("playground".into()),
                description: "操场围栏松动".into(),
                risk: "medium".into(),
                owner: Some(teacher),
                steps: String::new(),
                from_check: None,
            },
            d("2026-12-14"),
            by,
            t("2026-11-30T10:00:00"),
        )
        .expect("fence");
    let version = store.hazard(fence).expect("fence").version;
    store
        .advance_hazard(
            fence,
            version,
            HazardStatus::Rectified,
            "已加固",
            by,
            t("2026-11-30T16:30:00"),
        )
        .expect("rectified");

    // The gate.
    let walk_in = |name: &str, org: &str, purpose: &str| VisitDraft {
        name: name.into(),
        organisation: org.into(),
        purpose: purpose.into(),
        ..VisitDraft::default()
    };
    let liu = store
        .sign_in(
            &walk_in("刘建国", "市卫健委", "食堂卫生检查"),
            &GateEntry::Admitted,
            at_gate,
            t("2026-11-30T09:00:00"),
        )
        .expect("liu");
    store
        .sign_out(
            liu,
            1,
            t("2026-11-30T10:00:00"),
            OutKind::SignedOut,
            "",
            at_gate,
        )
        .expect("liu out");
    store
        .sign_in(
            &walk_in("欧阳明华", "区教育局", "校园安全检查"),
            &GateEntry::Admitted,
            at_gate,
            t("2026-11-30T14:00:00"),
        )
        .expect("ouyang");
    let watch = store
        .add_watch(
            &WatchDraft {
                name: "赵四".into(),
                doc_number: String::new(),
                plate: String::new(),
                reason: "法院禁止令".into(),
                until: None,
            },
            by,
            t("2026-11-30T08:00:00"),
        )
        .expect("watch");
    store
        .sign_in(
            &walk_in("赵四", "", "找人"),
            &GateEntry::Refused { watch },
            at_gate,
            t("2026-11-30T15:00:00"),
        )
        .expect("refused");
    store
        .add_early_leave(
            &EarlyLeaveDraft {
                student: xiaoming,
                approved_by: teacher,
                slip_seen: true,
                teacher_confirmed: true,
                collected_by: "王建军".into(),
                relation: "父亲".into(),
                phone: "13900001111".into(),
                time_out: t("2026-11-30T11:00:00"),
                note: String::new(),
            },
            at_gate,
        )
        .expect("early leave");

    // The handover note, the leader's sign-off, and a correction after it.
    let shift = store.shift(monday.id).expect("shift");
    store
        .set_handover_note(
            shift.id,
            shift.version,
            "食堂消杀后明早复查。\n王小明家长明早来校面谈。",
            shift.opened_at,
        )
        .expect("note");
    let shift = store.shift(monday.id).expect("shift");
    store
        .sign_off(shift.id, shift.version, leader, t("2026-11-30T18:00:00"))
        .expect("sign off");
    let now = store.incident(physical).expect("physical");
    let mut draft = now.draft.clone();
    draft.narrative = "两名学生在操场推搡，王小明先动手，已制止".into();
    store
        .correct_incident(
            physical,
            now.version,
            &draft,
            "补充学生陈述",
            by,
            t("2026-11-30T18:20:00"),
        )
        .expect("correction after sign-off");
    let monday = store.shift(monday.id).expect("shift");
    School {
        _dir: dir,
        path,
        monday,
    }
}

/// The audit trail's head differs from machine to machine (rows name the terminal and the
/// user): its 16 hex digits after `· ` become a fixed mark of the same width; the row count stays.
fn redact_audit_head(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("· ") {
        let (before, after) = rest.split_at(at + "· ".len());
        out.push_str(before);
        let head: String = after.chars().take(16).collect();
        if head.len() == 16 && head.chars().all(|c| c.is_ascii_hexdigit()) {
            out.push_str("<audit head>    ");
            rest = &after[16..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn run(db: &Path, lang: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .arg("--db")
        .arg(db)
        .args(["--lang", lang])
        .args(args)
        .env("DUTYDESK_NOW", NOW)
        .env_remove("DUTYDESK_HOME")
        .env_remove("DUTYDESK_CONFIG")
        .output()
        .expect("run dutydesk");
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn report_shift_golden_outputs_in_every_format_and_both_languages() {
    let school = school();
    for lang in ["zh", "en"] {
        for format in ["text", "md", "json", "csv"] {
            let out = run(&school.path, lang, &["report", "shift", "--format", format]);
            insta::assert_snapshot!(format!("shift_{lang}_{format}"), redact_audit_head(&out));
        }
    }
}

#[test]
fn report_period_golden_outputs_in_every_format_and_both_languages() {
    let school = school();
    for lang in ["zh", "en"] {
        for format in ["text", "md", "json", "csv"] {
            let out = run(
                &school.path,
                lang,
                &[
                    "report",
                    "period",
                    "--from",
                    "2026-11-27",
                    "--to",
                    "2026-11-30",
                    "--format",
                    format,
                ],
            );
            insta::assert_snapshot!(format!("period_{lang}_{format}"), out);
        }
    }
}

#[test]
fn a_past_day_gives_that_days_shift_and_a_day_without_one_says_so() {
    let school = school();
    let friday = run(
        &school.path,
        "en",
        &["report", "shift", "--date", "2026-11-27"],
    );
    assert!(friday.contains("2026-11-27 Fri"), "{friday}");
    assert!(friday.contains("Incidents recorded (1)"), "{friday}");
    let out = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .args(["--lang", "en", "--db"])
        .arg(&school.path)
        .args(["report", "shift", "--date", "2026-11-29"])
        .env("DUTYDESK_NOW", NOW)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("No shift was recorded on 2026-11-29."));
}

#[test]
fn only_the_leader_on_duty_signs_off_and_only_once() {
    let school = school();
    let mut store = Store::open(&school.path, d("2026-11-30")).expect("db");
    let shift = &school.monday;
    assert!(shift.signed_off.is_some());
    // The note the leader signed cannot change now.
    assert!(matches!(
        store.set_handover_note(shift.id, shift.version, "改", shift.opened_at),
        Err(StoreError::Refused(Refusal::SignedOff))
    ));
    let leader = shift
        .with_role(DutyRole::Leader)
        .next()
        .expect("leader")
        .staff;
    let teacher = shift.duty_teacher().expect("teacher").staff;
    assert!(matches!(
        store.sign_off(shift.id, shift.version, leader, t("2026-11-30T18:40:00")),
        Err(StoreError::Refused(Refusal::SignedOff))
    ));
    // On Friday's shift, the duty teacher may not sign for the leader.
    let friday = store.shifts_on(d("2026-11-27")).expect("friday").remove(0);
    assert!(matches!(
        store.sign_off(friday.id, friday.version, teacher, t("2026-11-30T18:40:00")),
        Err(StoreError::Refused(Refusal::NotTheLeader))
    ));
    store
        .sign_off(friday.id, friday.version, leader, t("2026-11-30T18:41:00"))
        .expect("the leader signs Friday off");
    let friday = store.shift(friday.id).expect("friday");
    assert_eq!(
        friday.signed_off,
        Some((t("2026-11-30T18:41:00"), "李丽".to_owned()))
    );
}

#[test]
fn changes_after_sign_off_are_listed_as_corrections() {
    let school = school();
    let text = run(&school.path, "en", &["report", "shift", "--format", "text"]);
    let at = text
        .find("Corrections after sign-off (1)")
        .expect("section");
    assert!(text[at..].contains("补充学生陈述"), "{text}");
    assert!(
        text.contains("李丽 11-30 18:00"),
        "who and when signed:\n{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// The duty log on screen
// ---------------------------------------------------------------------------------------------

#[path = "common/screen.rs"]
mod screen;
use screen::{draw, screen_text};

use dutydesk::action::Action;
use dutydesk::app::App;
use dutydesk::domain::clock::Clock;
use dutydesk::i18n::Lang;
use dutydesk::theme::COLOR;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn app(school: &School, lang: Lang) -> App {
    let cfg = dutydesk::config::load(None).expect("defaults");
    let store = Store::open(&school.path, d("2026-11-30")).expect("db");
    let now = DateTime::parse_from_rfc3339(NOW).expect("now");
    App::new(store, cfg, lang, &COLOR, Clock::Fixed(now)).unlocked(Access::Admin)
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn the_duty_log_and_the_period_report_on_screen_in_both_languages_at_both_sizes() {
    let school = school();
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = app(&school, lang);
        // F2 from anywhere, here from inside the incident list.
        press(&mut app, KeyCode::Char('i'));
        press(&mut app, KeyCode::F(2));
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = draw(&app, w, h);
            // The redaction pads the hash's place; the screen's rows end where their text does.
            let shown: String = redact_audit_head(&screen_text(terminal.backend()))
                .lines()
                .map(|l| l.trim_end().to_owned() + "\n")
                .collect();
            insta::assert_snapshot!(format!("duty_log_{name}_{w}x{h}"), shown);
        }
        press(&mut app, KeyCode::Tab);
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = draw(&app, w, h);
            insta::assert_snapshot!(
                format!("period_report_{name}_{w}x{h}"),
                screen_text(terminal.backend())
            );
        }
        // Esc goes back to where F2 was pressed.
        press(&mut app, KeyCode::Esc);
        let screen = screen_text(draw(&app, 80, 24).backend());
        assert!(
            screen.contains(if lang == Lang::Zh {
                "事件"
            } else {
                "Incidents"
            }),
            "{screen}"
        );
    }
}

#[test]
fn the_handover_note_is_written_on_screen_and_only_the_leader_signs() {
    let school = school();
    let mut app = app(&school, Lang::En);
    press(&mut app, KeyCode::F(2));
    // The Monday shift is signed off: its note is locked.
    press(&mut app, KeyCode::Char('e'));
    let screen = screen_text(draw(&app, 100, 30).backend());
    assert!(
        screen.contains("The leader has signed this shift off"),
        "{screen}"
    );
    // Friday's shift, not signed off yet.
    press(&mut app, KeyCode::Char('['));
    let screen = screen_text(draw(&app, 100, 30).backend());
    assert!(screen.contains("2026-11-27 Fri"), "{screen}");
    press(&mut app, KeyCode::Char('e'));
    for c in "周五：东门监控待修".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let screen = screen_text(draw(&app, 100, 30).backend());
    assert!(screen.contains("Handover note saved."), "{screen}");
    // The note is near the end of the log, as on paper.
    press(&mut app, KeyCode::End);
    let screen = screen_text(draw(&app, 100, 30).backend());
    assert!(screen.contains("周五：东门监控待修"), "{screen}");
    // The duty teacher is at the terminal: not the one to sign.
    press(&mut app, KeyCode::Char('o'));
    let screen = screen_text(draw(&app, 100, 30).backend());
    assert!(
        screen.contains("Only the leader on duty of this shift signs it off"),
        "{screen}"
    );
    // The leader takes the terminal and signs.
    let leader = school
        .monday
        .with_role(DutyRole::Leader)
        .next()
        .expect("leader")
        .staff;
    app.update(Action::Duty(DutyAction::SetOperator(leader)));
    press(&mut app, KeyCode::Char('o'));
    let screen = screen_text(draw(&app, 100, 30).backend());
    assert!(
        screen.contains("Sign off this shift's duty log"),
        "{screen}"
    );
    press(&mut app, KeyCode::Char('y'));
    let screen = screen_text(draw(&app, 100, 30).backend());
    assert!(screen.contains("Signed off"), "{screen}");
    press(&mut app, KeyCode::Home);
    let screen = screen_text(draw(&app, 100, 30).backend());
    assert!(
        screen.contains("李丽 11-30 18:30"),
        "who and when:\n{screen}"
    );
    let store = Store::open(&school.path, d("2026-11-30")).expect("db");
    let friday = store.shifts_on(d("2026-11-27")).expect("friday").remove(0);
    assert_eq!(friday.handover_note, "周五：东门监控待修");
    assert!(friday.signed_off.is_some());
}
