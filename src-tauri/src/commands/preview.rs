//! The note as Markdown, and Markdown as safe HTML for the live preview.

use attache_engine::Brief;
use attache_engine::render::{self, RenderOptions};

use attache_vault::frontmatter::{self, FmValue};
use tauri::State;

use crate::error::AppError;
use crate::sanitize;
use crate::state::AppState;

/// Renders the Markdown note for `brief` drafted from `text`, with the marking, link style and
/// author from the settings: the front matter shown while drafting is the one a save writes.
#[tauri::command]
pub async fn render_note(
    state: State<'_, AppState>,
    brief: Brief,
    text: String,
) -> Result<String, AppError> {
    let defaults = state.note_defaults();
    let link_style = state.settings().settings.link_style;
    tauri::async_runtime::spawn_blocking(move || {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let options = RenderOptions {
            classification: Some(defaults.classification),
            created: Some(now.clone()),
            updated: Some(now),
            link_style,
            ..RenderOptions::default()
        };
        let md = render::markdown(&brief, &text, &options);
        match &defaults.author {
            Some(a) => frontmatter::set(&md, "author", &FmValue::Str(a.clone())).unwrap_or(md),
            None => md,
        }
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
