//! Markdown to HTML that is safe to show or share: pulldown-cmark renders, ammonia removes
//! scripts, event handlers, `javascript:` links and anything else not on its list, and images
//! that would load from elsewhere are dropped (opening the page must not tell a server).
//!
//! HTML sanitising builds a tree, and the time it takes grows with the square of how deep
//! that tree nests: 100 KB of `>` once took 26 s. So the input is measured first, in one
//! linear pass, and refused with [`TooComplex`] when it is larger or deeper than any note an
//! analyst writes ([`MAX_BYTES`], [`MAX_NESTING`]).

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// The largest Markdown rendered (the vault's limit for a note).
pub const MAX_BYTES: usize = crate::files::MAX_NOTE_BYTES as usize;

/// The deepest nesting of quotes, lists, emphasis and HTML elements rendered. Real notes stay
/// under ten; sanitising time grows with the square of the depth.
pub const MAX_NESTING: usize = 64;

/// Why a note cannot be rendered as HTML.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TooComplex {
    /// More Markdown than a note may hold.
    #[error(
        "the note is {} KB, more than the {} KB that can be shown or exported: split it into several notes",
        bytes / 1024,
        limit / 1024
    )]
    Size {
        /// Its size in bytes.
        bytes: usize,
        /// [`MAX_BYTES`].
        limit: usize,
    },
    /// Quotes, lists or HTML elements nested deeper than [`MAX_NESTING`].
    #[error(
        "the note nests quotes, lists or HTML elements more than {limit} levels deep at line {line}: remove some of the > marks, indentation or HTML tags there"
    )]
    Nesting {
        /// [`MAX_NESTING`].
        limit: usize,
        /// The line (1-based) where the nesting goes past the limit.
        line: usize,
    },
}

/// How the HTML is made safe.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    /// Keep `id` attributes (footnote anchors). Off in the app's preview, where an id from a
    /// note could shadow one of the page's own names.
    pub ids: bool,
    /// Keep images that load from `http(s)` addresses (they tell that server when the page
    /// is opened). Images from anywhere else never load in a shared page and are always
    /// dropped, leaving their description.
    pub remote_images: bool,
    /// Hide a YAML front matter block at the top.
    pub skip_front_matter: bool,
}

/// The Markdown extensions notes use.
pub(crate) fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Parses `markdown` into events, refusing input too large or too deep to sanitise quickly.
///
/// # Errors
/// [`TooComplex`] saying which limit was passed and where.
pub(crate) fn parse(markdown: &str, skip_front_matter: bool) -> Result<Vec<Event<'_>>, TooComplex> {
    if markdown.len() > MAX_BYTES {
        return Err(TooComplex::Size {
            bytes: markdown.len(),
            limit: MAX_BYTES,
        });
    }
    let mut options = parser_options();
    if skip_front_matter {
        options |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    }
    let mut events = Vec::new();
    let mut depth = Depth::default();
    let mut in_metadata = false;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match &event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Start(_) => depth.markdown += 1,
            Event::End(_) => depth.markdown = depth.markdown.saturating_sub(1),
            Event::Html(h) | Event::InlineHtml(h) => depth.html.feed(h),
            _ => {}
        }
        if depth.total() > MAX_NESTING {
            let line = markdown[..range.start]
                .bytes()
                .filter(|&b| b == b'\n')
                .count()
                + 1;
            return Err(TooComplex::Nesting {
                limit: MAX_NESTING,
                line,
            });
        }
        if !in_metadata && !matches!(event, Event::End(TagEnd::MetadataBlock(_))) {
            events.push(event);
        }
    }
    Ok(events)
}

/// Renders events to HTML and sanitises it.
pub(crate) fn render<'a>(events: impl Iterator<Item = Event<'a>>, policy: Policy) -> String {
    let mut raw = String::new();
    pulldown_cmark::html::push_html(&mut raw, drop_images(events, policy.remote_images));
    sanitize(&raw, policy)
}

/// Renders `markdown` as safe HTML (the app's preview, the copied rich text).
///
/// # Errors
/// [`TooComplex`] when the note is too large or nests too deep to sanitise quickly.
pub fn markdown_to_safe_html(markdown: &str, policy: Policy) -> Result<String, TooComplex> {
    let events = parse(markdown, policy.skip_front_matter)?;
    Ok(render(events.into_iter(), policy))
}

/// Cleans HTML with ammonia: only its list of harmless tags and attributes survives.
pub(crate) fn sanitize(raw: &str, policy: Policy) -> String {
    let mut b = ammonia::Builder::default();
    b.link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "mailto"].into())
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("div", ["class"])
        .add_tag_attributes("ol", ["class"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tags(["input"]);
    if policy.ids {
        b.add_tag_attributes("a", ["id"])
            .add_tag_attributes("sup", ["id"])
            .add_tag_attributes("li", ["id"]);
    }
    let remote = policy.remote_images;
    b.attribute_filter(move |element, attribute, value| {
        if is_loaded_url(element, attribute) && !(remote && is_web_url(value)) {
            None
        } else {
            Some(value.into())
        }
    });
    b.clean(raw).to_string()
}

/// An attribute the browser fetches on its own when the page opens.
fn is_loaded_url(element: &str, attribute: &str) -> bool {
    matches!(
        attribute,
        "src" | "srcset" | "poster" | "background" | "lowsrc" | "dynsrc"
    ) || (element == "object" && attribute == "data")
}

fn is_web_url(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://")
}

/// Markdown images that would not be kept become their description, so the reader knows an
/// image was there: `[image: a map of the region]`.
fn drop_images<'a>(
    events: impl Iterator<Item = Event<'a>>,
    remote_images: bool,
) -> impl Iterator<Item = Event<'a>> {
    let mut dropping = 0usize;
    events.flat_map(move |event| -> Vec<Event<'a>> {
        match event {
            Event::Start(Tag::Image { ref dest_url, .. })
                if dropping > 0 || !(remote_images && is_web_url(dest_url)) =>
            {
                dropping += 1;
                if dropping == 1 {
                    vec![Event::Text(CowStr::Borrowed("[image: "))]
                } else {
                    Vec::new()
                }
            }
            Event::End(TagEnd::Image) if dropping > 0 => {
                dropping -= 1;
                if dropping == 0 {
                    vec![Event::Text(CowStr::Borrowed("]"))]
                } else {
                    Vec::new()
                }
            }
            other => vec![other],
        }
    })
}

/// How deep the HTML built from the events nests, counted as it is parsed.
#[derive(Debug, Default)]
struct Depth {
    markdown: usize,
    html: TagDepth,
}

impl Depth {
    fn total(&self) -> usize {
        self.markdown + self.html.open.len()
    }
}

/// Tags that never hold content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Tags a second one of the same kind closes (`<p>a<p>b` is two paragraphs, not nested).
const SELF_CLOSING_SIBLINGS: [&str; 8] = ["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// A cheap upper bound of the nesting raw HTML builds: start tags open, end tags close the
/// nearest match. Anything it misreads (a `<` in a comment or script) only counts deeper,
/// never shallower, so nothing deep slips past. Kept across events: a `<div>` in one HTML
/// block stays open into the next.
#[derive(Debug, Default)]
struct TagDepth {
    open: Vec<String>,
    /// Inside `<…>`: the tag's name so far, whether it is an end tag, the quote we are in.
    tag: Option<TagState>,
}

#[derive(Debug, Default)]
struct TagState {
    name: String,
    end: bool,
    name_done: bool,
    quote: Option<u8>,
    last: u8,
}

impl TagDepth {
    fn feed(&mut self, html: &str) {
        let bytes = html.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match &mut self.tag {
                None => {
                    if b == b'<' {
                        let next = bytes.get(i + 1).copied();
                        if next.is_some_and(|c| c.is_ascii_alphabetic()) {
                            self.tag = Some(TagState::default());
                        } else if next == Some(b'/')
                            && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic)
                        {
                            self.tag = Some(TagState {
                                end: true,
                                ..TagState::default()
                            });
                            i += 1;
                        }
                    }
                }
                Some(t) => match t.quote {
                    Some(q) if b == q => t.quote = None,
                    Some(_) => {}
                    None if b == b'>' => {
                        let t = self.tag.take().unwrap_or_default();
                        self.close_tag(t);
                    }
                    None if !t.name_done && (b.is_ascii_alphanumeric() || b == b'-') => {
                        if t.name.len() < 32 {
                            t.name.push(char::from(b.to_ascii_lowercase()));
                        }
                    }
                    None => {
                        t.name_done = true;
                        if (b == b'"' || b == b'\'') && t.last == b'=' {
                            t.quote = Some(b);
                        }
                        if !b.is_ascii_whitespace() {
                            t.last = b;
                        }
                    }
                },
            }
            i += 1;
        }
    }

    fn close_tag(&mut self, t: TagState) {
        if t.end {
            if let Some(at) = self.open.iter().rposition(|n| *n == t.name) {
                self.open.truncate(at);
            }
        } else if t.last != b'/' && !VOID.contains(&t.name.as_str()) {
            if SELF_CLOSING_SIBLINGS.contains(&t.name.as_str())
                && self.open.last().is_some_and(|n| *n == t.name)
            {
                return;
            }
            self.open.push(t.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        markdown_to_safe_html(md, Policy::default()).expect("renders")
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let out = html(
            "# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
             [click](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a>\n",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("onerror"), "{out}");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(out.contains("<h1>T</h1>"), "{out}");
    }

    #[test]
    fn front_matter_is_hidden_when_asked() {
        let md = "---\nid: abc\ntitle: T\n---\n# Heading\n\nText.\n";
        let out = markdown_to_safe_html(
            md,
            Policy {
                skip_front_matter: true,
                ..Policy::default()
            },
        )
        .unwrap();
        assert!(!out.contains("abc"), "{out}");
        assert!(out.contains("<h1>Heading</h1>"), "{out}");
    }

    #[test]
    fn images_from_elsewhere_become_their_description() {
        let md = "![a map](https://tracker.example/p.png) ![local](map.png) \
                  <img src=\"https://tracker.example/q.gif\" alt=\"q\">";
        let out = html(md);
        assert!(!out.contains("tracker.example"), "{out}");
        assert!(out.contains("[image: a map]"), "{out}");
        assert!(out.contains("[image: local]"), "{out}");
        let kept = markdown_to_safe_html(
            md,
            Policy {
                remote_images: true,
                ..Policy::default()
            },
        )
        .unwrap();
        assert!(
            kept.contains("src=\"https://tracker.example/p.png\""),
            "{kept}"
        );
        assert!(
            kept.contains("src=\"https://tracker.example/q.gif\""),
            "{kept}"
        );
        assert!(kept.contains("[image: local]"), "{kept}");
    }

    #[test]
    fn links_keep_their_target_and_lose_the_referrer() {
        let out = html("[r](https://example.org/a)");
        assert!(out.contains("href=\"https://example.org/a\""), "{out}");
        assert!(out.contains("noopener noreferrer"), "{out}");
    }

    #[test]
    fn deep_quotes_are_refused_with_their_line() {
        let md = format!("# T\n\nfine\n\n{}deep\n", ">".repeat(10_000));
        let err = markdown_to_safe_html(&md, Policy::default()).unwrap_err();
        assert_eq!(
            err,
            TooComplex::Nesting {
                limit: MAX_NESTING,
                line: 5
            }
        );
        assert!(err.to_string().contains("line 5"), "{err}");
    }

    #[test]
    fn deep_raw_html_is_refused_even_across_blocks() {
        let md = format!(
            "{}\n\ntext\n\n{}\n",
            "<div>".repeat(40),
            "<span>".repeat(40)
        );
        assert!(matches!(
            markdown_to_safe_html(&md, Policy::default()),
            Err(TooComplex::Nesting { .. })
        ));
    }

    #[test]
    fn closed_siblings_and_void_tags_do_not_count_as_nesting() {
        let md = format!(
            "{}\n\n{}\n\n{}\n",
            "<p>a".repeat(200),
            "<div title=\"a>b\">x</div>".repeat(200),
            "<br><img alt=x/>".repeat(200)
        );
        assert!(markdown_to_safe_html(&md, Policy::default()).is_ok());
    }

    #[test]
    fn nesting_at_the_limit_still_renders() {
        let md = format!("{}deep\n", "> ".repeat(MAX_NESTING - 2));
        let out = html(&md);
        assert!(out.contains("deep"), "{out}");
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let md = "a".repeat(MAX_BYTES + 1);
        let err = markdown_to_safe_html(&md, Policy::default()).unwrap_err();
        assert!(matches!(err, TooComplex::Size { .. }), "{err}");
        assert!(err.to_string().contains("split it"), "{err}");
    }
}
