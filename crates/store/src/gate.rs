//! The gate's records: visits (with the visitor remembered for next time), sign-outs, the
//! watchlist and students leaving early.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::audit::{self, Act};
use super::{Actor, Refusal, Store, StoreError, time};
use domain::gate::{
    Document, EarlyLeave, EarlyLeaveDraft, EarlyLeaveId, OutKind, Visit, VisitDraft, VisitId,
    VisitStatus, Visitor, VisitorId, WatchDraft, WatchEntry, WatchId,
};
use domain::idcard::DocType;
use domain::staff::StaffId;

/// How a sign-in is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Let in.
    Admitted,
    /// Let in although the watchlist matched, with the guard's reason.
    AdmittedDespite { watch: WatchId, reason: String },
    /// Turned away because the watchlist matched.
    Refused { watch: WatchId },
}

const VISIT_SELECT: &str = "\
    SELECT v.id, v.visitor_id, v.name, v.phone, v.organisation, v.doc_type, v.doc_last4, v.doc_full, \
           v.doc_verified, v.purpose, h.name, v.host_confirmed, v.plate, v.pass_no, v.status, v.time_in, \
           v.time_out, v.out_kind, v.out_note, v.admit_reason, w.reason, v.version \
    FROM visit v LEFT JOIN staff h ON h.id = v.host LEFT JOIN watch w ON w.id = v.watch_id";

fn document(r: &Row<'_>, at: usize) -> rusqlite::Result<Document> {
    Ok(Document {
        // Written as "none" when no document was shown; read back as no document, as drafted.
        doc_type: DocType::from_code(&r.get::<_, String>(at)?).filter(|t| *t != DocType::None),
        last4: r.get(at + 1)?,
        full: r.get(at + 2)?,
        verified: r.get(at + 3)?,
    })
}

fn visit_from(r: &Row<'_>) -> rusqlite::Result<Visit> {
    let opt_ts = |i: usize| -> rusqlite::Result<Option<DateTime<Utc>>> {
        r.get::<_, Option<String>>(i)?
            .as_deref()
            .map(time::parse_ts)
            .transpose()
    };
    Ok(Visit {
        id: VisitId(r.get(0)?),
        visitor: VisitorId(r.get(1)?),
        name: r.get(2)?,
        phone: r.get(3)?,
        organisation: r.get(4)?,
        document: document(r, 5)?,
        purpose: r.get(9)?,
        host_name: r.get(10)?,
        host_confirmed: r.get(11)?,
        plate: r.get(12)?,
        pass_no: r.get(13)?,
        status: VisitStatus::from_code(&r.get::<_, String>(14)?).unwrap_or(VisitStatus::In),
        time_in: time::parse_ts(&r.get::<_, String>(15)?)?,
        time_out: opt_ts(16)?,
        out_kind: r
            .get::<_, Option<String>>(17)?
            .as_deref()
            .and_then(OutKind::from_code),
        out_note: r.get(18)?,
        admit_reason: r.get(19)?,
        watch_reason: r.get(20)?,
        version: r.get(21)?,
    })
}

/// Remembers the visitor as this visit leaves them: updates the one chosen, else adds one.
fn remember(
    tx: &Transaction<'_>,
    d: &VisitDraft,
    now: DateTime<Utc>,
) -> Result<VisitorId, StoreError> {
    let doc = &d.document;
    let doc_type = doc.doc_type.map_or("none", DocType::code);
    if let Some(id) = d.visitor {
        let n = tx.execute(
            "UPDATE visitor SET name = ?1, phone = ?2, organisation = ?3, doc_type = ?4, doc_last4 = ?5, \
             doc_full = ?6, doc_verified = ?7, purpose = ?8, host = ?9, plate = ?10, last_seen_at = ?11 WHERE id = ?12",
            params![d.name, d.phone, d.organisation, doc_type, doc.last4, doc.full, doc.verified, d.purpose,
                d.host.map(|h| h.0), d.plate, time::ts(now), id.0],
        )?;
        if n == 1 {
            return Ok(id);
        }
    }
    tx.execute(
        "INSERT INTO visitor (name, phone, organisation, doc_type, doc_last4, doc_full, doc_verified, purpose, \
         host, plate, last_seen_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![d.name, d.phone, d.organisation, doc_type, doc.last4, doc.full, doc.verified, d.purpose,
            d.host.map(|h| h.0), d.plate, time::ts(now)],
    )?;
    Ok(VisitorId(tx.last_insert_rowid()))
}

impl Store {
    /// Records a sign-in (or a refusal at the gate), remembering the visitor for next time.
    pub fn sign_in(
        &mut self,
        d: &VisitDraft,
        entry: &Entry,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<VisitId, StoreError> {
        self.write(|tx| {
            let visitor = remember(tx, d, now)?;
            let (status, watch, reason) = match entry {
                Entry::Admitted => (VisitStatus::In, None, ""),
                Entry::AdmittedDespite { watch, reason } => (VisitStatus::In, Some(watch.0), reason.as_str()),
                Entry::Refused { watch } => (VisitStatus::Refused, Some(watch.0), ""),
            };
            let doc = &d.document;
            tx.execute(
                "INSERT INTO visit (visitor_id, name, phone, organisation, doc_type, doc_last4, doc_full, doc_verified, \
                 purpose, host, host_confirmed, plate, pass_no, status, time_in, watch_id, admit_reason, shift_id, made_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                params![visitor.0, d.name, d.phone, d.organisation, doc.doc_type.map_or("none", DocType::code),
                    doc.last4, doc.full, doc.verified, d.purpose, d.host.map(|h| h.0), d.host_confirmed, d.plate,
                    d.pass_no, status.code(), time::ts(now), watch, reason, actor.shift.0, actor.staff.0],
            )?;
            let id = tx.last_insert_rowid();
            audit::note(tx, now, Act::Create, "visit", Some(id), Some(actor.staff), reason)?;
            Ok(VisitId(id))
        })
    }

    /// Everyone signed in and not out, longest inside first.
    pub fn on_campus(&self) -> Result<Vec<Visit>, StoreError> {
        let sql = [
            VISIT_SELECT,
            " WHERE v.status = 'in' ORDER BY v.time_in, v.id",
        ]
        .concat();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], visit_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Visits that came in between `from` and `to` (refusals too), newest first.
    pub fn visits_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Visit>, StoreError> {
        let sql = [
            VISIT_SELECT,
            " WHERE v.time_in >= ?1 AND v.time_in < ?2 ORDER BY v.time_in DESC, v.id DESC",
        ]
        .concat();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![time::ts(from), time::ts(to)], visit_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Ends a visit at `at`: signed out, or found to have left without signing out (with a note).
    pub fn sign_out(
        &mut self,
        id: VisitId,
        version: i64,
        at: DateTime<Utc>,
        kind: OutKind,
        note: &str,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE visit SET status = 'out', time_out = ?1, out_kind = ?2, out_note = ?3, out_by = ?4, \
                 version = version + 1 WHERE id = ?5 AND version = ?6 AND status = 'in' AND time_in <= ?1",
                params![time::ts(at), kind.code(), note, actor.staff.0, id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            audit::note(tx, at, Act::Correct, "visit", Some(id.0), Some(actor.staff), kind.code())
        })
    }

    /// Visitors seen recently, most recent first, for type-ahead.
    pub fn visitors(&self, limit: u32) -> Result<Vec<Visitor>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.name, v.phone, v.organisation, v.doc_type, v.doc_last4, v.doc_full, v.doc_verified, \
             v.purpose, v.host, s.name, v.plate, v.last_seen_at \
             FROM visitor v LEFT JOIN staff s ON s.id = v.host ORDER BY v.last_seen_at DESC, v.id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            let host: Option<i64> = r.get(9)?;
            let host_name: Option<String> = r.get(10)?;
            Ok(Visitor {
                id: VisitorId(r.get(0)?),
                name: r.get(1)?,
                phone: r.get(2)?,
                organisation: r.get(3)?,
                document: document(r, 4)?,
                purpose: r.get(8)?,
                host: host.map(|h| (StaffId(h), host_name.unwrap_or_default())),
                plate: r.get(11)?,
                last_seen_at: time::parse_ts(&r.get::<_, String>(12)?)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The watchlist (only entries in force, or all).
    pub fn watchlist(&self, active_only: bool) -> Result<Vec<WatchEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, doc_number, plate, reason, until, active, version FROM watch \
             WHERE ?1 = 0 OR active = 1 ORDER BY active DESC, id DESC",
        )?;
        let rows = stmt.query_map([active_only], |r| {
            let until: Option<String> = r.get(5)?;
            Ok(WatchEntry {
                id: WatchId(r.get(0)?),
                draft: WatchDraft {
                    name: r.get(1)?,
                    doc_number: r.get(2)?,
                    plate: r.get(3)?,
                    reason: r.get(4)?,
                    until: until.as_deref().map(time::parse_day).transpose()?,
                },
                active: r.get(6)?,
                version: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn add_watch(
        &mut self,
        d: &WatchDraft,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<WatchId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO watch (name, doc_number, plate, reason, until, created_at, created_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![d.name, d.doc_number, d.plate, d.reason, d.until.map(time::day), time::ts(now), actor.staff.0],
            )?;
            let id = tx.last_insert_rowid();
            audit::note(tx, now, Act::Create, "watch", Some(id), Some(actor.staff), &d.reason)?;
            Ok(WatchId(id))
        })
    }

    /// Takes an entry off the watchlist (it is kept, inactive).
    pub fn end_watch(
        &mut self,
        id: WatchId,
        version: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE watch SET active = 0, version = version + 1 WHERE id = ?1 AND version = ?2 AND active = 1",
                params![id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            audit::note(tx, now, Act::Correct, "watch", Some(id.0), None, "ended")
        })
    }

    pub fn add_early_leave(
        &mut self,
        d: &EarlyLeaveDraft,
        actor: Actor,
    ) -> Result<EarlyLeaveId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO early_leave (student_id, approved_by, slip_seen, teacher_confirmed, collected_by, relation, \
                 phone, time_out, note, shift_id, made_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![d.student.0, d.approved_by.0, d.slip_seen, d.teacher_confirmed, d.collected_by, d.relation,
                    d.phone, time::ts(d.time_out), d.note, actor.shift.0, actor.staff.0],
            )?;
            let id = tx.last_insert_rowid();
            audit::note(tx, d.time_out, Act::Create, "early_leave", Some(id), Some(actor.staff), "")?;
            Ok(EarlyLeaveId(id))
        })
    }

    /// Students who left between `from` and `to`, newest first.
    pub fn early_leaves_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<EarlyLeave>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, s.name, s.class_name, t.name, e.slip_seen, e.teacher_confirmed, e.collected_by, e.relation, \
             e.phone, e.time_out, e.time_back, e.note, e.version FROM early_leave e \
             JOIN student s ON s.id = e.student_id JOIN staff t ON t.id = e.approved_by \
             WHERE e.time_out >= ?1 AND e.time_out < ?2 ORDER BY e.time_out DESC, e.id DESC",
        )?;
        let rows = stmt.query_map(params![time::ts(from), time::ts(to)], |r| {
            let back: Option<String> = r.get(10)?;
            Ok(EarlyLeave {
                id: EarlyLeaveId(r.get(0)?),
                student_name: r.get(1)?,
                class_name: r.get(2)?,
                approved_by: r.get(3)?,
                slip_seen: r.get(4)?,
                teacher_confirmed: r.get(5)?,
                collected_by: r.get(6)?,
                relation: r.get(7)?,
                phone: r.get(8)?,
                time_out: time::parse_ts(&r.get::<_, String>(9)?)?,
                time_back: back.as_deref().map(time::parse_ts).transpose()?,
                note: r.get(11)?,
                version: r.get(12)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records that a student who left early came back.
    pub fn early_leave_back(
        &mut self,
        id: EarlyLeaveId,
        version: i64,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE early_leave SET time_back = ?1, version = version + 1 \
                 WHERE id = ?2 AND version = ?3 AND time_back IS NULL AND time_out <= ?1",
                params![time::ts(at), id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            audit::note(
                tx,
                at,
                Act::Correct,
                "early_leave",
                Some(id.0),
                None,
                "back",
            )
        })
    }

    /// One visit as it is now.
    pub fn visit(&self, id: VisitId) -> Result<Visit, StoreError> {
        let sql = [VISIT_SELECT, " WHERE v.id = ?1"].concat();
        self.conn
            .query_row(&sql, [id.0], visit_from)
            .optional()?
            .ok_or(StoreError::Refused(Refusal::NotFound))
    }
}

impl Store {
    /// The whole document number of a visit, for a person allowed to see it, with the reason
    /// written to the audit trail in the same transaction; `None` when the school keeps only
    /// the last four characters (then there is nothing more to show, and that is recorded too).
    pub fn reveal_document(
        &mut self,
        id: VisitId,
        reason: &str,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, StoreError> {
        self.write(|tx| {
            let full: Option<Option<String>> = tx
                .query_row("SELECT doc_full FROM visit WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(full) = full else {
                return Err(StoreError::Refused(super::Refusal::NotFound));
            };
            audit::note(
                tx,
                now,
                Act::Reveal,
                "visit",
                Some(id.0),
                Some(actor.staff),
                reason,
            )?;
            Ok(full.filter(|f| !f.is_empty()))
        })
    }
}
