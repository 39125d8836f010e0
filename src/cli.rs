//! The command line, a contract that scripts and tests rely on (see BRIEF.md).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "dutydesk",
    version,
    about = "School duty desk: patrol checklists, shifts and duty records in the terminal",
    long_about = "School duty desk: patrol checklists, shifts and duty records in the terminal.\n\n\
        Without a subcommand, starts the full-screen app on the database (creating it if needed).\n\n\
        Environment: DUTYDESK_DB (database file), DUTYDESK_HOME (data and config directory),\n\
        DUTYDESK_CONFIG (config file), DUTYDESK_NOW (fixed RFC 3339 time for training and tests),\n\
        NO_COLOR (no colours)."
)]
pub struct Cli {
    /// The database file (else $DUTYDESK_DB, else the platform data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Language of the interface (else the config file, else the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database file (with safe permissions) and exit.
    Init,
}
