//! One incident read whole: what happened, its students with their roles and measures, its
//! follow-ups, and its history of corrections (who, when, what changed, why).

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{View, followup_line, history_lines};
use crate::action::Action;
use crate::action::{FollowupAction, IncidentAction};
use crate::domain::followup::Followup;
use crate::domain::history::LogEntry;
use crate::domain::incident::{self, Incident, IncidentId, PlaceRef};
use crate::domain::text;
use crate::widgets::Keys;

#[derive(Debug, Clone)]
pub struct IncidentDetail {
    pub id: IncidentId,
    pub incident: Option<Incident>,
    pub followups: Vec<Followup>,
    pub history: Vec<LogEntry>,
    scroll: u16,
    /// The student whose chronology Enter opens.
    student: usize,
}

impl IncidentDetail {
    pub fn new(id: IncidentId) -> IncidentDetail {
        IncidentDetail {
            id,
            incident: None,
            followups: Vec::new(),
            history: Vec::new(),
            scroll: 0,
            student: 0,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        let incident = self.incident.as_ref()?;
        let live = incident.voided.is_none();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.scroll = self.scroll.saturating_add(1),
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(10),
            KeyCode::PageDown => self.scroll = self.scroll.saturating_add(10),
            KeyCode::Tab if !incident.students.is_empty() => {
                self.student = (self.student + 1) % incident.students.len();
            }
            KeyCode::Enter => {
                return incident
                    .students
                    .get(self.student)
                    .map(|s| Action::Incident(IncidentAction::OpenStudent(s.student.id)));
            }
            KeyCode::Char('e') if live => {
                return Some(Action::Incident(IncidentAction::EditIncident(self.id)));
            }
            KeyCode::Char('v') if live => {
                return Some(Action::Incident(IncidentAction::AskVoidIncident(self.id)));
            }
            KeyCode::Char('f') if live => {
                return Some(Action::Followup(FollowupAction::NewFollowupFor(self.id)));
            }
            KeyCode::Esc => return Some(Action::Back),
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        // Most used first: what does not fit at 80 columns is in help.
        let mut keys = Vec::new();
        if self.incident.as_ref().is_some_and(|i| i.voided.is_none()) {
            keys.extend([
                ("e", s.keys.correct),
                ("f", s.keys.add_followup),
                ("v", s.keys.void),
            ]);
        }
        keys.extend([
            ("Esc", s.keys.back),
            ("Enter", s.keys.student_history),
            ("Tab", s.keys.next_student),
            ("↑↓", s.keys.scroll),
        ]);
        keys
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let Some(incident) = &self.incident else {
            return;
        };
        let mut lines = Self::head_lines(incident, view);
        lines.extend(self.student_lines(incident, view));
        let s = view.s;
        lines.push(Line::from(Span::styled(
            format!("{} ({})", s.followups_title, self.followups.len()),
            view.theme.title,
        )));
        for f in &self.followups {
            lines.push(followup_line(f, false, view));
        }
        lines.push(Line::from(Span::styled(s.history_title, view.theme.title)));
        lines.extend(history_lines(&self.history, view));
        let max = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .saturating_sub(area.height);
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll.min(max), 0)),
            area,
        );
    }

    /// The incident itself: its title line, whether it was voided, when and where, and the
    /// accounts of what happened.
    fn head_lines(i: &Incident, view: &View<'_>) -> Vec<Line<'static>> {
        let (s, theme, d) = (view.s, view.theme, &i.draft);
        let place = match &d.place {
            PlaceRef::Config(id) => view.cfg.place_name(id, view.lang).into_owned(),
            PlaceRef::Text(t) => text::line(t).into_owned(),
        };
        let mut lines = vec![Self::title_line(i, view)];
        if let Some((at, reason)) = &i.voided {
            lines.push(Line::from(Span::styled(
                (s.voided_line)(&view.day_hm(*at), &text::line(reason)),
                theme.missed,
            )));
        }
        lines.push(Self::when_line(i, view));
        lines.push(Line::from(format!(
            "{} {} · {} {}",
            s.fields.place,
            place,
            s.fields.source,
            s.source(d.source)
        )));
        lines.extend(Self::account_lines(i, view));
        lines
    }

    /// Number, category, severity, status, bullying decision, and the investigation clock.
    fn title_line(i: &Incident, view: &View<'_>) -> Line<'static> {
        let (s, theme, d) = (view.s, view.theme, &i.draft);
        let entered_on = i.entered_at.with_timezone(&view.offset).date_naive();
        let clock = match incident::investigation_days_left(
            entered_on,
            d.status,
            d.bullying,
            view.now.date(),
        ) {
            Some(days) if days < 0 => {
                Span::styled(format!(" · {}", (s.overdue_days)(-days)), theme.missed)
            }
            Some(days) => Span::styled(format!(" · {}", (s.days_left)(days)), theme.warn),
            None => Span::raw(""),
        };
        let bullying = match d.bullying_on {
            Some(on) => format!("{} ({on})", s.bullying_word(d.bullying)),
            None => s.bullying_word(d.bullying).to_owned(),
        };
        Line::from(vec![
            Span::styled(format!("{} {}  ", s.incident_word, i.number), theme.title),
            Span::raw(format!(
                "{} · {} · {} · {} {}",
                view.cfg.category_name(&d.category, view.lang),
                s.severity(d.severity),
                s.status(d.status),
                s.fields.bullying,
                bullying
            )),
            clock,
        ])
    }

    /// When it happened (marked if entered long after), and when and by whom it was entered.
    fn when_line(i: &Incident, view: &View<'_>) -> Line<'static> {
        let (s, theme, d) = (view.s, view.theme, &i.draft);
        let backdated = if incident::is_backdated(d.occurred_at, i.entered_at) {
            s.backdated
        } else {
            ""
        };
        Line::from(vec![
            Span::raw(format!("{} {}", s.fields.when, view.day_hm(d.occurred_at))),
            Span::styled(format!("{backdated} "), theme.warn),
            Span::styled(
                (s.entered_line)(&view.day_hm(i.entered_at), &text::line(&i.entered_by)),
                theme.dim,
            ),
        ])
    }

    /// What happened, the child's own words, and what was done at once: each under its label,
    /// left out when empty.
    fn account_lines(i: &Incident, view: &View<'_>) -> Vec<Line<'static>> {
        let (s, theme, d) = (view.s, view.theme, &i.draft);
        let mut lines = Vec::new();
        for (label, body) in [
            (s.fields.narrative, &d.narrative),
            (s.fields.child_words, &d.child_words),
            (s.fields.action, &d.immediate_action),
        ] {
            if body.is_empty() {
                continue;
            }
            lines.push(Line::from(Span::styled(label, theme.title)));
            for l in text::display(body, true).lines() {
                lines.push(Line::from(format!("  {l}")));
            }
        }
        lines
    }

    fn student_lines(&self, i: &Incident, view: &View<'_>) -> Vec<Line<'static>> {
        let (s, theme) = (view.s, view.theme);
        let mut lines = vec![Line::from(Span::styled(
            format!("{} ({})", s.fields.students, i.students.len()),
            theme.title,
        ))];
        for (n, st) in i.students.iter().enumerate() {
            let measures: Vec<std::borrow::Cow<'_, str>> = st
                .measures
                .iter()
                .map(|m| view.cfg.measure_name(m, view.lang))
                .collect();
            let told = match (&st.parents_told_at, &st.parents_told_by) {
                (Some(at), Some((_, by))) => format!(
                    " · {} {} {}",
                    s.parents_told,
                    view.day_hm(*at),
                    text::line(by)
                ),
                (Some(at), None) => format!(" · {} {}", s.parents_told, view.day_hm(*at)),
                _ => format!(" · {}", s.parents_not_told),
            };
            let selected = n == self.student;
            lines.push(Line::from(vec![
                Span::raw(if selected { " ▶ " } else { "   " }),
                Span::styled(
                    format!(
                        "{} ({} {})",
                        text::line(&st.student.name),
                        text::line(&st.student.class_name),
                        text::line(&st.student.number)
                    ),
                    if selected {
                        theme.selected
                    } else {
                        ratatui::style::Style::new()
                    },
                ),
                Span::styled(format!(" {}", s.role(st.role)), theme.warn),
                Span::styled(format!(" {}{told}", measures.join("、")), theme.dim),
                // A quiet mark for those who keep the register (the list is empty for others).
                Span::styled(
                    if view.data.attention.contains(&st.student.id) {
                        format!(" [{}]", s.attention.hint)
                    } else {
                        String::new()
                    },
                    theme.dim,
                ),
            ]));
        }
        lines
    }
}
