//! `dutydesk export`: every record of every kind, in the versioned format of docs/EXPORT.md, as
//! one JSON document (standard output or a file) or one CSV file per table with a manifest.

mod files;
mod to_csv;
mod to_json;

use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

use chrono::SecondsFormat;

use super::Setup;
use crate::cli::ExportFormat;
use crate::i18n::Strings;
use crate::i18n::Words as _;
use crate::store::{Store, StoreError};

/// What every export calls itself.
pub const FORMAT: &str = "dutydesk-export";
/// The version of the export's structure (docs/EXPORT.md says what changes it).
pub const VERSION: u32 = 1;

/// What an export says about itself besides the schema version (read with the rows).
pub struct About {
    pub app_version: &'static str,
    /// RFC 3339, from the injected clock.
    pub exported_at: String,
}

/// Why an export stopped.
#[derive(Debug)]
pub enum Failure {
    Store(StoreError),
    Io(io::Error),
    /// An export is already at this path; it was left alone.
    Exists(PathBuf),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// Where the export goes.
enum Target<'a> {
    Stdout,
    JsonFile(&'a Path),
    CsvDir(&'a Path),
}

pub fn run(setup: &Setup, format: ExportFormat, out: Option<&Path>) -> Result<(), String> {
    let s = setup.lang.strings();
    let target = match (format, out) {
        (ExportFormat::Json, None) => Target::Stdout,
        (ExportFormat::Json, Some(dir)) => Target::JsonFile(dir),
        (ExportFormat::Csv, Some(dir)) => Target::CsvDir(dir),
        (ExportFormat::Csv, None) => return Err(s.export.csv_needs_out.to_owned()),
    };
    let db = &setup.paths.db;
    // Checked before opening, and before any directory is made: a mistyped path must neither
    // create a database nor leave an empty export behind.
    if !db.exists() {
        return Err((s.export.no_db)(&db.display().to_string()));
    }
    let mut store = Store::open_existing(db).map_err(|e| s.store_error(&e))?;
    let now = setup.clock.now();
    let every_record = crate::domain::access::Perm(
        crate::domain::access::Verb::Export,
        crate::domain::access::Subject::Data,
    );
    super::auth::require(setup, &mut store, every_record, now.to_utc())?;
    let about = About {
        app_version: env!("CARGO_PKG_VERSION"),
        exported_at: now.to_rfc3339_opts(SecondsFormat::Secs, false),
    };
    let stem = format!("dutydesk-export-{}", now.format("%Y%m%d-%H%M%S"));
    let written = match target {
        Target::Stdout => to_stdout(&mut store, &about)
            .map(|()| s.export.stdout.to_owned())
            .map_err(|f| message(s, s.export.stdout, f)),
        Target::JsonFile(dir) => {
            let path = dir.join(format!("{stem}.json"));
            prepare(dir, &path, s)?;
            to_json_file(&mut store, &about, dir, &path)
                .map(|()| path.display().to_string())
                .map_err(|f| message(s, &path.display().to_string(), f))
        }
        Target::CsvDir(dir) => {
            let path = dir.join(&stem);
            prepare(dir, &path, s)?;
            to_csv_dir(&mut store, &about, dir, &path)
                .map(|()| path.display().to_string())
                .map_err(|f| message(s, &path.display().to_string(), f))
        }
    }?;
    // Who took every record out of the file, and where to.
    let event = crate::store::AuditEvent {
        act: crate::store::Act::Export,
        kind: "data",
        record: None,
        staff: None,
        why: &written,
    };
    store
        .audit(&event, now.to_utc())
        .map_err(|e| s.store_error(&e))?;
    eprintln!("{}", (s.export.done)(&written));
    Ok(())
}

/// Makes the output directory if needed and refuses at once if the export's name is taken.
fn prepare(dir: &Path, target: &Path, s: &Strings) -> Result<(), String> {
    files::ensure_dir(dir)
        .map_err(|e| (s.export.dir)(&dir.display().to_string(), &e.to_string()))?;
    if target.symlink_metadata().is_ok() {
        return Err((s.export.exists)(&target.display().to_string()));
    }
    Ok(())
}

fn message(s: &Strings, target: &str, f: Failure) -> String {
    match f {
        Failure::Store(e) => s.store_error(&e),
        Failure::Exists(p) => (s.export.exists)(&p.display().to_string()),
        Failure::Io(e) => (s.export.write)(target, &e.to_string()),
    }
}

fn to_stdout(store: &mut Store, about: &About) -> Result<(), Failure> {
    let mut sink = to_json::JsonSink::new(BufWriter::new(io::stdout().lock()), about);
    store.export(&mut sink)?;
    sink.finish()?;
    Ok(())
}

fn to_json_file(store: &mut Store, about: &About, dir: &Path, path: &Path) -> Result<(), Failure> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = files::Temp {
        path: files::temp_path(dir, &name),
    };
    let file = files::private_file(&tmp.path)?;
    let mut sink = to_json::JsonSink::new(BufWriter::new(file), about);
    store.export(&mut sink)?;
    let file = sink
        .finish()?
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?;
    file.sync_all()?;
    files::publish_file(&tmp.path, path).map_err(|e| exists_or(e, path))?;
    files::sync_dir(dir);
    Ok(())
}

fn to_csv_dir(store: &mut Store, about: &About, dir: &Path, path: &Path) -> Result<(), Failure> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The whole export is built in a hidden directory and renamed into place in one step, so no
    // one ever sees a folder with some tables and no manifest.
    let staging = files::Temp {
        path: files::temp_path(dir, &name),
    };
    files::private_dir(&staging.path)?;
    let mut sink = to_csv::CsvSink::new(staging.path.clone());
    store.export(&mut sink)?;
    sink.finish(about)?;
    files::sync_dir(&staging.path);
    files::rename_if_absent(&staging.path, path).map_err(|e| exists_or(e, path))?;
    files::sync_dir(dir);
    Ok(())
}

fn exists_or(e: io::Error, path: &Path) -> Failure {
    if e.kind() == io::ErrorKind::AlreadyExists {
        Failure::Exists(path.to_owned())
    } else {
        Failure::Io(e)
    }
}
