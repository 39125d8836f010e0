//! Where the database, the config file and the log live: flags first, then environment
//! (`DUTYDESK_DB`, `DUTYDESK_HOME`, `DUTYDESK_CONFIG`), then the platform directories.

use std::path::PathBuf;

use directories::ProjectDirs;

/// The resolved locations for one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub db: PathBuf,
    pub config: PathBuf,
    /// The config file was named by `DUTYDESK_CONFIG`, so it must exist.
    pub config_required: bool,
    pub log_dir: PathBuf,
}

/// Why no location could be found.
#[derive(Debug, thiserror::Error)]
#[error("no home directory found: set DUTYDESK_HOME or pass --db")]
pub struct NoHome;

impl Paths {
    /// `db_flag` is `--db`; the environment is read here so tests can set it per process.
    pub fn resolve(db_flag: Option<PathBuf>) -> Result<Paths, NoHome> {
        let env = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let (data, config_dir) = if let Some(home) = env("DUTYDESK_HOME") {
            (home.clone(), home)
        } else {
            let dirs = ProjectDirs::from("", "", "dutydesk").ok_or(NoHome)?;
            (dirs.data_dir().to_owned(), dirs.config_dir().to_owned())
        };
        let db = db_flag
            .or_else(|| env("DUTYDESK_DB"))
            .unwrap_or_else(|| data.join("dutydesk.db"));
        let named = env("DUTYDESK_CONFIG");
        let config_required = named.is_some();
        let config = named.unwrap_or_else(|| config_dir.join("config.toml"));
        let log_dir = db
            .parent()
            .map_or_else(|| data.clone(), std::path::Path::to_path_buf);
        Ok(Paths {
            db,
            config,
            config_required,
            log_dir,
        })
    }
}
