//! Retention: records past the time a school keeps them are removed for good — deleted with
//! `secure_delete`, the file rebuilt with VACUUM and the WAL emptied, so the data is gone from
//! the file and not only from the lists. Incidents on legal hold are never removed.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::audit::{self, Act};
use super::{Refusal, Store, StoreError, time};
use domain::config::Retention;
use domain::incident::IncidentId;
use domain::staff::StaffId;

/// What a purge removes (or would remove), by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgeCounts {
    pub visits: u64,
    pub visitors: u64,
    pub early_leaves: u64,
    pub checks: u64,
    pub exceptions: u64,
    pub hazards: u64,
    pub incidents: u64,
    pub followups: u64,
    pub slips: u64,
    /// Incidents past their time that a legal hold keeps.
    pub held: u64,
}

impl PurgeCounts {
    pub fn total(&self) -> u64 {
        self.visits
            + self.visitors
            + self.early_leaves
            + self.checks
            + self.exceptions
            + self.hazards
            + self.incidents
            + self.followups
            + self.slips
    }
}

/// The cut-off instants: records older than these go.
struct Cutoffs {
    gate: Option<String>,
    patrol_day: Option<String>,
    hazard: Option<String>,
    incident: Option<String>,
}

fn cutoffs(r: &Retention, now: DateTime<Utc>) -> Cutoffs {
    let before = |days: u32| (days > 0).then(|| now - Duration::days(i64::from(days)));
    Cutoffs {
        gate: before(r.gate_days).map(time::ts),
        patrol_day: before(r.patrol_days).map(|t| time::day(t.date_naive())),
        hazard: before(r.hazard_days).map(time::ts),
        incident: before(r.incident_days).map(time::ts),
    }
}

/// Fills temp tables with the ids of everything past its time, and counts them.
fn select(conn: &Connection, c: &Cutoffs) -> Result<PurgeCounts, StoreError> {
    empty_id_tables(conn)?;
    let mut n = PurgeCounts::default();
    // Gate and records first: which patrol checks may go depends on which incidents and hazards
    // go.
    select_gate(conn, c, &mut n)?;
    select_records(conn, c, &mut n)?;
    select_patrols(conn, c, &mut n)?;
    Ok(n)
}

/// One temp table of ids per kind of record, empty.
fn empty_id_tables(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS p_visit (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS p_visitor (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS p_leave (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS p_check (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS p_exception (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS p_hazard (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS p_incident (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS p_followup (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS p_slip (id INTEGER PRIMARY KEY);
         DELETE FROM p_visit; DELETE FROM p_visitor; DELETE FROM p_leave; DELETE FROM p_check;
         DELETE FROM p_exception; DELETE FROM p_hazard; DELETE FROM p_incident;
         DELETE FROM p_followup; DELETE FROM p_slip;",
    )?;
    Ok(())
}

/// Runs one `INSERT … SELECT` with the cut-off as `?1`; nothing when that kind is kept forever.
fn fill(conn: &Connection, sql: &str, cut: Option<&str>) -> Result<u64, StoreError> {
    match cut {
        Some(cut) => Ok(conn.execute(sql, [cut])? as u64),
        None => Ok(0),
    }
}

/// Visits, early leaves and the visitors they leave without a visit.
fn select_gate(conn: &Connection, c: &Cutoffs, n: &mut PurgeCounts) -> Result<(), StoreError> {
    // A visitor still signed in is never purged, however old the visit.
    n.visits = fill(
        conn,
        "INSERT INTO p_visit SELECT id FROM visit WHERE time_in < ?1 AND status != 'in'",
        c.gate.as_deref(),
    )?;
    n.early_leaves = fill(
        conn,
        "INSERT INTO p_leave SELECT id FROM early_leave WHERE time_out < ?1",
        c.gate.as_deref(),
    )?;
    // Visitors (names, phones, documents) go when none of their visits is left.
    n.visitors = fill(
        conn,
        "INSERT INTO p_visitor SELECT id FROM visitor v WHERE last_seen_at < ?1 AND NOT EXISTS \
         (SELECT 1 FROM visit x WHERE x.visitor_id = v.id AND x.id NOT IN (SELECT id FROM p_visit))",
        c.gate.as_deref(),
    )?;
    Ok(())
}

/// Hazards, incidents (counting those a legal hold keeps), and the follow-ups and slips that go
/// with them.
fn select_records(conn: &Connection, c: &Cutoffs, n: &mut PurgeCounts) -> Result<(), StoreError> {
    n.hazards = fill(
        conn,
        "INSERT INTO p_hazard SELECT id FROM hazard WHERE status = 'verified' AND created_at < ?1",
        c.hazard.as_deref(),
    )?;
    // An incident goes when it is finished (or void), happened before the cut-off, nothing was
    // written about it since, and no legal hold keeps it.
    let finished = "(status IN ('resolved', 'referred', 'closed') OR voided_at IS NOT NULL) \
                    AND occurred_at < ?1 AND NOT EXISTS (SELECT 1 FROM change_log c \
                    WHERE c.kind = 'incident' AND c.record_id = incident.id AND c.at >= ?1)";
    n.incidents = fill(
        conn,
        &format!(
            "INSERT INTO p_incident SELECT id FROM incident WHERE legal_hold IS NULL AND {finished}"
        ),
        c.incident.as_deref(),
    )?;
    if let Some(cut) = &c.incident {
        let held: i64 = conn.query_row(
            &format!("SELECT count(*) FROM incident WHERE legal_hold IS NOT NULL AND {finished}"),
            [cut],
            |r| r.get(0),
        )?;
        n.held = u64::try_from(held).unwrap_or(0);
    }
    n.followups = conn.execute(
        "INSERT INTO p_followup SELECT id FROM followup WHERE incident_id IN (SELECT id FROM p_incident) \
         OR hazard_id IN (SELECT id FROM p_hazard)",
        [],
    )? as u64;
    n.slips = conn.execute(
        "INSERT INTO p_slip SELECT id FROM report_slip WHERE merged_into IN (SELECT id FROM p_incident)",
        [],
    )? as u64;
    Ok(())
}

/// Patrol checks and the reasons written for rounds.
fn select_patrols(conn: &Connection, c: &Cutoffs, n: &mut PurgeCounts) -> Result<(), StoreError> {
    // A patrol check an incident or hazard that stays points to stays too, as does one a later
    // check that stays replaced.
    n.checks = fill(
        conn,
        "INSERT INTO p_check SELECT id FROM patrol_check p WHERE day < ?1 \
         AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.from_check = p.id AND i.id NOT IN (SELECT id FROM p_incident)) \
         AND NOT EXISTS (SELECT 1 FROM hazard h WHERE (h.from_check = p.id OR h.verified_check = p.id) \
                         AND h.id NOT IN (SELECT id FROM p_hazard)) \
         AND NOT EXISTS (SELECT 1 FROM patrol_check k WHERE k.replaces = p.id AND k.day >= ?1)",
        c.patrol_day.as_deref(),
    )?;
    n.exceptions = fill(
        conn,
        "INSERT INTO p_exception SELECT id FROM round_exception WHERE day < ?1",
        c.patrol_day.as_deref(),
    )?;
    Ok(())
}

/// Deletes what `select` chose, children first; links checked at commit.
fn delete(tx: &Transaction<'_>) -> Result<(), StoreError> {
    tx.execute_batch(
        "PRAGMA defer_foreign_keys = ON;
         DELETE FROM patrol_item WHERE check_id IN (SELECT id FROM p_check);
         DELETE FROM patrol_check WHERE id IN (SELECT id FROM p_check);
         DELETE FROM round_exception WHERE id IN (SELECT id FROM p_exception);
         DELETE FROM incident_student WHERE incident_id IN (SELECT id FROM p_incident);
         DELETE FROM change_log WHERE kind = 'incident' AND record_id IN (SELECT id FROM p_incident);
         DELETE FROM change_log WHERE kind = 'followup' AND record_id IN (SELECT id FROM p_followup);
         DELETE FROM change_log WHERE kind = 'slip' AND record_id IN (SELECT id FROM p_slip);
         DELETE FROM change_log WHERE kind = 'hazard' AND record_id IN (SELECT id FROM p_hazard);
         DELETE FROM followup WHERE id IN (SELECT id FROM p_followup);
         DELETE FROM report_slip WHERE id IN (SELECT id FROM p_slip);
         DELETE FROM incident WHERE id IN (SELECT id FROM p_incident);
         DELETE FROM hazard WHERE id IN (SELECT id FROM p_hazard);
         DELETE FROM visit WHERE id IN (SELECT id FROM p_visit);
         DELETE FROM early_leave WHERE id IN (SELECT id FROM p_leave);
         DELETE FROM visitor WHERE id IN (SELECT id FROM p_visitor);",
    )?;
    Ok(())
}

/// Whether the removed data is out of the file as well: `false` when another terminal held the
/// file open, so the old pages could not all be rewritten yet (run purge again later).
pub type Scrubbed = bool;

impl Store {
    /// What a purge at `now` would remove, changing nothing.
    pub fn purge_plan(&self, r: &Retention, now: DateTime<Utc>) -> Result<PurgeCounts, StoreError> {
        select(&self.conn, &cutoffs(r, now))
    }

    /// Removes everything past its time, audited (one row per kind, with the counts), then
    /// rebuilds the file so that what was removed is not left in free pages or the WAL.
    pub fn purge(
        &mut self,
        r: &Retention,
        now: DateTime<Utc>,
    ) -> Result<(PurgeCounts, Scrubbed), StoreError> {
        let c = cutoffs(r, now);
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        let counts = self.write(|tx| {
            let n = select(tx, &c)?;
            delete(tx)?;
            let why = format!(
                "retention (days: gate {}, patrol {}, hazard {}, incident {}): {} visits, {} visitors, \
                 {} early leaves, {} checks, {} reasons, {} hazards, {} incidents, {} follow-ups, \
                 {} slips; {} held incidents kept",
                r.gate_days, r.patrol_days, r.hazard_days, r.incident_days, n.visits, n.visitors,
                n.early_leaves, n.checks, n.exceptions, n.hazards, n.incidents, n.followups, n.slips,
                n.held
            );
            audit::note(tx, now, Act::Purge, "data", None, None, &why)?;
            Ok(n)
        })?;
        // VACUUM rewrites the whole file from the live records; the checkpoint then moves it
        // out of the WAL and empties the WAL, where the old pages would otherwise linger.
        let scrubbed = self.conn.execute_batch("VACUUM").is_ok()
            && self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    r.get::<_, i64>(0)
                })
                .is_ok_and(|busy| busy == 0);
        Ok((counts, scrubbed))
    }

    /// Puts an incident on legal hold (`reason` given) or takes it off (`None`); audited.
    pub fn set_hold(
        &mut self,
        number: &str,
        reason: Option<&str>,
        by: Option<StaffId>,
        now: DateTime<Utc>,
    ) -> Result<IncidentId, StoreError> {
        self.write(|tx| {
            let id: Option<i64> = tx
                .query_row(
                    "SELECT id FROM incident WHERE number = ?1",
                    [number.trim()],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(id) = id else {
                return Err(StoreError::Refused(Refusal::NotFound));
            };
            tx.execute(
                "UPDATE incident SET legal_hold = ?1 WHERE id = ?2",
                params![reason, id],
            )?;
            let why = reason.map_or_else(
                || "hold released".to_owned(),
                |r| format!("legal hold: {r}"),
            );
            audit::note(tx, now, Act::Correct, "incident", Some(id), by, &why)?;
            Ok(IncidentId(id))
        })
    }
}
