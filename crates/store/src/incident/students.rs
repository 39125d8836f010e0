//! The students of an incident: each on it once, saved in order (on a correction the ones no
//! longer listed are kept, marked removed), and loaded back with who told their parents.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::code;
use crate::people::student_from;
use crate::{Refusal, StoreError, time};
use domain::incident::{IncidentId, Involved, InvolvedDraft, Role};
use domain::staff::StaffId;

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

pub(super) fn save_students(
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

pub(super) fn load_students(
    conn: &Connection,
    id: IncidentId,
) -> Result<Vec<Involved>, StoreError> {
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
