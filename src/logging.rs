//! Logs go to `dutydesk.log` beside the database (the TUI owns the screen), created readable by
//! the owner only. They record what happened, never the contents of records.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

/// Starts logging; a log that cannot be opened is not a reason to refuse to work.
pub fn init(dir: &Path) {
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(dir.join("dutydesk.log"));
    let Ok(file) = file else { return };
    let filter = EnvFilter::try_from_env("DUTYDESK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .try_init();
}
