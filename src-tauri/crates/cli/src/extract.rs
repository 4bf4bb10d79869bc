//! `attache extract`, and the HTML path of `draft` and `notes new`: web pages go through
//! `attache_vault::import` (the page's charset, Readability's article, the page's metadata)
//! like the desktop's open and drop; other files are read as they are.

use std::io::Write;
use std::path::Path;

use attache_engine::DraftOptions;
use attache_vault::VaultError;
use attache_vault::import::{self, ArticleKind, ImportedText};
use clap::Args;

use crate::UserError;
use crate::input::read_article;

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// The page or article: .html, .htm, .md, .markdown, .txt (`-` reads standard input).
    #[arg(value_name = "FILE")]
    file: String,
}

/// Prints the readable text of the file: title line, blank line, body.
pub(crate) fn run(args: &ExtractArgs) -> Result<(), UserError> {
    let article = if args.file == "-" {
        from_stdin(read_article("-")?)
    } else {
        read_file(&args.file)?
    };
    if article.text.trim().is_empty() {
        return Err(UserError(format!(
            "{}: no readable text found: is it an article page?",
            args.file
        )));
    }
    let _ = std::io::stdout()
        .lock()
        .write_all(article.readable().as_bytes());
    Ok(())
}

/// The text to draft from FILE and the options its metadata fills (title, URL, outlet and
/// date where the flags leave them empty), read as the desktop reads an opened or pasted
/// article: a web page's article, a Markdown note's body under its YAML front matter, else
/// the text as it is (its `Published:`/`Source:` lines are the engine's to read).
pub(crate) fn article_to_draft(
    file: &str,
    options: &DraftOptions,
) -> Result<(String, DraftOptions), UserError> {
    let is_page = file != "-" && ArticleKind::of(Path::new(file)) == Some(ArticleKind::Html);
    if is_page {
        let page = read_file(file)?;
        return Ok((page.text.clone(), page.draft_options(options)));
    }
    let text = read_article(file)?;
    let article = import::read_pasted(&text);
    let options = article.draft_options(options);
    Ok((article.text, options))
}

fn from_stdin(text: String) -> ImportedText {
    if import::looks_like_html(&text) {
        import::html_article(&text)
    } else {
        ImportedText {
            text,
            ..ImportedText::default()
        }
    }
}

/// Reads an article file through the importer, with the CLI's wording for its errors.
fn read_file(file: &str) -> Result<ImportedText, UserError> {
    import::read_importable(Path::new(file)).map_err(|e| match e {
        VaultError::NotFound { .. } => UserError(format!("{file}: no such file: check the path")),
        VaultError::InvalidName { reason, .. } => UserError(format!("{file}: {reason}")),
        VaultError::TooLarge { bytes, limit, .. } => UserError(format!(
            "{file} is too large ({} MB; the limit is {} MB): save the article alone and try again",
            bytes / 1_000_000,
            limit / 1_000_000
        )),
        other => UserError(other.to_string()),
    })
}
