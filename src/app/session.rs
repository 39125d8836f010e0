//! Who is at this terminal: the sign-in (and the first administrator on a new file), the lock
//! after idle time or Ctrl+L, and the check of every action against the role table (the
//! permission each action needs is in `permission.rs`).

use std::time::{Duration, Instant};

use chrono::Utc;

use super::App;
use super::permission::{permission, tab_permission};
use crate::action::{AccessAction, Action, AttentionAction, Secret, Tab};
use crate::domain::access::{self, Perm, Role};
use crate::domain::pin;
use crate::domain::staff::StaffId;
use crate::domain::text::{self, TextKind};
use crate::screens::Screen;
use crate::screens::account_form::AccountForm;
use crate::screens::sign_in::{Mode, Outcome, SignInScreen};
use crate::store::{AuditEvent, Failure};

/// The person signed in at this terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// `None` only for a session made without a sign-in (tests, benchmarks).
    pub staff: Option<StaffId>,
    pub name: String,
    pub role: Role,
}

impl App {
    /// Performs the lock's and the accounts' actions.
    pub(super) fn access_action(&mut self, action: AccessAction) {
        match action {
            AccessAction::Lock => self.lock_now(),
            AccessAction::CreateFirstAdmin { name, pin, again } => {
                self.create_first_admin(&name, &pin.0, &again.0);
            }
            AccessAction::SignIn { name, pin } => self.sign_in_with_pin(&name, &pin.0),
            AccessAction::OpenAccount(staff) => self.open_account(staff),
            AccessAction::SaveAccount { staff, role, pin } => {
                self.save_account(staff, role, pin.as_deref());
            }
        }
    }

    /// Performs the special-attention register's actions.
    pub(super) fn attention_action(&mut self, action: AttentionAction) {
        match action {
            AttentionAction::OpenAttention => self.push(Screen::Attention(
                crate::screens::attention::AttentionList::default(),
            )),
            AttentionAction::NewAttention => {
                let form = crate::screens::attention_form::AttentionForm::new(&self.view());
                self.push(Screen::AttentionForm(Box::new(form)));
            }
            AttentionAction::CreateAttention(draft) => self.create_attention(&draft),
            AttentionAction::AskEndAttention(id, version) => {
                let s = self.strings();
                self.ask(
                    s.attention.end_title.to_owned(),
                    s.fields.why,
                    crate::action::Purpose::EndAttention { id, version },
                    "",
                );
            }
        }
    }

    /// Whether records are named by the signed-in person, so that the terminal's operator
    /// cannot be switched: says so, and returns true.
    pub(super) fn refuse_operator_switch(&mut self) -> bool {
        let Some(name) = self
            .session
            .as_ref()
            .filter(|s| s.staff.is_some())
            .map(|s| text::line(&s.name).into_owned())
        else {
            return false;
        };
        self.say_error(&(self.strings().signed_in_as)(&name));
        true
    }

    /// Shows a whole ID number once the reason is written (and audited with it).
    pub(super) fn reveal(&mut self, id: crate::domain::gate::VisitId, reason: &str) {
        let Some(actor) = self.actor() else { return };
        let s = self.strings();
        match self.store.reveal_document(id, reason, actor, self.stamp()) {
            Ok(full) => {
                self.overlay = None;
                let text = full.map_or_else(
                    || s.reveal.not_kept.to_owned(),
                    |n| (s.reveal.shown)(&text::line(&n)),
                );
                self.say(&text);
            }
            Err(e) => self.say_error(&s.store_error(&e)),
        }
    }

    /// Whether the person signed in may do `perm` (nobody may while nobody is signed in).
    pub(crate) fn may(&self, perm: Perm) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| access::allows(s.role, perm))
    }

    /// Refuses `action` with a message if the role table does not allow it.
    pub(super) fn permitted(&mut self, action: &Action) -> bool {
        let Some(perm) = permission(action) else {
            return true;
        };
        if self.may(perm) {
            return true;
        }
        let role = self
            .session
            .as_ref()
            .map_or("", |s| self.strings().access_role(s.role));
        let text = (self.strings().refused)(role);
        self.say_error(&text);
        false
    }

    /// The station's tabs this person may open.
    pub(crate) fn tabs(&self) -> Vec<Tab> {
        self.station
            .tabs()
            .iter()
            .copied()
            .filter(|t| self.may(tab_permission(*t)))
            .collect()
    }

    /// Where this person starts: the station's home if they may see it, else their first tab.
    pub(crate) fn home(&self) -> Tab {
        let home = self.station.home();
        if self.may(tab_permission(home)) {
            return home;
        }
        self.tabs().first().copied().unwrap_or(Tab::Shift)
    }

    /// A session without a sign-in, for tests and benchmarks that drive the app in-process:
    /// records name the shift's people as before accounts existed.
    #[doc(hidden)]
    pub fn unlocked(mut self, role: Role) -> App {
        self.session = Some(Session {
            staff: None,
            name: String::new(),
            role,
        });
        self.lock = None;
        let home = self.home();
        self.go(home);
        self
    }

    /// Pretends no key came for `idle` (tests of the idle lock).
    #[doc(hidden)]
    pub fn pretend_idle(&mut self, idle: Duration) {
        if let Some(t) = self.last_input.checked_sub(idle) {
            self.last_input = t;
        }
    }

    /// Whether the sign-in or lock screen covers everything.
    pub fn locked(&self) -> bool {
        self.lock.is_some()
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// Blanks the screen: what was on it, and anything typed, waits behind the PIN.
    pub(crate) fn lock_now(&mut self) {
        if self.lock.is_some() {
            return;
        }
        let mode = match &self.session {
            Some(s) if s.staff.is_some() => Mode::Locked {
                staff: s.staff,
                name: s.name.clone(),
                dirty: self.unsaved(),
            },
            // A session without an account (tests) has no PIN to come back with.
            Some(_) => return,
            None => Mode::SignIn,
        };
        self.lock = Some(SignInScreen::new(mode));
    }

    /// Whether anything typed is not saved yet: in a form, or in an open popup's field.
    pub(crate) fn unsaved(&self) -> bool {
        self.screen.is_dirty()
            || matches!(&self.overlay, Some(super::Overlay::Prompt(p, _)) if p.touched())
    }

    /// Locks after the configured time without a key.
    pub(super) fn lock_if_idle(&mut self) {
        let idle = Duration::from_secs(u64::from(self.cfg.access.idle_minutes) * 60);
        if self.session.is_some() && self.last_input.elapsed() >= idle {
            self.update(Action::Access(AccessAction::Lock));
        }
    }

    pub(super) fn touched(&mut self) {
        self.last_input = Instant::now();
    }

    /// A key while the sign-in or lock screen is up.
    pub(super) fn lock_key(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        let s = self.strings();
        let unsaved = self.unsaved();
        let Some(lock) = &mut self.lock else { return };
        match lock.handle_key(key) {
            Outcome::Stay => {}
            Outcome::Quit => {
                if unsaved {
                    lock.error = Some(s.sign_in.quit_blocked.to_owned());
                } else {
                    self.quit = true;
                }
            }
            Outcome::Create { name, pin, again } => {
                self.update(Action::Access(AccessAction::CreateFirstAdmin {
                    name,
                    pin: Secret(pin),
                    again: Secret(again),
                }));
            }
            Outcome::SignIn { name, pin } => self.update(Action::Access(AccessAction::SignIn {
                name,
                pin: Secret(pin),
            })),
        }
    }

    pub(super) fn lock_paste(&mut self, pasted: &str) {
        if let Some(lock) = &mut self.lock {
            lock.handle_paste(pasted);
        }
    }

    fn fail(&mut self, message: String) {
        if let Some(lock) = &mut self.lock {
            lock.failed(message);
        }
    }

    fn create_first_admin(&mut self, name: &str, pin: &str, again: &str) {
        let s = self.strings();
        let Ok(name) = text::validate(TextKind::Name, name, true) else {
            return self.fail(s.sign_in.intro.to_owned());
        };
        if let Err(e) = pin::check_new(pin, again) {
            return self.fail(s.pin_error(e).to_owned());
        }
        let hash = pin::hash(pin);
        match self.store.create_first_admin(&name, &hash, self.stamp()) {
            Ok(id) => self.start_session(id, &name, Role::Admin),
            Err(e) => {
                let message = s.store_error(&e);
                // Someone made an account meanwhile: sign in with it.
                if let Some(lock) = &mut self.lock
                    && self.store.has_accounts().unwrap_or(false)
                {
                    *lock = SignInScreen::new(Mode::SignIn);
                }
                self.fail(message);
            }
        }
    }

    fn sign_in_with_pin(&mut self, name: &str, pin: &str) {
        let s = self.strings();
        let accounts = match self.store.accounts() {
            Ok(a) => a,
            Err(e) => return self.fail(s.store_error(&e)),
        };
        let typed = name.trim();
        let found = accounts.iter().find(|a| a.name == typed).or_else(|| {
            let mut hits = accounts.iter().filter(|a| a.name.contains(typed));
            match (hits.next(), hits.next()) {
                (Some(one), None) if !typed.is_empty() => Some(one),
                _ => None,
            }
        });
        let Some(account) = found.cloned() else {
            return self.fail(s.sign_in.unknown_name.to_owned());
        };
        let now = self.stamp();
        if let Some(until) = account.locked_until.filter(|_| account.locked_at(now)) {
            // Tries against a locked account are not checked, but they are on record.
            self.audit(&AuditEvent {
                act: crate::store::Act::SignInRefused,
                kind: "account",
                record: Some(account.staff.0),
                staff: Some(account.staff),
                why: "account locked",
            });
            return self.fail((s.sign_in.locked_until)(&self.view_hm(until)));
        }
        let hash = self.store.pin_hash(account.staff).ok().flatten();
        if !hash.is_some_and(|h| pin::verify(pin, &h)) {
            let lock_for = chrono::Duration::minutes(i64::from(self.cfg.access.lock_minutes));
            let message = match self.store.pin_failed(account.staff, lock_for, now) {
                Ok(Failure::TriesLeft(n)) => (s.sign_in.wrong_pin)(n),
                Ok(Failure::LockedUntil(t)) => (s.sign_in.locked_until)(&self.view_hm(t)),
                Err(e) => s.store_error(&e),
            };
            return self.fail(message);
        }
        if let Err(e) = self.store.pin_ok(account.staff, now) {
            return self.fail(s.store_error(&e));
        }
        self.start_session(account.staff, &account.name, account.role);
    }

    fn view_hm(&self, t: chrono::DateTime<Utc>) -> String {
        crate::domain::clock::hhmm(t.with_timezone(self.now.offset()).time())
    }

    /// The person is in: records made here name them from now on.
    fn start_session(&mut self, staff: StaffId, name: &str, role: Role) {
        let s = self.strings();
        let before = self.lock.take().map(|l| l.mode);
        let mut note = None;
        let same = matches!(&before, Some(Mode::Locked { staff: Some(b), .. }) if *b == staff);
        if !same {
            // Someone else's screen (and anything they left typed) is not shown to this person.
            if let Some(Mode::Locked {
                name: previous,
                dirty: true,
                ..
            }) = &before
            {
                note = Some((s.sign_in.discarded)(&text::line(previous)));
            }
            self.overlay = None;
            self.previous.clear();
        }
        let _ = self.store.set_terminal(&self.terminal, name, Some(staff));
        self.session = Some(Session {
            staff: Some(staff),
            name: name.to_owned(),
            role,
        });
        self.data.operator = Some(staff);
        self.touched();
        if same {
            self.refresh();
        } else {
            let home = self.home();
            self.go(home);
        }
        let mut text = (s.sign_in.welcome)(&text::line(name), s.access_role(role));
        if let Some(n) = note {
            text.push(' ');
            text.push_str(&n);
        }
        self.say(&text);
    }

    /// The administrator opens someone's account.
    pub(super) fn open_account(&mut self, staff: StaffId) {
        let name = self
            .data
            .staff
            .iter()
            .find(|p| p.id == staff)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let role = match self.store.account(staff) {
            Ok(a) => a.map(|a| a.role),
            Err(e) => return self.say_error(&self.strings().store_error(&e)),
        };
        self.push(Screen::AccountForm(AccountForm::new(staff, &name, role)));
    }

    pub(super) fn save_account(&mut self, staff: StaffId, role: Role, pin: Option<&str>) {
        let Some(by) = self
            .session
            .as_ref()
            .and_then(|s| s.staff)
            .or(self.data.operator)
        else {
            return self.say_error(self.strings().need_shift);
        };
        let hash = pin.map(pin::hash);
        let result = self
            .store
            .set_account(staff, role, hash.as_deref(), by, self.stamp());
        let name = self
            .data
            .staff
            .iter()
            .find(|p| p.id == staff)
            .map(|p| text::line(&p.name).into_owned())
            .unwrap_or_default();
        let message = (self.strings().account.saved)(&name, self.strings().access_role(role));
        if self.saved(result, &message) {
            // Back to the list where the administrator was, to give the next person theirs.
            self.pop();
        }
    }

    pub(super) fn create_attention(&mut self, draft: &crate::domain::attention::AttentionDraft) {
        let Some(actor) = self.actor() else { return };
        let s = self.strings();
        let name = self
            .data
            .students
            .iter()
            .find(|st| st.id == draft.student)
            .map(|st| text::line(&st.name).into_owned())
            .unwrap_or_default();
        let result = self
            .store
            .add_attention(draft, s.attention.review_note, actor, self.stamp());
        if self.saved(result, &(s.attention.added)(&name)) {
            self.pop();
        }
    }

    /// Records an event that changes nothing (an incident opened, an export) in the trail.
    pub(super) fn audit(&mut self, event: &AuditEvent<'_>) {
        let now = self.stamp();
        if let Err(e) = self.store.audit(event, now) {
            tracing::warn!(error = %e, "could not write the audit trail");
        }
    }
}
