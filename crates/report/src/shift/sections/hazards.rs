//! The hazard sections: recorded, rectified and overdue.

use crate::Ctx;
use crate::doc::Section;
use crate::shift::{ShiftSummary, section};
use domain::hazard::Hazard;

impl ShiftSummary {
    /// Hazards recorded, rectified and overdue.
    pub(in crate::shift) fn hazard_sections(&self, ctx: &Ctx<'_>) -> [Section; 3] {
        let s = ctx.s;
        [
            hazards_section(
                ctx,
                "hazards_opened",
                s.report.hazards_opened,
                &self.hazards_opened,
            ),
            hazards_section(
                ctx,
                "hazards_rectified",
                s.report.hazards_rectified,
                &self.hazards_rectified,
            ),
            hazards_section(
                ctx,
                "hazards_overdue",
                s.report.hazards_overdue,
                &self.hazards_overdue,
            ),
        ]
    }
}

fn hazards_section(ctx: &Ctx<'_>, key: &'static str, title: &str, list: &[Hazard]) -> Section {
    let s = ctx.s;
    let rows = list
        .iter()
        .map(|h| {
            vec![
                h.draft.description.clone(),
                ctx.place(&h.draft.place),
                ctx.cfg
                    .risk(&h.draft.risk)
                    .map_or(h.draft.risk.as_str(), |r| r.name.get(ctx.lang))
                    .to_owned(),
                h.due_on.to_string(),
                h.owner_name.clone().unwrap_or_default(),
                s.hazard_status(h.status).to_owned(),
            ]
        })
        .collect();
    section(
        key,
        title,
        &["description", "place", "risk", "due_on", "owner", "status"],
        &[
            s.report.col_description,
            s.report.col_place,
            s.report.col_risk,
            s.report.col_due,
            s.report.col_owner,
            s.report.col_status,
        ],
        rows,
        ctx,
    )
}
