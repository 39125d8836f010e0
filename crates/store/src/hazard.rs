//! The hazard and dispute register: recorded with a due date from its risk level, worked through
//! rectifying and rectified, and verified only on a patrol of its place made after rectification.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::log::{self, Entry, Kind};
use super::{Actor, Refusal, Store, StoreError, time};
use domain::hazard::{Hazard, HazardDraft, HazardId, HazardKind, HazardStatus};
use domain::history::{Change, LogAction, LogEntry};
use domain::incident::PlaceRef;
use domain::patrol::CheckId;
use domain::staff::StaffId;

const SELECT: &str = "\
    SELECT h.id, h.kind, h.place_id, h.place_text, h.description, h.risk, h.owner, h.steps, h.from_check, \
           h.due_on, o.name, h.status, h.rectified_at, h.verified_at, h.created_at, c.name, h.version \
    FROM hazard h JOIN staff c ON c.id = h.created_by LEFT JOIN staff o ON o.id = h.owner";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Hazard> {
    let place_id: Option<String> = r.get(2)?;
    let opt_ts = |i: usize| -> rusqlite::Result<Option<DateTime<Utc>>> {
        r.get::<_, Option<String>>(i)?
            .as_deref()
            .map(time::parse_ts)
            .transpose()
    };
    Ok(Hazard {
        id: HazardId(r.get(0)?),
        draft: HazardDraft {
            kind: HazardKind::from_code(&r.get::<_, String>(1)?).unwrap_or(HazardKind::Safety),
            place: match place_id {
                Some(id) => PlaceRef::Config(id),
                None => PlaceRef::Text(r.get(3)?),
            },
            description: r.get(4)?,
            risk: r.get(5)?,
            owner: r.get::<_, Option<i64>>(6)?.map(StaffId),
            steps: r.get(7)?,
            from_check: r.get::<_, Option<i64>>(8)?.map(CheckId),
        },
        due_on: time::parse_day(&r.get::<_, String>(9)?)?,
        owner_name: r.get(10)?,
        status: HazardStatus::from_code(&r.get::<_, String>(11)?).unwrap_or(HazardStatus::Open),
        rectified_at: opt_ts(12)?,
        verified_at: opt_ts(13)?,
        created_at: time::parse_ts(&r.get::<_, String>(14)?)?,
        created_by: r.get(15)?,
        version: r.get(16)?,
    })
}

fn load(conn: &Connection, id: HazardId) -> Result<Hazard, StoreError> {
    let sql = [SELECT, " WHERE h.id = ?1"].concat();
    conn.query_row(&sql, [id.0], from_row)
        .optional()?
        .ok_or(StoreError::Refused(Refusal::NotFound))
}

impl Store {
    /// Records a hazard due on `due_on` (the day it is recorded plus its risk level's days).
    pub fn create_hazard(
        &mut self,
        d: &HazardDraft,
        due_on: NaiveDate,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<HazardId, StoreError> {
        self.write(|tx| {
            let (place_id, place_text) = match &d.place {
                PlaceRef::Config(id) => (Some(id.as_str()), ""),
                PlaceRef::Text(t) => (None, t.as_str()),
            };
            tx.execute(
                "INSERT INTO hazard (kind, place_id, place_text, description, risk, due_on, owner, steps, \
                 from_check, created_at, created_by, shift_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    d.kind.code(),
                    place_id,
                    place_text,
                    d.description,
                    d.risk,
                    time::day(due_on),
                    d.owner.map(|o| o.0),
                    d.steps,
                    d.from_check.map(|c| c.0),
                    time::ts(now),
                    actor.staff.0,
                    actor.shift.0
                ],
            )?;
            let id = tx.last_insert_rowid();
            log::created(tx, Kind::Hazard, id, actor, now)?;
            Ok(HazardId(id))
        })
    }

    pub fn hazard(&self, id: HazardId) -> Result<Hazard, StoreError> {
        load(&self.conn, id)
    }

    /// Hazards not yet verified (or all), the most urgent first: open and rectifying ones by due
    /// date, then rectified ones waiting for a patrol to verify them.
    pub fn hazards(&self, pending_only: bool, limit: u32) -> Result<Vec<Hazard>, StoreError> {
        // Listed statuses rather than `!= 'verified'`, and no `?1 = 0 OR …`, so the pending
        // list is read from the status index and not from every hazard ever recorded.
        let pending = [
            SELECT,
            " WHERE h.voided_at IS NULL AND h.status IN ('open', 'rectifying', 'rectified') \
              ORDER BY h.status IN ('open', 'rectifying') DESC, h.status = 'rectified' DESC, h.due_on, h.id \
              LIMIT ?1",
        ]
        .concat();
        let mut list: Vec<Hazard> = {
            let mut stmt = self.conn.prepare_cached(&pending)?;
            stmt.query_map(params![limit], from_row)?
                .collect::<Result<_, _>>()?
        };
        let room = limit.saturating_sub(u32::try_from(list.len()).unwrap_or(u32::MAX));
        if !pending_only && room > 0 {
            // Then the verified ones, most recent first, read backwards along the status
            // index and stopped at the limit: not a sort of every hazard ever recorded.
            let verified = [
                SELECT,
                " WHERE h.voided_at IS NULL AND h.status = 'verified' \
                  ORDER BY h.due_on DESC, h.id DESC LIMIT ?1",
            ]
            .concat();
            let mut stmt = self.conn.prepare_cached(&verified)?;
            let rows = stmt.query_map(params![room], from_row)?;
            for row in rows {
                list.push(row?);
            }
        }
        Ok(list)
    }

    /// Hazards recorded in `from..to` (voided ones left out), oldest first.
    pub fn hazards_created_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Hazard>, StoreError> {
        let sql = [
            SELECT,
            " WHERE h.voided_at IS NULL AND h.created_at >= ?1 AND h.created_at < ?2 \
              ORDER BY h.created_at, h.id",
        ]
        .concat();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![time::ts(from), time::ts(to)], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn hazard_history(&self, id: HazardId) -> Result<Vec<LogEntry>, StoreError> {
        log::read(&self.conn, Kind::Hazard, id.0)
    }

    /// Moves a hazard to rectifying or rectified, with the steps taken so far.
    pub fn advance_hazard(
        &mut self,
        id: HazardId,
        version: i64,
        status: HazardStatus,
        steps: &str,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let old = load(tx, id)?;
            if old.version != version {
                return Err(StoreError::ChangedElsewhere);
            }
            // Verification has its own door (a later patrol); this one only moves the work along,
            // or back to rectifying when a rectification turns out not to hold.
            let allowed = old.status != HazardStatus::Verified
                && matches!(status, HazardStatus::Rectifying | HazardStatus::Rectified);
            if !allowed {
                return Err(StoreError::Refused(Refusal::NotAllowed));
            }
            let rectified = (status == HazardStatus::Rectified).then(|| time::ts(now));
            tx.execute(
                "UPDATE hazard SET status = ?1, steps = ?2, rectified_at = coalesce(?3, rectified_at), \
                 version = version + 1 WHERE id = ?4",
                params![status.code(), steps, rectified, id.0],
            )?;
            let mut changes = Vec::new();
            domain::history::diff(&mut changes, "hazard_status", old.status.code(), status.code());
            domain::history::diff(&mut changes, "steps", &old.draft.steps, steps);
            let entry = Entry {
                action: LogAction::StatusChanged,
                reason: "",
                changes: &changes,
            };
            log::write(tx, Kind::Hazard, id.0, actor, now, &entry)
        })
    }

    /// Confirms a rectified hazard on a patrol: the latest check of its place made after the
    /// rectification is recorded as the proof. Refused if there is no such check yet.
    pub fn verify_hazard(
        &mut self,
        id: HazardId,
        version: i64,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let h = load(tx, id)?;
            if h.version != version {
                return Err(StoreError::ChangedElsewhere);
            }
            if h.status != HazardStatus::Rectified {
                return Err(StoreError::Refused(Refusal::NotAllowed));
            }
            let Some(rectified) = h.rectified_at else {
                return Err(StoreError::Refused(Refusal::NoLaterPatrol));
            };
            // A place outside the patrol plan (typed in) has no patrol to wait for: the person
            // on duty confirms it, and the log says who.
            let check = match h.draft.place.id() {
                None => None,
                Some(place) => {
                    let check: Option<i64> = tx.query_row(
                        "SELECT max(id) FROM patrol_check WHERE place = ?1 AND checked_at > ?2 AND complete = 1",
                        params![place, time::ts(rectified)],
                        |r| r.get(0),
                    )?;
                    Some(check.ok_or(StoreError::Refused(Refusal::NoLaterPatrol))?)
                }
            };
            tx.execute(
                "UPDATE hazard SET status = 'verified', verified_at = ?1, verified_by = ?2, verified_check = ?3, \
                 version = version + 1 WHERE id = ?4",
                params![time::ts(now), actor.staff.0, check, id.0],
            )?;
            let changes = [Change {
                field: "hazard_status".into(),
                old: h.status.code().into(),
                new: HazardStatus::Verified.code().into(),
            }];
            let entry = Entry {
                action: LogAction::Verified,
                reason: "",
                changes: &changes,
            };
            log::write(tx, Kind::Hazard, id.0, actor, now, &entry)
        })
    }
}
