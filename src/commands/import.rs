//! `dutydesk import students|staff FILE [--skip-bad]`: bring a school's CSV list into the store,
//! all of it or (with `--skip-bad`) all of its good rows, in one transaction.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::Setup;
use crate::cli::ImportCommand;
use crate::domain::people::StudentDraft;
use crate::domain::text::{self, TextError};
use crate::i18n::Strings;
use crate::i18n::Words as _;
use crate::import::{self, BadRow, Column, FileError, Parsed, RowProblem};
use crate::store::{ImportCounts, Store, StoreError};

pub fn run(setup: &Setup, what: &ImportCommand) -> Result<(), String> {
    let s = setup.lang.strings();
    let (args, students) = match what {
        ImportCommand::Students(a) => (a, true),
        ImportCommand::Staff(a) => (a, false),
    };
    let file = shown(&args.file);
    let bytes = std::fs::read(&args.file).map_err(|e| (s.store.io)(&file, &e.to_string()))?;
    let whole = |e| (s.import.file)(&file, &file_error(s, e));
    let job = Job {
        setup,
        file: &file,
        skip_bad: args.skip_bad,
    };
    if students {
        let parsed = import::students(&bytes).map_err(whole)?;
        let keep_gender = !parsed.has(Column::Gender);
        job.finish(&parsed, |store, rows, now| {
            if keep_gender {
                store.import_students(&with_stored_gender(store, rows)?, now)
            } else {
                store.import_students(rows, now)
            }
        })
    } else {
        job.finish(&import::staff(&bytes).map_err(whole)?, Store::import_staff)
    }
}

/// One import's settings, shared by students and staff.
struct Job<'a> {
    setup: &'a Setup,
    /// The file name, sanitized for the terminal.
    file: &'a str,
    skip_bad: bool,
}

impl Job<'_> {
    /// Refuses the file if it has bad rows (unless `--skip-bad`), else stores the good rows and
    /// reports what happened.
    fn finish<T>(
        &self,
        parsed: &Parsed<T>,
        save: impl FnOnce(&mut Store, &[T], DateTime<Utc>) -> Result<ImportCounts, StoreError>,
    ) -> Result<(), String> {
        let s = self.setup.lang.strings();
        if !parsed.bad.is_empty() && !self.skip_bad {
            // Refused before the database is even opened: nothing can be half-imported.
            for bad in &parsed.bad {
                eprintln!("{}", bad_row(s, bad));
            }
            let why = (s.import.refused)(parsed.bad.len(), parsed.rows.len());
            return Err((s.import.file)(self.file, &why));
        }
        let mut store = Store::open(&self.setup.paths.db, self.setup.clock.today())
            .map_err(|e| s.store_error(&e))?;
        let now = self.setup.clock.now().with_timezone(&Utc);
        let counts = save(&mut store, &parsed.rows, now).map_err(|e| s.store_error(&e))?;
        for bad in &parsed.bad {
            println!("{}", bad_row(s, bad));
        }
        println!(
            "{}",
            (s.import.done)(
                self.file,
                s.import.encodings[parsed.encoding.index()],
                counts.added,
                counts.updated,
                counts.unchanged,
                parsed.bad.len(),
            )
        );
        Ok(())
    }
}

/// `rows` with each known student's stored gender, for a file without a gender column: a class
/// list that leaves gender out must not blank what an earlier, fuller list said.
fn with_stored_gender(
    store: &Store,
    rows: &[StudentDraft],
) -> Result<Vec<StudentDraft>, StoreError> {
    let stored: HashMap<String, String> = store
        .students()?
        .into_iter()
        .map(|s| (s.number, s.gender))
        .collect();
    Ok(rows
        .iter()
        .map(|r| StudentDraft {
            gender: stored.get(&r.number).cloned().unwrap_or_default(),
            ..r.clone()
        })
        .collect())
}

/// `line N: why; why` in the user's language.
fn bad_row(s: &Strings, bad: &BadRow) -> String {
    let why: Vec<String> = bad.problems.iter().map(|p| row_problem(s, p)).collect();
    (s.import.line)(bad.line, &why.join(s.import.problem_sep))
}

fn column(s: &Strings, c: Column) -> &'static str {
    s.import.columns[c.index()]
}

fn row_problem(s: &Strings, p: &RowProblem) -> String {
    match p {
        RowProblem::Missing(c)
        | RowProblem::Text {
            column: c,
            error: TextError::Empty,
        } => (s.import.missing)(column(s, *c)),
        RowProblem::Text {
            column: c,
            error: TextError::Forbidden,
        } => (s.import.forbidden)(column(s, *c)),
        RowProblem::Text {
            column: c,
            error: TextError::TooLong { max },
        } => (s.import.too_long)(column(s, *c), *max),
        RowProblem::BadNumber(c) => (s.import.bad_number)(column(s, *c)),
        RowProblem::BadPhone => s.import.bad_phone.to_owned(),
        // The only file text quoted back: it must not reach the terminal raw.
        RowProblem::UnknownRole(raw) => (s.import.unknown_role)(&text::line(raw)),
        RowProblem::ExtraCells { found, expected } => (s.import.extra_cells)(*found, *expected),
        RowProblem::DuplicateNumber {
            column: c,
            first_line,
        } => (s.import.duplicate_number)(column(s, *c), *first_line),
        RowProblem::DuplicateName { first_line } => (s.import.duplicate_name)(*first_line),
    }
}

fn file_error(s: &Strings, e: FileError) -> String {
    match e {
        FileError::Utf16 => s.import.utf16.to_owned(),
        FileError::NotText => s.import.not_text.to_owned(),
        FileError::NoHeader => s.import.no_header.to_owned(),
        FileError::MissingColumn(c) => {
            (s.import.missing_column)(column(s, c), &c.aliases().join(" / "))
        }
        FileError::DuplicateColumn(c) => (s.import.duplicate_column)(column(s, c)),
        FileError::Unreadable { line } => (s.import.unreadable)(line),
    }
}

/// The file name for messages: it comes from the command line, but a file name can still hold
/// escape characters (a file made by someone else, a glob).
fn shown(path: &Path) -> String {
    text::line(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn an_escape_in_an_unknown_role_is_neutralised() {
        let s = Lang::En.strings();
        let msg = row_problem(s, &RowProblem::UnknownRole("x\u{1b}]0;pwned\u{7}".into()));
        assert!(!msg.contains('\u{1b}') && !msg.contains('\u{7}'), "{msg:?}");
        assert!(shown(Path::new("a\u{1b}[2Jb.csv")).starts_with("a\u{FFFD}"));
    }
}
