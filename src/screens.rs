//! The screens, as an enum of structs: each turns keys into actions and draws itself from what
//! `App` has loaded. No screen touches the store or the clock.

pub mod check_form;
pub mod help;
pub mod now;
pub mod patrols;
pub mod reason;
pub mod shift;
pub mod shift_form;
pub mod staff;
pub mod staff_form;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Utc, Weekday};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::action::{Action, Tab};
use crate::app::Data;
use crate::config::Config;
use crate::domain::patrol::RoundState;
use crate::domain::rounds::RoundView;
use crate::domain::schedule::Window;
use crate::i18n::{Lang, Strings};
use crate::theme::Theme;
use crate::widgets::Keys;

/// What every screen may read: configuration, language, the moment, and the loaded records.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub cfg: &'a Config,
    pub lang: Lang,
    pub s: &'static Strings,
    pub theme: &'static Theme,
    /// Local wall-clock time of this frame or key.
    pub now: NaiveDateTime,
    /// The local time zone, for showing stored UTC times.
    pub offset: FixedOffset,
    /// Whether the screen's focused field may show the terminal caret: not under a popup.
    pub caret: bool,
    pub data: &'a Data,
}

impl View<'_> {
    /// A stored time as local `HH:MM`.
    pub fn hm(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.offset).format("%H:%M").to_string()
    }

    /// A stored time as local `MM-DD HH:MM`.
    pub fn day_hm(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.offset)
            .format("%m-%d %H:%M")
            .to_string()
    }
}

pub enum Screen {
    Now(now::NowScreen),
    Patrols(patrols::PatrolScreen),
    Check(check_form::CheckForm),
    Shift(shift::ShiftScreen),
    ShiftForm(shift_form::ShiftForm),
    Staff(staff::StaffScreen),
    StaffForm(staff_form::StaffForm),
}

impl Screen {
    /// The tab this screen belongs to, for the header.
    pub fn tab(&self) -> Tab {
        match self {
            Screen::Now(_) => Tab::Now,
            Screen::Patrols(_) | Screen::Check(_) => Tab::Patrols,
            Screen::Shift(_) | Screen::ShiftForm(_) => Tab::Shift,
            Screen::Staff(_) | Screen::StaffForm(_) => Tab::Staff,
        }
    }

    /// Forms take every key; other screens leave the global keys to the app.
    pub fn is_form(&self) -> bool {
        matches!(
            self,
            Screen::Check(_) | Screen::ShiftForm(_) | Screen::StaffForm(_)
        )
    }

    /// Whether leaving now would lose typed input.
    pub fn is_dirty(&self) -> bool {
        match self {
            Screen::Check(f) => f.is_dirty(),
            Screen::ShiftForm(f) => f.is_dirty(),
            Screen::StaffForm(f) => f.is_dirty(),
            _ => false,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        match self {
            Screen::Now(s) => s.handle_key(key, view),
            Screen::Patrols(s) => s.handle_key(key, view),
            Screen::Check(s) => s.handle_key(key),
            Screen::Shift(s) => s.handle_key(key, view),
            Screen::ShiftForm(s) => s.handle_key(key, view),
            Screen::Staff(s) => s.handle_key(key, view),
            Screen::StaffForm(s) => s.handle_key(key),
        }
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        match self {
            Screen::Check(s) => s.handle_paste(pasted),
            Screen::ShiftForm(s) => s.handle_paste(pasted),
            Screen::StaffForm(s) => s.handle_paste(pasted),
            _ => {}
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        match self {
            Screen::Now(s) => s.keys(view),
            Screen::Patrols(s) => s.keys(view),
            Screen::Check(s) => s.keys(view),
            Screen::Shift(s) => s.keys(view),
            Screen::ShiftForm(s) => s.keys(view),
            Screen::Staff(s) => s.keys(view),
            Screen::StaffForm(s) => s.keys(view),
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        match self {
            Screen::Now(s) => s.render(frame, area, view),
            Screen::Patrols(s) => s.render(frame, area, view),
            Screen::Check(s) => s.render(frame, area, view),
            Screen::Shift(s) => s.render(frame, area, view),
            Screen::ShiftForm(s) => s.render(frame, area, view),
            Screen::Staff(s) => s.render(frame, area, view),
            Screen::StaffForm(s) => s.render(frame, area, view),
        }
    }
}

/// Pads `s` with spaces to `width` terminal columns (CJK counts two).
pub fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    if w >= width {
        return truncate(s, width);
    }
    format!("{s}{}", " ".repeat(width - w))
}

/// Cuts `s` to at most `width` columns, marking the cut with "…".
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `07:00–08:00`.
pub fn window_text(w: &Window) -> String {
    format!("{}–{}", w.start.format("%H:%M"), w.end.format("%H:%M"))
}

/// `2026-11-30 周一` / `2026-11-30 Mon`.
pub fn day_text(s: &Strings, day: NaiveDate) -> String {
    let i = match day.weekday() {
        Weekday::Mon => 0,
        Weekday::Tue => 1,
        Weekday::Wed => 2,
        Weekday::Thu => 3,
        Weekday::Fri => 4,
        Weekday::Sat => 5,
        Weekday::Sun => 6,
    };
    format!("{} {}", day.format("%Y-%m-%d"), s.weekdays[i])
}

/// The word for a round's state.
pub fn state_word(s: &Strings, state: RoundState) -> &'static str {
    match state {
        RoundState::Upcoming => s.state_upcoming,
        RoundState::Due => s.state_due,
        RoundState::Done => s.state_done,
        RoundState::Late => s.state_late,
        RoundState::Partial => s.state_partial,
        RoundState::Missed => s.state_missed,
        RoundState::Untracked => s.state_untracked,
    }
}

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
