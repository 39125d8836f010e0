//! The CSV file as a table: bytes decoded to text, header columns found, records read with the
//! line each starts on.

use std::collections::HashMap;

use super::{Column, Encoding, FileError, Parsed, RowProblem, normalize};

/// Turns a file's bytes into text: UTF-8 with or without a BOM, else GBK (what Excel and WPS on
/// Chinese Windows write for "CSV (comma delimited)").
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), FileError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FileError::Utf16);
    }
    // No text CSV holds a NUL; UTF-16 without a BOM does, and is valid UTF-8.
    if bytes.contains(&0) {
        return Err(FileError::NotText);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // The BOM says UTF-8: falling back to GBK would only turn a damaged file into nonsense.
        return String::from_utf8(rest.to_vec())
            .map(|s| (s, Encoding::Utf8Bom))
            .map_err(|_| FileError::NotText);
    }
    let gbk = || {
        encoding_rs::GBK
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(std::borrow::Cow::into_owned)
    };
    if let Ok(s) = std::str::from_utf8(bytes) {
        // A short GBK file can also be valid UTF-8 (陆伟 in GBK reads as "½ΰ"). Read as UTF-8
        // it then holds no Chinese and some symbol no name has; names in other scripts (José,
        // Zoë, Άννα) are UTF-8 as they are.
        let plausible = s.chars().filter(|c| !c.is_ascii()).all(|c| {
            // Letters of any script, the middle dot of transliterated names, general and CJK
            // punctuation, full-width forms: what names and notes hold. GBK read as UTF-8
            // gives symbols such as ½ among them.
            c.is_alphabetic()
                || matches!(c, '\u{B7}' | '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
        });
        if !plausible
            && !s.chars().any(is_cjk)
            && let Some(g) = gbk().filter(|g| g.chars().any(is_cjk))
        {
            return Ok((g, Encoding::Gbk));
        }
        return Ok((s.to_owned(), Encoding::Utf8));
    }
    // Not UTF-8: a legacy encoding. chardetng (told the file is from China) names it; only
    // GBK (and its superset GB18030) is read, so a Big5 or Shift_JIS file is refused rather
    // than read as GBK into names that look right to nobody.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    if guess != encoding_rs::GBK && guess != encoding_rs::GB18030 {
        return Err(FileError::NotText);
    }
    gbk().map(|s| (s, Encoding::Gbk)).ok_or(FileError::NotText)
}

/// A Chinese character (the unified ideographs, and the first extension).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Which cell of a row holds each known column.
#[derive(Debug, Default)]
pub(super) struct ColumnMap(HashMap<Column, usize>);

impl ColumnMap {
    /// Finds `wanted` in the header; unknown header cells are ignored.
    pub(super) fn from_header(
        header: &[String],
        wanted: &[(Column, bool)],
    ) -> Result<ColumnMap, FileError> {
        let mut map = ColumnMap::default();
        for (at, cell) in header.iter().enumerate() {
            let cell = normalize(cell);
            let Some(&(column, _)) = wanted
                .iter()
                .find(|(c, _)| c.aliases().contains(&cell.as_str()))
            else {
                continue;
            };
            if map.0.insert(column, at).is_some() {
                return Err(FileError::DuplicateColumn(column));
            }
        }
        match wanted
            .iter()
            .find(|(c, required)| *required && !map.0.contains_key(c))
        {
            Some(&(missing, _)) => Err(FileError::MissingColumn(missing)),
            None => Ok(map),
        }
    }
}

/// One data row: its line in the file and its cells, placed by column.
#[derive(Debug)]
pub(super) struct Record {
    pub(super) line: u64,
    pub(super) values: [String; COLUMNS],
    /// How many cells the row had, and whether any beyond the header held text.
    pub(super) found: usize,
    pub(super) spills: bool,
}

/// How many `Column`s there are.
const COLUMNS: usize = 7;

impl Record {
    pub(super) fn new(line: u64, row: &csv::StringRecord, map: &ColumnMap, width: usize) -> Record {
        let mut values: [String; COLUMNS] = Default::default();
        for (&column, &at) in &map.0 {
            row.get(at)
                .unwrap_or_default()
                .trim()
                .clone_into(&mut values[column.index()]);
        }
        Record {
            line,
            values,
            found: row.len(),
            spills: row.iter().skip(width).any(|c| !c.trim().is_empty()),
        }
    }

    /// The cell of `column`, trimmed; blank when the column is absent or the row is short.
    pub(super) fn cell(&self, column: Column) -> &str {
        &self.values[column.index()]
    }

    pub(super) fn extra_cells(&self, width: usize) -> Vec<RowProblem> {
        if self.spills {
            vec![RowProblem::ExtraCells {
                found: self.found,
                expected: width,
            }]
        } else {
            Vec::new()
        }
    }
}

/// A decoded file: the header's width and the non-blank data rows.
pub(super) struct Table {
    pub(super) encoding: Encoding,
    pub(super) columns: Vec<Column>,
    pub(super) width: usize,
    pub(super) records: Vec<Record>,
}

impl Table {
    pub(super) fn read(bytes: &[u8], wanted: &[(Column, bool)]) -> Result<Table, FileError> {
        let (text, encoding) = decode(bytes)?;
        // Old Mac Excel ("CSV (Macintosh)") ends lines with a lone CR, which the reader takes as
        // a line end but does not count: made LF here, so refused rows name their real line.
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = reader.records();
        let header = rows
            .next()
            .ok_or(FileError::NoHeader)?
            .map_err(|e| unreadable(&e))?;
        let header: Vec<String> = header.iter().map(str::to_owned).collect();
        let map = ColumnMap::from_header(&header, wanted)?;
        let mut records = Vec::new();
        for row in rows {
            let row = row.map_err(|e| unreadable(&e))?;
            // Excel leaves rows of empty cells where something was deleted: not worth a word.
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line = row.position().map_or(0, |p| start_line(&text, p));
            records.push(Record::new(line, &row, &map, header.len()));
        }
        Ok(Table {
            encoding,
            columns: map.0.keys().copied().collect(),
            width: header.len(),
            records,
        })
    }

    pub(super) fn parsed<T>(&self) -> Parsed<T> {
        Parsed {
            encoding: self.encoding,
            columns: self.columns.clone(),
            rows: Vec::new(),
            bad: Vec::new(),
        }
    }
}

/// The line a record's first cell is on. The CSV reader reports where it began reading, which is
/// before any blank lines it skipped; a user looking the row up in Excel needs the row itself.
pub(super) fn start_line(text: &str, at: &csv::Position) -> u64 {
    let skipped = text
        .as_bytes()
        .get(usize::try_from(at.byte()).unwrap_or(usize::MAX)..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|&&b| b == b'\n')
        .count();
    at.line() + skipped as u64
}

pub(super) fn unreadable(e: &csv::Error) -> FileError {
    FileError::Unreadable {
        line: e.position().map_or(0, csv::Position::line),
    }
}
