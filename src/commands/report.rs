//! `dutydesk report …`: reports printed to standard output in the format asked for.

use std::io::Write;

use chrono::Utc;

use super::Setup;
use crate::cli::{FormatArg, ReportCommand};
use crate::report::{Table, onsite};
use crate::store::Store;

/// The version of the JSON structures `report` prints (documented in the README).
pub const JSON_VERSION: u32 = 1;

pub fn run(setup: &Setup, what: &ReportCommand) -> Result<(), String> {
    let s = setup.lang.strings();
    let store = Store::open_existing(&setup.paths.db).map_err(|e| s.store_error(&e))?;
    let now = setup.clock.now();
    let (kind, format, table) = match what {
        ReportCommand::Onsite { format } => {
            let visits = store.on_campus().map_err(|e| s.store_error(&e))?;
            (
                "onsite",
                *format,
                onsite::table(&visits, now.with_timezone(&Utc), now.offset(), s),
            )
        }
    };
    let out = render(kind, format, &table, &now.to_rfc3339())?;
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| e.to_string())
}

fn render(
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
