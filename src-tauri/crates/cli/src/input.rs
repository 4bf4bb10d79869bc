//! Reading articles: files or standard input, with errors that say what to do.

use std::io::Read;
use std::path::Path;

use crate::UserError;

/// Reads an article as UTF-8 text; `-` is standard input.
pub(crate) fn read_article(arg: &str) -> Result<String, UserError> {
    let bytes = if arg == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| UserError(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        let path = Path::new(arg);
        if path.is_dir() {
            return Err(UserError(format!(
                "{arg} is a directory: give the path of an article file"
            )));
        }
        std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                UserError(format!("{arg}: no such file: check the path"))
            }
            std::io::ErrorKind::PermissionDenied => UserError(format!(
                "{arg}: permission denied: check the file's permissions"
            )),
            _ => UserError(format!("{arg}: cannot read: {e}")),
        })?
    };
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
