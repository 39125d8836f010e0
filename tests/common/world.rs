//! A school's morning with one payload in every free-text field of every kind of record, written
//! straight through the store (which takes what the screens would refuse, as old or imported data
//! may hold anything): staff, students, a shift and its handover note, a patrol check and a round
//! exception, incidents (corrected and voided), follow-ups (done and rescheduled), a hazard,
//! mailbox slips, visits, the watchlist and an early leave.

#![allow(dead_code, reason = "each test crate uses the part it needs")]

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};

use dutydesk::domain::clock::Clock;
use dutydesk::domain::followup::{FollowupDraft, Kind};
use dutydesk::domain::gate::{Document, EarlyLeaveDraft, OutKind, VisitDraft, VisitId, WatchDraft};
use dutydesk::domain::hazard::{HazardDraft, HazardId, HazardKind, HazardStatus};
use dutydesk::domain::idcard::DocType;
use dutydesk::domain::incident::{
    Bullying, IncidentDraft, InvolvedDraft, PlaceRef, Role, Severity, Source, Status,
};
use dutydesk::domain::patrol::{CheckDraft, ExceptionDraft, ItemAnswer, ItemResult};
use dutydesk::domain::people::StudentDraft;
use dutydesk::domain::schedule::RoundKey;
use dutydesk::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use dutydesk::domain::slip::SlipDraft;
use dutydesk::domain::staff::{StaffDraft, StaffRole};
use dutydesk::store::{Actor, GateEntry, MergeInto, StaffImport, Store};

/// Monday 2026-11-30, mid-morning at the school (UTC+8).
pub const NOW: &str = "2026-11-30T10:30:00+08:00";
pub const DAY: &str = "2026-11-30";

pub fn clock() -> Clock {
    Clock::Fixed(DateTime::parse_from_rfc3339(NOW).expect("rfc 3339"))
}

pub fn today() -> NaiveDate {
    NaiveDate::parse_from_str(DAY, "%Y-%m-%d").expect("day")
}

/// Monday at `h:m` on the school's clock, as the store keeps it.
pub fn at(h: u32, m: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .from_local_datetime(&today().and_hms_opt(h, m, 0).expect("time"))
        .single()
        .expect("unambiguous")
        .with_timezone(&Utc)
}

/// Where the tag of a field goes: first (to find the field on a screen whatever is cut off at
/// the end), or last (so that the payload starts the stored text, as a CSV cell would).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagAt {
    First,
    Last,
}

/// Makes the stored text of each field from the payload: `‹tag›payload` or `payload‹tag›`;
/// the fields named in `plain` get the word `plain` instead of the payload.
#[derive(Debug, Clone, Copy)]
pub struct Texts<'a> {
    pub payload: &'a str,
    pub tag_at: TagAt,
    pub plain: &'a [&'a str],
}

/// The tag that marks a field's text, e.g. `‹vname›`.
pub fn tag(field: &str) -> String {
    format!("‹{field}›")
}

impl Texts<'_> {
    fn payload_of(&self, field: &str) -> &str {
        if self.plain.contains(&field) {
            "plain"
        } else {
            self.payload
        }
    }

    /// A free-text value of any length.
    pub fn text(&self, field: &str) -> String {
        let payload = self.payload_of(field);
        match self.tag_at {
            TagAt::First => format!("{}{payload}", tag(field)),
            TagAt::Last => format!("{payload}{}", tag(field)),
        }
    }

    /// A value of at most `max` characters (what the schema allows for names and numbers), the
    /// tag kept whole.
    pub fn short(&self, field: &str, max: usize) -> String {
        let tag = tag(field);
        let room = max - tag.chars().count();
        let cut: String = self.payload_of(field).chars().take(room).collect();
        match self.tag_at {
            TagAt::First => format!("{tag}{cut}"),
            TagAt::Last => format!("{cut}{tag}"),
        }
    }

    /// A person's or a place's name: at most 40 characters.
    pub fn name(&self, field: &str) -> String {
        self.short(field, 40)
    }
}

/// Every field this world fills, by tag, with the kind of record it belongs to.
pub const FIELDS: &[(&str, &str)] = &[
    ("duty", "staff name (duty teacher, via a new shift)"),
    ("lead", "staff name (leader on duty, via a new shift)"),
    ("guard", "staff name (guard, via a new shift)"),
    ("couns", "staff name (add_staff)"),
    ("impst", "staff name (import_staff)"),
    ("impno", "staff number (import_staff)"),
    ("imptel", "staff phone (import_staff)"),
    ("stuA", "student name (import_students)"),
    ("stuB", "student name (import_students)"),
    ("noA", "student number"),
    ("clsA", "student class"),
    ("genA", "student gender"),
    ("hand", "shift handover note"),
    ("item", "patrol check item text"),
    ("inote", "patrol check item note"),
    ("cnote", "patrol check note"),
    ("exc", "round exception reason"),
    ("place", "incident place text"),
    ("narr", "incident narrative (as first written)"),
    ("narr2", "incident narrative (as corrected)"),
    ("words", "incident child's words"),
    ("act", "incident immediate action"),
    ("meas", "incident measure (student role data)"),
    ("cat", "incident category (unknown id)"),
    ("corr", "change-log reason: incident correction"),
    ("void", "change-log reason: incident void"),
    ("fnote", "follow-up note"),
    ("fout", "follow-up outcome"),
    ("fres", "change-log reason: follow-up reschedule"),
    ("hplace", "hazard place text"),
    ("hdesc", "hazard description"),
    ("hstep", "hazard steps (as first written)"),
    ("hstep2", "hazard steps (as advanced)"),
    ("hrisk", "hazard risk (unknown id)"),
    ("slip", "mailbox slip text"),
    ("slipm", "mailbox slip text (merged)"),
    ("slipu", "mailbox slip text (closed unfounded)"),
    ("unf", "change-log reason: slip closed unfounded"),
    ("vname", "visitor name"),
    ("vorg", "visitor organisation"),
    ("vpur", "visit purpose"),
    ("vplate", "visitor plate"),
    ("vpass", "visit pass number"),
    ("vtel", "visitor phone"),
    ("vlast4", "visitor document last four"),
    ("vdoc", "visitor document number (whole)"),
    ("admit", "visit admitted-despite reason"),
    ("vout", "visit sign-out note"),
    ("wname", "watchlist name"),
    ("wdoc", "watchlist document number"),
    ("wplate", "watchlist plate"),
    ("wwhy", "watchlist reason"),
    ("coll", "early leave collected by"),
    ("rel", "early leave relation"),
    ("eltel", "early leave phone"),
    ("elnote", "early leave note"),
];

/// Writes the morning into a new database at `path` with the payload in every field.
#[allow(
    clippy::too_many_lines,
    reason = "one morning, written record by record in the order it happened"
)]
pub fn build(path: &Path, t: Texts<'_>) {
    let cfg = dutydesk::config::load(None).expect("defaults");
    let mut store = Store::open(path, today()).expect("new database");
    let ok = |what: &str| {
        format!(
            "{what} (payload {:?})",
            t.payload.chars().take(40).collect::<String>()
        )
    };

    // People: a shift of three new staff, one added, one imported; two students imported.
    let counsellor = store
        .add_staff(
            &StaffDraft {
                name: t.name("couns"),
                role: StaffRole::Counsellor,
            },
            at(6, 50),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("add staff")));
    store
        .import_staff(
            &[StaffImport {
                staff_no: Some(t.short("impno", 20)),
                name: t.name("impst"),
                role: StaffRole::Guard,
                phone: t.short("imptel", 20),
            }],
            at(6, 51),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("import staff")));
    let member = |field: &str, role, duty| {
        (
            MemberRef::New {
                name: t.name(field),
                role,
            },
            duty,
        )
    };
    let shift = store
        .start_shift(
            &ShiftDraft {
                day: today(),
                members: vec![
                    member("duty", StaffRole::Teacher, DutyRole::DutyTeacher),
                    member("lead", StaffRole::Leader, DutyRole::Leader),
                    member("guard", StaffRole::Guard, DutyRole::Guard),
                ],
            },
            at(7, 0),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("start shift")));
    let by = Actor {
        shift: shift.id,
        staff: shift.members[0].staff,
    };
    store
        .set_handover_note(shift.id, shift.version, &t.text("hand"), at(10, 0))
        .unwrap_or_else(|e| panic!("{}: {e}", ok("handover")));
    let students = [("A", "stuA"), ("B", "stuB")].map(|(n, field)| StudentDraft {
        number: if n == "A" {
            t.short("noA", 20)
        } else {
            "20250102".into()
        },
        name: t.name(field),
        class_name: t.short("clsA", 40),
        gender: t.short("genA", 20),
    });
    store
        .import_students(&students, at(6, 55))
        .unwrap_or_else(|e| panic!("{}: {e}", ok("import students")));
    let all = store.students().expect("students");
    let id_of = |name: &str| all.iter().find(|s| s.name == name).expect("student").id;
    let (a, b) = (id_of(&students[0].name), id_of(&students[1].name));

    // Patrols: the gate checked with a problem at 07:40; the playground missed, with a reason.
    let round = |place: &str| RoundKey {
        day: today(),
        slot: "morning".into(),
        rep: 0,
        place: place.into(),
    };
    let gate = cfg.place("gate").expect("gate");
    let mut items: Vec<ItemAnswer> = gate
        .checklist
        .iter()
        .map(|l| ItemAnswer {
            text: l.zh.clone(),
            result: ItemResult::Ok,
            note: String::new(),
        })
        .collect();
    items[0] = ItemAnswer {
        text: t.text("item"),
        result: ItemResult::Problem,
        note: t.text("inote"),
    };
    let check = store
        .save_check(
            &CheckDraft {
                round: round("gate"),
                items,
                note: t.text("cnote"),
                replaces: None,
            },
            by,
            at(7, 40),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("check")));
    store
        .save_exception(
            &ExceptionDraft {
                round: round("playground"),
                reason: t.text("exc"),
            },
            by,
            at(8, 20),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("exception")));

    // Incidents: one corrected (the change log keeps both narratives), one voided.
    let involved = |student, role, measures: Vec<String>| InvolvedDraft {
        student,
        role,
        measures,
        parents_told_at: Some(at(9, 0)),
        parents_told_by: Some(counsellor),
    };
    let mut draft = IncidentDraft {
        occurred_at: at(7, 45),
        place: PlaceRef::Text(t.name("place")),
        category: "physical".into(),
        severity: Severity::Serious,
        source: Source::Patrol,
        narrative: t.text("narr"),
        child_words: t.text("words"),
        immediate_action: t.text("act"),
        bullying: Bullying::Pending,
        bullying_on: None,
        status: Status::Open,
        students: vec![
            involved(a, Role::Target, vec![t.text("meas"), "education".into()]),
            involved(b, Role::Initiator, vec!["warning_talk".into()]),
        ],
        from_check: Some(check),
    };
    let first = store
        .create_incident(&draft, by, at(8, 0), today())
        .unwrap_or_else(|e| panic!("{}: {e}", ok("incident")));
    draft.narrative = t.text("narr2");
    store
        .correct_incident(first, 1, &draft, &t.text("corr"), by, at(9, 10))
        .unwrap_or_else(|e| panic!("{}: {e}", ok("correct")));
    let second = IncidentDraft {
        category: t.short("cat", 40),
        place: PlaceRef::Config("canteen".into()),
        from_check: None,
        students: vec![involved(b, Role::Witness, Vec::new())],
        ..draft.clone()
    };
    let voided = store
        .create_incident(&second, by, at(8, 30), today())
        .unwrap_or_else(|e| panic!("{}: {e}", ok("second incident")));
    store
        .void_incident(voided, 1, &t.text("void"), by, at(9, 20))
        .unwrap_or_else(|e| panic!("{}: {e}", ok("void")));

    // The hazard register.
    let hazard = store
        .create_hazard(
            &HazardDraft {
                kind: HazardKind::Facility,
                place: PlaceRef::Text(t.name("hplace")),
                description: t.text("hdesc"),
                risk: t.short("hrisk", 40),
                owner: Some(counsellor),
                steps: t.text("hstep"),
                from_check: Some(check),
            },
            today() + Duration::days(7),
            by,
            at(8, 5),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("hazard")));
    store
        .advance_hazard(
            hazard,
            1,
            HazardStatus::Rectifying,
            &t.text("hstep2"),
            by,
            at(9, 30),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("advance hazard")));

    // Follow-ups: one open (due tomorrow), one done, one about the hazard rescheduled, one
    // overdue since yesterday.
    let fu = |kind, student, hazard: Option<HazardId>, due| FollowupDraft {
        kind,
        incident: hazard.is_none().then_some(first),
        hazard,
        student,
        note: t.text("fnote"),
        owner: counsellor,
        due_at: due,
    };
    let ids = store
        .create_followups(
            &[
                fu(
                    Kind::ParentContact,
                    Some(a),
                    None,
                    at(9, 0) + Duration::days(1),
                ),
                fu(
                    Kind::Counselling,
                    Some(b),
                    None,
                    at(9, 0) + Duration::days(2),
                ),
                fu(
                    Kind::Recheck,
                    None,
                    Some(hazard),
                    at(9, 0) + Duration::days(3),
                ),
                fu(Kind::HomeVisit, Some(a), None, at(9, 0) - Duration::days(1)),
            ],
            by,
            at(8, 10),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("follow-ups")));
    store
        .complete_followup(ids[1], 1, &t.text("fout"), by, at(9, 40))
        .unwrap_or_else(|e| panic!("{}: {e}", ok("complete")));
    store
        .reschedule_followup(
            ids[2],
            1,
            at(9, 0) + Duration::days(5),
            &t.text("fres"),
            by,
            at(9, 45),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("reschedule")));

    // The report mailbox: one waiting, one merged into the incident, one unfounded.
    let slip = |field: &str| SlipDraft {
        received_on: today(),
        text: t.text(field),
    };
    let mut slip_id = |field: &str| {
        store
            .create_slip(&slip(field), by, at(8, 15))
            .unwrap_or_else(|e| panic!("{}: {e}", ok("slip")))
    };
    let (_, merged, unfounded) = (slip_id("slip"), slip_id("slipm"), slip_id("slipu"));
    store
        .merge_slip(
            merged,
            1,
            &MergeInto::Existing(first),
            by,
            at(9, 50),
            today(),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("merge slip")));
    store
        .close_slip_unfounded(unfounded, 1, &t.text("unf"), by, at(9, 55))
        .unwrap_or_else(|e| panic!("{}: {e}", ok("unfounded")));

    // The gate: the watchlist, a visitor inside, one admitted despite a match and gone without
    // signing out, one refused; a student collected early.
    let watch = store
        .add_watch(
            &WatchDraft {
                name: t.name("wname"),
                doc_number: t.short("wdoc", 40),
                plate: t.short("wplate", 40),
                reason: t.text("wwhy"),
                until: None,
            },
            by,
            at(7, 5),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("watch")));
    // The same reason on an entry that a sign-in can match by a plate one can type.
    store
        .add_watch(
            &WatchDraft {
                plate: "粤B12345".into(),
                reason: t.text("wwhy"),
                ..WatchDraft::default()
            },
            by,
            at(7, 6),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("watch by plate")));
    let visit = VisitDraft {
        visitor: None,
        name: t.name("vname"),
        phone: t.short("vtel", 40),
        organisation: t.text("vorg"),
        document: Document {
            doc_type: Some(DocType::ResidentId),
            last4: t.short("vlast4", 20),
            full: Some(t.short("vdoc", 40)),
            verified: true,
        },
        typed_number: t.short("vdoc", 40),
        purpose: t.text("vpur"),
        host: Some(counsellor),
        host_confirmed: true,
        plate: t.short("vplate", 40),
        pass_no: t.short("vpass", 40),
    };
    store
        .sign_in(&visit, &GateEntry::Admitted, by, at(8, 40))
        .unwrap_or_else(|e| panic!("{}: {e}", ok("sign in")));
    let despite = store
        .sign_in(
            &visit,
            &GateEntry::AdmittedDespite {
                watch,
                reason: t.text("admit"),
            },
            by,
            at(9, 5),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("admit despite")));
    store
        .sign_out(
            VisitId(despite.0),
            1,
            at(9, 35),
            OutKind::LeftUnsigned,
            &t.text("vout"),
            by,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("sign out")));
    store
        .sign_in(&visit, &GateEntry::Refused { watch }, by, at(9, 15))
        .unwrap_or_else(|e| panic!("{}: {e}", ok("refused")));
    store
        .add_early_leave(
            &EarlyLeaveDraft {
                student: a,
                approved_by: counsellor,
                slip_seen: true,
                teacher_confirmed: true,
                collected_by: t.name("coll"),
                relation: t.short("rel", 40),
                phone: t.short("eltel", 40),
                time_out: at(9, 25),
                note: t.text("elnote"),
            },
            by,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ok("early leave")));
}

/// A new database with nothing hostile in it: a host to visit and, if `on_duty`, an open shift
/// (张伟 duty teacher, 李丽 leader) and two students.
pub fn quiet(path: &Path, on_duty: bool) {
    let mut store = Store::open(path, today()).expect("new database");
    store
        .add_staff(
            &StaffDraft {
                name: "陈静".into(),
                role: StaffRole::Teacher,
            },
            at(6, 50),
        )
        .expect("host");
    store
        .import_students(
            &[StudentDraft {
                number: "20250101".into(),
                name: "王小明".into(),
                class_name: "七年级2班".into(),
                gender: String::new(),
            }],
            at(6, 55),
        )
        .expect("students");
    if on_duty {
        let member = |name: &str, role, duty| {
            (
                MemberRef::New {
                    name: name.into(),
                    role,
                },
                duty,
            )
        };
        store
            .start_shift(
                &ShiftDraft {
                    day: today(),
                    members: vec![
                        member("张伟", StaffRole::Teacher, DutyRole::DutyTeacher),
                        member("李丽", StaffRole::Leader, DutyRole::Leader),
                    ],
                },
                at(7, 0),
            )
            .expect("shift");
    }
}
