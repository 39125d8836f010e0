//! Drawing the incident list: its filters and search over the rows, or the mailbox slips.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{IncidentList, Mode, Range, incident_line, widths};
use crate::domain::incident::IncidentRow;
use crate::domain::slip::SlipStatus;
use crate::domain::text;
use crate::screens::{View, cell, truncate};

impl IncidentList {
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let [head, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
        match self.mode {
            Mode::Incidents => {
                self.render_filters(frame, head, view);
                self.render_rows(frame, body, view);
            }
            Mode::Slips => {
                let s = view.s;
                frame.render_widget(
                    Paragraph::new(vec![
                        Line::from(Span::styled(
                            (s.slips_title)(view.data.unverified_slips),
                            view.theme.title,
                        )),
                        Line::from(Span::styled(
                            truncate(s.slips_help, usize::from(head.width)),
                            view.theme.dim,
                        )),
                    ]),
                    head,
                );
                self.render_slips(frame, body, view);
            }
        }
    }

    /// Two rows over the list: the filters with their keys, then the student and the search
    /// (being typed, with the caret, or in force).
    fn render_filters(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(self.filter_spans(view)),
                Line::from(self.search_spans(view)),
            ]),
            area,
        );
        if let Some(field) = &self.search {
            let x = area.x
                + 2
                + u16::try_from(unicode_width::UnicodeWidthStr::width(field.value())).unwrap_or(0);
            if view.caret {
                frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y + 1));
            }
        }
    }

    /// The title and each filter as `key name:value`, and a warning when voided ones show.
    fn filter_spans(&self, view: &View<'_>) -> Vec<Span<'static>> {
        let (s, theme, f) = (view.s, view.theme, &self.filter);
        let all = s.filter_all;
        let status = f.status.map_or(all, |v| s.status(v));
        let category = f
            .category
            .and_then(|i| view.cfg.categories.get(i))
            .map_or(all, |c| c.name.get(view.lang));
        let place = f
            .place
            .and_then(|i| view.cfg.places.get(i))
            .map_or(all, |p| p.short.get(view.lang));
        let range = match f.range {
            Range::All => all,
            Range::Today => s.range_today,
            Range::Week => s.range_week,
            Range::Month => s.range_month,
        };
        let mut spans = vec![
            Span::styled(format!("{} ", s.incidents_title), theme.title),
            Span::styled(
                format!(
                    "1 {}:{status}  2 {}:{category}  3 {}:{place}  4 {}:{range}",
                    s.fields.status, s.fields.category, s.fields.place, s.fields.period
                ),
                theme.dim,
            ),
        ];
        if f.voided {
            spans.push(Span::styled(format!("  v {}", s.with_voided), theme.warn));
        }
        spans
    }

    /// The student the list is narrowed to, and the search: being typed, or in force.
    fn search_spans(&self, view: &View<'_>) -> Vec<Span<'static>> {
        let (s, theme, f) = (view.s, view.theme, &self.filter);
        let mut second = Vec::new();
        if let Some((_, name)) = &f.student {
            second.push(Span::styled(
                format!("{} {}  ", s.fields.student, text::line(name)),
                theme.warn,
            ));
        }
        match &self.search {
            Some(field) => {
                second.push(Span::styled(
                    format!("/ {}", text::line(field.value())),
                    theme.focused_field,
                ));
            }
            None if !f.text.is_empty() => second.push(Span::styled(
                format!("/ {}", text::line(&f.text)),
                theme.warn,
            )),
            None => {}
        }
        second
    }

    fn render_rows(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        if self.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(s.empty.incidents, theme.dim)),
                area,
            );
            return;
        }
        let room = usize::from(area.height).max(1);
        let cursor = self.cursor.at().min(self.rows.len() - 1);
        let from = cursor.saturating_sub(room - 1);
        let all: Vec<&IncidentRow> = self.rows.iter().collect();
        let w = widths(&all, usize::from(area.width), view);
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(from)
            .take(room)
            .map(|(i, r)| incident_line(r, i == cursor, &w, view))
            .collect();
        let _ = theme;
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn render_slips(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        if self.slips.is_empty() {
            frame.render_widget(Paragraph::new(Span::styled(s.empty.slips, theme.dim)), area);
            return;
        }
        let width = usize::from(area.width);
        let lines: Vec<Line> = self
            .slips
            .iter()
            .enumerate()
            .take(usize::from(area.height))
            .map(|(i, slip)| {
                let selected = i == self.cursor.at();
                let status = match (&slip.merged_into, slip.status) {
                    (Some((_, number)), _) => format!("{} {number}", s.slip_status(slip.status)),
                    (None, st) => s.slip_status(st).to_owned(),
                };
                let head = format!(
                    "{} {} ",
                    if selected { "▶" } else { " " },
                    slip.received_on.format("%m-%d")
                );
                let rest =
                    width.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()) + 14);
                Line::from(vec![
                    Span::raw(head),
                    Span::styled(
                        cell(&status, 22),
                        if slip.status == SlipStatus::Unverified {
                            theme.warn
                        } else {
                            theme.dim
                        },
                    ),
                    Span::styled(
                        truncate(&text::line(&slip.text.replace('\n', " ")), rest),
                        if selected {
                            theme.selected
                        } else {
                            Style::new()
                        },
                    ),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }
}
