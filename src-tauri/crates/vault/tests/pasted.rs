//! Pasted text is read as the same text opened from a file: the result of
//! `import::read_pasted` equals `import::read_importable` on a file holding those bytes.

use attache_vault::import::{read_importable, read_pasted};

const PARAGRAPH: &str = "Foreign Minister Anna Berg said on Monday that Norway would host the next round of talks in Geneva, and that delegations were expected in January.";

fn page() -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Talks in Geneva | Example News</title>\
         <meta property=\"og:site_name\" content=\"Example News\">\
         <meta property=\"article:published_time\" content=\"2025-10-16T08:00:00Z\">\
         <link rel=\"canonical\" href=\"https://news.example/talks\"></head>\
         <body><article><h1>Talks in Geneva</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
    )
}

fn as_file(name: &str, text: &str) -> attache_vault::import::ImportedText {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    read_importable(&path).unwrap()
}

#[test]
fn pasted_html_source_is_read_like_an_opened_html_file() {
    let html = page();
    let pasted = read_pasted(&html);
    assert_eq!(pasted, as_file("page.html", &html));
    assert_eq!(pasted.published.as_deref(), Some("2025-10-16"));
    assert!(!pasted.text.contains("<!DOCTYPE"), "{}", pasted.text);
}

#[test]
fn pasted_front_matter_is_read_like_an_opened_markdown_file() {
    let md = format!(
        "---\ntitle: Talks in Geneva\npublished: 2025-10-16\nsource: https://news.example/talks\n---\n{PARAGRAPH}\n"
    );
    let pasted = read_pasted(&md);
    assert_eq!(pasted, as_file("article.md", &md));
    assert_eq!(pasted.title.as_deref(), Some("Talks in Geneva"));
    assert_eq!(pasted.published.as_deref(), Some("2025-10-16"));
}

#[test]
fn other_pasted_text_is_kept_as_it_is_for_the_engine_to_read_its_header() {
    let text = format!("Talks in Geneva\nPublished: 2025-10-16\n\n{PARAGRAPH}\n");
    let pasted = read_pasted(&text);
    assert_eq!(pasted, as_file("article.txt", &text));
    assert_eq!(pasted.text, text);
    // The engine reads the `Published:` line, as for an opened file.
    let brief = attache_engine::draft(&pasted.text, &Default::default()).unwrap();
    assert_eq!(brief.source.published.as_deref(), Some("2025-10-16"));
}
