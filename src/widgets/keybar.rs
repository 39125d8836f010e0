//! The bar at the bottom: the current screen's keys, always visible.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::theme::Theme;

/// Draws as many (key, label) pairs as fit, in order; the rest are in the help screen.
pub fn render(frame: &mut Frame<'_>, area: Rect, keys: &[(&str, &str)], theme: &Theme) {
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in keys {
        let width = key.width() + label.width() + 4;
        if used + width > usize::from(area.width) {
            break;
        }
        spans.push(Span::styled(format!(" {key} "), theme.key));
        spans.push(Span::raw(format!(" {label} ")));
        used += width;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
