//! Adding a staff member: a name and a job.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use crate::action::Action;
use crate::action::DutyAction;
use crate::domain::staff::{StaffDraft, StaffRole};
use crate::domain::text::TextKind;
use crate::widgets::Keys;
use crate::widgets::field::{self, TextField};

#[derive(Debug, Clone)]
pub struct StaffForm {
    name: TextField,
    role: usize,
    /// Focus on the job line rather than the name.
    on_role: bool,
    dirty: bool,
}

impl Default for StaffForm {
    fn default() -> Self {
        Self::new()
    }
}

impl StaffForm {
    pub fn new() -> StaffForm {
        StaffForm {
            name: TextField::new(TextKind::Name),
            role: 0,
            on_role: false,
            dirty: false,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        let roles = StaffRole::ALL.len();
        match key.code {
            KeyCode::Esc => return Some(Action::LeaveForm { dirty: self.dirty }),
            KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return self.save();
            }
            KeyCode::Enter if self.on_role => return self.save(),
            KeyCode::Enter | KeyCode::Tab | KeyCode::Down | KeyCode::BackTab | KeyCode::Up => {
                self.on_role = !self.on_role;
            }
            KeyCode::Left | KeyCode::Char('h') if self.on_role => {
                self.role = (self.role + roles - 1) % roles;
                self.dirty = true;
            }
            KeyCode::Right | KeyCode::Char('l' | ' ') if self.on_role => {
                self.role = (self.role + 1) % roles;
                self.dirty = true;
            }
            _ if !self.on_role => {
                let before = self.name.value().to_owned();
                self.name.handle_key(key);
                self.dirty |= self.name.value() != before;
            }
            _ => {}
        }
        None
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        if !self.on_role {
            self.name.paste(pasted);
            self.dirty = true;
        }
    }

    fn save(&mut self) -> Option<Action> {
        match self.name.parse(true) {
            Ok(name) => Some(Action::Duty(DutyAction::SaveStaff(StaffDraft {
                name,
                role: StaffRole::ALL[self.role],
            }))),
            Err(e) => {
                self.name.error = Some(e);
                self.on_role = false;
                None
            }
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        let mut keys = vec![("Tab", s.keys.next_field)];
        if self.on_role {
            keys.push(("←→", s.keys.change));
        }
        keys.extend([("Enter", s.keys.save), ("Esc", s.keys.back)]);
        keys
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(s.add_staff_title, theme.title))),
            Rect { height: 1, ..area },
        );
        field::render(
            frame,
            Rect::new(area.x, area.y + 2, area.width.min(60), 2),
            &self.name,
            &field::Spec {
                label: s.name,
                label_width: 10,
                focused: !self.on_role && view.caret,
                hint: None,
            },
            (s, theme),
        );
        let role = s.staff_role(StaffRole::ALL[self.role]);
        let style = if self.on_role {
            theme.focused_field
        } else {
            theme.field
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    format!("{} ", super::pad(s.job, 10)),
                    if self.on_role { theme.title } else { theme.dim },
                ),
                Span::styled(format!("◀ {role} ▶"), style),
            ])),
            Rect::new(area.x, area.y + 4, area.width, 1),
        );
    }
}
