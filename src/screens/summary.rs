//! The duty log on screen: the shift summary (值班记录) with its handover note and the leader's
//! sign-off, and, with Tab, the period report with its charts. Both show the same document
//! `dutydesk report` prints.

use chrono::{Datelike, Duration, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Paragraph, Sparkline};

use super::View;
use crate::action::Action;
use crate::action::DutyLogAction;
use crate::domain::shift::ShiftId;
use crate::report::Doc;
use crate::report::period::PeriodReport;
use crate::report::shift::ShiftSummary;
use crate::widgets::Keys;
use crate::widgets::form::{Field, Form, Outcome};
use crate::widgets::popup;

/// Which report the screen shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Shift,
    Period,
}

/// How long a period the report covers; `[`/`]` move by it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PeriodLength {
    Week,
    #[default]
    Month,
    /// A school term: February–July or August–January.
    Term,
}

#[derive(Debug, Clone, Default)]
pub struct SummaryScreen {
    pub mode: Mode,
    /// The shift shown; `None` for the open shift, else the latest.
    pub shift: Option<ShiftId>,
    /// Loaded by the app for the current mode.
    pub summary: Option<Box<ShiftSummary>>,
    pub period: Option<Box<PeriodReport>>,
    pub doc: Option<Doc>,
    /// The period: a day inside it and its length.
    pub anchor: Option<NaiveDate>,
    pub span: PeriodLength,
    scroll: usize,
    /// Columns scrolled right, for tables wider than the window.
    hscroll: u16,
    /// Editing the handover note.
    note: Option<Form>,
}

impl PeriodLength {
    /// The first and last day of the period of this length around `day`.
    pub fn bounds(self, day: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first_of = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(day);
        match self {
            PeriodLength::Week => {
                let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
                (monday, monday + Duration::days(6))
            }
            PeriodLength::Month => {
                let start = first_of(day.year(), day.month());
                let next = if day.month() == 12 {
                    first_of(day.year() + 1, 1)
                } else {
                    first_of(day.year(), day.month() + 1)
                };
                (start, next - Duration::days(1))
            }
            PeriodLength::Term => {
                let (start, end) = match day.month() {
                    2..=7 => (first_of(day.year(), 2), first_of(day.year(), 8)),
                    1 => (first_of(day.year() - 1, 8), first_of(day.year(), 2)),
                    _ => (first_of(day.year(), 8), first_of(day.year() + 1, 2)),
                };
                (start, end - Duration::days(1))
            }
        }
    }
}

impl SummaryScreen {
    pub fn new(mode: Mode) -> SummaryScreen {
        SummaryScreen {
            mode,
            ..SummaryScreen::default()
        }
    }

    /// The days the period report covers, around today until moved.
    pub fn range(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        self.span.bounds(self.anchor.unwrap_or(today))
    }

    pub fn is_typing(&self) -> bool {
        self.note.is_some()
    }

    pub fn is_dirty(&self) -> bool {
        self.note.as_ref().is_some_and(|f| f.dirty)
    }

    /// Closes the note editor once the note is saved.
    pub fn saved(&mut self) {
        self.note = None;
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        if let Some(form) = &mut self.note {
            form.handle_paste(pasted);
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        if self.note.is_some() {
            return self.note_key(key, view);
        }
        if self.scroll_key(key.code) {
            return None;
        }
        self.report_key(key.code, view)
    }

    /// Keys while the handover note is open: leaving closes it, saving sends it.
    fn note_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let form = self.note.as_mut()?;
        match form.handle_key(key, view) {
            Outcome::Leave => {
                self.note = None;
                None
            }
            Outcome::Save | Outcome::Pass => {
                let summary = self.summary.as_ref()?;
                match form.area(0, false) {
                    Ok(note) => Some(Action::DutyLog(DutyLogAction::SaveHandover {
                        id: summary.shift.id,
                        version: summary.shift.version,
                        note,
                    })),
                    Err(e) => form.fail(0, e),
                }
            }
            Outcome::Handled => None,
        }
    }

    /// Moves the report in the window; whether `code` was one of the keys that do.
    fn scroll_key(&mut self, code: KeyCode) -> bool {
        let page = 10;
        match code {
            KeyCode::Up | KeyCode::Char('k') => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.scroll += 1,
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(page),
            KeyCode::PageDown | KeyCode::Char(' ') => self.scroll += page,
            KeyCode::Home => (self.scroll, self.hscroll) = (0, 0),
            // Drawing clamps it to the last page: the handover note and sign-off are at the end.
            KeyCode::End => self.scroll = usize::MAX / 2,
            KeyCode::Left => self.hscroll = self.hscroll.saturating_sub(8),
            KeyCode::Right => self.hscroll = self.hscroll.saturating_add(8),
            _ => return false,
        }
        true
    }

    /// Keys that change what is shown (the other report, another shift or period, the
    /// period's length) or act on the shift shown (its handover note, its sign-off).
    fn report_key(&mut self, code: KeyCode, view: &View<'_>) -> Option<Action> {
        match code {
            KeyCode::Tab => {
                self.mode = match self.mode {
                    Mode::Shift => Mode::Period,
                    Mode::Period => Mode::Shift,
                };
                self.scroll = 0;
                return Some(Action::Reload);
            }
            KeyCode::Char(c @ ('[' | ']')) => return self.neighbour(c == ']', view),
            KeyCode::Char(c @ ('1' | '2' | '3')) if self.mode == Mode::Period => {
                self.span = match c {
                    '1' => PeriodLength::Week,
                    '2' => PeriodLength::Month,
                    _ => PeriodLength::Term,
                };
                self.scroll = 0;
                return Some(Action::Reload);
            }
            KeyCode::Char('e') if self.mode == Mode::Shift => {
                let summary = self.summary.as_ref()?;
                if summary.shift.signed_off.is_some() {
                    return Some(Action::DutyLog(DutyLogAction::SaySignedOff));
                }
                self.note = Some(Form::new(vec![Field::area(
                    view.s.report.handover,
                    &summary.shift.handover_note,
                    8,
                )]));
            }
            KeyCode::Char('o') if self.mode == Mode::Shift => {
                let summary = self.summary.as_ref()?;
                return Some(Action::DutyLog(DutyLogAction::AskSignOff(
                    summary.shift.id,
                    summary.shift.version,
                )));
            }
            KeyCode::Esc => return Some(Action::Back),
            _ => {}
        }
        None
    }

    /// `[` / `]`: the shift before or after the one shown, or the period before or after.
    fn neighbour(&mut self, later: bool, view: &View<'_>) -> Option<Action> {
        self.scroll = 0;
        match self.mode {
            Mode::Shift => {
                let id = self.summary.as_ref()?.shift.id;
                Some(Action::DutyLog(DutyLogAction::NeighbourShift {
                    from: id,
                    later,
                }))
            }
            Mode::Period => {
                let (from, to) = self.range(view.now.date());
                self.anchor = Some(if later {
                    to + Duration::days(1)
                } else {
                    from - Duration::days(1)
                });
                Some(Action::Reload)
            }
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        if self.note.is_some() {
            return vec![("Ctrl+S", s.keys.save), ("Esc", s.keys.back)];
        }
        match self.mode {
            Mode::Shift => {
                let mut keys = vec![("↑↓←→", s.keys.scroll)];
                let signed = self
                    .summary
                    .as_ref()
                    .is_some_and(|x| x.shift.signed_off.is_some());
                if self.summary.is_some() && !signed {
                    keys.extend([("e", s.keys.handover), ("o", s.keys.sign_off)]);
                }
                keys.extend([("[ ]", s.keys.other_shift), ("Tab", s.keys.period_report)]);
                keys
            }
            Mode::Period => vec![
                ("↑↓←→", s.keys.scroll),
                ("1 2 3", s.keys.period_span),
                ("[ ]", s.keys.period_move),
                ("Tab", s.keys.duty_log),
            ],
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let Some(doc) = &self.doc else {
            let text = match self.mode {
                Mode::Shift => s.report.no_shifts,
                Mode::Period => s.report.none,
            };
            frame.render_widget(Paragraph::new(Span::styled(text, theme.dim)), area);
            return;
        };
        let body = match (&self.period, self.mode) {
            (Some(report), Mode::Period) if area.height >= 18 => {
                let [charts, rest] =
                    Layout::vertical([Constraint::Length(8), Constraint::Min(4)]).areas(area);
                Self::render_charts(frame, charts, view, report);
                rest
            }
            _ => area,
        };
        let lines: Vec<Line> = doc
            .text()
            .lines()
            .map(|l| {
                let style = if l.starts_with('■') || l.starts_with('=') {
                    theme.title
                } else if l.starts_with("---") {
                    theme.dim
                } else {
                    ratatui::style::Style::new()
                };
                Line::from(Span::styled(l.to_owned(), style))
            })
            .collect();
        let room = usize::from(body.height);
        let scroll = self.scroll.min(lines.len().saturating_sub(room));
        let shown: Vec<Line> = lines.into_iter().skip(scroll).take(room).collect();
        frame.render_widget(Paragraph::new(shown).scroll((0, self.hscroll)), body);
        if let Some(form) = &self.note {
            let inner = popup::frame_box(frame, area, 70, 12, s.report.handover, theme);
            form.render(frame, inner, view, view.caret);
        }
    }

    /// Incidents by category (bars) and week by week (sparkline), side by side.
    fn render_charts(frame: &mut Frame<'_>, area: Rect, view: &View<'_>, r: &PeriodReport) {
        let (s, theme) = (view.s, view.theme);
        let ctx = view.report_ctx();
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(area);
        let bars: Vec<Bar> = r
            .by_category(&ctx)
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .take(usize::from(left.height.saturating_sub(2)))
            .map(|(id, n)| {
                let name = view.cfg.category_name(&id, view.lang).into_owned();
                Bar::with_label(name, n).style(theme.title)
            })
            .collect();
        let block = Block::bordered()
            .title(s.report.by_category)
            .border_style(theme.dim);
        if bars.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(s.report.none, theme.dim)).block(block),
                left,
            );
        } else {
            let chart = BarChart::horizontal(bars)
                .bar_width(1)
                .bar_gap(0)
                .block(block);
            frame.render_widget(chart, left);
        }
        // Each week as wide as the box allows, so a month's five weeks read as a trend too.
        let per_week = usize::from(right.width.saturating_sub(2)) / r.weeks.len().max(1);
        let weekly: Vec<u64> = r
            .weeks
            .values()
            .flat_map(|(n, _, _)| std::iter::repeat_n(*n, per_week.max(1)))
            .collect();
        let first = r
            .weeks
            .keys()
            .next()
            .map(ToString::to_string)
            .unwrap_or_default();
        let title = format!("{} · {first}…", s.report.weeks);
        let spark = Sparkline::default()
            .data(&weekly)
            .style(theme.title)
            .block(Block::bordered().title(title).border_style(theme.dim));
        frame.render_widget(spark, right);
    }
}
