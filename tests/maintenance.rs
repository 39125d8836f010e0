//! `dutydesk check`, `backup` and `restore` on real files: a verdict and an exit status that say
//! it, backups taken while another terminal writes (checked, private, pruned), restores that keep
//! the current records aside, and damaged files refused without being touched.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use dutydesk::domain::access::Role;
use dutydesk::domain::gate::VisitDraft;
use dutydesk::domain::shift::{DutyRole, MemberRef, ShiftDraft};
use dutydesk::domain::staff::StaffRole;
use dutydesk::store::{Actor, GateEntry, Store};

const NOW: &str = "2026-11-30T07:30:00+08:00";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("day")
}

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .expect("now")
        .with_timezone(&Utc)
}

struct Home {
    _tmp: TempDir,
    dir: PathBuf,
}

impl Home {
    fn new() -> Home {
        let tmp = TempDir::new().expect("temp");
        let dir = tmp.path().join("data");
        Home { _tmp: tmp, dir }
    }

    fn db(&self) -> PathBuf {
        self.dir.join("dutydesk.db")
    }

    fn run(&self, args: &[&str], now: &str) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .args(["--lang", "en"])
            .args(args)
            .env("DUTYDESK_HOME", &self.dir)
            .env("DUTYDESK_NOW", now)
            .env_remove("DUTYDESK_DB")
            .env_remove("DUTYDESK_CONFIG")
            .output()
            .expect("run dutydesk")
    }

    /// A database with a shift open, and the actor to write as.
    fn open(&self) -> (Store, Actor) {
        let mut store = Store::open(&self.db(), day()).expect("open");
        let shift = match store.open_shift().expect("shift") {
            Some(s) => s,
            None => store
                .start_shift(
                    &ShiftDraft {
                        day: day(),
                        members: vec![(
                            MemberRef::New {
                                name: "王强".into(),
                                role: StaffRole::Guard,
                            },
                            DutyRole::Guard,
                        )],
                    },
                    at(),
                )
                .expect("start shift"),
        };
        let actor = Actor {
            shift: shift.id,
            staff: shift.members[0].staff,
        };
        (store, actor)
    }
}

fn visit(store: &mut Store, by: Actor, name: &str) {
    let draft = VisitDraft {
        name: name.into(),
        purpose: "送货".into(),
        ..VisitDraft::default()
    };
    store
        .sign_in(&draft, &GateEntry::Admitted, by, at())
        .expect("sign in");
}

fn names(path: &Path) -> Vec<String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    let mut stmt = conn
        .prepare("SELECT name FROM visit ORDER BY id")
        .expect("query");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("names")
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn hash(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read")
}

#[test]
fn check_says_ok_and_exits_zero_on_a_sound_private_file() {
    let home = Home::new();
    drop(home.open());
    let o = home.run(&["check"], NOW);
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).starts_with("OK: "), "{}", out(&o));
    let o = home.run(&["check", "--full"], NOW);
    assert!(o.status.success(), "{}", out(&o));
}

#[test]
fn check_reports_a_file_others_can_read_with_the_command_that_fixes_it() {
    let home = Home::new();
    drop(home.open());
    std::fs::set_permissions(home.db(), std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let o = home.run(&["check"], NOW);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let text = out(&o);
    assert!(
        text.contains("can be read by other users (mode 644)"),
        "{text}"
    );
    assert!(text.contains("To fix: chmod 700"), "{text}");
    // The printed command does fix it.
    let fix = text
        .lines()
        .find_map(|l| l.strip_prefix("To fix: "))
        .expect("fix line");
    let status = Command::new("sh").args(["-c", fix]).status().expect("sh");
    assert!(status.success());
    assert!(home.run(&["check"], NOW).status.success());
    // The app says so at start-up too (on standard error, kept after the app closes).
    std::fs::set_permissions(home.db(), std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let o = home.run(&[], NOW);
    assert!(
        out(&o).contains("Other users on this computer can read the duty records"),
        "{}",
        out(&o)
    );
}

#[test]
fn a_damaged_file_is_reported_and_left_as_it_was() {
    let home = Home::new();
    {
        let (mut store, by) = home.open();
        for i in 0..200 {
            visit(&mut store, by, &format!("来访{i}"));
        }
    }
    // Close every connection so the WAL is in the file, then damage a page in the middle.
    let mut bytes = hash(&home.db());
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 4096] {
        *b = 0x5a;
    }
    std::fs::write(home.db(), &bytes).expect("damage");
    let o = home.run(&["check", "--full"], NOW);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(out(&o).contains("dutydesk restore"), "{}", out(&o));
    assert_eq!(hash(&home.db()), bytes, "check does not touch the file");
    // A truncated file: refused, not touched.
    std::fs::write(home.db(), &bytes[..50]).expect("truncate");
    let o = home.run(&["check"], NOW);
    assert!(!o.status.success());
    assert!(out(&o).contains("not a DutyDesk database"), "{}", out(&o));
    assert_eq!(hash(&home.db()), &bytes[..50]);
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn a_backup_taken_while_another_terminal_writes_is_whole_private_and_pruned() {
    let home = Home::new();
    let (mut store, by) = home.open();
    visit(&mut store, by, "开始前");
    drop(store);
    // Another terminal writes all along.
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (stop, written, db) = (stop.clone(), written.clone(), home.db());
        std::thread::spawn(move || {
            let mut store = Store::open(&db, day()).expect("open");
            let shift = store.open_shift().expect("shift").expect("open shift");
            let by = Actor {
                shift: shift.id,
                staff: shift.members[0].staff,
            };
            while !stop.load(Ordering::Relaxed) {
                let n = written.fetch_add(1, Ordering::Relaxed);
                visit(&mut store, by, &format!("写入{n}"));
            }
        })
    };
    let stamps = [
        "2026-11-30T20:00:00+08:00",
        "2026-11-30T21:00:00+08:00",
        "2026-11-30T22:00:00+08:00",
    ];
    for now in stamps {
        let o = home.run(&["backup", "--keep", "2"], now);
        assert!(o.status.success(), "{}", out(&o));
        assert!(
            out(&o).contains("Backup written and checked"),
            "{}",
            out(&o)
        );
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().expect("writer");
    assert!(
        written.load(Ordering::Relaxed) > 0,
        "the writer wrote meanwhile"
    );
    let dir = home.dir.join("backups");
    assert_eq!(mode(&dir), 0o700);
    let mut kept: Vec<String> = std::fs::read_dir(&dir)
        .expect("backups")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        ["dutydesk-20261130-210000.db", "dutydesk-20261130-220000.db"],
        "the newest two generations"
    );
    for name in &kept {
        let copy = dir.join(name);
        assert_eq!(mode(&copy), 0o600, "{name}");
        let conn = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open copy");
        let verdict: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(verdict, "ok");
        assert_eq!(names(&copy)[0], "开始前");
    }
    // A named path that exists is not overwritten.
    let o = home.run(
        &["backup", dir.join(&kept[0]).to_str().expect("utf-8")],
        NOW,
    );
    assert!(!o.status.success(), "{}", out(&o));
}

#[test]
fn restore_brings_back_the_backup_and_keeps_the_current_records_aside() {
    let home = Home::new();
    let (mut store, by) = home.open();
    visit(&mut store, by, "备份前");
    drop(store);
    let copy = home.dir.join("copy.db");
    let o = home.run(&["backup", copy.to_str().expect("utf-8")], NOW);
    assert!(o.status.success(), "{}", out(&o));
    let (mut store, by) = home.open();
    visit(&mut store, by, "备份后");
    drop(store);
    // Another terminal still has the file open while the restore runs.
    let other = Store::open(&home.db(), day()).expect("other terminal");
    let o = home.run(&["restore", copy.to_str().expect("utf-8")], NOW);
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("Restored from"), "{}", out(&o));
    drop(other);
    assert_eq!(names(&home.db()), ["备份前"]);
    let aside = home
        .dir
        .join("backups")
        .join("dutydesk-before-restore-20261130-073000.db");
    assert_eq!(names(&aside), ["备份前", "备份后"], "nothing is lost");
    assert_eq!(mode(&aside), 0o600);
    assert!(home.run(&["check", "--full"], NOW).status.success());

    // A damaged backup is refused and the database is left as it was.
    let before = names(&home.db());
    let mut bytes = hash(&copy);
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&copy, &bytes).expect("damage");
    let o = home.run(&["restore", copy.to_str().expect("utf-8")], NOW);
    assert!(!o.status.success(), "{}", out(&o));
    assert_eq!(names(&home.db()), before);
    // Not a database at all.
    std::fs::write(&copy, b"hello").expect("junk");
    let o = home.run(&["restore", copy.to_str().expect("utf-8")], NOW);
    assert!(!o.status.success());
    assert!(out(&o).contains("not a DutyDesk database"), "{}", out(&o));
}

// ---------------------------------------------------------------------------------------------
// A full disk and a read-only file, in the app
// ---------------------------------------------------------------------------------------------

#[path = "common/screen.rs"]
mod screen;

use dutydesk::app::App;
use dutydesk::domain::clock::Clock;
use dutydesk::i18n::Lang;
use dutydesk::theme::COLOR;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// The app at 100×30, as text.
fn screen(app: &App) -> String {
    screen::draw_text(app, 100, 30)
}

fn press(app: &mut App, code: KeyCode, times: usize) {
    for _ in 0..times {
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn save(app: &mut App) {
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn a_save_on_a_full_disk_or_a_read_only_file_says_so_and_keeps_what_was_typed() {
    let home = Home::new();
    let (mut store, by) = home.open();
    visit(&mut store, by, "早先登记");
    drop(store);
    let cfg = dutydesk::config::load(None).expect("defaults");
    let store = Store::open(&home.db(), day()).expect("open");
    let now = DateTime::parse_from_rfc3339(NOW).expect("now");
    let mut app = App::new(store, cfg, Lang::En, &COLOR, Clock::Fixed(now)).unlocked(Role::Admin);
    let mut acknowledged = vec!["早先登记".to_owned()];
    // The sign-in form, filled in.
    keys(&mut app, "gv");
    keys(&mut app, "欧阳明华");
    press(&mut app, KeyCode::Tab, 5);
    keys(&mut app, "校园安全检查");
    for (fail, message) in [
        (
            0,
            "The disk is full. Nothing was saved; your input is kept.",
        ),
        (
            1,
            "The database file is read-only. Nothing was saved; your input is kept.",
        ),
    ] {
        if fail == 0 {
            // The file may not grow, and another terminal fills what room is left.
            app.store_mut().simulate_full_disk(true).expect("limit");
            let (other, by) = home.open();
            other.simulate_full_disk(true).expect("limit");
            let mut other = other;
            // Big rows first, then the smallest, until not even those fit.
            for size in [150, 1] {
                loop {
                    let draft = VisitDraft {
                        name: format!("满{}", acknowledged.len()),
                        purpose: "x".repeat(size),
                        ..VisitDraft::default()
                    };
                    match other.sign_in(&draft, &GateEntry::Admitted, by, at()) {
                        Ok(_) => acknowledged.push(draft.name),
                        Err(dutydesk::store::StoreError::DiskFull) => break,
                        Err(e) => panic!("{e}"),
                    }
                }
            }
        } else {
            app.store_mut().simulate_read_only(true).expect("read-only");
        }
        save(&mut app);
        let text = screen(&app);
        assert!(text.contains(message), "{text}");
        assert!(
            text.contains("欧阳明华") && text.contains("校园安全检查"),
            "every typed character kept:\n{text}"
        );
        app.store_mut().simulate_full_disk(false).expect("lift");
        app.store_mut().simulate_read_only(false).expect("lift");
    }
    save(&mut app);
    assert!(
        screen(&app).contains("欧阳明华 signed in."),
        "{}",
        screen(&app)
    );
    acknowledged.push("欧阳明华".to_owned());
    assert_eq!(
        names(&home.db()),
        acknowledged,
        "nothing acknowledged is lost"
    );
}

#[test]
fn the_integrity_check_runs_in_the_background_once_a_day() {
    let home = Home::new();
    drop(home.open());
    let start = |now: &str| {
        let cfg = dutydesk::config::load(None).expect("defaults");
        let store = Store::open(&home.db(), day()).expect("open");
        let now = DateTime::parse_from_rfc3339(now).expect("now");
        let mut app =
            App::new(store, cfg, Lang::En, &COLOR, Clock::Fixed(now)).unlocked(Role::Admin);
        app.start_daily_check();
        app
    };
    let meta = || -> Option<String> {
        let conn =
            Connection::open_with_flags(home.db(), OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
        conn.query_row(
            "SELECT value FROM meta WHERE key = 'quick_check_on'",
            [],
            |r| r.get(0),
        )
        .ok()
    };
    let mut app = start(NOW);
    assert!(app.checking(), "the first start of the day checks");
    // The first frame is drawn while it runs; the result is taken on a later tick.
    assert!(screen(&app).contains("Now"));
    let waited = std::time::Instant::now();
    while app.checking() {
        assert!(waited.elapsed().as_secs() < 10, "the check finishes");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.tick(true);
    }
    assert_eq!(meta().as_deref(), Some("2026-11-30"));
    assert!(!screen(&app).contains("found a problem"));
    drop(app);
    assert!(!start(NOW).checking(), "not again the same day");
    assert!(
        start("2026-12-01T07:00:00+08:00").checking(),
        "again the next day"
    );
}
