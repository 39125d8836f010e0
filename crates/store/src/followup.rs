//! Follow-ups: created (often several at once, as an incident suggests them), completed with an
//! outcome, rescheduled or cancelled only with a reason.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::log::{self, Entry, Kind};
use super::{Actor, Store, StoreError, time};
use domain::followup::{
    Followup, FollowupDraft, FollowupId, FollowupQuery, FollowupStatus, Kind as FollowupKind,
};
use domain::hazard::HazardId;
use domain::history::{Change, LogAction, LogEntry};
use domain::incident::IncidentId;
use domain::people::StudentId;
use domain::staff::StaffId;

const SELECT: &str = "\
    SELECT f.id, f.kind, f.incident_id, i.number, f.hazard_id, h.description, f.student_id, s.name, \
           f.note, f.owner, o.name, f.due_at, f.status, f.outcome, f.done_at, f.version \
    FROM followup f JOIN staff o ON o.id = f.owner \
    LEFT JOIN incident i ON i.id = f.incident_id LEFT JOIN hazard h ON h.id = f.hazard_id \
    LEFT JOIN student s ON s.id = f.student_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Followup> {
    let link = |id: Option<i64>, name: Option<String>| id.map(|id| (id, name.unwrap_or_default()));
    let done_at: Option<String> = r.get(14)?;
    Ok(Followup {
        id: FollowupId(r.get(0)?),
        kind: FollowupKind::from_code(&r.get::<_, String>(1)?).unwrap_or(FollowupKind::Other),
        incident: link(r.get(2)?, r.get(3)?).map(|(id, n)| (IncidentId(id), n)),
        hazard: link(r.get(4)?, r.get(5)?).map(|(id, n)| (HazardId(id), n)),
        student: link(r.get(6)?, r.get(7)?).map(|(id, n)| (StudentId(id), n)),
        note: r.get(8)?,
        owner: StaffId(r.get(9)?),
        owner_name: r.get(10)?,
        due_at: time::parse_ts(&r.get::<_, String>(11)?)?,
        status: FollowupStatus::from_code(&r.get::<_, String>(12)?).unwrap_or(FollowupStatus::Open),
        outcome: r.get(13)?,
        done_at: done_at.as_deref().map(time::parse_ts).transpose()?,
        version: r.get(15)?,
    })
}

impl Store {
    /// Creates follow-ups, all or none.
    pub fn create_followups(
        &mut self,
        drafts: &[FollowupDraft],
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<FollowupId>, StoreError> {
        self.write(|tx| insert_followups(tx, drafts, actor, now))
    }

    /// Follow-ups: open ones first, soonest due first; then (unless `open_only`) done and
    /// cancelled ones, latest due first.
    pub fn followups(&self, q: &FollowupQuery, limit: u32) -> Result<Vec<Followup>, StoreError> {
        let mut list = self.followups_in(q, "f.status = 'open'", "f.due_at, f.id", limit)?;
        if !q.open_only {
            for status in ["f.status = 'done'", "f.status = 'cancelled'"] {
                let room = limit.saturating_sub(u32::try_from(list.len()).unwrap_or(u32::MAX));
                if room > 0 {
                    list.extend(self.followups_in(q, status, "f.due_at DESC, f.id DESC", room)?);
                }
            }
        }
        Ok(list)
    }

    /// One status's follow-ups matching `q`. Only the conditions asked for are in the SQL (the
    /// values still bound), so SQLite walks the index that fits, in order, and stops at the
    /// limit: `?n IS NULL OR …` would make it read every follow-up ever made.
    fn followups_in(
        &self,
        q: &FollowupQuery,
        status: &str,
        order: &str,
        limit: u32,
    ) -> Result<Vec<Followup>, StoreError> {
        // Given one incident, hazard, student or id, SQLite must read that record's few
        // follow-ups by its own index; the status index would walk every done follow-up ever.
        // `+` on the status column takes the status index out of its choices.
        let linked =
            q.incident.is_some() || q.hazard.is_some() || q.student.is_some() || q.id.is_some();
        let status = if linked {
            status.replacen("f.status", "+f.status", 1)
        } else {
            status.to_owned()
        };
        let mut conditions: Vec<&str> = vec![&status];
        let mut values: Vec<rusqlite::types::Value> = Vec::new();
        let mut add = |sql: &'static str, v: Option<rusqlite::types::Value>| {
            if let Some(v) = v {
                conditions.push(sql);
                values.push(v);
            }
        };
        add("f.owner = ?", q.owner.map(|o| o.0.into()));
        add("f.incident_id = ?", q.incident.map(|i| i.0.into()));
        add("f.hazard_id = ?", q.hazard.map(|h| h.0.into()));
        add("f.student_id = ?", q.student.map(|s| s.0.into()));
        add("f.id = ?", q.id.map(|f| f.0.into()));
        add("f.due_at >= ?", q.due_from.map(|t| time::ts(t).into()));
        add("f.due_at < ?", q.due_before.map(|t| time::ts(t).into()));
        // The limit is bound, not written in, so each shape of query is prepared once.
        let sql = format!(
            "{SELECT} WHERE {} ORDER BY {order} LIMIT ?",
            conditions.join(" AND ")
        );
        values.push(i64::from(limit).into());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One follow-up, as it is now.
    pub fn followup(&self, id: FollowupId) -> Result<Followup, StoreError> {
        let query = FollowupQuery {
            id: Some(id),
            ..FollowupQuery::default()
        };
        self.followups(&query, 1)?
            .into_iter()
            .next()
            .ok_or(StoreError::Refused(super::Refusal::NotFound))
    }

    pub fn followup_history(&self, id: FollowupId) -> Result<Vec<LogEntry>, StoreError> {
        log::read(&self.conn, Kind::Followup, id.0)
    }

    /// Marks a follow-up done with what came of it.
    pub fn complete_followup(
        &mut self,
        id: FollowupId,
        version: i64,
        outcome: &str,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE followup SET status = 'done', outcome = ?1, done_at = ?2, done_by = ?3, \
                   version = version + 1 WHERE id = ?4 AND version = ?5 AND status = 'open'";
        self.write(|tx| {
            let n = tx.execute(
                sql,
                params![outcome, time::ts(now), actor.staff.0, id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            let changes = [Change {
                field: "outcome".into(),
                old: String::new(),
                new: outcome.into(),
            }];
            let entry = Entry {
                action: LogAction::Completed,
                reason: "",
                changes: &changes,
            };
            log::write(tx, Kind::Followup, id.0, actor, now, &entry)
        })
    }

    /// Moves a follow-up's due time; the reason is logged with the old and new times.
    pub fn reschedule_followup(
        &mut self,
        id: FollowupId,
        version: i64,
        due_at: DateTime<Utc>,
        reason: &str,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let old: String = tx
                .query_row("SELECT due_at FROM followup WHERE id = ?1", [id.0], |r| r.get(0))
                .optional()?
                .ok_or(StoreError::Refused(super::Refusal::NotFound))?;
            let n = tx.execute(
                "UPDATE followup SET due_at = ?1, version = version + 1 WHERE id = ?2 AND version = ?3 AND status = 'open'",
                params![time::ts(due_at), id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            let changes = [Change {
                field: "due_at".into(),
                old,
                new: time::ts(due_at),
            }];
            let entry = Entry {
                action: LogAction::Rescheduled,
                reason,
                changes: &changes,
            };
            log::write(tx, Kind::Followup, id.0, actor, now, &entry)
        })
    }
}

/// Inserts follow-ups inside a caller's transaction (also the register's reviews).
pub(super) fn insert_followups(
    tx: &rusqlite::Transaction<'_>,
    drafts: &[FollowupDraft],
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<Vec<FollowupId>, StoreError> {
    let mut ids = Vec::new();
    for d in drafts {
        tx.execute(
            "INSERT INTO followup (kind, incident_id, hazard_id, student_id, note, owner, due_at, \
             created_at, created_by, shift_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                d.kind.code(),
                d.incident.map(|i| i.0),
                d.hazard.map(|h| h.0),
                d.student.map(|s| s.0),
                d.note,
                d.owner.0,
                time::ts(d.due_at),
                time::ts(now),
                actor.staff.0,
                actor.shift.0
            ],
        )?;
        let id = tx.last_insert_rowid();
        log::created(tx, Kind::Followup, id, actor, now)?;
        ids.push(FollowupId(id));
    }
    Ok(ids)
}
