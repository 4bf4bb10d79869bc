//! Importing articles from files: `.txt` as is, `.md` without its front matter, `.html` with
//! the article Readability finds in the page, decoded from the page's charset, and the page's
//! metadata (title, byline, site name, publication date, canonical URL).
//!
//! One entry point for every way an article comes in: [`read_importable`] for a file (the
//! CLI's `extract`, `draft` and `notes new|import`, the desktop's open and drop),
//! [`html_article`] for HTML already in hand (pasted).

mod charset;
mod date;
mod html;
mod markdown;

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Result, VaultError};
use crate::model::{NewNote, OpenNote};
use crate::vault::Vault;

pub use charset::decode_html;
pub use html::html_article;
pub use markdown::markdown_article;

/// The largest file accepted for import.
pub const MAX_IMPORT_BYTES: u64 = attache_engine::MAX_INPUT_BYTES as u64;

/// An article read from a file, ready to draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ImportedText {
    /// The article text (what is drafted and stored as the source). For a web page: the
    /// title line, a blank line, then the article's paragraphs.
    pub text: String,
    /// The article's title (Readability's choice from `og:title`, JSON-LD, `<title>`, `<h1>`;
    /// front matter `title` or a `# ` heading in Markdown).
    pub title: Option<String>,
    /// The article's URL (`<link rel=canonical>`, `og:url`, JSON-LD; front matter `source`).
    pub source_url: Option<String>,
    /// The outlet that published it (`og:site_name`, JSON-LD publisher; front matter `outlet`).
    pub outlet: Option<String>,
    /// Its publication day, `YYYY-MM-DD` (`article:published_time`, JSON-LD `datePublished`;
    /// front matter `published` or `date`).
    pub published: Option<String>,
    /// Who wrote it (the page's byline or author metadata; front matter `author`).
    pub byline: Option<String>,
}

impl ImportedText {
    /// The readable text as `attache extract` prints it: the title line, a blank line, the
    /// body (the text as is when it already opens with its title, or has none).
    #[must_use]
    pub fn readable(&self) -> String {
        let first = self
            .text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        match self.title.as_deref() {
            Some(t) if first.trim().trim_start_matches("# ").trim() != t => {
                format!("{t}\n\n{}", self.text)
            }
            _ => self.text.clone(),
        }
    }

    /// `options` with what the analyst left empty filled from the file's metadata.
    #[must_use]
    pub fn draft_options(
        &self,
        options: &attache_engine::DraftOptions,
    ) -> attache_engine::DraftOptions {
        let mut o = options.clone();
        if o.title.is_none() {
            o.title.clone_from(&self.title);
        }
        if o.source_url.is_none() {
            o.source_url.clone_from(&self.source_url);
        }
        if o.outlet.is_none() {
            o.outlet.clone_from(&self.outlet);
        }
        if o.published.is_none() {
            o.published = self
                .published
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        }
        o
    }
}

/// What kind of article file a path names, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleKind {
    /// `.txt`, `.text`.
    Text,
    /// `.md`, `.markdown`.
    Markdown,
    /// `.html`, `.htm`.
    Html,
}

impl ArticleKind {
    /// The kind of `path`, or `None` for a file that cannot be imported (one of
    /// [`crate::IMPORTABLE_EXTENSIONS`], whatever the case).
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Self::Text,
            "md" | "markdown" => Self::Markdown,
            "html" | "htm" => Self::Html,
            _ => return None,
        })
    }
}

/// Whether text read from a pipe is an HTML page rather than an article.
#[must_use]
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower = head
        .get(..head.len().min(64))
        .unwrap_or("")
        .to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && text.get(..1024).unwrap_or(text).contains("<html")
}

/// Reads pasted text as the same text opened from a file would be read: a web page's source
/// through the HTML import (its article found, its title, outlet, date and URL kept), a
/// Markdown note that opens with YAML front matter through the Markdown import, and any other
/// text as it is (its `Published:`/`Source:` header lines are the engine's to read).
#[must_use]
pub fn read_pasted(text: &str) -> ImportedText {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if looks_like_html(text) {
        return html_article(text);
    }
    if text.starts_with("---\n") || text.starts_with("---\r\n") {
        return markdown_article(text);
    }
    ImportedText {
        text: text.to_owned(),
        ..ImportedText::default()
    }
}

/// Reads an article from a `.txt`, `.md`, `.markdown`, `.html` or `.htm` file.
///
/// # Errors
/// [`VaultError::InvalidName`] for other kinds of file and for folders,
/// [`VaultError::NotFound`] and other I/O errors, [`VaultError::TooLarge`] past
/// [`MAX_IMPORT_BYTES`], [`VaultError::NotUtf8`] for text and Markdown files in another
/// encoding (a web page's charset is read from the page).
pub fn read_importable(path: &Path) -> Result<ImportedText> {
    let Some(kind) = ArticleKind::of(path) else {
        return Err(VaultError::InvalidName {
            name: path.display().to_string(),
            reason: "only .txt, .md and .html files can be imported".to_owned(),
        });
    };
    let meta = std::fs::metadata(path).map_err(|e| VaultError::io("read", path, e))?;
    if meta.is_dir() {
        return Err(VaultError::InvalidName {
            name: path.display().to_string(),
            reason: "it is a folder: give the article files inside it".to_owned(),
        });
    }
    let bytes = read_bounded(path, meta.len())?;
    if kind == ArticleKind::Html {
        return Ok(html_article(&decode_html(&bytes)));
    }
    let text = String::from_utf8(bytes).map_err(|e| VaultError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    Ok(match kind {
        ArticleKind::Markdown => markdown_article(&text),
        _ => ImportedText {
            text,
            ..ImportedText::default()
        },
    })
}

/// The file's bytes, never more than [`MAX_IMPORT_BYTES`] (a file that grows while it is
/// read is refused too).
fn read_bounded(path: &Path, len: u64) -> Result<Vec<u8>> {
    let too_large = |bytes| VaultError::TooLarge {
        path: path.to_owned(),
        bytes,
        limit: MAX_IMPORT_BYTES,
    };
    if len > MAX_IMPORT_BYTES {
        return Err(too_large(len));
    }
    let file = std::fs::File::open(path).map_err(|e| VaultError::io("read", path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| VaultError::io("read", path, e))?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
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
        let brief = attache_engine::draft(&article.text, &article.draft_options(options))?;
        self.create(&brief, &article.text, meta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_importable_extension_has_a_kind() {
        for ext in crate::IMPORTABLE_EXTENSIONS {
            let upper = format!("a.{}", ext.to_ascii_uppercase());
            assert!(
                ArticleKind::of(Path::new(&format!("a.{ext}"))).is_some(),
                "{ext}"
            );
            assert!(ArticleKind::of(Path::new(&upper)).is_some(), "{upper}");
        }
        assert_eq!(ArticleKind::of(Path::new("a.pdf")), None);
        assert_eq!(ArticleKind::of(Path::new("README")), None);
    }

    #[test]
    fn pages_are_told_from_articles_on_a_pipe() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html><html><p>x</p>"));
        assert!(looks_like_html("<html lang=en>"));
        assert!(!looks_like_html("Talks in Geneva\n\n<b>not a page</b>"));
        assert!(!looks_like_html(""));
    }
}
