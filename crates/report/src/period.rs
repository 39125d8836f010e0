//! The period report: the counts a term's work summary needs (like the one in the school's
//! document), gathered from the store for a range of days, as a document and as the series the
//! screen draws.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use serde_json::Value;

use super::doc::{Doc, Fact, Section};
use super::shift::section;
use super::{Ctx, Key, keys};
use domain::followup::{Followup, FollowupStatus};
use domain::gate::{EarlyLeave, OutKind, Visit, VisitStatus};
use domain::hazard::Hazard;
use domain::incident::{Bullying, Role, Severity, Source, Status};
use domain::patrol::{CheckRecord, ExceptionRecord, RoundState};
use domain::shift::Shift;
use domain::{rounds, schedule};
use store::{FollowupQuery, IncidentFacts, Store, StoreError};

/// Rounds counted by how they went. `due`: rounds whose window has closed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundCounts {
    pub due: u64,
    pub done: u64,
    pub late: u64,
    pub partial: u64,
    pub missed: u64,
}

impl RoundCounts {
    fn add(&mut self, state: RoundState) {
        match state {
            RoundState::Done => self.done += 1,
            RoundState::Late => self.late += 1,
            RoundState::Partial => self.partial += 1,
            RoundState::Missed => self.missed += 1,
            RoundState::Upcoming | RoundState::Due | RoundState::Untracked => return,
        }
        self.due += 1;
    }

    /// Rounds made (in time or late) per hundred due, one decimal; `None` with none due.
    pub fn rate(&self) -> Option<f64> {
        (self.due > 0).then(|| percent(self.done + self.late, self.due))
    }
}

/// Everything the period report says, for the days `from..=to`.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub shifts: Vec<Shift>,
    pub rounds: RoundCounts,
    /// By slot id, in config order.
    pub by_slot: Vec<(String, RoundCounts)>,
    /// By place id, in config order.
    pub by_place: Vec<(String, RoundCounts)>,
    /// Rounds whose latest check found a problem, and the problem items in them.
    pub problem_rounds: u64,
    pub problem_items: u64,
    pub incidents: Vec<IncidentFacts>,
    /// Follow-ups due in the period.
    pub followups: Vec<Followup>,
    /// Hazards recorded in the period.
    pub hazards: Vec<Hazard>,
    pub visits: Vec<Visit>,
    pub early_leaves: Vec<EarlyLeave>,
    /// Monday of each week → (incidents, problem rounds, missed rounds).
    pub weeks: BTreeMap<NaiveDate, (u64, u64, u64)>,
    /// When the report was made: follow-ups and hazards not yet due are not late.
    pub now: DateTime<Utc>,
}

fn percent(part: u64, whole: u64) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    let rate = part as f64 * 100.0 / whole as f64;
    (rate * 10.0).round() / 10.0
}

/// The start of local day `d` as an instant.
fn start_of(d: NaiveDate, offset: FixedOffset) -> DateTime<Utc> {
    offset
        .from_local_datetime(&d.and_time(NaiveTime::MIN))
        .single()
        .map_or_else(
            || d.and_time(NaiveTime::MIN).and_utc(),
            |t| t.with_timezone(&Utc),
        )
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Gathers the report for the local days `from..=to` as things stand at `now`.
pub fn build(
    store: &Store,
    ctx: &Ctx<'_>,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<FixedOffset>,
) -> Result<PeriodReport, StoreError> {
    let (start, end) = (
        start_of(from, ctx.offset),
        start_of(to + Duration::days(1), ctx.offset),
    );
    let mut report = PeriodReport {
        from,
        to,
        shifts: store.shifts_between(from, to)?,
        rounds: RoundCounts::default(),
        by_slot: ctx
            .cfg
            .slots
            .iter()
            .map(|s| (s.id.clone(), RoundCounts::default()))
            .collect(),
        by_place: ctx
            .cfg
            .places
            .iter()
            .map(|p| (p.id.clone(), RoundCounts::default()))
            .collect(),
        problem_rounds: 0,
        problem_items: 0,
        incidents: store.incident_facts(start, end)?,
        followups: store.followups(
            &FollowupQuery {
                due_from: Some(start),
                due_before: Some(end),
                ..FollowupQuery::default()
            },
            u32::MAX,
        )?,
        hazards: store.hazards_created_between(start, end)?,
        visits: store.visits_between(start, end)?,
        early_leaves: store.early_leaves_between(start, end)?,
        weeks: BTreeMap::new(),
        now: now.with_timezone(&Utc),
    };
    let mut week = from;
    while week <= to {
        report.weeks.insert(monday(week), (0, 0, 0));
        week += Duration::days(7);
    }
    report.weeks.insert(monday(to), (0, 0, 0));
    count_rounds(store, ctx, &mut report, now)?;
    for i in &report.incidents {
        let day = i.occurred_at.with_timezone(&ctx.offset).date_naive();
        report.weeks.entry(monday(day)).or_default().0 += 1;
    }
    Ok(report)
}

/// Puts every round of the period through the same state rules as the patrol grid.
fn count_rounds(
    store: &Store,
    ctx: &Ctx<'_>,
    report: &mut PeriodReport,
    now: DateTime<FixedOffset>,
) -> Result<(), StoreError> {
    let last = report.to.min(now.date_naive());
    if last < report.from {
        return Ok(());
    }
    let tracked = store.tracked_from()?.unwrap_or(now.date_naive());
    let mut checks: HashMap<NaiveDate, Vec<CheckRecord>> = HashMap::new();
    for c in store.round_checks_between(report.from, last)? {
        checks.entry(c.round.day).or_default().push(c);
    }
    let mut reasons: HashMap<NaiveDate, Vec<ExceptionRecord>> = HashMap::new();
    for e in store.round_exceptions_between(report.from, last)? {
        reasons.entry(e.round.day).or_default().push(e);
    }
    let mut day = report.from;
    while day <= last {
        let day_checks = checks.remove(&day).unwrap_or_default();
        let day_reasons = reasons.remove(&day).unwrap_or_default();
        let day_rounds = rounds::for_day(ctx.cfg, day, &day_checks, &day_reasons, now, tracked);
        let week = report.weeks.entry(monday(day)).or_default();
        for r in &day_rounds {
            report.rounds.add(r.state);
            if let Some((_, c)) = report.by_slot.iter_mut().find(|(id, _)| *id == r.key.slot) {
                c.add(r.state);
            }
            if let Some((_, c)) = report
                .by_place
                .iter_mut()
                .find(|(id, _)| *id == r.key.place)
            {
                c.add(r.state);
            }
            if let Some(c) = r.check.as_ref().filter(|c| c.problems > 0) {
                report.problem_rounds += 1;
                report.problem_items += u64::from(c.problems);
                week.1 += 1;
            }
            week.2 += u64::from(r.state == RoundState::Missed);
        }
        day += Duration::days(1);
    }
    Ok(())
}

/// A student in several incidents of the period, with the parts they had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatStudent {
    pub name: String,
    pub class_name: String,
    pub incidents: u64,
    pub roles: Vec<(Role, u64)>,
}

/// How follow-ups due in the period went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FollowupCounts {
    pub on_time: u64,
    pub late: u64,
    pub overdue: u64,
    pub not_yet_due: u64,
    pub cancelled: u64,
}

/// How hazards recorded in the period went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HazardCounts {
    pub on_time: u64,
    pub late: u64,
    pub overdue: u64,
    pub within_time: u64,
}

impl PeriodReport {
    pub fn followup_counts(&self) -> FollowupCounts {
        let mut c = FollowupCounts::default();
        for f in &self.followups {
            match (f.status, f.done_at) {
                (FollowupStatus::Done, Some(done)) if done <= f.due_at => c.on_time += 1,
                (FollowupStatus::Done, _) => c.late += 1,
                (FollowupStatus::Cancelled, _) => c.cancelled += 1,
                (FollowupStatus::Open, _) if f.due_at < self.now => c.overdue += 1,
                (FollowupStatus::Open, _) => c.not_yet_due += 1,
            }
        }
        c
    }

    pub fn hazard_counts(&self, offset: FixedOffset) -> HazardCounts {
        let today = self.now.with_timezone(&offset).date_naive();
        let mut c = HazardCounts::default();
        for h in &self.hazards {
            match h.rectified_at {
                Some(t) if t.with_timezone(&offset).date_naive() <= h.due_on => c.on_time += 1,
                Some(_) => c.late += 1,
                None if h.due_on < today => c.overdue += 1,
                None => c.within_time += 1,
            }
        }
        c
    }

    /// Incidents per category id, most first (ties in config order).
    pub fn by_category(&self, ctx: &Ctx<'_>) -> Vec<(String, u64)> {
        let mut counts: Vec<(String, u64)> = ctx
            .cfg
            .categories
            .iter()
            .map(|c| (c.id.clone(), 0))
            .collect();
        for i in &self.incidents {
            match counts.iter_mut().find(|(id, _)| *id == i.category) {
                Some((_, n)) => *n += 1,
                None => counts.push((i.category.clone(), 1)),
            }
        }
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counts
    }

    /// Students in at least `n` incidents, most first: id order breaks ties.
    pub fn repeat_students(&self, n: u32) -> Vec<RepeatStudent> {
        let mut by: BTreeMap<i64, RepeatStudent> = BTreeMap::new();
        for i in &self.incidents {
            // A student twice on one incident is one incident.
            let mut seen = Vec::new();
            for s in &i.students {
                let entry = by.entry(s.id.0).or_insert_with(|| RepeatStudent {
                    name: s.name.clone(),
                    class_name: s.class_name.clone(),
                    incidents: 0,
                    roles: Vec::new(),
                });
                if !seen.contains(&s.id) {
                    entry.incidents += 1;
                    seen.push(s.id);
                }
                match entry.roles.iter_mut().find(|(r, _)| *r == s.role) {
                    Some((_, k)) => *k += 1,
                    None => entry.roles.push((s.role, 1)),
                }
            }
        }
        let mut list: Vec<RepeatStudent> = by
            .into_values()
            .filter(|r| r.incidents >= u64::from(n))
            .collect();
        list.sort_by_key(|r| std::cmp::Reverse(r.incidents));
        list
    }

    /// The report as a document, in the language of `ctx`.
    pub fn doc(&self, ctx: &Ctx<'_>) -> Doc {
        let s = ctx.s;
        let f = self.followup_counts();
        let h = self.hazard_counts(ctx.offset);
        let refused = self
            .visits
            .iter()
            .filter(|v| v.status == VisitStatus::Refused)
            .count();
        let rate = |r: Option<f64>| r.map_or_else(|| "—".to_owned(), |r| format!("{r:.1}%"));
        let signed = self
            .shifts
            .iter()
            .filter(|x| x.signed_off.is_some())
            .count();
        let facts = vec![
            fact("from", s.r_from, self.from.to_string()),
            fact("to", s.r_to, self.to.to_string()),
            fact(
                "shifts",
                s.r_shifts,
                (s.r_shift_counts)(self.shifts.len(), signed),
            ),
            fact(
                "rounds",
                s.r_patrols,
                (s.r_round_rate)(
                    self.rounds.due,
                    self.rounds.done + self.rounds.late,
                    &rate(self.rounds.rate()),
                ),
            ),
            fact(
                "problems",
                s.r_problems_found,
                (s.r_problem_counts)(self.problem_rounds, self.problem_items),
            ),
            fact("incidents", s.r_incidents, self.incidents.len().to_string()),
            fact(
                "followups_on_time",
                s.r_followups_on_time,
                rate(
                    (f.on_time + f.late + f.overdue > 0)
                        .then(|| percent(f.on_time, f.on_time + f.late + f.overdue)),
                ),
            ),
            fact(
                "hazards_on_time",
                s.r_hazards_on_time,
                rate(
                    (h.on_time + h.late + h.overdue > 0)
                        .then(|| percent(h.on_time, h.on_time + h.late + h.overdue)),
                ),
            ),
            fact(
                "gate",
                s.r_gate,
                (s.r_visit_counts)(
                    self.visits.len() - refused,
                    refused,
                    self.early_leaves.len(),
                ),
            ),
        ];
        Doc {
            kind: "period",
            title: (s.r_period_title)(ctx.cfg.school.get(ctx.lang)),
            facts,
            figures: self.figures(ctx),
            sections: self.sections(ctx),
        }
    }

    fn sections(&self, ctx: &Ctx<'_>) -> Vec<Section> {
        let s = ctx.s;
        let f = self.followup_counts();
        let h = self.hazard_counts(ctx.offset);
        vec![
            Self::rounds_section(ctx, "rounds_by_slot", s.r_by_slot, &self.by_slot, |id| {
                ctx.cfg.slot_name(id, ctx.lang).to_owned()
            }),
            Self::rounds_section(ctx, "rounds_by_place", s.r_by_place, &self.by_place, |id| {
                ctx.cfg.place_name(id, ctx.lang).into_owned()
            }),
        ]
        .into_iter()
        .chain(self.incident_sections(ctx))
        .chain([
            self.measures_section(ctx),
            counts(
                ctx,
                "followups",
                s.r_followups,
                s.r_col_outcome,
                coded(&[
                    ("on_time", s.r_on_time, f.on_time),
                    ("late", s.r_late, f.late),
                    ("overdue", s.r_overdue, f.overdue),
                    ("not_yet_due", s.r_not_yet_due, f.not_yet_due),
                    ("cancelled", s.r_cancelled, f.cancelled),
                ]),
            ),
            counts(
                ctx,
                "hazards",
                s.r_hazards,
                s.r_col_outcome,
                coded(&[
                    ("on_time", s.r_on_time, h.on_time),
                    ("late", s.r_late, h.late),
                    ("overdue", s.r_overdue, h.overdue),
                    ("within_time", s.r_within_time, h.within_time),
                ]),
            ),
            self.gate_section(ctx),
            self.place_slot_section(ctx),
            self.repeat_section(ctx),
            self.weeks_section(ctx),
        ])
        .collect()
    }

    /// Incidents counted by category, severity, source, status and bullying determination.
    fn incident_sections(&self, ctx: &Ctx<'_>) -> Vec<Section> {
        let s = ctx.s;
        vec![
            counts(
                ctx,
                "incidents_by_category",
                s.r_by_category,
                s.r_col_category,
                self.by_category(ctx)
                    .into_iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(id, n)| {
                        let name = ctx.cfg.category_name(&id, ctx.lang).into_owned();
                        (id, name, n)
                    })
                    .collect(),
            ),
            counts(
                ctx,
                "incidents_by_severity",
                s.r_by_severity,
                s.r_col_severity,
                tally(
                    Severity::ALL,
                    self.incidents.iter().map(|i| i.severity),
                    Severity::code,
                    |v| s.severity(v),
                ),
            ),
            counts(
                ctx,
                "incidents_by_source",
                s.r_by_source,
                s.r_col_source,
                tally(
                    Source::ALL,
                    self.incidents.iter().map(|i| i.source),
                    Source::code,
                    |v| s.source(v),
                ),
            ),
            counts(
                ctx,
                "incidents_by_status",
                s.r_by_status,
                s.r_col_status,
                tally(
                    Status::ALL,
                    self.incidents.iter().map(|i| i.status),
                    Status::code,
                    |v| s.status(v),
                ),
            ),
            counts(
                ctx,
                "bullying",
                s.r_bullying,
                s.r_col_determination,
                tally(
                    Bullying::ALL,
                    self.incidents.iter().map(|i| i.bullying),
                    Bullying::code,
                    |v| s.bullying_word(v),
                ),
            ),
        ]
    }

    /// The headline counts as numbers (JSON `figures`).
    pub fn figures(&self, ctx: &Ctx<'_>) -> Vec<(&'static str, Value)> {
        let f = self.followup_counts();
        let h = self.hazard_counts(ctx.offset);
        let r = &self.rounds;
        let refused = self
            .visits
            .iter()
            .filter(|v| v.status == VisitStatus::Refused)
            .count();
        let n = |x: usize| Value::from(x as u64);
        vec![
            ("shifts", n(self.shifts.len())),
            (
                "shifts_signed_off",
                n(self
                    .shifts
                    .iter()
                    .filter(|x| x.signed_off.is_some())
                    .count()),
            ),
            ("rounds_due", Value::from(r.due)),
            ("rounds_done", Value::from(r.done)),
            ("rounds_late", Value::from(r.late)),
            ("rounds_partial", Value::from(r.partial)),
            ("rounds_missed", Value::from(r.missed)),
            (
                "rounds_made_percent",
                r.rate().map_or(Value::Null, Value::from),
            ),
            ("problem_rounds", Value::from(self.problem_rounds)),
            ("problem_items", Value::from(self.problem_items)),
            ("incidents", n(self.incidents.len())),
            (
                "bullying_confirmed",
                n(self
                    .incidents
                    .iter()
                    .filter(|i| i.bullying == Bullying::Yes)
                    .count()),
            ),
            ("followups_due", n(self.followups.len())),
            ("followups_on_time", Value::from(f.on_time)),
            ("followups_late", Value::from(f.late)),
            ("followups_overdue", Value::from(f.overdue)),
            ("hazards", n(self.hazards.len())),
            ("hazards_on_time", Value::from(h.on_time)),
            ("hazards_late", Value::from(h.late)),
            ("hazards_overdue", Value::from(h.overdue)),
            ("visits", n(self.visits.len() - refused)),
            ("refused", n(refused)),
            ("early_leaves", n(self.early_leaves.len())),
            (
                "repeat_students",
                n(self.repeat_students(ctx.cfg.reports.repeat_students).len()),
            ),
        ]
    }

    fn rounds_section(
        ctx: &Ctx<'_>,
        key: &'static str,
        title: &str,
        list: &[(String, RoundCounts)],
        name: impl Fn(&str) -> String,
    ) -> Section {
        let s = ctx.s;
        let rows = list
            .iter()
            .filter(|(_, c)| c.due > 0)
            .map(|(id, c)| {
                vec![
                    name(id),
                    c.due.to_string(),
                    (c.done + c.late).to_string(),
                    c.late.to_string(),
                    c.partial.to_string(),
                    c.missed.to_string(),
                    c.rate().map_or_else(String::new, |r| format!("{r:.1}")),
                ]
            })
            .collect();
        let mut sec = section(
            key,
            title,
            &[
                "name",
                "due",
                "done",
                "late",
                "partial",
                "missed",
                "rate_percent",
            ],
            &[
                s.r_col_name,
                s.r_col_due_count,
                s.r_col_done_count,
                s.r_col_late,
                s.r_col_partial,
                s.r_col_missed,
                s.r_col_rate,
            ],
            rows,
            ctx,
        );
        sec.numeric = keys(&["due", "done", "late", "partial", "missed", "rate_percent"]);
        sec
    }

    fn measures_section(&self, ctx: &Ctx<'_>) -> Section {
        let mut list: Vec<(String, u64)> =
            ctx.cfg.measures.iter().map(|m| (m.id.clone(), 0)).collect();
        for i in &self.incidents {
            for st in &i.students {
                for m in &st.measures {
                    match list.iter_mut().find(|(id, _)| id == m) {
                        Some((_, n)) => *n += 1,
                        None => list.push((m.clone(), 1)),
                    }
                }
            }
        }
        counts(
            ctx,
            "measures",
            ctx.s.r_measures,
            ctx.s.r_col_measure,
            list.into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(id, n)| {
                    let name = ctx.cfg.measure_name(&id, ctx.lang).into_owned();
                    (id, name, n)
                })
                .collect(),
        )
    }

    fn gate_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let count = |f: &dyn Fn(&Visit) -> bool| self.visits.iter().filter(|v| f(v)).count() as u64;
        let mut sec = counts(
            ctx,
            "gate",
            s.r_gate,
            s.r_col_what,
            coded(&[
                (
                    "admitted",
                    s.r_admitted,
                    count(&|v| v.status != VisitStatus::Refused),
                ),
                (
                    "refused",
                    s.r_refused_word,
                    count(&|v| v.status == VisitStatus::Refused),
                ),
                (
                    "admitted_despite_watchlist",
                    s.r_admitted_despite,
                    count(&|v| v.status != VisitStatus::Refused && v.watch_reason.is_some()),
                ),
                (
                    "left_unsigned",
                    s.left_unsigned_word,
                    count(&|v| v.out_kind == Some(OutKind::LeftUnsigned)),
                ),
                (
                    "early_leaves",
                    s.r_early_leaves_word,
                    self.early_leaves.len() as u64,
                ),
            ]),
        );
        // Not a sum: the rows overlap (admitted despite the watchlist are among the admitted).
        s.r_gate.clone_into(&mut sec.table.title);
        sec
    }

    /// Where and when: incidents by place (rows) and the slot whose hours they happened in.
    fn place_slot_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let slots = &ctx.cfg.slots;
        let slot_of = |t: DateTime<Utc>| -> usize {
            schedule::slot_at(slots, t.with_timezone(&ctx.offset).time()).unwrap_or(slots.len())
        };
        let mut rows: Vec<(String, Vec<u64>)> = Vec::new();
        for i in &self.incidents {
            let place = ctx.place(&i.place);
            let at = if let Some(at) = rows.iter().position(|(p, _)| *p == place) {
                at
            } else {
                rows.push((place, vec![0; slots.len() + 2]));
                rows.len() - 1
            };
            rows[at].1[slot_of(i.occurred_at)] += 1;
            rows[at].1[slots.len() + 1] += 1;
        }
        rows.sort_by_key(|(_, c)| std::cmp::Reverse(c.last().copied().unwrap_or(0)));
        let mut headers: Vec<&str> = vec![s.r_col_place];
        headers.extend(slots.iter().map(|sl| sl.short.get(ctx.lang)));
        headers.extend([s.r_other_times, s.r_total]);
        // The slot's position names its column in JSON and CSV, however many slots there are.
        let slot_keys: Vec<Key> = (1..=slots.len())
            .map(|n| Key::Owned(format!("slot_{n}")))
            .collect();
        let keys: Vec<Key> = std::iter::once(Key::Borrowed("place"))
            .chain(slot_keys.iter().cloned())
            .chain([Key::Borrowed("other_times"), Key::Borrowed("total")])
            .collect();
        let table_rows = rows
            .into_iter()
            .map(|(p, c)| {
                std::iter::once(p)
                    .chain(c.iter().map(u64::to_string))
                    .collect()
            })
            .collect();
        let mut sec = section(
            "place_by_slot",
            s.r_place_by_slot,
            &[],
            &headers,
            table_rows,
            ctx,
        );
        sec.numeric = keys[1..].to_vec();
        sec.table.keys = keys;
        sec
    }

    fn repeat_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let n = ctx.cfg.reports.repeat_students;
        let rows = self
            .repeat_students(n)
            .into_iter()
            .map(|r| {
                let roles: Vec<String> = r
                    .roles
                    .iter()
                    .map(|(role, k)| format!("{}×{k}", s.role(*role)))
                    .collect();
                vec![
                    r.name,
                    r.class_name,
                    r.incidents.to_string(),
                    roles.join("、"),
                ]
            })
            .collect();
        let mut sec = section(
            "repeat_students",
            &(s.r_repeat_students)(n),
            &["student", "class", "incidents", "roles"],
            &[s.r_col_student, s.r_col_class, s.r_incidents, s.r_col_roles],
            rows,
            ctx,
        );
        sec.numeric = keys(&["incidents"]);
        sec
    }

    fn weeks_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .weeks
            .iter()
            .map(|(week, (incidents, problems, missed))| {
                vec![
                    week.to_string(),
                    incidents.to_string(),
                    problems.to_string(),
                    missed.to_string(),
                ]
            })
            .collect();
        let mut sec = section(
            "weeks",
            s.r_weeks,
            &["week_of", "incidents", "problem_rounds", "missed_rounds"],
            &[
                s.r_col_week,
                s.r_incidents,
                s.r_problems_found,
                s.r_col_missed,
            ],
            rows,
            ctx,
        );
        sec.numeric = keys(&["incidents", "problem_rounds", "missed_rounds"]);
        sec
    }
}

fn fact(key: &'static str, label: &str, value: String) -> Fact {
    Fact {
        key,
        label: label.to_owned(),
        value,
    }
}

/// Counts of each value of a coded enum, in its order, leaving out zeros.
fn tally<T: Copy + PartialEq>(
    all: &[T],
    values: impl Iterator<Item = T>,
    code: impl Fn(T) -> &'static str,
    word: impl Fn(T) -> &'static str,
) -> Vec<(String, String, u64)> {
    let mut counts: Vec<(T, u64)> = all.iter().map(|v| (*v, 0)).collect();
    for v in values {
        if let Some((_, n)) = counts.iter_mut().find(|(x, _)| *x == v) {
            *n += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(v, n)| (code(v).to_owned(), word(v).to_owned(), n))
        .collect()
}

/// Rows with a code, a translated word and a count.
fn coded(rows: &[(&str, &str, u64)]) -> Vec<(String, String, u64)> {
    rows.iter()
        .map(|(code, word, n)| ((*code).to_owned(), (*word).to_owned(), *n))
        .collect()
}

/// A two-column section: a name and its count, each row with its stable code.
fn counts(
    ctx: &Ctx<'_>,
    key: &'static str,
    title: &str,
    name: &str,
    list: Vec<(String, String, u64)>,
) -> Section {
    let total: u64 = list.iter().map(|(_, _, n)| n).sum();
    let codes = list.iter().map(|(code, _, _)| code.clone()).collect();
    let rows = list
        .into_iter()
        .map(|(_, name, n)| vec![name, n.to_string()])
        .collect();
    let mut sec = section(
        key,
        title,
        &["name", "count"],
        &[name, ctx.s.r_col_count],
        rows,
        ctx,
    );
    sec.table.title = format!("{title} ({total})");
    sec.numeric = keys(&["count"]);
    sec.codes = codes;
    sec
}
