//! Records, drafts, validation and schedule logic, the school's config model and the language:
//! no terminal, no database, no I/O. Every other crate builds on this one.

pub mod access;
pub mod attention;
pub mod clock;
pub mod codes;
pub mod config;
pub mod facts;
pub mod field;
pub mod followup;
pub mod gate;
pub mod hazard;
pub mod history;
pub mod idcard;
pub mod incident;
pub mod lang;
pub mod patrol;
pub mod people;
pub mod pin;
pub mod rounds;
pub mod schedule;
pub mod shift;
pub mod slip;
pub mod staff;
pub mod text;

pub use lang::Lang;
