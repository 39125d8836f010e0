//! English.

use super::strings::{
    AccountWords, AttentionWords, CliWords, ConfirmWords, DemoWords, EmptyWords, ErrorWords,
    ExportWords, FieldWords, HintWords, ImportWords, KeyWords, MaintenanceWords, PurgeWords,
    ReportWords, RevealWords, SignInWords, StateWords, StoreWords, Strings, TabWords,
};

pub const EN: Strings = Strings {
    app_name: "Duty desk",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    log_kinds: ["incident", "follow-up", "hazard", "mailbox slip"],
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
    shift: "Shift",
    operator: "At this terminal: ",

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
    quick_ok_past: "This round's time is over: answer its checklist item by item.",
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
    shift_opened: "Shift opened.",
    shift_closed: "Shift closed.",
    shift_already_open: "A shift is already open; close it first (c).",
    need_shift: "No shift is open: press s, then o, to open one.",
    duty_roles: ["Duty teacher", "Leader on duty", "Guard", "Night duty"],
    duty_roles_short: ["Duty", "Leader", "Guards", "Night"],

    staff_count: |n| format!("Staff ({n})"),
    name: "Name",
    job: "Job",
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

    incident_word: "Incident",
    incidents_title: "Incidents",
    new_incident: "New incident",
    correct_incident: |n| format!("Correct incident {n}"),
    correction_reason_title: "Why is this record being corrected?",
    correction_reason_hint: "The reason is kept with the change, for everyone to see.",
    other_place: "Other (type it)",
    student_on_incident: "Student on this incident",
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
    slips_title: |n| format!("Report mailbox slips ({n} unverified)"),
    slips_help: "Kept until verified: e → new incident · g → add to one · u → unfounded",
    new_slip_title: "A slip from the report mailbox",
    merge_title: "Add this slip to an incident",
    unfounded_title: "Close this slip as unfounded",
    slip_saved: "Slip saved as unverified.",
    slip_merged: "Slip added to the incident.",
    slip_closed: "Slip closed as unfounded (kept).",
    followups_title: "Follow-ups",
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
    hazards_title: "Hazard and dispute register",
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
    needs_terminal: "The full-screen app needs a terminal; for scripts use the subcommands (dutydesk --help)",
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
    id_ok: "✓ number checks out",
    gate_station: "Gate",
    gate_on_campus: |n| format!("On campus now: {n}"),
    gate_log: |n, r| format!("Today: {n} visits, {r} refused"),
    gate_leaves: |n| format!("Left early today: {n}"),
    view_on_campus: "on campus",
    view_log: "today's log",
    view_leaves: "early leaves",
    nobody_on_campus: "Nobody from outside is on campus.",
    inside_for: |d| format!("inside {d}"),
    not_signed_out: "!! not signed out",
    refused_word: "REFUSED",
    left_unsigned_word: "left without signing out",
    sign_in_title: "Visitor sign-in",
    doc_types: [
        "resident ID",
        "passport",
        "HK/Macau/Taiwan permit",
        "other",
        "none",
    ],
    no_yes: ["no", "yes"],
    signed_in: |n| format!("{n} signed in."),
    signed_out: |n| format!("{n} signed out."),
    entry_refused: |n| format!("{n}: entry refused, recorded."),
    watch_title: "Watchlist match",
    watch_alert: |n, why| {
        format!("{n} matches the watchlist: {why}. Refuse entry, or let in with a written reason?")
    },
    admit_title: "Why let this person in?",
    out_at_title: "Signed out at what time?",
    left_unsigned_title: "Left without signing out: what do you know?",
    early_leave_title: "Student leaving early",
    early_leave_saved: |n| format!("{n}: early leave recorded."),
    back_in_saved: "Recorded as back.",
    watchlist_title: "Watchlist (advisory: the guard decides)",
    new_watch_title: "Add to the watchlist",
    watch_saved: "Added to the watchlist.",
    watch_ended: "Taken off the watchlist (kept in the record).",
    visitors_on_site: |n| format!("{n} on campus"),
    unresolved_n: |n| format!("!! {n} not signed out"),
    watch_active: "in force",
    watch_inactive: "ended",
    minutes_inside: "Minutes inside",
    already_in: |n| {
        format!("{n} is already shown as on campus (not signed out). Sign in again anyway?")
    },
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
    no_account: "no account",
    audit_head: "Audit trail",
    operator_hint_signed_in: "(someone else: Ctrl+L, then their name and PIN)",
    report: ReportWords {
        // Reports
        shift_title: |school| format!("{school} · Duty log"),
        period_title: |school| format!("{school} · Duty work summary"),
        day: "Date",
        hours: "Shift",
        still_open: "still open",
        patrols: "Patrols",
        tally: |due, done, late, partial, missed, later| {
            format!(
                "{due} due: {done} done, {late} late, {partial} partial, {missed} missed; {later} still to come"
            )
        },
        gate: "Gate",
        gate_counts: |inn, out, refused, leaves, still| {
            format!(
                "{inn} visitors in ({out} signed out), {refused} refused · early leaves: {leaves} · still on campus: {still}"
            )
        },
        signed_off: "Leader's sign-off",
        not_signed_off: "not signed off yet",
        round_exceptions: "Rounds not made as planned",
        no_reason: "no reason written yet",
        problems: "Problems found on patrol",
        incidents_opened: "Incidents recorded",
        incidents_updated: "Incidents worked on",
        followups_created: "Follow-ups created",
        followups_completed: "Follow-ups completed",
        followups_overdue: "Follow-ups overdue",
        followups_due_soon: "Follow-ups due in the next 24 hours",
        hazards_opened: "Hazards recorded",
        hazards_rectified: "Hazards rectified",
        hazards_overdue: "Hazards overdue",
        refused: "Refused entry",
        early_leaves: "Students who left early",
        still_in: "Visitors still on campus",
        handover: "Handover note",
        corrections: "Corrections after sign-off",
        checked_again: "checked again",
        reason_written: "reason written",
        none: "none",
        voided: "voided",
        col_window: "Time",
        col_slot: "Slot",
        col_place: "Place",
        col_state: "State",
        col_reason: "Reason",
        col_by: "By",
        col_time: "Time",
        col_problem: "Problem",
        col_number: "No.",
        col_category: "Category",
        col_done: "Done",
        col_status: "Status",
        col_name: "Name",
        col_student: "Student",
        col_class: "Class",
        col_back: "Back",
        col_time_in: "In since",
        col_note: "Note",
        col_at: "When",
        col_record: "Record",
        col_change: "Change",
        col_severity: "Severity",
        col_students: "Students",
        col_kind: "Kind",
        col_about: "About",
        col_owner: "Owner",
        col_due: "Due",
        col_done_at: "Done at",
        col_outcome: "Outcome",
        col_description: "Description",
        col_risk: "Risk",
        col_source: "Source",
        col_determination: "Determination",
        col_measure: "Measure",
        col_count: "Count",
        col_what: "What",
        col_rate: "Rate %",
        col_due_count: "Due",
        col_done_count: "Made",
        col_roles: "Roles",
        col_week: "Week of",
        from: "From",
        to: "To",
        shifts: "Shifts",
        shift_counts: |n, signed| format!("{n}, {signed} signed off by the leader"),
        round_rate: |due, made, rate| format!("{due} due, {made} made ({rate})"),
        problems_found: "Problems found",
        problem_counts: |rounds, items| format!("{items} problems in {rounds} rounds"),
        incidents: "Incidents",
        followups_on_time: "Follow-ups done on time",
        hazards_on_time: "Hazards rectified on time",
        visit_counts: |visits, refused, leaves| {
            format!("{visits} visits, {refused} refused · early leaves: {leaves}")
        },
        by_slot: "Patrols by slot",
        by_place: "Patrols by place",
        by_category: "Incidents by category",
        by_severity: "Incidents by severity",
        by_source: "Incidents by source",
        by_status: "Incidents by status",
        bullying: "Bullying determinations",
        measures: "Measures applied",
        followups: "Follow-ups due in the period",
        hazards: "Hazards recorded in the period",
        on_time: "on time",
        late: "late",
        overdue: "overdue, still open",
        not_yet_due: "not yet due",
        cancelled: "cancelled",
        within_time: "open, within time",
        admitted: "admitted",
        refused_word: "refused",
        admitted_despite: "admitted despite the watchlist",
        early_leaves_word: "students left early",
        place_by_slot: "Incidents by place and slot",
        other_times: "Other times",
        total: "Total",
        repeat_students: |n| format!("Students in {n} or more incidents"),
        weeks: "Week by week",
        several_shifts: |ids| {
            format!("That day had several shifts ({ids}); this is the last. Another: --shift N.")
        },
        no_shift_on: |d| format!("No shift was recorded on {d}."),
        no_shifts: "No shift has been recorded yet.",
        to_before_from: "--to is before --from.",
        bad_date: |d| format!("{d:?} is not a date like 2026-11-30."),
        col_person: "Name",
        col_late: "Late",
        col_partial: "Partial",
        col_missed: "Missed",
        no_later_shift: "This is the latest shift.",
        no_earlier_shift: "There is no earlier shift.",
        handover_saved: "Handover note saved.",
        signed_off_saved: "Signed off: the duty log of this shift is confirmed.",
    },
    keys: KeyWords {
        handover: "handover note",
        sign_off: "sign off",
        other_shift: "other shifts",
        period_report: "period report",
        period_span: "week/month/term",
        period_move: "earlier/later",
        duty_log: "duty log",
        quit: "quit",
        help: "help",
        back: "back",
        choose: "choose",
        check: "check",
        all_ok: "all OK",
        all_ok_save: "all OK + save",
        save: "save",
        item: "item",
        note: "note",
        done_typing: "done",
        reason: "reason",
        prev_next_day: "day before/after",
        today: "today",
        open_shift: "open shift",
        open_shift_hint: "shift screen",
        close_shift: "close shift",
        switch_operator: "who is at this terminal",
        add_staff: "add staff",
        next_field: "next field",
        accept: "accept",
        change: "change",

        new: "new",
        open: "open",
        search: "search",
        filters: "filters",
        clear: "clear",
        slips: "mailbox",
        incidents: "incidents",
        slip_new_incident: "to incident",
        slip_merge: "add to one",
        slip_unfounded: "unfounded",
        scroll: "scroll",
        correct: "correct",
        void: "void",
        add_followup: "follow-up",
        student_history: "student record",
        add_student: "add student",
        edit: "edit",
        remove: "remove",
        fields: "fields",
        tick: "tick",
        complete: "done",
        reschedule: "move",
        open_incident: "its incident",
        mine: "mine",
        everyones: "everyone's",
        open_only: "open only",
        with_done: "with done",
        create_ticked: "create",
        skip: "none",
        start_rectifying: "rectifying",
        mark_rectified: "rectified",
        verify: "verify",
        staff_list: "staff",
        students_list: "students",
        to_incident: "incident",
        to_hazard: "hazard",
        sign_in: "visitor in",
        sign_out: "sign out",
        out_at: "out at…",
        left_unsigned: "left unsigned",
        next_view: "next list",
        early_leave: "early leave",
        back_in: "came back",
        watchlist: "watchlist",
        refuse: "refuse entry",
        admit: "let in (reason)",
        end_watch: "take off",
        next_student: "next student",
        lock: "lock",
        account: "account",
        register: "attention register",
        end: "take off",
        reveal: "whole ID number",
    },
    fields: FieldWords {
        when: "When",
        place: "Place",
        place_other: "Other place",
        category: "Category",
        severity: "Severity",
        source: "Source",
        narrative: "What happened",
        child_words: "Child's words",
        action: "Done at once",
        bullying: "Bullying?",
        bullying_on: "Decided on",
        status: "Status",
        students: "Students",
        student: "Student",
        role: "Role",
        measures: "Measures",
        parents_told_at: "Parents told",
        told_by: "Told by",
        class: "Class",
        number: "Number",
        kind: "Kind",
        note: "Note",
        owner: "Owner",
        due: "Due",
        outcome: "Outcome",
        why: "Why",
        hazard_kind: "Kind",
        description: "What",
        risk: "Risk",
        steps: "Steps taken",
        slip_text: "Slip says",
        incident_number: "Incident no.",
        what_was_checked: "What was checked",
        period: "Period",
        visitor_name: "Name",
        phone: "Phone",
        organisation: "From",
        doc_type: "Document",
        doc_number: "Number",
        purpose: "Purpose",
        host: "Visiting",
        host_confirmed: "Host confirmed",
        plate: "Vehicle",
        pass_no: "Pass no.",
        time: "Time",
        approved_by: "Approved by",
        slip_seen: "Leave slip seen",
        teacher_confirmed: "Teacher phoned",
        collected_by: "Collected by",
        relation: "Relation",
        time_out: "Time out",
        until: "Until",
        watch_reason: "Reason",
    },
    store: StoreWords {
        damaged: |p| {
            format!(
                "{p}: the file is damaged (its integrity check failed). Restore the latest backup: dutydesk restore BACKUP (see dutydesk backup)."
            )
        },
        unsafe_sqlite: "This SQLite library does not keep synchronous=FULL and foreign keys on, so records could be lost; DutyDesk will not run on it. Use the DutyDesk build with its bundled SQLite.",
        not_sqlite: |p| {
            format!(
                "{p} is not a DutyDesk database. It was left unchanged. Use --db to choose the right file."
            )
        },
        foreign: |p| {
            format!(
                "{p} belongs to another program. It was left unchanged. Use --db to choose a DutyDesk file."
            )
        },
        too_new: |p, found, supported| {
            format!(
                "{p} was made by a newer DutyDesk (schema {found}; this one knows up to {supported}). It was left unchanged. Install the newer version."
            )
        },
        sqlite_old: |v| format!("SQLite {v} is too old; DutyDesk needs 3.51.3 or newer."),
        io: |p, e| format!("{p}: {e}"),
        busy: "Another terminal kept the database busy. Nothing was saved; your input is kept. Try again.",
        disk_full: "The disk is full. Nothing was saved; your input is kept.",
        read_only: "The database file is read-only. Nothing was saved; your input is kept.",
        changed: "Changed on another terminal meanwhile. Nothing was saved: press Esc and open it again.",
        shift_open: "A shift is already open (perhaps on another terminal).",
        no_shift: "The shift was closed (perhaps on another terminal). Open a shift, then save again.",
        not_found: "That record no longer exists.",
        nothing_changed: "Nothing was changed, so there is nothing to save.",
        signed_off: "The leader has signed this shift off: what was signed stays as it is. Later changes to its records are listed as corrections after sign-off.",
        not_the_leader: "Only the leader on duty of this shift signs it off: the leader signs in at this terminal (Ctrl+L, then name and PIN).",
        not_allowed: "Not possible in the record's present state (perhaps changed on another terminal): reload and check.",
        no_later_patrol: "Not verified: no patrol of this place has been checked since it was rectified. Check the place first.",
        db: |e| format!("Database error: {e}. Nothing was saved; your input is kept."),

        accounts_exist: "An account was made on another terminal meanwhile: sign in with it.",
        pin_needed: "A new account needs a PIN.",
    },
    import: ImportWords {
        // Import
        encodings: ["UTF-8", "UTF-8 with BOM", "GBK"],
        columns: [
            "student number",
            "name",
            "class",
            "gender",
            "role",
            "staff number",
            "phone",
        ],
        line: |n, why| format!("line {n}: {why}"),
        problem_sep: "; ",
        missing: |c| format!("{c} is empty"),
        forbidden: |c| {
            format!("{c} contains a control or invisible character (such as a text-direction mark)")
        },
        too_long: |c, max| format!("{c} is too long (at most {max} characters)"),
        bad_number: |c| format!("{c} must be 1–20 letters, digits or hyphens"),
        bad_phone: "phone may hold only digits, +, - and spaces (at most 20)",
        unknown_role: |r| {
            format!(
                "unknown role \"{r}\" (use teacher, leader, guard, dorm staff, counsellor, class teacher, safety officer or other)"
            )
        },
        extra_cells: |found, expected| {
            format!("{found} cells but the header has {expected} (a comma inside a value?)")
        },
        duplicate_number: |c, first| format!("same {c} as line {first}"),
        duplicate_name: |first| {
            format!("same name as line {first}, and neither has a staff number to tell them apart")
        },
        utf16: "the file is saved as UTF-16 (\"Unicode text\"). In Excel or WPS, save it as \"CSV UTF-8\" or \"CSV (comma delimited)\". Nothing was imported.",
        not_text: "the file is not CSV text in UTF-8 or GBK (an .xlsx file renamed?). In Excel or WPS, save it as \"CSV UTF-8\" or \"CSV (comma delimited)\". Nothing was imported.",
        no_header: "the file is empty: its first row must name the columns. Nothing was imported.",
        missing_column: |c, names| {
            format!("the header row has no {c} column (name it {names}). Nothing was imported.")
        },
        duplicate_column: |c| {
            format!("two columns of the header row are both {c}: keep one. Nothing was imported.")
        },
        unreadable: |n| format!("line {n} cannot be read as CSV. Nothing was imported."),
        file: |f, why| format!("{f}: {why}"),
        refused: |bad, good| {
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
        done: |f, enc, added, updated, unchanged, skipped| {
            format!(
                "{f} ({enc}): {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped."
            )
        },
    },
    errors: ErrorWords {
        in_past: "That time has passed.",
        no_such_incident: "No incident has that number (e.g. 2026-0042).",
        already_listed: "Already on this incident: choose the row and press Enter to change it.",
        bad_phone: "A phone number: digits, +, - and spaces (at most 20).",
        id_length: |n| format!("{n} of 18 characters so far."),
        id_chars: "Only digits, and X as the last character.",
        id_region: "The first two digits are not a province code: check the number.",
        id_date: "Digits 7–14 are not a real birth date: check the number.",
        id_check: |c| format!("The last character should be {c}: a digit is probably wrong."),
        watch_empty: "Give a name, a document number or a plate.",
        required: "Required.",
        too_long: |max| format!("Too long: at most {max} characters."),
        forbidden: "That character cannot be used here.",
        problem_note: "A problem needs a note.",
        same_person: "This person is already named in this role.",
        ambiguous: "Several staff have this name: choose one from the list (↓).",
        bad_time: "Write a time like 2026-11-30 07:45, or 07:45 for today.",
        bad_date: "Write a date like 2026-11-30.",
        in_future: "That time has not come yet.",
        before_time_in: |t| format!("That is before the visitor came in ({t})."),
        no_such_person: "Nobody by that name: type a few characters and choose with ↓.",
    },
    purge: PurgeWords {
        policy: |g, p, h, i| {
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
        nothing: "Nothing is older than it is kept for: nothing to remove.",
        would: "Older than kept for, and would be removed:",
        confirm: "To remove it for good, run: dutydesk purge --yes",
        done: "Removed for good:",
        held: |n| format!("{n} finished incident(s) past their time are on legal hold and kept."),
        not_scrubbed: "Another terminal has the file open: the records are removed, but their old pages are only wiped from the file when no terminal is open. Run dutydesk purge --yes again after hours.",
        backups: "Backups made before today still hold these records until they are replaced (dutydesk backup keeps the newest --keep copies).",
        visits: "gate visits",
        visitors: "visitors no longer coming",
        early_leaves: "early leaves",
        checks: "patrol checks",
        exceptions: "reasons for missed rounds",
        hazards: "verified hazards",
        incidents: "finished incidents",
        followups: "their follow-ups",
        slips: "mailbox slips merged into them",
        reason_needed: "A hold needs a reason: --reason \"…\" (one line).",
        on_hold: |n| format!("Incident {n} is on legal hold: no purge removes it."),
        released: |n| format!("Incident {n} is no longer on hold."),
    },
    sign_in: SignInWords {
        // End of Import
        first_title: "First start: the administrator's account",
        first_intro: "Nobody can use DutyDesk until an administrator exists. Type your name and choose a PIN of 6 to 12 digits. Then give the other staff accounts in People (w): choose a name, press Enter.",
        title: "Sign in",
        intro: "Type your name and your PIN.",
        locked_title: "Screen locked",
        locked_intro: |n| {
            format!(
                "Locked while {n} was away. {n}: type your PIN. Someone else: type your own name and PIN."
            )
        },
        unsaved_note: |n| {
            format!(
                "{n} has unsaved input here: it is kept for {n}, and discarded if someone else signs in."
            )
        },
        name: "Name",
        pin: "PIN",
        pin_again: "PIN again",
        keys: "Tab next field · Enter sign in · Ctrl+C quit",
        matches: "Accounts:",
        unknown_name: "No account has that name. The administrator gives accounts (People, Enter on a name).",
        wrong_pin: |n| format!("Wrong PIN. {n} more wrong and the account locks for a while."),
        locked_until: |t| {
            format!(
                "Too many wrong PINs: this account is locked until {t}. Try again then, or ask the administrator."
            )
        },
        welcome: |n, r| format!("Signed in: {n} ({r})."),
        discarded: |n| format!("What {n} had typed and not saved was discarded."),
        quit_blocked: "Unsaved input is kept for the person who typed it: they sign in to save or leave it.",
    },
    attention: AttentionWords {
        title: |n| {
            format!(
                "Special-attention register ({n} now) · leader on duty and safeguarding lead only"
            )
        },
        form_title: "Put a student on the special-attention register",
        reasons: [
            "family difficulties",
            "study difficulties",
            "psychological concern",
            "abnormal behaviour",
            "family change",
            "left-behind child",
        ],
        student: "Student",
        reason: "Why",
        teacher: "Responsible teacher",
        review_days: "Review every (days)",
        note: "Note",
        next_review: "next review",
        none: "Nobody is on the register.",
        hint: "special attention",
        review_note: "Scheduled check-in",
        added: |n| {
            format!(
                "{n} is on the register; the reviews of the coming term are follow-ups for the responsible teacher."
            )
        },
        ended: "Taken off the register (kept, with the reason).",
        end_title: "Why does this student come off the register?",
        days_error: "A whole number of days, 1 to 365.",
        reason_needed: "Choose at least one reason (Space).",
        ended_word: "ended",
    },
    maintenance: MaintenanceWords {
        ok: |p, v| {
            format!(
                "OK: {p} is whole (schema {v}), foreign keys consistent, safety settings on, only its owner can read it."
            )
        },
        problems: |p, n| format!("{p}: {n} problem(s) found:"),
        audit_ok: |n, head| format!("Audit trail: {n} row(s), chain intact, head {head}."),
        audit_broken: |id| {
            format!(
                "audit trail broken at row {id}: that row (or one before it) was changed or removed outside DutyDesk. Keep this file as evidence and tell the administrator; restore a backup to go on working."
            )
        },
        integrity: |l| format!("integrity: {l}"),
        foreign_key: |l| format!("record pointing at a missing one: {l}"),
        schema: |found, ours| format!("schema {found}, this DutyDesk expects {ours}"),
        settings: "the connection's safety settings (synchronous=FULL, foreign_keys=ON, WAL) are not all on",
        loose: |p, mode| format!("{p} can be read by other users (mode {mode:o})"),
        fix_permissions: |cmd| format!("To fix: {cmd}"),
        backup_done: |p, kept| {
            format!("Backup written and checked: {p} ({kept} kept in its folder).")
        },
        restore_done: |from, kept| {
            format!("Restored from {from}. The records as they were before are kept in {kept}.")
        },
        loose_warning: |cmd| {
            format!("Other users on this computer can read the duty records. Fix it with: {cmd}")
        },
    },
    reveal: RevealWords {
        title: "Why do you need this visitor's whole ID number? (recorded)",
        shown: |n| format!("Whole number: {n} — your name and reason are in the audit trail."),
        not_kept: "This school keeps only the last four characters: there is no whole number to show. (Your look is recorded.)",
    },
    account: AccountWords {
        title: |n| format!("Account of {n}"),
        role: "Access role",
        role_hint: "←/→ to choose",
        pin_keep: "PIN (leave empty to keep)",
        saved: |n, r| format!("Account saved: {n}, {r}."),
    },
    cli: CliWords {
        needs_as: "This file has accounts: say who you are with --as NAME (your account's name); the PIN is asked next.",
        pin_prompt: "PIN:",
        needs_pin: "No terminal to type the PIN on: give it in DUTYDESK_PIN.",
        cancelled: "Cancelled.",
    },
    demo: DemoWords {
        // Demo
        refused: |f| {
            format!(
                "{f} already holds records (staff, students, shifts or other entries). The demo fills only a new or empty database; this file was left unchanged. Name a new file: dutydesk --db NEW_FILE demo"
            )
        },
        start: |f, days, last, seed| {
            format!("Filling {f} with a demo school: {days} days up to {last}, seed {seed}…")
        },
        progress: |day, days| format!("day {day}/{days}…"),
        done: |f| format!("Demo school written to {f}. Open it with: dutydesk --db {f}"),
        counts: [
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
    },
    export: ExportWords {
        csv_needs_out: "A CSV export is one file per table: name a directory to write it into with --out DIR.",
        no_db: |p| {
            format!(
                "No database at {p}; nothing was exported. Pass --db with the database file, or set DUTYDESK_DB."
            )
        },
        exists: |p| {
            format!(
                "{p} already exists and was left as it is; nothing was exported. Run again in a second, or choose another --out directory."
            )
        },
        dir: |p, e| format!("Cannot use {p} as the export directory: {e}. Nothing was exported."),
        write: |p, e| {
            format!(
                "Writing the export to {p} failed: {e}. The export is incomplete: no partial file is kept, and any output already printed must not be used."
            )
        },
        stdout: "standard output",
        done: |p| {
            format!(
                "Exported to {p}. It holds personal data about children, staff and visitors (ID numbers too, where the school keeps them): keep it where only authorised people can read it, and delete it once it is no longer needed."
            )
        },
    },
    confirm: ConfirmWords {
        sign_off: "Sign off this shift's duty log as the leader on duty? The handover note cannot be changed afterwards; later changes to its records are listed as corrections after sign-off.",
        title: "Please confirm",

        new_staff: |names| {
            format!("Not on the staff list yet: {names}. Add them and open the shift?")
        },
        close_shift: "Close this shift? Records made afterwards need a new shift.",
        end_watch: "Take this entry off the watchlist?",
        quit: "A form has unsaved input. Quit anyway and lose it?",
        discard: "Leave this form and lose what you typed?",
        sign_out: |name, since, now| format!("Sign out {name} (in since {since}) at {now}?"),
    },
    hints: HintWords {
        problem_note: "A problem needs a note: what, who, where.",
        when_happened: "when it happened; an earlier time is marked entered later",
        when: "e.g. 2026-11-30 07:45, or 07:45 for today",
        type_to_find: "type part of a name, then ↓ and Enter",
        visitor_name: "part of a name or phone offers earlier visitors (↓, Enter)",
        keep_document: |m| format!("last time {m}; leave empty to keep it"),
        until: "a date like 2026-12-31, or empty for no end",
    },
    states: StateWords {
        upcoming: "later",
        due: "DUE",
        done: "done",
        late: "late",
        partial: "partial",
        partial_short: "part",
        missed: "MISSED",
        untracked: "–",
    },
    tabs: TabWords {
        now: "Now",
        patrols: "Patrols",
        shift: "Shift",
        staff: "Staff",
        incidents: "Incidents",
        followups: "Follow-ups",
        hazards: "Hazards",
        people: "People",
        gate: "Gate",
    },
    empty: EmptyWords {
        slot_short: "no patrol slot now",
        shift_short: "No shift open",
        shift_open: "No shift is open. Press s, then o, to open one: records need a shift.",
        slot_now: "No patrol slot is open now.",
        rounds_this_day: "No patrol slots on this day.",
        staff_yet: "   No staff yet: press a to add, or name them when opening a shift.",
        students_yet: "   none yet: press Tab to get here, then a to add a student",
        incidents: "No incidents match. a: record one · x: clear filters",
        slips: "No slips. a: record one from the mailbox.",
        followups: "No follow-ups. a: add one.",
        suggestions: "None suggested (no target or initiator). Enter continues.",
        hazards: "Nothing pending. a: record a hazard or dispute.",
        problem_here: "This round has no problem recorded.",
        students_imported: "   No students yet: import the school list with `dutydesk import students FILE.csv`.",
        visits_today: "No visits today.",
        leaves_today: "No student has left early today.",
        watch: "Nobody on the watchlist.",
    },
};
