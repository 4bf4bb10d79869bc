//! Issue 7's shortcuts in the real window: each chord is pressed through WebDriver's key
//! actions (WebKit's own key event path, to whatever has the focus) and its effect checked;
//! and the editor keeps its own keys.

use fantoccini::key::Key;

use crate::support::{App, Dirs, with_app};

const ARTICLE: &str = include_str!("article.txt");
const BRIEF_READY: &str = "[data-testid=brief][data-state=ready]";
const SAVED: &str = "[data-testid=save-state][data-state=saved]";
/// The first line of the note's body in the editor (the front matter is folded away).
const EDITOR_LINE: &str = "[data-testid=note-editor] .cm-content .cm-line";

/// A word no article contains, typed into the editor.
const MARK: &str = "kestrelwick";

const CTRL: char = '\u{e009}';
const SHIFT: char = '\u{e008}';

fn key(k: Key) -> char {
    k.into()
}

async fn dialog_open(app: &App, testid: &str) {
    app.find(&format!("dialog[data-testid={testid}][open]"))
        .await;
}

/// Esc closes the open dialog (the browser's own `<dialog>` handling).
async fn escape_closes(app: &App, testid: &str) {
    app.chord(&[key(Key::Escape)]).await;
    app.wait_until(
        &format!("{testid} to close"),
        &format!("return !document.querySelector('dialog[data-testid={testid}]').open;"),
    )
    .await;
}

fn active_is(css: &str) -> String {
    format!(
        "const a = document.activeElement; return !!a && !!a.closest('{css}') && a.matches('{css}, {css} *');"
    )
}

fn notes_in(vault: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(vault)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect()
}

#[tokio::test]
async fn every_shortcut_drives_its_flow() {
    let dirs = Dirs::new();
    // What the open dialog "chooses" (the --test-pick-dir stand-in answers with this file).
    std::fs::write(dirs.picks().join("talks.txt"), ARTICLE).unwrap();
    let vault = dirs.vault();
    let vault_notes = move || notes_in(&vault).len();
    with_app(&dirs, move |app| async move {
        // F1: the help panel, listing every shortcut of the issue.
        app.chord(&[key(Key::F1)]).await;
        dialog_open(&app, "help-panel").await;
        let listed = app
            .find("[data-testid=shortcut-list]")
            .await
            .text()
            .await
            .unwrap();
        for keys in [
            "Ctrl+N",
            "Ctrl+O",
            "Ctrl+Enter",
            "Ctrl+S",
            "Ctrl+E",
            "Ctrl+F",
            "Ctrl+Shift+F",
            "Ctrl+,",
            "F1",
        ] {
            assert!(listed.contains(keys), "the help lacks {keys}: {listed}");
        }
        escape_closes(&app, "help-panel").await;

        // Ctrl+, : settings.
        app.chord(&[CTRL, ',']).await;
        dialog_open(&app, "settings-panel").await;
        escape_closes(&app, "settings-panel").await;

        // Ctrl+O: the open-file dialog (stand-in) and the file becomes the article.
        app.chord(&[CTRL, 'o']).await;
        app.wait_until(
            "the opened file in the article field",
            "return document.querySelector('[data-testid=article-input]').value.includes('Anna Berg');",
        )
        .await;

        // Ctrl+Enter with the focus outside the article field: the draft.
        app.run("document.activeElement && document.activeElement.blur();", vec![])
            .await;
        app.chord(&[CTRL, key(Key::Enter)]).await;
        app.find(BRIEF_READY).await;

        // Ctrl+S: the draft becomes a note file in the vault.
        assert_eq!(vault_notes(), 0);
        app.chord(&[CTRL, 's']).await;
        app.find(SAVED).await;
        assert_eq!(vault_notes(), 1, "Ctrl+S did not write the note");

        // Ctrl+E: the export dialog.
        app.chord(&[CTRL, 'e']).await;
        dialog_open(&app, "export-dialog").await;
        escape_closes(&app, "export-dialog").await;

        // Ctrl+Shift+F: the focus goes to search all notes.
        app.chord(&[CTRL, SHIFT, 'f']).await;
        app.wait_until(
            "the library search to have the focus",
            &active_is("[data-testid=library-search]"),
        )
        .await;

        // Ctrl+F from there: find in the note opens CodeMirror's search, focused.
        app.chord(&[CTRL, 'f']).await;
        app.wait_until(
            "the editor's search panel to have the focus",
            &active_is("[data-testid=note-editor] .cm-search"),
        )
        .await;
        app.chord(&[key(Key::Escape)]).await;
        app.wait_until(
            "the search panel to close",
            "return !document.querySelector('[data-testid=note-editor] .cm-search');",
        )
        .await;

        // Ctrl+N: a new, empty article (the note was saved, so nothing to ask).
        app.chord(&[CTRL, 'n']).await;
        app.wait_until(
            "an empty workspace",
            "return document.querySelector('[data-testid=article-input]').value === ''
                && document.querySelector('[data-testid=brief]').dataset.state === 'empty'
                && document.querySelector('[data-testid=save-state]').dataset.state === 'none';",
        )
        .await;
        app.wait_until(
            "the focus in the article field",
            &active_is("[data-testid=article-input]"),
        )
        .await;
    })
    .await;
    assert_eq!(notes_in(&dirs.vault()).len(), 1);
}

#[tokio::test]
async fn the_editor_keeps_its_own_keys() {
    let dirs = Dirs::new();
    with_app(&dirs, |app| async move {
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find(BRIEF_READY).await;
        app.chord(&[CTRL, 's']).await;
        app.find(SAVED).await;
        let content = "[data-testid=note-editor] .cm-content";
        // A click on one line of the note: the centre of the whole (long) content can lie
        // under the Properties panel above the editor's scrolled view.
        let editor = app.find(EDITOR_LINE).await;
        app.click_element(&editor, "the editor").await;
        app.chord(&[CTRL, key(Key::End)]).await;
        app.type_text(&format!(" {MARK}")).await;
        let has_mark =
            format!("return document.querySelector('{content}').textContent.includes('{MARK}');");
        app.wait_until("the typed word in the editor", &has_mark)
            .await;
        // Typing pauses so the next edit is its own undo step.
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;

        // Ctrl+A selects the editor's text, not the page: typing replaces exactly the note.
        app.chord(&[CTRL, 'a']).await;
        app.type_text("Q").await;
        app.wait_until(
            "the note replaced by one letter",
            &format!("return document.querySelector('{content}').textContent === 'Q';"),
        )
        .await;
        // Ctrl+Z is the editor's undo: the note comes back, then the typed word goes.
        app.chord(&[CTRL, 'z']).await;
        app.wait_until("the note back after Ctrl+Z", &has_mark)
            .await;
        app.chord(&[CTRL, 'z']).await;
        app.wait_until(
            "the typed word undone",
            &format!(
                "const t = document.querySelector('{content}').textContent;
                 return !t.includes('{MARK}') && t.length > 100;"
            ),
        )
        .await;
        // Ctrl+Shift+Z redoes it; the global shortcuts did not react to any of these keys.
        app.chord(&[CTRL, SHIFT, 'z']).await;
        app.wait_until("the typed word redone", &has_mark).await;
        let dialogs = app
            .run(
                "return document.querySelectorAll('dialog[open]').length;",
                vec![],
            )
            .await;
        assert_eq!(dialogs, serde_json::json!(0), "a shortcut opened a dialog");
        // Ctrl+S from inside the editor is still the app's save (the editor has no Ctrl+S).
        app.chord(&[CTRL, 's']).await;
        app.find(SAVED).await;
    })
    .await;
    let notes = notes_in(&dirs.vault());
    assert_eq!(notes.len(), 1);
    let text = std::fs::read_to_string(&notes[0]).unwrap();
    assert!(text.contains(MARK), "the redone word was not saved");
}

/// The same keys pressed on the X server's keyboard (XTEST), so they pass through GTK before
/// the page: no menu accelerator takes them from the editor, and the shortcuts still work.
#[tokio::test]
async fn keys_from_the_x_keyboard_reach_the_editor_and_the_shortcuts() {
    use crate::x11::xtest::{Keyboard, keysym};
    let dirs = Dirs::new();
    let config = dirs.config();
    with_app(&dirs, move |app| async move {
        app.wait_until(
            "the window to be visible",
            "return document.visibilityState === 'visible';",
        )
        .await;
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find(BRIEF_READY).await;
        app.click("[data-testid=save-button]").await;
        app.find(SAVED).await;
        let content = "[data-testid=note-editor] .cm-content";
        // A click on one line of the note: the centre of the whole (long) content can lie
        // under the Properties panel above the editor's scrolled view.
        let editor = app.find(EDITOR_LINE).await;
        app.click_element(&editor, "the editor").await;
        let keys = tokio::task::spawn_blocking(|| Keyboard::focus("Attaché"))
            .await
            .unwrap()
            .unwrap_or_else(|e| panic!("cannot use the X keyboard: {e}"));
        let keys = std::sync::Arc::new(keys);
        let press = |syms: Vec<u32>| {
            let keys = keys.clone();
            async move {
                tokio::task::spawn_blocking(move || keys.chord(&syms))
                    .await
                    .unwrap()
                    .unwrap_or_else(|e| panic!("XTEST failed: {e}"));
            }
        };
        let ctrl = keysym::CONTROL;
        press(vec![ctrl, keysym::END]).await;
        for c in format!(" {MARK}").chars() {
            press(vec![u32::from(c)]).await;
        }
        let has_mark =
            format!("return document.querySelector('{content}').textContent.includes('{MARK}');");
        app.wait_until("the word typed on the X keyboard", &has_mark)
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        // Ctrl+A and Ctrl+Z are the editor's.
        press(vec![ctrl, u32::from('a')]).await;
        press(vec![u32::from('q')]).await;
        app.wait_until(
            "the note replaced by one letter",
            &format!("return document.querySelector('{content}').textContent === 'q';"),
        )
        .await;
        press(vec![ctrl, u32::from('z')]).await;
        app.wait_until("the note back after Ctrl+Z", &has_mark)
            .await;
        // F1 and Esc: the app's.
        press(vec![keysym::F1]).await;
        dialog_open(&app, "help-panel").await;
        press(vec![keysym::ESCAPE]).await;
        app.wait_until(
            "the help to close",
            "return !document.querySelector('dialog[data-testid=help-panel]').open;",
        )
        .await;
        // Ctrl+S saves the note; Ctrl+Q quits through the event loop (window state saved).
        press(vec![ctrl, u32::from('s')]).await;
        app.find(SAVED).await;
        press(vec![ctrl, u32::from('q')]).await;
        let needle = config.as_os_str().as_encoded_bytes().to_vec();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !crate::support::app_pids(&needle).is_empty() {
            assert!(std::time::Instant::now() < deadline, "Ctrl+Q did not quit");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(config.join("window-state.json").is_file());
    })
    .await;
    let notes = notes_in(&dirs.vault());
    let text = std::fs::read_to_string(&notes[0]).unwrap();
    assert!(
        text.contains(MARK),
        "the word typed on the X keyboard was not saved"
    );
}
