//! A report as a document: a title, facts (label: value lines) and sections of tables, written
//! as the paper duty log (text), Markdown, versioned JSON or flat CSV. The shift summary and the
//! period report are both built as one of these, so every format says the same thing.

use std::fmt::Write as _;

use serde_json::{Map, Value};
use unicode_width::UnicodeWidthStr;

use super::table::neutralise;
use super::{Key, Table};
use domain::text;

/// One `label: value` line at the head of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The JSON key.
    pub key: &'static str,
    pub label: String,
    pub value: String,
}

/// One table of a report, with the JSON key of the section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub key: &'static str,
    pub table: Table,
    /// Columns written as JSON numbers (counts, rates).
    pub numeric: Vec<Key>,
    /// What the text and Markdown say under the title when there are no rows.
    pub empty: String,
    /// A stable code for each row (a category id, `yes`/`no`), given in JSON and CSV as the
    /// field `code` so that programs need not read translated words; empty when rows have none.
    pub codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// `"shift"` or `"period"`: the `dutydesk_report` of the JSON.
    pub kind: &'static str,
    pub title: String,
    pub facts: Vec<Fact>,
    /// The headline counts as numbers, for programs (JSON `figures`, CSV section `figures`).
    pub figures: Vec<(&'static str, Value)>,
    pub sections: Vec<Section>,
}

impl Doc {
    /// The paper duty log: plain lines, columns aligned by display width, nothing from stored
    /// text that a terminal or printer would act on.
    pub fn text(&self) -> String {
        let title = clean(&self.title);
        let mut out = format!("{title}\n{}\n", "=".repeat(title.width()));
        let label_width = self
            .facts
            .iter()
            .map(|f| clean(&f.label).width())
            .max()
            .unwrap_or(0);
        for f in &self.facts {
            let label = clean(&f.label);
            let pad = " ".repeat(label_width - label.width());
            out.push_str(format!("{label}{pad}  {}", clean(&f.value)).trim_end());
            out.push('\n');
        }
        for s in &self.sections {
            out.push('\n');
            if s.table.rows.is_empty() {
                writeln!(out, "■ {}\n  {}", clean(&s.table.title), clean(&s.empty))
                    .unwrap_or_default();
            } else {
                let mut table = s.table.clone();
                table.title = format!("■ {}", s.table.title);
                out.push_str(&table.text());
            }
        }
        out
    }

    pub fn markdown(&self) -> String {
        let cell = |c: &str| clean(c).replace('|', "\\|");
        let mut out = format!("# {}\n\n", cell(&self.title));
        for f in &self.facts {
            writeln!(out, "- **{}**: {}", cell(&f.label), cell(&f.value)).unwrap_or_default();
        }
        for s in &self.sections {
            out.push('\n');
            if s.table.rows.is_empty() {
                writeln!(out, "## {}\n\n{}", cell(&s.table.title), cell(&s.empty))
                    .unwrap_or_default();
            } else {
                out.push_str(&s.table.markdown());
            }
        }
        out
    }

    /// `{"dutydesk_report", "version", "generated_at", "title", "facts": {key: text},
    /// "figures": {key: number}, "sections": {key: {"title", "rows": [{column: value}]}}}`, as
    /// documented in the README.
    pub fn json(&self, version: u32, generated_at: &str) -> Value {
        let facts: Map<String, Value> = self
            .facts
            .iter()
            .map(|f| (f.key.to_owned(), Value::String(f.value.clone())))
            .collect();
        let sections: Map<String, Value> = self
            .sections
            .iter()
            .map(|s| {
                let rows: Vec<Value> = s
                    .table
                    .rows
                    .iter()
                    .enumerate()
                    .map(|(n, row)| {
                        let mut map: Map<String, Value> = s
                            .table
                            .keys
                            .iter()
                            .zip(row)
                            .map(|(k, v)| (k.to_string(), typed(v, s.numeric.contains(k))))
                            .collect();
                        if let Some(code) = s.codes.get(n) {
                            map.insert("code".into(), Value::String(code.clone()));
                        }
                        Value::Object(map)
                    })
                    .collect();
                let mut section = Map::new();
                section.insert("title".into(), Value::String(s.table.title.clone()));
                section.insert("rows".into(), Value::Array(rows));
                (s.key.to_owned(), Value::Object(section))
            })
            .collect();
        serde_json::json!({
            "dutydesk_report": self.kind,
            "version": version,
            "generated_at": generated_at,
            "title": self.title,
            "facts": facts,
            "figures": self.figures.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect::<Map<String, Value>>(),
            "sections": sections,
        })
    }

    /// The flat CSV form: `section,row,field,value`, one line per cell (facts and figures as
    /// sections `facts` and `figures`, row 1), formula-looking values neutralised.
    pub fn csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["section", "row", "field", "value"])?;
        for f in &self.facts {
            w.write_record(["facts", "1", f.key, &neutralise(&f.value)])?;
        }
        for (k, v) in &self.figures {
            let v = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            w.write_record(["figures", "1", k, &neutralise(&v)])?;
        }
        for s in &self.sections {
            for (n, row) in s.table.rows.iter().enumerate() {
                let number = (n + 1).to_string();
                if let Some(code) = s.codes.get(n) {
                    w.write_record([s.key, number.as_str(), "code", &neutralise(code)])?;
                }
                for (k, v) in s.table.keys.iter().zip(row) {
                    w.write_record([s.key, number.as_str(), k.as_ref(), &neutralise(v)])?;
                }
            }
        }
        let bytes = w
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// One line of display-safe text: stored text never brings escapes or line breaks along.
fn clean(s: &str) -> String {
    text::line(&s.replace('\n', " ")).into_owned()
}

/// A number where the column is numeric and the cell is one; else the text.
fn typed(v: &str, numeric: bool) -> Value {
    if numeric {
        if let Ok(n) = v.parse::<i64>() {
            return Value::from(n);
        }
        if let Ok(x) = v.parse::<f64>() {
            return Value::from(x);
        }
    }
    Value::String(v.to_owned())
}
