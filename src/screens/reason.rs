//! The popup that takes a written reason for a missed or partial round.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::View;
use crate::action::Action;
use crate::domain::patrol::ExceptionDraft;
use crate::domain::schedule::RoundKey;
use crate::domain::text::TextKind;
use crate::widgets::field::{self, TextField};
use crate::widgets::popup;

#[derive(Debug, Clone)]
pub struct ReasonForm {
    pub round: RoundKey,
    title: String,
    field: TextField,
    /// Esc was pressed once on typed text: a second Esc discards it.
    escape_armed: bool,
}

/// What a key did to the popup.
pub enum ReasonOutcome {
    Stay,
    Close,
    Act(Box<Action>),
}

impl ReasonForm {
    pub fn new(round: RoundKey, title: String, current: Option<&str>) -> ReasonForm {
        ReasonForm {
            round,
            title,
            field: TextField::with_value(TextKind::Line, current.unwrap_or("")),
            escape_armed: false,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> ReasonOutcome {
        match key.code {
            KeyCode::Esc if self.field.value().trim().is_empty() || self.escape_armed => {
                ReasonOutcome::Close
            }
            KeyCode::Esc => {
                self.escape_armed = true;
                ReasonOutcome::Stay
            }
            KeyCode::Enter => match self.field.parse(true) {
                Ok(reason) => ReasonOutcome::Act(Box::new(Action::SaveReason(ExceptionDraft {
                    round: self.round.clone(),
                    reason,
                }))),
                Err(e) => {
                    self.field.error = Some(e);
                    ReasonOutcome::Stay
                }
            },
            _ => {
                self.escape_armed = false;
                self.field.handle_key(key);
                ReasonOutcome::Stay
            }
        }
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        self.field.paste(pasted);
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let inner = popup::frame_box(frame, area, 74, 8, s.reason_title, theme);
        if inner.height < 5 {
            return;
        }
        frame.render_widget(
            Paragraph::new(Line::from(self.title.clone())),
            Rect { height: 1, ..inner },
        );
        let field_area = Rect::new(inner.x, inner.y + 2, inner.width, 2);
        field::render(
            frame,
            field_area,
            &self.field,
            &field::Spec {
                label: s.reason_label,
                label_width: 8,
                focused: true,
                hint: None,
            },
            (s, theme),
        );
        let help = if self.escape_armed {
            s.esc_again_discards
        } else {
            s.reason_keys
        };
        frame.render_widget(
            Paragraph::new(Line::styled(help, theme.dim)),
            Rect::new(inner.x, inner.y + 4, inner.width, 1),
        );
    }
}
