//! A multi-line text field (a narrative, the child's own words): `ratatui-textarea` for editing
//! and CJK layout, with the note rules applied to every typed and pasted character, and the
//! terminal caret put where the text cursor is so that Chinese input methods compose in place.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};

use super::field::FieldError;
use crate::domain::text::{self, TextKind};

#[derive(Debug, Clone)]
pub struct Area {
    editor: TextArea<'static>,
    pub error: Option<FieldError>,
}

impl Area {
    /// An editor showing `value`, cleaned as a paste would be (see `TextField::with_value`).
    pub fn new(value: &str) -> Area {
        let value = text::clean_paste(TextKind::Note, value);
        let lines: Vec<String> = if value.is_empty() {
            vec![String::new()]
        } else {
            value.split('\n').map(str::to_owned).collect()
        };
        let mut editor = TextArea::new(lines);
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        // The terminal's own caret marks the place (see `render`); no painted cursor line.
        editor.set_cursor_line_style(Style::new());
        editor.set_cursor_style(Style::new());
        Area {
            editor,
            error: None,
        }
    }

    pub fn value(&self) -> String {
        self.editor.lines().join("\n")
    }

    fn chars(&self) -> usize {
        self.editor
            .lines()
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum::<usize>()
            .saturating_sub(1)
    }

    /// The text checked and trimmed.
    pub fn parse(&self, required: bool) -> Result<String, FieldError> {
        text::validate(TextKind::Note, &self.value(), required).map_err(FieldError::from)
    }

    /// Applies an editing key (Enter is a new line). Returns false for keys that are not for
    /// the editor (Tab, Esc, Ctrl+S), so the form can use them.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc => return false,
            KeyCode::Char('s') if ctrl => return false,
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                if !TextKind::Note.accepts(c) {
                    self.error = Some(FieldError::Forbidden);
                    return true;
                }
                if self.chars() >= TextKind::Note.max_chars() {
                    self.error = Some(FieldError::TooLong {
                        max: TextKind::Note.max_chars(),
                    });
                    return true;
                }
            }
            KeyCode::Enter if self.chars() >= TextKind::Note.max_chars() => {
                self.error = Some(FieldError::TooLong {
                    max: TextKind::Note.max_chars(),
                });
                return true;
            }
            _ => {}
        }
        if self.editor.input(key) {
            self.error = None;
        }
        true
    }

    /// Inserts pasted text, cleaned; refused whole if it would make the text too long.
    pub fn paste(&mut self, pasted: &str) {
        let clean = text::clean_paste(TextKind::Note, pasted);
        if self.chars() + clean.chars().count() > TextKind::Note.max_chars() {
            self.error = Some(FieldError::TooLong {
                max: TextKind::Note.max_chars(),
            });
            return;
        }
        self.editor.insert_str(clean);
        self.error = None;
    }

    /// Draws the text in `area` and, when focused, puts the terminal caret at the text cursor.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, style: Style, focused: bool) {
        frame.render_widget(ratatui::widgets::Clear, area);
        let mut editor = self.editor.clone();
        editor.set_style(style);
        frame.render_widget(&editor, area);
        if focused {
            let cursor = editor.screen_cursor();
            let (top, left) = editor.scroll_offset();
            let row = u16::try_from(cursor.row).unwrap_or(0).saturating_sub(top);
            let col = u16::try_from(cursor.col).unwrap_or(0).saturating_sub(left);
            if row < area.height && col < area.width {
                frame.set_cursor_position(Position::new(area.x + col, area.y + row));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn enter_makes_lines_and_controls_are_refused() {
        let mut a = Area::new("");
        for c in "他说".chars() {
            a.handle_key(key(KeyCode::Char(c)));
        }
        a.handle_key(key(KeyCode::Enter));
        a.handle_key(key(KeyCode::Char('好')));
        a.handle_key(key(KeyCode::Char('\u{202E}')));
        assert_eq!(a.value(), "他说\n好");
        assert_eq!(a.error, Some(FieldError::Forbidden));
        assert!(!a.handle_key(key(KeyCode::Tab)));
    }

    #[test]
    fn paste_keeps_line_breaks_and_drops_escapes() {
        let mut a = Area::new("");
        a.paste("第一行\r\n\u{1b}[31m第二行");
        assert_eq!(a.value(), "第一行\n第二行");
    }
}
