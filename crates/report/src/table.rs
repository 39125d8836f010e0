//! A report table and its four renderings.

use unicode_width::UnicodeWidthStr;

use domain::text;

/// The output formats of `dutydesk report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    Csv,
}

/// A column's name in JSON and CSV.
pub type Key = std::borrow::Cow<'static, str>;

/// Column names from fixed words.
pub fn keys(names: &[&'static str]) -> Vec<Key> {
    names.iter().map(|n| Key::Borrowed(n)).collect()
}

/// Rows of text under column headers, with a JSON key for each column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub title: String,
    /// JSON and CSV names of the columns: fixed words, or made (`slot_17`) for a school's own
    /// number of slots.
    pub keys: Vec<Key>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Columns aligned by display width (Chinese counts two), every cell sanitised.
    pub fn text(&self) -> String {
        let cells: Vec<Vec<String>> = std::iter::once(&self.headers)
            .chain(&self.rows)
            .map(|r| {
                r.iter()
                    .map(|c| text::line(&c.replace('\n', " ")).into_owned())
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|i| {
                cells
                    .iter()
                    .map(|r| r.get(i).map_or(0, |c| c.width()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = format!("{}\n", text::line(&self.title));
        for (n, row) in cells.iter().enumerate() {
            let line: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.width()))))
                .collect();
            out.push_str(line.join("  ").trim_end());
            out.push('\n');
            if n == 0 {
                out.push_str(
                    &"-".repeat(widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)),
                );
                out.push('\n');
            }
        }
        out
    }

    /// A Markdown table; `|` in cells escaped.
    pub fn markdown(&self) -> String {
        let cell = |c: &str| text::line(&c.replace('\n', " ")).replace('|', "\\|");
        let row = |cells: &[String]| {
            let joined: Vec<String> = cells.iter().map(|c| cell(c)).collect();
            format!("| {} |\n", joined.join(" | "))
        };
        let mut out = format!("## {}\n\n", cell(&self.title));
        out.push_str(&row(&self.headers));
        out.push('|');
        out.push_str(&" --- |".repeat(self.headers.len()));
        out.push('\n');
        for r in &self.rows {
            out.push_str(&row(r));
        }
        out
    }

    /// The rows as JSON objects keyed by `keys`.
    pub fn json_rows(&self) -> Vec<serde_json::Value> {
        self.rows
            .iter()
            .map(|row| {
                let map: serde_json::Map<String, serde_json::Value> = self
                    .keys
                    .iter()
                    .zip(row)
                    .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
                    .collect();
                serde_json::Value::Object(map)
            })
            .collect()
    }

    /// CSV with the JSON keys as the header row; formula-looking cells neutralised.
    pub fn csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(self.keys.iter().map(|k| k.as_bytes()))?;
        for row in &self.rows {
            w.write_record(row.iter().map(|c| neutralise(c)))?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, TAB, CR first) gets a `'`.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests;
