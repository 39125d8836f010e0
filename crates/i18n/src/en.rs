//! English.

use super::Strings;

pub const EN: Strings = Strings {
    app_name: "Duty desk",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    // Reports
    r_shift_title: |school| format!("{school} · Duty log"),
    r_period_title: |school| format!("{school} · Duty work summary"),
    r_day: "Date",
    r_hours: "Shift",
    r_still_open: "still open",
    r_patrols: "Patrols",
    r_tally: |due, done, late, partial, missed, later| {
        format!(
            "{due} due: {done} done, {late} late, {partial} partial, {missed} missed; {later} still to come"
        )
    },
    r_gate: "Gate",
    r_gate_counts: |inn, out, refused, leaves, still| {
        format!(
            "{inn} visitors in ({out} signed out), {refused} refused · early leaves: {leaves} · still on campus: {still}"
        )
    },
    r_signed_off: "Leader's sign-off",
    r_not_signed_off: "not signed off yet",
    r_round_exceptions: "Rounds not made as planned",
    r_no_reason: "no reason written yet",
    r_problems: "Problems found on patrol",
    r_incidents_opened: "Incidents recorded",
    r_incidents_updated: "Incidents worked on",
    r_followups_created: "Follow-ups created",
    r_followups_completed: "Follow-ups completed",
    r_followups_overdue: "Follow-ups overdue",
    r_followups_due_soon: "Follow-ups due in the next 24 hours",
    r_hazards_opened: "Hazards recorded",
    r_hazards_rectified: "Hazards rectified",
    r_hazards_overdue: "Hazards overdue",
    r_refused: "Refused entry",
    r_early_leaves: "Students who left early",
    r_still_in: "Visitors still on campus",
    r_handover: "Handover note",
    r_corrections: "Corrections after sign-off",
    r_checked_again: "checked again",
    r_reason_written: "reason written",
    r_none: "none",
    r_voided: "voided",
    r_col_window: "Time",
    r_col_slot: "Slot",
    r_col_place: "Place",
    r_col_state: "State",
    r_col_reason: "Reason",
    r_col_by: "By",
    r_col_time: "Time",
    r_col_problem: "Problem",
    r_col_number: "No.",
    r_col_category: "Category",
    r_col_done: "Done",
    r_col_status: "Status",
    r_col_name: "Name",
    r_col_student: "Student",
    r_col_class: "Class",
    r_col_back: "Back",
    r_col_time_in: "In since",
    r_col_note: "Note",
    r_col_at: "When",
    r_col_record: "Record",
    r_col_change: "Change",
    r_col_severity: "Severity",
    r_col_students: "Students",
    r_col_kind: "Kind",
    r_col_about: "About",
    r_col_owner: "Owner",
    r_col_due: "Due",
    r_col_done_at: "Done at",
    r_col_outcome: "Outcome",
    r_col_description: "Description",
    r_col_risk: "Risk",
    r_col_source: "Source",
    r_col_determination: "Determination",
    r_col_measure: "Measure",
    r_col_count: "Count",
    r_col_what: "What",
    r_col_rate: "Rate %",
    r_col_due_count: "Due",
    r_col_done_count: "Made",
    r_col_roles: "Roles",
    r_col_week: "Week of",
    r_from: "From",
    r_to: "To",
    r_shifts: "Shifts",
    r_shift_counts: |n, signed| format!("{n}, {signed} signed off by the leader"),
    r_round_rate: |due, made, rate| format!("{due} due, {made} made ({rate})"),
    r_problems_found: "Problems found",
    r_problem_counts: |rounds, items| format!("{items} problems in {rounds} rounds"),
    r_incidents: "Incidents",
    r_followups_on_time: "Follow-ups done on time",
    r_hazards_on_time: "Hazards rectified on time",
    r_visit_counts: |visits, refused, leaves| {
        format!("{visits} visits, {refused} refused · early leaves: {leaves}")
    },
    r_by_slot: "Patrols by slot",
    r_by_place: "Patrols by place",
    r_by_category: "Incidents by category",
    r_by_severity: "Incidents by severity",
    r_by_source: "Incidents by source",
    r_by_status: "Incidents by status",
    r_bullying: "Bullying determinations",
    r_measures: "Measures applied",
    r_followups: "Follow-ups due in the period",
    r_hazards: "Hazards recorded in the period",
    r_on_time: "on time",
    r_late: "late",
    r_overdue: "overdue, still open",
    r_not_yet_due: "not yet due",
    r_cancelled: "cancelled",
    r_within_time: "open, within time",
    r_admitted: "admitted",
    r_refused_word: "refused",
    r_admitted_despite: "admitted despite the watchlist",
    r_early_leaves_word: "students left early",
    r_place_by_slot: "Incidents by place and slot",
    r_other_times: "Other times",
    r_total: "Total",
    r_repeat_students: |n| format!("Students in {n} or more incidents"),
    r_weeks: "Week by week",
    log_kinds: ["incident", "follow-up", "hazard", "mailbox slip"],
    r_several_shifts: |ids| {
        format!("That day had several shifts ({ids}); this is the last. Another: --shift N.")
    },
    r_no_shift_on: |d| format!("No shift was recorded on {d}."),
    r_no_shifts: "No shift has been recorded yet.",
    r_to_before_from: "--to is before --from.",
    r_bad_date: |d| format!("{d:?} is not a date like 2026-11-30."),
    r_col_person: "Name",
    r_col_late: "Late",
    r_col_partial: "Partial",
    r_col_missed: "Missed",
    r_no_later_shift: "This is the latest shift.",
    r_no_earlier_shift: "There is no earlier shift.",
    r_handover_saved: "Handover note saved.",
    r_signed_off_saved: "Signed off: the duty log of this shift is confirmed.",
    confirm_sign_off: "Sign off this shift's duty log as the leader on duty? The handover note cannot be changed afterwards; later changes to its records are listed as corrections after sign-off.",
    key_handover: "handover note",
    key_sign_off: "sign off",
    key_other_shift: "other shifts",
    key_period_report: "period report",
    key_period_span: "week/month/term",
    key_period_move: "earlier/later",
    key_duty_log: "duty log",
    se_damaged: |p| {
        format!(
            "{p}: the file is damaged (its integrity check failed). Restore the latest backup: dutydesk restore BACKUP (see dutydesk backup)."
        )
    },
    mt_ok: |p, v| {
        format!(
            "OK: {p} is whole (schema {v}), foreign keys consistent, safety settings on, only its owner can read it."
        )
    },
    mt_problems: |p, n| format!("{p}: {n} problem(s) found:"),
    mt_audit_ok: |n, head| format!("Audit trail: {n} row(s), chain intact, head {head}."),
    mt_audit_broken: |id| {
        format!(
            "audit trail broken at row {id}: that row (or one before it) was changed or removed outside DutyDesk. Keep this file as evidence and tell the administrator; restore a backup to go on working."
        )
    },
    mt_integrity: |l| format!("integrity: {l}"),
    mt_foreign_key: |l| format!("record pointing at a missing one: {l}"),
    mt_schema: |found, ours| format!("schema {found}, this DutyDesk expects {ours}"),
    mt_settings: "the connection's safety settings (synchronous=FULL, foreign_keys=ON, WAL) are not all on",
    mt_loose: |p, mode| format!("{p} can be read by other users (mode {mode:o})"),
    mt_fix_permissions: |cmd| format!("To fix: {cmd}"),
    mt_backup_done: |p, kept| {
        format!("Backup written and checked: {p} ({kept} kept in its folder).")
    },
    mt_restore_done: |from, kept| {
        format!("Restored from {from}. The records as they were before are kept in {kept}.")
    },
    mt_loose_warning: |cmd| {
        format!("Other users on this computer can read the duty records. Fix it with: {cmd}")
    },
    se_unsafe_sqlite: "This SQLite library does not keep synchronous=FULL and foreign keys on, so records could be lost; DutyDesk will not run on it. Use the DutyDesk build with its bundled SQLite.",
    daily_check_failed: "The daily check of the database found a problem. Save nothing more; run: dutydesk check --full, and restore the latest backup if it says so.",
    // End of Reports
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
        ("n p i …", "switch screens (tab bar)"),
        ("F2", "duty log (also in forms)"),
        ("? / F1", "this help"),
        ("Esc", "back"),
        ("q", "quit"),
        ("Ctrl+C", "quit (asks if unsaved)"),
        ("Ctrl+L", "lock the screen now"),
    ],
    help_states: &[
        "later: not open yet · DUE: open, not checked · done: all items answered ·",
        "late: checked after the window · partial: items left · MISSED: closed, no check ·",
        "!n problems · * reason written.",
        "A missed, late or partial round needs a written reason (r on the grid).",
    ],
    help_in_form: "In a form, letters go into the field. F1: this help · F2: duty log · Esc: leave the form.",

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
    se_signed_off: "The leader has signed this shift off: what was signed stays as it is. Later changes to its records are listed as corrections after sign-off.",
    se_not_the_leader: "Only the leader on duty of this shift signs it off: the leader signs in at this terminal (Ctrl+L, then name and PIN).",
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
    // Demo
    demo_refused: |f| {
        format!(
            "{f} already holds records (staff, students, shifts or other entries). The demo fills only a new or empty database; this file was left unchanged. Name a new file: dutydesk --db NEW_FILE demo"
        )
    },
    demo_start: |f, days, last, seed| {
        format!("Filling {f} with a demo school: {days} days up to {last}, seed {seed}…")
    },
    demo_progress: |day, days| format!("day {day}/{days}…"),
    demo_done: |f| format!("Demo school written to {f}. Open it with: dutydesk --db {f}"),
    demo_counts: [
        "students",
        "classes",
        "staff",
        "shifts",
        "patrol checks",
        "reasons for missed, late or partial rounds",
        "checks that found a problem",
        "incidents",
        "students on incidents",
        "incident corrections",
        "incidents voided",
        "follow-ups",
        "follow-ups done",
        "follow-ups open and overdue",
        "hazards",
        "hazards verified on a later patrol",
        "hazards overdue",
        "mailbox slips",
        "visitors",
        "visits (sign-ins)",
        "refused at the gate (watchlist)",
        "admitted despite a watchlist match",
        "left without signing out",
        "early leaves",
        "watchlist entries",
    ],
    ex_csv_needs_out: "A CSV export is one file per table: name a directory to write it into with --out DIR.",
    ex_no_db: |p| {
        format!(
            "No database at {p}; nothing was exported. Pass --db with the database file, or set DUTYDESK_DB."
        )
    },
    ex_exists: |p| {
        format!(
            "{p} already exists and was left as it is; nothing was exported. Run again in a second, or choose another --out directory."
        )
    },
    ex_dir: |p, e| format!("Cannot use {p} as the export directory: {e}. Nothing was exported."),
    ex_write: |p, e| {
        format!(
            "Writing the export to {p} failed: {e}. The export is incomplete: no partial file is kept, and any output already printed must not be used."
        )
    },
    ex_stdout: "standard output",
    ex_done: |p| {
        format!(
            "Exported to {p}. It holds personal data about children, staff and visitors (ID numbers too, where the school keeps them): keep it where only authorised people can read it, and delete it once it is no longer needed."
        )
    },
    // End of Import
    si_first_title: "First start: the administrator's account",
    si_first_intro: "Nobody can use DutyDesk until an administrator exists. Type your name and choose a PIN of 6 to 12 digits. Then give the other staff accounts in People (w): choose a name, press Enter.",
    si_title: "Sign in",
    si_intro: "Type your name and your PIN.",
    si_locked_title: "Screen locked",
    si_locked_intro: |n| {
        format!(
            "Locked while {n} was away. {n}: type your PIN. Someone else: type your own name and PIN."
        )
    },
    si_unsaved_note: |n| {
        format!(
            "{n} has unsaved input here: it is kept for {n}, and discarded if someone else signs in."
        )
    },
    si_name: "Name",
    si_pin: "PIN",
    si_pin_again: "PIN again",
    si_keys: "Tab next field · Enter sign in · Ctrl+C quit",
    si_matches: "Accounts:",
    si_unknown_name: "No account has that name. The administrator gives accounts (People, Enter on a name).",
    si_wrong_pin: |n| format!("Wrong PIN. {n} more wrong and the account locks for a while."),
    si_locked_until: |t| {
        format!(
            "Too many wrong PINs: this account is locked until {t}. Try again then, or ask the administrator."
        )
    },
    si_welcome: |n, r| format!("Signed in: {n} ({r})."),
    si_discarded: |n| format!("What {n} had typed and not saved was discarded."),
    si_quit_blocked: "Unsaved input is kept for the person who typed it: they sign in to save or leave it.",
    pin_shape: "A PIN is 6 to 12 digits.",
    pin_guessable: "Too easy to guess: one digit repeated, or a run like 123456.",
    pin_mismatch: "The two PINs are not the same.",
    access_roles: [
        "guard",
        "duty teacher",
        "leader on duty",
        "safeguarding lead",
        "administrator",
    ],
    refused: |r| {
        format!("Not allowed for your role ({r}). Ask the leader on duty or the administrator.")
    },
    signed_in_as: |n| {
        format!(
            "Signed in as {n}: records made here name you. To change, lock the screen (Ctrl+L) and sign in."
        )
    },
    key_lock: "lock",
    key_account: "account",
    acc_title: |n| format!("Account of {n}"),
    acc_role: "Access role",
    acc_role_hint: "←/→ to choose",
    acc_pin_keep: "PIN (leave empty to keep)",
    acc_saved: |n, r| format!("Account saved: {n}, {r}."),
    no_account: "no account",
    audit_head: "Audit trail",
    se_accounts_exist: "An account was made on another terminal meanwhile: sign in with it.",
    se_pin_needed: "A new account needs a PIN.",
    pg_policy: |g, p, h, i| {
        let keep = |d: u32| {
            if d == 0 {
                "for good".to_owned()
            } else {
                format!("{d} days")
            }
        };
        format!(
            "Kept: gate log {}, patrol checks {}, verified hazards {}, finished incidents {}.",
            keep(g),
            keep(p),
            keep(h),
            keep(i)
        )
    },
    pg_nothing: "Nothing is older than it is kept for: nothing to remove.",
    pg_would: "Older than kept for, and would be removed:",
    pg_confirm: "To remove it for good, run: dutydesk purge --yes",
    pg_done: "Removed for good:",
    pg_held: |n| format!("{n} finished incident(s) past their time are on legal hold and kept."),
    pg_not_scrubbed: "Another terminal has the file open: the records are removed, but their old pages are only wiped from the file when no terminal is open. Run dutydesk purge --yes again after hours.",
    pg_backups: "Backups made before today still hold these records until they are replaced (dutydesk backup keeps the newest --keep copies).",
    pg_visits: "gate visits",
    pg_visitors: "visitors no longer coming",
    pg_early_leaves: "early leaves",
    pg_checks: "patrol checks",
    pg_exceptions: "reasons for missed rounds",
    pg_hazards: "verified hazards",
    pg_incidents: "finished incidents",
    pg_followups: "their follow-ups",
    pg_slips: "mailbox slips merged into them",
    pg_reason_needed: "A hold needs a reason: --reason \"…\" (one line).",
    pg_on_hold: |n| format!("Incident {n} is on legal hold: no purge removes it."),
    pg_released: |n| format!("Incident {n} is no longer on hold."),
    at_title: |n| {
        format!("Special-attention register ({n} now) · leader on duty and safeguarding lead only")
    },
    at_form_title: "Put a student on the special-attention register",
    at_reasons: [
        "family difficulties",
        "study difficulties",
        "psychological concern",
        "abnormal behaviour",
        "family change",
        "left-behind child",
    ],
    at_student: "Student",
    at_reason: "Why",
    at_teacher: "Responsible teacher",
    at_review_days: "Review every (days)",
    at_note: "Note",
    at_next_review: "next review",
    at_none: "Nobody is on the register.",
    at_hint: "special attention",
    at_review_note: "Scheduled check-in",
    at_added: |n| {
        format!(
            "{n} is on the register; the reviews of the coming term are follow-ups for the responsible teacher."
        )
    },
    at_ended: "Taken off the register (kept, with the reason).",
    at_end_title: "Why does this student come off the register?",
    at_days_error: "A whole number of days, 1 to 365.",
    at_reason_needed: "Choose at least one reason (Space).",
    at_ended_word: "ended",
    key_register: "attention register",
    key_end: "take off",
    key_reveal: "whole ID number",
    rv_title: "Why do you need this visitor's whole ID number? (recorded)",
    rv_shown: |n| format!("Whole number: {n} — your name and reason are in the audit trail."),
    rv_not_kept: "This school keeps only the last four characters: there is no whole number to show. (Your look is recorded.)",
    operator_hint_signed_in: "(someone else: Ctrl+L, then their name and PIN)",
    cli_needs_as: "This file has accounts: say who you are with --as NAME (your account's name); the PIN is asked next.",
    cli_pin_prompt: "PIN:",
    cli_needs_pin: "No terminal to type the PIN on: give it in DUTYDESK_PIN.",
    cli_cancelled: "Cancelled.",
};
