//! The one transaction every write runs in: `BEGIN IMMEDIATE`, committed, and retried a few
//! times while another terminal holds the lock.

use std::thread::sleep;
use std::time::Duration;

use rusqlite::{Transaction, TransactionBehavior};

use crate::{Store, StoreError};

impl Store {
    /// Runs `f` in one IMMEDIATE transaction and commits; retries the whole transaction a few
    /// times if another terminal holds the lock past the busy timeout.
    pub(crate) fn write<T>(
        &mut self,
        mut f: impl FnMut(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        const ATTEMPTS: u64 = 4;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?;
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            })();
            match result {
                Err(StoreError::Busy) if attempt < ATTEMPTS => {
                    tracing::warn!(attempt, "database busy, retrying the transaction");
                    sleep(Duration::from_millis(50 * attempt));
                }
                other => return other,
            }
        }
    }
}
