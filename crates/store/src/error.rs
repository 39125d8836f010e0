//! What can go wrong with the database: `StoreError` in words a user can act on, the `Refusal`s
//! of writes the records do not allow, and how SQLite's error codes map onto them.

use std::path::PathBuf;

use rusqlite::ErrorCode;

/// Everything that can go wrong with the database, in words a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: this file is not a DutyDesk database (not SQLite); it was left unchanged. Pass --db with the right file, or move this one away."
    )]
    NotSqlite { path: PathBuf },
    #[error(
        "{path}: this SQLite file belongs to another program; it was left unchanged. Pass --db with a DutyDesk file."
    )]
    ForeignFile { path: PathBuf },
    #[error(
        "{path}: made by a newer DutyDesk (schema {found}, this program knows up to {supported}); it was left unchanged. Install the newer DutyDesk."
    )]
    TooNew {
        path: PathBuf,
        found: i32,
        supported: i32,
    },
    #[error(
        "{path}: the file is damaged (its integrity check failed). Restore the latest backup with `dutydesk restore`."
    )]
    Damaged { path: PathBuf },
    #[error(
        "this SQLite does not keep synchronous=FULL and foreign keys on; DutyDesk will not run on it"
    )]
    UnsafeSqlite,
    #[error("SQLite {found} is too old; DutyDesk needs 3.51.3 or newer")]
    SqliteTooOld { found: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("another terminal kept the database busy; nothing was saved, try again")]
    Busy,
    #[error("the disk is full; nothing was saved")]
    DiskFull,
    #[error("the database file is read-only; nothing was saved")]
    ReadOnly,
    #[error("changed on another terminal meanwhile; nothing was saved, reload and check")]
    ChangedElsewhere,
    #[error("{0}")]
    Refused(Refusal),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

/// A write the records do not allow, as opposed to a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("a shift is already open")]
    ShiftAlreadyOpen,
    #[error("no shift is open")]
    NoOpenShift,
    #[error("that record does not exist")]
    NotFound,
    #[error("nothing was changed")]
    NothingChanged,
    #[error("no patrol of this place since it was rectified")]
    NoLaterPatrol,
    #[error("not allowed in the record's present state")]
    NotAllowed,
    #[error("only the leader on duty of this shift can sign it off")]
    NotTheLeader,
    #[error("the shift has been signed off")]
    SignedOff,
    #[error("an account exists already")]
    AccountsExist,
    #[error("a new account needs a PIN")]
    PinNeeded,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            _ => StoreError::Sqlite(e),
        }
    }
}
