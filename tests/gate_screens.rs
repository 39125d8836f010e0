#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]
//! The gate driven through the whole app as a guard (and the duty desk) would: a real database
//! in a temp dir with two students, a host teacher and a shift open with a guard; terminals
//! started on it at fixed moments (Monday 2026-11-30 in UTC+8) as the gate station or the desk;
//! keys pressed one at a time and counted where the brief sets a limit; what was saved read back
//! through a second `Store` (and raw rows through rusqlite). Where a check is about what the
//! guard sees, the screen is drawn on a `TestBackend` and read.

#[path = "common/screen.rs"]
mod screen;

use screen::screen_text;
use std::path::PathBuf;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use dutydesk::app::{App, Station};
use dutydesk::config::Config;
use dutydesk::domain::access::Role;
use dutydesk::domain::clock::Clock;
use dutydesk::domain::gate::{Document, OutKind, Visit, VisitDraft, VisitStatus};
use dutydesk::domain::idcard::DocType;
use dutydesk::domain::people::StudentDraft;
use dutydesk::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use dutydesk::domain::staff::{StaffDraft, StaffId, StaffRole};
use dutydesk::i18n::Lang;
use dutydesk::screens::Screen;
use dutydesk::store::{Actor, GateEntry, Store};
use dutydesk::theme::COLOR;

/// A resident ID number that passes every check, and the same with the wrong check character.
const FULL_ID: &str = "11010519491231002X";
const TYPO_ID: &str = "110105194912310021";

const EIGHT: &str = "2026-11-30T08:00:00+08:00";
const TEN: &str = "2026-11-30T10:00:00+08:00";
const LATE: &str = "2026-11-30T23:00:00+08:00";

/// Monday at `h:m` on the school's clock (UTC+8), as the store keeps it.
fn at(h: u32, m: u32) -> DateTime<Utc> {
    let t = chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
        .expect("date")
        .and_hms_opt(h, m, 0)
        .expect("time");
    chrono::FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .from_local_datetime(&t)
        .single()
        .expect("unambiguous")
        .with_timezone(&Utc)
}

fn clock(now: &str) -> Clock {
    Clock::Fixed(DateTime::parse_from_rfc3339(now).expect("rfc 3339"))
}

// ---------------------------------------------------------------------------------------------
// A school with its database, and terminals on it
// ---------------------------------------------------------------------------------------------

/// One database: two students, 陈静 (a teacher visitors come to see), and a shift opened at
/// 07:00 with 张伟 at the desk, 李丽 leading and 王强 at the gate.
struct School {
    dir: TempDir,
    cfg: Config,
    lang: Lang,
    guard: Actor,
    host: StaffId,
}

impl School {
    fn new(lang: Lang) -> School {
        let dir = TempDir::new().expect("temp dir");
        let cfg = dutydesk::config::load(None).expect("defaults");
        let mut store = Store::open(&dir.path().join("duty.db"), clock(TEN).today()).expect("db");
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
        let member = |name: &str, role, duty| {
            let name = name.to_owned();
            (MemberRef::New { name, role }, duty)
        };
        let shift = store
            .start_shift(
                &ShiftDraft {
                    day: clock(TEN).today(),
                    members: vec![
                        member("张伟", StaffRole::Teacher, DutyRole::DutyTeacher),
                        member("李丽", StaffRole::Leader, DutyRole::Leader),
                        member("王强", StaffRole::Guard, DutyRole::Guard),
                    ],
                },
                at(7, 0),
            )
            .expect("shift");
        let guard = Actor {
            shift: shift.id,
            staff: shift
                .with_role(DutyRole::Guard)
                .next()
                .expect("guard")
                .staff,
        };
        School {
            dir,
            cfg,
            lang,
            guard,
            host,
        }
    }

    /// The school keeps whole ID numbers (`[gate] store_full_id = true`).
    fn keeping_whole_numbers(mut self) -> School {
        self.cfg.gate.store_full_id = true;
        self
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("duty.db")
    }

    fn store(&self) -> Store {
        Store::open_existing(&self.path()).expect("the file opens")
    }

    fn terminal(&self, now: &str, station: Station) -> Term {
        let app = App::new(
            self.store(),
            self.cfg.clone(),
            self.lang,
            &COLOR,
            clock(now),
        )
        .unlocked(Role::Admin);
        Term {
            app: app.with_station(station),
            pressed: 0,
        }
    }

    /// The gate station, as a guard starts it.
    fn gate(&self, now: &str) -> Term {
        self.terminal(now, Station::Gate)
    }

    /// The duty desk, on its Now screen.
    fn desk(&self, now: &str) -> Term {
        self.terminal(now, Station::Desk)
    }

    /// A visit signed in through the store at `when` (and out at `out`, if given).
    fn visit(&self, d: &VisitDraft, when: DateTime<Utc>, out: Option<DateTime<Utc>>) {
        let mut store = self.store();
        let id = store
            .sign_in(d, &GateEntry::Admitted, self.guard, when)
            .expect("signed in");
        if let Some(out) = out {
            store
                .sign_out(id, 1, out, OutKind::SignedOut, "", self.guard)
                .expect("signed out");
        }
    }

    /// 欧阳明华 came this morning (08:00–09:00) to inspect the canteen for 陈静.
    fn earlier_visitor(&self) {
        let d = VisitDraft {
            name: "欧阳明华".into(),
            phone: "13800001111".into(),
            organisation: "区教育局".into(),
            document: Document {
                doc_type: Some(DocType::ResidentId),
                last4: "002X".into(),
                full: self.cfg.gate.store_full_id.then(|| FULL_ID.to_owned()),
                verified: true,
            },
            typed_number: FULL_ID.into(),
            purpose: "检查食堂".into(),
            host: Some(self.host),
            plate: "京A·12345".into(),
            ..VisitDraft::default()
        };
        self.visit(&d, at(8, 0), Some(at(9, 0)));
    }

    fn on_campus(&self) -> Vec<Visit> {
        self.store().on_campus().expect("on campus")
    }

    /// Today's visits, newest first.
    fn log(&self) -> Vec<Visit> {
        self.store()
            .visits_between(at(0, 0), at(0, 0) + Duration::days(1))
            .expect("log")
    }

    fn raw<T: rusqlite::types::FromSql>(&self, sql: &str) -> T {
        Connection::open_with_flags(self.path(), OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("peek")
            .query_row(sql, [], |r| r.get(0))
            .expect(sql)
    }
}

/// A visitor with no document, for filling the list.
fn walk_in(name: &str, purpose: &str) -> VisitDraft {
    VisitDraft {
        name: name.into(),
        purpose: purpose.into(),
        ..VisitDraft::default()
    }
}

/// One terminal: the app and how many keys it has been sent.
struct Term {
    app: App,
    pressed: usize,
}

impl Term {
    fn press(&mut self, code: KeyCode) -> &mut Term {
        self.send(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn send(&mut self, key: KeyEvent) -> &mut Term {
        self.pressed += 1;
        self.app.handle_key(key);
        self
    }

    fn keys(&mut self, keys: &str) -> &mut Term {
        for c in keys.chars() {
            self.press(KeyCode::Char(c));
        }
        self
    }

    fn ctrl(&mut self, c: char) -> &mut Term {
        self.send(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    fn tab(&mut self, n: usize) -> &mut Term {
        for _ in 0..n {
            self.press(KeyCode::Tab);
        }
        self
    }

    /// Empties the focused one-line field and types `text`.
    fn retype(&mut self, text: &str) -> &mut Term {
        self.press(KeyCode::End).ctrl('u').keys(text)
    }

    fn draw(&self, w: u16, h: u16) -> Terminal<TestBackend> {
        screen::draw(&self.app, w, h)
    }

    /// The screen at 80×24, as text.
    fn screen(&self) -> String {
        screen_text(self.draw(80, 24).backend())
    }

    fn status(&self) -> String {
        self.app
            .status()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    fn on(&self) -> &'static str {
        match self.app.screen() {
            Screen::Gate(_) => "gate",
            Screen::VisitForm(_) => "visit form",
            Screen::EarlyLeaveForm(_) => "early leave form",
            Screen::Watchlist(_) => "watchlist",
            Screen::Now(_) => "now",
            Screen::Shift(_) => "shift",
            _ => "another screen",
        }
    }

    /// From the gate's list: `v`, and the new visitor's name, phone, where from, number (as a
    /// resident ID) and purpose, each followed by Tab; the form is left on the host field.
    fn fill_new_visitor(&mut self, name: &str, number: &str, purpose: &str) -> &mut Term {
        self.keys("v").keys(name).tab(1).keys("13900002222").tab(1);
        self.keys("市卫健委").tab(2).keys(number).tab(1);
        self.keys(purpose).tab(1)
    }
}

/// The key bar (the last row), with the padding around each key collapsed to one space.
fn key_bar(screen: &str) -> String {
    let last = screen.lines().last().expect("a key bar");
    last.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not on screen:\n{screen}"))
}

// ---------------------------------------------------------------------------------------------
// The station
// ---------------------------------------------------------------------------------------------

#[test]
fn the_gate_station_shows_only_what_a_guard_needs() {
    let school = School::new(Lang::En);
    school.visit(&walk_in("刘建国", "送货"), at(9, 0), None);
    let mut gate = school.gate(TEN);
    assert_eq!(gate.on(), "gate", "the station starts on the gate");
    let screen = gate.screen();
    let tabs = screen.lines().nth(2).expect("tab row");
    assert!(
        tabs.contains("g Gate") && tabs.contains("s Shift"),
        "{screen}"
    );
    for other in ["Now", "Patrols", "Incidents", "Hazards"] {
        assert!(!tabs.contains(other), "{other} at the gate:\n{screen}");
    }
    // Every key of the list fits on the key bar of a wider terminal (80 columns: see below).
    let wide = screen_text(gate.draw(120, 40).backend());
    let keys = key_bar(&wide);
    for key in [
        "v visitor in",
        "x sign out",
        "t out at",
        "u left unsigned",
        "e early leave",
        "Tab next list",
    ] {
        assert!(
            keys.contains(key),
            "{key:?} missing from the key bar:\n{screen}"
        );
    }
    assert!(!keys.contains("watchlist"), "the desk keeps the watchlist");
    // Other tabs' letters and the desk's watchlist key do nothing here.
    for c in ['n', 'p', 'i', 'h', 'm'] {
        gate.keys(&c.to_string());
        assert_eq!(gate.on(), "gate", "{c} left the gate");
    }
    // The guard is the one signed in at this terminal.
    assert!(
        screen.lines().nth(1).expect("header").contains("王强"),
        "{screen}"
    );
    gate.press(KeyCode::Tab);
    let log = gate.screen();
    assert!(line_with(&log, "刘建国").contains("09:00"), "{log}");
    assert!(log.contains("Today: 1 visits, 0 refused"), "{log}");
    gate.press(KeyCode::Tab);
    assert!(gate.screen().contains("No student has left early today."));
    gate.press(KeyCode::Tab);
    assert!(line_with(&gate.screen(), "刘建国").contains("inside 1 h 0 min"));
}

// ---------------------------------------------------------------------------------------------
// Identity numbers
// ---------------------------------------------------------------------------------------------

#[test]
fn a_mistyped_resident_id_names_the_check_character_it_should_have() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("v").keys("刘建国").tab(3);
    gate.tab(1).keys("1101051949");
    assert!(gate.screen().contains("10 of 18 characters so far."));
    gate.keys("12310021");
    let screen = gate.screen();
    assert!(
        screen.contains("The last character should be X"),
        "the field names the check character:\n{screen}"
    );
    // The number is kept as typed while it is wrong, and nothing is saved.
    gate.ctrl('s');
    assert_eq!(gate.on(), "visit form");
    assert!(gate.screen().contains(TYPO_ID), "what was typed is kept");
    assert!(school.log().is_empty());
    // Fixing the last character (a lower-case x is folded) checks out.
    gate.press(KeyCode::Backspace).keys("x");
    assert!(
        gate.screen().contains("✓ number checks out"),
        "{}",
        gate.screen()
    );
    gate.tab(1).keys("检查食堂").ctrl('s');
    assert_eq!(gate.status(), "刘建国 signed in.");
    assert_eq!(gate.on(), "gate");
    let visit = &school.on_campus()[0];
    assert_eq!(visit.document.doc_type, Some(DocType::ResidentId));
    assert_eq!(visit.document.last4, "002X");
    assert!(visit.document.verified);
    // The school's default keeps only the last four; the guard at this terminal made it.
    assert_eq!(
        school.raw::<Option<String>>("SELECT doc_full FROM visit"),
        None
    );
    assert_eq!(
        school.raw::<Option<String>>("SELECT doc_full FROM visitor"),
        None
    );
    assert_eq!(
        school.raw::<i64>("SELECT made_by FROM visit"),
        school.guard.staff.0
    );
}

#[test]
fn the_check_character_message_is_in_chinese_too() {
    let school = School::new(Lang::Zh);
    let mut gate = school.gate(TEN);
    gate.keys("v").keys("刘建国").tab(4).keys(TYPO_ID);
    assert!(gate.screen().contains("校验位应为 X"), "{}", gate.screen());
}

#[test]
fn a_bad_region_or_birth_date_says_so_at_the_field() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("v").keys("刘建国").tab(4);
    gate.keys("191212194912310027");
    assert!(
        gate.screen().contains("not a province code"),
        "{}",
        gate.screen()
    );
    gate.retype("110105194902300028");
    assert!(
        gate.screen().contains("not a real birth date"),
        "{}",
        gate.screen()
    );
    gate.retype("110105202712310022");
    assert!(
        gate.screen().contains("not a real birth date"),
        "born in 2027"
    );
    gate.retype("1101A5");
    assert!(gate.screen().contains("Only digits, and X as the last"));
    gate.tab(1).keys("检查").ctrl('s');
    assert_eq!(gate.on(), "visit form", "not saved with a bad number");
    assert!(gate.screen().contains("1101A5"), "what was typed is kept");
    assert!(school.log().is_empty());
}

#[test]
fn passport_numbers_are_free_text_and_shown_masked() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("v").keys("Mary Smith").tab(3);
    gate.press(KeyCode::Right);
    assert!(gate.screen().contains("◀ passport ▶"));
    gate.tab(1).keys("E1234567-8");
    let screen = gate.screen();
    assert!(!screen.contains("characters so far") && !screen.contains("should be"));
    gate.tab(1).keys("textbook delivery").ctrl('s');
    assert_eq!(gate.status(), "Mary Smith signed in.");
    let visit = &school.on_campus()[0];
    assert_eq!(visit.document.doc_type, Some(DocType::Passport));
    assert_eq!(
        (visit.document.last4.as_str(), visit.document.verified),
        ("67-8", false)
    );
    let screen = gate.screen();
    assert!(
        line_with(&screen, "Mary Smith").contains("****67-8"),
        "{screen}"
    );
    assert!(!screen.contains("E1234567-8"));
}

#[test]
fn the_policy_decides_whether_the_whole_number_is_kept_but_it_is_always_shown_masked() {
    for whole in [false, true] {
        let school = if whole {
            School::new(Lang::En).keeping_whole_numbers()
        } else {
            School::new(Lang::En)
        };
        let mut gate = school.gate(TEN);
        gate.keys("v").keys("刘建国").tab(4).keys(FULL_ID).tab(1);
        gate.keys("检查食堂").ctrl('s');
        assert_eq!(gate.status(), "刘建国 signed in.");
        let kept = school.raw::<Option<String>>("SELECT doc_full FROM visit");
        assert_eq!(kept.as_deref(), whole.then_some(FULL_ID), "whole = {whole}");
        let kept = school.raw::<Option<String>>("SELECT doc_full FROM visitor");
        assert_eq!(kept.as_deref(), whole.then_some(FULL_ID), "whole = {whole}");
        assert_eq!(school.raw::<String>("SELECT doc_last4 FROM visit"), "002X");
        let screen = gate.screen();
        assert!(
            line_with(&screen, "刘建国").contains("**************002X"),
            "{screen}"
        );
        assert!(!screen.contains(FULL_ID), "whole = {whole}:\n{screen}");
    }
}

// ---------------------------------------------------------------------------------------------
// Repeat visitors
// ---------------------------------------------------------------------------------------------

#[test]
fn a_repeat_visitor_is_signed_in_in_at_most_eight_keys_with_the_last_visit_filled_in() {
    let school = School::new(Lang::En);
    school.earlier_visitor();
    let mut gate = school.gate(TEN);
    let start = gate.pressed;
    gate.keys("v").keys("欧阳明");
    let after_name = gate.pressed;
    assert_eq!(after_name - start, 4, "v and three characters");
    let offered = gate.screen();
    assert!(offered.contains("欧阳明华"), "offered:\n{offered}");
    gate.press(KeyCode::Down).press(KeyCode::Enter);
    // Filled from the last visit, to be confirmed or changed.
    let filled = gate.draw(120, 40);
    let filled = screen_text(filled.backend());
    for value in ["13800001111", "区教育局", "检查食堂", "陈静", "京A·12345"] {
        assert!(filled.contains(value), "{value} not filled in:\n{filled}");
    }
    assert!(
        filled.contains("last time **************002X; leave empty to keep it"),
        "{filled}"
    );
    assert!(!filled.contains(FULL_ID));
    gate.ctrl('s');
    let total = gate.pressed - start;
    let after_typing = gate.pressed - after_name;
    println!("repeat visitor: {total} keys in all, {after_typing} after the 3 characters");
    assert!(total <= 8, "{total} keys from the gate screen");
    assert!(after_typing <= 8);
    assert_eq!(gate.status(), "欧阳明华 signed in.");
    let visits = school.log();
    assert_eq!(visits.len(), 2);
    let (now, before) = (&visits[0], &visits[1]);
    assert_eq!(now.status, VisitStatus::In);
    assert_eq!(now.time_in, at(10, 0));
    assert_eq!(
        now.visitor, before.visitor,
        "the same visitor, not a new one"
    );
    assert_eq!(now.organisation, "区教育局");
    assert_eq!(now.purpose, "检查食堂");
    assert_eq!(now.host_name.as_deref(), Some("陈静"));
    assert_eq!(now.phone, "13800001111");
    assert_eq!(
        now.document, before.document,
        "the document kept from last time"
    );
    assert_eq!(school.store().visitors(10).expect("visitors").len(), 1);
}

#[test]
fn an_earlier_visitor_is_offered_by_part_of_the_phone_number() {
    let school = School::new(Lang::En);
    school.earlier_visitor();
    let mut gate = school.gate(TEN);
    gate.keys("v").keys("1111");
    assert!(gate.screen().contains("欧阳明华"), "{}", gate.screen());
    gate.press(KeyCode::Down).press(KeyCode::Enter).ctrl('s');
    assert_eq!(gate.status(), "欧阳明华 signed in.");
    assert_eq!(school.on_campus()[0].name, "欧阳明华");
}

#[test]
fn a_visitor_still_shown_inside_is_asked_about_before_a_second_sign_in() {
    let school = School::new(Lang::En);
    school.earlier_visitor();
    let mut gate = school.gate(TEN);
    gate.keys("v")
        .keys("欧阳明")
        .press(KeyCode::Down)
        .press(KeyCode::Enter);
    gate.ctrl('s');
    let mut gate = school.gate(TEN);
    gate.keys("v")
        .keys("欧阳明")
        .press(KeyCode::Down)
        .press(KeyCode::Enter);
    gate.ctrl('s');
    assert!(
        gate.screen().contains("already shown as on campus"),
        "{}",
        gate.screen()
    );
    gate.keys("n");
    assert_eq!(school.on_campus().len(), 1, "no double entry");
    assert_eq!(gate.on(), "visit form", "the form is kept");
    gate.ctrl('s').keys("y");
    assert_eq!(gate.status(), "欧阳明华 signed in.");
    assert_eq!(school.on_campus().len(), 2);
}

#[test]
fn a_name_changed_by_pasting_does_not_take_the_earlier_visitors_document() {
    let school = School::new(Lang::En);
    school.earlier_visitor();
    let mut gate = school.gate(TEN);
    gate.keys("v")
        .keys("欧阳明")
        .press(KeyCode::Down)
        .press(KeyCode::Enter);
    gate.press(KeyCode::BackTab);
    gate.app.handle_paste("李四");
    gate.press(KeyCode::Home).ctrl('k').keys("李四").ctrl('s');
    assert_eq!(gate.status(), "李四 signed in.");
    let li = school
        .on_campus()
        .into_iter()
        .find(|v| v.name == "李四")
        .expect("李四");
    assert_eq!(li.document, Document::default(), "李四 showed no document");
}

#[test]
fn a_repeat_visitor_whose_kept_number_is_on_the_watchlist_is_warned_about() {
    let school = School::new(Lang::En).keeping_whole_numbers();
    school.earlier_visitor();
    let mut desk = school.desk(EIGHT);
    desk.keys("gma")
        .tab(1)
        .keys(FULL_ID)
        .tab(2)
        .keys("冒用他人证件");
    desk.ctrl('s');
    assert_eq!(desk.status(), "Added to the watchlist.");
    let mut gate = school.gate(TEN);
    gate.keys("v")
        .keys("欧阳明")
        .press(KeyCode::Down)
        .press(KeyCode::Enter);
    gate.ctrl('s');
    assert!(gate.screen().contains("冒用他人证件"), "{}", gate.screen());
}

// ---------------------------------------------------------------------------------------------
// The watchlist
// ---------------------------------------------------------------------------------------------

/// On the desk: `g`, `m`, `a`, the name, three Tabs to the reason, the reason, Ctrl+S.
fn watch_from_the_desk(school: &School, name: &str, reason: &str) {
    let mut desk = school.desk(EIGHT);
    desk.keys("g");
    assert!(key_bar(&desk.screen()).contains("m watchlist"));
    desk.keys("m");
    assert_eq!(desk.on(), "watchlist");
    desk.keys("a").keys(name).tab(3).keys(reason).ctrl('s');
    assert_eq!(desk.status(), "Added to the watchlist.");
    let screen = desk.screen();
    assert!(line_with(&screen, name).contains(reason), "{screen}");
}

#[test]
fn the_watchlist_shows_in_force_apart_from_the_name() {
    let school = School::new(Lang::En);
    watch_from_the_desk(&school, "赵四", "法院禁止令");
    let mut desk = school.desk(EIGHT);
    desk.keys("gm");
    let screen = desk.screen();
    assert!(
        line_with(&screen, "赵四").contains("in force 赵四"),
        "{screen}"
    );
}

#[test]
fn at_80_columns_the_gate_key_bar_shows_every_key_of_the_list() {
    let school = School::new(Lang::En);
    school.visit(&walk_in("刘建国", "送货"), at(9, 0), None);
    let screen = school.gate(TEN).screen();
    let keys = key_bar(&screen);
    for key in [
        "v visitor in",
        "x sign out",
        "e early leave",
        "Tab next list",
    ] {
        assert!(keys.contains(key), "{key:?} missing:\n{screen}");
    }
}

#[test]
fn a_watchlist_match_warns_the_guard_who_can_refuse_entry() {
    let school = School::new(Lang::En);
    watch_from_the_desk(&school, "赵四", "法院禁止令");
    let mut gate = school.gate(TEN);
    gate.fill_new_visitor("赵四", "", "找人").ctrl('s');
    let screen = gate.screen();
    assert!(screen.contains("Watchlist match"), "{screen}");
    assert!(
        screen.contains("赵四 matches the watchlist: 法院禁止令."),
        "{screen}"
    );
    let keys = key_bar(&screen);
    assert!(keys.contains("r refuse entry") && keys.contains("a let in (reason)"));
    // Another key does not dismiss the warning.
    gate.keys("x");
    assert!(gate.screen().contains("Watchlist match"));
    gate.keys("r");
    assert_eq!(gate.status(), "赵四: entry refused, recorded.");
    assert_eq!(gate.on(), "gate");
    assert!(school.on_campus().is_empty());
    let log = school.log();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].status, VisitStatus::Refused);
    assert_eq!(log[0].watch_reason.as_deref(), Some("法院禁止令"));
    let watch_id: i64 = school.raw("SELECT id FROM watch");
    assert_eq!(school.raw::<i64>("SELECT watch_id FROM visit"), watch_id);
    gate.press(KeyCode::Tab);
    assert!(line_with(&gate.screen(), "赵四").contains("REFUSED"));
}

#[test]
fn a_guard_who_lets_a_watched_visitor_in_must_write_why() {
    let school = School::new(Lang::En);
    watch_from_the_desk(&school, "赵四", "法院禁止令");
    let mut gate = school.gate(TEN);
    gate.fill_new_visitor("赵四", FULL_ID, "接孩子").ctrl('s');
    gate.keys("a");
    let screen = gate.screen();
    assert!(screen.contains("Why let this person in?"), "{screen}");
    gate.press(KeyCode::Enter);
    assert!(
        gate.screen().contains("Required."),
        "an empty reason is refused"
    );
    assert!(school.log().is_empty());
    gate.keys("校长当面批准").press(KeyCode::Enter);
    assert_eq!(gate.status(), "赵四 signed in.");
    let visit = &school.on_campus()[0];
    assert_eq!(visit.admit_reason, "校长当面批准");
    assert_eq!(visit.watch_reason.as_deref(), Some("法院禁止令"));
}

#[test]
fn a_watched_number_or_plate_warns_too_and_an_ended_entry_does_not() {
    let school = School::new(Lang::En);
    let mut desk = school.desk(EIGHT);
    desk.keys("gma").tab(1).keys(&FULL_ID.to_lowercase()).tab(2);
    desk.keys("冒用证件").ctrl('s');
    desk.keys("a")
        .tab(2)
        .keys("京B 99999")
        .tab(1)
        .keys("强行闯入")
        .ctrl('s');
    assert!(
        !desk.screen().contains(FULL_ID),
        "the watchlist shows numbers masked"
    );
    let mut gate = school.gate(TEN);
    gate.fill_new_visitor("钱七", FULL_ID, "送货").ctrl('s');
    assert!(gate.screen().contains("冒用证件"), "{}", gate.screen());
    gate.press(KeyCode::Esc);
    assert_eq!(
        gate.on(),
        "visit form",
        "Esc goes back to the form, nothing lost"
    );
    assert!(gate.screen().contains("钱七"));
    gate.press(KeyCode::Esc).keys("y");
    gate.keys("v")
        .keys("孙八")
        .tab(5)
        .keys("送货")
        .tab(3)
        .keys("京b·99999");
    gate.ctrl('s');
    assert!(gate.screen().contains("强行闯入"), "{}", gate.screen());
    gate.press(KeyCode::Esc).press(KeyCode::Esc).keys("y");
    // Taken off the list on the desk (the cursor is on the newest entry, the plate).
    desk.keys("d").keys("y");
    assert_eq!(
        desk.status(),
        "Taken off the watchlist (kept in the record)."
    );
    assert!(line_with(&desk.screen(), "京B 99999").contains("ended"));
    let mut gate = school.gate(TEN);
    gate.keys("v")
        .keys("孙八")
        .tab(5)
        .keys("送货")
        .tab(3)
        .keys("京B99999");
    gate.ctrl('s');
    assert_eq!(gate.status(), "孙八 signed in.");
}

// ---------------------------------------------------------------------------------------------
// Signing out
// ---------------------------------------------------------------------------------------------

#[test]
fn the_longest_inside_is_first_and_is_signed_out_in_one_key() {
    let school = School::new(Lang::En);
    school.visit(&walk_in("乙", "送货"), at(9, 30), None);
    school.visit(&walk_in("甲", "维修"), at(8, 15), None);
    let mut gate = school.gate(TEN);
    let screen = gate.screen();
    let first = screen.find("甲").expect("甲 listed");
    assert!(first < screen.find("乙").expect("乙 listed"), "{screen}");
    assert!(
        line_with(&screen, "甲").contains("inside 1 h 45 min"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "乙").contains("inside 30 min"),
        "{screen}"
    );
    let start = gate.pressed;
    gate.keys("xy");
    let keys = gate.pressed - start;
    println!("sign-out of the first in the list: {keys} key(s)");
    assert!(keys <= 3);
    assert_eq!(gate.status(), "甲 signed out.");
    let out = school
        .log()
        .into_iter()
        .find(|v| v.name == "甲")
        .expect("甲");
    assert_eq!(
        (out.status, out.time_out, out.out_kind),
        (VisitStatus::Out, Some(at(10, 0)), Some(OutKind::SignedOut))
    );
    assert_eq!(school.on_campus().len(), 1);
}

#[test]
fn a_visitor_further_down_the_list_is_signed_out_within_four_keys() {
    let school = School::new(Lang::En);
    for (name, h) in [("甲", 8), ("乙", 9), ("丙", 9)] {
        school.visit(
            &walk_in(name, "送货"),
            at(h, if name == "丙" { 30 } else { 0 }),
            None,
        );
    }
    let mut gate = school.gate(TEN);
    let start = gate.pressed;
    gate.press(KeyCode::Down).press(KeyCode::Down).keys("x");
    // The question names the visitor and the times, so the guard sees whom x is for.
    assert!(
        gate.screen()
            .contains("Sign out 丙 (in since 09:30) at 10:00?"),
        "{}",
        gate.screen()
    );
    gate.keys("y");
    let keys = gate.pressed - start;
    println!("sign-out of the third in the list: {keys} key(s)");
    // Two moves, x, and y to the question.
    assert!(keys <= 4);
    assert_eq!(gate.status(), "丙 signed out.");
    let names: Vec<String> = school.on_campus().into_iter().map(|v| v.name).collect();
    assert_eq!(names, ["甲", "乙"]);
}

#[test]
fn after_signing_out_the_last_in_the_list_the_next_one_is_selected() {
    let school = School::new(Lang::En);
    school.visit(&walk_in("甲", "送货"), at(8, 0), None);
    school.visit(&walk_in("乙", "送货"), at(9, 0), None);
    let mut gate = school.gate(TEN);
    gate.press(KeyCode::Down).keys("xy");
    assert_eq!(gate.status(), "乙 signed out.");
    assert!(
        line_with(&gate.screen(), "甲").contains('▶'),
        "{}",
        gate.screen()
    );
    gate.keys("xy");
    assert_eq!(gate.status(), "甲 signed out.");
}

#[test]
fn out_at_a_given_time_refuses_a_time_before_time_in_or_in_the_future() {
    let school = School::new(Lang::En);
    school.visit(&walk_in("甲", "送货"), at(10, 0), None);
    let mut gate = school.gate(LATE);
    gate.keys("t");
    let screen = gate.screen();
    assert!(screen.contains("Signed out at what time?"), "{screen}");
    assert!(screen.contains("2026-11-30 23:00"), "now offered: {screen}");
    gate.retype("09:00").press(KeyCode::Enter);
    assert_eq!(school.on_campus().len(), 1, "not before time in");
    assert!(
        gate.screen().contains("Signed out at what time?"),
        "the popup stays"
    );
    assert!(gate.screen().contains("09:00"), "with what was typed");
    gate.retype("23:30").press(KeyCode::Enter);
    assert!(gate.screen().contains("That time has not come yet."));
    gate.retype("soon").press(KeyCode::Enter);
    assert!(gate.screen().contains("Write a time like"));
    assert_eq!(school.on_campus().len(), 1);
    gate.retype("17:30").press(KeyCode::Enter);
    assert!(!gate.screen().contains("Signed out at what time?"));
    let out = &school.log()[0];
    assert_eq!(
        (out.status, out.time_out, out.out_kind),
        (VisitStatus::Out, Some(at(17, 30)), Some(OutKind::SignedOut))
    );
}

#[test]
fn a_time_before_time_in_is_refused_with_a_message_saying_so() {
    let school = School::new(Lang::En);
    school.visit(&walk_in("甲", "送货"), at(10, 0), None);
    let mut gate = school.gate(LATE);
    gate.keys("t").retype("09:00").press(KeyCode::Enter);
    let screen = gate.screen();
    assert!(!screen.contains("another terminal"), "{screen}");
    assert!(
        screen.contains("10:00"),
        "the message names the time in:\n{screen}"
    );
}

#[test]
fn left_without_signing_out_is_recorded_with_a_note() {
    let school = School::new(Lang::En);
    school.visit(&walk_in("甲", "送货"), at(10, 0), None);
    let mut gate = school.gate(LATE);
    gate.keys("u");
    assert!(
        gate.screen()
            .contains("Left without signing out: what do you know?")
    );
    gate.press(KeyCode::Enter);
    assert!(gate.screen().contains("Required."), "a note is needed");
    assert_eq!(school.on_campus().len(), 1);
    gate.keys("换班时车已不在，电话确认已离校")
        .press(KeyCode::Enter);
    assert!(school.on_campus().is_empty());
    let out = &school.log()[0];
    assert_eq!(out.out_kind, Some(OutKind::LeftUnsigned));
    assert_eq!(out.out_note, "换班时车已不在，电话确认已离校");
    assert_eq!(out.time_out, Some(at(23, 0)));
}

#[test]
fn the_log_says_left_without_signing_out_in_full() {
    let school = School::new(Lang::En);
    school.visit(&walk_in("甲", "送货"), at(10, 0), None);
    let mut gate = school.gate(LATE);
    gate.keys("u").keys("电话确认已离校").press(KeyCode::Enter);
    gate.press(KeyCode::Tab);
    let screen = gate.screen();
    assert!(
        line_with(&screen, "甲").contains("left without signing out"),
        "{screen}"
    );
}

// ---------------------------------------------------------------------------------------------
// The end of the day
// ---------------------------------------------------------------------------------------------

#[test]
fn visitors_still_in_after_the_day_ends_are_flagged_on_the_gate_and_now_screens() {
    let school = School::new(Lang::En);
    assert_eq!(
        school.cfg.gate.day_ends,
        NaiveTime::from_hms_opt(22, 30, 0).expect("time"),
        "the end of the last same-day slot"
    );
    let mut gate = school.gate(TEN);
    gate.fill_new_visitor("刘建国", "", "开会").ctrl('s');
    gate.keys("v").keys("孙丽").tab(5).keys("送货").ctrl('s');
    gate.keys("xy");
    assert_eq!(gate.status(), "刘建国 signed out.");
    for (now, flagged) in [
        ("2026-11-30T22:29:00+08:00", false),
        ("2026-11-30T22:30:00+08:00", true),
        (LATE, true),
        ("2026-12-01T07:30:00+08:00", true),
    ] {
        let gate = school.gate(now);
        let screen = gate.screen();
        let row = line_with(&screen, "孙丽");
        assert_eq!(
            row.contains("!! not signed out"),
            flagged,
            "at {now}:\n{screen}"
        );
        assert!(!screen.contains("刘建国"), "signed out, not on the list");
        let desk = school.desk(now);
        let screen = desk.screen();
        let gate_row = line_with(&screen, "1 on campus");
        assert_eq!(
            gate_row.contains("!! 1 not signed out"),
            flagged,
            "{screen}"
        );
    }
    // Never closed silently: still signed in until someone resolves it.
    let still = school.on_campus();
    assert_eq!(still.len(), 1);
    assert_eq!(
        (still[0].status, still[0].time_out),
        (VisitStatus::In, None)
    );
}

#[test]
fn the_flag_is_in_chinese_on_a_chinese_gate() {
    let school = School::new(Lang::Zh);
    school.visit(&walk_in("孙丽", "送货"), at(10, 0), None);
    let screen = school.gate(LATE).screen();
    assert!(line_with(&screen, "孙丽").contains("!! 未签离"), "{screen}");
    let screen = school.desk(LATE).screen();
    assert!(screen.contains("!! 1 人未签离"), "{screen}");
}

// ---------------------------------------------------------------------------------------------
// Students leaving early
// ---------------------------------------------------------------------------------------------

#[test]
fn an_early_leave_is_saved_with_its_fields_and_the_return_is_marked() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("e");
    assert_eq!(gate.on(), "early leave form");
    gate.keys("小明").press(KeyCode::Down).press(KeyCode::Enter);
    gate.keys("陈").press(KeyCode::Down).press(KeyCode::Enter);
    gate.press(KeyCode::Right)
        .tab(1)
        .press(KeyCode::Right)
        .tab(1);
    gate.keys("王建军")
        .tab(1)
        .keys("父亲")
        .tab(1)
        .keys("13900001111")
        .tab(1);
    gate.retype("10:30");
    gate.ctrl('s');
    assert!(gate.screen().contains("That time has not come yet."));
    gate.retype("09:40").tab(1).keys("发烧就医").ctrl('s');
    assert_eq!(gate.status(), "王小明: early leave recorded.");
    assert_eq!(gate.on(), "gate");
    let leaves = school
        .store()
        .early_leaves_between(at(0, 0), at(23, 59))
        .expect("leaves");
    let l = &leaves[0];
    assert_eq!(
        (l.student_name.as_str(), l.approved_by.as_str()),
        ("王小明", "陈静")
    );
    assert!(l.slip_seen && l.teacher_confirmed);
    assert_eq!(
        (
            l.collected_by.as_str(),
            l.relation.as_str(),
            l.phone.as_str()
        ),
        ("王建军", "父亲", "13900001111")
    );
    assert_eq!((l.time_out, l.time_back), (at(9, 40), None));
    assert_eq!(l.note, "发烧就医");
    gate.tab(2);
    let screen = gate.screen();
    assert!(line_with(&screen, "王小明").contains("09:40"), "{screen}");
    assert!(key_bar(&screen).contains("b came back"));
    gate.keys("b");
    assert_eq!(gate.status(), "Recorded as back.");
    let back = school
        .store()
        .early_leaves_between(at(0, 0), at(23, 59))
        .expect("leaves")[0]
        .time_back;
    assert_eq!(back, Some(at(10, 0)));
    assert!(line_with(&gate.screen(), "王小明").contains("09:40 ← 10:00"));
}

#[test]
fn an_early_leave_needs_the_student_and_the_approving_teacher() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("e").ctrl('s');
    assert_eq!(gate.on(), "early leave form");
    assert!(gate.screen().contains("Required."));
    gate.keys("小明")
        .press(KeyCode::Down)
        .press(KeyCode::Enter)
        .ctrl('s');
    assert_eq!(gate.on(), "early leave form", "no approving teacher");
    gate.keys("nobody").ctrl('s');
    assert_eq!(gate.on(), "early leave form");
    assert!(gate.screen().contains("小明") || gate.screen().contains("王小明"));
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

#[test]
fn pasted_escape_sequences_and_bidi_characters_leave_clean_text() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("v");
    gate.app
        .handle_paste("\u{1b}[31m刘\u{202E}建\u{200B}国\u{1b}]0;owned\u{7}\u{1b}[0m\u{2066}");
    let screen = gate.screen();
    assert!(line_with(&screen, "Name").contains("刘建国"), "{screen}");
    gate.tab(5).keys("检查").ctrl('s');
    assert_eq!(gate.status(), "刘建国 signed in.");
    assert_eq!(school.on_campus()[0].name, "刘建国");
    assert_eq!(school.raw::<String>("SELECT name FROM visitor"), "刘建国");
}

#[test]
fn typed_control_and_invisible_characters_are_refused_with_the_text_kept() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("v").keys("刘建");
    for bad in ['\u{202E}', '\u{200B}', '\u{1b}', '\u{7}', '\u{FEFF}'] {
        gate.press(KeyCode::Char(bad));
        let screen = gate.screen();
        assert!(
            screen.contains("That character cannot be used here."),
            "{bad:?}:\n{screen}"
        );
        assert!(line_with(&screen, "Name").contains("刘建"), "{screen}");
    }
    gate.tab(4).keys("1101\u{202E}");
    assert!(
        gate.screen()
            .contains("That character cannot be used here.")
    );
}

#[test]
fn a_pasted_id_number_is_checked_at_once() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("v").keys("刘建国").tab(4);
    gate.app.handle_paste(TYPO_ID);
    assert!(gate.screen().contains("should be X"), "{}", gate.screen());
}

#[test]
fn an_over_long_name_is_refused_at_the_field_with_the_text_kept() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    let forty = "欧".repeat(40);
    gate.keys("v").keys(&forty).keys("阳");
    let screen = gate.draw(120, 40);
    let screen = screen_text(screen.backend());
    assert!(
        screen.contains("Too long: at most 40 characters."),
        "{screen}"
    );
    let Screen::VisitForm(_) = gate.app.screen() else {
        panic!("left the form");
    };
    // The forty characters are all there (the field scrolls; the caret is at the end).
    gate.press(KeyCode::Home);
    gate.app.handle_paste("more");
    let screen = gate.draw(120, 40);
    let screen = screen_text(screen.backend());
    assert!(screen.contains("Too long: at most 40 characters."));
    gate.tab(5).keys("检查").ctrl('s');
    assert_eq!(school.on_campus()[0].name, forty, "the name typed, whole");
    // A phone number longer than a phone number is refused at its field, kept as typed.
    gate.keys("v")
        .keys("孙丽")
        .tab(1)
        .keys("1380013800013800138000")
        .ctrl('s');
    assert!(
        gate.screen().contains("A phone number: digits"),
        "{}",
        gate.screen()
    );
    assert!(gate.screen().contains("1380013800013800138000"));
}

#[test]
fn esc_on_a_changed_sign_in_form_asks_first() {
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("v").press(KeyCode::Esc);
    assert_eq!(gate.on(), "gate", "an untouched form closes at once");
    gate.keys("v").keys("刘建国").press(KeyCode::Esc);
    assert!(
        gate.screen()
            .contains("Leave this form and lose what you typed?")
    );
    gate.keys("n");
    assert_eq!(gate.on(), "visit form");
    assert!(line_with(&gate.screen(), "Name").contains("刘建国"));
    gate.press(KeyCode::Esc).keys("y");
    assert_eq!(gate.on(), "gate");
    assert!(school.log().is_empty());
}

#[test]
fn without_an_open_shift_the_gate_says_how_to_open_one() {
    let school = School::new(Lang::En);
    let mut store = school.store();
    let shift = store.open_shift().expect("read").expect("open");
    store
        .close_shift(shift.id, shift.version, at(9, 0))
        .expect("closed");
    let mut gate = school.gate(TEN);
    gate.keys("v");
    assert_eq!(gate.on(), "gate");
    assert!(
        gate.status().contains("No shift is open"),
        "{}",
        gate.status()
    );
}

#[test]
fn a_hundred_kilobytes_typed_at_once_into_a_field_is_one_paste_refused_whole() {
    use ratatui::crossterm::event::Event;
    let school = School::new(Lang::En);
    let mut gate = school.gate(TEN);
    gate.keys("v").keys("刘建国");
    // An SSH client that does not bracket a paste sends its characters as keys, all at once:
    // 100 KB of them, with line breaks and the ESC of a colour sequence among them.
    let mut events = Vec::new();
    for i in 0..10_000 {
        for c in "张三李四来访".chars() {
            events.push(Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
        let between = if i % 100 == 0 {
            KeyCode::Esc
        } else {
            KeyCode::Enter
        };
        events.push(Event::Key(KeyEvent::new(between, KeyModifiers::NONE)));
    }
    assert!(events.len() > 60_000);
    gate.app.handle_events(events);
    // Still the visit form (no Esc left it, no Enter saved it), what was typed before kept,
    // and the field says the text was too long.
    let text = gate.screen();
    assert!(matches!(gate.app.screen(), Screen::VisitForm(_)), "{text}");
    assert!(text.contains("刘建国"), "{text}");
    assert!(text.contains("Too long"), "{text}");
    assert!(school.on_campus().is_empty(), "nothing was signed in");
}

#[test]
fn enter_on_the_on_campus_list_signs_nobody_out() {
    let school = School::new(Lang::En);
    school.visit(&walk_in("甲", "送货"), at(8, 0), None);
    let mut gate = school.gate(TEN);
    gate.press(KeyCode::Enter).press(KeyCode::Enter);
    assert_eq!(school.on_campus().len(), 1, "Enter signed a visitor out");
    // Nor does Enter answer the sign-out question: only y does.
    gate.keys("x").press(KeyCode::Enter);
    assert_eq!(school.on_campus().len(), 1, "Enter answered the question");
    gate.keys("x").keys("y");
    assert!(school.on_campus().is_empty());
}
