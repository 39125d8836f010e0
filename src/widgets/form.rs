//! A form: a column of labelled fields of a few kinds (one line, several lines, one choice of
//! many, several choices, a person picked by typing part of a name), moved through with Tab and
//! the arrows, scrolled to keep the focused field in view, every field drawn by the same code.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::area::Area;
use super::field::{self, FieldError, TextField};
use super::pick;
pub use super::pick::{Pick, Pool, picked};
use super::picker;
use crate::domain::text::TextKind;
use crate::screens::{View, pad};

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

    /// Puts the focus on a field (after a failed check, on the first field in error).
    pub fn focus_on(&mut self, i: usize) {
        if i < self.fields.len() {
            self.focus = i;
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

    /// Draws the fields from the top of `area`, scrolled so the focused one shows; `focused`
    /// false draws no caret (a popup is over the form).
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>, focused: bool) {
        let heights: Vec<u16> = self
            .fields
            .iter()
            .map(|f| if f.hidden { 0 } else { f.height() })
            .collect();
        let above: u16 = heights[..self.focus.min(heights.len())].iter().sum();
        let own = heights.get(self.focus).copied().unwrap_or(1);
        let skip = (above + own).saturating_sub(area.height);
        let mut y = 0u16;
        let mut pick_at = None;
        for (i, f) in self.fields.iter().enumerate() {
            let h = heights[i];
            if f.hidden || y + h <= skip {
                y += h;
                continue;
            }
            let top = area.y + y - skip;
            if top + h > area.bottom() {
                break;
            }
            let rect = Rect::new(area.x, top, area.width, h);
            let is_focus = i == self.focus && focused;
            self.render_field(frame, rect, f, is_focus, view);
            if is_focus && matches!(f.input, Input::Pick(_)) {
                pick_at = Some(rect);
            }
            y += h;
        }
        if let (
            Some(rect),
            Some(Field {
                input: Input::Pick(p),
                ..
            }),
        ) = (pick_at, self.fields.get(self.focus))
        {
            let list = pick::choices(p, view);
            let x = area.x + self.label_width + 1;
            let room = Rect::new(
                x,
                rect.y + 2,
                area.width.saturating_sub(self.label_width + 1).min(48),
                area.bottom().saturating_sub(rect.y + 2),
            );
            picker::render(
                frame,
                room,
                &list
                    .iter()
                    .map(|(_, n, d)| (n.clone(), d.clone()))
                    .collect::<Vec<_>>(),
                p.highlight,
                view.theme,
            );
        }
    }

    fn render_field(
        &self,
        frame: &mut Frame<'_>,
        rect: Rect,
        f: &Field,
        focus: bool,
        view: &View<'_>,
    ) {
        let (s, theme) = (view.s, view.theme);
        let label = if f.required {
            format!("{} *", f.label)
        } else {
            f.label.to_owned()
        };
        match &f.input {
            Input::Line(t) => {
                let mut t = t.clone();
                t.error = f.shown_error();
                field::render(
                    frame,
                    rect,
                    &t,
                    &field::Spec {
                        label: &label,
                        label_width: self.label_width,
                        focused: focus,
                        hint: f.note_hint(),
                    },
                    (s, theme),
                );
            }
            Input::Pick(p) => {
                let mut t = p.field.clone();
                t.error = f.shown_error();
                field::render(
                    frame,
                    rect,
                    &t,
                    &field::Spec {
                        label: &label,
                        label_width: self.label_width,
                        focused: focus,
                        hint: f.note_hint(),
                    },
                    (s, theme),
                );
            }
            _ => {
                let label_style = if focus { theme.title } else { theme.dim };
                frame.render_widget(
                    Paragraph::new(Span::styled(
                        pad(&label, usize::from(self.label_width)),
                        label_style,
                    )),
                    Rect {
                        height: 1,
                        width: self.label_width,
                        ..rect
                    },
                );
                let body = Rect {
                    x: rect.x + self.label_width + 1,
                    width: rect.width.saturating_sub(self.label_width + 1),
                    height: rect.height
                        - u16::from(f.shown_error().is_some() || f.note_hint().is_some()),
                    ..rect
                };
                Self::render_body(frame, body, f, focus, view);
                let note_y = body.bottom();
                if note_y < rect.bottom() {
                    let note = match (f.shown_error(), f.note_hint()) {
                        (Some(e), _) => Span::styled(s.field_error(e), theme.error),
                        (None, Some(h)) => Span::styled(h, theme.dim),
                        (None, None) => Span::raw(""),
                    };
                    frame.render_widget(
                        Paragraph::new(note),
                        Rect::new(body.x, note_y, body.width, 1),
                    );
                }
            }
        }
    }

    fn render_body(frame: &mut Frame<'_>, body: Rect, f: &Field, focus: bool, view: &View<'_>) {
        let theme = view.theme;
        let style = if focus {
            theme.focused_field
        } else {
            theme.field
        };
        match &f.input {
            Input::Area(a, _) => a.render(frame, body, style, focus),
            Input::Choice(c) => {
                let label = c.labels.get(c.selected).map_or("", String::as_str);
                let text = if focus {
                    format!("◀ {label} ▶")
                } else {
                    label.to_owned()
                };
                frame.render_widget(Paragraph::new(Span::styled(text, style)), body);
            }
            Input::Multi(m) => {
                let lines: Vec<Line> = m
                    .labels
                    .iter()
                    .zip(&m.checked)
                    .enumerate()
                    .map(|(i, (label, on))| {
                        let mark = if *on { "[x]" } else { "[ ]" };
                        let st = if focus && i == m.cursor {
                            theme.selected
                        } else {
                            ratatui::style::Style::new()
                        };
                        Line::from(Span::styled(format!("{mark} {label}"), st))
                    })
                    .collect();
                frame.render_widget(Paragraph::new(lines), body);
            }
            Input::Line(_) | Input::Pick(_) => {}
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
