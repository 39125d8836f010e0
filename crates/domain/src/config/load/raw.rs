//! How the config file is written: the TOML sections as read (each value with its span, for
//! errors that name the line), and how times, days and two-language names are spelled.

use std::fmt;

use chrono::{NaiveTime, Weekday};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

use crate::config::model::Label;
use crate::config::policy::{RawAccess, RawGate, RawRetention};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) school: Option<RawSchool>,
    pub(super) lang: Option<Spanned<String>>,
    #[serde(rename = "place")]
    pub(super) places: Option<Vec<RawPlace>>,
    #[serde(rename = "slot")]
    pub(super) slots: Option<Vec<RawSlot>>,
    #[serde(rename = "category")]
    pub(super) categories: Option<Vec<RawCategory>>,
    #[serde(rename = "measure")]
    pub(super) measures: Option<Vec<RawCategory>>,
    #[serde(rename = "risk")]
    pub(super) risks: Option<Vec<RawRisk>>,
    pub(super) gate: Option<RawGate>,
    pub(super) reports: Option<RawReports>,
    pub(super) access: Option<RawAccess>,
    pub(super) retention: Option<RawRetention>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReports {
    pub(super) repeat_students: Option<Spanned<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRisk {
    pub(super) id: Spanned<String>,
    pub(super) name: Spanned<Label>,
    pub(super) days: Spanned<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSchool {
    pub(super) name: Spanned<Label>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlace {
    pub(super) id: Spanned<String>,
    pub(super) name: Spanned<Label>,
    pub(super) short: Option<Spanned<Label>>,
    pub(super) checklist: Spanned<Vec<Spanned<Label>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSlot {
    pub(super) id: Spanned<String>,
    pub(super) name: Spanned<Label>,
    pub(super) short: Option<Spanned<Label>>,
    pub(super) start: Spanned<HhMm>,
    pub(super) end: Spanned<HhMm>,
    pub(super) every_minutes: Option<Spanned<u32>>,
    pub(super) places: Spanned<Vec<Spanned<String>>>,
    pub(super) days: Option<Vec<Spanned<Day>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCategory {
    pub(super) id: Spanned<String>,
    pub(super) name: Spanned<Label>,
}

/// A time of day written `HH:MM`.
pub(in crate::config) struct HhMm(pub(in crate::config) NaiveTime);

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
pub(super) struct Day(pub(super) Weekday);

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
