//! A shift's summary as a document: the facts at the head of the duty log, the figures for
//! programs, and the sections in the order of the paper log.

use serde_json::Value;

use super::ShiftSummary;
use super::sections::incidents_section;
use crate::doc::{Doc, Fact, Section};
use crate::{Ctx, Table, table};
use domain::shift::DutyRole;

impl ShiftSummary {
    /// The summary as a document, in the language of `ctx`.
    pub fn doc(&self, ctx: &Ctx<'_>) -> Doc {
        Doc {
            kind: "shift",
            title: (ctx.s.report.shift_title)(ctx.cfg.school.get(ctx.lang)),
            facts: self.facts(ctx),
            figures: self.figures(),
            sections: self.sections(ctx),
        }
    }

    /// The tables in the order of the paper duty log.
    fn sections(&self, ctx: &Ctx<'_>) -> Vec<Section> {
        let s = ctx.s;
        let mut sections = vec![
            self.exceptions_section(ctx),
            self.problems_section(ctx),
            incidents_section(
                ctx,
                "incidents_opened",
                s.report.incidents_opened,
                &self.opened,
            ),
            self.updated_section(ctx),
        ];
        sections.extend(self.followup_sections(ctx));
        sections.extend(self.hazard_sections(ctx));
        sections.extend([
            self.refused_section(ctx),
            self.leaves_section(ctx),
            self.still_in_section(ctx),
            self.handover_section(ctx),
            self.corrections_section(ctx),
        ]);
        sections
    }

    /// The head of the duty log: day, hours, roster, the tallies, the sign-off.
    fn facts(&self, ctx: &Ctx<'_>) -> Vec<Fact> {
        let mut facts = self.roster_facts(ctx);
        facts.extend(self.tally_facts(ctx));
        facts.extend(self.seal_facts(ctx));
        facts
    }

    /// Day, hours, and who was on duty in each role.
    fn roster_facts(&self, ctx: &Ctx<'_>) -> Vec<Fact> {
        let s = ctx.s;
        let shift = &self.shift;
        let mut facts = vec![
            fact("day", s.report.day, ctx.day(shift.day)),
            fact(
                "hours",
                s.report.hours,
                format!(
                    "{} – {}",
                    ctx.day_hm(shift.opened_at),
                    shift
                        .closed_at
                        .map_or_else(|| s.report.still_open.to_owned(), |t| ctx.day_hm(t))
                ),
            ),
        ];
        for role in DutyRole::ALL {
            let names: Vec<&str> = shift.with_role(role).map(|m| m.name.as_str()).collect();
            if !names.is_empty() {
                facts.push(fact(role.code(), s.duty_role(role), names.join("、")));
            }
        }
        facts
    }

    /// How the rounds went and who came through the gate.
    fn tally_facts(&self, ctx: &Ctx<'_>) -> [Fact; 2] {
        let s = ctx.s;
        let t = &self.tally;
        [
            fact(
                "patrols",
                s.report.patrols,
                (s.report.tally)(
                    self.rounds_due(),
                    t.done,
                    t.late,
                    t.partial,
                    t.missed,
                    self.rounds_to_come(),
                ),
            ),
            fact(
                "gate",
                s.report.gate,
                (s.report.gate_counts)(
                    self.admitted(),
                    self.visitors_out(),
                    self.refused(),
                    self.early_leaves.len(),
                    self.still_in.len(),
                ),
            ),
        ]
    }

    /// What pins the paper: the audit trail's head, and the leader's sign-off.
    fn seal_facts(&self, ctx: &Ctx<'_>) -> [Fact; 2] {
        let s = ctx.s;
        let (head, rows) = &self.audit_head;
        [
            fact(
                "audit",
                s.audit_head,
                format!("{rows} · {}", head.get(..16).unwrap_or(head)),
            ),
            fact(
                "signed_off",
                s.report.signed_off,
                match &self.shift.signed_off {
                    Some((at, by)) => format!("{by} {}", ctx.day_hm(*at)),
                    None => s.report.not_signed_off.to_owned(),
                },
            ),
        ]
    }

    /// The headline counts as numbers (JSON `figures`).
    pub fn figures(&self) -> Vec<(&'static str, Value)> {
        let t = &self.tally;
        let n = |x: usize| Value::from(x as u64);
        vec![
            ("shift_id", Value::from(self.shift.id.0)),
            ("rounds_due", n(self.rounds_due())),
            ("rounds_done", n(t.done)),
            ("rounds_late", n(t.late)),
            ("rounds_partial", n(t.partial)),
            ("rounds_missed", n(t.missed)),
            ("rounds_to_come", n(self.rounds_to_come())),
            ("rounds_without_reason", n(t.open_exceptions)),
            ("problems", n(self.problem_rounds())),
            ("incidents_opened", n(self.opened.len())),
            ("incidents_updated", n(self.updated.len())),
            ("followups_created", n(self.followups_created.len())),
            ("followups_completed", n(self.followups_completed.len())),
            ("followups_overdue", n(self.followups_overdue.len())),
            ("followups_due_soon", n(self.followups_due_soon.len())),
            ("hazards_opened", n(self.hazards_opened.len())),
            ("hazards_rectified", n(self.hazards_rectified.len())),
            ("hazards_overdue", n(self.hazards_overdue.len())),
            ("visitors_in", n(self.admitted())),
            ("visitors_out", n(self.visitors_out())),
            ("refused", n(self.refused())),
            ("early_leaves", n(self.early_leaves.len())),
            ("still_on_campus", n(self.still_in.len())),
            ("signed_off", Value::from(self.shift.signed_off.is_some())),
            ("corrections_after_sign_off", n(self.corrections.len())),
        ]
    }
}

fn fact(key: &'static str, label: &str, value: String) -> Fact {
    Fact {
        key,
        label: label.to_owned(),
        value,
    }
}

/// A section titled `title (n)`, with `none` under it when empty.
pub(crate) fn section(
    key: &'static str,
    title: &str,
    keys: &[&'static str],
    headers: &[&str],
    rows: Vec<Vec<String>>,
    ctx: &Ctx<'_>,
) -> Section {
    Section {
        key,
        table: Table {
            title: format!("{title} ({})", rows.len()),
            keys: table::keys(keys),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows,
        },
        numeric: Vec::new(),
        empty: ctx.s.report.none.to_owned(),
        codes: Vec::new(),
    }
}
