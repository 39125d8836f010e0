//! `dutydesk export`: every record of every kind, versioned, to take the data elsewhere.

use std::path::Path;

use super::Setup;
use crate::cli::ExportFormat;

pub fn run(_setup: &Setup, _format: ExportFormat, _out: Option<&Path>) -> Result<(), String> {
    Err("export: not yet available".to_owned())
}
