//! The watchlist the desk keeps for the gate: name, document number, plate, the reason and until
//! when. Matching only warns the guard; a person decides.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, cell, pad, widest};
use crate::action::Action;
use crate::action::WatchAction;
use crate::domain::clock::parse_day;
use crate::domain::gate::{WatchDraft, WatchEntry};
use crate::domain::idcard;
use crate::domain::text::{self, TextKind};
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};
use crate::widgets::field::FieldError;
use crate::widgets::form::{Field, Form, Outcome};
use crate::widgets::popup;

const NAME: usize = 0;
const NUMBER: usize = 1;
const PLATE: usize = 2;
const REASON: usize = 3;
const UNTIL: usize = 4;

#[derive(Debug, Clone, Default)]
pub struct Watchlist {
    pub rows: Vec<WatchEntry>,
    cursor: ListCursor,
    /// Adding an entry.
    form: Option<Form>,
}

impl Watchlist {
    pub fn is_typing(&self) -> bool {
        self.form.is_some()
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        // The list may have shrunk since the last key (its last row done or signed out).
        self.cursor.clamp(self.rows.len());
        if let Some(form) = &mut self.form {
            return match form.handle_key(key, view) {
                Outcome::Leave => {
                    self.form = None;
                    None
                }
                Outcome::Save | Outcome::Pass => Self::parse(form, view),
                Outcome::Handled => None,
            };
        }
        if self.cursor.step_keys(key, self.rows.len(), false) != Step::NotMine {
            return None;
        }
        match key.code {
            KeyCode::Char('a') => {
                let s = view.s;
                self.form = Some(Form::new(vec![
                    Field::line(s.fields.visitor_name, TextKind::Name, ""),
                    Field::line(s.fields.doc_number, TextKind::Name, ""),
                    Field::line(s.fields.plate, TextKind::Name, ""),
                    Field::line(s.fields.watch_reason, TextKind::Line, "").required(),
                    Field::line(s.fields.until, TextKind::Name, "").hint(s.hints.until),
                ]));
            }
            KeyCode::Char('d') => {
                return self
                    .rows
                    .get(self.cursor.at())
                    .filter(|w| w.active)
                    .map(|w| Action::Watch(WatchAction::EndWatch(w.id, w.version)));
            }
            KeyCode::Esc => return Some(Action::Back),
            _ => {}
        }
        None
    }

    /// Closes the form once its entry is saved.
    pub fn saved(&mut self) {
        self.form = None;
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        if let Some(form) = &mut self.form {
            form.handle_paste(pasted);
        }
    }

    fn parse(form: &mut Form, view: &View<'_>) -> Option<Action> {
        let mut values = Vec::new();
        for i in [NAME, NUMBER, PLATE] {
            match text::validate(TextKind::Name, &form.text(i), false) {
                Ok(v) => values.push(v),
                Err(e) => return form.fail(i, e.into()),
            }
        }
        if values.iter().all(String::is_empty) {
            return form.fail(NAME, FieldError::Required);
        }
        let reason = match text::validate(TextKind::Line, &form.text(REASON), true) {
            Ok(r) => r,
            Err(e) => return form.fail(REASON, e.into()),
        };
        let until_text = form.text(UNTIL);
        let until = if until_text.is_empty() {
            None
        } else {
            match parse_day(&until_text, view.now.date()) {
                Some(d) => Some(d),
                None => return form.fail(UNTIL, FieldError::BadDate),
            }
        };
        let plate = values.pop().unwrap_or_default();
        let doc_number = values.pop().unwrap_or_default().to_uppercase();
        let name = values.pop().unwrap_or_default();
        Some(Action::Watch(WatchAction::CreateWatch(WatchDraft {
            name,
            doc_number,
            plate,
            reason,
            until,
        })))
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        if self.form.is_some() {
            return vec![
                ("Tab", s.keys.next_field),
                ("Ctrl+S", s.keys.save),
                ("Esc", s.keys.back),
            ];
        }
        vec![
            ("a", s.keys.new),
            ("d", s.keys.end_watch),
            ("Esc", s.keys.back),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let mut lines = vec![Line::from(Span::styled(s.watchlist_title, theme.title))];
        let state_width = widest(&[s.watch_active, s.watch_inactive]) + 1;
        if self.rows.is_empty() {
            lines.push(Line::from(Span::styled(s.empty.watch, theme.dim)));
        }
        for (i, w) in self
            .rows
            .iter()
            .enumerate()
            .take(usize::from(area.height).saturating_sub(1))
        {
            let selected = i == self.cursor.at();
            let d = &w.draft;
            let number = if d.doc_number.is_empty() {
                String::new()
            } else {
                idcard::masked(&d.doc_number, d.doc_number.chars().count())
            };
            let until = d
                .until
                .map(|u| format!(" · {} {u}", s.fields.until))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(if selected { "▶ " } else { "  " }),
                Span::styled(
                    cell(
                        if w.active {
                            s.watch_active
                        } else {
                            s.watch_inactive
                        },
                        state_width,
                    ),
                    if w.active { theme.warn } else { theme.dim },
                ),
                Span::styled(
                    pad(&text::line(&d.name), 10),
                    if selected {
                        theme.selected
                    } else {
                        Style::new()
                    },
                ),
                Span::raw(format!(
                    " {} {} ",
                    pad(&number, 18),
                    pad(&text::line(&d.plate), 10)
                )),
                Span::styled(format!("{}{until}", text::line(&d.reason)), theme.dim),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), area);
        if let Some(form) = &self.form {
            let inner = popup::frame_box(frame, area, 70, 13, s.new_watch_title, theme);
            form.render(frame, inner, view, view.caret);
        }
    }
}
