#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]
//! Retention through the real program: `dutydesk purge` shows what is past its time and changes
//! nothing; `--yes` removes it for good (the names are no longer anywhere in the file), keeps
//! incidents on legal hold, leaves the file whole and consistent, and is in the audit trail.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

const NOW: &str = "2026-11-27T10:00:00+08:00";

struct School {
    _dir: TempDir,
    db: PathBuf,
    config: PathBuf,
}

impl School {
    /// A demo school of 200 days, kept by a policy that lets finished incidents go after 60.
    fn new() -> School {
        let dir = TempDir::new().expect("temp dir");
        // Private, as DutyDesk makes its own directory, so `check` has only the records to judge.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700))
            .expect("chmod");
        let db = dir.path().join("duty.db");
        let config = dir.path().join("config.toml");
        std::fs::write(
            &config,
            "[retention]\ngate_days = 90\npatrol_days = 120\nhazard_days = 120\nincident_days = 60\n",
        )
        .expect("config");
        let school = School {
            _dir: dir,
            db,
            config,
        };
        let out = school.run(&["demo", "--days", "200"]);
        assert!(out.status.success(), "demo: {out:?}");
        school
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .arg("--db")
            .arg(&self.db)
            .args(["--lang", "en"])
            .args(args)
            .env("DUTYDESK_NOW", NOW)
            .env("DUTYDESK_CONFIG", &self.config)
            .env_remove("DUTYDESK_HOME")
            .output()
            .expect("run dutydesk")
    }

    fn peek(&self) -> Connection {
        Connection::open_with_flags(&self.db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open")
    }

    fn count(&self, sql: &str) -> i64 {
        self.peek().query_row(sql, [], |r| r.get(0)).expect(sql)
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Every byte of the database and its WAL, to look for a name that must be gone.
fn file_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).expect("read db");
    if let Ok(wal) = std::fs::read(db.with_extension("db-wal")) {
        bytes.extend(wal);
    }
    bytes
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one story: plan, hold, purge, check, release"
)]
fn purge_shows_first_removes_with_yes_and_keeps_what_is_held() {
    let school = School::new();
    let old_visits = "SELECT count(*) FROM visit WHERE time_in < '2026-08-29'";
    let before_visits = school.count(old_visits);
    assert!(before_visits > 0, "the demo has visits older than 90 days");
    // A visitor whose last visit is long past, and so must leave the file whole.
    let gone: String = school
        .peek()
        .query_row(
            "SELECT name FROM visitor WHERE last_seen_at < '2026-08-01' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an old visitor");
    let held: String = school
        .peek()
        .query_row(
            "SELECT number FROM incident WHERE status IN ('resolved', 'closed') \
             AND occurred_at < '2026-08-01' ORDER BY occurred_at LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an old finished incident");
    let put_on_hold = school.run(&[
        "hold",
        &held,
        "--reason",
        "parents' complaint to the bureau",
    ]);
    assert!(put_on_hold.status.success(), "{}", text(&put_on_hold));
    assert!(
        text(&put_on_hold).contains("legal hold"),
        "{}",
        text(&put_on_hold)
    );

    // Without --yes: said, not done.
    let bytes = std::fs::read(&school.db).expect("read");
    let plan = school.run(&["purge"]);
    assert!(plan.status.success(), "{}", text(&plan));
    let said = text(&plan);
    assert!(said.contains("would be removed"), "{said}");
    assert!(
        said.contains(&format!("gate visits: {before_visits}")),
        "{said}"
    );
    assert!(said.contains("finished incidents:"), "{said}");
    assert!(said.contains("on legal hold and kept"), "{said}");
    assert!(said.contains("dutydesk purge --yes"), "{said}");
    assert_eq!(school.count(old_visits), before_visits, "nothing removed");
    assert_eq!(
        std::fs::read(&school.db).expect("read"),
        bytes,
        "file untouched"
    );

    let incidents_before = school.count("SELECT count(*) FROM incident");
    let done = school.run(&["purge", "--yes"]);
    assert!(done.status.success(), "{}", text(&done));
    assert!(text(&done).contains("Removed for good"), "{}", text(&done));
    assert_eq!(school.count(old_visits), 0);
    assert_eq!(
        school.count(&format!(
            "SELECT count(*) FROM incident WHERE number = '{held}'"
        )),
        1,
        "the held incident stays"
    );
    let incidents_after = school.count("SELECT count(*) FROM incident");
    assert!(
        incidents_after < incidents_before,
        "finished incidents past 60 days go"
    );
    assert_eq!(
        school.count(
            "SELECT count(*) FROM incident WHERE legal_hold IS NULL AND status IN ('resolved', 'closed') \
             AND occurred_at < '2026-09-01' AND voided_at IS NULL"
        ),
        0
    );
    assert_eq!(
        school.count(
            "SELECT count(*) FROM incident_student WHERE incident_id NOT IN (SELECT id FROM incident)"
        ),
        0,
        "no student left pointing at a removed incident"
    );
    assert!(
        !contains(&file_bytes(&school.db), &gone),
        "{gone} is still somewhere in the file"
    );
    assert_eq!(
        school.count("SELECT count(*) FROM audit WHERE action = 'purge' AND kind = 'data'"),
        1
    );
    // Whole, consistent, chain intact.
    let check = school.run(&["check", "--full"]);
    assert!(
        text(&check).contains("chain intact") && !text(&check).contains("integrity"),
        "{}",
        text(&check)
    );

    // A second purge finds nothing more, and a released hold lets the incident go.
    let again = school.run(&["purge"]);
    assert!(text(&again).contains("on legal hold"), "{}", text(&again));
    let release = school.run(&["hold", &held, "--release"]);
    assert!(release.status.success(), "{}", text(&release));
    let last = school.run(&["purge", "--yes"]);
    assert!(last.status.success(), "{}", text(&last));
    assert_eq!(
        school.count(&format!(
            "SELECT count(*) FROM incident WHERE number = '{held}'"
        )),
        0
    );
}

#[test]
fn a_hold_needs_a_reason_and_an_incident_that_exists() {
    let school = School::new();
    let o = school.run(&["hold", "2026-0001", "--reason", "  "]);
    assert!(!o.status.success());
    assert!(text(&o).contains("needs a reason"), "{}", text(&o));
    let o = school.run(&["hold", "1999-0001", "--reason", "x"]);
    assert!(!o.status.success());
}
