//! Putting values into words: field and store errors, roles, and the coded values of the
//! records, each looked up in the language's table.

use domain::field::FieldError;
use domain::history::LogAction;
use domain::idcard::IdError;
use domain::shift::DutyRole;
use domain::staff::StaffRole;
use domain::{followup, hazard, incident, slip};
use store::{Refusal, StoreError};

use super::Strings;

impl Strings {
    pub fn field_error(&self, e: FieldError) -> String {
        match e {
            FieldError::Required => self.errors.required.to_owned(),
            FieldError::TooLong { max } => (self.errors.too_long)(max),
            FieldError::Forbidden => self.errors.forbidden.to_owned(),
            FieldError::ProblemNeedsNote => self.errors.problem_note.to_owned(),
            FieldError::SamePersonTwice => self.errors.same_person.to_owned(),
            FieldError::Ambiguous => self.errors.ambiguous.to_owned(),
            FieldError::BadTime => self.errors.bad_time.to_owned(),
            FieldError::BadDate => self.errors.bad_date.to_owned(),
            FieldError::InFuture => self.errors.in_future.to_owned(),
            FieldError::NoSuchPerson => self.errors.no_such_person.to_owned(),
            FieldError::InPast => self.errors.in_past.to_owned(),
            FieldError::NoSuchIncident => self.errors.no_such_incident.to_owned(),
            FieldError::BadPhone => self.errors.bad_phone.to_owned(),
            FieldError::Days => self.attention.days_error.to_owned(),
            FieldError::AlreadyListed => self.errors.already_listed.to_owned(),
            FieldError::BeforeTimeIn(t) => (self.errors.before_time_in)(&domain::clock::hhmm(t)),
            FieldError::Id(e) => match e {
                IdError::Length { have } => (self.errors.id_length)(have),
                IdError::Chars => self.errors.id_chars.to_owned(),
                IdError::Region => self.errors.id_region.to_owned(),
                IdError::BirthDate => self.errors.id_date.to_owned(),
                IdError::Check { expected } => (self.errors.id_check)(expected),
            },
        }
    }

    pub fn store_error(&self, e: &StoreError) -> String {
        let path = |p: &std::path::Path| p.display().to_string();
        match e {
            StoreError::NotSqlite { path: p } => (self.store.not_sqlite)(&path(p)),
            StoreError::ForeignFile { path: p } => (self.store.foreign)(&path(p)),
            StoreError::TooNew {
                path: p,
                found,
                supported,
            } => (self.store.too_new)(&path(p), *found, *supported),
            StoreError::SqliteTooOld { found } => (self.store.sqlite_old)(found),
            StoreError::Damaged { path: p } => (self.store.damaged)(&path(p)),
            StoreError::UnsafeSqlite => self.store.unsafe_sqlite.to_owned(),
            StoreError::Io { path: p, source } => (self.store.io)(&path(p), &source.to_string()),
            StoreError::Busy => self.store.busy.to_owned(),
            StoreError::DiskFull => self.store.disk_full.to_owned(),
            StoreError::ReadOnly => self.store.read_only.to_owned(),
            StoreError::ChangedElsewhere => self.store.changed.to_owned(),
            StoreError::Refused(Refusal::ShiftAlreadyOpen) => self.store.shift_open.to_owned(),
            StoreError::Refused(Refusal::NoOpenShift) => self.store.no_shift.to_owned(),
            StoreError::Refused(Refusal::NotFound) => self.store.not_found.to_owned(),
            StoreError::Refused(Refusal::NothingChanged) => self.store.nothing_changed.to_owned(),
            StoreError::Refused(Refusal::NoLaterPatrol) => self.store.no_later_patrol.to_owned(),
            StoreError::Refused(Refusal::NotAllowed) => self.store.not_allowed.to_owned(),
            StoreError::Refused(Refusal::NotTheLeader) => self.store.not_the_leader.to_owned(),
            StoreError::Refused(Refusal::SignedOff) => self.store.signed_off.to_owned(),
            StoreError::Refused(Refusal::AccountsExist) => self.store.accounts_exist.to_owned(),
            StoreError::Refused(Refusal::PinNeeded) => self.store.pin_needed.to_owned(),
            StoreError::Sqlite(e) => (self.store.db)(&e.to_string()),
        }
    }

    pub fn duty_role(&self, role: DutyRole) -> &'static str {
        self.duty_roles[duty_index(role)]
    }

    pub fn duty_role_short(&self, role: DutyRole) -> &'static str {
        self.duty_roles_short[duty_index(role)]
    }

    /// Why a new PIN was refused.
    pub fn pin_error(&self, e: domain::pin::PinError) -> &'static str {
        use domain::pin::PinError;
        match e {
            PinError::Shape => self.pin_shape,
            PinError::Guessable => self.pin_guessable,
            PinError::Mismatch => self.pin_mismatch,
        }
    }

    pub fn attention_reason(&self, r: domain::attention::Reason) -> &'static str {
        self.attention.reasons[r.index()]
    }

    pub fn access_role(&self, role: domain::access::Role) -> &'static str {
        let i = domain::access::Role::ALL
            .iter()
            .position(|r| *r == role)
            .unwrap_or(0);
        self.access_roles[i]
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

    pub fn log_kind(&self, v: domain::facts::LogKind) -> &'static str {
        pick(&self.log_kinds, v.index())
    }
}

fn pick<const N: usize>(table: &[&'static str; N], index: usize) -> &'static str {
    table.get(index).copied().unwrap_or("?")
}
