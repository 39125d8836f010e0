//! The school's configuration: the model and its rules live in the domain crate; this reads the
//! file.

pub use crate::domain::config::*;

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
