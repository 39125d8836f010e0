//! Follow-ups: open ones first by due time, overdue ones marked `!!` (seen without colour too);
//! completed with an outcome, rescheduled with a reason; `m` shows only mine.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, followup_line};
use crate::action::Action;
use crate::action::{FollowupAction, IncidentAction};
use crate::domain::followup::{Followup, FollowupStatus};
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};

#[derive(Debug, Clone, Default)]
pub struct FollowupList {
    pub mine: bool,
    pub with_done: bool,
    pub rows: Vec<Followup>,
    cursor: ListCursor,
}

impl FollowupList {
    /// How many rows to load (see `list_window`).
    pub fn window(&self) -> u32 {
        super::list_window(self.cursor.at())
    }

    /// The rows loaded again: the cursor stays with the follow-up it was on (a rescheduled one
    /// moves in the list), or at its place when that one left the list.
    pub fn set_rows(&mut self, rows: Vec<Followup>) {
        let was = self.rows.get(self.cursor.at()).map(|f| f.id);
        self.rows = rows;
        self.cursor.follow(&self.rows, |f| Some(f.id) == was);
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        // The list may have shrunk since the last key (its last row done or signed out).
        self.cursor.clamp(self.rows.len());
        match self.cursor.step(key, self.rows.len(), true) {
            Step::NotMine => {}
            Step::Moved => return None,
            // At the last row loaded: load the next page (if there is more).
            Step::WantsMore => return Some(Action::Reload),
        }
        let open = self
            .rows
            .get(self.cursor.at())
            .filter(|f| f.status == FollowupStatus::Open);
        match key.code {
            KeyCode::Char('c') => {
                return open.map(|f| Action::Followup(FollowupAction::AskCompleteFollowup(f.id)));
            }
            KeyCode::Char('r') => {
                return open.map(|f| Action::Followup(FollowupAction::AskRescheduleFollowup(f.id)));
            }
            KeyCode::Char('a') => return Some(Action::Followup(FollowupAction::NewFollowup)),
            KeyCode::Enter => {
                return self
                    .rows
                    .get(self.cursor.at())
                    .and_then(|f| f.incident.as_ref())
                    .map(|(id, _)| Action::Incident(IncidentAction::OpenIncident(*id)));
            }
            KeyCode::Char('m') => {
                self.mine = !self.mine;
                self.cursor.to_top();
                return Some(Action::Reload);
            }
            KeyCode::Char('d') => {
                self.with_done = !self.with_done;
                self.cursor.to_top();
                return Some(Action::Reload);
            }
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        vec![
            ("c", s.keys.complete),
            ("r", s.keys.reschedule),
            ("a", s.keys.new),
            ("Enter", s.keys.open_incident),
            (
                "m",
                if self.mine {
                    s.keys.everyones
                } else {
                    s.keys.mine
                },
            ),
            (
                "d",
                if self.with_done {
                    s.keys.open_only
                } else {
                    s.keys.with_done
                },
            ),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let now = view.now_utc();
        let overdue = self.rows.iter().filter(|f| f.is_overdue(now)).count();
        let mut title = vec![Span::styled(format!("{} ", s.followups_title), theme.title)];
        if self.mine {
            title.push(Span::styled(format!("[{}] ", s.keys.mine), theme.warn));
        }
        if overdue > 0 {
            title.push(Span::styled(
                format!("!! {}", (s.overdue_n)(overdue)),
                theme.missed,
            ));
        }
        let mut lines = vec![Line::from(title)];
        if self.rows.is_empty() {
            lines.push(Line::from(Span::styled(s.empty.followups, theme.dim)));
        }
        let room = usize::from(area.height).saturating_sub(1).max(1);
        let cursor = self.cursor.at().min(self.rows.len().saturating_sub(1));
        let from = cursor.saturating_sub(room - 1);
        for (i, f) in self.rows.iter().enumerate().skip(from).take(room) {
            lines.push(followup_line(f, i == cursor, view));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    pub fn selected(&self) -> Option<&Followup> {
        self.rows.get(self.cursor.at())
    }
}
