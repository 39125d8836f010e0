//! Durability and several-terminal safety, proved on child processes (examples/stress_writer.rs)
//! writing through the real store: SIGKILL at random moments loses no acknowledged record and
//! leaves no half record; three terminals saving together lose nothing and show no error; four
//! terminals starting together, on a new file or an older one, all start and apply each
//! migration exactly once.
//!
//! The default run is sized for CI (2 cores). Heavier runs of the same tests:
//! ```text
//! DUTYDESK_KILLS=5000 cargo test -j2 --test durability kills            # more kills
//! DUTYDESK_SEED=<seed> cargo test -j2 --test durability kills           # replay kill times
//! DUTYDESK_SAVES=10000 cargo test -j2 --test durability three_terminals # saves per process
//! DUTYDESK_STARTS=200 cargo test -j2 --test durability four_            # start-up rounds
//! cargo test -j2 --features test-migration --test durability four_      # with a data-changing migration (in .ci/run)
//! ```
//! Add `-- --nocapture` to see the figures (kills, acknowledgements checked, saves per second).

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread::{JoinHandle, sleep};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use dutydesk::store::testing::{HAS_PROBE_MIGRATION, create_at_version};
use dutydesk::store::{SCHEMA_VERSION, Store};

/// Items on every patrol check the writer saves (its `CHECKLIST`).
const CHECKLIST_LEN: i64 = 5;
/// SIGKILL, what `Child::kill` sends on Unix.
const SIGKILL: i32 = 9;
/// Nearly the store's busy timeout (10 s, DATA-SAFETY.md), with room for clock granularity.
const BUSY_TIMEOUT_MS: u64 = 9_500;
/// A writer that has not finished by then is stuck: the test fails rather than hang CI.
const WATCHDOG: Duration = Duration::from_secs(600);
/// How long children may take to be loaded and say they are waiting at the start line.
const READY_WITHIN: Duration = Duration::from_secs(60);

/// The tests here measure time and load both cores: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

/// The writer example, built once for this test run with the same profile and features (cargo
/// builds examples for a plain `cargo test`, but not for `cargo test --test durability`).
fn writer_exe() -> &'static Path {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        cargo
            .args(["build", "-j2", "--example", "stress_writer"])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if !cfg!(debug_assertions) {
            cargo.arg("--release");
        }
        if HAS_PROBE_MIGRATION {
            cargo.args(["--features", "test-migration"]);
        }
        let out = cargo.output().expect("run cargo");
        assert!(
            out.status.success(),
            "building the stress writer failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Path::new(env!("CARGO_BIN_EXE_dutydesk"))
            .parent()
            .expect("target dir")
            .join("examples")
            .join("stress_writer")
    })
}

/// A number from the environment, for heavier runs on demand.
fn env_count(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().map_or(default, |v| {
        v.parse()
            .unwrap_or_else(|_| panic!("{name}={v}: not a number"))
    })
}

/// One running child, its output read as it comes (a full pipe would stall the writer).
struct Running {
    child: Child,
    tag: String,
    /// Gets a message when the child has printed `READY`: it is waiting for its stdin to close.
    ready: Receiver<()>,
    stdout: JoinHandle<Vec<String>>,
    stderr: JoinHandle<String>,
}

/// What a child printed, and how it ended.
struct Finished {
    tag: String,
    status: ExitStatus,
    acks: Vec<Ack>,
    errors: Vec<String>,
    done: Option<(u64, u64)>,
    other: Vec<String>,
    stderr: String,
}

/// One `ACK <kind> <id> <token>` line: a record the writer was told is saved.
#[derive(Debug, Clone)]
struct Ack {
    kind: String,
    id: i64,
    token: String,
}

fn spawn(args: &[&str], tag: &str) -> Running {
    let mut child = Command::new(writer_exe())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the stress writer");
    let out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let (said_ready, ready) = channel();
    let stdout = std::thread::spawn(move || complete_lines(out, &said_ready));
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = err.read_to_string(&mut text);
        text
    });
    Running {
        child,
        tag: tag.to_owned(),
        ready,
        stdout,
        stderr,
    }
}

/// The lines read until end of file; a last line without its newline (cut by a kill) is not
/// an acknowledgement and is dropped. A `READY` line is passed on to `ready` as it comes.
fn complete_lines(out: impl Read, ready: &Sender<()>) -> Vec<String> {
    let mut reader = BufReader::new(out);
    let mut lines = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => return lines,
            Ok(_) if buf.ends_with(b"\n") => {
                let line = String::from_utf8_lossy(&buf[..buf.len() - 1]).into_owned();
                if line == "READY" {
                    // The parent may have stopped listening (a test already failing).
                    let _ = ready.send(());
                }
                lines.push(line);
            }
            Ok(_) => return lines,
        }
    }
}

/// A writer waiting at the start line: it begins once released (`release_together`, or its
/// stdin closed by `spawn_writer_now`).
fn spawn_writer(db: &Path, tag: &str, saves: u64) -> Running {
    let db = db.to_str().expect("utf-8 path");
    let saves = saves.to_string();
    spawn(&["write", db, tag, &saves], tag)
}

/// A writer that begins at once (nothing to race at its start).
fn spawn_writer_now(db: &Path, tag: &str, saves: u64) -> Running {
    let mut running = spawn_writer(db, tag, saves);
    drop(running.child.stdin.take());
    running
}

/// The start line: waits until every child has said `READY` (loaded, and blocked reading its
/// stdin), and only then closes all their stdins, one right after the other, so that they
/// begin together. A child that dies or hangs before it is ready fails the test.
fn release_together(children: &mut [Running]) {
    let deadline = Instant::now() + READY_WITHIN;
    for child in children.iter() {
        let left = deadline.saturating_duration_since(Instant::now());
        if let Err(e) = child.ready.recv_timeout(left) {
            panic!(
                "{} did not say READY within {READY_WITHIN:?} ({e})",
                child.tag
            );
        }
    }
    for child in children.iter_mut() {
        drop(child.child.stdin.take());
    }
}

impl Running {
    fn kill(mut self) -> Finished {
        self.child.kill().expect("kill");
        self.finish()
    }

    /// Waits for the child to end on its own (killing it past the watchdog).
    fn wait(mut self) -> Finished {
        let deadline = Instant::now() + WATCHDOG;
        while self.child.try_wait().expect("try_wait").is_none() {
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let f = self.finish();
                panic!(
                    "{} did not finish in {WATCHDOG:?}; stderr:\n{}",
                    f.tag, f.stderr
                );
            }
            sleep(Duration::from_millis(5));
        }
        self.finish()
    }

    fn finish(mut self) -> Finished {
        let status = self.child.wait().expect("wait");
        let lines = self.stdout.join().expect("stdout reader");
        let stderr = self.stderr.join().expect("stderr reader");
        let mut f = Finished {
            tag: self.tag,
            status,
            acks: Vec::new(),
            errors: Vec::new(),
            done: None,
            other: Vec::new(),
            stderr,
        };
        for line in lines {
            let words: Vec<&str> = line.splitn(4, ' ').collect();
            match words.as_slice() {
                ["ACK", kind, id, token] => f.acks.push(Ack {
                    kind: (*kind).to_owned(),
                    id: id.parse().expect("ACK id"),
                    token: (*token).to_owned(),
                }),
                ["ERR", ..] => f.errors.push(line.clone()),
                ["READY"] => {}
                ["DONE", saves, ms] => {
                    f.done = Some((saves.parse().expect("DONE"), ms.parse().expect("DONE")));
                }
                _ => f.other.push(line.clone()),
            }
        }
        f
    }
}

impl Finished {
    /// Ended by our SIGKILL, having printed no error.
    fn assert_killed(&self) {
        assert_eq!(
            self.status.signal(),
            Some(SIGKILL),
            "{} was to be killed but ended with {}; stdout errors {:?}\nstderr:\n{}",
            self.tag,
            self.status,
            self.errors,
            self.stderr
        );
        assert!(self.errors.is_empty(), "{}: {:?}", self.tag, self.errors);
    }

    /// Ended on its own, successfully, having printed no error.
    fn assert_ok(&self) {
        assert!(
            self.status.success() && self.errors.is_empty(),
            "{} ended with {}; errors {:?}; other output {:?}\nstderr:\n{}",
            self.tag,
            self.status,
            self.errors,
            self.other,
            self.stderr
        );
    }

    /// How often the store retried a whole transaction because the file stayed busy.
    fn busy_retries(&self) -> usize {
        self.stderr.matches("retrying the transaction").count()
    }
}

// ---------------------------------------------------------------------------------------------
// Checking a file after a kill
// ---------------------------------------------------------------------------------------------

/// A read-only look at the file, as another program (or a terminal just starting) would take.
fn peek(db: &Path) -> Connection {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open read-only")
}

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    stmt.query_map([], |r| r.get::<_, String>(0))
        .and_then(Iterator::collect)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// What one check of the file found besides the assertions it makes.
#[derive(Debug, Default)]
struct Audit {
    acks_checked: usize,
    /// Saves committed whose acknowledgement the kill cut off (at most one per killed writer).
    unacked: usize,
}

/// Every acknowledged record of `acks` is there whole; the file is sound; no record is half
/// saved; a finished writer (tags in `finished`) has at most `slack` saves committed without
/// an acknowledgement.
fn audit(db: &Path, acks: &[Ack], finished: &HashSet<String>, slack: usize) -> Audit {
    let conn = peek(db);
    // One read transaction: every check sees the same moment while other writers go on.
    conn.execute_batch("BEGIN").expect("begin");
    assert_sound(&conn);
    assert_no_half_records(&conn);
    let present = Present::read(&conn);
    for ack in acks {
        present.assert_has(ack);
    }
    let acked: HashSet<&str> = acks.iter().map(|a| a.token.as_str()).collect();
    let mut unacked: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for token in &present.tokens {
        let tag = token.rsplit_once('-').map_or(token.as_str(), |(t, _)| t);
        if finished.contains(tag) && !acked.contains(token.as_str()) {
            unacked.entry(tag).or_default().push(token);
        }
    }
    for (tag, tokens) in &unacked {
        assert!(
            tokens.len() <= slack,
            "{tag}: {} saves committed but never acknowledged: {tokens:?}",
            tokens.len()
        );
    }
    conn.execute_batch("COMMIT").expect("end read");
    Audit {
        acks_checked: acks.len(),
        unacked: unacked.values().map(Vec::len).sum(),
    }
}

/// `integrity_check` says ok and `foreign_key_check` finds nothing.
fn assert_sound(conn: &Connection) {
    let integrity = strings(conn, "PRAGMA integrity_check");
    assert_eq!(integrity, ["ok"], "integrity_check");
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").expect("fk check");
    let broken: Vec<(String, i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .and_then(Iterator::collect)
        .expect("fk rows");
    assert!(broken.is_empty(), "foreign_key_check: {broken:?}");
}

/// Records one save writes together, found apart: each query lists offenders.
const HALF_RECORDS: [(&str, &str); 5] = [
    (
        "an incident without its two students",
        "SELECT i.narrative FROM incident i \
         WHERE (SELECT count(*) FROM incident_student x WHERE x.incident_id = i.id) != 2",
    ),
    (
        "a follow-up without its incident",
        "SELECT f.note FROM followup f WHERE f.incident_id IS NULL \
         OR NOT EXISTS (SELECT 1 FROM incident i WHERE i.id = f.incident_id)",
    ),
    (
        "one follow-up of a pair saved without the other",
        "SELECT note FROM followup GROUP BY note HAVING count(*) != 2",
    ),
    (
        "a record without its audit row",
        "SELECT 'incident ' || id FROM incident r WHERE NOT EXISTS (SELECT 1 FROM change_log c \
           WHERE c.kind = 'incident' AND c.record_id = r.id AND c.action = 'created') \
         UNION ALL SELECT 'hazard ' || id FROM hazard r WHERE NOT EXISTS (SELECT 1 FROM change_log c \
           WHERE c.kind = 'hazard' AND c.record_id = r.id AND c.action = 'created') \
         UNION ALL SELECT 'followup ' || id FROM followup r WHERE NOT EXISTS (SELECT 1 FROM change_log c \
           WHERE c.kind = 'followup' AND c.record_id = r.id AND c.action = 'created')",
    ),
    (
        "a signed-out visit without its time or note",
        "SELECT purpose FROM visit WHERE status = 'out' AND (time_out IS NULL OR out_note = '')",
    ),
];

fn assert_no_half_records(conn: &Connection) {
    for (what, sql) in HALF_RECORDS {
        let found = strings(conn, sql);
        assert!(found.is_empty(), "{what}: {found:?}");
    }
    let mut stmt = conn
        .prepare(
            "SELECT c.note FROM patrol_check c \
             WHERE (SELECT count(*) FROM patrol_item p WHERE p.check_id = c.id) != ?1",
        )
        .expect("checks");
    let partial: Vec<String> = stmt
        .query_map([CHECKLIST_LEN], |r| r.get(0))
        .and_then(Iterator::collect)
        .expect("check rows");
    assert!(
        partial.is_empty(),
        "a patrol check without all its items: {partial:?}"
    );
}

/// The stress records in the file, by id, with the token each carries.
#[derive(Default)]
struct Present {
    by_kind: HashMap<&'static str, HashMap<i64, String>>,
    /// Visits signed out: id → the sign-out's token.
    signed_out: HashMap<i64, String>,
    followup_incident: HashMap<i64, i64>,
    /// Every token of a save found, of every kind.
    tokens: HashSet<String>,
}

impl Present {
    fn read(conn: &Connection) -> Present {
        let mut p = Present::default();
        for (kind, sql) in [
            ("incident", "SELECT id, narrative FROM incident"),
            ("followup", "SELECT id, note FROM followup"),
            ("check", "SELECT id, note FROM patrol_check"),
            ("hazard", "SELECT id, description FROM hazard"),
            ("visit", "SELECT id, purpose FROM visit"),
            ("early_leave", "SELECT id, note FROM early_leave"),
        ] {
            let rows = pairs(conn, sql);
            p.tokens.extend(rows.values().cloned());
            p.by_kind.insert(kind, rows);
        }
        p.signed_out = pairs(conn, "SELECT id, out_note FROM visit WHERE status = 'out'");
        p.tokens.extend(p.signed_out.values().cloned());
        let mut stmt = conn
            .prepare("SELECT id, incident_id FROM followup")
            .expect("followups");
        p.followup_incident = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(Iterator::collect)
            .expect("followup rows");
        p
    }

    /// The acknowledged record is there with its token (and, for a follow-up, its incident).
    fn assert_has(&self, ack: &Ack) {
        let found = if ack.kind == "visit_out" {
            self.signed_out.get(&ack.id)
        } else {
            self.by_kind
                .get(ack.kind.as_str())
                .unwrap_or_else(|| panic!("unknown kind in {ack:?}"))
                .get(&ack.id)
        };
        assert_eq!(
            found,
            Some(&ack.token),
            "acknowledged {} {} ({}) is lost",
            ack.kind,
            ack.id,
            ack.token
        );
        if ack.kind == "followup" {
            let incident = self.followup_incident.get(&ack.id).expect("its incident");
            assert!(
                self.by_kind["incident"].contains_key(incident),
                "follow-up {ack:?} points at no incident"
            );
        }
    }
}

fn pairs(conn: &Connection, sql: &str) -> HashMap<i64, String> {
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(Iterator::collect)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The app's own full check (`dutydesk check --full`) on the file.
fn assert_store_health(db: &Path) {
    let store = Store::open_existing(db).expect("the store opens the file");
    let health = store.health(true).expect("health");
    assert!(health.is_ok(), "{health:?}");
}

#[allow(clippy::cast_precision_loss, reason = "figures for a report")]
fn per_second(n: u64, took: Duration) -> f64 {
    n as f64 / took.as_secs_f64()
}

// ---------------------------------------------------------------------------------------------
// SIGKILL during saves
// ---------------------------------------------------------------------------------------------

/// splitmix64: a tiny generator, so that a run's kill times can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// When to kill a writer after starting it: `early`, or a quarter of the time, in the first
/// 30 ms (while it starts, creates, opens or migrates the file, joins the shift); else while it
/// saves.
fn kill_delay(rng: &mut Rng, early: bool) -> Duration {
    let ms = if early || rng.below(4) == 0 {
        rng.below(30)
    } else {
        30 + rng.below(120)
    };
    Duration::from_millis(ms)
}

/// Kills per file: a new file every so often, so that some kills land while terminals race to
/// create it or to migrate it; the rest hit a file that is reused, as a school's is.
const KILLS_PER_FILE: u64 = 100;

/// Figures of the kill run.
#[derive(Debug, Default)]
struct KillTotals {
    kills: u64,
    files: u64,
    acks: usize,
    acks_checked: usize,
    unacked: usize,
    leftovers: usize,
    leftover_links: usize,
    /// Checks that found an older file still unmigrated (all kills so far before or during it).
    unmigrated: usize,
    /// Writers killed between applying one migration and the last (new or older file).
    mid_migration: usize,
    slowest_check: Duration,
}

/// One file and everything acknowledged on it so far.
struct KillFile {
    name: String,
    dir: PathBuf,
    db: PathBuf,
    /// The schema the file started at, if it was made as an older DutyDesk left it.
    older: Option<i32>,
    rounds: u64,
    acks: Vec<Ack>,
    finished: HashSet<String>,
}

impl KillFile {
    /// Every other file starts as an older DutyDesk left it (schema 1), so that early kills
    /// also land while the first terminals migrate it; the others do not exist yet.
    fn new(root: &Path, n: u64) -> KillFile {
        let name = format!("f{n}");
        let dir = root.join(&name);
        let db = dir.join("dutydesk.db");
        let older = (n % 2 == 1).then(|| {
            std::fs::create_dir(&dir).expect("dir");
            std::fs::set_permissions(&dir, PermissionsExt::from_mode(0o700)).expect("chmod");
            create_at_version(&db, 1).expect("an older file");
            1
        });
        KillFile {
            db,
            dir,
            name,
            older,
            rounds: 0,
            acks: Vec::new(),
            finished: HashSet::new(),
        }
    }

    /// Two writers on the file, each killed at its own moment; after each kill the file is
    /// checked against every acknowledgement so far, while the other writer may still be saving.
    fn round(&mut self, rng: &mut Rng, round: u64, totals: &mut KillTotals) {
        // The first rounds on a file kill early, while terminals create or migrate it.
        let early = self.rounds < 3;
        self.rounds += 1;
        let mut delays = [kill_delay(rng, early), kill_delay(rng, early)];
        delays.sort();
        let started = Instant::now();
        let writers =
            ["a", "b"].map(|w| spawn_writer_now(&self.db, &format!("{}r{round}{w}", self.name), 0));
        for (writer, delay) in writers.into_iter().zip(delays) {
            sleep(delay.saturating_sub(started.elapsed()));
            let f = writer.kill();
            f.assert_killed();
            totals.kills += 1;
            let migrated = logged_migrations(&f.stderr);
            if migrated.last().is_some_and(|&v| v < SCHEMA_VERSION) {
                totals.mid_migration += 1;
            }
            totals.acks += f.acks.len();
            self.acks.extend(f.acks);
            self.finished.insert(f.tag);
            self.check(totals);
        }
    }

    fn check(&self, totals: &mut KillTotals) {
        if !self.db.exists() {
            assert!(
                self.acks.is_empty(),
                "acknowledged saves but no file: {:?}",
                self.acks
            );
            return;
        }
        let conn = peek(&self.db);
        let version: i32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("user_version");
        if version < SCHEMA_VERSION {
            // Not migrated yet: the kills so far hit before or during the migration, which is
            // all or nothing.
            assert_eq!(Some(version), self.older, "a migration applied in part");
            assert!(self.acks.is_empty(), "saves acknowledged on an old schema");
            assert_sound(&conn);
            totals.unmigrated += 1;
            return;
        }
        drop(conn);
        let began = Instant::now();
        let audit = audit(&self.db, &self.acks, &self.finished, 1);
        totals.slowest_check = totals.slowest_check.max(began.elapsed());
        totals.acks_checked += audit.acks_checked;
    }

    /// After the last kill on the file: the app's own full check, and what the kills left.
    fn close(&self, totals: &mut KillTotals) {
        totals.files += 1;
        if self.db.exists() {
            totals.unacked += audit(&self.db, &self.acks, &self.finished, 1).unacked;
            assert_store_health(&self.db);
        }
        if self.dir.exists() {
            // A kill while a terminal builds a new file leaves its temporary behind: half built,
            // or (killed between linking it into place and removing it) a second name of the
            // live database.
            let live = std::fs::metadata(&self.db).map(|m| m.ino()).ok();
            for entry in std::fs::read_dir(&self.dir).expect("list") {
                let entry = entry.expect("entry");
                if entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".dutydesk.db.new-")
                {
                    totals.leftovers += 1;
                    let ino = entry.metadata().expect("metadata").ino();
                    totals.leftover_links += usize::from(Some(ino) == live);
                }
            }
        }
    }
}

#[test]
fn kills_at_random_moments_lose_no_acknowledged_record_and_leave_no_half_record() {
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    let kills = env_count("DUTYDESK_KILLS", 200);
    let clock = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_nanos();
    let seed = env_count("DUTYDESK_SEED", clock as u64);
    eprintln!("kills: seed {seed} (DUTYDESK_SEED={seed} replays these kill times)");
    let mut rng = Rng(seed);
    writer_exe();
    let tmp = TempDir::new().expect("temp dir");
    let started = Instant::now();
    let mut totals = KillTotals::default();
    let mut round = 0;
    while totals.kills < kills {
        let mut file = KillFile::new(tmp.path(), totals.files);
        let until = (totals.kills + KILLS_PER_FILE).min(kills);
        while totals.kills < until {
            file.round(&mut rng, round, &mut totals);
            round += 1;
        }
        file.close(&mut totals);
    }
    assert!(totals.acks > 0, "no writer ever acknowledged a save");
    eprintln!(
        "kills: {} SIGKILLs on {} files in {:.1} s (seed {seed}); {} acknowledged saves, \
         {} acknowledgement checks (every one after every later kill on its file), 0 lost, \
         0 half records; {} saves committed but killed before acknowledging; \
         {} temporary files left by kills during creation ({} of them a second name of the \
         live database); {} writers killed while migrating, {} checks found an older file \
         not yet migrated, none half migrated; \
         slowest check {:?}",
        totals.kills,
        totals.files,
        started.elapsed().as_secs_f64(),
        totals.acks,
        totals.acks_checked,
        totals.unacked,
        totals.leftovers,
        totals.leftover_links,
        totals.mid_migration,
        totals.unmigrated,
        totals.slowest_check,
    );
}

// ---------------------------------------------------------------------------------------------
// Several terminals saving at once
// ---------------------------------------------------------------------------------------------

#[test]
fn three_terminals_saving_together_lose_nothing_and_show_no_error() {
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    let saves = env_count("DUTYDESK_SAVES", 1000);
    writer_exe();
    let tmp = TempDir::new().expect("temp dir");
    // A new file in a new directory: the three also race to create them, to open the shift and
    // to import the students.
    let db = tmp.path().join("data").join("dutydesk.db");
    let started = Instant::now();
    let mut writers: Vec<Running> = (0..3)
        .map(|i| spawn_writer(&db, &format!("t{i}"), saves))
        .collect();
    release_together(&mut writers);
    let finished: Vec<Finished> = writers.into_iter().map(Running::wait).collect();
    let took = started.elapsed();
    let mut acks = Vec::new();
    let mut tags = HashSet::new();
    for f in &finished {
        f.assert_ok();
        assert_eq!(f.acks.len() as u64, saves, "{}: acknowledged saves", f.tag);
        let (done, slowest_ms) = f.done.expect("a DONE line");
        assert_eq!(done, saves, "{}: DONE line", f.tag);
        // With BEGIN IMMEDIATE, busy comes back only after waiting the whole busy timeout, so a
        // retry without a save that slow means busy came at once: a transaction that read
        // before taking the write lock (SQLITE_BUSY_SNAPSHOT, DATA-SAFETY.md), or no timeout.
        assert!(
            f.busy_retries() == 0 || slowest_ms >= BUSY_TIMEOUT_MS,
            "{}: {} busy retries, but no save waited the busy timeout (slowest {slowest_ms} ms)",
            f.tag,
            f.busy_retries()
        );
        acks.extend(f.acks.iter().cloned());
        tags.insert(f.tag.clone());
    }
    let audit = audit(&db, &acks, &tags, 0);
    assert_eq!(audit.unacked, 0, "saves committed but not acknowledged");
    assert_exact_counts(&db, &acks);
    assert_store_health(&db);
    let slowest = finished
        .iter()
        .filter_map(|f| f.done)
        .map(|(_, ms)| ms)
        .max();
    let retries: usize = finished.iter().map(Finished::busy_retries).sum();
    eprintln!(
        "three terminals: 3 x {saves} saves in {:.2} s = {:.0} saves/s; {} acknowledgements \
         checked, 0 lost, 0 errors; {retries} whole-transaction busy retries; slowest save {} ms",
        took.as_secs_f64(),
        per_second(3 * saves, took),
        audit.acks_checked,
        slowest.unwrap_or_default(),
    );
}

/// Nobody was killed: the file holds exactly what was acknowledged, kind by kind.
fn assert_exact_counts(db: &Path, acks: &[Ack]) {
    let conn = peek(db);
    let acked = |kind: &str| {
        i64::try_from(acks.iter().filter(|a| a.kind == kind).count()).expect("a count")
    };
    for (kind, sql) in [
        ("incident", "SELECT count(*) FROM incident"),
        ("followup", "SELECT count(*) / 2 FROM followup"),
        ("check", "SELECT count(*) FROM patrol_check"),
        ("hazard", "SELECT count(*) FROM hazard"),
        ("visit", "SELECT count(*) FROM visit"),
        (
            "visit_out",
            "SELECT count(*) FROM visit WHERE status = 'out'",
        ),
        ("early_leave", "SELECT count(*) FROM early_leave"),
    ] {
        assert_eq!(
            count(&conn, sql),
            acked(kind),
            "{kind}: rows against acknowledgements"
        );
    }
    assert_eq!(
        count(&conn, "SELECT count(*) FROM shift"),
        1,
        "one shift, joined by all"
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM student"),
        2,
        "students imported once"
    );
}

// ---------------------------------------------------------------------------------------------
// Several terminals starting at once
// ---------------------------------------------------------------------------------------------

/// Four children that open `db` once, released together once all four wait at the start line.
fn start_four(db: &Path) -> Vec<Finished> {
    let path = db.to_str().expect("utf-8 path");
    let mut children: Vec<Running> = (0..4)
        .map(|i| spawn(&["open", path], &format!("start{i}")))
        .collect();
    release_together(&mut children);
    let finished: Vec<Finished> = children.into_iter().map(Running::wait).collect();
    for f in &finished {
        f.assert_ok();
    }
    finished
}

/// How many of the four created the file; each says it opened at the latest schema.
fn created_count(started: &[Finished]) -> usize {
    started
        .iter()
        .filter(|f| {
            let line = f.other.join("\n");
            let version = format!("OPENED version={SCHEMA_VERSION} ");
            assert!(line.starts_with(&version), "{}: {line}", f.tag);
            line.ends_with("created=true")
        })
        .count()
}

/// The migrations the four applied between them, by version, from their logs.
fn applied(started: &[Finished]) -> Vec<i32> {
    let mut versions: Vec<i32> = started
        .iter()
        .flat_map(|f| logged_migrations(&f.stderr))
        .collect();
    versions.sort_unstable();
    versions
}

/// The migrations one process logged applying (inside its migration transaction), in order.
fn logged_migrations(stderr: &str) -> Vec<i32> {
    stderr
        .lines()
        .filter_map(|l| l.split_once("applied migration version=").map(|(_, v)| v))
        .map(|v| v.trim().parse().expect("a version"))
        .collect()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// The file the four left: whole, at the latest schema, in WAL, private, with its start day
/// written once, no temporary left beside it and (test-migration) the probe applied once.
fn assert_started_file(db: &Path) {
    let conn = peek(db);
    assert_sound(&conn);
    let version: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("user_version");
    assert_eq!(version, SCHEMA_VERSION);
    let journal: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(journal, "wal");
    let tracked = "SELECT count(*) FROM meta WHERE key = 'tracked_from'";
    assert_eq!(count(&conn, tracked), 1);
    if HAS_PROBE_MIGRATION {
        let probe = strings(
            &conn,
            "SELECT value FROM meta WHERE key = 'migration_probe'",
        );
        assert_eq!(probe, ["x"], "the data-changing migration ran once");
    }
    assert_eq!(mode(db), 0o600);
    let dir = db.parent().expect("dir");
    for entry in std::fs::read_dir(dir).expect("list") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        // Other files (a log, a config) are not the store's business; a temporary is.
        assert!(
            !name.contains("dutydesk.db")
                || ["dutydesk.db", "dutydesk.db-wal", "dutydesk.db-shm"].contains(&name.as_str()),
            "left beside the file: {name}"
        );
    }
}

#[test]
fn four_terminals_starting_at_once_on_a_new_file_all_start() {
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    let rounds = env_count("DUTYDESK_STARTS", 50);
    writer_exe();
    let tmp = TempDir::new().expect("temp dir");
    let started = Instant::now();
    for round in 0..rounds {
        // The data directory does not exist yet either: they race to make it too.
        let dir = tmp.path().join(format!("new{round}"));
        let db = dir.join("dutydesk.db");
        let four = start_four(&db);
        assert_eq!(
            created_count(&four),
            1,
            "round {round}: exactly one created the file"
        );
        assert_eq!(mode(&dir), 0o700);
        assert_started_file(&db);
    }
    eprintln!(
        "start on a new file: {rounds} rounds x 4 = {} starts, 0 failed, in {:.1} s",
        rounds * 4,
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn four_terminals_starting_at_once_on_an_older_file_migrate_it_exactly_once() {
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    let rounds = env_count("DUTYDESK_STARTS", 50) / 2;
    writer_exe();
    let tmp = TempDir::new().expect("temp dir");
    let started = Instant::now();
    let mut olders = vec![1, SCHEMA_VERSION - 1];
    olders.dedup();
    for &older in &olders {
        for round in 0..rounds {
            let dir = tmp.path().join(format!("v{older}r{round}"));
            std::fs::create_dir(&dir).expect("dir");
            std::fs::set_permissions(&dir, PermissionsExt::from_mode(0o700)).expect("chmod");
            let db = dir.join("dutydesk.db");
            create_at_version(&db, older).expect("an older file");
            // Something the older DutyDesk recorded, to find again after the migrations.
            Connection::open(&db)
                .and_then(|c| {
                    c.execute(
                        "INSERT INTO staff (name, role, created_at) \
                         VALUES ('Older Staff', 'teacher', '2026-01-05T00:00:00.000Z')",
                        [],
                    )
                })
                .expect("older record");
            let four = start_four(&db);
            assert_eq!(created_count(&four), 0, "the file existed");
            let expected: Vec<i32> = (older + 1..=SCHEMA_VERSION).collect();
            assert_eq!(
                applied(&four),
                expected,
                "from {older}, round {round}: each migration once"
            );
            assert_started_file(&db);
            let kept = "SELECT count(*) FROM staff WHERE name = 'Older Staff' AND staff_no IS NULL";
            assert_eq!(
                count(&peek(&db), kept),
                1,
                "the older record, kept through the migrations"
            );
        }
    }
    eprintln!(
        "start on an older file (schemas {olders:?} to {SCHEMA_VERSION}, probe migration: \
         {HAS_PROBE_MIGRATION}): {} starts, 0 failed, each migration applied once, in {:.1} s",
        rounds * 4 * olders.len() as u64,
        started.elapsed().as_secs_f64()
    );
}

/// The same race through the real program: four `dutydesk init` at once on a new data directory.
#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn four_dutydesk_inits_at_once_create_one_file() {
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    let rounds = env_count("DUTYDESK_STARTS", 50) / 10;
    let tmp = TempDir::new().expect("temp dir");
    let decoy = tmp.path().join("decoy-home");
    std::fs::create_dir(&decoy).expect("decoy");
    for round in 0..rounds {
        let home = tmp.path().join(format!("home{round}"));
        // Each through a shell that says READY and waits for its stdin to close before it
        // becomes `dutydesk init` (exec): the four are released together once all wait.
        let mut children: Vec<(Child, BufReader<ChildStdout>)> = (0..4)
            .map(|_| {
                let mut child = Command::new("sh")
                    .args(["-c", "echo READY; cat >/dev/null; exec \"$0\" init"])
                    .arg(env!("CARGO_BIN_EXE_dutydesk"))
                    .env_remove("DUTYDESK_DB")
                    .env_remove("DUTYDESK_CONFIG")
                    .env_remove("XDG_DATA_HOME")
                    .env_remove("XDG_CONFIG_HOME")
                    .env_remove("XDG_STATE_HOME")
                    .env("DUTYDESK_HOME", &home)
                    .env("DUTYDESK_NOW", "2026-11-30T07:30:00+08:00")
                    .env("HOME", &decoy)
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn sh");
                let stdout = BufReader::new(child.stdout.take().expect("stdout"));
                (child, stdout)
            })
            .collect();
        for (_, stdout) in &mut children {
            let mut line = String::new();
            stdout.read_line(&mut line).expect("read");
            assert_eq!(
                line, "READY\n",
                "round {round}: the shell did not get ready"
            );
        }
        for (child, _) in &mut children {
            drop(child.stdin.take());
        }
        let outputs: Vec<(String, std::process::Output)> = children
            .into_iter()
            .map(|(child, mut stdout)| {
                let mut text = String::new();
                stdout.read_to_string(&mut text).expect("read");
                (text, child.wait_with_output().expect("dutydesk ran"))
            })
            .collect();
        let mut created = 0;
        for (stdout, out) in &outputs {
            assert!(
                out.status.success(),
                "round {round}: init failed: {}\n{stdout}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            created += usize::from(stdout.starts_with("created "));
        }
        assert_eq!(
            created, 1,
            "round {round}: exactly one init created the file"
        );
        assert_started_file(&home.join("dutydesk.db"));
    }
}
