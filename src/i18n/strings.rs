//! The table of every user-visible string. Each language is one `const Strings`; a field left
//! out of either is a compile error. Strings with values in them are functions.

use crate::domain::history::LogAction;
use crate::domain::idcard::IdError;
use crate::domain::shift::DutyRole;
use crate::domain::staff::StaffRole;
use crate::domain::{followup, hazard, incident, slip};
use crate::store::{Refusal, StoreError};
use crate::widgets::field::FieldError;

pub struct Strings {
    pub app_name: &'static str,
    pub weekdays: [&'static str; 7],
    pub too_small: fn(u16, u16) -> String,
    pub too_small_unsaved: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub confirm_title: &'static str,

    // Header and tabs
    pub tab_now: &'static str,
    pub tab_patrols: &'static str,
    pub tab_shift: &'static str,
    pub tab_staff: &'static str,
    pub no_slot_short: &'static str,
    pub no_shift_short: &'static str,
    pub shift: &'static str,
    pub operator: &'static str,

    // Keys
    pub key_quit: &'static str,
    pub key_help: &'static str,
    pub key_back: &'static str,
    pub key_choose: &'static str,
    pub key_check: &'static str,
    pub key_all_ok: &'static str,
    pub key_all_ok_save: &'static str,
    pub key_save: &'static str,
    pub key_item: &'static str,
    pub key_note: &'static str,
    pub key_done_typing: &'static str,
    pub key_reason: &'static str,
    pub key_prev_next_day: &'static str,
    pub key_today: &'static str,
    pub key_open_shift: &'static str,
    pub key_open_shift_hint: &'static str,
    pub key_close_shift: &'static str,
    pub key_switch_operator: &'static str,
    pub key_add_staff: &'static str,
    pub key_next_field: &'static str,
    pub key_accept: &'static str,
    pub key_change: &'static str,

    // Help
    pub help_title: &'static str,
    pub help_this_screen: &'static str,
    pub help_everywhere: &'static str,
    pub global_keys: &'static [(&'static str, &'static str)],
    pub help_states: &'static [&'static str],
    pub help_in_form: &'static str,

    // Round states
    pub state_upcoming: &'static str,
    pub state_due: &'static str,
    pub state_done: &'static str,
    pub state_late: &'static str,
    pub state_partial: &'static str,
    /// For a grid cell too narrow for the whole word.
    pub state_partial_short: &'static str,
    pub state_missed: &'static str,
    pub state_untracked: &'static str,

    // Now
    pub no_shift_open: &'static str,
    pub no_slot_now: &'static str,
    pub ends_in: fn(&str) -> String,
    pub starts_in: fn(&str) -> String,
    pub next_slot: &'static str,
    pub today_rounds: &'static str,
    pub open_exceptions: fn(usize) -> String,
    pub press_e_to_see: &'static str,
    pub press_e_short: &'static str,
    pub press_o_all_ok: &'static str,
    pub problems_n: fn(u32) -> String,
    pub hours_minutes: fn(i64, i64) -> String,
    pub minutes: fn(i64) -> String,

    // Patrols
    pub patrols_of: &'static str,
    pub not_today: &'static str,
    pub slot: &'static str,
    pub no_rounds_this_day: &'static str,
    pub legend: &'static str,
    pub checked_line: fn(&str, &str, usize, usize) -> String,
    pub needs_reason_hint: &'static str,

    // Check form
    pub checked_by: &'static str,
    pub result_unset: &'static str,
    pub result_ok: &'static str,
    pub result_problem: &'static str,
    pub result_na: &'static str,
    pub item_note: &'static str,
    pub round_note: &'static str,
    pub hint_problem_note: &'static str,
    pub confirm_partial: fn(usize) -> String,
    pub check_saved: fn(&str, bool, usize) -> String,
    pub already_checked: &'static str,
    pub not_open_yet: fn(&str) -> String,

    // Reasons
    pub reason_title: &'static str,
    pub reason_label: &'static str,
    pub reason_keys: &'static str,
    pub esc_again_discards: &'static str,
    pub reason_saved: &'static str,
    pub reason_not_needed: &'static str,

    // Shift
    pub current_shift: &'static str,
    pub opened_at: &'static str,
    pub operator_hint: &'static str,
    pub operator_now: fn(&str) -> String,
    pub recent_shifts: &'static str,
    pub still_open: &'static str,
    pub open_shift_title: &'static str,
    pub open_shift_help: &'static str,
    pub confirm_new_staff: fn(&str) -> String,
    pub confirm_close_shift: &'static str,
    pub shift_opened: &'static str,
    pub shift_closed: &'static str,
    pub shift_already_open: &'static str,
    pub need_shift: &'static str,
    pub duty_roles: [&'static str; 4],
    pub duty_roles_short: [&'static str; 4],

    // Staff
    pub staff_count: fn(usize) -> String,
    pub name: &'static str,
    pub job: &'static str,
    pub no_staff_yet: &'static str,
    pub add_staff_title: &'static str,
    pub staff_added: fn(&str) -> String,
    pub staff_roles: [&'static str; 8],

    // Record vocabularies, in the order of each enum's ALL.
    pub roles: [&'static str; 4],
    pub severities: [&'static str; 4],
    pub sources: [&'static str; 6],
    pub statuses: [&'static str; 5],
    pub bullying: [&'static str; 3],
    pub followup_kinds: [&'static str; 8],
    pub followup_statuses: [&'static str; 3],
    pub hazard_kinds: [&'static str; 4],
    pub hazard_statuses: [&'static str; 4],
    pub slip_statuses: [&'static str; 3],

    // Incidents, follow-ups, hazards, slips (issue 3)
    pub tab_incidents: &'static str,
    pub tab_followups: &'static str,
    pub tab_hazards: &'static str,
    pub tab_people: &'static str,
    pub incident_word: &'static str,
    pub incidents_title: &'static str,
    pub new_incident: &'static str,
    pub correct_incident: fn(&str) -> String,
    pub correction_reason_title: &'static str,
    pub correction_reason_hint: &'static str,
    pub f_when: &'static str,
    pub hint_when_happened: &'static str,
    pub hint_when: &'static str,
    pub f_place: &'static str,
    pub f_place_other: &'static str,
    pub other_place: &'static str,
    pub f_category: &'static str,
    pub f_severity: &'static str,
    pub f_source: &'static str,
    pub f_narrative: &'static str,
    pub f_child_words: &'static str,
    pub f_action: &'static str,
    pub f_bullying: &'static str,
    pub f_bullying_on: &'static str,
    pub f_status: &'static str,
    pub f_students: &'static str,
    pub f_student: &'static str,
    pub f_role: &'static str,
    pub f_measures: &'static str,
    pub f_parents_told_at: &'static str,
    pub f_told_by: &'static str,
    pub f_class: &'static str,
    pub f_number: &'static str,
    pub f_kind: &'static str,
    pub f_note: &'static str,
    pub f_owner: &'static str,
    pub f_due: &'static str,
    pub f_outcome: &'static str,
    pub f_why: &'static str,
    pub f_hazard_kind: &'static str,
    pub f_description: &'static str,
    pub f_risk: &'static str,
    pub f_steps: &'static str,
    pub f_slip_text: &'static str,
    pub f_incident_number: &'static str,
    pub f_what_was_checked: &'static str,
    pub hint_type_to_find: &'static str,
    pub student_on_incident: &'static str,
    pub no_students_yet: &'static str,
    pub parents_told: &'static str,
    pub parents_not_told: &'static str,
    pub backdated: &'static str,
    pub entered_line: fn(&str, &str) -> String,
    pub voided_line: fn(&str, &str) -> String,
    pub voided_mark: &'static str,
    pub with_voided: &'static str,
    pub void_title: fn(&str) -> String,
    pub incident_saved: fn(&str) -> String,
    pub incident_corrected: &'static str,
    pub incident_voided: &'static str,
    pub days_left: fn(i64) -> String,
    pub overdue_days: fn(i64) -> String,
    pub overdue_n: fn(usize) -> String,
    pub overdue_word: &'static str,
    pub due_word: &'static str,
    pub filter_all: &'static str,
    pub range_today: &'static str,
    pub range_week: &'static str,
    pub range_month: &'static str,
    pub no_incidents: &'static str,
    pub slips_title: fn(usize) -> String,
    pub slips_help: &'static str,
    pub no_slips: &'static str,
    pub new_slip_title: &'static str,
    pub merge_title: &'static str,
    pub unfounded_title: &'static str,
    pub slip_saved: &'static str,
    pub slip_merged: &'static str,
    pub slip_closed: &'static str,
    pub followups_title: &'static str,
    pub no_followups: &'static str,
    pub new_followup_title: &'static str,
    pub edit_followup_title: &'static str,
    pub followup_saved: &'static str,
    pub followups_created: fn(usize) -> String,
    pub followup_completed: &'static str,
    pub followup_rescheduled: &'static str,
    pub complete_title: &'static str,
    pub reschedule_title: &'static str,
    pub suggestions_title: fn(&str) -> String,
    pub suggestions_help: &'static str,
    pub no_suggestions: &'static str,
    pub hazards_title: &'static str,
    pub no_hazards: &'static str,
    pub new_hazard_title: &'static str,
    pub within_days: fn(u32) -> String,
    pub hazard_saved: fn(&str) -> String,
    pub hazard_updated: &'static str,
    pub hazard_verified: &'static str,
    pub advance_title: &'static str,
    pub no_problem_here: &'static str,
    pub history_title: &'static str,
    pub chronology_title: &'static str,
    pub chronology_counts: fn(usize, usize) -> String,
    pub nothing_recorded: &'static str,
    pub students_count: fn(usize) -> String,
    pub no_students_imported: &'static str,
    pub key_new: &'static str,
    pub key_open: &'static str,
    pub key_search: &'static str,
    pub key_filters: &'static str,
    pub key_clear: &'static str,
    pub key_slips: &'static str,
    pub key_incidents: &'static str,
    pub key_slip_new_incident: &'static str,
    pub key_slip_merge: &'static str,
    pub key_slip_unfounded: &'static str,
    pub key_scroll: &'static str,
    pub key_correct: &'static str,
    pub key_void: &'static str,
    pub key_add_followup: &'static str,
    pub key_student_history: &'static str,
    pub key_add_student: &'static str,
    pub key_edit: &'static str,
    pub key_remove: &'static str,
    pub key_fields: &'static str,
    pub key_tick: &'static str,
    pub key_complete: &'static str,
    pub key_reschedule: &'static str,
    pub key_open_incident: &'static str,
    pub key_mine: &'static str,
    pub key_everyones: &'static str,
    pub key_open_only: &'static str,
    pub key_with_done: &'static str,
    pub key_create_ticked: &'static str,
    pub key_skip: &'static str,
    pub key_start_rectifying: &'static str,
    pub key_mark_rectified: &'static str,
    pub key_verify: &'static str,
    pub key_staff_list: &'static str,
    pub err_in_past: &'static str,
    pub err_no_such_incident: &'static str,

    pub log_actions: [&'static str; 9],
    pub key_students_list: &'static str,
    pub needs_terminal: &'static str,
    pub f_period: &'static str,
    pub due_today_n: fn(usize) -> String,
    pub open_n: fn(usize) -> String,
    pub pending_n: fn(usize) -> String,
    pub slips_waiting: fn(usize) -> String,
    pub key_to_incident: &'static str,
    pub key_to_hazard: &'static str,

    // The gate (issue 4)
    pub err_bad_phone: &'static str,
    pub err_already_listed: &'static str,
    pub err_id_length: fn(usize) -> String,
    pub err_id_chars: &'static str,
    pub err_id_region: &'static str,
    pub err_id_date: &'static str,
    pub err_id_check: fn(char) -> String,
    pub id_ok: &'static str,
    pub tab_gate: &'static str,
    pub gate_station: &'static str,
    pub gate_on_campus: fn(usize) -> String,
    pub gate_log: fn(usize, usize) -> String,
    pub gate_leaves: fn(usize) -> String,
    pub view_on_campus: &'static str,
    pub view_log: &'static str,
    pub view_leaves: &'static str,
    pub nobody_on_campus: &'static str,
    pub no_visits_today: &'static str,
    pub no_leaves_today: &'static str,
    pub inside_for: fn(&str) -> String,
    pub not_signed_out: &'static str,
    pub refused_word: &'static str,
    pub left_unsigned_word: &'static str,
    pub key_sign_in: &'static str,
    pub key_sign_out: &'static str,
    pub key_out_at: &'static str,
    pub key_left_unsigned: &'static str,
    pub key_next_view: &'static str,
    pub key_early_leave: &'static str,
    pub key_back_in: &'static str,
    pub key_watchlist: &'static str,
    pub sign_in_title: &'static str,
    pub f_visitor_name: &'static str,
    pub f_phone: &'static str,
    pub f_organisation: &'static str,
    pub f_doc_type: &'static str,
    pub f_doc_number: &'static str,
    pub f_purpose: &'static str,
    pub f_host: &'static str,
    pub f_host_confirmed: &'static str,
    pub f_plate: &'static str,
    pub f_pass_no: &'static str,
    pub doc_types: [&'static str; 5],
    pub no_yes: [&'static str; 2],
    pub hint_visitor_name: &'static str,
    pub hint_keep_document: fn(&str) -> String,
    pub signed_in: fn(&str) -> String,
    pub signed_out: fn(&str) -> String,
    pub entry_refused: fn(&str) -> String,
    pub watch_title: &'static str,
    pub watch_alert: fn(&str, &str) -> String,
    pub key_refuse: &'static str,
    pub key_admit: &'static str,
    pub admit_title: &'static str,
    pub out_at_title: &'static str,
    pub left_unsigned_title: &'static str,
    pub f_time: &'static str,
    pub early_leave_title: &'static str,
    pub f_approved_by: &'static str,
    pub f_slip_seen: &'static str,
    pub f_teacher_confirmed: &'static str,
    pub f_collected_by: &'static str,
    pub f_relation: &'static str,
    pub f_time_out: &'static str,
    pub early_leave_saved: fn(&str) -> String,
    pub back_in_saved: &'static str,
    pub watchlist_title: &'static str,
    pub no_watch: &'static str,
    pub new_watch_title: &'static str,
    pub f_until: &'static str,
    pub hint_until: &'static str,
    pub f_watch_reason: &'static str,
    pub watch_saved: &'static str,
    pub watch_ended: &'static str,
    pub confirm_end_watch: &'static str,
    pub err_watch_empty: &'static str,
    pub visitors_on_site: fn(usize) -> String,
    pub unresolved_n: fn(usize) -> String,
    pub watch_active: &'static str,
    pub watch_inactive: &'static str,
    pub key_end_watch: &'static str,
    pub minutes_inside: &'static str,
    pub key_next_student: &'static str,
    pub already_in: fn(&str) -> String,

    // Leaving
    pub confirm_quit: &'static str,
    pub confirm_discard: &'static str,

    // Field errors
    pub err_required: &'static str,
    pub err_too_long: fn(usize) -> String,
    pub err_forbidden: &'static str,
    pub err_problem_note: &'static str,
    pub err_same_person: &'static str,
    pub err_ambiguous: &'static str,
    pub err_bad_time: &'static str,
    pub err_bad_date: &'static str,
    pub err_in_future: &'static str,
    pub err_before_time_in: fn(&str) -> String,
    pub err_no_such_person: &'static str,

    // Store errors
    pub se_not_sqlite: fn(&str) -> String,
    pub se_foreign: fn(&str) -> String,
    pub se_too_new: fn(&str, i32, i32) -> String,
    pub se_sqlite_old: fn(&str) -> String,
    pub se_io: fn(&str, &str) -> String,
    pub se_busy: &'static str,
    pub se_disk_full: &'static str,
    pub se_read_only: &'static str,
    pub se_changed: &'static str,
    pub se_shift_open: &'static str,
    pub se_no_shift: &'static str,
    pub se_not_found: &'static str,
    pub se_nothing_changed: &'static str,
    pub se_no_later_patrol: &'static str,
    pub se_not_allowed: &'static str,
    pub se_not_the_leader: &'static str,
    pub se_db: fn(&str) -> String,

    // Import (`dutydesk import students|staff FILE`)
    /// In the order of `import::Encoding`.
    pub imp_encodings: [&'static str; 3],
    /// In the order of `import::Column`.
    pub imp_columns: [&'static str; 7],
    pub imp_line: fn(u64, &str) -> String,
    pub imp_problem_sep: &'static str,
    pub imp_missing: fn(&str) -> String,
    pub imp_forbidden: fn(&str) -> String,
    pub imp_too_long: fn(&str, usize) -> String,
    pub imp_bad_number: fn(&str) -> String,
    pub imp_bad_phone: &'static str,
    pub imp_unknown_role: fn(&str) -> String,
    pub imp_extra_cells: fn(usize, usize) -> String,
    pub imp_duplicate_number: fn(&str, u64) -> String,
    pub imp_duplicate_name: fn(u64) -> String,
    pub imp_utf16: &'static str,
    pub imp_not_text: &'static str,
    pub imp_no_header: &'static str,
    pub imp_missing_column: fn(&str, &str) -> String,
    pub imp_duplicate_column: fn(&str) -> String,
    pub imp_unreadable: fn(u64) -> String,
    pub imp_file: fn(&str, &str) -> String,
    pub imp_refused: fn(usize, usize) -> String,
    pub imp_done: fn(&str, &str, usize, usize, usize, usize) -> String,
    // End of Import
}

impl Strings {
    pub fn field_error(&self, e: FieldError) -> String {
        match e {
            FieldError::Required => self.err_required.to_owned(),
            FieldError::TooLong { max } => (self.err_too_long)(max),
            FieldError::Forbidden => self.err_forbidden.to_owned(),
            FieldError::ProblemNeedsNote => self.err_problem_note.to_owned(),
            FieldError::SamePersonTwice => self.err_same_person.to_owned(),
            FieldError::Ambiguous => self.err_ambiguous.to_owned(),
            FieldError::BadTime => self.err_bad_time.to_owned(),
            FieldError::BadDate => self.err_bad_date.to_owned(),
            FieldError::InFuture => self.err_in_future.to_owned(),
            FieldError::NoSuchPerson => self.err_no_such_person.to_owned(),
            FieldError::InPast => self.err_in_past.to_owned(),
            FieldError::NoSuchIncident => self.err_no_such_incident.to_owned(),
            FieldError::BadPhone => self.err_bad_phone.to_owned(),
            FieldError::AlreadyListed => self.err_already_listed.to_owned(),
            FieldError::BeforeTimeIn(t) => {
                (self.err_before_time_in)(&t.format("%H:%M").to_string())
            }
            FieldError::Id(e) => match e {
                IdError::Length { have } => (self.err_id_length)(have),
                IdError::Chars => self.err_id_chars.to_owned(),
                IdError::Region => self.err_id_region.to_owned(),
                IdError::BirthDate => self.err_id_date.to_owned(),
                IdError::Check { expected } => (self.err_id_check)(expected),
            },
        }
    }

    pub fn store_error(&self, e: &StoreError) -> String {
        let path = |p: &std::path::Path| p.display().to_string();
        match e {
            StoreError::NotSqlite { path: p } => (self.se_not_sqlite)(&path(p)),
            StoreError::ForeignFile { path: p } => (self.se_foreign)(&path(p)),
            StoreError::TooNew {
                path: p,
                found,
                supported,
            } => (self.se_too_new)(&path(p), *found, *supported),
            StoreError::SqliteTooOld { found } => (self.se_sqlite_old)(found),
            StoreError::Io { path: p, source } => (self.se_io)(&path(p), &source.to_string()),
            StoreError::Busy => self.se_busy.to_owned(),
            StoreError::DiskFull => self.se_disk_full.to_owned(),
            StoreError::ReadOnly => self.se_read_only.to_owned(),
            StoreError::ChangedElsewhere => self.se_changed.to_owned(),
            StoreError::Refused(Refusal::ShiftAlreadyOpen) => self.se_shift_open.to_owned(),
            StoreError::Refused(Refusal::NoOpenShift) => self.se_no_shift.to_owned(),
            StoreError::Refused(Refusal::NotFound) => self.se_not_found.to_owned(),
            StoreError::Refused(Refusal::NothingChanged) => self.se_nothing_changed.to_owned(),
            StoreError::Refused(Refusal::NoLaterPatrol) => self.se_no_later_patrol.to_owned(),
            StoreError::Refused(Refusal::NotAllowed) => self.se_not_allowed.to_owned(),
            StoreError::Refused(Refusal::NotTheLeader) => self.se_not_the_leader.to_owned(),
            StoreError::Sqlite(e) => (self.se_db)(&e.to_string()),
        }
    }

    pub fn duty_role(&self, role: DutyRole) -> &'static str {
        self.duty_roles[duty_index(role)]
    }

    pub fn duty_role_short(&self, role: DutyRole) -> &'static str {
        self.duty_roles_short[duty_index(role)]
    }

    pub fn staff_role(&self, role: StaffRole) -> &'static str {
        let i = StaffRole::ALL
            .iter()
            .position(|r| *r == role)
            .unwrap_or(StaffRole::ALL.len() - 1);
        self.staff_roles[i]
    }
}

fn duty_index(role: DutyRole) -> usize {
    match role {
        DutyRole::DutyTeacher => 0,
        DutyRole::Leader => 1,
        DutyRole::Guard => 2,
        DutyRole::NightDuty => 3,
    }
}

/// The words for the coded values of the records.
impl Strings {
    pub fn role(&self, v: incident::Role) -> &'static str {
        pick(&self.roles, v.index())
    }
    pub fn severity(&self, v: incident::Severity) -> &'static str {
        pick(&self.severities, v.index())
    }
    pub fn source(&self, v: incident::Source) -> &'static str {
        pick(&self.sources, v.index())
    }
    pub fn status(&self, v: incident::Status) -> &'static str {
        pick(&self.statuses, v.index())
    }
    pub fn bullying_word(&self, v: incident::Bullying) -> &'static str {
        pick(&self.bullying, v.index())
    }
    pub fn followup_kind(&self, v: followup::Kind) -> &'static str {
        pick(&self.followup_kinds, v.index())
    }
    pub fn followup_status(&self, v: followup::FollowupStatus) -> &'static str {
        pick(&self.followup_statuses, v.index())
    }
    pub fn hazard_kind(&self, v: hazard::HazardKind) -> &'static str {
        pick(&self.hazard_kinds, v.index())
    }
    pub fn hazard_status(&self, v: hazard::HazardStatus) -> &'static str {
        pick(&self.hazard_statuses, v.index())
    }
    pub fn log_action(&self, v: LogAction) -> &'static str {
        let i = match v {
            LogAction::Created => 0,
            LogAction::Corrected => 1,
            LogAction::Voided => 2,
            LogAction::Completed => 3,
            LogAction::Rescheduled => 4,
            LogAction::StatusChanged => 5,
            LogAction::Merged => 6,
            LogAction::ClosedUnfounded => 7,
            LogAction::Verified => 8,
        };
        pick(&self.log_actions, i)
    }
    pub fn slip_status(&self, v: slip::SlipStatus) -> &'static str {
        pick(&self.slip_statuses, v.index())
    }
}

fn pick<const N: usize>(table: &[&'static str; N], index: usize) -> &'static str {
    table.get(index).copied().unwrap_or("?")
}
