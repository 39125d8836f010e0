//! The table of every user-visible string. Each language is one `const Strings`; a field left
//! out of either is a compile error. Strings with values in them are functions.

use crate::domain::shift::DutyRole;
use crate::domain::staff::StaffRole;
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
    pub se_db: fn(&str) -> String,
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
