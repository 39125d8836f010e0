//! Incidents, their students and measures: created with a yearly number, corrected only with a
//! reason (the change log keeps what changed), voided but never deleted.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::log::{self, Entry, Kind};
use super::people::student_from;
use super::{Actor, Refusal, Store, StoreError, time};
use domain::history::{LogAction, LogEntry};
use domain::incident::{
    self, Bullying, Incident, IncidentDraft, IncidentFilter, IncidentId, IncidentRow, Involved,
    InvolvedDraft, PlaceRef, Role, Severity, Source, Status,
};
use domain::patrol::CheckId;
use domain::people::StudentId;
use domain::staff::StaffId;

/// Separates fields inside the students column of the list query; names cannot hold it.
const UNIT: char = '\u{1f}';

/// The list columns; `?` parameters are bound by the callers.
const ROW_SELECT: &str = "\
    SELECT i.id, i.number, i.occurred_at, i.entered_at, i.place_id, i.place_text, i.category, \
           i.severity, i.status, i.bullying, i.voided_at IS NOT NULL, \
           (SELECT group_concat(s.name || char(31) || x.role, char(30) ORDER BY x.position) \
              FROM incident_student x JOIN student s ON s.id = x.student_id \
             WHERE x.incident_id = i.id AND x.removed = 0) \
    FROM incident i";

fn place_from(id: Option<String>, text: String) -> PlaceRef {
    match id {
        Some(id) => PlaceRef::Config(id),
        None => PlaceRef::Text(text),
    }
}

fn code<T>(v: Option<T>, what: &str) -> rusqlite::Result<T> {
    v.ok_or_else(|| rusqlite::Error::InvalidColumnName(format!("unknown {what} code")))
}

fn row_from(r: &Row<'_>) -> rusqlite::Result<IncidentRow> {
    let students: Option<String> = r.get(11)?;
    let students = students
        .unwrap_or_default()
        .split('\u{1e}')
        .filter(|s| !s.is_empty())
        .filter_map(|s| {
            let (name, role) = s.split_once(UNIT)?;
            Some((name.to_owned(), Role::from_code(role)?))
        })
        .collect();
    Ok(IncidentRow {
        id: IncidentId(r.get(0)?),
        number: r.get(1)?,
        occurred_at: time::parse_ts(&r.get::<_, String>(2)?)?,
        entered_at: time::parse_ts(&r.get::<_, String>(3)?)?,
        place: place_from(r.get(4)?, r.get(5)?),
        category: r.get(6)?,
        severity: code(Severity::from_code(&r.get::<_, String>(7)?), "severity")?,
        status: code(Status::from_code(&r.get::<_, String>(8)?), "status")?,
        bullying: code(Bullying::from_code(&r.get::<_, String>(9)?), "bullying")?,
        voided: r.get(10)?,
        students,
    })
}

fn place_params(p: &PlaceRef) -> (Option<&str>, &str) {
    match p {
        PlaceRef::Config(id) => (Some(id.as_str()), ""),
        PlaceRef::Text(t) => (None, t.as_str()),
    }
}

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

    /// An incident, whole.
    pub fn incident(&self, id: IncidentId) -> Result<Incident, StoreError> {
        load(&self.conn, id)
    }

    /// The incident with this number (`2026-0042`), if any.
    pub fn incident_by_number(&self, number: &str) -> Result<Option<IncidentId>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM incident WHERE number = ?1",
                [number.trim()],
                |r| r.get(0),
            )
            .optional()?
            .map(IncidentId))
    }

    pub fn incident_history(&self, id: IncidentId) -> Result<Vec<LogEntry>, StoreError> {
        log::read(&self.conn, Kind::Incident, id.0)
    }

    /// Incidents matching `filter`, most recent first, at most `limit`.
    pub fn incidents(
        &self,
        filter: &IncidentFilter,
        limit: u32,
    ) -> Result<Vec<IncidentRow>, StoreError> {
        let sql = [
            ROW_SELECT,
            " WHERE (?1 IS NULL OR i.status = ?1) AND (?2 IS NULL OR i.category = ?2) \
              AND (?3 IS NULL OR i.place_id = ?3) AND (?4 IS NULL OR i.occurred_at >= ?4) \
              AND (?5 IS NULL OR i.occurred_at < ?5) \
              AND (?6 IS NULL OR EXISTS (SELECT 1 FROM incident_student x WHERE x.incident_id = i.id \
                   AND x.student_id = ?6 AND x.removed = 0)) \
              AND (?7 = '' OR instr(i.number, ?7) OR instr(fold(i.narrative), fold(?7)) \
                   OR instr(fold(i.child_words), fold(?7)) OR instr(fold(i.immediate_action), fold(?7)) \
                   OR instr(fold(i.place_text), fold(?7)) \
                   OR EXISTS (SELECT 1 FROM incident_student x JOIN student s ON s.id = x.student_id \
                              WHERE x.incident_id = i.id AND x.removed = 0 \
                                AND (instr(fold(s.name), fold(?7)) OR instr(s.student_no, ?7)))) \
              AND (?8 OR i.voided_at IS NULL) \
            ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?9",
        ]
        .concat();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![
                filter.status.map(Status::code),
                filter.category,
                filter.place,
                filter.from.map(time::ts),
                filter.to.map(time::ts),
                filter.student.map(|s| s.0),
                filter.text.trim(),
                filter.include_voided,
                limit
            ],
            row_from,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Open and investigating incidents (not voided), oldest first: the investigation clocks.
    pub fn open_incidents(&self, limit: u32) -> Result<Vec<IncidentRow>, StoreError> {
        let sql = [
            ROW_SELECT,
            " WHERE i.status IN ('open', 'investigating') AND i.voided_at IS NULL \
              ORDER BY i.entered_at, i.id LIMIT ?1",
        ]
        .concat();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit], row_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every incident a student appears in (also voided ones, marked), with their role, newest first.
    pub fn student_incidents(
        &self,
        student: StudentId,
    ) -> Result<Vec<(IncidentRow, Role)>, StoreError> {
        let sql = [
            ROW_SELECT,
            ", incident_student me WHERE me.incident_id = i.id AND me.student_id = ?1 AND me.removed = 0 \
             ORDER BY i.occurred_at DESC, i.id DESC",
        ]
        .concat();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids: Vec<IncidentRow> = stmt
            .query_map([student.0], row_from)?
            .collect::<Result<_, _>>()?;
        let mut roles = self
            .conn
            .prepare_cached("SELECT role FROM incident_student WHERE incident_id = ?1 AND student_id = ?2 AND removed = 0")?;
        let mut out = Vec::new();
        for row in ids {
            let role: String = roles.query_row(params![row.id.0, student.0], |r| r.get(0))?;
            if let Some(role) = Role::from_code(&role) {
                out.push((row, role));
            }
        }
        Ok(out)
    }

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

/// Inserts an incident inside a caller's transaction (also used when a mailbox slip becomes one).
pub(super) fn insert_incident(
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

/// Writes the students of an incident. On a correction, students no longer listed are marked
/// removed (kept for the record) and the others updated in place.
/// A student may be on an incident once; two rows for one student would be merged by the next
/// correction and one of them lost.
fn ensure_once(students: &[InvolvedDraft]) -> Result<(), StoreError> {
    let mut seen = std::collections::HashSet::new();
    if students.iter().all(|s| seen.insert(s.student)) {
        Ok(())
    } else {
        Err(StoreError::Refused(Refusal::NotAllowed))
    }
}

fn save_students(
    tx: &Transaction<'_>,
    id: IncidentId,
    students: &[InvolvedDraft],
    correcting: bool,
) -> Result<(), StoreError> {
    ensure_once(students)?;
    if correcting {
        tx.execute(
            "UPDATE incident_student SET removed = 1 WHERE incident_id = ?1",
            [id.0],
        )?;
    }
    for (position, s) in (0_i64..).zip(students) {
        let existing: Option<i64> = if correcting {
            tx.query_row(
                "SELECT id FROM incident_student WHERE incident_id = ?1 AND student_id = ?2 ORDER BY id DESC LIMIT 1",
                params![id.0, s.student.0],
                |r| r.get(0),
            )
            .optional()?
        } else {
            None
        };
        let measures = s.measures.join(",");
        let told = s.parents_told_at.map(time::ts);
        let by = s.parents_told_by.map(|b| b.0);
        match existing {
            Some(row) => tx.execute(
                "UPDATE incident_student SET role = ?1, measures = ?2, parents_told_at = ?3, parents_told_by = ?4, \
                 position = ?5, removed = 0 WHERE id = ?6",
                params![s.role.code(), measures, told, by, position, row],
            )?,
            None => tx.execute(
                "INSERT INTO incident_student (incident_id, student_id, role, measures, parents_told_at, \
                 parents_told_by, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id.0, s.student.0, s.role.code(), measures, told, by, position],
            )?,
        };
    }
    Ok(())
}

fn load(conn: &Connection, id: IncidentId) -> Result<Incident, StoreError> {
    let head = conn
        .query_row(
            "SELECT i.number, i.occurred_at, i.entered_at, s.name, i.place_id, i.place_text, i.category, \
             i.severity, i.source, i.narrative, i.child_words, i.immediate_action, i.bullying, i.bullying_on, \
             i.status, i.from_check, i.voided_at, i.void_reason, i.version \
             FROM incident i JOIN staff s ON s.id = i.entered_by WHERE i.id = ?1",
            [id.0],
            |r| {
                let voided_at: Option<String> = r.get(16)?;
                let voided = match voided_at {
                    Some(at) => Some((time::parse_ts(&at)?, r.get::<_, Option<String>>(17)?.unwrap_or_default())),
                    None => None,
                };
                let bullying_on: Option<String> = r.get(13)?;
                let draft = IncidentDraft {
                    occurred_at: time::parse_ts(&r.get::<_, String>(1)?)?,
                    place: place_from(r.get(4)?, r.get(5)?),
                    category: r.get(6)?,
                    severity: code(Severity::from_code(&r.get::<_, String>(7)?), "severity")?,
                    source: code(Source::from_code(&r.get::<_, String>(8)?), "source")?,
                    narrative: r.get(9)?,
                    child_words: r.get(10)?,
                    immediate_action: r.get(11)?,
                    bullying: code(Bullying::from_code(&r.get::<_, String>(12)?), "bullying")?,
                    bullying_on: bullying_on.as_deref().map(time::parse_day).transpose()?,
                    status: code(Status::from_code(&r.get::<_, String>(14)?), "status")?,
                    students: Vec::new(),
                    from_check: r.get::<_, Option<i64>>(15)?.map(CheckId),
                };
                Ok(Incident {
                    id,
                    number: r.get(0)?,
                    entered_at: time::parse_ts(&r.get::<_, String>(2)?)?,
                    entered_by: r.get(3)?,
                    draft,
                    students: Vec::new(),
                    voided,
                    version: r.get(18)?,
                })
            },
        )
        .optional()?
        .ok_or(StoreError::Refused(Refusal::NotFound))?;
    let students = load_students(conn, id)?;
    let mut incident = head;
    incident.draft.students = students.iter().map(Involved::draft).collect();
    incident.students = students;
    Ok(incident)
}

fn load_students(conn: &Connection, id: IncidentId) -> Result<Vec<Involved>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.student_no, s.name, s.class_name, s.gender, x.role, x.measures, x.parents_told_at, \
         x.parents_told_by, t.name \
         FROM incident_student x JOIN student s ON s.id = x.student_id LEFT JOIN staff t ON t.id = x.parents_told_by \
         WHERE x.incident_id = ?1 AND x.removed = 0 ORDER BY x.position",
    )?;
    let rows = stmt.query_map([id.0], |r| {
        let measures: String = r.get(6)?;
        let told: Option<String> = r.get(7)?;
        let by: Option<i64> = r.get(8)?;
        let by_name: Option<String> = r.get(9)?;
        Ok(Involved {
            student: student_from(r, 0)?,
            role: code(Role::from_code(&r.get::<_, String>(5)?), "role")?,
            measures: measures
                .split(',')
                .filter(|m| !m.is_empty())
                .map(str::to_owned)
                .collect(),
            parents_told_at: told.as_deref().map(time::parse_ts).transpose()?,
            parents_told_by: by.map(|b| (StaffId(b), by_name.unwrap_or_default())),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
