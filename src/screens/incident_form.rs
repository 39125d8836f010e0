//! The incident form: when and where, what kind, how serious, how the school learned of it, what
//! happened in the child's own words, what was done at once, whether it is bullying, and every
//! student involved with their role and measures. Used for new incidents and for corrections
//! (which ask for a reason before saving).

use chrono::{Duration, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::involved_editor::{EditorOutcome, InvolvedEditor, Row};
use super::{View, cell, pad};
use crate::action::Action;
use crate::action::IncidentAction;
use crate::domain::clock::{format_when, parse_day, parse_when};
use crate::domain::incident::{
    Bullying, IncidentDraft, IncidentId, Involved, InvolvedDraft, PlaceRef, Severity, Source,
    Status,
};
use crate::domain::patrol::CheckId;
use crate::domain::slip::SlipId;
use crate::domain::text::{self, TextKind};
use crate::widgets::Keys;
use crate::widgets::field::{self, FieldError, TextField};
use crate::widgets::form::{Field, Form, Input, Outcome};
use crate::widgets::popup;

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
    cursor: usize,
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
        let s = view.s;
        let cfg = view.cfg;
        let places = super::place_labels(view);
        let (place_index, place_text) = match &draft.place {
            PlaceRef::Config(id) => (
                cfg.places
                    .iter()
                    .position(|p| &p.id == id)
                    .unwrap_or(places.len() - 1),
                String::new(),
            ),
            PlaceRef::Text(t) => (places.len() - 1, t.clone()),
        };
        let category = cfg
            .categories
            .iter()
            .position(|c| c.id == draft.category)
            .unwrap_or(0);
        let words = |v: &[&'static str]| v.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        let fields = vec![
            Field::line(
                s.f_when,
                TextKind::Name,
                &format_when(draft.occurred_at, &view.offset),
            )
            .required()
            .hint(s.hint_when_happened),
            Field::choice(s.f_place, places, place_index),
            Field::line(s.f_place_other, TextKind::Name, &place_text).required(),
            Field::choice(
                s.f_category,
                cfg.categories
                    .iter()
                    .map(|c| c.name.get(view.lang).to_owned())
                    .collect(),
                category,
            ),
            Field::choice(s.f_severity, words(&s.severities), draft.severity.index()),
            Field::choice(s.f_source, words(&s.sources), draft.source.index()),
            Field::area(s.f_narrative, &draft.narrative, 3).required(),
            Field::area(s.f_child_words, &draft.child_words, 2),
            Field::area(s.f_action, &draft.immediate_action, 2),
            Field::choice(s.f_bullying, words(&s.bullying), draft.bullying.index()),
            Field::line(
                s.f_bullying_on,
                TextKind::Name,
                &draft.bullying_on.map(|d| d.to_string()).unwrap_or_default(),
            )
            .required(),
            Field::choice(s.f_status, words(&s.statuses), draft.status.index()),
        ];
        let mut form = IncidentForm {
            mode,
            form: Form::new(fields).tab_leaves(),
            students: students
                .iter()
                .map(|i| Row {
                    student: i.student.id,
                    name: i.student.name.clone(),
                    role: i.role,
                    measures: i.measures.clone(),
                    told_at: i.parents_told_at,
                    told_by: i.parents_told_by.clone(),
                })
                .collect(),
            section: Section::Fields,
            cursor: 0,
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
        if let Some(reason) = &mut self.reason {
            return match key.code {
                KeyCode::Esc => {
                    self.reason = None;
                    None
                }
                KeyCode::Enter => self.correct(view),
                _ => {
                    reason.handle_key(key);
                    None
                }
            };
        }
        if let Some(editor) = &mut self.editor {
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
                        self.cursor = self.students.len() - 1;
                    }
                    self.students_dirty = true;
                    self.editor = None;
                }
            }
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
        let last = self.students.len().saturating_sub(1);
        match key.code {
            KeyCode::Esc => {
                return Some(Action::LeaveForm {
                    dirty: self.is_dirty(),
                });
            }
            KeyCode::Tab | KeyCode::BackTab => self.section = Section::Fields,
            KeyCode::Up if self.cursor == 0 => self.section = Section::Fields,
            KeyCode::Up => self.cursor -= 1,
            KeyCode::Down => self.cursor = (self.cursor + 1).min(last),
            KeyCode::Char('a') | KeyCode::Insert => {
                self.editor = Some(InvolvedEditor::new(view, None, None));
            }
            KeyCode::Enter => {
                self.editor = Some(if self.students.is_empty() {
                    InvolvedEditor::new(view, None, None)
                } else {
                    InvolvedEditor::new(view, self.students.get(self.cursor), Some(self.cursor))
                });
            }
            KeyCode::Char('d') | KeyCode::Delete if !self.students.is_empty() => {
                self.students.remove(self.cursor);
                self.cursor = self.cursor.min(self.students.len().saturating_sub(1));
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

    /// Checks every field; on the first error puts the focus there and returns none.
    fn parse(&mut self, view: &View<'_>) -> Option<IncidentDraft> {
        let now = view.now_local();
        let f = &mut self.form;
        // Every field is checked; the first one in error gets the focus.
        let mut errors: Vec<(usize, FieldError)> = Vec::new();
        let occurred_at = parse_when(&f.text(WHEN), now);
        match occurred_at {
            None => errors.push((WHEN, FieldError::BadTime)),
            Some(t) if t > now.with_timezone(&Utc) + Duration::minutes(FUTURE_SLACK_MINUTES) => {
                errors.push((WHEN, FieldError::InFuture));
            }
            Some(_) => {}
        }
        let place = super::read_place(f, PLACE, PLACE_TEXT, view)
            .map_err(|e| errors.push((PLACE_TEXT, e)))
            .ok();
        let mut texts = [String::new(), String::new(), String::new()];
        for (slot, (i, required)) in
            texts
                .iter_mut()
                .zip([(NARRATIVE, true), (WORDS, false), (ACTION, false)])
        {
            match f.area(i, required) {
                Ok(t) => *slot = t,
                Err(e) => errors.push((i, e)),
            }
        }
        let bullying = Bullying::ALL
            .get(f.choice(BULLYING))
            .copied()
            .unwrap_or(Bullying::Pending);
        let bullying_on = if bullying == Bullying::Pending {
            None
        } else {
            let day = parse_day(&f.text(BULLYING_ON), view.now.date());
            if day.is_none() {
                errors.push((BULLYING_ON, FieldError::BadDate));
            }
            day
        };
        if let Some(&(first, _)) = errors.first() {
            for (i, e) in errors {
                f.field_mut(i).error = Some(e);
            }
            f.focus_on(first);
            self.section = Section::Fields;
            return None;
        }
        let [narrative, child_words, immediate_action] = texts;
        Some(IncidentDraft {
            occurred_at: occurred_at?,
            place: place?,
            category: view
                .cfg
                .categories
                .get(f.choice(CATEGORY))
                .map(|c| c.id.clone())
                .unwrap_or_default(),
            severity: Severity::ALL
                .get(f.choice(SEVERITY))
                .copied()
                .unwrap_or(Severity::Minor),
            source: Source::ALL
                .get(f.choice(SOURCE))
                .copied()
                .unwrap_or(Source::Staff),
            narrative,
            child_words,
            immediate_action,
            bullying,
            bullying_on,
            status: Status::ALL
                .get(f.choice(STATUS))
                .copied()
                .unwrap_or(Status::Open),
            students: self.involved(),
            from_check: match &self.mode {
                Mode::New { from_check, .. } => *from_check,
                Mode::Correct { .. } => None,
            },
        })
    }

    fn involved(&self) -> Vec<InvolvedDraft> {
        self.students
            .iter()
            .map(|r| InvolvedDraft {
                student: r.student,
                role: r.role,
                measures: r.measures.clone(),
                parents_told_at: r.told_at,
                parents_told_by: r.told_by.as_ref().map(|(id, _)| *id),
            })
            .collect()
    }

    fn save(&mut self, view: &View<'_>) -> Option<Action> {
        let draft = self.parse(view)?;
        match &self.mode {
            Mode::New { from_slip, .. } => Some(Action::Incident(IncidentAction::CreateIncident {
                draft,
                from_slip: *from_slip,
            })),
            Mode::Correct { .. } => {
                self.reason = Some(TextField::new(TextKind::Line));
                None
            }
        }
    }

    fn correct(&mut self, view: &View<'_>) -> Option<Action> {
        let reason = match self.reason.as_ref().map(|r| r.parse(true)) {
            Some(Ok(r)) => r,
            Some(Err(e)) => {
                if let Some(field) = &mut self.reason {
                    field.error = Some(e);
                }
                return None;
            }
            None => return None,
        };
        let draft = self.parse(view)?;
        match &self.mode {
            Mode::Correct { id, version, .. } => {
                Some(Action::Incident(IncidentAction::CorrectIncident {
                    id: *id,
                    version: *version,
                    draft,
                    reason,
                }))
            }
            Mode::New { .. } => None,
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        if self.reason.is_some() {
            return vec![("Enter", s.key_save), ("Esc", s.key_back)];
        }
        if self.editor.is_some() {
            return vec![
                ("Tab", s.key_next_field),
                ("↓", s.key_choose),
                ("Space", s.key_tick),
                ("Ctrl+S", s.key_done_typing),
                ("Esc", s.key_back),
            ];
        }
        match self.section {
            Section::Fields => vec![
                ("Tab", s.key_next_field),
                ("←→", s.key_change),
                ("Ctrl+S", s.key_save),
                ("Esc", s.key_back),
            ],
            Section::Students => vec![
                ("a", s.key_add_student),
                ("Enter", s.key_edit),
                ("d", s.key_remove),
                ("Tab", s.key_fields),
                ("Ctrl+S", s.key_save),
            ],
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let list_height = u16::try_from(self.students.len().max(1) + 1)
            .unwrap_or(2)
            .min(6);
        let [title, fields, students] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(4),
            Constraint::Length(list_height),
        ])
        .areas(area);
        let heading = match &self.mode {
            Mode::New { .. } => s.new_incident.to_owned(),
            Mode::Correct { number, .. } => (s.correct_incident)(number),
        };
        frame.render_widget(Paragraph::new(Span::styled(heading, theme.title)), title);
        let popup_open = self.editor.is_some() || self.reason.is_some();
        self.form.render(
            frame,
            fields,
            view,
            self.section == Section::Fields && !popup_open && view.caret,
        );
        self.render_students(frame, students, view);
        if let Some(editor) = &self.editor {
            editor.render(frame, area, view);
        }
        if let Some(reason) = &self.reason {
            let inner = popup::frame_box(frame, area, 70, 6, s.correction_reason_title, theme);
            field::render(
                frame,
                Rect { height: 2, ..inner },
                reason,
                &field::Spec {
                    label: s.reason_label,
                    label_width: 8,
                    focused: view.caret,
                    hint: Some(s.correction_reason_hint),
                },
                (s, theme),
            );
        }
    }

    fn render_students(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let focused = self.section == Section::Students;
        let mut lines = vec![Line::from(Span::styled(
            format!("{} ({})", s.f_students, self.students.len()),
            if focused { theme.title } else { theme.dim },
        ))];
        if self.students.is_empty() {
            lines.push(Line::from(Span::styled(s.no_students_yet, theme.dim)));
        }
        for (i, r) in self.students.iter().enumerate() {
            let selected = focused && i == self.cursor;
            let measures: Vec<std::borrow::Cow<'_, str>> = r
                .measures
                .iter()
                .map(|m| view.cfg.measure_name(m, view.lang))
                .collect();
            let told = r
                .told_at
                .map(|t| format!(" · {} {}", s.parents_told, view.day_hm(t)))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(if selected { " ▶ " } else { "   " }),
                Span::styled(
                    pad(&text::line(&r.name), 10),
                    if selected {
                        theme.selected
                    } else {
                        ratatui::style::Style::new()
                    },
                ),
                Span::raw(format!(" {}", cell(s.role(r.role), 10))),
                Span::styled(format!("{}{told}", measures.join("、")), theme.dim),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}
