#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]
//! `dutydesk report onsite`, the roll for an evacuation, run as the real binary on a temp data
//! directory (`DUTYDESK_HOME`, a decoy `HOME` that must stay empty, a fixed `DUTYDESK_NOW`), on a
//! database filled beforehand through the store API: who is on campus in every format, longest
//! inside first, numbers masked whatever the school keeps, formulas neutralised in CSV, and the
//! JSON carrying its version.

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use tempfile::TempDir;

use dutydesk::domain::gate::{Document, OutKind, VisitDraft, WatchDraft};
use dutydesk::domain::idcard::DocType;
use dutydesk::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use dutydesk::domain::staff::{StaffDraft, StaffRole};
use dutydesk::store::{Actor, GateEntry, Store};

const NOW: &str = "2026-11-30T10:30:00+08:00";

const OUYANG_ID: &str = "440106198202150034";
const PASSPORT: &str = "E12345678";
const LIU_ID: &str = "11010519491231002X";

/// Variables from the developer's shell that would change what a run does.
const SCRUBBED: [&str; 11] = [
    "DUTYDESK_DB",
    "DUTYDESK_CONFIG",
    "DUTYDESK_NOW",
    "DUTYDESK_LOG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_STATE_HOME",
    "XDG_CACHE_HOME",
];

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

/// Monday at `h:m` on the school's clock (UTC+8).
fn at(h: u32, m: u32) -> DateTime<Utc> {
    chrono::FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .from_local_datetime(&monday().and_hms_opt(h, m, 0).expect("time"))
        .single()
        .expect("unambiguous")
        .with_timezone(&Utc)
}

/// A temp dir with a data directory (`DUTYDESK_HOME`) and a decoy `HOME`.
struct Sandbox {
    tmp: TempDir,
    home: PathBuf,
    decoy: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let tmp = TempDir::new().expect("temp dir");
        let home = tmp.path().join("dutydesk-home");
        let decoy = tmp.path().join("decoy-home");
        std::fs::create_dir(&decoy).expect("decoy home");
        Sandbox { tmp, home, decoy }
    }

    fn db(&self) -> PathBuf {
        self.home.join("dutydesk.db")
    }

    /// `dutydesk` with a clean environment, the sandbox's home and a fixed clock.
    fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dutydesk"));
        for var in SCRUBBED {
            cmd.env_remove(var);
        }
        cmd.env("DUTYDESK_HOME", &self.home)
            .env("DUTYDESK_NOW", NOW)
            .env("HOME", &self.decoy)
            .current_dir(self.tmp.path());
        cmd
    }

    /// `dutydesk --lang LANG report onsite --format FORMAT`; it must succeed and leave HOME alone.
    fn onsite(&self, lang: &str, format: &str) -> String {
        let out = self.run(&["--lang", lang, "report", "onsite", "--format", format]);
        assert!(
            out.status.success(),
            "report onsite --format {format} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = self.cmd().args(args).output().expect("run dutydesk");
        let left: Vec<_> = std::fs::read_dir(&self.decoy)
            .expect("decoy")
            .map(|e| e.expect("entry").path())
            .collect();
        assert!(left.is_empty(), "dutydesk wrote into HOME: {left:?}");
        out
    }

    /// The morning through the store: 刘建国 came and left; 欧阳明华 (08:15), Mary Smith
    /// (09:20) and "=cmd" (10:00) are inside; 赵四 was refused. `whole`: documents kept whole.
    #[allow(
        clippy::too_many_lines,
        reason = "one journey, told in the order it happens"
    )]
    fn morning(&self, whole: bool) {
        let mut store = Store::open(&self.db(), monday()).expect("db");
        let host = store
            .add_staff(
                &StaffDraft {
                    name: "陈静".into(),
                    role: StaffRole::Teacher,
                },
                at(7, 0),
            )
            .expect("host");
        let actor = guard_on_duty(&mut store);
        let doc = |kind, number: &str| Document {
            doc_type: Some(kind),
            last4: number[number.len() - 4..].to_owned(),
            full: whole.then(|| number.to_owned()),
            verified: kind == DocType::ResidentId,
        };
        let visits = [
            VisitDraft {
                name: "刘建国".into(),
                document: doc(DocType::ResidentId, LIU_ID),
                purpose: "食堂卫生检查".into(),
                ..VisitDraft::default()
            },
            VisitDraft {
                name: "欧阳明华".into(),
                phone: "13800001111".into(),
                organisation: "区教育局".into(),
                document: doc(DocType::ResidentId, OUYANG_ID),
                purpose: "校园安全检查".into(),
                host: Some(host),
                plate: "粤A·D7788".into(),
                ..VisitDraft::default()
            },
            VisitDraft {
                name: "Mary Smith".into(),
                phone: "+44 20 7946 0000".into(),
                organisation: "Oxford University Press".into(),
                document: doc(DocType::Passport, PASSPORT),
                purpose: "textbook delivery, | and more".into(),
                ..VisitDraft::default()
            },
            VisitDraft {
                name: "=cmd".into(),
                organisation: "@SUM(A1:A9)".into(),
                purpose: "-2+3".into(),
                ..VisitDraft::default()
            },
        ];
        for (d, when) in visits
            .iter()
            .zip([at(7, 30), at(8, 15), at(9, 20), at(10, 0)])
        {
            store
                .sign_in(d, &GateEntry::Admitted, actor, when)
                .expect("signed in");
        }
        let liu = store.on_campus().expect("on campus")[0].clone();
        store
            .sign_out(liu.id, liu.version, at(8, 0), OutKind::SignedOut, "", actor)
            .expect("out");
        let watch = store
            .add_watch(
                &WatchDraft {
                    name: "赵四".into(),
                    reason: "法院禁止令".into(),
                    ..WatchDraft::default()
                },
                actor,
                at(7, 0),
            )
            .expect("watch");
        let refused = VisitDraft {
            name: "赵四".into(),
            purpose: "找人".into(),
            ..VisitDraft::default()
        };
        store
            .sign_in(&refused, &GateEntry::Refused { watch }, actor, at(9, 40))
            .expect("refused");
    }
}

/// Opens a shift with 王强 at the gate; returns him as the one recording.
fn guard_on_duty(store: &mut Store) -> Actor {
    let shift = store
        .start_shift(
            &ShiftDraft {
                day: monday(),
                members: vec![(
                    MemberRef::New {
                        name: "王强".into(),
                        role: StaffRole::Guard,
                    },
                    DutyRole::Guard,
                )],
            },
            at(7, 0),
        )
        .expect("shift");
    Actor {
        shift: shift.id,
        staff: shift.members[0].staff,
    }
}

/// No whole number anywhere in `out`.
fn assert_masked(out: &str) {
    for number in [OUYANG_ID, PASSPORT, LIU_ID] {
        assert!(!out.contains(number), "{number} shown whole:\n{out}");
    }
}

// ---------------------------------------------------------------------------------------------
// The four formats
// ---------------------------------------------------------------------------------------------

#[test]
fn the_text_roll_lists_who_is_inside_longest_first_with_numbers_masked() {
    let sb = Sandbox::new();
    sb.morning(false);
    let out = sb.onsite("en", "text");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "On campus now: 3 · 2026-11-30 10:30", "{out}");
    assert!(lines[1].starts_with("Name") && lines[1].contains("Minutes inside"));
    assert!(lines[2].chars().all(|c| c == '-'), "{out}");
    let rows = &lines[3..];
    assert_eq!(
        rows.len(),
        3,
        "signed-out and refused visitors are not on the roll:\n{out}"
    );
    assert!(
        rows[0].starts_with("欧阳明华") && rows[0].contains("135"),
        "{out}"
    );
    assert!(
        rows[1].starts_with("Mary Smith") && rows[1].contains("70"),
        "{out}"
    );
    assert!(
        rows[2].starts_with("=cmd") && rows[2].contains("30"),
        "{out}"
    );
    assert!(rows[0].contains("**************0034") && rows[0].contains("陈静"));
    assert!(rows[1].contains("****5678"));
    assert!(!out.contains("刘建国") && !out.contains("赵四"));
    assert_masked(&out);
}

#[test]
fn the_markdown_roll_is_a_table_with_pipes_escaped() {
    let sb = Sandbox::new();
    sb.morning(false);
    let out = sb.onsite("zh", "md");
    assert!(
        out.starts_with("## 在校来访人员 3 人 · 2026-11-30 10:30\n"),
        "{out}"
    );
    assert!(out.contains("| 姓名 | 单位 |"), "{out}");
    assert!(out.contains("| 在校分钟 |"), "{out}");
    let row = out
        .lines()
        .find(|l| l.contains("Mary Smith"))
        .expect("a row");
    assert!(row.contains("textbook delivery, \\| and more"), "{row}");
    assert!(row.contains("****5678"), "{row}");
    let ouyang = out.find("欧阳明华").expect("欧阳明华");
    assert!(
        ouyang < out.find("Mary Smith").expect("Mary"),
        "longest inside first"
    );
    assert_masked(&out);
}

#[test]
fn the_json_roll_has_its_version_and_masked_numbers() {
    let sb = Sandbox::new();
    sb.morning(false);
    let out = sb.onsite("en", "json");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["dutydesk_report"], "onsite");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["generated_at"], NOW);
    let rows = doc["rows"].as_array().expect("rows");
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["欧阳明华", "Mary Smith", "=cmd"]);
    assert_eq!(rows[0]["document"], "**************0034");
    assert_eq!(rows[0]["minutes_inside"], "135");
    assert_eq!(rows[0]["host"], "陈静");
    assert_eq!(rows[0]["time_in"], "2026-11-30 08:15");
    assert_eq!(rows[1]["document"], "****5678");
    assert_eq!(rows[2]["document"], "");
    assert_masked(&out);
}

#[test]
fn the_csv_roll_neutralises_formulas() {
    let sb = Sandbox::new();
    sb.morning(false);
    let out = sb.onsite("en", "csv");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("header row")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers,
        [
            "name",
            "organisation",
            "purpose",
            "host",
            "time_in",
            "minutes_inside",
            "phone",
            "plate",
            "document"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3);
    let cmd = &rows[2];
    assert_eq!(&cmd[0], "'=cmd", "{out}");
    assert_eq!(&cmd[1], "'@SUM(A1:A9)");
    assert_eq!(&cmd[2], "'-2+3");
    assert_eq!(
        &rows[1][6], "'+44 20 7946 0000",
        "a phone with + is a formula too"
    );
    assert_eq!(&rows[0][8], "**************0034");
    assert_masked(&out);
}

#[test]
fn numbers_are_masked_even_where_the_school_keeps_them_whole() {
    let sb = Sandbox::new();
    sb.morning(true);
    for format in ["text", "md", "json", "csv"] {
        for lang in ["en", "zh"] {
            let out = sb.onsite(lang, format);
            assert_masked(&out);
            assert!(out.contains("**************0034"), "{format}:\n{out}");
        }
    }
}

#[test]
fn an_empty_campus_gives_an_empty_roll() {
    let sb = Sandbox::new();
    Store::open(&sb.db(), monday()).expect("db");
    let out = sb.onsite("en", "text");
    assert!(
        out.starts_with("On campus now: 0 · 2026-11-30 10:30\n"),
        "{out}"
    );
    let json: serde_json::Value = serde_json::from_str(&sb.onsite("en", "json")).expect("JSON");
    assert_eq!(json["rows"].as_array().map(Vec::len), Some(0));
    let csv = sb.onsite("en", "csv");
    assert_eq!(csv.lines().count(), 1, "only the header row:\n{csv}");
}

#[test]
fn without_a_database_the_report_says_so_and_creates_nothing() {
    let sb = Sandbox::new();
    let out = sb.run(&["--lang", "en", "report", "onsite"]);
    assert!(!out.status.success());
    assert_ne!(out.status.code(), Some(101), "a message, not a panic");
    assert!(!String::from_utf8_lossy(&out.stderr).trim().is_empty());
    assert!(!sb.db().exists(), "a report does not create the database");
}

#[test]
fn escape_sequences_stored_in_a_name_do_not_reach_a_text_or_markdown_report() {
    let sb = Sandbox::new();
    let mut store = Store::open(&sb.db(), monday()).expect("db");
    let actor = guard_on_duty(&mut store);
    // Written by some other program straight into the store: the report must not pass it on.
    let d = VisitDraft {
        name: "刘\u{1b}]52;c;cm0gLXJmIH4=\u{7}建\u{202E}国".into(),
        purpose: "\u{1b}[2J送货".into(),
        ..VisitDraft::default()
    };
    store
        .sign_in(&d, &GateEntry::Admitted, actor, at(9, 0))
        .expect("in");
    for format in ["text", "md"] {
        let out = sb.onsite("en", format);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(!out.contains('\u{202E}'), "{out:?}");
    }
}
