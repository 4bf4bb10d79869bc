//! `attache extract`: the readable text of an HTML, Markdown or text file, as it would be
//! drafted (title line, blank line, body).

use std::io::Write;
use std::path::Path;

use clap::Args;

use crate::UserError;

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// The page or article: .html, .htm, .md, .markdown, .txt.
    #[arg(value_name = "FILE")]
    file: String,
}

/// Prints the readable text of the file.
pub(crate) fn run(args: &ExtractArgs) -> Result<(), UserError> {
    let article = attache_vault::import::read_importable(Path::new(&args.file))
        .map_err(|e| UserError(e.to_string()))?;
    let mut text = String::new();
    if let Some(title) = article
        .title
        .as_deref()
        .filter(|t| !article.text.starts_with(*t))
    {
        text.push_str(title);
        text.push_str("\n\n");
    }
    text.push_str(&article.text);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(())
}
