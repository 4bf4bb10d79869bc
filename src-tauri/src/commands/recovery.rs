//! The crash-recovery journal (see [`crate::recovery`]).

use tauri::State;

use super::off_thread;
use crate::error::AppError;
use crate::recovery::{self, RecoveryEntry};
use crate::state::AppState;

/// Records the unsaved text of the note being edited (replacing the previous entry).
#[tauri::command]
pub async fn recovery_write(
    state: State<'_, AppState>,
    entry: RecoveryEntry,
) -> Result<(), AppError> {
    let dir = state.folders.recovery();
    off_thread("recovery", move || recovery::write(&dir, &entry)).await
}

/// The entry left by a session that ended without saving, if any.
#[tauri::command]
pub async fn recovery_read(state: State<'_, AppState>) -> Result<Option<RecoveryEntry>, AppError> {
    let dir = state.folders.recovery();
    off_thread("recovery", move || recovery::read(&dir)).await
}

/// Forgets the entry.
#[tauri::command]
pub async fn recovery_clear(state: State<'_, AppState>) -> Result<(), AppError> {
    let dir = state.folders.recovery();
    off_thread("recovery", move || recovery::clear(&dir)).await
}
