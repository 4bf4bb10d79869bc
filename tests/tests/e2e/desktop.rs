//! Issue 7's desktop behaviour in the real window: a crash loses nothing, settings survive a
//! restart, a corrupt settings file does not stop the app, a second launch hands its file to
//! the first window, Help shows the log file (free of article text), and dropped files are
//! imported or refused.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::key::Key;

use crate::support::{Dirs, app_path, app_pids, with_app};

const ARTICLE: &str = include_str!("article.txt");
const MARK: &str = "quillonspark";

#[tokio::test]
async fn unsaved_text_comes_back_after_the_app_is_killed() {
    let dirs = Dirs::new();
    let needle = dirs.config().as_os_str().as_encoded_bytes().to_vec();
    with_app(&dirs, move |app| async move {
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find("[data-testid=brief][data-state=ready]").await;
        // A draft not saved as a note: only the recovery journal holds the edit.
        let editor = app.find("[data-testid=note-editor] .cm-content").await;
        editor
            .send_keys(&format!("{}{}", Key::Control, Key::End))
            .await
            .unwrap();
        editor
            .send_keys(&format!("\nUnsaved thought: {MARK}."))
            .await
            .unwrap();
        // The journal is written at most a second behind typing.
        tokio::time::sleep(Duration::from_millis(1800)).await;
        for pid in app_pids(&needle) {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    })
    .await;
    assert!(
        std::fs::read_to_string(dirs.config().join("recovery/journal.json"))
            .is_ok_and(|j| j.contains(MARK)),
        "the journal did not hold the unsaved text when the app was killed"
    );

    with_app(&dirs, |app| async move {
        app.find("[data-testid=recovery-banner]").await;
        app.click("[data-testid=recovery-restore]").await;
        app.wait_until(
            "the restored text",
            &format!(
                "const p = document.querySelector('[data-testid=note-preview]');
                 const e = document.querySelector('[data-testid=note-editor]');
                 return [p, e].some(x => x && x.textContent.includes('{MARK}'));"
            ),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn settings_survive_a_restart_and_a_corrupt_file_does_not_stop_the_app() {
    let dirs = Dirs::new();
    with_app(&dirs, |app| async move {
        app.click("[data-testid=settings-button]").await;
        app.set_value("[data-testid=settings-author]", "Ada Analyst")
            .await;
        app.click("[data-testid=settings-save]").await;
    })
    .await;
    let saved = std::fs::read_to_string(dirs.config().join("settings.json")).unwrap_or_default();
    assert!(saved.contains("Ada Analyst"), "settings.json: {saved}");

    with_app(&dirs, |app| async move {
        app.click("[data-testid=settings-button]").await;
        app.wait_until(
            "the saved author",
            "return document.querySelector('[data-testid=settings-author]').value === 'Ada Analyst';",
        )
        .await;
    })
    .await;

    std::fs::write(dirs.config().join("settings.json"), b"{ this is not json").unwrap();
    with_app(&dirs, |app| async move {
        let notice = app
            .find("[data-testid=app-notice]")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            notice.contains("damaged"),
            "the notice should say so: {notice:?}"
        );
        // Still usable.
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find("[data-testid=brief][data-state=ready]").await;
    })
    .await;
}

#[tokio::test]
async fn a_second_launch_hands_its_file_to_the_first_window() {
    let dirs = Dirs::new();
    let file = dirs.picks().join("second-launch.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let (vault, config) = (dirs.vault(), dirs.config());
    with_app(&dirs, move |app| async move {
        let started = Instant::now();
        let status = tokio::task::spawn_blocking(move || {
            let mut second = Command::new(app_path())
                .arg("--vault")
                .arg(&vault)
                .arg("--config-dir")
                .arg(&config)
                .arg(&file)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("the second launch starts");
            let deadline = Instant::now() + Duration::from_secs(20);
            loop {
                if let Some(status) = second.try_wait().unwrap() {
                    return Some(status);
                }
                if Instant::now() > deadline {
                    let _ = second.kill();
                    let _ = second.wait();
                    return None;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
        .await
        .unwrap();
        let status = status.expect("the second launch should exit at once, not open a window");
        assert!(status.success(), "the second launch exited with {status}");
        eprintln!("second launch handed over in {:?}", started.elapsed());
        app.wait_until(
            "the file's article in the first window",
            "return document.querySelector('[data-testid=article-input]').value.includes('Anna Berg');",
        )
        .await;
    })
    .await;
}

/// Distinctive pieces of the test article: none may reach the log.
fn article_snippets() -> Vec<String> {
    let mut snippets: Vec<String> = ARTICLE
        .split(['.', '\n', '“', '”'])
        .map(str::trim)
        .filter(|s| s.chars().count() >= 24)
        .map(|s| s.chars().take(24).collect())
        .collect();
    snippets.push("Anna Berg".into());
    snippets
}

#[tokio::test]
async fn help_shows_the_log_file_which_holds_no_article_text() {
    let dirs = Dirs::new();
    let (revealed, log_file) = (dirs.revealed(), dirs.log_file());
    let expected = log_file.clone();
    with_app(&dirs, move |app| async move {
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find("[data-testid=brief][data-state=ready]").await;
        app.click("[data-testid=save-button]").await;
        app.find("[data-testid=save-state][data-state=saved]").await;
        // The help panel's button runs what Help → Show Log File runs.
        app.click("[data-testid=help-button]").await;
        app.click("[data-testid=show-log-button]").await;
        app.wait_until(
            "the revealed path in the help panel",
            "return document.querySelector('[data-testid=show-log-message]').textContent.includes('attache.log');",
        )
        .await;
        let shown = app
            .find("[data-testid=show-log-message]")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            shown.contains(&*expected.to_string_lossy()),
            "the panel names another file: {shown}"
        );
    })
    .await;
    let path = std::fs::read_to_string(&revealed).expect("the reveal stand-in was not written");
    assert_eq!(
        std::path::Path::new(&path),
        log_file,
        "another path was revealed"
    );
    let log = std::fs::read_to_string(&log_file).expect("the revealed log file exists");
    assert!(
        log.contains("started"),
        "no start-up line in the log:\n{log}"
    );
    assert!(
        log.contains("vault opened"),
        "the session's lines are missing:\n{log}"
    );
    for snippet in article_snippets() {
        assert!(
            !log.contains(&snippet),
            "article text {snippet:?} reached the log:\n{log}"
        );
    }
}

/// A real drop: another X client drags the files onto the window over XDND (see `x11.rs`),
/// so GTK, WebKit, wry, Tauri's drag-drop event and the UI all run as for a file manager.
#[tokio::test]
async fn files_dragged_from_another_x_client_are_imported_or_refused() {
    let dirs = Dirs::new();
    let text = dirs.picks().join("dragged article.txt");
    let png = dirs.picks().join("chart.png");
    let exe = dirs.picks().join("setup.exe");
    std::fs::write(&text, ARTICLE).unwrap();
    std::fs::write(&png, [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]).unwrap();
    std::fs::write(&exe, b"MZ not really a program").unwrap();
    with_app(&dirs, move |app| async move {
        app.wait_until(
            "the window to be visible",
            "return document.visibilityState === 'visible';",
        )
        .await;
        let drag = |file: std::path::PathBuf| async move {
            tokio::task::spawn_blocking(move || crate::x11::xdnd::drop_files("Attaché", &[&file]))
                .await
                .unwrap()
                .unwrap_or_else(|e| panic!("the X drag and drop failed: {e}"));
        };
        let refused = |name: &str| {
            format!(
                "const n = document.querySelector('[data-testid=app-notice]');
                 return !!n && n.textContent.includes('{name}') && n.textContent.includes('.txt')
                   && document.querySelector('[data-testid=article-input]').value === '';"
            )
        };
        drag(png).await;
        app.wait_until("the refusal of the picture", &refused("chart.png"))
            .await;
        drag(exe).await;
        app.wait_until("the refusal of the program", &refused("setup.exe"))
            .await;
        drag(text).await;
        app.wait_until(
            "the dragged article in the article field",
            "return document.querySelector('[data-testid=article-input]').value.includes('Anna Berg');",
        )
        .await;
        app.wait_until(
            "the refusal to be gone",
            "return !document.querySelector('[data-testid=app-notice]');",
        )
        .await;
        // And it drafts like a pasted one.
        app.click("[data-testid=draft-button]").await;
        app.find("[data-testid=brief][data-state=ready]").await;
    })
    .await;
}
