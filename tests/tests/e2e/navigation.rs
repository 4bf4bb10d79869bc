//! Issue 14: a link clicked in the note preview opens in the system browser and never
//! replaces the app; a link to anything else does nothing.

use fantoccini::key::Key;

use crate::support::{App, Dirs, with_app};

const ARTICLE: &str = include_str!("article.txt");
const SAVED: &str = "[data-testid=save-state][data-state=saved]";

async fn link_in_preview(app: &App, href: &str) {
    app.wait_until(
        "the link in the preview",
        &format!(
            "return !!document.querySelector('[data-testid=note-preview] a[href=\"{href}\"]');"
        ),
    )
    .await;
    // The preview is replaced after each edit: click once it has settled (the note saved).
    app.find(SAVED).await;
    let link = app
        .find(&format!("[data-testid=note-preview] a[href=\"{href}\"]"))
        .await;
    app.click_element(&link, href).await;
}

async fn still_the_app(app: &App) {
    app.wait_until(
        "the app's own page",
        "return location.protocol === 'tauri:' && location.pathname === '/' && !!document.querySelector('[data-testid=note-preview]');",
    )
    .await;
}

#[tokio::test]
async fn a_clicked_link_opens_outside_and_the_app_stays() {
    let dirs = Dirs::new();
    let opened = dirs.opened();
    with_app(&dirs, |app| async move {
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find("[data-testid=brief][data-state=ready]").await;
        app.click("[data-testid=save-button]").await;
        app.find(SAVED).await;
        let editor = app.find("[data-testid=note-editor] .cm-content").await;
        editor
            .send_keys(&format!("{}{}", Key::Control, Key::End))
            .await
            .unwrap();
        editor
            .send_keys("\n[the source](https://example.org/attache-nav) and [a note](Other.md)\n")
            .await
            .unwrap();
        link_in_preview(&app, "https://example.org/attache-nav").await;
        still_the_app(&app).await;
        link_in_preview(&app, "Other.md").await;
        still_the_app(&app).await;
        let text = app
            .run(
                "return document.querySelector('[data-testid=note-preview]').textContent;",
                vec![],
            )
            .await;
        assert!(text.as_str().unwrap().contains("the source"), "{text}");
    })
    .await;
    let recorded = std::fs::read_to_string(&opened).unwrap_or_default();
    assert_eq!(
        recorded.trim(),
        "https://example.org/attache-nav",
        "{recorded:?}"
    );
}
