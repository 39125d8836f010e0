//! The help popup (`?`): every key of the current screen and the global ones, and what the
//! states of a round mean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{View, pad};
use crate::widgets::{Keys, popup};

pub fn render(frame: &mut Frame<'_>, area: Rect, view: &View<'_>, screen_keys: &Keys) {
    let (s, theme) = (view.s, view.theme);
    let inner = popup::frame_box(
        frame,
        area,
        76,
        area.height.saturating_sub(2),
        s.help_title,
        theme,
    );
    let mut lines = vec![Line::from(Span::styled(s.help_this_screen, theme.title))];
    for (key, what) in screen_keys {
        lines.push(Line::from(vec![
            Span::styled(pad(key, 10), theme.title),
            Span::raw(*what),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(s.help_everywhere, theme.title)));
    for (key, what) in s.global_keys {
        lines.push(Line::from(vec![
            Span::styled(pad(key, 10), theme.title),
            Span::raw(*what),
        ]));
    }
    lines.push(Line::from(""));
    for line in s.help_states {
        lines.push(Line::from(Span::raw(*line)));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(s.help_close, theme.dim)));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
