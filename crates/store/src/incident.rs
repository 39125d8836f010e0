//! Incidents, their students and measures: created with a yearly number, corrected only with a
//! reason (the change log keeps what changed), voided but never deleted.

mod correct;
mod list;
mod new;
mod students;

use rusqlite::{Connection, OptionalExtension};

use super::log::{self, Kind};
use super::{Refusal, Store, StoreError, time};
use domain::history::LogEntry;
use domain::incident::{
    Bullying, Incident, IncidentDraft, IncidentId, Involved, PlaceRef, Severity, Source, Status,
};
use domain::patrol::CheckId;

use students::load_students;

pub(super) use new::insert_incident;

fn place_from(id: Option<String>, text: String) -> PlaceRef {
    match id {
        Some(id) => PlaceRef::Config(id),
        None => PlaceRef::Text(text),
    }
}

fn code<T>(v: Option<T>, what: &str) -> rusqlite::Result<T> {
    v.ok_or_else(|| rusqlite::Error::InvalidColumnName(format!("unknown {what} code")))
}

fn place_params(p: &PlaceRef) -> (Option<&str>, &str) {
    match p {
        PlaceRef::Config(id) => (Some(id.as_str()), ""),
        PlaceRef::Text(t) => (None, t.as_str()),
    }
}

impl Store {
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
