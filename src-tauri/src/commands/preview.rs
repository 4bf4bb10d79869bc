//! The note as Markdown, and Markdown as safe HTML for the live preview.

use attache_engine::Brief;
use attache_engine::render::{self, RenderOptions};

use crate::error::AppError;
use crate::sanitize;

/// Renders the Markdown note for `brief` drafted from `text`.
#[tauri::command]
pub async fn render_note(brief: Brief, text: String) -> Result<String, AppError> {
    tauri::async_runtime::spawn_blocking(move || {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let options = RenderOptions {
            created: Some(now.clone()),
            updated: Some(now),
            ..RenderOptions::default()
        };
        render::markdown(&brief, &text, &options)
    })
    .await
    .map_err(|e| AppError::internal(format!("the rendering worker failed: {e}")))
}

/// Markdown to sanitised HTML: the only HTML the UI ever puts into the page. A note too large
/// or nested too deep to sanitise quickly is refused (`too_large`, saying where).
#[tauri::command]
pub async fn preview_html(markdown: String) -> Result<String, AppError> {
    tauri::async_runtime::spawn_blocking(move || sanitize::markdown_to_safe_html(&markdown))
        .await
        .map_err(|e| AppError::internal(format!("the preview worker failed: {e}")))?
}
