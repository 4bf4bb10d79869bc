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
//! - **Vouched path**: a path outside the vault the analyst chose in a native dialog, dropped
//!   on the window or named on the command line ([`vouch`]); the only kind `import_file`,
//!   `note_export` and a new vault folder accept.
//! - **Command list**: `src/command_list.rs`, the one list of commands ([`COMMANDS`]).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod commands;
pub mod error;
pub mod launch;
pub mod menu;
pub mod navigation;
pub mod paths;
pub mod recovery;
pub mod sanitize;
pub mod show_log;
pub mod single_instance;
pub mod startup;
pub mod state;
pub mod vouch;
pub mod webview;
pub mod window;

use tauri::{Builder, Emitter, Manager, Runtime};
use tauri_plugin_window_state::StateFlags;

use crate::launch::LaunchArgs;
use crate::paths::Folders;
use crate::state::AppState;

/// Event the UI receives with `VaultEvent[]` when another program changes the vault.
pub const VAULT_CHANGED_EVENT: &str = "vault-changed";

/// The name of every command the UI may call, from the one list in `src/command_list.rs`
/// (which also feeds `generate_handler!` and the permissions `build.rs` generates).
pub const COMMANDS: &[&str] = {
    macro_rules! commands {
        ($($module:ident :: $name:ident),* $(,)?) => {
            &[$(stringify!($name)),*]
        };
    }
    include!("command_list.rs")
};

/// Registers the state and commands shared by the real app and the mock-runtime tests.
pub fn configure<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        .manage(window::Shown::default())
        // Files dropped on the window are the analyst's choice: import may read them. A window
        // with one web view (ours) reports drops as window events, a web view of its own as
        // web view events; both are heard. The UI learns of the drop in the same main-thread
        // handler, so its import call always comes after the vouching.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                vouch_dropped(&window.state::<AppState>(), paths);
            }
        })
        .on_webview_event(|webview, event| {
            if let tauri::WebviewEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                vouch_dropped(&webview.state::<AppState>(), paths);
            }
        })
        .invoke_handler({
            macro_rules! commands {
                ($($module:ident :: $name:ident),* $(,)?) => {
                    tauri::generate_handler![$(commands::$module::$name),*]
                };
            }
            include!("command_list.rs")
        })
}

fn vouch_dropped(state: &AppState, paths: &[std::path::PathBuf]) {
    for p in paths {
        state.vouched.vouch(vouch::Purpose::Import, p.clone());
    }
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
        .plugin(tauri_plugin_opener::init())
        .plugin(navigation::guard());
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
