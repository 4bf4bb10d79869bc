//! The crash-recovery journal's file: one entry (the unsaved text of the note being edited,
//! as JSON the desktop app encodes), replaced atomically, in the config folder's `recovery/`.
//! The app and the crash test write it through these functions alike.

use std::path::{Path, PathBuf};

/// The largest journal read: an unsaved note plus its article.
pub const MAX_JOURNAL_BYTES: u64 = 4 * attache_engine::MAX_INPUT_BYTES as u64;

/// The journal file in `dir`.
#[must_use]
pub fn path(dir: &Path) -> PathBuf {
    dir.join("journal.json")
}

/// Replaces the journal in `dir` (created if missing) with `bytes`: a crash mid-write leaves
/// the previous entry, complete.
///
/// # Errors
/// The I/O error of the step that failed.
pub fn write(dir: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    crate::atomic::write_atomic(&path(dir), bytes)
}

/// The journal's bytes, `None` when there is none. Only a regular file of at most
/// [`MAX_JOURNAL_BYTES`] is read (a pipe under that name must not hang the start).
///
/// # Errors
/// The I/O error when the file exists but cannot be read.
pub fn read(dir: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match crate::files::read_bounded(&path(dir), MAX_JOURNAL_BYTES) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Removes the journal (nothing to do when there is none).
///
/// # Errors
/// The I/O error when it exists but cannot be removed.
pub fn clear(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path(dir)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
