//! The SQL behind the figures: every statement the app runs while starting, on each screen
//! action and for the reports, traced on both databases. For each distinct statement, SQLite's
//! work per run (virtual-machine steps, which do not depend on the machine's load) one year
//! against five, and its `EXPLAIN QUERY PLAN` on the five-year file, flagging full scans of
//! the tables that grow with time.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use dutydesk::store::Store;
use dutydesk::store::testing::Traced;

use crate::data::Databases;
use crate::desk::{Build, Desk, MEASURING, ReportSetup};

/// Tables that gain rows every day. The others (meta, staff, student, watch) are the school's
/// set-up and stay the same size over the years.
const GROWING: &[&str] = &[
    "shift",
    "shift_member",
    "patrol_check",
    "patrol_item",
    "round_exception",
    "incident",
    "incident_student",
    "report_slip",
    "hazard",
    "followup",
    "change_log",
    "visitor",
    "visit",
    "early_leave",
];

/// A work figure whose five-year/one-year ratio is above this is called growing.
const GROWTH_LIMIT: f64 = 1.3;
/// Below this many steps a run, growth is not worth a line.
const SMALL: f64 = 2_000.0;

/// Statements seen in one action on one database; `measured` runs happened inside timed keys.
type Seen = Vec<(bool, Traced)>;
type Log = Arc<Mutex<Seen>>;

/// One action (a scenario, the start, a report) on one database.
struct Action {
    name: String,
    /// Measured key presses (1 for the start and the reports).
    presses: usize,
    seen: Seen,
}

pub struct PlanOutput {
    pub summary: String,
    pub markdown: String,
}

fn tracer(log: &Log) -> impl FnMut(Traced) + Send + 'static {
    let log = Arc::clone(log);
    move |t| {
        let measured = MEASURING.load(Ordering::Relaxed);
        log.lock().expect("trace log").push((measured, t));
    }
}

fn drain(log: &Log) -> Seen {
    std::mem::take(&mut *log.lock().expect("trace log"))
}

/// Runs every action once on one database with the trace on.
fn trace_db(path: &std::path::Path) -> Vec<Action> {
    let log: Log = Arc::default();
    let mut actions = Vec::new();
    let mut desk = Desk::open_with(path, |store| {
        store.trace_statements(tracer(&log)).expect("trace");
    });
    // Everything the start ran counts for the start.
    let seen = drain(&log).into_iter().map(|(_, t)| (true, t)).collect();
    actions.push(Action {
        name: "open + first frame".to_owned(),
        presses: 1,
        seen,
    });
    for sc in crate::keys::SCENARIOS {
        let mut times = Vec::new();
        (sc.run)(&mut desk, &mut times, true);
        desk.home();
        actions.push(Action {
            name: sc.name.to_owned(),
            presses: times.len(),
            seen: drain(&log),
        });
    }
    let mut setup = ReportSetup::new(path);
    setup.store.trace_statements(tracer(&log)).expect("trace");
    let reports: [(&str, Build); 2] = [
        ("report shift, one day", ReportSetup::shift_text),
        ("report period, one semester", ReportSetup::period_text),
    ];
    for (name, f) in reports {
        f(&setup);
        let seen = drain(&log).into_iter().map(|(_, t)| (true, t)).collect();
        actions.push(Action {
            name: name.to_owned(),
            presses: 1,
            seen,
        });
    }
    actions
}

/// The statement as a key: placeholders without numbers, a list of them as one, a number after
/// LIMIT as N (some statements are built with it written in), one space between words.
pub fn normalise(sql: &str) -> String {
    let words: Vec<&str> = sql.split_whitespace().collect();
    let mut joined = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        let after_limit = i > 0 && words[i - 1].eq_ignore_ascii_case("LIMIT");
        if after_limit && w.chars().all(|c| c.is_ascii_digit()) {
            joined.push('N');
        } else {
            joined.push_str(w);
        }
    }
    let mut out = String::with_capacity(joined.len());
    let mut chars = joined.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '?' {
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
        }
    }
    while out.contains("?, ?") {
        out = out.replace("?, ?", "?");
    }
    out.replace("?,?", "?")
}

/// What is known of one distinct statement.
#[derive(Default)]
struct Statement {
    example: Option<String>,
    used_by: BTreeSet<String>,
    /// Per database: runs, VM steps, full-scan steps; runs with an automatic index.
    runs: [u64; 2],
    steps: [i64; 2],
    fullscan: [i64; 2],
    auto_index: u64,
}

#[allow(
    clippy::cast_precision_loss,
    reason = "step and run counts are far below 2^52"
)]
fn ratio(a: i64, b: u64) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

impl Statement {
    fn per_run(&self, db: usize) -> f64 {
        ratio(self.steps[db], self.runs[db])
    }

    fn growth(&self) -> f64 {
        self.per_run(1) / self.per_run(0)
    }

    fn grows(&self) -> bool {
        self.growth() > GROWTH_LIMIT && self.per_run(1) > SMALL
    }
}

/// The tables a statement names after FROM or JOIN, by the alias the plan will use.
fn aliases(sql: &str) -> HashMap<String, String> {
    const NOT_ALIAS: &[&str] = &[
        "WHERE", "JOIN", "LEFT", "INNER", "CROSS", "ON", "ORDER", "GROUP", "LIMIT", "USING",
        "INDEXED", "NOT", "UNION", "SET", "VALUES",
    ];
    let words: Vec<&str> = sql
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    let mut map = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        if !(w.eq_ignore_ascii_case("FROM") || w.eq_ignore_ascii_case("JOIN")) {
            continue;
        }
        let Some(table) = words.get(i + 1) else {
            continue;
        };
        let mut next = words.get(i + 2).copied();
        if next.is_some_and(|n| n.eq_ignore_ascii_case("AS")) {
            next = words.get(i + 3).copied();
        }
        let alias = next
            .filter(|n| !NOT_ALIAS.iter().any(|k| n.eq_ignore_ascii_case(k)))
            .unwrap_or(table);
        map.insert(alias.to_owned(), (*table).to_owned());
    }
    map
}

/// What a plan line says about a growing table: a full scan, or a walk in index order that is
/// bounded only if a LIMIT or a partial index bounds it (then the step counts tell).
fn flag(line: &str, grows: bool, tables: &HashMap<String, String>) -> Option<String> {
    let step = line.trim_start();
    if step.contains("AUTOMATIC") {
        return Some(format!("temporary index built: {step}"));
    }
    let rest = step.strip_prefix("SCAN ")?;
    let name = rest.split_whitespace().next()?;
    let table = tables.get(name).map_or(name, String::as_str);
    if !GROWING.contains(&table) {
        return None;
    }
    if !rest.contains(" USING ") {
        Some(format!(
            "FULL SCAN of `{table}`, a table that grows with time"
        ))
    } else if grows {
        Some(format!(
            "walks `{table}` in index order and the walk grows with history"
        ))
    } else {
        None
    }
}

/// Per action: statements per press, steps per press on both files, and where the five-year
/// steps go.
fn work_table(traced: &[Vec<Action>; 2], ids: &HashMap<String, String>) -> String {
    let mut out = String::from(
        "| action | statements per press (1y / 5y) | SQLite steps per press, 1y | 5y | growth | most of the 5y steps |\n|---|---|---|---|---|---|\n",
    );
    for (a1, a5) in traced[0].iter().zip(&traced[1]) {
        let mut steps = [0_i64; 2];
        let mut counts = [0_i64; 2];
        // Only the statements of the measured keys: getting there is not the action's cost.
        let mut by_statement: HashMap<&str, i64> = HashMap::new();
        for (db, action) in [a1, a5].into_iter().enumerate() {
            for (_, t) in action.seen.iter().filter(|(measured, _)| *measured) {
                steps[db] += t.vm_steps;
                counts[db] += 1;
                if db == 1 {
                    let id = ids.get(&normalise(&t.sql)).map_or("?", String::as_str);
                    *by_statement.entry(id).or_default() += t.vm_steps;
                }
            }
        }
        let presses = [a1.presses, a5.presses].map(|p| u64::try_from(p.max(1)).unwrap_or(1));
        let per = [ratio(steps[0], presses[0]), ratio(steps[1], presses[1])];
        let growth = per[1] / per[0];
        let mark = if growth > GROWTH_LIMIT && per[1] > SMALL {
            " **grows**"
        } else {
            ""
        };
        let mut top: Vec<(&str, i64)> = by_statement.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = top
            .iter()
            .take(3)
            .filter(|(_, n)| *n > 0)
            .map(|(id, n)| {
                let share = ratio(*n, u64::try_from(steps[1].max(1)).unwrap_or(1));
                format!("{id} {:.0}%", 100.0 * share)
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {:.1} / {:.1} | {:.0} | {:.0} | {growth:.2}×{mark} | {} |",
            a1.name,
            ratio(counts[0], presses[0]),
            ratio(counts[1], presses[1]),
            per[0],
            per[1],
            top.join(", ")
        );
    }
    out
}

/// The distinct statements that read or write records, with what they cost on each file.
fn collect(traced: &[Vec<Action>; 2]) -> Vec<(String, Statement)> {
    let mut statements: HashMap<String, Statement> = HashMap::new();
    for (db, actions) in traced.iter().enumerate() {
        for action in actions {
            for (_, t) in &action.seen {
                let st = statements.entry(normalise(&t.sql)).or_default();
                st.used_by.insert(action.name.clone());
                st.runs[db] += 1;
                st.steps[db] += t.vm_steps;
                st.fullscan[db] += t.fullscan_steps;
                st.auto_index += u64::from(t.auto_index);
                if db == 1 || st.example.is_none() {
                    st.example = t.expanded.clone().or_else(|| Some(t.sql.clone()));
                }
            }
        }
    }
    statements
        .into_iter()
        .filter(|(sql, _)| {
            let upper = sql.to_ascii_uppercase();
            ["SELECT", "WITH", "INSERT", "UPDATE", "DELETE"]
                .iter()
                .any(|k| upper.starts_with(k))
        })
        .collect()
}

pub fn run(dbs: &Databases) -> PlanOutput {
    let traced = dbs.both().map(|(_, path)| trace_db(path));
    let five = Store::open_existing(&dbs.five).expect("open the five-year database");
    let mut list = collect(&traced);
    // The costliest first, by the five-year file's total steps.
    list.sort_by(|a, b| b.1.steps[1].cmp(&a.1.steps[1]).then(a.0.cmp(&b.0)));
    let ids: HashMap<String, String> = list
        .iter()
        .enumerate()
        .map(|(n, (sql, _))| (sql.clone(), format!("S{}", n + 1)))
        .collect();
    let work = work_table(&traced, &ids);
    let mut summary = format!(
        "SQLite work per measured key press or report (VM steps; machine-independent):\n{work}\n"
    );
    let mut md = format!("## SQLite work per action\n\n{work}\n## Every statement\n\n");
    let mut findings = String::new();
    for (sql, st) in &list {
        let id = &ids[sql];
        let example = st.example.as_deref().unwrap_or(sql);
        let plan = five
            .query_plan(example)
            .or_else(|_| five.query_plan(sql))
            .unwrap_or_else(|e| vec![format!("(could not explain: {e})")]);
        let flags = flags_for(sql, st, &plan);
        write_statement(&mut md, id, sql, st, &plan, &flags);
        if !flags.is_empty() {
            write_finding(&mut findings, id, sql, st, &plan, &flags);
        }
    }
    let _ = write!(
        summary,
        "{} distinct statements explained (all plans in the report file).\n\nFindings:\n{}",
        list.len(),
        if findings.is_empty() {
            "none\n".to_owned()
        } else {
            findings
        }
    );
    PlanOutput {
        summary,
        markdown: md,
    }
}

/// What is wrong with a statement's plan or its work: scans, automatic indexes, growth.
fn flags_for(sql: &str, st: &Statement, plan: &[String]) -> Vec<String> {
    let tables = aliases(sql);
    let mut flags: Vec<String> = plan
        .iter()
        .filter_map(|l| flag(l, st.grows(), &tables))
        .collect();
    if st.auto_index > 0 {
        flags.push("SQLite built an automatic index while it ran".to_owned());
    }
    if st.grows() {
        flags.push(format!(
            "work per run grows {:.2}× from one year to five ({:.0} → {:.0} steps)",
            st.growth(),
            st.per_run(0),
            st.per_run(1)
        ));
    }
    flags
}

/// The statement's entry in the report file: who uses it, its work, its SQL, plan and flags.
fn write_statement(
    md: &mut String,
    id: &str,
    sql: &str,
    st: &Statement,
    plan: &[String],
    flags: &[String],
) {
    let used: Vec<&str> = st.used_by.iter().map(String::as_str).collect();
    let _ = write!(
        md,
        "### {id}{}\n\nUsed by: {}.  \nRuns 1y/5y: {}/{}; steps per run 1y {:.0}, 5y {:.0} ({:.2}×); full-scan steps per run 5y {:.0}.\n\n```sql\n{sql}\n```\n\n```\n{}\n```\n\n",
        if flags.is_empty() { "" } else { " ⚠" },
        used.join("; "),
        st.runs[0],
        st.runs[1],
        st.per_run(0),
        st.per_run(1),
        st.growth(),
        ratio(st.fullscan[1], st.runs[1]),
        plan.join("\n"),
    );
    for f in &md_list(flags) {
        let _ = writeln!(md, "{f}");
    }
}

/// A flagged statement in the summary's findings.
fn write_finding(
    findings: &mut String,
    id: &str,
    sql: &str,
    st: &Statement,
    plan: &[String],
    flags: &[String],
) {
    let used: Vec<&str> = st.used_by.iter().map(String::as_str).collect();
    let _ = writeln!(
        findings,
        "{id} [{}]\n  {}\n  plan: {}\n{}",
        used.join("; "),
        shorten(sql, 300),
        plan.join(" / "),
        flags.iter().fold(String::new(), |mut out, f| {
            let _ = writeln!(out, "  ! {f}");
            out
        })
    );
}

fn md_list(flags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = flags.iter().map(|f| format!("- ⚠ {f}")).collect();
    if !out.is_empty() {
        out.push(String::new());
    }
    out
}

fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}
