//! The student list (imported from the school's CSV), searched by name, number or class;
//! Enter opens a student's chronology.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, pad};
use crate::action::IncidentAction;
use crate::action::{Action, Tab};
use crate::domain::people::Student;
use crate::domain::text::{self, TextKind};
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};
use crate::widgets::field::TextField;

#[derive(Debug, Clone)]
pub struct StudentsScreen {
    search: TextField,
    cursor: ListCursor,
}

impl Default for StudentsScreen {
    fn default() -> Self {
        StudentsScreen {
            search: TextField::new(TextKind::Name),
            cursor: ListCursor::default(),
        }
    }
}

impl StudentsScreen {
    fn shown<'a>(&self, view: &View<'a>) -> Vec<&'a Student> {
        let typed = self.search.value().trim().to_lowercase();
        view.data
            .students
            .iter()
            .filter(|s| {
                typed.is_empty()
                    || s.name.to_lowercase().contains(&typed)
                    || s.number.to_lowercase().contains(&typed)
                    || s.class_name.to_lowercase().contains(&typed)
            })
            .collect()
    }

    /// Letters typed here search, so the global letter keys do not apply.
    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let shown = self.shown(view);
        if self.cursor.step_keys(key, shown.len(), false) != Step::NotMine {
            return None;
        }
        match key.code {
            KeyCode::Enter => {
                return shown
                    .get(self.cursor.at())
                    .map(|s| Action::Incident(IncidentAction::OpenStudent(s.id)));
            }
            KeyCode::Tab => return Some(Action::Go(Tab::People)),
            KeyCode::Esc if !self.search.value().is_empty() => self.search.set_value(""),
            KeyCode::Esc => return Some(Action::Go(Tab::Now)),
            _ => {
                self.search.handle_key(key);
                self.cursor.to_top();
            }
        }
        None
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        self.search.paste(pasted);
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        vec![
            ("↑↓", s.keys.choose),
            ("Enter", s.keys.student_history),
            ("Tab", s.keys.staff_list),
            ("Esc", s.keys.back),
        ]
    }

    /// The count with the search box, and the column titles.
    fn header_lines(&self, view: &View<'_>) -> Vec<Line<'static>> {
        let (s, theme) = (view.s, view.theme);
        vec![
            Line::from(vec![
                Span::styled(
                    format!("{} ", (s.students_count)(view.data.students.len())),
                    theme.title,
                ),
                Span::styled(format!("{} ", s.keys.search), theme.dim),
                Span::styled(
                    format!("{} ", text::line(self.search.value())),
                    theme.focused_field,
                ),
            ]),
            Line::from(Span::styled(
                format!(
                    "   {}{}{}",
                    pad(s.name, 12),
                    pad(s.fields.class, 12),
                    s.fields.number
                ),
                theme.dim,
            )),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let shown = self.shown(view);
        let mut lines = self.header_lines(view);
        if view.data.students.is_empty() {
            lines.push(Line::from(Span::styled(
                s.empty.students_imported,
                theme.dim,
            )));
        }
        let room = usize::from(area.height).saturating_sub(2).max(1);
        let cursor = self.cursor.at().min(shown.len().saturating_sub(1));
        let from = cursor.saturating_sub(room - 1);
        for (i, st) in shown.iter().enumerate().skip(from).take(room) {
            let selected = i == cursor;
            lines.push(Line::from(vec![
                Span::raw(if selected { " ▶ " } else { "   " }),
                Span::styled(
                    pad(&text::line(&st.name), 11) + " ",
                    if selected {
                        theme.selected
                    } else {
                        Style::new()
                    },
                ),
                Span::raw(pad(&text::line(&st.class_name), 12)),
                Span::styled(text::line(&st.number).into_owned(), theme.dim),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), area);
        if view.caret {
            let x = area.x
                + u16::try_from(unicode_width::UnicodeWidthStr::width(
                    format!(
                        "{} {} {}",
                        (s.students_count)(view.data.students.len()),
                        s.keys.search,
                        self.search.value()
                    )
                    .as_str(),
                ))
                .unwrap_or(0);
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        }
    }
}
