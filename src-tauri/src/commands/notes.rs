//! The notes vault: list, search, create, open, save, delete and restore, party index,
//! export and import. Paths are relative to the vault (the vault refuses anything outside).

use std::path::Path;

use attache_engine::Brief;
use attache_vault::import::ImportedText;
use attache_vault::{
    ExportOptions, LoadStamp, NewNote, NoteSummary, OpenNote, PartyGroup, PartyHit, SaveOutcome,
    SearchHit, TrashEntry,
};
use tauri::State;

use super::off_thread;
use crate::error::AppError;
use crate::state::AppState;
use crate::vouch::Purpose;

/// Every note, newest first.
#[tauri::command]
pub async fn notes_list(state: State<'_, AppState>) -> Result<Vec<NoteSummary>, AppError> {
    let vault = state.vault()?;
    off_thread("list", move || Ok(vault.list()?)).await
}

/// Notes matching `query`, best first.
#[tauri::command]
pub async fn notes_search(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SearchHit>, AppError> {
    let vault = state.vault()?;
    off_thread("search", move || Ok(vault.search(&query)?)).await
}

/// Saves a new note for `brief` drafted from `source`; the draft and the source are kept
/// beside it so provenance survives restarts.
#[tauri::command]
pub async fn note_create(
    state: State<'_, AppState>,
    brief: Brief,
    source: String,
    meta: NewNote,
) -> Result<OpenNote, AppError> {
    let vault = state.vault()?;
    // What the UI leaves open follows the analyst's settings.
    let settings = state.settings().settings;
    let mut meta = meta;
    if meta.classification.is_none() {
        meta.classification = Some(settings.default_classification);
    }
    if meta.link_style.is_none() {
        meta.link_style = Some(settings.link_style);
    }
    off_thread("create", move || Ok(vault.create(&brief, &source, &meta)?)).await
}

/// Opens a note for editing.
#[tauri::command]
pub async fn note_open(state: State<'_, AppState>, path: String) -> Result<OpenNote, AppError> {
    let vault = state.vault()?;
    off_thread("open", move || Ok(vault.open_note(&path)?)).await
}

/// Saves the analyst's text; a note changed on disk since `stamp` is never overwritten
/// (the analyst's version goes to a conflict copy).
#[tauri::command]
pub async fn note_save(
    state: State<'_, AppState>,
    path: String,
    markdown: String,
    stamp: LoadStamp,
) -> Result<SaveOutcome, AppError> {
    let vault = state.vault()?;
    off_thread("save", move || Ok(vault.save(&path, &markdown, &stamp)?)).await
}

/// Gives the note at `path` the title `title`: front matter, H1 (when it was the old title)
/// and file name change together, and other notes' links follow. A note changed on disk
/// since `stamp` is refused (`conflict`); linking notes changed on disk are left as they are
/// and named, with those updated, in the outcome's `notice`.
#[tauri::command]
pub async fn note_rename(
    state: State<'_, AppState>,
    path: String,
    title: String,
    stamp: LoadStamp,
) -> Result<SaveOutcome, AppError> {
    let vault = state.vault()?;
    // The vault resolves `path` (refusing anything outside it), as for a save.
    off_thread("rename", move || Ok(vault.rename(&path, &title, &stamp)?)).await
}

/// Conflict, "keep mine": `markdown` replaces the version on disk at `path`; the conflict
/// copy `copy` goes to the trash. One call, so it cannot be left half done.
#[tauri::command]
pub async fn note_keep_mine(
    state: State<'_, AppState>,
    path: String,
    copy: String,
    markdown: String,
) -> Result<SaveOutcome, AppError> {
    let vault = state.vault()?;
    off_thread("keep mine", move || {
        Ok(vault.keep_mine(&path, &copy, &markdown)?)
    })
    .await
}

/// Conflict, "take theirs": the conflict copy goes to the trash; returns the note on disk.
#[tauri::command]
pub async fn note_take_theirs(
    state: State<'_, AppState>,
    path: String,
    copy: String,
) -> Result<OpenNote, AppError> {
    let vault = state.vault()?;
    off_thread("take theirs", move || Ok(vault.take_theirs(&path, &copy)?)).await
}

/// Conflict, "keep both": the copy becomes a note of its own (new id); returns it, opened.
#[tauri::command]
pub async fn note_keep_both(
    state: State<'_, AppState>,
    path: String,
    copy: String,
) -> Result<OpenNote, AppError> {
    let vault = state.vault()?;
    off_thread("keep both", move || Ok(vault.keep_both(&path, &copy)?)).await
}

/// Moves a note to the vault's trash.
#[tauri::command]
pub async fn note_delete(state: State<'_, AppState>, path: String) -> Result<TrashEntry, AppError> {
    let vault = state.vault()?;
    off_thread("delete", move || Ok(vault.delete(&path)?)).await
}

/// The trash, newest first.
#[tauri::command]
pub async fn trash_list(state: State<'_, AppState>) -> Result<Vec<TrashEntry>, AppError> {
    let vault = state.vault()?;
    off_thread("trash", move || Ok(vault.trash()?)).await
}

/// Puts a deleted note back; returns its path.
#[tauri::command]
pub async fn trash_restore(state: State<'_, AppState>, id: String) -> Result<String, AppError> {
    let vault = state.vault()?;
    off_thread("restore", move || Ok(vault.restore(&id)?)).await
}

/// Every note and position that mentions the party `name`.
#[tauri::command]
pub async fn party_index(
    state: State<'_, AppState>,
    name: String,
) -> Result<Vec<PartyHit>, AppError> {
    let vault = state.vault()?;
    off_thread("party index", move || Ok(vault.party_index(&name)?)).await
}

/// The vault's parties merged by alias ("Putin", "Vladimir Putin", "President Putin" are one),
/// each with the number of notes naming it: the library's party filter and index.
#[tauri::command]
pub async fn party_groups(state: State<'_, AppState>) -> Result<Vec<PartyGroup>, AppError> {
    let vault = state.vault()?;
    off_thread("party groups", move || Ok(vault.party_groups()?)).await
}

/// Writes the note, exported with `options`, to `target`: exactly the path the save dialog
/// just returned (`pick_export_path`), never another.
#[tauri::command]
pub async fn note_export(
    state: State<'_, AppState>,
    path: String,
    target: String,
    options: ExportOptions,
) -> Result<(), AppError> {
    let vault = state.vault()?;
    let target = state.vouched.take(Purpose::Export, Path::new(&target))?;
    // The author comes from the settings, never from the page.
    let options = ExportOptions {
        author: state.settings().settings.author,
        ..options
    };
    off_thread("export", move || {
        Ok(vault.export_to(&path, &target, &options)?)
    })
    .await
}

/// Puts the note (`markdown`, the editor's text, saved or not) on the clipboard as rich text
/// for email and Word: HTML with the marking above and below, and the same as plain text for
/// programs that take only text.
#[tauri::command]
pub async fn note_copy_rich<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    markdown: String,
    title: String,
) -> Result<(), AppError> {
    let author = state.settings().settings.author;
    let rich = off_thread("copy", move || {
        Ok(attache_vault::export::rich_text(
            &markdown,
            &title,
            author.as_deref(),
        )?)
    })
    .await?;
    use tauri_plugin_clipboard_manager::ClipboardExt;
    app.clipboard()
        .write_html(rich.html, Some(rich.text))
        .map_err(|e| {
            AppError::internal(format!(
                "the clipboard refused the note ({e}): try Copy Markdown instead"
            ))
        })
}

/// Reads an article from a `.txt`, `.md` or `.html` file: exactly a path the open dialog, a
/// drop on the window or the command line just gave (never one the page made up).
#[tauri::command]
pub async fn import_file(
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportedText, AppError> {
    let path = state.vouched.take(Purpose::Import, Path::new(&path))?;
    off_thread("import", move || {
        // A pipe or device given a `.txt` name would block or never end: files only.
        if std::fs::metadata(&path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            return Err(AppError::invalid_argument(format!(
                "{} is not a regular file: save the article as a file and open that",
                path.display()
            )));
        }
        Ok(attache_vault::import::read_importable(&path)?)
    })
    .await
}
