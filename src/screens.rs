//! The screens, as an enum of structs: each turns keys into actions and draws itself from what
//! `App` has loaded. No screen touches the store or the clock.

pub mod account_form;
pub mod attention;
pub mod attention_form;
pub mod check_form;
pub mod early_leave_form;
pub mod followup_form;
pub mod followups;
pub mod gate;
pub mod hazard_form;
pub mod hazards;
pub mod help;
pub mod incident_detail;
pub mod incident_form;
pub mod incidents;
pub mod involved_editor;
pub mod now;
pub mod patrols;
pub mod shift;
pub mod shift_form;
pub mod sign_in;
pub mod staff;
pub mod staff_form;
pub mod student_view;
pub mod students;
pub mod suggestions;
pub mod summary;
pub mod visit_form;
pub mod watchlist;

// The parts every screen shares, each in its own file; their paths stay `screens::…`.
mod cells;
mod history;
mod view;

pub use cells::{cell, pad, truncate, widest};
pub use history::history_lines;
pub use view::View;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::action::{Action, Tab};
use crate::domain::followup::{Followup, FollowupStatus};
use crate::domain::rounds::RoundView;
use crate::domain::text;
use crate::i18n::Strings;
use crate::widgets::Keys;

pub enum Screen {
    Now(now::NowScreen),
    Patrols(patrols::PatrolScreen),
    Check(check_form::CheckForm),
    Incidents(incidents::IncidentList),
    IncidentForm(Box<incident_form::IncidentForm>),
    IncidentDetail(incident_detail::IncidentDetail),
    StudentView(student_view::StudentView),
    Followups(followups::FollowupList),
    FollowupForm(Box<followup_form::FollowupForm>),
    Suggestions(suggestions::Suggestions),
    Hazards(hazards::HazardList),
    HazardForm(Box<hazard_form::HazardForm>),
    Shift(shift::ShiftScreen),
    ShiftForm(shift_form::ShiftForm),
    Staff(staff::StaffScreen),
    StaffForm(staff_form::StaffForm),
    Students(students::StudentsScreen),
    Gate(gate::GateScreen),
    VisitForm(Box<visit_form::VisitForm>),
    EarlyLeaveForm(Box<early_leave_form::EarlyLeaveForm>),
    Watchlist(watchlist::Watchlist),
    Summary(Box<summary::SummaryScreen>),
    AccountForm(account_form::AccountForm),
    Attention(attention::AttentionList),
    AttentionForm(Box<attention_form::AttentionForm>),
}

/// Calls the same method on whichever screen this is.
macro_rules! each {
    ($screen:expr, $s:ident => $body:expr) => {
        match $screen {
            Screen::Now($s) => $body,
            Screen::Patrols($s) => $body,
            Screen::Check($s) => $body,
            Screen::Incidents($s) => $body,
            Screen::IncidentForm($s) => $body,
            Screen::IncidentDetail($s) => $body,
            Screen::StudentView($s) => $body,
            Screen::Followups($s) => $body,
            Screen::FollowupForm($s) => $body,
            Screen::Suggestions($s) => $body,
            Screen::Hazards($s) => $body,
            Screen::HazardForm($s) => $body,
            Screen::Shift($s) => $body,
            Screen::ShiftForm($s) => $body,
            Screen::Staff($s) => $body,
            Screen::StaffForm($s) => $body,
            Screen::Students($s) => $body,
            Screen::Gate($s) => $body,
            Screen::VisitForm($s) => $body,
            Screen::EarlyLeaveForm($s) => $body,
            Screen::Watchlist($s) => $body,
            Screen::Summary($s) => $body,
            Screen::AccountForm($s) => $body,
            Screen::Attention($s) => $body,
            Screen::AttentionForm($s) => $body,
        }
    };
}

impl Screen {
    /// The tab this screen belongs to, for the header.
    pub fn tab(&self) -> Tab {
        match self {
            Screen::Now(_) => Tab::Now,
            Screen::Patrols(_) | Screen::Check(_) => Tab::Patrols,
            Screen::Incidents(_)
            | Screen::IncidentForm(_)
            | Screen::IncidentDetail(_)
            | Screen::StudentView(_)
            | Screen::Suggestions(_) => Tab::Incidents,
            Screen::Followups(_) | Screen::FollowupForm(_) => Tab::Followups,
            Screen::Hazards(_) | Screen::HazardForm(_) => Tab::Hazards,
            Screen::Shift(_) | Screen::ShiftForm(_) | Screen::Summary(_) => Tab::Shift,
            Screen::Staff(_)
            | Screen::StaffForm(_)
            | Screen::Students(_)
            | Screen::AccountForm(_)
            | Screen::Attention(_)
            | Screen::AttentionForm(_) => Tab::People,
            Screen::Gate(_)
            | Screen::VisitForm(_)
            | Screen::EarlyLeaveForm(_)
            | Screen::Watchlist(_) => Tab::Gate,
        }
    }

    /// Forms (and screens being typed into) take every key; other screens leave the global
    /// keys to the app.
    pub fn is_form(&self) -> bool {
        match self {
            Screen::Check(_)
            | Screen::ShiftForm(_)
            | Screen::StaffForm(_)
            | Screen::AccountForm(_)
            | Screen::AttentionForm(_)
            | Screen::IncidentForm(_)
            | Screen::FollowupForm(_)
            | Screen::HazardForm(_)
            | Screen::Suggestions(_)
            | Screen::Students(_)
            | Screen::VisitForm(_)
            | Screen::EarlyLeaveForm(_) => true,
            Screen::Incidents(l) => l.is_typing(),
            Screen::Watchlist(w) => w.is_typing(),
            Screen::Staff(x) => x.is_typing(),
            Screen::Summary(x) => x.is_typing(),
            _ => false,
        }
    }

    /// Whether leaving now would lose typed input.
    pub fn is_dirty(&self) -> bool {
        match self {
            Screen::Check(f) => f.is_dirty(),
            Screen::ShiftForm(f) => f.is_dirty(),
            Screen::StaffForm(f) => f.is_dirty(),
            Screen::AccountForm(f) => f.is_dirty(),
            Screen::AttentionForm(f) => f.is_dirty(),
            Screen::IncidentForm(f) => f.is_dirty(),
            Screen::FollowupForm(f) => f.is_dirty(),
            Screen::HazardForm(f) => f.is_dirty(),
            Screen::VisitForm(f) => f.is_dirty(),
            Screen::EarlyLeaveForm(f) => f.is_dirty(),
            Screen::Summary(x) => x.is_dirty(),
            _ => false,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        match self {
            Screen::Now(s) => s.handle_key(key, view),
            Screen::Patrols(s) => s.handle_key(key, view),
            Screen::Check(s) => s.handle_key(key),
            Screen::Incidents(s) => s.handle_key(key, view),
            Screen::IncidentForm(s) => s.handle_key(key, view),
            Screen::IncidentDetail(s) => s.handle_key(key),
            Screen::StudentView(s) => s.handle_key(key),
            Screen::Followups(s) => s.handle_key(key),
            Screen::FollowupForm(s) => s.handle_key(key, view),
            Screen::Suggestions(s) => s.handle_key(key, view),
            Screen::Hazards(s) => s.handle_key(key),
            Screen::HazardForm(s) => s.handle_key(key, view),
            Screen::Shift(s) => s.handle_key(key, view),
            Screen::ShiftForm(s) => s.handle_key(key, view),
            Screen::Staff(s) => s.handle_key(key, view),
            Screen::StaffForm(s) => s.handle_key(key),
            Screen::Students(s) => s.handle_key(key, view),
            Screen::Gate(s) => s.handle_key(key, view),
            Screen::VisitForm(s) => s.handle_key(key, view),
            Screen::EarlyLeaveForm(s) => s.handle_key(key, view),
            Screen::Watchlist(s) => s.handle_key(key, view),
            Screen::Summary(s) => s.handle_key(key, view),
            Screen::AccountForm(s) => s.handle_key(key, view),
            Screen::Attention(s) => s.handle_key(key),
            Screen::AttentionForm(s) => s.handle_key(key, view),
        }
    }

    pub fn handle_paste(&mut self, pasted: &str, view: &View<'_>) {
        match self {
            Screen::Check(s) => s.handle_paste(pasted),
            Screen::ShiftForm(s) => s.handle_paste(pasted),
            Screen::StaffForm(s) => s.handle_paste(pasted),
            Screen::IncidentForm(s) => s.handle_paste(pasted),
            Screen::FollowupForm(s) => s.handle_paste(pasted),
            Screen::HazardForm(s) => s.handle_paste(pasted),
            Screen::Suggestions(s) => s.handle_paste(pasted),
            Screen::Students(s) => s.handle_paste(pasted),
            Screen::Incidents(s) => s.handle_paste(pasted),
            Screen::VisitForm(s) => s.handle_paste(pasted, view),
            Screen::EarlyLeaveForm(s) => s.handle_paste(pasted),
            Screen::Watchlist(s) => s.handle_paste(pasted),
            Screen::Summary(s) => s.handle_paste(pasted),
            Screen::AttentionForm(s) => s.handle_paste(pasted),
            _ => {}
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        each!(self, s => s.keys(view))
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        each!(self, s => s.render(frame, area, view));
    }
}

/// The choices of a place field: the configured places, then "Other" (typed in).
pub fn place_labels(view: &View<'_>) -> Vec<String> {
    let mut places: Vec<String> = view
        .cfg
        .places
        .iter()
        .map(|p| p.name.get(view.lang).to_owned())
        .collect();
    places.push(view.s.other_place.to_owned());
    places
}

/// Reads a place choice field and its "other place" text field.
pub fn read_place(
    form: &crate::widgets::form::Form,
    choice: usize,
    other: usize,
    view: &View<'_>,
) -> Result<crate::domain::incident::PlaceRef, crate::widgets::field::FieldError> {
    use crate::domain::incident::PlaceRef;
    match view.cfg.places.get(form.choice(choice)) {
        Some(p) => Ok(PlaceRef::Config(p.id.clone())),
        None => text::validate(text::TextKind::Name, &form.text(other), true)
            .map(PlaceRef::Text)
            .map_err(Into::into),
    }
}

/// How many rows of a list to load: those up to the cursor and one to two pages beyond, so a
/// list costs what is looked at, not what the years have piled up. Moving down past the loaded
/// rows asks for a reload, which loads the next page.
pub fn list_window(cursor: usize) -> u32 {
    u32::try_from((cursor / 100 + 2) * 100).unwrap_or(u32::MAX)
}

pub use crate::i18n::{day_text, state_word, window_text};

/// `Gate · Morning arrival 07:00–08:00 · 2026-11-30 Mon`.
pub fn round_title(view: &View<'_>, round: &RoundView) -> String {
    let place = view.cfg.place_name(&round.key.place, view.lang);
    let slot = view.cfg.slot_name(&round.key.slot, view.lang);
    format!(
        "{place} · {slot} {} · {}",
        window_text(&round.window),
        day_text(view.s, round.key.day)
    )
}

/// `3 h 20 min` / `3 小时 20 分钟`.
pub fn duration_text(s: &Strings, minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if h > 0 {
        (s.hours_minutes)(h, m)
    } else {
        (s.minutes)(m)
    }
}

/// One follow-up: kind, who it is about, owner, due time, and its state (overdue unmistakable:
/// a marker that survives without colour).
pub fn followup_line(f: &Followup, selected: bool, view: &View<'_>) -> Line<'static> {
    let (s, theme) = (view.s, view.theme);
    let now = view.now_utc();
    let overdue = f.is_overdue(now);
    let (mark, state_style) = match f.status {
        FollowupStatus::Open if overdue => ("!!", theme.missed),
        FollowupStatus::Open => ("  ", theme.due),
        _ => ("  ", theme.dim),
    };
    let state = if overdue {
        s.overdue_word
    } else {
        s.followup_status(f.status)
    };
    let about = f
        .student
        .as_ref()
        .map(|(_, n)| text::line(n).into_owned())
        .or_else(|| f.incident.as_ref().map(|(_, n)| n.clone()))
        .or_else(|| f.hazard.as_ref().map(|(_, d)| truncate(&text::line(d), 16)))
        .unwrap_or_default();
    let mut spans = vec![
        Span::styled(
            format!("{}{mark} ", if selected { "▶" } else { " " }),
            state_style,
        ),
        Span::styled(
            pad(s.followup_kind(f.kind), 14),
            if selected {
                theme.selected
            } else {
                Style::new()
            },
        ),
        Span::raw(format!(" {} ", pad(&about, 8))),
        Span::styled(
            pad(&format!("{} {}", s.due_word, view.day_hm(f.due_at)), 18),
            state_style,
        ),
        Span::styled(cell(state, 9), state_style),
        Span::styled(text::line(&f.owner_name).into_owned(), theme.dim),
    ];
    if let Some((_, number)) = &f.incident
        && f.student.is_some()
    {
        spans.push(Span::styled(format!(" · {number}"), theme.dim));
    }
    if !f.outcome.is_empty() {
        spans.push(Span::styled(
            format!(" · {}", text::line(&f.outcome)),
            theme.dim,
        ));
    }
    Line::from(spans)
}
