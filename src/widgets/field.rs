//! One text field: editing (through `ratatui-textarea`, the one text-input crate here; the caret
//! and scrolling counted in display columns so CJK lays out right), the rules of its
//! kind applied as the user types and pastes, and one renderer for label, value, focus and error
//! so that every form shows its fields the same way.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::{CursorMove, TextArea};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::text::{self, TextKind};
use crate::i18n::Strings;
use crate::theme::Theme;

pub use crate::domain::field::FieldError;

/// A text field's state.
#[derive(Debug, Clone)]
pub struct TextField {
    input: TextArea<'static>,
    kind: TextKind,
    pub error: Option<FieldError>,
}

impl TextField {
    pub fn new(kind: TextKind) -> TextField {
        TextField {
            input: TextArea::default(),
            kind,
            error: None,
        }
    }

    /// A field showing a stored value to be changed. The value is cleaned as a paste would be:
    /// a character the field refuses (from an old or tampered row) would otherwise be drawn,
    /// and would make the form impossible to save without finding an invisible character.
    pub fn with_value(kind: TextKind, value: &str) -> TextField {
        TextField {
            input: editor(&text::clean_paste(kind, value)),
            kind,
            error: None,
        }
    }

    pub fn value(&self) -> &str {
        self.input.lines().first().map_or("", String::as_str)
    }

    /// The caret's display column from the start of the value (a Chinese character counts two).
    fn visual_cursor(&self) -> usize {
        let at = self.input.cursor().1;
        self.value()
            .chars()
            .take(at)
            .map(|c| c.width().unwrap_or(0))
            .sum()
    }

    /// The columns scrolled off the left so that the caret stays in `width` columns; always at
    /// a character's start, so a wide character is never cut in half.
    fn visual_scroll(&self, width: usize) -> usize {
        let wanted = self.visual_cursor().saturating_sub(width);
        let mut scroll = 0;
        for c in self.value().chars() {
            if scroll >= wanted {
                break;
            }
            scroll += c.width().unwrap_or(0);
        }
        scroll
    }

    pub fn set_value(&mut self, value: &str) {
        self.input = editor(&text::clean_paste(self.kind, value));
        self.error = None;
    }

    /// The value checked against the field's rules, trimmed.
    pub fn parse(&self, required: bool) -> Result<String, FieldError> {
        text::validate(self.kind, self.value(), required).map_err(FieldError::from)
    }

    /// Applies an editing key. Returns false if the key is not an editing key, so the form can
    /// use it (Enter, Tab, arrows up and down, Esc …). A character the field cannot take is
    /// refused with an error shown at the field; nothing typed before is lost.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let ed = &mut self.input;
        let changed = match key.code {
            KeyCode::Char(c) if !ctrl && !alt => return self.insert(c),
            KeyCode::Char('u') if ctrl => ed.delete_line_by_head(),
            KeyCode::Char('k') if ctrl => ed.delete_line_by_end(),
            KeyCode::Char('w') if ctrl => ed.delete_word(),
            KeyCode::Backspace if ctrl || alt => ed.delete_word(),
            KeyCode::Backspace => ed.delete_char(),
            KeyCode::Delete => ed.delete_next_char(),
            KeyCode::Char('a') if ctrl => moved(ed, CursorMove::Head),
            KeyCode::Char('e') if ctrl => moved(ed, CursorMove::End),
            KeyCode::Left if ctrl => moved(ed, CursorMove::WordBack),
            KeyCode::Right if ctrl => moved(ed, CursorMove::WordForward),
            KeyCode::Left => moved(ed, CursorMove::Back),
            KeyCode::Right => moved(ed, CursorMove::Forward),
            KeyCode::Home => moved(ed, CursorMove::Head),
            KeyCode::End => moved(ed, CursorMove::End),
            _ => return false,
        };
        if changed {
            self.error = None;
        }
        true
    }

    fn insert(&mut self, c: char) -> bool {
        if !self.kind.accepts(c) {
            self.error = Some(FieldError::Forbidden);
        } else if self.value().chars().count() >= self.kind.max_chars() {
            self.error = Some(FieldError::TooLong {
                max: self.kind.max_chars(),
            });
        } else {
            self.input.insert_char(c);
            self.error = None;
        }
        true
    }

    /// Inserts pasted text, cleaned of what the field cannot hold. Text that would make the
    /// field too long is refused whole, with a message, rather than cut somewhere unseen.
    pub fn paste(&mut self, pasted: &str) {
        let clean = text::clean_paste(self.kind, pasted);
        if self.value().chars().count() + clean.chars().count() > self.kind.max_chars() {
            self.error = Some(FieldError::TooLong {
                max: self.kind.max_chars(),
            });
            return;
        }
        self.input.insert_str(one_line(&clean));
        self.error = None;
    }
}

/// A one-line editor holding `value`, the caret at its end (where typing goes on).
fn editor(value: &str) -> TextArea<'static> {
    let mut ed = TextArea::new(vec![one_line(value)]);
    ed.move_cursor(CursorMove::End);
    ed
}

/// A field is one line: a line break (kept by a note's paste rules) becomes a space rather than
/// a second line that the field would not show.
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// Moves the caret; a move changes no text.
fn moved(ed: &mut TextArea<'_>, to: CursorMove) -> bool {
    ed.move_cursor(to);
    false
}

/// How a field is shown in its form.
#[derive(Debug, Clone, Copy)]
pub struct Spec<'a> {
    pub label: &'a str,
    pub label_width: u16,
    pub focused: bool,
    /// Shown under the field when it has no error.
    pub hint: Option<&'a str>,
}

/// Draws the label and the field's value on the first row of `area` and the field's error (or
/// the hint) on the second, and puts the terminal cursor at the caret when focused.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    field: &TextField,
    spec: &Spec<'_>,
    ui: (&Strings, &Theme),
) {
    let (s, theme) = ui;
    let Spec {
        label,
        label_width,
        focused,
        hint,
    } = *spec;
    if area.height == 0 || area.width <= label_width + 2 {
        return;
    }
    let label_area = Rect::new(area.x, area.y, label_width, 1);
    let value_area = Rect::new(
        area.x + label_width + 1,
        area.y,
        area.width - label_width - 1,
        1,
    );
    let label_style = if focused { theme.title } else { theme.dim };
    frame.render_widget(Paragraph::new(Span::styled(label, label_style)), label_area);

    let width = usize::from(value_area.width.saturating_sub(1));
    let scroll = field.visual_scroll(width);
    let style = if focused {
        theme.focused_field
    } else {
        theme.field
    };
    let shown = text::line(field.value());
    let pad = usize::from(value_area.width).saturating_sub(shown.width());
    let value = Paragraph::new(Line::from(vec![
        Span::styled(shown.into_owned(), style),
        Span::styled(" ".repeat(pad), style),
    ]))
    .scroll((0, u16::try_from(scroll).unwrap_or(0)));
    frame.render_widget(value, value_area);
    if focused {
        let x = field.visual_cursor().saturating_sub(scroll);
        frame.set_cursor_position(Position::new(
            value_area.x + u16::try_from(x).unwrap_or(0),
            value_area.y,
        ));
    }
    if area.height > 1 {
        let below = Rect::new(value_area.x, area.y + 1, value_area.width, 1);
        let line = match (field.error, hint) {
            (Some(e), _) => Span::styled(s.field_error(e), theme.error),
            (None, Some(h)) => Span::styled(h.to_owned(), theme.dim),
            (None, None) => Span::raw(""),
        };
        frame.render_widget(Paragraph::new(line), below);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn typing_chinese_moves_the_caret_two_columns_a_character() {
        let mut f = TextField::new(TextKind::Name);
        for c in "张三".chars() {
            assert!(f.handle_key(key(KeyCode::Char(c))));
        }
        assert_eq!(f.value(), "张三");
        assert_eq!(f.visual_cursor(), 4);
        f.handle_key(key(KeyCode::Left));
        assert_eq!(f.visual_cursor(), 2);
        f.handle_key(key(KeyCode::Char('小')));
        assert_eq!(f.value(), "张小三");
    }

    #[test]
    fn a_forbidden_character_is_refused_and_the_text_kept() {
        let mut f = TextField::with_value(TextKind::Name, "王五");
        f.handle_key(key(KeyCode::Char('\u{202E}')));
        assert_eq!(f.value(), "王五");
        assert_eq!(f.error, Some(FieldError::Forbidden));
        f.handle_key(key(KeyCode::Char('六')));
        assert_eq!(f.error, None);
        assert_eq!(f.value(), "王五六");
    }

    #[test]
    fn over_long_input_is_refused_at_the_limit() {
        let mut f = TextField::with_value(TextKind::Name, &"a".repeat(40));
        f.handle_key(key(KeyCode::Char('b')));
        assert_eq!(f.value().len(), 40);
        assert_eq!(f.error, Some(FieldError::TooLong { max: 40 }));
        f.paste("xyz");
        assert_eq!(f.value().len(), 40);
    }

    #[test]
    fn paste_drops_escape_sequences_and_line_breaks() {
        let mut f = TextField::new(TextKind::Name);
        f.paste("李\u{1b}[31m四\r\n");
        assert_eq!(f.value(), "李四 ");
    }

    #[test]
    fn a_long_value_scrolls_to_keep_the_caret_in_view_without_halving_a_wide_character() {
        let f = TextField::with_value(TextKind::Line, "一二三四五六七八九十");
        // 20 columns of text, caret at the end, 9 columns to show it in: 11 must scroll off,
        // rounded up to 12 so that no character is cut in half.
        assert_eq!(f.visual_cursor(), 20);
        assert_eq!(f.visual_scroll(9), 12);
        assert_eq!(f.visual_scroll(30), 0);
        let mut f = f;
        f.handle_key(key(KeyCode::Home));
        assert_eq!(f.visual_cursor(), 0);
        assert_eq!(f.visual_scroll(9), 0);
    }

    #[test]
    fn editing_keys_delete_words_and_lines_like_a_shell() {
        let mut f = TextField::with_value(TextKind::Line, "门卫 张三 到了");
        f.handle_key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(f.value(), "门卫 张三 ");
        f.handle_key(key(KeyCode::Left));
        f.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(f.value(), " ");
        f.handle_key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL));
        f.handle_key(key(KeyCode::Char('李')));
        assert_eq!(f.value(), "李 ");
    }
}
