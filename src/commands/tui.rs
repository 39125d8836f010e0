//! The full-screen app: open the store, set up the terminal (restored on exit, error and
//! panic), run the loop.

use std::io::stdout;

use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

use super::Setup;
use crate::app::{self, App, Station};
use crate::cli::StationArg;
use crate::i18n::Words as _;
use crate::store::Store;
use crate::theme::Theme;

pub fn run(setup: &Setup, station: StationArg) -> Result<(), String> {
    let s = setup.lang.strings();
    let store = Store::open(&setup.paths.db, setup.clock.today()).map_err(|e| s.store_error(&e))?;
    crate::logging::init(&setup.paths.log_dir);
    tracing::info!(created = store.was_created(), "starting the TUI");
    let station = match station {
        StationArg::Desk => Station::Desk,
        StationArg::Gate => Station::Gate,
    };
    let mut app = App::new(
        store,
        setup.config.clone(),
        setup.lang,
        Theme::from_env(),
        setup.clock,
    )
    .with_station(station);
    // At the first start of a day, the file's integrity is checked in the background.
    app.start_daily_check();
    // Records about children that other users could read: said on the status line and, so it
    // is still there after the app closes, on standard error.
    if let Some(warning) = super::maintenance::permission_warning(&setup.paths.db, s) {
        eprintln!("dutydesk: {warning}");
        app.warn(warning);
    }

    // Without a terminal (a pipe, a cron job) say so instead of panicking.
    let mut terminal = ratatui::try_init().map_err(|e| format!("{} ({e})", s.needs_terminal))?;
    // Pasted text arrives as one event, so a pasted line break cannot press Enter in a form.
    let _ = execute!(stdout(), EnableBracketedPaste);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let result = app::run(&mut terminal, &mut app);
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    result.map_err(|e| e.to_string())
}
