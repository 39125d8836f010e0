//! The store: the only module that speaks SQL. It takes drafts and gives back domain records;
//! every write is one `BEGIN IMMEDIATE` transaction, retried while another terminal holds the lock.

mod account;
mod attention;
mod audit;
mod demo;
mod export;
mod files;
mod followup;
mod gate;
mod hazard;
mod incident;
mod log;
mod maintenance;
mod migrate;
mod open;
mod patrol;
mod people;
mod purge;
mod shift;
mod slip;
mod staff;
mod summary;
#[doc(hidden)]
pub mod testing;
mod time;

use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

pub use account::Failure;
pub use audit::{Act, AuditRow, ChainReport, Event as AuditEvent, GENESIS, default_terminal};
pub use domain::facts::{Activity, FactStudent, IncidentFacts, LogKind};
pub use domain::followup::FollowupQuery;
pub use export::{Cell as ExportCell, ExportSink};
pub use files::private_dir_all;
pub use gate::Entry as GateEntry;
pub use maintenance::{BackgroundCheck, Health, loose_permissions, verify_copy};
pub use migrate::LATEST as SCHEMA_VERSION;
pub use open::APPLICATION_ID;
pub use people::{ImportCounts, StaffImport};
pub use purge::{PurgeCounts, Scrubbed};
pub use slip::MergeInto;

/// Who is writing: the open shift and the person at the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub shift: domain::shift::ShiftId,
    pub staff: domain::staff::StaffId,
}

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

/// An open DutyDesk database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    created: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the file at `path`, creating it with the current schema if it does not exist.
    /// `today` is the first day a new file keeps records for.
    pub fn open(path: &Path, today: NaiveDate) -> Result<Store, StoreError> {
        let (conn, created) = open::open_or_create(path, today)?;
        let mut store = Store {
            conn,
            path: path.to_owned(),
            created,
        };
        audit::set_session(
            &store.conn,
            &audit::default_terminal(),
            &audit::os_user(),
            None,
        )?;
        // A file brought up to date by a migration, rather than created, starts keeping
        // track of rounds today.
        if store.tracked_from()?.is_none() {
            store.write(|tx| {
                tx.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('tracked_from', ?1)",
                    [time::day(today)],
                )?;
                Ok(())
            })?;
        }
        Ok(store)
    }

    /// Opens a file that must already exist.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        let conn = open::open_existing(path)?;
        audit::set_session(&conn, &audit::default_terminal(), &audit::os_user(), None)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            created: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this process created the file.
    pub fn was_created(&self) -> bool {
        self.created
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i32, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// The first day this database keeps records for: rounds before it are not "missed".
    pub fn tracked_from(&self) -> Result<Option<NaiveDate>, StoreError> {
        let v: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'tracked_from'",
                [],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        Ok(v.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
    }

    /// Runs `f` in one IMMEDIATE transaction and commits; retries the whole transaction a few
    /// times if another terminal holds the lock past the busy timeout.
    fn write<T>(
        &mut self,
        mut f: impl FnMut(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        const ATTEMPTS: u64 = 4;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?;
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            })();
            match result {
                Err(StoreError::Busy) if attempt < ATTEMPTS => {
                    tracing::warn!(attempt, "database busy, retrying the transaction");
                    sleep(Duration::from_millis(50 * attempt));
                }
                other => return other,
            }
        }
    }
}
