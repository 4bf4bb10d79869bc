//! The article of a web page, as Mozilla's Readability finds it (dom_smoothie, on the
//! html5ever parser ammonia already brings), with the page's metadata: title, byline, site
//! name, publication date and canonical URL.
//!
//! The article's HTML is turned into text with dom_query's formatted-text mode (one paragraph a
//! block, blank lines between), after marking list items with a bullet (`• `, or `1. ` in an
//! ordered list) so that each item stays a sentence of its own. A page Readability finds no
//! article in (a link list, a very short page) gives the text of its body without scripts,
//! navigation, headers and footers.

use dom_query::{Document, Selection};
use dom_smoothie::{Article, Config, Readability};

use super::ImportedText;

/// Pages with more elements than this are read without Readability (its scoring is
/// quadratic in the worst case): such a page is a feed or an archive, not an article.
const MAX_ELEMENTS: usize = 200_000;

/// Elements never part of the readable text of a page without an article.
const NOT_TEXT: &str = "script, style, noscript, template, svg, nav, header, footer, aside, \
     form, button, select, iframe, object, canvas, menu, dialog";

/// Extracts the article of an HTML page and its metadata.
#[must_use]
pub fn html_article(html: &str) -> ImportedText {
    let doc = Document::from(html);
    let source_url = canonical_url(&doc);
    let headings: Vec<String> = doc
        .select("h1")
        .iter()
        .filter_map(|h| one_line(&h.text()))
        .collect();
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let parsed = Readability::with_document(doc, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok())
        // Readability already retries with looser rules and keeps its longest attempt, so a
        // short result is a short article; only nothing at all is read from the whole page.
        .filter(|a| !a.text_content.trim().is_empty());
    match parsed {
        Some(article) => from_article(&article, source_url, &headings),
        None => whole_page(html, source_url),
    }
}

fn from_article(article: &Article, canonical: Option<String>, headings: &[String]) -> ImportedText {
    let doc = Document::from(article.content.clone());
    let body = readable_text(&doc.select("body"));
    let first = body.lines().next().unwrap_or("").trim();
    let title = headline(
        one_line(&article.title),
        headings.iter().map(String::as_str).chain([first]),
    );
    ImportedText {
        text: with_title(title.as_deref(), &body),
        title,
        source_url: canonical.or_else(|| article.url.clone().filter(|u| is_web_url(u))),
        outlet: article.site_name.as_deref().and_then(one_line),
        published: article.published_time.as_deref().and_then(super::date::day),
        byline: article.byline.as_deref().and_then(one_line),
    }
}

/// The text of a page Readability found no article in.
fn whole_page(html: &str, source_url: Option<String>) -> ImportedText {
    let doc = Document::from(html);
    let title = doc
        .select("h1")
        .iter()
        .chain(doc.select("title").iter())
        .find_map(|s| one_line(&s.text()));
    doc.select(NOT_TEXT).remove();
    let body = readable_text(&doc.select("body"));
    ImportedText {
        text: with_title(title.as_deref(), &body),
        title,
        source_url,
        outlet: meta_content(&doc, "og:site_name"),
        published: meta_content(&doc, "article:published_time")
            .as_deref()
            .and_then(super::date::day),
        byline: meta_content(&doc, "author"),
    }
}

/// Formatted text of an element, list items marked so the sentence splitter ends each one.
fn readable_text(root: &Selection<'_>) -> String {
    for item in root.select("li").iter() {
        let parent = item.parent();
        if parent.is("ol") {
            let n = parent
                .children()
                .filter("li")
                .iter()
                .position(|li| li.is_selection(&item));
            item.prepend_html(format!("{}. ", n.map_or(1, |n| n + 1)));
        } else {
            item.prepend_html("• ");
        }
    }
    let text = root.formatted_text();
    let mut out = String::with_capacity(text.len() + 1);
    let mut blank = false;
    for line in text.lines().map(str::trim_end) {
        // A bullet whose item held only an image or a link that Readability dropped.
        if is_bare_marker(line.trim()) {
            continue;
        }
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_owned()
}

fn is_bare_marker(line: &str) -> bool {
    line == "•"
        || line
            .strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The page's title, or the page's headline (an `<h1>`, the article's first line) when the
/// title is that headline with more around it (the site's name, a section: "Talks in Geneva |
/// Example News").
fn headline<'a>(title: Option<String>, mut lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let t = title?;
    let inner = lines.find(|l| l.len() >= 8 && l.len() < t.len() && t.contains(l));
    Some(inner.map_or(t, str::to_owned))
}

/// The title line, a blank line, the body (without repeating a title the body opens with).
fn with_title(title: Option<&str>, body: &str) -> String {
    let mut text = String::with_capacity(body.len() + 128);
    if let Some(t) = title.filter(|t| !body.starts_with(*t)) {
        text.push_str(t);
        text.push_str("\n\n");
    }
    text.push_str(body);
    text.push('\n');
    text
}

/// `<link rel="canonical">`, else `og:url`: the page's address as its publisher gives it.
fn canonical_url(doc: &Document) -> Option<String> {
    doc.select("link[rel~=canonical]")
        .iter()
        .find_map(|l| l.attr("href").map(|h| h.trim().to_owned()))
        .filter(|u| is_web_url(u))
        .or_else(|| meta_content(doc, "og:url").filter(|u| is_web_url(u)))
}

fn meta_content(doc: &Document, property: &str) -> Option<String> {
    doc.select(&format!(
        "meta[property=\"{property}\"], meta[name=\"{property}\"]"
    ))
    .iter()
    .find_map(|m| m.attr("content").and_then(|c| one_line(&c)))
}

fn is_web_url(u: &str) -> bool {
    u.starts_with("https://") || u.starts_with("http://")
}

/// Whitespace collapsed to single spaces; `None` when nothing is left.
fn one_line(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPH: &str = "Foreign Minister Anna Berg said on Monday that Norway would host \
        the next round of talks between the two delegations, which diplomats expect to last a \
        week and to cover prisoners, the line of contact and the status of the port.";

    fn page(body: &str) -> String {
        format!(
            r#"<html><head><title>Talks in Geneva | Example News</title>
<link rel="canonical" href="https://news.example/talks">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-10-16T08:30:00+02:00">
<meta name="author" content="Jane Roe">
<script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>{body}
<footer>Copyright Example News</footer></body></html>"#
        )
    }

    #[test]
    fn the_article_with_its_metadata() {
        let html = page(&format!(
            "<article><h1>Talks in Geneva</h1><p>{PARAGRAPH}</p><p>&ldquo;We are ready,&rdquo; \
             she said &amp; smiled.</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
        ));
        let got = html_article(&html);
        assert_eq!(got.title.as_deref(), Some("Talks in Geneva"));
        assert_eq!(
            got.source_url.as_deref(),
            Some("https://news.example/talks")
        );
        assert_eq!(got.outlet.as_deref(), Some("Example News"));
        assert_eq!(got.published.as_deref(), Some("2025-10-16"));
        assert_eq!(got.byline.as_deref(), Some("Jane Roe"));
        assert!(
            got.text.starts_with("Talks in Geneva\n\nForeign Minister"),
            "{}",
            got.text
        );
        assert!(
            got.text
                .contains("\n\n“We are ready,” she said & smiled.\n\n")
        );
        for junk in ["Home", "World", "Copyright", "not text"] {
            assert!(!got.text.contains(junk), "{junk}: {}", got.text);
        }
    }

    #[test]
    fn list_items_are_marked_and_stay_one_a_line() {
        let html = page(&format!(
            "<article><h1>Talks in Geneva</h1><p>{PARAGRAPH}</p><p>The plan has three steps:</p>\
             <ul><li>a ceasefire</li><li>an exchange of prisoners</li></ul>\
             <ol><li>first</li><li>second</li></ol><p>{PARAGRAPH}</p></article>"
        ));
        let text = html_article(&html).text;
        assert!(
            text.contains("• a ceasefire\n• an exchange of prisoners\n"),
            "{text}"
        );
        assert!(text.contains("1. first\n2. second\n"), "{text}");
    }

    #[test]
    fn a_short_page_keeps_its_text() {
        let got = html_article(&page("<h1>Contact</h1><p>Write to us.</p>"));
        assert!(got.text.contains("Write to us."), "{}", got.text);
    }

    #[test]
    fn a_page_without_an_article_gives_its_body_text() {
        let got = whole_page(&page("<h1>Contact</h1><p>Write to us.</p>"), None);
        assert!(
            got.text.starts_with("Contact\n\nWrite to us."),
            "{}",
            got.text
        );
        assert_eq!(got.byline.as_deref(), Some("Jane Roe"));
        assert!(got.text.contains("Write to us."), "{}", got.text);
        assert!(!got.text.contains("Home"), "{}", got.text);
    }

    proptest::proptest! {
        #[test]
        fn any_markup_gives_text_without_panicking(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "<p>", "</p>", "<div class=\"content\">", "</div>", "<article>", "</article>",
                "<li>", "<ol>", "</ul>", "<br>", "<h1>", "<script>", "</script>", "<!--", "-->",
                "&amp;", "&#x1F600;", "&#0;", "Talks resumed.", " ", "\n", "é", "<", ">", "\"",
                "<meta property=\"og:title\" content=\"", "<title>",
            ]), 0..60)
        ) {
            let got = html_article(&parts.concat());
            proptest::prop_assert!(!got.text.contains('\0'));
        }
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<p>unterminated <b",
            "<<<>>>&&&;;;<script>",
            "é<p>ü</p>&#xFFFFFFFF;",
            "",
        ] {
            let _ = html_article(html);
        }
    }
}
