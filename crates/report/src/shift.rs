//! The shift summary (值班记录): what one shift did, gathered from the store, and the document
//! the summary screen shows and `dutydesk report shift` prints.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde_json::Value;

use super::doc::{Doc, Fact, Section};
use super::{Ctx, Table, table};
use domain::followup::Followup;
use domain::gate::{EarlyLeave, Visit, VisitStatus};
use domain::hazard::{Hazard, HazardId};
use domain::history::LogAction;
use domain::incident::{Incident, IncidentId};
use domain::patrol::{CheckRecord, ExceptionRecord, ItemResult};
use domain::rounds::{self, RoundView, Tally};
use domain::shift::{DutyRole, Shift, ShiftId};
use store::{Activity, FollowupQuery, LogKind, Store, StoreError};

/// A change made after the leader signed off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    /// A record of the shift changed (or a change made in the shift) after sign-off.
    Record(Activity, String),
    /// A round of the shift checked again after sign-off.
    Check(CheckRecord),
    /// A reason for a round of the shift written after sign-off.
    Reason(ExceptionRecord),
}

impl Correction {
    fn at(&self) -> DateTime<Utc> {
        match self {
            Correction::Record(a, _) => a.at,
            Correction::Check(c) => c.at,
            Correction::Reason(e) => e.at,
        }
    }
}

/// Everything the summary of one shift says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftSummary {
    pub shift: Shift,
    /// Until when: the close of the shift, or now while it is open.
    pub end: DateTime<Utc>,
    /// The rounds that fell to this shift: those of its day from its opening (from the start of
    /// the day for the day's first shift) until the next shift of the day opened.
    pub rounds: Vec<RoundView>,
    pub tally: Tally,
    pub opened: Vec<Incident>,
    /// Incidents opened earlier and changed during the shift, with what was done.
    pub updated: Vec<(Incident, Vec<LogAction>)>,
    pub followups_created: Vec<Followup>,
    pub followups_completed: Vec<Followup>,
    pub followups_overdue: Vec<Followup>,
    pub followups_due_soon: Vec<Followup>,
    pub hazards_opened: Vec<Hazard>,
    pub hazards_rectified: Vec<Hazard>,
    pub hazards_overdue: Vec<Hazard>,
    /// Visits that began during the shift (refusals included).
    pub visits: Vec<Visit>,
    pub early_leaves: Vec<EarlyLeave>,
    /// Visitors still inside at the end (now, for an open shift).
    pub still_in: Vec<Visit>,
    pub corrections: Vec<Correction>,
    /// The audit trail's head when the summary was made, and its number of rows: written on the
    /// signed paper, it pins every record up to then (a later change to one breaks the chain).
    pub audit_head: (String, u64),
}

/// Gathers the summary of `id` as it stands at `now`.
pub fn build(
    store: &Store,
    ctx: &Ctx<'_>,
    id: ShiftId,
    now: DateTime<FixedOffset>,
) -> Result<ShiftSummary, StoreError> {
    let shift = store.shift(id)?;
    let now_utc = now.with_timezone(&Utc);
    let end = shift.closed_at.unwrap_or(now_utc).min(now_utc);
    let rounds = shift_rounds(store, ctx, &shift, now)?;
    let tally = rounds::tally(&rounds);
    let activity = store.shift_activity(id)?;
    let of = |kind: LogKind| activity.iter().filter(move |a| a.kind == kind);
    let created = |kind: LogKind| -> Vec<i64> {
        of(kind)
            .filter(|a| a.action == LogAction::Created)
            .map(|a| a.record)
            .collect()
    };
    let opened = created(LogKind::Incident)
        .into_iter()
        .map(|i| store.incident(IncidentId(i)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut updated: Vec<(Incident, Vec<LogAction>)> = Vec::new();
    for a in of(LogKind::Incident).filter(|a| a.action != LogAction::Created) {
        if opened.iter().any(|i| i.id.0 == a.record) {
            continue;
        }
        match updated.iter_mut().find(|(i, _)| i.id.0 == a.record) {
            Some((_, actions)) => actions.push(a.action),
            None => updated.push((store.incident(IncidentId(a.record))?, vec![a.action])),
        }
    }
    let followup = |id: i64| -> Result<Followup, StoreError> {
        store.followup(domain::followup::FollowupId(id))
    };
    let followups_created = created(LogKind::Followup)
        .into_iter()
        .map(followup)
        .collect::<Result<Vec<_>, _>>()?;
    let followups_completed = of(LogKind::Followup)
        .filter(|a| a.action == LogAction::Completed)
        .map(|a| followup(a.record))
        .collect::<Result<Vec<_>, _>>()?;
    let open = store.followups(
        &FollowupQuery {
            open_only: true,
            due_before: Some(end + Duration::hours(24)),
            ..FollowupQuery::default()
        },
        u32::MAX,
    )?;
    let (followups_overdue, followups_due_soon) = open.into_iter().partition(|f| f.due_at < end);
    let [hazards_opened, hazards_rectified, hazards_overdue] = hazards(
        store,
        ctx,
        &shift,
        &created(LogKind::Hazard),
        of(LogKind::Hazard),
        end,
    )?;
    let visits = store.visits_between(shift.opened_at, end)?;
    let early_leaves = store.early_leaves_between(shift.opened_at, end)?;
    let still_in = if shift.closed_at.is_none() {
        store.on_campus()?
    } else {
        // A closed shift: who was inside when it closed (a visit of up to a week back).
        store
            .visits_between(end - Duration::days(7), end)?
            .into_iter()
            .filter(|v| v.status != VisitStatus::Refused && v.time_out.is_none_or(|t| t > end))
            .collect()
    };
    let corrections = match &shift.signed_off {
        Some((at, _)) => corrections(store, &shift, &rounds, *at)?,
        None => Vec::new(),
    };
    let audit_head = store.audit_head()?;
    Ok(ShiftSummary {
        shift,
        end,
        rounds,
        tally,
        opened,
        updated,
        followups_created,
        followups_completed,
        followups_overdue,
        followups_due_soon,
        hazards_opened,
        hazards_rectified,
        hazards_overdue,
        visits,
        early_leaves,
        still_in,
        corrections,
        audit_head,
    })
}

/// Hazards recorded and rectified during the shift, and those overdue at its end.
fn hazards<'a>(
    store: &Store,
    ctx: &Ctx<'_>,
    shift: &Shift,
    created: &[i64],
    activity: impl Iterator<Item = &'a Activity>,
    end: DateTime<Utc>,
) -> Result<[Vec<Hazard>; 3], StoreError> {
    let opened = created
        .iter()
        .map(|h| store.hazard(HazardId(*h)))
        .collect::<Result<Vec<_>, _>>()?;
    let rectified = activity
        .filter(|a| a.action == LogAction::StatusChanged)
        .map(|a| store.hazard(HazardId(a.record)))
        .collect::<Result<Vec<Hazard>, _>>()?
        .into_iter()
        .filter(|h| {
            h.rectified_at
                .is_some_and(|t| t >= shift.opened_at && t <= end)
        })
        .fold(Vec::new(), |mut list: Vec<Hazard>, h| {
            if !list.iter().any(|x| x.id == h.id) {
                list.push(h);
            }
            list
        });
    let end_day = end.with_timezone(&ctx.offset).date_naive();
    let overdue = store
        .hazards(true, u32::MAX)?
        .into_iter()
        .filter(|h| h.is_overdue(end_day))
        .collect();
    Ok([opened, rectified, overdue])
}

/// The rounds of the shift's day that fell to it (see `ShiftSummary::rounds`).
fn shift_rounds(
    store: &Store,
    ctx: &Ctx<'_>,
    shift: &Shift,
    now: DateTime<FixedOffset>,
) -> Result<Vec<RoundView>, StoreError> {
    let day = shift.day;
    let checks = store.day_checks(day)?;
    let exceptions = store.day_exceptions(day)?;
    let tracked = store.tracked_from()?.unwrap_or(day);
    let all = rounds::for_day(ctx.cfg, day, &checks, &exceptions, now, tracked);
    let local = |t: DateTime<Utc>| t.with_timezone(&ctx.offset).naive_local();
    let shifts = store.shifts_on(day)?;
    let at = shifts.iter().position(|s| s.id == shift.id).unwrap_or(0);
    let from = (at > 0).then(|| local(shift.opened_at));
    let until = shifts.get(at + 1).map(|next| local(next.opened_at));
    Ok(all
        .into_iter()
        .filter(|r| from.is_none_or(|f| r.window.start >= f))
        .filter(|r| until.is_none_or(|u| r.window.start < u))
        .collect())
}

/// What changed in the shift's records after the leader signed off, oldest first.
fn corrections(
    store: &Store,
    shift: &Shift,
    rounds: &[RoundView],
    signed: DateTime<Utc>,
) -> Result<Vec<Correction>, StoreError> {
    let mut out = Vec::new();
    for a in store.activity_after(shift.id, signed)? {
        let label = match a.kind {
            LogKind::Incident => store.incident(IncidentId(a.record))?.number,
            LogKind::Followup => {
                let f = store.followup(domain::followup::FollowupId(a.record))?;
                f.incident.map(|(_, n)| n).unwrap_or_default()
            }
            LogKind::Hazard => store.hazard(HazardId(a.record))?.draft.description,
            LogKind::Slip => String::new(),
        };
        out.push(Correction::Record(a, label));
    }
    for r in rounds {
        if let Some(c) = r.check.as_ref().filter(|c| c.at > signed) {
            out.push(Correction::Check(c.clone()));
        }
        if let Some(e) = r.exception.as_ref().filter(|e| e.at > signed) {
            out.push(Correction::Reason(e.clone()));
        }
    }
    out.sort_by_key(Correction::at);
    Ok(out)
}

impl ShiftSummary {
    /// The summary as a document, in the language of `ctx`.
    pub fn doc(&self, ctx: &Ctx<'_>) -> Doc {
        let s = ctx.s;
        let sections = vec![
            self.exceptions_section(ctx),
            self.problems_section(ctx),
            incidents_section(ctx, "incidents_opened", s.r_incidents_opened, &self.opened),
            self.updated_section(ctx),
            followups_section(
                ctx,
                "followups_created",
                s.r_followups_created,
                &self.followups_created,
            ),
            followups_section(
                ctx,
                "followups_completed",
                s.r_followups_completed,
                &self.followups_completed,
            ),
            followups_section(
                ctx,
                "followups_overdue",
                s.r_followups_overdue,
                &self.followups_overdue,
            ),
            followups_section(
                ctx,
                "followups_due_soon",
                s.r_followups_due_soon,
                &self.followups_due_soon,
            ),
            hazards_section(
                ctx,
                "hazards_opened",
                s.r_hazards_opened,
                &self.hazards_opened,
            ),
            hazards_section(
                ctx,
                "hazards_rectified",
                s.r_hazards_rectified,
                &self.hazards_rectified,
            ),
            hazards_section(
                ctx,
                "hazards_overdue",
                s.r_hazards_overdue,
                &self.hazards_overdue,
            ),
            self.refused_section(ctx),
            self.leaves_section(ctx),
            self.still_in_section(ctx),
            self.handover_section(ctx),
            self.corrections_section(ctx),
        ];
        Doc {
            kind: "shift",
            title: (s.r_shift_title)(ctx.cfg.school.get(ctx.lang)),
            facts: self.facts(ctx),
            figures: self.figures(),
            sections,
        }
    }

    /// The head of the duty log: day, hours, roster, the tallies, the sign-off.
    fn facts(&self, ctx: &Ctx<'_>) -> Vec<Fact> {
        let s = ctx.s;
        let shift = &self.shift;
        let mut facts = vec![
            fact("day", s.r_day, ctx.day(shift.day)),
            fact(
                "hours",
                s.r_hours,
                format!(
                    "{} – {}",
                    ctx.day_hm(shift.opened_at),
                    shift
                        .closed_at
                        .map_or_else(|| s.r_still_open.to_owned(), |t| ctx.day_hm(t))
                ),
            ),
        ];
        for role in DutyRole::ALL {
            let names: Vec<&str> = shift.with_role(role).map(|m| m.name.as_str()).collect();
            if !names.is_empty() {
                facts.push(fact(role.code(), s.duty_role(role), names.join("、")));
            }
        }
        let t = &self.tally;
        facts.push(fact(
            "patrols",
            s.r_patrols,
            (s.r_tally)(
                self.rounds.len() - t.upcoming - t.due,
                t.done,
                t.late,
                t.partial,
                t.missed,
                t.upcoming + t.due,
            ),
        ));
        let admitted = self
            .visits
            .iter()
            .filter(|v| v.status != VisitStatus::Refused)
            .count();
        let out = self.visits.iter().filter(|v| v.time_out.is_some()).count();
        facts.push(fact(
            "gate",
            s.r_gate,
            (s.r_gate_counts)(
                admitted,
                out,
                self.visits.len() - admitted,
                self.early_leaves.len(),
                self.still_in.len(),
            ),
        ));
        let (head, rows) = &self.audit_head;
        facts.push(fact(
            "audit",
            s.audit_head,
            format!("{rows} · {}", head.get(..16).unwrap_or(head)),
        ));
        facts.push(fact(
            "signed_off",
            s.r_signed_off,
            match &shift.signed_off {
                Some((at, by)) => format!("{by} {}", ctx.day_hm(*at)),
                None => s.r_not_signed_off.to_owned(),
            },
        ));
        facts
    }

    /// The headline counts as numbers (JSON `figures`).
    pub fn figures(&self) -> Vec<(&'static str, Value)> {
        let t = &self.tally;
        let n = |x: usize| Value::from(x as u64);
        let admitted = self
            .visits
            .iter()
            .filter(|v| v.status != VisitStatus::Refused)
            .count();
        vec![
            ("shift_id", Value::from(self.shift.id.0)),
            ("rounds_due", n(self.rounds.len() - t.upcoming - t.due)),
            ("rounds_done", n(t.done)),
            ("rounds_late", n(t.late)),
            ("rounds_partial", n(t.partial)),
            ("rounds_missed", n(t.missed)),
            ("rounds_to_come", n(t.upcoming + t.due)),
            ("rounds_without_reason", n(t.open_exceptions)),
            (
                "problems",
                n(self
                    .rounds
                    .iter()
                    .filter(|r| r.check.as_ref().is_some_and(|c| c.problems > 0))
                    .count()),
            ),
            ("incidents_opened", n(self.opened.len())),
            ("incidents_updated", n(self.updated.len())),
            ("followups_created", n(self.followups_created.len())),
            ("followups_completed", n(self.followups_completed.len())),
            ("followups_overdue", n(self.followups_overdue.len())),
            ("followups_due_soon", n(self.followups_due_soon.len())),
            ("hazards_opened", n(self.hazards_opened.len())),
            ("hazards_rectified", n(self.hazards_rectified.len())),
            ("hazards_overdue", n(self.hazards_overdue.len())),
            ("visitors_in", n(admitted)),
            (
                "visitors_out",
                n(self.visits.iter().filter(|v| v.time_out.is_some()).count()),
            ),
            ("refused", n(self.visits.len() - admitted)),
            ("early_leaves", n(self.early_leaves.len())),
            ("still_on_campus", n(self.still_in.len())),
            ("signed_off", Value::from(self.shift.signed_off.is_some())),
            ("corrections_after_sign_off", n(self.corrections.len())),
        ]
    }

    fn exceptions_section(&self, ctx: &Ctx<'_>) -> Section {
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
                        .map_or_else(|| s.r_no_reason.to_owned(), |e| e.reason.clone()),
                    r.exception
                        .as_ref()
                        .map(|e| e.by_name.clone())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        section(
            "round_exceptions",
            s.r_round_exceptions,
            &["window", "slot", "place", "state", "reason", "reason_by"],
            &[
                s.r_col_window,
                s.r_col_slot,
                s.r_col_place,
                s.r_col_state,
                s.r_col_reason,
                s.r_col_by,
            ],
            rows,
            ctx,
        )
    }

    fn problems_section(&self, ctx: &Ctx<'_>) -> Section {
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
            s.r_problems,
            &["time", "place", "problem", "by"],
            &[s.r_col_time, s.r_col_place, s.r_col_problem, s.r_col_by],
            rows,
            ctx,
        )
    }

    fn updated_section(&self, ctx: &Ctx<'_>) -> Section {
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
            s.r_incidents_updated,
            &["number", "category", "done", "status"],
            &[
                s.r_col_number,
                s.r_col_category,
                s.r_col_done,
                s.r_col_status,
            ],
            rows,
            ctx,
        )
    }

    fn refused_section(&self, ctx: &Ctx<'_>) -> Section {
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
            s.r_refused,
            &["time", "name", "purpose", "reason"],
            &[s.r_col_time, s.r_col_person, s.f_purpose, s.r_col_reason],
            rows,
            ctx,
        )
    }

    fn leaves_section(&self, ctx: &Ctx<'_>) -> Section {
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
            s.r_early_leaves,
            &[
                "time_out",
                "student",
                "class",
                "collected_by",
                "approved_by",
                "back",
            ],
            &[
                s.r_col_time,
                s.r_col_student,
                s.r_col_class,
                s.f_collected_by,
                s.f_approved_by,
                s.r_col_back,
            ],
            rows,
            ctx,
        )
    }

    fn still_in_section(&self, ctx: &Ctx<'_>) -> Section {
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
            s.r_still_in,
            &["name", "time_in", "organisation", "purpose"],
            &[
                s.r_col_person,
                s.r_col_time_in,
                s.f_organisation,
                s.f_purpose,
            ],
            rows,
            ctx,
        )
    }

    fn handover_section(&self, ctx: &Ctx<'_>) -> Section {
        let s = ctx.s;
        let rows = self
            .shift
            .handover_note
            .lines()
            .map(|l| vec![l.to_owned()])
            .collect();
        section(
            "handover",
            s.r_handover,
            &["line"],
            &[s.r_col_note],
            rows,
            ctx,
        )
    }

    fn corrections_section(&self, ctx: &Ctx<'_>) -> Section {
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
                    s.r_checked_again.to_owned(),
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
                    s.r_reason_written.to_owned(),
                    e.by_name.clone(),
                    e.reason.clone(),
                ],
            })
            .collect();
        section(
            "corrections_after_sign_off",
            s.r_corrections,
            &["at", "record", "change", "by", "reason"],
            &[
                s.r_col_at,
                s.r_col_record,
                s.r_col_change,
                s.r_col_by,
                s.r_col_reason,
            ],
            rows,
            ctx,
        )
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
pub(super) fn section(
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
        empty: ctx.s.r_none.to_owned(),
        codes: Vec::new(),
    }
}

fn incidents_section(ctx: &Ctx<'_>, key: &'static str, title: &str, list: &[Incident]) -> Section {
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
                    s.r_voided.to_owned()
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
            s.r_col_number,
            s.r_col_time,
            s.r_col_place,
            s.r_col_category,
            s.r_col_severity,
            s.r_col_students,
            s.r_col_status,
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
            s.r_col_kind,
            s.r_col_about,
            s.r_col_owner,
            s.r_col_due,
            s.r_col_done_at,
            s.r_col_outcome,
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
            s.r_col_description,
            s.r_col_place,
            s.r_col_risk,
            s.r_col_due,
            s.r_col_owner,
            s.r_col_status,
        ],
        rows,
        ctx,
    )
}
