//! Accounts: a staff member's access role, PIN hash and lockout state. The PIN itself never
//! reaches this module; only its Argon2id hash does.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{OptionalExtension, params};

use super::audit::{self, Act};
use super::{Refusal, Store, StoreError, time};
use domain::access::{Account, Role};
use domain::pin::MAX_FAILURES;
use domain::staff::{StaffId, StaffRole};

/// What a wrong PIN did to the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// This many tries are left before the account locks.
    TriesLeft(i64),
    /// The account is locked until then.
    LockedUntil(DateTime<Utc>),
}

// The PIN hash is not among them: it is read only to check a PIN (`pin_hash`), so no list of
// accounts held by a screen carries it.
const ACCOUNT_COLUMNS: &str = "id, name, access, failed_pins, locked_until";

fn read_account(r: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    let role: String = r.get(2)?;
    let locked: Option<String> = r.get(4)?;
    Ok(Account {
        staff: StaffId(r.get(0)?),
        name: r.get(1)?,
        role: Role::from_code(&role).unwrap_or(Role::Guard),
        failed: r.get(3)?,
        locked_until: locked.and_then(|t| time::parse_ts(&t).ok()),
    })
}

impl Store {
    /// Whether anyone can sign in yet (the first run makes the first administrator).
    pub fn has_accounts(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM staff WHERE access IS NOT NULL AND pin_hash IS NOT NULL AND active = 1 LIMIT 1",
                [],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Every active account, by name.
    pub fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM staff \
             WHERE access IS NOT NULL AND pin_hash IS NOT NULL AND active = 1 ORDER BY name, id"
        ))?;
        let rows = stmt.query_map([], read_account)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn account(&self, staff: StaffId) -> Result<Option<Account>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {ACCOUNT_COLUMNS} FROM staff \
                     WHERE id = ?1 AND access IS NOT NULL AND pin_hash IS NOT NULL AND active = 1"
                ),
                [staff.0],
                read_account,
            )
            .optional()?)
    }

    /// The PIN hash of an active account, to check a typed PIN against.
    pub fn pin_hash(&self, staff: StaffId) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT pin_hash FROM staff \
                 WHERE id = ?1 AND access IS NOT NULL AND pin_hash IS NOT NULL AND active = 1",
                [staff.0],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Makes the first administrator: a staff member of that name (added if new) given the
    /// admin role and the PIN hash. Refused if another terminal made an account meanwhile.
    pub fn create_first_admin(
        &mut self,
        name: &str,
        pin_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<StaffId, StoreError> {
        self.write(|tx| {
            let any: Option<i64> = tx
                .query_row(
                    "SELECT id FROM staff WHERE access IS NOT NULL AND pin_hash IS NOT NULL LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            if any.is_some() {
                return Err(StoreError::Refused(Refusal::AccountsExist));
            }
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM staff WHERE name = ?1 AND active = 1 ORDER BY id LIMIT 1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            let id = if let Some(id) = existing {
                id
            } else {
                let draft = domain::staff::StaffDraft {
                    name: name.to_owned(),
                    role: StaffRole::Leader,
                };
                super::staff::insert_staff(tx, &draft, now)?.0
            };
            tx.execute(
                "UPDATE staff SET access = 'admin', pin_hash = ?1, failed_pins = 0, locked_until = NULL, \
                 version = version + 1 WHERE id = ?2",
                params![pin_hash, id],
            )?;
            audit::note(tx, now, Act::Create, "account", Some(id), Some(StaffId(id)), "first administrator")?;
            Ok(StaffId(id))
        })
    }

    /// Gives a staff member an account, or changes its role and PIN (`pin_hash` `None` keeps
    /// the PIN). `by` is the administrator doing it.
    pub fn set_account(
        &mut self,
        staff: StaffId,
        role: Role,
        pin_hash: Option<&str>,
        by: StaffId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let had: Option<Option<String>> = tx
                .query_row(
                    "SELECT pin_hash FROM staff WHERE id = ?1 AND active = 1",
                    [staff.0],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(had) = had else {
                return Err(StoreError::ChangedElsewhere);
            };
            if had.is_none() && pin_hash.is_none() {
                return Err(StoreError::Refused(Refusal::PinNeeded));
            }
            tx.execute(
                "UPDATE staff SET access = ?1, pin_hash = coalesce(?2, pin_hash), failed_pins = 0, \
                 locked_until = NULL, version = version + 1 WHERE id = ?3",
                params![role.code(), pin_hash, staff.0],
            )?;
            let act = if had.is_some() {
                Act::Correct
            } else {
                Act::Create
            };
            let why = format!(
                "role {}{}",
                role.code(),
                if pin_hash.is_some() { ", PIN set" } else { "" }
            );
            audit::note(tx, now, act, "account", Some(staff.0), Some(by), &why)
        })
    }

    /// A wrong PIN: counted, and the account locked for `lock_for` at the fifth in a row.
    pub fn pin_failed(
        &mut self,
        staff: StaffId,
        lock_for: Duration,
        now: DateTime<Utc>,
    ) -> Result<Failure, StoreError> {
        self.write(|tx| {
            let failed: i64 = tx.query_row(
                "UPDATE staff SET failed_pins = failed_pins + 1 WHERE id = ?1 RETURNING failed_pins",
                [staff.0],
                |r| r.get(0),
            )?;
            let result = if failed >= MAX_FAILURES {
                let until = now + lock_for;
                tx.execute(
                    "UPDATE staff SET failed_pins = 0, locked_until = ?1 WHERE id = ?2",
                    params![time::ts(until), staff.0],
                )?;
                Failure::LockedUntil(until)
            } else {
                Failure::TriesLeft(MAX_FAILURES - failed)
            };
            let why = match result {
                Failure::TriesLeft(_) => "wrong PIN".to_owned(),
                Failure::LockedUntil(t) => format!("wrong PIN; locked until {}", time::ts(t)),
            };
            audit::note(tx, now, Act::SignInRefused, "account", Some(staff.0), Some(staff), &why)?;
            Ok(result)
        })
    }

    /// The right PIN: the count of wrong ones starts again; the sign-in is audited.
    pub fn pin_ok(&mut self, staff: StaffId, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?1",
                [staff.0],
            )?;
            audit::note(
                tx,
                now,
                Act::SignIn,
                "account",
                Some(staff.0),
                Some(staff),
                "",
            )
        })
    }
}
