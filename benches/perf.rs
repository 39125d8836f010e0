//! `cargo bench --bench perf`: the figures of docs/PERFORMANCE.md (issue 7). Builds a one-year
//! and a five-year demo school once (cached in `target/perf-data/`), measures on both the start,
//! every main screen's key-to-frame time, the reports, the export and peak memory, prints each
//! with its five-year/one-year growth against the targets, then traces the SQL the screens and
//! reports run and explains every statement's query plan. `PERF_QUICK=1` for fewer repetitions.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark stops at the first thing that does not work; there is no one to recover for"
)]

// The parts live in benches/perf/: files directly in benches/ would each be taken for a bench.
#[path = "perf/data.rs"]
mod data;
#[path = "perf/desk.rs"]
mod desk;
#[path = "perf/keys.rs"]
mod keys;
#[path = "perf/plans.rs"]
mod plans;
#[path = "perf/procs.rs"]
mod procs;
#[path = "perf/table.rs"]
mod table;

use std::time::{Duration, Instant};

use table::{Figure, Judge, Stat};

/// The fixed "now" of every run: a Monday noon in term, the last day of both demo schools, so
/// that "today" is the same day with one or five years of history behind it.
pub const NOW: &str = "2026-11-30T12:30:00+08:00";
/// A school day shortly before NOW, for `report shift --date`.
pub const SHIFT_DAY: &str = "2026-11-27";
/// The spring term of 2026 (the demo calendar's), inside both databases.
pub const SEMESTER: (&str, &str) = ("2026-02-23", "2026-07-04");

/// How many times things are repeated: fewer with `PERF_QUICK=1`.
#[derive(Debug, Clone, Copy)]
pub struct Reps {
    /// Starts of the app, and runs of each report.
    pub runs: usize,
    /// Rounds of key presses per screen action, each round on both databases in turn.
    pub rounds: usize,
    /// Whole-program runs of the export and of the memory probes.
    pub few: usize,
    /// Repetitions stop early (after at least `MIN_RUNS`) once a figure has taken this long,
    /// so that a slow figure still finishes in minutes; the table says how many there were.
    pub budget: Duration,
}

/// The fewest runs a figure gets, however slow.
pub const MIN_RUNS: usize = 3;

impl Reps {
    /// Whether run `done` (counted from 1) is enough: all of them, or the time is up.
    pub fn enough(&self, done: usize, of: usize, started: Instant) -> bool {
        done >= of || (done >= MIN_RUNS.min(of) && started.elapsed() > self.budget)
    }
}

impl Reps {
    fn from_env() -> Reps {
        if std::env::var_os("PERF_QUICK").is_some_and(|v| v != "0") {
            Reps {
                runs: 8,
                rounds: 2,
                few: 1,
                budget: Duration::from_secs(4),
            }
        } else {
            Reps {
                runs: 30,
                rounds: 6,
                few: 3,
                budget: Duration::from_secs(20),
            }
        }
    }
}

fn main() {
    let started = Instant::now();
    let reps = Reps::from_env();
    let bin = data::binary();
    let dbs = data::Databases::ensure(&bin);
    println!(
        "dutydesk perf: one-year {} ({} KB), five-year {} ({} KB); now = {NOW}; {reps:?}",
        dbs.one.display(),
        data::size_kb(&dbs.one),
        dbs.five.display(),
        data::size_kb(&dbs.five),
    );
    println!("machine: {}", data::machine());
    println!("load average at the start: {}", data::loadavg());

    let mut figures = Vec::new();
    eprintln!("measuring: open and first frame…");
    figures.push(desk::open_first_frame(&dbs, reps));
    eprintln!("measuring: key presses on every main screen…");
    figures.extend(desk::key_presses(&dbs, reps));
    eprintln!("measuring: reports in-process…");
    figures.extend(desk::reports_in_process(&dbs, reps));
    eprintln!("measuring: whole-program reports, export and memory…");
    figures.extend(procs::figures(&bin, &dbs, reps));
    figures.push(desk::quick_check(&dbs));

    let text = table::render(&figures);
    println!("\n{text}");
    println!("load average at the end: {}", data::loadavg());

    eprintln!("tracing the SQL of every screen and report…");
    let plan = plans::run(&dbs);
    println!("{}", plan.summary);

    let report = data::perf_dir().join("perf-report.md");
    let md = format!(
        "# perf run\n\nmachine: {}\n\n{}\n{}\n",
        data::machine(),
        table::markdown(&figures),
        plan.markdown
    );
    std::fs::write(&report, md).expect("write the report");
    println!(
        "\nfull report with every query plan: {}\ntook {:.0} s",
        report.display(),
        started.elapsed().as_secs_f64()
    );
}

/// Times `f`.
pub fn timed(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// A figure of times, judged on `stat` against `limit` milliseconds on the five-year database.
pub fn time_figure(
    name: &str,
    one: &[Duration],
    five: &[Duration],
    stat: Stat,
    limit_ms: Option<f64>,
    growth: f64,
) -> Figure {
    Figure::times(
        name,
        one,
        five,
        Judge {
            stat,
            limit: limit_ms,
            growth,
        },
    )
}
