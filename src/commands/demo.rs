//! `dutydesk demo`: fills a new database with a realistic made-up school.

use super::Setup;

pub fn run(_setup: &Setup, _days: u32, _seed: u64) -> Result<(), String> {
    Err("demo: not yet available".to_owned())
}
