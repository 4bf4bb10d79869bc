//! Native file dialogs, shown from Rust so the UI needs no dialog or file-system permission.
//!
//! With `--test-pick-dir DIR` (end-to-end tests only: WebDriver cannot reach a GTK dialog)
//! each picker answers from DIR instead of showing a dialog.

use std::path::{Path, PathBuf};

use attache_vault::ExportFormat;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

use super::off_thread;
use crate::error::AppError;
use crate::state::AppState;
use crate::vouch::Purpose;

/// Article files the app can import (the vault's list, which the UI's is generated from).
pub use attache_vault::IMPORTABLE_EXTENSIONS as ARTICLE_EXTENSIONS;

fn to_string(p: FilePath) -> Option<String> {
    p.into_path().ok().map(|p| p.to_string_lossy().into_owned())
}

/// Asks where to export a note (suggesting `suggested_name`); `null` when the analyst cancels.
#[tauri::command]
pub async fn pick_export_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    suggested_name: String,
    format: ExportFormat,
) -> Result<Option<String>, AppError> {
    let label = match format {
        ExportFormat::Markdown => "Markdown",
        ExportFormat::Html => "HTML page",
        ExportFormat::Text => "Plain text",
        ExportFormat::Docx => "Word document",
    };
    let ext = format.extension();
    // Only a file name is taken from the UI; the folder is the analyst's choice.
    let name = Path::new(&suggested_name).file_name().map_or_else(
        || format!("export.{ext}"),
        |n| n.to_string_lossy().into_owned(),
    );
    let picked = match &state.test_pick_dir {
        Some(dir) => Some(dir.join(name).to_string_lossy().into_owned()),
        None => {
            off_thread("dialog", move || {
                Ok(app
                    .dialog()
                    .file()
                    .add_filter(label, &[ext])
                    .set_file_name(name)
                    .blocking_save_file()
                    .and_then(to_string))
            })
            .await?
        }
    };
    Ok(vouch(&state, Purpose::Export, picked))
}

/// Remembers the analyst's choice so the command that uses it accepts exactly this path.
fn vouch(state: &AppState, purpose: Purpose, picked: Option<String>) -> Option<String> {
    if let Some(p) = &picked {
        state.vouched.vouch(purpose, p);
    }
    picked
}

/// Asks for an article file to open (Ctrl+O); `null` when the analyst cancels.
#[tauri::command]
pub async fn pick_article_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    let picked = match state.test_pick_dir.clone() {
        Some(dir) => first_article(&dir).map(|p| p.to_string_lossy().into_owned()),
        None => {
            off_thread("dialog", move || {
                let dialog: FileDialogBuilder<R> = app
                    .dialog()
                    .file()
                    .add_filter("Articles", ARTICLE_EXTENSIONS);
                Ok(dialog.blocking_pick_file().and_then(to_string))
            })
            .await?
        }
    };
    Ok(vouch(&state, Purpose::Import, picked))
}

/// Asks for the vault folder; `null` when the analyst cancels.
#[tauri::command]
pub async fn pick_vault_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    let picked = match &state.test_pick_dir {
        Some(dir) => Some(dir.join("vault").to_string_lossy().into_owned()),
        None => {
            off_thread("dialog", move || {
                Ok(app
                    .dialog()
                    .file()
                    .blocking_pick_folder()
                    .and_then(to_string))
            })
            .await?
        }
    };
    Ok(vouch(&state, Purpose::VaultFolder, picked))
}

/// The first article file (by name) in `dir`.
fn first_article(dir: &Path) -> Option<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
        })
        .collect();
    files.sort();
    files.into_iter().next()
}
