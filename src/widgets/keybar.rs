//! The bar at the bottom: the current screen's keys, always visible, with help pinned right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::theme::Theme;

/// How a (key, label) pair is drawn: roomy (" v  label") when every key fits that way, tight
/// ("v label") when only that makes them fit, so a narrow terminal loses spacing before keys.
#[derive(Clone, Copy)]
enum Spacing {
    Roomy,
    Tight,
}

impl Spacing {
    fn width(self, key: &str, label: &str) -> usize {
        match self {
            Spacing::Roomy => key.width() + label.width() + 4,
            Spacing::Tight => key.width() + label.width() + 3,
        }
    }

    /// The blank after a pair's label, before the next key.
    fn gap(self) -> usize {
        match self {
            Spacing::Roomy => 1,
            Spacing::Tight => 2,
        }
    }

    fn push(self, spans: &mut Vec<Span<'_>>, key: &str, label: &str, theme: &Theme) {
        match self {
            Spacing::Roomy => {
                spans.push(Span::styled(format!(" {key} "), theme.key));
                spans.push(Span::raw(format!(" {label} ")));
            }
            Spacing::Tight => {
                spans.push(Span::styled(key.to_owned(), theme.key));
                spans.push(Span::raw(format!(" {label}  ")));
            }
        }
    }
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
    let all = |spacing: Spacing| -> usize {
        keys.iter().map(|(k, l)| spacing.width(k, l)).sum::<usize>()
            + spacing.width(pinned.0, pinned.1)
    };
    let spacing = if all(Spacing::Roomy) <= total {
        Spacing::Roomy
    } else {
        Spacing::Tight
    };
    // The pinned pair ends the line, so its trailing gap is not drawn.
    let pinned_width = spacing.width(pinned.0, pinned.1) - spacing.gap();
    let room = total.saturating_sub(pinned_width);
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in keys {
        let w = spacing.width(key, label);
        if used + w > room {
            break;
        }
        spacing.push(&mut spans, key, label, theme);
        used += w;
    }
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
    spacing.push(&mut spans, pinned.0, pinned.1, theme);
    if let Some(last) = spans.last_mut() {
        last.content = last.content.trim_end().to_owned().into();
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
