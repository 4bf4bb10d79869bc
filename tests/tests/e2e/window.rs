//! Issue 7's window memory in the real window: size, position, a pane's width and the open
//! note come back after a clean quit, and the window appears only once it is in place; with
//! no saved state or a corrupt one the window still appears.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use crate::support::{App, Dirs, app_pids, with_app};

const CTRL: char = '\u{e009}';

const ARTICLE: &str = include_str!("article.txt");
const LIBRARY_SPLITTER: &str = "[role=separator][aria-label='Resize the library']";
/// Where the test puts the window (inside Xvfb's 1440x900 screen, wide enough for the splitters).
const RECT: (u32, u32, u32, u32) = (70, 40, 1200, 780);

/// The log's lines about showing the window: `window shown (why)`, or a warning that it was
/// already visible when the UI became ready.
fn shown_lines(log: &Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains("window shown") || l.contains("visible before it was ready"))
        .map(str::to_owned)
        .collect()
}

/// Waits until the log has `n` `window shown` lines and returns the `n`th.
async fn nth_shown(log: &Path, n: usize) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let lines = shown_lines(log);
        if lines.len() >= n {
            return lines[n - 1].clone();
        }
        assert!(
            Instant::now() < deadline,
            "the window was not shown (log: {lines:?})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The page is visible to the person at the screen (WebKit says `hidden` while the window is
/// not mapped), and the window was shown because the UI was ready, not by the fallback.
async fn assert_shown(app: &App, log: &Path, launch: usize) -> String {
    app.wait_until(
        "the window to be visible",
        "return document.visibilityState === 'visible';",
    )
    .await;
    let line = nth_shown(log, launch).await;
    assert!(
        line.contains("window shown (the UI is ready)"),
        "the window was not kept hidden until the UI was ready: {line}"
    );
    line
}

/// Quits with Ctrl+Q (as File → Quit): the app exits through its event loop, and the
/// window-state plugin saves the window's size and place on the way out.
async fn quit(app: &App, config: &Path) {
    let mut keys = KeyActions::new("keyboard".into());
    for (down, k) in [(true, CTRL), (true, 'q'), (false, 'q'), (false, CTRL)] {
        keys = keys.then(if down {
            KeyAction::Down { value: k }
        } else {
            KeyAction::Up { value: k }
        });
    }
    // The app may be gone before WebDriver answers.
    let _ = app.client().perform_actions(keys).await;
    let needle = config.as_os_str().as_encoded_bytes().to_vec();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !app_pids(&needle).is_empty() {
        assert!(Instant::now() < deadline, "Ctrl+Q did not quit the app");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        config.join("window-state.json").is_file(),
        "no window state was saved on quit"
    );
}

/// Watches the X server from outside the app, from before the launch: the geometry the
/// Attaché window has the first time it is viewable (what the first frame shows).
fn first_viewable_geometry() -> std::thread::JoinHandle<Option<(u32, u32, u32, u32)>> {
    std::thread::spawn(|| {
        crate::x11::first_viewable_geometry("Attaché", Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("cannot watch the X server: {e}"))
    })
}

async fn splitter_value(app: &App) -> String {
    app.find(LIBRARY_SPLITTER)
        .await
        .attr("aria-valuenow")
        .await
        .unwrap()
        .unwrap_or_default()
}

#[tokio::test]
async fn size_position_pane_width_and_open_note_come_back_without_a_jump() {
    let dirs = Dirs::new();
    let (log, config) = (dirs.log_file(), dirs.config());
    let width = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let (log1, config1, width1) = (log.clone(), config.clone(), width.clone());
    with_app(&dirs, move |app| async move {
        assert_shown(&app, &log1, 1).await;
        let (x, y, w, h) = RECT;
        app.client()
            .set_window_rect(x, y, w, h)
            .await
            .unwrap_or_else(|e| panic!("setting the window rect failed: {e}"));
        let rect = app.client().get_window_rect().await.unwrap();
        assert_eq!(rect, (x.into(), y.into(), w.into(), h.into()), "the window did not move");
        // A saved note is open.
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find("[data-testid=brief][data-state=ready]").await;
        app.click("[data-testid=save-button]").await;
        app.find("[data-testid=save-state][data-state=saved]").await;
        // The library pane made wider with the splitter's own keys.
        let before = splitter_value(&app).await;
        let splitter = app.find(LIBRARY_SPLITTER).await;
        app.click_element(&splitter, "the library splitter").await;
        app.chord(&[Key::Shift.into(), Key::Right.into()]).await;
        app.wait_until(
            "the library pane to widen",
            &format!(
                "return document.querySelector(\"{LIBRARY_SPLITTER}\").getAttribute('aria-valuenow') !== '{before}';"
            ),
        )
        .await;
        *width1.lock().unwrap() = splitter_value(&app).await;
        quit(&app, &config1).await;
    })
    .await;
    let state = std::fs::read_to_string(config.join("window-state.json")).unwrap();
    eprintln!("saved window state: {state}");
    let width = width.lock().unwrap().clone();

    let log2 = log.clone();
    let observer = first_viewable_geometry();
    with_app(&dirs, move |app| async move {
        let (x, y, w, h) = RECT;
        assert_shown(&app, &log2, 2).await;
        let rect = app.client().get_window_rect().await.unwrap();
        assert_eq!(
            rect,
            (x.into(), y.into(), w.into(), h.into()),
            "the rect did not come back"
        );
        // Already in place when it first became visible: no jump after the first frame.
        let first = tokio::task::spawn_blocking(move || observer.join().unwrap())
            .await
            .unwrap();
        assert_eq!(
            first,
            Some(RECT),
            "the window first appeared elsewhere (x, y, w, h)"
        );
        assert_eq!(
            splitter_value(&app).await,
            width,
            "the library width did not come back"
        );
        // The open note came back, with its draft.
        app.find("[data-testid=save-state][data-state=saved]").await;
        app.find("[data-testid=brief][data-state=ready]").await;
    })
    .await;
}

#[tokio::test]
async fn the_window_appears_without_saved_state_and_with_a_corrupt_one() {
    let dirs = Dirs::new();
    let state: PathBuf = dirs.config().join("window-state.json");
    assert!(!state.exists());
    let log = dirs.log_file();
    let log1 = log.clone();
    with_app(&dirs, move |app| async move {
        assert_shown(&app, &log1, 1).await;
    })
    .await;

    std::fs::write(&state, b"{ \"main\": { this is not json").unwrap();
    let log2 = log.clone();
    with_app(&dirs, move |app| async move {
        assert_shown(&app, &log2, 2).await;
        // And it is usable.
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find("[data-testid=brief][data-state=ready]").await;
    })
    .await;
}
