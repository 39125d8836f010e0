//! Centred popups drawn over a screen: a yes/no question, and a box for other overlays.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Strings;
use crate::theme::Theme;

/// A rectangle of `width` × `height` centred in `area` (clamped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Clears a centred box with a border and a title, and returns its inside.
pub fn frame_box(
    frame: &mut Frame<'_>,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    theme: &Theme,
) -> Rect {
    let outer = centered(area, width, height);
    frame.render_widget(Clear, outer);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    inner
}

/// A yes/no question.
pub fn confirm(frame: &mut Frame<'_>, area: Rect, question: &str, ui: (&Strings, &Theme)) {
    let (s, theme) = ui;
    let width = u16::try_from(question.width() + 6)
        .unwrap_or(u16::MAX)
        .clamp(30, 70);
    let lines = u16::try_from(question.width() / usize::from(width - 4) + 1).unwrap_or(1);
    let inner = frame_box(frame, area, width, lines + 4, s.confirm_title, theme);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(question.to_owned()),
            Line::from(""),
            Line::from(vec![
                Span::styled(" y ", theme.key),
                Span::raw(format!(" {}   ", s.yes)),
                Span::styled(" n ", theme.key),
                Span::raw(format!(" {}", s.no)),
            ]),
        ])
        .wrap(Wrap { trim: false }),
        inner,
    );
}
