//! A popup asking for one line of text: a reason, an outcome, a number. Enter submits (an empty
//! required answer is refused at the field), Esc cancels — twice if something was typed, so a
//! stray Esc does not throw the text away.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::field::{self, TextField};
use super::popup;
use crate::domain::text::{self, TextKind};
use crate::screens::View;

#[derive(Debug, Clone)]
pub struct Prompt {
    pub title: String,
    /// A line above the field saying what the answer is about.
    pub context: Option<String>,
    pub label: &'static str,
    pub field: TextField,
    pub required: bool,
    escape_armed: bool,
    /// What the field held when the popup opened: leaving it unchanged is not "typed".
    initial: String,
}

pub enum PromptOutcome {
    Stay,
    Cancel,
    Submit(String),
}

impl Prompt {
    pub fn new(
        title: String,
        label: &'static str,
        kind: TextKind,
        initial: &str,
        required: bool,
    ) -> Prompt {
        Prompt {
            title,
            context: None,
            label,
            field: TextField::with_value(kind, initial),
            required,
            escape_armed: false,
            initial: text::clean_paste(kind, initial),
        }
    }

    pub fn with_context(mut self, context: String) -> Prompt {
        self.context = Some(context);
        self
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> PromptOutcome {
        match key.code {
            KeyCode::Esc if !self.touched() || self.escape_armed => PromptOutcome::Cancel,
            KeyCode::Esc => {
                self.escape_armed = true;
                PromptOutcome::Stay
            }
            KeyCode::Enter => match self.field.parse(self.required) {
                Ok(v) => PromptOutcome::Submit(v),
                Err(e) => {
                    self.field.error = Some(e);
                    PromptOutcome::Stay
                }
            },
            _ => {
                self.escape_armed = false;
                self.field.handle_key(key);
                PromptOutcome::Stay
            }
        }
    }

    /// Whether something was typed: the field holds text other than what it opened with, so
    /// a first Esc asks before throwing it away (an untouched popup closes at once).
    pub fn touched(&self) -> bool {
        let value = self.field.value().trim();
        !value.is_empty() && value != self.initial.trim()
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        self.field.paste(pasted);
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let inner = popup::frame_box(frame, area, 74, 7, &self.title, theme);
        if inner.height < 4 {
            return;
        }
        if let Some(context) = &self.context {
            frame.render_widget(
                Paragraph::new(Line::from(crate::domain::text::line(context).into_owned())),
                Rect { height: 1, ..inner },
            );
        }
        let label_width = u16::try_from(unicode_width::UnicodeWidthStr::width(self.label) + 1)
            .unwrap_or(8)
            .max(8);
        field::render(
            frame,
            Rect {
                y: inner.y + 1,
                height: 2,
                ..inner
            },
            &self.field,
            &field::Spec {
                label: self.label,
                label_width,
                focused: view.caret,
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
            Rect::new(inner.x, inner.y + 3, inner.width, 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn prompt(initial: &str) -> Prompt {
        Prompt::new("t".into(), "l", TextKind::Line, initial, true)
    }

    #[test]
    fn an_untouched_popup_closes_at_the_first_esc_even_when_prefilled() {
        assert!(matches!(
            prompt("").handle_key(key(KeyCode::Esc)),
            PromptOutcome::Cancel
        ));
        assert!(matches!(
            prompt("Repair requested").handle_key(key(KeyCode::Esc)),
            PromptOutcome::Cancel
        ));
    }

    #[test]
    fn typed_text_needs_a_second_esc() {
        let mut p = prompt("Repair requested");
        p.handle_key(key(KeyCode::Char('!')));
        assert!(p.touched());
        assert!(matches!(
            p.handle_key(key(KeyCode::Esc)),
            PromptOutcome::Stay
        ));
        assert!(matches!(
            p.handle_key(key(KeyCode::Esc)),
            PromptOutcome::Cancel
        ));
    }
}
