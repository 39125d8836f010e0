//! Drawing the incident form: its heading, the fields, the students on it, and over them the
//! student popup or the question for a correction's reason.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{IncidentForm, Mode, Section};
use crate::domain::text;
use crate::screens::{View, cell, pad};
use crate::widgets::field;
use crate::widgets::popup;

impl IncidentForm {
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        // The students' list grows with them, up to five rows and its title.
        let list_height = u16::try_from(self.students.len().max(1) + 1)
            .unwrap_or(2)
            .min(6);
        let [title, fields, students] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(4),
            Constraint::Length(list_height),
        ])
        .areas(area);
        let heading = match &self.mode {
            Mode::New { .. } => s.new_incident.to_owned(),
            Mode::Correct { number, .. } => (s.correct_incident)(number),
        };
        frame.render_widget(Paragraph::new(Span::styled(heading, theme.title)), title);
        let popup_open = self.editor.is_some() || self.reason.is_some();
        self.form.render(
            frame,
            fields,
            view,
            self.section == Section::Fields && !popup_open && view.caret,
        );
        self.render_students(frame, students, view);
        if let Some(editor) = &self.editor {
            editor.render(frame, area, view);
        }
        self.render_reason(frame, area, view);
    }

    /// The popup asking why the incident is corrected, while it is open.
    fn render_reason(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        if let Some(reason) = &self.reason {
            let inner = popup::frame_box(frame, area, 70, 6, s.correction_reason_title, theme);
            field::render(
                frame,
                Rect { height: 2, ..inner },
                reason,
                &field::Spec {
                    label: s.reason_label,
                    label_width: 8,
                    focused: view.caret,
                    hint: Some(s.correction_reason_hint),
                },
                (s, theme),
            );
        }
    }

    fn render_students(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let focused = self.section == Section::Students;
        let mut lines = vec![Line::from(Span::styled(
            format!("{} ({})", s.fields.students, self.students.len()),
            if focused { theme.title } else { theme.dim },
        ))];
        if self.students.is_empty() {
            lines.push(Line::from(Span::styled(s.empty.students_yet, theme.dim)));
        }
        for (i, r) in self.students.iter().enumerate() {
            let selected = focused && i == self.cursor.at();
            let measures: Vec<std::borrow::Cow<'_, str>> = r
                .measures
                .iter()
                .map(|m| view.cfg.measure_name(m, view.lang))
                .collect();
            let told = r
                .told_at
                .map(|t| format!(" · {} {}", s.parents_told, view.day_hm(t)))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(if selected { " ▶ " } else { "   " }),
                Span::styled(
                    pad(&text::line(&r.name), 10),
                    if selected {
                        theme.selected
                    } else {
                        ratatui::style::Style::new()
                    },
                ),
                Span::raw(format!(" {}", cell(s.role(r.role), 10))),
                Span::styled(format!("{}{told}", measures.join("、")), theme.dim),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}
