//! Incidents: what happened, where and when, to and by whom, what was done, whether it is
//! bullying, and the 10-day investigation clock.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::history::{Change, diff};
use super::patrol::CheckId;
use super::people::{Student, StudentId};
use super::staff::StaffId;
use crate::coded;

coded! {
    /// A student's part in an incident.
    pub enum Role { Initiator = "initiator", Target = "target", Witness = "witness", Reporter = "reporter" }
}

coded! {
    pub enum Severity { Minor = "minor", Moderate = "moderate", Serious = "serious", Critical = "critical" }
}

coded! {
    /// How the school learned of it.
    pub enum Source {
        Patrol = "patrol", Mailbox = "mailbox", Student = "student", Parent = "parent",
        Staff = "staff", Camera = "camera",
    }
}

coded! {
    pub enum Status {
        Open = "open", Investigating = "investigating", Resolved = "resolved",
        Referred = "referred", Closed = "closed",
    }
}

coded! {
    /// Whether the school has decided the incident is bullying.
    pub enum Bullying { Pending = "pending", Yes = "yes", No = "no" }
}

impl Status {
    /// Still being worked: the investigation clock runs.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Open | Status::Investigating)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IncidentId(pub i64);

/// A place from the configuration, or one typed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceRef {
    Config(String),
    Text(String),
}

impl PlaceRef {
    pub fn id(&self) -> Option<&str> {
        match self {
            PlaceRef::Config(id) => Some(id),
            PlaceRef::Text(_) => None,
        }
    }
}

/// A student on an incident, as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvolvedDraft {
    pub student: StudentId,
    pub role: Role,
    /// Measure ids from the configuration.
    pub measures: Vec<String>,
    pub parents_told_at: Option<DateTime<Utc>>,
    pub parents_told_by: Option<StaffId>,
}

/// An incident ready to store (new, or the corrected whole of an existing one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentDraft {
    pub occurred_at: DateTime<Utc>,
    pub place: PlaceRef,
    pub category: String,
    pub severity: Severity,
    pub source: Source,
    pub narrative: String,
    pub child_words: String,
    pub immediate_action: String,
    pub bullying: Bullying,
    pub bullying_on: Option<NaiveDate>,
    pub status: Status,
    pub students: Vec<InvolvedDraft>,
    pub from_check: Option<CheckId>,
}

/// A student on a stored incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Involved {
    pub student: Student,
    pub role: Role,
    pub measures: Vec<String>,
    pub parents_told_at: Option<DateTime<Utc>>,
    pub parents_told_by: Option<(StaffId, String)>,
}

impl Involved {
    /// The student's part as a draft takes it (the staff member who told the parents by id).
    pub fn draft(&self) -> InvolvedDraft {
        InvolvedDraft {
            student: self.student.id,
            role: self.role,
            measures: self.measures.clone(),
            parents_told_at: self.parents_told_at,
            parents_told_by: self.parents_told_by.as_ref().map(|(id, _)| *id),
        }
    }
}

/// An incident as stored, whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub id: IncidentId,
    pub number: String,
    pub entered_at: DateTime<Utc>,
    pub entered_by: String,
    pub draft: IncidentDraft,
    pub students: Vec<Involved>,
    pub voided: Option<(DateTime<Utc>, String)>,
    pub version: i64,
}

/// One line of the incident list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentRow {
    pub id: IncidentId,
    pub number: String,
    pub occurred_at: DateTime<Utc>,
    pub entered_at: DateTime<Utc>,
    pub place: PlaceRef,
    pub category: String,
    pub severity: Severity,
    pub status: Status,
    pub bullying: Bullying,
    /// "name (role)" of each student, in order.
    pub students: Vec<(String, Role)>,
    pub voided: bool,
}

/// What the incident list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IncidentFilter {
    pub status: Option<Status>,
    pub category: Option<String>,
    pub place: Option<String>,
    /// Happened at or after this instant (the start of the first local day chosen).
    pub from: Option<DateTime<Utc>>,
    /// Happened before this instant (the end of the last local day chosen).
    pub to: Option<DateTime<Utc>>,
    pub student: Option<StudentId>,
    /// Words to find in the number, narrative, child's words, action or a student's name.
    pub text: String,
    pub include_voided: bool,
}

/// Days an investigation may take from the incident's entry.
pub const INVESTIGATION_DAYS: i64 = 10;

/// An incident entered this long after it happened is shown as backdated.
pub const BACKDATED_AFTER_MINUTES: i64 = 60;

/// Days left on the investigation clock (negative: overdue), or none once it has stopped: the
/// bullying question decided, or the incident no longer open.
pub fn investigation_days_left(
    entered_on: NaiveDate,
    status: Status,
    bullying: Bullying,
    today: NaiveDate,
) -> Option<i64> {
    if !status.is_open() || bullying != Bullying::Pending {
        return None;
    }
    Some((entered_on + Duration::days(INVESTIGATION_DAYS) - today).num_days())
}

/// Whether the incident was entered well after it happened.
pub fn is_backdated(occurred_at: DateTime<Utc>, entered_at: DateTime<Utc>) -> bool {
    entered_at - occurred_at > Duration::minutes(BACKDATED_AFTER_MINUTES)
}

/// The incident number for a year and sequence: `2026-0042`.
pub fn number(year: i32, seq: i64) -> String {
    format!("{year}-{seq:04}")
}

/// Field names used in the change log of an incident.
pub mod field {
    pub const OCCURRED_AT: &str = "occurred_at";
    pub const PLACE: &str = "place";
    pub const CATEGORY: &str = "category";
    pub const SEVERITY: &str = "severity";
    pub const SOURCE: &str = "source";
    pub const NARRATIVE: &str = "narrative";
    pub const CHILD_WORDS: &str = "child_words";
    pub const IMMEDIATE_ACTION: &str = "immediate_action";
    pub const BULLYING: &str = "bullying";
    pub const BULLYING_ON: &str = "bullying_on";
    pub const STATUS: &str = "status";
    /// Followed by `:` and the student's name.
    pub const STUDENT: &str = "student";
}

fn place_value(p: &PlaceRef) -> String {
    match p {
        PlaceRef::Config(id) => id.clone(),
        PlaceRef::Text(t) => t.clone(),
    }
}

/// A student's entry on an incident as one comparable value:
/// `role; measures; parents told at; told by`.
fn involved_value(
    role: Role,
    measures: &[String],
    told: Option<DateTime<Utc>>,
    by: &str,
) -> String {
    format!(
        "{}; {}; {}; {by}",
        role.code(),
        measures.join("+"),
        told.map(|t| t.to_rfc3339()).unwrap_or_default()
    )
}

/// Looks up the names a change log shows instead of ids.
pub struct Names<'a> {
    pub student: &'a dyn Fn(StudentId) -> String,
    pub staff: &'a dyn Fn(StaffId) -> String,
}

/// What a correction changes, field by field, for the change log.
pub fn changes(old: &Incident, new: &IncidentDraft, names: &Names<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    draft_changes(&mut out, &old.draft, new);
    student_changes(&mut out, old, new, names);
    out
}

/// The incident's own fields, in the order the form shows them.
fn draft_changes(out: &mut Vec<Change>, o: &IncidentDraft, new: &IncidentDraft) {
    let ts = |t: DateTime<Utc>| t.to_rfc3339();
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    diff(
        out,
        field::OCCURRED_AT,
        &ts(o.occurred_at),
        &ts(new.occurred_at),
    );
    diff(
        out,
        field::PLACE,
        &place_value(&o.place),
        &place_value(&new.place),
    );
    diff(out, field::CATEGORY, &o.category, &new.category);
    diff(out, field::SEVERITY, o.severity.code(), new.severity.code());
    diff(out, field::SOURCE, o.source.code(), new.source.code());
    diff(out, field::NARRATIVE, &o.narrative, &new.narrative);
    diff(out, field::CHILD_WORDS, &o.child_words, &new.child_words);
    diff(
        out,
        field::IMMEDIATE_ACTION,
        &o.immediate_action,
        &new.immediate_action,
    );
    diff(out, field::BULLYING, o.bullying.code(), new.bullying.code());
    diff(
        out,
        field::BULLYING_ON,
        &day(o.bullying_on),
        &day(new.bullying_on),
    );
    diff(out, field::STATUS, o.status.code(), new.status.code());
}

/// The students involved: each one already on the incident (changed or taken off), then each
/// one added.
fn student_changes(out: &mut Vec<Change>, old: &Incident, new: &IncidentDraft, names: &Names<'_>) {
    let by = |id: Option<StaffId>| id.map(|b| (names.staff)(b)).unwrap_or_default();
    for s in &old.students {
        let old_by = s
            .parents_told_by
            .as_ref()
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let before = involved_value(s.role, &s.measures, s.parents_told_at, &old_by);
        let after = new
            .students
            .iter()
            .find(|n| n.student == s.student.id)
            .map(|n| {
                involved_value(
                    n.role,
                    &n.measures,
                    n.parents_told_at,
                    &by(n.parents_told_by),
                )
            })
            .unwrap_or_default();
        diff(
            out,
            &format!("{}:{}", field::STUDENT, s.student.name),
            &before,
            &after,
        );
    }
    for n in &new.students {
        if !old.students.iter().any(|s| s.student.id == n.student) {
            let after = involved_value(
                n.role,
                &n.measures,
                n.parents_told_at,
                &by(n.parents_told_by),
            );
            diff(
                out,
                &format!("{}:{}", field::STUDENT, (names.student)(n.student)),
                "",
                &after,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn the_clock_counts_ten_days_and_stops_when_decided() {
        let opened = d("2026-11-30");
        let open =
            |today| investigation_days_left(opened, Status::Open, Bullying::Pending, d(today));
        assert_eq!(open("2026-11-30"), Some(10));
        assert_eq!(open("2026-12-10"), Some(0));
        assert_eq!(open("2026-12-12"), Some(-2));
        assert_eq!(
            investigation_days_left(
                opened,
                Status::Investigating,
                Bullying::Yes,
                d("2026-12-12")
            ),
            None
        );
        assert_eq!(
            investigation_days_left(opened, Status::Closed, Bullying::Pending, d("2026-12-12")),
            None
        );
    }

    #[test]
    fn numbers_have_the_year_and_four_digits() {
        assert_eq!(number(2026, 42), "2026-0042");
        assert_eq!(number(2026, 12345), "2026-12345");
    }

    #[test]
    fn codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(*r));
        }
        assert_eq!(Status::from_code("nonsense"), None);
    }
}
