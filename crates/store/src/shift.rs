//! Shift rows and their members.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::audit::{self, Act};
use super::staff::insert_staff;
use super::{Refusal, Store, StoreError, time};
use domain::shift::{DutyRole, Member, MemberRef, Shift, ShiftDraft, ShiftId};
use domain::staff::{StaffDraft, StaffId};

impl Store {
    /// The shift that is open now, if any.
    pub fn open_shift(&self) -> Result<Option<Shift>, StoreError> {
        let id: Option<i64> = self
            .conn
            .query_row("SELECT id FROM shift WHERE closed_at IS NULL", [], |r| {
                r.get(0)
            })
            .optional()?;
        id.map(|id| load_shift(&self.conn, ShiftId(id))).transpose()
    }

    /// The most recent shifts, newest first.
    pub fn recent_shifts(&self, limit: u32) -> Result<Vec<Shift>, StoreError> {
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id FROM shift ORDER BY opened_at DESC, id DESC LIMIT ?1")?;
            stmt.query_map([limit], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        ids.into_iter()
            .map(|id| load_shift(&self.conn, ShiftId(id)))
            .collect()
    }

    /// Opens a shift, adding to the staff list anyone named who is not on it yet, all in one
    /// transaction. Refused if another terminal has a shift open.
    pub fn start_shift(
        &mut self,
        draft: &ShiftDraft,
        now: DateTime<Utc>,
    ) -> Result<Shift, StoreError> {
        let id = self.write(|tx| {
            let open: Option<i64> = tx
                .query_row("SELECT id FROM shift WHERE closed_at IS NULL", [], |r| r.get(0))
                .optional()?;
            if open.is_some() {
                return Err(StoreError::Refused(Refusal::ShiftAlreadyOpen));
            }
            tx.execute(
                "INSERT INTO shift (day, opened_at) VALUES (?1, ?2)",
                params![time::day(draft.day), time::ts(now)],
            )?;
            let shift = tx.last_insert_rowid();
            // A new name given in two roles (guard and night duty) is one new person.
            let mut added: Vec<(&str, StaffId)> = Vec::new();
            for (position, (member, role)) in (0_i64..).zip(&draft.members) {
                let staff = match member {
                    MemberRef::Existing(id) => *id,
                    MemberRef::New { name, role } => {
                        if let Some((_, id)) = added.iter().find(|(n, _)| n == name) {
                            *id
                        } else {
                            let draft = StaffDraft {
                                name: name.clone(),
                                role: *role,
                            };
                            let id = insert_staff(tx, &draft, now)?;
                            added.push((name, id));
                            id
                        }
                    }
                };
                tx.execute(
                    "INSERT INTO shift_member (shift_id, staff_id, role, position) VALUES (?1, ?2, ?3, ?4)",
                    params![shift, staff.0, role.code(), position],
                )?;
            }
            audit::note(tx, now, Act::Create, "shift", Some(shift), None, "opened")?;
            Ok(ShiftId(shift))
        })?;
        load_shift(&self.conn, id)
    }

    /// A shift by id.
    pub fn shift(&self, id: ShiftId) -> Result<Shift, StoreError> {
        load_shift(&self.conn, id)
    }

    /// The shifts of a day, first opened first.
    pub fn shifts_on(&self, day: NaiveDate) -> Result<Vec<Shift>, StoreError> {
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id FROM shift WHERE day = ?1 ORDER BY opened_at, id")?;
            stmt.query_map([time::day(day)], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        ids.into_iter()
            .map(|id| load_shift(&self.conn, ShiftId(id)))
            .collect()
    }

    /// The shift before or after `id` (by opening time), for browsing summaries.
    pub fn neighbour_shift(&self, id: ShiftId, later: bool) -> Result<Option<ShiftId>, StoreError> {
        let sql = if later {
            "SELECT id FROM shift WHERE (opened_at, id) > (SELECT opened_at, id FROM shift WHERE id = ?1) \
             ORDER BY opened_at, id LIMIT 1"
        } else {
            "SELECT id FROM shift WHERE (opened_at, id) < (SELECT opened_at, id FROM shift WHERE id = ?1) \
             ORDER BY opened_at DESC, id DESC LIMIT 1"
        };
        Ok(self
            .conn
            .query_row(sql, [id.0], |r| r.get(0))
            .optional()?
            .map(ShiftId))
    }

    /// Saves the handover note; refused once the leader has signed the shift off.
    pub fn set_handover_note(
        &mut self,
        id: ShiftId,
        version: i64,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            ensure_not_signed_off(tx, id)?;
            let n = tx.execute(
                "UPDATE shift SET handover_note = ?1, version = version + 1 \
                 WHERE id = ?2 AND version = ?3 AND signed_off_at IS NULL",
                params![note, id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            audit::note(
                tx,
                now,
                Act::Correct,
                "shift",
                Some(id.0),
                None,
                "handover note",
            )
        })
    }

    /// The leader on duty signs the shift off. Only a leader of that shift may; once.
    pub fn sign_off(
        &mut self,
        id: ShiftId,
        version: i64,
        leader: StaffId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let is_leader: Option<i64> = tx
                .query_row(
                    "SELECT staff_id FROM shift_member WHERE shift_id = ?1 AND staff_id = ?2 AND role = 'leader'",
                    params![id.0, leader.0],
                    |r| r.get(0),
                )
                .optional()?;
            if is_leader.is_none() {
                return Err(StoreError::Refused(Refusal::NotTheLeader));
            }
            ensure_not_signed_off(tx, id)?;
            let n = tx.execute(
                "UPDATE shift SET signed_off_at = ?1, signed_off_by = ?2, version = version + 1 \
                 WHERE id = ?3 AND version = ?4 AND signed_off_at IS NULL",
                params![time::ts(now), leader.0, id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            audit::note(tx, now, Act::Correct, "shift", Some(id.0), Some(leader), "signed off")
        })
    }

    /// Closes a shift. `version` is the one the closing terminal saw; if the shift was changed
    /// or closed elsewhere meanwhile, nothing is written.
    pub fn close_shift(
        &mut self,
        id: ShiftId,
        version: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE shift SET closed_at = ?1, version = version + 1 \
                 WHERE id = ?2 AND version = ?3 AND closed_at IS NULL",
                params![time::ts(now), id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            audit::note(tx, now, Act::Correct, "shift", Some(id.0), None, "closed")
        })
    }
}

/// Refuses a change to what the leader has signed (the handover note, the sign-off itself).
fn ensure_not_signed_off(conn: &Connection, id: ShiftId) -> Result<(), StoreError> {
    let signed: Option<Option<String>> = conn
        .query_row(
            "SELECT signed_off_at FROM shift WHERE id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .optional()?;
    match signed {
        None => Err(StoreError::Refused(Refusal::NotFound)),
        Some(Some(_)) => Err(StoreError::Refused(Refusal::SignedOff)),
        Some(None) => Ok(()),
    }
}

/// Shifts whose day is in `from..=to`, oldest first.
pub(super) fn shifts_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Shift>, StoreError> {
    let ids: Vec<i64> = {
        let mut stmt = conn.prepare_cached(
            "SELECT id FROM shift WHERE day BETWEEN ?1 AND ?2 ORDER BY opened_at, id",
        )?;
        stmt.query_map([time::day(from), time::day(to)], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    ids.into_iter()
        .map(|id| load_shift(conn, ShiftId(id)))
        .collect()
}

fn load_shift(conn: &Connection, id: ShiftId) -> Result<Shift, StoreError> {
    type Head = (
        String,
        String,
        Option<String>,
        i64,
        String,
        Option<String>,
        Option<String>,
    );
    let (day, opened, closed, version, note, signed_at, signed_by): Head = conn
        .query_row(
            "SELECT s.day, s.opened_at, s.closed_at, s.version, s.handover_note, s.signed_off_at, t.name \
             FROM shift s LEFT JOIN staff t ON t.id = s.signed_off_by WHERE s.id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )
        .optional()?
        .ok_or(StoreError::Refused(Refusal::NotFound))?;
    let mut stmt = conn.prepare_cached(
        "SELECT m.staff_id, s.name, m.role FROM shift_member m JOIN staff s ON s.id = m.staff_id \
         WHERE m.shift_id = ?1 ORDER BY m.position",
    )?;
    let members = stmt
        .query_map([id.0], |r| {
            let role: String = r.get(2)?;
            Ok(Member {
                staff: StaffId(r.get(0)?),
                name: r.get(1)?,
                role: DutyRole::from_code(&role).unwrap_or(DutyRole::DutyTeacher),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Shift {
        id,
        day: time::parse_day(&day)?,
        opened_at: time::parse_ts(&opened)?,
        closed_at: closed.as_deref().map(time::parse_ts).transpose()?,
        members,
        handover_note: note,
        signed_off: match signed_at {
            Some(at) => Some((time::parse_ts(&at)?, signed_by.unwrap_or_default())),
            None => None,
        },
        version,
    })
}
