//! Opening the database file: refuse what is not ours without touching it, create a new file
//! whole (permissions, WAL, application id, schema) before it appears under its name, and set the
//! pragmas every connection needs.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, Utc};
use rusqlite::config::DbConfig;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags, params};

use super::StoreError;
use super::migrate::{self, LATEST};

/// Written into the SQLite header of every DutyDesk file ("Duty").
pub const APPLICATION_ID: i32 = 0x4475_7479;
/// The oldest SQLite this program trusts (older ones have a WAL-reset corruption bug).
const SQLITE_FLOOR: i32 = 3_051_003;
/// How long a connection waits for another terminal's write before reporting busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What the first 100 bytes of a file say about it.
pub(super) fn check_header(path: &Path) -> Result<(), StoreError> {
    let io = |e| StoreError::Io {
        path: path.to_owned(),
        source: e,
    };
    let mut header = Vec::with_capacity(100);
    File::open(path)
        .map_err(io)?
        .take(100)
        .read_to_end(&mut header)
        .map_err(io)?;
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(StoreError::NotSqlite {
            path: path.to_owned(),
        });
    }
    let word = |at: usize| {
        i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let app = word(68);
    if app != APPLICATION_ID {
        return Err(StoreError::ForeignFile {
            path: path.to_owned(),
        });
    }
    let version = word(60);
    if version > LATEST {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: LATEST,
        });
    }
    Ok(())
}

/// The pragmas of DATA-SAFETY.md, set on every connection.
fn configure(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let version = rusqlite::version_number();
    if version < SQLITE_FLOOR {
        return Err(StoreError::SqliteTooOld {
            found: rusqlite::version().to_owned(),
        });
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    // Read back: a SQLite built without foreign keys, or one that ignores the setting, would
    // accept the pragmas silently and then lose records' links or durability.
    let synchronous: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0))?;
    let foreign_keys: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    if synchronous < 2 || foreign_keys != 1 {
        return Err(StoreError::UnsafeSqlite);
    }
    // Case-insensitive search beyond ASCII (SQLite's lower() folds only A–Z): Müller, Élodie.
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|s| s.to_lowercase())),
    )?;
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app != APPLICATION_ID {
        return Err(StoreError::ForeignFile {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// Opens an existing DutyDesk file, or creates one if none exists at `path`.
/// `today` is the local day the records start from on a new file.
pub fn open_or_create(path: &Path, today: NaiveDate) -> Result<(Connection, bool), StoreError> {
    let created = if path.exists() {
        false
    } else {
        create(path, today)?
    };
    Ok((open_existing(path)?, created))
}

/// Opens a file that must exist and be a DutyDesk database of this version or older.
pub fn open_existing(path: &Path) -> Result<Connection, StoreError> {
    check_header(path)?;
    open_checked(path).map_err(|e| match e {
        // A damaged file says so, with what to do, rather than "malformed".
        StoreError::Sqlite(ref inner)
            if inner.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) =>
        {
            StoreError::Damaged {
                path: path.to_owned(),
            }
        }
        other => other,
    })
}

fn open_checked(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify_open(path, e))?;
    // Until the schema version is known to be ours, closing must not checkpoint a newer
    // program's WAL into the main file: a refused file stays as it was.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    configure(&conn, path)?;
    migrate::refuse_newer(&conn, path)?;
    ensure_wal(&conn)?;
    migrate::run(&mut conn, path)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
    Ok(conn)
}

/// Files are created in WAL mode; one restored from a backup (`VACUUM INTO` writes rollback
/// mode) may not be. Changing the journal mode needs the file to itself and does not wait on
/// the busy timeout, so wait here, as long as the busy timeout, while other terminals write.
fn ensure_wal(conn: &Connection) -> Result<(), StoreError> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        if std::time::Instant::now() > deadline {
            return Err(StoreError::Busy);
        }
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        if mode.eq_ignore_ascii_case("wal") {
            return Ok(());
        }
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
            Ok(_) => {}
            Err(e) => match StoreError::from(e) {
                StoreError::Busy => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                other => return Err(other),
            },
        }
    }
}

fn classify_open(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: path.to_owned(),
        },
        _ => StoreError::from(e),
    }
}

/// Builds a complete new database beside `path` and links it into place only if no file has
/// appeared there meanwhile, so terminals starting together never see a half-made file and never
/// set WAL on a file another one is using. Returns whether this call created the file.
fn create(path: &Path, today: NaiveDate) -> Result<bool, StoreError> {
    let io = |p: &Path| {
        let p = p.to_owned();
        move |e| StoreError::Io { path: p, source: e }
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.exists() {
        crate::files::private_dir_all(dir).map_err(io(dir))?;
    }
    let stamp = Utc::now().timestamp_nanos_opt().unwrap_or_default();
    let file_name = path.file_name().map_or_else(
        || "dutydesk.db".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let tmp: PathBuf = dir.join(format!(".{file_name}.new-{}-{stamp}", std::process::id()));
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(io(&tmp))?;
    let built = build_new(&tmp, today);
    let linked = built.and_then(|()| match std::fs::hard_link(&tmp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(StoreError::Io {
            path: path.to_owned(),
            source: e,
        }),
    });
    for leftover in ["", "-wal", "-shm", "-journal"] {
        let mut p = tmp.clone().into_os_string();
        p.push(leftover);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    linked
}

fn build_new(tmp: &Path, today: NaiveDate) -> Result<(), StoreError> {
    let mut conn = Connection::open_with_flags(
        tmp,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    configure(&conn, tmp)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    migrate::run(&mut conn, tmp)?;
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('tracked_from', ?1)",
        params![today.format("%Y-%m-%d").to_string()],
    )?;
    // Closing checkpoints the WAL into the file, so the linked file is complete on its own.
    conn.close().map_err(|(_, e)| StoreError::from(e))?;
    Ok(())
}
