//! Reading a config file: parse the TOML, check every rule, and only then build a `Config`, so a
//! broken file never yields a half-loaded configuration. Errors name the file and the line.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{NaiveTime, Weekday};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

use super::model::{Category, Config, Label, Measure, Place, ReportPolicy, Risk, Slot};
use super::policy::{RawAccess, RawGate, RawRetention, access_policy, gate_policy, retention};
use crate::Lang;
use crate::text::{self, TextKind};

/// The defaults shipped in `assets/`.
pub const DEFAULTS: &str = include_str!("../../../../assets/defaults.toml");

/// A config file that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", file.display(), line.map(|l| format!(", line {l}")).unwrap_or_default())]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    school: Option<RawSchool>,
    lang: Option<Spanned<String>>,
    #[serde(rename = "place")]
    places: Option<Vec<RawPlace>>,
    #[serde(rename = "slot")]
    slots: Option<Vec<RawSlot>>,
    #[serde(rename = "category")]
    categories: Option<Vec<RawCategory>>,
    #[serde(rename = "measure")]
    measures: Option<Vec<RawCategory>>,
    #[serde(rename = "risk")]
    risks: Option<Vec<RawRisk>>,
    gate: Option<RawGate>,
    reports: Option<RawReports>,
    access: Option<RawAccess>,
    retention: Option<RawRetention>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReports {
    repeat_students: Option<Spanned<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRisk {
    id: Spanned<String>,
    name: Spanned<Label>,
    days: Spanned<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchool {
    name: Spanned<Label>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    id: Spanned<String>,
    name: Spanned<Label>,
    short: Option<Spanned<Label>>,
    checklist: Spanned<Vec<Spanned<Label>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSlot {
    id: Spanned<String>,
    name: Spanned<Label>,
    short: Option<Spanned<Label>>,
    start: Spanned<HhMm>,
    end: Spanned<HhMm>,
    every_minutes: Option<Spanned<u32>>,
    places: Spanned<Vec<Spanned<String>>>,
    days: Option<Vec<Spanned<Day>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    id: Spanned<String>,
    name: Spanned<Label>,
}

/// A time of day written `HH:MM`.
pub(super) struct HhMm(pub(super) NaiveTime);

impl<'de> Deserialize<'de> for HhMm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        NaiveTime::parse_from_str(&s, "%H:%M")
            .map(HhMm)
            .map_err(|_| {
                de::Error::custom(format!("{s:?} is not a time; write HH:MM, e.g. \"07:30\""))
            })
    }
}

/// A day of the week written `mon` … `sun`.
struct Day(Weekday);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let day = match s.to_ascii_lowercase().as_str() {
            "mon" => Weekday::Mon,
            "tue" => Weekday::Tue,
            "wed" => Weekday::Wed,
            "thu" => Weekday::Thu,
            "fri" => Weekday::Fri,
            "sat" => Weekday::Sat,
            "sun" => Weekday::Sun,
            _ => {
                return Err(de::Error::custom(format!(
                    "{s:?} is not a day; write one of mon tue wed thu fri sat sun"
                )));
            }
        };
        Ok(Day(day))
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct LabelVisitor;
        impl<'de> Visitor<'de> for LabelVisitor {
            type Value = Label;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name: \"…\" or { zh = \"…\", en = \"…\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Label, E> {
                Ok(Label::new(v, v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Label, A::Error> {
                let (mut zh, mut en) = (None::<String>, None::<String>);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "zh" => zh = Some(map.next_value()?),
                        "en" => en = Some(map.next_value()?),
                        other => {
                            return Err(de::Error::custom(format!(
                                "unknown language {other:?}; use zh and en"
                            )));
                        }
                    }
                }
                match (zh, en) {
                    (Some(zh), Some(en)) => Ok(Label { zh, en }),
                    (Some(one), None) | (None, Some(one)) => Ok(Label::new(&one, &one)),
                    (None, None) => Err(de::Error::custom("a name needs zh or en")),
                }
            }
        }
        d.deserialize_any(LabelVisitor)
    }
}

/// Builds the configuration: the defaults, with each section the file gives replacing the
/// default section. `file` is `None` when there is no config file.
pub fn load(file: Option<(&Path, &str)>) -> Result<Config, ConfigError> {
    let defaults = parse(Path::new("assets/defaults.toml"), DEFAULTS, None)?;
    match file {
        None => Ok(defaults),
        Some((path, src)) => parse(path, src, Some(&defaults)),
    }
}

/// Parses one file; sections it does not give are taken from `fallback`.
fn parse(path: &Path, src: &str, fallback: Option<&Config>) -> Result<Config, ConfigError> {
    let err = |span: Option<Range<usize>>, message: String| ConfigError {
        file: path.to_owned(),
        line: span.map(|s| line_of(src, s.start)),
        message,
    };
    let raw: RawConfig = toml::from_str(src).map_err(|e| err(e.span(), e.message().to_owned()))?;
    let mut v = Validator { errs: Vec::new() };

    let lang = raw.lang.as_ref().and_then(|l| {
        let parsed = Lang::parse(l.get_ref());
        if parsed.is_none() {
            v.fail(l.span(), format!("lang {:?} is not zh or en", l.get_ref()));
        }
        parsed
    });
    let school = match &raw.school {
        Some(s) => v.label(&s.name, "school name"),
        None => fallback.map_or_else(|| Label::new("", ""), |f| f.school.clone()),
    };
    let places = if let Some(places) = &raw.places {
        v.places(places)
    } else {
        fallback.map(|f| f.places.clone()).unwrap_or_default()
    };
    let slots = if let Some(slots) = &raw.slots {
        v.slots(slots, &places)
    } else {
        let slots = fallback.map(|f| f.slots.clone()).unwrap_or_default();
        v.slot_places_exist(&slots, &places);
        slots
    };
    let categories = match &raw.categories {
        Some(cats) => v.categories(cats),
        None => fallback.map(|f| f.categories.clone()).unwrap_or_default(),
    };
    let measures = if let Some(raw) = &raw.measures {
        v.categories(raw)
            .into_iter()
            .map(|c| Measure {
                id: c.id,
                name: c.name,
            })
            .collect()
    } else {
        fallback.map(|f| f.measures.clone()).unwrap_or_default()
    };
    let risks = if let Some(raw) = &raw.risks {
        v.risks(raw)
    } else {
        fallback.map(|f| f.risks.clone()).unwrap_or_default()
    };
    if places.is_empty() {
        v.fail(0..0, "at least one [[place]] is needed".into());
    }
    if slots.is_empty() {
        v.fail(0..0, "at least one [[slot]] is needed".into());
    }
    if categories.is_empty() {
        v.fail(0..0, "at least one [[category]] is needed".into());
    }
    if risks.is_empty() {
        v.fail(0..0, "at least one [[risk]] is needed".into());
    }
    if let Some((span, message)) = v.errs.into_iter().next() {
        return Err(err((span != (0..0)).then_some(span), message));
    }
    let gate = gate_policy(raw.gate.as_ref(), fallback, &slots);
    let repeat = raw
        .reports
        .as_ref()
        .and_then(|r| r.repeat_students.as_ref());
    if let Some(n) = repeat.filter(|n| *n.get_ref() < 2) {
        return Err(err(
            Some(n.span()),
            "repeat_students must be 2 or more (a student in one incident is not a repeat)".into(),
        ));
    }
    let access = access_policy(raw.access.as_ref(), fallback)
        .map_err(|(span, message)| err(Some(span), message))?;
    let reports = ReportPolicy {
        repeat_students: repeat
            .map(|n| *n.get_ref())
            .or(fallback.map(|f| f.reports.repeat_students))
            .unwrap_or(2),
    };
    let retention = retention(raw.retention.as_ref(), fallback);
    Ok(Config {
        gate,
        reports,
        access,
        retention,
        school,
        lang: lang.or(fallback.and_then(|f| f.lang)),
        places,
        slots,
        categories,
        measures,
        risks,
    })
}

fn line_of(src: &str, byte: usize) -> usize {
    src.get(..byte).unwrap_or(src).matches('\n').count() + 1
}

/// Collects the first problems found, each with the span it was found at.
struct Validator {
    errs: Vec<(Range<usize>, String)>,
}

impl Validator {
    fn fail(&mut self, span: Range<usize>, message: String) {
        self.errs.push((span, message));
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

    fn label(&mut self, l: &Spanned<Label>, what: &str) -> Label {
        for s in [&l.get_ref().zh, &l.get_ref().en] {
            if let Err(e) = text::validate(TextKind::Name, s, true) {
                self.fail(l.span(), format!("{what} {s:?}: {}", describe(e)));
            }
        }
        l.get_ref().clone()
    }

    fn places(&mut self, raw: &[RawPlace]) -> Vec<Place> {
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

    fn slots(&mut self, raw: &[RawSlot], places: &[Place]) -> Vec<Slot> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for s in raw {
            let id = self.id(&s.id, &mut seen, "slot");
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
            let every = s.every_minutes.as_ref().map(|e| {
                let minutes = *e.get_ref();
                let length = slot_minutes(start, end);
                if minutes == 0 || i64::from(minutes) > length {
                    self.fail(
                        e.span(),
                        format!("every_minutes {minutes} must be between 1 and the slot's length ({length})"),
                    );
                }
                minutes
            });
            if s.places.get_ref().is_empty() {
                self.fail(s.places.span(), format!("slot {id:?} lists no places"));
            }
            let mut listed = HashSet::new();
            for p in s.places.get_ref() {
                if !places.iter().any(|pl| &pl.id == p.get_ref()) {
                    self.fail(
                        p.span(),
                        format!(
                            "slot {id:?} names place {:?}, which is not a [[place]] id",
                            p.get_ref()
                        ),
                    );
                } else if !listed.insert(p.get_ref().clone()) {
                    self.fail(
                        p.span(),
                        format!("slot {id:?} lists place {:?} twice", p.get_ref()),
                    );
                }
            }
            let days = s.days.as_ref().map_or_else(
                || ALL_DAYS.to_vec(),
                |d| d.iter().map(|d| d.get_ref().0).collect(),
            );
            out.push(Slot {
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
            });
        }
        out
    }

    /// A file that replaces the places but keeps the default slots must still name real places.
    fn slot_places_exist(&mut self, slots: &[Slot], places: &[Place]) {
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

    fn risks(&mut self, raw: &[RawRisk]) -> Vec<Risk> {
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

    fn categories(&mut self, raw: &[RawCategory]) -> Vec<Category> {
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
