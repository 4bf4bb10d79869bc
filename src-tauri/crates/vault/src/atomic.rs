//! Atomic file replacement: a crash leaves either the old or the new complete file.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Marker in the names of Attaché's temporary files (always hidden: they start with a dot).
pub const TEMP_MARKER: &str = ".attache-tmp-";

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces `path` with `bytes` atomically: writes a hidden temporary file in the same folder,
/// flushes it to disk, renames it over `path`, then flushes the folder so the rename itself
/// survives a power cut. On any error the temporary file is removed and `path` is unchanged.
///
/// # Errors
/// The I/O error of the step that failed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (dir, tmp) = temp_for(path)?;
    let result = (|| {
        write_synced(&tmp, bytes)?;
        std::fs::rename(&tmp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes `bytes` to a new file at `path`, failing if it exists (no file is ever replaced).
///
/// # Errors
/// `AlreadyExists` when `path` is taken, else the I/O error.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (dir, tmp) = temp_for(path)?;
    let result = (|| {
        write_synced(&tmp, bytes)?;
        // hard_link refuses an existing target, so a racing writer's file is never replaced.
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => std::fs::remove_file(&tmp)?,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(e),
            // Some network and FAT drives have no hard links: check, then rename.
            Err(_) if path.exists() => {
                return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists));
            }
            Err(_) => std::fs::rename(&tmp, path)?,
        }
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The folder of `path` and a fresh temporary file name beside it.
fn temp_for(path: &Path) -> std::io::Result<(&Path, PathBuf)> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name"))?;
    Ok((dir, temp_path(dir, &name.to_string_lossy())))
}

/// Writes `bytes` to a new file at `tmp` and flushes them to disk.
fn write_synced(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    f.write_all(bytes)?;
    f.sync_data()
}

fn temp_path(dir: &Path, name: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    // Keep the temporary name short: a long note name plus a suffix could pass 255 bytes.
    let mut short: String = name.chars().take(40).collect();
    short.retain(|c| c != '.');
    dir.join(format!(".{short}{TEMP_MARKER}{}-{n}", std::process::id()))
}

/// Flushes a folder's entries (the rename) to disk. Windows has no folder fsync; there the
/// rename is already durable once `MoveFileEx` returns.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = (dir, File::open);
        Ok(())
    }
}

/// Removes Attaché's temporary files left in `dir` by a process that was killed mid-save
/// (the note itself is intact: the temporary file never replaced it). A file is removed when
/// its writer is no longer running (Linux, via `/proc`) or, elsewhere, when it is over an hour
/// old. Returns how many were removed.
pub fn remove_orphaned_temp_files(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let proc = Path::new("/proc/self").exists();
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temp_name(name) {
            continue;
        }
        let pid = name
            .rsplit_once(TEMP_MARKER)
            .and_then(|(_, tail)| tail.split('-').next())
            .and_then(|p| p.parse::<u32>().ok());
        let orphaned = match pid {
            Some(pid) if proc => {
                pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists()
            }
            _ => e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600),
        };
        if orphaned && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// True for names of Attaché's own temporary files.
#[must_use]
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(TEMP_MARKER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("n.md");
        write_atomic(&p, b"old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn orphaned_temporary_files_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dir.path().join(format!(".note{TEMP_MARKER}4294967294-0"));
        let mine = dir
            .path()
            .join(format!(".note{TEMP_MARKER}{}-0", std::process::id()));
        let note = dir.path().join("note.md");
        for p in [&dead, &mine, &note] {
            std::fs::write(p, "x").unwrap();
        }
        if Path::new("/proc/self").exists() {
            assert_eq!(remove_orphaned_temp_files(dir.path()), 1);
            assert!(!dead.exists());
        }
        assert!(mine.exists() && note.exists());
    }

    #[test]
    fn write_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("n.md");
        write_new(&p, b"first").unwrap();
        let err = write_new(&p, b"second").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&p).unwrap(), b"first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub");
        std::fs::create_dir(&p).unwrap();
        // Renaming a file over a non-empty folder fails: the folder must survive untouched.
        std::fs::write(p.join("keep"), "x").unwrap();
        assert!(write_atomic(&p, b"data").is_err());
        assert!(p.join("keep").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
