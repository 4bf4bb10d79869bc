//! Reading note files defensively: size cap, UTF-8, symlinks, files that vanish mid-read.

use std::path::Path;
use std::time::UNIX_EPOCH;

use crate::error::{Result, VaultError};
use crate::model::LoadStamp;

/// The largest file Attaché treats as a note. Larger `.md` files are listed with a problem and
/// never read whole (a 50 MB log renamed to `.md` must not stall the list).
pub const MAX_NOTE_BYTES: u64 = 8 * 1024 * 1024;

/// A note file read into memory.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub text: String,
    pub bytes: u64,
    pub modified_ns: i128,
}

impl Loaded {
    pub(crate) fn stamp(&self) -> LoadStamp {
        LoadStamp {
            modified_ns: self.modified_ns.to_string(),
            bytes: self.bytes,
            hash: hash_hex(self.text.as_bytes()),
        }
    }
}

/// XXH3-64 of `bytes`, as 16 hex digits.
#[must_use]
pub fn hash_hex(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

pub(crate) fn modified_ns(meta: &std::fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
}

/// Reads a note: refuses files over [`MAX_NOTE_BYTES`] and non-UTF-8 text; a file that
/// vanishes between listing and reading is [`VaultError::NotFound`].
pub(crate) fn read_note(path: &Path) -> Result<Loaded> {
    let meta = std::fs::metadata(path).map_err(|e| VaultError::io("read", path, e))?;
    if !meta.is_file() {
        return Err(VaultError::NotFound {
            path: path.to_owned(),
        });
    }
    if meta.len() > MAX_NOTE_BYTES {
        return Err(VaultError::TooLarge {
            path: path.to_owned(),
            bytes: meta.len(),
            limit: MAX_NOTE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| VaultError::io("read", path, e))?;
    // The file may have grown between the size check and the read.
    if bytes.len() as u64 > MAX_NOTE_BYTES {
        return Err(VaultError::TooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
            limit: MAX_NOTE_BYTES,
        });
    }
    let len = bytes.len() as u64;
    let text = String::from_utf8(bytes).map_err(|e| VaultError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(Loaded {
        text,
        bytes: len,
        modified_ns: modified_ns(&meta),
    })
}

/// The one-line `problem` shown in a list for a note that could not be read.
pub(crate) fn problem_line(e: &VaultError) -> String {
    match e {
        VaultError::NotFound { .. } => {
            "the file vanished while it was being read: refresh the list".to_owned()
        }
        VaultError::TooLarge { bytes, limit, .. } => format!(
            "too large to open as a note ({} MB; the limit is {} MB): split it or move it out of the vault",
            bytes / 1_000_000,
            limit / 1_000_000
        ),
        VaultError::NotUtf8 { offset, .. } => format!(
            "not UTF-8 text (invalid byte at offset {offset}): convert it to UTF-8 in a text editor"
        ),
        VaultError::BrokenFrontMatter { reason, .. } => {
            format!("broken front matter ({reason}): fix the YAML between the --- lines")
        }
        VaultError::OutsideVault { .. } => {
            "a symlink to a file outside the vault: Attaché leaves it alone".to_owned()
        }
        other => other.to_string(),
    }
}
