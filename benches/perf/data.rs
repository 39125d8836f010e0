//! The two demo schools the figures are measured on, made once with the release binary and kept
//! in `target/perf-data/` until the binary changes, and the machine they are measured on.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

/// Days of the one-year and the five-year school.
pub const DAYS: [u32; 2] = [365, 1825];

pub struct Databases {
    pub one: PathBuf,
    pub five: PathBuf,
    /// An empty data directory for the binary (`DUTYDESK_HOME`): default config, logs here.
    pub home: PathBuf,
}

impl Databases {
    /// Makes both schools unless a file made by this very binary is already there.
    pub fn ensure(bin: &Path) -> Databases {
        let dir = perf_dir();
        let home = dir.join("home");
        fs::create_dir_all(&home).expect("make target/perf-data/home");
        let [one, five] = DAYS.map(|days| ensure_one(bin, &dir, &home, days));
        Databases { one, five, home }
    }

    /// Both, labelled, one year first.
    pub fn both(&self) -> [(&'static str, &Path); 2] {
        [("1y", &self.one), ("5y", &self.five)]
    }
}

/// The binary under test: the one cargo built for this bench (the release profile).
pub fn binary() -> PathBuf {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dutydesk"));
    assert!(
        bin.exists(),
        "{} is missing: run through `cargo bench`",
        bin.display()
    );
    bin
}

/// `target/perf-data`, next to the binary's profile directory.
pub fn perf_dir() -> PathBuf {
    let bin = binary();
    let target = bin
        .parent()
        .and_then(Path::parent)
        .expect("the binary lives in target/<profile>/");
    let dir = target.join("perf-data");
    fs::create_dir_all(&dir).expect("make target/perf-data");
    dir
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The database of `days` days; remade when missing or older than the binary. A stamp file
/// says when it was made (the database's own time changes whenever it is opened).
fn ensure_one(bin: &Path, dir: &Path, home: &Path, days: u32) -> PathBuf {
    let db = dir.join(format!("demo-{days}d.db"));
    let stamp = dir.join(format!("demo-{days}d.made"));
    let fresh = match (modified(&stamp), modified(bin)) {
        (Some(made), Some(built)) => db.exists() && made >= built,
        _ => false,
    };
    if fresh {
        return db;
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let _ = fs::remove_file(&stamp);
    eprintln!("making the {days}-day demo school in {} …", db.display());
    let status = Command::new(bin)
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "demo", "--days", &days.to_string()])
        .env("DUTYDESK_NOW", crate::NOW)
        .env("DUTYDESK_HOME", home)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run dutydesk demo");
    assert!(status.success(), "dutydesk demo --days {days} failed");
    fs::write(
        &stamp,
        format!("dutydesk demo --days {days}, now {}\n", crate::NOW),
    )
    .expect("write the stamp");
    db
}

pub fn size_kb(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len() / 1024)
}

/// CPU model, cores, memory and kernel, for the report.
pub fn machine() -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map_or("?", |l| l.trim_start_matches([' ', '\t', ':']));
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gb = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.trim().trim_end_matches(" kB").parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    let kernel = fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "{model}, {cores} cores available, {mem_gb:.1} GB RAM, Linux {}",
        kernel.trim()
    )
}

/// The 1, 5 and 15 minute load averages: on a shared machine, what else was running.
pub fn loadavg() -> String {
    fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}
