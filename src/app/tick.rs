//! The clock: the loop that draws and waits for a key or the next minute, the tick that reads
//! the time and reloads, and the day's integrity check running in the background.

use std::time::Duration;

use chrono::Timelike;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use super::{Action, App, input};

impl App {
    /// Starts the day's integrity check in the background if it has not run today.
    pub fn start_daily_check(&mut self) {
        if self
            .store
            .quick_check_due(self.now.date_naive())
            .unwrap_or(false)
        {
            self.check = Some(self.store.start_quick_check());
        }
    }

    /// Takes the day's check result once it is in: remembered when the file is whole, said on
    /// the status line when not.
    fn poll_check(&mut self) {
        let Some(result) = self
            .check
            .as_ref()
            .and_then(crate::store::BackgroundCheck::poll)
        else {
            return;
        };
        self.check = None;
        let s = self.strings();
        match result {
            Ok(problems) if problems.is_empty() => self.update(Action::DailyCheckPassed),
            Ok(problems) => {
                tracing::error!(?problems, "daily quick_check found problems");
                self.warn(s.daily_check_failed.to_owned());
            }
            Err(e) => {
                tracing::error!(error = %e, "daily quick_check could not run");
                self.warn(s.daily_check_failed.to_owned());
            }
        }
    }

    /// Whether the day's check is still running (for tests).
    #[doc(hidden)]
    pub fn checking(&self) -> bool {
        self.check.is_some()
    }

    /// Reads the clock; reloads when the minute has changed (states follow the time) or when no
    /// key came for a while (other terminals' saves appear), never while the user is typing.
    pub fn tick(&mut self, idle: bool) {
        self.now = self.clock.now();
        self.poll_check();
        self.lock_if_idle();
        let minute = self
            .now
            .naive_local()
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0));
        if idle || minute != self.loaded_minute {
            self.refresh();
        }
    }

    /// How long to wait for a key: until the header's minute changes, and at most 15 seconds so
    /// that what other terminals save shows up soon.
    pub fn wait_time(&self) -> Duration {
        // While the day's check runs, look for its result often.
        if self.check.is_some() {
            return Duration::from_millis(200);
        }
        let into =
            u64::from(self.now.second()) * 1000 + u64::from(self.now.timestamp_subsec_millis());
        Duration::from_millis(60_000u64.saturating_sub(into).clamp(200, 15_000))
    }
}

/// Runs the app until the user quits. The terminal is set up and restored by the caller.
pub fn run(terminal: &mut DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    loop {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        terminal.draw(|frame| crate::ui::draw(frame, app))?;
        if app.should_quit() {
            return Ok(());
        }
        let idle = !event::poll(app.wait_time())?;
        if !idle {
            // Everything already waiting is handled before the next draw: a burst of keys (an
            // unbracketed paste) costs one frame, not one a character.
            let mut events = vec![event::read()?];
            drain(&mut events, Duration::ZERO)?;
            // A paste the terminal did not bracket can arrive in several reads: while the
            // input ends in a burst, wait a moment for the rest, so that the paste is one text
            // (refused or taken whole), never a first part refused and a later part taken.
            while input::ends_in_burst(&events) && events.len() < input::MAX_BATCH {
                let before = events.len();
                drain(&mut events, input::PASTE_GAP)?;
                if events.len() == before {
                    break;
                }
            }
            app.handle_events(events);
        }
        app.tick(idle);
    }
}

/// Takes what arrives within `wait` (then everything already waiting), up to `MAX_BATCH`.
fn drain(events: &mut Vec<Event>, wait: Duration) -> std::io::Result<()> {
    if events.len() < input::MAX_BATCH && event::poll(wait)? {
        events.push(event::read()?);
        while events.len() < input::MAX_BATCH && event::poll(Duration::ZERO)? {
            events.push(event::read()?);
        }
    }
    Ok(())
}
