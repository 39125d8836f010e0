//! Who may do what: the five access roles, the things a record can have done to it, and the one
//! table that says which role may do which. `docs/ACCESS.md` prints the same table; a test
//! compares the two cell by cell and another walks every cell through the app.

/// A person's access role: what their account lets them do (not their job title).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Guard,
    Teacher,
    Leader,
    Safeguarding,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Guard,
        Role::Teacher,
        Role::Leader,
        Role::Safeguarding,
        Role::Admin,
    ];

    /// The stable name stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Role::Guard => "guard",
            Role::Teacher => "teacher",
            Role::Leader => "leader",
            Role::Safeguarding => "safeguarding",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The role after this one, for a field chosen with ←/→.
    pub fn next(self, forward: bool) -> Role {
        let at = Role::ALL.iter().position(|r| *r == self).unwrap_or(0);
        let n = Role::ALL.len();
        Role::ALL[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }]
    }
}

/// What is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verb {
    View,
    Create,
    Correct,
    Void,
    Export,
    Reveal,
    Purge,
}

impl Verb {
    pub const ALL: [Verb; 7] = [
        Verb::View,
        Verb::Create,
        Verb::Correct,
        Verb::Void,
        Verb::Export,
        Verb::Reveal,
        Verb::Purge,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Verb::View => "view",
            Verb::Create => "create",
            Verb::Correct => "correct",
            Verb::Void => "void",
            Verb::Export => "export",
            Verb::Reveal => "reveal",
            Verb::Purge => "purge",
        }
    }
}

/// What it is done to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    /// Patrol rounds and checklists.
    Patrol,
    /// Incidents with the students involved and their measures.
    Incident,
    Followup,
    Hazard,
    /// Report-mailbox slips.
    Slip,
    /// Students' records (list, a student's incidents and follow-ups).
    Student,
    /// The gate log: visitors in and out.
    Gate,
    Watchlist,
    EarlyLeave,
    /// Opening and closing a shift, its roster and handover note.
    Shift,
    /// The leader's sign-off of a shift.
    SignOff,
    /// The shift summary and the period reports.
    Report,
    /// Staff names (who can be put on a roster or chosen as a host).
    Staff,
    /// Accounts: access roles and PINs.
    Account,
    /// The special-attention register (重点关注学生).
    Attention,
    /// The audit trail.
    Audit,
    /// The whole database: export of every record, purge of records past their retention.
    Data,
}

impl Subject {
    pub const ALL: [Subject; 17] = [
        Subject::Patrol,
        Subject::Incident,
        Subject::Followup,
        Subject::Hazard,
        Subject::Slip,
        Subject::Student,
        Subject::Gate,
        Subject::Watchlist,
        Subject::EarlyLeave,
        Subject::Shift,
        Subject::SignOff,
        Subject::Report,
        Subject::Staff,
        Subject::Account,
        Subject::Attention,
        Subject::Audit,
        Subject::Data,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Subject::Patrol => "patrol",
            Subject::Incident => "incident",
            Subject::Followup => "followup",
            Subject::Hazard => "hazard",
            Subject::Slip => "slip",
            Subject::Student => "student",
            Subject::Gate => "gate",
            Subject::Watchlist => "watchlist",
            Subject::EarlyLeave => "early_leave",
            Subject::Shift => "shift",
            Subject::SignOff => "sign_off",
            Subject::Report => "report",
            Subject::Staff => "staff",
            Subject::Account => "account",
            Subject::Attention => "attention",
            Subject::Audit => "audit",
            Subject::Data => "data",
        }
    }
}

/// One permission: a verb on a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Perm(pub Verb, pub Subject);

const G: u8 = 1;
const T: u8 = 2;
const L: u8 = 4;
const S: u8 = 8;
const A: u8 = 16;
const ALL: u8 = G | T | L | S | A;
/// Everyone who works with students' records.
const DESK: u8 = T | L | S | A;

/// The table: every action the app performs, and who may. A cell that is not here is done by
/// nobody (there is no such action). Guards work the gate and nothing about students'
/// incidents; the special-attention register is for the leader on duty and the safeguarding
/// lead only, not even the administrator; a whole ID number is shown only to those who answer
/// for the gate's decisions. Export and purge are the command line's: `dutydesk report`,
/// `export`, `purge` and `hold` ask who is running them once accounts exist.
const TABLE: &[(Subject, Verb, u8)] = &[
    (Subject::Patrol, Verb::View, DESK),
    (Subject::Patrol, Verb::Create, T | L | A),
    (Subject::Incident, Verb::View, DESK),
    (Subject::Incident, Verb::Create, DESK),
    (Subject::Incident, Verb::Correct, DESK),
    (Subject::Incident, Verb::Void, L | S | A),
    (Subject::Followup, Verb::View, DESK),
    (Subject::Followup, Verb::Create, DESK),
    (Subject::Followup, Verb::Correct, DESK),
    (Subject::Hazard, Verb::View, DESK),
    (Subject::Hazard, Verb::Create, DESK),
    (Subject::Hazard, Verb::Correct, DESK),
    (Subject::Slip, Verb::Create, DESK),
    (Subject::Slip, Verb::Correct, L | S | A),
    (Subject::Student, Verb::View, DESK),
    (Subject::Gate, Verb::View, ALL),
    (Subject::Gate, Verb::Create, ALL),
    (Subject::Gate, Verb::Correct, ALL),
    (Subject::Gate, Verb::Reveal, L | A),
    (Subject::Watchlist, Verb::View, DESK),
    (Subject::Watchlist, Verb::Create, L | S | A),
    (Subject::Watchlist, Verb::Correct, L | S | A),
    (Subject::EarlyLeave, Verb::Create, ALL),
    (Subject::EarlyLeave, Verb::Correct, ALL),
    (Subject::Shift, Verb::View, ALL),
    (Subject::Shift, Verb::Create, ALL),
    (Subject::Shift, Verb::Correct, ALL),
    (Subject::SignOff, Verb::Create, L | A),
    (Subject::Report, Verb::View, DESK),
    (Subject::Report, Verb::Export, L | S | A),
    (Subject::Staff, Verb::View, ALL),
    (Subject::Staff, Verb::Create, L | A),
    (Subject::Account, Verb::Correct, A),
    (Subject::Attention, Verb::View, L | S),
    (Subject::Attention, Verb::Create, L | S),
    (Subject::Attention, Verb::Correct, L | S),
    (Subject::Data, Verb::Export, A),
    (Subject::Data, Verb::Purge, A),
];

fn bit(role: Role) -> u8 {
    match role {
        Role::Guard => G,
        Role::Teacher => T,
        Role::Leader => L,
        Role::Safeguarding => S,
        Role::Admin => A,
    }
}

/// Whether `role` may do `perm`.
pub fn allows(role: Role, perm: Perm) -> bool {
    TABLE
        .iter()
        .any(|&(s, v, who)| s == perm.1 && v == perm.0 && who & bit(role) != 0)
}

/// Every permission that exists (some role has it), in table order.
pub fn perms() -> impl Iterator<Item = Perm> {
    TABLE.iter().map(|&(s, v, _)| Perm(v, s))
}

/// What was done, as the audit trail records it (its `code` is what is stored and hashed, so
/// codes never change): the verbs of the role table, looking at a record (the `View` verb is
/// recorded as `Open`), and signing in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Create,
    Correct,
    Void,
    Export,
    Reveal,
    Purge,
    Open,
    SignIn,
    SignInRefused,
}

impl Act {
    pub fn code(self) -> &'static str {
        match self {
            Act::Create => "create",
            Act::Correct => "correct",
            Act::Void => "void",
            Act::Export => "export",
            Act::Reveal => "reveal",
            Act::Purge => "purge",
            Act::Open => "open",
            Act::SignIn => "sign_in",
            Act::SignInRefused => "sign_in_refused",
        }
    }
}

impl From<Verb> for Act {
    fn from(v: Verb) -> Act {
        match v {
            Verb::View => Act::Open,
            Verb::Create => Act::Create,
            Verb::Correct => Act::Correct,
            Verb::Void => Act::Void,
            Verb::Export => Act::Export,
            Verb::Reveal => Act::Reveal,
            Verb::Purge => Act::Purge,
        }
    }
}

/// A staff member who can sign in, as screens and sign-in see it: who, with which role, and
/// the lockout state. The PIN hash is not part of it (the store gives it only to check a PIN).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub staff: crate::staff::StaffId,
    pub name: String,
    pub role: Role,
    pub failed: i64,
    pub locked_until: Option<chrono::DateTime<chrono::Utc>>,
}

impl Account {
    /// Whether wrong PINs have locked the account at `now`.
    pub fn locked_at(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        self.locked_until.is_some_and(|t| t > now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_see_nothing_about_students_incidents() {
        for s in [
            Subject::Incident,
            Subject::Followup,
            Subject::Slip,
            Subject::Student,
            Subject::Attention,
            Subject::Report,
        ] {
            for v in Verb::ALL {
                assert!(!allows(Role::Guard, Perm(v, s)), "{v:?} {s:?}");
            }
        }
        assert!(allows(Role::Guard, Perm(Verb::Create, Subject::Gate)));
    }

    #[test]
    fn the_register_is_for_the_leader_and_the_safeguarding_lead_only() {
        for role in Role::ALL {
            let may = allows(role, Perm(Verb::View, Subject::Attention));
            assert_eq!(may, matches!(role, Role::Leader | Role::Safeguarding));
        }
    }

    #[test]
    fn each_cell_is_in_the_table_once() {
        let mut seen = std::collections::BTreeSet::new();
        for p in perms() {
            assert!(seen.insert(p), "{p:?} twice");
        }
    }
}
