//! Records, drafts, validation and schedule logic: no terminal, no database.

pub mod clock;
pub mod patrol;
pub mod rounds;
pub mod schedule;
pub mod shift;
pub mod staff;
pub mod text;
