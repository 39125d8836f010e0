//! Centred popups drawn over a screen: a yes/no question, and a box for other overlays.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
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
    clear_wide_neighbours(frame, outer);
    frame.render_widget(Clear, outer);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    inner
}

/// A Chinese character just left of the box would spill its right half over the box's border:
/// blank it so the border shows.
fn clear_wide_neighbours(frame: &mut Frame<'_>, outer: Rect) {
    if outer.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for y in outer.top()..outer.bottom() {
        if let Some(cell) = buf.cell_mut((outer.x - 1, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// A message in a box; the keys to answer it are on the key bar.
pub fn message(frame: &mut Frame<'_>, area: Rect, title: &str, text: &str, theme: &Theme) {
    let width = u16::try_from(text.width() + 4)
        .unwrap_or(u16::MAX)
        .clamp(30, 64);
    let lines = wrap(text, usize::from(width - 4));
    let height = u16::try_from(lines.len()).unwrap_or(1) + 2;
    let inner = frame_box(frame, area, width, height, title, theme);
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::from(Span::styled(format!(" {l}"), theme.warn)))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A yes/no question.
pub fn confirm(frame: &mut Frame<'_>, area: Rect, question: &str, ui: (&Strings, &Theme)) {
    let (s, theme) = ui;
    let width = u16::try_from(question.width() + 4)
        .unwrap_or(u16::MAX)
        .clamp(30, 64);
    let text_lines = wrap(question, usize::from(width - 4));
    let height = u16::try_from(text_lines.len()).unwrap_or(1) + 4;
    let inner = frame_box(frame, area, width, height, s.confirm.title, theme);
    let mut lines: Vec<Line> = text_lines
        .into_iter()
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::raw(" "),
        Span::styled(" y ", theme.key),
        Span::raw(format!(" {}   ", s.yes)),
        Span::styled(" n ", theme.key),
        Span::raw(format!(" {}", s.no)),
    ]));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Breaks `text` into lines of at most `width` columns: Chinese between any two characters (but
/// never with closing punctuation at the start of a line), English at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    const NO_LINE_START: &str = "，。、；：？！）」』》〉】”’,.;:?!)]}";
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && !line.is_empty() {
            if c == ' ' {
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                used = 0;
                continue;
            }
            let mut carry = String::new();
            let last = line.chars().last().unwrap_or(' ');
            if c.is_ascii_alphanumeric() && last.is_ascii_graphic() {
                // Inside an English word: move the word to the next line.
                if let Some(at) = line.rfind(' ') {
                    carry = line.split_off(at + 1);
                }
            } else if NO_LINE_START.contains(c) && line.chars().count() > 1 {
                carry.extend(line.pop());
            }
            lines.push(line.trim_end().to_owned());
            used = carry.width();
            line = carry;
        }
        line.push(c);
        used += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_chinese_between_characters_and_english_at_spaces() {
        assert_eq!(wrap("一二三四五", 4), vec!["一二", "三四", "五"]);
        assert_eq!(
            wrap("close this shift now", 10),
            vec!["close this", "shift now"]
        );
        assert_eq!(
            wrap("close this shift now", 8),
            vec!["close", "this", "shift", "now"]
        );
        for line in wrap(
            "有 2 项未填写。按“部分完成”保存吗？（部分完成的巡查之后须说明原因。）",
            20,
        ) {
            assert!(line.width() <= 20, "{line}");
        }
    }
}
