//! The shift screen: who is on duty now, who is at this terminal, and the recent shifts.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, day_text, pad, widest};
use crate::action::Action;
use crate::action::{DutyAction, DutyLogAction};
use crate::domain::shift::{DutyRole, Shift};
use crate::domain::text;
use crate::widgets::Keys;

#[derive(Debug, Clone, Default)]
pub struct ShiftScreen;

impl ShiftScreen {
    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let shift = view.data.shift.as_ref();
        match (key.code, shift) {
            (KeyCode::Char('o'), None) => Some(Action::Duty(DutyAction::NewShift)),
            (KeyCode::Char('l'), _) => Some(Action::DutyLog(DutyLogAction::OpenSummary)),
            (KeyCode::Char('c'), Some(_)) => {
                Some(Action::Duty(DutyAction::CloseShift { confirmed: false }))
            }
            (KeyCode::Char('u'), Some(shift)) if !view.data.signed_in => {
                let mut people: Vec<_> = shift.members.iter().map(|m| m.staff).collect();
                people.dedup();
                let at = people.iter().position(|p| Some(*p) == view.data.operator);
                let next = at.map_or(0, |i| (i + 1) % people.len());
                people
                    .get(next)
                    .map(|p| Action::Duty(DutyAction::SetOperator(*p)))
            }
            _ => None,
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        if view.data.shift.is_some() && view.data.signed_in {
            vec![
                ("Ctrl+L", s.keys.lock),
                ("l", s.keys.duty_log),
                ("c", s.keys.close_shift),
            ]
        } else if view.data.shift.is_some() {
            vec![
                ("u", s.keys.switch_operator),
                ("l", s.keys.duty_log),
                ("c", s.keys.close_shift),
            ]
        } else {
            vec![("o", s.keys.open_shift), ("l", s.keys.duty_log)]
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme, data) = (view.s, view.theme, view.data);
        let mut lines = match &data.shift {
            None => vec![Line::from(Span::styled(s.empty.shift_open, theme.warn))],
            Some(shift) => current_lines(shift, view),
        };
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(s.recent_shifts, theme.title)));
        // The recent shifts get whatever rows the current shift left.
        let room = usize::from(area.height).saturating_sub(lines.len());
        for shift in data.recent_shifts.iter().take(room) {
            lines.push(recent_line(shift, view));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// The open shift: when it opened, who holds each duty role, and who is at this terminal.
fn current_lines(shift: &Shift, view: &View<'_>) -> Vec<Line<'static>> {
    let (s, theme) = (view.s, view.theme);
    // One label column for the roles and the operator, as wide as the widest translated word.
    let mut labels: Vec<&str> = DutyRole::ALL.iter().map(|r| s.duty_role(*r)).collect();
    labels.push(s.operator);
    let label_width = widest(&labels) + 2;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}  ", s.current_shift), theme.title),
        Span::raw(format!(
            "{} · {} {}",
            day_text(s, shift.day),
            s.opened_at,
            view.day_hm(shift.opened_at)
        )),
    ])];
    for role in DutyRole::ALL {
        let names = names(shift, role);
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {}", pad(s.duty_role(role), label_width)),
                theme.dim,
            ),
            Span::raw(if names.is_empty() {
                "—".to_owned()
            } else {
                names
            }),
        ]));
    }
    lines.push(operator_line(label_width, view));
    lines
}

/// Who is at this terminal, with how to change it (sign-in, or `u` on a shared terminal).
fn operator_line(label_width: usize, view: &View<'_>) -> Line<'static> {
    let (s, theme, data) = (view.s, view.theme, view.data);
    Line::from(vec![
        Span::styled(format!("  {}", pad(s.operator, label_width)), theme.dim),
        Span::styled(
            text::line(data.operator_name().unwrap_or("—")).into_owned(),
            theme.title,
        ),
        Span::styled(
            format!(
                "   {}",
                if data.signed_in {
                    s.operator_hint_signed_in
                } else {
                    s.operator_hint
                }
            ),
            theme.dim,
        ),
    ])
}

/// One recent shift: its day, opened – closed, and its duty teachers and leaders.
fn recent_line(shift: &Shift, view: &View<'_>) -> Line<'static> {
    let (s, theme) = (view.s, view.theme);
    let closed = shift
        .closed_at
        .map_or_else(|| s.still_open.to_owned(), |t| view.day_hm(t));
    let team = [DutyRole::DutyTeacher, DutyRole::Leader]
        .iter()
        .map(|r| names(shift, *r))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    Line::from(vec![
        Span::raw(format!("  {}  ", day_text(s, shift.day))),
        Span::styled(
            format!("{} – {}  ", view.day_hm(shift.opened_at), closed),
            theme.dim,
        ),
        Span::raw(team),
    ])
}

/// The names of everyone with `role` on `shift`, display-safe, separated by "、".
fn names(shift: &Shift, role: DutyRole) -> String {
    shift
        .with_role(role)
        .map(|m| text::line(&m.name).into_owned())
        .collect::<Vec<_>>()
        .join("、")
}
