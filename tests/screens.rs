//! Screen tests: keys in, actions and state out, without a database. Each screen is built
//! directly from the default configuration, a fixed moment (Monday 2026-11-30 07:30, during the
//! morning arrival slot) and hand-made loaded data, exactly as `App` would hand them over.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

#[path = "common/screen.rs"]
mod screen;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use dutydesk::action::Action;
use dutydesk::action::{DutyAction, PatrolAction};
use dutydesk::app::Data;
use dutydesk::config::Config;
use dutydesk::domain::patrol::{
    CheckDraft, CheckId, CheckRecord, ExceptionRecord, ItemAnswer, ItemResult, RoundState,
};
use dutydesk::domain::rounds::{self, RoundView};
use dutydesk::domain::schedule::RoundKey;
use dutydesk::domain::shift::{DutyRole, Member, MemberRef, Shift, ShiftDraft, ShiftId};
use dutydesk::domain::staff::{Staff, StaffDraft, StaffId, StaffRole};
use dutydesk::i18n::Lang;
use dutydesk::i18n::Words as _;
use dutydesk::screens::View;
use dutydesk::screens::check_form::CheckForm;
use dutydesk::screens::now::NowScreen;
use dutydesk::screens::patrols::PatrolScreen;
use dutydesk::screens::shift::ShiftScreen;
use dutydesk::screens::shift_form::ShiftForm;
use dutydesk::screens::staff::StaffScreen;
use dutydesk::screens::staff_form::StaffForm;

// ---------------------------------------------------------------------------------------------
// The world the screens see
// ---------------------------------------------------------------------------------------------

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

fn at(hm: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(&format!("2026-11-30 {hm}"), "%Y-%m-%d %H:%M").expect("time")
}

fn offset() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("offset")
}

/// A local wall-clock time as the UTC instant the store would hold.
/// A local wall-clock time at the school's offset.
fn local(t: NaiveDateTime) -> DateTime<FixedOffset> {
    offset()
        .from_local_datetime(&t)
        .single()
        .expect("unambiguous")
}

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    offset()
        .from_local_datetime(&t)
        .single()
        .expect("unambiguous")
        .with_timezone(&Utc)
}

fn cfg() -> Config {
    dutydesk::config::load(None).expect("the embedded defaults load")
}

fn staff(id: i64, name: &str, role: StaffRole) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.to_owned(),
        role,
    }
}

/// The staff list as the store returns it.
fn staff_list() -> Vec<Staff> {
    vec![
        staff(1, "张伟", StaffRole::Teacher),
        staff(2, "张丽", StaffRole::Leader),
        staff(3, "王强", StaffRole::Guard),
        staff(4, "Li Ming", StaffRole::Teacher),
        staff(5, "刘洋", StaffRole::DormStaff),
    ]
}

fn member(id: i64, name: &str, role: DutyRole) -> Member {
    Member {
        staff: StaffId(id),
        name: name.to_owned(),
        role,
    }
}

fn open_shift() -> Shift {
    Shift {
        id: ShiftId(1),
        day: monday(),
        opened_at: utc(at("07:10")),
        closed_at: None,
        members: vec![
            member(1, "张伟", DutyRole::DutyTeacher),
            member(2, "张丽", DutyRole::Leader),
            member(3, "王强", DutyRole::Guard),
        ],
        handover_note: String::new(),
        signed_off: None,
        version: 1,
    }
}

/// Data as `App` loads it at `now`: the staff list, today's rounds open now, and optionally a
/// shift.
fn data(now: NaiveDateTime, shift: Option<Shift>) -> Data {
    let today = rounds::for_day(&cfg(), monday(), &[], &[], local(now), monday());
    let operator = shift
        .as_ref()
        .and_then(|s| s.duty_teacher().map(|m| m.staff));
    Data {
        shift,
        operator,
        staff: staff_list(),
        recent_shifts: Vec::new(),
        active: today
            .iter()
            .filter(|r| r.window.contains(now))
            .cloned()
            .collect(),
        today_tally: rounds::tally(&today),
        open_exceptions: rounds::tally(&today).open_exceptions,
        exception_days: if rounds::tally(&today).open_exceptions > 0 {
            vec![monday()]
        } else {
            Vec::new()
        },
        tracked_from: Some(monday()),
        ..Data::default()
    }
}

fn view<'a>(cfg: &'a Config, data: &'a Data, lang: Lang, now: NaiveDateTime) -> View<'a> {
    View {
        cfg,
        lang,
        s: lang.strings(),
        theme: &dutydesk::theme::COLOR,
        now,
        offset: offset(),
        caret: true,
        data,
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn round_key(slot: &str, rep: u32, place: &str) -> RoundKey {
    RoundKey {
        day: monday(),
        slot: slot.to_owned(),
        rep,
        place: place.to_owned(),
    }
}

/// What a screen shows, as text, for the few state checks that have no accessor (field errors,
/// choices offered).
fn screen_text(draw: impl FnOnce(&mut ratatui::Frame<'_>, Rect)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|f| {
            let area = f.area();
            draw(f, area);
        })
        .expect("draw");
    screen::screen_text(terminal.backend())
}

// ---------------------------------------------------------------------------------------------
// Patrol grid
// ---------------------------------------------------------------------------------------------

/// The grid of Monday at `now`, with the given checks and reasons.
fn grid(
    cfg: &Config,
    now: NaiveDateTime,
    checks: &[CheckRecord],
    exceptions: &[ExceptionRecord],
) -> PatrolScreen {
    let mut p = PatrolScreen::new(monday());
    p.set_rounds(
        rounds::for_day(cfg, monday(), checks, exceptions, local(now), monday()),
        cfg,
    );
    p
}

#[test]
fn patrol_grid_starts_on_the_first_due_round_and_enter_opens_the_selected_one() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut p = grid(&cfg, now, &[], &[]);
    // Columns follow the config's place order: playground, canteen, dorm M, dorm F, toilets,
    // corners, gate. The morning row has playground first.
    assert_eq!(
        p.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(round_key(
            "morning",
            0,
            "playground"
        ))))
    );
    assert_eq!(p.handle_key(key(KeyCode::Right), &v), None);
    assert_eq!(
        p.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(round_key(
            "morning", 0, "canteen"
        ))))
    );
    // The boys' dormitory is not patrolled in the morning: nothing to open there.
    p.handle_key(key(KeyCode::Right), &v);
    assert_eq!(p.handle_key(key(KeyCode::Enter), &v), None);
    // One row down is the noon break, which does include it.
    p.handle_key(key(KeyCode::Down), &v);
    assert_eq!(
        p.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(round_key(
            "noon",
            0,
            "dorm_boys"
        ))))
    );
    // vi keys move too; the cursor stops at the edges.
    for _ in 0..10 {
        p.handle_key(ch('l'), &v);
    }
    assert_eq!(
        p.handle_key(key(KeyCode::Enter), &v),
        None,
        "the noon row has no gate round"
    );
    p.handle_key(ch('j'), &v);
    assert_eq!(
        p.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(round_key(
            "after_school",
            0,
            "gate"
        ))))
    );
    for _ in 0..10 {
        p.handle_key(key(KeyCode::Left), &v);
        p.handle_key(ch('k'), &v);
    }
    assert_eq!(
        p.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(round_key(
            "morning",
            0,
            "playground"
        ))))
    );
}

#[test]
fn patrol_grid_has_a_row_for_each_hour_of_the_night_rounds() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::Zh, now);
    let mut p = grid(&cfg, now, &[], &[]);
    // morning, noon, after school, evening, then night 22:00 … 05:00 (8 rows).
    for _ in 0..4 {
        p.handle_key(key(KeyCode::Down), &v);
    }
    for _ in 0..2 {
        p.handle_key(key(KeyCode::Right), &v); // canteen, then the boys' dormitory
    }
    let first_night = round_key("night", 0, "dorm_boys");
    assert_eq!(
        p.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(first_night)))
    );
    for _ in 0..20 {
        p.handle_key(key(KeyCode::Down), &v);
    }
    assert_eq!(
        p.handle_key(ch('o'), &v),
        Some(Action::Patrol(PatrolAction::QuickOk(round_key(
            "night",
            7,
            "dorm_boys"
        ))))
    );
}

#[test]
fn patrol_grid_o_asks_for_all_ok_and_r_for_a_reason_on_the_selected_round() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut p = grid(&cfg, now, &[], &[]);
    assert_eq!(
        p.handle_key(ch('o'), &v),
        Some(Action::Patrol(PatrolAction::QuickOk(round_key(
            "morning",
            0,
            "playground"
        ))))
    );
    p.handle_key(key(KeyCode::Right), &v);
    assert_eq!(
        p.handle_key(ch('r'), &v),
        Some(Action::Patrol(PatrolAction::AskReason(round_key(
            "morning", 0, "canteen"
        ))))
    );
}

#[test]
fn patrol_grid_brackets_and_t_move_between_days() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::En, now);
    let mut p = grid(&cfg, now, &[], &[]);
    let day = |d: u32| {
        Action::Patrol(PatrolAction::PatrolDay(
            NaiveDate::from_ymd_opt(2026, 11, d).expect("date"),
        ))
    };
    assert_eq!(p.handle_key(ch('['), &v), Some(day(29)));
    assert_eq!(
        p.handle_key(ch(']'), &v),
        Some(Action::Patrol(PatrolAction::PatrolDay(
            NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
        )))
    );
    assert_eq!(p.handle_key(key(KeyCode::PageUp), &v), Some(day(29)));
    // `t` comes back to today from any other day.
    let mut sunday = PatrolScreen::new(NaiveDate::from_ymd_opt(2026, 11, 29).expect("date"));
    sunday.set_rounds(Vec::new(), &cfg);
    assert_eq!(sunday.handle_key(ch('t'), &v), Some(day(30)));
    // A day with no rounds (Saturday) has nothing to open.
    let mut saturday = PatrolScreen::new(NaiveDate::from_ymd_opt(2026, 11, 28).expect("date"));
    let sat = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    saturday.set_rounds(rounds::for_day(&cfg, sat, &[], &[], local(now), sat), &cfg);
    assert!(saturday.rounds().is_empty());
    assert_eq!(saturday.handle_key(key(KeyCode::Enter), &v), None);
    assert_eq!(saturday.handle_key(ch('o'), &v), None);
}

fn exception(key: RoundKey, reason: &str) -> ExceptionRecord {
    ExceptionRecord {
        round: key,
        reason: reason.to_owned(),
        by_name: "张伟".to_owned(),
        at: utc(at("12:20")),
    }
}

#[test]
fn patrol_grid_starts_on_the_first_round_still_waiting_for_a_reason() {
    // At 12:30 the morning rounds are missed and the noon rounds due: the missed ones come first.
    let (cfg, now) = (cfg(), at("12:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut p = grid(&cfg, now, &[], &[]);
    assert_eq!(
        p.handle_key(ch('r'), &v),
        Some(Action::Patrol(PatrolAction::AskReason(round_key(
            "morning",
            0,
            "playground"
        ))))
    );
    // With a reason written for the playground, the canteen is next in line.
    let explained = [exception(round_key("morning", 0, "playground"), "开会")];
    let mut p = grid(&cfg, now, &[], &explained);
    assert_eq!(
        p.handle_key(ch('r'), &v),
        Some(Action::Patrol(PatrolAction::AskReason(round_key(
            "morning", 0, "canteen"
        ))))
    );
    // A reload (every minute) keeps the cursor where the user put it.
    p.handle_key(key(KeyCode::Down), &v);
    p.set_rounds(
        rounds::for_day(&cfg, monday(), &[], &explained, local(now), monday()),
        &cfg,
    );
    assert_eq!(
        p.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(round_key(
            "noon", 0, "canteen"
        ))))
    );
}

#[test]
fn patrol_grid_a_round_checked_after_its_window_still_needs_a_reason() {
    let (cfg, now) = (cfg(), at("12:30"));
    let key = round_key("morning", 0, "playground");
    let late = CheckRecord {
        id: CheckId(7),
        round: key.clone(),
        shift: ShiftId(1),
        by: StaffId(1),
        by_name: "张伟".to_owned(),
        at: utc(at("12:25")),
        first_at: utc(at("12:25")),
        complete: true,
        problems: 0,
        note: String::new(),
        items: Vec::new(),
    };
    let day = rounds::for_day(&cfg, monday(), &[late], &[], local(now), monday());
    let round = day.iter().find(|r| r.key == key).expect("round");
    assert!(
        round.open_exception,
        "checked at 12:25 for a 07:00–08:00 window: state {:?}, no reason asked",
        round.state
    );
}

// ---------------------------------------------------------------------------------------------
// Check form
// ---------------------------------------------------------------------------------------------

/// The gate's morning round at 07:30 (three checklist items), not yet checked.
fn gate_round(cfg: &Config, now: NaiveDateTime) -> RoundView {
    rounds::for_day(cfg, monday(), &[], &[], local(now), monday())
        .into_iter()
        .find(|r| r.key == round_key("morning", 0, "gate"))
        .expect("the gate is patrolled in the morning")
}

fn type_into_check(form: &mut CheckForm, text: &str) {
    for c in text.chars() {
        assert_eq!(form.handle_key(ch(c)), None, "typing {c:?}");
    }
}

fn results(action: Option<Action>) -> (Vec<ItemResult>, CheckDraft) {
    match action {
        Some(Action::Patrol(PatrolAction::SaveCheck(draft))) => {
            (draft.items.iter().map(|i| i.result).collect(), draft)
        }
        other => panic!("expected SaveCheck, got {other:?}"),
    }
}

#[test]
fn check_form_o_x_n_answer_items_and_enter_saves_them() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    assert_eq!(form.round, round_key("morning", 0, "gate"));
    // o and n answer the item and move on to the next one.
    assert_eq!(form.handle_key(ch('o')), None);
    assert_eq!(form.handle_key(ch('n')), None);
    // x marks a problem and puts the caret in the item's note.
    assert_eq!(form.handle_key(ch('x')), None);
    type_into_check(&mut form, "no shield");
    assert_eq!(
        form.handle_key(key(KeyCode::Enter)),
        None,
        "Enter ends the note"
    );
    let (got, draft) = results(form.handle_key(key(KeyCode::Enter)));
    assert_eq!(
        got,
        [
            ItemResult::Ok,
            ItemResult::NotApplicable,
            ItemResult::Problem
        ]
    );
    assert_eq!(draft.items[2].note, "no shield");
    assert_eq!(
        draft.items[0].text, "Guards at post, visitors registered",
        "the item text is kept in the form's language"
    );
    assert!(draft.is_complete());
    assert_eq!(draft.replaces, None);
    assert_eq!(draft.note, "");
}

#[test]
fn check_form_number_keys_and_space_answer_items_too() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::Zh, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    form.handle_key(ch('1'));
    form.handle_key(ch('3'));
    // Space cycles the item: unset → OK (and moves on).
    form.handle_key(ch(' '));
    let (got, draft) = results(form.handle_key(key(KeyCode::Enter)));
    assert_eq!(
        got,
        [ItemResult::Ok, ItemResult::NotApplicable, ItemResult::Ok]
    );
    assert_eq!(draft.items[0].text, "门卫在岗，来访人员已登记");
}

#[test]
fn check_form_x_then_typing_goes_into_the_items_note_not_into_answers() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    form.handle_key(ch('x'));
    // Letters that are answer keys in the list (o, x, n, a) are text here.
    type_into_check(&mut form, "a man at the fence, no badge");
    // Enter ends the note and moves on to the next item, so the next `o` cannot turn the
    // problem just noted into OK.
    form.handle_key(key(KeyCode::Enter));
    form.handle_key(ch('o'));
    form.handle_key(ch('o'));
    let (got, draft) = results(form.handle_key(key(KeyCode::Enter)));
    assert_eq!(got, [ItemResult::Problem, ItemResult::Ok, ItemResult::Ok]);
    assert_eq!(draft.items[0].note, "a man at the fence, no badge");
    assert_eq!(draft.items[1].note, "");
}

#[test]
fn check_form_refuses_a_problem_without_a_note_then_saves_the_note_typed() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::Zh, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    form.handle_key(ch('x'));
    form.handle_key(key(KeyCode::Enter)); // leave the note empty; on to the next item
    form.handle_key(ch('o'));
    form.handle_key(ch('o'));
    assert_eq!(
        form.handle_key(key(KeyCode::Enter)),
        None,
        "a problem without a note is not saved"
    );
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert!(
        shown.contains("发现问题须填写说明"),
        "the error is shown at the note:\n{shown}"
    );
    // The caret was put in the problem's note: typing goes there.
    type_into_check(&mut form, "门外有三名校外人员徘徊");
    // In a note, Enter means "done typing" (the key bar says so); the next Enter saves.
    assert_eq!(form.handle_key(key(KeyCode::Enter)), None);
    let (got, draft) = results(form.handle_key(key(KeyCode::Enter)));
    assert_eq!(got, [ItemResult::Problem, ItemResult::Ok, ItemResult::Ok]);
    assert_eq!(draft.items[0].note, "门外有三名校外人员徘徊");
}

#[test]
fn check_form_ctrl_s_saves_straight_from_a_note() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    form.handle_key(ch('o'));
    form.handle_key(ch('o'));
    form.handle_key(ch('x'));
    type_into_check(&mut form, "helmet missing");
    let (got, draft) = results(form.handle_key(ctrl('s')));
    assert_eq!(got, [ItemResult::Ok, ItemResult::Ok, ItemResult::Problem]);
    assert_eq!(draft.items[2].note, "helmet missing");
}

#[test]
fn check_form_asks_before_saving_unanswered_items_as_partial() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    form.handle_key(ch('o'));
    assert_eq!(form.handle_key(key(KeyCode::Enter)), None, "asks first");
    // While it asks, the bar offers only yes and no.
    let keys: Vec<&str> = form.keys(&v).iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["y", "n"]);
    // "n" answers the question; it does not mark the item "not applicable".
    assert_eq!(form.handle_key(ch('n')), None);
    assert_eq!(form.handle_key(key(KeyCode::Enter)), None, "asks again");
    let (got, draft) = results(form.handle_key(ch('y')));
    assert_eq!(got, [ItemResult::Ok, ItemResult::Unset, ItemResult::Unset]);
    assert!(!draft.is_complete());
}

#[test]
fn check_form_a_marks_the_rest_ok_and_saves_at_once() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    // From a fresh form: one key.
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    let (got, _) = results(form.handle_key(ch('a')));
    assert_eq!(got, [ItemResult::Ok; 3]);
    // Answers already given are kept.
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    form.handle_key(ch('n'));
    let (got, _) = results(form.handle_key(ch('a')));
    assert_eq!(
        got,
        [ItemResult::NotApplicable, ItemResult::Ok, ItemResult::Ok]
    );
}

#[test]
fn check_form_a_does_not_save_over_a_problem_without_a_note() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    form.handle_key(ch('x'));
    form.handle_key(key(KeyCode::Esc)); // leaves the note, not the form
    assert_eq!(form.handle_key(ch('a')), None);
    type_into_check(&mut form, "gate left open");
    form.handle_key(key(KeyCode::Enter));
    let (got, draft) = results(form.handle_key(ch('a')));
    assert_eq!(got, [ItemResult::Problem, ItemResult::Ok, ItemResult::Ok]);
    assert_eq!(draft.items[0].note, "gate left open");
}

#[test]
fn check_form_esc_is_dirty_only_after_a_change() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    // Moving around, opening a note and leaving it empty change nothing.
    form.handle_key(key(KeyCode::Down));
    form.handle_key(key(KeyCode::Up));
    form.handle_key(ch('e'));
    form.handle_key(key(KeyCode::Enter));
    form.handle_key(key(KeyCode::Tab));
    form.handle_key(key(KeyCode::Tab));
    assert!(!form.is_dirty());
    assert_eq!(
        form.handle_key(key(KeyCode::Esc)),
        Some(Action::LeaveForm { dirty: false })
    );
    form.handle_key(ch('o'));
    assert!(form.is_dirty());
    assert_eq!(
        form.handle_key(key(KeyCode::Esc)),
        Some(Action::LeaveForm { dirty: true })
    );
    // Typing in the round note makes it dirty too.
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    form.handle_key(key(KeyCode::Tab));
    type_into_check(&mut form, "雨");
    form.handle_key(key(KeyCode::Tab));
    assert_eq!(
        form.handle_key(key(KeyCode::Esc)),
        Some(Action::LeaveForm { dirty: true })
    );
}

#[test]
fn check_form_paste_keeps_only_clean_text() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::Zh, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    // Pasting on the list (no field focused) does nothing.
    form.handle_paste("ignored");
    assert!(!form.is_dirty());
    form.handle_key(ch('x'));
    form.handle_paste("门外\u{1b}]52;c;QUFB\u{7}有人\u{202E}徘徊\u{200B}\r\n第二行\u{9b}2J");
    assert!(form.is_dirty());
    form.handle_key(key(KeyCode::Enter));
    let (_, draft) = results(form.handle_key(ch('a')));
    let note = &draft.items[0].note;
    assert!(
        !note
            .chars()
            .any(|c| c.is_control()
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}')),
        "no control or bidi characters survive: {note:?}"
    );
    assert!(note.starts_with("门外") && note.contains("有人徘徊") && note.contains("第二行"));
    assert!(!note.contains('\n'), "a one-line note gets no line break");
    // Also in the round note.
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    form.handle_key(key(KeyCode::Tab));
    form.handle_paste("\u{1b}[2J\u{1b}[H雨天\u{2066}路滑\u{2069}");
    form.handle_key(key(KeyCode::Tab));
    let (_, draft) = results(form.handle_key(ch('a')));
    assert!(draft.note.contains("雨天路滑"), "{:?}", draft.note);
    assert!(
        !draft.note.chars().any(char::is_control),
        "{:?}",
        draft.note
    );
}

#[test]
fn check_form_opened_on_a_checked_round_starts_from_that_check() {
    let (cfg, now) = (cfg(), at("07:45"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let key = round_key("morning", 0, "gate");
    let earlier = CheckRecord {
        id: CheckId(41),
        round: key.clone(),
        shift: ShiftId(1),
        by: StaffId(1),
        by_name: "张伟".to_owned(),
        at: utc(at("07:20")),
        first_at: utc(at("07:20")),
        complete: false,
        problems: 1,
        note: "rain".to_owned(),
        items: vec![
            ItemAnswer {
                text: "Guards at post, visitors registered".to_owned(),
                result: ItemResult::Problem,
                note: "one guard late".to_owned(),
            },
            ItemAnswer {
                text: "No suspicious people gathering outside".to_owned(),
                result: ItemResult::Ok,
                note: String::new(),
            },
            ItemAnswer {
                text: "Protective equipment in place".to_owned(),
                result: ItemResult::Unset,
                note: String::new(),
            },
        ],
    };
    let round = rounds::for_day(&cfg, monday(), &[earlier], &[], local(now), monday())
        .into_iter()
        .find(|r| r.key == key)
        .expect("round");
    assert_eq!(round.state, RoundState::Partial);
    let mut form = CheckForm::new(&round, &v);
    assert!(!form.is_dirty());
    let (got, draft) = results(form.handle_key(ch('a')));
    assert_eq!(got, [ItemResult::Problem, ItemResult::Ok, ItemResult::Ok]);
    assert_eq!(draft.items[0].note, "one guard late");
    assert_eq!(draft.note, "rain");
    assert_eq!(
        draft.replaces,
        Some(CheckId(41)),
        "saving replaces the check it was opened on"
    );
}

#[test]
fn check_form_question_mark_asks_for_help_outside_notes_only() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = CheckForm::new(&gate_round(&cfg, now), &v);
    assert_eq!(form.handle_key(ch('?')), Some(Action::Help));
    form.handle_key(ch('x'));
    assert_eq!(
        form.handle_key(ch('?')),
        None,
        "a question mark is text in a note"
    );
    form.handle_key(key(KeyCode::Enter));
    let (_, draft) = results(form.handle_key(ch('a')));
    assert_eq!(draft.items[0].note, "?");
}

// ---------------------------------------------------------------------------------------------
// Staff form
// ---------------------------------------------------------------------------------------------

fn type_into_staff(form: &mut StaffForm, text: &str) {
    for c in text.chars() {
        assert_eq!(form.handle_key(ch(c)), None, "typing {c:?}");
    }
}

#[test]
fn staff_form_does_not_save_without_a_name() {
    let cfg = cfg();
    let data = data(at("07:30"), None);
    let v = view(&cfg, &data, Lang::Zh, at("07:30"));
    let mut form = StaffForm::new();
    // Enter on the name goes to the job; Enter on the job saves — but the name is empty.
    assert_eq!(form.handle_key(key(KeyCode::Enter)), None);
    assert_eq!(form.handle_key(key(KeyCode::Enter)), None);
    assert_eq!(form.handle_key(ctrl('s')), None);
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert!(
        shown.contains("必填"),
        "the name says it is required:\n{shown}"
    );
    // Spaces only are no name either.
    type_into_staff(&mut form, "   ");
    assert_eq!(form.handle_key(ctrl('s')), None);
}

#[test]
fn staff_form_saves_a_chinese_name_and_the_chosen_job() {
    let mut form = StaffForm::new();
    assert!(!form.is_dirty());
    type_into_staff(&mut form, "欧阳娜娜");
    assert!(form.is_dirty());
    form.handle_key(key(KeyCode::Tab)); // to the job line
    form.handle_key(key(KeyCode::Right)); // Teacher → School leader
    form.handle_key(key(KeyCode::Right)); // → Guard
    form.handle_key(key(KeyCode::Left)); // → School leader
    assert_eq!(
        form.handle_key(key(KeyCode::Enter)),
        Some(Action::Duty(DutyAction::SaveStaff(StaffDraft {
            name: "欧阳娜娜".to_owned(),
            role: StaffRole::Leader,
        })))
    );
}

#[test]
fn staff_form_job_wraps_around_and_letters_on_the_job_line_do_not_touch_the_name() {
    let mut form = StaffForm::new();
    type_into_staff(&mut form, "Li");
    form.handle_key(key(KeyCode::Down));
    form.handle_key(ch('h')); // Teacher → Other (wraps)
    form.handle_key(ch('z')); // not typed anywhere
    assert_eq!(
        form.handle_key(ctrl('s')),
        Some(Action::Duty(DutyAction::SaveStaff(StaffDraft {
            name: "Li".to_owned(),
            role: StaffRole::Other,
        })))
    );
    assert_eq!(
        form.handle_key(key(KeyCode::Esc)),
        Some(Action::LeaveForm { dirty: true })
    );
    assert_eq!(
        StaffForm::new().handle_key(key(KeyCode::Esc)),
        Some(Action::LeaveForm { dirty: false })
    );
}

#[test]
fn staff_form_paste_drops_escape_sequences_and_bidi_characters() {
    let mut form = StaffForm::new();
    form.handle_paste("\u{1b}[1m孙\u{202E}悦\u{1b}[0m\n");
    let Some(Action::Duty(DutyAction::SaveStaff(draft))) = form.handle_key(ctrl('s')) else {
        panic!("a pasted name saves");
    };
    assert!(
        !draft
            .name
            .chars()
            .any(|c| c.is_control() || c == '\u{202E}'),
        "{:?}",
        draft.name
    );
    // Whole escape sequences go, not only their ESC characters.
    assert_eq!(draft.name, "孙悦");
}

// ---------------------------------------------------------------------------------------------
// Shift form
// ---------------------------------------------------------------------------------------------

fn type_into_shift(form: &mut ShiftForm, v: &View<'_>, text: &str) {
    for c in text.chars() {
        assert_eq!(form.handle_key(ch(c), v), None, "typing {c:?}");
    }
}

fn start_shift(action: Option<Action>) -> ShiftDraft {
    match action {
        Some(Action::Duty(DutyAction::StartShift(draft))) => draft,
        other => panic!("expected StartShift, got {other:?}"),
    }
}

#[test]
fn shift_form_offers_staff_by_part_of_the_name_and_down_enter_picks_one() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::Zh, now);
    let mut form = ShiftForm::new();
    type_into_shift(&mut form, &v, "伟");
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert!(
        shown.contains("张伟"),
        "typing part of a name offers it:\n{shown}"
    );
    assert!(
        !shown.contains("张丽"),
        "only matching names are offered:\n{shown}"
    );
    // ↓ highlights the first choice, Enter takes it and moves to the leader.
    form.handle_key(key(KeyCode::Down), &v);
    form.handle_key(key(KeyCode::Enter), &v);
    type_into_shift(&mut form, &v, "张");
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert!(shown.contains("张丽"), "{shown}");
    form.handle_key(key(KeyCode::Down), &v); // 张伟
    form.handle_key(key(KeyCode::Down), &v); // 张丽
    form.handle_key(key(KeyCode::Enter), &v);
    let draft = start_shift(form.handle_key(ctrl('s'), &v));
    assert_eq!(draft.day, monday());
    assert_eq!(
        draft.members,
        [
            (MemberRef::Existing(StaffId(1)), DutyRole::DutyTeacher),
            (MemberRef::Existing(StaffId(2)), DutyRole::Leader),
        ]
    );
}

#[test]
fn shift_form_matches_latin_names_ignoring_case() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = ShiftForm::new();
    type_into_shift(&mut form, &v, "li m");
    form.handle_key(key(KeyCode::Down), &v);
    form.handle_key(key(KeyCode::Tab), &v); // Tab also takes the highlighted choice
    type_into_shift(&mut form, &v, "张丽"); // the exact name, not picked: still that person
    let draft = start_shift(form.handle_key(ctrl('s'), &v));
    assert_eq!(
        draft.members,
        [
            (MemberRef::Existing(StaffId(4)), DutyRole::DutyTeacher),
            (MemberRef::Existing(StaffId(2)), DutyRole::Leader),
        ]
    );
}

#[test]
fn shift_form_adds_unknown_names_only_after_yes() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::Zh, now);
    let mut form = ShiftForm::new();
    type_into_shift(&mut form, &v, "赵六");
    form.handle_key(key(KeyCode::Tab), &v);
    type_into_shift(&mut form, &v, "张丽");
    form.handle_key(key(KeyCode::Tab), &v);
    type_into_shift(&mut form, &v, "王强");
    assert_eq!(form.handle_key(ctrl('s'), &v), None, "asks first");
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert!(
        shown.contains("赵六"),
        "the question names who is new:\n{shown}"
    );
    let keys: Vec<&str> = form.keys(&v).iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["y", "n"]);
    // No: nothing is opened, and what was typed stays.
    assert_eq!(form.handle_key(ch('n'), &v), None);
    assert_eq!(form.handle_key(ctrl('s'), &v), None, "asks again");
    let draft = start_shift(form.handle_key(ch('y'), &v));
    assert_eq!(
        draft.members,
        [
            (
                MemberRef::New {
                    name: "赵六".to_owned(),
                    role: StaffRole::Teacher,
                },
                DutyRole::DutyTeacher
            ),
            (MemberRef::Existing(StaffId(2)), DutyRole::Leader),
            (MemberRef::Existing(StaffId(3)), DutyRole::Guard),
        ]
    );
}

#[test]
fn shift_form_needs_a_duty_teacher_and_a_leader() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = ShiftForm::new();
    assert_eq!(form.handle_key(ctrl('s'), &v), None);
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert_eq!(
        shown.matches("Required.").count(),
        2,
        "both required fields say so:\n{shown}"
    );
    type_into_shift(&mut form, &v, "张伟"); // the caret went to the first missing field
    assert_eq!(form.handle_key(ctrl('s'), &v), None, "still no leader");
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert_eq!(shown.matches("Required.").count(), 1, "{shown}");
    type_into_shift(&mut form, &v, "张丽"); // the caret went to the leader
    let draft = start_shift(form.handle_key(ctrl('s'), &v));
    assert_eq!(
        draft.members,
        [
            (MemberRef::Existing(StaffId(1)), DutyRole::DutyTeacher),
            (MemberRef::Existing(StaffId(2)), DutyRole::Leader),
        ]
    );
}

#[test]
fn shift_form_enter_on_the_last_field_saves_and_esc_reports_unsaved_input() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = ShiftForm::new();
    assert_eq!(
        form.handle_key(key(KeyCode::Esc), &v),
        Some(Action::LeaveForm { dirty: false })
    );
    type_into_shift(&mut form, &v, "张伟");
    assert_eq!(form.handle_key(key(KeyCode::Enter), &v), None);
    type_into_shift(&mut form, &v, "张丽");
    for _ in 0..2 {
        assert_eq!(form.handle_key(key(KeyCode::Enter), &v), None);
    }
    type_into_shift(&mut form, &v, "王强");
    assert_eq!(form.handle_key(key(KeyCode::Enter), &v), None);
    type_into_shift(&mut form, &v, "刘洋");
    let draft = start_shift(form.handle_key(key(KeyCode::Enter), &v));
    assert_eq!(
        draft.members,
        [
            (MemberRef::Existing(StaffId(1)), DutyRole::DutyTeacher),
            (MemberRef::Existing(StaffId(2)), DutyRole::Leader),
            (MemberRef::Existing(StaffId(3)), DutyRole::Guard),
            (MemberRef::Existing(StaffId(5)), DutyRole::NightDuty),
        ]
    );
    assert_eq!(
        form.handle_key(key(KeyCode::Esc), &v),
        Some(Action::LeaveForm { dirty: true })
    );
}

/// A shift form with 王强 named as both guards.
fn guard_twice(v: &View<'_>) -> ShiftForm {
    let mut form = ShiftForm::new();
    type_into_shift(&mut form, v, "张伟");
    form.handle_key(key(KeyCode::Tab), v);
    type_into_shift(&mut form, v, "张丽");
    form.handle_key(key(KeyCode::Tab), v);
    type_into_shift(&mut form, v, "王强");
    form.handle_key(key(KeyCode::Tab), v);
    type_into_shift(&mut form, v, "王强");
    form
}

#[test]
fn shift_form_refuses_the_same_person_twice_in_one_role() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = guard_twice(&v);
    assert_eq!(form.handle_key(ctrl('s'), &v), None);
    // The caret is on the second guard: replace the name and the shift opens.
    for _ in 0..2 {
        form.handle_key(key(KeyCode::Backspace), &v);
    }
    type_into_shift(&mut form, &v, "刘洋");
    let draft = start_shift(form.handle_key(ctrl('s'), &v));
    assert_eq!(
        draft.members[2..],
        [
            (MemberRef::Existing(StaffId(3)), DutyRole::Guard),
            (MemberRef::Existing(StaffId(5)), DutyRole::Guard),
        ]
    );
}

#[test]
fn shift_form_shows_why_the_second_guard_is_refused() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::En, now);
    let mut form = guard_twice(&v);
    form.handle_key(ctrl('s'), &v);
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert!(
        shown.contains("already named in this role"),
        "the second guard field says why:\n{shown}"
    );
}

/// A staff list with two people called 张伟, and a form naming 张伟 as duty teacher.
fn two_zhang_wei() -> Data {
    let mut data = data(at("07:30"), None);
    data.staff.push(staff(9, "张伟", StaffRole::ClassTeacher));
    data
}

fn ambiguous_form(v: &View<'_>) -> ShiftForm {
    let mut form = ShiftForm::new();
    type_into_shift(&mut form, v, "张伟");
    form.handle_key(key(KeyCode::Tab), v);
    type_into_shift(&mut form, v, "张丽");
    form
}

#[test]
fn shift_form_asks_which_one_when_two_staff_share_the_typed_name() {
    let (cfg, data) = (cfg(), two_zhang_wei());
    let v = view(&cfg, &data, Lang::En, at("07:30"));
    let mut form = ambiguous_form(&v);
    assert_eq!(form.handle_key(ctrl('s'), &v), None);
    // The caret is back on the duty teacher, whose list offers both: choosing the second one
    // resolves it.
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert!(
        shown.contains("Class teacher"),
        "both are offered:\n{shown}"
    );
    form.handle_key(key(KeyCode::Down), &v);
    form.handle_key(key(KeyCode::Down), &v);
    form.handle_key(key(KeyCode::Enter), &v);
    let draft = start_shift(form.handle_key(ctrl('s'), &v));
    assert_eq!(
        draft.members[0],
        (MemberRef::Existing(StaffId(9)), DutyRole::DutyTeacher)
    );
}

#[test]
fn shift_form_shows_why_an_ambiguous_name_is_refused() {
    let (cfg, data) = (cfg(), two_zhang_wei());
    let v = view(&cfg, &data, Lang::En, at("07:30"));
    let mut form = ambiguous_form(&v);
    form.handle_key(ctrl('s'), &v);
    let shown = screen_text(|f, area| form.render(f, area, &v));
    assert!(shown.contains("Several staff have this name"), "{shown}");
}

#[test]
fn shift_form_a_new_name_in_two_roles_adds_one_person() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::Zh, now);
    let mut form = ShiftForm::new();
    type_into_shift(&mut form, &v, "张伟");
    form.handle_key(key(KeyCode::Tab), &v);
    type_into_shift(&mut form, &v, "张丽");
    form.handle_key(key(KeyCode::Tab), &v);
    type_into_shift(&mut form, &v, "赵六");
    form.handle_key(key(KeyCode::Tab), &v);
    form.handle_key(key(KeyCode::Tab), &v);
    type_into_shift(&mut form, &v, "赵六");
    // Guard and night duty may be one person; opening the shift adds 赵六 to the staff once.
    let Some(Action::Duty(DutyAction::StartShift(draft))) = form
        .handle_key(ctrl('s'), &v)
        .or_else(|| form.handle_key(ch('y'), &v))
    else {
        panic!("the shift opens");
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store =
        dutydesk::store::Store::open(&dir.path().join("d.db"), monday()).expect("store");
    // The same staff list as the form saw, with the same ids.
    for person in staff_list() {
        let draft = dutydesk::domain::staff::StaffDraft {
            name: person.name.clone(),
            role: person.role,
        };
        let id = store.add_staff(&draft, utc(now)).expect("staff added");
        assert_eq!(id, person.id);
    }
    let shift = store.start_shift(&draft, utc(now)).expect("shift opens");
    let added = store.staff().expect("staff");
    let zhao: Vec<_> = added.iter().filter(|s| s.name == "赵六").collect();
    assert_eq!(zhao.len(), 1, "赵六 added once: {added:?}");
    let roles: Vec<_> = shift
        .members
        .iter()
        .filter(|m| m.staff == zhao[0].id)
        .map(|m| m.role)
        .collect();
    assert_eq!(roles, vec![DutyRole::Guard, DutyRole::NightDuty]);
}

#[test]
fn shift_form_keeps_chinese_typed_and_edited_in_the_middle() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::Zh, now);
    let mut form = ShiftForm::new();
    type_into_shift(&mut form, &v, "欧阳");
    form.handle_key(key(KeyCode::Left), &v);
    type_into_shift(&mut form, &v, "小");
    form.handle_key(key(KeyCode::End), &v);
    type_into_shift(&mut form, &v, "娜");
    form.handle_key(key(KeyCode::Tab), &v);
    type_into_shift(&mut form, &v, "张丽");
    form.handle_key(ctrl('s'), &v);
    let draft = start_shift(form.handle_key(ch('y'), &v));
    assert_eq!(
        draft.members[0].0,
        MemberRef::New {
            name: "欧小阳娜".to_owned(),
            role: StaffRole::Teacher,
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Now, Shift and Staff screens
// ---------------------------------------------------------------------------------------------

#[test]
fn now_screen_checks_the_rounds_due_now() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, Some(open_shift()));
    let v = view(&cfg, &data, Lang::En, now);
    // The morning slot: gate, playground, canteen, toilets, in the slot's order.
    let places: Vec<&str> = data.active.iter().map(|r| r.key.place.as_str()).collect();
    assert_eq!(places, ["gate", "playground", "canteen", "toilets"]);
    let mut s = NowScreen::default();
    assert_eq!(
        s.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(round_key(
            "morning", 0, "gate"
        ))))
    );
    s.handle_key(key(KeyCode::Down), &v);
    assert_eq!(
        s.handle_key(ch('o'), &v),
        Some(Action::Patrol(PatrolAction::QuickOk(round_key(
            "morning",
            0,
            "playground"
        ))))
    );
    for _ in 0..9 {
        s.handle_key(ch('j'), &v);
    }
    assert_eq!(
        s.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(round_key(
            "morning", 0, "toilets"
        ))))
    );
    s.handle_key(ch('k'), &v);
    assert_eq!(
        s.handle_key(key(KeyCode::Enter), &v),
        Some(Action::Patrol(PatrolAction::OpenCheck(round_key(
            "morning", 0, "canteen"
        ))))
    );
    // Nothing waits for a reason this morning: e does nothing.
    assert_eq!(s.handle_key(ch('e'), &v), None);
}

#[test]
fn now_screen_outside_a_slot_has_nothing_to_open_and_e_shows_missed_rounds() {
    let (cfg, now) = (cfg(), at("10:00"));
    let data = data(now, Some(open_shift()));
    assert!(data.active.is_empty());
    assert_eq!(
        data.open_exceptions, 4,
        "the four morning rounds were missed"
    );
    let v = view(&cfg, &data, Lang::Zh, now);
    let mut s = NowScreen::default();
    assert_eq!(s.handle_key(key(KeyCode::Enter), &v), None);
    assert_eq!(s.handle_key(ch('o'), &v), None);
    assert_eq!(
        s.handle_key(ch('e'), &v),
        Some(Action::Patrol(PatrolAction::ShowExceptions))
    );
}

#[test]
fn shift_screen_opens_closes_and_switches_the_person_at_the_desk() {
    let (cfg, now) = (cfg(), at("07:30"));
    let none = data(now, None);
    let v = view(&cfg, &none, Lang::En, now);
    let mut s = ShiftScreen;
    assert_eq!(
        s.handle_key(ch('o'), &v),
        Some(Action::Duty(DutyAction::NewShift))
    );
    assert_eq!(s.handle_key(ch('c'), &v), None, "no shift to close");
    assert_eq!(s.handle_key(ch('u'), &v), None);

    let open = data(now, Some(open_shift()));
    let v = view(&cfg, &open, Lang::En, now);
    assert_eq!(s.handle_key(ch('o'), &v), None, "one shift at a time");
    assert_eq!(
        s.handle_key(ch('c'), &v),
        Some(Action::Duty(DutyAction::CloseShift { confirmed: false }))
    );
    // The duty teacher is at the desk; u goes to the next person on the shift, and round.
    assert_eq!(
        s.handle_key(ch('u'), &v),
        Some(Action::Duty(DutyAction::SetOperator(StaffId(2))))
    );
    let mut last = open.clone();
    last.operator = Some(StaffId(3));
    let v = view(&cfg, &last, Lang::En, now);
    assert_eq!(
        s.handle_key(ch('u'), &v),
        Some(Action::Duty(DutyAction::SetOperator(StaffId(1))))
    );
}

#[test]
fn staff_screen_a_adds_staff_and_arrows_stay_in_the_list() {
    let (cfg, now) = (cfg(), at("07:30"));
    let data = data(now, None);
    let v = view(&cfg, &data, Lang::En, now);
    let mut s = StaffScreen::default();
    for _ in 0..10 {
        assert_eq!(s.handle_key(key(KeyCode::Down), &v), None);
    }
    assert_eq!(s.handle_key(key(KeyCode::Up), &v), None);
    assert_eq!(
        s.handle_key(ch('a'), &v),
        Some(Action::Duty(DutyAction::NewStaff))
    );
    let shown = screen_text(|f, area| s.render(f, area, &v));
    let selected: Vec<&str> = shown.lines().filter(|l| l.contains('▶')).collect();
    assert_eq!(selected.len(), 1, "{shown}");
    assert!(
        selected[0].contains("Li Ming"),
        "the 4th of 5 is selected:\n{shown}"
    );
}
