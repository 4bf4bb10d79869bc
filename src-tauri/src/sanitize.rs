//! Markdown to HTML that is safe to put into the page: the vault's export pipeline
//! (pulldown-cmark, then ammonia), with its limits checked first so a hostile note cannot
//! stall the preview, and without element ids (an id from a note could shadow one of the
//! page's own names).

use attache_vault::export::{self, Policy};

use crate::error::{AppError, ErrorCode};

/// How the preview sanitises: front matter hidden, no ids, no images from elsewhere.
const PREVIEW: Policy = Policy {
    ids: false,
    remote_images: false,
    skip_front_matter: true,
};

/// Renders `markdown` (front matter skipped) to sanitised HTML.
///
/// # Errors
/// `too_large` when the note is larger or nests deeper than can be sanitised quickly, saying
/// where.
pub fn markdown_to_safe_html(markdown: &str) -> Result<String, AppError> {
    export::markdown_to_safe_html(markdown, PREVIEW)
        .map_err(|e| AppError::new(ErrorCode::TooLarge, format!("Cannot preview: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        markdown_to_safe_html(md).expect("renders")
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = html(
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
        let html = html("---\nid: abc\ntitle: T\n---\n# Heading\n\nText.[^1]\n\n[^1]: Source.\n");
        assert!(!html.contains("id: abc"), "{html}");
        assert!(html.contains("<h1>Heading</h1>"), "{html}");
        assert!(html.contains("Source."), "{html}");
    }

    #[test]
    fn safe_links_keep_their_target_and_images_do_not_call_home() {
        let html = html("[r](https://example.org/a) ![p](https://tracker.example/p.png)");
        assert!(html.contains("href=\"https://example.org/a\""), "{html}");
        assert!(html.contains("noopener"), "{html}");
        assert!(!html.contains("tracker.example"), "{html}");
    }

    #[test]
    fn no_ids_reach_the_page() {
        let html = html("Text.[^1]\n\n[^1]: Source.\n\n<a id=\"ipc\" name=\"x\">a</a>");
        assert!(!html.contains(" id="), "{html}");
    }

    #[test]
    fn a_deeply_nested_note_is_refused_with_its_line() {
        let md = format!("# T\n\n{}x\n", ">".repeat(100_000));
        let e = markdown_to_safe_html(&md).unwrap_err();
        assert_eq!(e.code, ErrorCode::TooLarge);
        assert!(e.message.contains("line 3"), "{}", e.message);
    }
}
