//! The staff list: everyone who can be put on a shift, with their job.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, pad};
use crate::action::Action;
use crate::action::{AccessAction, AttentionAction, DutyAction};
use crate::domain::staff::Staff;
use crate::domain::text::{self, TextKind};
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};
use crate::widgets::field::TextField;

#[derive(Debug, Clone, Default)]
pub struct StaffScreen {
    cursor: ListCursor,
    /// The search was ended with Enter: keys move in the list found again.
    typing_done: bool,
    /// Part of a name to find (`/`): a school has 150 staff, and the administrator gives each
    /// an account from this list.
    find: Option<TextField>,
}

impl StaffScreen {
    /// Whether a name is being typed (then every key is the search's).
    pub fn is_typing(&self) -> bool {
        self.find.is_some() && !self.typing_done
    }

    /// The staff shown: all, or those whose name holds what was typed.
    fn shown<'a>(&self, view: &'a View<'_>) -> Vec<&'a Staff> {
        let typed = self.find.as_ref().map_or("", |f| f.value().trim());
        view.data
            .staff
            .iter()
            .filter(|p| typed.is_empty() || p.name.contains(typed))
            .collect()
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        if self.is_typing()
            && let Some(find) = &mut self.find
        {
            match key.code {
                // Enter keeps the list found and goes back to moving in it; Esc shows all.
                KeyCode::Enter if find.value().trim().is_empty() => self.find = None,
                KeyCode::Enter | KeyCode::Down => self.typing_done = true,
                KeyCode::Esc => self.find = None,
                _ => {
                    find.handle_key(key);
                    self.cursor.to_top();
                }
            }
            return None;
        }
        self.list_key(key, view)
    }

    fn list_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let shown = self.shown(view);
        let last = shown.len().saturating_sub(1);
        if self.cursor.step(key, shown.len(), false) != Step::NotMine {
            return None;
        }
        match key.code {
            KeyCode::Char('/') => {
                self.find = Some(TextField::new(TextKind::Name));
                self.typing_done = false;
                self.cursor.to_top();
            }
            KeyCode::Char('a') => return Some(Action::Duty(DutyAction::NewStaff)),
            KeyCode::Char('r') if view.data.attention_visible => {
                return Some(Action::Attention(AttentionAction::OpenAttention));
            }
            KeyCode::Enter => {
                return shown
                    .get(self.cursor.at().min(last))
                    .map(|p| Action::Access(AccessAction::OpenAccount(p.id)));
            }
            KeyCode::Tab => return Some(Action::ShowStudents),
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        if self.is_typing() {
            return vec![("Enter", view.s.keys.choose), ("Esc", view.s.keys.back)];
        }
        let mut keys = vec![
            ("↑↓", view.s.keys.choose),
            ("/", view.s.keys.search),
            ("a", view.s.keys.add_staff),
            ("Enter", view.s.keys.account),
            ("Tab", view.s.keys.students_list),
        ];
        if view.data.attention_visible {
            keys.push(("r", view.s.keys.register));
        }
        keys
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let staff = self.shown(view);
        let title = match &self.find {
            Some(f) => format!(
                "{}   / {}",
                (s.staff_count)(staff.len()),
                text::line(f.value())
            ),
            None => (s.staff_count)(staff.len()),
        };
        let caret_at = title.clone();
        let mut lines = vec![
            Line::from(Span::styled(title, theme.title)),
            Line::from(Span::styled(
                format!("   {}{}{}", pad(s.name, 24), pad(s.job, 16), s.account.role),
                theme.dim,
            )),
        ];
        if staff.is_empty() {
            lines.push(Line::from(Span::styled(s.empty.staff_yet, theme.dim)));
        }
        let room = usize::from(area.height).saturating_sub(2).max(1);
        let cursor = self.cursor.at().min(staff.len().saturating_sub(1));
        let from = cursor.saturating_sub(room - 1);
        for (i, person) in staff.into_iter().enumerate().skip(from).take(room) {
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
        // The caret after the name being typed, at the end of the title.
        if self.is_typing() && view.caret {
            let x = area.x + unicode_width::UnicodeWidthStr::width(caret_at.as_str()) as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        }
    }
}
