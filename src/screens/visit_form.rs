//! Signing a visitor in: name (earlier visitors offered after a few characters; choosing one fills
//! the rest from their last visit), phone, where from, identity document (a resident ID number
//! checked as it is typed), purpose, whom they visit, and the rest of the paper ledger's columns.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::View;
use crate::action::Action;
use crate::action::GateAction;
use crate::domain::gate::{Document, VisitDraft, Visitor, VisitorId};
use crate::domain::idcard::{self, DocType};
use crate::domain::staff::StaffId;
use crate::domain::text::{self, TextKind};
use crate::widgets::Keys;
use crate::widgets::field::FieldError;
use crate::widgets::form::{Field, Form, Input, Outcome, Pool};

const NAME: usize = 0;
const PHONE: usize = 1;
const ORGANISATION: usize = 2;
const DOC_TYPE: usize = 3;
const DOC_NUMBER: usize = 4;
const PURPOSE: usize = 5;
const HOST: usize = 6;
const CONFIRMED: usize = 7;
const PLATE: usize = 8;
const PASS: usize = 9;

#[derive(Debug, Clone)]
pub struct VisitForm {
    form: Form,
    /// The earlier visitor chosen, whose document is kept when the number is left empty.
    visitor: Option<Visitor>,
}

/// Whether `phone` looks like a phone number.
pub fn valid_phone(phone: &str) -> bool {
    phone.chars().count() <= 20
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' '))
}

impl VisitForm {
    pub fn new(view: &View<'_>) -> VisitForm {
        let s = view.s;
        let line = |label, kind| Field::line(label, kind, "");
        VisitForm {
            form: Form::new(vec![
                Field::pick(s.fields.visitor_name, Pool::Visitors, None)
                    .required()
                    .hint(s.hints.visitor_name),
                line(s.fields.phone, TextKind::Name),
                line(s.fields.organisation, TextKind::Name),
                Field::choice(
                    s.fields.doc_type,
                    s.doc_types.iter().map(|t| (*t).to_owned()).collect(),
                    0,
                ),
                line(s.fields.doc_number, TextKind::Name),
                line(s.fields.purpose, TextKind::Line).required(),
                Field::pick(s.fields.host, Pool::Staff, None),
                Field::choice(
                    s.fields.host_confirmed,
                    s.no_yes.iter().map(|t| (*t).to_owned()).collect(),
                    0,
                ),
                line(s.fields.plate, TextKind::Name),
                line(s.fields.pass_no, TextKind::Name),
            ]),
            visitor: None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.form.dirty
    }

    fn doc_type(&self) -> DocType {
        DocType::ALL
            .get(self.form.choice(DOC_TYPE))
            .copied()
            .unwrap_or(DocType::None)
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let before = self.chosen_visitor();
        let out = self.form.handle_key(key, view);
        self.edited(before, view);
        match out {
            Outcome::Leave => Some(Action::LeaveForm {
                dirty: self.form.dirty,
            }),
            Outcome::Save | Outcome::Pass => self.save(view),
            Outcome::Handled => None,
        }
    }

    /// A paste is an edit like typing: it may change the chosen visitor or the number.
    pub fn handle_paste(&mut self, pasted: &str, view: &View<'_>) {
        let before = self.chosen_visitor();
        self.form.handle_paste(pasted);
        self.edited(before, view);
    }

    /// After any edit: follows a change of the chosen earlier visitor, and checks the number.
    fn edited(&mut self, before: Option<i64>, view: &View<'_>) {
        let after = self.chosen_visitor();
        if after != before {
            self.fill_from(after, view);
        }
        self.check_number(view);
    }

    fn chosen_visitor(&self) -> Option<i64> {
        match &self.form.field(NAME).input {
            Input::Pick(p) => p.chosen.as_ref().map(|(id, _)| *id),
            _ => None,
        }
    }

    /// Fills the form from an earlier visitor's last visit, to be confirmed or changed.
    fn fill_from(&mut self, chosen: Option<i64>, view: &View<'_>) {
        self.visitor = chosen.and_then(|id| {
            view.data
                .visitors
                .iter()
                .find(|v| v.id == VisitorId(id))
                .cloned()
        });
        let Some(v) = self.visitor.clone() else {
            return;
        };
        let set = |form: &mut Form, i: usize, value: &str| {
            if let Input::Line(t) = &mut form.field_mut(i).input {
                t.set_value(value);
            }
        };
        set(&mut self.form, PHONE, &v.phone);
        set(&mut self.form, ORGANISATION, &v.organisation);
        set(&mut self.form, PURPOSE, &v.purpose);
        set(&mut self.form, PLATE, &v.plate);
        set(&mut self.form, DOC_NUMBER, "");
        if let Input::Choice(c) = &mut self.form.field_mut(DOC_TYPE).input {
            c.selected = v.document.doc_type.unwrap_or(DocType::None).index();
        }
        if let Some((id, name)) = &v.host
            && let Input::Pick(p) = &mut self.form.field_mut(HOST).input
        {
            p.field.set_value(name);
            p.chosen = Some((id.0, name.clone()));
        }
    }

    /// Checks a resident ID number as it is typed: the field says what is wrong, or that it is
    /// good; an unfinished number only counts its characters.
    fn check_number(&mut self, view: &View<'_>) {
        let number = self.form.text(DOC_NUMBER);
        let resident = self.doc_type() == DocType::ResidentId;
        let kept = self
            .visitor
            .as_ref()
            .filter(|v| !v.document.last4.is_empty())
            .map(|v| {
                let stored = v.document.full.as_deref().unwrap_or(&v.document.last4);
                (view.s.hints.keep_document)(&idcard::masked(stored, 18))
            });
        let field = self.form.field_mut(DOC_NUMBER);
        field.hint = None;
        if let Input::Line(t) = &mut field.input
            && t.error != Some(FieldError::Forbidden)
            && !matches!(t.error, Some(FieldError::TooLong { .. }))
        {
            t.error = None;
        }
        field.error = None;
        if number.is_empty() {
            field.dynamic_hint = kept;
            return;
        }
        field.dynamic_hint = None;
        if !resident {
            return;
        }
        match idcard::validate_resident_id(&number, view.now.date()) {
            Ok(_) => field.hint = Some(view.s.id_ok),
            // Still typing: count, do not scold.
            Err(idcard::IdError::Length { have }) if have < 18 => {
                field.dynamic_hint = Some((view.s.errors.id_length)(have));
            }
            Err(e) => field.error = Some(FieldError::Id(e)),
        }
    }

    fn save(&mut self, view: &View<'_>) -> Option<Action> {
        let f = &mut self.form;
        let name = match text::validate(TextKind::Name, &f.text(NAME), true) {
            Ok(n) => n,
            Err(e) => return f.fail(NAME, e.into()),
        };
        let phone = f.text(PHONE);
        if !valid_phone(&phone) {
            return f.fail(PHONE, FieldError::BadPhone);
        }
        let organisation = f.text(ORGANISATION);
        let doc_type = DocType::ALL
            .get(f.choice(DOC_TYPE))
            .copied()
            .unwrap_or(DocType::None);
        let number = f.text(DOC_NUMBER);
        // What is kept from an earlier visit belongs to that visitor only: a form whose name
        // was changed to someone else's takes nothing from it.
        let earlier = self.visitor.as_ref().filter(|v| v.name == name);
        let document = if number.is_empty() {
            earlier.map(|v| v.document.clone()).unwrap_or_default()
        } else if doc_type == DocType::ResidentId {
            match idcard::validate_resident_id(&number, view.now.date()) {
                Ok(n) => Document {
                    doc_type: Some(doc_type),
                    last4: idcard::last_four(&n),
                    full: view.cfg.gate.store_full_id.then(|| n.clone()),
                    verified: true,
                },
                Err(e) => return f.fail(DOC_NUMBER, FieldError::Id(e)),
            }
        } else {
            Document {
                doc_type: Some(doc_type),
                last4: idcard::last_four(&number),
                full: view.cfg.gate.store_full_id.then(|| number.clone()),
                verified: false,
            }
        };
        let purpose = match text::validate(TextKind::Line, &f.text(PURPOSE), true) {
            Ok(p) => p,
            Err(e) => return f.fail(PURPOSE, e.into()),
        };
        let host = match f.person(HOST, false, view) {
            Ok(h) => h.map(|(id, _)| StaffId(id)),
            Err(e) => return f.fail(HOST, e),
        };
        Some(Action::Gate(GateAction::SignIn(Box::new(VisitDraft {
            visitor: earlier.map(|v| v.id),
            name,
            phone,
            organisation,
            document,
            typed_number: number,
            purpose,
            host,
            host_confirmed: f.choice(CONFIRMED) == 1,
            plate: f.text(PLATE),
            pass_no: f.text(PASS),
        }))))
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        vec![
            ("Tab", s.keys.next_field),
            ("↓", s.keys.choose),
            ("Ctrl+S", s.keys.save),
            ("Esc", s.keys.back),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let [title, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
        let head = format!(
            "{} · {} {}",
            view.s.sign_in_title,
            view.s.fields.time,
            crate::domain::clock::hhmm(view.now.time())
        );
        frame.render_widget(Paragraph::new(Span::styled(head, view.theme.title)), title);
        self.form.render(frame, body, view, view.caret);
    }
}
