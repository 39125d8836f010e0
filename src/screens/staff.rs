//! The staff list: everyone who can be put on a shift, with their job.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, pad};
use crate::action::Action;
use crate::domain::text;
use crate::widgets::Keys;

#[derive(Debug, Clone, Default)]
pub struct StaffScreen {
    cursor: usize,
}

impl StaffScreen {
    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.cursor = (self.cursor + 1).min(view.data.staff.len().saturating_sub(1));
            }
            KeyCode::Char('a') => return Some(Action::NewStaff),
            KeyCode::Char('r') if view.data.attention_visible => {
                return Some(Action::OpenAttention);
            }
            KeyCode::Enter => {
                let cursor = self.cursor.min(view.data.staff.len().saturating_sub(1));
                return view
                    .data
                    .staff
                    .get(cursor)
                    .map(|p| Action::OpenAccount(p.id));
            }
            KeyCode::Tab => return Some(Action::ShowStudents),
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let mut keys = vec![
            ("↑↓", view.s.key_choose),
            ("a", view.s.key_add_staff),
            ("Enter", view.s.key_account),
            ("Tab", view.s.key_students_list),
        ];
        if view.data.attention_visible {
            keys.push(("r", view.s.key_register));
        }
        keys
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme, staff) = (view.s, view.theme, &view.data.staff);
        let mut lines = vec![
            Line::from(Span::styled((s.staff_count)(staff.len()), theme.title)),
            Line::from(Span::styled(
                format!("   {}{}{}", pad(s.name, 24), pad(s.job, 16), s.acc_role),
                theme.dim,
            )),
        ];
        if staff.is_empty() {
            lines.push(Line::from(Span::styled(s.no_staff_yet, theme.dim)));
        }
        let room = usize::from(area.height).saturating_sub(2).max(1);
        let cursor = self.cursor.min(staff.len().saturating_sub(1));
        let from = cursor.saturating_sub(room - 1);
        for (i, person) in staff.iter().enumerate().skip(from).take(room) {
            let selected = i == cursor;
            lines.push(Line::from(vec![
                Span::raw(if selected { " ▶ " } else { "   " }),
                Span::styled(
                    pad(&text::line(&person.name), 23) + " ",
                    if selected {
                        theme.selected
                    } else {
                        ratatui::style::Style::new()
                    },
                ),
                Span::raw(pad(s.staff_role(person.role), 16)),
                Span::styled(
                    view.data
                        .accounts
                        .iter()
                        .find(|a| a.staff == person.id)
                        .map_or(s.no_account, |a| s.access_role(a.role)),
                    theme.dim,
                ),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}
