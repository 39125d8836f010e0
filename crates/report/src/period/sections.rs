//! The tables of a period's report, one function per section: rounds by slot and place,
//! incidents by category and by each coded field, measures, the gate, incidents by place and
//! time, repeat students, and the weeks.

use super::document::{coded, counts, tally};
use super::{PeriodReport, RoundCounts};
use crate::doc::Section;
use crate::shift::section;
use crate::{Ctx, Key, keys};
use domain::gate::{OutKind, Visit, VisitStatus};
use domain::incident::{Bullying, Severity, Source, Status};

impl PeriodReport {
    fn category_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        counts(
            ctx,
            "incidents_by_category",
            s.report.by_category,
            s.report.col_category,
            self.by_category(ctx)
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(id, n)| {
                    let name = ctx.cfg.category_name(&id, ctx.lang).into_owned();
                    (id, name, n)
                })
                .collect(),
        )
    }

    /// Incidents counted by category, severity, source, status and bullying determination.
    pub(super) fn incident_sections(&self, ctx: &Ctx<'_>) -> Vec<Section> {
        let s = ctx.s;
        vec![
            self.category_section(ctx),
            counts(
                ctx,
                "incidents_by_severity",
                s.report.by_severity,
                s.report.col_severity,
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
                s.report.by_source,
                s.report.col_source,
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
                s.report.by_status,
                s.report.col_status,
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
                s.report.bullying,
                s.report.col_determination,
                tally(
                    Bullying::ALL,
                    self.incidents.iter().map(|i| i.bullying),
                    Bullying::code,
                    |v| s.bullying_word(v),
                ),
            ),
        ]
    }

    pub(super) fn rounds_section(
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
                s.report.col_name,
                s.report.col_due_count,
                s.report.col_done_count,
                s.report.col_late,
                s.report.col_partial,
                s.report.col_missed,
                s.report.col_rate,
            ],
            rows,
            ctx,
        );
        sec.numeric = keys(&["due", "done", "late", "partial", "missed", "rate_percent"]);
        sec
    }

    pub(super) fn measures_section(&self, ctx: &Ctx<'_>) -> Section {
        counts(
            ctx,
            "measures",
            ctx.s.report.measures,
            ctx.s.report.col_measure,
            self.measure_counts(ctx)
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(id, n)| {
                    let name = ctx.cfg.measure_name(&id, ctx.lang).into_owned();
                    (id, name, n)
                })
                .collect(),
        )
    }

    pub(super) fn gate_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let count = |f: &dyn Fn(&Visit) -> bool| self.visits.iter().filter(|v| f(v)).count() as u64;
        let mut sec = counts(
            ctx,
            "gate",
            s.report.gate,
            s.report.col_what,
            coded(&[
                (
                    "admitted",
                    s.report.admitted,
                    count(&|v| v.status != VisitStatus::Refused),
                ),
                (
                    "refused",
                    s.report.refused_word,
                    count(&|v| v.status == VisitStatus::Refused),
                ),
                (
                    "admitted_despite_watchlist",
                    s.report.admitted_despite,
                    count(&|v| v.status != VisitStatus::Refused && v.watch_reason.is_some()),
                ),
                (
                    "left_unsigned",
                    s.left_unsigned_word,
                    count(&|v| v.out_kind == Some(OutKind::LeftUnsigned)),
                ),
                (
                    "early_leaves",
                    s.report.early_leaves_word,
                    self.early_leaves.len() as u64,
                ),
            ]),
        );
        // Not a sum: the rows overlap (admitted despite the watchlist are among the admitted).
        s.report.gate.clone_into(&mut sec.table.title);
        sec
    }

    /// Where and when: incidents by place (rows) and the slot whose hours they happened in.
    pub(super) fn place_slot_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let slots = &ctx.cfg.slots;
        let rows = self.place_slot_counts(ctx);
        let mut headers: Vec<&str> = vec![s.report.col_place];
        headers.extend(slots.iter().map(|sl| sl.short.get(ctx.lang)));
        headers.extend([s.report.other_times, s.report.total]);
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
            s.report.place_by_slot,
            &[],
            &headers,
            table_rows,
            ctx,
        );
        sec.numeric = keys[1..].to_vec();
        sec.table.keys = keys;
        sec
    }

    pub(super) fn repeat_section(&self, ctx: &Ctx<'_>) -> Section {
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
            &(s.report.repeat_students)(n),
            &["student", "class", "incidents", "roles"],
            &[
                s.report.col_student,
                s.report.col_class,
                s.report.incidents,
                s.report.col_roles,
            ],
            rows,
            ctx,
        );
        sec.numeric = keys(&["incidents"]);
        sec
    }

    pub(super) fn weeks_section(&self, ctx: &Ctx<'_>) -> Section {
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
            s.report.weeks,
            &["week_of", "incidents", "problem_rounds", "missed_rounds"],
            &[
                s.report.col_week,
                s.report.incidents,
                s.report.problems_found,
                s.report.col_missed,
            ],
            rows,
            ctx,
        );
        sec.numeric = keys(&["incidents", "problem_rounds", "missed_rounds"]);
        sec
    }
}
