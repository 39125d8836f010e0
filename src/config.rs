//! The school's configuration: embedded defaults, optionally replaced section by section by a
//! TOML file in the config directory.

mod load;
mod model;
mod policy;

pub use load::{ConfigError, DEFAULTS, load, slot_minutes};
pub use model::{
    AccessPolicy, Category, Config, GatePolicy, Label, Measure, Place, ReportPolicy, Retention,
    Risk, Slot,
};

use std::path::Path;

/// Loads the config file at `path` if it exists, else the defaults.
pub fn load_file(path: &Path) -> Result<Config, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(src) => load(Some((path, &src))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => load(None),
        Err(e) => Err(ConfigError {
            file: path.to_owned(),
            line: None,
            message: format!("cannot be read: {e}"),
        }),
    }
}
