//! Reading every record for `dutydesk export`: every table the file holds, generic over the
//! schema, streamed row by row into a sink, all inside one read transaction.

use std::borrow::Cow;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, TransactionBehavior};

use super::{Store, StoreError};

/// One stored value, with the type SQLite holds it in.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Null,
    Integer(i64),
    Real(f64),
    /// Text as stored; bytes that are not UTF-8 (no DutyDesk write makes them) become U+FFFD.
    Text(Cow<'a, str>),
    Blob(&'a [u8]),
}

/// Where an export goes. Called in this order: `start` once, then for each table, by name,
/// `table`, `row` for each row and `end_table` with the number of rows given.
pub trait ExportSink {
    /// The sink's own failures; a database failure converts into it.
    type Error: From<StoreError>;
    /// `schema_version` is the file's `user_version`, read inside the same snapshot as the rows.
    fn start(&mut self, schema_version: i32) -> Result<(), Self::Error>;
    fn table(&mut self, name: &str, columns: &[String]) -> Result<(), Self::Error>;
    fn row(&mut self, cells: &[Cell<'_>]) -> Result<(), Self::Error>;
    fn end_table(&mut self, rows: u64) -> Result<(), Self::Error>;
}

/// How one table is read: its columns in declaration order and what its rows are ordered by.
struct TableShape {
    name: String,
    columns: Vec<String>,
    order_by: Vec<String>,
}

impl Store {
    /// Streams every table (SQLite's own `sqlite_*` tables aside) into `sink`, tables by name,
    /// rows by primary key (else rowid), values as stored. One DEFERRED transaction covers the
    /// schema version, the list of tables and every row: in WAL mode that is one snapshot, so
    /// saves made meanwhile on other terminals are wholly in or wholly out, and they are never
    /// blocked (the WAL only grows until the export ends).
    pub fn export<S: ExportSink>(&mut self, sink: &mut S) -> Result<(), S::Error> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(StoreError::from)?;
        let version: i32 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(StoreError::from)?;
        sink.start(version)?;
        for shape in shapes(&tx).map_err(StoreError::from)? {
            export_table(&tx, &shape, sink)?;
        }
        // Nothing was written: ending the read transaction either way releases the snapshot.
        tx.rollback().map_err(StoreError::from)?;
        Ok(())
    }
}

/// The tables to export and how to read each. A table added by a later migration is found here
/// without any change to this code.
fn shapes(conn: &Connection) -> Result<Vec<TableShape>, rusqlite::Error> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema \
         WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    names.into_iter().map(|name| shape(conn, name)).collect()
}

fn shape(conn: &Connection, name: String) -> Result<TableShape, rusqlite::Error> {
    // (name, position in the primary key or 0), in declaration order.
    let mut stmt = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let info: Vec<(String, i64)> = stmt
        .query_map([&name], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    // A PIN's hash is not data to take elsewhere: with it, anyone could try PINs offline.
    let columns: Vec<String> = info
        .iter()
        .map(|(c, _)| c.clone())
        .filter(|c| !(name == "staff" && SECRET_STAFF_COLUMNS.contains(&c.as_str())))
        .collect();
    let mut key: Vec<(i64, String)> = info
        .into_iter()
        .filter(|(_, pk)| *pk > 0)
        .map(|(c, pk)| (pk, c))
        .collect();
    key.sort();
    let order_by = if key.is_empty() {
        match rowid_alias(&columns) {
            Some(alias) => vec![alias.to_owned()],
            // Every rowid name is taken by a column: order by all columns, still a stable order.
            None => columns.clone(),
        }
    } else {
        key.into_iter().map(|(_, c)| c).collect()
    };
    Ok(TableShape {
        name,
        columns,
        order_by,
    })
}

/// Staff columns that stay in the file: the PIN hash and the lockout state.
const SECRET_STAFF_COLUMNS: [&str; 3] = ["pin_hash", "failed_pins", "locked_until"];

/// A name for the rowid of a table without a primary key that no column hides.
fn rowid_alias(columns: &[String]) -> Option<&'static str> {
    ["rowid", "_rowid_", "oid"]
        .into_iter()
        .find(|alias| !columns.iter().any(|c| c.eq_ignore_ascii_case(alias)))
}

/// `"name"`, with any `"` doubled: a table or column name as SQL text.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn export_table<S: ExportSink>(
    conn: &Connection,
    shape: &TableShape,
    sink: &mut S,
) -> Result<(), S::Error> {
    sink.table(&shape.name, &shape.columns)?;
    // Names cannot be bound as parameters. These come from the file's own schema (read in this
    // transaction), never from the user, and are quoted, so no text becomes SQL.
    let list = |names: &[String]| {
        names
            .iter()
            .map(|n| quoted(n))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {}",
        list(&shape.columns),
        quoted(&shape.name),
        list(&shape.order_by)
    );
    let mut stmt = conn.prepare(&sql).map_err(StoreError::from)?;
    let mut rows = stmt.query([]).map_err(StoreError::from)?;
    let mut count = 0_u64;
    while let Some(row) = rows.next().map_err(StoreError::from)? {
        let cells = (0..shape.columns.len())
            .map(|i| row.get_ref(i).map(cell))
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?;
        sink.row(&cells)?;
        count += 1;
    }
    sink.end_table(count)
}

fn cell(v: ValueRef<'_>) -> Cell<'_> {
    match v {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Integer(i),
        ValueRef::Real(f) => Cell::Real(f),
        ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => Cell::Blob(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_as_sql_identifiers() {
        assert_eq!(quoted("staff"), "\"staff\"");
        assert_eq!(quoted("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn rowid_alias_avoids_columns_that_hide_it() {
        let cols = |c: &[&str]| c.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(rowid_alias(&cols(&["a", "b"])), Some("rowid"));
        assert_eq!(rowid_alias(&cols(&["ROWID", "b"])), Some("_rowid_"));
        assert_eq!(rowid_alias(&cols(&["rowid", "_rowid_", "oid"])), None);
    }
}
