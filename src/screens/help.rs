//! The help popup (`?`, F1): the keys of the current screen, the keys that work everywhere, and
//! what the states of a round mean. Keys are laid out in two columns so it fits 80×24.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, pad};
use crate::widgets::{Keys, popup};

/// `in_form`: the global keys do not work in a form (letters are typed), so say that instead.
/// `patrols`: on the patrol screens, also what the states of a round mean.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    view: &View<'_>,
    screen_keys: &Keys,
    (in_form, patrols): (bool, bool),
) {
    let (s, theme) = (view.s, view.theme);
    let width = area.width.min(78);
    let inner_width = width.saturating_sub(2);
    let column = usize::from(inner_width / 2);
    let mut lines = vec![Line::from(Span::styled(s.help_this_screen, theme.title))];
    lines.extend(two_columns(screen_keys, column, view));
    lines.push(Line::from(""));
    if in_form {
        for line in popup::wrap(s.help_in_form, usize::from(inner_width)) {
            lines.push(Line::from(Span::raw(line)));
        }
    } else {
        lines.push(Line::from(Span::styled(s.help_everywhere, theme.title)));
        lines.extend(two_columns(s.global_keys, column, view));
    }
    if patrols {
        lines.push(Line::from(""));
        for line in s
            .help_states
            .iter()
            .flat_map(|l| popup::wrap(l, usize::from(inner_width)))
        {
            lines.push(Line::from(Span::styled(line, theme.dim)));
        }
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let inner = popup::frame_box(frame, area, width, height, s.help_title, theme);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn two_columns(keys: &[(&str, &str)], column: usize, view: &View<'_>) -> Vec<Line<'static>> {
    keys.chunks(2)
        .map(|pair| {
            let mut spans = Vec::new();
            for (i, (key, what)) in pair.iter().enumerate() {
                spans.push(Span::styled(format!(" {}", pad(key, 8)), view.theme.title));
                let width = column.saturating_sub(9 + usize::from(i == 0));
                spans.push(Span::raw(pad(what, width)));
            }
            Line::from(spans)
        })
        .collect()
}
