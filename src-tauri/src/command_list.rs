// The one list of the commands the UI may call, as `module::function` under `src/commands/`.
//
// It is read three times: by `build.rs` (the `allow-*` permission of each command), by
// `lib.rs` (`tauri::generate_handler!` and `attache_desktop::COMMANDS`), and the contract test
// (`tests/contract.rs`) checks that `capabilities/main.json`, `ui/src/lib/ipc.ts` and
// `ui/IPC.md` name exactly these commands.
//
// To add a command: write it in `src/commands/<module>.rs`, add `module::name` here, add
// `"allow-<name-with-dashes>"` to `capabilities/main.json`, a typed wrapper to
// `ui/src/lib/ipc.ts` and a row to `ui/IPC.md`; `cargo test -p attache-desktop --features mock
// --test contract` says what is missing.
commands! {
    draft::draft,
    draft::sample_article,
    draft::read_pasted,
    preview::render_note,
    preview::preview_html,
    launch::startup_files,
    launch::ui_ready,
    notes::notes_list,
    notes::notes_search,
    notes::note_create,
    notes::note_open,
    notes::note_save,
    notes::note_rename,
    notes::note_keep_mine,
    notes::note_take_theirs,
    notes::note_keep_both,
    notes::note_delete,
    notes::trash_list,
    notes::trash_restore,
    notes::party_index,
    notes::party_groups,
    notes::note_export,
    notes::note_copy_rich,
    notes::import_file,
    sync::brief_refs,
    sync::note_patch,
    sync::note_draft_store,
    settings::settings_get,
    settings::settings_set,
    settings::vault_info,
    dialogs::pick_export_path,
    dialogs::pick_article_file,
    dialogs::pick_vault_folder,
    recovery::recovery_write,
    recovery::recovery_read,
    recovery::recovery_clear,
    window::window_ready,
    window::show_log_file,
    window::quit,
}
