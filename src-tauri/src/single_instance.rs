//! One window per user: a second launch (with or without a file) focuses the first and
//! hands it the files. On Linux this goes through the D-Bus session bus; without a usable
//! bus the app still runs, it just cannot notice a second copy.

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::launch::LaunchArgs;

/// Event the UI receives with the absolute paths of files a second launch asked to open.
pub const OPEN_FILES_EVENT: &str = "open-files";

/// True when the single-instance plugin can be given the session bus safely.
///
/// The plugin panics on a malformed `DBUS_SESSION_BUS_ADDRESS` and copes with a missing
/// bus, so only an address we do not recognise is refused here.
#[must_use]
pub fn bus_usable() -> bool {
    match std::env::var("DBUS_SESSION_BUS_ADDRESS") {
        Err(_) => true,
        Ok(address) => {
            let ok = [
                "unix:",
                "tcp:",
                "nonce-tcp:",
                "unixexec:",
                "launchd:",
                "vsock:",
            ]
            .iter()
            .any(|t| address.starts_with(t) && address.contains('='));
            if !ok {
                log::warn!(
                    "DBUS_SESSION_BUS_ADDRESS is not usable; running without single-instance"
                );
            }
            ok
        }
    }
}

/// What the first instance does when another launch arrives.
pub fn on_second_launch<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        // Each step may fail on some window managers; focusing is best effort.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let cwd = std::path::PathBuf::from(cwd);
    let files: Vec<String> = LaunchArgs::parse(argv.into_iter().skip(1).map(Into::into))
        .files
        .into_iter()
        .map(|f| {
            let path = cwd.join(f);
            // Named on the second launch's command line: the analyst's choice.
            app.state::<crate::state::AppState>()
                .vouched
                .vouch(crate::vouch::Purpose::Import, path.clone());
            path.to_string_lossy().into_owned()
        })
        .collect();
    log::info!("a second launch asked to open {} file(s)", files.len());
    if !files.is_empty() {
        let _ = app.emit_to("main", OPEN_FILES_EVENT, files);
    }
}
