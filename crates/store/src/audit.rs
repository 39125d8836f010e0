//! The audit trail: one append-only row per create, correction, void, export, reveal, purge,
//! sign-in and opening of an incident, written in the same transaction as what it records, each
//! row's hash covering the row and the hash before it.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Store, StoreError, time};
pub use domain::access::Act;
use domain::staff::StaffId;

/// The hash before the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One thing to put in the trail.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    pub act: Act,
    /// The kind of record (`incident`, `visit`, `data` …).
    pub kind: &'a str,
    pub record: Option<i64>,
    /// Who, when signed in; `None` for the command line (the session's user name is kept).
    pub staff: Option<StaffId>,
    pub why: &'a str,
}

/// A row of the trail as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub staff_id: Option<i64>,
    pub who: String,
    pub terminal: String,
    pub action: String,
    pub kind: String,
    pub record_id: Option<i64>,
    pub why: String,
    pub prev: String,
    pub hash: String,
}

impl AuditRow {
    /// The hash this row must carry: SHA-256 over its fields and the previous hash, encoded as a
    /// JSON array so that no choice of text can make two different rows hash alike.
    pub fn expected_hash(&self) -> String {
        let fields = serde_json::json!([
            self.prev,
            self.id,
            self.at,
            self.staff_id,
            self.who,
            self.terminal,
            self.action,
            self.kind,
            self.record_id,
            self.why
        ]);
        hex::encode(Sha256::digest(fields.to_string().as_bytes()))
    }
}

/// What a walk along the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub rows: u64,
    /// The last row's hash (the genesis hash when the trail is empty).
    pub head: String,
    /// The first row whose hash or link is wrong, if any.
    pub first_broken: Option<i64>,
}

/// The machine's name, and where an SSH session comes from: enough to tell the desk PC, the
/// gate PC and a laptop logged in from the staff room apart.
pub fn default_terminal() -> String {
    let host = gethostname::gethostname()
        .to_string_lossy()
        .trim()
        .to_owned();
    let host = if host.is_empty() {
        "localhost".to_owned()
    } else {
        host
    };
    match std::env::var("SSH_CLIENT") {
        Ok(ssh) => {
            let from = ssh.split_whitespace().next().unwrap_or("");
            format!("{host} ssh {from}")
        }
        Err(_) => host,
    }
}

/// The operating-system user running a command (the command line has no PIN sign-in).
pub fn os_user() -> String {
    whoami::username().unwrap_or_else(|_| "unknown".to_owned())
}

/// Where this connection's rows come from: the terminal, and the user of the command line.
pub(super) fn set_session(
    conn: &Connection,
    terminal: &str,
    user: &str,
    staff: Option<StaffId>,
) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS session \
         (terminal TEXT NOT NULL, user TEXT NOT NULL, staff_id INTEGER); \
         DELETE FROM temp.session;",
    )?;
    conn.execute(
        "INSERT INTO temp.session (terminal, user, staff_id) VALUES (?1, ?2, ?3)",
        params![terminal, user, staff.map(|s| s.0)],
    )?;
    Ok(())
}

/// Appends `event` inside the caller's transaction (which holds the write lock, so the last
/// row read here is the last row there is).
pub(super) fn append(
    conn: &Connection,
    now: DateTime<Utc>,
    event: &Event<'_>,
) -> Result<(), StoreError> {
    let (terminal, user, signed_in): (String, String, Option<i64>) = conn
        .query_row(
            "SELECT terminal, user, staff_id FROM temp.session",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap_or_else(|_| ("unknown".to_owned(), "unknown".to_owned(), None));
    // A write that names no one (a shift opened, a watch ended) is the signed-in person's.
    let staff = event.staff.or(signed_in.map(StaffId));
    let who = match staff {
        Some(id) => conn
            .query_row("SELECT name FROM staff WHERE id = ?1", [id.0], |r| r.get(0))
            .optional()?
            .unwrap_or_default(),
        None => user,
    };
    let (last_id, prev): (i64, String) = conn
        .query_row(
            "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, GENESIS.to_owned()));
    let mut row = AuditRow {
        id: last_id + 1,
        at: time::ts(now),
        staff_id: staff.map(|s| s.0),
        who,
        terminal,
        action: event.act.code().to_owned(),
        kind: event.kind.to_owned(),
        record_id: event.record,
        why: event.why.to_owned(),
        prev,
        hash: String::new(),
    };
    row.hash = row.expected_hash();
    conn.execute(
        "INSERT INTO audit (id, at, staff_id, who, terminal, action, kind, record_id, why, prev, hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            row.id,
            row.at,
            row.staff_id,
            row.who,
            row.terminal,
            row.action,
            row.kind,
            row.record_id,
            row.why,
            row.prev,
            row.hash
        ],
    )?;
    Ok(())
}

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        id: r.get(0)?,
        at: r.get(1)?,
        staff_id: r.get(2)?,
        who: r.get(3)?,
        terminal: r.get(4)?,
        action: r.get(5)?,
        kind: r.get(6)?,
        record_id: r.get(7)?,
        why: r.get(8)?,
        prev: r.get(9)?,
        hash: r.get(10)?,
    })
}

const COLUMNS: &str = "id, at, staff_id, who, terminal, action, kind, record_id, why, prev, hash";

/// Walks the whole chain: each row's hash recomputed, each link to the row before checked, ids
/// without gaps (a removed row shows even when the rows after it were re-hashed).
pub(super) fn verify(conn: &Connection) -> Result<ChainReport, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM audit ORDER BY id"))?;
    let mut rows = stmt.query([])?;
    let mut report = ChainReport {
        rows: 0,
        head: GENESIS.to_owned(),
        first_broken: None,
    };
    let mut expected_id = 1;
    while let Some(r) = rows.next()? {
        let row = read_row(r)?;
        let ok =
            row.id == expected_id && row.prev == report.head && row.hash == row.expected_hash();
        if !ok && report.first_broken.is_none() {
            report.first_broken = Some(row.id);
        }
        report.rows += 1;
        report.head.clone_from(&row.hash);
        expected_id = row.id + 1;
    }
    Ok(report)
}

impl Store {
    /// Where this terminal's audit rows say they came from, and the command line's user.
    pub fn set_terminal(
        &mut self,
        terminal: &str,
        user: &str,
        staff: Option<StaffId>,
    ) -> Result<(), StoreError> {
        set_session(&self.conn, terminal, user, staff)
    }

    /// Records an event that changes no record (an export, a reveal, an incident opened).
    pub fn audit(&mut self, event: &Event<'_>, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(|tx| append(tx, now, event))
    }

    /// The whole chain checked.
    pub fn verify_audit(&self) -> Result<ChainReport, StoreError> {
        verify(&self.conn)
    }

    /// The latest rows, newest first (the audit screen and tests).
    pub fn audit_rows(&self, limit: usize) -> Result<Vec<AuditRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM audit ORDER BY id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], read_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The chain's head (the last row's hash) and how many rows there are: cheap, for the
    /// shift summary.
    pub fn audit_head(&self) -> Result<(String, u64), StoreError> {
        let head: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(head.map_or_else(
            || (GENESIS.to_owned(), 0),
            |(id, hash)| (hash, u64::try_from(id).unwrap_or(0)),
        ))
    }
}

/// Shorthand for the writes that have no change log of their own (checks, gate, shifts, staff).
pub(super) fn note(
    conn: &Connection,
    now: DateTime<Utc>,
    act: Act,
    kind: &str,
    record: Option<i64>,
    staff: Option<StaffId>,
    why: &str,
) -> Result<(), StoreError> {
    append(
        conn,
        now,
        &Event {
            act,
            kind,
            record,
            staff,
            why,
        },
    )
}
