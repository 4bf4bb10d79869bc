//! Helpers shared by the vault's integration tests.
#![allow(dead_code)]

use attache_engine::Brief;
use attache_vault::{NewNote, OpenNote, Vault};

pub const ARTICLE: &str = "Talks in Geneva\n\nForeign Minister Anna Berg said on Monday that Norway would host the next round. “We are ready,” she said.\n";

/// A brief as the engine would draft it for [`ARTICLE`], built from JSON so the tests keep
/// compiling when the engine gains optional fields.
pub fn brief(title: &str, published: Option<&str>, party: &str) -> Brief {
    let text = ARTICLE;
    let name_at = text.find("Anna Berg").unwrap();
    let content = "We are ready";
    let c = text.find(content).unwrap();
    serde_json::from_value(serde_json::json!({
        "schema": "attache.brief/1",
        "title": title,
        "title_span": null,
        "source": {"published": published, "published_from": published.map(|_| "option"), "url": null, "outlet": null, "title": null},
        "bottom_line": [],
        "parties": [{"id": "p1", "name": party, "kind": "person", "role": "Foreign Minister", "affiliation": "Norway",
                      "aliases": [party.rsplit(' ').next().unwrap_or(party)], "mentions": [[name_at, name_at + 9]]}],
        "positions": [{"speaker": party, "party": "p1", "kind": "quote", "text": content, "cue": "said", "issue": "talks",
                        "stance": "support", "content_span": [c, c + content.len()], "cue_span": null, "source_span": null,
                        "sentence_span": [c, text.len()]}],
        "open_questions": [],
        "key_dates": [],
        "stats": {"bytes": text.len(), "words": 20, "sentences": 2}
    }))
    .expect("the test brief matches the engine's Brief")
}

pub fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path().join("vault")).unwrap();
    (dir, vault)
}

pub fn create(vault: &Vault, title: &str, published: Option<&str>) -> OpenNote {
    vault
        .create(
            &brief(title, published, "Anna Berg"),
            ARTICLE,
            &NewNote::default(),
        )
        .unwrap()
}
