//! Reading a school's student or staff list from a CSV file saved by Excel or WPS: the encoding,
//! the header, and every row checked into a draft or a typed reason it was refused.

use std::collections::HashMap;

use crate::domain::people::StudentDraft;
use crate::domain::staff::StaffRole;
use crate::domain::text::{self, TextError, TextKind};
use crate::store::StaffImport;

mod table;
#[cfg(test)]
mod tests;

pub use table::decode;
use table::{Record, Table};

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
