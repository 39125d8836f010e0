//! What only `dutydesk demo` needs from the store: whether a file already holds records (the
//! demo writes only into an empty one), faster writes for a file that can be made again, and
//! where the demo's records start.

use chrono::NaiveDate;

use super::{Store, StoreError, time};

/// Whether any table a person or the app writes records into has a row; `meta` is left out (a
/// new file has a row there before anyone has recorded anything).
const ANY_RECORD: &str = "SELECT EXISTS (SELECT 1 FROM staff) OR EXISTS (SELECT 1 FROM student) \
    OR EXISTS (SELECT 1 FROM shift) OR EXISTS (SELECT 1 FROM shift_member) \
    OR EXISTS (SELECT 1 FROM patrol_check) OR EXISTS (SELECT 1 FROM patrol_item) \
    OR EXISTS (SELECT 1 FROM round_exception) OR EXISTS (SELECT 1 FROM incident) \
    OR EXISTS (SELECT 1 FROM incident_student) OR EXISTS (SELECT 1 FROM report_slip) \
    OR EXISTS (SELECT 1 FROM hazard) OR EXISTS (SELECT 1 FROM followup) \
    OR EXISTS (SELECT 1 FROM change_log) OR EXISTS (SELECT 1 FROM visitor) \
    OR EXISTS (SELECT 1 FROM visit) OR EXISTS (SELECT 1 FROM watch) \
    OR EXISTS (SELECT 1 FROM early_leave)";

impl Store {
    /// Whether anything at all has been recorded: any staff member, student, shift, check,
    /// incident, visit… Reads only.
    pub fn has_records(&self) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(ANY_RECORD, [], |r| r.get(0))?)
    }

    /// Turns off the fsync at every commit, for this connection only, while the demo fills a
    /// new file with tens of thousands of small transactions (each one fsync'd would take
    /// minutes). Demo data is made up and is made again, identically, by the same command, so a
    /// power cut during the run (which may then lose or damage the file) loses nothing of value.
    /// Never call this for real records (DATA-SAFETY.md: `synchronous=FULL`).
    pub fn fast_writes(&mut self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "synchronous", "OFF")?;
        Ok(())
    }

    /// Sets the first day the records cover, so the demo's earlier rounds count as done or missed
    /// rather than as "before this database".
    pub fn set_tracked_from(&mut self, day: NaiveDate) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('tracked_from', ?1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [time::day(day)],
            )?;
            Ok(())
        })
    }
}
