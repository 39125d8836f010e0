//! The change log shared by every record kind: one row per creation, correction or status
//! change, written in the same transaction as the change itself.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, params};

use super::audit::{self, Act, Event};
use super::{Actor, StoreError, time};
use domain::history::{Change, LogAction, LogEntry};

/// The kinds of record the log covers (the `kind` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Incident,
    Followup,
    Hazard,
    Slip,
}

impl Kind {
    pub(super) fn code(self) -> &'static str {
        match self {
            Kind::Incident => "incident",
            Kind::Followup => "followup",
            Kind::Hazard => "hazard",
            Kind::Slip => "slip",
        }
    }
}

/// Everything one log row says besides which record and who.
pub(super) struct Entry<'a> {
    pub action: LogAction,
    pub reason: &'a str,
    pub changes: &'a [Change],
}

pub(super) fn write(
    tx: &Transaction<'_>,
    kind: Kind,
    record: i64,
    actor: Actor,
    now: DateTime<Utc>,
    entry: &Entry<'_>,
) -> Result<(), StoreError> {
    let act = match entry.action {
        LogAction::Created => Act::Create,
        LogAction::Voided => Act::Void,
        _ => Act::Correct,
    };
    // The audit row says what was done and why; the log row keeps the field-by-field changes.
    let why = if entry.reason.is_empty() {
        entry.action.code()
    } else {
        entry.reason
    };
    audit::append(
        tx,
        now,
        &Event {
            act,
            kind: kind.code(),
            record: Some(record),
            staff: Some(actor.staff),
            why,
        },
    )?;
    let changes = serde_json::to_string(entry.changes).unwrap_or_else(|_| "[]".to_owned());
    tx.execute(
        "INSERT INTO change_log (kind, record_id, at, by_staff, shift_id, action, reason, changes) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            kind.code(),
            record,
            time::ts(now),
            actor.staff.0,
            actor.shift.0,
            entry.action.code(),
            entry.reason,
            changes
        ],
    )?;
    Ok(())
}

/// Logs the creation of a record.
pub(super) fn created(
    tx: &Transaction<'_>,
    kind: Kind,
    record: i64,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let entry = Entry {
        action: LogAction::Created,
        reason: "",
        changes: &[],
    };
    write(tx, kind, record, actor, now, &entry)
}

/// A record's history, oldest first.
pub(super) fn read(
    conn: &Connection,
    kind: Kind,
    record: i64,
) -> Result<Vec<LogEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.at, s.name, l.action, l.reason, l.changes FROM change_log l \
         JOIN staff s ON s.id = l.by_staff WHERE l.kind = ?1 AND l.record_id = ?2 ORDER BY l.id",
    )?;
    let rows = stmt.query_map(params![kind.code(), record], |r| {
        let changes: String = r.get(4)?;
        Ok(LogEntry {
            at: time::parse_ts(&r.get::<_, String>(0)?)?,
            by_name: r.get(1)?,
            action: LogAction::from_code(&r.get::<_, String>(2)?),
            reason: r.get(3)?,
            changes: serde_json::from_str(&changes).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
