//! The command line's sign-in, for the commands that take records out of the file or remove
//! them: once accounts exist, `--as NAME` and the PIN (asked on the terminal without echo, or
//! `DUTYDESK_PIN` for a script), checked against the same role table as the app.

use std::io::{IsTerminal, Write};

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;

use super::Setup;
use crate::domain::access::{self, Perm};
use crate::domain::pin;
use crate::i18n::Words as _;
use crate::store::{Failure, Store};

/// Reads a PIN typed on the terminal, showing nothing; `None` if cancelled.
fn read_pin(prompt: &str) -> Option<String> {
    eprint!("{prompt}");
    let _ = std::io::stderr().flush();
    terminal::enable_raw_mode().ok()?;
    let mut pin = String::new();
    let done = loop {
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break true,
                KeyCode::Esc => break false,
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => break false,
                KeyCode::Backspace => {
                    pin.pop();
                }
                KeyCode::Char(c) if c.is_ascii_digit() && pin.len() < pin::MAX_DIGITS => {
                    pin.push(c);
                }
                _ => {}
            },
            Ok(_) => {}
            Err(_) => break false,
        }
    };
    let _ = terminal::disable_raw_mode();
    eprintln!();
    done.then_some(pin)
}

/// Makes sure the person running the command may do `perm`; names them in the audit trail.
/// A file without accounts (a new or demo file) asks nothing: nobody can be named yet.
pub fn require(
    setup: &Setup,
    store: &mut Store,
    perm: Perm,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let s = setup.lang.strings();
    if !store.has_accounts().map_err(|e| s.store_error(&e))? {
        return Ok(());
    }
    let Some(name) = setup.as_name.as_deref().map(str::trim) else {
        return Err(s.cli.needs_as.to_owned());
    };
    let accounts = store.accounts().map_err(|e| s.store_error(&e))?;
    let Some(account) = accounts.iter().find(|a| a.name == name) else {
        return Err(s.sign_in.unknown_name.to_owned());
    };
    if account.locked_at(now) {
        let until = account
            .locked_until
            .map(|t| t.to_rfc3339())
            .unwrap_or_default();
        return Err((s.sign_in.locked_until)(&until));
    }
    let typed = if std::io::stdin().is_terminal() {
        read_pin(&format!("{} ", s.cli.pin_prompt)).ok_or_else(|| s.cli.cancelled.to_owned())?
    } else {
        std::env::var("DUTYDESK_PIN").map_err(|_| s.cli.needs_pin.to_owned())?
    };
    let hash = store
        .pin_hash(account.staff)
        .map_err(|e| s.store_error(&e))?;
    if !hash.is_some_and(|h| pin::verify(&typed, &h)) {
        let lock_for = chrono::Duration::minutes(i64::from(setup.config.access.lock_minutes));
        return Err(match store.pin_failed(account.staff, lock_for, now) {
            Ok(Failure::TriesLeft(n)) => (s.sign_in.wrong_pin)(n),
            Ok(Failure::LockedUntil(t)) => (s.sign_in.locked_until)(&t.to_rfc3339()),
            Err(e) => s.store_error(&e),
        });
    }
    store
        .pin_ok(account.staff, now)
        .map_err(|e| s.store_error(&e))?;
    if !access::allows(account.role, perm) {
        return Err((s.refused)(s.access_role(account.role)));
    }
    let terminal = format!("command line {}", crate::store::default_terminal());
    store
        .set_terminal(&terminal, &account.name, Some(account.staff))
        .map_err(|e| s.store_error(&e))?;
    Ok(())
}
