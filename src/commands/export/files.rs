//! The files of an export: a directory made 0700, files made 0600, each written under a temporary
//! name beside its final one and put in place only when whole, never over anything already there.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub use crate::store::private_dir_all as ensure_dir;

/// A new file that only the owner can read; fails if anything (a file, a link) is at `path`.
pub fn private_file(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

/// A new directory that only the owner can enter; fails if anything is at `path`.
pub fn private_dir(path: &Path) -> io::Result<()> {
    DirBuilder::new().mode(0o700).create(path)
}

/// A temporary name in `dir` for what will become `final_name`: hidden, marked partial, and unique
/// to this run, so a crash leaves nothing that looks like an export.
pub fn temp_path(dir: &Path, final_name: &str) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    dir.join(format!(
        ".{final_name}.partial-{}-{nanos}",
        std::process::id()
    ))
}

/// Something written under a temporary name, removed when dropped: on success it has already
/// been moved away, on any failure the half-made file or directory goes.
pub struct Temp {
    pub path: PathBuf,
}

impl Drop for Temp {
    fn drop(&mut self) {
        // Errors are expected (usually the path is already gone) and there is nothing to do.
        if self.path.is_dir() {
            let _ = fs::remove_dir_all(&self.path);
        } else {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Puts the finished file `tmp` in place as `target`. A hard link fails if `target` exists, so
/// nothing is ever replaced, even by a run racing this one; where the file system has no hard
/// links (a FAT memory stick) the check comes just before a rename instead.
pub fn publish_file(tmp: &Path, target: &Path) -> io::Result<()> {
    match fs::hard_link(tmp, target) {
        Ok(()) => fs::remove_file(tmp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => rename_if_absent(tmp, target),
    }
}

/// Moves a finished directory (or file) into place unless something is there. rename(2) would
/// replace an empty directory or a file, so look first; a non-empty directory is never replaced.
pub fn rename_if_absent(tmp: &Path, target: &Path) -> io::Result<()> {
    if target.symlink_metadata().is_ok() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    fs::rename(tmp, target).map_err(|e| {
        if e.kind() == io::ErrorKind::DirectoryNotEmpty {
            io::ErrorKind::AlreadyExists.into()
        } else {
            e
        }
    })
}

/// Flushes a directory's entries to disk, so a renamed export survives a power cut. Some file
/// systems cannot sync a directory; the export is still whole, so that is not an error.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}
