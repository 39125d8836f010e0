//! The store: the only module that speaks SQL. It takes drafts and gives back domain records;
//! every write is one `BEGIN IMMEDIATE` transaction, retried while another terminal holds the lock.

mod account;
mod attention;
mod audit;
mod demo;
mod error;
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
mod transaction;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;

pub use account::Failure;
pub use audit::{Act, AuditRow, ChainReport, Event as AuditEvent, GENESIS, default_terminal};
pub use domain::facts::{Activity, FactStudent, IncidentFacts, LogKind};
pub use domain::followup::FollowupQuery;
pub use error::{Refusal, StoreError};
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
}
