//! One student's chronology: every incident they appear in, with their role, and every
//! follow-up about them, newest first.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::incidents::{incident_line, widths};
use super::{View, followup_line};
use crate::action::Action;
use crate::action::{FollowupAction, IncidentAction};
use crate::domain::followup::Followup;
use crate::domain::incident::{IncidentRow, Role};
use crate::domain::people::{Student, StudentId};
use crate::domain::text;
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};

/// One line of the chronology.
#[derive(Debug, Clone)]
pub enum Entry {
    Incident(IncidentRow, Role),
    Followup(Followup),
}

impl Entry {
    fn at(&self) -> DateTime<Utc> {
        match self {
            Entry::Incident(r, _) => r.occurred_at,
            Entry::Followup(f) => f.done_at.unwrap_or(f.due_at),
        }
    }
}

#[derive(Debug, Clone)]
pub struct StudentView {
    pub id: StudentId,
    pub student: Option<Student>,
    entries: Vec<Entry>,
    cursor: ListCursor,
}

impl StudentView {
    pub fn new(id: StudentId) -> StudentView {
        StudentView {
            id,
            student: None,
            entries: Vec::new(),
            cursor: ListCursor::default(),
        }
    }

    /// Takes what the app loaded and puts it in time order, newest first.
    pub fn set(
        &mut self,
        student: Option<Student>,
        incidents: Vec<(IncidentRow, Role)>,
        followups: Vec<Followup>,
    ) {
        self.student = student;
        let mut entries: Vec<Entry> = incidents
            .into_iter()
            .map(|(r, role)| Entry::Incident(r, role))
            .chain(followups.into_iter().map(Entry::Followup))
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.at()));
        self.entries = entries;
        self.cursor.clamp(self.entries.len());
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if self.cursor.step(key, self.entries.len(), false) != Step::NotMine {
            return None;
        }
        match key.code {
            KeyCode::Enter => match self.entries.get(self.cursor.at()) {
                Some(Entry::Incident(r, _)) => {
                    return Some(Action::Incident(IncidentAction::OpenIncident(r.id)));
                }
                Some(Entry::Followup(f)) => {
                    return f
                        .incident
                        .as_ref()
                        .map(|(id, _)| Action::Incident(IncidentAction::OpenIncident(*id)));
                }
                None => {}
            },
            KeyCode::Char('f') => {
                return Some(Action::Followup(FollowupAction::NewFollowupForStudent(
                    self.id,
                )));
            }
            KeyCode::Esc => return Some(Action::Back),
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        vec![
            ("↑↓", s.keys.choose),
            ("Enter", s.keys.open),
            ("f", s.keys.add_followup),
            ("Esc", s.keys.back),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let head = self.student.as_ref().map_or_else(String::new, |st| {
            format!(
                "{} · {} · {}",
                text::line(&st.name),
                text::line(&st.class_name),
                text::line(&st.number)
            )
        });
        let incidents = self
            .entries
            .iter()
            .filter(|e| matches!(e, Entry::Incident(..)))
            .count();
        let mut lines = vec![
            Line::from(vec![
                Span::styled(format!("{} ", s.chronology_title), theme.title),
                Span::raw(head),
            ]),
            Line::from(Span::styled(
                (s.chronology_counts)(incidents, self.entries.len() - incidents),
                theme.dim,
            )),
        ];
        if self.entries.is_empty() {
            lines.push(Line::from(Span::styled(s.nothing_recorded, theme.dim)));
        }
        let room = usize::from(area.height).saturating_sub(2).max(1);
        let from = self.cursor.at().saturating_sub(room - 1);
        for (i, e) in self.entries.iter().enumerate().skip(from).take(room) {
            let selected = i == self.cursor.at();
            lines.push(match e {
                Entry::Incident(r, role) => {
                    let rows: Vec<&IncidentRow> = self
                        .entries
                        .iter()
                        .filter_map(|e| match e {
                            Entry::Incident(r, _) => Some(r),
                            Entry::Followup(_) => None,
                        })
                        .collect();
                    let w = widths(&rows, usize::from(area.width).saturating_sub(10), view);
                    let mut line = incident_line(r, selected, &w, view);
                    line.spans
                        .insert(1, Span::styled(format!("[{}] ", s.role(*role)), theme.warn));
                    line
                }
                Entry::Followup(f) => followup_line(f, selected, view),
            });
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}
