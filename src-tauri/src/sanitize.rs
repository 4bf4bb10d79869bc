//! Markdown to HTML that is safe to put into the page: pulldown-cmark renders, ammonia
//! removes scripts, event handlers, `javascript:` links and anything else not on its list.

use pulldown_cmark::{Options, Parser, html};

/// Renders `markdown` (front matter skipped) to sanitised HTML.
#[must_use]
pub fn markdown_to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "mailto"].into())
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = markdown_to_safe_html(
            "# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
             [click](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a>\n",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("<h1>T</h1>"), "{html}");
    }

    #[test]
    fn front_matter_is_not_shown_and_footnotes_render() {
        let html = markdown_to_safe_html(
            "---\nid: abc\ntitle: T\n---\n# Heading\n\nText.[^1]\n\n[^1]: Source.\n",
        );
        assert!(!html.contains("id: abc"), "{html}");
        assert!(html.contains("<h1>Heading</h1>"), "{html}");
        assert!(html.contains("Source."), "{html}");
    }

    #[test]
    fn safe_links_keep_their_target() {
        let html = markdown_to_safe_html("[r](https://example.org/a)");
        assert!(html.contains("href=\"https://example.org/a\""), "{html}");
        assert!(html.contains("noopener"), "{html}");
    }
}
