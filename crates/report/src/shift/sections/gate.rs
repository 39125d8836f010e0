//! The gate sections: visitors refused, students who left early, and visitors still inside.

use crate::Ctx;
use crate::doc::Section;
use crate::shift::{ShiftSummary, section};
use domain::gate::VisitStatus;

impl ShiftSummary {
    pub(in crate::shift) fn refused_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .visits
            .iter()
            .filter(|v| v.status == VisitStatus::Refused)
            .map(|v| {
                vec![
                    ctx.hm(v.time_in),
                    v.name.clone(),
                    v.purpose.clone(),
                    v.watch_reason.clone().unwrap_or_default(),
                ]
            })
            .collect();
        section(
            "refused",
            s.report.refused,
            &["time", "name", "purpose", "reason"],
            &[
                s.report.col_time,
                s.report.col_person,
                s.fields.purpose,
                s.report.col_reason,
            ],
            rows,
            ctx,
        )
    }

    pub(in crate::shift) fn leaves_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .early_leaves
            .iter()
            .map(|l| {
                vec![
                    ctx.hm(l.time_out),
                    l.student_name.clone(),
                    l.class_name.clone(),
                    format!("{}({})", l.collected_by, l.relation),
                    l.approved_by.clone(),
                    l.time_back.map(|t| ctx.hm(t)).unwrap_or_default(),
                ]
            })
            .collect();
        section(
            "early_leaves",
            s.report.early_leaves,
            &[
                "time_out",
                "student",
                "class",
                "collected_by",
                "approved_by",
                "back",
            ],
            &[
                s.report.col_time,
                s.report.col_student,
                s.report.col_class,
                s.fields.collected_by,
                s.fields.approved_by,
                s.report.col_back,
            ],
            rows,
            ctx,
        )
    }

    pub(in crate::shift) fn still_in_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .still_in
            .iter()
            .map(|v| {
                vec![
                    v.name.clone(),
                    ctx.day_hm(v.time_in),
                    v.organisation.clone(),
                    v.purpose.clone(),
                ]
            })
            .collect();
        section(
            "still_on_campus",
            s.report.still_in,
            &["name", "time_in", "organisation", "purpose"],
            &[
                s.report.col_person,
                s.report.col_time_in,
                s.fields.organisation,
                s.fields.purpose,
            ],
            rows,
            ctx,
        )
    }
}
