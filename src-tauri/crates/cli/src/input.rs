//! Reading articles: files or standard input, with errors that say what to do.

use std::io::Read;
use std::path::Path;

use crate::UserError;
use crate::notes::printable;

/// Reads at most one byte past the engine's input limit (enough to know it is too large).
fn read_limited(reader: impl Read) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    reader
        .take(attache_engine::MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// Reads an article as UTF-8 text; `-` is standard input. Never more than one byte past
/// the engine's limit is read, so `/dev/zero` or an endless pipe is refused, not swallowed.
pub(crate) fn read_article(arg: &str) -> Result<String, UserError> {
    let bytes = if arg == "-" {
        read_limited(std::io::stdin().lock())
            .map_err(|e| UserError(format!("cannot read standard input: {e}")))?
    } else {
        let path = Path::new(arg);
        if path.is_dir() {
            return Err(UserError(format!(
                "{} is a directory: give the path of an article file",
                printable(arg)
            )));
        }
        std::fs::File::open(path)
            .and_then(read_limited)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => {
                    UserError(format!("{}: no such file: check the path", printable(arg)))
                }
                std::io::ErrorKind::PermissionDenied => UserError(format!(
                    "{}: permission denied: check the file's permissions",
                    printable(arg)
                )),
                _ => UserError(format!("{}: cannot read: {e}", printable(arg))),
            })?
    };
    let arg = &printable(arg);
    let name = if arg == "-" { "standard input" } else { arg };
    if bytes.len() > attache_engine::MAX_INPUT_BYTES {
        return Err(UserError(format!(
            "{name} is too large ({} MB; the limit is {} MB): split the article into smaller files",
            bytes.len() / 1_000_000,
            attache_engine::MAX_INPUT_BYTES / 1_000_000
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        UserError(format!(
            "{name} is not UTF-8 text (invalid byte at offset {}): save it as UTF-8 or plain text and try again",
            e.utf8_error().valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(UserError(format!(
            "{name} is empty: give an article with some text"
        )));
    }
    Ok(text)
}
