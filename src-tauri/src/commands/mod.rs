//! The commands the UI invokes: thin wrappers that parse arguments, move CPU and disk work
//! off the async runtime, and map every failure to [`crate::error::AppError`].
//!
//! They live in modules, not in the crate root: `#[tauri::command]` in the root collides
//! with the macro's own `__cmd__` items (E0255).
#![allow(
    clippy::needless_pass_by_value,
    reason = "Tauri hands commands their arguments and `State` by value"
)]

pub mod dialogs;
pub mod draft;
pub mod launch;
pub mod notes;
pub mod preview;
pub mod recovery;
pub mod settings;
pub mod sync;
pub mod window;

use crate::error::AppError;

/// Runs blocking work (file I/O, drafting) on the blocking pool, not on the async runtime
/// that serves the IPC.
pub(crate) async fn off_thread<T, F>(what: &'static str, work: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, AppError> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::internal(format!("the {what} worker failed: {e}")))?
}
