//! The tables of a shift's summary, one function per section: rounds, incidents, follow-ups,
//! hazards, the gate, the handover note and the corrections after sign-off.

use super::document::section;
use super::{Correction, ShiftSummary};
use crate::Ctx;
use crate::doc::Section;
use domain::followup::Followup;
use domain::gate::VisitStatus;
use domain::hazard::Hazard;
use domain::incident::Incident;
use domain::patrol::ItemResult;

impl ShiftSummary {
    /// Follow-ups created, completed, overdue and due soon.
    pub(super) fn followup_sections(&self, ctx: &Ctx<'_>) -> [Section; 4] {
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

    /// Hazards recorded, rectified and overdue.
    pub(super) fn hazard_sections(&self, ctx: &Ctx<'_>) -> [Section; 3] {
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

    pub(super) fn exceptions_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .rounds
            .iter()
            .filter(|r| r.state.is_exception())
            .map(|r| {
                vec![
                    i18n::window_text(&r.window),
                    ctx.cfg.slot_name(&r.key.slot, ctx.lang).to_owned(),
                    ctx.cfg.place_name(&r.key.place, ctx.lang).into_owned(),
                    i18n::state_word(s, r.state).to_owned(),
                    r.exception
                        .as_ref()
                        .map_or_else(|| s.report.no_reason.to_owned(), |e| e.reason.clone()),
                    r.exception
                        .as_ref()
                        .map(|e| e.by_name.clone())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        section(
            "round_exceptions",
            s.report.round_exceptions,
            &["window", "slot", "place", "state", "reason", "reason_by"],
            &[
                s.report.col_window,
                s.report.col_slot,
                s.report.col_place,
                s.report.col_state,
                s.report.col_reason,
                s.report.col_by,
            ],
            rows,
            ctx,
        )
    }

    pub(super) fn problems_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .rounds
            .iter()
            .filter_map(|r| r.check.as_ref().filter(|c| c.problems > 0).map(|c| (r, c)))
            .map(|(r, c)| {
                let mut what: Vec<String> = c
                    .items
                    .iter()
                    .filter(|i| i.result == ItemResult::Problem)
                    .map(|i| {
                        if i.note.is_empty() {
                            i.text.clone()
                        } else {
                            format!("{}：{}", i.text, i.note)
                        }
                    })
                    .collect();
                if !c.note.is_empty() {
                    what.push(c.note.clone());
                }
                vec![
                    ctx.hm(c.first_at),
                    ctx.cfg.place_name(&r.key.place, ctx.lang).into_owned(),
                    what.join("；"),
                    c.by_name.clone(),
                ]
            })
            .collect();
        section(
            "problems",
            s.report.problems,
            &["time", "place", "problem", "by"],
            &[
                s.report.col_time,
                s.report.col_place,
                s.report.col_problem,
                s.report.col_by,
            ],
            rows,
            ctx,
        )
    }

    pub(super) fn updated_section(&self, ctx: &Ctx<'_>) -> Section {
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

    pub(super) fn refused_section(&self, ctx: &Ctx<'_>) -> Section {
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

    pub(super) fn leaves_section(&self, ctx: &Ctx<'_>) -> Section {
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

    pub(super) fn still_in_section(&self, ctx: &Ctx<'_>) -> Section {
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

    pub(super) fn handover_section(&self, ctx: &Ctx<'_>) -> Section {
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

    pub(super) fn corrections_section(&self, ctx: &Ctx<'_>) -> Section {
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

pub(super) fn incidents_section(
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
