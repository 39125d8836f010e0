//! The `dutydesk` binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = dutydesk::cli::Cli::parse();
    dutydesk::commands::run(&cli)
}
