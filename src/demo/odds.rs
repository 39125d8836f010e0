//! The patterns real schools report, as weights: trouble comes at noon and after school more
//! than in lessons, in quiet corners, toilets and stairwells more than in the open, dormitories
//! at night; which kinds of incident are common, how serious each kind tends to be, and who takes
//! part in each kind in which role.

use super::rng::Rng;
use crate::domain::incident::Role;

/// Parts of the day: start and end (minutes after midnight), weight, only on school days.
pub const BUCKETS: [(i64, i64, f64, bool); 7] = [
    (7 * 60, 8 * 60, 0.08, true),
    (8 * 60, 12 * 60, 0.14, true),
    (12 * 60, 14 * 60, 0.36, false),
    (14 * 60, 17 * 60, 0.12, true),
    (17 * 60, 19 * 60, 0.17, false),
    (19 * 60, 22 * 60 + 30, 0.10, false),
    (22 * 60 + 30, 23 * 60 + 59, 0.03, false),
];
pub const MORNING: usize = 0;
pub const NOON: usize = 2;
pub const AFTER_SCHOOL: usize = 4;
pub const EVENING: usize = 5;
pub const NIGHT: usize = 6;

/// How much more often trouble happens at a place than at an ordinary one: out of sight.
pub fn quiet(id: &str) -> f64 {
    if ["toilet", "stair", "corner"].iter().any(|w| id.contains(w)) {
        3.0
    } else if ["dorm", "playground", "field"]
        .iter()
        .any(|w| id.contains(w))
    {
        2.0
    } else if id.contains("gate") {
        0.8
    } else {
        1.0
    }
}

/// Whether students are at a place in a part of the day.
pub fn fits(id: &str, bucket: usize) -> f64 {
    if id.contains("dorm") {
        match bucket {
            NOON => 1.0,
            EVENING => 2.5,
            NIGHT => 4.0,
            _ => 0.05,
        }
    } else if id.contains("canteen") {
        match bucket {
            MORNING => 1.0,
            NOON => 2.0,
            _ => 0.1,
        }
    } else if id.contains("gate") {
        match bucket {
            MORNING => 1.0,
            AFTER_SCHOOL => 2.0,
            _ => 0.2,
        }
    } else if bucket == NIGHT {
        0.05
    } else {
        1.0
    }
}

pub fn category_weight(id: &str) -> f64 {
    match id {
        "verbal" => 0.2,
        "physical" | "fight" => 0.15,
        "relational" | "injury" => 0.1,
        "cyber" => 0.08,
        "property" => 0.06,
        "dangerous_item" => 0.04,
        "other" => 0.03,
        "intrusion" | "self_harm" => 0.02,
        // "extortion", and a school's own categories.
        _ => 0.05,
    }
}

/// Whether the bullying question is open for an incident of this category.
pub fn maybe_bullying(id: &str) -> bool {
    matches!(
        id,
        "physical" | "verbal" | "relational" | "cyber" | "extortion" | "fight"
    )
}

pub fn severity_weights(category: &str) -> [f64; 4] {
    match category {
        "physical" | "fight" => [0.35, 0.45, 0.17, 0.03],
        "cyber" => [0.4, 0.45, 0.15, 0.0],
        "extortion" => [0.2, 0.5, 0.25, 0.05],
        "intrusion" => [0.2, 0.4, 0.3, 0.1],
        "dangerous_item" => [0.1, 0.4, 0.4, 0.1],
        "self_harm" => [0.0, 0.2, 0.5, 0.3],
        _ => [0.6, 0.35, 0.05, 0.0],
    }
}

/// The students an incident of this kind involves, by role.
pub fn roles(rng: &mut Rng, category: &str) -> Vec<Role> {
    let mut roles = Vec::new();
    let mut add = |role, n| (0..n).for_each(|_| roles.push(role));
    match category {
        "physical" | "verbal" | "relational" | "cyber" | "extortion" => {
            let initiators = 1 + rng.weighted(&[0.6, 0.3, 0.1]).unwrap_or(0);
            add(Role::Initiator, initiators);
            add(Role::Target, 1);
            add(Role::Witness, rng.below(3));
            add(Role::Reporter, usize::from(rng.chance(0.15)));
        }
        "fight" => {
            add(Role::Initiator, 2);
            add(Role::Witness, 1 + rng.below(2));
        }
        "intrusion" => {
            add(Role::Target, 1);
            add(Role::Initiator, usize::from(rng.chance(0.5)));
            add(Role::Witness, rng.below(2));
        }
        "dangerous_item" => {
            add(Role::Initiator, 1);
            add(Role::Reporter, usize::from(rng.chance(0.4)));
        }
        "injury" => {
            add(Role::Target, 1);
            let other = if rng.chance(0.4) {
                Role::Initiator
            } else {
                Role::Witness
            };
            add(other, 1);
        }
        "self_harm" => {
            add(Role::Target, 1);
            add(Role::Reporter, 1);
        }
        _ => {
            add(Role::Initiator, 1);
            add(Role::Target, 1);
        }
    }
    roles
}
