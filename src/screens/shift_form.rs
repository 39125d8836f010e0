//! Opening a shift: the duty teacher, the leader on duty, two guards and night-duty staff, each
//! chosen by typing a few characters of the name. A name not yet on the staff list is added
//! with the shift, after asking.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use crate::action::Action;
use crate::action::DutyAction;
use crate::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use crate::domain::staff::{self, Staff, StaffId};
use crate::domain::text::TextKind;
use crate::widgets::field::{self, FieldError, TextField};
use crate::widgets::{Keys, picker, popup};

const MAX_CHOICES: usize = 5;

#[derive(Debug, Clone)]
struct PersonField {
    role: DutyRole,
    required: bool,
    field: TextField,
    /// The staff member picked from the list, while the text still shows their name.
    chosen: Option<(StaffId, String)>,
}

#[derive(Debug, Clone)]
pub struct ShiftForm {
    fields: Vec<PersonField>,
    focus: usize,
    choice: Option<usize>,
    dirty: bool,
    /// Names to add to the staff list, waiting for yes or no.
    confirm_new: Option<(ShiftDraft, Vec<String>)>,
}

impl Default for ShiftForm {
    fn default() -> Self {
        Self::new()
    }
}

impl ShiftForm {
    pub fn new() -> ShiftForm {
        let person = |role, required| PersonField {
            role,
            required,
            field: TextField::new(TextKind::Name),
            chosen: None,
        };
        ShiftForm {
            fields: vec![
                person(DutyRole::DutyTeacher, true),
                person(DutyRole::Leader, true),
                person(DutyRole::Guard, false),
                person(DutyRole::Guard, false),
                person(DutyRole::NightDuty, false),
            ],
            focus: 0,
            choice: None,
            dirty: false,
            confirm_new: None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Staff matching what is typed in the focused field, unless it already names the one chosen.
    fn choices<'a>(&self, all: &'a [Staff]) -> Vec<&'a Staff> {
        let Some(f) = self.fields.get(self.focus) else {
            return Vec::new();
        };
        let typed = f.field.value().trim();
        if typed.is_empty() || f.chosen.as_ref().is_some_and(|(_, n)| n == typed) {
            return Vec::new();
        }
        let mut hits = staff::matching(all, typed);
        hits.truncate(MAX_CHOICES);
        hits
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        if let Some((draft, _)) = self.confirm_new.take() {
            return matches!(key.code, KeyCode::Char('y' | 'Y'))
                .then_some(Action::Duty(DutyAction::StartShift(draft)));
        }
        let choices = self.choices(&view.data.staff);
        let last = self.fields.len() - 1;
        match key.code {
            KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return self.save(view);
            }
            KeyCode::Esc => return Some(Action::LeaveForm { dirty: self.dirty }),
            KeyCode::Down if !choices.is_empty() => {
                self.choice = Some(self.choice.map_or(0, |c| (c + 1).min(choices.len() - 1)));
            }
            KeyCode::Up if self.choice.is_some() => {
                self.choice = self.choice.and_then(|c| c.checked_sub(1));
            }
            KeyCode::Down => self.move_focus(self.focus + 1),
            KeyCode::Up | KeyCode::BackTab => self.move_focus(self.focus.saturating_sub(1)),
            KeyCode::Enter | KeyCode::Tab => {
                if let Some(pick) = self.choice.and_then(|c| choices.get(c)) {
                    let (id, name) = (pick.id, pick.name.clone());
                    let f = &mut self.fields[self.focus];
                    f.field.set_value(&name);
                    f.chosen = Some((id, name));
                    self.dirty = true;
                }
                if key.code == KeyCode::Enter && self.focus == last {
                    return self.save(view);
                }
                self.move_focus((self.focus + 1).min(last));
            }
            _ => {
                let f = &mut self.fields[self.focus];
                let before = f.field.value().to_owned();
                f.field.handle_key(key);
                if f.field.value() != before {
                    self.dirty = true;
                    self.choice = None;
                }
            }
        }
        None
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.field.paste(pasted);
            self.dirty = true;
            self.choice = None;
        }
    }

    fn move_focus(&mut self, to: usize) {
        self.focus = to.min(self.fields.len() - 1);
        self.choice = None;
    }

    /// Resolves every name to a staff member or a new one; errors are shown at their fields.
    fn save(&mut self, view: &View<'_>) -> Option<Action> {
        let mut members = Vec::new();
        let mut new_names = Vec::new();
        let mut first_error = None;
        for (i, f) in self.fields.iter_mut().enumerate() {
            let resolved = resolve(f, &view.data.staff);
            match resolved {
                Ok(None) => {}
                Ok(Some(member)) => {
                    let twice = members.iter().any(|(m, r)| m == &member && *r == f.role);
                    if twice {
                        f.field.error = Some(FieldError::SamePersonTwice);
                        first_error.get_or_insert(i);
                        continue;
                    }
                    if let MemberRef::New { name, role } = &member {
                        new_names.push(format!("{name}（{}）", view.s.staff_role(*role)));
                    }
                    members.push((member, f.role));
                }
                Err(e) => {
                    f.field.error = Some(e);
                    first_error.get_or_insert(i);
                }
            }
        }
        if let Some(i) = first_error {
            self.move_focus(i);
            return None;
        }
        let draft = ShiftDraft {
            day: view.now.date(),
            members,
        };
        if new_names.is_empty() {
            Some(Action::Duty(DutyAction::StartShift(draft)))
        } else {
            self.confirm_new = Some((draft, new_names));
            None
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        if self.confirm_new.is_some() {
            return vec![("y", s.yes), ("n", s.no)];
        }
        vec![
            ("↑↓", s.keys.choose),
            ("Tab", s.keys.next_field),
            ("Enter", s.keys.accept),
            ("Ctrl+S", s.keys.open_shift),
            ("Esc", s.keys.back),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(s.open_shift_title, theme.title)),
                Line::from(Span::styled(s.open_shift_help, theme.dim)),
            ]),
            Rect { height: 2, ..area },
        );
        let mut y = area.y + 3;
        let mut focused_at = None;
        for (i, f) in self.fields.iter().enumerate() {
            if y + 2 > area.bottom() {
                break;
            }
            let label = if f.required {
                format!("{} *", s.duty_role(f.role))
            } else {
                s.duty_role(f.role).to_owned()
            };
            let width = area.width.min(60);
            field::render(
                frame,
                Rect::new(area.x, y, width, 2),
                &f.field,
                &field::Spec {
                    label: &label,
                    label_width: 14,
                    focused: i == self.focus && view.caret && self.confirm_new.is_none(),
                    hint: None,
                },
                (s, theme),
            );
            if i == self.focus {
                focused_at = Some(y);
            }
            y += 2;
        }
        let choices = self.choices(&view.data.staff);
        if let Some(y) = focused_at.filter(|_| self.confirm_new.is_none()) {
            let list: Vec<(String, String)> = choices
                .iter()
                .map(|c| (c.name.clone(), s.staff_role(c.role).to_owned()))
                .collect();
            // Below the field's error line, so a refusal stays readable while choosing.
            let top = y + 2;
            let room = Rect::new(
                area.x + 15,
                top,
                40.min(area.width.saturating_sub(15)),
                area.bottom().saturating_sub(top),
            );
            picker::render(frame, room, &list, self.choice, theme);
        }
        if let Some((_, names)) = &self.confirm_new {
            popup::confirm(
                frame,
                area,
                &(s.confirm.new_staff)(&names.join("、")),
                (s, theme),
            );
        }
    }
}

/// What one field names: nobody (an empty optional field), someone on the staff list, or a new
/// person. Several staff with the typed name must be told apart by choosing from the list.
fn resolve(f: &PersonField, all: &[Staff]) -> Result<Option<MemberRef>, FieldError> {
    let name = f.field.parse(f.required)?;
    if name.is_empty() {
        return Ok(None);
    }
    if let Some((id, chosen)) = &f.chosen
        && *chosen == name
    {
        return Ok(Some(MemberRef::Existing(*id)));
    }
    let same: Vec<&Staff> = all.iter().filter(|s| s.name == name).collect();
    match same.as_slice() {
        [] => Ok(Some(MemberRef::New {
            name,
            role: f.role.likely_staff_role(),
        })),
        [one] => Ok(Some(MemberRef::Existing(one.id))),
        _ => Err(FieldError::Ambiguous),
    }
}
