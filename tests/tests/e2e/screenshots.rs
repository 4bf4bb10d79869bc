//! README screenshots of the real window (run by tests/scripts/screenshot.sh, not by the
//! end-to-end suite: `#[ignore]`). PNGs go to `ATTACHE_SCREENSHOT_DIR`.

use std::path::PathBuf;

use crate::support::{App, Dirs, with_app};

async fn save(app: &App, name: &str) {
    let dir = PathBuf::from(
        std::env::var_os("ATTACHE_SCREENSHOT_DIR")
            .expect("ATTACHE_SCREENSHOT_DIR names the folder for the screenshots"),
    );
    std::fs::create_dir_all(&dir).unwrap();
    let png = app.screenshot().await;
    let path = dir.join(name);
    std::fs::write(&path, png).unwrap();
    println!("wrote {}", path.display());
}

#[tokio::test]
#[ignore = "writes README screenshots; run by tests/scripts/screenshot.sh"]
async fn readme() {
    let dirs = Dirs::new();
    with_app(&dirs, |app| async move {
        save(&app, "first-run.png").await;
        app.click("[data-testid=sample-button]").await;
        app.wait_until(
            "the sample article",
            "return document.querySelector('[data-testid=article-input]').value.length > 200;",
        )
        .await;
        app.click("[data-testid=draft-button]").await;
        app.find("[data-testid=brief][data-state=ready]").await;
        app.click("[data-testid=positions] [data-testid=position] button.pick")
            .await;
        app.find("[data-testid=source-highlight]").await;
        app.click("[data-testid=save-button]").await;
        app.find("[data-testid=save-state][data-state=saved]").await;
        // Let the preview and the library settle before the picture.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        save(&app, "workspace.png").await;
    })
    .await;
}
