//! Generates the app's command permissions so the capability file can allow exactly the
//! commands the UI uses, and nothing else.

const COMMANDS: &[&str] = &[
    "draft",
    "sample_article",
    "render_note",
    "preview_html",
    "startup_files",
    "ui_ready",
    "notes_list",
    "notes_search",
    "note_create",
    "note_open",
    "note_save",
    "note_delete",
    "trash_list",
    "trash_restore",
    "party_index",
    "note_export",
    "note_export_text",
    "import_file",
    "brief_refs",
    "note_patch",
    "note_draft_store",
    "settings_get",
    "settings_set",
    "vault_info",
    "pick_export_path",
    "pick_article_file",
    "pick_vault_folder",
    "recovery_write",
    "recovery_read",
    "recovery_clear",
    "window_ready",
    "show_log_file",
    "quit",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
