//! Issues 13 and 15 in the real window: the draft pane groups positions under their issue with a
//! "Where the parties stand" table, provenance works from every line, draft-pane edits reach
//! the saved note, a re-draft keeps them, and a removal can be undone.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::support::{App, Dirs, STEP_TIMEOUT, with_app};

const ARTICLE: &str = include_str!("article.txt");
const BRIEF_READY: &str = "[data-testid=brief][data-state=ready]";
const SAVED: &str = "[data-testid=save-state][data-state=saved]";
const POSITION: &str = "[data-testid=positions] [data-testid=position]";

async fn draft_and_save(app: &App) {
    app.set_value("[data-testid=article-input]", ARTICLE).await;
    app.click("[data-testid=draft-button]").await;
    app.find(BRIEF_READY).await;
    app.click("[data-testid=save-button]").await;
    app.find(SAVED).await;
}

/// The one note in `vault`, as on disk.
fn note_text(vault: &Path) -> String {
    let notes: Vec<PathBuf> = std::fs::read_dir(vault)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    assert_eq!(notes.len(), 1, "one note in the vault: {notes:?}");
    std::fs::read_to_string(&notes[0]).unwrap()
}

/// The footnote labels the note's position lines end in (`p3` for `…[^p3]`).
fn position_labels(note: &str) -> Vec<String> {
    note.lines()
        .filter(|l| !l.starts_with("[^"))
        .filter_map(|l| {
            let at = l.rfind("[^p")?;
            let label = l[at + 2..].strip_suffix(']')?;
            label[1..]
                .chars()
                .all(|c| c.is_ascii_digit())
                .then(|| label.to_owned())
        })
        .collect()
}

/// Waits (the note autosaves after a pause) until the note on disk satisfies `ok`.
async fn wait_for_note(vault: &Path, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + STEP_TIMEOUT;
    loop {
        let text = note_text(vault);
        if ok(&text) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for the note on disk to {what}:\n{text}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The visible text of each position line, in the pane's order.
async fn position_texts(app: &App) -> Vec<String> {
    app.texts(&format!("{POSITION} [data-testid=position-text]"))
        .await
}

#[tokio::test]
async fn positions_are_grouped_under_issues_beside_the_stance_table() {
    let dirs = Dirs::new();
    with_app(&dirs, |app| async move {
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find(BRIEF_READY).await;

        // Every position sits in a group under an issue heading.
        let shape = app
            .run(
                "const groups = [...document.querySelectorAll('[data-testid=positions] [data-testid=issue-group]')];
                 return {
                   headings: [...document.querySelectorAll('[data-testid=positions] [data-testid=issue-heading]')]
                     .map(h => h.textContent.trim()),
                   grouped: groups.reduce((n, g) => n + g.querySelectorAll('[data-testid=position]').length, 0),
                   all: document.querySelectorAll('[data-testid=positions] [data-testid=position]').length,
                   afterHeading: groups.every(g => g.previousElementSibling?.dataset.testid === 'issue-heading'),
                 };",
                vec![],
            )
            .await;
        let headings = shape["headings"].as_array().unwrap();
        assert!(!headings.is_empty(), "no issue headings: {shape}");
        assert!(headings.iter().all(|h| !h.as_str().unwrap().is_empty()), "{shape}");
        assert_eq!(shape["grouped"], shape["all"], "a position outside its issue: {shape}");
        assert_eq!(shape["afterHeading"], json!(true), "{shape}");

        // The table: issues × principal parties, a stance word of the note's vocabulary in
        // each cell that has one.
        app.find("[data-testid=stance-table]").await;
        let parties = app.texts("[data-testid=stance-party]").await;
        assert!(
            parties.iter().any(|p| p.contains("Anna Berg")),
            "Berg is a principal party: {parties:?}"
        );
        let words = ["supports", "opposes", "conditional", "uncertain", "neutral"];
        let cells = app.texts("[data-testid=stance-cell]").await;
        assert!(cells.iter().any(|c| !c.is_empty()), "an empty table: {cells:?}");
        for cell in cells.iter().filter(|c| !c.is_empty()) {
            assert!(
                cell.split(", ").all(|w| words.contains(&w)),
                "a stance word outside the vocabulary: {cell:?}"
            );
        }

        // Provenance from every line: each position highlights its own sentence.
        let picks = app.all(&format!("{POSITION} button.pick")).await;
        let texts = position_texts(&app).await;
        for (pick, text) in picks.iter().zip(&texts) {
            app.click_element(pick, "a position").await;
            let mark = app.find("[data-testid=source-highlight]").await;
            let sentence = mark.text().await.unwrap();
            let words: Vec<&str> = text
                .trim_matches(|c| c == '“' || c == '”')
                .split_whitespace()
                .take(3)
                .collect();
            assert!(
                sentence.contains(&words.join(" ")),
                "the line {text:?} highlighted {sentence:?}"
            );
            // Deselect, so the next click selects (a click on the selected item toggles it off).
            app.click_element(pick, "the same position").await;
        }
        // A filled cell of the table shows its position's source too.
        app.click("[data-testid=stance-cell] button").await;
        app.find("[data-testid=source-highlight]").await;
    })
    .await;
}

#[tokio::test]
async fn a_redraft_keeps_removals_and_edits_in_the_pane_and_the_note() {
    let dirs = Dirs::new();
    let vault = dirs.vault();
    with_app(&dirs, |app| async move {
        draft_and_save(&app).await;
        let before = position_labels(&note_text(&vault));
        let texts = position_texts(&app).await;
        assert!(texts.len() >= 3, "the test article gives several positions: {texts:?}");

        // Remove the first position; set the stance of the (new) first one through its form.
        let removed = texts[0].clone();
        let removes = app.all(&format!("{POSITION} [data-testid=remove-item]")).await;
        app.click_element(&removes[0], "Remove").await;
        let edits = app.all(&format!("{POSITION} [data-testid=edit-item]")).await;
        app.click_element(&edits[0], "Edit").await;
        app.find("[data-testid=position-editor]").await;
        app.run(
            "const s = document.querySelector('[data-testid=edit-stance]');
             s.value = 'uncertain'; s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await;
        app.click("[data-testid=edit-done]").await;
        let edited = position_texts(&app).await[0].clone();

        let after_edits = wait_for_note(&vault, "lose one position line", |t| {
            position_labels(t).len() == before.len() - 1
        })
        .await;
        assert!(after_edits.contains("Uncertain") || after_edits.contains("uncertain"));

        // Re-draft the same article: the pane and the note keep both edits.
        app.click("[data-testid=article-input]").await;
        app.click("[data-testid=draft-button]").await;
        app.wait_until(
            "the re-draft",
            "return document.querySelector('[data-testid=undo-toast]')?.textContent.includes('Re-drafted');",
        )
        .await;
        let now = position_texts(&app).await;
        assert!(!now.contains(&removed), "the removed position came back: {now:?}");
        let at = now.iter().position(|t| *t == edited).expect("the edited position");
        let stances = app.texts(&format!("{POSITION} [data-testid=stance]")).await;
        assert_eq!(stances[at], "uncertain", "the stance edit was lost: {stances:?}");
        // Nothing new to write: the note is as the edits left it.
        app.find(SAVED).await;
        let after_redraft = note_text(&vault);
        assert_eq!(position_labels(&after_redraft), position_labels(&after_edits));
    })
    .await;
}

#[tokio::test]
async fn a_removal_is_undone_by_the_toast_and_by_ctrl_z() {
    let dirs = Dirs::new();
    let vault = dirs.vault();
    with_app(&dirs, |app| async move {
        draft_and_save(&app).await;
        let full = position_labels(&note_text(&vault));
        let count = position_texts(&app).await.len();

        let removes = app
            .all(&format!("{POSITION} [data-testid=remove-item]"))
            .await;
        app.click_element(&removes[1], "Remove").await;
        wait_for_note(&vault, "lose the line", |t| {
            position_labels(t).len() == full.len() - 1
        })
        .await;
        app.click("[data-testid=undo-button]").await;
        wait_for_note(&vault, "have the line back", |t| position_labels(t) == full).await;
        assert_eq!(position_texts(&app).await.len(), count);

        // Ctrl+Z with the focus on a line of the draft pane.
        let removes = app
            .all(&format!("{POSITION} [data-testid=remove-item]"))
            .await;
        app.click_element(&removes[0], "Remove").await;
        wait_for_note(&vault, "lose the first line", |t| {
            position_labels(t).len() == full.len() - 1
        })
        .await;
        let pick = app.find(&format!("{POSITION} button.pick")).await;
        app.click_element(&pick, "a position").await;
        app.chord(&['\u{E009}', 'z']).await;
        wait_for_note(&vault, "have the first line back", |t| {
            position_labels(t) == full
        })
        .await;
        assert_eq!(position_texts(&app).await.len(), count);
    })
    .await;
}
