//! Students, and finding a student or staff member from a few typed characters.

use super::staff::Staff;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StudentId(pub i64);

/// A student as stored. Students are keyed by their student number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Student {
    pub id: StudentId,
    pub number: String,
    pub name: String,
    pub class_name: String,
    pub gender: String,
}

/// A student to add or update, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentDraft {
    pub number: String,
    pub name: String,
    pub class_name: String,
    pub gender: String,
}

/// How many choices a type-ahead list shows.
pub const MAX_CHOICES: usize = 6;

/// Students whose name, number or class contains `typed`; name matches first, then those whose
/// name starts with it. At most `MAX_CHOICES`.
pub fn matching_students<'a>(all: &'a [Student], typed: &str) -> Vec<&'a Student> {
    let needle = typed.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &Student)> = all
        .iter()
        .filter_map(|s| {
            let name = s.name.to_lowercase();
            let rank = if name.starts_with(&needle) {
                0
            } else if name.contains(&needle) {
                1
            } else if s.number.to_lowercase().starts_with(&needle) {
                2
            } else if s.class_name.to_lowercase().contains(&needle) {
                3
            } else {
                return None;
            };
            Some((rank, s))
        })
        .collect();
    hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    hits.into_iter().take(MAX_CHOICES).map(|(_, s)| s).collect()
}

/// Staff whose name contains `typed`, those starting with it first. At most `MAX_CHOICES`.
pub fn matching_staff<'a>(all: &'a [Staff], typed: &str) -> Vec<&'a Staff> {
    let mut hits = super::staff::matching(all, typed);
    hits.truncate(MAX_CHOICES);
    hits
}
