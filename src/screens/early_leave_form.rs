//! A student leaving before the end of the day: who, which teacher approved it, whether the leave
//! slip was seen and the teacher phoned, who collected them, when.

use chrono::Duration;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::View;
use super::visit_form::valid_phone;
use crate::action::Action;
use crate::action::GateAction;
use crate::domain::clock::{format_when, parse_when};
use crate::domain::gate::EarlyLeaveDraft;
use crate::domain::people::StudentId;
use crate::domain::staff::StaffId;
use crate::domain::text::{self, TextKind};
use crate::widgets::Keys;
use crate::widgets::field::FieldError;
use crate::widgets::form::{Field, Form, Outcome, Pool};

const STUDENT: usize = 0;
const APPROVED_BY: usize = 1;
const SLIP: usize = 2;
const PHONED: usize = 3;
const COLLECTED_BY: usize = 4;
const RELATION: usize = 5;
const PHONE: usize = 6;
const TIME: usize = 7;
const NOTE: usize = 8;

#[derive(Debug, Clone)]
pub struct EarlyLeaveForm {
    form: Form,
}

impl EarlyLeaveForm {
    pub fn new(view: &View<'_>) -> EarlyLeaveForm {
        let s = view.s;
        let yes_no = || s.no_yes.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
        EarlyLeaveForm {
            form: Form::new(vec![
                Field::pick(s.fields.student, Pool::Students, None)
                    .required()
                    .hint(s.hints.type_to_find),
                Field::pick(s.fields.approved_by, Pool::Staff, None).required(),
                Field::choice(s.fields.slip_seen, yes_no(), 0),
                Field::choice(s.fields.teacher_confirmed, yes_no(), 0),
                Field::line(s.fields.collected_by, TextKind::Name, ""),
                Field::line(s.fields.relation, TextKind::Name, ""),
                Field::line(s.fields.phone, TextKind::Name, ""),
                Field::line(
                    s.fields.time_out,
                    TextKind::Name,
                    &format_when(view.now_utc(), &view.offset),
                )
                .required(),
                Field::line(s.fields.note, TextKind::Line, ""),
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
        let approved_by = match f.person(APPROVED_BY, true, view) {
            Ok(Some((id, _))) => StaffId(id),
            Ok(None) => return f.fail(APPROVED_BY, FieldError::Required),
            Err(e) => return f.fail(APPROVED_BY, e),
        };
        let mut lines = Vec::new();
        for i in [COLLECTED_BY, RELATION] {
            match text::validate(TextKind::Name, &f.text(i), false) {
                Ok(v) => lines.push(v),
                Err(e) => return f.fail(i, e.into()),
            }
        }
        let phone = f.text(PHONE);
        if !valid_phone(&phone) {
            return f.fail(PHONE, FieldError::BadPhone);
        }
        let Some(time_out) = parse_when(&f.text(TIME), view.now_local()) else {
            return f.fail(TIME, FieldError::BadTime);
        };
        if time_out > view.now_utc() + Duration::minutes(5) {
            return f.fail(TIME, FieldError::InFuture);
        }
        let note = match text::validate(TextKind::Line, &f.text(NOTE), false) {
            Ok(n) => n,
            Err(e) => return f.fail(NOTE, e.into()),
        };
        let relation = lines.pop().unwrap_or_default();
        let collected_by = lines.pop().unwrap_or_default();
        Some(Action::Gate(GateAction::CreateEarlyLeave(
            EarlyLeaveDraft {
                student,
                approved_by,
                slip_seen: f.choice(SLIP) == 1,
                teacher_confirmed: f.choice(PHONED) == 1,
                collected_by,
                relation,
                phone,
                time_out,
                note,
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
        let [title, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(view.s.early_leave_title, view.theme.title)),
            title,
        );
        self.form.render(frame, body, view, view.caret);
    }
}
