//! Styles as constants: one set with colours, one without for `NO_COLOR` terminals, where state
//! is carried by words and bold/reverse alone.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::patrol::RoundState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub header: Style,
    pub title: Style,
    pub dim: Style,
    pub key: Style,
    pub selected: Style,
    pub focused_field: Style,
    pub field: Style,
    pub error: Style,
    pub ok: Style,
    pub warn: Style,
    pub due: Style,
    pub done: Style,
    pub partial: Style,
    pub missed: Style,
    pub upcoming: Style,
}

pub const COLOR: Theme = Theme {
    header: Style::new().fg(Color::Black).bg(Color::Cyan),
    title: Style::new().add_modifier(Modifier::BOLD),
    dim: Style::new().fg(Color::DarkGray),
    key: Style::new().fg(Color::Black).bg(Color::Gray),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    focused_field: Style::new().fg(Color::Black).bg(Color::Yellow),
    field: Style::new().add_modifier(Modifier::UNDERLINED),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    ok: Style::new().fg(Color::Green),
    warn: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    due: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    done: Style::new().fg(Color::Green),
    partial: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
    missed: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    upcoming: Style::new().fg(Color::DarkGray),
};

pub const MONO: Theme = Theme {
    header: Style::new().add_modifier(Modifier::REVERSED),
    title: Style::new().add_modifier(Modifier::BOLD),
    dim: Style::new(),
    key: Style::new().add_modifier(Modifier::REVERSED),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    focused_field: Style::new().add_modifier(Modifier::REVERSED),
    field: Style::new().add_modifier(Modifier::UNDERLINED),
    error: Style::new().add_modifier(Modifier::BOLD),
    ok: Style::new(),
    warn: Style::new().add_modifier(Modifier::BOLD),
    due: Style::new().add_modifier(Modifier::BOLD),
    done: Style::new(),
    partial: Style::new().add_modifier(Modifier::BOLD),
    missed: Style::new().add_modifier(Modifier::BOLD),
    upcoming: Style::new(),
};

impl Theme {
    /// Colours unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> &'static Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => &MONO,
            _ => &COLOR,
        }
    }

    pub fn round(&self, state: RoundState) -> Style {
        match state {
            RoundState::Upcoming | RoundState::Untracked => self.upcoming,
            RoundState::Due => self.due,
            RoundState::Done => self.done,
            RoundState::Partial | RoundState::Late => self.partial,
            RoundState::Missed => self.missed,
        }
    }
}
