//! Queries behind the shift summary and the period report: what a shift did (from the change
//! log), rounds over a range of days, and the facts of incidents, follow-ups and hazards counted
//! by period. The screens and the `report` command both read through these.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Row, params};

use super::patrol::{LATEST_CHECKS_BETWEEN, LATEST_EXCEPTIONS_BETWEEN, check_from, exception_from};
use super::{Store, StoreError, time};
use domain::facts::{Activity, FactStudent, IncidentFacts, LogKind};
use domain::history::LogAction;
use domain::incident::{Bullying, IncidentId, PlaceRef, Role, Severity, Source, Status};
use domain::patrol::{CheckRecord, ExceptionRecord};
use domain::people::StudentId;
use domain::shift::{Shift, ShiftId};

const ACTIVITY: &str = "\
    SELECT l.kind, l.record_id, l.action, l.at, s.name, l.reason, l.shift_id \
    FROM change_log l JOIN staff s ON s.id = l.by_staff";

fn activity_from(r: &Row<'_>) -> rusqlite::Result<Activity> {
    Ok(Activity {
        kind: LogKind::from_code(&r.get::<_, String>(0)?).unwrap_or(LogKind::Incident),
        record: r.get(1)?,
        action: LogAction::from_code(&r.get::<_, String>(2)?),
        at: time::parse_ts(&r.get::<_, String>(3)?)?,
        by_name: r.get(4)?,
        reason: r.get(5)?,
        shift: ShiftId(r.get(6)?),
    })
}

impl Store {
    /// Every change made during a shift, oldest first.
    pub fn shift_activity(&self, shift: ShiftId) -> Result<Vec<Activity>, StoreError> {
        let sql = [ACTIVITY, " WHERE l.shift_id = ?1 ORDER BY l.id"].concat();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([shift.0], activity_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Changes made after `since` to records of a shift (made during it, or created in it and
    /// changed later from any shift): the corrections after its sign-off.
    pub fn activity_after(
        &self,
        shift: ShiftId,
        since: DateTime<Utc>,
    ) -> Result<Vec<Activity>, StoreError> {
        // Each part on its own index: the shift's entries, then each kind's records made in it.
        let sql = [
            ACTIVITY,
            " WHERE l.id IN ( \
                SELECT id FROM change_log WHERE shift_id = ?1 AND at > ?2 \
                UNION SELECT c.id FROM incident r JOIN change_log c \
                  ON c.kind = 'incident' AND c.record_id = r.id WHERE r.shift_id = ?1 AND c.at > ?2 \
                UNION SELECT c.id FROM followup r JOIN change_log c \
                  ON c.kind = 'followup' AND c.record_id = r.id WHERE r.shift_id = ?1 AND c.at > ?2 \
                UNION SELECT c.id FROM hazard r JOIN change_log c \
                  ON c.kind = 'hazard' AND c.record_id = r.id WHERE r.shift_id = ?1 AND c.at > ?2 \
                UNION SELECT c.id FROM report_slip r JOIN change_log c \
                  ON c.kind = 'slip' AND c.record_id = r.id WHERE r.shift_id = ?1 AND c.at > ?2) \
              ORDER BY l.id",
        ]
        .concat();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![shift.0, time::ts(since)], activity_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Shifts whose day is in `from..=to`, oldest first.
    pub fn shifts_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Shift>, StoreError> {
        super::shift::shifts_between(&self.conn, from, to)
    }

    /// The latest check of every round of the days `from..=to` (without items).
    pub fn round_checks_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<CheckRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(LATEST_CHECKS_BETWEEN)?;
        let rows = stmt.query_map([time::day(from), time::day(to)], check_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The latest written reason of every round of the days `from..=to` that has one.
    pub fn round_exceptions_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<ExceptionRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(LATEST_EXCEPTIONS_BETWEEN)?;
        let rows = stmt.query_map([time::day(from), time::day(to)], exception_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Incidents that happened in `from..to` and were not voided, with their students (those
    /// taken off by a correction left out), oldest first.
    pub fn incident_facts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<IncidentFacts>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, number, occurred_at, place_id, place_text, category, severity, source, status, bullying \
             FROM incident WHERE occurred_at >= ?1 AND occurred_at < ?2 AND voided_at IS NULL \
             ORDER BY occurred_at, id",
        )?;
        let range = params![time::ts(from), time::ts(to)];
        let mut facts: Vec<IncidentFacts> = stmt
            .query_map(range, |r| {
                let place: Option<String> = r.get(3)?;
                let code = |i: usize| r.get::<_, String>(i);
                Ok(IncidentFacts {
                    id: IncidentId(r.get(0)?),
                    number: r.get(1)?,
                    occurred_at: time::parse_ts(&r.get::<_, String>(2)?)?,
                    place: match place {
                        Some(id) => PlaceRef::Config(id),
                        None => PlaceRef::Text(r.get(4)?),
                    },
                    category: r.get(5)?,
                    severity: Severity::from_code(&code(6)?).unwrap_or(Severity::Minor),
                    source: Source::from_code(&code(7)?).unwrap_or(Source::Staff),
                    status: Status::from_code(&code(8)?).unwrap_or(Status::Open),
                    bullying: Bullying::from_code(&code(9)?).unwrap_or(Bullying::Pending),
                    students: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        let index: HashMap<IncidentId, usize> =
            facts.iter().enumerate().map(|(i, f)| (f.id, i)).collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.incident_id, s.id, s.name, s.class_name, x.role, x.measures \
             FROM incident_student x JOIN incident i ON i.id = x.incident_id \
             JOIN student s ON s.id = x.student_id \
             WHERE i.occurred_at >= ?1 AND i.occurred_at < ?2 AND i.voided_at IS NULL AND x.removed = 0 \
             ORDER BY x.incident_id, x.position",
        )?;
        let rows = stmt.query_map(range, |r| {
            let measures: String = r.get(5)?;
            Ok((
                IncidentId(r.get(0)?),
                FactStudent {
                    id: StudentId(r.get(1)?),
                    name: r.get(2)?,
                    class_name: r.get(3)?,
                    role: Role::from_code(&r.get::<_, String>(4)?).unwrap_or(Role::Witness),
                    measures: measures
                        .split(',')
                        .filter(|m| !m.is_empty())
                        .map(str::to_owned)
                        .collect(),
                },
            ))
        })?;
        for row in rows {
            let (incident, student) = row?;
            if let Some(&i) = index.get(&incident) {
                facts[i].students.push(student);
            }
        }
        Ok(facts)
    }
}
