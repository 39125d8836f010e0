//! A school may have as many slots as it likes: the period report's place × slot table names a
//! column for each (`slot_1` … `slot_20`), in text, JSON and CSV, and counts an incident in the
//! slot whose hours hold it — by the same window rule as the schedule (a slot past midnight wraps).

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use tempfile::TempDir;

use dutydesk::domain::incident::{Bullying, IncidentDraft, PlaceRef, Severity, Source, Status};
use dutydesk::domain::schedule;
use dutydesk::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use dutydesk::domain::staff::StaffRole;
use dutydesk::i18n::Lang;
use dutydesk::report::{Ctx, period};
use dutydesk::store::{Actor, Store};

/// Twenty one-hour slots from 00:00 to 20:00, the last one running 23:00–01:00 past midnight.
fn twenty_slots() -> String {
    let mut toml = String::new();
    for n in 0..20 {
        let (start, end) = if n == 19 {
            ("23:00".to_owned(), "01:00".to_owned())
        } else {
            (format!("{n:02}:00"), format!("{:02}:00", n + 1))
        };
        write!(
            toml,
            "[[slot]]\nid = \"s{n}\"\nname = {{ zh = \"时段{n}\", en = \"Slot {n}\" }}\n\
             short = {{ zh = \"时{n}\", en = \"S{n}\" }}\nstart = \"{start}\"\nend = \"{end}\"\n\
             places = [\"gate\"]\ndays = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\n\n"
        )
        .expect("write");
    }
    toml
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn incident(when: &str) -> IncidentDraft {
    IncidentDraft {
        occurred_at: at(when).with_timezone(&Utc),
        place: PlaceRef::Config("gate".into()),
        category: "fight".into(),
        severity: Severity::Moderate,
        source: Source::Patrol,
        narrative: "推搡".into(),
        child_words: String::new(),
        immediate_action: "分开双方".into(),
        bullying: Bullying::Pending,
        bullying_on: None,
        status: Status::Open,
        students: Vec::new(),
        from_check: None,
    }
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn twenty_slots_each_get_their_own_column_in_every_format() {
    let cfg = dutydesk::config::load(Some((Path::new("school.toml"), &twenty_slots())))
        .expect("a config with twenty slots loads");
    assert_eq!(cfg.slots.len(), 20);
    let dir = TempDir::new().expect("temp dir");
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).expect("day");
    let mut store = Store::open(&dir.path().join("duty.db"), day).expect("db");
    let shift = store
        .start_shift(
            &ShiftDraft {
                day,
                members: vec![(
                    MemberRef::New {
                        name: "张伟".into(),
                        role: StaffRole::Teacher,
                    },
                    DutyRole::DutyTeacher,
                )],
            },
            at("2026-11-30T00:05:00+08:00").with_timezone(&Utc),
        )
        .expect("shift");
    let actor = Actor {
        shift: shift.id,
        staff: shift.members[0].staff,
    };
    // 17:30 is in the 18th slot (17:00–18:00); 00:30 in the 1st and in the 20th's wrap (the
    // first slot holding it counts); 23:30 in the 20th.
    for when in [
        "2026-11-30T17:30:00+08:00",
        "2026-11-30T17:45:00+08:00",
        "2026-11-30T00:30:00+08:00",
        "2026-11-30T23:30:00+08:00",
    ] {
        let now = at("2026-11-30T23:50:00+08:00");
        store
            .create_incident(&incident(when), actor, now.with_timezone(&Utc), day)
            .expect("incident");
    }
    let now = at("2026-11-30T23:55:00+08:00");
    let ctx = Ctx::new(&cfg, Lang::En, *now.offset());
    let doc = period::build(&store, &ctx, day, day, now)
        .expect("report")
        .doc(&ctx);

    let json = doc.json(1, "now");
    let row = &json["sections"]["place_by_slot"]["rows"][0];
    assert_eq!(row["place"], "Gate", "{row}");
    assert_eq!(row["slot_18"], 2, "{row}");
    assert_eq!(row["slot_1"], 1, "{row}");
    assert_eq!(row["slot_20"], 1, "{row}");
    assert_eq!(row["slot_17"], 0, "{row}");
    assert_eq!(row["other_times"], 0, "{row}");
    assert_eq!(row["total"], 4, "{row}");

    let csv = doc.csv().expect("csv");
    for key in [
        "slot_1",
        "slot_16",
        "slot_17",
        "slot_20",
        "other_times",
        "total",
    ] {
        assert!(
            csv.lines()
                .any(|l| l.starts_with("place_by_slot,1,") && l.contains(&format!(",{key},"))),
            "no CSV line for {key}:\n{csv}"
        );
    }
    let text = doc.text();
    assert!(
        text.contains("S19"),
        "the 20th slot's column in text:\n{text}"
    );
}

#[test]
fn a_slot_past_midnight_covers_both_sides_of_it_and_nothing_else() {
    let cfg =
        dutydesk::config::load(Some((Path::new("school.toml"), &twenty_slots()))).expect("config");
    let late = &cfg.slots[19];
    let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("time");
    assert!(schedule::covers(late, hm(23, 0)));
    assert!(schedule::covers(late, hm(0, 59)));
    assert!(!schedule::covers(late, hm(1, 0)));
    assert!(!schedule::covers(late, hm(22, 59)));
    assert_eq!(schedule::slot_at(&cfg.slots, hm(17, 30)), Some(17));
    assert_eq!(schedule::slot_at(&cfg.slots[..3], hm(12, 0)), None);
}
