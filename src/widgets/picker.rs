//! The type-ahead list under a field: matching names, one of them highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::domain::text;
use crate::theme::Theme;

/// Draws `choices` (name, detail) in a bordered box at `area`, `selected` highlighted.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    choices: &[(String, String)],
    selected: Option<usize>,
    theme: &Theme,
) {
    if choices.is_empty() || area.height < 3 {
        return;
    }
    let height = (u16::try_from(choices.len()).unwrap_or(u16::MAX) + 2).min(area.height);
    let area = Rect { height, ..area };
    frame.render_widget(Clear, area);
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .map(|(i, (name, detail))| {
            let style = if Some(i) == selected {
                theme.selected
            } else {
                ratatui::style::Style::new()
            };
            Line::from(vec![
                Span::styled(format!(" {} ", text::line(name)), style),
                Span::styled(format!(" {detail}"), theme.dim),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.dim),
        ),
        area,
    );
}
