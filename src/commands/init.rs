//! `dutydesk init`: create the database file explicitly (or confirm an existing one opens).

use super::Setup;
use crate::i18n::Words as _;
use crate::store::Store;

pub fn run(setup: &Setup) -> Result<(), String> {
    let s = setup.lang.strings();
    let store = Store::open(&setup.paths.db, setup.clock.today()).map_err(|e| s.store_error(&e))?;
    let path = setup.paths.db.display();
    if store.was_created() {
        println!("created {path}");
    } else {
        println!(
            "{path} already exists and opens (schema {})",
            store.schema_version().map_err(|e| s.store_error(&e))?
        );
    }
    Ok(())
}
