//! The configuration as the rest of the program sees it: validated, complete, no optional parts.

use chrono::{NaiveTime, Weekday};
use std::borrow::Cow;

use crate::Lang;

/// A name in both languages. A school that writes one plain string gets it in both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub zh: String,
    pub en: String,
}

impl Label {
    pub fn new(zh: &str, en: &str) -> Label {
        Label {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// One key place (重点部位) with its checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub id: String,
    pub name: Label,
    /// A short name for narrow grid columns (at most 8 columns wide).
    pub short: Label,
    pub checklist: Vec<Label>,
}

/// One patrol time slot (巡查时段). `end` before `start` means the slot crosses midnight; it
/// belongs to the day it starts on. With `every`, each interval is a round of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub id: String,
    pub name: Label,
    /// A short name for narrow grid columns.
    pub short: Label,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub every_minutes: Option<u32>,
    /// Ids of the places patrolled in this slot, in grid order.
    pub places: Vec<String>,
    /// Days of the week on which the slot starts.
    pub days: Vec<Weekday>,
}

/// An incident category; used by the incident issue, defined here so the config is whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub id: String,
    pub name: Label,
}

/// A measure taken for a student (处理措施).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub id: String,
    pub name: Label,
}

/// A risk level of the hazard register: how many days a hazard of this level may stay open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risk {
    pub id: String,
    pub name: Label,
    pub days: u32,
}

/// The gate's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatePolicy {
    /// Keep whole ID numbers (else only the last four and whether the number was valid).
    pub store_full_id: bool,
    /// After this time visitors still signed in are flagged for someone to resolve.
    pub day_ends: NaiveTime,
}

/// What the period report asks of the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportPolicy {
    /// Students in at least this many incidents in a period are listed by name.
    pub repeat_students: u32,
}

/// Sign-in rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessPolicy {
    /// Minutes without a key before the screen blanks and asks for the PIN.
    pub idle_minutes: u32,
    /// Minutes an account stays locked after five wrong PINs in a row.
    pub lock_minutes: u32,
}

/// How long each kind of record is kept (days; 0 keeps it for good). `dutydesk purge` removes
/// what is older.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_field_names, reason = "named as the config keys")]
pub struct Retention {
    /// Visits, visitors no longer coming, early leaves.
    pub gate_days: u32,
    /// Patrol checks and the reasons for missed rounds.
    pub patrol_days: u32,
    /// Hazards rectified and verified.
    pub hazard_days: u32,
    /// Finished (or void) incidents with their students, follow-ups and slips; 0: school policy
    /// decides case by case, nothing is purged.
    pub incident_days: u32,
}

/// Everything a school configures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub school: Label,
    pub lang: Option<Lang>,
    pub places: Vec<Place>,
    pub slots: Vec<Slot>,
    pub categories: Vec<Category>,
    pub measures: Vec<Measure>,
    pub risks: Vec<Risk>,
    pub gate: GatePolicy,
    pub reports: ReportPolicy,
    pub access: AccessPolicy,
    pub retention: Retention,
}

impl Config {
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn slot(&self, id: &str) -> Option<&Slot> {
        self.slots.iter().find(|s| s.id == id)
    }

    /// A place's name; a place no longer in the config (records outlive config edits) shows its id.
    /// The id shown where a record names something the config no longer has: it came from the
    /// file, so it goes through the sanitizer like any stored text.
    fn unknown(id: &str) -> Cow<'_, str> {
        crate::text::line(id)
    }

    pub fn place_name<'a>(&'a self, id: &'a str, lang: Lang) -> Cow<'a, str> {
        self.place(id)
            .map_or_else(|| Self::unknown(id), |p| Cow::Borrowed(p.name.get(lang)))
    }

    pub fn category_name<'a>(&'a self, id: &'a str, lang: Lang) -> Cow<'a, str> {
        self.categories
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| Self::unknown(id), |c| Cow::Borrowed(c.name.get(lang)))
    }

    pub fn measure_name<'a>(&'a self, id: &'a str, lang: Lang) -> Cow<'a, str> {
        self.measures
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| Self::unknown(id), |m| Cow::Borrowed(m.name.get(lang)))
    }

    pub fn risk(&self, id: &str) -> Option<&Risk> {
        self.risks.iter().find(|r| r.id == id)
    }

    /// A slot's name, or its id if it is no longer in the config.
    pub fn slot_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.slot(id).map_or(id, |s| s.name.get(lang))
    }
}
