//! Whole-program figures: the `dutydesk` binary as a user runs it — reports and the export timed
//! from start to exit, peak memory of `report period` (`/usr/bin/time`) and of the TUI sitting
//! on the Now screen in a real terminal (tmux, 120×40, VmHWM from /proc).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::Reps;
use crate::data::Databases;
use crate::table::{Figure, Judge, Stat, Summary, Unit};

/// Tmux servers started so far, to give each its own socket.
static SOCKETS: AtomicUsize = AtomicUsize::new(0);

/// The binary with the benchmark's clock, language and an empty data directory.
fn dutydesk(bin: &Path, home: &Path, db: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .env("DUTYDESK_NOW", crate::NOW)
        .env("DUTYDESK_HOME", home)
        .env_remove("DUTYDESK_DB")
        .env_remove("DUTYDESK_CONFIG")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn run_timed(mut cmd: Command) -> Duration {
    let t = Instant::now();
    let status = cmd.status().expect("run dutydesk");
    let took = t.elapsed();
    assert!(status.success(), "{cmd:?} failed");
    took
}

fn report_shift(bin: &Path, home: &Path, db: &Path) -> Command {
    let mut cmd = dutydesk(bin, home, db);
    cmd.args(["report", "shift", "--date", crate::SHIFT_DAY]);
    cmd.args(["--format", "text"]);
    cmd
}

fn report_period(bin: &Path, home: &Path, db: &Path) -> Command {
    let mut cmd = dutydesk(bin, home, db);
    let (from, to) = crate::SEMESTER;
    cmd.args(["report", "period", "--from", from, "--to", to]);
    cmd
}

pub fn figures(bin: &Path, dbs: &Databases, reps: Reps) -> Vec<Figure> {
    let home = &dbs.home;
    let mut out = Vec::new();
    for (name, make, limit) in [
        (
            "report shift, one day (whole program)",
            report_shift as fn(&Path, &Path, &Path) -> Command,
            20.0,
        ),
        (
            "report period, one semester (whole program)",
            report_period,
            100.0,
        ),
    ] {
        let mut samples = [Vec::new(), Vec::new()];
        let started = Instant::now();
        for run in 1..=reps.runs {
            for ((_, db), into) in dbs.both().into_iter().zip(samples.iter_mut()) {
                into.push(run_timed(make(bin, home, db)));
            }
            if reps.enough(run, reps.runs, started) {
                break;
            }
        }
        let [one, five] = samples;
        out.push(crate::time_figure(
            name,
            &one,
            &five,
            Stat::Median,
            Some(limit),
            1.3,
        ));
    }
    out.extend(export(bin, dbs, reps));
    out.push(memory(
        "peak RSS, report period (whole program)",
        dbs,
        reps,
        |db| peak_of(&report_period(bin, home, db)),
    ));
    out.push(memory(
        "peak RSS, TUI idle on Now, first start of the day",
        dbs,
        reps,
        |db| tui_idle(bin, home, db, true),
    ));
    out.push(
        memory("peak RSS, TUI idle on Now, later start", dbs, reps, |db| {
            tui_idle(bin, home, db, false)
        })
        .info(),
    );
    out
}

/// `export --format json --out DIR` into a new directory each time (the name comes from the
/// fixed clock), and the same to standard output (no fsync) for comparison.
fn export(bin: &Path, dbs: &Databases, reps: Reps) -> Vec<Figure> {
    let work = crate::data::perf_dir().join("export");
    let _ = fs::remove_dir_all(&work);
    let records = dbs.both().map(|(label, db)| {
        let dir = work.join(format!("count-{label}"));
        let mut cmd = dutydesk(bin, &dbs.home, db);
        cmd.args(["export", "--format", "json", "--out"]).arg(&dir);
        run_timed(cmd);
        count_records(&dir)
    });
    println!(
        "export: {} records (1y), {} records (5y)",
        records[0], records[1]
    );
    let runs = reps.few + 2;
    let mut rates = [[Vec::new(), Vec::new()], [Vec::new(), Vec::new()]];
    for run in 0..runs {
        for (i, (label, db)) in dbs.both().into_iter().enumerate() {
            let dir = work.join(format!("{label}-{run}"));
            let mut to_dir = dutydesk(bin, &dbs.home, db);
            to_dir
                .args(["export", "--format", "json", "--out"])
                .arg(&dir);
            let mut to_stdout = dutydesk(bin, &dbs.home, db);
            to_stdout.args(["export", "--format", "json"]);
            #[allow(
                clippy::cast_precision_loss,
                reason = "record counts are far below 2^52"
            )]
            for (kind, cmd) in [to_dir, to_stdout].into_iter().enumerate() {
                let secs = run_timed(cmd).as_secs_f64();
                rates[kind][i].push(records[i] as f64 / secs);
            }
            let _ = fs::remove_dir_all(&dir);
        }
    }
    let _ = fs::remove_dir_all(&work);
    let [to_dir, to_stdout] =
        rates.map(|[one, five]| (Summary::of_values(&one), Summary::of_values(&five)));
    vec![
        Figure {
            name: "export --format json --out DIR (whole program)".to_owned(),
            unit: Unit::RecordsPerSec,
            one: to_dir.0,
            five: to_dir.1,
            judge: Some(Judge {
                stat: Stat::Median,
                limit: Some(200_000.0),
                growth: 1.3,
            }),
        },
        Figure {
            name: "export --format json > /dev/null (no fsync)".to_owned(),
            unit: Unit::RecordsPerSec,
            one: to_stdout.0,
            five: to_stdout.1,
            judge: None,
        },
    ]
}

/// Rows in every table of an export document.
fn count_records(dir: &Path) -> u64 {
    let file = fs::read_dir(dir)
        .expect("the export directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("an export file");
    let text = fs::read_to_string(&file).expect("read the export");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("the export is JSON");
    doc["tables"]
        .as_object()
        .expect("tables")
        .values()
        .map(|t| t["rows"].as_array().map_or(0, Vec::len) as u64)
        .sum()
}

/// A memory figure: megabytes, the median of a few runs, judged at 30 MB and 1.1×.
fn memory(
    name: &str,
    dbs: &Databases,
    reps: Reps,
    mut kb: impl FnMut(&Path) -> Option<u64>,
) -> Figure {
    let mut values = [Vec::new(), Vec::new()];
    for _ in 0..reps.few {
        for ((_, db), into) in dbs.both().into_iter().zip(values.iter_mut()) {
            #[allow(clippy::cast_precision_loss, reason = "kilobytes of one process")]
            into.push(kb(db).map_or(f64::NAN, |kb| kb as f64 / 1024.0));
        }
    }
    let [one, five] = values;
    Figure {
        name: name.to_owned(),
        unit: Unit::Mb,
        one: Summary::of_values(&one),
        five: Summary::of_values(&five),
        judge: Some(Judge {
            stat: Stat::Median,
            limit: Some(30.0),
            growth: 1.1,
        }),
    }
}

/// Peak resident memory of a whole run in KB, from GNU time (`%M` is ru_maxrss).
fn peak_of(cmd: &Command) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        eprintln!("no /usr/bin/time: peak memory of report period not measured");
        return None;
    }
    let out = crate::data::perf_dir().join("time.out");
    let mut wrapped = Command::new(time);
    wrapped.args(["-f", "%M", "-o"]).arg(&out);
    wrapped.arg(cmd.get_program()).args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => wrapped.env(k, v),
            None => wrapped.env_remove(k),
        };
    }
    wrapped.stdout(Stdio::null()).stderr(Stdio::null());
    run_timed(wrapped);
    fs::read_to_string(&out).ok()?.trim().parse().ok()
}

/// A copy of `db` for the TUI, which writes to it (the day's check is remembered); `fresh`
/// makes it anew, without that mark.
fn tui_copy(db: &Path, fresh: bool) -> PathBuf {
    let copy = db.with_extension("tui.db");
    if fresh || !copy.exists() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{suffix}", copy.display()));
        }
        fs::copy(db, &copy).expect("copy the database");
    }
    // Nobody works before signing in: the copy gets an administrator to sign in as.
    let mut store = dutydesk::store::Store::open_existing(&copy).expect("open the copy");
    if !store.has_accounts().expect("accounts") {
        store
            .create_first_admin(
                BENCH_ADMIN,
                &dutydesk::domain::pin::hash(BENCH_PIN),
                chrono::Utc::now(),
            )
            .expect("an administrator");
    }
    copy
}

/// The account the TUI is signed in with.
const BENCH_ADMIN: &str = "Bench Admin";
const BENCH_PIN: &str = "284913";

/// VmHWM (KB) of `dutydesk` started in a 120×40 tmux window on a copy of `db` and left alone
/// for two seconds on the Now screen. `first`: the first start of the day, when the day's
/// integrity check runs too (on a new copy, which has no mark of it).
fn tui_idle(bin: &Path, home: &Path, db: &Path, first: bool) -> Option<u64> {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("no tmux: peak memory of the TUI not measured");
        return None;
    }
    let db = tui_copy(db, first);
    // A server of its own each time: a new server on a socket whose old server is still
    // going away can exit at once ("server exited unexpectedly").
    let socket = format!(
        "dutydesk-perf-{}-{}",
        std::process::id(),
        SOCKETS.fetch_add(1, Ordering::Relaxed)
    );
    let shell = format!(
        "exec env DUTYDESK_NOW='{}' DUTYDESK_HOME='{}' '{}' --db '{}' --lang en",
        crate::NOW,
        home.display(),
        bin.display(),
        db.display()
    );
    let out = Command::new("tmux")
        .args(["-L", &socket, "new-session", "-d", "-x", "120", "-y", "40"])
        .args(["-P", "-F", "#{pane_pid}", &shell])
        .output()
        .expect("start tmux");
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    sleep(Duration::from_millis(700));
    for keys in [
        &["-l", BENCH_ADMIN][..],
        &["Tab"],
        &["-l", BENCH_PIN],
        &["Enter"],
    ] {
        let _ = Command::new("tmux")
            .args(["-L", &socket, "send-keys"])
            .args(keys)
            .status();
    }
    sleep(Duration::from_secs(2));
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let screen = Command::new("tmux")
        .args(["-L", &socket, "capture-pane", "-p"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let _ = Command::new("tmux")
        .args(["-L", &socket, "kill-server"])
        .status();
    assert!(
        screen.contains("Patrols") && status.contains("dutydesk"),
        "the TUI did not come up on the Now screen:\n{screen}"
    );
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
}
