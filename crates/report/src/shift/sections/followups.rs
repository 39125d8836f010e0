//! The follow-up sections: created, completed, overdue and due soon.

use crate::Ctx;
use crate::doc::Section;
use crate::shift::{ShiftSummary, section};
use domain::followup::Followup;

impl ShiftSummary {
    /// Follow-ups created, completed, overdue and due soon.
    pub(in crate::shift) fn followup_sections(&self, ctx: &Ctx<'_>) -> [Section; 4] {
        let s = ctx.s;
        [
            followups_section(
                ctx,
                "followups_created",
                s.report.followups_created,
                &self.followups_created,
            ),
            followups_section(
                ctx,
                "followups_completed",
                s.report.followups_completed,
                &self.followups_completed,
            ),
            followups_section(
                ctx,
                "followups_overdue",
                s.report.followups_overdue,
                &self.followups_overdue,
            ),
            followups_section(
                ctx,
                "followups_due_soon",
                s.report.followups_due_soon,
                &self.followups_due_soon,
            ),
        ]
    }
}

fn followups_section(ctx: &Ctx<'_>, key: &'static str, title: &str, list: &[Followup]) -> Section {
    let s = ctx.s;
    let rows = list
        .iter()
        .map(|f| {
            let about: Vec<&str> = [
                f.incident.as_ref().map(|(_, n)| n.as_str()),
                f.student.as_ref().map(|(_, n)| n.as_str()),
                f.hazard.as_ref().map(|(_, n)| n.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            vec![
                s.followup_kind(f.kind).to_owned(),
                about.join(" · "),
                f.owner_name.clone(),
                ctx.day_hm(f.due_at),
                f.done_at.map(|t| ctx.day_hm(t)).unwrap_or_default(),
                f.outcome.clone(),
            ]
        })
        .collect();
    section(
        key,
        title,
        &["kind", "about", "owner", "due", "done", "outcome"],
        &[
            s.report.col_kind,
            s.report.col_about,
            s.report.col_owner,
            s.report.col_due,
            s.report.col_done_at,
            s.report.col_outcome,
        ],
        rows,
        ctx,
    )
}
