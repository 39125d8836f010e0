//! The hazard and dispute register (隐患和矛盾纠纷台账): pending ones first by due date, overdue
//! ones marked `!!`; the selected one's details below, with its steps and history.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{View, cell, history_lines, truncate};
use crate::action::Action;
use crate::action::{FollowupAction, HazardAction};
use crate::domain::hazard::{Hazard, HazardStatus};
use crate::domain::history::LogEntry;
use crate::domain::incident::PlaceRef;
use crate::domain::text;
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};

#[derive(Debug, Clone, Default)]
pub struct HazardList {
    pub all: bool,
    pub rows: Vec<Hazard>,
    /// History of the selected hazard, loaded by the app.
    pub history: Vec<LogEntry>,
    cursor: ListCursor,
    /// The cursor moved within the rows loaded: only the selected row's history is needed.
    pub rows_current: bool,
}

impl HazardList {
    pub fn selected(&self) -> Option<&Hazard> {
        self.rows.get(self.cursor.at())
    }

    /// How many rows to load (see `list_window`).
    pub fn window(&self) -> u32 {
        super::list_window(self.cursor.at())
    }

    /// The rows loaded again: the cursor stays with the hazard it was on, or at its place when
    /// that one left the list.
    pub fn set_rows(&mut self, rows: Vec<Hazard>) {
        let was = self.selected().map(|h| h.id);
        self.rows = rows;
        self.cursor.follow(&self.rows, |h| Some(h.id) == was);
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        // The list may have shrunk since the last key (its last row done or signed out).
        self.cursor.clamp(self.rows.len());
        let window = self.window();
        let step = self.cursor.step(key, self.rows.len(), true);
        if step != Step::NotMine {
            // The selected hazard's history is read for it; past the rows loaded, the next
            // page comes with the list.
            self.rows_current = step == Step::Moved && self.window() == window;
            return Some(Action::Reload);
        }
        let h = self.selected();
        match key.code {
            KeyCode::Char('a') => return Some(Action::Hazard(HazardAction::NewHazard)),
            KeyCode::Char('r') => {
                return h
                    .filter(|h| h.status.is_pending())
                    .map(|h| Action::Hazard(HazardAction::AskAdvanceHazard(h.id)));
            }
            KeyCode::Char('v') => {
                return h
                    .filter(|h| h.status == HazardStatus::Rectified)
                    .map(|h| Action::Hazard(HazardAction::VerifyHazard(h.id, h.version)));
            }
            KeyCode::Char('f') => {
                return h.map(|h| Action::Followup(FollowupAction::NewFollowupForHazard(h.id)));
            }
            KeyCode::Char('d') => {
                self.all = !self.all;
                self.cursor.to_top();
                return Some(Action::Reload);
            }
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        let mut keys = vec![("a", s.keys.new)];
        match self.selected().map(|h| h.status) {
            Some(HazardStatus::Open) => keys.push(("r", s.keys.start_rectifying)),
            Some(HazardStatus::Rectifying) => keys.push(("r", s.keys.mark_rectified)),
            Some(HazardStatus::Rectified) => keys.push(("v", s.keys.verify)),
            _ => {}
        }
        keys.extend([
            ("f", s.keys.add_followup),
            (
                "d",
                if self.all {
                    s.keys.open_only
                } else {
                    s.keys.with_done
                },
            ),
        ]);
        keys
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let detail_height = (area.height / 2).clamp(5, 12);
        let [list, detail] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(detail_height)]).areas(area);
        let today = view.now.date();
        let overdue = self.rows.iter().filter(|h| h.is_overdue(today)).count();
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{} ", s.hazards_title), theme.title),
            Span::styled(
                if overdue > 0 {
                    format!("!! {}", (s.overdue_n)(overdue))
                } else {
                    String::new()
                },
                theme.missed,
            ),
        ])];
        if self.rows.is_empty() {
            lines.push(Line::from(Span::styled(s.empty.hazards, theme.dim)));
        }
        let room = usize::from(list.height).saturating_sub(1).max(1);
        // As wide as the longest place, within what the window allows.
        let cap = if list.width >= 110 { 26 } else { 14 };
        let place_width = self
            .rows
            .iter()
            .map(|h| {
                unicode_width::UnicodeWidthStr::width(place_name(&h.draft.place, view).as_str()) + 1
            })
            .max()
            .unwrap_or(8)
            .clamp(8, cap);
        let cursor = self.cursor.at().min(self.rows.len().saturating_sub(1));
        let from = cursor.saturating_sub(room - 1);
        for (i, h) in self.rows.iter().enumerate().skip(from).take(room) {
            lines.push(hazard_line(
                h,
                i == cursor,
                usize::from(list.width),
                place_width,
                view,
            ));
        }
        frame.render_widget(Paragraph::new(lines), list);
        if let Some(h) = self.selected() {
            self.render_detail(frame, detail, h, view);
        }
    }

    fn render_detail(&self, frame: &mut Frame<'_>, area: Rect, h: &Hazard, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "{} · {} · {} {}",
                s.hazard_kind(h.draft.kind),
                place_name(&h.draft.place, view),
                s.fields.owner,
                h.owner_name
                    .as_deref()
                    .map_or("—".into(), |n| text::line(n).into_owned())
            ),
            theme.title,
        ))];
        lines.push(Line::from(
            text::display(&h.draft.description, true).replace('\n', " "),
        ));
        if !h.draft.steps.is_empty() {
            lines.push(Line::from(Span::styled(
                format!(
                    "{} {}",
                    s.fields.steps,
                    text::display(&h.draft.steps, true).replace('\n', " ")
                ),
                theme.dim,
            )));
        }
        lines.extend(history_lines(&self.history, view));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    }
}

fn place_name(p: &PlaceRef, view: &View<'_>) -> String {
    match p {
        PlaceRef::Config(id) => view.cfg.place_name(id, view.lang).into_owned(),
        PlaceRef::Text(t) => text::line(t).into_owned(),
    }
}

/// One hazard: due date (`!!` when overdue), status, risk, place, what.
pub fn hazard_line(
    h: &Hazard,
    selected: bool,
    width: usize,
    place_width: usize,
    view: &View<'_>,
) -> Line<'static> {
    let (s, theme) = (view.s, view.theme);
    let overdue = h.is_overdue(view.now.date());
    let style = if overdue {
        theme.missed
    } else if h.status.is_pending() {
        theme.due
    } else {
        theme.dim
    };
    let risk = view
        .cfg
        .risk(&h.draft.risk)
        .map_or(h.draft.risk.as_str(), |r| r.name.get(view.lang));
    let head = vec![
        Span::styled(
            format!(
                "{}{} ",
                if selected { "▶" } else { " " },
                if overdue { "!!" } else { "  " }
            ),
            style,
        ),
        Span::styled(
            format!("{} {} ", s.due_word, h.due_on.format("%m-%d")),
            style,
        ),
        Span::styled(cell(s.hazard_status(h.status), 12), style),
        Span::raw(cell(risk, 9)),
        Span::raw(cell(&place_name(&h.draft.place, view), place_width)),
    ];
    let used: usize = head
        .iter()
        .map(|sp| unicode_width::UnicodeWidthStr::width(sp.content.as_ref()))
        .sum();
    let mut spans = head;
    spans.push(Span::styled(
        truncate(
            &text::line(&h.draft.description.replace('\n', " ")),
            width.saturating_sub(used),
        ),
        if selected {
            theme.selected
        } else {
            Style::new()
        },
    ));
    Line::from(spans)
}
