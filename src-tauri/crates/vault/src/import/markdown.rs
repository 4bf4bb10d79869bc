//! A Markdown article: its front matter gives the title and source; the body is the text.

use super::ImportedText;
use crate::frontmatter::{self, FrontMatter};

/// The body of a Markdown file (front matter removed), with the title and source URL its
/// front matter (or first `# ` heading) gives.
#[must_use]
pub fn markdown_article(text: &str) -> ImportedText {
    let (fm, body) = match frontmatter::split(text) {
        Ok(sp) => (
            sp.yaml
                .and_then(|y| FrontMatter::parse(y).ok())
                .unwrap_or_default(),
            sp.body,
        ),
        Err(_) => (FrontMatter::default(), text),
    };
    let title = fm.str("title").or_else(|| {
        body.lines()
            .find_map(|l| l.strip_prefix("# "))
            .map(|t| t.trim().to_owned())
    });
    let source_url = fm
        .str("source")
        .or_else(|| fm.str("url"))
        .filter(|u| u.starts_with("http"));
    ImportedText {
        text: body.to_owned(),
        title,
        source_url,
        outlet: fm.str("outlet"),
        published: fm
            .str("published")
            .or_else(|| fm.str("date"))
            .as_deref()
            .and_then(super::date::day),
        byline: fm.str("author"),
    }
}
