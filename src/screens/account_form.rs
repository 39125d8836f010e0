//! A staff member's account, for the administrator: the access role, and a new PIN typed twice
//! (shown as dots; left empty, an existing PIN is kept).

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use crate::action::AccessAction;
use crate::action::Action;
use crate::domain::access::Role;
use crate::domain::pin::{self, MAX_DIGITS};
use crate::domain::staff::StaffId;
use crate::domain::text;
use crate::widgets::Keys;

#[derive(Debug, Clone)]
pub struct AccountForm {
    pub staff: StaffId,
    name: String,
    role: Role,
    /// Whether the person has a PIN already (then an empty PIN keeps it).
    has_pin: bool,
    pin: String,
    again: String,
    focus: usize,
    dirty: bool,
    error: Option<&'static str>,
}

impl AccountForm {
    pub fn new(staff: StaffId, name: &str, role: Option<Role>) -> AccountForm {
        AccountForm {
            staff,
            name: name.to_owned(),
            role: role.unwrap_or(Role::Teacher),
            has_pin: role.is_some(),
            pin: String::new(),
            again: String::new(),
            focus: 0,
            dirty: false,
            error: None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return Some(Action::LeaveForm { dirty: self.dirty }),
            KeyCode::Char('s') if ctrl => return self.save(view),
            KeyCode::Enter if self.focus == 2 => return self.save(view),
            KeyCode::Enter | KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % 3,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + 2) % 3,
            KeyCode::Left | KeyCode::Right if self.focus == 0 => {
                self.role = self.role.next(key.code == KeyCode::Right);
                self.dirty = true;
            }
            KeyCode::Backspace if self.focus > 0 => {
                self.field().pop();
            }
            KeyCode::Char(c) if self.focus > 0 && !ctrl => {
                let f = self.field();
                if c.is_ascii_digit() && f.len() < MAX_DIGITS {
                    f.push(c);
                    self.dirty = true;
                }
            }
            _ => {}
        }
        None
    }

    fn field(&mut self) -> &mut String {
        if self.focus == 2 {
            &mut self.again
        } else {
            &mut self.pin
        }
    }

    fn save(&mut self, view: &View<'_>) -> Option<Action> {
        let keep = self.has_pin && self.pin.is_empty() && self.again.is_empty();
        if !keep && let Err(e) = pin::check_new(&self.pin, &self.again) {
            let s = view.s;
            self.error = Some(s.pin_error(e));
            self.pin.clear();
            self.again.clear();
            self.focus = 1;
            return None;
        }
        Some(Action::Access(AccessAction::SaveAccount {
            staff: self.staff,
            role: self.role,
            pin: (!keep).then(|| self.pin.clone()),
        }))
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        let mut keys = vec![("Tab", s.keys.next_field)];
        if self.focus == 0 {
            keys.push(("←→", s.keys.change));
        }
        keys.extend([("Ctrl+S", s.keys.save), ("Esc", s.keys.back)]);
        keys
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        frame.render_widget(
            Paragraph::new(Span::styled(
                (s.account.title)(&text::line(&self.name)),
                theme.title,
            )),
            Rect { height: 1, ..area },
        );
        // A blank row between fields; rows past the bottom of a small terminal are left out.
        for (i, row) in self.field_lines(view).into_iter().enumerate() {
            let y = area.y + 2 + 2 * i as u16;
            if y < area.bottom() {
                frame.render_widget(Paragraph::new(row), Rect::new(area.x, y, area.width, 1));
            }
        }
        if let Some(e) = self.error {
            let y = area.y + 8;
            if y < area.bottom() {
                frame.render_widget(
                    Paragraph::new(Span::styled(e, theme.error)),
                    Rect::new(area.x, y, area.width, 1),
                );
            }
        }
        self.place_caret(frame, area, view);
    }

    /// The three fields as lines: the role chooser, the PIN and the PIN again (shown as dots).
    fn field_lines(&self, view: &View<'_>) -> [Line<'static>; 3] {
        let (s, theme) = (view.s, view.theme);
        let label = |i: usize, l: &str| {
            Span::styled(
                format!("{} ", super::pad(l, 26)),
                if self.focus == i {
                    theme.title
                } else {
                    theme.dim
                },
            )
        };
        let pin_label = if self.has_pin {
            s.account.pin_keep
        } else {
            s.sign_in.pin
        };
        [
            Line::from(vec![
                label(0, s.account.role),
                Span::styled(
                    format!("◀ {} ▶", s.access_role(self.role)),
                    if self.focus == 0 {
                        theme.focused_field
                    } else {
                        theme.field
                    },
                ),
                Span::styled(format!("  {}", s.account.role_hint), theme.dim),
            ]),
            Line::from(vec![
                label(1, pin_label),
                Span::raw("●".repeat(self.pin.len())),
            ]),
            Line::from(vec![
                label(2, s.sign_in.pin_again),
                Span::raw("●".repeat(self.again.len())),
            ]),
        ]
    }

    /// The caret after the dots of the PIN being typed (the role chooser has none).
    fn place_caret(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        if self.focus > 0 && view.caret {
            let len = if self.focus == 1 {
                self.pin.len()
            } else {
                self.again.len()
            };
            let y = area.y + 2 + 2 * self.focus as u16;
            frame.set_cursor_position((area.x + 27 + len as u16, y));
        }
    }
}
