//! One source of truth between the draft pane and the note: structured edits become patches
//! of the note's Markdown (`attache_vault::patch`), and the edited draft is kept beside it.

use attache_engine::Brief;
use attache_vault::patch::{self, DraftState, NoteRefs, Patched};
use tauri::State;

use super::off_thread;
use crate::error::AppError;
use crate::state::AppState;

/// The footnote label of each item of `brief` in a note freshly rendered from it.
#[tauri::command]
pub async fn brief_refs(brief: Brief, text: String) -> Result<NoteRefs, AppError> {
    off_thread("rendering", move || Ok(patch::rendered_refs(&brief, &text))).await
}

/// Carries the draft-pane edit `before → after` onto `markdown` (the note as it is in the
/// editor, saved or not), leaving the analyst's own text as it is.
#[tauri::command]
pub async fn note_patch(
    markdown: String,
    text: String,
    before: DraftState,
    after: DraftState,
) -> Result<Patched, AppError> {
    off_thread("patch", move || {
        Ok(patch::patch_note(&markdown, &text, &before, &after))
    })
    .await
}

/// Keeps the edited draft of the saved note at `path` (reopening shows it; the party index
/// and exports read it).
#[tauri::command]
pub async fn note_draft_store(
    state: State<'_, AppState>,
    path: String,
    draft: DraftState,
) -> Result<(), AppError> {
    let vault = state.vault()?;
    off_thread("draft store", move || Ok(vault.store_draft(&path, &draft)?)).await
}
