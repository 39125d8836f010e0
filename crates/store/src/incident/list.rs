//! The incident lists: the row columns, and the filtered, still-open and per-student queries.

use rusqlite::{Row, params};

use super::{code, place_from};
use crate::{Store, StoreError, time};
use domain::incident::{Bullying, IncidentFilter, IncidentId, IncidentRow, Role, Severity, Status};
use domain::people::StudentId;

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

impl Store {
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
}
