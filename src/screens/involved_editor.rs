//! The popup for one student on an incident: who (type-ahead over the student list), their role,
//! the measures taken for them, and when their parents were told and by whom.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::View;
use crate::domain::clock::{format_when, parse_when};
use crate::domain::incident::{Involved, InvolvedDraft, Role};
use crate::domain::people::StudentId;
use crate::domain::staff::StaffId;
use crate::domain::text::TextKind;
use crate::widgets::field::FieldError;
use crate::widgets::form::{self, Field, Form, Input, Outcome, Pool};
use crate::widgets::popup;

const STUDENT: usize = 0;
const ROLE: usize = 1;
const MEASURES: usize = 2;
const TOLD_AT: usize = 3;
const TOLD_BY: usize = 4;

/// A student on the incident form, before saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub student: StudentId,
    pub name: String,
    pub role: Role,
    pub measures: Vec<String>,
    pub told_at: Option<DateTime<Utc>>,
    pub told_by: Option<(StaffId, String)>,
}

impl Row {
    /// A student already on the incident, to correct.
    pub fn of(i: &Involved) -> Row {
        Row {
            student: i.student.id,
            name: i.student.name.clone(),
            role: i.role,
            measures: i.measures.clone(),
            told_at: i.parents_told_at,
            told_by: i.parents_told_by.clone(),
        }
    }

    /// The row as the incident's draft takes it.
    pub fn draft(&self) -> InvolvedDraft {
        InvolvedDraft {
            student: self.student,
            role: self.role,
            measures: self.measures.clone(),
            parents_told_at: self.told_at,
            parents_told_by: self.told_by.as_ref().map(|(id, _)| *id),
        }
    }
}

pub enum EditorOutcome {
    Stay,
    Cancel,
    Done(Row),
}

#[derive(Debug, Clone)]
pub struct InvolvedEditor {
    form: Form,
    /// Which row of the incident form this edits (none: a new one).
    pub editing: Option<usize>,
}

impl InvolvedEditor {
    pub fn new(view: &View<'_>, row: Option<&Row>, editing: Option<usize>) -> InvolvedEditor {
        let s = view.s;
        let measures = &view.cfg.measures;
        let fields = vec![
            Field::pick(
                s.fields.student,
                Pool::Students,
                row.map(|r| (r.student.0, r.name.clone())),
            )
            .required()
            .hint(s.hints.type_to_find),
            Field::choice(
                s.fields.role,
                Role::ALL.iter().map(|r| s.role(*r).to_owned()).collect(),
                row.map_or(1, |r| r.role.index()),
            ),
            Field::multi(
                s.fields.measures,
                measures
                    .iter()
                    .map(|m| m.name.get(view.lang).to_owned())
                    .collect(),
                measures
                    .iter()
                    .map(|m| row.is_some_and(|r| r.measures.contains(&m.id)))
                    .collect(),
            ),
            Field::line(
                s.fields.parents_told_at,
                TextKind::Name,
                &row.and_then(|r| r.told_at)
                    .map(|t| format_when(t, &view.offset))
                    .unwrap_or_default(),
            )
            .hint(s.hints.when),
            Field::pick(
                s.fields.told_by,
                Pool::Staff,
                row.and_then(|r| r.told_by.as_ref())
                    .map(|(id, n)| (id.0, n.clone())),
            ),
        ];
        InvolvedEditor {
            form: Form::new(fields),
            editing,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> EditorOutcome {
        match self.form.handle_key(key, view) {
            Outcome::Leave => EditorOutcome::Cancel,
            Outcome::Save | Outcome::Pass => self
                .parse(view)
                .map_or(EditorOutcome::Stay, EditorOutcome::Done),
            Outcome::Handled => EditorOutcome::Stay,
        }
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        self.form.handle_paste(pasted);
    }

    /// The row the popup holds, or none after marking the first field in error: the time the
    /// parents were told, then who told them, then the student.
    fn parse(&mut self, view: &View<'_>) -> Option<Row> {
        let student = self.student(view);
        let role = match &self.form.field(ROLE).input {
            Input::Choice(c) => Role::ALL.get(c.selected).copied(),
            _ => None,
        };
        let measures = self.measures(view);
        let told_at = self.checked(TOLD_AT, self.told_at(view))?;
        let told_by = self.checked(TOLD_BY, self.told_by(view))?;
        let (id, name) = self.checked(STUDENT, student)?;
        Some(Row {
            student: StudentId(id),
            name,
            role: role.unwrap_or(Role::Target),
            measures,
            told_at,
            told_by,
        })
    }

    /// `value`, or none after marking `field` with the error and focusing it.
    fn checked<T>(&mut self, field: usize, value: Result<T, FieldError>) -> Option<T> {
        value.map_err(|e| self.fail(field, e)).ok()
    }

    /// The student picked; a name typed that matches nobody is not a student.
    fn student(&self, view: &View<'_>) -> Result<(i64, String), FieldError> {
        let input = &self.form.field(STUDENT).input;
        let picked = match input {
            Input::Pick(p) => form::picked(p, view),
            _ => None,
        };
        picked.ok_or_else(|| {
            let empty = matches!(input, Input::Pick(p) if p.field.value().trim().is_empty());
            if empty {
                FieldError::Required
            } else {
                FieldError::NoSuchPerson
            }
        })
    }

    /// The ids of the measures ticked, in the configured order.
    fn measures(&self, view: &View<'_>) -> Vec<String> {
        match &self.form.field(MEASURES).input {
            Input::Multi(m) => view
                .cfg
                .measures
                .iter()
                .zip(&m.checked)
                .filter(|(_, on)| **on)
                .map(|(m, _)| m.id.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// When the parents were told: none if left empty, an error if not a time.
    fn told_at(&self, view: &View<'_>) -> Result<Option<DateTime<Utc>>, FieldError> {
        let told_text = match &self.form.field(TOLD_AT).input {
            Input::Line(t) => t.value().trim().to_owned(),
            _ => String::new(),
        };
        if told_text.is_empty() {
            return Ok(None);
        }
        parse_when(&told_text, view.now_local())
            .map(Some)
            .ok_or(FieldError::BadTime)
    }

    /// Who told the parents: none if left empty, an error if the name matches no staff.
    fn told_by(&self, view: &View<'_>) -> Result<Option<(StaffId, String)>, FieldError> {
        match &self.form.field(TOLD_BY).input {
            Input::Pick(p) if !p.field.value().trim().is_empty() => form::picked(p, view)
                .map(|(id, name)| Some((StaffId(id), name)))
                .ok_or(FieldError::NoSuchPerson),
            _ => Ok(None),
        }
    }

    /// The student chosen is already on the incident.
    pub fn already_listed(&mut self) {
        self.fail(STUDENT, FieldError::AlreadyListed);
    }

    fn fail(&mut self, field: usize, e: FieldError) {
        self.form.field_mut(field).error = Some(e);
        self.form.focus_on(field);
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let height = (u16::try_from(view.cfg.measures.len()).unwrap_or(6) + 12).min(area.height);
        let inner = popup::frame_box(
            frame,
            area,
            74,
            height,
            view.s.student_on_incident,
            view.theme,
        );
        self.form.render(frame, inner, view, true);
    }
}
