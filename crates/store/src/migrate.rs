//! The migration runner: SQL files applied in order under one `BEGIN IMMEDIATE`, with
//! `user_version` read again under the lock so terminals starting together apply each exactly once.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// The migrations, in order; the schema version is the number applied. A build with the
/// `test-migration` feature appends a data-changing probe (see `testing.rs`), so tests can show
/// that terminals starting together apply each migration exactly once.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_incidents.sql"),
    include_str!("migrations/0003_gate.sql"),
    include_str!("migrations/0004_signoff.sql"),
    include_str!("migrations/0005_indexes.sql"),
    include_str!("migrations/0006_access.sql"),
    include_str!("migrations/0007_retention.sql"),
    include_str!("migrations/0008_attention.sql"),
    include_str!("migrations/0009_slip_order.sql"),
    #[cfg(feature = "test-migration")]
    super::testing::PROBE_MIGRATION,
];

/// The schema version this program writes.
#[allow(clippy::cast_possible_wrap, reason = "a handful of migrations")]
pub const LATEST: i32 = MIGRATIONS.len() as i32;

/// Refuses a file from a newer DutyDesk (its version may be only in the WAL, where the file
/// header does not show it) before anything is written.
pub fn refuse_newer(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let seen: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if seen > LATEST {
        return Err(too_new(path, seen));
    }
    Ok(())
}

/// Brings the file up to `LATEST`, or refuses a file from a newer DutyDesk without writing.
pub fn run(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let seen: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if seen > LATEST {
        return Err(too_new(path, seen));
    }
    if seen == LATEST {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another terminal may have migrated between the read above and taking the lock.
    let current: i32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > LATEST {
        return Err(too_new(path, current));
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
        tracing::info!(version = i + 1, "applied migration");
    }
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.commit()?;
    Ok(())
}

fn too_new(path: &Path, found: i32) -> StoreError {
    StoreError::TooNew {
        path: path.to_owned(),
        found,
        supported: LATEST,
    }
}
