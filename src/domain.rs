//! Records, drafts, validation and schedule logic: no terminal, no database.

pub mod access;
pub mod attention;
pub mod clock;
pub mod codes;
pub mod followup;
pub mod gate;
pub mod hazard;
pub mod history;
pub mod idcard;
pub mod incident;
pub mod patrol;
pub mod people;
pub mod pin;
pub mod rounds;
pub mod schedule;
pub mod shift;
pub mod slip;
pub mod staff;
pub mod text;
