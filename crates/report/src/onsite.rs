//! The on-campus roll: everyone from outside signed in and not out, for an evacuation roll call.

use chrono::{DateTime, FixedOffset, Utc};

use super::Table;
use domain::gate::Visit;
use domain::idcard::{self, DocType};
use i18n::Strings;

/// One row per visitor, longest inside first.
pub fn table(visits: &[Visit], now: DateTime<Utc>, offset: &FixedOffset, s: &Strings) -> Table {
    Table {
        title: format!(
            "{} · {}",
            (s.gate_on_campus)(visits.len()),
            now.with_timezone(offset).format("%Y-%m-%d %H:%M")
        ),
        keys: super::keys(&[
            "name",
            "organisation",
            "purpose",
            "host",
            "time_in",
            "minutes_inside",
            "phone",
            "plate",
            "document",
        ]),
        headers: headers(s),
        rows: visits.iter().map(|v| row(v, now, *offset)).collect(),
    }
}

fn headers(s: &Strings) -> Vec<String> {
    [
        s.fields.visitor_name,
        s.fields.organisation,
        s.fields.purpose,
        s.fields.host,
        s.fields.time,
        s.minutes_inside,
        s.fields.phone,
        s.fields.plate,
        s.fields.doc_number,
    ]
    .iter()
    .map(|h| (*h).to_owned())
    .collect()
}

fn row(v: &Visit, now: DateTime<Utc>, offset: FixedOffset) -> Vec<String> {
    let minutes = (now - v.time_in).num_minutes().max(0);
    vec![
        v.name.clone(),
        v.organisation.clone(),
        v.purpose.clone(),
        v.host_name.clone().unwrap_or_default(),
        v.time_in
            .with_timezone(&offset)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        minutes.to_string(),
        v.phone.clone(),
        v.plate.clone(),
        masked_document(v),
    ]
}

/// The visitor's document number masked but for its last four, at its type's full length so
/// the roll shows what kind of document it was; empty when none was taken.
fn masked_document(v: &Visit) -> String {
    let length = if v.document.doc_type == Some(DocType::ResidentId) {
        18
    } else {
        8
    };
    if v.document.last4.is_empty() {
        String::new()
    } else {
        idcard::masked(
            v.document.full.as_deref().unwrap_or(&v.document.last4),
            length,
        )
    }
}
