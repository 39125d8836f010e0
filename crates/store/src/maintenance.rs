//! Looking after the file: the checks of `dutydesk check`, online backups verified before they
//! count, restoring one with the current file kept aside, and file permissions others could read.

use std::fs::OpenOptions;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::migrate::LATEST;
use super::open::{APPLICATION_ID, check_header};
use super::{Store, StoreError};

/// What `dutydesk check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// `quick_check` (or `integrity_check`) lines other than "ok".
    pub integrity: Vec<String>,
    /// Rows `foreign_key_check` reported, as `table rowid → parent`.
    pub foreign_keys: Vec<String>,
    pub schema: i32,
    pub sqlite: String,
    pub synchronous_full: bool,
    pub foreign_keys_on: bool,
    pub journal_mode: String,
    /// Files others may read or write, with their mode.
    pub loose: Vec<(PathBuf, u32)>,
    /// The audit trail's hash chain, walked whole.
    pub audit: super::ChainReport,
}

impl Health {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty()
            && self.foreign_keys.is_empty()
            && self.schema == LATEST
            && self.synchronous_full
            && self.foreign_keys_on
            && self.journal_mode.eq_ignore_ascii_case("wal")
            && self.loose.is_empty()
            && self.audit.first_broken.is_none()
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Io {
        path: path.to_owned(),
        source: e,
    }
}

/// `integrity_check` (or `quick_check`) lines other than "ok".
fn integrity(conn: &Connection, full: bool) -> Result<Vec<String>, StoreError> {
    let pragma = if full {
        "PRAGMA integrity_check"
    } else {
        "PRAGMA quick_check"
    };
    let mut stmt = conn.prepare(pragma)?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

fn foreign_key_problems(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map([], |r| {
        let table: String = r.get(0)?;
        let rowid: Option<i64> = r.get(1)?;
        let parent: String = r.get(2)?;
        Ok(format!("{table} {} → {parent}", rowid.unwrap_or_default()))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The database, its `-wal` and `-shm`, and their directory, where group or others have any
/// access (the records are about children: only the owner may read them).
pub fn loose_permissions(db: &Path) -> Vec<(PathBuf, u32)> {
    let mut paths: Vec<PathBuf> = ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut p = db.as_os_str().to_owned();
            p.push(suffix);
            PathBuf::from(p)
        })
        .collect();
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        paths.push(dir.to_owned());
    }
    paths
        .into_iter()
        .filter_map(|p| {
            let mode = std::fs::metadata(&p).ok()?.permissions().mode() & 0o777;
            (mode & 0o077 != 0).then_some((p, mode))
        })
        .collect()
}

/// Opens a copy read-only and checks it is a whole DutyDesk file this program can use.
pub fn verify_copy(path: &Path) -> Result<(), StoreError> {
    check_header(path)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app != APPLICATION_ID {
        return Err(StoreError::ForeignFile {
            path: path.to_owned(),
        });
    }
    let problems = integrity(&conn, true)?;
    if !problems.is_empty() || !foreign_key_problems(&conn)?.is_empty() {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// Creates `path` empty with mode 0600 (refusing one that exists), for SQLite to fill.
fn new_private_file(path: &Path) -> Result<(), StoreError> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
        .map_err(io(path))
}

/// The day's `quick_check`, running on its own read-only connection in another thread so the
/// first screen is drawn and typing starts at once.
#[derive(Debug)]
pub struct BackgroundCheck {
    rx: std::sync::mpsc::Receiver<Result<Vec<String>, String>>,
}

impl BackgroundCheck {
    /// The result, once the check has finished: the problems found (none when the file is
    /// whole), or why it could not run.
    pub fn poll(&self) -> Option<Result<Vec<String>, String>> {
        self.rx.try_recv().ok()
    }
}

impl Store {
    /// Whether today's `quick_check` is still to run (it runs at the first start of a day).
    pub fn quick_check_due(&self, today: chrono::NaiveDate) -> Result<bool, StoreError> {
        let last: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'quick_check_on'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(last.as_deref() != Some(&super::time::day(today)))
    }

    /// Starts today's `quick_check` in the background.
    pub fn start_quick_check(&self) -> BackgroundCheck {
        let (tx, rx) = std::sync::mpsc::channel();
        let path = self.path.clone();
        std::thread::spawn(move || {
            let result = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(StoreError::from)
                .and_then(|conn| {
                    conn.busy_timeout(std::time::Duration::from_secs(10))?;
                    integrity(&conn, false)
                })
                .map_err(|e| e.to_string());
            let _ = tx.send(result);
        });
        BackgroundCheck { rx }
    }

    /// Remembers that the file was found whole today.
    pub fn record_quick_check(&mut self, today: chrono::NaiveDate) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('quick_check_on', ?1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [super::time::day(today)],
            )?;
            Ok(())
        })
    }

    /// For tests: makes the file unable to grow past its present size (`max_page_count`), as a
    /// full disk would; `None` lifts the limit.
    #[doc(hidden)]
    pub fn simulate_full_disk(&self, full: bool) -> Result<(), StoreError> {
        let pages: i64 = if full {
            self.conn
                .pragma_query_value(None, "page_count", |r| r.get(0))?
        } else {
            i64::from(u32::MAX - 1)
        };
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }

    /// For tests: refuses every write on this connection, as a file made read-only would.
    #[doc(hidden)]
    pub fn simulate_read_only(&self, read_only: bool) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "query_only", read_only)?;
        Ok(())
    }

    /// The checks of `dutydesk check`: `quick_check` (`integrity_check` when `full`), foreign
    /// keys, schema version, the connection's safety pragmas and the file permissions.
    pub fn health(&self, full: bool) -> Result<Health, StoreError> {
        self.health_inner(full).map_err(|e| match e {
            StoreError::Sqlite(ref s)
                if s.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) =>
            {
                StoreError::Damaged {
                    path: self.path.clone(),
                }
            }
            e => e,
        })
    }

    fn health_inner(&self, full: bool) -> Result<Health, StoreError> {
        let synchronous: i64 = self
            .conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))?;
        let foreign_keys: i64 = self
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
        let integrity = integrity(&self.conn, full)?;
        // A damaged file is said to be damaged; walking its audit trail would only stop at the
        // damaged page with a less useful message.
        let audit = if integrity.is_empty() {
            super::audit::verify(&self.conn)?
        } else {
            super::ChainReport {
                rows: 0,
                head: super::GENESIS.to_owned(),
                first_broken: None,
            }
        };
        Ok(Health {
            integrity,
            foreign_keys: foreign_key_problems(&self.conn)?,
            schema: self.schema_version()?,
            sqlite: rusqlite::version().to_owned(),
            // FULL is 2 (EXTRA, 3, is safer still).
            synchronous_full: synchronous >= 2,
            foreign_keys_on: foreign_keys == 1,
            journal_mode: self
                .conn
                .pragma_query_value(None, "journal_mode", |r| r.get(0))?,
            loose: loose_permissions(&self.path),
            audit,
        })
    }

    /// Copies the database, as it is at one moment, to `dest` (which must not exist) while
    /// other terminals go on writing; the copy is written 0600, checked whole, and appears
    /// under its name only once checked.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        if dest.exists() {
            return Err(StoreError::Io {
                path: dest.to_owned(),
                source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
            });
        }
        let dir = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !dir.exists() {
            crate::files::private_dir_all(dir).map_err(io(dir))?;
        }
        let name = dest
            .file_name()
            .map_or_else(|| "backup.db".into(), |n| n.to_string_lossy().into_owned());
        let tmp = dir.join(format!(".{name}.part-{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        new_private_file(&tmp)?;
        let copied = (|| {
            // One read transaction: a consistent copy, not one spliced from two moments.
            self.conn
                .execute("VACUUM INTO ?1", [tmp.to_string_lossy()])?;
            verify_copy(&tmp)?;
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(io(&tmp))?;
            std::fs::rename(&tmp, dest).map_err(io(dest))
        })();
        if copied.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        copied
    }

    /// Replaces the database's contents with those of `backup` (checked first), through SQLite,
    /// so that other terminals see either the old or the new records, never a mix. The current
    /// contents are first copied to `keep` (which must not exist).
    pub fn restore_from(&mut self, backup: &Path, keep: &Path) -> Result<(), StoreError> {
        verify_copy(backup)?;
        let version: i32 = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > LATEST {
            return Err(StoreError::TooNew {
                path: backup.to_owned(),
                found: version,
                supported: LATEST,
            });
        }
        self.backup_to(keep)?;
        let source = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        {
            let copy = Backup::new(&source, &mut self.conn)?;
            // All pages in one step: the destination is replaced in one write transaction;
            // a terminal writing meanwhile is waited for.
            copy.run_to_completion(i32::MAX, std::time::Duration::from_millis(100), None)?;
        }
        // A backup from an older DutyDesk is brought up to this one's schema.
        super::migrate::run(&mut self.conn, &self.path)?;
        let problems = integrity(&self.conn, true)?;
        if !problems.is_empty() {
            return Err(StoreError::Damaged {
                path: self.path.clone(),
            });
        }
        Ok(())
    }
}
