//! Making the app: a new one covered by the sign-in (or the first administrator's form), and
//! the station it serves, which names the terminal and picks the home screen.

use crate::config::Config;
use crate::domain::clock::Clock;
use crate::i18n::Lang;
use crate::screens::{Screen, now};
use crate::store::Store;
use crate::theme::Theme;

use super::{App, Data, Station};

impl App {
    pub fn new(store: Store, cfg: Config, lang: Lang, theme: &'static Theme, clock: Clock) -> App {
        let mut app = App {
            store,
            cfg,
            lang,
            theme,
            clock,
            now: clock.now(),
            loaded_minute: None,
            data: Data::default(),
            screen: Screen::Now(now::NowScreen::default()),
            previous: Vec::new(),
            overlay: None,
            status: None,
            quit: false,
            size: (crate::ui::MIN_WIDTH, crate::ui::MIN_HEIGHT),
            station: Station::Desk,
            check: None,
            session: None,
            lock: None,
            last_input: std::time::Instant::now(),
            terminal: crate::store::default_terminal(),
        };
        // Nobody works before signing in; a new file first makes its administrator.
        let mode = match app.store.has_accounts() {
            Ok(false) => crate::screens::sign_in::Mode::FirstAdmin,
            _ => crate::screens::sign_in::Mode::SignIn,
        };
        app.lock = Some(crate::screens::sign_in::SignInScreen::new(mode));
        // The records are read once someone is in (`go` after the sign-in, or the station's
        // home); the sign-in only needs the names of the accounts.
        app.data.accounts = app.store.accounts().unwrap_or_default();
        app
    }

    /// Makes this terminal a gate (or desk) station and shows its home screen.
    pub fn with_station(mut self, station: Station) -> App {
        self.station = station;
        self.terminal = format!(
            "{} {}",
            match station {
                Station::Desk => "desk",
                Station::Gate => "gate",
            },
            crate::store::default_terminal()
        );
        let staff = self.session.as_ref().and_then(|s| s.staff);
        let name = self.session.as_ref().map_or("", |s| s.name.as_str());
        let _ = self.store.set_terminal(&self.terminal, name, staff);
        // The person at this terminal is chosen again for the station (a guard at the gate).
        if self.session.as_ref().is_none_or(|s| s.staff.is_none()) {
            self.data.operator = None;
        }
        let home = self.home();
        self.go(home);
        self
    }
}
