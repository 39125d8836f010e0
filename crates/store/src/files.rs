//! Private places on disk: directories only the owner can enter. One helper for the database's
//! directory, backups and exports, so that none of them is ever made readable to other users.

use std::fs::DirBuilder;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::Path;

/// Makes `dir` and any missing parents with mode 0700 (an existing one is used as it is), and
/// checks that what is there is a directory.
pub fn private_dir_all(dir: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    if dir.is_dir() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            "not a directory",
        ))
    }
}
