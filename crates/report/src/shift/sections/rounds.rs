//! The round sections: the exceptions found on the rounds and the checks that found problems.

use crate::Ctx;
use crate::doc::Section;
use crate::shift::{ShiftSummary, section};
use domain::patrol::ItemResult;

impl ShiftSummary {
    pub(in crate::shift) fn exceptions_section(&self, ctx: &Ctx<'_>) -> Section {
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

    pub(in crate::shift) fn problems_section(&self, ctx: &Ctx<'_>) -> Section {
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
}
