//! The crash-recovery journal: the unsaved text of the note being edited, written by the UI
//! at most a second behind typing, into the config folder (never into the vault). An entry
//! still there at the next start means the last session ended before saving: the UI offers
//! to restore it and never overwrites the note on disk without the analyst's choice.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{AppError, ErrorCode};

/// One journal entry: what the analyst had typed and not yet saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct RecoveryEntry {
    /// The note being edited (relative to the vault), or `null` for a note not yet saved.
    pub path: Option<String>,
    /// The unsaved Markdown.
    pub markdown: String,
    /// The article it was drafted from, for a note not yet saved.
    pub source: Option<String>,
    /// When the UI wrote it, milliseconds since 1970.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub saved_at_ms: i64,
}

/// The journal file in `dir` (the config folder's `recovery/`).
#[must_use]
pub fn journal_path(dir: &Path) -> PathBuf {
    attache_vault::journal::path(dir)
}

/// Replaces the journal with `entry`, atomically (a crash mid-write leaves the previous one).
///
/// # Errors
/// `io` when the folder or file cannot be written.
pub fn write(dir: &Path, entry: &RecoveryEntry) -> Result<(), AppError> {
    let json = serde_json::to_vec(entry)
        .map_err(|e| AppError::internal(format!("the recovery entry could not be encoded: {e}")))?;
    attache_vault::journal::write(dir, &json).map_err(|e| io_error("write", &journal_path(dir), &e))
}

/// The entry left by the last session, if any. A damaged journal is moved aside (kept for
/// the analyst) and reported as no entry rather than stopping the app.
///
/// # Errors
/// `io` when the file exists but cannot be read.
pub fn read(dir: &Path) -> Result<Option<RecoveryEntry>, AppError> {
    let path = journal_path(dir);
    let bytes = match attache_vault::journal::read(dir) {
        Ok(Some(b)) => b,
        Ok(None) => return Ok(None),
        Err(e) => return Err(io_error("read", &path, &e)),
    };
    match serde_json::from_slice(&bytes) {
        Ok(entry) => Ok(Some(entry)),
        Err(e) => {
            let aside = dir.join(format!(
                "journal.damaged-{}.json",
                chrono::Utc::now().format("%Y%m%dT%H%M%S")
            ));
            log::warn!(
                "the recovery journal was damaged ({e}); kept as {}",
                aside.display()
            );
            let _ = std::fs::rename(&path, &aside);
            Ok(None)
        }
    }
}

/// Forgets the entry (after a save, or when the analyst discards it).
///
/// # Errors
/// `io` when the file exists but cannot be removed.
pub fn clear(dir: &Path) -> Result<(), AppError> {
    attache_vault::journal::clear(dir).map_err(|e| io_error("remove", &journal_path(dir), &e))
}

fn io_error(action: &str, path: &Path, e: &std::io::Error) -> AppError {
    AppError::new(
        ErrorCode::Io,
        format!(
            "cannot {action} the recovery journal {}: {e}; check that the config folder is writable",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> RecoveryEntry {
        RecoveryEntry {
            path: Some("2025-10-16 Talks.md".into()),
            markdown: "# Talks\n\nunsaved words".into(),
            source: None,
            saved_at_ms: 1_760_000_000_000,
        }
    }

    #[test]
    fn write_read_clear_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path().join("recovery");
        assert_eq!(read(&dir).unwrap(), None);
        write(&dir, &entry()).unwrap();
        assert_eq!(read(&dir).unwrap(), Some(entry()));
        clear(&dir).unwrap();
        assert_eq!(read(&dir).unwrap(), None);
        clear(&dir).unwrap();
    }

    #[test]
    fn a_damaged_journal_is_kept_aside_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(journal_path(dir.path()), b"{ not json").unwrap();
        assert_eq!(read(dir.path()).unwrap(), None);
        let kept = std::fs::read_dir(dir.path()).unwrap().flatten().any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("journal.damaged-")
        });
        assert!(kept, "the damaged journal should be kept for the analyst");
    }
}
