//! `dutydesk completions SHELL` and `dutydesk man`: the completion scripts and the manual page,
//! generated from the clap definitions so they never drift from the command line.

use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::cli::Cli;

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "dutydesk", &mut out);
    write_out(&out)
}

/// Writes the manual page (roff, section 1) to standard output.
pub fn man() -> ExitCode {
    let mut out = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut out) {
        Ok(()) => write_out(&out),
        Err(e) => {
            eprintln!("dutydesk: {e}");
            ExitCode::from(1)
        }
    }
}

fn write_out(bytes: &[u8]) -> ExitCode {
    match std::io::stdout().write_all(bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dutydesk: {e}");
            ExitCode::from(1)
        }
    }
}
