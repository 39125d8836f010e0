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

    /// Which terminal this is: the duty desk, or the gate (only what a guard needs).
    #[arg(long, global = true, value_enum, default_value = "desk")]
    pub station: StationArg,

    /// Your account, for commands that take records out of the file or remove them (export,
    /// report, purge, hold) once accounts exist; the PIN is asked on the terminal (or read from
    /// DUTYDESK_PIN when there is no terminal).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub as_name: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StationArg {
    Desk,
    Gate,
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
    /// Import students or staff from a CSV file (UTF-8 or GBK, header row required).
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Print a report (see README for each format's structure).
    Report {
        #[command(subcommand)]
        what: ReportCommand,
    },
    /// Write every record of every kind, to take the data elsewhere (format in the README).
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// The directory to write into (created if missing). Without it, JSON goes to standard
        /// output; CSV needs a directory (one file per table).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Check the database: whole, consistent, current, safely set and private. Exit status 0 when
    /// all is well, 1 when something is wrong (each problem is listed with what to do).
    Check {
        /// Run the full `integrity_check` instead of the quicker `quick_check`.
        #[arg(long)]
        full: bool,
    },
    /// Copy the database, checked, while other terminals go on working. Without PATH, into the
    /// data directory's `backups/`, keeping the newest --keep copies.
    Backup {
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
        /// How many backups to keep in `backups/` (older ones are removed).
        #[arg(long, default_value_t = 14)]
        keep: usize,
    },
    /// Replace the database's records with a backup's, after checking it; the current records
    /// are first copied into `backups/`.
    Restore {
        #[arg(value_name = "BACKUP")]
        backup: PathBuf,
    },
    /// Remove records older than the configured retention ([retention] in the config): shows
    /// what would go; with --yes removes it for good (secure delete, then the file is rebuilt).
    /// Incidents on legal hold are never removed. Audited.
    Purge {
        /// Remove, rather than only show.
        #[arg(long)]
        yes: bool,
    },
    /// Put an incident on legal hold (it is never purged), or take it off with --release.
    Hold {
        /// The incident's number, e.g. 2026-0042.
        #[arg(value_name = "NUMBER")]
        number: String,
        /// Why it is held (required to put on hold).
        #[arg(long, required_unless_present = "release")]
        reason: Option<String>,
        /// Take the hold off.
        #[arg(long)]
        release: bool,
    },
    /// Fill a new database with a realistic made-up school, for training and trying things out.
    Demo {
        /// How many school days back from today to fill.
        #[arg(long, default_value_t = 120)]
        days: u32,
        /// The same seed gives the same school.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print the shell completion script, e.g. `dutydesk completions bash >
    /// /etc/bash_completion.d/dutydesk`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `dutydesk man > /usr/local/share/man/man1/dutydesk.1`.
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Everyone from outside on campus now: the roll for an evacuation.
    Onsite {
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
    },
    /// The shift summary (duty log): the open shift, else the latest; or the last shift of a day.
    Shift {
        /// The day (YYYY-MM-DD) whose last shift to print.
        #[arg(long, value_name = "DATE", conflicts_with = "shift")]
        date: Option<String>,
        /// A shift by number (as `report shift` names them when a day had several).
        #[arg(long, value_name = "N")]
        shift: Option<i64>,
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
    },
    /// The period report: the counts a term's work summary needs, for the days FROM to TO.
    Period {
        /// The first day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: String,
        /// The last day (YYYY-MM-DD), included.
        #[arg(long, value_name = "DATE")]
        to: String,
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Md,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Students, keyed by student number: 学号/student_no, 姓名/name, 班级/class, [性别/gender].
    Students(ImportArgs),
    /// Staff: 姓名/name, 岗位/role, [工号/staff_no], [电话/phone].
    Staff(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The CSV file (header row first; UTF-8, UTF-8 with BOM, or GBK).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Import the good rows even if some are bad (they are listed and skipped). Without it, a
    /// file with a bad row imports nothing.
    #[arg(long)]
    pub skip_bad: bool,
}
