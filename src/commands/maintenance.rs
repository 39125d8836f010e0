//! `dutydesk check`, `backup` and `restore`: looking after the database file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Setup;
use crate::i18n::Strings;
use crate::i18n::Words as _;
use crate::store::{Store, loose_permissions};

/// The command that gives the files back to their owner alone.
pub fn fix_permissions_command(db: &Path) -> String {
    let quote = |p: &Path| format!("'{}'", p.display().to_string().replace('\'', r"'\''"));
    let mut files = vec![quote(db)];
    for suffix in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        if p.exists() {
            files.push(quote(&p));
        }
    }
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty());
    match dir {
        Some(d) => format!("chmod 700 {} && chmod 600 {}", quote(d), files.join(" ")),
        None => format!("chmod 600 {}", files.join(" ")),
    }
}

/// The start-up warning when others could read the records, if they could.
pub fn permission_warning(db: &Path, s: &Strings) -> Option<String> {
    (!loose_permissions(db).is_empty())
        .then(|| (s.maintenance.loose_warning)(&fix_permissions_command(db)))
}

pub fn check(setup: &Setup, full: bool) -> ExitCode {
    let s = setup.lang.strings();
    let db = &setup.paths.db;
    let health = match Store::open_existing(db).and_then(|store| store.health(full)) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("dutydesk: {}", s.store_error(&e));
            return ExitCode::from(1);
        }
    };
    let name = db.display().to_string();
    if health.is_ok() {
        println!("{}", (s.maintenance.ok)(&name, health.schema));
        println!(
            "{}",
            (s.maintenance.audit_ok)(health.audit.rows, &health.audit.head)
        );
        return ExitCode::SUCCESS;
    }
    let problems = problems(&health, s);
    println!("{}", (s.maintenance.problems)(&name, problems.len()));
    for p in &problems {
        println!("  - {p}");
    }
    if !health.loose.is_empty() {
        println!(
            "{}",
            (s.maintenance.fix_permissions)(&fix_permissions_command(db))
        );
    }
    if !health.integrity.is_empty() || !health.foreign_keys.is_empty() {
        println!("{}", (s.store.damaged)(&name));
    }
    ExitCode::from(1)
}

/// Every problem `check` found, in words, in the order it looks for them.
fn problems(health: &crate::store::Health, s: &Strings) -> Vec<String> {
    let mut problems: Vec<String> = Vec::new();
    problems.extend(
        health
            .integrity
            .iter()
            .map(|l| (s.maintenance.integrity)(l)),
    );
    problems.extend(
        health
            .foreign_keys
            .iter()
            .map(|l| (s.maintenance.foreign_key)(l)),
    );
    if health.schema != crate::store::SCHEMA_VERSION {
        problems.push((s.maintenance.schema)(
            health.schema,
            crate::store::SCHEMA_VERSION,
        ));
    }
    if !(health.synchronous_full
        && health.foreign_keys_on
        && health.journal_mode.eq_ignore_ascii_case("wal"))
    {
        problems.push(s.maintenance.settings.to_owned());
    }
    if let Some(id) = health.audit.first_broken {
        problems.push((s.maintenance.audit_broken)(id));
    }
    for (path, mode) in &health.loose {
        problems.push((s.maintenance.loose)(&path.display().to_string(), *mode));
    }
    problems
}

/// `<dir>/backups/`, beside the database.
fn backups_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

fn stem(db: &Path) -> String {
    db.file_stem().map_or_else(
        || "dutydesk".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

pub fn backup(setup: &Setup, path: Option<&Path>, keep: usize) -> Result<(), String> {
    let s = setup.lang.strings();
    let db = &setup.paths.db;
    let store = Store::open_existing(db).map_err(|e| s.store_error(&e))?;
    let stamp = setup.clock.now().format("%Y%m%d-%H%M%S");
    let dest = match path {
        Some(p) => p.to_owned(),
        None => backups_dir(db).join(format!("{}-{stamp}.db", stem(db))),
    };
    store.backup_to(&dest).map_err(|e| s.store_error(&e))?;
    let kept = if path.is_none() {
        prune(&backups_dir(db), &format!("{}-", stem(db)), keep.max(1))
    } else {
        1
    };
    println!(
        "{}",
        (s.maintenance.backup_done)(&dest.display().to_string(), kept)
    );
    Ok(())
}

/// Removes the oldest generations beyond `keep` (names sort by their time stamp); copies kept
/// aside by `restore` are not generations and stay. Returns how many are kept.
fn prune(dir: &Path, prefix: &str, keep: usize) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            n.starts_with(prefix)
                && Path::new(n).extension().is_some_and(|e| e == "db")
                && !n.contains("before-restore")
        })
        .collect();
    names.sort();
    let excess = names.len().saturating_sub(keep);
    for old in &names[..excess] {
        let _ = std::fs::remove_file(dir.join(old));
    }
    names.len() - excess
}

pub fn restore(setup: &Setup, backup: &Path) -> Result<(), String> {
    let s = setup.lang.strings();
    let db = &setup.paths.db;
    let mut store = Store::open_existing(db).map_err(|e| s.store_error(&e))?;
    let stamp = setup.clock.now().format("%Y%m%d-%H%M%S");
    let keep = backups_dir(db).join(format!("{}-before-restore-{stamp}.db", stem(db)));
    store
        .restore_from(backup, &keep)
        .map_err(|e| s.store_error(&e))?;
    println!(
        "{}",
        (s.maintenance.restore_done)(&backup.display().to_string(), &keep.display().to_string())
    );
    Ok(())
}
