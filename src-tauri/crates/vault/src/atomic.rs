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

/// What [`replace_if_unchanged`] found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replace {
    /// `path` now holds the new bytes, and what they replaced was the expected version.
    Replaced,
    /// `path` changed since the caller read it (another program wrote it): its version is at
    /// `path`, untouched, and the new bytes were not written there. `stray` is a hidden file
    /// holding yet another version that arrived while the first was being put back; the
    /// caller must keep it (as a conflict copy) and remove the hidden name.
    Changed {
        /// A further version to keep, if one turned up.
        stray: Option<PathBuf>,
    },
    /// There is no file at `path` (moved or deleted by another program).
    Missing,
}

/// Replaces `path` with `bytes` only if its content still passes `unchanged`, without ever
/// destroying a version another program wrote meanwhile (a sync client, another editor).
///
/// The new bytes go to a hidden temporary file first (flushed). Then the file is checked once
/// more and swapped with the temporary file in one atomic step (`renameat2(RENAME_EXCHANGE)`
/// on Linux, `renamex_np(RENAME_SWAP)` on macOS), so what it replaced is still there, under
/// the temporary name, and is checked again: if an outside write landed between the check and
/// the swap (in place, or by renaming its own file over the note), the two are swapped back
/// and [`Replace::Changed`] is returned. Elsewhere (or on a file system without the swap) the
/// old file is kept alive by a hard link while the new one is renamed over it: an in-place
/// outside write is still caught, one renamed over the note in the instant between the last
/// check and the rename is not.
///
/// # Errors
/// The I/O error of the step that failed; the file at `path` is then as it was.
pub fn replace_if_unchanged(
    path: &Path,
    bytes: &[u8],
    unchanged: impl Fn(&[u8]) -> bool,
) -> std::io::Result<Replace> {
    let (dir, tmp) = temp_for(path)?;
    if let Err(e) = write_synced(&tmp, bytes) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let result = swap_in(dir, path, &tmp, bytes, &unchanged);
    if !matches!(result, Ok(Replace::Changed { stray: Some(_) })) {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The largest file compared by [`replace_if_unchanged`]: past the note size cap it has
/// changed whatever it holds.
const COMPARE_LIMIT: u64 = crate::files::MAX_NOTE_BYTES + 1;

/// Reads at most [`COMPARE_LIMIT`] bytes of `path`; `None` when it does not exist.
fn read_current(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.is_file() && !m.file_type().is_symlink() => {
            return Err(std::io::Error::other("it is not a regular file"));
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut buf = Vec::new();
    match File::open(path) {
        Ok(f) => f.take(COMPARE_LIMIT).read_to_end(&mut buf)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok(Some(buf))
}

fn swap_in(
    dir: &Path,
    path: &Path,
    tmp: &Path,
    bytes: &[u8],
    unchanged: &impl Fn(&[u8]) -> bool,
) -> std::io::Result<Replace> {
    // The check right before the swap: most outside edits are caught here, cheaply.
    match read_current(path)? {
        None => return Ok(Replace::Missing),
        Some(current) if !unchanged(&current) => return Ok(Replace::Changed { stray: None }),
        Some(_) => {}
    }
    match exchange(tmp, path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Replace::Missing),
        Err(e) if exchange_unsupported(&e) => {
            return replace_keeping_old(dir, path, tmp, unchanged);
        }
        Err(e) => return Err(e),
    }
    // The check after it: `tmp` now names exactly what the swap took out of `path`.
    let displaced = read_current(tmp)?.unwrap_or_default();
    if unchanged(&displaced) {
        sync_dir(dir)?;
        return Ok(Replace::Replaced);
    }
    // An outside write landed in between: its version goes back where it was.
    exchange(tmp, path)?;
    sync_dir(dir)?;
    let back = read_current(tmp)?.unwrap_or_default();
    Ok(Replace::Changed {
        // Normally our own bytes come back; anything else is one more version to keep.
        stray: (back != bytes).then(|| tmp.to_owned()),
    })
}

/// Without an atomic swap: keep the old file alive under a hidden name (a hard link) while the
/// new one is renamed over it, then check what was kept.
fn replace_keeping_old(
    dir: &Path,
    path: &Path,
    tmp: &Path,
    unchanged: &impl Fn(&[u8]) -> bool,
) -> std::io::Result<Replace> {
    let kept = temp_path(dir, "kept");
    if std::fs::hard_link(path, &kept).is_err() {
        // No hard links here (FAT, some network drives): the check before is all there is.
        std::fs::rename(tmp, path)?;
        sync_dir(dir)?;
        return Ok(Replace::Replaced);
    }
    let outcome = (|| {
        if !unchanged(&read_current(&kept)?.unwrap_or_default()) {
            return Ok(Replace::Changed { stray: None });
        }
        std::fs::rename(tmp, path)?;
        if unchanged(&read_current(&kept)?.unwrap_or_default()) {
            sync_dir(dir)?;
            return Ok(Replace::Replaced);
        }
        // Written in place between the check and the rename: theirs goes back.
        std::fs::rename(&kept, path)?;
        sync_dir(dir)?;
        Ok(Replace::Changed { stray: None })
    })();
    let _ = std::fs::remove_file(&kept);
    outcome
}

/// What [`remove_if_unchanged`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remove {
    /// The file was the expected version and is gone.
    Removed,
    /// It changed since it was read: it is back at its path (or, when another file took the
    /// path meanwhile, at the hidden `stray` path, for the caller to keep).
    Changed {
        /// Where the changed version is, when it could not go back.
        stray: Option<PathBuf>,
    },
    /// There was no file.
    Missing,
}

/// Removes `path` only if its content still passes `unchanged`: the file is first moved to a
/// hidden name in one step, then checked, so an outside edit made meanwhile is put back
/// rather than deleted.
///
/// # Errors
/// The I/O error of the step that failed.
pub fn remove_if_unchanged(
    path: &Path,
    unchanged: impl Fn(&[u8]) -> bool,
) -> std::io::Result<Remove> {
    let (dir, tmp) = temp_for(path)?;
    match std::fs::rename(path, &tmp) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Remove::Missing),
        Err(e) => return Err(e),
    }
    if unchanged(&read_current(&tmp)?.unwrap_or_default()) {
        std::fs::remove_file(&tmp)?;
        sync_dir(dir)?;
        return Ok(Remove::Removed);
    }
    // Put it back without replacing whatever may have taken the name meanwhile.
    let stray = match std::fs::hard_link(&tmp, path) {
        Ok(()) => {
            std::fs::remove_file(&tmp)?;
            None
        }
        Err(_) if !path.exists() => {
            std::fs::rename(&tmp, path)?;
            None
        }
        Err(_) => Some(tmp),
    };
    sync_dir(dir)?;
    Ok(Remove::Changed { stray })
}

/// Swaps the files at `a` and `b` in one step.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// True when the system or the file system has no atomic swap (old kernels, NFS, FAT).
fn exchange_unsupported(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::Unsupported
        || matches!(e.raw_os_error(), Some(22 | 38 | 95)) // EINVAL, ENOSYS, EOPNOTSUPP (Linux)
        || (cfg!(target_vendor = "apple") && e.raw_os_error() == Some(45)) // ENOTSUP (macOS)
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
