//! Students, and bringing in lists of students and staff (from a school's CSV export).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::audit::{self, Act};
use super::{Store, StoreError, time};
use domain::people::{Student, StudentDraft, StudentId};
use domain::staff::{StaffId, StaffRole};

/// What an import did, row by row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// A staff member from an import file. Matched by staff number when the file has one, else by
/// name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffImport {
    pub staff_no: Option<String>,
    pub name: String,
    pub role: StaffRole,
    pub phone: String,
}

/// Reads `s.id, s.student_no, s.name, s.class_name, s.gender` starting at column `at`.
pub(super) fn student_from(r: &Row<'_>, at: usize) -> rusqlite::Result<Student> {
    Ok(Student {
        id: StudentId(r.get(at)?),
        number: r.get(at + 1)?,
        name: r.get(at + 2)?,
        class_name: r.get(at + 3)?,
        gender: r.get(at + 4)?,
    })
}

impl Store {
    /// Every active student, by class then name.
    pub fn students(&self) -> Result<Vec<Student>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.student_no, s.name, s.class_name, s.gender FROM student s \
             WHERE s.active = 1 ORDER BY s.class_name, s.name, s.id",
        )?;
        let rows = stmt.query_map([], |r| student_from(r, 0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A cheap fingerprint of the student list, to reload it only when it changed.
    pub fn students_stamp(&self) -> Result<(i64, String), StoreError> {
        Ok(self.conn.query_row(
            "SELECT count(*), coalesce(max(updated_at), '') FROM student",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    pub fn student(&self, id: StudentId) -> Result<Option<Student>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT s.id, s.student_no, s.name, s.class_name, s.gender FROM student s WHERE s.id = ?1",
                [id.0],
                |r| student_from(r, 0),
            )
            .optional()?)
    }

    /// Adds or updates students by student number, all in one transaction. A row identical to
    /// what is stored changes nothing, so importing the same file twice is harmless.
    pub fn import_students(
        &mut self,
        rows: &[StudentDraft],
        now: DateTime<Utc>,
    ) -> Result<ImportCounts, StoreError> {
        self.write(|tx| {
            let mut counts = ImportCounts::default();
            for s in rows {
                let found: Option<(i64, String, String, String, i64)> = tx
                    .query_row(
                        "SELECT id, name, class_name, gender, active FROM student WHERE student_no = ?1",
                        [&s.number],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                    )
                    .optional()?;
                match found {
                    None => {
                        tx.execute(
                            "INSERT INTO student (student_no, name, class_name, gender, created_at, updated_at) \
                             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                            params![s.number, s.name, s.class_name, s.gender, time::ts(now)],
                        )?;
                        counts.added += 1;
                    }
                    Some((_, name, class, gender, 1)) if name == s.name && class == s.class_name && gender == s.gender => {
                        counts.unchanged += 1;
                    }
                    Some((id, ..)) => {
                        tx.execute(
                            "UPDATE student SET name = ?1, class_name = ?2, gender = ?3, active = 1, updated_at = ?4 WHERE id = ?5",
                            params![s.name, s.class_name, s.gender, time::ts(now), id],
                        )?;
                        counts.updated += 1;
                    }
                }
            }
            audit::note(tx, now, Act::Create, "student", None, None, &format!("import {counts:?}"))?;
            Ok(counts)
        })
    }

    /// Adds or updates staff, all in one transaction: matched by staff number if given, else by
    /// name (a name held by several staff members is matched by none: it is added).
    pub fn import_staff(
        &mut self,
        rows: &[StaffImport],
        now: DateTime<Utc>,
    ) -> Result<ImportCounts, StoreError> {
        self.write(|tx| {
            let mut counts = ImportCounts::default();
            for s in rows {
                let found = find_staff(tx, s)?;
                match found {
                    None => {
                        tx.execute(
                            "INSERT INTO staff (name, role, created_at, staff_no, phone) VALUES (?1, ?2, ?3, ?4, ?5)",
                            params![s.name, s.role.code(), time::ts(now), s.staff_no, s.phone],
                        )?;
                        counts.added += 1;
                    }
                    Some((_, name, role, phone)) if name == s.name && role == s.role.code() && phone == s.phone => {
                        counts.unchanged += 1;
                    }
                    Some((id, ..)) => {
                        tx.execute(
                            "UPDATE staff SET name = ?1, role = ?2, phone = ?3, active = 1, version = version + 1 WHERE id = ?4",
                            params![s.name, s.role.code(), s.phone, id],
                        )?;
                        counts.updated += 1;
                    }
                }
            }
            audit::note(tx, now, Act::Create, "staff", None, None, &format!("import {counts:?}"))?;
            Ok(counts)
        })
    }

    /// The id of the staff member named exactly `name`, if exactly one has that name.
    pub fn staff_by_name(&self, name: &str) -> Result<Option<StaffId>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM staff WHERE name = ?1 AND active = 1")?;
        let ids: Vec<i64> = stmt
            .query_map([name], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(match ids.as_slice() {
            [one] => Some(StaffId(*one)),
            _ => None,
        })
    }
}

/// The staff row an imported row updates: by staff number if it has one, else by a name that
/// exactly one staff member without a number has.
fn find_staff(
    tx: &rusqlite::Transaction<'_>,
    s: &StaffImport,
) -> Result<Option<(i64, String, String, String)>, StoreError> {
    let row = |r: &Row<'_>| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?));
    if let Some(no) = &s.staff_no {
        return Ok(tx
            .query_row(
                "SELECT id, name, role, phone FROM staff WHERE staff_no = ?1",
                [no],
                row,
            )
            .optional()?);
    }
    let mut stmt = tx.prepare_cached(
        "SELECT id, name, role, phone FROM staff WHERE name = ?1 AND staff_no IS NULL",
    )?;
    let same: Vec<(i64, String, String, String)> =
        stmt.query_map([&s.name], row)?.collect::<Result<_, _>>()?;
    Ok(if same.len() == 1 {
        same.into_iter().next()
    } else {
        None
    })
}
