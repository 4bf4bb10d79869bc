//! Help → "Show Log File": reveals the current log file in the file manager
//! (tauri-plugin-opener), from the menu and from the help panel's button alike.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// Reveals the log file (or its folder, if logging has not written it yet) and returns the
/// path revealed. With `--test-reveal-file FILE` the path is written to FILE instead, because
/// a test cannot see what a file manager shows.
///
/// # Errors
/// `io` when the file manager cannot be started (or the stand-in file cannot be written).
pub fn reveal<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, AppError> {
    let state = app.state::<AppState>();
    let file = state.folders.log_file();
    let target = if file.is_file() {
        file
    } else {
        state.folders.logs()
    };
    if let Some(stand_in) = &state.test_reveal_file {
        std::fs::write(stand_in, target.to_string_lossy().as_bytes()).map_err(|e| {
            AppError::new(
                ErrorCode::Io,
                format!(
                    "could not write the reveal stand-in {}: {e}",
                    stand_in.display()
                ),
            )
        })?;
        return Ok(target);
    }
    let shown = if target.is_file() {
        app.opener().reveal_item_in_dir(&target)
    } else {
        app.opener()
            .open_path(target.to_string_lossy(), None::<&str>)
    };
    shown.map_err(|e| {
        AppError::new(
            ErrorCode::Io,
            format!(
                "could not open the file manager at {} ({e}); the log files are in that folder",
                target.display()
            ),
        )
    })?;
    Ok(target)
}
