//! Reading the incident form: every typed field checked (the first in error gets the focus),
//! the draft built from them, and the action that saves it (a correction first asks why).

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{
    ACTION, BULLYING, BULLYING_ON, CATEGORY, FUTURE_SLACK_MINUTES, IncidentForm, Mode, NARRATIVE,
    PLACE, PLACE_TEXT, SEVERITY, SOURCE, STATUS, Section, WHEN, WORDS,
};
use crate::action::{Action, IncidentAction};
use crate::domain::clock::{parse_day, parse_when};
use crate::domain::incident::{
    Bullying, IncidentDraft, InvolvedDraft, PlaceRef, Severity, Source, Status,
};
use crate::domain::text::TextKind;
use crate::screens::View;
use crate::screens::involved_editor::Row;
use crate::widgets::field::{FieldError, TextField};
use crate::widgets::form::Form;

/// The fields that can be typed wrong, checked. Choices cannot be wrong and are read when the
/// draft is built.
struct Checked {
    occurred_at: DateTime<Utc>,
    place: PlaceRef,
    narrative: String,
    child_words: String,
    immediate_action: String,
    bullying: Bullying,
    bullying_on: Option<NaiveDate>,
}

/// The fields in error so far, in form order.
type Errors = Vec<(usize, FieldError)>;

impl IncidentForm {
    /// Checks every field; on the first error puts the focus there and returns none.
    pub(super) fn parse(&mut self, view: &View<'_>) -> Option<IncidentDraft> {
        let checked = self.check(view)?;
        Some(self.draft(checked, view))
    }

    /// Every typed field checked and each error marked, so that one save shows them all; the
    /// first one in error gets the focus.
    fn check(&mut self, view: &View<'_>) -> Option<Checked> {
        let f = &mut self.form;
        let mut errors: Errors = Vec::new();
        let occurred_at = check_when(f, view, &mut errors);
        let place = crate::screens::read_place(f, PLACE, PLACE_TEXT, view)
            .map_err(|e| errors.push((PLACE_TEXT, e)))
            .ok();
        let [narrative, child_words, immediate_action] = check_texts(f, &mut errors);
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
        Some(Checked {
            occurred_at: occurred_at?,
            place: place?,
            narrative,
            child_words,
            immediate_action,
            bullying,
            bullying_on,
        })
    }

    /// The draft: the checked fields, the choices, and the students.
    fn draft(&self, c: Checked, view: &View<'_>) -> IncidentDraft {
        let f = &self.form;
        IncidentDraft {
            occurred_at: c.occurred_at,
            place: c.place,
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
            narrative: c.narrative,
            child_words: c.child_words,
            immediate_action: c.immediate_action,
            bullying: c.bullying,
            bullying_on: c.bullying_on,
            status: Status::ALL
                .get(f.choice(STATUS))
                .copied()
                .unwrap_or(Status::Open),
            students: self.involved(),
            from_check: match &self.mode {
                Mode::New { from_check, .. } => *from_check,
                Mode::Correct { .. } => None,
            },
        }
    }

    fn involved(&self) -> Vec<InvolvedDraft> {
        self.students.iter().map(Row::draft).collect()
    }

    /// A new incident is created at once; a correction first asks for its reason.
    pub(super) fn save(&mut self, view: &View<'_>) -> Option<Action> {
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

    /// The correction, once its reason is typed.
    pub(super) fn correct(&mut self, view: &View<'_>) -> Option<Action> {
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
}

/// When it happened: a time, and not in the future (but for a little slack between clocks).
fn check_when(f: &Form, view: &View<'_>, errors: &mut Errors) -> Option<DateTime<Utc>> {
    let now = view.now_local();
    let occurred_at = parse_when(&f.text(WHEN), now);
    match occurred_at {
        None => errors.push((WHEN, FieldError::BadTime)),
        Some(t) if t > now.with_timezone(&Utc) + Duration::minutes(FUTURE_SLACK_MINUTES) => {
            errors.push((WHEN, FieldError::InFuture));
        }
        Some(_) => {}
    }
    occurred_at
}

/// What happened (required), the child's own words, and what was done at once.
fn check_texts(f: &Form, errors: &mut Errors) -> [String; 3] {
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
    texts
}
