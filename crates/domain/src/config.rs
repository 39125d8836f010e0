//! The school's configuration: embedded defaults, optionally replaced section by section by a
//! TOML file in the config directory (read by the app: this crate does no I/O).

mod load;
mod model;
mod policy;

pub use load::{ConfigError, DEFAULTS, load, slot_minutes};
pub use model::{
    AccessPolicy, Category, Config, GatePolicy, Label, Measure, Place, ReportPolicy, Retention,
    Risk, Slot,
};
