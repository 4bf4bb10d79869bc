//! Issue 15's export in the real window: the export dialog writes a Word document with the
//! note's marking in the header and footer of its pages, read back from the file, and copies
//! the note to the clipboard as rich text.

use std::io::Read;

use crate::support::{App, Dirs, with_app};

const ARTICLE: &str = include_str!("article.txt");
const BRIEF_READY: &str = "[data-testid=brief][data-state=ready]";
const SAVED: &str = "[data-testid=save-state][data-state=saved]";

async fn draft_and_save(app: &App) {
    app.set_value("[data-testid=article-input]", ARTICLE).await;
    app.click("[data-testid=draft-button]").await;
    app.find(BRIEF_READY).await;
    app.click("[data-testid=save-button]").await;
    app.find(SAVED).await;
}

/// The named part of a .docx archive, as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("the export is a zip archive");
    let mut f = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("the .docx has no {name}"));
    let mut s = String::new();
    f.read_to_string(&mut s).expect("an XML part");
    s
}

/// The words of `w:t` elements in an XML part.
fn words(xml: &str) -> String {
    xml.split("<w:t")
        .skip(1)
        .filter_map(|c| {
            c.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</w:t>"))
        })
        .map(|(t, _)| t)
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn the_export_dialog_writes_word_with_the_marking_in_header_and_footer() {
    let dirs = Dirs::new();
    with_app(&dirs, |app| async move {
        draft_and_save(&app).await;
        app.click("[data-testid=export-button]").await;
        app.find("[data-testid=export-dialog][open]").await;
        app.click("[data-testid=export-docx]").await;
        app.click("[data-testid=export-save]").await;
        let message = app
            .find("[data-testid=export-message]")
            .await
            .text()
            .await
            .unwrap();
        assert!(message.contains("Exported to"), "export failed: {message}");
        assert!(message.ends_with(".docx"), "{message}");
        // Copy as rich text reaches the system clipboard (text/html and text/plain on X11).
        app.click("[data-testid=export-copy-rich]").await;
        app.wait_until(
            "the rich text copied",
            "const m = document.querySelector('[data-testid=export-message]');
             return !!m && m.textContent.includes('Copied as rich text');",
        )
        .await;
    })
    .await;

    let exported: Vec<_> = std::fs::read_dir(dirs.picks())
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert_eq!(exported.len(), 1, "one exported file, found {exported:?}");
    assert_eq!(
        exported[0].extension().and_then(|e| e.to_str()),
        Some("docx")
    );
    let docx = std::fs::read(&exported[0]).unwrap();

    // The marking the note was saved with.
    let note = std::fs::read_dir(dirs.vault())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("the saved note");
    let text = std::fs::read_to_string(note).unwrap();
    let marking = text
        .lines()
        .find_map(|l| l.strip_prefix("classification:"))
        .map(|m| m.trim().trim_matches('"').to_owned())
        .expect("the note has a marking");
    assert!(!marking.is_empty());

    assert_eq!(words(&part(&docx, "word/header1.xml")).trim(), marking);
    assert_eq!(words(&part(&docx, "word/footer1.xml")).trim(), marking);
    let body = words(&part(&docx, "word/document.xml"));
    for section in [
        "Bottom line",
        "Parties",
        "Positions",
        "Open questions",
        "Key dates",
    ] {
        assert!(
            body.contains(section),
            "{section} is missing from the document: {body}"
        );
    }
    let notes = part(&docx, "word/footnotes.xml");
    assert!(
        notes.contains("<w:footnoteRef/>"),
        "the source sentences are footnotes"
    );
}
