//! The screen that covers everything until someone signs in: the first administrator's account
//! on a new file, the sign-in, and the lock screen after idle time or the lock key (which shows
//! nothing of what was on screen).

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::access::Account;
use crate::domain::pin::MAX_DIGITS;
use crate::domain::staff::StaffId;
use crate::domain::text::{self, TextKind};
use crate::i18n::Strings;
use crate::theme::Theme;
use crate::widgets::field::{self, Spec, TextField};
use crate::widgets::popup;

/// The columns before each field's value: the name's and the PINs' line up.
const LABEL_WIDTH: u16 = 14;

/// Why the screen is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// A new file: the first administrator is made here.
    FirstAdmin,
    /// Nobody is signed in.
    SignIn,
    /// The screen was locked while this person was signed in; `dirty`: they left unsaved input.
    Locked {
        staff: Option<StaffId>,
        name: String,
        dirty: bool,
    },
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Quit,
    /// Make the first administrator.
    Create {
        name: String,
        pin: String,
        again: String,
    },
    /// Sign in as the account of this name.
    SignIn {
        name: String,
        pin: String,
    },
}

#[derive(Debug, Clone)]
pub struct SignInScreen {
    pub mode: Mode,
    name: TextField,
    pin: String,
    again: String,
    focus: usize,
    /// The message under the form: why the last try failed.
    pub error: Option<String>,
}

impl SignInScreen {
    pub fn new(mode: Mode) -> SignInScreen {
        let (name, focus) = match &mode {
            Mode::Locked { name, .. } => (TextField::with_value(TextKind::Name, name), 1),
            _ => (TextField::new(TextKind::Name), 0),
        };
        SignInScreen {
            mode,
            name,
            pin: String::new(),
            again: String::new(),
            focus,
            error: None,
        }
    }

    fn fields(&self) -> usize {
        if self.mode == Mode::FirstAdmin { 3 } else { 2 }
    }

    /// After a failed try the PINs are typed again (never kept longer than needed).
    pub fn failed(&mut self, message: String) {
        self.pin.clear();
        self.again.clear();
        self.focus = 1;
        self.error = Some(message);
    }

    pub fn name(&self) -> &str {
        self.name.value()
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Outcome::Quit;
        }
        match key.code {
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % self.fields(),
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + self.fields() - 1) % self.fields();
            }
            KeyCode::Enter if self.focus + 1 < self.fields() && self.focused_empty() => {
                self.focus += 1;
            }
            KeyCode::Enter => {
                let name = self.name.value().trim().to_owned();
                return if self.mode == Mode::FirstAdmin {
                    Outcome::Create {
                        name,
                        pin: self.pin.clone(),
                        again: self.again.clone(),
                    }
                } else {
                    Outcome::SignIn {
                        name,
                        pin: self.pin.clone(),
                    }
                };
            }
            KeyCode::Esc => {
                self.pin.clear();
                self.again.clear();
                self.error = None;
            }
            _ if self.focus == 0 => {
                self.name.handle_key(key);
            }
            KeyCode::Backspace => {
                self.pin_field().pop();
            }
            // A letter where a PIN goes is someone else starting to type their name (the lock
            // screen puts the cursor on the PIN of whoever was signed in).
            KeyCode::Char(c) if !ctrl && !c.is_ascii_digit() && self.focus == 1 => {
                self.focus = 0;
                self.name.set_value("");
                self.pin.clear();
                self.name.handle_key(key);
            }
            KeyCode::Char(c) if !ctrl => {
                let f = self.pin_field();
                // Digits only, and never more than a PIN can be: a key held down or a pasted
                // paragraph does not fill memory or the screen.
                if c.is_ascii_digit() && f.len() < MAX_DIGITS {
                    f.push(c);
                }
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn focused_empty(&self) -> bool {
        match self.focus {
            0 => self.name.value().trim().is_empty(),
            1 => self.pin.is_empty(),
            _ => self.again.is_empty(),
        }
    }

    fn pin_field(&mut self) -> &mut String {
        if self.focus == 2 {
            &mut self.again
        } else {
            &mut self.pin
        }
    }

    pub fn handle_paste(&mut self, pasted: &str) {
        if self.focus == 0 {
            self.name.paste(pasted);
        }
    }

    pub fn render(
        &self,
        frame: &mut Frame<'_>,
        area: Rect,
        ui: (&Strings, &Theme),
        accounts: &[Account],
    ) {
        let (s, theme) = ui;
        let (title, intro) = self.heading(s);
        let width = area.width.min(72);
        let inner = popup::frame_box(frame, area, width, area.height.min(16), title, theme);
        let mut y = render_intro(frame, inner, &intro);
        let name_area = Rect::new(inner.x, y, inner.width, 2);
        let matches = self.matches(accounts, s);
        field::render(
            frame,
            name_area,
            &self.name,
            &Spec {
                label: s.sign_in.name,
                label_width: LABEL_WIDTH,
                focused: self.focus == 0,
                hint: matches.as_deref(),
            },
            ui,
        );
        y += 2;
        y = self.render_pins(frame, inner, y, ui);
        if let Some(e) = &self.error {
            frame.render_widget(
                Paragraph::new(Span::styled(e.clone(), theme.error)).wrap(Wrap { trim: true }),
                Rect::new(
                    inner.x,
                    y,
                    inner.width,
                    inner.bottom().saturating_sub(y + 1),
                ),
            );
        }
        frame.render_widget(
            Paragraph::new(Span::styled(s.sign_in.keys, theme.dim)),
            Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1),
        );
    }

    /// The box's title and the words under it, which say why the screen is shown (and, when
    /// locked, whose input is waiting).
    fn heading(&self, s: &Strings) -> (&'static str, String) {
        match &self.mode {
            Mode::FirstAdmin => (s.sign_in.first_title, s.sign_in.first_intro.to_owned()),
            Mode::SignIn => (s.sign_in.title, s.sign_in.intro.to_owned()),
            Mode::Locked { name, dirty, .. } => {
                let name = text::line(name);
                let mut intro = (s.sign_in.locked_intro)(&name);
                if *dirty {
                    intro.push(' ');
                    intro.push_str(&(s.sign_in.unsaved_note)(&name));
                }
                (s.sign_in.locked_title, intro)
            }
        }
    }

    /// The PIN (twice for a first administrator) as dots, with the caret after the focused
    /// one's; returns the row below them.
    fn render_pins(
        &self,
        frame: &mut Frame<'_>,
        inner: Rect,
        mut y: u16,
        (s, theme): (&Strings, &Theme),
    ) -> u16 {
        let pins: &[(&str, &String)] = if self.mode == Mode::FirstAdmin {
            &[
                (s.sign_in.pin, &self.pin),
                (s.sign_in.pin_again, &self.again),
            ]
        } else {
            &[(s.sign_in.pin, &self.pin)]
        };
        for (i, (label, value)) in pins.iter().enumerate() {
            let focused = self.focus == i + 1;
            let dots = "●".repeat(value.len());
            let style = if focused { theme.selected } else { theme.dim };
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled(format!("{label:<14} "), style),
                    Span::raw(dots.clone()),
                ])),
                Rect::new(inner.x, y, inner.width, 1),
            );
            if focused {
                frame.set_cursor_position((inner.x + LABEL_WIDTH + 1 + value.len() as u16, y));
            }
            y += 2;
        }
        y
    }

    /// The accounts whose names match what is typed, as a hint under the name.
    fn matches(&self, accounts: &[Account], s: &Strings) -> Option<String> {
        let typed = self.name.value().trim();
        if typed.is_empty() || self.mode == Mode::FirstAdmin {
            return None;
        }
        let names: Vec<String> = accounts
            .iter()
            .filter(|a| a.name.contains(typed))
            .take(5)
            .map(|a| text::line(&a.name).into_owned())
            .collect();
        (!names.is_empty()).then(|| format!("{} {}", s.sign_in.matches, names.join("、")))
    }
}

/// The intro, wrapped here by display width so that the rows counted are the rows drawn;
/// returns the row after it and a blank one.
fn render_intro(frame: &mut Frame<'_>, inner: Rect, intro: &str) -> u16 {
    let wrapped = popup::wrap(intro, usize::from(inner.width));
    let intro_lines = wrapped.len() as u16;
    frame.render_widget(
        Paragraph::new(wrapped.into_iter().map(Line::from).collect::<Vec<_>>()),
        Rect::new(inner.x, inner.y, inner.width, intro_lines),
    );
    inner.y + intro_lines + 1
}
