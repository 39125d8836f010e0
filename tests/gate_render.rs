#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]
//! Render tests of the gate station through the whole app: a real database in a temp dir with a
//! morning at the gate built through the store (a visitor who came and left, two still inside,
//! one refused on the watchlist, two students who left early, one back), the gate station
//! started at 10:30 on Monday 2026-11-30 (UTC+8), keys pressed as a guard would, and every
//! screen drawn on a `TestBackend` in both languages at 80×24 and 120×40 and compared with its
//! reviewed snapshot. A few cells check that visitors still in after the day ends are red and
//! keep their `!!` without colour, and every screen is searched for a whole ID number.

#[path = "common/screen.rs"]
mod screen;

use screen::{assert_caret_after, buffer_text, find_on, screen_text};
use std::path::PathBuf;

use chrono::{DateTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

use dutydesk::app::{App, Station};
use dutydesk::config::Config;
use dutydesk::domain::access::Role;
use dutydesk::domain::clock::Clock;
use dutydesk::domain::gate::{Document, EarlyLeaveDraft, OutKind, VisitDraft, WatchDraft};
use dutydesk::domain::idcard::DocType;
use dutydesk::domain::people::StudentDraft;
use dutydesk::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use dutydesk::domain::staff::{StaffDraft, StaffId, StaffRole};
use dutydesk::i18n::Lang;
use dutydesk::store::{Actor, GateEntry, Store};
use dutydesk::theme::{COLOR, MONO, Theme};

/// Mid-morning at the gate.
const MORNING: &str = "2026-11-30T10:30:00+08:00";
/// After the day has ended (22:30): visitors still in are flagged.
const LATE: &str = "2026-11-30T23:00:00+08:00";

const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The whole numbers of the morning's documents: none may ever be on screen.
const LIU_ID: &str = "11010519491231002X";
const OUYANG_ID: &str = "440106198202150034";
const PASSPORT: &str = "E12345678";
const WHOLE_NUMBERS: [&str; 3] = [LIU_ID, OUYANG_ID, PASSPORT];
/// 刘建国's number with the last character mistyped (it should be X).
const TYPO_ID: &str = "110105194912310021";

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

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

// ---------------------------------------------------------------------------------------------
// The morning at the gate, built through the store
// ---------------------------------------------------------------------------------------------

/// A document as the sign-in form keeps it under the school's policy.
fn document(kind: DocType, number: &str, whole: bool) -> Document {
    Document {
        doc_type: Some(kind),
        last4: number[number.len() - 4..].to_owned(),
        full: whole.then(|| number.to_owned()),
        verified: kind == DocType::ResidentId,
    }
}

struct Morning {
    store: Store,
    guard: Actor,
    host: StaffId,
    whole: bool,
}

impl Morning {
    fn sign_in(&mut self, d: &VisitDraft, entry: &GateEntry, when: DateTime<Utc>) -> i64 {
        self.store
            .sign_in(d, entry, self.guard, when)
            .expect("signed in")
            .0
    }

    /// 刘建国 came at 07:30 to inspect the canteen and left at 08:00.
    fn liu(&mut self) {
        let d = VisitDraft {
            name: "刘建国".into(),
            phone: "13900002222".into(),
            organisation: "市卫健委".into(),
            document: document(DocType::ResidentId, LIU_ID, self.whole),
            typed_number: LIU_ID.into(),
            purpose: "食堂卫生检查".into(),
            host: Some(self.host),
            host_confirmed: true,
            plate: "京A·12345".into(),
            pass_no: "A-017".into(),
            ..VisitDraft::default()
        };
        let id = self.sign_in(&d, &GateEntry::Admitted, at(7, 30));
        self.store
            .sign_out(
                dutydesk::domain::gate::VisitId(id),
                1,
                at(8, 0),
                OutKind::SignedOut,
                "",
                self.guard,
            )
            .expect("out");
    }

    /// 欧阳明华 (08:15) and Mary Smith (09:20) are still inside.
    fn inside(&mut self) {
        let ouyang = VisitDraft {
            name: "欧阳明华".into(),
            phone: "13800001111".into(),
            organisation: "区教育局".into(),
            document: document(DocType::ResidentId, OUYANG_ID, self.whole),
            typed_number: OUYANG_ID.into(),
            purpose: "校园安全检查".into(),
            host: Some(self.host),
            host_confirmed: true,
            plate: "粤A·D7788".into(),
            ..VisitDraft::default()
        };
        self.sign_in(&ouyang, &GateEntry::Admitted, at(8, 15));
        let mary = VisitDraft {
            name: "Mary Smith".into(),
            phone: "+44 20 7946 0000".into(),
            organisation: "Oxford University Press".into(),
            document: document(DocType::Passport, PASSPORT, self.whole),
            typed_number: PASSPORT.into(),
            purpose: "textbook delivery".into(),
            pass_no: "A-021".into(),
            ..VisitDraft::default()
        };
        self.sign_in(&mary, &GateEntry::Admitted, at(9, 20));
    }

    /// 赵四 is on the watchlist and was turned away at 09:40.
    fn refused(&mut self) {
        let watch = self
            .store
            .add_watch(
                &WatchDraft {
                    name: "赵四".into(),
                    reason: "法院禁止令：不得接近学生".into(),
                    ..WatchDraft::default()
                },
                self.guard,
                at(7, 10),
            )
            .expect("watch");
        let d = VisitDraft {
            name: "赵四".into(),
            purpose: "找人".into(),
            ..VisitDraft::default()
        };
        self.sign_in(&d, &GateEntry::Refused { watch }, at(9, 40));
    }

    /// 王小明 left at 09:45 with his father and is back at 10:20; 李小红 left at 10:05.
    fn early_leaves(&mut self) {
        let students = self.store.students().expect("students");
        let id_of = |name: &str| {
            students
                .iter()
                .find(|s| s.name == name)
                .expect("a student")
                .id
        };
        let leave = |name: &str, by: &str, relation: &str, phoned: bool, out| EarlyLeaveDraft {
            student: id_of(name),
            approved_by: self.host,
            slip_seen: true,
            teacher_confirmed: phoned,
            collected_by: by.into(),
            relation: relation.into(),
            phone: "13900001111".into(),
            time_out: out,
            note: String::new(),
        };
        let first = leave("王小明", "王建军", "父亲", true, at(9, 45));
        let second = leave("李小红", "李娜", "母亲", false, at(10, 5));
        let id = self
            .store
            .add_early_leave(&first, self.guard)
            .expect("leave");
        self.store
            .add_early_leave(&second, self.guard)
            .expect("leave");
        self.store
            .early_leave_back(id, 1, at(10, 20))
            .expect("back");
    }
}

/// A school's database with the morning in it; `whole`: the school keeps whole ID numbers.
fn morning_at_the_gate(whole: bool) -> (TempDir, Config) {
    let dir = TempDir::new().expect("temp dir");
    let mut cfg = dutydesk::config::load(None).expect("defaults");
    cfg.gate.store_full_id = whole;
    let mut store = Store::open(&dir.path().join("duty.db"), clock(MORNING).today()).expect("db");
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
                day: clock(MORNING).today(),
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
    let mut m = Morning {
        store,
        guard,
        host,
        whole,
    };
    m.liu();
    m.inside();
    m.refused();
    m.early_leaves();
    (dir, cfg)
}

/// The gate station on that database.
struct Gate {
    _dir: TempDir,
    app: App,
    lang: Lang,
}

impl Gate {
    fn open(lang: Lang, theme: &'static Theme, now: &str, whole: bool) -> Gate {
        let (dir, cfg) = morning_at_the_gate(whole);
        let path: PathBuf = dir.path().join("duty.db");
        let store = Store::open_existing(&path).expect("reopen");
        let app = App::new(store, cfg, lang, theme, clock(now))
            .unlocked(Role::Admin)
            .with_station(Station::Gate);
        Gate {
            _dir: dir,
            app,
            lang,
        }
    }

    fn press(&mut self, code: KeyCode) -> &mut Gate {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        self
    }

    fn keys(&mut self, keys: &str) -> &mut Gate {
        for c in keys.chars() {
            self.press(KeyCode::Char(c));
        }
        self
    }

    fn tab(&mut self, n: usize) -> &mut Gate {
        for _ in 0..n {
            self.press(KeyCode::Tab);
        }
        self
    }

    fn ctrl(&mut self, c: char) -> &mut Gate {
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        self
    }

    fn draw(&self, w: u16, h: u16) -> Terminal<TestBackend> {
        screen::draw(&self.app, w, h)
    }
}

// ---------------------------------------------------------------------------------------------
// The screens
// ---------------------------------------------------------------------------------------------

type Scene = fn(Lang, &'static Theme, bool) -> Gate;

/// The station as it starts: who is on campus, longest inside first.
fn on_campus(lang: Lang, theme: &'static Theme, whole: bool) -> Gate {
    Gate::open(lang, theme, MORNING, whole)
}

/// Today's log, with the refusal.
fn log(lang: Lang, theme: &'static Theme, whole: bool) -> Gate {
    let mut g = Gate::open(lang, theme, MORNING, whole);
    g.tab(1);
    g
}

fn early_leaves(lang: Lang, theme: &'static Theme, whole: bool) -> Gate {
    let mut g = Gate::open(lang, theme, MORNING, whole);
    g.tab(2);
    g
}

/// 刘建国 again: `v`, three characters, ↓, Enter; the form filled from his last visit.
fn repeat_visitor(lang: Lang, theme: &'static Theme, whole: bool) -> Gate {
    let mut g = Gate::open(lang, theme, MORNING, whole);
    g.keys("v")
        .keys("刘建国")
        .press(KeyCode::Down)
        .press(KeyCode::Enter);
    g
}

/// `v` and two characters of a name: the earlier visitors offered.
fn visitors_offered(lang: Lang, theme: &'static Theme, whole: bool) -> Gate {
    let mut g = Gate::open(lang, theme, MORNING, whole);
    g.keys("v").keys("刘建");
    g
}

/// A new visitor whose ID number has the wrong last character.
fn id_error(lang: Lang, theme: &'static Theme, whole: bool) -> Gate {
    let mut g = Gate::open(lang, theme, MORNING, whole);
    g.keys("v").keys("王芳").tab(4).keys(TYPO_ID);
    g
}

/// 赵四 at the gate again: the watchlist's warning.
fn watch_alert(lang: Lang, theme: &'static Theme, whole: bool) -> Gate {
    let mut g = Gate::open(lang, theme, MORNING, whole);
    g.keys("v").keys("赵四").tab(5).keys("找人").ctrl('s');
    g
}

/// 23:00: the two visitors still in are flagged.
fn end_of_day(lang: Lang, theme: &'static Theme, whole: bool) -> Gate {
    Gate::open(lang, theme, LATE, whole)
}

const SCENES: [(&str, Scene); 8] = [
    ("gate_on_campus", on_campus),
    ("gate_log", log),
    ("gate_early_leaves", early_leaves),
    ("gate_visitors_offered", visitors_offered),
    ("gate_repeat_visitor_form", repeat_visitor),
    ("gate_id_check_error", id_error),
    ("gate_watch_alert", watch_alert),
    ("gate_end_of_day", end_of_day),
];

/// Draws every scene in both languages at both sizes and compares each frame with its snapshot
/// `gate_render__{name}_{lang}_{w}x{h}.snap`.
#[test]
fn every_gate_screen_in_both_languages_at_both_sizes() {
    for (name, scene) in SCENES {
        for lang in LANGS {
            let g = scene(lang, &COLOR, false);
            for (w, h) in SIZES {
                let terminal = g.draw(w, h);
                let snapshot = format!("{name}_{}_{w}x{h}", lang_code(g.lang));
                insta::assert_snapshot!(snapshot, screen_text(terminal.backend()));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cells and numbers
// ---------------------------------------------------------------------------------------------

#[test]
fn visitors_still_in_after_the_day_ends_are_red_and_marked_without_colour_too() {
    for lang in LANGS {
        for (theme, colour) in [(&COLOR, Color::Red), (&MONO, Color::Reset)] {
            let g = end_of_day(lang, theme, false);
            for (w, h) in SIZES {
                let t = g.draw(w, h);
                let buf = t.backend().buffer();
                for name in ["欧阳明华", "Mary Smith"] {
                    let bang = find_on(buf, "!!", name)
                        .unwrap_or_else(|| panic!("{name} not marked:\n{}", buffer_text(buf)));
                    assert_eq!(buf[bang].fg, colour, "{name} at {w}×{h}");
                    assert!(buf[bang].modifier.contains(Modifier::BOLD));
                }
                // Those still in before the day ends are not flagged.
                let g = on_campus(lang, theme, false);
                let t = g.draw(w, h);
                assert!(!screen_text(t.backend()).contains("!!"));
            }
        }
    }
}

#[test]
fn no_screen_shows_a_whole_id_number_whatever_the_policy() {
    for whole in [false, true] {
        for (name, scene) in SCENES {
            for lang in LANGS {
                let g = scene(lang, &COLOR, whole);
                for (w, h) in SIZES {
                    let text = screen_text(g.draw(w, h).backend());
                    for number in WHOLE_NUMBERS {
                        assert!(
                            !text.contains(number),
                            "{name} (whole numbers kept: {whole}) shows {number}:\n{text}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn numbers_are_shown_masked_to_the_last_four() {
    let g = on_campus(Lang::En, &COLOR, true);
    let text = screen_text(g.draw(120, 40).backend());
    let row = |name: &str| {
        text.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}:\n{text}"))
            .to_owned()
    };
    assert!(row("欧阳明华").contains("**************0034"), "{text}");
    assert!(row("Mary Smith").contains("****5678"), "{text}");
}

#[test]
fn the_caret_is_right_after_what_was_typed() {
    for lang in LANGS {
        let mut g = on_campus(lang, &COLOR, false);
        g.keys("v").keys("王芳");
        for (w, h) in SIZES {
            assert_caret_after(&mut g.draw(w, h), "王芳");
        }
        g.tab(4).keys(TYPO_ID);
        for (w, h) in SIZES {
            assert_caret_after(&mut g.draw(w, h), TYPO_ID);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Defects seen in the snapshots
// ---------------------------------------------------------------------------------------------

#[test]
fn the_time_inside_is_shown_whole_and_apart_from_the_next_column() {
    for (now, scene) in [(MORNING, on_campus as Scene), (LATE, end_of_day)] {
        let g = scene(Lang::Zh, &COLOR, false);
        let text = screen_text(g.draw(120, 40).backend());
        let row = text
            .lines()
            .find(|l| l.contains("欧阳明华"))
            .expect("a row");
        let whole = if now == MORNING {
            "已在校 2 小时 15 分钟 "
        } else {
            "已在校 14 小时 45 分钟 "
        };
        assert!(row.contains(whole), "{row}");
    }
}

#[test]
fn early_leaves_show_who_collected_the_student_at_80_columns() {
    for lang in LANGS {
        let g = early_leaves(lang, &COLOR, false);
        let text = screen_text(g.draw(80, 24).backend());
        for (student, by) in [("王小明", "王建军"), ("李小红", "李娜")] {
            let row = text.lines().find(|l| l.contains(student)).expect("a row");
            assert!(row.contains(by), "{row}");
        }
        let column = |name: &str| {
            let row = text.lines().find(|l| l.contains(name)).expect("a row");
            row[..row.find(name).expect("name")].width()
        };
        assert_eq!(
            column("王小明"),
            column("李小红"),
            "names in one column:\n{text}"
        );
    }
}

#[test]
fn the_three_list_labels_fit_at_80_columns() {
    let g = on_campus(Lang::En, &COLOR, false);
    let text = screen_text(g.draw(80, 24).backend());
    assert!(text.contains("Left early today: 2"), "{text}");
}

#[test]

fn at_the_end_of_the_day_both_ways_to_resolve_are_on_the_key_bar_at_80_columns() {
    for lang in LANGS {
        let g = end_of_day(lang, &COLOR, false);
        let text = screen_text(g.draw(80, 24).backend());
        let keys: Vec<&str> = text
            .lines()
            .last()
            .expect("keys")
            .split_whitespace()
            .collect();
        assert!(keys.contains(&"t") && keys.contains(&"u"), "{text}");
    }
}

#[test]

fn the_sign_in_hints_fit_at_80_columns() {
    let g = id_error(Lang::En, &COLOR, false);
    let text = screen_text(g.draw(80, 24).backend());
    assert!(text.contains("(↓, Enter)"), "{text}");
    assert!(text.contains("probably wrong."), "{text}");
}
