//! The window's own commands: "ready to be seen" and "show the log file".

use tauri::{AppHandle, Runtime};

use super::off_thread;
use crate::error::AppError;

/// The UI's first screen is laid out (saved layout and theme applied): show the window,
/// which the window-state plugin has already put where it was.
#[tauri::command]
pub fn window_ready<R: Runtime>(app: AppHandle<R>) {
    crate::window::show_main(&app, "the UI is ready");
}

/// Reveals the current log file in the file manager (Help → Show Log File); returns its path.
#[tauri::command]
pub async fn show_log_file<R: Runtime>(app: AppHandle<R>) -> Result<String, AppError> {
    off_thread("log", move || {
        crate::show_log::reveal(&app).map(|p| p.to_string_lossy().into_owned())
    })
    .await
}

/// Ends the app (Ctrl+Q, File → Quit) once the UI has saved what is open: through the event
/// loop, so the window-state plugin writes the window's size and place on the way out.
#[tauri::command]
pub fn quit<R: Runtime>(app: AppHandle<R>) {
    log::info!("quit");
    app.exit(0);
}
