//! What the app was started with.

use tauri::State;

use crate::state::AppState;

/// Absolute paths of the article files named on the command line; empty after the first call
/// (so a reload of the page does not open them again).
#[tauri::command]
pub fn startup_files(state: State<'_, AppState>) -> Vec<String> {
    let mut files = state
        .startup_files
        .lock()
        .map(|mut f| std::mem::take(&mut *f))
        .unwrap_or_default();
    let cwd = std::env::current_dir().unwrap_or_default();
    files
        .drain(..)
        .map(|f| {
            let path = cwd.join(f);
            // Named on the command line: the analyst's choice, as if picked in the dialog.
            state
                .vouched
                .vouch(crate::vouch::Purpose::Import, path.clone());
            path.to_string_lossy().into_owned()
        })
        .collect()
}

/// The UI calls this once its first screen is painted and usable: logs, and returns, the
/// milliseconds since the process started (the cold-start figure).
#[tauri::command]
pub fn ui_ready() -> u64 {
    let ms = u64::try_from(crate::startup::since_process_start().as_millis()).unwrap_or(u64::MAX);
    log::info!("interactive {ms} ms after the process started");
    ms
}
