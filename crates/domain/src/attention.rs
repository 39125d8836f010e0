//! The special-attention register (重点关注学生): a student who needs particular care, why, the
//! teacher responsible, and how often the case is reviewed.

use chrono::{DateTime, NaiveDate, Utc};

use super::people::StudentId;
use super::staff::StaffId;
use crate::coded;

coded! {
    /// Why a student is on the register (the categories of the school's own list).
    pub enum Reason {
        Family = "family", Study = "study", Psychological = "psychological",
        Behaviour = "behaviour", FamilyChange = "family_change", LeftBehind = "left_behind",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AttentionId(pub i64);

/// A new entry, checked and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttentionDraft {
    pub student: StudentId,
    pub reasons: Vec<Reason>,
    pub teacher: StaffId,
    /// Days between reviews; the first review is due that many days from now.
    pub review_days: u32,
    pub note: String,
}

/// An entry as stored, with names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attention {
    pub id: AttentionId,
    pub student: StudentId,
    pub student_name: String,
    pub class_name: String,
    pub reasons: Vec<Reason>,
    pub teacher: StaffId,
    pub teacher_name: String,
    pub review_days: u32,
    pub next_review: NaiveDate,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub version: i64,
}

/// The reasons as stored: codes joined by `+`.
pub fn join(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join("+")
}

pub fn split(stored: &str) -> Vec<Reason> {
    stored.split('+').filter_map(Reason::from_code).collect()
}
