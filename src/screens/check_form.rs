//! The checklist of one round: each item OK / problem / not applicable with a note, a note for
//! the round, saved as one check. A problem needs a note; unanswered items make the round partial.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use crate::action::Action;
use crate::action::PatrolAction;
use crate::domain::patrol::{CheckDraft, CheckId, ItemAnswer, ItemResult};
use crate::domain::rounds::RoundView;
use crate::domain::schedule::RoundKey;
use crate::domain::text::{self, TextKind};
use crate::widgets::cursor::{ListCursor, Step};
use crate::widgets::field::{self, FieldError, TextField};
use crate::widgets::{Keys, popup};

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    Items,
    ItemNote,
    RoundNote,
}

#[derive(Debug, Clone)]
struct Item {
    text: String,
    result: ItemResult,
    note: TextField,
}

#[derive(Debug, Clone)]
pub struct CheckForm {
    pub round: RoundKey,
    replaces: Option<CheckId>,
    title: String,
    items: Vec<Item>,
    note: TextField,
    cursor: ListCursor,
    focus: Focus,
    dirty: bool,
    /// Asking whether to save with unanswered items.
    confirm_partial: bool,
}

impl CheckForm {
    /// A form for `round`, starting from its latest check if it has one.
    pub fn new(round: &RoundView, view: &View<'_>) -> CheckForm {
        let cfg = view.cfg;
        let place = cfg.place(&round.key.place);
        let items = match &round.check {
            Some(c) => c
                .items
                .iter()
                .map(|a| Item {
                    text: a.text.clone(),
                    result: a.result,
                    note: TextField::with_value(TextKind::Line, &a.note),
                })
                .collect(),
            None => place
                .map(|p| {
                    p.checklist
                        .iter()
                        .map(|l| Item {
                            text: l.get(view.lang).to_owned(),
                            result: ItemResult::Unset,
                            note: TextField::new(TextKind::Line),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        };
        CheckForm {
            round: round.key.clone(),
            replaces: round.check.as_ref().map(|c| c.id),
            title: super::round_title(view, round),
            items,
            note: TextField::with_value(
                TextKind::Line,
                round.check.as_ref().map_or("", |c| c.note.as_str()),
            ),
            cursor: ListCursor::default(),
            focus: Focus::Items,
            dirty: false,
            confirm_partial: false,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if self.confirm_partial {
            self.confirm_partial = false;
            return match key.code {
                KeyCode::Char('y' | 'Y') => Some(self.draft_action()),
                _ => None,
            };
        }
        if key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.save();
        }
        match self.focus {
            Focus::Items => self.items_key(key),
            Focus::ItemNote | Focus::RoundNote => {
                self.note_key(key);
                None
            }
        }
    }

    fn items_key(&mut self, key: KeyEvent) -> Option<Action> {
        if self.cursor.step(key, self.items.len(), false) != Step::NotMine {
            return None;
        }
        match key.code {
            KeyCode::Char('o' | '1') => self.set(ItemResult::Ok),
            KeyCode::Char('x' | '2') => {
                self.set(ItemResult::Problem);
                self.focus = Focus::ItemNote;
            }
            KeyCode::Char('n' | '3') => self.set(ItemResult::NotApplicable),
            KeyCode::Char(' ') => {
                let next = self
                    .items
                    .get(self.cursor.at())
                    .map_or(ItemResult::Ok, |i| i.result.next());
                self.set(next);
            }
            KeyCode::Char('e') | KeyCode::Right => self.focus = Focus::ItemNote,
            KeyCode::Tab => self.focus = Focus::RoundNote,
            KeyCode::Char('a') => {
                for item in &mut self.items {
                    if item.result == ItemResult::Unset {
                        item.result = ItemResult::Ok;
                    }
                }
                self.dirty = true;
                return self.save();
            }
            KeyCode::Enter => return self.save(),
            KeyCode::Char('?') => return Some(Action::Help),
            KeyCode::Esc => return Some(Action::LeaveForm { dirty: self.dirty }),
            _ => {}
        }
        None
    }

    fn note_key(&mut self, key: KeyEvent) {
        match key.code {
            // A problem's note written: on to the next item, so that the next `o` is not
            // pressed on the item just noted as a problem.
            KeyCode::Enter if self.focus == Focus::ItemNote => {
                self.focus = Focus::Items;
                self.next_item();
            }
            KeyCode::Enter | KeyCode::Esc | KeyCode::Tab => self.focus = Focus::Items,
            KeyCode::Up | KeyCode::Down if self.focus == Focus::ItemNote => {
                self.focus = Focus::Items;
                let _ = self.items_key(key);
            }
            _ => {
                let field = match self.focus {
                    Focus::RoundNote => &mut self.note,
                    _ => match self.items.get_mut(self.cursor.at()) {
                        Some(i) => &mut i.note,
                        None => return,
                    },
                };
                let before = field.value().to_owned();
                field.handle_key(key);
                self.dirty |= field.value() != before;
            }
        }
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        let field = match self.focus {
            Focus::Items => return,
            Focus::RoundNote => &mut self.note,
            Focus::ItemNote => match self.items.get_mut(self.cursor.at()) {
                Some(i) => &mut i.note,
                None => return,
            },
        };
        field.paste(pasted);
        self.dirty = true;
    }

    fn next_item(&mut self) {
        let next = (self.cursor.at() + 1).min(self.items.len().saturating_sub(1));
        self.cursor.set(next);
    }

    fn set(&mut self, result: ItemResult) {
        if let Some(item) = self.items.get_mut(self.cursor.at()) {
            item.result = result;
            if result != ItemResult::Problem
                && item.note.error == Some(FieldError::ProblemNeedsNote)
            {
                item.note.error = None;
            }
            self.dirty = true;
            if result != ItemResult::Problem {
                self.next_item();
            }
        }
    }

    /// Checks the form; on a problem without a note, puts the caret there and says why.
    fn save(&mut self) -> Option<Action> {
        for (i, item) in self.items.iter_mut().enumerate() {
            let note = item.note.parse(false);
            let missing =
                item.result == ItemResult::Problem && note.as_deref().is_ok_and(str::is_empty);
            if let Err(e) = note {
                item.note.error = Some(e);
            } else if missing {
                item.note.error = Some(FieldError::ProblemNeedsNote);
            } else {
                continue;
            }
            self.cursor.set(i);
            self.focus = Focus::ItemNote;
            return None;
        }
        if let Err(e) = self.note.parse(false) {
            self.note.error = Some(e);
            self.focus = Focus::RoundNote;
            return None;
        }
        if self.items.iter().any(|i| i.result == ItemResult::Unset) {
            self.confirm_partial = true;
            return None;
        }
        Some(self.draft_action())
    }

    fn draft_action(&self) -> Action {
        Action::Patrol(PatrolAction::SaveCheck(CheckDraft {
            round: self.round.clone(),
            items: self
                .items
                .iter()
                .map(|i| ItemAnswer {
                    text: i.text.clone(),
                    result: i.result,
                    note: i.note.parse(false).unwrap_or_default(),
                })
                .collect(),
            note: self.note.parse(false).unwrap_or_default(),
            replaces: self.replaces,
        }))
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        if self.confirm_partial {
            return vec![("y", s.yes), ("n", s.no)];
        }
        match self.focus {
            // Most used first: the bar shows what fits at 80 columns, help shows all.
            Focus::Items => vec![
                ("o", s.result_ok),
                ("x", s.result_problem),
                ("n", s.result_na),
                ("a", s.keys.all_ok_save),
                ("Enter", s.keys.save),
                ("Esc", s.keys.back),
                ("e", s.keys.note),
                ("↑↓", s.keys.item),
            ],
            _ => vec![("Enter", s.keys.done_typing), ("Ctrl+S", s.keys.save)],
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let [title, list, _, item_note, round_note] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(2),
        ])
        .areas(area);
        self.render_header(frame, title, view);
        self.render_items(frame, list, view);
        self.render_notes(frame, (item_note, round_note), view);
        if self.confirm_partial {
            let s = view.s;
            let unset = self
                .items
                .iter()
                .filter(|i| i.result == ItemResult::Unset)
                .count();
            popup::confirm(frame, area, &(s.confirm_partial)(unset), (s, view.theme));
        }
    }

    /// The round's title and who is checking it.
    fn render_header(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let by = view.data.operator_name().unwrap_or("—");
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(self.title.clone(), theme.title)),
                Line::from(Span::styled(
                    format!("{} {}", s.checked_by, text::line(by)),
                    theme.dim,
                )),
            ]),
            area,
        );
    }

    /// The checklist, scrolled so that the item at the cursor is in view.
    fn render_items(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let lines: Vec<Line> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| self.item_line(i, item, view))
            .collect();
        let offset = self
            .cursor
            .at()
            .saturating_sub(usize::from(area.height.saturating_sub(1)));
        frame.render_widget(
            Paragraph::new(lines).scroll((u16::try_from(offset).unwrap_or(0), 0)),
            area,
        );
    }

    /// The note of the item at the cursor (its hint asks for one on a problem), then the
    /// round's note. Neither shows the caret under the "save as partial?" question.
    fn render_notes(
        &self,
        frame: &mut Frame<'_>,
        (item_note, round_note): (Rect, Rect),
        view: &View<'_>,
    ) {
        let (s, theme) = (view.s, view.theme);
        if let Some(item) = self.items.get(self.cursor.at()) {
            let hint = (item.result == ItemResult::Problem).then_some(s.hints.problem_note);
            field::render(
                frame,
                item_note,
                &item.note,
                &field::Spec {
                    label: s.item_note,
                    label_width: 12,
                    focused: self.focus == Focus::ItemNote && view.caret && !self.confirm_partial,
                    hint,
                },
                (s, theme),
            );
        }
        field::render(
            frame,
            round_note,
            &self.note,
            &field::Spec {
                label: s.round_note,
                label_width: 12,
                focused: self.focus == Focus::RoundNote && view.caret && !self.confirm_partial,
                hint: None,
            },
            (s, theme),
        );
    }

    fn item_line(&self, i: usize, item: &Item, view: &View<'_>) -> Line<'static> {
        let (s, theme) = (view.s, view.theme);
        let (word, style) = match item.result {
            ItemResult::Unset => (s.result_unset, theme.dim),
            ItemResult::Ok => (s.result_ok, theme.ok),
            ItemResult::Problem => (s.result_problem, theme.missed),
            ItemResult::NotApplicable => (s.result_na, theme.dim),
        };
        let selected = i == self.cursor.at() && self.focus != Focus::RoundNote;
        let marker = if selected { "▶ " } else { "  " };
        let mut spans = vec![
            Span::raw(marker),
            Span::styled(super::pad(word, 8), style),
            Span::styled(
                text::line(&item.text).into_owned(),
                if selected {
                    theme.selected
                } else {
                    ratatui::style::Style::new()
                },
            ),
        ];
        if !item.note.value().is_empty() {
            spans.push(Span::styled(
                format!("  — {}", text::line(item.note.value())),
                theme.dim,
            ));
        }
        Line::from(spans)
    }
}
