//! The gate: visitors and their visits, the watchlist, students leaving early, and who is still
//! on campus at the end of the day.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};

use super::idcard::DocType;
use super::people::StudentId;
use super::staff::StaffId;
use crate::coded;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VisitorId(pub i64);
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VisitId(pub i64);
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WatchId(pub i64);
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EarlyLeaveId(pub i64);

coded! {
    pub enum VisitStatus { In = "in", Out = "out", Refused = "refused" }
}

coded! {
    /// How a visit ended.
    pub enum OutKind { SignedOut = "signed_out", LeftUnsigned = "left_unsigned" }
}

/// An identity document as kept: the whole number only where the school's policy says so.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub doc_type: Option<DocType>,
    pub last4: String,
    pub full: Option<String>,
    /// A resident ID number that passed the GB 11643 check.
    pub verified: bool,
}

/// A sign-in, checked. `typed_number` is the number as typed, used only to compare with the
/// watchlist; what is stored is `document`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitDraft {
    pub visitor: Option<VisitorId>,
    pub name: String,
    pub phone: String,
    pub organisation: String,
    pub document: Document,
    pub typed_number: String,
    pub purpose: String,
    pub host: Option<StaffId>,
    pub host_confirmed: bool,
    pub plate: String,
    pub pass_no: String,
}

/// A visit as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub id: VisitId,
    pub visitor: VisitorId,
    pub name: String,
    pub phone: String,
    pub organisation: String,
    pub document: Document,
    pub purpose: String,
    pub host_name: Option<String>,
    pub host_confirmed: bool,
    pub plate: String,
    pub pass_no: String,
    pub status: VisitStatus,
    pub time_in: DateTime<Utc>,
    pub time_out: Option<DateTime<Utc>>,
    pub out_kind: Option<OutKind>,
    pub out_note: String,
    pub admit_reason: String,
    /// The watchlist entry this sign-in matched, with its reason.
    pub watch_reason: Option<String>,
    pub version: i64,
}

/// Someone who came before, as their last visit left them: offered when they come again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visitor {
    pub id: VisitorId,
    pub name: String,
    pub phone: String,
    pub organisation: String,
    pub document: Document,
    pub purpose: String,
    pub host: Option<(StaffId, String)>,
    pub plate: String,
    pub last_seen_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WatchDraft {
    pub name: String,
    pub doc_number: String,
    pub plate: String,
    pub reason: String,
    pub until: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchEntry {
    pub id: WatchId,
    pub draft: WatchDraft,
    pub active: bool,
    pub version: i64,
}

/// A student leaving before the end of the day, as checked at the gate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlyLeaveDraft {
    pub student: StudentId,
    pub approved_by: StaffId,
    pub slip_seen: bool,
    pub teacher_confirmed: bool,
    pub collected_by: String,
    pub relation: String,
    pub phone: String,
    pub time_out: DateTime<Utc>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlyLeave {
    pub id: EarlyLeaveId,
    pub student_name: String,
    pub class_name: String,
    pub approved_by: String,
    pub slip_seen: bool,
    pub teacher_confirmed: bool,
    pub collected_by: String,
    pub relation: String,
    pub phone: String,
    pub time_out: DateTime<Utc>,
    pub time_back: Option<DateTime<Utc>>,
    pub note: String,
    pub version: i64,
}

/// A plate compared the way a guard reads it: upper case, no spaces, dots or dashes.
pub fn normalize_plate(plate: &str) -> String {
    plate
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '·' | '.'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// A name compared without case or extra spaces.
pub fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a sign-in matches a watchlist entry still in force: same name, same document
/// number, or same plate. Advisory: the guard decides.
pub fn matches(entry: &WatchEntry, draft: &VisitDraft, today: NaiveDate) -> bool {
    let w = &entry.draft;
    if !entry.active || w.until.is_some_and(|u| u < today) {
        return false;
    }
    // Each is compared only when the entry has something left after normalising: an entry of
    // separators alone would otherwise match every visitor who gave none.
    let watched_name = normalize_name(&w.name);
    let name = !watched_name.is_empty() && watched_name == normalize_name(&draft.name);
    // A repeat visitor's number is not retyped: the whole number kept from last time (when the
    // school keeps whole numbers) is compared instead.
    let number = match draft.typed_number.trim() {
        "" => draft.document.full.as_deref().unwrap_or("").trim(),
        typed => typed,
    };
    let doc = !w.doc_number.trim().is_empty()
        && !number.is_empty()
        && w.doc_number.trim().eq_ignore_ascii_case(number);
    let watched_plate = normalize_plate(&w.plate);
    let plate = !watched_plate.is_empty() && watched_plate == normalize_plate(&draft.plate);
    name || doc || plate
}

/// Earlier visitors whose name or phone contains what is typed, most recent first.
pub fn matching_visitors<'a>(all: &'a [Visitor], typed: &str, limit: usize) -> Vec<&'a Visitor> {
    let needle = normalize_name(typed);
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<&Visitor> = all
        .iter()
        .filter(|v| normalize_name(&v.name).contains(&needle) || v.phone.contains(typed.trim()))
        .collect();
    hits.sort_by_key(|v| std::cmp::Reverse(v.last_seen_at));
    hits.truncate(limit);
    hits
}

/// Whether a visitor still signed in must be resolved by someone: they came on an earlier day,
/// or the school day (`day_ends`) is over.
pub fn needs_resolving(visit: &Visit, now: DateTime<FixedOffset>, day_ends: NaiveTime) -> bool {
    if visit.status != VisitStatus::In {
        return false;
    }
    let came = visit.time_in.with_timezone(now.offset()).date_naive();
    came < now.date_naive() || now.time() >= day_ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, doc: &str, plate: &str, until: Option<NaiveDate>) -> WatchEntry {
        WatchEntry {
            id: WatchId(1),
            draft: WatchDraft {
                name: name.into(),
                doc_number: doc.into(),
                plate: plate.into(),
                reason: "banned by court order".into(),
                until,
            },
            active: true,
            version: 1,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
    }

    #[test]
    fn a_name_number_or_plate_matches() {
        let draft = VisitDraft {
            name: " 赵  四 ".into(),
            typed_number: "11010519491231002x".into(),
            plate: "京A·12345".into(),
            ..VisitDraft::default()
        };
        assert!(matches(&entry("赵 四", "", "", None), &draft, today()));
        assert!(matches(
            &entry("", "11010519491231002X", "", None),
            &draft,
            today()
        ));
        assert!(matches(&entry("", "", "京a 12345", None), &draft, today()));
        assert!(!matches(&entry("王五", "", "", None), &draft, today()));
        let yesterday = today().pred_opt();
        assert!(
            !matches(&entry("赵 四", "", "", yesterday), &draft, today()),
            "expired"
        );
        let mut ended = entry("赵 四", "", "", None);
        ended.active = false;
        assert!(!matches(&ended, &draft, today()));
    }
}
