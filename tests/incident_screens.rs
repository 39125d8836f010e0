//! Incident, follow-up, hazard and mailbox screens driven through the whole app like a duty
//! teacher would: a real database in a temp dir with three students imported, a fixed clock
//! (Monday 2026-11-30 07:30 in UTC+8, later moments by opening the same file again), keys
//! pressed one at a time, and what was saved read back through a second `Store` on the same
//! file. Where a check is about what the user sees (an error at a field, the caret) the screen
//! is drawn on a `TestBackend` and read.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

#[path = "common/screen.rs"]
mod screen;

use screen::{cursor_shown, rows, screen_text};
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use tempfile::TempDir;

use dutydesk::app::App;
use dutydesk::domain::access::Role as Access;
use dutydesk::domain::clock::Clock;
use dutydesk::domain::followup::{Followup, FollowupStatus, Kind};
use dutydesk::domain::hazard::{Hazard, HazardStatus};
use dutydesk::domain::history::LogAction;
use dutydesk::domain::incident::{
    Bullying, Incident, IncidentFilter, IncidentId, PlaceRef, Role, Source,
};
use dutydesk::domain::people::StudentDraft;
use dutydesk::domain::slip::{Slip, SlipStatus};
use dutydesk::i18n::Lang;
use dutydesk::screens::Screen;
use dutydesk::store::{Actor, FollowupQuery, Store};
use dutydesk::theme::{COLOR, MONO, Theme};

/// The morning arrival slot (07:00–08:00) is open.
const MORNING: &str = "2026-11-30T07:30:00+08:00";
/// A quarter of an hour later, same slot.
const QUARTER_PAST: &str = "2026-11-30T07:45:00+08:00";
/// The noon break (12:00–14:00) is open.
const NOON: &str = "2026-11-30T12:30:00+08:00";
/// Two days later: what was due on Tuesday is overdue.
const WEDNESDAY: &str = "2026-12-02T10:00:00+08:00";

/// The students of the school's list: (number, name, class).
const STUDENTS: [(&str, &str, &str); 3] = [
    ("20250101", "王小明", "七年级2班"),
    ("20250102", "李小红", "七年级2班"),
    ("20240305", "张小刚", "八年级1班"),
];

const NARRATIVE: &str = "Two boys pushed 王小明 against the fence";

/// A local time of 2026 on the school's clock (UTC+8), `MM-DD HH:MM`, as the store keeps it.
fn at(when: &str) -> DateTime<Utc> {
    let t = NaiveDateTime::parse_from_str(&format!("2026-{when}"), "%Y-%m-%d %H:%M")
        .expect("MM-DD HH:MM");
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

/// One terminal at the duty desk: the app over its own database file.
struct Desk {
    dir: TempDir,
    app: App,
    lang: Lang,
    theme: &'static Theme,
}

impl Desk {
    /// A new database with the students imported, and the app started on it at `now`.
    fn new(lang: Lang, theme: &'static Theme, now: &str) -> Desk {
        let dir = TempDir::new().expect("temp dir");
        let clock = clock(now);
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
        let app = App::new(store, cfg, lang, theme, clock).unlocked(Access::Admin);
        Desk {
            dir,
            app,
            lang,
            theme,
        }
    }

    /// English, with colours, at 07:30, a shift open.
    fn on_duty() -> Desk {
        let mut d = Desk::new(Lang::En, &COLOR, MORNING);
        d.open_shift();
        d
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("duty.db")
    }

    /// A second handle on the same file, as another terminal (or the test) would open it.
    fn store(&self) -> Store {
        Store::open_existing(&self.path()).expect("the file opens")
    }

    /// The app started again on the same file at another moment.
    fn reopen(&mut self, now: &str) {
        let cfg = dutydesk::config::load(None).expect("defaults");
        self.app =
            App::new(self.store(), cfg, self.lang, self.theme, clock(now)).unlocked(Access::Admin);
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

    /// Empties the focused one-line field (Ctrl+U from the end) and types `text`.
    fn retype(&mut self, text: &str) -> &mut Desk {
        self.press(KeyCode::End).ctrl('u').type_text(text)
    }

    fn draw(&self, w: u16, h: u16) -> Terminal<TestBackend> {
        screen::draw(&self.app, w, h)
    }

    /// The screen at 120×40, where every field of a form fits, as text.
    fn screen(&self) -> String {
        screen_text(self.draw(120, 40).backend())
    }

    fn status(&self) -> String {
        self.app
            .status()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    fn status_is_error(&self) -> bool {
        self.app.status().is_some_and(|s| s.error)
    }

    /// From the Now screen: open a shift with 张伟 as duty teacher and 李丽 as leader.
    fn open_shift(&mut self) -> &mut Desk {
        self.keys("so").type_text("张伟").press(KeyCode::Tab);
        self.type_text("李丽").ctrl('s').keys("y")
    }

    fn is_incident_form(&self) -> bool {
        matches!(self.app.screen(), Screen::IncidentForm(_))
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the screen
// ---------------------------------------------------------------------------------------------

/// The row where `needle` first appears.
fn row_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not on screen:\n{text}"))
}

/// The first line holding `needle`.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not on screen:\n{text}"))
}

/// The form field labelled `label` shows `message` below it (before the field labelled
/// `next`), and the caret is in that field.
fn assert_error_at(d: &Desk, label: &str, next: &str, message: &str) {
    let mut t = d.draw(120, 40);
    let text = screen_text(t.backend());
    let top = row_of(&text, label);
    let bottom = row_of(&text, next);
    let error = text
        .lines()
        .enumerate()
        .skip(top)
        .take(bottom - top)
        .find(|(_, l)| l.contains(message))
        .map(|(y, _)| y);
    assert!(
        error.is_some(),
        "{message:?} is not shown under {label:?}:\n{text}"
    );
    assert!(cursor_shown(&t), "the field in error has the caret");
    let caret = usize::from(t.get_cursor_position().expect("cursor").y);
    assert!(
        (top..bottom).contains(&caret),
        "the caret is on row {caret}, not in {label:?} (rows {top}..{bottom}):\n{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// Reading what was saved
// ---------------------------------------------------------------------------------------------

fn incidents(d: &Desk) -> Vec<Incident> {
    let store = d.store();
    let filter = IncidentFilter {
        include_voided: true,
        ..IncidentFilter::default()
    };
    store
        .incidents(&filter, 50)
        .expect("incidents")
        .into_iter()
        .map(|r| store.incident(r.id).expect("incident"))
        .collect()
}

fn only_incident(d: &Desk) -> Incident {
    let mut all = incidents(d);
    assert_eq!(all.len(), 1, "one incident saved: {all:#?}");
    all.remove(0)
}

fn followups(d: &Desk, incident: Option<IncidentId>) -> Vec<Followup> {
    let q = FollowupQuery {
        incident,
        ..FollowupQuery::default()
    };
    d.store().followups(&q, 50).expect("follow-ups")
}

fn hazards(d: &Desk) -> Vec<Hazard> {
    d.store().hazards(false, 50).expect("hazards")
}

fn slips(d: &Desk) -> Vec<Slip> {
    d.store().slips(false, 50).expect("slips")
}

/// The open shift and a member of it, for writes made by "another terminal".
fn other_terminal(store: &Store, name: &str) -> Actor {
    let shift = store.open_shift().expect("read").expect("a shift is open");
    let staff = shift
        .members
        .iter()
        .find(|m| m.name == name)
        .expect("on the shift")
        .staff;
    Actor {
        shift: shift.id,
        staff,
    }
}

fn staff_id(d: &Desk, name: &str) -> dutydesk::domain::staff::StaffId {
    d.store()
        .staff()
        .expect("staff")
        .into_iter()
        .find(|s| s.name == name)
        .expect("on the staff list")
        .id
}

fn student_id(d: &Desk, name: &str) -> dutydesk::domain::people::StudentId {
    d.store()
        .students()
        .expect("students")
        .into_iter()
        .find(|s| s.name == name)
        .expect("imported")
        .id
}

// ---------------------------------------------------------------------------------------------
// Doing things as the user does them
// ---------------------------------------------------------------------------------------------

/// Tabs from the first field (When) of a fresh incident form to each field, while "Other place"
/// and "Decided on" are hidden.
const TO_PLACE: usize = 1;
const TO_SEVERITY: usize = 3;
const TO_NARRATIVE: usize = 5;
const TO_WORDS: usize = 6;
const TO_BULLYING: usize = 8;
/// From the narrative on to the students under the fields.
const NARRATIVE_TO_STUDENTS: usize = 5;

/// The incident list, `a`: a new incident, the caret in its first field.
fn new_incident(d: &mut Desk) -> &mut Desk {
    d.keys("ia")
}

/// A new incident form with the narrative typed, the caret still in the narrative.
fn incident_with_narrative(d: &mut Desk) -> &mut Desk {
    new_incident(d).tab(TO_NARRATIVE).type_text(NARRATIVE)
}

/// A student on the incident form, as typed into the student popup: part of the name, ↓,
/// Enter; the role `steps` to the right of "target" (-1: initiator); measures ticked by their
/// place in the list; when parents were told, and by whom (part of a staff name, ↓, Enter).
struct StudentEntry<'a> {
    typed: &'a str,
    role_steps: i32,
    measures: &'a [usize],
    told_at: &'a str,
    told_by: &'a str,
}

/// In the students part of the incident form: `a`, and the popup filled in and closed.
fn add_student(d: &mut Desk, s: &StudentEntry<'_>) {
    d.keys("a").type_text(s.typed);
    d.press(KeyCode::Down).press(KeyCode::Enter);
    let step = if s.role_steps < 0 {
        KeyCode::Left
    } else {
        KeyCode::Right
    };
    for _ in 0..s.role_steps.unsigned_abs() {
        d.press(step);
    }
    d.press(KeyCode::Tab);
    let mut at = 0;
    for &m in s.measures {
        while at < m {
            d.press(KeyCode::Down);
            at += 1;
        }
        d.keys(" ");
    }
    d.press(KeyCode::Tab)
        .type_text(s.told_at)
        .press(KeyCode::Tab);
    if s.told_by.is_empty() {
        d.ctrl('s');
    } else {
        // Enter takes the highlighted name; on the last field it also closes the popup.
        d.type_text(s.told_by)
            .press(KeyCode::Down)
            .press(KeyCode::Enter);
    }
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
    measures: &[0],
    told_at: "",
    told_by: "",
};

/// From outside a form: incident 2026-0001 with 王小明 the target and 张小刚 the initiator,
/// saved with Ctrl+S; the suggested follow-ups are on screen.
fn record_incident(d: &mut Desk) -> &mut Desk {
    incident_with_narrative(d).tab(NARRATIVE_TO_STUDENTS);
    add_student(d, &TARGET);
    add_student(d, &INITIATOR);
    d.ctrl('s')
}

/// Incident 2026-0001 recorded and every suggested follow-up created: its detail is on screen.
fn record_incident_and_followups(d: &mut Desk) -> IncidentId {
    record_incident(d).press(KeyCode::Enter);
    assert!(
        matches!(d.app.screen(), Screen::IncidentDetail(_)),
        "{}",
        d.screen()
    );
    only_incident(d).id
}

// ---------------------------------------------------------------------------------------------
// The incident form
// ---------------------------------------------------------------------------------------------

#[test]
fn incident_form_refuses_an_empty_narrative_at_the_field_and_keeps_what_was_typed() {
    let mut d = Desk::on_duty();
    new_incident(&mut d)
        .tab(TO_WORDS)
        .type_text("他说：别告诉老师")
        .press(KeyCode::Tab)
        .type_text("Separated them at once");
    d.ctrl('s');
    assert!(d.is_incident_form(), "the form stays:\n{}", d.screen());
    assert_error_at(&d, "What happened *", "Child's words", "Required.");
    let text = d.screen();
    assert!(text.contains("他说：别告诉老师"), "{text}");
    assert!(text.contains("Separated them at once"), "{text}");
    assert!(incidents(&d).is_empty(), "nothing was saved");
    // Typing the narrative where the caret now is, and the incident saves.
    d.type_text(NARRATIVE).ctrl('s');
    let saved = only_incident(&d);
    assert_eq!(saved.draft.narrative, NARRATIVE);
    assert_eq!(saved.draft.child_words, "他说：别告诉老师");
    assert_eq!(saved.draft.immediate_action, "Separated them at once");
}

#[test]
fn incident_form_refuses_a_time_to_come_and_a_time_it_cannot_read() {
    let mut d = Desk::on_duty();
    incident_with_narrative(&mut d);
    // Back to When (Shift+Tab through the fields), and a time after now (07:30).
    for _ in 0..TO_NARRATIVE {
        d.press(KeyCode::BackTab);
    }
    d.retype("09:00").ctrl('s');
    assert!(d.is_incident_form());
    assert_error_at(&d, "When *", "Place", "That time has not come yet.");
    assert!(line_with(&d.screen(), "When *").contains("09:00"));
    // A time it cannot read: the caret is still in When.
    d.retype("25:61").ctrl('s');
    assert_error_at(&d, "When *", "Place", "Write a time like 2026-11-30 07:45");
    assert!(line_with(&d.screen(), "When *").contains("25:61"));
    assert!(incidents(&d).is_empty());
    // Yesterday evening is fine (month-day and time), and the incident shows it was entered
    // later.
    d.retype("11-29 16:40").ctrl('s');
    let saved = only_incident(&d);
    assert_eq!(saved.draft.occurred_at, at("11-29 16:40"));
    assert_eq!(saved.entered_at, at("11-30 07:30"));
    assert_eq!(saved.number, "2026-0001");
    let text = d.screen();
    assert!(text.contains("When 11-29 16:40 (entered later)"), "{text}");
}

#[test]
fn other_place_shows_its_field_only_when_chosen_and_needs_it() {
    let mut d = Desk::on_duty();
    incident_with_narrative(&mut d);
    assert!(!d.screen().contains("Other place"), "{}", d.screen());
    for _ in 0..TO_NARRATIVE - TO_PLACE {
        d.press(KeyCode::BackTab);
    }
    // ← from the first place wraps round to the last choice, "Other".
    d.press(KeyCode::Left);
    let text = d.screen();
    assert!(
        line_with(&text, "Place").contains("Other (type it)"),
        "{text}"
    );
    assert!(text.contains("Other place *"), "{text}");
    d.ctrl('s');
    assert_error_at(&d, "Other place *", "Category", "Required.");
    assert!(incidents(&d).is_empty());
    d.type_text("东门外小卖部").ctrl('s');
    assert_eq!(
        only_incident(&d).draft.place,
        PlaceRef::Text("东门外小卖部".to_owned())
    );
}

#[test]
fn other_place_hides_again_when_a_listed_place_is_chosen() {
    let mut d = Desk::on_duty();
    new_incident(&mut d).tab(TO_PLACE).press(KeyCode::Left);
    assert!(d.screen().contains("Other place *"));
    d.press(KeyCode::Right);
    let text = d.screen();
    assert!(!text.contains("Other place"), "{text}");
    assert!(line_with(&text, "Place").contains("Playground"), "{text}");
}

#[test]
fn deciding_bullying_shows_the_decision_date_filled_with_today() {
    let mut d = Desk::on_duty();
    incident_with_narrative(&mut d);
    assert!(!d.screen().contains("Decided on"));
    d.tab(TO_BULLYING - TO_NARRATIVE).press(KeyCode::Right);
    let text = d.screen();
    assert!(line_with(&text, "Bullying?").contains("bullying"), "{text}");
    assert!(
        line_with(&text, "Decided on *").contains("2026-11-30"),
        "{text}"
    );
    // Back to "to be decided": the date goes away; decided again, it is back.
    d.press(KeyCode::Left);
    assert!(!d.screen().contains("Decided on"));
    d.press(KeyCode::Right);
    // A date that does not exist is refused at the field (the day edited in place).
    d.press(KeyCode::Tab)
        .times(KeyCode::Backspace, 2)
        .type_text("31");
    d.ctrl('s');
    assert_error_at(
        &d,
        "Decided on *",
        "Status",
        "Write a date like 2026-11-30.",
    );
    assert!(line_with(&d.screen(), "Decided on *").contains("2026-11-31"));
    d.times(KeyCode::Backspace, 2).type_text("29").ctrl('s');
    let saved = only_incident(&d);
    assert_eq!(saved.draft.bullying, Bullying::Yes);
    assert_eq!(
        saved.draft.bullying_on,
        NaiveDate::from_ymd_opt(2026, 11, 29)
    );
}

/// A student on a saved incident: name, role, measure ids joined by `+`, parents told at.
type StudentLine<'a> = (&'a str, Role, String, Option<DateTime<Utc>>);

#[test]
fn students_are_added_through_the_popup_with_role_measures_and_parents_told() {
    let mut d = Desk::on_duty();
    incident_with_narrative(&mut d).tab(NARRATIVE_TO_STUDENTS);
    add_student(&mut d, &TARGET);
    add_student(&mut d, &INITIATOR);
    let text = d.screen();
    assert!(text.contains("Students (2)"), "{text}");
    let target = line_with(&text, " target ");
    assert!(
        target.contains("Criticism and education、Warning talk"),
        "{target}"
    );
    assert!(target.contains("parents told 11-30 07:20"), "{target}");
    assert!(target.contains("王小明"), "{target}");
    assert!(line_with(&text, " initiat").contains("张小刚"), "{text}");

    d.ctrl('s');
    assert_eq!(d.status(), "Incident 2026-0001 saved.");
    let saved = only_incident(&d);
    assert_eq!(saved.number, "2026-0001");
    let got: Vec<StudentLine<'_>> = saved
        .students
        .iter()
        .map(|s| {
            let measures = s.measures.join("+");
            (s.student.name.as_str(), s.role, measures, s.parents_told_at)
        })
        .collect();
    let want: [StudentLine<'_>; 2] = [
        (
            "王小明",
            Role::Target,
            "education+warning_talk".to_owned(),
            Some(at("11-30 07:20")),
        ),
        ("张小刚", Role::Initiator, "education".to_owned(), None),
    ];
    assert_eq!(got, want);
    let told_by = saved.students[0].parents_told_by.clone().map(|(_, n)| n);
    assert_eq!(told_by.as_deref(), Some("李丽"));
}

#[test]
fn suggestions_offer_parent_contact_for_both_and_counselling_for_the_target() {
    let mut d = Desk::on_duty();
    record_incident(&mut d);
    assert!(matches!(d.app.screen(), Screen::Suggestions(_)));
    let text = d.screen();
    assert!(
        text.contains("Incident 2026-0001 saved. Follow-ups it usually needs:"),
        "{text}"
    );
    // A parent call within a day for each, a counselling talk within three days for the target.
    let offered: Vec<&str> = text.lines().filter(|l| l.contains("[x]")).collect();
    assert_eq!(offered.len(), 3, "{text}");
    assert!(offered[0].contains("王小明") && offered[0].contains("due 12-01 07:30"));
    assert!(offered[1].contains("王小明") && offered[1].contains("due 12-03 07:30"));
    assert!(offered[2].contains("张小刚") && offered[2].contains("due 12-01 07:30"));
    // Untick the counselling talk; Enter creates the other two and shows the incident.
    d.press(KeyCode::Down).keys(" ");
    assert!(line_with(&d.screen(), "due 12-03").contains("[ ]"));
    d.press(KeyCode::Enter);
    assert_eq!(d.status(), "2 follow-ups created.");
    assert!(matches!(d.app.screen(), Screen::IncidentDetail(_)));
    let incident = only_incident(&d);
    let made: Vec<(Kind, String, DateTime<Utc>, String)> = followups(&d, Some(incident.id))
        .into_iter()
        .map(|f| {
            let who = f.student.map(|(_, n)| n).unwrap_or_default();
            (f.kind, who, f.due_at, f.owner_name)
        })
        .collect();
    assert_eq!(
        made,
        [
            (
                Kind::ParentContact,
                "王小明".to_owned(),
                at("12-01 07:30"),
                "张伟".to_owned()
            ),
            (
                Kind::ParentContact,
                "张小刚".to_owned(),
                at("12-01 07:30"),
                "张伟".to_owned()
            ),
        ]
    );
}

#[test]
fn suggestions_esc_creates_none_and_shows_the_incident() {
    let mut d = Desk::on_duty();
    record_incident(&mut d).press(KeyCode::Esc);
    assert!(matches!(d.app.screen(), Screen::IncidentDetail(_)));
    assert!(followups(&d, None).is_empty());
}

#[test]
fn correcting_an_incident_needs_a_reason_and_the_history_shows_it() {
    let mut d = Desk::on_duty();
    let id = record_incident_and_followups(&mut d);
    d.keys("e");
    assert!(d.screen().contains("Correct incident 2026-0001"));
    d.tab(TO_SEVERITY).press(KeyCode::Right).ctrl('s');
    let text = d.screen();
    assert!(
        text.contains("Why is this record being corrected?"),
        "{text}"
    );
    // No reason, no correction.
    d.press(KeyCode::Enter);
    assert!(d.screen().contains("Required."), "{}", d.screen());
    assert_eq!(d.store().incident_history(id).expect("log").len(), 1);
    d.type_text("定性有误：推搡致伤").press(KeyCode::Enter);
    assert_eq!(
        d.status(),
        "Correction saved; the history shows what changed and why."
    );
    assert!(matches!(d.app.screen(), Screen::IncidentDetail(_)));
    let text = d.screen();
    let head = line_with(&text, "corrected");
    assert!(head.contains("张伟"), "{head}");
    assert!(head.contains("Reason 定性有误：推搡致伤"), "{head}");
    assert!(text.contains("Severity: minor → moderate"), "{text}");
    let log = d.store().incident_history(id).expect("log");
    let last = log.last().expect("entries");
    assert_eq!(last.action, LogAction::Corrected);
    assert_eq!(last.reason, "定性有误：推搡致伤");
    assert_eq!(last.changes.len(), 1, "{:?}", last.changes);
    assert_eq!(last.changes[0].field, "severity");
    // Both students are still on it as they were.
    assert_eq!(d.store().incident(id).expect("incident").students.len(), 2);
}

#[test]
fn a_correction_that_changes_nothing_is_refused_and_the_form_stays() {
    let mut d = Desk::on_duty();
    let id = record_incident_and_followups(&mut d);
    d.keys("e")
        .ctrl('s')
        .type_text("检查一遍")
        .press(KeyCode::Enter);
    assert!(d.status_is_error());
    assert_eq!(
        d.status(),
        "Nothing was changed, so there is nothing to save."
    );
    assert!(d.is_incident_form());
    assert_eq!(d.store().incident_history(id).expect("log").len(), 1);
}

#[test]
fn esc_on_a_changed_form_asks_before_throwing_it_away() {
    let mut d = Desk::on_duty();
    // Untouched: Esc leaves at once.
    new_incident(&mut d).press(KeyCode::Esc);
    assert!(matches!(d.app.screen(), Screen::Incidents(_)));
    incident_with_narrative(&mut d).press(KeyCode::Esc);
    let text = d.screen();
    assert!(
        text.contains("Leave this form and lose what you typed?"),
        "{text}"
    );
    // No: the form is back as it was.
    d.keys("n");
    assert!(d.is_incident_form());
    assert!(d.screen().contains(NARRATIVE));
    d.type_text("!");
    assert!(d.screen().contains(&format!("{NARRATIVE}!")));
    // Yes: back to the list, nothing saved.
    d.press(KeyCode::Esc).keys("y");
    assert!(matches!(d.app.screen(), Screen::Incidents(_)));
    assert!(incidents(&d).is_empty());
}

#[test]
fn esc_asks_too_when_only_a_student_was_added() {
    let mut d = Desk::on_duty();
    new_incident(&mut d).tab(TO_NARRATIVE + NARRATIVE_TO_STUDENTS);
    add_student(&mut d, &INITIATOR);
    d.press(KeyCode::Esc);
    assert!(
        d.screen()
            .contains("Leave this form and lose what you typed?")
    );
}

/// The screen without its status line (the last row but one).
fn without_status(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i + 2 != n)
        .map(|(_, l)| l)
        .collect()
}

#[test]
fn a_correction_that_meets_a_change_from_another_terminal_keeps_the_form_as_it_was() {
    let mut d = Desk::on_duty();
    let id = record_incident_and_followups(&mut d);
    d.keys("e").tab(TO_SEVERITY).press(KeyCode::Right).ctrl('s');
    d.type_text("定性有误");
    // Meanwhile the leader corrects the same incident at another terminal.
    let mut other = d.store();
    let actor = other_terminal(&other, "李丽");
    let current = other.incident(id).expect("incident");
    let (version, mut draft) = (current.version, current.draft);
    draft.immediate_action = "已通知班主任".to_owned();
    other
        .correct_incident(
            id,
            version,
            &draft,
            "补充处理情况",
            actor,
            at("11-30 07:31"),
        )
        .expect("the other terminal saves first");

    let before = d.screen();
    d.press(KeyCode::Enter);
    let after = d.screen();
    assert!(d.status_is_error());
    assert_eq!(
        d.status(),
        "Changed on another terminal meanwhile. Nothing was saved: press Esc and open it again."
    );
    assert!(d.is_incident_form());
    assert_eq!(without_status(&before), without_status(&after));
    // The reason popup is still there with the reason; closing it shows the changed severity.
    assert!(after.contains("定性有误"), "{after}");
    d.press(KeyCode::Esc);
    assert!(line_with(&d.screen(), "Severity").contains("moderate"));
    let log = d.store().incident_history(id).expect("log");
    assert_eq!(log.len(), 2, "created, and the other terminal's correction");
    assert_eq!(log[1].reason, "补充处理情况");
}

// ---------------------------------------------------------------------------------------------
// Follow-ups
// ---------------------------------------------------------------------------------------------

#[test]
fn followup_c_completes_it_with_an_outcome_kept_in_its_history() {
    let mut d = Desk::on_duty();
    record_incident_and_followups(&mut d);
    // From the incident, Esc back to the list, then the Follow-ups tab.
    d.press(KeyCode::Esc).keys("f");
    let first = followups(&d, None).remove(0);
    assert_eq!(first.kind, Kind::ParentContact);
    d.keys("c");
    assert!(
        d.screen()
            .contains("Done: what came of it? · parent contact")
    );
    d.press(KeyCode::Enter);
    assert!(d.screen().contains("Required."), "an outcome is needed");
    d.type_text("家长已到校，同意配合教育")
        .press(KeyCode::Enter);
    assert_eq!(d.status(), "Follow-up done.");
    let done = d.store().followup(first.id).expect("follow-up");
    assert_eq!(done.status, FollowupStatus::Done);
    assert_eq!(done.outcome, "家长已到校，同意配合教育");
    assert_eq!(done.done_at, Some(at("11-30 07:30")));
    let log = d.store().followup_history(first.id).expect("log");
    let last = log.last().expect("entries");
    assert_eq!(last.action, LogAction::Completed);
    assert_eq!(last.changes[0].new, "家长已到校，同意配合教育");
    // The list shows open ones only: the done one has gone from it.
    let text = d.screen();
    assert_eq!(text.matches("due 12-").count(), 2, "{text}");
}

#[test]
fn followup_r_moves_it_to_a_new_time_with_a_reason_kept_in_its_history() {
    let mut d = Desk::on_duty();
    record_incident_and_followups(&mut d);
    // From the incident, Esc back to the list, then the Follow-ups tab.
    d.press(KeyCode::Esc).keys("f");
    let first = followups(&d, None).remove(0);
    d.keys("r");
    // The popup starts from the current due time.
    let text = d.screen();
    assert!(text.contains("Move this follow-up"), "{text}");
    assert!(text.contains("2026-12-01 07:30"), "{text}");
    // A time already past is refused at the field, what was typed kept.
    d.retype("2026-11-29 09:00").press(KeyCode::Enter);
    let text = d.screen();
    assert!(text.contains("That time has passed."), "{text}");
    assert!(text.contains("2026-11-29 09:00"), "{text}");
    d.retype("12-04 15:00").press(KeyCode::Enter);
    // Then why.
    assert!(d.screen().contains("Why"), "{}", d.screen());
    d.press(KeyCode::Enter);
    assert!(d.screen().contains("Required."), "a reason is needed");
    d.type_text("家长出差，周五回来").press(KeyCode::Enter);
    assert_eq!(d.status(), "Follow-up moved; the reason is in its history.");
    let moved = d.store().followup(first.id).expect("follow-up");
    assert_eq!(moved.due_at, at("12-04 15:00"));
    assert_eq!(moved.status, FollowupStatus::Open);
    let log = d.store().followup_history(first.id).expect("log");
    let last = log.last().expect("entries");
    assert_eq!(last.action, LogAction::Rescheduled);
    assert_eq!(last.reason, "家长出差，周五回来");
    assert_eq!(last.changes[0].field, "due_at");
    assert!(d.screen().contains("due 12-04 15:00"), "{}", d.screen());
    // The list is in due order: the moved follow-up went down it, and the cursor went with it,
    // so the next key acts on the same record, not on whoever took its row.
    assert!(
        followups(&d, None).len() > 1,
        "more than one follow-up to mix up"
    );
    assert_ne!(
        listed(&d)[0].id,
        first.id,
        "the moved one is no longer first"
    );
    d.keys("r");
    let text = d.screen();
    assert!(text.contains("2026-12-04 15:00"), "{text}");
    d.press(KeyCode::Esc);
}

#[test]
fn overdue_followups_show_bangs_without_colour() {
    let mut d = Desk::new(Lang::En, &MONO, MORNING);
    d.open_shift();
    record_incident_and_followups(&mut d);
    d.reopen(WEDNESDAY);
    d.keys("f");
    let t = d.draw(80, 24);
    let text = screen_text(t.backend());
    assert!(text.contains("Follow-ups !! 2 overdue"), "{text}");
    for line in text.lines().filter(|l| l.contains("due 12-01")) {
        assert!(line.contains("!!"), "{line}");
        assert!(line.contains("OVERDUE"), "{line}");
    }
    let counselling = line_with(&text, "due 12-03");
    assert!(!counselling.contains("!!"), "{counselling}");
    let buf = t.backend().buffer();
    let all = rows(buf);
    for (y, (line, xs)) in all.iter().enumerate() {
        if let Some(i) = line.find("!!") {
            let x = xs[line[..i].chars().count()];
            let cell = &buf[(x, u16::try_from(y).expect("row"))];
            assert_eq!(cell.fg, Color::Reset, "no colour without colours");
            assert!(
                cell.modifier.contains(Modifier::BOLD),
                "bold instead: {line}"
            );
        }
    }
}

/// The follow-ups the list shows now.
fn listed(d: &Desk) -> Vec<Followup> {
    match d.app.screen() {
        Screen::Followups(list) => list.rows.clone(),
        _ => panic!("not on the follow-up list:\n{}", d.screen()),
    }
}

#[test]
fn followups_m_shows_only_those_of_the_person_at_the_desk() {
    let mut d = Desk::on_duty();
    record_incident(&mut d);
    // The counselling talk goes to 李丽: e, the owner typed over, ↓ Enter, Ctrl+S.
    d.press(KeyCode::Down).keys("e").retype("李");
    d.press(KeyCode::Down).press(KeyCode::Enter).ctrl('s');
    assert!(line_with(&d.screen(), "due 12-03").contains("李丽"));
    // Accept them; from the incident, Esc back to the list, then the Follow-ups tab.
    d.press(KeyCode::Enter).press(KeyCode::Esc).keys("f");
    assert_eq!(listed(&d).len(), 3);
    d.keys("m");
    let mine = listed(&d);
    assert_eq!(mine.len(), 2, "{mine:#?}");
    assert!(mine.iter().all(|f| f.owner_name == "张伟"));
    assert!(d.screen().contains("Follow-ups [mine]"), "{}", d.screen());
    d.keys("m");
    assert_eq!(listed(&d).len(), 3, "m again: everyone's");
    // 李丽 takes the desk (u on the shift screen): hers is the only one.
    d.keys("su").keys("fm");
    let hers = listed(&d);
    assert_eq!(hers.len(), 1, "{hers:#?}");
    assert_eq!(hers[0].kind, Kind::Counselling);
    assert_eq!(hers[0].owner, staff_id(&d, "李丽"));
}

#[test]
fn a_followup_for_a_student_is_added_from_the_list() {
    let mut d = Desk::on_duty();
    d.keys("fa");
    // Kind: parent contact; student typed and chosen; a note; owner the operator; due.
    d.press(KeyCode::Tab).type_text("小红").press(KeyCode::Down);
    d.press(KeyCode::Enter).type_text("了解午休情况");
    d.tab(2).retype("11-30 16:00").press(KeyCode::Enter);
    assert_eq!(d.status(), "Follow-up saved.");
    let all = followups(&d, None);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(
        all[0].student,
        Some((student_id(&d, "李小红"), "李小红".to_owned()))
    );
    assert_eq!(all[0].note, "了解午休情况");
    assert_eq!(all[0].due_at, at("11-30 16:00"));
}

// ---------------------------------------------------------------------------------------------
// Hazards
// ---------------------------------------------------------------------------------------------

/// `h`, `a`: the hazard form; what it is, the risk level `rights` steps right of medium.
fn record_hazard(d: &mut Desk, what: &str, rights: usize) {
    d.keys("ha").tab(2).type_text(what).press(KeyCode::Tab);
    for _ in 0..rights {
        d.press(KeyCode::Right);
    }
    d.ctrl('s');
}

#[test]
fn hazard_a_records_it_due_by_its_risk_level() {
    let mut d = Desk::on_duty();
    // Medium (14 days), high (7), critical (1), low (30).
    let cases = [
        ("操场东侧围栏松动", 0, "medium", 14),
        ("二楼楼梯间灯坏", 1, "high", 7),
        ("食堂地面湿滑", 2, "critical", 1),
        ("两宿舍学生口角", 3, "low", 30),
    ];
    for (what, rights, risk, days) in cases {
        record_hazard(&mut d, what, rights);
        let due =
            NaiveDate::from_ymd_opt(2026, 11, 30).expect("day") + chrono::Duration::days(days);
        assert_eq!(d.status(), format!("Recorded; due {due}."));
        let h = hazards(&d)
            .into_iter()
            .find(|h| h.draft.description == what)
            .expect("recorded");
        assert_eq!((h.draft.risk.as_str(), h.due_on), (risk, due));
        assert_eq!(h.status, HazardStatus::Open);
        assert_eq!(h.draft.place, PlaceRef::Config("playground".to_owned()));
    }
}

#[test]
fn hazard_form_needs_a_description() {
    let mut d = Desk::on_duty();
    d.keys("ha").ctrl('s');
    assert!(matches!(d.app.screen(), Screen::HazardForm(_)));
    assert_error_at(&d, "What *", "Risk", "Required.");
    assert!(hazards(&d).is_empty());
}

/// The selected hazard's `r`: the steps popup (what was there, and `more` typed after it).
fn advance_hazard(d: &mut Desk, more: &str) {
    d.keys("r").type_text(more).press(KeyCode::Enter);
}

#[test]
fn hazard_r_moves_it_to_rectifying_then_rectified_with_the_steps() {
    let mut d = Desk::on_duty();
    record_hazard(&mut d, "操场东侧围栏松动", 0);
    d.keys("h");
    let text = d.screen();
    assert!(text.contains(" r  rectifying "), "{text}");
    advance_hazard(&mut d, "已报后勤");
    assert_eq!(d.status(), "Hazard updated.");
    assert_eq!(hazards(&d)[0].status, HazardStatus::Rectifying);
    assert!(d.screen().contains(" r  rectified "), "{}", d.screen());
    // The popup starts from the steps so far.
    d.keys("r");
    assert!(d.screen().contains("已报后勤"));
    d.type_text("，已加固").press(KeyCode::Enter);
    let h = hazards(&d).remove(0);
    assert_eq!(h.status, HazardStatus::Rectified);
    assert_eq!(h.draft.steps, "已报后勤，已加固");
    assert_eq!(h.rectified_at, Some(at("11-30 07:30")));
    let log = d.store().hazard_history(h.id).expect("log");
    let actions: Vec<LogAction> = log.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            LogAction::Created,
            LogAction::StatusChanged,
            LogAction::StatusChanged
        ]
    );
    assert!(d.screen().contains(" v  verify "), "{}", d.screen());
}

/// On the patrol grid at 12:30 (which opens on the first morning round waiting for a reason,
/// the canteen): the playground's noon round, all OK in one key.
fn check_playground_at_noon(d: &mut Desk) {
    d.keys("p")
        .press(KeyCode::Down)
        .press(KeyCode::Left)
        .keys("o");
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).expect("day");
    let checks = d.store().day_checks(day).expect("checks");
    assert!(
        checks
            .iter()
            .any(|c| c.round.slot == "noon" && c.round.place == "playground"),
        "the noon playground round was checked:\n{}",
        d.screen()
    );
}

#[test]
fn hazard_v_is_refused_until_a_patrol_of_its_place_after_the_rectification() {
    let mut d = Desk::on_duty();
    // The playground was patrolled at 07:30, then the hazard found there recorded.
    d.keys("p").keys("o");
    record_hazard(&mut d, "操场东侧围栏松动", 0);
    // Rectified at 07:45: the 07:30 patrol came before, so it proves nothing.
    d.reopen(QUARTER_PAST);
    d.keys("h");
    advance_hazard(&mut d, "已报后勤");
    advance_hazard(&mut d, "，已加固");
    d.keys("v");
    assert!(d.status_is_error());
    assert_eq!(
        d.status(),
        "Not verified: no patrol of this place has been checked since it was rectified. Check the place first."
    );
    assert_eq!(hazards(&d)[0].status, HazardStatus::Rectified);
    // At noon the playground is patrolled again: now v verifies it.
    d.reopen(NOON);
    check_playground_at_noon(&mut d);
    d.keys("h").keys("v");
    assert_eq!(d.status(), "Rectification verified on patrol.");
    let h = d.store().hazards(false, 10).expect("hazards").remove(0);
    assert_eq!(h.status, HazardStatus::Verified);
    assert_eq!(h.verified_at, Some(at("11-30 12:30")));
    // A verified hazard leaves the register's default view.
    assert!(d.store().hazards(true, 10).expect("pending").is_empty());
    assert!(d.screen().contains("Nothing pending."), "{}", d.screen());
}

// ---------------------------------------------------------------------------------------------
// Report-mailbox slips
// ---------------------------------------------------------------------------------------------

const SLIP_1: &str = "初二有人在厕所抽烟";
const SLIP_2: &str = "七年级2班王小明午休时被人要钱";

/// From outside a form: the incident list, `m` for the slips, and two slips recorded.
fn two_slips(d: &mut Desk) {
    d.keys("im");
    for text in [SLIP_1, SLIP_2] {
        d.keys("a");
        assert!(d.screen().contains("A slip from the report mailbox"));
        d.type_text(text).press(KeyCode::Enter);
        assert_eq!(d.status(), "Slip saved as unverified.");
    }
}

#[test]
fn mailbox_slip_e_becomes_an_incident_from_the_mailbox() {
    let mut d = Desk::on_duty();
    two_slips(&mut d);
    let text = d.screen();
    assert!(
        text.contains("Report mailbox slips (2 unverified)"),
        "{text}"
    );
    // The newest first: e makes it an incident, its text the narrative, its source the mailbox.
    assert!(line_with(&text, "▶").contains(SLIP_2), "{text}");
    d.keys("e");
    assert!(d.is_incident_form());
    let text = d.screen();
    assert!(
        line_with(&text, "Source").contains("report mailbox"),
        "{text}"
    );
    assert!(
        line_with(&text, "What happened *").contains(SLIP_2),
        "{text}"
    );
    d.ctrl('s');
    let incident = only_incident(&d);
    assert_eq!(incident.draft.source, Source::Mailbox);
    assert_eq!(incident.draft.narrative, SLIP_2);
    assert_eq!(incident.number, "2026-0001");
    let merged = slips(&d)
        .into_iter()
        .find(|s| s.text == SLIP_2)
        .expect("kept");
    assert_eq!(merged.status, SlipStatus::Merged);
    assert_eq!(
        merged.merged_into,
        Some((incident.id, "2026-0001".to_owned()))
    );
}

#[test]
fn mailbox_slip_u_closes_it_as_unfounded_and_keeps_it() {
    let mut d = Desk::on_duty();
    two_slips(&mut d);
    d.press(KeyCode::Down).keys("u");
    assert!(d.screen().contains("Close this slip as unfounded"));
    d.type_text("查看监控并询问厕所保洁，无此事")
        .press(KeyCode::Enter);
    assert_eq!(d.status(), "Slip closed as unfounded (kept).");
    let all = slips(&d);
    assert_eq!(all.len(), 2, "never deleted");
    let closed = all.iter().find(|s| s.text == SLIP_1).expect("kept");
    assert_eq!(closed.status, SlipStatus::Unfounded);
    assert_eq!(closed.closed_note, "查看监控并询问厕所保洁，无此事");
    let open = all.iter().find(|s| s.text == SLIP_2).expect("kept");
    assert_eq!(open.status, SlipStatus::Unverified);
    assert!(incidents(&d).is_empty());
    let text = d.screen();
    assert!(text.contains("(1 unverified)"), "{text}");
    // A closed slip offers nothing more.
    d.press(KeyCode::Down).keys("e");
    assert!(!d.is_incident_form(), "{}", d.screen());
}

#[test]
fn a_slip_closed_elsewhere_while_its_incident_is_typed_keeps_the_form() {
    let mut d = Desk::on_duty();
    two_slips(&mut d);
    d.keys("e").tab(TO_WORDS).type_text("他说一直被要钱");
    let mut other = d.store();
    let actor = other_terminal(&other, "李丽");
    let slip = slips(&d)
        .into_iter()
        .find(|s| s.text == SLIP_2)
        .expect("kept");
    other
        .close_slip_unfounded(
            slip.id,
            slip.version,
            "已核实，非事实",
            actor,
            at("11-30 07:31"),
        )
        .expect("closed at the other terminal");
    let before = d.screen();
    d.ctrl('s');
    assert!(d.status_is_error());
    assert!(
        d.status().starts_with("Changed on another terminal"),
        "{}",
        d.status()
    );
    assert!(d.is_incident_form());
    assert_eq!(without_status(&before), without_status(&d.screen()));
    assert!(incidents(&d).is_empty(), "no incident half-made");
}

// ---------------------------------------------------------------------------------------------
// From a patrol problem
// ---------------------------------------------------------------------------------------------

const PROBLEM: &str = "东门围栏破损，两名学生攀爬";

/// The playground's morning round checked with the first item a problem; back on the grid with
/// that round selected.
fn patrol_with_problem(d: &mut Desk) {
    d.keys("p")
        .press(KeyCode::Enter)
        .keys("x")
        .type_text(PROBLEM);
    d.press(KeyCode::Enter).keys("a");
    assert!(
        d.status().contains("saved with 1 problem"),
        "{}",
        d.status()
    );
}

#[test]
fn patrol_problem_e_opens_the_incident_form_with_place_time_and_problem() {
    let mut d = Desk::on_duty();
    patrol_with_problem(&mut d);
    d.keys("e");
    assert!(d.is_incident_form(), "{}", d.screen());
    let text = d.screen();
    assert!(
        line_with(&text, "When *").contains("2026-11-30 07:30"),
        "{text}"
    );
    assert!(line_with(&text, "Place").contains("Playground"), "{text}");
    assert!(line_with(&text, "Source").contains("patrol"), "{text}");
    let narrative = line_with(&text, "What happened *");
    assert!(
        narrative.contains(&format!("No crowding, shoving or jeering：{PROBLEM}")),
        "{text}"
    );
    d.ctrl('s');
    let saved = only_incident(&d);
    assert_eq!(saved.draft.place, PlaceRef::Config("playground".to_owned()));
    assert_eq!(saved.draft.source, Source::Patrol);
    assert_eq!(saved.draft.occurred_at, at("11-30 07:30"));
    assert!(saved.draft.narrative.ends_with(PROBLEM));
    assert!(saved.draft.from_check.is_some());
}

#[test]
fn patrol_problem_d_opens_the_hazard_form_with_place_and_problem() {
    let mut d = Desk::on_duty();
    patrol_with_problem(&mut d);
    d.keys("d");
    assert!(matches!(d.app.screen(), Screen::HazardForm(_)));
    let text = d.screen();
    assert!(line_with(&text, "Place").contains("Playground"), "{text}");
    assert!(line_with(&text, "What *").contains(PROBLEM), "{text}");
    d.ctrl('s');
    let h = hazards(&d).remove(0);
    assert_eq!(h.draft.place, PlaceRef::Config("playground".to_owned()));
    assert!(h.draft.description.ends_with(PROBLEM));
    assert!(h.draft.from_check.is_some());
    // Saved, the form goes back to the grid it came from.
    assert!(matches!(d.app.screen(), Screen::Patrols(_)));
}

#[test]
fn a_round_without_problems_offers_no_incident() {
    let mut d = Desk::on_duty();
    d.keys("p").keys("o").keys("e");
    assert_eq!(d.status(), "This round has no problem recorded.");
    assert!(matches!(d.app.screen(), Screen::Patrols(_)));
    d.keys("d");
    assert!(matches!(d.app.screen(), Screen::Patrols(_)));
}

// ---------------------------------------------------------------------------------------------
// Defects found (fail today; run with --ignored)
// ---------------------------------------------------------------------------------------------

#[test]
fn the_same_student_cannot_be_on_one_incident_twice() {
    let mut d = Desk::on_duty();
    incident_with_narrative(&mut d).tab(NARRATIVE_TO_STUDENTS);
    add_student(&mut d, &TARGET);
    // 王小明 again, as initiator this time: the popup refuses him and stays open.
    add_student(&mut d, &INITIATOR.with_typed(TARGET.typed));
    assert!(
        d.screen().contains("Already on this incident"),
        "{}",
        d.screen()
    );
    d.press(KeyCode::Esc).ctrl('s');
    let saved = only_incident(&d);
    assert_eq!(saved.students.len(), 1);
    let mut ids: Vec<_> = saved.students.iter().map(|s| s.student.id).collect();
    ids.dedup();
    assert_eq!(
        ids.len(),
        saved.students.len(),
        "one student twice on one incident: {:#?}",
        saved.students
    );
}

impl<'a> StudentEntry<'a> {
    fn with_typed(self, typed: &'a str) -> StudentEntry<'a> {
        StudentEntry { typed, ..self }
    }
}

#[test]
fn correcting_keeps_every_student_row() {
    let mut d = Desk::on_duty();
    incident_with_narrative(&mut d).tab(NARRATIVE_TO_STUDENTS);
    add_student(&mut d, &TARGET);
    add_student(&mut d, &INITIATOR.with_typed(TARGET.typed));
    // Refused in the popup; Esc closes it, the incident keeps one row for him.
    d.press(KeyCode::Esc).ctrl('s').press(KeyCode::Esc);
    let id = only_incident(&d).id;
    let before = d.store().incident(id).expect("incident").students;
    // Only the severity is corrected.
    d.keys("e").tab(TO_SEVERITY).press(KeyCode::Right).ctrl('s');
    d.type_text("定性有误").press(KeyCode::Enter);
    let after = d.store().incident(id).expect("incident").students;
    assert_eq!(
        after.len(),
        before.len(),
        "students before {before:#?}\nafter {after:#?}"
    );
}

#[test]
fn the_decision_date_can_be_cleared_and_typed_anew() {
    let mut d = Desk::on_duty();
    incident_with_narrative(&mut d).tab(TO_BULLYING - TO_NARRATIVE);
    d.press(KeyCode::Right).press(KeyCode::Tab).retype("11-29");
    let text = d.screen();
    let field = line_with(&text, "Decided on *");
    assert!(
        field.contains(" 11-29") && !field.contains("2026-11-30"),
        "what was typed replaces the date: {field:?}"
    );
}

#[test]
fn f_on_the_incident_detail_adds_a_followup_to_it() {
    let mut d = Desk::on_duty();
    record_incident_and_followups(&mut d);
    assert!(
        d.screen().contains(" f  follow-up "),
        "the key bar offers it"
    );
    d.keys("f");
    assert!(
        matches!(d.app.screen(), Screen::FollowupForm(_)),
        "{}",
        d.screen()
    );
    assert!(d.screen().contains("New follow-up · Incident 2026-0001"));
}

#[test]
fn f_on_a_students_record_adds_a_followup_about_them() {
    let mut d = Desk::on_duty();
    record_incident_and_followups(&mut d);
    d.press(KeyCode::Enter);
    assert!(matches!(d.app.screen(), Screen::StudentView(_)));
    assert!(
        d.screen().contains(" f  follow-up "),
        "the key bar offers it"
    );
    d.keys("f");
    assert!(
        matches!(d.app.screen(), Screen::FollowupForm(_)),
        "{}",
        d.screen()
    );
    assert!(line_with(&d.screen(), "Student").contains("王小明"));
}

#[test]
fn f_on_the_hazard_register_adds_a_recheck_for_the_selected_hazard() {
    let mut d = Desk::on_duty();
    record_hazard(&mut d, "操场东侧围栏松动", 0);
    d.keys("h");
    assert!(
        d.screen().contains(" f  follow-up "),
        "the key bar offers it"
    );
    d.keys("f");
    assert!(
        matches!(d.app.screen(), Screen::FollowupForm(_)),
        "{}",
        d.screen()
    );
    let text = d.screen();
    assert!(
        line_with(&text, "Kind").contains("re-check a place"),
        "{text}"
    );
}

#[test]
fn enter_enter_on_a_round_already_done_writes_nothing_under_another_name() {
    let mut d = Desk::on_duty();
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).expect("day");
    // Now's first round, answered: the rest OK and saved.
    d.keys("n").press(KeyCode::Enter).keys("a");
    let before = d.store().day_checks(day).expect("checks");
    assert_eq!(before.len(), 1, "{}", d.screen());
    // A hurried Enter, Enter on the same (done) round opens it and saves it unchanged.
    d.press(KeyCode::Enter);
    assert!(matches!(d.app.screen(), Screen::Check(_)), "{}", d.screen());
    d.press(KeyCode::Enter);
    assert_eq!(
        d.status(),
        "Nothing was changed, so there is nothing to save."
    );
    let after = d.store().day_checks(day).expect("checks");
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].id, before[0].id, "the check was not written again");
}

#[test]
fn enter_does_not_answer_a_question_only_y_does() {
    let mut d = Desk::on_duty();
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).expect("day");
    // One item answered, then save: the form asks whether to save a partial round.
    d.keys("n")
        .press(KeyCode::Enter)
        .keys("o")
        .press(KeyCode::Enter);
    assert!(
        d.screen().contains("Save as a partial round?"),
        "{}",
        d.screen()
    );
    // A hurried Enter does not say yes: nothing is saved, the form stays.
    d.press(KeyCode::Enter);
    assert!(matches!(d.app.screen(), Screen::Check(_)), "{}", d.screen());
    assert!(d.store().day_checks(day).expect("checks").is_empty());
    // Asked again, `y` saves it.
    d.press(KeyCode::Enter).keys("y");
    assert_eq!(d.store().day_checks(day).expect("checks").len(), 1);
}
