//! A form: a column of labelled fields of a few kinds (one line, several lines, one choice of
//! many, several choices, a person picked by typing part of a name), moved through with Tab and
//! the arrows, scrolled to keep the focused field in view, every field drawn by the same code.
//! This file holds the fields and what a screen reads from them; keys are in `form/edit.rs`,
//! drawing in `form/render.rs`.

mod edit;
mod render;

use unicode_width::UnicodeWidthStr;

use super::area::Area;
use super::field::{FieldError, TextField};
use super::pick;
pub use super::pick::{Pick, Pool, picked};
use crate::domain::text::TextKind;
use crate::screens::View;

/// One choice among labels (←/→ or Space).
#[derive(Debug, Clone)]
pub struct Choice {
    pub labels: Vec<String>,
    pub selected: usize,
}

/// Any number of choices among labels (↑/↓ and Space within the field).
#[derive(Debug, Clone)]
pub struct Multi {
    pub labels: Vec<String>,
    pub checked: Vec<bool>,
    cursor: usize,
}

#[derive(Debug, Clone)]
pub enum Input {
    Line(TextField),
    Area(Box<Area>, u16),
    Choice(Choice),
    Multi(Multi),
    Pick(Pick),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub label: &'static str,
    pub required: bool,
    pub input: Input,
    /// A problem found when the form was checked as a whole (a field's own typing errors are
    /// kept by the field).
    pub error: Option<FieldError>,
    pub hint: Option<&'static str>,
    /// A hint made at run time (what an earlier visit left), shown in place of `hint`.
    pub dynamic_hint: Option<String>,
    /// Hidden fields are skipped and not drawn (e.g. "other place" until "Other" is chosen).
    pub hidden: bool,
}

impl Field {
    fn new(label: &'static str, input: Input) -> Field {
        Field {
            label,
            required: false,
            input,
            error: None,
            hint: None,
            dynamic_hint: None,
            hidden: false,
        }
    }

    pub fn line(label: &'static str, kind: TextKind, value: &str) -> Field {
        Field::new(label, Input::Line(TextField::with_value(kind, value)))
    }

    pub fn area(label: &'static str, value: &str, rows: u16) -> Field {
        Field::new(label, Input::Area(Box::new(Area::new(value)), rows))
    }

    pub fn choice(label: &'static str, labels: Vec<String>, selected: usize) -> Field {
        Field::new(label, Input::Choice(Choice { labels, selected }))
    }

    pub fn multi(label: &'static str, labels: Vec<String>, checked: Vec<bool>) -> Field {
        Field::new(
            label,
            Input::Multi(Multi {
                labels,
                checked,
                cursor: 0,
            }),
        )
    }

    pub fn pick(label: &'static str, pool: Pool, chosen: Option<(i64, String)>) -> Field {
        let value = chosen.as_ref().map_or("", |(_, n)| n.as_str()).to_owned();
        Field::new(
            label,
            Input::Pick(Pick {
                field: TextField::with_value(TextKind::Name, &value),
                chosen,
                pool,
                highlight: None,
            }),
        )
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    /// The hint under the field: made at run time if there is one, else the fixed one.
    fn note_hint(&self) -> Option<&str> {
        self.dynamic_hint.as_deref().or(self.hint)
    }

    /// The field's own error, or the form's.
    fn shown_error(&self) -> Option<FieldError> {
        match &self.input {
            Input::Line(f) => f.error,
            Input::Pick(p) => p.field.error,
            Input::Area(a, _) => a.error,
            _ => None,
        }
        .or(self.error)
    }

    /// Rows the field takes: its input plus a line for an error or hint.
    fn height(&self) -> u16 {
        let input = match &self.input {
            Input::Area(_, rows) => *rows,
            Input::Multi(m) => u16::try_from(m.labels.len()).unwrap_or(1),
            _ => 1,
        };
        let note = u16::from(self.shown_error().is_some() || self.note_hint().is_some());
        input + note
    }
}

/// What a key did to the form as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Handled inside the form.
    Handled,
    /// Ctrl+S: check and save.
    Save,
    /// Esc.
    Leave,
    /// Not a key for the form (e.g. Tab past the last field); the screen may use it.
    Pass,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
    pub dirty: bool,
    label_width: u16,
    /// Tab past the last field goes back to the first (else it leaves the form's fields).
    pub wrap_tab: bool,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        let label_width = fields
            .iter()
            .map(|f| f.label.width() + 3)
            .max()
            .unwrap_or(10);
        Form {
            fields,
            focus: 0,
            dirty: false,
            wrap_tab: true,
            label_width: u16::try_from(label_width.clamp(8, 20)).unwrap_or(12),
        }
    }

    /// Tab past the last field leaves the fields (to a part the screen adds below them).
    pub fn tab_leaves(mut self) -> Form {
        self.wrap_tab = false;
        self
    }

    pub fn field(&self, i: usize) -> &Field {
        &self.fields[i]
    }

    pub fn field_mut(&mut self, i: usize) -> &mut Field {
        &mut self.fields[i]
    }

    /// Puts the focus on a field (after a failed check, on the first field in error).
    pub fn focus_on(&mut self, i: usize) {
        if i < self.fields.len() {
            self.focus = i;
        }
    }
}

impl Form {
    /// Marks field `i` with an error and puts the focus there; returns none, for `return`.
    pub fn fail<T>(&mut self, i: usize, e: FieldError) -> Option<T> {
        self.fields[i].error = Some(e);
        self.focus_on(i);
        None
    }

    /// The index chosen in choice field `i`.
    pub fn choice(&self, i: usize) -> usize {
        match &self.fields[i].input {
            Input::Choice(c) => c.selected,
            _ => 0,
        }
    }

    /// The trimmed text of one-line (or pick) field `i`.
    pub fn text(&self, i: usize) -> String {
        match &self.fields[i].input {
            Input::Line(t) => t.value().trim().to_owned(),
            Input::Pick(p) => p.field.value().trim().to_owned(),
            _ => String::new(),
        }
    }

    /// The checked text of multi-line field `i`.
    pub fn area(&self, i: usize, required: bool) -> Result<String, FieldError> {
        match &self.fields[i].input {
            Input::Area(a, _) => a.parse(required),
            _ => Ok(String::new()),
        }
    }

    /// The person chosen in pick field `i`: `Ok(None)` when it is empty, an error when the typed
    /// name matches nobody (or, if `required`, when it is empty).
    pub fn person(
        &self,
        i: usize,
        required: bool,
        view: &View<'_>,
    ) -> Result<Option<(i64, String)>, FieldError> {
        match &self.fields[i].input {
            Input::Pick(p) if p.field.value().trim().is_empty() => {
                if required {
                    Err(FieldError::Required)
                } else {
                    Ok(None)
                }
            }
            Input::Pick(p) => pick::picked(p, view)
                .map(Some)
                .ok_or(FieldError::NoSuchPerson),
            _ => Ok(None),
        }
    }
}
