//! End-to-end test stand-in for a native file drop (`--test-drop-dir DIR`; see
//! `crate::launch` for why the test flags cannot be switched on in normal use).
//!
//! WebDriver cannot drag a file from another application onto the window. Natively, GTK
//! hands wry the drop, wry hands Tauri a `DragDropEvent::Drop { paths, position }`, and Tauri
//! emits `tauri://drag-drop` with `{paths, position}` to the webview, where the UI's
//! `onDragDropEvent` listener imports the first file through the `import_file` command.
//! This hook starts at that emit: a `drop.json` (an array of paths) written into DIR is
//! emitted to the main webview with the same event name, payload and target as Tauri's own,
//! so everything from there on (the UI's listener, the type check, the import in Rust, the
//! refusal message) is the code a real drop runs. What it cannot show is the GTK/wry half.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use tauri::{AppHandle, Emitter, EventTarget, Manager, Runtime};

use crate::window::Shown;

/// The event Tauri emits for a native drop (`tauri::manager::window::DRAG_DROP_EVENT`).
pub const DRAG_DROP_EVENT: &str = "tauri://drag-drop";
/// The request file the test writes (atomically, by renaming) into the drop folder.
pub const REQUEST: &str = "drop.json";

/// Tauri's `DragDropPayload` for a drop: the paths and where they were let go.
#[derive(Debug, Clone, Serialize)]
struct Payload {
    paths: Vec<PathBuf>,
    position: Position,
}

#[derive(Debug, Clone, Serialize)]
struct Position {
    x: f64,
    y: f64,
}

/// Watches `dir` for drop requests for as long as the app runs.
pub fn watch_drops<R: Runtime>(app: &AppHandle<R>, dir: PathBuf) {
    log::info!("test stand-in: file drops are read from {}", dir.display());
    let app = app.clone();
    std::thread::spawn(move || {
        loop {
            // Nobody can drop a file on a window that is not shown yet.
            if app.state::<Shown>().is_shown()
                && let Some(paths) = take_request(&dir)
            {
                let payload = Payload {
                    paths,
                    position: Position { x: 200.0, y: 200.0 },
                };
                // The same target filter Tauri uses for `emit_to_webview`.
                let sent = app.emit_filter(DRAG_DROP_EVENT, payload, |t| {
                    matches!(t, EventTarget::Webview { label } | EventTarget::WebviewWindow { label }
                        if label == crate::window::MAIN)
                });
                if let Err(e) = sent {
                    log::warn!("test stand-in: the drop was not delivered: {e}");
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
}

/// Reads and removes a request; a malformed one is removed and logged, never fatal.
fn take_request(dir: &Path) -> Option<Vec<PathBuf>> {
    let file = dir.join(REQUEST);
    let text = std::fs::read_to_string(&file).ok()?;
    let _ = std::fs::remove_file(&file);
    serde_json::from_str(&text)
        .inspect_err(|e| log::warn!("test stand-in: {REQUEST} is not an array of paths: {e}"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_read_once_and_a_bad_one_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(take_request(dir.path()), None);
        std::fs::write(dir.path().join(REQUEST), r#"["/a/b.txt"]"#).unwrap();
        assert_eq!(
            take_request(dir.path()),
            Some(vec![PathBuf::from("/a/b.txt")])
        );
        assert_eq!(take_request(dir.path()), None);
        std::fs::write(dir.path().join(REQUEST), "not json").unwrap();
        assert_eq!(take_request(dir.path()), None);
        assert!(!dir.path().join(REQUEST).exists());
    }
}
