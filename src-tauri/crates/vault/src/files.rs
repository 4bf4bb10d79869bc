//! Reading note files defensively: size cap, UTF-8, symlinks, files that vanish mid-read.

use std::path::Path;
use std::time::UNIX_EPOCH;

use crate::error::{Result, VaultError};
use crate::model::LoadStamp;

/// The largest file Attaché treats as a note. Larger `.md` files are listed with a problem and
/// never read whole (a 50 MB log renamed to `.md` must not stall the list).
pub const MAX_NOTE_BYTES: u64 = 8 * 1024 * 1024;

/// Extensions (lower case) of the article files Attaché imports: the one list, from which the
/// open dialog's filter and the UI's drop check (the generated `importable.ts`) are made.
pub const IMPORTABLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

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
    // Check before opening: opening a pipe named `.md` would block.
    let meta = std::fs::metadata(path).map_err(|e| VaultError::io("read", path, e))?;
    if !meta.is_file() {
        return Err(VaultError::NotFound {
            path: path.to_owned(),
        });
    }
    let mut buf = Vec::new();
    let (text, bytes, modified_ns) = read_note_into(path, &mut buf)?;
    Ok(Loaded {
        text: text.to_owned(),
        bytes,
        modified_ns,
    })
}

/// As [`read_note`], into a reused buffer (listing 10,000 notes without 10,000 allocations).
/// Returns the text (borrowed from `buf`), its size and modification time.
pub(crate) fn read_note_into<'b>(
    path: &Path,
    buf: &'b mut Vec<u8>,
) -> Result<(&'b str, u64, i128)> {
    use std::io::Read;
    buf.clear();
    let file = std::fs::File::open(path).map_err(|e| VaultError::io("read", path, e))?;
    let meta = file
        .metadata()
        .map_err(|e| VaultError::io("read", path, e))?;
    if !meta.is_file() {
        return Err(VaultError::NotFound {
            path: path.to_owned(),
        });
    }
    let too_large = |bytes| VaultError::TooLarge {
        path: path.to_owned(),
        bytes,
        limit: MAX_NOTE_BYTES,
    };
    if meta.len() > MAX_NOTE_BYTES {
        return Err(too_large(meta.len()));
    }
    // Read at most one byte past the cap: a file growing while it is read is still refused.
    file.take(MAX_NOTE_BYTES + 1)
        .read_to_end(buf)
        .map_err(|e| VaultError::io("read", path, e))?;
    let len = buf.len() as u64;
    if len > MAX_NOTE_BYTES {
        return Err(too_large(len));
    }
    let text = std::str::from_utf8(buf).map_err(|e| VaultError::NotUtf8 {
        path: path.to_owned(),
        offset: e.valid_up_to(),
    })?;
    Ok((text, len, modified_ns(&meta)))
}

/// Reads one of Attaché's own files (a stored draft or source, a trash record): only a regular
/// file (not a symlink, pipe or device a synced folder may carry under that name), and at most
/// `limit` bytes.
pub(crate) fn read_bounded(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "not a regular file",
        ));
    }
    let mut buf = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {limit} bytes"),
        ));
    }
    Ok(buf)
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

/// Writes `importable.ts` beside the ts-rs bindings: the extensions the UI accepts on a drop
/// (`tests/scripts/gen-bindings.sh`).
#[cfg(all(test, feature = "ts"))]
mod export_importable {
    #[test]
    fn export_bindings_importable_extensions() {
        let dir = std::env::var("TS_RS_EXPORT_DIR").unwrap_or_else(|_| "bindings".to_owned());
        let list: Vec<String> = super::IMPORTABLE_EXTENSIONS
            .iter()
            .map(|e| format!("{e:?}"))
            .collect();
        let ts = format!(
            "// Generated from IMPORTABLE_EXTENSIONS in attache-vault (files.rs). Do not edit.\n\n\
             /** Extensions (lower case) of the article files the app imports. */\n\
             export const IMPORTABLE_EXTENSIONS: readonly string[] = [{}];\n",
            list.join(", ")
        );
        std::fs::create_dir_all(&dir).expect("the bindings folder can be made");
        std::fs::write(std::path::Path::new(&dir).join("importable.ts"), ts)
            .expect("the bindings folder is writable");
    }
}
