//! `attache notes …`: create, list, search, export and import notes in the vault.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use attache_engine::DraftOptions;
use attache_vault::settings::{self, VaultSource};
use attache_vault::{ExportFormat, ExportOptions, NewNote, NoteSummary, Vault, VaultError};

use clap::{Args, Subcommand};
use rayon::prelude::*;

use crate::UserError;
use crate::extract::article_to_draft;
use crate::input::read_article;
use crate::source_args::SourceArgs;

#[derive(Debug, Subcommand)]
pub(crate) enum NotesCommand {
    /// Draft FILE and save it as a new note; prints the note's path.
    New(NewArgs),
    /// List the notes, most recently changed first.
    List(ListArgs),
    /// Search titles, front matter and text; best matches first.
    Search(SearchArgs),
    /// Export a note as Markdown, a printable HTML page or a Word document.
    Export(ExportArgs),
    /// Draft each FILE (.txt, .md, .html) into a new note, using all cores.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub(crate) struct VaultArg {
    /// The vault folder (else ATTACHE_VAULT, else the app's setting, else ~/Documents/Attaché).
    #[arg(long, value_name = "DIR")]
    vault: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The article (`-` reads standard input).
    #[arg(value_name = "FILE")]
    file: String,
    #[command(flatten)]
    vault: VaultArg,
    #[command(flatten)]
    source: SourceArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    vault: VaultArg,
    /// Print a JSON array instead of lines.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// Words to find (all must match; "quoted phrases" match whole).
    query: String,
    #[command(flatten)]
    vault: VaultArg,
    /// Print a JSON array instead of lines.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The note: its path, or its exact title (looked up in the vault).
    #[arg(value_name = "NOTE")]
    note: String,
    /// Where to write the export. Without --html or --docx, a name ending in .html, .htm or
    /// .docx chooses that format; anything else gets Markdown.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// Standalone, printable HTML: the marking on every page, one footnote per source sentence.
    #[arg(long, conflicts_with = "docx")]
    html: bool,
    /// A Word document: the marking in every page's header and footer, real footnotes.
    #[arg(long)]
    docx: bool,
    /// Turn [[links]] into plain text (Markdown; HTML and Word always do).
    #[arg(long)]
    flatten_links: bool,
    /// Leave out the front matter (Markdown).
    #[arg(long)]
    no_front_matter: bool,
    /// HTML: open with a table of the note's properties.
    #[arg(long)]
    properties: bool,
    /// HTML: keep images that load from web addresses (opening the page tells their server).
    #[arg(long)]
    remote_images: bool,
    #[command(flatten)]
    vault: VaultArg,
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// Article files: .txt, .md or .html.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    vault: VaultArg,
}

fn err(e: &VaultError) -> UserError {
    UserError(e.to_string())
}

/// Runs one `notes` subcommand.
pub(crate) fn run(command: NotesCommand) -> Result<(), UserError> {
    match command {
        NotesCommand::New(a) => new(&a),
        NotesCommand::List(a) => list(&a),
        NotesCommand::Search(a) => search(&a),
        NotesCommand::Export(a) => export(&a),
        NotesCommand::Import(a) => import(&a),
    }
}

/// The settings (warning printed once) and the vault folder they choose.
fn context(arg: &VaultArg) -> Result<(settings::Settings, PathBuf, VaultSource), UserError> {
    let loaded = match settings::config_dir() {
        Ok(dir) => settings::load(&dir),
        Err(_) => settings::LoadedSettings {
            settings: settings::Settings::default(),
            warning: None,
        },
    };
    if let Some(w) = &loaded.warning {
        eprintln!("attache: warning: {w}");
    }
    let (dir, source) = settings::resolve_vault(arg.vault.as_deref(), &loaded.settings);
    Ok((loaded.settings, dir, source))
}

/// Opens the vault for writing. Only a folder named right now (`--vault`) or the default
/// folder is created when missing: a folder from `ATTACHE_VAULT` or the settings that is not
/// there is most likely on an unplugged drive, and writing an empty vault in its place would
/// hide the analyst's notes.
fn open_for_writing(arg: &VaultArg) -> Result<(settings::Settings, Vault), UserError> {
    let (s, dir, source) = context(arg)?;
    let vault = match source {
        VaultSource::Flag | VaultSource::Default => Vault::open(&dir).map_err(|e| err(&e))?,
        VaultSource::Env | VaultSource::Settings => open_dir(&dir, source)?,
    };
    Ok((s, vault))
}

/// Opens an existing vault for reading: a missing folder is an error, not created.
fn open_existing(arg: &VaultArg) -> Result<Vault, UserError> {
    let (_, dir, source) = context(arg)?;
    open_dir(&dir, source)
}

fn open_dir(dir: &Path, source: VaultSource) -> Result<Vault, UserError> {
    if !dir.is_dir() {
        let how = match source {
            VaultSource::Flag => "check --vault",
            VaultSource::Env => "check ATTACHE_VAULT (is the drive it is on plugged in?)",
            VaultSource::Settings => {
                "plug in the drive it is on, or choose another vault folder in the app's settings"
            }
            VaultSource::Default => {
                "create a note with `attache notes new FILE` or pass --vault DIR"
            }
        };
        return Err(UserError(format!(
            "the vault folder {} does not exist: {how}",
            printable(&dir.display().to_string())
        )));
    }
    Vault::open_existing(dir).map_err(|e| err(&e))
}

/// `s` with control characters (escape sequences, newlines, bidirectional overrides) shown as
/// `\u{…}` escapes, so a title or file name from a synced note can neither drive the terminal
/// nor break the one-line-per-note format.
pub(crate) fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
    };
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn new(a: &NewArgs) -> Result<(), UserError> {
    let (text, options) = article_to_draft(&a.file, &a.source.draft_options())?;
    let (s, vault) = open_for_writing(&a.vault)?;
    let name = if a.file == "-" {
        "standard input"
    } else {
        &a.file
    };
    let brief =
        attache_engine::draft(&text, &options).map_err(|e| UserError(format!("{name}: {e}")))?;
    let meta = NewNote {
        classification: Some(s.default_classification),
        title: None,
        link_style: Some(s.link_style),
        markdown: None,
    };
    let note = vault.create(&brief, &text, &meta).map_err(|e| err(&e))?;
    println!("{}", vault.root().join(&note.summary.path).display());
    Ok(())
}

/// The JSON shape scripts read (decisions.md); `path` is absolute.
fn json_note(root: &Path, n: &NoteSummary) -> serde_json::Value {
    serde_json::json!({
        "path": root.join(&n.path).display().to_string(),
        "title": n.title,
        "published": n.published,
        "updated": n.updated,
        "status": n.status,
        "classification": n.classification,
        "parties": n.parties,
        "problem": n.problem,
    })
}

fn print_notes(vault: &Vault, notes: &[&NoteSummary], json: bool) -> Result<(), UserError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if json {
        let items: Vec<serde_json::Value> =
            notes.iter().map(|n| json_note(vault.root(), n)).collect();
        let s = serde_json::to_string_pretty(&items).map_err(|e| UserError(e.to_string()))?;
        writeln!(out, "{s}")
    } else {
        notes.iter().try_for_each(|n| {
            let date = n
                .published
                .as_deref()
                .or(n.created.as_deref().and_then(|c| c.get(..10)))
                .unwrap_or("          ");
            let marking = n
                .classification
                .as_deref()
                .map(|c| format!("  [{c}]"))
                .unwrap_or_default();
            let path = vault.root().join(&n.path).display().to_string();
            let (date, title, path) = (printable(date), printable(&n.title), printable(&path));
            let marking = printable(&marking);
            match &n.problem {
                Some(p) => writeln!(
                    out,
                    "{date}  {title}{marking}  {path}  (problem: {})",
                    printable(p)
                ),
                None => writeln!(out, "{date}  {title}{marking}  {path}"),
            }
        })
    };
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = written;
    Ok(())
}

fn list(a: &ListArgs) -> Result<(), UserError> {
    let vault = open_existing(&a.vault)?;
    let notes = vault.list().map_err(|e| err(&e))?;
    print_notes(&vault, &notes.iter().collect::<Vec<_>>(), a.json)
}

fn search(a: &SearchArgs) -> Result<(), UserError> {
    if a.query.trim().is_empty() {
        return Err(UserError(
            "the search query is empty: give at least one word".to_owned(),
        ));
    }
    let vault = open_existing(&a.vault)?;
    let hits = vault.search(&a.query).map_err(|e| err(&e))?;
    print_notes(
        &vault,
        &hits.iter().map(|h| &h.note).collect::<Vec<_>>(),
        a.json,
    )
}

/// The format asked for: a flag, else the output file's extension, else Markdown.
fn export_format(a: &ExportArgs) -> ExportFormat {
    if a.html {
        ExportFormat::Html
    } else if a.docx {
        ExportFormat::Docx
    } else {
        match ExportFormat::from_extension(&a.out) {
            Some(f @ (ExportFormat::Html | ExportFormat::Docx)) => f,
            _ => ExportFormat::Markdown,
        }
    }
}

fn export(a: &ExportArgs) -> Result<(), UserError> {
    let (settings, _, _) = context(&a.vault)?;
    let options = ExportOptions {
        format: export_format(a),
        front_matter: !a.no_front_matter,
        flatten_links: a.flatten_links,
        properties: a.properties,
        remote_images: a.remote_images,
        author: settings.author,
    };
    let as_path = Path::new(&a.note);
    let (markdown, title) = if as_path.is_file() {
        let text = read_article(&a.note)?;
        let fm = attache_vault::frontmatter::FrontMatter::of_note(&text).unwrap_or_default();
        let stem = as_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let title = fm.str("title").unwrap_or(stem);
        (text, title)
    } else if as_path.is_dir() {
        return Err(UserError(format!(
            "{} is a directory: give a note's path or title",
            a.note
        )));
    } else {
        let vault = open_existing(&a.vault).map_err(|e| {
            UserError(format!(
                "{}: no such file, and no vault to look the title up in ({e})",
                a.note
            ))
        })?;
        let rel = vault.find_by_title(&a.note).map_err(|e| match e {
            VaultError::NotFound { .. } => UserError(format!(
                "{}: no such file, and no note in {} has this title: check the path or title",
                a.note,
                vault.root().display()
            )),
            other => err(&other),
        })?;
        let note = vault.open_note(&rel).map_err(|e| err(&e))?;
        (note.markdown, note.summary.title)
    };
    let bytes = attache_vault::export::export(&markdown, &title, &options)
        .map_err(|e| UserError(format!("{}: {e}", a.note)))?
        .into_bytes();
    attache_vault::atomic::write_atomic(&a.out, &bytes)
        .map_err(|e| UserError(format!("cannot write {}: {e}", a.out.display())))
}

fn import(a: &ImportArgs) -> Result<(), UserError> {
    let (s, vault) = open_for_writing(&a.vault)?;
    let meta = NewNote {
        classification: Some(s.default_classification),
        title: None,
        link_style: Some(s.link_style),
        markdown: None,
    };
    let total = a.files.len();
    let done = AtomicUsize::new(0);
    let results: Vec<Result<String, String>> = a
        .files
        .par_iter()
        .map(|file| {
            let r = vault
                .import(file, &DraftOptions::default(), &meta)
                .map(|n| vault.root().join(&n.summary.path).display().to_string())
                .map_err(|e| format!("{}: {e}", file.display()));
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            match &r {
                Ok(path) => eprintln!(
                    "[{n}/{total}] {} → {}",
                    printable(&file.display().to_string()),
                    printable(path)
                ),
                Err(e) => eprintln!("[{n}/{total}] attache: {}", printable(e)),
            }
            r
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    for r in &results {
        match r {
            Ok(path) => {
                let _ = writeln!(out, "{}", printable(path));
            }
            Err(_) => failed += 1,
        }
    }
    match failed {
        0 => Ok(()),
        _ if total == 1 => Err(UserError(
            results
                .into_iter()
                .find_map(Result::err)
                .unwrap_or_default(),
        )),
        n => Err(UserError(format!(
            "{n} of {total} files could not be imported (see above)"
        ))),
    }
}
