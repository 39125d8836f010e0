//! Staff rows.

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, params};

use super::audit::{self, Act};
use super::{Store, StoreError, time};
use domain::staff::{Staff, StaffDraft, StaffId, StaffRole};

impl Store {
    /// Every active staff member, by name.
    pub fn staff(&self) -> Result<Vec<Staff>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name, id",
        )?;
        let rows = stmt.query_map([], |r| {
            let role: String = r.get(2)?;
            Ok(Staff {
                id: StaffId(r.get(0)?),
                name: r.get(1)?,
                role: StaffRole::from_code(&role).unwrap_or(StaffRole::Other),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a staff member.
    pub fn add_staff(
        &mut self,
        draft: &StaffDraft,
        now: DateTime<Utc>,
    ) -> Result<StaffId, StoreError> {
        self.write(|tx| insert_staff(tx, draft, now))
    }
}

/// Inserts one staff row inside a caller's transaction.
pub(super) fn insert_staff(
    tx: &Transaction<'_>,
    draft: &StaffDraft,
    now: DateTime<Utc>,
) -> Result<StaffId, StoreError> {
    tx.execute(
        "INSERT INTO staff (name, role, created_at) VALUES (?1, ?2, ?3)",
        params![draft.name, draft.role.code(), time::ts(now)],
    )?;
    let id = tx.last_insert_rowid();
    audit::note(tx, now, Act::Create, "staff", Some(id), None, "")?;
    Ok(StaffId(id))
}
