//! The cursor of a list: one behaviour for every list — ↑↓ and j/k a row, PgUp/PgDn a page,
//! Home/End the ends — and, for a list loaded a page at a time, the word that the cursor wants
//! rows beyond those loaded.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Rows a page key moves: what an 80×24 screen shows of a list, less a line, so that the row
/// last seen stays in view.
pub const PAGE: usize = 10;

/// Where a list's cursor stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    at: usize,
    /// Sent back to the top (a filter or view changed): the next `follow` does not look for
    /// the record it was on.
    to_top: bool,
}

/// What a key did to the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Not a key that moves a list's cursor: the screen may use it.
    NotMine,
    /// Moved (or stayed at an end).
    Moved,
    /// Asked to go past the last row loaded, in a list that may hold more: load more.
    WantsMore,
}

impl ListCursor {
    pub fn at(self) -> usize {
        self.at
    }

    pub fn set(&mut self, at: usize) {
        self.at = at;
        self.to_top = false;
    }

    /// Back to the first row, as when a filter or a view changes: what the list shows is new,
    /// so the cursor starts at its top even once the rows are loaded again.
    pub fn to_top(&mut self) {
        self.at = 0;
        self.to_top = true;
    }

    /// Keeps the cursor on a row of a list of `len` (which may have shrunk since the last
    /// key: its last row done, signed out, filtered away).
    pub fn clamp(&mut self, len: usize) {
        self.at = self.at.min(len.saturating_sub(1));
    }

    /// Moves for a list key over `len` rows. `paged`: the list is loaded a page at a time, so
    /// moving down past its end asks for more rather than stopping.
    pub fn step(&mut self, key: KeyEvent, len: usize, paged: bool) -> Step {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Step::NotMine;
        }
        let last = len.saturating_sub(1);
        let down = |by: usize, at: usize| {
            if paged && at + by > last {
                Step::WantsMore
            } else {
                Step::Moved
            }
        };
        let (to, step) = match key.code {
            KeyCode::Up | KeyCode::Char('k') => (self.at.saturating_sub(1), Step::Moved),
            KeyCode::Down | KeyCode::Char('j') => ((self.at + 1).min(last), down(1, self.at)),
            KeyCode::PageUp => (self.at.saturating_sub(PAGE), Step::Moved),
            KeyCode::PageDown => ((self.at + PAGE).min(last), down(PAGE, self.at)),
            KeyCode::Home => (0, Step::Moved),
            KeyCode::End => (last, down(usize::MAX / 2, self.at)),
            _ => return Step::NotMine,
        };
        self.set(to);
        step
    }

    /// The same, for a list beside a field where letters are typed (a search box): only the
    /// arrow, page and Home/End keys move the cursor; `j` and `k` are text.
    pub fn step_keys(&mut self, key: KeyEvent, len: usize, paged: bool) -> Step {
        if matches!(key.code, KeyCode::Char(_)) {
            return Step::NotMine;
        }
        self.step(key, len, paged)
    }

    /// After the rows were loaded again: the cursor goes back to the row holding the same
    /// record (`same` finds it by id), else stays at its place in the list, so an action never
    /// leaves the cursor on another person's record without the user moving it.
    pub fn follow<T>(&mut self, rows: &[T], same: impl Fn(&T) -> bool) {
        if std::mem::take(&mut self.to_top) {
            self.at = 0;
        } else if let Some(at) = rows.iter().position(same) {
            self.at = at;
        } else {
            self.clamp(rows.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn rows_pages_and_ends_within_the_list() {
        let mut c = ListCursor::default();
        assert_eq!(c.step(key(KeyCode::Down), 25, false), Step::Moved);
        assert_eq!(c.at(), 1);
        c.step(key(KeyCode::Char('j')), 25, false);
        assert_eq!(c.at(), 2);
        c.step(key(KeyCode::PageDown), 25, false);
        assert_eq!(c.at(), 12);
        c.step(key(KeyCode::End), 25, false);
        assert_eq!(c.at(), 24);
        assert_eq!(c.step(key(KeyCode::Down), 25, false), Step::Moved);
        assert_eq!(c.at(), 24, "stops at the last row");
        c.step(key(KeyCode::PageUp), 25, false);
        assert_eq!(c.at(), 14);
        c.step(key(KeyCode::Char('k')), 25, false);
        assert_eq!(c.at(), 13);
        c.step(key(KeyCode::Home), 25, false);
        assert_eq!(c.at(), 0);
        assert_eq!(c.step(key(KeyCode::Up), 25, false), Step::Moved);
        assert_eq!(c.at(), 0);
        assert_eq!(c.step(key(KeyCode::Enter), 25, false), Step::NotMine);
        let ctrl_k = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL);
        assert_eq!(c.step(ctrl_k, 25, false), Step::NotMine);
    }

    #[test]
    fn a_paged_list_asks_for_more_past_its_last_loaded_row() {
        let mut c = ListCursor::default();
        c.set(99);
        assert_eq!(c.step(key(KeyCode::Down), 100, true), Step::WantsMore);
        assert_eq!(c.at(), 99);
        c.set(95);
        assert_eq!(c.step(key(KeyCode::PageDown), 100, true), Step::WantsMore);
        assert_eq!(c.step(key(KeyCode::End), 100, true), Step::WantsMore);
        c.set(10);
        assert_eq!(c.step(key(KeyCode::Down), 100, true), Step::Moved);
    }

    #[test]
    fn after_a_reload_the_cursor_stays_with_its_record() {
        let mut c = ListCursor::default();
        c.set(1);
        // The record at row 1 ("b") moved to row 2 after a reschedule re-sorted the list.
        c.follow(&["a", "x", "b"], |r| *r == "b");
        assert_eq!(c.at(), 2);
        // Gone from the list (signed out): the cursor stays at its place, within the list.
        c.follow(&["a"], |r| *r == "b");
        assert_eq!(c.at(), 0);
        // An empty list.
        c.follow::<&str>(&[], |_| false);
        assert_eq!(c.at(), 0);
        // A filter changed: the top of the new list, wherever the old record went.
        c.set(0);
        c.follow(&["b", "a"], |r| *r == "a");
        assert_eq!(c.at(), 1);
        c.to_top();
        c.follow(&["b", "a"], |r| *r == "a");
        assert_eq!(c.at(), 0);
        c.follow(&["b", "a"], |r| *r == "a");
        assert_eq!(c.at(), 1, "only the next load after to_top");
        // Moved by the user after going to the top: the move wins.
        c.to_top();
        c.step(key(KeyCode::Down), 2, false);
        c.follow(&["b", "a"], |r| *r == "b");
        assert_eq!(c.at(), 0, "follows the record moved to");
    }
}
