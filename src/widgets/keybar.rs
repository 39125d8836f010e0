//! The bar at the bottom: the current screen's keys, always visible, with help pinned right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::theme::Theme;

fn width(key: &str, label: &str) -> usize {
    key.width() + label.width() + 3
}

fn push(spans: &mut Vec<Span<'_>>, key: &str, label: &str, theme: &Theme) {
    spans.push(Span::styled(format!(" {key} "), theme.key));
    spans.push(Span::raw(format!(" {label}")));
}

/// Draws as many (key, label) pairs as fit, in order, and `pinned` at the right end; keys that
/// do not fit are still listed in the help screen.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    keys: &[(&str, &str)],
    pinned: (&str, &str),
    theme: &Theme,
) {
    let total = usize::from(area.width);
    let room = total.saturating_sub(width(pinned.0, pinned.1) + 1);
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in keys {
        let w = width(key, label) + 1;
        if used + w > room {
            break;
        }
        push(&mut spans, key, label, theme);
        spans.push(Span::raw(" "));
        used += w;
    }
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used) + 1)));
    push(&mut spans, pinned.0, pinned.1, theme);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
