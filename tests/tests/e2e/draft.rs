//! Issue 2's flow: paste an article, press Draft, see the brief.

use crate::support::{Dirs, with_app};

/// Our own article (written for these tests): two named speakers with quotes, a pronoun
/// attribution, an unnamed official, an undecided matter and a relative date.
const ARTICLE: &str = include_str!("article.txt");

const BRIEF_READY: &str = "[data-testid=brief][data-state=ready]";

#[tokio::test]
async fn paste_and_draft_shows_parties_positions_and_questions() {
    let dirs = Dirs::new();
    with_app(&dirs, |app| async move {
        app.set_value("[data-testid=article-input]", ARTICLE).await;
        app.click("[data-testid=draft-button]").await;
        app.find(BRIEF_READY).await;

        let parties = app.texts("[data-testid=parties] [data-testid=party]").await;
        for name in ["Anna Berg", "Jon Magnusson"] {
            assert!(
                parties.iter().any(|p| p.contains(name)),
                "party {name} missing from {parties:?}"
            );
        }
        let positions = app
            .texts("[data-testid=positions] [data-testid=position]")
            .await;
        assert!(
            positions.iter().any(|p| p.contains("We are ready to sign")),
            "Berg's quote missing from {positions:?}"
        );
        assert!(
            positions
                .iter()
                .any(|p| p.contains("without any certainty")),
            "Magnusson's quote (attributed through “he”) missing from {positions:?}"
        );
        let questions = app
            .texts("[data-testid=questions] [data-testid=question]")
            .await;
        assert!(!questions.is_empty(), "no open question shown");
    })
    .await;
}

#[tokio::test]
async fn ctrl_enter_drafts_and_an_empty_article_shows_the_error() {
    let dirs = Dirs::new();
    with_app(&dirs, |app| async move {
        app.set_value("[data-testid=article-input]", "   \n  ")
            .await;
        app.click("[data-testid=draft-button]").await;
        app.find("[data-testid=brief][data-state=error]").await;
        let error = app.find("[data-testid=error]").await.text().await.unwrap();
        assert!(
            error.to_lowercase().contains("empty"),
            "the error should say the article is empty: {error:?}"
        );

        app.set_value("[data-testid=article-input]", ARTICLE).await;
        let input = app.find("[data-testid=article-input]").await;
        // Ctrl+Enter from the article field does what the Draft button does.
        input
            .send_keys(&format!(
                "{}{}",
                fantoccini::key::Key::Control,
                fantoccini::key::Key::Enter
            ))
            .await
            .unwrap();
        app.find(BRIEF_READY).await;
    })
    .await;
}

#[tokio::test]
async fn the_sample_article_drafts() {
    let dirs = Dirs::new();
    with_app(&dirs, |app| async move {
        app.click("[data-testid=sample-button]").await;
        app.wait_until(
            "the sample article in the input",
            "return document.querySelector('[data-testid=article-input]').value.length > 200;",
        )
        .await;
        app.click("[data-testid=draft-button]").await;
        app.find(BRIEF_READY).await;
        let parties = app.all("[data-testid=parties] [data-testid=party]").await;
        assert!(
            parties.len() >= 2,
            "the sample should name at least two parties"
        );
    })
    .await;
}
