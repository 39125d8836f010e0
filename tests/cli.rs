//! CLI tests: the real `dutydesk` binary on a temp data directory. Every run gets
//! `DUTYDESK_HOME` in a temp dir, and `HOME` pointed at an empty decoy that must stay empty, so no
//! test can touch the real home or depend on what is there.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use rusqlite::Connection;
use tempfile::TempDir;

use dutydesk::store::{APPLICATION_ID, SCHEMA_VERSION};

const NOW: &str = "2026-11-30T07:30:00+08:00";

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

    fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    fn db(&self) -> PathBuf {
        self.home.join("dutydesk.db")
    }

    fn config(&self) -> PathBuf {
        self.home.join("config.toml")
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

    /// Runs `cmd` and checks it left the decoy home alone.
    fn run(&self, cmd: &mut Command) -> Run {
        let output = cmd.output().expect("run dutydesk");
        let left: Vec<_> = std::fs::read_dir(&self.decoy)
            .expect("decoy")
            .map(|e| e.expect("entry").path())
            .collect();
        assert!(left.is_empty(), "dutydesk wrote into HOME: {left:?}");
        Run(output)
    }

    fn write_config(&self, text: &str) -> PathBuf {
        std::fs::create_dir_all(&self.home).expect("home");
        std::fs::write(self.config(), text).expect("write config");
        self.config()
    }
}

/// One finished run.
struct Run(Output);

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    fn success(&self) -> &Run {
        assert!(
            self.0.status.success(),
            "expected success, got {}\nstdout: {}\nstderr: {}",
            self.0.status,
            self.stdout(),
            self.stderr()
        );
        self
    }

    /// Exited non-zero on purpose: not killed, not a panic (Rust's 101).
    fn refused(&self) -> &Run {
        let code = self.0.status.code().expect("exited, not killed");
        assert!(
            code != 0 && code != 101,
            "expected a refusal, got exit {code}\nstdout: {}\nstderr: {}",
            self.stdout(),
            self.stderr()
        );
        assert!(!self.stderr().contains("panicked"), "{}", self.stderr());
        self
    }

    fn stdout_has(&self, part: &str) -> &Run {
        let out = self.stdout();
        assert!(out.contains(part), "stdout lacks {part:?}: {out}");
        self
    }

    fn stderr_has(&self, part: &str) -> &Run {
        let err = self.stderr();
        assert!(err.contains(part), "stderr lacks {part:?}: {err}");
        self
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

/// The file is a DutyDesk database of the latest schema.
fn assert_dutydesk_db(path: &Path) {
    let conn = Connection::open(path).expect("open");
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("application_id");
    let version: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("user_version");
    assert_eq!((app, version), (APPLICATION_ID, SCHEMA_VERSION));
}

// ---------------------------------------------------------------------------------------------
// --version, --help
// ---------------------------------------------------------------------------------------------

#[test]
fn version_prints_the_name_and_version() {
    let sb = Sandbox::new();
    let run = sb.run(sb.cmd().arg("--version"));
    run.success();
    assert_eq!(
        run.stdout().trim(),
        format!("dutydesk {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(!sb.home.exists(), "--version touches no files");
}

#[test]
fn help_prints_usage_commands_and_environment() {
    let sb = Sandbox::new();
    sb.run(sb.cmd().arg("--help"))
        .success()
        .stdout_has("Usage: dutydesk")
        .stdout_has("init")
        .stdout_has("--db")
        .stdout_has("--lang")
        .stdout_has("DUTYDESK_DB")
        .stdout_has("DUTYDESK_NOW");
    assert!(!sb.home.exists(), "--help touches no files");
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    let sb = Sandbox::new();
    sb.run(sb.cmd().arg("frobnicate"))
        .refused()
        .stderr_has("frobnicate")
        .stderr_has("Usage:");
    assert!(!sb.home.exists());
}

#[test]
fn completions_and_the_manual_page_come_from_the_command_line_definitions() {
    let sb = Sandbox::new();
    for (shell, marker) in [
        ("bash", "_dutydesk()"),
        ("zsh", "#compdef dutydesk"),
        ("fish", "complete -c dutydesk"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        sb.run(sb.cmd().args(["completions", shell]))
            .success()
            .stdout_has(marker)
            .stdout_has("backup");
    }
    sb.run(sb.cmd().arg("man"))
        .success()
        .stdout_has(".TH dutydesk 1")
        .stdout_has("completions");
    sb.run(sb.cmd().args(["completions", "tcsh"])).refused();
    assert!(!sb.home.exists(), "completions and man touch no files");
}

// ---------------------------------------------------------------------------------------------
// init and where the database lives
// ---------------------------------------------------------------------------------------------

#[test]
fn init_creates_the_database_in_dutydesk_home_then_finds_it_there() {
    let sb = Sandbox::new();
    let db = sb.db();
    sb.run(sb.cmd().arg("init"))
        .success()
        .stdout_has("created")
        .stdout_has(&db.display().to_string());
    assert!(db.is_file());
    assert_eq!(mode(&sb.home), 0o700, "the data directory init created");
    assert_eq!(mode(&db), 0o600);
    assert_dutydesk_db(&db);
    let bytes = std::fs::read(&db).expect("db");

    let again = sb.run(sb.cmd().arg("init"));
    again
        .success()
        .stdout_has("already exists")
        .stdout_has(&db.display().to_string());
    assert!(!again.stdout().contains("created"), "{}", again.stdout());
    assert!(
        std::fs::read(&db).expect("db") == bytes,
        "a second init leaves the file as it was"
    );
}

#[test]
fn db_flag_and_dutydesk_db_choose_another_file() {
    let sb = Sandbox::new();

    let flagged = sb.path("by-flag/duty.db");
    sb.run(sb.cmd().arg("init").arg("--db").arg(&flagged))
        .success()
        .stdout_has("created")
        .stdout_has(&flagged.display().to_string());
    assert!(flagged.is_file());
    assert_eq!(mode(flagged.parent().expect("dir")), 0o700);
    assert_eq!(mode(&flagged), 0o600);
    assert_dutydesk_db(&flagged);

    // --db is global: before the subcommand works too.
    let before = sb.path("before.db");
    sb.run(sb.cmd().arg("--db").arg(&before).arg("init"))
        .success()
        .stdout_has("created");
    assert!(before.is_file());

    let from_env = sb.path("by-env/duty.db");
    sb.run(sb.cmd().env("DUTYDESK_DB", &from_env).arg("init"))
        .success()
        .stdout_has("created")
        .stdout_has(&from_env.display().to_string());
    assert!(from_env.is_file());
    assert_dutydesk_db(&from_env);

    // The flag wins over the environment.
    let winner = sb.path("winner.db");
    let loser = sb.path("loser.db");
    sb.run(
        sb.cmd()
            .env("DUTYDESK_DB", &loser)
            .arg("init")
            .arg("--db")
            .arg(&winner),
    )
    .success();
    assert!(winner.is_file());
    assert!(!loser.exists(), "--db beats DUTYDESK_DB");

    assert!(
        !sb.db().exists(),
        "none of these used $DUTYDESK_HOME/dutydesk.db"
    );
}

#[test]
fn init_refuses_a_file_that_is_not_sqlite_and_leaves_it_alone() {
    let sb = Sandbox::new();
    for (name, bytes) in [
        ("notes.txt", &b"shopping list\nmilk\n"[..]),
        ("empty.db", &b""[..]),
    ] {
        let path = sb.path(name);
        std::fs::write(&path, bytes).expect("write");
        let files = listing(sb.tmp.path());
        sb.run(sb.cmd().arg("init").arg("--db").arg(&path))
            .refused()
            .stderr_has(&path.display().to_string())
            .stderr_has("not a DutyDesk database");
        assert!(
            std::fs::read(&path).expect("read") == bytes,
            "{name} changed"
        );
        assert_eq!(
            listing(sb.tmp.path()),
            files,
            "{name}: files appeared beside it"
        );
    }
}

#[test]
fn init_refuses_a_file_of_another_program_and_one_from_a_newer_dutydesk() {
    let sb = Sandbox::new();
    let foreign = sb.path("photos.sqlite");
    let conn = Connection::open(&foreign).expect("create");
    conn.execute_batch("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT);")
        .expect("table");
    conn.close().expect("close");

    let newer = sb.path("newer.db");
    sb.run(sb.cmd().arg("init").arg("--db").arg(&newer))
        .success();
    let conn = Connection::open(&newer).expect("open");
    conn.pragma_update(None, "user_version", 99)
        .expect("user_version");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    })
    .expect("checkpoint");
    conn.close().expect("close");

    for (path, says) in [(&foreign, "another program"), (&newer, "newer DutyDesk")] {
        let bytes = std::fs::read(path).expect("read");
        let files = listing(sb.tmp.path());
        sb.run(sb.cmd().arg("init").arg("--db").arg(path))
            .refused()
            .stderr_has(&path.display().to_string())
            .stderr_has(says)
            .stderr_has("left unchanged");
        assert!(std::fs::read(path).expect("read") == bytes);
        assert_eq!(listing(sb.tmp.path()), files);
    }
}

// ---------------------------------------------------------------------------------------------
// Start-up problems: config and clock
// ---------------------------------------------------------------------------------------------

/// Asserts that `init` stops on the config file at `path`, naming it, the line and `what`, and
/// that no database was made.
fn assert_config_stops_startup(
    sb: &Sandbox,
    cmd: &mut Command,
    path: &Path,
    line: usize,
    what: &str,
) {
    sb.run(cmd)
        .refused()
        .stderr_has(&path.display().to_string())
        .stderr_has(&format!("line {line}:"))
        .stderr_has(what);
    assert!(!sb.db().exists(), "start-up stopped before the database");
}

#[test]
fn a_config_with_a_toml_syntax_error_stops_startup_at_its_line() {
    let sb = Sandbox::new();
    let path = sb.write_config(
        "[school]\n\
         name = \"城南中学\"\n\
         lang = = \"zh\"\n\
         \n\
         [[place]]\n",
    );
    assert_config_stops_startup(&sb, sb.cmd().arg("init"), &path, 3, "`=`");
}

#[test]
fn a_config_with_an_impossible_time_stops_startup_at_its_line() {
    let sb = Sandbox::new();
    let path = sb.write_config(
        "# our own morning slot\n\
         [[slot]]\n\
         id = \"morning\"\n\
         name = \"Morning\"\n\
         start = \"25:00\"\n\
         end = \"08:00\"\n\
         places = [\"gate\"]\n",
    );
    assert_config_stops_startup(
        &sb,
        sb.cmd().arg("init"),
        &path,
        5,
        "\"25:00\" is not a time",
    );
}

#[test]
fn a_config_slot_naming_an_unknown_place_stops_startup_at_its_line() {
    let sb = Sandbox::new();
    let path = sb.write_config(
        "[[slot]]\n\
         id = \"morning\"\n\
         name = \"Morning\"\n\
         start = \"07:00\"\n\
         end = \"08:00\"\n\
         places = [\n\
         \x20 \"gate\",\n\
         \x20 \"library\",\n\
         ]\n",
    );
    assert_config_stops_startup(&sb, sb.cmd().arg("init"), &path, 8, "place \"library\"");
}

#[test]
fn a_config_replacing_only_the_school_works() {
    let sb = Sandbox::new();
    let path = sb.write_config(
        "# Only our name; places, slots and categories stay the defaults.\n\
         [school]\n\
         name = { zh = \"城南中学\", en = \"Chengnan Secondary School\" }\n",
    );
    sb.run(sb.cmd().arg("init")).success().stdout_has("created");
    assert_dutydesk_db(&sb.db());

    let cfg = dutydesk::config::load_file(&path).expect("the file loads");
    let defaults = dutydesk::config::load(None).expect("defaults");
    assert_eq!(cfg.school.zh, "城南中学");
    assert_eq!(cfg.school.en, "Chengnan Secondary School");
    assert_eq!(cfg.places, defaults.places);
    assert_eq!(cfg.slots, defaults.slots);
}

#[test]
fn dutydesk_config_points_at_another_config_file() {
    let sb = Sandbox::new();
    let elsewhere = sb.path("school/duty.toml");
    std::fs::create_dir_all(elsewhere.parent().expect("parent")).expect("dir");

    // A broken file named by DUTYDESK_CONFIG stops start-up and is the one named.
    std::fs::write(
        &elsewhere,
        "[[slot]]\nid = \"noon\"\nname = \"Noon\"\nstart = \"12:00\"\nend = \"1pm\"\nplaces = [\"gate\"]\n",
    )
    .expect("write");
    assert_config_stops_startup(
        &sb,
        sb.cmd().env("DUTYDESK_CONFIG", &elsewhere).arg("init"),
        &elsewhere,
        5,
        "\"1pm\" is not a time",
    );

    // With DUTYDESK_CONFIG set, a broken $DUTYDESK_HOME/config.toml is not read.
    std::fs::write(&elsewhere, "[school]\nname = \"城南中学\"\n").expect("write");
    sb.write_config("this is not toml\n");
    sb.run(sb.cmd().env("DUTYDESK_CONFIG", &elsewhere).arg("init"))
        .success()
        .stdout_has("created");
    // Without it, the home config is read and stops start-up.
    sb.run(sb.cmd().arg("init"))
        .refused()
        .stderr_has(&sb.config().display().to_string())
        .stderr_has("line 1");
}

#[test]
fn a_missing_file_named_by_dutydesk_config_stops_startup() {
    let sb = Sandbox::new();
    let missing = sb.path("nowhere/duty.toml");
    sb.run(sb.cmd().env("DUTYDESK_CONFIG", &missing).arg("init"))
        .refused()
        .stderr_has(&missing.display().to_string())
        .stderr_has("does not exist");
    assert!(!sb.db().exists(), "start-up stopped before the database");
}

#[test]
fn a_garbage_dutydesk_now_stops_startup_naming_the_variable() {
    let sb = Sandbox::new();
    sb.run(sb.cmd().env("DUTYDESK_NOW", "garbage").arg("init"))
        .refused()
        .stderr_has("DUTYDESK_NOW")
        .stderr_has("garbage")
        .stderr_has("RFC 3339");
    assert!(!sb.db().exists(), "start-up stopped before the database");
}

// ---------------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------------

#[test]
fn lang_zh_gives_the_chinese_refusal() {
    let sb = Sandbox::new();
    let path = sb.path("notes.txt");
    std::fs::write(&path, "not a database\n").expect("write");
    let run = sb.run(
        sb.cmd()
            .arg("--lang")
            .arg("zh")
            .arg("init")
            .arg("--db")
            .arg(&path),
    );
    run.refused()
        .stderr_has("值班台")
        .stderr_has("文件未作任何改动")
        .stderr_has(&path.display().to_string());
    assert!(
        !run.stderr().contains("DutyDesk database"),
        "{}",
        run.stderr()
    );
}

#[test]
fn language_comes_from_the_flag_then_the_config_then_the_locale() {
    let sb = Sandbox::new();
    let path = sb.path("notes.txt");
    std::fs::write(&path, "not a database\n").expect("write");
    let zh = "值班台";
    let en = "not a DutyDesk database";
    let refusal = |cmd: &mut Command| {
        sb.run(cmd.arg("init").arg("--db").arg(&path))
            .refused()
            .stderr()
    };

    // Locale only.
    assert!(refusal(sb.cmd().env("LANG", "zh_CN.UTF-8")).contains(zh));
    assert!(refusal(sb.cmd().env("LANG", "en_US.UTF-8")).contains(en));
    // The flag beats the locale.
    assert!(refusal(sb.cmd().env("LANG", "zh_CN.UTF-8").args(["--lang", "en"])).contains(en));
    // The config beats the locale, and the flag beats the config.
    sb.write_config("lang = \"zh\"\n");
    assert!(refusal(sb.cmd().env("LANG", "en_US.UTF-8")).contains(zh));
    assert!(refusal(sb.cmd().args(["--lang", "en"])).contains(en));
}
