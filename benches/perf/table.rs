//! The figures and their verdicts: median and p99 of each, the five-year/one-year growth, and
//! PASS or FAIL against the targets, as a plain-text table and as Markdown.

use std::fmt::Write as _;
use std::time::Duration;

/// Which statistic a target is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stat {
    Median,
    P99,
}

/// What a figure must meet on the five-year database: its `stat` within `limit` (none for a
/// figure shown for information), and growing no more than `growth` times from one to five
/// years.
#[derive(Debug, Clone, Copy)]
pub struct Judge {
    pub stat: Stat,
    pub limit: Option<f64>,
    pub growth: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Ms,
    RecordsPerSec,
    Mb,
}

/// One database's measurements of a figure, in the figure's unit.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub median: f64,
    pub p99: Option<f64>,
    pub n: usize,
}

impl Summary {
    /// Median and p99 (nearest rank) of durations, in milliseconds.
    pub fn of_times(samples: &[Duration]) -> Summary {
        let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        ms.sort_by(f64::total_cmp);
        Summary {
            median: rank(&ms, 0.5),
            p99: Some(rank(&ms, 0.99)),
            n: ms.len(),
        }
    }

    /// The median of single values (no p99: too few runs for one).
    pub fn of_values(values: &[f64]) -> Summary {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        Summary {
            median: rank(&v, 0.5),
            p99: None,
            n: v.len(),
        }
    }

    fn get(&self, stat: Stat) -> f64 {
        match stat {
            Stat::Median => self.median,
            Stat::P99 => self.p99.unwrap_or(self.median),
        }
    }
}

/// The nearest-rank quantile `q` of sorted values.
fn rank(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_sign_loss,
        reason = "sample counts are small"
    )]
    let i = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

#[derive(Debug, Clone)]
pub struct Figure {
    pub name: String,
    pub unit: Unit,
    pub one: Summary,
    pub five: Summary,
    /// None: shown for information, not judged.
    pub judge: Option<Judge>,
}

impl Figure {
    pub fn times(name: &str, one: &[Duration], five: &[Duration], judge: Judge) -> Figure {
        Figure {
            name: name.to_owned(),
            unit: Unit::Ms,
            one: Summary::of_times(one),
            five: Summary::of_times(five),
            judge: Some(judge),
        }
    }

    pub fn info(mut self) -> Figure {
        self.judge = None;
        self
    }

    fn stat(&self) -> Stat {
        self.judge.map_or(Stat::Median, |j| j.stat)
    }

    /// Five years over one, as "how many times worse": for a rate, the slowdown.
    pub fn growth(&self) -> f64 {
        let s = self.stat();
        let (one, five) = (self.one.get(s), self.five.get(s));
        if self.unit == Unit::RecordsPerSec {
            one / five
        } else {
            five / one
        }
    }

    /// The verdict: PASS, or what failed.
    pub fn verdict(&self) -> &'static str {
        let Some(j) = self.judge else {
            return "info";
        };
        let value = self.five.get(j.stat);
        let target_ok = j.limit.is_none_or(|limit| {
            if self.unit == Unit::RecordsPerSec {
                value >= limit
            } else {
                value <= limit
            }
        });
        let growth_ok = self.growth() <= j.growth;
        match (target_ok, growth_ok) {
            (true, true) => "PASS",
            (false, true) => "FAIL target",
            (true, false) => "FAIL growth",
            (false, false) => "FAIL both",
        }
    }

    fn target_text(&self) -> String {
        let Some(j) = self.judge else {
            return String::new();
        };
        let stat = match j.stat {
            Stat::Median => "median",
            Stat::P99 => "p99",
        };
        let limit = match (j.limit, self.unit) {
            (None, _) => String::new(),
            (Some(l), Unit::Ms) => format!("{stat} ≤ {l} ms, "),
            (Some(l), Unit::RecordsPerSec) => format!("≥ {l:.0}/s, "),
            (Some(l), Unit::Mb) => format!("≤ {l} MB, "),
        };
        format!("{limit}growth ≤ {}×", j.growth)
    }

    fn cells(&self) -> [String; 8] {
        let v = |x: f64| match self.unit {
            Unit::Ms if x < 10.0 => format!("{x:.3}"),
            Unit::Ms | Unit::Mb => format!("{x:.1}"),
            Unit::RecordsPerSec => format!("{x:.0}"),
        };
        let p = |s: &Summary| s.p99.map_or_else(|| "—".to_owned(), v);
        let unit = match self.unit {
            Unit::Ms => "ms",
            Unit::RecordsPerSec => "rec/s",
            Unit::Mb => "MB",
        };
        [
            format!("{} [{unit}, n={}]", self.name, self.five.n),
            v(self.one.median),
            p(&self.one),
            v(self.five.median),
            p(&self.five),
            format!("{:.2}×", self.growth()),
            self.target_text(),
            self.verdict().to_owned(),
        ]
    }
}

const HEADER: [&str; 8] = [
    "figure",
    "1y median",
    "1y p99",
    "5y median",
    "5y p99",
    "growth",
    "target (5y)",
    "verdict",
];

/// A plain-text table, columns padded.
pub fn render(figures: &[Figure]) -> String {
    let rows: Vec<[String; 8]> = figures.iter().map(Figure::cells).collect();
    let mut widths = HEADER.map(|h| h.chars().count());
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            let pad = w - c.chars().count();
            // Names read from the left, numbers from the right.
            if i == 0 || i >= 6 {
                let _ = write!(out, "{c}{}  ", " ".repeat(pad));
            } else {
                let _ = write!(out, "{}{c}  ", " ".repeat(pad));
            }
        }
        out.trim_end().to_owned() + "\n"
    };
    let mut out = line(&HEADER.map(str::to_owned));
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out += &line(&rule);
    for row in &rows {
        out += &line(row);
    }
    out
}

/// The same table in Markdown.
pub fn markdown(figures: &[Figure]) -> String {
    let mut out = format!("| {} |\n", HEADER.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(HEADER.len()));
    for f in figures {
        let _ = writeln!(out, "| {} |", f.cells().join(" | "));
    }
    out
}
