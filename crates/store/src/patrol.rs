//! Patrol checks, their items, and the written reasons for missed or partial rounds.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::audit::{self, Act};
use super::{Actor, Refusal, Store, StoreError, time};
use domain::patrol::{
    CheckDraft, CheckId, CheckRecord, ExceptionDraft, ExceptionRecord, ItemAnswer, ItemResult,
};
use domain::schedule::RoundKey;
use domain::shift::ShiftId;
use domain::staff::StaffId;

/// The latest check of each round of the days `?1..=?2`.
// `+x.place` keeps SQLite off the (place, checked_at) index for the first check's time: that
// index gives min(checked_at) in order, but only by walking every check of the place since the
// file began; the round index finds the round's few checks directly (measured: 27 ms a day on
// five years before, under 0.1 ms after).
pub(super) const LATEST_CHECKS_BETWEEN: &str = "\
    SELECT c.id, c.day, c.slot, c.rep, c.place, c.shift_id, c.checked_by, s.name, c.checked_at, \
           c.complete, c.problems, c.note, \
           (SELECT min(x.checked_at) FROM patrol_check x \
             WHERE x.day = c.day AND x.slot = c.slot AND x.rep = c.rep AND +x.place = c.place) \
    FROM patrol_check c JOIN staff s ON s.id = c.checked_by \
    WHERE c.day BETWEEN ?1 AND ?2 AND c.id = (SELECT max(x.id) FROM patrol_check x \
        WHERE x.day = c.day AND x.slot = c.slot AND x.rep = c.rep AND x.place = c.place) \
    ORDER BY c.id";

/// The latest written reason of each round of the days `?1..=?2` that has one.
pub(super) const LATEST_EXCEPTIONS_BETWEEN: &str = "\
    SELECT e.day, e.slot, e.rep, e.place, e.reason, s.name, e.made_at \
    FROM round_exception e JOIN staff s ON s.id = e.made_by \
    WHERE e.day BETWEEN ?1 AND ?2 AND e.id = (SELECT max(x.id) FROM round_exception x \
       WHERE x.day = e.day AND x.slot = e.slot AND x.rep = e.rep AND x.place = e.place) \
    ORDER BY e.id";

/// A row of `LATEST_CHECKS_BETWEEN`, without its items.
pub(super) fn check_from(r: &Row<'_>) -> rusqlite::Result<CheckRecord> {
    Ok(CheckRecord {
        id: CheckId(r.get(0)?),
        round: round_from(r, 1)?,
        shift: ShiftId(r.get(5)?),
        by: StaffId(r.get(6)?),
        by_name: r.get(7)?,
        at: time::parse_ts(&r.get::<_, String>(8)?)?,
        first_at: time::parse_ts(&r.get::<_, String>(12)?)?,
        complete: r.get(9)?,
        problems: r.get(10)?,
        note: r.get(11)?,
        items: Vec::new(),
    })
}

/// A row of `LATEST_EXCEPTIONS_BETWEEN`.
pub(super) fn exception_from(r: &Row<'_>) -> rusqlite::Result<ExceptionRecord> {
    Ok(ExceptionRecord {
        round: round_from(r, 0)?,
        reason: r.get(4)?,
        by_name: r.get(5)?,
        at: time::parse_ts(&r.get::<_, String>(6)?)?,
    })
}

fn round_from(r: &Row<'_>, at: usize) -> rusqlite::Result<RoundKey> {
    Ok(RoundKey {
        day: time::parse_day(&r.get::<_, String>(at)?)?,
        slot: r.get(at + 1)?,
        rep: r.get(at + 2)?,
        place: r.get(at + 3)?,
    })
}

impl Store {
    /// The latest check of every round of `day`, with its items.
    pub fn day_checks(&self, day: NaiveDate) -> Result<Vec<CheckRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(LATEST_CHECKS_BETWEEN)?;
        let mut checks: Vec<CheckRecord> = stmt
            .query_map([time::day(day), time::day(day)], check_from)?
            .collect::<Result<_, _>>()?;
        let mut items = self.conn.prepare_cached(
            "SELECT i.check_id, i.text, i.result, i.note FROM patrol_item i \
             JOIN patrol_check c ON c.id = i.check_id WHERE c.day = ?1 ORDER BY i.check_id, i.position",
        )?;
        let rows = items.query_map([time::day(day)], |r| {
            let result: String = r.get(2)?;
            Ok((
                CheckId(r.get(0)?),
                ItemAnswer {
                    text: r.get(1)?,
                    result: ItemResult::from_code(&result).unwrap_or(ItemResult::Unset),
                    note: r.get(3)?,
                },
            ))
        })?;
        for row in rows {
            let (id, item) = row?;
            if let Some(c) = checks.iter_mut().find(|c| c.id == id) {
                c.items.push(item);
            }
        }
        Ok(checks)
    }

    /// The latest written reason of every round of `day` that has one.
    pub fn day_exceptions(&self, day: NaiveDate) -> Result<Vec<ExceptionRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(LATEST_EXCEPTIONS_BETWEEN)?;
        let rows = stmt.query_map([time::day(day), time::day(day)], exception_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Saves a check with its items. Refused, with nothing written, if another terminal saved a
    /// check of the same round after this form was opened, or if the shift has been closed.
    pub fn save_check(
        &mut self,
        draft: &CheckDraft,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<CheckId, StoreError> {
        self.write(|tx| {
            ensure_shift_open(tx, actor.shift)?;
            let k = &draft.round;
            let latest: Option<i64> = tx.query_row(
                "SELECT max(id) FROM patrol_check WHERE day = ?1 AND slot = ?2 AND rep = ?3 AND place = ?4",
                params![time::day(k.day), k.slot, k.rep, k.place],
                |r| r.get(0),
            )?;
            if latest.map(CheckId) != draft.replaces {
                return Err(StoreError::ChangedElsewhere);
            }
            let problems = draft.items.iter().filter(|i| i.result == ItemResult::Problem).count();
            let problems = i64::try_from(problems).unwrap_or(i64::MAX);
            tx.execute(
                "INSERT INTO patrol_check (day, slot, rep, place, shift_id, checked_by, checked_at, \
                 complete, problems, note, replaces) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    time::day(k.day), k.slot, k.rep, k.place, actor.shift.0, actor.staff.0,
                    time::ts(now), draft.is_complete(), problems, draft.note, latest
                ],
            )?;
            let id = tx.last_insert_rowid();
            let mut insert = tx.prepare_cached(
                "INSERT INTO patrol_item (check_id, position, text, result, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (position, item) in (0_i64..).zip(&draft.items) {
                insert.execute(params![id, position, item.text, item.result.code(), item.note])?;
            }
            audit::note(tx, now, Act::Create, "check", Some(id), Some(actor.staff), "")?;
            Ok(CheckId(id))
        })
    }

    /// Records why a round was missed or left partial.
    pub fn save_exception(
        &mut self,
        draft: &ExceptionDraft,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            ensure_shift_open(tx, actor.shift)?;
            let k = &draft.round;
            tx.execute(
                "INSERT INTO round_exception (day, slot, rep, place, reason, shift_id, made_by, made_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![time::day(k.day), k.slot, k.rep, k.place, draft.reason, actor.shift.0, actor.staff.0, time::ts(now)],
            )?;
            let id = tx.last_insert_rowid();
            audit::note(tx, now, Act::Create, "round_exception", Some(id), Some(actor.staff), &draft.reason)
        })
    }
}

fn ensure_shift_open(tx: &Transaction<'_>, shift: ShiftId) -> Result<(), StoreError> {
    let open: Option<i64> = tx
        .query_row(
            "SELECT id FROM shift WHERE id = ?1 AND closed_at IS NULL",
            [shift.0],
            |r| r.get(0),
        )
        .optional()?;
    if open.is_none() {
        return Err(StoreError::Refused(Refusal::NoOpenShift));
    }
    Ok(())
}
