//! The special-attention register (重点关注学生): who is on it, why, the responsible teacher
//! and the next review. Reached from People (key r) by the leader on duty and the safeguarding
//! lead only; the app refuses everyone else before this screen is built.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, pad};
use crate::action::Action;
use crate::action::AttentionAction;
use crate::domain::attention::Attention;
use crate::domain::text;
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};

#[derive(Debug, Clone, Default)]
pub struct AttentionList {
    pub rows: Vec<Attention>,
    cursor: ListCursor,
}

impl AttentionList {
    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if self.cursor.step(key, self.rows.len(), false) != Step::NotMine {
            return None;
        }
        match key.code {
            KeyCode::Char('a') => return Some(Action::Attention(AttentionAction::NewAttention)),
            KeyCode::Char('x') => {
                return self
                    .rows
                    .get(self.cursor.at())
                    .filter(|r| r.ended_at.is_none())
                    .map(|r| Action::Attention(AttentionAction::AskEndAttention(r.id, r.version)));
            }
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        vec![
            ("↑↓", s.keys.choose),
            ("a", s.keys.new),
            ("x", s.keys.end),
            ("Esc", s.keys.back),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let current = self.rows.iter().filter(|r| r.ended_at.is_none()).count();
        let mut lines = vec![Line::from(Span::styled(
            (s.attention.title)(current),
            theme.title,
        ))];
        if self.rows.is_empty() {
            lines.push(Line::from(Span::styled(s.attention.none, theme.dim)));
        }
        let room = usize::from(area.height).saturating_sub(1).max(1);
        let from = self.cursor.at().saturating_sub(room - 1);
        for (i, r) in self.rows.iter().enumerate().skip(from).take(room) {
            let selected = i == self.cursor.at();
            let reasons: Vec<&str> = r.reasons.iter().map(|x| s.attention_reason(*x)).collect();
            let when = match r.ended_at {
                Some(_) => s.attention.ended_word.to_owned(),
                None => format!(
                    "{} {}",
                    s.attention.next_review,
                    r.next_review.format("%m-%d")
                ),
            };
            lines.push(Line::from(vec![
                Span::raw(if selected { " ▶ " } else { "   " }),
                Span::styled(
                    pad(
                        &format!(
                            "{} {}",
                            text::line(&r.student_name),
                            text::line(&r.class_name)
                        ),
                        22,
                    ) + " ",
                    if selected {
                        theme.selected
                    } else {
                        Style::new()
                    },
                ),
                Span::raw(pad(&text::line(&r.teacher_name), 10) + " "),
                Span::styled(
                    pad(&when, 18) + " ",
                    if r.ended_at.is_some() {
                        theme.dim
                    } else {
                        theme.warn
                    },
                ),
                Span::styled(
                    format!("{} {}", reasons.join("、"), text::line(&r.note)),
                    theme.dim,
                ),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}
