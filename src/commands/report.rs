//! `dutydesk report …`: reports printed to standard output in the format asked for.

use std::io::Write;

use chrono::{NaiveDate, Utc};

use super::Setup;
use crate::cli::{FormatArg, ReportCommand};
use crate::domain::access::{Perm, Subject, Verb};
use crate::domain::clock::parse_day;
use crate::domain::shift::ShiftId;
use crate::i18n::Strings;
use crate::i18n::Words as _;
use crate::report::{Ctx, Doc, Table, onsite, period, shift};
use crate::store::Store;

/// The version of the JSON structures `report` prints (documented in the README).
pub const JSON_VERSION: u32 = 1;

pub fn run(setup: &Setup, what: &ReportCommand) -> Result<(), String> {
    let s = setup.lang.strings();
    let mut store = Store::open_existing(&setup.paths.db).map_err(|e| s.store_error(&e))?;
    let now = setup.clock.now();
    super::auth::require(setup, &mut store, needed(what), now.to_utc())?;
    let generated_at = now.to_rfc3339();
    let ctx = Ctx::new(&setup.config, setup.lang, *now.offset());
    let err = |e: crate::store::StoreError| s.store_error(&e);
    let out = match what {
        ReportCommand::Onsite { format } => {
            let visits = store.on_campus().map_err(err)?;
            let table = onsite::table(&visits, now.with_timezone(&Utc), now.offset(), s);
            render_table("onsite", *format, &table, &generated_at)?
        }
        ReportCommand::Shift {
            date,
            shift: number,
            format,
        } => {
            let id = which_shift(&store, date.as_deref(), *number, now.date_naive(), s)?;
            let summary = shift::build(&store, &ctx, id, now).map_err(err)?;
            render_doc(*format, &summary.doc(&ctx), &generated_at)?
        }
        ReportCommand::Period { from, to, format } => {
            let today = now.date_naive();
            let (from, to) = (day_arg(from, today, s)?, day_arg(to, today, s)?);
            if to < from {
                return Err(s.report.to_before_from.to_owned());
            }
            let report = period::build(&store, &ctx, from, to, now).map_err(err)?;
            render_doc(*format, &report.doc(&ctx), &generated_at)?
        }
    };
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| e.to_string())
}

/// What the report needs the operator to hold.
fn needed(what: &ReportCommand) -> Perm {
    // The roll of who is on campus is the gate's (a guard prints it at a fire drill); the duty
    // log and the period report carry students' incidents.
    match what {
        ReportCommand::Onsite { .. } => Perm(Verb::View, Subject::Gate),
        _ => Perm(Verb::Export, Subject::Report),
    }
}

/// The shift a shift report is about: the one numbered; else the last of the day given (saying
/// so when the day had several); else the open shift, else the latest.
fn which_shift(
    store: &Store,
    date: Option<&str>,
    number: Option<i64>,
    today: NaiveDate,
    s: &Strings,
) -> Result<ShiftId, String> {
    let err = |e: crate::store::StoreError| s.store_error(&e);
    Ok(match (date, number) {
        (_, Some(n)) => ShiftId(n),
        (Some(d), None) => {
            let day = day_arg(d, today, s)?;
            let shifts = store.shifts_on(day).map_err(err)?;
            if shifts.len() > 1 {
                let numbers: Vec<String> = shifts.iter().map(|x| x.id.0.to_string()).collect();
                eprintln!("{}", (s.report.several_shifts)(&numbers.join(", ")));
            }
            shifts
                .last()
                .map(|x| x.id)
                .ok_or_else(|| (s.report.no_shift_on)(d))?
        }
        (None, None) => match store.open_shift().map_err(err)? {
            Some(x) => x.id,
            None => store
                .recent_shifts(1)
                .map_err(err)?
                .first()
                .map(|x| x.id)
                .ok_or_else(|| s.report.no_shifts.to_owned())?,
        },
    })
}

fn day_arg(text: &str, today: NaiveDate, s: &Strings) -> Result<NaiveDate, String> {
    parse_day(text, today).ok_or_else(|| (s.report.bad_date)(text))
}

/// A report document in the format asked for.
pub fn render_doc(format: FormatArg, doc: &Doc, generated_at: &str) -> Result<String, String> {
    Ok(match format {
        FormatArg::Text => doc.text(),
        FormatArg::Md => doc.markdown(),
        FormatArg::Csv => doc.csv().map_err(|e| e.to_string())?,
        FormatArg::Json => {
            serde_json::to_string_pretty(&doc.json(JSON_VERSION, generated_at))
                .map_err(|e| e.to_string())?
                + "\n"
        }
    })
}

fn render_table(
    kind: &str,
    format: FormatArg,
    table: &Table,
    generated_at: &str,
) -> Result<String, String> {
    Ok(match format {
        FormatArg::Text => table.text(),
        FormatArg::Md => table.markdown(),
        FormatArg::Csv => table.csv().map_err(|e| e.to_string())?,
        FormatArg::Json => {
            let doc = serde_json::json!({
                "dutydesk_report": kind,
                "version": JSON_VERSION,
                "generated_at": generated_at,
                "rows": table.json_rows(),
            });
            serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n"
        }
    })
}
