//! The tables of a shift's summary, one function per section: rounds, incidents, follow-ups,
//! hazards and the gate each in their own file; here the handover note and the corrections
//! after sign-off.

mod followups;
mod gate;
mod hazards;
mod incidents;
mod rounds;

use super::document::section;
use super::{Correction, ShiftSummary};
use crate::Ctx;
use crate::doc::Section;

pub(super) use incidents::incidents_section;

impl ShiftSummary {
    pub(in crate::shift) fn handover_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .shift
            .handover_note
            .lines()
            .map(|l| vec![l.to_owned()])
            .collect();
        section(
            "handover",
            s.report.handover,
            &["line"],
            &[s.report.col_note],
            rows,
            ctx,
        )
    }

    pub(in crate::shift) fn corrections_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .corrections
            .iter()
            .map(|c| match c {
                Correction::Record(a, label) => vec![
                    ctx.day_hm(a.at),
                    format!("{} {label}", s.log_kind(a.kind)),
                    s.log_action(a.action).to_owned(),
                    a.by_name.clone(),
                    a.reason.clone(),
                ],
                Correction::Check(c) => vec![
                    ctx.day_hm(c.at),
                    format!(
                        "{} {}",
                        ctx.cfg.place_name(&c.round.place, ctx.lang),
                        ctx.cfg.slot_name(&c.round.slot, ctx.lang)
                    ),
                    s.report.checked_again.to_owned(),
                    c.by_name.clone(),
                    String::new(),
                ],
                Correction::Reason(e) => vec![
                    ctx.day_hm(e.at),
                    format!(
                        "{} {}",
                        ctx.cfg.place_name(&e.round.place, ctx.lang),
                        ctx.cfg.slot_name(&e.round.slot, ctx.lang)
                    ),
                    s.report.reason_written.to_owned(),
                    e.by_name.clone(),
                    e.reason.clone(),
                ],
            })
            .collect();
        section(
            "corrections_after_sign_off",
            s.report.corrections,
            &["at", "record", "change", "by", "reason"],
            &[
                s.report.col_at,
                s.report.col_record,
                s.report.col_change,
                s.report.col_by,
                s.report.col_reason,
            ],
            rows,
            ctx,
        )
    }
}
