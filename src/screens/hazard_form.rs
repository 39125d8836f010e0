//! Recording a hazard or dispute: its kind, where, what, the risk level (which sets the due
//! date), who owns it, and the steps taken so far.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::View;
use crate::action::Action;
use crate::action::HazardAction;
use crate::domain::hazard::{HazardDraft, HazardKind};
use crate::domain::patrol::CheckId;
use crate::domain::staff::StaffId;
use crate::domain::text::TextKind;
use crate::widgets::Keys;
use crate::widgets::form::{Field, Form, Input, Outcome, Pool};

const KIND: usize = 0;
const PLACE: usize = 1;
const PLACE_TEXT: usize = 2;
const DESCRIPTION: usize = 3;
const RISK: usize = 4;
const OWNER: usize = 5;
const STEPS: usize = 6;

#[derive(Debug, Clone)]
pub struct HazardForm {
    form: Form,
    from_check: Option<CheckId>,
}

impl HazardForm {
    /// A form, blank or filled from a patrol problem (place and description).
    pub fn new(
        view: &View<'_>,
        place: Option<&str>,
        description: &str,
        from_check: Option<CheckId>,
    ) -> HazardForm {
        let s = view.s;
        let cfg = view.cfg;
        let places = super::place_labels(view);
        let place_index = place
            .and_then(|id| cfg.places.iter().position(|p| p.id == id))
            .unwrap_or(0);
        let risks: Vec<String> = cfg
            .risks
            .iter()
            .map(|r| format!("{} ({})", r.name.get(view.lang), (s.within_days)(r.days)))
            .collect();
        let mut form = HazardForm {
            form: Form::new(vec![
                Field::choice(
                    s.fields.hazard_kind,
                    s.hazard_kinds.iter().map(|k| (*k).to_owned()).collect(),
                    0,
                ),
                Field::choice(s.fields.place, places, place_index),
                Field::line(s.fields.place_other, TextKind::Name, "").required(),
                Field::area(s.fields.description, description, 3).required(),
                Field::choice(
                    s.fields.risk,
                    risks,
                    1.min(cfg.risks.len().saturating_sub(1)),
                ),
                Field::pick(s.fields.owner, Pool::Staff, None).hint(s.hints.type_to_find),
                Field::area(s.fields.steps, "", 2),
            ]),
            from_check,
        };
        form.sync_hidden();
        form
    }

    fn sync_hidden(&mut self) {
        let other = matches!(&self.form.field(PLACE).input, Input::Choice(c) if c.selected + 1 == c.labels.len());
        self.form.field_mut(PLACE_TEXT).hidden = !other;
    }

    pub fn is_dirty(&self) -> bool {
        self.form.dirty
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let out = self.form.handle_key(key, view);
        self.sync_hidden();
        match out {
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
        let place = match super::read_place(f, PLACE, PLACE_TEXT, view) {
            Ok(p) => p,
            Err(e) => return f.fail(PLACE_TEXT, e),
        };
        let description = match f.area(DESCRIPTION, true) {
            Ok(d) => d,
            Err(e) => return f.fail(DESCRIPTION, e),
        };
        let steps = match f.area(STEPS, false) {
            Ok(d) => d,
            Err(e) => return f.fail(STEPS, e),
        };
        let owner = match f.person(OWNER, false, view) {
            Ok(o) => o.map(|(id, _)| StaffId(id)),
            Err(e) => return f.fail(OWNER, e),
        };
        let risk = view
            .cfg
            .risks
            .get(f.choice(RISK))
            .map(|r| r.id.clone())
            .unwrap_or_default();
        Some(Action::Hazard(HazardAction::CreateHazard(HazardDraft {
            kind: HazardKind::ALL
                .get(f.choice(KIND))
                .copied()
                .unwrap_or(HazardKind::Safety),
            place,
            description,
            risk,
            owner,
            steps,
            from_check: self.from_check,
        })))
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
            Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(view.s.new_hazard_title, view.theme.title)),
            title,
        );
        self.form.render(frame, body, view, view.caret);
    }
}
