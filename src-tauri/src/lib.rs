//! Attaché's desktop shell: the Tauri 2 window around the drafting engine and the notes vault.
//!
//! The UI (Svelte, in `ui/`) renders and calls the commands in [`commands`]; every analysis
//! and every disk access happens here, in Rust. Each command is a thin wrapper that moves its
//! work off the async runtime and returns [`error::AppError`] on failure.
//!
//! ```
//! use attache_desktop::launch::LaunchArgs;
//! use attache_desktop::paths::Folders;
//!
//! // Tests and scripts give the app its own folders; files named after the flags are opened.
//! let args = LaunchArgs::parse(["--vault", "/tmp/v", "--config-dir", "/tmp/c", "talks.txt"].map(Into::into));
//! let folders = Folders::resolve(&args);
//! assert_eq!(folders.config, std::path::PathBuf::from("/tmp/c"));
//! assert_eq!(args.files.len(), 1);
//! ```
//!
//! # Glossary
//! - **Command**: a Rust function the UI invokes by name over Tauri's IPC.
//! - **Channel**: a one-way stream from a command to the UI (drafting progress).
//! - **Vault**: the folder of Markdown notes (`attache-vault`).
//! - **Config folder**: settings, logs, window state and the recovery journal, outside the vault.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod commands;
pub mod error;
pub mod launch;
pub mod menu;
pub mod paths;
pub mod recovery;
pub mod sanitize;
pub mod show_log;
pub mod single_instance;
pub mod startup;
pub mod state;
pub mod webview;
pub mod window;

use tauri::{Builder, Emitter, Manager, Runtime};
use tauri_plugin_window_state::StateFlags;

use crate::launch::LaunchArgs;
use crate::paths::Folders;
use crate::state::AppState;

/// Event the UI receives with `VaultEvent[]` when another program changes the vault.
pub const VAULT_CHANGED_EVENT: &str = "vault-changed";

/// Registers the state and commands shared by the real app and the mock-runtime tests.
pub fn configure<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        .manage(window::Shown::default())
        .invoke_handler(tauri::generate_handler![
            commands::draft::draft,
            commands::draft::sample_article,
            commands::preview::render_note,
            commands::preview::preview_html,
            commands::launch::startup_files,
            commands::launch::ui_ready,
            commands::notes::notes_list,
            commands::notes::notes_search,
            commands::notes::note_create,
            commands::notes::note_open,
            commands::notes::note_save,
            commands::notes::note_delete,
            commands::notes::trash_list,
            commands::notes::trash_restore,
            commands::notes::party_index,
            commands::notes::note_export,
            commands::notes::note_export_text,
            commands::notes::import_file,
            commands::sync::brief_refs,
            commands::sync::note_patch,
            commands::sync::note_draft_store,
            commands::settings::settings_get,
            commands::settings::settings_set,
            commands::settings::vault_info,
            commands::dialogs::pick_export_path,
            commands::dialogs::pick_article_file,
            commands::dialogs::pick_vault_folder,
            commands::recovery::recovery_write,
            commands::recovery::recovery_read,
            commands::recovery::recovery_clear,
            commands::window::window_ready,
            commands::window::show_log_file,
            commands::window::quit,
        ])
}

/// Starts the app with `context` (from `tauri::generate_context!()` in the binary, so this
/// library builds without the UI's `dist/`): plugins, window, event loop.
///
/// # Panics
/// When the window system cannot start (no display): there is nothing to show then.
pub fn run(context: tauri::Context<tauri::Wry>) {
    startup::mark_start();
    let args = LaunchArgs::from_env();
    let folders = Folders::resolve(&args);
    let mut builder = tauri::Builder::default();
    // Single-instance must be the first plugin: a second copy exits before doing anything.
    if single_instance::bus_usable() {
        builder = builder.plugin(tauri_plugin_single_instance::init(
            single_instance::on_second_launch,
        ));
    }
    builder = builder
        .plugin(logging(&folders))
        .plugin(
            tauri_plugin_window_state::Builder::new()
                // An absolute name replaces the platform folder, so tests' config stays theirs.
                .with_filename(folders.window_state().to_string_lossy())
                // Not VISIBLE: the plugin would show the window as soon as it is restored,
                // before the UI has laid out its panes; `window::show_main` does it then.
                .with_state_flags(StateFlags::all() - StateFlags::VISIBLE)
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init());
    configure(builder, AppState::new(folders, args))
        .manage(menu::Zoom(std::sync::Mutex::new(1.0)))
        .menu(menu::build)
        .on_menu_event(|app, event| menu::on_event(app, &event))
        .setup(|app| {
            log::info!(
                "Attaché {} started; config folder {}",
                app.package_info().version,
                app.state::<AppState>().folders.config.display()
            );
            if let Some(window) = app.get_webview_window("main") {
                webview::configure(&window);
            }
            window::show_later_anyway(app.handle());
            let handle = app.handle().clone();
            app.state::<AppState>()
                .set_change_listener(std::sync::Arc::new(move |events| {
                    let _ = handle.emit(VAULT_CHANGED_EVENT, events);
                }));
            Ok(())
        })
        .run(context)
        .expect("Attaché could not start its window (is a display available?)");
}

/// Rotating log files in the config folder; info level, so no article text by default.
fn logging<R: Runtime>(folders: &Folders) -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_log::{RotationStrategy, Target, TargetKind};
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .target(Target::new(TargetKind::Folder {
            path: folders.logs(),
            file_name: Some("attache".into()),
        }))
        .target(Target::new(TargetKind::Stderr))
        .level(log::LevelFilter::Info)
        .max_file_size(1_000_000)
        .rotation_strategy(RotationStrategy::KeepSome(5))
        .build()
}
