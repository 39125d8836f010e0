//! The gate station's home: who from outside is on campus (longest inside first, one key signs
//! the selected one out), today's log, and the students who left early. Large and plain.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::{View, duration_text, pad, truncate, widest};
use crate::action::Action;
use crate::action::{GateAction, WatchAction};
use crate::domain::gate::{self, EarlyLeave, OutKind, Visit, VisitStatus};
use crate::domain::idcard;
use crate::domain::text;
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GateView {
    #[default]
    OnCampus,
    Log,
    EarlyLeaves,
}

#[derive(Debug, Clone, Default)]
pub struct GateScreen {
    pub view: GateView,
    /// Today's visits, newest first (loaded by the app).
    pub log: Vec<Visit>,
    pub leaves: Vec<EarlyLeave>,
    cursor: ListCursor,
    /// Whether desk-only keys (the watchlist) are offered.
    pub desk: bool,
}

impl GateScreen {
    /// `desk`: also offer what only the desk does (the watchlist).
    pub fn new(desk: bool) -> GateScreen {
        GateScreen {
            desk,
            ..GateScreen::default()
        }
    }

    fn len(&self, view: &View<'_>) -> usize {
        match self.view {
            GateView::OnCampus => view.data.on_campus.len(),
            GateView::Log => self.log.len(),
            GateView::EarlyLeaves => self.leaves.len(),
        }
    }

    /// Keeps the cursor on a row after the list shrinks (the last visitor in it signed out).
    pub fn clamp(&mut self, view: &View<'_>) {
        self.cursor.clamp(self.len(view));
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        self.clamp(view);
        let visit = view
            .data
            .on_campus
            .get(self.cursor.at())
            .filter(|_| self.view == GateView::OnCampus);
        if self.cursor.step(key, self.len(view), false) != Step::NotMine {
            return None;
        }
        match key.code {
            KeyCode::Tab => {
                self.view = match self.view {
                    GateView::OnCampus => GateView::Log,
                    GateView::Log => GateView::EarlyLeaves,
                    GateView::EarlyLeaves => GateView::OnCampus,
                };
                self.cursor.to_top();
            }
            KeyCode::Char('v') => return Some(Action::Gate(GateAction::NewVisit)),
            KeyCode::Char('e') => return Some(Action::Gate(GateAction::NewEarlyLeave)),
            // Signing out writes a record: its own key and a question naming the visitor,
            // never Enter.
            KeyCode::Char('x') => {
                return visit.map(|v| Action::Gate(GateAction::AskSignOut(v.id, v.version)));
            }
            KeyCode::Char('t') => {
                return visit.map(|v| Action::Gate(GateAction::AskSignOutAt(v.id, v.version)));
            }
            KeyCode::Char('u') => {
                return visit.map(|v| Action::Gate(GateAction::AskLeftUnsigned(v.id, v.version)));
            }
            KeyCode::Char('b') if self.view == GateView::EarlyLeaves => {
                return self
                    .leaves
                    .get(self.cursor.at())
                    .filter(|l| l.time_back.is_none())
                    .map(|l| Action::Gate(GateAction::EarlyLeaveBack(l.id, l.version)));
            }
            KeyCode::Char('m') if self.desk => {
                return Some(Action::Watch(WatchAction::OpenWatchlist));
            }
            KeyCode::Char('d') if view.data.reveal_allowed => {
                return visit.map(|v| Action::Gate(GateAction::AskReveal(v.id)));
            }
            _ => {}
        }
        None
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        let mut keys = vec![("v", s.keys.sign_in)];
        let signing_out = self.view == GateView::OnCampus && !view.data.on_campus.is_empty();
        // When someone must be resolved (still in after the day ends), both ways to resolve
        // come before the keys for the other lists, so a narrow bar keeps them.
        let resolving = signing_out && {
            let now = view.now_local();
            let ends = view.cfg.gate.day_ends;
            view.data
                .on_campus
                .iter()
                .any(|v| gate::needs_resolving(v, now, ends))
        };
        match self.view {
            GateView::OnCampus if resolving => keys.extend([
                ("x", s.keys.sign_out),
                ("u", s.keys.left_unsigned),
                ("t", s.keys.out_at),
            ]),
            GateView::OnCampus if signing_out => {
                keys.extend([("x", s.keys.sign_out), ("u", s.keys.left_unsigned)]);
            }
            GateView::EarlyLeaves => keys.push(("b", s.keys.back_in)),
            _ => {}
        }
        keys.extend([("e", s.keys.early_leave), ("Tab", s.keys.next_view)]);
        if self.desk {
            keys.push(("m", s.keys.watchlist));
        }
        if signing_out && view.data.reveal_allowed {
            keys.push(("d", s.keys.reveal));
        }
        // Last, so an 80-column bar drops it first: a sign-out at another time is the rarest
        // of these, and the help screen still lists it.
        if signing_out && !resolving {
            keys.push(("t", s.keys.out_at));
        }
        keys
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let [tabs, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
        self.render_tabs(frame, tabs, view);
        let lines = match self.view {
            GateView::OnCampus => self.on_campus_lines(view, usize::from(body.width)),
            GateView::Log => self.log_lines(view, usize::from(body.width)),
            GateView::EarlyLeaves => self.leave_lines(view, usize::from(body.width)),
        };
        let room = usize::from(body.height).max(1);
        let from = self.cursor.at().saturating_sub(room - 1);
        let shown: Vec<Line> = lines.into_iter().skip(from).take(room).collect();
        frame.render_widget(Paragraph::new(shown), body);
    }

    fn render_tabs(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let refused = self
            .log
            .iter()
            .filter(|v| v.status == VisitStatus::Refused)
            .count();
        let items = [
            (
                GateView::OnCampus,
                (s.gate_on_campus)(view.data.on_campus.len()),
            ),
            (
                GateView::Log,
                (s.gate_log)(self.log.len() - refused, refused),
            ),
            (GateView::EarlyLeaves, (s.gate_leaves)(self.leaves.len())),
        ];
        let spans: Vec<Span> = items
            .into_iter()
            .flat_map(|(v, label)| {
                let style = if v == self.view {
                    theme.selected.patch(theme.title)
                } else {
                    theme.dim
                };
                [Span::styled(format!(" {label} "), style), Span::raw("  ")]
            })
            .collect();
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn on_campus_lines(&self, view: &View<'_>, width: usize) -> Vec<Line<'static>> {
        let (s, theme) = (view.s, view.theme);
        let list = &view.data.on_campus;
        if list.is_empty() {
            return vec![Line::from(Span::styled(s.nobody_on_campus, theme.dim))];
        }
        let now = view.now_local();
        let inside = |v: &Visit| {
            let minutes = (view.now_utc() - v.time_in).num_minutes().max(0);
            (s.inside_for)(&duration_text(s, minutes))
        };
        // As wide as the longest, so "14 hours 45 minutes" is not cut into the next column.
        let inside_width = list.iter().map(|v| inside(v).width()).max().unwrap_or(0) + 1;
        list.iter()
            .enumerate()
            .map(|(i, v)| {
                let selected = i == self.cursor.at();
                let flagged = gate::needs_resolving(v, now, view.cfg.gate.day_ends);
                let mut spans = vec![
                    Span::styled(if selected { "▶ " } else { "  " }, theme.title),
                    Span::styled(
                        pad(&text::line(&v.name), 10),
                        if selected {
                            theme.selected
                        } else {
                            theme.title
                        },
                    ),
                    Span::raw(format!(" {} ", view.hm(v.time_in))),
                    Span::styled(
                        pad(&inside(v), inside_width),
                        if flagged { theme.missed } else { theme.due },
                    ),
                ];
                if flagged {
                    spans.push(Span::styled(format!("{} ", s.not_signed_out), theme.missed));
                }
                with_rest(spans, &visit_detail(v, view), width, theme.dim)
            })
            .collect()
    }

    fn log_lines(&self, view: &View<'_>, width: usize) -> Vec<Line<'static>> {
        let (s, theme) = (view.s, view.theme);
        if self.log.is_empty() {
            return vec![Line::from(Span::styled(s.empty.visits_today, theme.dim))];
        }
        // As wide as the widest state shown, so the details line up without a wide gap.
        let state_width = widest(&[
            "← 00:00",
            if self.log.iter().any(|v| v.status == VisitStatus::Refused) {
                s.refused_word
            } else {
                ""
            },
            if self
                .log
                .iter()
                .any(|v| v.out_kind == Some(OutKind::LeftUnsigned))
            {
                s.left_unsigned_word
            } else {
                ""
            },
        ]);
        self.log
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let selected = i == self.cursor.at();
                let (state, style) = match (v.status, v.out_kind) {
                    (VisitStatus::Refused, _) => (s.refused_word.to_owned(), theme.missed),
                    (VisitStatus::In, _) => ("→".to_owned(), theme.due),
                    (VisitStatus::Out, Some(OutKind::LeftUnsigned)) => {
                        (s.left_unsigned_word.to_owned(), theme.warn)
                    }
                    (VisitStatus::Out, _) => (
                        format!("← {}", v.time_out.map(|t| view.hm(t)).unwrap_or_default()),
                        theme.dim,
                    ),
                };
                let spans = vec![
                    Span::raw(if selected { "▶ " } else { "  " }),
                    Span::raw(format!("{} ", view.hm(v.time_in))),
                    Span::styled(
                        pad(&text::line(&v.name), 10),
                        if selected {
                            theme.selected
                        } else {
                            Style::new()
                        },
                    ),
                    Span::styled(format!(" {} ", pad(&state, state_width)), style),
                ];
                with_rest(spans, &visit_detail(v, view), width, theme.dim)
            })
            .collect()
    }

    fn leave_lines(&self, view: &View<'_>, width: usize) -> Vec<Line<'static>> {
        let (s, theme) = (view.s, view.theme);
        let class_width = self
            .leaves
            .iter()
            .map(|l| text::line(&l.class_name).width())
            .max()
            .unwrap_or(0)
            .min(12);
        if self.leaves.is_empty() {
            return vec![Line::from(Span::styled(s.empty.leaves_today, theme.dim))];
        }
        self.leaves
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let selected = i == self.cursor.at();
                // A fixed-width time column, so a return time does not shift the name.
                let back = l
                    .time_back
                    .map_or_else(String::new, |t| format!("← {}", view.hm(t)));
                let yes_no = |b: bool| s.no_yes[usize::from(b)];
                let spans = vec![
                    Span::raw(if selected { "▶ " } else { "  " }),
                    Span::raw(format!("{} {} ", view.hm(l.time_out), pad(&back, 7))),
                    Span::styled(
                        pad(&text::line(&l.student_name), 8),
                        if selected {
                            theme.selected
                        } else {
                            Style::new()
                        },
                    ),
                    Span::raw(format!(
                        " {} ",
                        pad(&text::line(&l.class_name), class_width)
                    )),
                ];
                // Who collected the student first: that is what the guard checks at the gate.
                let detail = format!(
                    "{} {}({}) · {} {} · {} {} · {} {}",
                    s.fields.collected_by,
                    text::line(&l.collected_by),
                    text::line(&l.relation),
                    s.fields.approved_by,
                    text::line(&l.approved_by),
                    s.fields.slip_seen,
                    yes_no(l.slip_seen),
                    s.fields.teacher_confirmed,
                    yes_no(l.teacher_confirmed),
                );
                with_rest(spans, &detail, width, theme.dim)
            })
            .collect()
    }
}

/// A row: its columns, then `rest` cut (with "…") to what is left of `width`.
fn with_rest(
    mut spans: Vec<Span<'static>>,
    rest: &str,
    width: usize,
    style: Style,
) -> Line<'static> {
    let used: usize = spans.iter().map(|sp| sp.content.width()).sum();
    spans.push(Span::styled(
        truncate(rest, width.saturating_sub(used)),
        style,
    ));
    Line::from(spans)
}

/// Where from, why, whom, document (masked), plate: what a guard checks at a glance.
fn visit_detail(v: &Visit, view: &View<'_>) -> String {
    let s = view.s;
    let mut parts = vec![
        text::line(&v.organisation).into_owned(),
        text::line(&v.purpose).into_owned(),
    ];
    if let Some(host) = &v.host_name {
        parts.push(format!("{} {}", s.fields.host, text::line(host)));
    }
    if !v.document.last4.is_empty() {
        let length = if v.document.doc_type == Some(idcard::DocType::ResidentId) {
            18
        } else {
            8
        };
        let stored = v.document.full.as_deref().unwrap_or(&v.document.last4);
        parts.push(idcard::masked(stored, length));
    }
    if !v.plate.is_empty() {
        parts.push(text::line(&v.plate).into_owned());
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" · ")
}
