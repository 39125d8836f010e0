//! "Now", the home screen: the slot that is open and the rounds due in it, what comes next, and
//! the exceptions still waiting for a reason. Later issues add their parts here.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, duration_text, pad, state_word, window_text};
use crate::action::Action;
use crate::action::PatrolAction;
use crate::domain::incident;
use crate::domain::patrol::RoundState;
use crate::domain::rounds::RoundView;
use crate::domain::schedule;
use crate::domain::text;
use crate::theme::Theme;
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Default)]
pub struct NowScreen {
    cursor: ListCursor,
}

impl NowScreen {
    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let rounds = &view.data.active;
        // The list may have shrunk since the last key (its last row done or signed out).
        self.cursor.clamp(rounds.len());
        if self.cursor.step(key, rounds.len(), false) != Step::NotMine {
            return None;
        }
        match key.code {
            KeyCode::Enter => {
                return rounds
                    .get(self.cursor.at())
                    .map(|r| Action::Patrol(PatrolAction::OpenCheck(r.key.clone())));
            }
            KeyCode::Char('o') => {
                return rounds
                    .get(self.cursor.at())
                    .map(|r| Action::Patrol(PatrolAction::QuickOk(r.key.clone())));
            }
            // On the key bar as the way to open a shift: the Shift tab.
            KeyCode::Char('s') => return Some(Action::Go(crate::action::Tab::Shift)),
            KeyCode::Char('e') if view.data.open_exceptions > 0 => {
                return Some(Action::Patrol(PatrolAction::ShowExceptions));
            }
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        let mut keys = Vec::new();
        if !view.data.active.is_empty() && view.data.shift.is_some() {
            keys.extend([
                ("↑↓", s.keys.choose),
                ("Enter", s.keys.check),
                ("o", s.keys.all_ok),
            ]);
        }
        if view.data.open_exceptions > 0 {
            keys.push(("e", s.press_e_short));
        }
        if view.data.shift.is_none() {
            keys.push(("s", s.keys.open_shift_hint));
        }
        keys
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme, data) = (view.s, view.theme, view.data);
        let mut lines: Vec<Line> = Vec::new();
        if data.shift.is_none() {
            lines.push(Line::from(Span::styled(s.empty.shift_open, theme.warn)));
            lines.push(Line::from(""));
        }
        self.slot_lines(view, &mut lines);
        next_slot_line(view, &mut lines);
        tally_lines(view, &mut lines);
        record_lines(view, &mut lines);
        frame.render_widget(Paragraph::new(lines), area);
    }

    /// Each open slot with its rounds, the selected one marked.
    fn slot_lines(&self, view: &View<'_>, lines: &mut Vec<Line<'static>>) {
        let (s, theme, data) = (view.s, view.theme, view.data);
        let active = schedule::active_at(view.cfg, view.now);
        if active.is_empty() {
            lines.push(Line::from(Span::styled(s.empty.slot_now, theme.title)));
        }
        let cursor = self.cursor.at().min(data.active.len().saturating_sub(1));
        // As wide as the longest place name shown, within reason.
        let place_width = data
            .active
            .iter()
            .map(|r| view.cfg.place_name(&r.key.place, view.lang).width() + 1)
            .max()
            .unwrap_or(0)
            .clamp(12, 30);
        for a in &active {
            let left = (a.window.end - view.now).num_minutes().max(0);
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", a.slot.name.get(view.lang)), theme.title),
                Span::raw(window_text(&a.window)),
                Span::styled(
                    format!(" · {}", (s.ends_in)(&duration_text(s, left))),
                    theme.dim,
                ),
            ]));
            for (i, r) in data.active.iter().enumerate() {
                if r.key.slot == a.slot.id && r.key.day == a.day && r.key.rep == a.window.rep {
                    lines.push(round_line(view, r, i == cursor, place_width));
                }
            }
            lines.push(Line::from(""));
        }
    }
}

/// One round: place, state, and who checked it when (or how to check it).
fn round_line(view: &View<'_>, r: &RoundView, selected: bool, place_width: usize) -> Line<'static> {
    let (s, theme) = (view.s, view.theme);
    let place = view.cfg.place_name(&r.key.place, view.lang);
    let mut spans = vec![
        Span::raw(if selected { " ▶ " } else { "   " }),
        Span::styled(
            pad(&place, place_width),
            if selected {
                theme.selected
            } else {
                Style::new()
            },
        ),
        Span::raw(" "),
        Span::styled(pad(state_word(s, r.state), 8), theme.round(r.state)),
    ];
    if let Some(c) = &r.check {
        spans.push(Span::styled(
            format!(" {} {}", view.hm(c.at), text::line(&c.by_name)),
            theme.dim,
        ));
        if c.problems > 0 {
            spans.push(Span::styled(
                format!(" · {}", (s.problems_n)(c.problems)),
                theme.missed,
            ));
        }
    } else if r.state == RoundState::Due && view.data.shift.is_some() {
        spans.push(Span::styled(format!(" {}", s.press_o_all_ok), theme.dim));
    }
    Line::from(spans)
}

fn next_slot_line(view: &View<'_>, lines: &mut Vec<Line<'static>>) {
    let (s, theme) = (view.s, view.theme);
    if let Some(next) = schedule::next_after(view.cfg, view.now) {
        let wait = (next.window.start - view.now).num_minutes();
        lines.push(Line::from(vec![
            Span::styled(s.next_slot, theme.dim),
            Span::raw(format!(
                "{} {}",
                next.slot.name.get(view.lang),
                window_text(&next.window)
            )),
            Span::styled(
                format!(" · {}", (s.starts_in)(&duration_text(s, wait))),
                theme.dim,
            ),
        ]));
    }
}

/// Today's rounds by state, and the exceptions still waiting for a reason.
fn tally_lines(view: &View<'_>, lines: &mut Vec<Line<'static>>) {
    let (s, theme, data) = (view.s, view.theme, view.data);
    let t = data.today_tally;
    let counts = [
        (s.states.done, t.done, theme.done),
        (s.states.late, t.late, theme.partial),
        (s.states.partial, t.partial, theme.partial),
        (s.states.missed, t.missed, theme.missed),
        (s.states.due, t.due, theme.due),
        (s.states.upcoming, t.upcoming, theme.upcoming),
    ];
    let mut spans = vec![Span::styled(format!("{}  ", s.today_rounds), theme.title)];
    for (i, (word, n, style)) in counts.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::styled(format!("{word} {n}"), style));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(spans));
    if data.open_exceptions > 0 {
        lines.push(Line::from(vec![
            Span::styled((s.open_exceptions)(data.open_exceptions), theme.missed),
            Span::styled(format!("  {}", s.press_e_to_see), theme.dim),
        ]));
    }
}

/// Follow-ups overdue and due today, open incidents and their nearest investigation deadline,
/// pending and overdue hazards, unverified mailbox slips: each with the key of its list.
fn record_lines(view: &View<'_>, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::from(""));
    lines.push(followups_line(view));
    lines.push(incidents_line(view));
    lines.push(gate_line(view));
    lines.push(hazards_line(view));
}

/// Red when there is anything to count, quiet when there is nothing.
fn count_style(n: usize, theme: &Theme) -> Style {
    if n > 0 { theme.missed } else { theme.dim }
}

/// Follow-ups: how many are overdue, how many fall due today.
fn followups_line(view: &View<'_>) -> Line<'static> {
    let (s, theme, data) = (view.s, view.theme, view.data);
    let now = view.now_utc();
    let today = view.now.date();
    let overdue = data
        .open_followups
        .iter()
        .filter(|f| f.is_overdue(now))
        .count();
    let due_today = data
        .open_followups
        .iter()
        .filter(|f| {
            !f.is_overdue(now) && f.due_at.with_timezone(&view.offset).date_naive() == today
        })
        .count();
    Line::from(vec![
        Span::styled(format!("{}  ", s.followups_title), theme.title),
        Span::styled(
            format!("{}{} ", bang(overdue), (s.overdue_n)(overdue)),
            count_style(overdue, theme),
        ),
        Span::styled(format!("· {} ", (s.due_today_n)(due_today)), theme.due),
        Span::styled(format!("  f {}", s.keys.open), theme.dim),
    ])
}

/// Incidents: how many are open, the one whose investigation deadline is nearest, and the
/// mailbox slips waiting to be verified.
fn incidents_line(view: &View<'_>) -> Line<'static> {
    let (s, theme, data) = (view.s, view.theme, view.data);
    let today = view.now.date();
    let nearest = data
        .open_incidents
        .iter()
        .filter_map(|r| {
            let entered = r.entered_at.with_timezone(&view.offset).date_naive();
            incident::investigation_days_left(entered, r.status, r.bullying, today).map(|d| (d, r))
        })
        .min_by_key(|(d, _)| *d);
    let mut spans = vec![
        Span::styled(format!("{}  ", s.incidents_title), theme.title),
        Span::raw((s.open_n)(data.open_incidents.len())),
    ];
    if let Some((days, r)) = nearest {
        let (text, style) = if days < 0 {
            ((s.overdue_days)(-days), theme.missed)
        } else {
            ((s.days_left)(days), theme.warn)
        };
        spans.push(Span::styled(format!(" · {} {text}", r.number), style));
    }
    if data.unverified_slips > 0 {
        spans.push(Span::styled(
            format!(" · {}", (s.slips_waiting)(data.unverified_slips)),
            theme.warn,
        ));
    }
    spans.push(Span::styled(format!("  i {}", s.keys.open), theme.dim));
    Line::from(spans)
}

/// The gate: visitors on site, and those past the end of the day who need resolving.
fn gate_line(view: &View<'_>) -> Line<'static> {
    let (s, theme, data) = (view.s, view.theme, view.data);
    let unresolved = data
        .on_campus
        .iter()
        .filter(|v| {
            crate::domain::gate::needs_resolving(v, view.now_local(), view.cfg.gate.day_ends)
        })
        .count();
    Line::from(vec![
        Span::styled(format!("{}  ", s.tabs.gate), theme.title),
        Span::raw((s.visitors_on_site)(data.on_campus.len())),
        Span::styled(
            if unresolved > 0 {
                format!(" · {}", (s.unresolved_n)(unresolved))
            } else {
                String::new()
            },
            theme.missed,
        ),
        Span::styled(format!("  g {}", s.keys.open), theme.dim),
    ])
}

/// Hazards: how many are pending, how many are overdue.
fn hazards_line(view: &View<'_>) -> Line<'static> {
    let (s, theme, data) = (view.s, view.theme, view.data);
    let today = view.now.date();
    let overdue = data
        .pending_hazards
        .iter()
        .filter(|h| h.is_overdue(today))
        .count();
    Line::from(vec![
        Span::styled(format!("{}  ", s.tabs.hazards), theme.title),
        Span::raw((s.pending_n)(
            data.pending_hazards
                .iter()
                .filter(|h| h.status.is_pending())
                .count(),
        )),
        Span::styled(
            format!(" · {}{}", bang(overdue), (s.overdue_n)(overdue)),
            count_style(overdue, theme),
        ),
        Span::styled(format!("  h {}", s.keys.open), theme.dim),
    ])
}

/// The overdue marker, which stays visible without colour; only when something is overdue.
fn bang(n: usize) -> &'static str {
    if n > 0 { "!! " } else { "" }
}
