//! The main window appears once, already in place.
//!
//! It is created hidden (`visible: false` in `tauri.conf.json`); tauri-plugin-window-state
//! moves and sizes it while it is still hidden (its `VISIBLE` flag is off, so the plugin never
//! shows it early), and it is shown when the UI says its first screen is laid out (the
//! `window_ready` command: saved pane widths, theme). A UI that never says so still gets its
//! window after [`FALLBACK`], so a broken page can never leave an invisible app.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

/// The label of the one window.
pub const MAIN: &str = "main";
/// The longest the window stays hidden when the UI does not report ready.
pub const FALLBACK: Duration = Duration::from_secs(4);

/// Whether the main window has been shown this run.
#[derive(Debug, Default)]
pub struct Shown(AtomicBool);

/// Shows the main window the first time it is called; `why` goes to the log.
pub fn show_main<R: Runtime>(app: &AppHandle<R>, why: &str) {
    let shown = app.state::<Shown>();
    if shown.0.swap(true, Ordering::SeqCst) {
        return;
    }
    let Some(window) = app.get_webview_window(MAIN) else {
        return;
    };
    // Someone showing it earlier (a config or plugin change) would bring back the jump: say so.
    if window.is_visible().unwrap_or(false) {
        log::warn!("the window was visible before it was ready ({why})");
    } else {
        log::info!("window shown ({why})");
    }
    if let Err(e) = window.show() {
        log::warn!("could not show the window: {e}");
    }
    let _ = window.set_focus();
}

/// Shows the window after [`FALLBACK`] if the UI has not asked for it by then.
pub fn show_later_anyway<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(FALLBACK);
        let inner = app.clone();
        // Window calls belong on the event loop's thread.
        let _ = app.run_on_main_thread(move || show_main(&inner, "the UI did not report ready"));
    });
}
