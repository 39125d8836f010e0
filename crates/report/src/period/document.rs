//! A period's report as a document: the facts at its head, the figures for programs, the
//! sections in order, and the helpers that write counts as a section.

use serde_json::Value;

use super::PeriodReport;
use crate::doc::{Doc, Fact, Section};
use crate::shift::section;
use crate::{Ctx, keys};
use domain::incident::Bullying;

impl PeriodReport {
    /// The report as a document, in the language of `ctx`.
    pub fn doc(&self, ctx: &Ctx<'_>) -> Doc {
        let mut facts = self.work_facts(ctx);
        facts.extend(self.outcome_facts(ctx));
        Doc {
            kind: "period",
            title: (ctx.s.report.period_title)(ctx.cfg.school.get(ctx.lang)),
            facts,
            figures: self.figures(ctx),
            sections: self.sections(ctx),
        }
    }

    /// The period, and the work done in it: shifts, rounds, problems found, incidents.
    fn work_facts(&self, ctx: &Ctx<'_>) -> Vec<Fact> {
        let s = ctx.s;
        vec![
            fact("from", s.report.from, self.from.to_string()),
            fact("to", s.report.to, self.to.to_string()),
            fact(
                "shifts",
                s.report.shifts,
                (s.report.shift_counts)(self.shifts.len(), self.signed_off()),
            ),
            fact(
                "rounds",
                s.report.patrols,
                (s.report.round_rate)(
                    self.rounds.due,
                    self.rounds.done + self.rounds.late,
                    &rate_text(self.rounds.rate()),
                ),
            ),
            fact(
                "problems",
                s.report.problems_found,
                (s.report.problem_counts)(self.problem_rounds, self.problem_items),
            ),
            fact(
                "incidents",
                s.report.incidents,
                self.incidents.len().to_string(),
            ),
        ]
    }

    /// How what was found was seen to: follow-ups and hazards in time, and the gate.
    fn outcome_facts(&self, ctx: &Ctx<'_>) -> Vec<Fact> {
        let s = ctx.s;
        let refused = self.refused();
        vec![
            fact(
                "followups_on_time",
                s.report.followups_on_time,
                rate_text(self.followup_counts().on_time_rate()),
            ),
            fact(
                "hazards_on_time",
                s.report.hazards_on_time,
                rate_text(self.hazard_counts(ctx.offset).on_time_rate()),
            ),
            fact(
                "gate",
                s.report.gate,
                (s.report.visit_counts)(
                    self.visits.len() - refused,
                    refused,
                    self.early_leaves.len(),
                ),
            ),
        ]
    }

    /// The tables, in order: rounds, incidents, measures, outcomes, the gate, where and when,
    /// repeat students, the weeks.
    fn sections(&self, ctx: &Ctx<'_>) -> Vec<Section> {
        let s = ctx.s;
        let f = self.followup_counts();
        let h = self.hazard_counts(ctx.offset);
        vec![
            Self::rounds_section(
                ctx,
                "rounds_by_slot",
                s.report.by_slot,
                &self.by_slot,
                |id| ctx.cfg.slot_name(id, ctx.lang).to_owned(),
            ),
            Self::rounds_section(
                ctx,
                "rounds_by_place",
                s.report.by_place,
                &self.by_place,
                |id| ctx.cfg.place_name(id, ctx.lang).into_owned(),
            ),
        ]
        .into_iter()
        .chain(self.incident_sections(ctx))
        .chain([
            self.measures_section(ctx),
            counts(
                ctx,
                "followups",
                s.report.followups,
                s.report.col_outcome,
                coded(&[
                    ("on_time", s.report.on_time, f.on_time),
                    ("late", s.report.late, f.late),
                    ("overdue", s.report.overdue, f.overdue),
                    ("not_yet_due", s.report.not_yet_due, f.not_yet_due),
                    ("cancelled", s.report.cancelled, f.cancelled),
                ]),
            ),
            counts(
                ctx,
                "hazards",
                s.report.hazards,
                s.report.col_outcome,
                coded(&[
                    ("on_time", s.report.on_time, h.on_time),
                    ("late", s.report.late, h.late),
                    ("overdue", s.report.overdue, h.overdue),
                    ("within_time", s.report.within_time, h.within_time),
                ]),
            ),
            self.gate_section(ctx),
            self.place_slot_section(ctx),
            self.repeat_section(ctx),
            self.weeks_section(ctx),
        ])
        .collect()
    }

    /// The headline counts as numbers (JSON `figures`).
    pub fn figures(&self, ctx: &Ctx<'_>) -> Vec<(&'static str, Value)> {
        let f = self.followup_counts();
        let h = self.hazard_counts(ctx.offset);
        let r = &self.rounds;
        let refused = self.refused();
        let n = |x: usize| Value::from(x as u64);
        vec![
            ("shifts", n(self.shifts.len())),
            ("shifts_signed_off", n(self.signed_off())),
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
}

/// A rate as the facts write it: `87.5%`, or `—` when there was nothing to count.
fn rate_text(r: Option<f64>) -> String {
    r.map_or_else(|| "—".to_owned(), |r| format!("{r:.1}%"))
}

fn fact(key: &'static str, label: &str, value: String) -> Fact {
    Fact {
        key,
        label: label.to_owned(),
        value,
    }
}

/// Counts of each value of a coded enum, in its order, leaving out zeros.
pub(super) fn tally<T: Copy + PartialEq>(
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
pub(super) fn coded(rows: &[(&str, &str, u64)]) -> Vec<(String, String, u64)> {
    rows.iter()
        .map(|(code, word, n)| ((*code).to_owned(), (*word).to_owned(), *n))
        .collect()
}

/// A two-column section: a name and its count, each row with its stable code.
pub(super) fn counts(
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
        &[name, ctx.s.report.col_count],
        rows,
        ctx,
    );
    sec.table.title = format!("{title} ({total})");
    sec.numeric = keys(&["count"]);
    sec.codes = codes;
    sec
}
