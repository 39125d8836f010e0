//! Drawing a form: its fields scrolled to keep the focused one in view, each field with its
//! label, its input and a line for an error or hint, and the list a person field offers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Field, Form, Input, Pick};
use crate::screens::{View, pad};
use crate::widgets::field::{self, TextField};
use crate::widgets::{pick, picker};

impl Form {
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
            self.render_pick_list(frame, area, rect, p, view);
        }
    }

    /// The people a focused person field offers, in a list under it.
    fn render_pick_list(
        &self,
        frame: &mut Frame<'_>,
        area: Rect,
        rect: Rect,
        p: &Pick,
        view: &View<'_>,
    ) {
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

    fn render_field(
        &self,
        frame: &mut Frame<'_>,
        rect: Rect,
        f: &Field,
        focus: bool,
        view: &View<'_>,
    ) {
        match &f.input {
            Input::Line(t) => self.render_text(frame, rect, t, f, focus, view),
            Input::Pick(p) => self.render_text(frame, rect, &p.field, f, focus, view),
            _ => self.render_labelled(frame, rect, f, focus, view),
        }
    }

    /// A one-line field (typed text, or a person's name), drawn by the text field's own code.
    fn render_text(
        &self,
        frame: &mut Frame<'_>,
        rect: Rect,
        t: &TextField,
        f: &Field,
        focus: bool,
        view: &View<'_>,
    ) {
        let mut t = t.clone();
        t.error = f.shown_error();
        field::render(
            frame,
            rect,
            &t,
            &field::Spec {
                label: &label_text(f),
                label_width: self.label_width,
                focused: focus,
                hint: f.note_hint(),
            },
            (view.s, view.theme),
        );
    }

    /// Any other field: the label, the input beside it, and the error or hint under it.
    fn render_labelled(
        &self,
        frame: &mut Frame<'_>,
        rect: Rect,
        f: &Field,
        focus: bool,
        view: &View<'_>,
    ) {
        let theme = view.theme;
        let label_style = if focus { theme.title } else { theme.dim };
        frame.render_widget(
            Paragraph::new(Span::styled(
                pad(&label_text(f), usize::from(self.label_width)),
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
            height: rect.height - u16::from(f.shown_error().is_some() || f.note_hint().is_some()),
            ..rect
        };
        Self::render_body(frame, body, f, focus, view);
        let note_y = body.bottom();
        if note_y < rect.bottom() {
            let note = match (f.shown_error(), f.note_hint()) {
                (Some(e), _) => Span::styled(view.s.field_error(e), theme.error),
                (None, Some(h)) => Span::styled(h, theme.dim),
                (None, None) => Span::raw(""),
            };
            frame.render_widget(
                Paragraph::new(note),
                Rect::new(body.x, note_y, body.width, 1),
            );
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

/// The field's label, with a star when it must be filled in.
fn label_text(f: &Field) -> String {
    if f.required {
        format!("{} *", f.label)
    } else {
        f.label.to_owned()
    }
}
