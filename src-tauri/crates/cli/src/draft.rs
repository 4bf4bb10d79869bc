//! `attache draft`: one brief per file, as JSON (Lines) or Markdown.

use std::io::Write;

use attache_engine::{DraftOptions, render};
use clap::{Args, ValueEnum};
use rayon::prelude::*;

use crate::UserError;
use crate::extract::article_to_draft;
use crate::source_args::SourceArgs;

/// Output format of `attache draft`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// The `attache.brief/1` JSON object (JSON Lines for several files).
    Json,
    /// The brief as a Markdown note (notes separated by a form feed line).
    Markdown,
}

#[derive(Debug, Args)]
pub(crate) struct DraftArgs {
    /// Article files (`-` reads standard input).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    source: SourceArgs,
}

/// Drafts every file (in parallel, output in order) and prints the briefs.
pub(crate) fn run(args: &DraftArgs) -> Result<(), UserError> {
    let options = args.source.draft_options();
    let outputs: Vec<Result<String, UserError>> = args
        .files
        .par_iter()
        .map(|file| draft_one(file, &options, args.format))
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut first_error = None;
    for (i, result) in outputs.into_iter().enumerate() {
        match result {
            Ok(s) => {
                if args.format == Format::Markdown && i > 0 {
                    let _ = out.write_all(b"\x0c\n");
                }
                if out.write_all(s.as_bytes()).is_err() {
                    return Ok(()); // stdout closed (e.g. `| head`): nothing more to say
                }
            }
            Err(e) => {
                if args.files.len() > 1 {
                    eprintln!("attache: {e}");
                }
                first_error.get_or_insert(e);
            }
        }
    }
    let _ = out.flush();
    match first_error {
        // One file: its error is the whole answer. Several: they were printed as they came.
        Some(e) if args.files.len() == 1 => Err(e),
        Some(_) => Err(UserError(
            "some files could not be drafted (see above)".to_owned(),
        )),
        None => Ok(()),
    }
}

fn draft_one(file: &str, options: &DraftOptions, format: Format) -> Result<String, UserError> {
    let (text, options) = article_to_draft(file, options)?;
    let name = if file == "-" { "standard input" } else { file };
    let brief =
        attache_engine::draft(&text, &options).map_err(|e| UserError(format!("{name}: {e}")))?;
    Ok(match format {
        Format::Json => {
            let mut s =
                serde_json::to_string(&brief).map_err(|e| UserError(format!("{name}: {e}")))?;
            s.push('\n');
            s
        }
        Format::Markdown => {
            // A drafted note is created now; rendering itself stays a pure function.
            let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            let options = render::RenderOptions {
                created: Some(now.clone()),
                updated: Some(now),
                ..render::RenderOptions::default()
            };
            render::markdown(&brief, &text, &options)
        }
    })
}
