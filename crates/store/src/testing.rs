//! Test-only doors into the store, hidden from the docs: a file at an older schema version made
//! with the real migrations, (feature `test-migration`) a data-changing probe migration that
//! shows whether any terminal applied a migration twice, and, for benches/perf.rs, a trace of
//! the statements a connection runs and their query plans. Nothing in the app calls these.

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::Duration;

use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::{Connection, StatementStatus, TransactionBehavior};

use super::migrate::{LATEST, MIGRATIONS};
use super::open::APPLICATION_ID;
use super::{Store, StoreError};

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

/// One statement run, as the performance benchmark sees it.
#[derive(Debug, Clone)]
pub struct Traced {
    /// The SQL as written, with its `?` parameters.
    pub sql: String,
    /// The SQL with the values it ran with, when SQLite can say.
    pub expanded: Option<String>,
    /// How long the run took, by SQLite's own clock.
    pub took: Duration,
    /// Virtual machine steps of this run: the work done, comparable between databases.
    pub vm_steps: i64,
    /// Steps forward in a full table (or whole index) scan during this run.
    pub fullscan_steps: i64,
    /// Whether SQLite built a temporary index for this run (a missing index).
    pub auto_index: bool,
}

impl Store {
    /// Calls `f` after every statement this connection runs. SQLite counts steps per prepared
    /// statement, and the store keeps statements cached, so the counts are turned into this
    /// run's share here by remembering the last count of each SQL text.
    pub fn trace_statements(
        &mut self,
        mut f: impl FnMut(Traced) + Send + 'static,
    ) -> Result<(), StoreError> {
        let mut seen: HashMap<String, [i64; 3]> = HashMap::new();
        self.conn.trace_v2(
            TraceEventCodes::SQLITE_TRACE_PROFILE,
            Some(move |event: TraceEvent<'_>| {
                let TraceEvent::Profile(stmt, took) = event else {
                    return;
                };
                let sql = stmt.sql().into_owned();
                let now = [
                    StatementStatus::VmStep,
                    StatementStatus::FullscanStep,
                    StatementStatus::AutoIndex,
                ]
                .map(|s| i64::from(stmt.get_status(s)));
                let last = seen.insert(sql.clone(), now).unwrap_or_default();
                // A statement prepared anew (dropped from the cache) counts from zero again.
                let run = if now.iter().zip(last).all(|(n, l)| *n >= l) {
                    [now[0] - last[0], now[1] - last[1], now[2] - last[2]]
                } else {
                    now
                };
                f(Traced {
                    expanded: stmt.expanded_sql(),
                    sql,
                    took,
                    vm_steps: run[0],
                    fullscan_steps: run[1],
                    auto_index: run[2] > 0,
                });
            }),
        )?;
        Ok(())
    }

    /// Stops the trace `trace_statements` started.
    pub fn stop_tracing(&mut self) -> Result<(), StoreError> {
        self.conn
            .trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)?;
        Ok(())
    }

    /// SQLite's `EXPLAIN QUERY PLAN` of one statement, one line per step, indented under its
    /// parent step. Nothing is run: `EXPLAIN` only compiles the statement.
    pub fn query_plan(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        // The one SQL built by text: the statement to explain is itself SQL the store ran.
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let steps: Vec<(i64, i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut depth: HashMap<i64, usize> = HashMap::new();
        Ok(steps
            .into_iter()
            .map(|(id, parent, detail)| {
                let d = depth.get(&parent).map_or(0, |d| d + 1);
                depth.insert(id, d);
                format!("{}{detail}", "  ".repeat(d))
            })
            .collect())
    }
}
