//! Test-only doors into the store, hidden from the docs: a file at an older schema version made
//! with the real migrations, and (feature `test-migration`) a data-changing probe migration that
//! shows whether any terminal applied a migration twice. Nothing in the app calls these.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;
use super::migrate::{LATEST, MIGRATIONS};
use super::open::APPLICATION_ID;

/// The last migration of a `test-migration` build. It changes data rather than only schema, so
/// applying it twice is visible: `migration_probe` would read `xx`, not `x`.
#[cfg(feature = "test-migration")]
pub(super) const PROBE_MIGRATION: &str = "\
    INSERT OR IGNORE INTO meta (key, value) VALUES ('migration_probe', '');
    UPDATE meta SET value = value || 'x' WHERE key = 'migration_probe';";

/// Whether this build carries the probe migration (the last one).
pub const HAS_PROBE_MIGRATION: bool = cfg!(feature = "test-migration");

/// Creates a new DutyDesk file at `path` as an older DutyDesk would have left it: WAL, the
/// application id, mode 0600, and only the first `version` migrations of this build applied,
/// with nothing else written (no `tracked_from` either). Refuses a `version` this build does not
/// know, and a `path` that exists.
pub fn create_at_version(path: &Path, version: i32) -> Result<(), StoreError> {
    let count = usize::try_from(version)
        .ok()
        .filter(|_| version <= LATEST)
        .ok_or_else(|| StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: LATEST,
        })?;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| StoreError::Io {
            path: path.to_owned(),
            source: e,
        })?;
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for sql in &MIGRATIONS[..count] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()?;
    conn.close().map_err(|(_, e)| StoreError::from(e))?;
    Ok(())
}
