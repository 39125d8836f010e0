//! A new incident: numbered within its year and recorded with its students.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{Transaction, params};

use super::place_params;
use super::students::save_students;
use crate::log::{self, Kind};
use crate::{Actor, Store, StoreError, time};
use domain::incident::{self, IncidentDraft, IncidentId};

impl Store {
    /// Records a new incident with its students, numbered within `today`'s year.
    pub fn create_incident(
        &mut self,
        draft: &IncidentDraft,
        actor: Actor,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<IncidentId, StoreError> {
        self.write(|tx| insert_incident(tx, draft, actor, now, today))
    }
}

/// Inserts an incident inside a caller's transaction (also used when a mailbox slip becomes one).
pub(crate) fn insert_incident(
    tx: &Transaction<'_>,
    d: &IncidentDraft,
    actor: Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<IncidentId, StoreError> {
    let year = today.year();
    let seq: i64 = tx.query_row(
        "SELECT coalesce(max(seq), 0) + 1 FROM incident WHERE year = ?1",
        [year],
        |r| r.get(0),
    )?;
    let (place_id, place_text) = place_params(&d.place);
    tx.execute(
        "INSERT INTO incident (year, seq, number, occurred_at, entered_at, entered_by, shift_id, place_id, \
         place_text, category, severity, source, narrative, child_words, immediate_action, bullying, \
         bullying_on, status, from_check) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        params![
            year,
            seq,
            incident::number(year, seq),
            time::ts(d.occurred_at),
            time::ts(now),
            actor.staff.0,
            actor.shift.0,
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
            d.from_check.map(|c| c.0),
        ],
    )?;
    let id = IncidentId(tx.last_insert_rowid());
    save_students(tx, id, &d.students, false)?;
    log::created(tx, Kind::Incident, id.0, actor, now)?;
    Ok(id)
}
