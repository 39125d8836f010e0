//! Reading a config file: parse the TOML, check every rule, and only then build a `Config`, so a
//! broken file never yields a half-loaded configuration. Errors name the file and the line.

mod raw;
mod validate;

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::model::{Category, Config, Label, Measure, Place, ReportPolicy, Risk, Slot};
use super::policy::{access_policy, gate_policy, retention};
use raw::{RawConfig, RawReports};
use validate::Validator;

pub(super) use raw::HhMm;
pub use validate::slot_minutes;

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

    // The checks run in the file's order, so that the first problem reported is the first one
    // a reader of the file meets.
    let lang = v.lang(raw.lang.as_ref());
    let school = match &raw.school {
        Some(s) => v.label(&s.name, "school name"),
        None => fallback.map_or_else(|| Label::new("", ""), |f| f.school.clone()),
    };
    let (places, slots) = patrol_sections(&mut v, &raw, fallback);
    let (categories, measures, risks) = record_sections(&mut v, &raw, fallback);
    v.one_of_each(&places, &slots, &categories, &risks);
    if let Some((span, message)) = v.errs.into_iter().next() {
        return Err(err((span != (0..0)).then_some(span), message));
    }
    let gate = gate_policy(raw.gate.as_ref(), fallback, &slots);
    let reports = report_policy(raw.reports.as_ref(), fallback)
        .map_err(|(span, message)| err(Some(span), message))?;
    let access = access_policy(raw.access.as_ref(), fallback)
        .map_err(|(span, message)| err(Some(span), message))?;
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

/// `[[place]]` and `[[slot]]`: where the patrols go and when.
fn patrol_sections(
    v: &mut Validator,
    raw: &RawConfig,
    fallback: Option<&Config>,
) -> (Vec<Place>, Vec<Slot>) {
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
    (places, slots)
}

/// `[[category]]`, `[[measure]]` and `[[risk]]`: the words records are filed under.
fn record_sections(
    v: &mut Validator,
    raw: &RawConfig,
    fallback: Option<&Config>,
) -> (Vec<Category>, Vec<Measure>, Vec<Risk>) {
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
    (categories, measures, risks)
}

/// `[reports]`: how many incidents make a student a repeat (2 unless the file says).
fn report_policy(
    raw: Option<&RawReports>,
    fallback: Option<&Config>,
) -> Result<ReportPolicy, (Range<usize>, String)> {
    let repeat = raw.and_then(|r| r.repeat_students.as_ref());
    if let Some(n) = repeat.filter(|n| *n.get_ref() < 2) {
        return Err((
            n.span(),
            "repeat_students must be 2 or more (a student in one incident is not a repeat)".into(),
        ));
    }
    Ok(ReportPolicy {
        repeat_students: repeat
            .map(|n| *n.get_ref())
            .or(fallback.map(|f| f.reports.repeat_students))
            .unwrap_or(2),
    })
}

fn line_of(src: &str, byte: usize) -> usize {
    src.get(..byte).unwrap_or(src).matches('\n').count() + 1
}
