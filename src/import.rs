//! Reading a school's student or staff list from a CSV file saved by Excel or WPS: the encoding,
//! the header, and every row checked into a draft or a typed reason it was refused.

use std::collections::HashMap;

use crate::domain::people::StudentDraft;
use crate::domain::staff::StaffRole;
use crate::domain::text::{self, TextError, TextKind};
use crate::store::StaffImport;

/// How the file's bytes were read as text (reported back, so a user sees GBK was recognised).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Gbk,
}

impl Encoding {
    /// Position in the `imp_encodings` string table.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A column this import knows. The order is that of the `imp_columns` string table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    StudentNo,
    Name,
    Class,
    Gender,
    Role,
    StaffNo,
    Phone,
}

impl Column {
    /// Header names that mean this column, already in `normalize`d form.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::StudentNo => &["学号", "student_no", "number"],
            Column::Name => &["姓名", "name"],
            Column::Class => &["班级", "class"],
            Column::Gender => &["性别", "gender"],
            Column::Role => &["岗位", "职务", "role", "job"],
            Column::StaffNo => &["工号", "staff_no"],
            Column::Phone => &["电话", "手机", "phone"],
        }
    }

    /// Position in the `imp_columns` string table.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Why a whole file was refused: nothing in it can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileError {
    /// Saved as UTF-16 ("Unicode text"), which is not a CSV.
    Utf16,
    /// Neither UTF-8 nor GBK (a spreadsheet file renamed, a picture, …).
    NotText,
    /// No header row at all.
    NoHeader,
    MissingColumn(Column),
    /// Two header cells name the same column: which one is meant cannot be guessed.
    DuplicateColumn(Column),
    /// The CSV reader gave up at this line.
    Unreadable {
        line: u64,
    },
}

/// Why one row was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// A required cell is blank.
    Missing(Column),
    /// Too long, or holding a control or invisible (bidi, zero-width) character.
    Text {
        column: Column,
        error: TextError,
    },
    /// A student or staff number that is not 1–20 letters, digits or `-`.
    BadNumber(Column),
    BadPhone,
    /// The role cell as written (raw file text: sanitize before showing it).
    UnknownRole(String),
    /// Non-blank cells beyond the header: the row is probably shifted by a stray comma.
    ExtraCells {
        found: usize,
        expected: usize,
    },
    /// The same student or staff number as an earlier line.
    DuplicateNumber {
        column: Column,
        first_line: u64,
    },
    /// The same name as an earlier line, neither with a staff number to tell them apart.
    DuplicateName {
        first_line: u64,
    },
}

/// A row refused, with the file's line number (the header is line 1, as in Excel).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub problems: Vec<RowProblem>,
}

/// What a file held: the rows ready for the store and the rows refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<T> {
    pub encoding: Encoding,
    /// The known columns the header has. An optional column the file lacks says nothing about
    /// that value, so an import should keep what is stored rather than blank it.
    pub columns: Vec<Column>,
    pub rows: Vec<T>,
    pub bad: Vec<BadRow>,
}

impl<T> Parsed<T> {
    pub fn has(&self, column: Column) -> bool {
        self.columns.contains(&column)
    }

    fn push(&mut self, line: u64, row: Option<T>, problems: Vec<RowProblem>) {
        match row {
            Some(row) if problems.is_empty() => self.rows.push(row),
            _ => self.bad.push(BadRow { line, problems }),
        }
    }
}

const STUDENT_COLUMNS: [(Column, bool); 4] = [
    (Column::StudentNo, true),
    (Column::Name, true),
    (Column::Class, true),
    (Column::Gender, false),
];

const STAFF_COLUMNS: [(Column, bool); 4] = [
    (Column::Name, true),
    (Column::Role, true),
    (Column::StaffNo, false),
    (Column::Phone, false),
];

const MAX_NUMBER: usize = 20;
const MAX_CLASS: usize = 20;
const MAX_GENDER: usize = 10;
const MAX_PHONE: usize = 20;
/// How much of an unknown role is quoted back.
const MAX_QUOTED: usize = 20;

/// Reads a student list. Students are keyed by number, so a number seen twice is refused.
pub fn students(bytes: &[u8]) -> Result<Parsed<StudentDraft>, FileError> {
    let table = Table::read(bytes, &STUDENT_COLUMNS)?;
    let mut out = table.parsed();
    let mut seen = HashMap::new();
    for rec in &table.records {
        let mut p = Problems(rec.extra_cells(table.width));
        let draft = student_row(rec, &mut p);
        if let Some(first_line) = first_seen(&mut seen, rec.cell(Column::StudentNo), rec.line) {
            p.0.push(RowProblem::DuplicateNumber {
                column: Column::StudentNo,
                first_line,
            });
        }
        out.push(rec.line, draft, p.0);
    }
    Ok(out)
}

/// Reads a staff list. The store matches staff by number, else by name; a repeated number, or a
/// repeated name with no numbers, would make that match ambiguous, so the later row is refused.
pub fn staff(bytes: &[u8]) -> Result<Parsed<StaffImport>, FileError> {
    let table = Table::read(bytes, &STAFF_COLUMNS)?;
    let mut out = table.parsed();
    let (mut numbers, mut names) = (HashMap::new(), HashMap::new());
    for rec in &table.records {
        let mut p = Problems(rec.extra_cells(table.width));
        let row = staff_row(rec, &mut p);
        let number = rec.cell(Column::StaffNo);
        if let Some(first_line) = first_seen(&mut numbers, number, rec.line) {
            p.0.push(RowProblem::DuplicateNumber {
                column: Column::StaffNo,
                first_line,
            });
        } else if number.is_empty()
            && let Some(first_line) = first_seen(&mut names, rec.cell(Column::Name), rec.line)
        {
            p.0.push(RowProblem::DuplicateName { first_line });
        }
        out.push(rec.line, row, p.0);
    }
    Ok(out)
}

/// The line `key` was first seen on, or `None` (and remember it) if this is the first time.
/// Blank keys are never duplicates: a blank required cell is reported as missing instead.
fn first_seen(seen: &mut HashMap<String, u64>, key: &str, line: u64) -> Option<u64> {
    if key.is_empty() {
        return None;
    }
    if let Some(first) = seen.get(key) {
        return Some(*first);
    }
    seen.insert(key.to_owned(), line);
    None
}

fn student_row(rec: &Record, p: &mut Problems) -> Option<StudentDraft> {
    let number = p.take(number(Column::StudentNo, rec.cell(Column::StudentNo), true));
    let name = p.take(name(rec.cell(Column::Name)));
    let class_name = p.take(short_text(
        Column::Class,
        rec.cell(Column::Class),
        MAX_CLASS,
        true,
    ));
    let gender = p.take(short_text(
        Column::Gender,
        rec.cell(Column::Gender),
        MAX_GENDER,
        false,
    ));
    Some(StudentDraft {
        // Checked as required, so a good number is always `Some`.
        number: number??,
        name: name?,
        class_name: class_name?,
        gender: gender?,
    })
}

fn staff_row(rec: &Record, p: &mut Problems) -> Option<StaffImport> {
    let name = p.take(name(rec.cell(Column::Name)));
    let role = p.take(role(rec.cell(Column::Role)));
    let staff_no = p.take(number(Column::StaffNo, rec.cell(Column::StaffNo), false));
    let phone = p.take(phone(rec.cell(Column::Phone)));
    Some(StaffImport {
        staff_no: staff_no?,
        name: name?,
        role: role?,
        phone: phone?,
    })
}

/// The problems found on one row so far; every cell is checked so that one pass over the file
/// tells the user everything to fix.
struct Problems(Vec<RowProblem>);

impl Problems {
    fn take<T>(&mut self, checked: Result<T, RowProblem>) -> Option<T> {
        checked.map_err(|e| self.0.push(e)).ok()
    }
}

/// A person's name, by the same rule as a name typed on screen (DATA-SAFETY.md: imported rows
/// are untrusted text).
fn name(raw: &str) -> Result<String, RowProblem> {
    text::validate(TextKind::Name, raw, true).map_err(|e| text_problem(Column::Name, e))
}

/// A one-line value of at most `max` characters with no control or invisible characters.
fn short_text(column: Column, raw: &str, max: usize, required: bool) -> Result<String, RowProblem> {
    let value =
        text::validate(TextKind::Name, raw, required).map_err(|e| text_problem(column, e))?;
    if value.chars().count() > max {
        return Err(text_problem(column, TextError::TooLong { max }));
    }
    Ok(value)
}

fn text_problem(column: Column, error: TextError) -> RowProblem {
    match error {
        TextError::Empty => RowProblem::Missing(column),
        error => RowProblem::Text { column, error },
    }
}

/// A student or staff number: 1–20 letters, digits or `-` (Excel's `2.02E+06` is refused here).
fn number(column: Column, raw: &str, required: bool) -> Result<Option<String>, RowProblem> {
    let value = raw.trim();
    if value.is_empty() {
        return if required {
            Err(RowProblem::Missing(column))
        } else {
            Ok(None)
        };
    }
    let ok = value.chars().count() <= MAX_NUMBER
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(Some(value.to_owned()))
    } else {
        Err(RowProblem::BadNumber(column))
    }
}

fn phone(raw: &str) -> Result<String, RowProblem> {
    let value = raw.trim();
    let ok = value.chars().count() <= MAX_PHONE
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' '));
    if ok {
        Ok(value.to_owned())
    } else {
        Err(RowProblem::BadPhone)
    }
}

fn role(raw: &str) -> Result<StaffRole, RowProblem> {
    if raw.trim().is_empty() {
        return Err(RowProblem::Missing(Column::Role));
    }
    parse_role(raw)
        .ok_or_else(|| RowProblem::UnknownRole(raw.trim().chars().take(MAX_QUOTED).collect()))
}

/// A role in Chinese or English: the words on the staff screen, or the stored code.
pub fn parse_role(raw: &str) -> Option<StaffRole> {
    use StaffRole::{
        ClassTeacher, Counsellor, DormStaff, Guard, Leader, Other, SafetyOfficer, Teacher,
    };
    let role = match normalize(raw).as_str() {
        "教师" | "teacher" => Teacher,
        "学校领导" | "领导" | "leader" | "school_leader" => Leader,
        "保安" | "guard" => Guard,
        "宿管" | "dorm_staff" | "dormitory_staff" => DormStaff,
        "心理教师" | "counsellor" | "counselor" => Counsellor,
        "班主任" | "class_teacher" => ClassTeacher,
        "安全干部" | "safety_officer" => SafetyOfficer,
        "其他" | "other" => Other,
        _ => return None,
    };
    Some(role)
}

/// Header and role words compare trimmed, case-insensitive, with spaces or hyphens as `_`
/// (`Student No`, `student-no` and `student_no` are one name).
fn normalize(raw: &str) -> String {
    raw.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

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
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), Encoding::Utf8));
    }
    encoding_rs::GBK
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| (s.into_owned(), Encoding::Gbk))
        .ok_or(FileError::NotText)
}

/// Which cell of a row holds each known column.
#[derive(Debug, Default)]
struct ColumnMap(HashMap<Column, usize>);

impl ColumnMap {
    /// Finds `wanted` in the header; unknown header cells are ignored.
    fn from_header(header: &[String], wanted: &[(Column, bool)]) -> Result<ColumnMap, FileError> {
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
struct Record {
    line: u64,
    values: [String; COLUMNS],
    /// How many cells the row had, and whether any beyond the header held text.
    found: usize,
    spills: bool,
}

/// How many `Column`s there are.
const COLUMNS: usize = 7;

impl Record {
    fn new(line: u64, row: &csv::StringRecord, map: &ColumnMap, width: usize) -> Record {
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
    fn cell(&self, column: Column) -> &str {
        &self.values[column.index()]
    }

    fn extra_cells(&self, width: usize) -> Vec<RowProblem> {
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
struct Table {
    encoding: Encoding,
    columns: Vec<Column>,
    width: usize,
    records: Vec<Record>,
}

impl Table {
    fn read(bytes: &[u8], wanted: &[(Column, bool)]) -> Result<Table, FileError> {
        let (text, encoding) = decode(bytes)?;
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

    fn parsed<T>(&self) -> Parsed<T> {
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
fn start_line(text: &str, at: &csv::Position) -> u64 {
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

fn unreadable(e: &csv::Error) -> FileError {
    FileError::Unreadable {
        line: e.position().map_or(0, csv::Position::line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "学号,姓名,班级\n2024001,张三,初一(1)班\n";

    fn gbk(s: &str) -> Vec<u8> {
        let (bytes, _, lossy) = encoding_rs::GBK.encode(s);
        assert!(!lossy, "{s} is not all GBK");
        bytes.into_owned()
    }

    #[test]
    fn decodes_utf8_with_and_without_bom_and_gbk() {
        let plain = LIST.as_bytes().to_vec();
        let bom = [b"\xEF\xBB\xBF".as_slice(), LIST.as_bytes()].concat();
        assert_eq!(decode(&plain), Ok((LIST.to_owned(), Encoding::Utf8)));
        assert_eq!(decode(&bom), Ok((LIST.to_owned(), Encoding::Utf8Bom)));
        let gbk_bytes = gbk(LIST);
        assert!(
            std::str::from_utf8(&gbk_bytes).is_err(),
            "the test needs real GBK"
        );
        assert_eq!(decode(&gbk_bytes), Ok((LIST.to_owned(), Encoding::Gbk)));
    }

    #[test]
    fn refuses_bytes_that_are_not_csv_text() {
        assert_eq!(decode(b"\xFF\xFEa\x00b\x00"), Err(FileError::Utf16));
        assert_eq!(decode(b"a\x00,b\x00"), Err(FileError::NotText));
        // 0x80 alone and 0xFF are not GBK either.
        assert_eq!(decode(b"name\xFF\x80"), Err(FileError::NotText));
        // A BOM promises UTF-8: GBK after it is damage, not a second guess.
        let mut bom_then_gbk = b"\xEF\xBB\xBF".to_vec();
        bom_then_gbk.extend(gbk("姓名"));
        assert_eq!(decode(&bom_then_gbk), Err(FileError::NotText));
    }

    #[test]
    fn header_names_match_in_either_language_any_case_and_spacing() {
        let file = " Student No ,NAME,  class\u{3000},Remarks\n2024001,Zhang San,7-1\n";
        let parsed = students(file.as_bytes()).expect("header matches");
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].class_name, "7-1");
        let parsed = students("班级,备注,姓名,学号\n初一,x,张三,1\n".as_bytes()).expect("zh");
        assert_eq!(
            parsed.rows[0].number, "1",
            "columns are found by name, not place"
        );
        assert_eq!(parsed.rows[0].gender, "", "gender is optional");
        assert!(!parsed.has(Column::Gender) && parsed.has(Column::Class));
    }

    #[test]
    fn a_missing_or_doubled_column_refuses_the_file() {
        let no_class = students("学号,姓名\n1,张三\n".as_bytes());
        assert_eq!(no_class, Err(FileError::MissingColumn(Column::Class)));
        let no_role = staff("姓名,电话\n张三,1\n".as_bytes());
        assert_eq!(no_role, Err(FileError::MissingColumn(Column::Role)));
        let twice = staff("姓名,岗位,职务\n张三,教师,教师\n".as_bytes());
        assert_eq!(twice, Err(FileError::DuplicateColumn(Column::Role)));
        assert_eq!(students(b""), Err(FileError::NoHeader));
    }

    #[test]
    fn line_numbers_are_the_files_and_blank_rows_are_skipped() {
        let file = "学号,姓名,班级\n1,张三,初一\n,,\n\n2,\"李\n四\",初一\n3,,初一\n";
        // Excel on Windows ends lines with CR LF.
        for file in [file.to_owned(), file.replace('\n', "\r\n")] {
            let parsed = students(file.as_bytes()).expect("reads");
            assert_eq!(parsed.rows.len(), 1);
            let lines: Vec<u64> = parsed.bad.iter().map(|b| b.line).collect();
            // The quoted name with a line break starts on line 5 (after a blank line 4, which
            // the CSV reader would count as the row's start); the next row is line 7.
            assert_eq!(lines, [5, 7], "{file:?}");
            assert_eq!(parsed.bad[1].problems, [RowProblem::Missing(Column::Name)]);
        }
    }

    #[test]
    fn every_problem_of_a_row_is_reported() {
        let file = "学号,姓名,班级,性别\n2.02E+06,张\u{202E}三,一二三四五六七八九十一二三四五六七八九十一,x\n";
        let parsed = students(file.as_bytes()).expect("reads");
        assert_eq!(
            parsed.bad[0].problems,
            [
                RowProblem::BadNumber(Column::StudentNo),
                RowProblem::Text {
                    column: Column::Name,
                    error: TextError::Forbidden
                },
                RowProblem::Text {
                    column: Column::Class,
                    error: TextError::TooLong { max: MAX_CLASS }
                },
            ]
        );
    }

    #[test]
    fn cells_beyond_the_header_refuse_a_row_only_when_they_hold_text() {
        let file = "学号,姓名,班级\n1,张三,初一,,\n2,李,四,初一\n";
        let parsed = students(file.as_bytes()).expect("reads");
        assert_eq!(parsed.rows.len(), 1, "trailing empty cells are harmless");
        assert_eq!(
            parsed.bad[0].problems,
            [RowProblem::ExtraCells {
                found: 4,
                expected: 3
            }]
        );
        let short = students("学号,姓名,班级,性别\n1,张三,初一\n".as_bytes()).expect("reads");
        assert_eq!(
            short.rows.len(),
            1,
            "a short row leaves the optional gender blank"
        );
    }

    #[test]
    fn a_repeated_student_number_refuses_the_later_row() {
        let file = "学号,姓名,班级\n1,张三,初一\n2,李四,初一\n1,王五,初二\n";
        let parsed = students(file.as_bytes()).expect("reads");
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].name, "张三", "the first one stays");
        assert_eq!(
            parsed.bad,
            [BadRow {
                line: 4,
                problems: vec![RowProblem::DuplicateNumber {
                    column: Column::StudentNo,
                    first_line: 2
                }]
            }]
        );
    }

    #[test]
    fn staff_rows_check_role_number_and_phone() {
        let file = "姓名,岗位,工号,电话\n\
                    张伟,班主任,T-01,+86 138-0000-0000\n\
                    李强,Class Teacher,,\n\
                    王五,主任,T 02,138x\n\
                    赵六,guard,T-01,\n\
                    李强,保安,,\n\
                    李强,保安,T-09,\n";
        let parsed = staff(file.as_bytes()).expect("reads");
        let good: Vec<(&str, StaffRole)> = parsed
            .rows
            .iter()
            .map(|r| (r.name.as_str(), r.role))
            .collect();
        assert_eq!(
            good,
            [
                ("张伟", StaffRole::ClassTeacher),
                ("李强", StaffRole::ClassTeacher),
                ("李强", StaffRole::Guard)
            ]
        );
        assert_eq!(parsed.rows[0].staff_no.as_deref(), Some("T-01"));
        assert_eq!(parsed.rows[1].staff_no, None);
        let bad: Vec<(u64, Vec<RowProblem>)> = parsed
            .bad
            .into_iter()
            .map(|b| (b.line, b.problems))
            .collect();
        assert_eq!(
            bad,
            [
                (
                    4,
                    vec![
                        RowProblem::UnknownRole("主任".into()),
                        RowProblem::BadNumber(Column::StaffNo),
                        RowProblem::BadPhone
                    ]
                ),
                (
                    5,
                    vec![RowProblem::DuplicateNumber {
                        column: Column::StaffNo,
                        first_line: 2
                    }]
                ),
                (6, vec![RowProblem::DuplicateName { first_line: 3 }]),
            ]
        );
    }

    #[test]
    fn roles_read_in_chinese_english_and_codes() {
        for (word, role) in [
            ("教师", StaffRole::Teacher),
            ("领导", StaffRole::Leader),
            ("学校领导", StaffRole::Leader),
            ("School leader", StaffRole::Leader),
            (" Dorm Staff ", StaffRole::DormStaff),
            ("dorm_staff", StaffRole::DormStaff),
            ("宿管", StaffRole::DormStaff),
            ("心理教师", StaffRole::Counsellor),
            ("safety officer", StaffRole::SafetyOfficer),
            ("安全干部", StaffRole::SafetyOfficer),
            ("其他", StaffRole::Other),
        ] {
            assert_eq!(parse_role(word), Some(role), "{word}");
        }
        for role in StaffRole::ALL {
            assert_eq!(
                parse_role(role.code()),
                Some(role),
                "the stored code reads back"
            );
        }
        assert_eq!(parse_role("主任"), None);
        assert_eq!(parse_role(""), None);
    }

    #[test]
    fn an_unknown_role_is_quoted_back_short() {
        let long = "x".repeat(100);
        assert_eq!(
            role(&long),
            Err(RowProblem::UnknownRole("x".repeat(MAX_QUOTED)))
        );
    }
}
