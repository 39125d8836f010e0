//! Choosing a person by typing part of a name: the matches (staff or students) drawn under the
//! field, ↓/↑ to move through them, Enter or Tab to take one.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::field::TextField;
use crate::domain::people::{self, Student};
use crate::domain::staff::Staff;
use crate::domain::text;
use crate::screens::View;

/// A pick list: the person chosen, if any, and what is typed.
#[derive(Debug, Clone)]
pub struct Pick {
    pub field: TextField,
    pub chosen: Option<(i64, String)>,
    pub pool: Pool,
    pub(super) highlight: Option<usize>,
}

/// Who can be picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pool {
    Staff,
    Students,
    /// Earlier visitors at the gate, by name or phone.
    Visitors,
}

/// Type-ahead: typing filters, ↓/↑ move through the matches, Enter or Tab takes the highlighted one.
pub fn edit(p: &mut Pick, key: KeyEvent, view: &View<'_>) -> bool {
    let list = choices(p, view);
    match key.code {
        KeyCode::Down if !list.is_empty() => {
            p.highlight = Some(p.highlight.map_or(0, |h| (h + 1).min(list.len() - 1)));
            true
        }
        KeyCode::Up if p.highlight.is_some() => {
            p.highlight = p.highlight.and_then(|h| h.checked_sub(1));
            true
        }
        KeyCode::Enter | KeyCode::Tab => {
            if let Some((id, name, _)) = p.highlight.and_then(|h| list.get(h)) {
                p.field.set_value(name);
                p.chosen = Some((*id, name.clone()));
                p.highlight = None;
            }
            false
        }
        KeyCode::Up | KeyCode::Down | KeyCode::BackTab => false,
        _ => {
            let before = p.field.value().to_owned();
            let used = p.field.handle_key(key);
            if p.field.value() != before {
                p.chosen = None;
                p.highlight = None;
            }
            used
        }
    }
}

/// The people matching what is typed in a pick field: (id, name, detail).
pub fn choices(p: &Pick, view: &View<'_>) -> Vec<(i64, String, String)> {
    let typed = p.field.value();
    if p.chosen.as_ref().is_some_and(|(_, n)| n == typed) {
        return Vec::new();
    }
    match p.pool {
        Pool::Staff => people::matching_staff(&view.data.staff, typed)
            .into_iter()
            .map(|s: &Staff| (s.id.0, s.name.clone(), view.s.staff_role(s.role).to_owned()))
            .collect(),
        Pool::Students => people::matching_students(&view.data.students, typed)
            .into_iter()
            .map(|s: &Student| {
                (
                    s.id.0,
                    s.name.clone(),
                    format!("{} {}", text::line(&s.class_name), text::line(&s.number)),
                )
            })
            .collect(),
        Pool::Visitors => {
            crate::domain::gate::matching_visitors(&view.data.visitors, typed, people::MAX_CHOICES)
                .into_iter()
                .map(|v| {
                    let org = text::line(&v.organisation).into_owned();
                    (
                        v.id.0,
                        v.name.clone(),
                        format!("{org} {}", text::line(&v.phone)),
                    )
                })
                .collect()
        }
    }
}

/// The chosen person of a pick field; an exact single name match counts as chosen.
pub fn picked(p: &Pick, view: &View<'_>) -> Option<(i64, String)> {
    if let Some(c) = &p.chosen {
        return Some(c.clone());
    }
    let typed = p.field.value().trim();
    let exact: Vec<(i64, String)> = match p.pool {
        Pool::Staff => view
            .data
            .staff
            .iter()
            .filter(|s| s.name == typed)
            .map(|s| (s.id.0, s.name.clone()))
            .collect(),
        Pool::Students => view
            .data
            .students
            .iter()
            .filter(|s| s.name == typed || s.number == typed)
            .map(|s| (s.id.0, s.name.clone()))
            .collect(),
        // A visitor's name typed in full is a new visit, not a pick.
        Pool::Visitors => Vec::new(),
    };
    match exact.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}
