//! Report-mailbox slips: kept unverified until merged into an incident (an existing one, or a new
//! one made from the slip) or closed as unfounded. Never deleted.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::incident::insert_incident;
use super::log::{self, Entry, Kind};
use super::{Actor, Store, StoreError, time};
use domain::history::LogAction;
use domain::incident::{IncidentDraft, IncidentId};
use domain::slip::{Slip, SlipDraft, SlipId, SlipStatus};

/// Where a slip goes when it is verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeInto {
    Existing(IncidentId),
    New(Box<IncidentDraft>),
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Slip> {
    let merged: Option<i64> = r.get(4)?;
    let number: Option<String> = r.get(5)?;
    Ok(Slip {
        id: SlipId(r.get(0)?),
        received_on: time::parse_day(&r.get::<_, String>(1)?)?,
        text: r.get(2)?,
        status: SlipStatus::from_code(&r.get::<_, String>(3)?).unwrap_or(SlipStatus::Unverified),
        merged_into: merged.map(|m| (IncidentId(m), number.unwrap_or_default())),
        closed_note: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        entered_at: time::parse_ts(&r.get::<_, String>(7)?)?,
        entered_by: r.get(8)?,
        version: r.get(9)?,
    })
}

const SLIP_SELECT: &str = "SELECT r.id, r.received_on, r.text, r.status, r.merged_into, i.number, \
     r.closed_note, r.entered_at, s.name, r.version FROM report_slip r \
     JOIN staff s ON s.id = r.entered_by LEFT JOIN incident i ON i.id = r.merged_into";

impl Store {
    pub fn create_slip(
        &mut self,
        d: &SlipDraft,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<SlipId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO report_slip (received_on, text, entered_at, entered_by, shift_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![time::day(d.received_on), d.text, time::ts(now), actor.staff.0, actor.shift.0],
            )?;
            let id = tx.last_insert_rowid();
            log::created(tx, Kind::Slip, id, actor, now)?;
            Ok(SlipId(id))
        })
    }

    /// Slips, unverified ones first, newest first.
    pub fn slips(&self, unverified_only: bool, limit: u32) -> Result<Vec<Slip>, StoreError> {
        // Unverified ones from the status index; then (for the whole list) the others, newest
        // first, by the same index read backwards. Each query stops at its limit.
        let mut list = self.slips_where("r.status = 'unverified'", limit)?;
        let room = limit.saturating_sub(u32::try_from(list.len()).unwrap_or(u32::MAX));
        if !unverified_only && room > 0 {
            list.extend(self.slips_where("r.status != 'unverified'", room)?);
        }
        Ok(list)
    }

    fn slips_where(&self, which: &str, limit: u32) -> Result<Vec<Slip>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SLIP_SELECT} WHERE {which} ORDER BY r.received_on DESC, r.id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map(params![limit], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One slip, as it is now.
    pub fn slip(&self, id: SlipId) -> Result<Slip, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SLIP_SELECT} WHERE r.id = ?1"))?;
        stmt.query_row([id.0], from_row)
            .optional()?
            .ok_or(StoreError::Refused(super::Refusal::NotFound))
    }

    /// Verifies a slip by merging it into an incident; a new incident is created in the same
    /// transaction. Returns the incident.
    pub fn merge_slip(
        &mut self,
        id: SlipId,
        version: i64,
        into: &MergeInto,
        actor: Actor,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<IncidentId, StoreError> {
        self.write(|tx| {
            let incident = match into {
                MergeInto::Existing(i) => {
                    let live: Option<i64> = tx
                        .query_row("SELECT id FROM incident WHERE id = ?1 AND voided_at IS NULL", [i.0], |r| r.get(0))
                        .optional()?;
                    if live.is_none() {
                        return Err(StoreError::Refused(super::Refusal::NotAllowed));
                    }
                    *i
                }
                MergeInto::New(draft) => insert_incident(tx, draft, actor, now, today)?,
            };
            let n = tx.execute(
                "UPDATE report_slip SET status = 'merged', merged_into = ?1, closed_at = ?2, closed_by = ?3, \
                 version = version + 1 WHERE id = ?4 AND version = ?5 AND status = 'unverified'",
                params![incident.0, time::ts(now), actor.staff.0, id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            let entry = Entry {
                action: LogAction::Merged,
                reason: "",
                changes: &[],
            };
            log::write(tx, Kind::Slip, id.0, actor, now, &entry)?;
            Ok(incident)
        })
    }

    /// Closes a slip as unfounded, with what was checked.
    pub fn close_slip_unfounded(
        &mut self,
        id: SlipId,
        version: i64,
        note: &str,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE report_slip SET status = 'unfounded', closed_note = ?1, closed_at = ?2, closed_by = ?3, \
                 version = version + 1 WHERE id = ?4 AND version = ?5 AND status = 'unverified'",
                params![note, time::ts(now), actor.staff.0, id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            let entry = Entry {
                action: LogAction::ClosedUnfounded,
                reason: note,
                changes: &[],
            };
            log::write(tx, Kind::Slip, id.0, actor, now, &entry)
        })
    }
}
