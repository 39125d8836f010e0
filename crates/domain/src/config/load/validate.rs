//! Checking what the file says: each rule, with the span of the value that breaks it, and the
//! checked values built into places, slots, categories and risks.

use std::collections::HashSet;
use std::ops::Range;

use chrono::{NaiveTime, Weekday};
use toml::Spanned;

use super::raw::{RawCategory, RawPlace, RawRisk, RawSlot};
use crate::Lang;
use crate::config::model::{Category, Label, Place, Risk, Slot};
use crate::text::{self, TextKind};

/// Collects the first problems found, each with the span it was found at.
pub(super) struct Validator {
    pub(super) errs: Vec<(Range<usize>, String)>,
}

impl Validator {
    fn fail(&mut self, span: Range<usize>, message: String) {
        self.errs.push((span, message));
    }

    pub(super) fn lang(&mut self, lang: Option<&Spanned<String>>) -> Option<Lang> {
        lang.and_then(|l| {
            let parsed = Lang::parse(l.get_ref());
            if parsed.is_none() {
                self.fail(l.span(), format!("lang {:?} is not zh or en", l.get_ref()));
            }
            parsed
        })
    }

    /// A config without places, slots, categories or risks leaves nothing to record.
    pub(super) fn one_of_each(
        &mut self,
        places: &[Place],
        slots: &[Slot],
        categories: &[Category],
        risks: &[Risk],
    ) {
        if places.is_empty() {
            self.fail(0..0, "at least one [[place]] is needed".into());
        }
        if slots.is_empty() {
            self.fail(0..0, "at least one [[slot]] is needed".into());
        }
        if categories.is_empty() {
            self.fail(0..0, "at least one [[category]] is needed".into());
        }
        if risks.is_empty() {
            self.fail(0..0, "at least one [[risk]] is needed".into());
        }
    }

    fn id(&mut self, id: &Spanned<String>, seen: &mut HashSet<String>, what: &str) -> String {
        let s = id.get_ref();
        let ok = !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !ok {
            self.fail(
                id.span(),
                format!("{what} id {s:?} must be letters, digits, _ or - (e.g. \"dorm_1\")"),
            );
        } else if !seen.insert(s.clone()) {
            self.fail(id.span(), format!("{what} id {s:?} is used twice"));
        }
        s.clone()
    }

    pub(super) fn label(&mut self, l: &Spanned<Label>, what: &str) -> Label {
        for s in [&l.get_ref().zh, &l.get_ref().en] {
            if let Err(e) = text::validate(TextKind::Name, s, true) {
                self.fail(l.span(), format!("{what} {s:?}: {}", describe(e)));
            }
        }
        l.get_ref().clone()
    }

    pub(super) fn places(&mut self, raw: &[RawPlace]) -> Vec<Place> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for p in raw {
            let id = self.id(&p.id, &mut seen, "place");
            let name = self.label(&p.name, "place name");
            let short = p
                .short
                .as_ref()
                .map_or_else(|| name.clone(), |l| self.label(l, "place short name"));
            if p.checklist.get_ref().is_empty() {
                self.fail(
                    p.checklist.span(),
                    format!("place {id:?} has an empty checklist"),
                );
            }
            let checklist = p
                .checklist
                .get_ref()
                .iter()
                .map(|item| self.item(item))
                .collect();
            out.push(Place {
                id,
                name,
                short,
                checklist,
            });
        }
        out
    }

    fn item(&mut self, item: &Spanned<Label>) -> Label {
        for s in [&item.get_ref().zh, &item.get_ref().en] {
            let bad = s.trim().is_empty()
                || s.chars().count() > 80
                || s.chars().any(|c| !TextKind::Name.accepts(c));
            if bad {
                self.fail(
                    item.span(),
                    format!("checklist item {s:?} must be one line of 1 to 80 characters"),
                );
            }
        }
        item.get_ref().clone()
    }

    pub(super) fn slots(&mut self, raw: &[RawSlot], places: &[Place]) -> Vec<Slot> {
        let mut seen = HashSet::new();
        raw.iter()
            .map(|s| self.slot(s, &mut seen, places))
            .collect()
    }

    fn slot(&mut self, s: &RawSlot, seen: &mut HashSet<String>, places: &[Place]) -> Slot {
        let id = self.id(&s.id, seen, "slot");
        let name = self.label(&s.name, "slot name");
        let short = s
            .short
            .as_ref()
            .map_or_else(|| name.clone(), |l| self.label(l, "slot short name"));
        let (start, end) = (s.start.get_ref().0, s.end.get_ref().0);
        if start == end {
            self.fail(
                s.end.span(),
                format!("slot {id:?} starts and ends at the same time"),
            );
        }
        let every = s
            .every_minutes
            .as_ref()
            .map(|e| self.slot_every(e, start, end));
        self.slot_places(&id, &s.places, places);
        let days = s.days.as_ref().map_or_else(
            || ALL_DAYS.to_vec(),
            |d| d.iter().map(|d| d.get_ref().0).collect(),
        );
        Slot {
            id,
            name,
            short,
            start,
            end,
            every_minutes: every,
            places: s
                .places
                .get_ref()
                .iter()
                .map(|p| p.get_ref().clone())
                .collect(),
            days,
        }
    }

    /// Rounds every so many minutes must fit at least once in the slot.
    fn slot_every(&mut self, e: &Spanned<u32>, start: NaiveTime, end: NaiveTime) -> u32 {
        let minutes = *e.get_ref();
        let length = slot_minutes(start, end);
        if minutes == 0 || i64::from(minutes) > length {
            self.fail(
                e.span(),
                format!(
                    "every_minutes {minutes} must be between 1 and the slot's length ({length})"
                ),
            );
        }
        minutes
    }

    /// The places a slot patrols: at least one, each a `[[place]]` id, none twice.
    fn slot_places(&mut self, id: &str, listed: &Spanned<Vec<Spanned<String>>>, places: &[Place]) {
        if listed.get_ref().is_empty() {
            self.fail(listed.span(), format!("slot {id:?} lists no places"));
        }
        let mut seen = HashSet::new();
        for p in listed.get_ref() {
            if !places.iter().any(|pl| &pl.id == p.get_ref()) {
                self.fail(
                    p.span(),
                    format!(
                        "slot {id:?} names place {:?}, which is not a [[place]] id",
                        p.get_ref()
                    ),
                );
            } else if !seen.insert(p.get_ref().clone()) {
                self.fail(
                    p.span(),
                    format!("slot {id:?} lists place {:?} twice", p.get_ref()),
                );
            }
        }
    }

    /// A file that replaces the places but keeps the default slots must still name real places.
    pub(super) fn slot_places_exist(&mut self, slots: &[Slot], places: &[Place]) {
        for s in slots {
            for p in &s.places {
                if !places.iter().any(|pl| &pl.id == p) {
                    self.fail(
                        0..0,
                        format!("the default slot {:?} patrols place {p:?}, which this file no longer has; add [[slot]] sections too", s.id),
                    );
                }
            }
        }
    }

    pub(super) fn risks(&mut self, raw: &[RawRisk]) -> Vec<Risk> {
        let mut seen = HashSet::new();
        raw.iter()
            .map(|r| {
                let days = *r.days.get_ref();
                if days == 0 {
                    self.fail(
                        r.days.span(),
                        format!("risk days must be at least 1, not {days}"),
                    );
                }
                Risk {
                    id: self.id(&r.id, &mut seen, "risk"),
                    name: self.label(&r.name, "risk name"),
                    days,
                }
            })
            .collect()
    }

    pub(super) fn categories(&mut self, raw: &[RawCategory]) -> Vec<Category> {
        let mut seen = HashSet::new();
        raw.iter()
            .map(|c| Category {
                id: self.id(&c.id, &mut seen, "category"),
                name: self.label(&c.name, "category name"),
            })
            .collect()
    }
}

const ALL_DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Length of a slot in minutes; a slot whose end is before its start runs past midnight.
pub fn slot_minutes(start: NaiveTime, end: NaiveTime) -> i64 {
    let d = (end - start).num_minutes();
    if d <= 0 { d + 24 * 60 } else { d }
}

fn describe(e: text::TextError) -> String {
    match e {
        text::TextError::Empty => "must not be empty".into(),
        text::TextError::TooLong { max } => format!("is longer than {max} characters"),
        text::TextError::Forbidden => "holds a control or invisible character".into(),
    }
}
