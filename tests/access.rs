//! Who may do what, shown end to end: docs/ACCESS.md against the role table cell by cell; every
//! cell walked through `App::update` for every role on a school's morning (allowed actions go
//! through, the others are refused with the role's message and write nothing); the PIN lockout,
//! the idle and Ctrl+L lock, the first administrator; an audit row for each kind of act, the
//! chain intact; and a trail changed behind the program's back found by `dutydesk check`.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

#[path = "common/screen.rs"]
mod screen;
#[path = "common/world.rs"]
mod world;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Days, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use dutydesk::action::{
    AccessAction, AttentionAction, DutyAction, DutyLogAction, FollowupAction, GateAction,
    HazardAction, IncidentAction, PatrolAction, SlipAction, WatchAction,
};
use dutydesk::action::{Action, Purpose, Tab};
use dutydesk::app::{App, Station, permission};
use dutydesk::config::Config;
use dutydesk::domain::access::{Perm, Role, Subject, Verb, allows, perms};
use dutydesk::domain::attention::{Attention, AttentionDraft, Reason};
use dutydesk::domain::clock::Clock;
use dutydesk::domain::followup::{Followup, FollowupDraft, Kind};
use dutydesk::domain::gate::{
    EarlyLeave, EarlyLeaveDraft, Visit, VisitDraft, WatchDraft, WatchEntry,
};
use dutydesk::domain::hazard::{Hazard, HazardStatus};
use dutydesk::domain::incident::{Incident, IncidentFilter};
use dutydesk::domain::patrol::{CheckDraft, ItemAnswer, ItemResult};
use dutydesk::domain::people::StudentId;
use dutydesk::domain::pin;
use dutydesk::domain::schedule::RoundKey;
use dutydesk::domain::shift::{DutyRole, MemberRef, Shift, ShiftDraft};
use dutydesk::domain::slip::Slip;
use dutydesk::domain::staff::{Staff, StaffDraft, StaffId, StaffRole};
use dutydesk::i18n::Lang;
use dutydesk::i18n::Words as _;
use dutydesk::screens::Screen;
use dutydesk::store::{Actor, AuditRow, FollowupQuery, Store};
use dutydesk::theme::COLOR;

use world::{TagAt, Texts};

// ---------------------------------------------------------------------------------------------
// Helpers: a scratch directory, the app driven by keys, the screen as text, the file as text
// ---------------------------------------------------------------------------------------------

/// A directory for test databases: in memory where the system has one (the walk copies a school
/// a few hundred times, and every commit is fsync'd), else the system's temporary directory.
/// Private (0700) as a school's data directory is, so that `dutydesk check` finds nothing but
/// what a test did.
fn scratch() -> TempDir {
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir()
        && let Ok(dir) = TempDir::new_in(shm)
    {
        dir
    } else {
        TempDir::new().expect("temp dir")
    };
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).expect("chmod");
    dir
}

fn cfg() -> Config {
    dutydesk::config::load(None).expect("defaults")
}

/// The morning of tests/common/world.rs, plain text in its fields (the hostile tests cover the
/// payloads; here the records only need to exist).
fn build_world(path: &Path) {
    world::build(
        path,
        Texts {
            payload: "x",
            tag_at: TagAt::First,
            plain: &[],
        },
    );
}

fn clock_at(rfc3339: &str) -> Clock {
    Clock::Fixed(DateTime::parse_from_rfc3339(rfc3339).expect("rfc 3339"))
}

/// The app as it starts: locked, on the sign-in (or first administrator) screen.
fn start(path: &Path, clock: Clock) -> App {
    let store = Store::open(path, clock.today()).expect("the file opens");
    App::new(store, cfg(), Lang::En, &COLOR, clock)
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Types text a character at a time, as a terminal sends it.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Signs in from a fresh sign-in screen: name, Tab, PIN, Enter.
fn sign_in(app: &mut App, name: &str, pin: &str) {
    type_text(app, name);
    press(app, KeyCode::Tab);
    type_text(app, pin);
    press(app, KeyCode::Enter);
}

/// The screen drawn at 120×40 through the app's own `ui::draw`, as text (Chinese as typed).
fn screen(app: &App) -> String {
    screen::draw_text(app, 120, 40)
}

/// The screen's text without borders or white space, so that a message wrapped inside a box
/// (English at a space, Chinese anywhere) can be found whole: compare with `squash(message)`.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{257f}').contains(c))
        .collect()
}

/// Whether the drawn screen shows `message`, wrapped or not.
fn shows(app: &App, message: &str) -> bool {
    squash(&screen(app)).contains(&squash(message))
}

fn status(app: &App) -> Option<String> {
    app.status().map(|s| s.text.clone())
}

/// The message `App::update` gives a role for an action the table does not allow.
fn refusal(app: &App, role: Role) -> String {
    let s = app.strings();
    (s.refused)(s.access_role(role))
}

/// Every row of every table, as text: two dumps are equal only if nothing was written (a count
/// would miss an UPDATE such as a shift closed or a slip merged).
fn dump(path: &Path) -> String {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<Result<_, _>>()
        .expect("tables");
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("select");
        let n = stmt.column_count();
        let mut rows = stmt.query([]).expect("rows");
        while let Some(row) = rows.next().expect("row") {
            out.push_str(&table);
            for i in 0..n {
                let v: rusqlite::types::Value = row.get(i).expect("value");
                write!(out, " {v:?}").expect("write to a string");
            }
            out.push('\n');
        }
    }
    out
}

/// Copies a database file (and its write-ahead log, if one is left) to `to`, replacing it.
fn copy_db(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let (src, dst) = (with_suffix(from, suffix), with_suffix(to, suffix));
        let _ = std::fs::remove_file(&dst);
        if src.exists() {
            std::fs::copy(&src, &dst).expect("copy");
        }
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Rows of the trail, oldest first.
fn audit(store: &Store) -> Vec<AuditRow> {
    let mut rows = store.audit_rows(100_000).expect("audit rows");
    rows.reverse();
    rows
}

// ---------------------------------------------------------------------------------------------
// 1. The page and the code say the same
// ---------------------------------------------------------------------------------------------

/// The cells of docs/ACCESS.md's table: (subject, verb) → the roles with `yes`.
#[allow(
    clippy::too_many_lines,
    reason = "the table's words mapped to the code's names, one line each"
)]
fn doc_table() -> BTreeMap<(Subject, Verb), Vec<Role>> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ACCESS.md"))
        .expect("docs/ACCESS.md");
    let en = Lang::En.strings();
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_owned())
            .collect()
    };
    // The header names the roles as the app does (its English words), in some order.
    let header = doc
        .lines()
        .find(|l| l.starts_with("| what |"))
        .expect("the table's header row");
    let columns: Vec<Role> = cells(header)[2..]
        .iter()
        .map(|word| {
            Role::ALL
                .into_iter()
                .find(|r| en.access_role(*r) == word)
                .unwrap_or_else(|| panic!("header {word:?} is no role's name"))
        })
        .collect();
    assert_eq!(columns.len(), Role::ALL.len(), "a column per role");
    let mut table = BTreeMap::new();
    for line in doc
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("(`"))
    {
        let row = cells(line);
        assert_eq!(
            row.len(),
            2 + columns.len(),
            "row of the wrong width: {line}"
        );
        let code = row[0]
            .rsplit_once("(`")
            .and_then(|(_, rest)| rest.strip_suffix("`)"))
            .unwrap_or_else(|| panic!("no (`subject`) in {line}"));
        let subject = Subject::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .unwrap_or_else(|| panic!("unknown subject {code:?}: {line}"));
        let verb = Verb::ALL
            .into_iter()
            .find(|v| v.code() == row[1])
            .unwrap_or_else(|| panic!("unknown action {:?}: {line}", row[1]));
        let mut who = Vec::new();
        for (cell, role) in row[2..].iter().zip(&columns) {
            match cell.as_str() {
                "yes" => who.push(*role),
                "—" => {}
                other => panic!("cell {other:?} is neither `yes` nor `—`: {line}"),
            }
        }
        assert!(
            table.insert((subject, verb), who).is_none(),
            "{code} {} is in the table twice",
            verb.code()
        );
    }
    table
}

#[test]
fn the_page_and_the_code_agree_cell_by_cell() {
    let doc = doc_table();
    assert!(!doc.is_empty(), "no rows read from docs/ACCESS.md");
    let mut wrong = Vec::new();
    for subject in Subject::ALL {
        for verb in Verb::ALL {
            for role in Role::ALL {
                // A cell the page does not have is done by nobody.
                let in_doc = doc
                    .get(&(subject, verb))
                    .is_some_and(|who| who.contains(&role));
                let in_code = allows(role, Perm(verb, subject));
                if in_doc != in_code {
                    wrong.push(format!(
                        "{} {} {}: page {in_doc}, code {in_code}",
                        subject.code(),
                        verb.code(),
                        role.code()
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the page and the code differ:\n{}",
        wrong.join("\n")
    );
    for p in perms() {
        assert!(
            doc.contains_key(&(p.1, p.0)),
            "{} {} is in the code's table but not on the page",
            p.1.code(),
            p.0.code()
        );
    }
    // And no row of the page is a permission nobody has (it would be a row for nothing).
    for ((subject, verb), who) in &doc {
        assert!(
            !who.is_empty(),
            "{} {}: a row of dashes",
            subject.code(),
            verb.code()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The walk: every cell through the app, for every role
// ---------------------------------------------------------------------------------------------

/// The records of the morning an action can name, read back through the store's lists.
struct Morning {
    incident: Incident,
    student: StudentId,
    hazard: Hazard,
    followup: Followup,
    slip: Slip,
    visit: Visit,
    watch: WatchEntry,
    leave: EarlyLeave,
    shift: Shift,
    /// A staff member with no account (the counsellor).
    staff: Staff,
    /// The first student's entry on the special-attention register.
    attention: Attention,
}

/// The morning of tests/common/world.rs with the first student put on the special-attention
/// register by the duty teacher (the world has no register entry of its own).
fn build_morning(path: &Path) {
    build_world(path);
    let mut store = Store::open_existing(path).expect("open");
    let shift = store.open_shift().expect("shift").expect("an open shift");
    let counsellor = store
        .staff()
        .expect("staff")
        .into_iter()
        .find(|s| s.role == StaffRole::Counsellor)
        .expect("the counsellor");
    let student = store.students().expect("students")[0].id;
    store
        .add_attention(
            &AttentionDraft {
                student,
                reasons: vec![Reason::Family],
                teacher: counsellor.id,
                review_days: 14,
                note: "parents separating".into(),
            },
            "Scheduled check-in",
            Actor {
                shift: shift.id,
                staff: shift.members[0].staff,
            },
            world::at(9, 58),
        )
        .expect("register entry");
}

fn morning(path: &Path) -> Morning {
    let store = Store::open_existing(path).expect("open");
    let incidents = store
        .incidents(&IncidentFilter::default(), 10)
        .expect("incidents");
    let incident = store
        .incident(
            incidents
                .first()
                .expect("an incident that is not voided")
                .id,
        )
        .expect("incident");
    let followup = store
        .followups(
            &FollowupQuery {
                open_only: true,
                incident: Some(incident.id),
                ..FollowupQuery::default()
            },
            10,
        )
        .expect("follow-ups")
        .into_iter()
        .next()
        .expect("an open follow-up");
    let staff = store
        .staff()
        .expect("staff")
        .into_iter()
        .find(|s| s.role == StaffRole::Counsellor)
        .expect("the counsellor");
    Morning {
        student: store.students().expect("students")[0].id,
        hazard: store.hazards(true, 10).expect("hazards")[0].clone(),
        slip: store.slips(true, 10).expect("slips")[0].clone(),
        visit: store.on_campus().expect("on campus")[0].clone(),
        watch: store.watchlist(true).expect("watchlist")[0].clone(),
        leave: store
            .early_leaves_between(world::at(0, 0), world::at(23, 59))
            .expect("early leaves")[0]
            .clone(),
        shift: store.open_shift().expect("shift").expect("an open shift"),
        attention: store.attention_list(true).expect("register")[0].clone(),
        incident,
        followup,
        staff,
    }
}

fn round(place: &str) -> RoundKey {
    RoundKey {
        day: world::today(),
        slot: "morning".into(),
        rep: 0,
        place: place.into(),
    }
}

/// A check of the morning round at `place` with every item OK (the round's time is over at the
/// test world's 10:30, so `o` would open the checklist rather than save).
fn all_ok(place: &str) -> CheckDraft {
    CheckDraft {
        round: round(place),
        items: cfg()
            .place(place)
            .expect("place")
            .checklist
            .iter()
            .map(|l| ItemAnswer {
                text: l.en.clone(),
                result: ItemResult::Ok,
                note: String::new(),
            })
            .collect(),
        note: String::new(),
        replaces: None,
    }
}

fn visitor() -> Box<VisitDraft> {
    Box::new(VisitDraft {
        name: "刘建国".into(),
        phone: "13800001111".into(),
        purpose: "送货".into(),
        ..VisitDraft::default()
    })
}

/// Actions that make or change a patrol record, an incident or a follow-up.
#[allow(
    clippy::too_many_lines,
    reason = "one line per action, the list reads better whole"
)]
fn desk_actions(m: &Morning) -> Vec<(&'static str, Action)> {
    let i = &m.incident;
    let f = &m.followup;
    let h = &m.hazard;
    let later = world::at(16, 0) + Days::days(1);
    let followup = FollowupDraft {
        kind: Kind::ParentContact,
        incident: Some(i.id),
        hazard: None,
        student: Some(m.student),
        note: "call home".into(),
        owner: m.staff.id,
        due_at: later,
    };
    let check = all_ok("canteen");
    let mut corrected = i.draft.clone();
    corrected.narrative.push_str(" (corrected)");
    let fresh = dutydesk::domain::incident::IncidentDraft {
        from_check: None,
        ..i.draft.clone()
    };
    let prompted = |purpose, value: &str| Action::Prompted {
        purpose,
        value: value.into(),
    };
    vec![
        ("go patrols", Action::Go(Tab::Patrols)),
        ("go now", Action::Go(Tab::Now)),
        (
            "show exceptions",
            Action::Patrol(PatrolAction::ShowExceptions),
        ),
        (
            "patrol day",
            Action::Patrol(PatrolAction::PatrolDay(world::today())),
        ),
        (
            "ask round reason",
            Action::Patrol(PatrolAction::AskReason(round("playground"))),
        ),
        (
            "open check",
            Action::Patrol(PatrolAction::OpenCheck(round("gate"))),
        ),
        (
            "quick ok",
            Action::Patrol(PatrolAction::QuickOk(round("toilets"))),
        ),
        ("save check", Action::Patrol(PatrolAction::SaveCheck(check))),
        (
            "round reason",
            prompted(Purpose::RoundReason(round("playground")), "rain"),
        ),
        ("go incidents", Action::Go(Tab::Incidents)),
        (
            "open incident",
            Action::Incident(IncidentAction::OpenIncident(i.id)),
        ),
        (
            "new incident",
            Action::Incident(IncidentAction::NewIncident),
        ),
        (
            "incident from check",
            Action::Incident(IncidentAction::IncidentFromCheck(round("gate"))),
        ),
        (
            "create incident",
            Action::Incident(IncidentAction::CreateIncident {
                draft: fresh,
                from_slip: None,
            }),
        ),
        (
            "edit incident",
            Action::Incident(IncidentAction::EditIncident(i.id)),
        ),
        (
            "correct incident",
            Action::Incident(IncidentAction::CorrectIncident {
                id: i.id,
                version: i.version,
                draft: corrected,
                reason: "typo".into(),
            }),
        ),
        (
            "ask void",
            Action::Incident(IncidentAction::AskVoidIncident(i.id)),
        ),
        (
            "void",
            prompted(
                Purpose::VoidIncident {
                    id: i.id,
                    version: i.version,
                },
                "entered twice",
            ),
        ),
        ("go follow-ups", Action::Go(Tab::Followups)),
        (
            "new follow-up",
            Action::Followup(FollowupAction::NewFollowup),
        ),
        (
            "follow-up for incident",
            Action::Followup(FollowupAction::NewFollowupFor(i.id)),
        ),
        (
            "follow-up for student",
            Action::Followup(FollowupAction::NewFollowupForStudent(m.student)),
        ),
        (
            "follow-up for hazard",
            Action::Followup(FollowupAction::NewFollowupForHazard(h.id)),
        ),
        (
            "create follow-up",
            Action::Followup(FollowupAction::CreateFollowup(followup.clone())),
        ),
        (
            "accept suggestions",
            Action::Followup(FollowupAction::AcceptSuggestions {
                incident: i.id,
                drafts: vec![followup],
            }),
        ),
        (
            "ask complete",
            Action::Followup(FollowupAction::AskCompleteFollowup(f.id)),
        ),
        (
            "ask reschedule",
            Action::Followup(FollowupAction::AskRescheduleFollowup(f.id)),
        ),
        (
            "complete",
            prompted(
                Purpose::CompleteFollowup {
                    id: f.id,
                    version: f.version,
                },
                "parents called",
            ),
        ),
        (
            "reschedule due",
            prompted(
                Purpose::RescheduleDue {
                    id: f.id,
                    version: f.version,
                },
                "2026-12-03 09:00",
            ),
        ),
        (
            "reschedule reason",
            prompted(
                Purpose::RescheduleReason {
                    id: f.id,
                    version: f.version,
                    due: later,
                },
                "parent away",
            ),
        ),
    ]
}

/// Actions on the hazard register, the mailbox, the gate, the shift, staff and accounts.
#[allow(
    clippy::too_many_lines,
    reason = "one line per action, the list reads better whole"
)]
fn other_actions(m: &Morning) -> Vec<(&'static str, Action)> {
    let h = &m.hazard;
    let (slip, visit, watch, shift) = (&m.slip, &m.visit, &m.watch, &m.shift);
    let prompted = |purpose, value: &str| Action::Prompted {
        purpose,
        value: value.into(),
    };
    let hazard = dutydesk::domain::hazard::HazardDraft {
        from_check: None,
        ..h.draft.clone()
    };
    let leave = EarlyLeaveDraft {
        student: m.student,
        approved_by: m.staff.id,
        slip_seen: true,
        teacher_confirmed: true,
        collected_by: "王父".into(),
        relation: "父亲".into(),
        phone: "13800002222".into(),
        time_out: world::at(10, 25),
        note: String::new(),
    };
    vec![
        ("go hazards", Action::Go(Tab::Hazards)),
        ("new hazard", Action::Hazard(HazardAction::NewHazard)),
        (
            "hazard from check",
            Action::Hazard(HazardAction::HazardFromCheck(round("gate"))),
        ),
        (
            "create hazard",
            Action::Hazard(HazardAction::CreateHazard(hazard)),
        ),
        (
            "ask advance hazard",
            Action::Hazard(HazardAction::AskAdvanceHazard(h.id)),
        ),
        (
            "verify hazard",
            Action::Hazard(HazardAction::VerifyHazard(h.id, h.version)),
        ),
        (
            "advance hazard",
            prompted(
                Purpose::AdvanceHazard {
                    id: h.id,
                    version: h.version,
                    to: HazardStatus::Rectified,
                },
                "fence mended",
            ),
        ),
        ("new slip", Action::Slip(SlipAction::NewSlip)),
        (
            "slip text",
            prompted(Purpose::NewSlip, "someone is bullied"),
        ),
        (
            "slip to incident",
            Action::Slip(SlipAction::SlipToIncident(slip.id)),
        ),
        (
            "ask merge slip",
            Action::Slip(SlipAction::AskMergeSlip(slip.id)),
        ),
        (
            "ask slip unfounded",
            Action::Slip(SlipAction::AskSlipUnfounded(slip.id)),
        ),
        (
            "merge slip",
            prompted(
                Purpose::MergeSlip {
                    id: slip.id,
                    version: slip.version,
                },
                &m.incident.number,
            ),
        ),
        (
            "slip unfounded",
            prompted(
                Purpose::SlipUnfounded {
                    id: slip.id,
                    version: slip.version,
                },
                "asked the class",
            ),
        ),
        ("show students", Action::ShowStudents),
        (
            "open student",
            Action::Incident(IncidentAction::OpenStudent(m.student)),
        ),
        ("go gate", Action::Go(Tab::Gate)),
        ("new visit", Action::Gate(GateAction::NewVisit)),
        ("sign in", Action::Gate(GateAction::SignIn(visitor()))),
        (
            "sign in again",
            Action::Gate(GateAction::SignInAgain(visitor())),
        ),
        (
            "refuse entry",
            Action::Gate(GateAction::RefuseEntry {
                draft: visitor(),
                watch: watch.id,
            }),
        ),
        (
            "admit despite",
            prompted(
                Purpose::AdmitDespite {
                    draft: visitor(),
                    watch: watch.id,
                },
                "the principal agreed",
            ),
        ),
        (
            "sign out now",
            Action::Gate(GateAction::SignOutNow(visit.id, visit.version)),
        ),
        (
            "ask sign out at",
            Action::Gate(GateAction::AskSignOutAt(visit.id, visit.version)),
        ),
        (
            "ask left unsigned",
            Action::Gate(GateAction::AskLeftUnsigned(visit.id, visit.version)),
        ),
        (
            "sign out at",
            prompted(
                Purpose::SignOutAt {
                    id: visit.id,
                    version: visit.version,
                },
                "10:20",
            ),
        ),
        (
            "left unsigned",
            prompted(
                Purpose::LeftUnsigned {
                    id: visit.id,
                    version: visit.version,
                },
                "seen leaving",
            ),
        ),
        ("ask reveal", Action::Gate(GateAction::AskReveal(visit.id))),
        (
            "reveal",
            prompted(Purpose::Reveal { id: visit.id }, "the police asked"),
        ),
        ("open watchlist", Action::Watch(WatchAction::OpenWatchlist)),
        (
            "create watch",
            Action::Watch(WatchAction::CreateWatch(WatchDraft {
                name: "赵四".into(),
                reason: "court order".into(),
                ..WatchDraft::default()
            })),
        ),
        (
            "end watch",
            Action::Watch(WatchAction::EndWatch(watch.id, watch.version)),
        ),
        (
            "end watch now",
            Action::Watch(WatchAction::EndWatchNow(watch.id, watch.version)),
        ),
        ("new early leave", Action::Gate(GateAction::NewEarlyLeave)),
        (
            "create early leave",
            Action::Gate(GateAction::CreateEarlyLeave(leave)),
        ),
        (
            "early leave back",
            Action::Gate(GateAction::EarlyLeaveBack(m.leave.id, m.leave.version)),
        ),
        ("go shift", Action::Go(Tab::Shift)),
        ("new shift", Action::Duty(DutyAction::NewShift)),
        (
            "start shift",
            Action::Duty(DutyAction::StartShift(ShiftDraft {
                day: world::today(),
                members: vec![(MemberRef::Existing(m.staff.id), DutyRole::DutyTeacher)],
            })),
        ),
        (
            "ask close shift",
            Action::Duty(DutyAction::CloseShift { confirmed: false }),
        ),
        (
            "close shift",
            Action::Duty(DutyAction::CloseShift { confirmed: true }),
        ),
        (
            "save handover",
            Action::DutyLog(DutyLogAction::SaveHandover {
                id: shift.id,
                version: shift.version,
                note: "all quiet".into(),
            }),
        ),
        (
            "ask sign off",
            Action::DutyLog(DutyLogAction::AskSignOff(shift.id, shift.version)),
        ),
        (
            "sign off",
            Action::DutyLog(DutyLogAction::SignOff(shift.id, shift.version)),
        ),
        ("open summary", Action::DutyLog(DutyLogAction::OpenSummary)),
        (
            "earlier shift",
            Action::DutyLog(DutyLogAction::NeighbourShift {
                from: shift.id,
                later: false,
            }),
        ),
        ("go people", Action::Go(Tab::People)),
        ("new staff", Action::Duty(DutyAction::NewStaff)),
        (
            "save staff",
            Action::Duty(DutyAction::SaveStaff(StaffDraft {
                name: "新同事".into(),
                role: StaffRole::Teacher,
            })),
        ),
        (
            "open register",
            Action::Attention(AttentionAction::OpenAttention),
        ),
        (
            "new register entry",
            Action::Attention(AttentionAction::NewAttention),
        ),
        (
            "create register entry",
            Action::Attention(AttentionAction::CreateAttention(AttentionDraft {
                student: m.student,
                reasons: vec![Reason::Study],
                teacher: m.staff.id,
                review_days: 30,
                note: String::new(),
            })),
        ),
        (
            "ask end register entry",
            Action::Attention(AttentionAction::AskEndAttention(
                m.attention.id,
                m.attention.version,
            )),
        ),
        (
            "end register entry",
            prompted(
                Purpose::EndAttention {
                    id: m.attention.id,
                    version: m.attention.version,
                },
                "doing well again",
            ),
        ),
        (
            "open account",
            Action::Access(AccessAction::OpenAccount(m.staff.id)),
        ),
        (
            "save account",
            Action::Access(AccessAction::SaveAccount {
                staff: m.staff.id,
                role: Role::Guard,
                pin: Some("482916".into()),
            }),
        ),
    ]
}

/// The PIN the shift's leader is given for the sign-off cells.
const WALK_PIN: &str = "482913";

/// Puts the copy of the morning at `path` in the state `label`'s action needs to go through
/// (the walk is of who may, not of what the records allow), and returns the action to walk,
/// made afresh where the preparation changed the record's version:
/// - opening a shift needs none open: the morning's is closed first;
/// - verifying a hazard needs it rectified: it is, first, by the duty teacher;
/// - signing a shift off is for its own leader on duty: the leader is given an account of the
///   role walked, and signs in; the sign-off is asked for from the duty log (see `app_for`).
fn prepare(path: &Path, label: &str, action: &Action, m: &Morning, role: Role) -> Action {
    let mut store = Store::open_existing(path).expect("open");
    let actor = Actor {
        shift: m.shift.id,
        staff: m.shift.members[0].staff,
    };
    match label {
        "new shift" | "start shift" => {
            store
                .close_shift(m.shift.id, m.shift.version, world::at(10, 0))
                .expect("close the morning's shift");
        }
        "verify hazard" => {
            store
                .advance_hazard(
                    m.hazard.id,
                    m.hazard.version,
                    HazardStatus::Rectified,
                    "fence mended",
                    actor,
                    world::at(10, 0),
                )
                .expect("rectify the hazard");
            let hazard = store
                .hazards(true, 10)
                .expect("hazards")
                .into_iter()
                .find(|h| h.id == m.hazard.id)
                .expect("the hazard");
            return Action::Hazard(HazardAction::VerifyHazard(hazard.id, hazard.version));
        }
        "ask sign off" | "sign off" => {
            let admin = store
                .create_first_admin("Walk Admin", &pin::hash("739164"), world::at(7, 0))
                .expect("an administrator");
            store
                .set_account(
                    leader(m).0,
                    role,
                    Some(&pin::hash(WALK_PIN)),
                    admin,
                    world::at(7, 0),
                )
                .expect("the leader's account");
        }
        _ => {}
    }
    action.clone()
}

/// The morning shift's leader on duty: id and name.
fn leader(m: &Morning) -> (StaffId, String) {
    m.shift
        .members
        .iter()
        .find(|x| x.role == DutyRole::Leader)
        .map(|x| (x.staff, x.name.clone()))
        .expect("a leader on duty")
}

/// One app on the prepared copy of the morning, as `role`, at the desk: for the sign-off
/// cells the leader on duty signed in with an account of that role, else a session of the
/// role with nobody in particular.
fn app_for(path: &Path, label: &str, m: &Morning, role: Role) -> App {
    let store = Store::open_existing(path).expect("open");
    let app = App::new(store, cfg(), Lang::En, &COLOR, world::clock());
    if matches!(label, "ask sign off" | "sign off") {
        let mut app = app;
        sign_in(&mut app, &leader(m).1, WALK_PIN);
        assert!(
            app.status()
                .is_some_and(|s| s.text.starts_with("Signed in")),
            "{label}: the leader did not sign in as {role:?}: {:?}",
            app.status()
        );
        // The sign-off is asked for from the duty log, where it names the shift signed.
        if label == "ask sign off" {
            app.update(Action::DutyLog(DutyLogAction::OpenSummary));
        }
        app
    } else {
        app.unlocked(role)
    }
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn every_cell_is_walked_through_the_app_for_every_role() {
    let started = Instant::now();
    let dir = scratch();
    let first = dir.path().join("morning.db");
    build_morning(&first);
    let m = morning(&first);
    let mut actions = desk_actions(&m);
    actions.extend(other_actions(&m));

    // Every permission has an action standing for it (but the command line's, walked by
    // `the_command_line_asks_who_and_refuses_what_the_role_may_not`), and every action needs one.
    for perm in perms().filter(|p| !COMMAND_LINE.contains(p)) {
        assert!(
            actions.iter().any(|(_, a)| permission(a) == Some(perm)),
            "no action in the walk needs {perm:?}"
        );
    }
    for (label, a) in &actions {
        assert!(permission(a).is_some(), "{label}: needs no permission");
    }

    let mut wrong = Vec::new();
    let (mut allowed, mut denied) = (BTreeMap::new(), BTreeMap::new());
    for role in Role::ALL {
        // Each role on a morning of its own, and each action on a fresh copy of it, so that
        // what one allowed action wrote cannot decide what the next one finds.
        let template = dir.path().join(format!("{}.db", role.code()));
        build_morning(&template);
        let path = dir.path().join("walk.db");
        for (label, action) in &actions {
            let perm = permission(action).expect("checked above");
            copy_db(&template, &path);
            let action = prepare(&path, label, action, &m, role);
            let mut app = app_for(&path, label, &m, role);
            let refused = refusal(&app, role);
            let before = dump(&path);
            app.update(action);
            let said = status(&app);
            let error = app.status().is_some_and(|s| s.error);
            drop(app);
            let after = dump(&path);
            let cell = format!("{} · {label} ({:?} {:?})", role.code(), perm.0, perm.1);
            if allows(role, perm) {
                *allowed.entry(role.code()).or_insert(0) += 1;
                if said.as_deref() == Some(refused.as_str()) {
                    wrong.push(format!("{cell}: allowed, but refused"));
                } else if error {
                    // Allowed, and the records were put in the state the action needs
                    // (`prepare`): an error here is the app's.
                    wrong.push(format!(
                        "{cell}: allowed, but stopped: {}",
                        said.unwrap_or_default()
                    ));
                }
            } else {
                *denied.entry(role.code()).or_insert(0) += 1;
                if said.as_deref() != Some(refused.as_str()) {
                    wrong.push(format!("{cell}: not allowed, but said {said:?}"));
                }
                if before != after {
                    wrong.push(format!("{cell}: not allowed, but the file changed"));
                }
            }
        }
    }
    eprintln!(
        "{} actions × {} roles walked in {:.1?}; allowed {allowed:?}, refused {denied:?}",
        actions.len(),
        Role::ALL.len(),
        started.elapsed(),
    );
    assert!(
        wrong.is_empty(),
        "{} cells wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The tab row of a drawn screen (the third line: two of header, then the tabs).
fn tab_row(app: &App) -> String {
    screen(app).lines().nth(2).expect("a tab row").to_owned()
}

const DESK_TABS: [&str; 8] = [
    "n Now",
    "p Patrols",
    "i Incidents",
    "f Follow-ups",
    "h Hazards",
    "g Gate",
    "s Shift",
    "w People",
];

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn a_guard_sees_the_gate_the_shift_and_people_and_the_other_keys_say_why_not() {
    let dir = scratch();
    let path = dir.path().join("morning.db");
    build_world(&path);
    let clock = world::clock();
    let open = |role| {
        App::new(
            Store::open_existing(&path).expect("open"),
            cfg(),
            Lang::En,
            &COLOR,
            clock,
        )
        .unlocked(role)
    };

    // Every other role sees every tab of the desk.
    for role in Role::ALL.into_iter().filter(|r| *r != Role::Guard) {
        let row = tab_row(&open(role));
        for tab in DESK_TABS {
            assert!(row.contains(tab), "{role:?} misses {tab:?}: {row}");
        }
    }

    let mut app = open(Role::Guard);
    let row = tab_row(&app);
    for tab in ["g Gate", "s Shift", "w People"] {
        assert!(row.contains(tab), "the guard misses {tab:?}: {row}");
    }
    for tab in [
        "n Now",
        "p Patrols",
        "i Incidents",
        "f Follow-ups",
        "h Hazards",
    ] {
        assert!(!row.contains(tab), "the guard is shown {tab:?}: {row}");
    }
    assert!(
        matches!(app.screen(), Screen::Gate(_)),
        "a guard starts at the gate"
    );
    let refused = refusal(&app, Role::Guard);
    let incident_words = ["Incidents", "Follow-ups", "Hazards", "Duty log"];
    for (what, code) in [
        ("i", KeyCode::Char('i')),
        ("n", KeyCode::Char('n')),
        ("p", KeyCode::Char('p')),
        ("f", KeyCode::Char('f')),
        ("h", KeyCode::Char('h')),
        ("F2", KeyCode::F(2)),
    ] {
        press(&mut app, code);
        assert_eq!(status(&app).as_deref(), Some(refused.as_str()), "{what}");
        assert!(
            matches!(app.screen(), Screen::Gate(_)),
            "{what} left the gate"
        );
        let shown = screen(&app);
        assert!(
            shown.contains(&refused),
            "{what}: the refusal is not on screen:\n{shown}"
        );
        // Only the tab row may name a screen the guard cannot open; it does not either.
        for word in incident_words {
            assert!(
                !shown.contains(word),
                "{what}: {word:?} on screen:\n{shown}"
            );
        }
    }

    // At the gate's own terminal the guard has two tabs.
    let gate = App::new(
        Store::open_existing(&path).expect("open"),
        cfg(),
        Lang::En,
        &COLOR,
        clock,
    )
    .with_station(Station::Gate)
    .unlocked(Role::Guard);
    let row = tab_row(&gate);
    assert!(row.contains("g Gate") && row.contains("s Shift"), "{row}");
    for tab in DESK_TABS
        .iter()
        .filter(|t| !["g Gate", "s Shift"].contains(t))
    {
        assert!(!row.contains(tab), "the gate shows {tab:?}: {row}");
    }
}

#[test]
fn the_register_shows_itself_only_to_the_leader_and_the_safeguarding_lead() {
    let dir = scratch();
    let path = dir.path().join("morning.db");
    build_morning(&path);
    let m = morning(&path);
    let hint = format!("[{}]", Lang::En.strings().attention.hint);
    let key = Lang::En.strings().keys.register;
    for role in Role::ALL {
        let keeps = allows(role, Perm(Verb::View, Subject::Attention));
        let open = || {
            let store = Store::open_existing(&path).expect("open");
            App::new(store, cfg(), Lang::En, &COLOR, world::clock()).unlocked(role)
        };
        // The People screen offers the register's key only to those who keep it; to the
        // others `r` does nothing (the register is not even named to them).
        let mut app = open();
        app.update(Action::Go(Tab::People));
        assert_eq!(
            screen(&app).contains(key),
            keeps,
            "{role:?}: the key\n{}",
            screen(&app)
        );
        press(&mut app, KeyCode::Char('r'));
        assert_eq!(
            matches!(app.screen(), Screen::Attention(_)),
            keeps,
            "{role:?}: r"
        );
        if !keeps {
            assert_eq!(status(&app), None, "{role:?}: r said something");
        }
        // The incident about the registered student carries the quiet mark for them only.
        if allows(role, Perm(Verb::View, Subject::Incident)) {
            let mut app = open();
            app.update(Action::Incident(IncidentAction::OpenIncident(
                m.incident.id,
            )));
            assert!(
                matches!(app.screen(), Screen::IncidentDetail(_)),
                "{role:?}"
            );
            assert_eq!(
                shows(&app, &hint),
                keeps,
                "{role:?}: the mark\n{}",
                screen(&app)
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Accounts at a quiet school: 陈静 the administrator, 张伟 a duty teacher, 李丽 the leader
// ---------------------------------------------------------------------------------------------

const ADMIN: (&str, &str) = ("陈静", "284913");
const TEACHER: (&str, &str) = ("张伟", "739164");
const LEADER: (&str, &str) = ("李丽", "615203");

/// world::quiet's school (张伟 duty teacher and 李丽 leader on an open shift, 陈静 a host, one
/// student) with an account each; returns their staff ids (admin, teacher, leader).
fn school_with_accounts(path: &Path) -> (StaffId, StaffId, StaffId) {
    world::quiet(path, true);
    let mut store = Store::open_existing(path).expect("open");
    let now = world::at(7, 5);
    let admin = store
        .create_first_admin(ADMIN.0, &pin::hash(ADMIN.1), now)
        .expect("first administrator");
    let mut give = |who: (&str, &str), role| {
        let id = store
            .staff_by_name(who.0)
            .expect("staff")
            .expect("on the staff list");
        store
            .set_account(id, role, Some(&pin::hash(who.1)), admin, now)
            .expect("account");
        id
    };
    let teacher = give(TEACHER, Role::Teacher);
    let leader = give(LEADER, Role::Leader);
    (admin, teacher, leader)
}

/// `t` on the school's clock as `HH:MM`, as the sign-in screen says it.
fn hm(t: DateTime<Utc>) -> String {
    t.with_timezone(world::clock().now().offset())
        .format("%H:%M")
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// 3. Five wrong PINs lock the account
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn five_wrong_pins_lock_the_account_and_the_right_one_works_once_the_lock_is_over() {
    let dir = scratch();
    let path = dir.path().join("duty.db");
    let (_, teacher, _) = school_with_accounts(&path);
    let lock_minutes = i64::from(cfg().access.lock_minutes);
    let now = world::clock().now().with_timezone(&Utc);
    let until = hm(now + Days::minutes(lock_minutes));

    let mut app = start(&path, world::clock());
    let s = app.strings();
    assert!(app.locked(), "the app starts locked");
    assert!(shows(&app, s.sign_in.title), "{}", screen(&app));
    type_text(&mut app, TEACHER.0);
    press(&mut app, KeyCode::Tab);
    // After a wrong PIN the PIN field is empty again and has the focus: the next try is typed.
    for left in (1..=4).rev() {
        type_text(&mut app, "402781");
        press(&mut app, KeyCode::Enter);
        assert!(
            shows(&app, &(s.sign_in.wrong_pin)(left)),
            "{left} more:\n{}",
            screen(&app)
        );
        assert!(app.locked() && app.session().is_none());
    }
    type_text(&mut app, "402781");
    press(&mut app, KeyCode::Enter);
    let locked_message = (s.sign_in.locked_until)(&until);
    assert!(shows(&app, &locked_message), "{}", screen(&app));

    // While the lock lasts even the right PIN is refused, with the same message.
    type_text(&mut app, TEACHER.1);
    press(&mut app, KeyCode::Enter);
    assert!(
        app.locked() && app.session().is_none(),
        "the right PIN opened a locked account"
    );
    assert!(shows(&app, &locked_message), "{}", screen(&app));
    let just_before = (now + Days::minutes(lock_minutes) - Days::seconds(30))
        .with_timezone(world::clock().now().offset())
        .to_rfc3339();
    let mut app = start(&path, clock_at(&just_before));
    sign_in(&mut app, TEACHER.0, TEACHER.1);
    assert!(app.locked(), "still locked half a minute before the end");

    // After lock_minutes the right PIN works.
    let after = (now + Days::minutes(lock_minutes + 1))
        .with_timezone(world::clock().now().offset())
        .to_rfc3339();
    let mut app = start(&path, clock_at(&after));
    sign_in(&mut app, TEACHER.0, TEACHER.1);
    assert!(!app.locked(), "{}", screen(&app));
    let session = app.session().expect("signed in");
    assert_eq!(
        (session.name.as_str(), session.role),
        (TEACHER.0, Role::Teacher)
    );
    assert_eq!(session.staff, Some(teacher));

    // The trail: five refused PINs (the fifth says until when), the two tries made while the
    // account was locked (no PIN checked, but on record), then the sign-in.
    let store = Store::open_existing(&path).expect("open");
    let rows: Vec<AuditRow> = audit(&store)
        .into_iter()
        .filter(|r| r.staff_id == Some(teacher.0) && r.kind == "account")
        .filter(|r| r.action.starts_with("sign_in"))
        .collect();
    let acts: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        acts,
        ["sign_in_refused"; 7]
            .iter()
            .copied()
            .chain(["sign_in"])
            .collect::<Vec<_>>()
    );
    assert!(rows[4].why.contains("locked until"), "{:?}", rows[4]);
    assert!(
        rows[5..7].iter().all(|r| r.why == "account locked"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .all(|r| r.who == TEACHER.0 && r.record_id == Some(teacher.0))
    );
}

// ---------------------------------------------------------------------------------------------
// 4. The idle lock and Ctrl+L
// ---------------------------------------------------------------------------------------------

const TYPED: &str = "王秘书";

#[test]
fn idle_time_locks_and_only_the_same_pin_brings_back_what_was_typed() {
    let dir = scratch();
    let path = dir.path().join("duty.db");
    school_with_accounts(&path);
    let idle = u64::from(cfg().access.idle_minutes) * 60;
    let mut app = start(&path, world::clock());
    let s = app.strings();
    sign_in(&mut app, LEADER.0, LEADER.1);
    assert!(!app.locked(), "{}", screen(&app));
    // The leader starts adding a staff member and is called away.
    type_text(&mut app, "wa");
    type_text(&mut app, TYPED);
    assert!(matches!(app.screen(), Screen::StaffForm(_)));
    assert!(shows(&app, TYPED), "{}", screen(&app));

    // A minute short of the idle time nothing happens; at the idle time the screen locks.
    app.pretend_idle(Duration::from_secs(idle - 60));
    app.tick(true);
    assert!(!app.locked(), "locked before idle_minutes");
    app.pretend_idle(Duration::from_secs(60));
    app.tick(true);
    assert!(app.locked(), "not locked after idle_minutes");
    let shown = screen(&app);
    assert!(
        !shows(&app, TYPED),
        "the typed text shows on the lock screen:\n{shown}"
    );
    assert!(shows(&app, s.sign_in.locked_title), "{shown}");
    assert!(shows(&app, &(s.sign_in.unsaved_note)(LEADER.0)), "{shown}");

    // Her PIN (the name is filled in) brings the form back as it was.
    type_text(&mut app, LEADER.1);
    press(&mut app, KeyCode::Enter);
    assert!(!app.locked(), "{}", screen(&app));
    assert!(matches!(app.screen(), Screen::StaffForm(_)));
    assert!(shows(&app, TYPED), "{}", screen(&app));

    // Ctrl+L locks at once, from inside the form.
    ctrl(&mut app, 'l');
    assert!(app.locked());
    assert!(!shows(&app, TYPED));

    // Someone else signs in at the lock: their own home screen, her input gone, and said so.
    switch_to(&mut app, TEACHER);
    let session = app.session().expect("signed in");
    assert_eq!(
        (session.name.as_str(), session.role),
        (TEACHER.0, Role::Teacher)
    );
    assert!(
        matches!(app.screen(), Screen::Now(_)),
        "not the home screen"
    );
    let said = status(&app).unwrap_or_default();
    assert!(said.contains(&(s.sign_in.discarded)(LEADER.0)), "{said}");
    assert!(!shows(&app, TYPED));
    // Nothing to go back to either.
    press(&mut app, KeyCode::Esc);
    assert!(!matches!(app.screen(), Screen::StaffForm(_)));
    assert!(!shows(&app, TYPED));
}

// ---------------------------------------------------------------------------------------------
// 5. The first administrator
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn a_new_file_makes_its_administrator_first_and_refuses_a_weak_pin() {
    let dir = scratch();
    let path = dir.path().join("new.db");
    let mut app = start(&path, world::clock());
    let s = app.strings();
    assert!(app.locked());
    assert!(shows(&app, s.sign_in.first_title), "{}", screen(&app));

    let name = "王校长";
    type_text(&mut app, name);
    press(&mut app, KeyCode::Tab);
    for (pin, again, message) in [
        ("12345", "12345", s.pin_shape),
        ("123456", "123456", s.pin_guessable),
        ("777777", "777777", s.pin_guessable),
        ("284913", "284931", s.pin_mismatch),
    ] {
        // After a refusal the name stays and the focus is on the first PIN field.
        type_text(&mut app, pin);
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, again);
        press(&mut app, KeyCode::Enter);
        assert!(shows(&app, message), "{pin}/{again}:\n{}", screen(&app));
        assert!(app.locked() && app.session().is_none(), "{pin} accepted");
    }
    type_text(&mut app, "284913");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "284913");
    press(&mut app, KeyCode::Enter);
    assert!(!app.locked(), "{}", screen(&app));
    let session = app.session().expect("signed in").clone();
    assert_eq!((session.name.as_str(), session.role), (name, Role::Admin));
    assert_eq!(
        status(&app).as_deref(),
        Some((s.sign_in.welcome)(name, s.access_role(Role::Admin)).as_str())
    );

    // What they do now is theirs in the trail: a staff member added through the form.
    type_text(&mut app, "wa");
    type_text(&mut app, "赵老师");
    ctrl(&mut app, 's');
    assert_eq!(
        status(&app).as_deref(),
        Some((s.staff_added)("赵老师").as_str())
    );
    drop(app);
    let store = Store::open_existing(&path).expect("open");
    let accounts = store.accounts().expect("accounts");
    assert_eq!(accounts.len(), 1);
    assert_eq!(
        (accounts[0].name.as_str(), accounts[0].role),
        (name, Role::Admin)
    );
    assert!(
        pin::verify(
            "284913",
            &store
                .pin_hash(accounts[0].staff)
                .expect("read")
                .expect("a hash")
        ),
        "the PIN is kept as its hash"
    );
    let rows = audit(&store);
    let made = rows
        .iter()
        .find(|r| r.action == "create" && r.kind == "account")
        .expect("the account's row");
    assert_eq!(
        (made.who.as_str(), made.staff_id),
        (name, session.staff.map(|s| s.0))
    );
    let added = store
        .staff_by_name("赵老师")
        .expect("staff")
        .expect("added");
    let row = rows
        .iter()
        .find(|r| r.kind == "staff" && r.record_id == Some(added.0))
        .expect("the new staff member's row");
    assert_eq!((row.action.as_str(), row.who.as_str()), ("create", name));
}

// ---------------------------------------------------------------------------------------------
// 6. A row for each kind of act
// ---------------------------------------------------------------------------------------------

/// A new incident about the school's one student, at the gate.
fn incident_draft(student: StudentId) -> dutydesk::domain::incident::IncidentDraft {
    use dutydesk::domain::incident::{
        Bullying, IncidentDraft, InvolvedDraft, PlaceRef, Role as Involved, Severity, Source,
        Status,
    };
    IncidentDraft {
        occurred_at: world::at(10, 10),
        place: PlaceRef::Config("gate".into()),
        category: "physical".into(),
        severity: Severity::Minor,
        source: Source::Staff,
        narrative: "pushed at the gate".into(),
        child_words: String::new(),
        immediate_action: "separated them".into(),
        bullying: Bullying::Pending,
        bullying_on: None,
        status: Status::Open,
        students: vec![InvolvedDraft {
            student,
            role: Involved::Target,
            measures: Vec::new(),
            parents_told_at: None,
            parents_told_by: None,
        }],
        from_check: None,
    }
}

/// The newest row with this action and kind.
fn row<'a>(rows: &'a [AuditRow], action: &str, kind: &str) -> &'a AuditRow {
    rows.iter()
        .rev()
        .find(|r| r.action == action && r.kind == kind)
        .unwrap_or_else(|| panic!("no {action} {kind} row in {rows:#?}"))
}

/// Does `action` and checks that it went through (no refusal, no error on the status line).
fn act(app: &mut App, action: Action) {
    let label = format!("{action:?}");
    app.update(action);
    assert!(
        !app.status().is_some_and(|s| s.error),
        "{label}: {:?}",
        status(app)
    );
}

/// Locks the screen and signs in as someone else at the lock (the name field filled anew).
fn switch_to(app: &mut App, who: (&str, &str)) {
    ctrl(app, 'l');
    press(app, KeyCode::BackTab);
    press(app, KeyCode::End);
    ctrl(app, 'u');
    sign_in(app, who.0, who.1);
    assert!(!app.locked(), "{}", screen(app));
}

/// The morning at the desk through the app: the teacher mistypes the PIN, signs in, records an
/// incident, opens and corrects it, signs a visitor in and checks the canteen; the leader
/// voids the incident and looks at the visitor's ID number. Returns the incident.
fn a_morning_at_the_desk(path: &Path) -> dutydesk::domain::incident::IncidentId {
    let store = Store::open_existing(path).expect("open");
    let student = store.students().expect("students")[0].id;
    let mut app = start(path, world::clock());
    // A wrong PIN, then the right one (the PIN field has the focus again).
    sign_in(&mut app, TEACHER.0, "402781");
    type_text(&mut app, TEACHER.1);
    press(&mut app, KeyCode::Enter);
    assert!(!app.locked(), "{}", screen(&app));
    act(
        &mut app,
        Action::Incident(IncidentAction::CreateIncident {
            draft: incident_draft(student),
            from_slip: None,
        }),
    );
    let id = store
        .incidents(&IncidentFilter::default(), 1)
        .expect("list")[0]
        .id;
    let incident = store.incident(id).expect("incident");
    act(&mut app, Action::Incident(IncidentAction::OpenIncident(id)));
    let mut corrected = incident.draft.clone();
    corrected
        .immediate_action
        .push_str(", told the class teacher");
    act(
        &mut app,
        Action::Incident(IncidentAction::CorrectIncident {
            id,
            version: incident.version,
            draft: corrected,
            reason: "left out".into(),
        }),
    );
    act(&mut app, Action::Gate(GateAction::SignIn(visitor())));
    act(
        &mut app,
        Action::Patrol(PatrolAction::SaveCheck(all_ok("canteen"))),
    );
    // The leader voids it (a duty teacher may not).
    switch_to(&mut app, LEADER);
    let version = store.incident(id).expect("incident").version;
    act(
        &mut app,
        Action::Prompted {
            purpose: Purpose::VoidIncident { id, version },
            value: "entered twice".into(),
        },
    );
    // And looks at the visitor's whole ID number, saying why.
    let visit = store.on_campus().expect("on campus")[0].id;
    act(
        &mut app,
        Action::Prompted {
            purpose: Purpose::Reveal { id: visit },
            value: "the police asked".into(),
        },
    );
    id
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn each_kind_of_act_leaves_its_row_and_the_chain_holds() {
    let dir = scratch();
    let path = dir.path().join("duty.db");
    let (_, teacher, leader) = school_with_accounts(&path);
    let incident = a_morning_at_the_desk(&path);
    let store = Store::open_existing(&path).expect("open");

    let rows = audit(&store);
    let by = |r: &AuditRow| (r.staff_id, r.who.clone());
    let as_teacher = (Some(teacher.0), TEACHER.0.to_owned());
    let as_leader = (Some(leader.0), LEADER.0.to_owned());
    let refused = row(&rows, "sign_in_refused", "account");
    assert_eq!(
        (refused.record_id, by(refused)),
        (Some(teacher.0), as_teacher.clone())
    );
    let signed = row(&rows, "sign_in", "account");
    assert_eq!(
        by(signed),
        as_leader.clone(),
        "the newest sign-in is the leader's"
    );
    assert!(
        rows.iter()
            .any(|r| r.action == "sign_in" && by(r) == as_teacher),
        "the teacher's sign-in"
    );
    for (action, why) in [
        ("create", None),
        ("open", None),
        ("correct", Some("left out")),
    ] {
        let entry = row(&rows, action, "incident");
        assert_eq!(
            (entry.record_id, by(entry)),
            (Some(incident.0), as_teacher.clone()),
            "{action}"
        );
        if let Some(why) = why {
            assert_eq!(entry.why, why);
        }
    }
    let void = row(&rows, "void", "incident");
    assert_eq!(
        (void.record_id, by(void), void.why.as_str()),
        (Some(incident.0), as_leader.clone(), "entered twice")
    );
    let visit = store.on_campus().expect("on campus")[0].id;
    let visit_row = row(&rows, "create", "visit");
    assert_eq!(
        (visit_row.record_id, by(visit_row)),
        (Some(visit.0), as_teacher.clone())
    );
    let reveal = row(&rows, "reveal", "visit");
    assert_eq!(
        (reveal.record_id, by(reveal), reveal.why.as_str()),
        (Some(visit.0), as_leader.clone(), "the police asked")
    );
    let check = row(&rows, "create", "check");
    assert_eq!(by(check), as_teacher);
    assert!(check.record_id.is_some());
    // Every row says where it was made.
    assert!(rows.iter().all(|r| !r.terminal.is_empty()), "{rows:#?}");

    // The chain: whole, and its head is the last row's hash.
    let report = store.verify_audit().expect("verify");
    assert_eq!(report.first_broken, None);
    assert_eq!(report.rows, rows.len() as u64);
    let last = rows.last().expect("rows");
    assert_eq!(report.head, last.hash);
    assert_eq!(
        store.audit_head().expect("head"),
        (
            last.hash.clone(),
            u64::try_from(last.id).expect("a positive id")
        )
    );
    for pair in rows.windows(2) {
        assert_eq!(
            pair[1].prev, pair[0].hash,
            "row {} links to the one before",
            pair[1].id
        );
        assert_eq!(pair[1].id, pair[0].id + 1);
    }
}

// ---------------------------------------------------------------------------------------------
// 7. A trail changed behind the program's back
// ---------------------------------------------------------------------------------------------

/// `dutydesk check` on `db`, in English, at the morning's fixed time.
fn check(db: &Path, home: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .args(["--lang", "en", "--db"])
        .arg(db)
        .arg("check")
        .env("DUTYDESK_HOME", home)
        .env("DUTYDESK_NOW", world::NOW)
        .env_remove("DUTYDESK_DB")
        .env_remove("DUTYDESK_CONFIG")
        .output()
        .expect("run dutydesk check");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().expect("an exit code"), text)
}

/// Whether the sqlite3 shell is installed. Its absence fails the test, unless
/// `DUTYDESK_SKIP_TMUX=1` (the switch that also skips the tmux tests) asks to skip on purpose.
fn sqlite3_available() -> bool {
    let found = Command::new("sqlite3")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("DUTYDESK_SKIP_TMUX").is_ok_and(|v| v == "1"),
            "the sqlite3 command is not installed: install it, or set DUTYDESK_SKIP_TMUX=1 to \
             skip the part that edits the file with it on purpose"
        );
    }
    found
}

#[test]
fn a_row_changed_outside_the_program_is_found_by_check_and_triggers_refuse_the_rest() {
    let dir = scratch();
    let home = dir.path().join("home");
    let original = dir.path().join("morning.db");
    build_world(&original);
    let rows = audit(&Store::open_existing(&original).expect("open"));
    assert!(rows.len() > 10, "a morning leaves a trail: {}", rows.len());
    assert_ne!(rows[1].why, "x");

    // UPDATE and DELETE are refused by the triggers, and the chain is as it was.
    let guarded = dir.path().join("guarded.db");
    copy_db(&original, &guarded);
    {
        let conn = Connection::open(&guarded).expect("open");
        for sql in [
            "UPDATE audit SET why = 'x' WHERE id = 2",
            "DELETE FROM audit WHERE id = 2",
            "DELETE FROM audit",
        ] {
            let err = conn.execute(sql, []).expect_err(sql);
            assert!(err.to_string().contains("append-only"), "{sql}: {err}");
        }
    }
    assert_eq!(dump(&guarded), dump(&original));

    // Without the triggers a row can be changed, and the chain shows which.
    if sqlite3_available() {
        let tampered = dir.path().join("tampered.db");
        copy_db(&original, &tampered);
        let out = Command::new("sqlite3")
            .arg(&tampered)
            .arg("DROP TRIGGER audit_no_update; UPDATE audit SET why = 'x' WHERE id = 2;")
            .output()
            .expect("run sqlite3");
        assert!(out.status.success(), "sqlite3: {out:?}");
        let (code, text) = check(&tampered, &home);
        assert_eq!(code, 1, "{text}");
        assert!(text.contains("audit trail broken at row 2"), "{text}");
        assert!(!text.contains("chain intact"), "{text}");
    } else {
        eprintln!(
            "skipped the sqlite3 part: the sqlite3 command is not installed and \
             DUTYDESK_SKIP_TMUX=1 is set"
        );
    }
    let (code, text) = check(&original, &home);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("chain intact"), "{text}");
    assert!(text.contains(&format!("{} row(s)", rows.len())), "{text}");
}

#[test]
fn a_row_removed_or_rehashed_breaks_the_chain_at_the_next_row() {
    let dir = scratch();
    let original = dir.path().join("morning.db");
    build_world(&original);

    // A row in the middle removed: the ids show the gap.
    let removed = dir.path().join("removed.db");
    copy_db(&original, &removed);
    Connection::open(&removed)
        .expect("open")
        .execute_batch("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3;")
        .expect("delete");
    let report = Store::open_existing(&removed)
        .expect("open")
        .verify_audit()
        .expect("verify");
    assert_eq!(report.first_broken, Some(4));

    // A row changed and given its own new hash: the next row's link no longer matches.
    let rehashed = dir.path().join("rehashed.db");
    copy_db(&original, &rehashed);
    let mut second = audit(&Store::open_existing(&rehashed).expect("open"))[1].clone();
    second.why = "nothing happened".into();
    second.hash = second.expected_hash();
    Connection::open(&rehashed)
        .expect("open")
        .execute_batch(&format!(
            "DROP TRIGGER audit_no_update; UPDATE audit SET why = '{}', hash = '{}' WHERE id = 2;",
            second.why, second.hash
        ))
        .expect("update");
    let report = Store::open_existing(&rehashed)
        .expect("open")
        .verify_audit()
        .expect("verify");
    assert_eq!(report.first_broken, Some(3));
}

// ---------------------------------------------------------------------------------------------
// Holes once found while walking the table, each fixed since and kept so that it stays fixed
// ---------------------------------------------------------------------------------------------

#[test]
fn a_slip_is_closed_only_by_a_role_that_may_correct_slips_whatever_the_action() {
    let dir = scratch();
    let path = dir.path().join("morning.db");
    build_morning(&path);
    let m = morning(&path);
    assert!(!allows(Role::Teacher, Perm(Verb::Correct, Subject::Slip)));
    let mut app = App::new(
        Store::open_existing(&path).expect("open"),
        cfg(),
        Lang::En,
        &COLOR,
        world::clock(),
    )
    .unlocked(Role::Teacher);
    let before = dump(&path);
    // The action the slip's "make it an incident" form sends when saved: an incident made
    // from the slip, which merges (closes) the slip.
    app.update(Action::Incident(IncidentAction::CreateIncident {
        draft: dutydesk::domain::incident::IncidentDraft {
            from_check: None,
            ..m.incident.draft.clone()
        },
        from_slip: Some((m.slip.id, m.slip.version)),
    }));
    let slip = Store::open_existing(&path)
        .expect("open")
        .slip(m.slip.id)
        .expect("slip");
    assert_eq!(
        (slip.status, slip.version),
        (m.slip.status, m.slip.version),
        "a duty teacher closed a mailbox slip (merged into {:?}); status said {:?}",
        slip.merged_into,
        status(&app)
    );
    assert_eq!(status(&app), Some(refusal(&app, Role::Teacher)));
    assert_eq!(dump(&path), before);
}

#[test]
fn records_made_by_a_signed_in_person_name_that_person_not_the_one_switched_to() {
    let dir = scratch();
    let path = dir.path().join("duty.db");
    let (_, teacher, _) = school_with_accounts(&path);
    let mut app = start(&path, world::clock());
    let s = app.strings();
    sign_in(&mut app, TEACHER.0, TEACHER.1);
    assert!(!app.locked());

    // The Shift screen's `u` (who is at this terminal) still works for a signed-in person.
    type_text(&mut app, "su");
    let said = status(&app).unwrap_or_default();
    assert!(
        !said.contains(&(s.operator_now)(LEADER.0)),
        "a signed-in teacher is told records now name someone else: {said:?}"
    );
    // A check saved now is the teacher's, whoever `u` chose.
    app.update(Action::Patrol(PatrolAction::SaveCheck(all_ok("canteen"))));
    let store = Store::open_existing(&path).expect("open");
    let check = row(&audit(&store), "create", "check").clone();
    assert_eq!(
        (check.staff_id, check.who.as_str()),
        (Some(teacher.0), TEACHER.0),
        "the check names someone other than the person signed in"
    );
}

#[test]
fn text_typed_into_a_popup_counts_as_unsaved_at_the_lock() {
    let dir = scratch();
    let path = dir.path().join("duty.db");
    school_with_accounts(&path);
    let mut app = start(&path, world::clock());
    let s = app.strings();
    sign_in(&mut app, TEACHER.0, TEACHER.1);
    // A mailbox slip's words, typed into its popup, then the teacher is called away.
    app.update(Action::Slip(SlipAction::NewSlip));
    let words = "有人在厕所被打";
    type_text(&mut app, words);
    assert!(shows(&app, words), "{}", screen(&app));
    ctrl(&mut app, 'l');
    assert!(app.locked());
    assert!(!shows(&app, words));
    assert!(
        shows(&app, &(s.sign_in.unsaved_note)(TEACHER.0)),
        "the lock screen does not say the slip's text waits for its owner:\n{}",
        screen(&app)
    );
    switch_to(&mut app, LEADER);
    assert!(!shows(&app, words));
    let said = status(&app).unwrap_or_default();
    assert!(
        said.contains(&(s.sign_in.discarded)(TEACHER.0)),
        "the slip's text was dropped without a word: {said:?}"
    );
}

#[test]
fn every_row_the_app_writes_carries_the_apps_clock() {
    let dir = scratch();
    let path = dir.path().join("morning.db");
    build_morning(&path);
    let m = morning(&path);
    let now = world::clock().now().with_timezone(&Utc);
    let mut late = Vec::new();
    for (label, action) in [
        (
            "handover note",
            Action::DutyLog(DutyLogAction::SaveHandover {
                id: m.shift.id,
                version: m.shift.version,
                note: "all quiet".into(),
            }),
        ),
        (
            "watch ended",
            Action::Watch(WatchAction::EndWatchNow(m.watch.id, m.watch.version)),
        ),
        (
            "shift closed",
            Action::Duty(DutyAction::CloseShift { confirmed: true }),
        ),
    ] {
        let copy = dir.path().join("copy.db");
        copy_db(&path, &copy);
        let mut app = App::new(
            Store::open_existing(&copy).expect("open"),
            cfg(),
            Lang::En,
            &COLOR,
            world::clock(),
        )
        .unlocked(Role::Leader);
        app.update(action);
        drop(app);
        let newest = audit(&Store::open_existing(&copy).expect("open"))
            .pop()
            .expect("a row");
        let at = DateTime::parse_from_rfc3339(&newest.at).expect("rfc 3339");
        if at != now {
            late.push(format!(
                "{label}: {} ({} {})",
                newest.at, newest.action, newest.kind
            ));
        }
    }
    assert!(
        late.is_empty(),
        "rows stamped with the machine's clock, not the app's ({now}):\n{}",
        late.join("\n")
    );
}

/// The guard and the safeguarding lead of the command-line test.
const GUARD: (&str, &str) = ("王强", "502718");
const SAFE: (&str, &str) = ("赵敏", "640392");

/// The cells only the command line performs.
const COMMAND_LINE: [Perm; 3] = [
    Perm(Verb::Export, Subject::Report),
    Perm(Verb::Export, Subject::Data),
    Perm(Verb::Purge, Subject::Data),
];

/// Runs the real program as `who` (name and PIN, the PIN given as a script would).
fn cli_as(db: &Path, home: &Path, who: Option<(&str, &str)>, args: &[&str]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dutydesk"));
    cmd.args(["--lang", "en", "--db"])
        .arg(db)
        .env("DUTYDESK_HOME", home)
        .env("DUTYDESK_NOW", world::NOW)
        .env_remove("DUTYDESK_DB")
        .env_remove("DUTYDESK_CONFIG")
        .env_remove("DUTYDESK_PIN")
        .stdin(std::process::Stdio::null());
    if let Some((name, pin)) = who {
        cmd.args(["--as", name]).env("DUTYDESK_PIN", pin);
    }
    let out = cmd.args(args).output().expect("run dutydesk");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().expect("an exit code"), text)
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn the_command_line_asks_who_and_refuses_what_the_role_may_not() {
    let dir = scratch();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let db = dir.path().join("school.db");
    let (admin, _, _) = school_with_accounts(&db);
    // A guard and a safeguarding lead too (GUARD, SAFE), so that every role runs every command.
    {
        let mut store = Store::open_existing(&db).expect("open");
        let now = world::at(7, 6);
        for (who, role) in [(GUARD, Role::Guard), (SAFE, Role::Safeguarding)] {
            let id = match store.staff_by_name(who.0).expect("staff") {
                Some(id) => id,
                None => store
                    .add_staff(
                        &dutydesk::domain::staff::StaffDraft {
                            name: who.0.to_owned(),
                            role: dutydesk::domain::staff::StaffRole::Other,
                        },
                        now,
                    )
                    .expect("staff"),
            };
            store
                .set_account(id, role, Some(&pin::hash(who.1)), admin, now)
                .expect("account");
        }
    }
    let people = [
        (Role::Guard, GUARD),
        (Role::Teacher, TEACHER),
        (Role::Leader, LEADER),
        (Role::Safeguarding, SAFE),
        (Role::Admin, ADMIN),
    ];
    let out = dir.path().join("out");
    let commands: [(Perm, Vec<&str>); 3] = [
        (
            Perm(Verb::Export, Subject::Report),
            vec!["report", "shift", "--format", "text"],
        ),
        (
            Perm(Verb::Export, Subject::Data),
            vec!["export", "--out", out.to_str().expect("utf-8 path")],
        ),
        (Perm(Verb::Purge, Subject::Data), vec!["purge", "--yes"]),
    ];
    // Nobody named: refused, with what to do.
    for (_, args) in &commands {
        let (code, text) = cli_as(&db, &home, None, args);
        assert_eq!(code, 1, "{args:?}: {text}");
        assert!(text.contains("--as NAME"), "{args:?}: {text}");
    }
    // A wrong PIN: refused and counted.
    let (code, text) = cli_as(&db, &home, Some((TEACHER.0, "000001")), &commands[0].1);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("Wrong PIN"), "{text}");
    for (perm, args) in &commands {
        for (role, who) in people {
            let (code, text) = cli_as(&db, &home, Some(who), args);
            if allows(role, *perm) {
                assert_eq!(code, 0, "{role:?} {args:?}: {text}");
            } else {
                assert_eq!(code, 1, "{role:?} {args:?}: {text}");
                assert!(
                    text.contains("Not allowed for your role"),
                    "{role:?} {args:?}: {text}"
                );
            }
        }
    }
    // The export and the purge are in the trail under the administrator's name.
    let store = Store::open_existing(&db).expect("open");
    let rows = audit(&store);
    for action in ["export", "purge"] {
        let r = rows
            .iter()
            .find(|r| r.action == action)
            .unwrap_or_else(|| panic!("no {action} row"));
        assert_eq!(r.staff_id, Some(admin.0), "{r:?}");
        assert!(r.terminal.starts_with("command line"), "{r:?}");
    }
}

/// The register's reviews are the coming term's follow-ups for the responsible teacher, worded
/// so that a duty teacher reading the follow-up list learns nothing of the register.
#[test]
fn the_registers_reviews_are_the_terms_follow_ups_for_the_teacher() {
    let dir = scratch();
    let path = dir.path().join("morning.db");
    build_morning(&path);
    let store = Store::open_existing(&path).expect("open");
    let entry = store
        .attention_list(true)
        .expect("register")
        .into_iter()
        .next()
        .expect("an entry");
    let reviews = store
        .followups(
            &dutydesk::store::FollowupQuery {
                student: Some(entry.student),
                open_only: true,
                ..Default::default()
            },
            50,
        )
        .expect("follow-ups");
    let reviews: Vec<_> = reviews
        .into_iter()
        .filter(|f| f.note == "Scheduled check-in")
        .collect();
    // Every 14 days for four months, at most six.
    assert_eq!(reviews.len(), 6, "{reviews:?}");
    for (k, f) in (1..).zip(&reviews) {
        assert_eq!(f.due_at, world::at(9, 58) + chrono::Duration::days(14 * k));
        assert_eq!(f.owner, entry.teacher);
    }
    assert_eq!(
        entry.next_review,
        (world::at(9, 58) + chrono::Duration::days(14)).date_naive()
    );
}

/// A role the administrator changes applies to a terminal already signed in from its next
/// reload; no stale rights linger until the person signs in again.
#[test]
fn a_changed_role_applies_at_the_next_reload() {
    let dir = scratch();
    let path = dir.path().join("duty.db");
    let (admin, teacher, _) = school_with_accounts(&path);
    let mut app = start(&path, world::clock());
    sign_in(&mut app, TEACHER.0, TEACHER.1);
    assert_eq!(app.session().map(|s| s.role), Some(Role::Teacher));
    press(&mut app, KeyCode::Char('i'));
    assert!(status(&app).is_none(), "a teacher opens incidents");
    {
        let mut store = Store::open_existing(&path).expect("another terminal");
        store
            .set_account(teacher, Role::Guard, None, admin, world::at(10, 31))
            .expect("now a guard");
    }
    // The reload that comes when no key has come for a while.
    app.tick(true);
    assert_eq!(app.session().map(|s| s.role), Some(Role::Guard));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(status(&app), Some(refusal(&app, Role::Guard)));
}

/// The administrator finds a person by part of the name (`/`) and opens their account: in a
/// school of 150 staff, not by pressing ↓ a hundred times.
#[test]
fn the_administrator_finds_a_person_by_name_to_give_an_account() {
    let dir = scratch();
    let path = dir.path().join("duty.db");
    school_with_accounts(&path);
    let mut app = start(&path, world::clock());
    sign_in(&mut app, ADMIN.0, ADMIN.1);
    press(&mut app, KeyCode::Char('w'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "李");
    let shown = screen(&app);
    assert!(
        shown.contains("Staff (1)") && shown.contains("▶ 李丽"),
        "{shown}"
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let form = screen(&app);
    assert!(form.contains("Account of 李丽"), "{form}");
}

#[test]
fn o_on_a_round_whose_time_is_over_opens_its_checklist_and_saves_nothing() {
    let dir = scratch();
    let path = dir.path().join("duty.db");
    school_with_accounts(&path);
    let mut app = start(&path, world::clock());
    sign_in(&mut app, TEACHER.0, TEACHER.1);
    // 10:30: the morning round (07:00–08:00) at the canteen was never checked.
    app.update(Action::Patrol(PatrolAction::QuickOk(round("canteen"))));
    assert!(
        matches!(app.screen(), dutydesk::screens::Screen::Check(_)),
        "the checklist opens instead"
    );
    let store = Store::open_existing(&path).expect("open");
    assert!(
        store.day_checks(world::today()).expect("checks").is_empty(),
        "no check was written"
    );
}
