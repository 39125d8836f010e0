//! Changing a recorded incident: a correction with its reason (the change log keeps what
//! changed), or a void that keeps it, marked.

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, params};

use super::students::save_students;
use super::{load, place_params};
use crate::log::{self, Entry, Kind};
use crate::{Actor, Refusal, Store, StoreError, time};
use domain::history::LogAction;
use domain::incident::{self, IncidentDraft, IncidentId};
use domain::people::StudentId;
use domain::staff::StaffId;

impl Store {
    /// Replaces an incident's content with `draft`. Refused if it changed since `version` was
    /// read (another terminal), or if nothing changed; the log keeps every change and `reason`.
    pub fn correct_incident(
        &mut self,
        id: IncidentId,
        version: i64,
        draft: &IncidentDraft,
        reason: &str,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let old = load(tx, id)?;
            if old.version != version || old.voided.is_some() {
                return Err(StoreError::ChangedElsewhere);
            }
            let name = |sql: &str, id: i64| {
                tx.query_row(sql, [id], |r| r.get::<_, String>(0))
                    .unwrap_or_default()
            };
            let student = |s: StudentId| name("SELECT name FROM student WHERE id = ?1", s.0);
            let staff = |s: StaffId| name("SELECT name FROM staff WHERE id = ?1", s.0);
            let names = incident::Names {
                student: &student,
                staff: &staff,
            };
            let changes = incident::changes(&old, draft, &names);
            if changes.is_empty() {
                return Err(StoreError::Refused(Refusal::NothingChanged));
            }
            update_incident(tx, id, draft)?;
            save_students(tx, id, &draft.students, true)?;
            let entry = Entry {
                action: LogAction::Corrected,
                reason,
                changes: &changes,
            };
            log::write(tx, Kind::Incident, id.0, actor, now, &entry)
        })
    }

    /// Voids an incident: it stays, marked, out of the lists and counts.
    pub fn void_incident(
        &mut self,
        id: IncidentId,
        version: i64,
        reason: &str,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE incident SET voided_at = ?1, voided_by = ?2, void_reason = ?3, version = version + 1 \
                 WHERE id = ?4 AND version = ?5 AND voided_at IS NULL",
                params![time::ts(now), actor.staff.0, reason, id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            let entry = Entry {
                action: LogAction::Voided,
                reason,
                changes: &[],
            };
            log::write(tx, Kind::Incident, id.0, actor, now, &entry)
        })
    }
}

fn update_incident(
    tx: &Transaction<'_>,
    id: IncidentId,
    d: &IncidentDraft,
) -> Result<(), StoreError> {
    let (place_id, place_text) = place_params(&d.place);
    tx.execute(
        "UPDATE incident SET occurred_at = ?1, place_id = ?2, place_text = ?3, category = ?4, severity = ?5, \
         source = ?6, narrative = ?7, child_words = ?8, immediate_action = ?9, bullying = ?10, \
         bullying_on = ?11, status = ?12, version = version + 1 WHERE id = ?13",
        params![
            time::ts(d.occurred_at),
            place_id,
            place_text,
            d.category,
            d.severity.code(),
            d.source.code(),
            d.narrative,
            d.child_words,
            d.immediate_action,
            d.bullying.code(),
            d.bullying_on.map(time::day),
            d.status.code(),
            id.0
        ],
    )?;
    Ok(())
}
