//! Staff members: who they are and what their job is.

/// A staff member's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StaffId(pub i64);

/// A staff member's job at the school (not their role on a shift).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StaffRole {
    Teacher,
    Leader,
    Guard,
    DormStaff,
    Counsellor,
    ClassTeacher,
    SafetyOfficer,
    Other,
}

impl StaffRole {
    pub const ALL: [StaffRole; 8] = [
        StaffRole::Teacher,
        StaffRole::Leader,
        StaffRole::Guard,
        StaffRole::DormStaff,
        StaffRole::Counsellor,
        StaffRole::ClassTeacher,
        StaffRole::SafetyOfficer,
        StaffRole::Other,
    ];

    /// The stable name stored in the database and used in exports.
    pub fn code(self) -> &'static str {
        match self {
            StaffRole::Teacher => "teacher",
            StaffRole::Leader => "leader",
            StaffRole::Guard => "guard",
            StaffRole::DormStaff => "dorm_staff",
            StaffRole::Counsellor => "counsellor",
            StaffRole::ClassTeacher => "class_teacher",
            StaffRole::SafetyOfficer => "safety_officer",
            StaffRole::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<StaffRole> {
        StaffRole::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A staff member as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: StaffId,
    pub name: String,
    pub role: StaffRole,
}

/// A new staff member, checked and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffDraft {
    pub name: String,
    pub role: StaffRole,
}

/// Staff whose name contains `typed` (case-insensitive), those starting with it first.
pub fn matching<'a>(staff: &'a [Staff], typed: &str) -> Vec<&'a Staff> {
    let needle = typed.trim().to_lowercase();
    let mut hits: Vec<&Staff> = staff
        .iter()
        .filter(|s| s.name.to_lowercase().contains(&needle))
        .collect();
    hits.sort_by_key(|s| {
        (
            !s.name.to_lowercase().starts_with(&needle),
            s.name.chars().count(),
        )
    });
    hits
}
