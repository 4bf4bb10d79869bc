//! The native menu (File, Edit, View, Help). Items that are workspace actions emit the event
//! `menu` with the action's name; the UI runs the same code as its buttons and shortcuts.
//!
//! Labels mark their mnemonic with `&` (muda's notation, turned into GTK's `_` on Linux; a
//! literal `_` would show as an underscore). App items show the UI's shortcut table
//! (`ui/src/lib/shortcuts.ts`) as accelerators; a UI unit test checks that every accelerator
//! here is that table's key for the same action. A menu accelerator takes its key before the
//! page does, and then emits the same action the UI's key handler would run, so the result is
//! the same either way. Undo/Redo carry none: Ctrl+Z must stay the editor's and the text
//! fields' own. Quit is an app item too (the predefined
//! one is disabled on Linux): the UI saves what is open, then calls the `quit` command, which
//! ends the app through its event loop so the window state is saved on the way out. Edit → Undo/Redo are app items too,
//! because Tauri's predefined Undo/Redo are unsupported on Linux; the UI sends them to the
//! editor's own history. Cut, Copy, Paste and Select All are the predefined (native) items.

use std::sync::Mutex;

use tauri::menu::{AboutMetadata, Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Event the UI receives with the action name as payload.
pub const MENU_EVENT: &str = "menu";

/// Ids of items that are UI actions (the id is the action name the UI knows).
const ACTIONS: &[&str] = &[
    "new",
    "open",
    "save",
    "export",
    "settings",
    "undo",
    "redo",
    "find",
    "searchAll",
    "draft",
    "help",
    "palette",
    "paneLibrary",
    "paneArticle",
    "paneDraft",
    "paneNote",
    "quit",
];

/// The page zoom, changed from the View menu.
#[derive(Debug)]
pub struct Zoom(pub Mutex<f64>);

/// Builds the menu bar.
///
/// # Errors
/// When the platform refuses to create a menu item.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, text: &str| MenuItem::with_id(app, id, text, true, None::<&str>);
    // An item with the UI's shortcut shown (and taken) by the menu.
    let keyed =
        |id: &str, text: &str, keys: &str| MenuItem::with_id(app, id, text, true, Some(keys));
    let sep = || PredefinedMenuItem::separator(app);
    let file = Submenu::with_items(
        app,
        "&File",
        true,
        &[
            &keyed("new", "&New Article", "CmdOrCtrl+N")?,
            &keyed("open", "&Open Article File…", "CmdOrCtrl+O")?,
            &sep()?,
            &keyed("save", "&Save Note", "CmdOrCtrl+S")?,
            &keyed("export", "&Export Note…", "CmdOrCtrl+E")?,
            &sep()?,
            &keyed("settings", "Se&ttings…", "CmdOrCtrl+Comma")?,
            &sep()?,
            &keyed("quit", "&Quit", "CmdOrCtrl+Q")?,
        ],
    )?;
    let edit = Submenu::with_items(
        app,
        "&Edit",
        true,
        &[
            &item("undo", "&Undo")?,
            &item("redo", "&Redo")?,
            &sep()?,
            &PredefinedMenuItem::cut(app, Some("Cu&t"))?,
            &PredefinedMenuItem::copy(app, Some("&Copy"))?,
            &PredefinedMenuItem::paste(app, Some("&Paste"))?,
            &PredefinedMenuItem::select_all(app, Some("Select &All"))?,
            &sep()?,
            &keyed("find", "&Find in Note", "CmdOrCtrl+F")?,
            &keyed("searchAll", "Search All &Notes", "CmdOrCtrl+Shift+F")?,
        ],
    )?;
    let view = Submenu::with_items(
        app,
        "&View",
        true,
        &[
            &keyed("draft", "&Draft Brief", "CmdOrCtrl+Enter")?,
            &keyed("palette", "&Command Palette…", "CmdOrCtrl+K")?,
            &sep()?,
            &keyed("paneLibrary", "Go to &Library", "CmdOrCtrl+1")?,
            &keyed("paneArticle", "Go to A&rticle", "CmdOrCtrl+2")?,
            &keyed("paneDraft", "Go to Dra&ft", "CmdOrCtrl+3")?,
            &keyed("paneNote", "Go to No&te", "CmdOrCtrl+4")?,
            &sep()?,
            &item("zoom-in", "Zoom &In")?,
            &item("zoom-out", "Zoom &Out")?,
            &item("zoom-reset", "&Actual Size")?,
        ],
    )?;
    let about = AboutMetadata {
        name: Some("Attaché".into()),
        version: Some(app.package_info().version.to_string()),
        comments: Some("Draft diplomatic briefs from news articles, offline.".into()),
        license: Some("MIT OR Apache-2.0".into()),
        ..AboutMetadata::default()
    };
    let help = Submenu::with_items(
        app,
        "&Help",
        true,
        &[
            &keyed("help", "&Help and Shortcuts", "F1")?,
            &item("reveal-log", "Show &Log File")?,
            &sep()?,
            &PredefinedMenuItem::about(app, Some("&About Attaché"), Some(about))?,
        ],
    )?;
    Menu::with_items(app, &[&file, &edit, &view, &help])
}

/// Handles a click on a menu item.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: &MenuEvent) {
    let id = event.id().as_ref();
    if ACTIONS.contains(&id) {
        let _ = app.emit_to("main", MENU_EVENT, id);
        return;
    }
    match id {
        "zoom-in" => zoom(app, |z| (z * 1.1).min(3.0)),
        "zoom-out" => zoom(app, |z| (z / 1.1).max(0.5)),
        "zoom-reset" => zoom(app, |_| 1.0),
        "reveal-log" => {
            // Off the event loop: starting a file manager may take a moment.
            let app = app.clone();
            std::thread::spawn(move || {
                if let Err(e) = crate::show_log::reveal(&app) {
                    log::warn!("could not show the log file: {e}");
                }
            });
        }
        _ => {}
    }
}

fn zoom<R: Runtime>(app: &AppHandle<R>, change: impl FnOnce(f64) -> f64) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let zoom = app.state::<Zoom>();
    let mut level = zoom
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *level = change(*level);
    if let Err(e) = window.set_zoom(*level) {
        log::warn!("zoom failed: {e}");
    }
}
