//! The incident form: when and where, what kind, how serious, how the school learned of it, what
//! happened in the child's own words, what was done at once, whether it is bullying, and every
//! student involved with their role and measures. Used for new incidents and for corrections
//! (which ask for a reason before saving).

mod draft;
mod render;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::View;
use super::involved_editor::{EditorOutcome, InvolvedEditor, Row};
use crate::action::Action;
use crate::domain::clock::format_when;
use crate::domain::incident::{Bullying, IncidentDraft, IncidentId, Involved, PlaceRef};
use crate::domain::patrol::CheckId;
use crate::domain::slip::SlipId;
use crate::domain::text::TextKind;
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};
use crate::widgets::field::TextField;
use crate::widgets::form::{Field, Form, Input, Outcome};

const WHEN: usize = 0;
const PLACE: usize = 1;
const PLACE_TEXT: usize = 2;
const CATEGORY: usize = 3;
const SEVERITY: usize = 4;
const SOURCE: usize = 5;
const NARRATIVE: usize = 6;
const WORDS: usize = 7;
const ACTION: usize = 8;
const BULLYING: usize = 9;
const BULLYING_ON: usize = 10;
const STATUS: usize = 11;

/// A time this far ahead of the clock is still "now" (terminal clocks differ a little).
const FUTURE_SLACK_MINUTES: i64 = 5;

/// What saving the form does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    New {
        from_check: Option<CheckId>,
        /// A mailbox slip that becomes this incident: (slip, its version).
        from_slip: Option<(SlipId, i64)>,
    },
    Correct {
        id: IncidentId,
        version: i64,
        number: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Fields,
    Students,
}

#[derive(Debug, Clone)]
pub struct IncidentForm {
    pub mode: Mode,
    form: Form,
    students: Vec<Row>,
    section: Section,
    cursor: ListCursor,
    editor: Option<InvolvedEditor>,
    /// The reason for a correction, being typed.
    reason: Option<TextField>,
    students_dirty: bool,
}

impl IncidentForm {
    /// A form holding `draft` (a blank one, one made from a patrol problem or a slip, or the
    /// incident being corrected, whose students are `students`).
    pub fn new(
        view: &View<'_>,
        mode: Mode,
        draft: &IncidentDraft,
        students: &[Involved],
    ) -> IncidentForm {
        let mut form = IncidentForm {
            mode,
            form: Form::new(fields(view, draft)).tab_leaves(),
            students: students.iter().map(Row::of).collect(),
            section: Section::Fields,
            cursor: ListCursor::default(),
            editor: None,
            reason: None,
            students_dirty: false,
        };
        form.sync_hidden(view);
        form
    }

    pub fn is_dirty(&self) -> bool {
        self.form.dirty || self.students_dirty
    }

    /// Shows "other place" only for Other, and the decision date only once decided (filled
    /// with today when it appears).
    fn sync_hidden(&mut self, view: &View<'_>) {
        let other = matches!(&self.form.field(PLACE).input, Input::Choice(c) if c.selected + 1 == c.labels.len());
        self.form.field_mut(PLACE_TEXT).hidden = !other;
        let decided = matches!(&self.form.field(BULLYING).input, Input::Choice(c) if c.selected != Bullying::Pending.index());
        let on = self.form.field_mut(BULLYING_ON);
        let appearing = on.hidden && decided;
        on.hidden = !decided;
        // Filled with today when it appears; once shown, the user may clear it and type another.
        if let Input::Line(t) = &mut on.input
            && appearing
            && t.value().is_empty()
        {
            t.set_value(&view.now.date().to_string());
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        // A popup open over the form takes every key.
        if self.reason.is_some() {
            return self.reason_key(key, view);
        }
        if self.editor.is_some() {
            self.editor_key(key, view);
            return None;
        }
        if key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.save(view);
        }
        match self.section {
            Section::Fields => self.fields_key(key, view),
            Section::Students => self.students_key(key, view),
        }
    }

    /// Keys while the correction's reason is typed: Enter corrects, Esc goes back to the form.
    fn reason_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        let reason = self.reason.as_mut()?;
        match key.code {
            KeyCode::Esc => {
                self.reason = None;
                None
            }
            KeyCode::Enter => self.correct(view),
            _ => {
                reason.handle_key(key);
                None
            }
        }
    }

    /// Keys while the student popup is open: a student done replaces the row edited or is
    /// added, unless already listed in another row.
    fn editor_key(&mut self, key: KeyEvent, view: &View<'_>) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        match editor.handle_key(key, view) {
            EditorOutcome::Stay => {}
            EditorOutcome::Cancel => self.editor = None,
            EditorOutcome::Done(row)
                if self
                    .students
                    .iter()
                    .enumerate()
                    .any(|(i, r)| r.student == row.student && Some(i) != editor.editing) =>
            {
                editor.already_listed();
            }
            EditorOutcome::Done(row) => {
                if let Some(slot) = editor.editing.and_then(|i| self.students.get_mut(i)) {
                    *slot = row;
                } else {
                    self.students.push(row);
                    self.cursor.set(self.students.len() - 1);
                }
                self.students_dirty = true;
                self.editor = None;
            }
        }
    }

    fn fields_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        if key.code == KeyCode::Down && self.form.focus == STATUS {
            self.section = Section::Students;
            return None;
        }
        match self.form.handle_key(key, view) {
            Outcome::Save => return self.save(view),
            Outcome::Leave => {
                return Some(Action::LeaveForm {
                    dirty: self.is_dirty(),
                });
            }
            Outcome::Pass if matches!(key.code, KeyCode::Tab | KeyCode::Down | KeyCode::Enter) => {
                self.section = Section::Students;
            }
            Outcome::Pass | Outcome::Handled => {}
        }
        self.sync_hidden(view);
        None
    }

    fn students_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        // Up from the first student goes back to the fields above; any other move is the list's.
        if !(key.code == KeyCode::Up && self.cursor.at() == 0)
            && self.cursor.step_keys(key, self.students.len(), false) != Step::NotMine
        {
            return None;
        }
        match key.code {
            KeyCode::Esc => {
                return Some(Action::LeaveForm {
                    dirty: self.is_dirty(),
                });
            }
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Up => self.section = Section::Fields,
            KeyCode::Char('a') | KeyCode::Insert => {
                self.editor = Some(InvolvedEditor::new(view, None, None));
            }
            KeyCode::Enter => {
                self.editor = Some(if self.students.is_empty() {
                    InvolvedEditor::new(view, None, None)
                } else {
                    InvolvedEditor::new(
                        view,
                        self.students.get(self.cursor.at()),
                        Some(self.cursor.at()),
                    )
                });
            }
            KeyCode::Char('d') | KeyCode::Delete if !self.students.is_empty() => {
                self.students.remove(self.cursor.at());
                self.cursor.clamp(self.students.len());
                self.students_dirty = true;
            }
            _ => {}
        }
        None
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        if let Some(reason) = &mut self.reason {
            reason.paste(pasted);
        } else if let Some(editor) = &mut self.editor {
            editor.handle_paste(pasted);
        } else if self.section == Section::Fields {
            self.form.handle_paste(pasted);
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        if self.reason.is_some() {
            return vec![("Enter", s.keys.save), ("Esc", s.keys.back)];
        }
        if self.editor.is_some() {
            return vec![
                ("Tab", s.keys.next_field),
                ("↓", s.keys.choose),
                ("Space", s.keys.tick),
                ("Ctrl+S", s.keys.done_typing),
                ("Esc", s.keys.back),
            ];
        }
        match self.section {
            Section::Fields => vec![
                ("Tab", s.keys.next_field),
                ("←→", s.keys.change),
                ("Ctrl+S", s.keys.save),
                ("Esc", s.keys.back),
            ],
            Section::Students => vec![
                ("a", s.keys.add_student),
                ("Enter", s.keys.edit),
                ("d", s.keys.remove),
                ("Tab", s.keys.fields),
                ("Ctrl+S", s.keys.save),
            ],
        }
    }
}

/// The form's fields, in the order of the indexes above, holding `draft`.
fn fields(view: &View<'_>, draft: &IncidentDraft) -> Vec<Field> {
    let s = view.s;
    let cfg = view.cfg;
    let places = super::place_labels(view);
    let (place_index, place_text) = place_choice(view, &draft.place, places.len());
    let category = cfg
        .categories
        .iter()
        .position(|c| c.id == draft.category)
        .unwrap_or(0);
    let words = |v: &[&'static str]| v.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
    vec![
        Field::line(
            s.fields.when,
            TextKind::Name,
            &format_when(draft.occurred_at, &view.offset),
        )
        .required()
        .hint(s.hints.when_happened),
        Field::choice(s.fields.place, places, place_index),
        Field::line(s.fields.place_other, TextKind::Name, &place_text).required(),
        Field::choice(
            s.fields.category,
            cfg.categories
                .iter()
                .map(|c| c.name.get(view.lang).to_owned())
                .collect(),
            category,
        ),
        Field::choice(
            s.fields.severity,
            words(&s.severities),
            draft.severity.index(),
        ),
        Field::choice(s.fields.source, words(&s.sources), draft.source.index()),
        Field::area(s.fields.narrative, &draft.narrative, 3).required(),
        Field::area(s.fields.child_words, &draft.child_words, 2),
        Field::area(s.fields.action, &draft.immediate_action, 2),
        Field::choice(
            s.fields.bullying,
            words(&s.bullying),
            draft.bullying.index(),
        ),
        Field::line(
            s.fields.bullying_on,
            TextKind::Name,
            &draft.bullying_on.map(|d| d.to_string()).unwrap_or_default(),
        )
        .required(),
        Field::choice(s.fields.status, words(&s.statuses), draft.status.index()),
    ]
}

/// Which of the `count` place choices `place` is, and the text of "other place": a place no
/// longer configured, or one typed in, is "Other" (the last choice).
fn place_choice(view: &View<'_>, place: &PlaceRef, count: usize) -> (usize, String) {
    match place {
        PlaceRef::Config(id) => (
            view.cfg
                .places
                .iter()
                .position(|p| &p.id == id)
                .unwrap_or(count - 1),
            String::new(),
        ),
        PlaceRef::Text(t) => (count - 1, t.clone()),
    }
}
