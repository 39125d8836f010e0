//! A new follow-up, for an incident, a hazard, a student or on its own: what kind, about which
//! student, a note, who owns it and by when.

use chrono::Duration;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::View;
use crate::action::Action;
use crate::action::FollowupAction;
use crate::domain::clock::{format_when, parse_when};
use crate::domain::followup::{FollowupDraft, Kind};
use crate::domain::hazard::HazardId;
use crate::domain::incident::IncidentId;
use crate::domain::people::StudentId;
use crate::domain::staff::StaffId;
use crate::domain::text::TextKind;
use crate::widgets::Keys;
use crate::widgets::field::FieldError;
use crate::widgets::form::{Field, Form, Outcome, Pool};

const KIND: usize = 0;
const STUDENT: usize = 1;
const NOTE: usize = 2;
const OWNER: usize = 3;
const DUE: usize = 4;

/// What the follow-up is linked to, with a name to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Link {
    pub incident: Option<(IncidentId, String)>,
    pub hazard: Option<(HazardId, String)>,
}

#[derive(Debug, Clone)]
pub struct FollowupForm {
    link: Link,
    form: Form,
}

impl FollowupForm {
    pub fn new(
        view: &View<'_>,
        link: Link,
        student: Option<(StudentId, String)>,
        kind: Kind,
    ) -> FollowupForm {
        let s = view.s;
        let owner = view
            .data
            .operator
            .zip(view.data.operator_name())
            .map(|(id, n)| (id.0, n.to_owned()));
        let due = view.now_utc() + Duration::days(1);
        FollowupForm {
            link,
            form: Form::new(vec![
                Field::choice(
                    s.fields.kind,
                    s.followup_kinds.iter().map(|k| (*k).to_owned()).collect(),
                    kind.index(),
                ),
                Field::pick(
                    s.fields.student,
                    Pool::Students,
                    student.map(|(id, n)| (id.0, n)),
                )
                .hint(s.hints.type_to_find),
                Field::line(s.fields.note, TextKind::Line, ""),
                Field::pick(s.fields.owner, Pool::Staff, owner).required(),
                Field::line(
                    s.fields.due,
                    TextKind::Name,
                    &format_when(due, &view.offset),
                )
                .required()
                .hint(s.hints.when),
            ]),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.form.dirty
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        match self.form.handle_key(key, view) {
            Outcome::Leave => Some(Action::LeaveForm {
                dirty: self.form.dirty,
            }),
            Outcome::Save | Outcome::Pass => self.save(view),
            Outcome::Handled => None,
        }
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        self.form.handle_paste(pasted);
    }

    fn save(&mut self, view: &View<'_>) -> Option<Action> {
        let f = &mut self.form;
        let kind = Kind::ALL
            .get(f.choice(KIND))
            .copied()
            .unwrap_or(Kind::Other);
        let student = match f.person(STUDENT, false, view) {
            Ok(s) => s.map(|(id, _)| StudentId(id)),
            Err(e) => return f.fail(STUDENT, e),
        };
        if student.is_none() && self.link == Link::default() {
            return f.fail(STUDENT, FieldError::Required);
        }
        let note = match crate::domain::text::validate(TextKind::Line, &f.text(NOTE), false) {
            Ok(n) => n,
            Err(e) => return f.fail(NOTE, e.into()),
        };
        let owner = match f.person(OWNER, true, view) {
            Ok(Some((id, _))) => StaffId(id),
            Ok(None) => return f.fail(OWNER, FieldError::Required),
            Err(e) => return f.fail(OWNER, e),
        };
        let Some(due_at) = parse_when(&f.text(DUE), view.now_local()) else {
            return f.fail(DUE, FieldError::BadTime);
        };
        if due_at < view.now_utc() - chrono::Duration::minutes(1) {
            return f.fail(DUE, FieldError::InPast);
        }
        Some(Action::Followup(FollowupAction::CreateFollowup(
            FollowupDraft {
                kind,
                incident: self.link.incident.as_ref().map(|(id, _)| *id),
                hazard: self.link.hazard.as_ref().map(|(id, _)| *id),
                student,
                note,
                owner,
                due_at,
            },
        )))
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        vec![
            ("Tab", s.keys.next_field),
            ("←→", s.keys.change),
            ("Ctrl+S", s.keys.save),
            ("Esc", s.keys.back),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let [title, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
        let about = match (&self.link.incident, &self.link.hazard) {
            (Some((_, number)), _) => {
                format!("{} · {} {number}", s.new_followup_title, s.incident_word)
            }
            (None, Some((_, desc))) => format!(
                "{} · {}",
                s.new_followup_title,
                crate::screens::truncate(&crate::domain::text::line(desc), 40)
            ),
            (None, None) => s.new_followup_title.to_owned(),
        };
        frame.render_widget(Paragraph::new(Span::styled(about, theme.title)), title);
        self.form.render(frame, body, view, view.caret);
    }
}
