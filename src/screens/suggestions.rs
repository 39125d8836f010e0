//! After an incident is saved: the follow-ups it usually needs, each ticked, to accept as they
//! are, untick, or change (owner, due time, note) before creating them.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, cell};
use crate::action::Action;
use crate::action::FollowupAction;
use crate::domain::clock::{format_when, parse_when};
use crate::domain::followup::FollowupDraft;
use crate::domain::incident::IncidentId;
use crate::domain::staff::StaffId;
use crate::domain::text::{self, TextKind};
use crate::widgets::Keys;
use crate::widgets::cursor::{ListCursor, Step};
use crate::widgets::field::FieldError;
use crate::widgets::form::{self, Field, Form, Input, Outcome, Pool};
use crate::widgets::popup;

#[derive(Debug, Clone)]
struct Item {
    draft: FollowupDraft,
    about: String,
    owner_name: String,
    on: bool,
}

#[derive(Debug, Clone)]
pub struct Suggestions {
    pub incident: IncidentId,
    number: String,
    items: Vec<Item>,
    cursor: ListCursor,
    /// Editing one item: owner, due, note.
    editor: Option<Form>,
}

impl Suggestions {
    /// `about` gives the student's name of each draft, `owner_name` the owner's.
    pub fn new(
        incident: IncidentId,
        number: String,
        drafts: Vec<(FollowupDraft, String)>,
        owner_name: &str,
    ) -> Suggestions {
        Suggestions {
            incident,
            number,
            items: drafts
                .into_iter()
                .map(|(draft, about)| Item {
                    draft,
                    about,
                    owner_name: owner_name.to_owned(),
                    on: true,
                })
                .collect(),
            cursor: ListCursor::default(),
            editor: None,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &View<'_>) -> Option<Action> {
        if let Some(editor) = &mut self.editor {
            match editor.handle_key(key, view) {
                Outcome::Leave => self.editor = None,
                Outcome::Save | Outcome::Pass => self.apply_edit(view),
                Outcome::Handled => {}
            }
            return None;
        }
        if self.cursor.step_keys(key, self.items.len(), false) != Step::NotMine {
            return None;
        }
        match key.code {
            KeyCode::Char(' ') => {
                if let Some(i) = self.items.get_mut(self.cursor.at()) {
                    i.on = !i.on;
                }
            }
            KeyCode::Char('e') => self.open_editor(view),
            KeyCode::Enter => {
                let chosen: Vec<FollowupDraft> = self
                    .items
                    .iter()
                    .filter(|i| i.on)
                    .map(|i| i.draft.clone())
                    .collect();
                return Some(Action::Followup(FollowupAction::AcceptSuggestions {
                    incident: self.incident,
                    drafts: chosen,
                }));
            }
            KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                let chosen: Vec<FollowupDraft> = self
                    .items
                    .iter()
                    .filter(|i| i.on)
                    .map(|i| i.draft.clone())
                    .collect();
                return Some(Action::Followup(FollowupAction::AcceptSuggestions {
                    incident: self.incident,
                    drafts: chosen,
                }));
            }
            KeyCode::Esc => {
                return Some(Action::Followup(FollowupAction::AcceptSuggestions {
                    incident: self.incident,
                    drafts: Vec::new(),
                }));
            }
            _ => {}
        }
        None
    }

    fn open_editor(&mut self, view: &View<'_>) {
        let Some(item) = self.items.get(self.cursor.at()) else {
            return;
        };
        let s = view.s;
        self.editor = Some(Form::new(vec![
            Field::pick(
                s.fields.owner,
                Pool::Staff,
                Some((item.draft.owner.0, item.owner_name.clone())),
            )
            .required(),
            Field::line(
                s.fields.due,
                TextKind::Name,
                &format_when(item.draft.due_at, &view.offset),
            )
            .required()
            .hint(s.hints.when),
            Field::line(s.fields.note, TextKind::Line, &item.draft.note),
        ]));
    }

    fn apply_edit(&mut self, view: &View<'_>) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let owner = match &editor.field(0).input {
            Input::Pick(p) => form::picked(p, view),
            _ => None,
        };
        let due = match &editor.field(1).input {
            Input::Line(t) => parse_when(t.value(), view.now_local()),
            _ => None,
        };
        let note = match &editor.field(2).input {
            Input::Line(t) => t.parse(false),
            _ => Ok(String::new()),
        };
        let (Some((owner_id, owner_name)), Some(due), Ok(note)) = (owner, due, note) else {
            if editor.field(0).error.is_none()
                && matches!(&editor.field(0).input, Input::Pick(p) if form::picked(p, view).is_none())
            {
                editor.field_mut(0).error = Some(FieldError::NoSuchPerson);
                editor.focus_on(0);
            } else {
                editor.field_mut(1).error = Some(FieldError::BadTime);
                editor.focus_on(1);
            }
            return;
        };
        if let Some(item) = self.items.get_mut(self.cursor.at()) {
            item.draft.owner = StaffId(owner_id);
            item.owner_name = owner_name;
            item.draft.due_at = due;
            item.draft.note = note;
        }
        self.editor = None;
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        if let Some(editor) = &mut self.editor {
            editor.handle_paste(pasted);
        }
    }

    pub fn keys(&self, view: &View<'_>) -> Keys {
        let s = view.s;
        if self.editor.is_some() {
            return vec![
                ("Tab", s.keys.next_field),
                ("Ctrl+S", s.keys.done_typing),
                ("Esc", s.keys.back),
            ];
        }
        vec![
            ("Space", s.keys.tick),
            ("e", s.keys.edit),
            ("Enter", s.keys.create_ticked),
            ("Esc", s.keys.skip),
        ]
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, view: &View<'_>) {
        let (s, theme) = (view.s, view.theme);
        let mut lines = vec![
            Line::from(Span::styled(
                (s.suggestions_title)(&self.number),
                theme.title,
            )),
            Line::from(Span::styled(s.suggestions_help, theme.dim)),
            Line::from(""),
        ];
        if self.items.is_empty() {
            lines.push(Line::from(Span::styled(s.empty.suggestions, theme.dim)));
        }
        for (i, item) in self.items.iter().enumerate() {
            let selected = i == self.cursor.at();
            lines.push(Line::from(vec![
                Span::raw(if selected { " ▶ " } else { "   " }),
                Span::raw(if item.on { "[x] " } else { "[ ] " }),
                Span::styled(
                    cell(s.followup_kind(item.draft.kind), 16),
                    if selected {
                        theme.selected
                    } else {
                        ratatui::style::Style::new()
                    },
                ),
                Span::raw(cell(&text::line(&item.about), 11)),
                Span::styled(
                    format!("{} {} ", s.due_word, view.day_hm(item.draft.due_at)),
                    theme.due,
                ),
                Span::styled(text::line(&item.owner_name).into_owned(), theme.dim),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), area);
        if let Some(editor) = &self.editor {
            let inner = popup::frame_box(frame, area, 70, 10, s.edit_followup_title, theme);
            editor.render(frame, inner, view, view.caret);
        }
    }
}
