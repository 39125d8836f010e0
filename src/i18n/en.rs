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
    operator: "At this terminal: ",

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
    key_switch_operator: "who is at this terminal",
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
    next_slot: "Next: ",
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
    operator_hint: "(u: someone else is at this terminal)",
    operator_now: |n| format!("Records made at this terminal now name {n}."),
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

    roles: ["initiator", "target", "witness", "reporter"],
    severities: ["minor", "moderate", "serious", "critical"],
    sources: [
        "patrol",
        "report mailbox",
        "student",
        "parent",
        "staff",
        "camera",
    ],
    statuses: ["open", "investigating", "resolved", "referred", "closed"],
    bullying: ["to be decided", "bullying", "not bullying"],
    followup_kinds: [
        "counselling",
        "parent contact",
        "home visit",
        "re-check a place",
        "repair",
        "report upward",
        "committee meeting",
        "other",
    ],
    followup_statuses: ["open", "done", "cancelled"],
    hazard_kinds: [
        "facility or equipment",
        "safety hazard",
        "student dispute",
        "campus surroundings",
    ],
    hazard_statuses: ["open", "rectifying", "rectified", "verified"],
    slip_statuses: ["unverified", "merged", "unfounded"],

    tab_incidents: "Incidents",
    tab_followups: "Follow-ups",
    tab_hazards: "Hazards",
    tab_people: "People",
    incident_word: "Incident",
    incidents_title: "Incidents",
    new_incident: "New incident",
    correct_incident: |n| format!("Correct incident {n}"),
    correction_reason_title: "Why is this record being corrected?",
    correction_reason_hint: "The reason is kept with the change, for everyone to see.",
    f_when: "When",
    hint_when_happened: "when it happened; an earlier time is marked entered later",
    hint_when: "e.g. 2026-11-30 07:45, or 07:45 for today",
    f_place: "Place",
    f_place_other: "Other place",
    other_place: "Other (type it)",
    f_category: "Category",
    f_severity: "Severity",
    f_source: "Source",
    f_narrative: "What happened",
    f_child_words: "Child's words",
    f_action: "Done at once",
    f_bullying: "Bullying?",
    f_bullying_on: "Decided on",
    f_status: "Status",
    f_students: "Students",
    f_student: "Student",
    f_role: "Role",
    f_measures: "Measures",
    f_parents_told_at: "Parents told",
    f_told_by: "Told by",
    f_class: "Class",
    f_number: "Number",
    f_kind: "Kind",
    f_note: "Note",
    f_owner: "Owner",
    f_due: "Due",
    f_outcome: "Outcome",
    f_why: "Why",
    f_hazard_kind: "Kind",
    f_description: "What",
    f_risk: "Risk",
    f_steps: "Steps taken",
    f_slip_text: "Slip says",
    f_incident_number: "Incident no.",
    f_what_was_checked: "What was checked",
    hint_type_to_find: "type part of a name, then ↓ and Enter",
    student_on_incident: "Student on this incident",
    no_students_yet: "   none yet: press Tab to get here, then a to add a student",
    parents_told: "parents told",
    parents_not_told: "parents not yet told",
    backdated: " (entered later)",
    entered_line: |at, by| format!("entered {at} by {by}"),
    voided_line: |at, why| format!("VOIDED {at}: {why}"),
    voided_mark: "VOID",
    with_voided: "with voided",
    void_title: |n| format!("Void incident {n}: why?"),
    incident_saved: |n| format!("Incident {n} saved."),
    incident_corrected: "Correction saved; the history shows what changed and why.",
    incident_voided: "Incident voided (kept, marked void).",
    days_left: |d| format!("{d} days left"),
    overdue_days: |d| format!("{d} days over"),
    overdue_n: |n| format!("{n} overdue"),
    overdue_word: "OVERDUE",
    due_word: "due",
    filter_all: "all",
    range_today: "today",
    range_week: "7 days",
    range_month: "30 days",
    no_incidents: "No incidents match. a: record one · x: clear filters",
    slips_title: |n| format!("Report mailbox slips ({n} unverified)"),
    slips_help: "Kept until verified: e → new incident · g → add to one · u → unfounded",
    no_slips: "No slips. a: record one from the mailbox.",
    new_slip_title: "A slip from the report mailbox",
    merge_title: "Add this slip to an incident",
    unfounded_title: "Close this slip as unfounded",
    slip_saved: "Slip saved as unverified.",
    slip_merged: "Slip added to the incident.",
    slip_closed: "Slip closed as unfounded (kept).",
    followups_title: "Follow-ups",
    no_followups: "No follow-ups. a: add one.",
    new_followup_title: "New follow-up",
    edit_followup_title: "Change this follow-up",
    followup_saved: "Follow-up saved.",
    followups_created: |n| format!("{n} follow-ups created."),
    followup_completed: "Follow-up done.",
    followup_rescheduled: "Follow-up moved; the reason is in its history.",
    complete_title: "Done: what came of it?",
    reschedule_title: "Move this follow-up",
    suggestions_title: |n| format!("Incident {n} saved. Follow-ups it usually needs:"),
    suggestions_help: "Space: tick/untick · e: change owner, time, note · Enter: create ticked",
    no_suggestions: "None suggested (no target or initiator). Enter continues.",
    hazards_title: "Hazard and dispute register",
    no_hazards: "Nothing pending. a: record a hazard or dispute.",
    new_hazard_title: "Record a hazard or dispute",
    within_days: |d| {
        if d == 1 {
            "within 1 day".to_owned()
        } else {
            format!("within {d} days")
        }
    },
    hazard_saved: |d| format!("Recorded; due {d}."),
    hazard_updated: "Hazard updated.",
    hazard_verified: "Rectification verified on patrol.",
    advance_title: "Steps taken",
    no_problem_here: "This round has no problem recorded.",
    history_title: "History",
    chronology_title: "Student record",
    chronology_counts: |i, f| {
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        format!(
            "{}, {}",
            plural(i, "incident", "incidents"),
            plural(f, "follow-up", "follow-ups")
        )
    },
    nothing_recorded: "Nothing recorded for this student.",
    students_count: |n| format!("Students ({n})"),
    no_students_imported: "   No students yet: import the school list with `dutydesk import students FILE.csv`.",
    key_new: "new",
    key_open: "open",
    key_search: "search",
    key_filters: "filters",
    key_clear: "clear",
    key_slips: "mailbox",
    key_incidents: "incidents",
    key_slip_new_incident: "to incident",
    key_slip_merge: "add to one",
    key_slip_unfounded: "unfounded",
    key_scroll: "scroll",
    key_correct: "correct",
    key_void: "void",
    key_add_followup: "follow-up",
    key_student_history: "student record",
    key_add_student: "add student",
    key_edit: "edit",
    key_remove: "remove",
    key_fields: "fields",
    key_tick: "tick",
    key_complete: "done",
    key_reschedule: "move",
    key_open_incident: "its incident",
    key_mine: "mine",
    key_everyones: "everyone's",
    key_open_only: "open only",
    key_with_done: "with done",
    key_create_ticked: "create",
    key_skip: "none",
    key_start_rectifying: "rectifying",
    key_mark_rectified: "rectified",
    key_verify: "verify",
    key_staff_list: "staff",
    err_in_past: "That time has passed.",
    err_no_such_incident: "No incident has that number (e.g. 2026-0042).",
    log_actions: [
        "created",
        "corrected",
        "voided",
        "done",
        "moved",
        "status changed",
        "merged",
        "closed as unfounded",
        "verified",
    ],
    key_students_list: "students",
    needs_terminal: "The full-screen app needs a terminal; for scripts use the subcommands (dutydesk --help)",
    f_period: "Period",
    due_today_n: |n| format!("{n} due today"),
    open_n: |n| format!("{n} open"),
    pending_n: |n| format!("{n} pending"),
    slips_waiting: |n| {
        if n == 1 {
            "1 mailbox slip to verify".to_owned()
        } else {
            format!("{n} mailbox slips to verify")
        }
    },
    key_to_incident: "incident",
    key_to_hazard: "hazard",
    err_already_listed: "Already on this incident: choose the row and press Enter to change it.",
    err_bad_phone: "A phone number: digits, +, - and spaces (at most 20).",
    err_id_length: |n| format!("{n} of 18 characters so far."),
    err_id_chars: "Only digits, and X as the last character.",
    err_id_region: "The first two digits are not a province code: check the number.",
    err_id_date: "Digits 7–14 are not a real birth date: check the number.",
    err_id_check: |c| format!("The last character should be {c}: a digit is probably wrong."),
    id_ok: "✓ number checks out",
    tab_gate: "Gate",
    gate_station: "Gate",
    gate_on_campus: |n| format!("On campus now: {n}"),
    gate_log: |n, r| format!("Today: {n} visits, {r} refused"),
    gate_leaves: |n| format!("Left early today: {n}"),
    view_on_campus: "on campus",
    view_log: "today's log",
    view_leaves: "early leaves",
    nobody_on_campus: "Nobody from outside is on campus.",
    no_visits_today: "No visits today.",
    no_leaves_today: "No student has left early today.",
    inside_for: |d| format!("inside {d}"),
    not_signed_out: "!! not signed out",
    refused_word: "REFUSED",
    left_unsigned_word: "left without signing out",
    key_sign_in: "visitor in",
    key_sign_out: "sign out",
    key_out_at: "out at…",
    key_left_unsigned: "left unsigned",
    key_next_view: "next list",
    key_early_leave: "early leave",
    key_back_in: "came back",
    key_watchlist: "watchlist",
    sign_in_title: "Visitor sign-in",
    f_visitor_name: "Name",
    f_phone: "Phone",
    f_organisation: "From",
    f_doc_type: "Document",
    f_doc_number: "Number",
    f_purpose: "Purpose",
    f_host: "Visiting",
    f_host_confirmed: "Host confirmed",
    f_plate: "Vehicle",
    f_pass_no: "Pass no.",
    doc_types: [
        "resident ID",
        "passport",
        "HK/Macau/Taiwan permit",
        "other",
        "none",
    ],
    no_yes: ["no", "yes"],
    hint_visitor_name: "part of a name or phone offers earlier visitors (↓, Enter)",
    hint_keep_document: |m| format!("last time {m}; leave empty to keep it"),
    signed_in: |n| format!("{n} signed in."),
    signed_out: |n| format!("{n} signed out."),
    entry_refused: |n| format!("{n}: entry refused, recorded."),
    watch_title: "Watchlist match",
    watch_alert: |n, why| {
        format!("{n} matches the watchlist: {why}. Refuse entry, or let in with a written reason?")
    },
    key_refuse: "refuse entry",
    key_admit: "let in (reason)",
    admit_title: "Why let this person in?",
    out_at_title: "Signed out at what time?",
    left_unsigned_title: "Left without signing out: what do you know?",
    f_time: "Time",
    early_leave_title: "Student leaving early",
    f_approved_by: "Approved by",
    f_slip_seen: "Leave slip seen",
    f_teacher_confirmed: "Teacher phoned",
    f_collected_by: "Collected by",
    f_relation: "Relation",
    f_time_out: "Time out",
    early_leave_saved: |n| format!("{n}: early leave recorded."),
    back_in_saved: "Recorded as back.",
    watchlist_title: "Watchlist (advisory: the guard decides)",
    no_watch: "Nobody on the watchlist.",
    new_watch_title: "Add to the watchlist",
    f_until: "Until",
    hint_until: "a date like 2026-12-31, or empty for no end",
    f_watch_reason: "Reason",
    watch_saved: "Added to the watchlist.",
    watch_ended: "Taken off the watchlist (kept in the record).",
    confirm_end_watch: "Take this entry off the watchlist?",
    err_watch_empty: "Give a name, a document number or a plate.",
    visitors_on_site: |n| format!("{n} on campus"),
    unresolved_n: |n| format!("!! {n} not signed out"),
    watch_active: "in force",
    watch_inactive: "ended",
    key_end_watch: "take off",
    minutes_inside: "Minutes inside",
    key_next_student: "next student",
    already_in: |n| {
        format!("{n} is already shown as on campus (not signed out). Sign in again anyway?")
    },
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
    err_before_time_in: |t| format!("That is before the visitor came in ({t})."),
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
    se_not_the_leader: "Only the leader on duty of this shift signs it off: the leader takes this terminal with u on the Shift screen.",
    se_not_allowed: "Not possible in the record's present state (perhaps changed on another terminal): reload and check.",
    se_no_later_patrol: "Not verified: no patrol of this place has been checked since it was rectified. Check the place first.",
    se_db: |e| format!("Database error: {e}. Nothing was saved; your input is kept."),

    // Import
    imp_encodings: ["UTF-8", "UTF-8 with BOM", "GBK"],
    imp_columns: [
        "student number",
        "name",
        "class",
        "gender",
        "role",
        "staff number",
        "phone",
    ],
    imp_line: |n, why| format!("line {n}: {why}"),
    imp_problem_sep: "; ",
    imp_missing: |c| format!("{c} is empty"),
    imp_forbidden: |c| {
        format!("{c} contains a control or invisible character (such as a text-direction mark)")
    },
    imp_too_long: |c, max| format!("{c} is too long (at most {max} characters)"),
    imp_bad_number: |c| format!("{c} must be 1–20 letters, digits or hyphens"),
    imp_bad_phone: "phone may hold only digits, +, - and spaces (at most 20)",
    imp_unknown_role: |r| {
        format!(
            "unknown role \"{r}\" (use teacher, leader, guard, dorm staff, counsellor, class teacher, safety officer or other)"
        )
    },
    imp_extra_cells: |found, expected| {
        format!("{found} cells but the header has {expected} (a comma inside a value?)")
    },
    imp_duplicate_number: |c, first| format!("same {c} as line {first}"),
    imp_duplicate_name: |first| {
        format!("same name as line {first}, and neither has a staff number to tell them apart")
    },
    imp_utf16: "the file is saved as UTF-16 (\"Unicode text\"). In Excel or WPS, save it as \"CSV UTF-8\" or \"CSV (comma delimited)\". Nothing was imported.",
    imp_not_text: "the file is not CSV text in UTF-8 or GBK (an .xlsx file renamed?). In Excel or WPS, save it as \"CSV UTF-8\" or \"CSV (comma delimited)\". Nothing was imported.",
    imp_no_header: "the file is empty: its first row must name the columns. Nothing was imported.",
    imp_missing_column: |c, names| {
        format!("the header row has no {c} column (name it {names}). Nothing was imported.")
    },
    imp_duplicate_column: |c| {
        format!("two columns of the header row are both {c}: keep one. Nothing was imported.")
    },
    imp_unreadable: |n| format!("line {n} cannot be read as CSV. Nothing was imported."),
    imp_file: |f, why| format!("{f}: {why}"),
    imp_refused: |bad, good| {
        let (rows, them) = if bad == 1 {
            ("row", "it")
        } else {
            ("rows", "them")
        };
        if good == 0 {
            format!("{bad} bad {rows} and no good ones; nothing was imported.")
        } else {
            format!(
                "{bad} bad {rows}; nothing was imported. Fix {them}, or add --skip-bad to import the other {good}."
            )
        }
    },
    imp_done: |f, enc, added, updated, unchanged, skipped| {
        format!(
            "{f} ({enc}): {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped."
        )
    },
    // End of Import
};
