//! The incident list with its filters and search, and beside it (`m`) the report-mailbox slips
//! waiting to be verified.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, cell, truncate};
use crate::action::Action;
use crate::action::{IncidentAction, SlipAction};
use crate::domain::incident::{self, IncidentFilter, IncidentRow, PlaceRef, Status};
use crate::domain::people::StudentId;
use crate::domain::slip::{Slip, SlipStatus};
use crate::domain::text::{self, TextKind};
use crate::widgets::Keys;
use crate::widgets::field::TextField;

/// How far back the list looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Range {
    #[default]
    All,
    Today,
    Week,
    Month,
}

/// The filters as the user sets them; turned into a store query with the clock.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub status: Option<Status>,
    pub category: Option<usize>,
    pub place: Option<usize>,
    pub range: Range,
    pub student: Option<(StudentId, String)>,
    pub text: String,
    pub voided: bool,
}

impl ListFilter {
    pub fn query(&self, view: &View<'_>) -> IncidentFilter {
        let today = view.now.date();
        let from_day = match self.range {
            Range::All => None,
            Range::Today => Some(today),
            Range::Week => Some(today - Duration::days(6)),
            Range::Month => Some(today - Duration::days(29)),
        };
        let start = |d: NaiveDate| {
            view.offset
                .from_local_datetime(&d.and_time(chrono::NaiveTime::MIN))
                .single()
                .map(|t| t.with_timezone(&Utc))
        };
        IncidentFilter {
            status: self.status,
            category: self
                .category
                .and_then(|i| view.cfg.categories.get(i))
                .map(|c| c.id.clone()),
            place: self
                .place
                .and_then(|i| view.cfg.places.get(i))
                .map(|p| p.id.clone()),
            from: from_day.and_then(start),
            to: None,
            student: self.student.as_ref().map(|(id, _)| *id),
            text: self.text.clone(),
            include_voided: self.voided,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Incidents,
    Slips,
}

#[derive(Debug, Clone)]
pub struct IncidentList {
    pub filter: ListFilter,
    pub mode: Mode,
    pub rows: Vec<IncidentRow>,
    pub slips: Vec<Slip>,
    cursor: usize,
    /// The search text being typed after `/`.
    search: Option<TextField>,
}

/// Moves an optional index through `0..n` and back to none.
fn cycle(current: Option<usize>, n: usize) -> Option<usize> {
    match current {
        None if n > 0 => Some(0),
        Some(i) if i + 1 < n => Some(i + 1),
        _ => None,
    }
}

impl IncidentList {
    pub fn new(mode: Mode) -> IncidentList {
        IncidentList {
            filter: ListFilter::default(),
            mode,
            rows: Vec::new(),
            slips: Vec::new(),
            cursor: 0,
            search: None,
        }
    }

    pub fn for_student(id: StudentId, name: String) -> IncidentList {
        let mut list = IncidentList::new(Mode::Incidents);
        list.filter.student = Some((id, name));
        list
    }

    /// Whether typing goes into the search field (global keys then type letters).
    pub fn is_typing(&self) -> bool {
        self.search.is_some()
    }

    /// How many rows to load (see `list_window`).
    pub fn window(&self) -> u32 {
        super::list_window(self.cursor)
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        if let Some(search) = &mut self.search {
            match key.code {
                KeyCode::Enter => {
                    self.filter.text = search.value().trim().to_owned();
                    self.search = None;
                    self.cursor = 0;
                    return Some(Action::Reload);
                }
                KeyCode::Esc => self.search = None,
                _ => {
                    search.handle_key(key);
                }
            }
            return None;
        }
        let len = match self.mode {
            Mode::Incidents => self.rows.len(),
            Mode::Slips => self.slips.len(),
        };
        // The list may have shrunk since the last key (its last row done or signed out).
        self.cursor = self.cursor.min(len.saturating_sub(1));
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                if self.cursor + 1 >= len {
                    // At the last row loaded: load the next page (if there is more).
                    return Some(Action::Reload);
                }
                self.cursor += 1;
            }
            KeyCode::Char('m') => {
                self.mode = if self.mode == Mode::Incidents {
                    Mode::Slips
                } else {
                    Mode::Incidents
                };
                self.cursor = 0;
            }
            _ => {
                return match self.mode {
                    Mode::Incidents => self.incident_key(key, view),
                    Mode::Slips => self.slip_key(key),
                };
            }
        }
        None
    }

    fn incident_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let f = &mut self.filter;
        match key.code {
            KeyCode::Enter => {
                return self
                    .rows
                    .get(self.cursor)
                    .map(|r| Action::Incident(IncidentAction::OpenIncident(r.id)));
            }
            KeyCode::Char('a') => return Some(Action::Incident(IncidentAction::NewIncident)),
            KeyCode::Char('/') => {
                self.search = Some(TextField::with_value(TextKind::Name, &f.text));
                return None;
            }
            KeyCode::Char('1') => {
                f.status =
                    cycle(f.status.map(Status::index), Status::ALL.len()).map(|i| Status::ALL[i]);
            }
            KeyCode::Char('2') => f.category = cycle(f.category, view.cfg.categories.len()),
            KeyCode::Char('3') => f.place = cycle(f.place, view.cfg.places.len()),
            KeyCode::Char('4') => {
                f.range = match f.range {
                    Range::All => Range::Today,
                    Range::Today => Range::Week,
                    Range::Week => Range::Month,
                    Range::Month => Range::All,
                };
            }
            KeyCode::Char('v') => f.voided = !f.voided,
            KeyCode::Char('x') => *f = ListFilter::default(),
            _ => return None,
        }
        self.cursor = 0;
        Some(Action::Reload)
    }

    fn slip_key(&mut self, key: KeyEvent) -> Option<Action> {
        let slip = self
            .slips
            .get(self.cursor)
            .filter(|s| s.status == SlipStatus::Unverified);
        match key.code {
            KeyCode::Char('a') => Some(Action::Slip(SlipAction::NewSlip)),
            // `i` is the Incidents key everywhere; `e` (event) as on the patrol grid.
            KeyCode::Char('e') => slip.map(|s| Action::Slip(SlipAction::SlipToIncident(s.id))),
            KeyCode::Char('g') => slip.map(|s| Action::Slip(SlipAction::AskMergeSlip(s.id))),
            KeyCode::Char('u') => slip.map(|s| Action::Slip(SlipAction::AskSlipUnfounded(s.id))),
            _ => None,
        }
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        if let Some(search) = &mut self.search {
            search.paste(pasted);
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        if self.search.is_some() {
            return vec![("Enter", s.key_search), ("Esc", s.key_back)];
        }
        match self.mode {
            Mode::Incidents => vec![
                ("Enter", s.key_open),
                ("a", s.key_new),
                ("/", s.key_search),
                ("1-4", s.key_filters),
                ("x", s.key_clear),
                ("m", s.key_slips),
            ],
            Mode::Slips => vec![
                ("a", s.key_new),
                ("e", s.key_slip_new_incident),
                ("g", s.key_slip_merge),
                ("u", s.key_slip_unfounded),
                ("m", s.key_incidents),
            ],
        }
    }

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

    fn render_filters(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
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
                    s.f_status, s.f_category, s.f_place, s.f_period
                ),
                theme.dim,
            ),
        ];
        if f.voided {
            spans.push(Span::styled(format!("  v {}", s.with_voided), theme.warn));
        }
        let mut second = Vec::new();
        if let Some((_, name)) = &f.student {
            second.push(Span::styled(
                format!("{} {}  ", s.f_student, text::line(name)),
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
        frame.render_widget(
            Paragraph::new(vec![Line::from(spans), Line::from(second)]),
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

    fn render_rows(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        if self.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(s.no_incidents, theme.dim)),
                area,
            );
            return;
        }
        let room = usize::from(area.height).max(1);
        let cursor = self.cursor.min(self.rows.len() - 1);
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
            frame.render_widget(Paragraph::new(Span::styled(s.no_slips, theme.dim)), area);
            return;
        }
        let width = usize::from(area.width);
        let lines: Vec<Line> = self
            .slips
            .iter()
            .enumerate()
            .take(usize::from(area.height))
            .map(|(i, slip)| {
                let selected = i == self.cursor;
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

/// Column widths of the incident list.
pub struct Widths {
    place: usize,
    category: usize,
    status: usize,
    clock: usize,
    total: usize,
}

fn place_text(place: &PlaceRef, view: &View<'_>) -> String {
    match place {
        PlaceRef::Config(id) => view
            .cfg
            .place(id)
            .map_or(id.clone(), |p| p.short.get(view.lang).to_owned()),
        PlaceRef::Text(t) => text::line(t).into_owned(),
    }
}

/// Columns as wide as what they hold, where the window has room; at 80 columns narrow ones,
/// so the students still show.
pub fn widths(rows: &[&IncidentRow], total: usize, view: &View<'_>) -> Widths {
    use unicode_width::UnicodeWidthStr;
    let s = view.s;
    let widest = |it: &mut dyn Iterator<Item = usize>| it.max().unwrap_or(0) + 1;
    let place = widest(&mut rows.iter().map(|r| place_text(&r.place, view).width()));
    let category = widest(
        &mut rows
            .iter()
            .map(|r| view.cfg.category_name(&r.category, view.lang).width()),
    );
    let status = widest(&mut rows.iter().map(|r| s.status(r.status).width()));
    // Number, time and markers take about 26 columns; the students keep at least 16.
    let room = total.saturating_sub(26 + 16 + 14);
    let (place, category, status) = if place + category + status <= room {
        (place, category, status)
    } else {
        (place.min(10), category.min(11), status.min(8))
    };
    Widths {
        place,
        category,
        status,
        clock: 14,
        total,
    }
}

/// One incident: number, when, where, category, status, the investigation clock, students.
pub fn incident_line(
    r: &IncidentRow,
    selected: bool,
    w: &Widths,
    view: &View<'_>,
) -> Line<'static> {
    let width = w.total;
    let (s, theme) = (view.s, view.theme);
    let place = place_text(&r.place, view);
    let entered_on = r.entered_at.with_timezone(&view.offset).date_naive();
    let clock =
        incident::investigation_days_left(entered_on, r.status, r.bullying, view.now.date());
    let (clock_text, clock_style) = match clock {
        Some(d) if d < 0 => ((s.overdue_days)(-d), theme.missed),
        Some(d) => (
            (s.days_left)(d),
            if d <= 2 { theme.warn } else { theme.dim },
        ),
        None => (String::new(), theme.dim),
    };
    let students: Vec<String> = r
        .students
        .iter()
        .map(|(n, role)| format!("{}({})", text::line(n), s.role(*role)))
        .collect();
    let mut spans = vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::styled(
            format!("{} ", r.number),
            if selected {
                theme.selected
            } else {
                theme.title
            },
        ),
        Span::raw(format!("{} ", view.day_hm(r.occurred_at))),
        Span::raw(cell(&place, w.place)),
        Span::raw(cell(
            &view.cfg.category_name(&r.category, view.lang),
            w.category,
        )),
        Span::styled(
            cell(s.status(r.status), w.status),
            if r.status.is_open() {
                theme.warn
            } else {
                theme.dim
            },
        ),
        Span::styled(cell(&clock_text, w.clock), clock_style),
    ];
    if r.voided {
        spans.push(Span::styled(format!("{} ", s.voided_mark), theme.missed));
    }
    let used: usize = spans
        .iter()
        .map(|sp| unicode_width::UnicodeWidthStr::width(sp.content.as_ref()))
        .sum();
    spans.push(Span::styled(
        truncate(&students.join(" "), width.saturating_sub(used)),
        theme.dim,
    ));
    Line::from(spans)
}
