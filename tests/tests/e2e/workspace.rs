//! Issue 15's workspace guarantees in the real window: the first save keeps the caret; a draft
//! edited before its first save is written with its `id`, the settings' marking and author,
//! and reopens with its provenance; a pasted article's `Published:` line resolves its dates; a
//! rename from the Properties panel moves the file, the H1 and the title and keeps links.

use fantoccini::key::Key;

use crate::support::{App, Dirs, with_app};

const ARTICLE: &str = include_str!("article.txt");
const BRIEF_READY: &str = "[data-testid=brief][data-state=ready]";
const SAVED: &str = "[data-testid=save-state][data-state=saved]";
const MARK: &str = "quillzephyr";
/// The editor's state, read through CodeMirror's view on its content element (the tile
/// CodeMirror keeps on it, as `EditorView.findFromDOM` does).
const CARET: &str = "const c = document.querySelector('[data-testid=note-editor] .cm-content');
     const v = c.cmTile ? c.cmTile.root.view : c.cmView.view;
     const head = v.state.selection.main.head;
     return { head, text: v.state.doc.toString(), length: v.state.doc.length,
              before: v.state.doc.sliceString(Math.max(0, head - 40), head),
              scroll: v.scrollDOM.scrollTop };";

fn settings(dirs: &Dirs) {
    std::fs::create_dir_all(dirs.config()).unwrap();
    std::fs::write(
        dirs.config().join("settings.json"),
        br#"{"default_classification": "TLP:AMBER", "author": "Ada Analyst"}"#,
    )
    .unwrap();
}

/// Drafts the test article and types [`MARK`] at the end of the unsaved draft's note.
async fn draft_and_type(app: &App) {
    app.set_value("[data-testid=article-input]", ARTICLE).await;
    app.click("[data-testid=draft-button]").await;
    app.find(BRIEF_READY).await;
    let editor = app.find("[data-testid=note-editor] .cm-content").await;
    editor
        .send_keys(&format!("{}{}", Key::Control, Key::End))
        .await
        .unwrap();
    editor
        .send_keys(&format!("\nAnalyst comment: {MARK}."))
        .await
        .unwrap();
    app.wait_until(
        "the comment in the editor",
        &format!(
            "return document.querySelector('[data-testid=note-editor] .cm-content').textContent.includes('{MARK}');"
        ),
    )
    .await;
}

fn note_files(dirs: &Dirs) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dirs.vault())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect()
}

#[tokio::test]
async fn the_first_save_keeps_the_caret_and_writes_id_marking_and_author() {
    let dirs = Dirs::new();
    settings(&dirs);
    with_app(&dirs, |app| async move {
        draft_and_type(&app).await;
        // The marking shown while drafting is the settings' one.
        let before = app.run(CARET, vec![]).await;
        let text = before["text"].as_str().unwrap().to_owned();
        assert!(text.contains("classification: TLP:AMBER"), "{text}");
        let typed_at = before["before"].as_str().unwrap().to_owned();
        assert!(typed_at.ends_with(&format!("{MARK}.")), "{typed_at:?}");

        app.chord(&['\u{E009}', 's']).await;
        app.find(SAVED).await;
        let after = app.run(CARET, vec![]).await;
        let text = after["text"].as_str().unwrap().to_owned();
        let head = after["head"].as_u64().unwrap();
        assert!(head > 0, "the caret went to the top");
        assert_eq!(
            after["before"].as_str().unwrap(),
            typed_at,
            "the caret moved from after the comment: {head} of {}",
            after["length"]
        );
        let (scroll_before, scroll_after) = (
            before["scroll"].as_f64().unwrap(),
            after["scroll"].as_f64().unwrap(),
        );
        assert!(
            scroll_before < 1.0 || scroll_after > 0.0,
            "the scroll went to the top ({scroll_before} → {scroll_after})"
        );
        assert!(
            text.contains("\nid: "),
            "the editor shows the id the vault wrote"
        );
    })
    .await;

    let files = note_files(&dirs);
    assert_eq!(files.len(), 1, "one note in the vault");
    let saved = std::fs::read_to_string(&files[0]).unwrap();
    let fm = attache_vault::frontmatter::FrontMatter::of_note(&saved).unwrap();
    let id = fm.str("id").expect("an id");
    assert!(
        id.len() == 36 && id.matches('-').count() == 4,
        "the id is no UUID: {id}"
    );
    assert_eq!(fm.str("classification").as_deref(), Some("TLP:AMBER"));
    assert_eq!(fm.str("author").as_deref(), Some("Ada Analyst"));
    assert!(saved.contains(MARK), "the edit was not saved:\n{saved}");

    // Reopened after a restart, the note has its article and draft back.
    with_app(&dirs, |app| async move {
        app.click("[data-testid=notes] [data-testid=note-item]")
            .await;
        app.find(BRIEF_READY).await;
        // The stored draft's positions point into the stored article again.
        app.click("[data-testid=positions] [data-testid=position] button.pick")
            .await;
        let mark = app.find("[data-testid=source-highlight]").await;
        assert!(!mark.text().await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_pasted_article_with_a_published_line_resolves_its_dates() {
    let dirs = Dirs::new();
    with_app(&dirs, |app| async move {
        let (title, body) = ARTICLE.split_once('\n').unwrap();
        let pasted = format!("{title}\nPublished: 2025-10-16\n{body}");
        app.set_value("[data-testid=article-input]", &pasted).await;
        app.click("[data-testid=draft-button]").await;
        app.find(BRIEF_READY).await;
        let resolved = app
            .run(
                "return [...document.querySelectorAll('[data-testid=dates] [data-testid=date-resolved]')]
                   .map(d => d.dataset.iso);",
                vec![],
            )
            .await;
        let resolved: Vec<String> = serde_json::from_value(resolved).unwrap();
        assert!(!resolved.is_empty(), "no key dates shown");
        // "on Monday" is the Monday before the Published date, not one of this year's.
        assert!(
            resolved.iter().any(|d| d.starts_with("2025-10")),
            "no date resolved against the Published line: {resolved:?}"
        );
        assert!(
            resolved.iter().filter(|d| !d.is_empty()).count() * 2 >= resolved.len(),
            "most dates stay unresolved: {resolved:?}"
        );
        // Without the date, the source details would ask for it; with it, they do not.
        let asks = app
            .run(
                "return document.getElementById('meta-published-help').textContent.includes('Give the publication date');",
                vec![],
            )
            .await;
        assert_eq!(asks, serde_json::Value::Bool(false));
    })
    .await;
}

/// The one `.md` file in `vault` whose name does not start with `other`.
fn renamed_note(vault: &std::path::Path, other: &str) -> Option<std::path::PathBuf> {
    std::fs::read_dir(vault)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.extension().is_some_and(|x| x == "md")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(other))
        })
}

#[tokio::test]
async fn a_rename_from_the_title_field_moves_file_h1_and_title_and_keeps_links() {
    let dirs = Dirs::new();
    let vault = dirs.vault();
    // A first session writes the note; another note that links to it is then written on disk
    // (as Obsidian would), so the vault has seen it when the second session starts.
    with_app(&dirs, |app| async move {
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find(BRIEF_READY).await;
        app.click("[data-testid=save-button]").await;
        app.find(SAVED).await;
    })
    .await;
    let old = renamed_note(&vault, "Reading list").expect("the saved note");
    let old_stem = old.file_stem().unwrap().to_string_lossy().into_owned();
    std::fs::write(
        vault.join("Reading list.md"),
        format!("# Reading list\n\nSee [[{old_stem}]] and [[{old_stem}|the talks]].\n"),
    )
    .unwrap();
    let new_title = "Arctic fisheries talks renamed";
    let vault2 = vault.clone();
    with_app(&dirs, move |app| async move {
        app.wait_until(
            "both notes in the library",
            "return document.querySelectorAll('[data-testid=notes] [data-testid=note-item]').length === 2;",
        )
        .await;
        // A restart reopens the last note: the drafted one.
        app.wait_until(
            "the drafted note open, its title in the Properties panel",
            "const t = document.querySelector('[data-testid=prop-title]');
             return !!t && t.value.startsWith('Nordic ministers');",
        )
        .await;
        app.find(SAVED).await;
        let title = app.find("[data-testid=prop-title]").await;
        app.run(
            "const el = arguments[0]; el.focus(); el.select();",
            vec![serde_json::to_value(&title).unwrap()],
        )
        .await;
        title.send_keys(new_title).await.unwrap();
        title.send_keys(&Key::Enter.to_string()).await.unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let renamed = renamed_note(&vault2, "Reading list")
                .filter(|p| p.to_string_lossy().contains(new_title));
            if renamed.is_some() {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the file was not renamed to the new title"
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    })
    .await;
    let new = renamed_note(&vault, "Reading list").expect("the renamed note");
    let new_stem = new.file_stem().unwrap().to_string_lossy().into_owned();
    let listing: Vec<String> = std::fs::read_dir(&vault)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!old.exists(), "the old name is gone: {listing:?}");
    let text = std::fs::read_to_string(&new).unwrap();
    assert!(
        text.contains(&format!("title: {new_title}"))
            || text.contains(&format!("title: \"{new_title}\"")),
        "the front matter's title follows:\n{text}"
    );
    assert!(
        text.contains(&format!("\n# {new_title}\n")),
        "the H1 follows:\n{text}"
    );
    let list = std::fs::read_to_string(vault.join("Reading list.md")).unwrap();
    assert_eq!(
        list,
        format!("# Reading list\n\nSee [[{new_stem}]] and [[{new_stem}|the talks]].\n"),
        "the other note's links follow the new name"
    );
}
