//! The JSON export, written as the rows arrive: one document with every table, values typed as
//! stored and nothing neutralised. Memory stays small however large the database is.

use std::io::Write;

use super::{About, FORMAT, Failure, VERSION};
use crate::store::{ExportCell, ExportSink};

/// Writes the document into `out`; `finish` closes it.
pub struct JsonSink<'a, W: Write> {
    out: W,
    about: &'a About,
    tables: usize,
    rows: u64,
}

impl<'a, W: Write> JsonSink<'a, W> {
    pub fn new(out: W, about: &'a About) -> Self {
        JsonSink {
            out,
            about,
            tables: 0,
            rows: 0,
        }
    }

    /// Closes the document and hands back the writer, flushed.
    pub fn finish(mut self) -> Result<W, Failure> {
        if self.tables == 0 {
            self.out.write_all(b"}\n}\n")?;
        } else {
            self.out.write_all(b"\n  }\n}\n")?;
        }
        self.out.flush()?;
        Ok(self.out)
    }

    fn string(&mut self, s: &str) -> Result<(), Failure> {
        serde_json::to_writer(&mut self.out, s).map_err(std::io::Error::from)?;
        Ok(())
    }

    fn cell(&mut self, cell: &ExportCell<'_>) -> Result<(), Failure> {
        match cell {
            ExportCell::Null => self.out.write_all(b"null")?,
            ExportCell::Integer(i) => write!(self.out, "{i}")?,
            // JSON has no infinities (SQLite has no NaN): serde_json writes them as null.
            ExportCell::Real(f) => {
                serde_json::to_writer(&mut self.out, f).map_err(std::io::Error::from)?;
            }
            ExportCell::Text(t) => self.string(t)?,
            // An object, so that bytes can never be mistaken for text.
            ExportCell::Blob(b) => write!(self.out, "{{\"hex\":\"{}\"}}", hex::encode(b))?,
        }
        Ok(())
    }
}

impl<W: Write> ExportSink for JsonSink<'_, W> {
    type Error = Failure;

    fn start(&mut self, schema_version: i32) -> Result<(), Failure> {
        self.out.write_all(b"{\n  \"format\": ")?;
        self.string(FORMAT)?;
        write!(
            self.out,
            ",\n  \"version\": {VERSION},\n  \"schema_version\": {schema_version},\n  \"app_version\": "
        )?;
        let about = self.about;
        self.string(about.app_version)?;
        self.out.write_all(b",\n  \"exported_at\": ")?;
        self.string(&about.exported_at)?;
        self.out.write_all(b",\n  \"tables\": {")?;
        Ok(())
    }

    fn table(&mut self, name: &str, columns: &[String]) -> Result<(), Failure> {
        if self.tables > 0 {
            self.out.write_all(b",")?;
        }
        self.tables += 1;
        self.rows = 0;
        self.out.write_all(b"\n    ")?;
        self.string(name)?;
        self.out.write_all(b": {\n      \"columns\": ")?;
        serde_json::to_writer(&mut self.out, columns).map_err(std::io::Error::from)?;
        self.out.write_all(b",\n      \"rows\": [")?;
        Ok(())
    }

    fn row(&mut self, cells: &[ExportCell<'_>]) -> Result<(), Failure> {
        self.out.write_all(if self.rows == 0 {
            b"\n        ["
        } else {
            b",\n        ["
        })?;
        self.rows += 1;
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b", ")?;
            }
            self.cell(cell)?;
        }
        self.out.write_all(b"]")?;
        Ok(())
    }

    fn end_table(&mut self, rows: u64) -> Result<(), Failure> {
        if rows == 0 {
            self.out.write_all(b"]\n    }")?;
        } else {
            self.out.write_all(b"\n      ]\n    }")?;
        }
        Ok(())
    }
}
