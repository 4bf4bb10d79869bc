//! Exporting a note: Markdown (front matter kept or stripped, `[[links]]` kept or flattened),
//! a standalone printable HTML page, a Word document, plain text, and rich text for the
//! clipboard.
//!
//! The HTML page and the Word document are briefing documents: the note's marking in every
//! page's header and footer, no property table unless asked, one footnote per source sentence
//! (however many items cite it), the author in the document's properties, and nothing that
//! loads from elsewhere when the file is opened.

mod docx;
mod footnotes;
mod html;
mod links;
mod note;
pub mod safe_html;
mod text;

use std::path::Path;

pub use links::flatten_links;
pub use safe_html::{MAX_BYTES, MAX_NESTING, Policy, TooComplex, markdown_to_safe_html};
pub use text::to_text;

use crate::error::{Result, VaultError};
use crate::model::{ExportFormat, ExportOptions};
use crate::vault::Vault;

/// A note exported in memory: text for the text formats, bytes for Word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    /// Markdown, HTML or plain text.
    Text(String),
    /// A Word document.
    Bytes(Vec<u8>),
}

impl Exported {
    /// The export as bytes, ready to write.
    #[must_use]
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Self::Text(s) => s.into_bytes(),
            Self::Bytes(b) => b,
        }
    }
}

/// What is put on the clipboard by "Copy as rich text": the same content twice, for programs
/// that take formatting (email, Word) and for those that take text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RichText {
    /// An HTML fragment (no page, no styles): marking, body and sources.
    pub html: String,
    /// The same as plain text.
    pub text: String,
}

impl Vault {
    /// Exports a note of the vault as text in the chosen format.
    ///
    /// # Errors
    /// As [`Vault::open_note`]; [`VaultError::InvalidArgument`] for Word, which is not text
    /// (use [`Vault::export_to`]); [`VaultError::TooComplex`] for a note too large or too
    /// deeply nested to render.
    pub fn export(&self, path: impl AsRef<Path>, options: &ExportOptions) -> Result<String> {
        match self.export_any(path, options)? {
            Exported::Text(s) => Ok(s),
            Exported::Bytes(_) => Err(VaultError::InvalidArgument(
                "a Word document is a file, not text: export it to a file".to_owned(),
            )),
        }
    }

    /// Exports a note of the vault in the chosen format.
    ///
    /// # Errors
    /// As [`Vault::export`], Word included.
    pub fn export_any(&self, path: impl AsRef<Path>, options: &ExportOptions) -> Result<Exported> {
        let note = self.open_note(path)?;
        export(&note.markdown, &note.summary.title, options)
    }

    /// Exports a note to `out` (written atomically; an existing file there is replaced).
    ///
    /// # Errors
    /// As [`Vault::export_any`], and [`VaultError::Io`] when `out` cannot be written.
    pub fn export_to(
        &self,
        path: impl AsRef<Path>,
        out: &Path,
        options: &ExportOptions,
    ) -> Result<()> {
        let bytes = self.export_any(path, options)?.into_bytes();
        crate::atomic::write_atomic(out, &bytes).map_err(|e| VaultError::io("write", out, e))
    }
}

/// Exports note text (`markdown`, front matter included) in the chosen format. `title` is used
/// when the front matter has none. Broken front matter is treated as part of the body, so
/// nothing is dropped.
///
/// # Errors
/// [`VaultError::TooComplex`] when the note is too large or nests too deep to render (HTML,
/// Word, text); Markdown never fails.
pub fn export(markdown: &str, title: &str, options: &ExportOptions) -> Result<Exported> {
    let note = note::Note::read(markdown, title, options);
    Ok(match options.format {
        ExportFormat::Markdown => Exported::Text(note.markdown_export(options)),
        ExportFormat::Html => Exported::Text(html::page(&note, options)?),
        ExportFormat::Text => Exported::Text(note.marked_text(&to_text(&note.body_flat())?)),
        ExportFormat::Docx => Exported::Bytes(docx::document(&note)?),
    })
}

/// The note as rich text for the clipboard: an HTML fragment with the marking above and below,
/// and the same as plain text.
///
/// # Errors
/// [`VaultError::TooComplex`] as for [`export`].
pub fn rich_text(markdown: &str, title: &str, author: Option<&str>) -> Result<RichText> {
    let options = ExportOptions {
        format: ExportFormat::Html,
        author: author.map(str::to_owned),
        ..ExportOptions::default()
    };
    let note = note::Note::read(markdown, title, &options);
    Ok(RichText {
        html: html::fragment(&note)?,
        text: note.marked_text(&to_text(&note.body_flat())?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(e: Exported) -> String {
        match e {
            Exported::Text(s) => s,
            Exported::Bytes(_) => panic!("expected text"),
        }
    }

    #[test]
    fn markdown_export_keeps_or_strips_front_matter() {
        let note = "---\ntitle: T\n---\n# T\n\n[[A]]\n";
        let keep = text_of(export(note, "T", &ExportOptions::default()).unwrap());
        assert_eq!(keep, note);
        let strip = text_of(
            export(
                note,
                "T",
                &ExportOptions {
                    front_matter: false,
                    flatten_links: true,
                    ..ExportOptions::default()
                },
            )
            .unwrap(),
        );
        assert_eq!(strip, "# T\n\nA\n");
    }

    #[test]
    fn text_export_reads_like_text() {
        let note = "---\ntitle: T\n---\n# Head\n\nOne **bold** [[Link|word]].\n\n- a\n- b\n";
        let text = text_of(
            export(
                note,
                "T",
                &ExportOptions {
                    format: ExportFormat::Text,
                    ..ExportOptions::default()
                },
            )
            .unwrap(),
        );
        assert_eq!(text, "Head\n\nOne bold word.\n\n- a\n- b\n");
    }

    #[test]
    fn rich_text_carries_the_marking_in_both_forms() {
        let note = "---\ntitle: T\nclassification: TLP:AMBER\n---\n**TLP:AMBER**\n\n# Head\n\nSaid so[^1].\n\n[^1]: The sentence.\n";
        let rich = rich_text(note, "T", Some("A. Analyst")).unwrap();
        assert!(rich.html.starts_with("<p"), "{}", rich.html);
        assert_eq!(rich.html.matches("TLP:AMBER").count(), 2, "{}", rich.html);
        assert!(rich.html.contains("The sentence."), "{}", rich.html);
        assert!(!rich.html.contains("<style"), "{}", rich.html);
        assert!(
            rich.text.starts_with("TLP:AMBER\n\nHead\n"),
            "{}",
            rich.text
        );
        assert!(rich.text.trim_end().ends_with("TLP:AMBER"), "{}", rich.text);
    }

    #[test]
    fn word_is_not_text() {
        let e = ExportOptions {
            format: ExportFormat::Docx,
            ..ExportOptions::default()
        };
        assert!(matches!(export("# T\n", "T", &e), Ok(Exported::Bytes(_))));
    }
}
