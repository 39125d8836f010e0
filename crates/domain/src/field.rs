//! Why a field's content is not accepted: the reasons every form shows under a field.

use crate::text::TextError;

/// Why a field's content is not accepted; shown under the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    Required,
    TooLong {
        max: usize,
    },
    Forbidden,
    /// A checklist item marked as a problem needs a note.
    ProblemNeedsNote,
    /// The same person is named twice on one shift.
    SamePersonTwice,
    /// Several staff have the typed name: one must be chosen from the list.
    Ambiguous,
    /// Not a time such as `2026-11-30 07:45` or `07:45`.
    BadTime,
    /// Not a date such as `2026-11-30`.
    BadDate,
    /// A time after now, for something that has happened.
    InFuture,
    /// A name that matches nobody on the list.
    NoSuchPerson,
    /// A time already past, for something still to do.
    InPast,
    /// No incident has that number.
    NoSuchIncident,
    /// A resident ID number that is wrong, and why.
    Id(crate::idcard::IdError),
    /// Not a phone number.
    BadPhone,
    /// Not a whole number of days from 1 to 365.
    Days,
    /// Already in the list (a student twice on one incident).
    AlreadyListed,
    /// A time before the visitor came in (kept as the local time in, to name it).
    BeforeTimeIn(chrono::NaiveTime),
}

impl From<TextError> for FieldError {
    fn from(e: TextError) -> Self {
        match e {
            TextError::Empty => FieldError::Required,
            TextError::TooLong { max } => FieldError::TooLong { max },
            TextError::Forbidden => FieldError::Forbidden,
        }
    }
}
