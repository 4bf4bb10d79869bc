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

/// Article files the app can import.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

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
    let (label, ext) = match format {
        ExportFormat::Markdown => ("Markdown", "md"),
        ExportFormat::Html => ("HTML page", "html"),
        ExportFormat::Text => ("Plain text", "txt"),
    };
    // Only a file name is taken from the UI; the folder is the analyst's choice.
    let name = Path::new(&suggested_name).file_name().map_or_else(
        || format!("export.{ext}"),
        |n| n.to_string_lossy().into_owned(),
    );
    if let Some(dir) = &state.test_pick_dir {
        return Ok(Some(dir.join(name).to_string_lossy().into_owned()));
    }
    off_thread("dialog", move || {
        Ok(app
            .dialog()
            .file()
            .add_filter(label, &[ext])
            .set_file_name(name)
            .blocking_save_file()
            .and_then(to_string))
    })
    .await
}

/// Asks for an article file to open (Ctrl+O); `null` when the analyst cancels.
#[tauri::command]
pub async fn pick_article_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    if let Some(dir) = state.test_pick_dir.clone() {
        return Ok(first_article(&dir).map(|p| p.to_string_lossy().into_owned()));
    }
    off_thread("dialog", move || {
        let dialog: FileDialogBuilder<R> = app
            .dialog()
            .file()
            .add_filter("Articles", ARTICLE_EXTENSIONS);
        Ok(dialog.blocking_pick_file().and_then(to_string))
    })
    .await
}

/// Asks for the vault folder; `null` when the analyst cancels.
#[tauri::command]
pub async fn pick_vault_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    if let Some(dir) = &state.test_pick_dir {
        return Ok(Some(dir.join("vault").to_string_lossy().into_owned()));
    }
    off_thread("dialog", move || {
        Ok(app
            .dialog()
            .file()
            .blocking_pick_folder()
            .and_then(to_string))
    })
    .await
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
