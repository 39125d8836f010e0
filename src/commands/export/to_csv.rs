//! The CSV export: one file per table (UTF-8 with a BOM, header row of column names) and a
//! `manifest.json` saying what each file holds. Text a spreadsheet would run as a formula is
//! neutralised, as in reports; the JSON export is the faithful one.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::files::private_file;
use super::{About, FORMAT, Failure, VERSION};
use crate::store::{ExportCell, ExportSink};

/// The name of the file that describes the others; written last.
pub const MANIFEST: &str = "manifest.json";

/// Excel (notably in a Chinese locale) reads a CSV file as the local code page unless it starts
/// with a byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Serialize)]
struct Manifest<'a> {
    format: &'a str,
    version: u32,
    schema_version: i32,
    app_version: &'a str,
    exported_at: &'a str,
    tables: &'a BTreeMap<String, TableEntry>,
}

#[derive(Serialize)]
struct TableEntry {
    file: String,
    columns: Vec<String>,
    row_count: u64,
    /// Always true: cells starting with `=`, `+`, `-`, `@`, TAB or CR carry a leading `'`.
    neutralised: bool,
}

struct OpenTable {
    name: String,
    entry: TableEntry,
    writer: csv::Writer<BufWriter<File>>,
}

/// Writes table files into `dir` (the export's staging directory).
pub struct CsvSink {
    dir: PathBuf,
    schema_version: i32,
    current: Option<OpenTable>,
    tables: BTreeMap<String, TableEntry>,
}

impl CsvSink {
    pub fn new(dir: PathBuf) -> Self {
        CsvSink {
            dir,
            schema_version: 0,
            current: None,
            tables: BTreeMap::new(),
        }
    }

    /// Writes the manifest, once every table file is complete.
    pub fn finish(self, about: &About) -> Result<(), Failure> {
        let manifest = Manifest {
            format: FORMAT,
            version: VERSION,
            schema_version: self.schema_version,
            app_version: about.app_version,
            exported_at: &about.exported_at,
            tables: &self.tables,
        };
        let mut out = BufWriter::new(private_file(&self.dir.join(MANIFEST))?);
        serde_json::to_writer_pretty(&mut out, &manifest).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        let file = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        Ok(())
    }
}

impl ExportSink for CsvSink {
    type Error = Failure;

    fn start(&mut self, schema_version: i32) -> Result<(), Failure> {
        self.schema_version = schema_version;
        Ok(())
    }

    fn table(&mut self, name: &str, columns: &[String]) -> Result<(), Failure> {
        let file = file_name(name);
        // create_new: two tables whose names differ only in case or in odd characters fail
        // loudly rather than one file silently replacing the other.
        let mut out = BufWriter::new(private_file(&self.dir.join(&file))?);
        out.write_all(BOM)?;
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(columns).map_err(std::io::Error::from)?;
        self.current = Some(OpenTable {
            name: name.to_owned(),
            entry: TableEntry {
                file,
                columns: columns.to_vec(),
                row_count: 0,
                neutralised: true,
            },
            writer,
        });
        Ok(())
    }

    fn row(&mut self, cells: &[ExportCell<'_>]) -> Result<(), Failure> {
        let Some(t) = self.current.as_mut() else {
            return Ok(());
        };
        let record: Vec<Cow<'_, str>> = cells.iter().map(csv_cell).collect();
        t.writer
            .write_record(record.iter().map(|c| c.as_bytes()))
            .map_err(std::io::Error::from)?;
        Ok(())
    }

    fn end_table(&mut self, rows: u64) -> Result<(), Failure> {
        let Some(mut t) = self.current.take() else {
            return Ok(());
        };
        t.writer.flush()?;
        let file = t
            .writer
            .into_inner()
            .map_err(csv::IntoInnerError::into_error)?
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        t.entry.row_count = rows;
        self.tables.insert(t.name, t.entry);
        Ok(())
    }
}

/// A cell as text: NULL empty, numbers as numbers (never neutralised: no number is a formula),
/// text neutralised, bytes as lowercase hex.
fn csv_cell<'a>(cell: &'a ExportCell<'_>) -> Cow<'a, str> {
    match cell {
        ExportCell::Null => Cow::Borrowed(""),
        ExportCell::Integer(i) => Cow::Owned(i.to_string()),
        ExportCell::Real(f) => Cow::Owned(f.to_string()),
        ExportCell::Text(t) => Cow::Owned(crate::report::neutralise(t)),
        ExportCell::Blob(b) => Cow::Owned(hex::encode(b)),
    }
}

/// `<table>.csv`; anything but ASCII letters, digits, `_` and `-` in a table name becomes `_`,
/// so a name can never reach outside the export's directory.
fn file_name(table: &str) -> String {
    let safe: String = table
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{safe}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_looks_like_a_formula_is_neutralised_and_numbers_are_not() {
        let text = |s: &str| ExportCell::Text(Cow::Owned(s.to_owned()));
        assert_eq!(csv_cell(&text("=1+1")), "'=1+1");
        assert_eq!(csv_cell(&text("@SUM(A1)")), "'@SUM(A1)");
        assert_eq!(csv_cell(&text("\tx")), "'\tx");
        assert_eq!(csv_cell(&text("张三")), "张三");
        assert_eq!(csv_cell(&ExportCell::Integer(-3)), "-3");
        assert_eq!(csv_cell(&ExportCell::Null), "");
        assert_eq!(csv_cell(&ExportCell::Blob(&[0, 255])), "00ff");
    }

    #[test]
    fn table_names_stay_inside_the_directory() {
        assert_eq!(file_name("staff"), "staff.csv");
        assert_eq!(file_name("../x"), "___x.csv");
        assert_eq!(file_name("表"), "_.csv");
    }
}
