//! English.

use super::Strings;

pub const EN: Strings = Strings {
    app_name: "Duty desk",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    too_small: |w, h| {
        format!(
            "This window is {w}×{h}. DutyDesk needs at least 80×24: make the window larger, or press q to quit."
        )
    },
    too_small_unsaved: "A form holds unsaved input: enlarge the window to save or discard it.",
    yes: "yes",
    no: "no",
    confirm_title: "Please confirm",

    tab_now: "Now",
    tab_patrols: "Patrols",
    tab_shift: "Shift",
    tab_staff: "Staff",
    no_slot_short: "no patrol slot now",
    no_shift_short: "No shift open",
    shift: "Shift",
    operator: "At this desk:",

    key_quit: "quit",
    key_help: "help",
    key_back: "back",
    key_choose: "choose",
    key_check: "check",
    key_all_ok: "all OK",
    key_all_ok_save: "all OK + save",
    key_save: "save",
    key_item: "item",
    key_note: "note",
    key_done_typing: "done",
    key_reason: "reason",
    key_prev_next_day: "day before/after",
    key_today: "today",
    key_open_shift: "open shift",
    key_open_shift_hint: "shift screen",
    key_close_shift: "close shift",
    key_switch_operator: "who is at this desk",
    key_add_staff: "add staff",
    key_next_field: "next field",
    key_accept: "accept",
    key_change: "change",

    help_title: "Help",
    help_this_screen: "On this screen",
    help_everywhere: "Everywhere (outside forms)",
    global_keys: &[
        ("n", "Now: what is due"),
        ("p", "Patrols: the day's grid"),
        ("s", "Shift: who is on duty"),
        ("f", "Staff list"),
        ("? / F1", "this help"),
        ("q", "quit"),
        ("Esc", "back to Now"),
        ("Ctrl+C", "quit (asks if unsaved)"),
    ],
    help_states: &[
        "later: not open yet · DUE: open, not checked · done: all items answered ·",
        "late: checked after the window · partial: items left · MISSED: closed, no check ·",
        "!n problems · * reason written.",
        "A missed, late or partial round needs a written reason (r on the grid).",
    ],
    help_in_form: "In a form, letters go into the field. F1: this help · Esc: leave the form.",

    state_upcoming: "later",
    state_due: "DUE",
    state_done: "done",
    state_late: "late",
    state_partial: "partial",
    state_partial_short: "part",
    state_missed: "MISSED",
    state_untracked: "–",

    no_shift_open: "No shift is open. Press s, then o, to open one: records need a shift.",
    no_slot_now: "No patrol slot is open now.",
    ends_in: |d| format!("ends in {d}"),
    starts_in: |d| format!("in {d}"),
    next_slot: "Next:",
    today_rounds: "Today's rounds",
    open_exceptions: |n| {
        if n == 1 {
            "1 missed or partial round has no reason yet".to_owned()
        } else {
            format!("{n} missed or partial rounds have no reason yet")
        }
    },
    press_e_to_see: "e: show them",
    press_e_short: "missed rounds",
    press_o_all_ok: "o = all OK",
    problems_n: |n| {
        if n == 1 {
            "1 problem".to_owned()
        } else {
            format!("{n} problems")
        }
    },
    hours_minutes: |h, m| format!("{h} h {m} min"),
    minutes: |m| format!("{m} min"),

    patrols_of: "Patrols",
    not_today: "(not today)",
    slot: "Slot",
    no_rounds_this_day: "No patrol slots on this day.",
    legend: "!n problems found · * reason written · later / DUE / done / late / partial / MISSED",
    checked_line: |at, by, ok, total| format!("Checked {at} by {by} · {ok} of {total} items OK"),
    needs_reason_hint: "Needs a written reason: press r.",

    checked_by: "Checked by",
    result_unset: "—",
    result_ok: "OK",
    result_problem: "problem",
    result_na: "n/a",
    item_note: "Item note",
    round_note: "Round note",
    hint_problem_note: "A problem needs a note: what, who, where.",
    confirm_partial: |n| {
        format!(
            "{n} item(s) not answered. Save as a partial round? (A partial round needs a reason later.)"
        )
    },
    check_saved: |place, complete, problems| {
        let what = match (complete, problems) {
            (false, _) => "saved as partial".to_owned(),
            (true, 0) => "saved, all OK".to_owned(),
            (true, 1) => "saved with 1 problem".to_owned(),
            (true, n) => format!("saved with {n} problems"),
        };
        format!("{place}: {what}.")
    },
    already_checked: "Already checked. Press Enter to open and change it.",
    not_open_yet: |t| format!("This round opens at {t}."),

    reason_title: "Why was this round missed or left partial?",
    reason_label: "Reason",
    reason_keys: "Enter saves · Esc cancels",
    esc_again_discards: "Press Esc again to discard what you typed, or keep typing.",
    reason_saved: "Reason saved.",
    reason_not_needed: "Only a missed or partial round needs a reason.",

    current_shift: "Current shift",
    opened_at: "opened",
    operator_hint: "(u: someone else is at this desk)",
    operator_now: |n| format!("Records made at this desk now name {n}."),
    recent_shifts: "Recent shifts",
    still_open: "open",
    open_shift_title: "Open a shift",
    open_shift_help: "Type a few letters of a name and choose with ↓ and Enter. * = required.",
    confirm_new_staff: |names| {
        format!("Not on the staff list yet: {names}. Add them and open the shift?")
    },
    confirm_close_shift: "Close this shift? Records made afterwards need a new shift.",
    shift_opened: "Shift opened.",
    shift_closed: "Shift closed.",
    shift_already_open: "A shift is already open; close it first (c).",
    need_shift: "No shift is open: press s, then o, to open one.",
    duty_roles: ["Duty teacher", "Leader on duty", "Guard", "Night duty"],
    duty_roles_short: ["Duty", "Leader", "Guards", "Night"],

    staff_count: |n| format!("Staff ({n})"),
    name: "Name",
    job: "Job",
    no_staff_yet: "   No staff yet: press a to add, or name them when opening a shift.",
    add_staff_title: "Add a staff member",
    staff_added: |n| format!("{n} added to the staff list."),
    staff_roles: [
        "Teacher",
        "School leader",
        "Guard",
        "Dormitory staff",
        "Counsellor",
        "Class teacher",
        "Safety officer",
        "Other",
    ],

    confirm_quit: "A form has unsaved input. Quit anyway and lose it?",
    confirm_discard: "Leave this form and lose what you typed?",

    err_required: "Required.",
    err_too_long: |max| format!("Too long: at most {max} characters."),
    err_forbidden: "That character cannot be used here.",
    err_problem_note: "A problem needs a note.",
    err_same_person: "This person is already named in this role.",
    err_ambiguous: "Several staff have this name: choose one from the list (↓).",
    err_bad_time: "Write a time like 2026-11-30 07:45, or 07:45 for today.",
    err_bad_date: "Write a date like 2026-11-30.",
    err_in_future: "That time has not come yet.",
    err_no_such_person: "Nobody by that name: type a few characters and choose with ↓.",

    se_not_sqlite: |p| {
        format!(
            "{p} is not a DutyDesk database. It was left unchanged. Use --db to choose the right file."
        )
    },
    se_foreign: |p| {
        format!(
            "{p} belongs to another program. It was left unchanged. Use --db to choose a DutyDesk file."
        )
    },
    se_too_new: |p, found, supported| {
        format!(
            "{p} was made by a newer DutyDesk (schema {found}; this one knows up to {supported}). It was left unchanged. Install the newer version."
        )
    },
    se_sqlite_old: |v| format!("SQLite {v} is too old; DutyDesk needs 3.51.3 or newer."),
    se_io: |p, e| format!("{p}: {e}"),
    se_busy: "Another terminal kept the database busy. Nothing was saved; your input is kept. Try again.",
    se_disk_full: "The disk is full. Nothing was saved; your input is kept.",
    se_read_only: "The database file is read-only. Nothing was saved; your input is kept.",
    se_changed: "Changed on another terminal meanwhile. Nothing was saved: press Esc and open it again.",
    se_shift_open: "A shift is already open (perhaps on another terminal).",
    se_no_shift: "The shift was closed (perhaps on another terminal). Open a shift, then save again.",
    se_not_found: "That record no longer exists.",
    se_nothing_changed: "Nothing was changed, so there is nothing to save.",
    se_no_later_patrol: "Not verified: no patrol of this place has been checked since it was rectified. Check the place first.",
    se_db: |e| format!("Database error: {e}. Nothing was saved; your input is kept."),
};
