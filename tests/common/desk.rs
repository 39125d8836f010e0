//! One terminal at a school for the hostile-text tests: the app on a database in a scratch
//! directory, keys pressed as a duty teacher would, every screen drawn through the real crossterm
//! backend into bytes and read back by the scanner; and what a tour found.

#![allow(dead_code, reason = "each test crate uses the part it needs")]

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::screen::buffer_text;
use ratatui::{Terminal, TerminalOptions, Viewport};
use tempfile::TempDir;

use dutydesk::app::{App, Station};
use dutydesk::config::Config;
use dutydesk::domain::access::Role;
use dutydesk::i18n::Lang;
use dutydesk::store::Store;
use dutydesk::theme::Theme;

use super::scan;

/// The sizes every screen is drawn at: the usual window, and a wide one that shows the columns
/// a narrow window cuts off.
pub const SIZES: [(u16, u16); 2] = [(100, 30), (200, 60)];

pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// A directory for test databases: in memory where the system has one (every commit is
/// fsync'd, which on a disk makes seventy small schools take seconds), else the system's
/// temporary directory.
pub fn scratch() -> TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = TempDir::new_in(shm)
    {
        return dir;
    }
    TempDir::new().expect("temp dir")
}

/// A database in its own scratch directory.
pub struct School {
    _dir: TempDir,
    pub path: PathBuf,
}

impl School {
    pub fn new(fill: impl FnOnce(&Path)) -> School {
        let dir = scratch();
        let path = dir.path().join("duty.db");
        fill(&path);
        School { _dir: dir, path }
    }
}

/// What a tour found: leaks, the field tags it saw, how much it drew or read.
#[derive(Default)]
pub struct Findings {
    pub leaks: Vec<String>,
    pub seen: BTreeSet<String>,
    pub screens: usize,
    pub bytes: usize,
}

impl Findings {
    pub fn merge(&mut self, other: Findings) {
        self.leaks.extend(other.leaks);
        self.seen.extend(other.seen);
        self.screens += other.screens;
        self.bytes += other.bytes;
    }

    /// Fails with every leak found, or if a field in `expected_tags` was never shown; prints
    /// what was covered (see it with `--nocapture`).
    pub fn assert_clean(&self, test: &str, expected_tags: &[&str], started: Instant) {
        eprintln!(
            "{test}: {} drawn, {} bytes scanned, {} fields seen, {:.1?}\n  fields seen: {:?}",
            self.screens,
            self.bytes,
            self.seen.len(),
            started.elapsed(),
            self.seen
        );
        let shown: Vec<&String> = self.leaks.iter().take(40).collect();
        assert!(
            self.leaks.is_empty(),
            "{test}: {} leaks; the first:\n{}",
            self.leaks.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
        let missing: Vec<&&str> = expected_tags
            .iter()
            .filter(|t| !self.seen.contains(**t))
            .collect();
        assert!(
            missing.is_empty(),
            "{test}: these fields were never shown, so they were not tested: {missing:?}"
        );
    }
}

/// A `Vec<u8>` the backend writes into that the test can still read afterwards (the backend's
/// own `writer()` is behind an unstable feature).
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The field tags (`‹narr›` gives `narr`) in a text.
pub fn tags_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('‹') {
        let after = &rest[start + '‹'.len_utf8()..];
        match after.find('›') {
            Some(end) if end <= 8 && after[..end].chars().all(|c| c.is_ascii_alphanumeric()) => {
                out.push(after[..end].to_owned());
                rest = &after[end..];
            }
            _ => rest = after,
        }
    }
    out
}

/// One terminal: the app on a school's database.
pub struct Desk {
    pub app: App,
    /// Names the payload in leak reports.
    pub label: String,
    pub lang: Lang,
    pub found: Findings,
}

impl Desk {
    pub fn open(path: &Path, label: &str, lang: Lang, theme: &'static Theme) -> Desk {
        let cfg = dutydesk::config::load(None).expect("defaults");
        Desk::with_config(path, cfg, label, lang, theme)
    }

    pub fn with_config(
        path: &Path,
        cfg: Config,
        label: &str,
        lang: Lang,
        theme: &'static Theme,
    ) -> Desk {
        let store = Store::open_existing(path).expect("open");
        let mut app =
            App::new(store, cfg, lang, theme, super::world::clock()).unlocked(Role::Admin);
        app.resize(SIZES[0].0, SIZES[0].1);
        Desk {
            app,
            label: label.to_owned(),
            lang,
            found: Findings::default(),
        }
    }

    pub fn gate_station(mut self) -> Desk {
        self.app = self.app.with_station(Station::Gate);
        self
    }

    pub fn press(&mut self, code: KeyCode) -> &mut Desk {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        self
    }

    /// Each character as the key that types it (`KeyCode::Char`, whatever the character).
    pub fn keys(&mut self, keys: &str) -> &mut Desk {
        for c in keys.chars() {
            self.press(KeyCode::Char(c));
        }
        self
    }

    pub fn times(&mut self, code: KeyCode, n: usize) -> &mut Desk {
        for _ in 0..n {
            self.press(code);
        }
        self
    }

    pub fn ctrl(&mut self, c: char) -> &mut Desk {
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        self
    }

    /// A bracketed paste, delivered whole.
    pub fn paste(&mut self, text: &str) -> &mut Desk {
        self.app.handle_paste(text);
        self
    }

    /// Leaves a form, saying yes to losing what it holds.
    pub fn leave(&mut self) -> &mut Desk {
        self.press(KeyCode::Esc);
        if self.app.screen().is_form() {
            self.keys("y");
        }
        self
    }

    /// Cancels a popup question: once when nothing was typed in it (empty, or as it opened
    /// with its prefilled text), twice when text was typed (the first Esc only arms the
    /// second, so that a stray one loses nothing).
    pub fn cancel(&mut self, filled: bool) -> &mut Desk {
        self.times(KeyCode::Esc, if filled { 2 } else { 1 })
    }

    /// Draws the app through the crossterm backend into bytes at each of `SIZES`, reads them
    /// back, and notes every leak under `screen`. `HOSTILE_DUMP=<payload name>` prints the
    /// screens of that payload.
    pub fn shot(&mut self, screen: &str) -> &mut Desk {
        for (width, height) in SIZES {
            self.draw(screen, width, height);
        }
        self
    }

    fn draw(&mut self, screen: &str, width: u16, height: u16) {
        let sink = Sink::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        };
        let mut terminal =
            Terminal::with_options(CrosstermBackend::new(sink.clone()), options).expect("tty");
        let drawn = terminal
            .draw(|f| dutydesk::ui::draw(f, &self.app))
            .expect("draw");
        let text = buffer_text(drawn.buffer);
        drop(terminal);
        let bytes = sink.0.borrow();
        self.found.screens += 1;
        self.found.bytes += bytes.len();
        self.found.seen.extend(tags_in(&text));
        if std::env::var("HOSTILE_DUMP").is_ok_and(|p| p == self.label) {
            eprintln!(
                "==== {screen} [{}] {width}x{height}\n{text}",
                lang_code(self.lang)
            );
        }
        if let Err(leaks) = scan::terminal_text(&bytes) {
            for leak in leaks {
                self.found.leaks.push(format!(
                    "payload {} [{}] screen {screen:?} {width}x{height}: {} at byte {}: {}",
                    self.label,
                    lang_code(self.lang),
                    leak.what,
                    leak.at,
                    leak.context
                ));
            }
        }
    }
}
