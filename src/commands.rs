//! The subcommands, one file each, and what they share: finding the files, the clock, the
//! configuration and the language.

mod auth;
mod demo;
mod export;
mod import;
mod init;
mod maintenance;
mod report;
mod retention;
mod shell;
mod tui;

use std::process::ExitCode;

use crate::cli::{Cli, Command, LangArg};
use crate::config::{self, Config};
use crate::domain::clock::Clock;
use crate::i18n::Lang;
use crate::paths::Paths;

/// Everything a command needs before it touches the database.
pub struct Setup {
    /// The account named with `--as`, for the commands that need one.
    pub as_name: Option<String>,
    pub paths: Paths,
    pub clock: Clock,
    pub config: Config,
    pub lang: Lang,
}

impl Setup {
    /// Resolves paths, clock, config and language; a problem here is reported and stops the run.
    pub fn from_cli(cli: &Cli) -> Result<Setup, String> {
        let paths = Paths::resolve(cli.db.clone()).map_err(|e| e.to_string())?;
        let clock = clock_from_env()?;
        if paths.config_required && !paths.config.exists() {
            return Err(format!(
                "config: {} (named by DUTYDESK_CONFIG) does not exist",
                paths.config.display()
            ));
        }
        let config = config::load_file(&paths.config).map_err(|e| format!("config: {e}"))?;
        let lang = match cli.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Zh) => Lang::Zh,
            None => config.lang.unwrap_or_else(crate::i18n::lang_from_locale),
        };
        Ok(Setup {
            as_name: cli.as_name.clone(),
            paths,
            clock,
            config,
            lang,
        })
    }
}

pub fn run(cli: &Cli) -> ExitCode {
    // What describes the command line itself needs no database, config or clock.
    match &cli.command {
        Some(Command::Completions { shell }) => return shell::completions(*shell),
        Some(Command::Man) => return shell::man(),
        _ => {}
    }
    let setup = match Setup::from_cli(cli) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dutydesk: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match &cli.command {
        None => tui::run(&setup, cli.station),
        Some(Command::Init) => init::run(&setup),
        Some(Command::Import { what }) => import::run(&setup, what),
        Some(Command::Report { what }) => report::run(&setup, what),
        Some(Command::Check { full }) => return maintenance::check(&setup, *full),
        Some(Command::Backup { path, keep }) => maintenance::backup(&setup, path.as_deref(), *keep),
        Some(Command::Restore { backup }) => maintenance::restore(&setup, backup),
        Some(Command::Export { format, out }) => export::run(&setup, *format, out.as_deref()),
        Some(Command::Demo { days, seed }) => demo::run(&setup, *days, *seed),
        Some(Command::Purge { yes }) => retention::purge(&setup, *yes),
        Some(Command::Hold {
            number,
            reason,
            release,
        }) => retention::hold(&setup, number, reason.as_deref(), *release),
        Some(Command::Completions { .. } | Command::Man) => Ok(()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dutydesk: {e}");
            ExitCode::from(1)
        }
    }
}

/// Reads `DUTYDESK_NOW` (RFC 3339); without it, the system clock.
fn clock_from_env() -> Result<Clock, String> {
    match std::env::var("DUTYDESK_NOW") {
        Ok(s) if !s.trim().is_empty() => Clock::parse_fixed(s.trim()),
        _ => Ok(Clock::System),
    }
}
