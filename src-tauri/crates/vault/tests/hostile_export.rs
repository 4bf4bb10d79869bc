//! Exported HTML is inert and calls nobody: every vector of `testdata/hostile_html.txt` is
//! exported as a page, as the clipboard's rich text and as the app's preview, and each tag in
//! the output is checked. A failure names the vector's line.

use attache_vault::export::{self, Exported, Policy};
use attache_vault::{ExportFormat, ExportOptions};

const VECTORS: &str = include_str!("testdata/hostile_html.txt");

/// Tags that run code, fetch, navigate or restyle the page.
const FORBIDDEN_TAGS: [&str; 22] = [
    "script", "iframe", "frame", "frameset", "object", "embed", "link", "meta", "base", "style",
    "form", "svg", "math", "video", "audio", "source", "picture", "template", "noscript",
    "textarea", "title", "marquee",
];

/// Attributes a browser fetches by itself.
const FETCHING: [&str; 7] = [
    "src",
    "srcset",
    "poster",
    "background",
    "data",
    "xlink:href",
    "action",
];

/// `(name, line number, markdown)` of each vector.
fn vectors() -> Vec<(String, usize, String)> {
    VECTORS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (name, md) = l
                .split_once(" | ")
                .unwrap_or_else(|| panic!("line {}: expected `name | markdown`", i + 1));
            (name.trim().to_owned(), i + 1, md.replace("\\n", "\n"))
        })
        .collect()
}

/// The tags of serialised HTML: `(name, [(attribute, value)])`. Text never holds a raw `<`
/// before a letter (the serialiser escapes it), so each such `<` starts a tag.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let name = html[i + 1..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'=' && b[j] != b'>' {
                j += 1;
            }
            let attr = html[start..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                let quote = b[j];
                if quote == b'"' || quote == b'\'' {
                    let end = html[j + 1..]
                        .find(char::from(quote))
                        .map_or(b.len(), |e| j + 1 + e);
                    value = html[j + 1..end].to_owned();
                    j = end + 1;
                } else {
                    let start = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = html[start..j].to_owned();
                }
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
        i = j;
    }
    out
}

/// Why `html` is not inert, or `None`. `remote_images` allows `src` on `img` from https.
fn unsafe_part(html: &str, remote_images: bool) -> Option<String> {
    for (name, attrs) in tags(html) {
        if FORBIDDEN_TAGS.contains(&name.as_str()) {
            return Some(format!("a <{name}> element"));
        }
        for (attr, value) in attrs {
            let v = value
                .to_ascii_lowercase()
                .replace(['\t', '\n', '\r', ' '], "");
            if attr.starts_with("on") {
                return Some(format!("an event handler {attr} on <{name}>"));
            }
            if attr == "style" || v.contains("url(") {
                return Some(format!("a style on <{name}>: {attr}={value}"));
            }
            if FETCHING.contains(&attr.as_str()) {
                let kept =
                    remote_images && name == "img" && attr == "src" && v.starts_with("https://");
                if !kept {
                    return Some(format!("<{name} {attr}={value}> would fetch"));
                }
            }
            if attr == "href"
                && ["javascript:", "vbscript:", "data:", "//", "\\\\"]
                    .iter()
                    .any(|s| v.starts_with(s))
            {
                return Some(format!("<{name} href={value}>"));
            }
        }
    }
    None
}

fn page(md: &str, remote_images: bool) -> String {
    let note = format!("---\ntitle: T\nclassification: OFFICIAL\n---\n{md}\n");
    let options = ExportOptions {
        format: ExportFormat::Html,
        remote_images,
        ..ExportOptions::default()
    };
    match export::export(&note, "T", &options).expect("the vector exports") {
        Exported::Text(html) => html,
        Exported::Bytes(_) => unreachable!("HTML is text"),
    }
}

/// The page's own `<head>` and what came from the note.
fn split_page(html: &str) -> (&str, &str) {
    let at = html.find("<body>").expect("the page has a body");
    (&html[..at], &html[at..])
}

#[test]
fn every_vector_exports_inert() {
    let vectors = vectors();
    assert!(vectors.len() >= 40, "the vector file lost lines");
    let mut failures = Vec::new();
    for (name, line, md) in &vectors {
        let html = page(md, false);
        let (head, body) = split_page(&html);
        let policy =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
        if !head.contains(&format!("content=\"{policy}\"")) || head.matches("<style>").count() != 1
        {
            failures.push(format!(
                "line {line} ({name}): the page's own CSP or style is missing"
            ));
        }
        let rich = export::rich_text(
            &format!("---\nclassification: OFFICIAL\n---\n{md}\n"),
            "T",
            None,
        )
        .expect("the vector copies");
        let preview = export::markdown_to_safe_html(
            md,
            Policy {
                skip_front_matter: true,
                ..Policy::default()
            },
        )
        .expect("the vector previews");
        for (what, out) in [
            ("page", body),
            ("rich text", &rich.html),
            ("preview", &preview),
        ] {
            if let Some(why) = unsafe_part(out, false) {
                failures.push(format!("line {line} ({name}), {what}: {why}\n{out}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn kept_remote_images_are_only_https_images_and_the_policy_says_so() {
    let mut failures = Vec::new();
    for (name, line, md) in vectors() {
        let html = page(&md, true);
        let (head, body) = split_page(&html);
        if !head.contains("img-src https: http:;") {
            failures.push(format!(
                "line {line} ({name}): the CSP does not allow the kept images"
            ));
        }
        if let Some(why) = unsafe_part(body, true) {
            failures.push(format!("line {line} ({name}): {why}\n{body}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let kept = page("![map](https://maps.example/m.png)", true);
    assert!(
        kept.contains("src=\"https://maps.example/m.png\""),
        "{kept}"
    );
    let dropped = page("![map](https://maps.example/m.png)", false);
    assert!(
        !dropped.contains("maps.example") && dropped.contains("[image: map]"),
        "{dropped}"
    );
}

#[test]
fn the_checker_catches_what_it_looks_for() {
    assert!(
        unsafe_part(
            "<p>fine <a href=\"https://e.org\" rel=\"noopener\">x</a></p>",
            false
        )
        .is_none()
    );
    assert!(unsafe_part("<img src=\"https://t.example/p.png\">", false).is_some());
    assert!(unsafe_part("<img src=\"https://t.example/p.png\">", true).is_none());
    assert!(unsafe_part("<p onclick=\"x\">", false).is_some());
    assert!(unsafe_part("<a href=\" javascript:alert(1)\">", false).is_some());
    assert!(unsafe_part("<div title=\"a>b\" style=\"x\">", false).is_some());
    assert!(unsafe_part("<p>&lt;script&gt; is text</p>", false).is_none());
}
