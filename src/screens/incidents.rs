//! The incident list with its filters and search, and beside it (`m`) the report-mailbox slips
//! waiting to be verified.

mod render;
mod row;

pub use row::{Widths, incident_line, widths};

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::View;
use crate::action::Action;
use crate::action::{IncidentAction, SlipAction};
use crate::domain::incident::{IncidentFilter, IncidentRow, Status};
use crate::domain::people::StudentId;
use crate::domain::slip::{Slip, SlipId, SlipStatus};
use crate::domain::text::TextKind;
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};
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
    cursor: ListCursor,
    /// A slip just recorded from this list: the cursor goes to it at the next load, so the
    /// next key acts on the slip the user just wrote, not on the one selected before.
    new_slip: Option<SlipId>,
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
            cursor: ListCursor::default(),
            new_slip: None,
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
        super::list_window(self.cursor.at())
    }

    /// Puts the cursor on a slip just recorded, once the list is loaded again.
    pub fn select_new_slip(&mut self, id: SlipId) {
        self.new_slip = Some(id);
    }

    /// The rows loaded again: the cursor stays with the incident (or slip) it was on, or at
    /// its place when that one left the list.
    pub fn set_rows(&mut self, rows: Vec<IncidentRow>, slips: Vec<Slip>) {
        match self.mode {
            Mode::Incidents => {
                let was = self.rows.get(self.cursor.at()).map(|r| r.id);
                self.rows = rows;
                self.slips = slips;
                self.cursor.follow(&self.rows, |r| Some(r.id) == was);
            }
            Mode::Slips => {
                let was = self
                    .new_slip
                    .take()
                    .or_else(|| self.slips.get(self.cursor.at()).map(|r| r.id));
                self.rows = rows;
                self.slips = slips;
                self.cursor.follow(&self.slips, |r| Some(r.id) == was);
            }
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        if let Some(search) = &mut self.search {
            match key.code {
                KeyCode::Enter => {
                    self.filter.text = search.value().trim().to_owned();
                    self.search = None;
                    self.cursor.to_top();
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
        self.cursor.clamp(len);
        match self.cursor.step(key, len, true) {
            Step::NotMine => {}
            Step::Moved => return None,
            // At the last row loaded: load the next page (if there is more).
            Step::WantsMore => return Some(Action::Reload),
        }
        match key.code {
            KeyCode::Char('m') => {
                self.mode = if self.mode == Mode::Incidents {
                    Mode::Slips
                } else {
                    Mode::Incidents
                };
                self.cursor.to_top();
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
                    .get(self.cursor.at())
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
        self.cursor.to_top();
        Some(Action::Reload)
    }

    fn slip_key(&mut self, key: KeyEvent) -> Option<Action> {
        let slip = self
            .slips
            .get(self.cursor.at())
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
            return vec![("Enter", s.keys.search), ("Esc", s.keys.back)];
        }
        match self.mode {
            Mode::Incidents => vec![
                ("Enter", s.keys.open),
                ("a", s.keys.new),
                ("/", s.keys.search),
                ("1-4", s.keys.filters),
                ("x", s.keys.clear),
                ("m", s.keys.slips),
            ],
            Mode::Slips => vec![
                ("a", s.keys.new),
                ("e", s.keys.slip_new_incident),
                ("g", s.keys.slip_merge),
                ("u", s.keys.slip_unfounded),
                ("m", s.keys.incidents),
            ],
        }
    }
}
