//! In-process figures: the app over a real database drawn on a 120×40 `TestBackend` exactly as
//! the loop in `app::run` draws it (key, tick, draw), the reports built through the library, and
//! the day's background integrity check. Both databases are measured in turn, round by round, so
//! that whatever else the machine does falls on both alike.

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use dutydesk::app::{App, Station};
use dutydesk::domain::clock::Clock;
use dutydesk::i18n::Lang;
use dutydesk::report::{Ctx, period, shift};
use dutydesk::screens::Screen;
use dutydesk::store::Store;
use dutydesk::theme::COLOR;

use crate::data::Databases;
use crate::table::{Figure, Stat};
use crate::{Reps, time_figure, timed};

/// Whether a measured key is being handled, for the SQL trace (plans.rs) to tell the statements
/// of the action from those of getting to it.
pub static MEASURING: AtomicBool = AtomicBool::new(false);

pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

pub fn clock() -> Clock {
    Clock::Fixed(DateTime::parse_from_rfc3339(crate::NOW).expect("NOW is RFC 3339"))
}

/// One terminal at the duty desk over a database file, drawn after every key.
pub struct Desk {
    pub app: App,
    term: Terminal<TestBackend>,
}

impl Desk {
    /// Starts as `dutydesk` does (desk station, home screen) and draws the first frame;
    /// `before` sees the store first (to trace it).
    pub fn open_with(path: &Path, before: impl FnOnce(&mut Store)) -> Desk {
        let clock = clock();
        let mut store = Store::open(path, clock.today()).expect("open the database");
        before(&mut store);
        let cfg = dutydesk::config::load(None).expect("default config");
        let mut app = App::new(store, cfg, Lang::En, &COLOR, clock)
            .unlocked(dutydesk::domain::access::Role::Admin)
            .with_station(Station::Desk);
        app.resize(WIDTH, HEIGHT);
        let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
        term.draw(|f| dutydesk::ui::draw(f, &app))
            .expect("first frame");
        if let Some(st) = app.status().filter(|s| s.error) {
            panic!("the app started with an error: {}", st.text);
        }
        Desk { app, term }
    }

    pub fn open(path: &Path) -> Desk {
        Desk::open_with(path, |_| {})
    }

    /// What the loop does for one key: handle it, read the clock, draw.
    fn step(&mut self, code: KeyCode) {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        self.app.tick(false);
        self.term
            .draw(|f| dutydesk::ui::draw(f, &self.app))
            .expect("draw");
    }

    /// A key not measured (getting to where the measured keys are).
    pub fn key(&mut self, code: KeyCode) {
        self.step(code);
    }

    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// A measured key: from the key arriving to the frame drawn.
    pub fn press(&mut self, code: KeyCode, into: &mut Vec<Duration>) {
        MEASURING.store(true, Ordering::Relaxed);
        into.push(timed(|| self.step(code)));
        MEASURING.store(false, Ordering::Relaxed);
    }

    /// Back to the Now screen with nothing open, leaving any form unsaved.
    pub fn home(&mut self) {
        for _ in 0..8 {
            if matches!(self.app.screen(), Screen::Now(_)) {
                return;
            }
            let dirty = self.app.screen().is_dirty();
            self.key(KeyCode::Esc);
            if dirty {
                self.key(KeyCode::Char('y'));
            }
        }
        panic!("could not get back to the Now screen");
    }

    /// The text of the last frame, to check a scenario did what it meant to.
    pub fn frame_text(&self) -> String {
        let buf = self.term.backend().buffer();
        buf.content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect()
    }
}

/// Open the database and draw the first frame of the Now screen, as `dutydesk` starts (the
/// day's integrity check aside: it runs in the background, see `quick_check`).
pub fn open_first_frame(dbs: &Databases, reps: Reps) -> Figure {
    let mut samples = [Vec::new(), Vec::new()];
    // One unmeasured start each, so both files are in the page cache alike.
    for (_, path) in dbs.both() {
        drop(Desk::open(path));
    }
    let started = Instant::now();
    for run in 1..=reps.runs {
        for (i, (_, path)) in dbs.both().into_iter().enumerate() {
            let t = Instant::now();
            let desk = Desk::open(path);
            samples[i].push(t.elapsed());
            drop(black_box(desk));
        }
        if reps.enough(run, reps.runs, started) {
            break;
        }
    }
    let [one, five] = samples;
    time_figure(
        "open + first frame (Now, 120×40)",
        &one,
        &five,
        Stat::Median,
        Some(30.0),
        1.3,
    )
}

/// Every main screen's keys: each scenario in rounds, a round on each database in turn.
pub fn key_presses(dbs: &Databases, reps: Reps) -> Vec<Figure> {
    let mut desks = dbs.both().map(|(_, path)| Desk::open(path));
    crate::keys::SCENARIOS
        .iter()
        .map(|sc| {
            let mut samples = [Vec::new(), Vec::new()];
            let started = Instant::now();
            for _ in 0..reps.rounds {
                for (desk, into) in desks.iter_mut().zip(samples.iter_mut()) {
                    (sc.run)(desk, into, false);
                    desk.home();
                }
                // A round is many presses: one is enough when they are slow.
                if started.elapsed() > reps.budget {
                    break;
                }
            }
            let [one, five] = samples;
            time_figure(sc.name, &one, &five, Stat::P99, Some(5.0), 1.3)
        })
        .collect()
}

/// Builds a report's text from a setup.
pub type Build = fn(&ReportSetup) -> String;

/// What a report needs, for the in-process runs and the trace.
pub struct ReportSetup {
    pub store: Store,
    pub cfg: dutydesk::config::Config,
    pub now: DateTime<chrono::FixedOffset>,
    pub shift: dutydesk::domain::shift::ShiftId,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl ReportSetup {
    pub fn new(path: &Path) -> ReportSetup {
        let store = Store::open_existing(path).expect("open the database");
        let day = NaiveDate::parse_from_str(crate::SHIFT_DAY, "%Y-%m-%d").expect("a day");
        let shift = store
            .shifts_on(day)
            .expect("shifts of the day")
            .last()
            .expect("a shift on SHIFT_DAY")
            .id;
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a day");
        ReportSetup {
            store,
            cfg: dutydesk::config::load(None).expect("default config"),
            now: clock().now(),
            shift,
            from: day(crate::SEMESTER.0),
            to: day(crate::SEMESTER.1),
        }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx::new(&self.cfg, Lang::En, *self.now.offset())
    }

    /// `report shift --format text`, without opening the file.
    pub fn shift_text(&self) -> String {
        let ctx = self.ctx();
        let summary = shift::build(&self.store, &ctx, self.shift, self.now).expect("shift report");
        summary.doc(&ctx).text()
    }

    /// `report period --format text`, without opening the file.
    pub fn period_text(&self) -> String {
        let ctx = self.ctx();
        let report =
            period::build(&self.store, &ctx, self.from, self.to, self.now).expect("period report");
        report.doc(&ctx).text()
    }
}

/// The shift and period reports built and written as text by the library, on an open store.
pub fn reports_in_process(dbs: &Databases, reps: Reps) -> Vec<Figure> {
    let setups = dbs.both().map(|(_, path)| ReportSetup::new(path));
    let kinds: [(&str, Build); 2] = [
        (
            "report shift, one day (in-process)",
            ReportSetup::shift_text,
        ),
        (
            "report period, one semester (in-process)",
            ReportSetup::period_text,
        ),
    ];
    kinds
        .into_iter()
        .map(|(name, f)| {
            let mut samples = [Vec::new(), Vec::new()];
            let started = Instant::now();
            for run in 1..=reps.runs {
                for (setup, into) in setups.iter().zip(samples.iter_mut()) {
                    into.push(timed(|| {
                        black_box(f(setup));
                    }));
                }
                if reps.enough(run, reps.runs, started) {
                    break;
                }
            }
            let [one, five] = samples;
            time_figure(name, &one, &five, Stat::Median, None, 1.3).info()
        })
        .collect()
}

/// The day's `quick_check`, which the first start of each day runs on its own thread.
pub fn quick_check(dbs: &Databases) -> Figure {
    let [one, five] = dbs.both().map(|(_, path)| {
        let store = Store::open_existing(path).expect("open the database");
        let t = Instant::now();
        let check = store.start_quick_check();
        loop {
            if let Some(result) = check.poll() {
                assert_eq!(result, Ok(Vec::new()), "quick_check found problems");
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        vec![t.elapsed()]
    });
    time_figure(
        "daily quick_check (background thread)",
        &one,
        &five,
        Stat::Median,
        None,
        1.3,
    )
    .info()
}
