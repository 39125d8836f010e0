//! Keys and pastes in a form: moving between fields, and editing the focused one.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Field, Form, Input, Outcome};
use crate::screens::View;
use crate::widgets::pick;

impl Form {
    fn step(&mut self, forward: bool) -> bool {
        let mut at = self.focus;
        loop {
            let next = if forward {
                at + 1
            } else {
                at.checked_sub(1).unwrap_or(usize::MAX)
            };
            match self.fields.get(next) {
                None => return false,
                Some(f) if f.hidden => at = next,
                Some(_) => {
                    self.focus = next;
                    return true;
                }
            }
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('s') {
            return Outcome::Save;
        }
        if key.code == KeyCode::Esc {
            return Outcome::Leave;
        }
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Outcome::Pass;
        };
        let before = format!("{:?}", value_of(&field.input));
        let handled = edit(field, key, view);
        if format!("{:?}", value_of(&field.input)) != before {
            self.dirty = true;
            field.error = None;
        }
        if handled {
            return Outcome::Handled;
        }
        let moved = match key.code {
            KeyCode::Tab | KeyCode::Down | KeyCode::Enter => self.step(true),
            KeyCode::BackTab | KeyCode::Up => self.step(false),
            _ => return Outcome::Handled,
        };
        if moved {
            Outcome::Handled
        } else if self.wrap_tab && key.code == KeyCode::Tab {
            // Tab past the last field goes round to the first; only Enter or Ctrl+S saves.
            self.focus = 0;
            Outcome::Handled
        } else if matches!(key.code, KeyCode::Enter | KeyCode::Tab) {
            Outcome::Pass
        } else {
            // Up on the first field or Down on the last: nowhere to go.
            Outcome::Handled
        }
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            match &mut f.input {
                Input::Line(t) => t.paste(pasted),
                Input::Pick(p) => {
                    p.field.paste(pasted);
                    p.chosen = None;
                }
                Input::Area(a, _) => a.paste(pasted),
                Input::Choice(_) | Input::Multi(_) => return,
            }
            self.dirty = true;
        }
    }
}

/// A comparable snapshot of a field's value, to know whether a key changed it.
fn value_of(input: &Input) -> (String, usize, Vec<bool>) {
    match input {
        Input::Line(t) => (t.value().to_owned(), 0, Vec::new()),
        Input::Pick(p) => (
            p.field.value().to_owned(),
            p.chosen
                .as_ref()
                .map_or(0, |c| usize::try_from(c.0).unwrap_or(0)),
            Vec::new(),
        ),
        Input::Area(a, _) => (a.value(), 0, Vec::new()),
        Input::Choice(c) => (String::new(), c.selected, Vec::new()),
        Input::Multi(m) => (String::new(), 0, m.checked.clone()),
    }
}

/// Applies a key to one field; false if the field does not use it.
fn edit(f: &mut Field, key: KeyEvent, view: &View<'_>) -> bool {
    match &mut f.input {
        Input::Line(t) => {
            !matches!(
                key.code,
                KeyCode::Enter | KeyCode::Up | KeyCode::Down | KeyCode::Tab | KeyCode::BackTab
            ) && t.handle_key(key)
        }
        Input::Area(a, _) => a.handle_key(key),
        Input::Choice(c) => {
            let n = c.labels.len().max(1);
            match key.code {
                KeyCode::Left => c.selected = (c.selected + n - 1) % n,
                KeyCode::Right | KeyCode::Char(' ') => c.selected = (c.selected + 1) % n,
                _ => return false,
            }
            true
        }
        Input::Multi(m) => {
            let last = m.labels.len().saturating_sub(1);
            match key.code {
                KeyCode::Up if m.cursor > 0 => m.cursor -= 1,
                KeyCode::Down if m.cursor < last => m.cursor += 1,
                KeyCode::Char(' ') => {
                    if let Some(c) = m.checked.get_mut(m.cursor) {
                        *c = !*c;
                    }
                }
                _ => return false,
            }
            true
        }
        Input::Pick(p) => pick::edit(p, key, view),
    }
}
