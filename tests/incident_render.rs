//! Render tests of the incident, follow-up and hazard screens through the whole app: a real
//! database in a temp dir with three students imported, a fixed clock (Monday 2026-11-30 07:30
//! in UTC+8; Wednesday 2026-12-02 12:30 for what has fallen due), keys pressed as a duty teacher
//! would, and every screen drawn on a `TestBackend` in both languages at 80×24 and 120×40 and
//! compared with its reviewed snapshot. A few cells check the overdue marker's colour (and that
//! it stays without colour), the focused field's highlight, and the caret after Chinese text.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

#[path = "common/screen.rs"]
mod screen;

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use screen::{assert_caret_after, cursor_shown, find_on, must_find, rows, screen_text};
use tempfile::TempDir;

use dutydesk::app::App;
use dutydesk::domain::access::Role;
use dutydesk::domain::clock::Clock;
use dutydesk::domain::people::StudentDraft;
use dutydesk::i18n::Lang;
use dutydesk::store::Store;
use dutydesk::theme::{COLOR, MONO, Theme};

/// The morning arrival slot (07:00–08:00) is open.
const MORNING: &str = "2026-11-30T07:30:00+08:00";
/// Wednesday's noon break: what was due on Monday and Tuesday is overdue.
const WEDNESDAY_NOON: &str = "2026-12-02T12:30:00+08:00";

const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The students of the school's list: (number, name, class).
const STUDENTS: [(&str, &str, &str); 3] = [
    ("20250101", "王小明", "七年级2班"),
    ("20250102", "李小红", "七年级2班"),
    ("20240305", "张小刚", "八年级1班"),
];

fn clock(now: &str) -> Clock {
    Clock::Fixed(DateTime::parse_from_rfc3339(now).expect("rfc 3339"))
}

/// One terminal at the duty desk: the app over its own database file.
struct Desk {
    dir: TempDir,
    app: App,
    lang: Lang,
    theme: &'static Theme,
}

impl Desk {
    /// A new database with the students imported, the app started on it at 07:30 and a shift
    /// opened (张伟 duty teacher, 李丽 leader).
    fn on_duty(lang: Lang, theme: &'static Theme) -> Desk {
        let dir = TempDir::new().expect("temp dir");
        let clock = clock(MORNING);
        let mut store = Store::open(&dir.path().join("duty.db"), clock.today()).expect("store");
        let rows: Vec<StudentDraft> = STUDENTS
            .iter()
            .map(|(number, name, class)| StudentDraft {
                number: (*number).to_owned(),
                name: (*name).to_owned(),
                class_name: (*class).to_owned(),
                gender: String::new(),
            })
            .collect();
        store
            .import_students(&rows, clock.now().with_timezone(&Utc))
            .expect("students imported");
        let cfg = dutydesk::config::load(None).expect("defaults");
        let app = App::new(store, cfg, lang, theme, clock).unlocked(Role::Admin);
        let mut d = Desk {
            dir,
            app,
            lang,
            theme,
        };
        d.keys("so").type_text("张伟").press(KeyCode::Tab);
        d.type_text("李丽").ctrl('s').keys("y");
        d
    }

    /// The app started again on the same file at another moment.
    fn reopen(&mut self, now: &str) {
        let store = Store::open_existing(&self.dir.path().join("duty.db")).expect("reopen");
        let cfg = dutydesk::config::load(None).expect("defaults");
        self.app = App::new(store, cfg, self.lang, self.theme, clock(now)).unlocked(Role::Admin);
    }

    fn en_zh<'a>(&self, en: &'a str, zh: &'a str) -> &'a str {
        match self.lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    fn press(&mut self, code: KeyCode) -> &mut Desk {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        self
    }

    fn keys(&mut self, keys: &str) -> &mut Desk {
        for c in keys.chars() {
            self.press(KeyCode::Char(c));
        }
        self
    }

    /// Types text into the focused field, a character at a time as a terminal sends it.
    fn type_text(&mut self, text: &str) -> &mut Desk {
        self.keys(text)
    }

    fn ctrl(&mut self, c: char) -> &mut Desk {
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        self
    }

    fn times(&mut self, code: KeyCode, n: usize) -> &mut Desk {
        for _ in 0..n {
            self.press(code);
        }
        self
    }

    fn tab(&mut self, n: usize) -> &mut Desk {
        self.times(KeyCode::Tab, n)
    }

    /// Empties the focused one-line field and types `text`.
    fn retype(&mut self, text: &str) -> &mut Desk {
        self.press(KeyCode::End).ctrl('u').type_text(text)
    }

    fn draw(&self, w: u16, h: u16) -> Terminal<TestBackend> {
        screen::draw(&self.app, w, h)
    }
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// Draws `desk` at both sizes and compares each frame with its snapshot
/// `incident_render__{name}_{lang}_{w}x{h}.snap`; runs `check` on each frame.
fn snap(name: &str, desk: &Desk, check: impl Fn(&mut Terminal<TestBackend>, &Desk)) {
    for (w, h) in SIZES {
        let mut terminal = desk.draw(w, h);
        let snapshot = format!("{name}_{}_{w}x{h}", lang_code(desk.lang));
        insta::assert_snapshot!(snapshot, screen_text(terminal.backend()));
        check(&mut terminal, desk);
    }
}

fn no_check(_: &mut Terminal<TestBackend>, _: &Desk) {}

// ---------------------------------------------------------------------------------------------
// Doing things as the user does them
// ---------------------------------------------------------------------------------------------

/// Tabs from the first field (When) of a fresh incident form, while "Other place" and "Decided
/// on" are hidden.
const TO_NARRATIVE: usize = 5;
const TO_STATUS: usize = 9;
const TO_STUDENTS: usize = 10;

const NARRATIVE_EN: &str =
    "Two boys pushed 王小明 against the fence by the east gate and took his meal card";
const NARRATIVE_ZH: &str = "两名男生在东门围栏边推搡王小明，并抢走其饭卡";

/// A student as typed into the student popup: part of the name, ↓, Enter; the role `steps`
/// right of "target" (-1: initiator); measures ticked by their place in the list; when the
/// parents were told and by whom (part of a staff name, ↓, Enter).
struct StudentEntry<'a> {
    typed: &'a str,
    role_steps: i32,
    measures: &'a [usize],
    told_at: &'a str,
    told_by: &'a str,
}

const TARGET: StudentEntry<'static> = StudentEntry {
    typed: "小明",
    role_steps: 0,
    measures: &[0, 1],
    told_at: "07:20",
    told_by: "李",
};

const INITIATOR: StudentEntry<'static> = StudentEntry {
    typed: "小刚",
    role_steps: -1,
    measures: &[0, 3],
    told_at: "",
    told_by: "",
};

/// In the students part of the incident form: `a`, and the popup filled in and closed.
fn add_student(d: &mut Desk, s: &StudentEntry<'_>) {
    d.keys("a").type_text(s.typed);
    d.press(KeyCode::Down).press(KeyCode::Enter);
    let step = if s.role_steps < 0 {
        KeyCode::Left
    } else {
        KeyCode::Right
    };
    d.times(
        step,
        usize::try_from(s.role_steps.unsigned_abs()).expect("few"),
    );
    d.press(KeyCode::Tab);
    let mut at = 0;
    for &m in s.measures {
        d.times(KeyCode::Down, m - at);
        at = m;
        d.keys(" ");
    }
    d.press(KeyCode::Tab)
        .type_text(s.told_at)
        .press(KeyCode::Tab);
    if s.told_by.is_empty() {
        d.ctrl('s');
    } else {
        d.type_text(s.told_by)
            .press(KeyCode::Down)
            .press(KeyCode::Enter);
    }
}

/// A new incident form with the narrative typed.
fn incident_with_narrative(d: &mut Desk) -> &mut Desk {
    let text = d.en_zh(NARRATIVE_EN, NARRATIVE_ZH);
    d.keys("ia").tab(TO_NARRATIVE).type_text(text)
}

/// Incident 2026-0001 (王小明 target, 张小刚 initiator) saved; its suggestions on screen.
fn record_incident(d: &mut Desk) -> &mut Desk {
    incident_with_narrative(d).tab(TO_STUDENTS - TO_NARRATIVE);
    add_student(d, &TARGET);
    add_student(d, &INITIATOR);
    d.ctrl('s')
}

/// Incident 2026-0002: verbal bullying in the canteen, being investigated, no students.
fn record_canteen_incident(d: &mut Desk) {
    d.keys("ia").tab(1).press(KeyCode::Right);
    d.tab(1).press(KeyCode::Right).tab(3);
    let text = d.en_zh(
        "Older students mocked a boy in the queue",
        "高年级学生在排队时起哄嘲笑一名男生",
    );
    d.type_text(text).tab(TO_STATUS - TO_NARRATIVE);
    d.press(KeyCode::Right).ctrl('s');
}

/// Incident 2026-0003: a fight at 07:05 at a place typed in, decided not bullying.
fn record_fight_outside(d: &mut Desk) {
    d.keys("ia")
        .retype("07:05")
        .tab(1)
        .press(KeyCode::Left)
        .tab(1);
    let place = d.en_zh("Shop outside the east gate", "东门外小卖部");
    d.type_text(place).tab(1).times(KeyCode::Right, 4).tab(3);
    let text = d.en_zh(
        "Two boys from grade 8 fought over a phone",
        "八年级两名男生因手机争执打架",
    );
    d.type_text(text).tab(3).times(KeyCode::Right, 2).ctrl('s');
}

// ---------------------------------------------------------------------------------------------
// Scenarios: each builds one state of the app by keys alone
// ---------------------------------------------------------------------------------------------

fn incident_form_fresh(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = Desk::on_duty(lang, theme);
    d.keys("ia");
    d
}

/// The form with the narrative typed and two students added; the students part focused.
fn incident_form_students(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = Desk::on_duty(lang, theme);
    incident_with_narrative(&mut d).tab(TO_STUDENTS - TO_NARRATIVE);
    add_student(&mut d, &TARGET);
    add_student(&mut d, &INITIATOR);
    d
}

/// The student popup with "小" typed and the first match highlighted.
fn student_popup(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = Desk::on_duty(lang, theme);
    incident_with_narrative(&mut d).tab(TO_STUDENTS - TO_NARRATIVE);
    d.keys("a").type_text("小").press(KeyCode::Down);
    d
}

/// Three incidents; the list filtered to open ones of the last 7 days.
fn incident_list(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = Desk::on_duty(lang, theme);
    record_incident(&mut d).press(KeyCode::Enter);
    record_canteen_incident(&mut d);
    record_fight_outside(&mut d);
    d.keys("i1").keys("44");
    d
}

/// Three slips: one still unverified, one made an incident, one closed as unfounded.
fn slips(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = Desk::on_duty(lang, theme);
    let texts = [
        d.en_zh(
            "Someone smokes in the toilets of the grade 8 building",
            "初二教学楼厕所有人抽烟",
        ),
        d.en_zh(
            "A boy of class 7-2 is made to hand over money every noon break, in the corner behind the canteen, by two older students",
            "七年级2班有个男生每天中午在食堂后面的角落被两个高年级学生要钱，已经一个多月了",
        ),
        d.en_zh("Stairwell light broken", "三楼楼梯灯坏了，晚上很黑"),
    ];
    d.keys("im");
    for text in texts {
        d.keys("a").type_text(text).press(KeyCode::Enter);
    }
    // The newest (the light) becomes an incident; the first is closed as unfounded.
    d.keys("e").ctrl('s');
    d.keys("im").press(KeyCode::Down).keys("u");
    let note = d.en_zh(
        "Checked with the cleaners: nothing found",
        "询问保洁并查看监控，无此事",
    );
    d.type_text(note).press(KeyCode::Enter);
    d.keys("im");
    d
}

/// Incident 2026-0001 with its follow-ups (one done), corrected once with a reason.
fn incident_detail(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = Desk::on_duty(lang, theme);
    record_incident(&mut d).press(KeyCode::Enter);
    d.keys("e").tab(3).press(KeyCode::Right).ctrl('s');
    let reason = d.en_zh("Severity misjudged at first", "定性有误：推搡致其摔倒");
    d.type_text(reason).press(KeyCode::Enter);
    // Esc back to the list (f on the incident would add a follow-up to it), then Follow-ups.
    d.press(KeyCode::Esc).keys("fc");
    let outcome = d.en_zh("Mother came in; agreed a plan", "家长已到校，同意配合教育");
    d.type_text(outcome).press(KeyCode::Enter);
    d.keys("i").press(KeyCode::Enter);
    d
}

/// 王小明's record, opened from the incident.
fn student_chronology(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = incident_detail(lang, theme);
    d.press(KeyCode::Enter);
    d
}

/// Incident 2026-0001 saved; its three suggestions, the counselling talk unticked.
fn suggestions(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = Desk::on_duty(lang, theme);
    record_incident(&mut d).press(KeyCode::Down).keys(" ");
    d
}

/// `h`, `a`: what the hazard is, its kind and place changed, the risk set to high.
fn hazard_form(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = Desk::on_duty(lang, theme);
    d.keys("ha")
        .press(KeyCode::Right)
        .tab(1)
        .press(KeyCode::Right)
        .tab(1);
    let what = d.en_zh(
        "Floor by the dish return always wet; two students slipped this week",
        "餐具回收处地面长期湿滑，本周已有两名学生滑倒",
    );
    d.type_text(what).tab(1).press(KeyCode::Right);
    d
}

/// On Monday at 07:30: a hazard recorded (`rights` steps right of medium risk, `kind_rights`
/// of the first kind, `place_rights` of the first place).
fn record_hazard(d: &mut Desk, what: &str, kind_rights: usize, place_rights: usize, rights: usize) {
    d.keys("ha").times(KeyCode::Right, kind_rights).tab(1);
    d.times(KeyCode::Right, place_rights)
        .tab(1)
        .type_text(what)
        .tab(1);
    d.times(KeyCode::Right, rights).ctrl('s');
}

/// Monday: incident 2026-0001 with its follow-ups (the counselling talk given to 李丽), a
/// home visit due at 08:00 added from the follow-up list and one parent call done; three hazards,
/// one being rectified; a slip waiting. Then the app is opened again on Wednesday at noon.
fn busy_wednesday(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = Desk::on_duty(lang, theme);
    record_incident(&mut d)
        .press(KeyCode::Down)
        .keys("e")
        .retype("李");
    d.press(KeyCode::Down).press(KeyCode::Enter).ctrl('s');
    // A home visit to 李小红's family, due at 08:00: `f` on the incident adds a follow-up to it.
    d.press(KeyCode::Enter)
        .keys("f")
        .press(KeyCode::Right)
        .tab(1);
    d.type_text("小红")
        .press(KeyCode::Down)
        .press(KeyCode::Enter);
    let note = d.en_zh("See the family at home", "到家中了解情况");
    d.type_text(note)
        .tab(2)
        .retype("08:00")
        .press(KeyCode::Enter);
    // Esc back to the list, then the Follow-ups tab.
    d.press(KeyCode::Esc)
        .keys("f")
        .press(KeyCode::Down)
        .keys("c");
    let outcome = d.en_zh("Father told by phone", "已电话告知父亲");
    d.type_text(outcome).press(KeyCode::Enter);
    let fence = d.en_zh("Loose fence east of the playground", "操场东侧围栏松动");
    record_hazard(&mut d, fence, 0, 0, 0);
    let floor = d.en_zh(
        "Canteen floor wet by the dish return",
        "食堂餐具回收处地面湿滑",
    );
    record_hazard(&mut d, floor, 1, 1, 2);
    let quarrel = d.en_zh(
        "Rooms 301 and 305 quarrel over noise after lights-out",
        "301 与 305 寝室因熄灯后吵闹多次争执",
    );
    record_hazard(&mut d, quarrel, 2, 2, 3);
    d.keys("h").press(KeyCode::Down).keys("r");
    let steps = d.en_zh("Reported to facilities", "已报后勤维修");
    d.type_text(steps).press(KeyCode::Enter);
    d.keys("im").keys("a");
    let slip = d.en_zh("Someone smokes in the toilets", "厕所有人抽烟");
    d.type_text(slip).press(KeyCode::Enter);
    d.reopen(WEDNESDAY_NOON);
    d
}

/// Wednesday: the follow-up list with the done ones too.
fn followup_list(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = busy_wednesday(lang, theme);
    d.keys("fd");
    d
}

/// Wednesday: the register (the critical one overdue), the hazard being rectified selected.
fn hazard_register(lang: Lang, theme: &'static Theme) -> Desk {
    let mut d = busy_wednesday(lang, theme);
    d.keys("h").press(KeyCode::Down);
    d
}

/// Wednesday: the Now screen with the counts of follow-ups, incidents and hazards.
fn now_counts(lang: Lang, theme: &'static Theme) -> Desk {
    busy_wednesday(lang, theme)
}

type Scenario = fn(Lang, &'static Theme) -> Desk;

const SCENARIOS: [(&str, Scenario); 12] = [
    ("incident_form_fresh", incident_form_fresh),
    ("incident_form_students", incident_form_students),
    ("student_popup", student_popup),
    ("incident_list", incident_list),
    ("slips", slips),
    ("incident_detail", incident_detail),
    ("student_chronology", student_chronology),
    ("followup_list", followup_list),
    ("suggestions", suggestions),
    ("hazard_register", hazard_register),
    ("hazard_form", hazard_form),
    ("now_counts", now_counts),
];

// ---------------------------------------------------------------------------------------------
// Snapshots, both languages, both sizes
// ---------------------------------------------------------------------------------------------

#[test]
fn incident_form_just_opened() {
    for lang in LANGS {
        let d = incident_form_fresh(lang, &COLOR);
        snap("incident_form_fresh", &d, |t, _| {
            assert_caret_after(t, "2026-11-30 07:30");
        });
    }
}

#[test]
fn incident_form_with_two_students() {
    for lang in LANGS {
        let d = incident_form_students(lang, &COLOR);
        snap("incident_form_students", &d, |t, _| {
            assert!(!cursor_shown(t), "the students list has no caret");
        });
    }
}

#[test]
fn student_popup_offering_students_as_you_type() {
    for lang in LANGS {
        let d = student_popup(lang, &COLOR);
        snap("student_popup", &d, |t, _| {
            assert_caret_after(t, "小");
        });
    }
}

#[test]
fn incident_list_with_filters_set() {
    for lang in LANGS {
        let d = incident_list(lang, &COLOR);
        snap("incident_list", &d, no_check);
    }
}

#[test]
fn mailbox_slips() {
    for lang in LANGS {
        let d = slips(lang, &COLOR);
        snap("slips", &d, no_check);
    }
}

#[test]
fn incident_detail_with_students_followups_and_a_correction() {
    for lang in LANGS {
        let d = incident_detail(lang, &COLOR);
        snap("incident_detail", &d, no_check);
    }
}

#[test]
fn student_chronology_from_the_incident() {
    for lang in LANGS {
        let d = student_chronology(lang, &COLOR);
        snap("student_chronology", &d, no_check);
    }
}

#[test]
fn followup_list_with_overdue_ones() {
    for lang in LANGS {
        let d = followup_list(lang, &COLOR);
        snap("followup_list", &d, |t, d| {
            // The overdue marker is red.
            let buf = t.backend().buffer();
            let bang = find_on(buf, "!!", d.en_zh("OVERDUE", "逾期")).expect("an overdue row");
            assert_eq!(buf[bang].fg, Color::Red);
        });
    }
}

#[test]
fn suggestions_after_saving_an_incident() {
    for lang in LANGS {
        let d = suggestions(lang, &COLOR);
        snap("suggestions", &d, no_check);
    }
}

#[test]
fn hazard_register_with_the_selected_hazards_detail() {
    for lang in LANGS {
        let d = hazard_register(lang, &COLOR);
        snap("hazard_register", &d, |t, _| {
            let buf = t.backend().buffer();
            let bang = must_find(buf, "!!");
            assert_eq!(buf[bang].fg, Color::Red);
        });
    }
}

#[test]
fn hazard_form_filled_in() {
    for lang in LANGS {
        let d = hazard_form(lang, &COLOR);
        snap("hazard_form", &d, no_check);
    }
}

#[test]
fn now_with_followups_incidents_and_hazards() {
    for lang in LANGS {
        let d = now_counts(lang, &COLOR);
        snap("now_counts", &d, |t, _| {
            let buf = t.backend().buffer();
            let bang = must_find(buf, "!!");
            assert_eq!(buf[bang].fg, Color::Red);
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Cells: colour, highlight, caret
// ---------------------------------------------------------------------------------------------

#[test]
fn overdue_marker_stays_without_colour() {
    for lang in LANGS {
        let d = followup_list(lang, &MONO);
        for (w, h) in SIZES {
            let t = d.draw(w, h);
            let buf = t.backend().buffer();
            let overdue = d.en_zh("OVERDUE", "逾期");
            let bang = find_on(buf, "!!", overdue).expect("an overdue row shows !!");
            assert_eq!(buf[bang].fg, Color::Reset);
            assert!(buf[bang].modifier.contains(Modifier::BOLD));
            let text = screen_text(t.backend());
            let marked = text
                .lines()
                .filter(|l| l.contains(d.en_zh("due ", "截止")))
                .filter(|l| l.contains(overdue) && l.contains("!!"))
                .count();
            assert_eq!(marked, 2, "two overdue follow-ups, each marked:\n{text}");
        }
    }
}

#[test]
fn the_focused_field_is_highlighted() {
    for (theme, focused) in [(&COLOR, Color::Yellow), (&MONO, Color::Reset)] {
        let d = incident_form_fresh(Lang::En, theme);
        let t = d.draw(80, 24);
        let buf = t.backend().buffer();
        let when = must_find(buf, "2026-11-30 07:30 ");
        let place = find_on(buf, "Playground", "Place").expect("place");
        assert_eq!(buf[when].bg, focused);
        assert_ne!(buf[place].bg, Color::Yellow);
        if std::ptr::eq(theme, &MONO) {
            assert!(buf[when].modifier.contains(Modifier::REVERSED));
            assert!(!buf[place].modifier.contains(Modifier::REVERSED));
        }
        // Tab: the highlight moves to the place.
        let mut d = d;
        d.tab(1);
        let t = d.draw(80, 24);
        let buf = t.backend().buffer();
        let when = must_find(buf, "2026-11-30 07:30");
        let place = find_on(buf, "Playground", "Place").expect("place");
        assert_ne!(buf[when].bg, Color::Yellow);
        if std::ptr::eq(theme, &COLOR) {
            assert_eq!(buf[place].bg, Color::Yellow);
        } else {
            assert!(buf[place].modifier.contains(Modifier::REVERSED));
        }
    }
}

#[test]
fn caret_is_after_chinese_typed_in_a_one_line_field() {
    for lang in LANGS {
        let mut d = incident_form_fresh(lang, &COLOR);
        d.tab(1)
            .press(KeyCode::Left)
            .tab(1)
            .type_text("东门外小卖部");
        for (w, h) in SIZES {
            let mut t = d.draw(w, h);
            assert_caret_after(&mut t, "东门外小卖部");
        }
        // And in the middle of it after ← ←.
        d.press(KeyCode::Left).press(KeyCode::Left);
        let mut t = d.draw(80, 24);
        assert_caret_after(&mut t, "东门外小");
    }
}

#[test]
fn caret_is_inside_the_narrative_after_two_lines_of_chinese() {
    for lang in LANGS {
        let mut d = incident_form_fresh(lang, &COLOR);
        d.tab(TO_NARRATIVE).type_text("他说不许告诉老师");
        d.press(KeyCode::Enter).type_text("否则放学后等着");
        for (w, h) in SIZES {
            let mut t = d.draw(w, h);
            assert_caret_after(&mut t, "否则放学后等着");
            let caret = t.get_cursor_position().expect("cursor");
            let above = rows(t.backend().buffer())[usize::from(caret.y - 1)]
                .0
                .clone();
            assert!(
                above.contains("他说不许告诉老师"),
                "the first line is just above the caret's: {above:?}"
            );
        }
    }
}

#[test]
fn without_colour_no_cell_has_a_colour() {
    for (name, scenario) in SCENARIOS {
        for lang in LANGS {
            let d = scenario(lang, &MONO);
            for (w, h) in SIZES {
                let terminal = d.draw(w, h);
                let buf = terminal.backend().buffer();
                for y in 0..h {
                    for x in 0..w {
                        let cell = &buf[(x, y)];
                        assert!(
                            cell.fg == Color::Reset && cell.bg == Color::Reset,
                            "{name} {}: cell ({x}, {y}) {:?} has fg {:?} bg {:?}",
                            lang_code(lang),
                            cell.symbol(),
                            cell.fg,
                            cell.bg
                        );
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Defects found while reviewing the snapshots (fail today; run with --ignored)
// ---------------------------------------------------------------------------------------------

/// The first line of `text` holding `needle`.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not on screen:\n{text}"))
}

#[test]
fn incident_lines_keep_the_clock_apart_from_the_students() {
    for scenario in [incident_list as Scenario, student_chronology] {
        let d = scenario(Lang::En, &COLOR);
        for (w, h) in SIZES {
            let text = screen_text(d.draw(w, h).backend());
            let line = line_with(&text, "days left");
            assert!(line.contains("days left "), "{w}x{h}: {line:?}");
        }
    }
}

#[test]
fn incident_list_shows_place_and_category_whole_when_there_is_room() {
    for lang in LANGS {
        let d = incident_list(lang, &COLOR);
        let text = screen_text(d.draw(120, 40).backend());
        for whole in [
            d.en_zh("Physical bullying", "肢体欺凌"),
            d.en_zh("Shop outside the east gate", "东门外小卖部"),
        ] {
            assert!(text.contains(whole), "{whole:?} cut at 120x40:\n{text}");
        }
        let narrow = screen_text(d.draw(80, 24).backend());
        let fight = d.en_zh("Fight", "打架");
        assert!(
            !narrow.contains(&format!("…{fight}")),
            "the place runs into the category:\n{narrow}"
        );
    }
}

#[test]
fn slips_show_the_incident_they_went_into() {
    for lang in LANGS {
        let d = slips(lang, &COLOR);
        for (w, h) in SIZES {
            let text = screen_text(d.draw(w, h).backend());
            let line = line_with(&text, d.en_zh("Stairwell light", "三楼楼梯灯"));
            assert!(line.contains("2026-0001 "), "{w}x{h}: {line:?}");
        }
    }
}

#[test]
fn suggestions_show_whole_kind_names() {
    let d = suggestions(Lang::En, &COLOR);
    for (w, h) in SIZES {
        let text = screen_text(d.draw(w, h).backend());
        assert!(text.contains("parent contact"), "{w}x{h}:\n{text}");
        assert!(text.contains("counselling"), "{w}x{h}:\n{text}");
    }
}

#[test]
fn followup_list_keeps_the_state_apart_from_the_owner() {
    let d = followup_list(Lang::En, &COLOR);
    for (w, h) in SIZES {
        let text = screen_text(d.draw(w, h).backend());
        let line = line_with(&text, "OVERDUE");
        assert!(line.contains("OVERDUE "), "{w}x{h}: {line:?}");
    }
}

#[test]
fn hazard_register_shows_risk_status_and_place_whole_when_there_is_room() {
    let d = hazard_register(Lang::En, &COLOR);
    let text = screen_text(d.draw(120, 40).backend());
    for whole in ["Critical", "rectifying", "Boys' dormitory "] {
        let rows: Vec<&str> = text.lines().filter(|l| l.contains(" due ")).collect();
        assert!(
            rows.iter().any(|l| l.contains(whole)),
            "{whole:?} cut in the list:\n{text}"
        );
    }
    let narrow = screen_text(d.draw(80, 24).backend());
    assert!(!narrow.contains("…Rooms"), "{narrow}");
}

#[test]
fn incident_form_shows_whole_role_names() {
    let d = incident_form_students(Lang::En, &COLOR);
    for (w, h) in SIZES {
        let text = screen_text(d.draw(w, h).backend());
        assert!(
            line_with(&text, "张小刚").contains("initiator"),
            "{w}x{h}:\n{text}"
        );
    }
}

#[test]
fn help_lines_are_not_cut_mid_word_at_80_columns() {
    let cases = [
        (slips as Scenario, "u → unfounded"),
        (suggestions, "Enter: create ticked"),
        (incident_form_fresh, "marked entered later"),
    ];
    for (scenario, end) in cases {
        let d = scenario(Lang::En, &COLOR);
        let text = screen_text(d.draw(80, 24).backend());
        assert!(text.contains(end), "{end:?} is cut:\n{text}");
    }
}

#[test]
fn incident_detail_key_bar_keeps_the_student_record_key_at_80_columns() {
    let d = incident_detail(Lang::En, &COLOR);
    let text = screen_text(d.draw(80, 24).backend());
    let bar = text.lines().last().expect("key bar");
    assert!(bar.contains("student record"), "{bar:?}");
}

#[test]
fn english_counts_of_one_are_singular() {
    let chronology = screen_text(student_chronology(Lang::En, &COLOR).draw(80, 24).backend());
    assert!(!chronology.contains("1 incidents"), "{chronology}");
    let now = screen_text(now_counts(Lang::En, &COLOR).draw(80, 24).backend());
    assert!(!now.contains("1 mailbox slips"), "{now}");
}
