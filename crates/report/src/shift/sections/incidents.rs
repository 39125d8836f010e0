//! The incident sections: a list of incidents (opened, still open …) and the incidents updated
//! during the shift.

use crate::Ctx;
use crate::doc::Section;
use crate::shift::{ShiftSummary, section};
use domain::incident::Incident;

impl ShiftSummary {
    pub(in crate::shift) fn updated_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .updated
            .iter()
            .map(|(i, actions)| {
                let words: Vec<&str> = actions.iter().map(|a| s.log_action(*a)).collect();
                vec![
                    i.number.clone(),
                    ctx.cfg
                        .category_name(&i.draft.category, ctx.lang)
                        .into_owned(),
                    words.join("、"),
                    s.status(i.draft.status).to_owned(),
                ]
            })
            .collect();
        section(
            "incidents_updated",
            s.report.incidents_updated,
            &["number", "category", "done", "status"],
            &[
                s.report.col_number,
                s.report.col_category,
                s.report.col_done,
                s.report.col_status,
            ],
            rows,
            ctx,
        )
    }
}

pub(in crate::shift) fn incidents_section(
    ctx: &Ctx<'_>,
    key: &'static str,
    title: &str,
    list: &[Incident],
) -> Section {
    let s = ctx.s;
    let rows = list
        .iter()
        .map(|i| {
            let students: Vec<String> = i
                .students
                .iter()
                .map(|x| format!("{}({})", x.student.name, s.role(x.role)))
                .collect();
            vec![
                i.number.clone(),
                ctx.day_hm(i.draft.occurred_at),
                ctx.place(&i.draft.place),
                ctx.cfg
                    .category_name(&i.draft.category, ctx.lang)
                    .into_owned(),
                s.severity(i.draft.severity).to_owned(),
                students.join("、"),
                if i.voided.is_some() {
                    s.report.voided.to_owned()
                } else {
                    s.status(i.draft.status).to_owned()
                },
            ]
        })
        .collect();
    section(
        key,
        title,
        &[
            "number",
            "occurred_at",
            "place",
            "category",
            "severity",
            "students",
            "status",
        ],
        &[
            s.report.col_number,
            s.report.col_time,
            s.report.col_place,
            s.report.col_category,
            s.report.col_severity,
            s.report.col_students,
            s.report.col_status,
        ],
        rows,
        ctx,
    )
}
