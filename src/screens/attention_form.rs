//! Putting a student on the special-attention register: who, why (one or more of the school's
//! categories), the responsible teacher, how often the case is reviewed, and a note.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::View;
use crate::action::Action;
use crate::action::AttentionAction;
use crate::domain::attention::{AttentionDraft, Reason};
use crate::domain::people::StudentId;
use crate::domain::staff::StaffId;
use crate::domain::text::TextKind;
use crate::widgets::Keys;
use crate::widgets::field::FieldError;
use crate::widgets::form::{Field, Form, Input, Outcome, Pool};

const STUDENT: usize = 0;
const REASONS: usize = 1;
const TEACHER: usize = 2;
const DAYS: usize = 3;
const NOTE: usize = 4;

#[derive(Debug, Clone)]
pub struct AttentionForm {
    form: Form,
}

impl AttentionForm {
    pub fn new(view: &View<'_>) -> AttentionForm {
        let s = view.s;
        AttentionForm {
            form: Form::new(vec![
                Field::pick(s.attention.student, Pool::Students, None)
                    .required()
                    .hint(s.hints.type_to_find),
                Field::multi(
                    s.attention.reason,
                    s.attention
                        .reasons
                        .iter()
                        .map(|r| (*r).to_owned())
                        .collect(),
                    vec![false; Reason::ALL.len()],
                ),
                Field::pick(s.attention.teacher, Pool::Staff, None).required(),
                Field::line(s.attention.review_days, TextKind::Name, "30").required(),
                Field::area(s.attention.note, "", 3),
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
        let student = match f.person(STUDENT, true, view) {
            Ok(Some((id, _))) => StudentId(id),
            Ok(None) => return f.fail(STUDENT, FieldError::Required),
            Err(e) => return f.fail(STUDENT, e),
        };
        let reasons: Vec<Reason> = match &f.field(REASONS).input {
            Input::Multi(m) => Reason::ALL
                .iter()
                .zip(&m.checked)
                .filter(|(_, on)| **on)
                .map(|(r, _)| *r)
                .collect(),
            _ => Vec::new(),
        };
        if reasons.is_empty() {
            return f.fail(REASONS, FieldError::Required);
        }
        let teacher = match f.person(TEACHER, true, view) {
            Ok(Some((id, _))) => StaffId(id),
            Ok(None) => return f.fail(TEACHER, FieldError::Required),
            Err(e) => return f.fail(TEACHER, e),
        };
        let Some(review_days) = f
            .text(DAYS)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=365).contains(d))
        else {
            return f.fail(DAYS, FieldError::Days);
        };
        let note = match f.area(NOTE, false) {
            Ok(n) => n,
            Err(e) => return f.fail(NOTE, e),
        };
        Some(Action::Attention(AttentionAction::CreateAttention(
            AttentionDraft {
                student,
                reasons,
                teacher,
                review_days,
                note,
            },
        )))
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        vec![
            ("Tab", s.keys.next_field),
            ("Ctrl+S", s.keys.save),
            ("Esc", s.keys.back),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let [title, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(s.attention.form_title, theme.title)),
            title,
        );
        self.form.render(frame, body, view, view.caret);
    }
}
