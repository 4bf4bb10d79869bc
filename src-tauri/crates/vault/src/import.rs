//! Importing articles from files: `.txt` as is, `.md` without its front matter, `.html` with
//! the readable text extracted (article or main content; scripts, navigation and boilerplate
//! dropped; entities decoded; paragraphs kept).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Result, VaultError};
use crate::frontmatter::{self, FrontMatter};
use crate::model::{NewNote, OpenNote};
use crate::vault::Vault;

/// The largest file accepted for import.
pub const MAX_IMPORT_BYTES: u64 = attache_engine::MAX_INPUT_BYTES as u64;

/// An article read from a file, ready to draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ImportedText {
    /// The article text (what is drafted and stored as the source).
    pub text: String,
    /// A title found in the file (`<title>`, `<h1>`, front matter `title`, a `# ` heading).
    pub title: Option<String>,
    /// A URL found in the file (`<link rel=canonical>`, `og:url`, front matter `source`).
    pub source_url: Option<String>,
}

/// Reads an article from a `.txt`, `.md`, `.markdown`, `.html` or `.htm` file.
///
/// # Errors
/// [`VaultError::NotFound`], [`VaultError::TooLarge`], [`VaultError::NotUtf8`] (HTML in
/// other encodings is decoded as Windows-1252 instead), [`VaultError::InvalidName`] for other
/// kinds of file.
pub fn read_importable(path: &Path) -> Result<ImportedText> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !crate::IMPORTABLE_EXTENSIONS.contains(&ext.as_str()) {
        return Err(VaultError::InvalidName {
            name: path.display().to_string(),
            reason: "only .txt, .md and .html files can be imported".to_owned(),
        });
    }
    let meta = std::fs::metadata(path).map_err(|e| VaultError::io("read", path, e))?;
    if meta.is_dir() {
        return Err(VaultError::InvalidName {
            name: path.display().to_string(),
            reason: "it is a folder: give the article files inside it".to_owned(),
        });
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(VaultError::TooLarge {
            path: path.to_owned(),
            bytes: meta.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| VaultError::io("read", path, e))?;
    let is_html = matches!(ext.as_str(), "html" | "htm");
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        // Old web pages are often Windows-1252; its low half is Latin-1, good enough for text.
        Err(e) if is_html => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
        Err(e) => {
            return Err(VaultError::NotUtf8 {
                path: path.to_owned(),
                offset: e.utf8_error().valid_up_to(),
            });
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    Ok(match ext.as_str() {
        "html" | "htm" => html_to_text(&text),
        "md" | "markdown" => markdown_article(&text),
        _ => ImportedText {
            text,
            title: None,
            source_url: None,
        },
    })
}

fn markdown_article(text: &str) -> ImportedText {
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
    }
}

impl Vault {
    /// Imports an article file: reads it, drafts a brief with the engine and creates a note.
    ///
    /// # Errors
    /// As [`read_importable`], [`VaultError::Draft`] for an empty article, and as
    /// [`Vault::create`].
    pub fn import(
        &self,
        path: &Path,
        options: &attache_engine::DraftOptions,
        meta: &NewNote,
    ) -> Result<OpenNote> {
        let article = read_importable(path)?;
        let mut options = options.clone();
        if options.title.is_none() {
            options.title.clone_from(&article.title);
        }
        if options.source_url.is_none() {
            options.source_url.clone_from(&article.source_url);
        }
        let brief = attache_engine::draft(&article.text, &options)?;
        self.create(&brief, &article.text, meta)
    }
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "object", "canvas", "figure", "menu", "dialog",
];

/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "table",
    "tr",
    "dd",
    "dt",
    "hr",
    "body",
];

/// Extracts readable text from an HTML page: the `<article>` (else `<main>`, else `<body>`)
/// with paragraphs on their own lines, and the page title and canonical URL.
#[must_use]
pub fn html_to_text(html: &str) -> ImportedText {
    let lower = html.to_ascii_lowercase();
    let title = element_text(html, &lower, "h1").or_else(|| element_text(html, &lower, "title"));
    let source_url = canonical_url(html, &lower);
    let (start, end) = ["article", "main", "body"]
        .iter()
        .find_map(|tag| element_range(&lower, tag))
        .unwrap_or((0, html.len()));
    let mut text = extract(&html[start..end]);
    if text.split_whitespace().count() < 20 && (start, end) != (0, html.len()) {
        text = extract(html); // the chosen element was a stub: take the whole page
    }
    ImportedText {
        text,
        title,
        source_url,
    }
}

/// Byte range of the content of the first `<tag …>…</tag>` (ASCII case-insensitive).
fn element_range(lower: &str, tag: &str) -> Option<(usize, usize)> {
    let open = find_tag(lower, tag, 0)?;
    let content = open + lower[open..].find('>')? + 1;
    let close = lower[content..]
        .find(&format!("</{tag}"))
        .map_or(lower.len(), |i| content + i);
    Some((content, close))
}

fn find_tag(lower: &str, tag: &str, from: usize) -> Option<usize> {
    let pat = format!("<{tag}");
    let mut at = from;
    while let Some(i) = lower[at..].find(&pat) {
        let pos = at + i;
        let after = lower.as_bytes().get(pos + pat.len()).copied();
        if matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
            return Some(pos);
        }
        at = pos + pat.len();
    }
    None
}

fn element_text(html: &str, lower: &str, tag: &str) -> Option<String> {
    let (s, e) = element_range(lower, tag)?;
    let t = extract(&html[s..e])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!t.is_empty()).then_some(t)
}

fn canonical_url(html: &str, lower: &str) -> Option<String> {
    for (marker, attr) in [
        ("rel=\"canonical\"", "href=\""),
        ("property=\"og:url\"", "content=\""),
    ] {
        let Some(i) = lower.find(marker) else {
            continue;
        };
        let tag_start = lower[..i].rfind('<')?;
        let tag_end = tag_start + lower[tag_start..].find('>')?;
        let tag = &lower[tag_start..tag_end];
        if let Some(a) = tag.find(attr) {
            let v = tag_start + a + attr.len();
            let len = html[v..].find('"')?;
            let url = decode_entities(&html[v..v + len]);
            if url.starts_with("http") {
                return Some(url);
            }
        }
    }
    None
}

/// Text of an HTML fragment: tags removed, skipped elements dropped with their content,
/// blocks separated by blank lines, whitespace collapsed, entities decoded.
fn extract(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut line = String::new();
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    let mut in_pre = false;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                push_text(&mut line, rest, in_pre);
            }
            break;
        };
        if skip_until.is_none() {
            push_text(&mut line, &rest[..lt], in_pre);
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = tag_end(rest) else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(until) = &skip_until {
            if closing && name == *until {
                skip_until = None;
            }
            continue;
        }
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            skip_until = Some(name);
            continue;
        }
        if name == "pre" {
            in_pre = !closing;
        }
        if BLOCK.contains(&name.as_str()) {
            flush(
                &mut out,
                &mut line,
                name == "br" || name == "li" || name == "tr",
            );
        }
    }
    flush(&mut out, &mut line, false);
    out.trim_end().to_owned() + "\n"
}

/// The index of the `>` closing a tag, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn push_text(line: &mut String, raw: &str, in_pre: bool) {
    let decoded = decode_entities(raw);
    if in_pre {
        line.push_str(&decoded);
        return;
    }
    for (i, word) in decoded.split_whitespace().enumerate() {
        let starts_with_space = i == 0 && decoded.starts_with(char::is_whitespace);
        if (i > 0 || starts_with_space) && !line.is_empty() && !line.ends_with(' ') {
            line.push(' ');
        }
        line.push_str(word);
    }
    if decoded.ends_with(char::is_whitespace) && !line.is_empty() && !line.ends_with(' ') {
        line.push(' ');
    }
}

fn flush(out: &mut String, line: &mut String, single: bool) {
    let t = line.trim();
    if !t.is_empty() {
        out.push_str(t);
        out.push_str(if single { "\n" } else { "\n\n" });
    }
    line.clear();
}

/// Decodes `&amp;`, `&#8217;`, `&#x2019;` and the common named entities.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| c == ';' || !c.is_ascii_alphanumeric() && c != '#')
            .map(|e| e + 1);
        let decoded = end
            .filter(|&e| rest.as_bytes().get(e) == Some(&b';'))
            .and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_the_article_and_drops_boilerplate() {
        let page = r#"<html><head><title>Site | Talks</title><link rel="canonical" href="https://news.example/talks">
<script>var x = "<p>not text</p>";</script><style>p{}</style></head>
<body><nav><a href="/">Home</a> Menu</nav><article><h1>Talks in Geneva</h1>
<p>Foreign Minister Anna Berg said on Monday that Norway would host the next round of talks, which diplomats expect to last a week.</p>
<p>&ldquo;We are ready,&rdquo; she said &amp; smiled.<br>New line.</p><!-- <p>comment</p> --></article>
<footer>Copyright</footer></body></html>"#;
        let got = html_to_text(page);
        assert_eq!(got.title.as_deref(), Some("Talks in Geneva"));
        assert_eq!(
            got.source_url.as_deref(),
            Some("https://news.example/talks")
        );
        assert_eq!(
            got.text,
            "Talks in Geneva\n\nForeign Minister Anna Berg said on Monday that Norway would host the next round of talks, which diplomats expect to last a week.\n\n“We are ready,” she said & smiled.\nNew line.\n"
        );
    }

    #[test]
    fn entities_and_broken_markup_do_not_panic() {
        assert_eq!(
            decode_entities("a &amp; b &#x2019; &#8217; &bogus; &"),
            "a & b ’ ’ &bogus; &"
        );
        let _ = html_to_text("<p>unterminated <b");
        let _ = html_to_text("<<<>>>&&&;;;<script>");
        let _ = html_to_text("é<p>ü</p>&#xFFFFFFFF;");
    }
}
