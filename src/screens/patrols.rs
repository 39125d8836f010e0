//! The patrol grid of one day: a row per slot (and per repetition of a repeating slot), a column
//! per place, each cell a round with its state; the selected round's details below.

use chrono::{Duration, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, day_text, pad, round_title, state_word};
use crate::action::Action;
use crate::action::{HazardAction, IncidentAction, PatrolAction};
use crate::config::Config;
use crate::domain::patrol::{ItemResult, RoundState};
use crate::domain::rounds::{self, RoundView};
use crate::domain::schedule::Window;
use crate::domain::text;
use crate::widgets::Keys;
use unicode_width::UnicodeWidthStr;

const LABEL_WIDTH: usize = 13;
const CELL_WIDTH: usize = 9;

#[derive(Debug, Clone)]
struct GridRow {
    slot: String,
    window: Window,
}

#[derive(Debug, Clone)]
pub struct PatrolScreen {
    pub day: NaiveDate,
    rounds: Vec<RoundView>,
    rows: Vec<GridRow>,
    cols: Vec<String>,
    /// `cells[row][col]`: index into `rounds`, or none where the slot skips the place.
    cells: Vec<Vec<Option<usize>>>,
    row: usize,
    col: usize,
    placed: bool,
}

impl PatrolScreen {
    pub fn new(day: NaiveDate) -> PatrolScreen {
        PatrolScreen {
            day,
            rounds: Vec::new(),
            rows: Vec::new(),
            cols: Vec::new(),
            cells: Vec::new(),
            row: 0,
            col: 0,
            placed: false,
        }
    }

    /// Takes the day's rounds as loaded; on first load puts the cursor on the first round that
    /// wants attention (an unexplained exception, else one that is due).
    pub fn set_rounds(&mut self, rounds: Vec<RoundView>, cfg: &Config) {
        self.rows.clear();
        for r in &rounds {
            let exists = self
                .rows
                .iter()
                .any(|g| g.slot == r.key.slot && g.window.rep == r.window.rep);
            if !exists {
                self.rows.push(GridRow {
                    slot: r.key.slot.clone(),
                    window: r.window,
                });
            }
        }
        self.cols = cfg
            .places
            .iter()
            .filter(|p| rounds.iter().any(|r| r.key.place == p.id))
            .map(|p| p.id.clone())
            .collect();
        self.cells = self
            .rows
            .iter()
            .map(|g| {
                self.cols
                    .iter()
                    .map(|place| {
                        rounds.iter().position(|r| {
                            r.key.slot == g.slot
                                && r.window.rep == g.window.rep
                                && &r.key.place == place
                        })
                    })
                    .collect()
            })
            .collect();
        self.rounds = rounds;
        if !self.placed {
            self.placed = true;
            let wanted = self
                .find(|r| r.open_exception)
                .or_else(|| self.find(|r| r.state == RoundState::Due));
            if let Some((row, col)) = wanted {
                (self.row, self.col) = (row, col);
            }
        }
        self.row = self.row.min(self.rows.len().saturating_sub(1));
        self.col = self.col.min(self.cols.len().saturating_sub(1));
    }

    fn find(&self, want: impl Fn(&RoundView) -> bool) -> Option<(usize, usize)> {
        self.cells.iter().enumerate().find_map(|(r, row)| {
            row.iter()
                .position(|c| c.is_some_and(|i| want(&self.rounds[i])))
                .map(|c| (r, c))
        })
    }

    fn selected(&self) -> Option<&RoundView> {
        let i = (*self.cells.get(self.row)?.get(self.col)?)?;
        self.rounds.get(i)
    }

    pub fn rounds(&self) -> &[RoundView] {
        &self.rounds
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let (rows, cols) = (self.rows.len(), self.cols.len());
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.row = self.row.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.row = (self.row + 1).min(rows.saturating_sub(1));
            }
            KeyCode::Left | KeyCode::Char('h') => self.col = self.col.saturating_sub(1),
            KeyCode::Right | KeyCode::Char('l') => {
                self.col = (self.col + 1).min(cols.saturating_sub(1));
            }
            KeyCode::Char('[') | KeyCode::PageUp => {
                return Some(Action::Patrol(PatrolAction::PatrolDay(
                    self.day - Duration::days(1),
                )));
            }
            KeyCode::Char(']') | KeyCode::PageDown => {
                return Some(Action::Patrol(PatrolAction::PatrolDay(
                    self.day + Duration::days(1),
                )));
            }
            KeyCode::Char('t') => {
                return Some(Action::Patrol(PatrolAction::PatrolDay(view.now.date())));
            }
            KeyCode::Enter => {
                return self
                    .selected()
                    .map(|r| Action::Patrol(PatrolAction::OpenCheck(r.key.clone())));
            }
            KeyCode::Char('o') => {
                return self
                    .selected()
                    .map(|r| Action::Patrol(PatrolAction::QuickOk(r.key.clone())));
            }
            KeyCode::Char('r') => {
                return self
                    .selected()
                    .map(|r| Action::Patrol(PatrolAction::AskReason(r.key.clone())));
            }
            // Letters not taken by the global keys (i and h open the lists).
            KeyCode::Char('e') => {
                return self
                    .selected()
                    .map(|r| Action::Incident(IncidentAction::IncidentFromCheck(r.key.clone())));
            }
            KeyCode::Char('d') => {
                return self
                    .selected()
                    .map(|r| Action::Hazard(HazardAction::HazardFromCheck(r.key.clone())));
            }
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        let mut keys = vec![
            ("←↑↓→", s.keys.choose),
            ("Enter", s.keys.check),
            ("o", s.keys.all_ok),
        ];
        if self.selected().is_some_and(|r| r.state.is_exception()) {
            keys.push(("r", s.keys.reason));
        }
        if self
            .selected()
            .and_then(|r| r.check.as_ref())
            .is_some_and(|c| c.problems > 0)
        {
            keys.extend([("e", s.keys.to_incident), ("d", s.keys.to_hazard)]);
        }
        keys.extend([("[ ]", s.keys.prev_next_day), ("t", s.keys.today)]);
        keys
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let [title, grid, detail] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(4),
        ])
        .areas(area);
        self.render_title(frame, title, view);
        self.render_grid(frame, grid, view);
        self.render_detail(frame, detail, view);
    }

    fn render_title(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let t = rounds::tally(&self.rounds);
        let mut spans = vec![
            Span::styled(
                format!("{} {}", s.patrols_of, day_text(s, self.day)),
                theme.title,
            ),
            Span::styled(
                format!(
                    "   {} {} · {} {} · {} {} · {} {}",
                    s.states.done,
                    t.done,
                    s.states.late,
                    t.late,
                    s.states.partial,
                    t.partial,
                    s.states.missed,
                    t.missed
                ),
                theme.dim,
            ),
        ];
        if self.day != view.now.date() {
            spans.push(Span::styled(format!("   {}", s.not_today), theme.warn));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn render_grid(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        if self.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(s.empty.rounds_this_day, theme.dim)),
                area,
            );
            return;
        }
        let fit_cols = (usize::from(area.width).saturating_sub(LABEL_WIDTH) / CELL_WIDTH).max(1);
        let col_from = self.col.saturating_sub(fit_cols - 1);
        let fit_rows = usize::from(area.height.saturating_sub(1)).max(1);
        let row_from = self.row.saturating_sub(fit_rows - 1);

        let mut header = vec![Span::styled(pad(s.slot, LABEL_WIDTH), theme.dim)];
        for place in self.cols.iter().skip(col_from).take(fit_cols) {
            let name = view
                .cfg
                .place(place)
                .map_or(place.as_str(), |p| p.short.get(view.lang));
            header.push(Span::styled(pad(name, CELL_WIDTH), theme.title));
        }
        let mut lines = vec![Line::from(header)];
        for (r, g) in self.rows.iter().enumerate().skip(row_from).take(fit_rows) {
            lines.push(self.grid_line(r, g, col_from, fit_cols, view));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn grid_line(
        &self,
        r: usize,
        g: &GridRow,
        col_from: usize,
        fit_cols: usize,
        view: &View<'_>,
    ) -> Line<'static> {
        let (s, theme) = (view.s, view.theme);
        let slot = view.cfg.slot(&g.slot);
        let short = slot.map_or(g.slot.as_str(), |sl| sl.short.get(view.lang));
        let label = if slot.is_some_and(|sl| sl.every_minutes.is_some()) {
            format!(
                "{short} {}",
                crate::domain::clock::hhmm(g.window.start.time())
            )
        } else {
            short.to_owned()
        };
        let now_mark = g.window.contains(view.now);
        let mut spans = vec![Span::styled(
            pad(
                &format!("{}{label}", if now_mark { "▸" } else { " " }),
                LABEL_WIDTH,
            ),
            if now_mark { theme.title } else { Style::new() },
        )];
        for c in col_from..(col_from + fit_cols).min(self.cols.len()) {
            let cell = self.cells[r][c].and_then(|i| self.rounds.get(i));
            let (word, mut style) = match cell {
                None => ("·".to_owned(), theme.dim),
                Some(round) => (cell_word(s, round), theme.round(round.state)),
            };
            if r == self.row && c == self.col {
                style = style.patch(theme.selected);
            }
            spans.push(Span::styled(pad(&word, CELL_WIDTH - 1), style));
            spans.push(Span::raw(" "));
        }
        Line::from(spans)
    }

    fn render_detail(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let Some(round) = self.selected() else {
            frame.render_widget(Paragraph::new(Span::styled(s.legend, theme.dim)), area);
            return;
        };
        let mut lines = vec![Line::from(vec![
            Span::styled(round_title(view, round), theme.title),
            Span::raw("  "),
            Span::styled(state_word(s, round.state), theme.round(round.state)),
        ])];
        if let Some(c) = &round.check {
            let ok = c
                .items
                .iter()
                .filter(|i| i.result == ItemResult::Ok)
                .count();
            lines.push(Line::from(Span::raw((s.checked_line)(
                &view.day_hm(c.at),
                &text::line(&c.by_name),
                ok,
                c.items.len(),
            ))));
            for item in c.items.iter().filter(|i| i.result == ItemResult::Problem) {
                lines.push(Line::from(Span::styled(
                    format!(
                        "  ! {} — {}",
                        text::line(&item.text),
                        text::line(&item.note)
                    ),
                    theme.missed,
                )));
            }
        }
        if let Some(e) = &round.exception {
            lines.push(Line::from(Span::raw(format!(
                "{} {} ({} {})",
                s.reason_label,
                text::line(&e.reason),
                text::line(&e.by_name),
                view.day_hm(e.at)
            ))));
        } else if round.open_exception {
            lines.push(Line::from(Span::styled(s.needs_reason_hint, theme.warn)));
        }
        lines.truncate(usize::from(area.height));
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// The few characters a grid cell has: the state, `!n` for problems found, `*` for a reason given.
fn cell_word(s: &crate::i18n::Strings, round: &RoundView) -> String {
    let mut word = String::new();
    if let Some(c) = &round.check
        && c.problems > 0
    {
        word.push('!');
        word.push_str(&c.problems.to_string());
    }
    if round.exception.is_some()
        && matches!(
            round.state,
            RoundState::Missed | RoundState::Partial | RoundState::Late
        )
    {
        word.push('*');
    }
    let state = state_word(s, round.state);
    if state.width() + word.width() < CELL_WIDTH || round.state != RoundState::Partial {
        format!("{state}{word}")
    } else {
        format!("{}{word}", s.states.partial_short)
    }
}
