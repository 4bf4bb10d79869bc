//! `attache`: draft briefs from articles and manage the notes vault from a terminal.
//!
//! Exit codes: 0 success, 1 input or vault error (one line on stderr), 2 usage error.
#![forbid(unsafe_code)]

mod draft;
mod extract;
mod input;
mod notes;
mod source_args;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Draft briefing notes from news articles, offline.
#[derive(Debug, Parser)]
#[command(name = "attache", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Draft a brief from each FILE (`-` reads standard input).
    Draft(draft::DraftArgs),
    /// Print the readable text of an HTML, Markdown or text file (title line, blank line, body).
    Extract(extract::ExtractArgs),
    /// Create, list, search, export and import notes in the vault.
    #[command(subcommand)]
    Notes(notes::NotesCommand),
}

/// An error the user can act on: printed as one line, exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct UserError(pub String);

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not errors.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Draft(args) => draft::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Notes(command) => notes::run(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, whatever a file name or title in the message holds.
            eprintln!("attache: {}", notes::printable(&e.to_string()));
            ExitCode::from(1)
        }
    }
}
