//! The in-memory index behind list and search: one entry per note file, reloaded only when the
//! file's size or modification time changes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::MutexGuard;

use crate::error::{Result, VaultError};
use crate::files::{self, Loaded, problem_line, read_note_into};
use crate::frontmatter::{self, FrontMatter};
use crate::model::NoteSummary;
use crate::vault::{Vault, lock};

/// Everything known about the notes, by relative path.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub entries: HashMap<String, Entry>,
    /// Counts refreshes; entries not seen in the latest one are gone from disk.
    pub epoch: u64,
}

/// One note file as last read.
#[derive(Debug)]
pub(crate) struct Entry {
    pub bytes: u64,
    pub modified_ns: i128,
    pub summary: NoteSummary,
    /// Folded front matter and body, for search (empty until the first search needs it:
    /// listing stays fast and memory stays low for analysts who never search).
    pub lower: String,
    /// True once `lower` holds the note's text.
    pub has_text: bool,
    /// Folded title.
    pub title_lower: String,
    /// Folded party names, one per line (search ranks a party above other front matter).
    pub parties_lower: String,
    /// Byte offset of the body within `lower` (front matter before it).
    pub body_start: usize,
    /// The refresh that last saw the file.
    pub seen: u64,
}

struct Found {
    rel: String,
    abs: PathBuf,
    bytes: u64,
    modified_ns: i128,
    problem: Option<String>,
}

impl Vault {
    /// Brings the index up to date with the folder and returns it (locked).
    pub(crate) fn refresh(&self, with_text: bool) -> Result<MutexGuard<'_, crate::index::Index>> {
        let mut found = Vec::new();
        walk(self.root(), "", &mut found, 0)
            .map_err(|e| VaultError::io("read the vault folder", self.root(), e))?;
        let mut index = lock(&self.index);
        index.epoch += 1;
        let epoch = index.epoch;
        let mut stale = Vec::new();
        for f in found {
            if let Some(e) = index.entries.get_mut(&f.rel) {
                e.seen = epoch;
                let unchanged =
                    e.bytes == f.bytes && e.modified_ns == f.modified_ns && f.problem.is_none();
                let text_ok = !with_text || e.has_text;
                if unchanged && text_ok {
                    continue;
                }
            }
            stale.push(f);
        }
        for mut e in load_all(stale, with_text) {
            e.seen = epoch;
            index.entries.insert(e.summary.path.clone(), e);
        }
        index.entries.retain(|_, e| e.seen == epoch);
        Ok(index)
    }
}

/// Loads entries on every core (reading and parsing 10,000 notes is the cold-list cost).
fn load_all(stale: Vec<Found>, with_text: bool) -> Vec<Entry> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    if stale.len() < 64 || threads == 1 {
        return stale.iter().map(|f| load_entry(f, with_text)).collect();
    }
    let chunk = stale.len().div_ceil(threads);
    let mut chunks: Vec<Vec<Found>> = Vec::new();
    let mut it = stale.into_iter().peekable();
    while it.peek().is_some() {
        chunks.push(it.by_ref().take(chunk).collect());
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| {
                s.spawn(move || {
                    c.iter()
                        .map(|f| load_entry(f, with_text))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn load_entry(f: &Found, with_text: bool) -> Entry {
    let problem_entry = |problem: String| Entry {
        bytes: f.bytes,
        modified_ns: f.modified_ns,
        summary: NoteSummary {
            title: title_from_path(&f.rel),
            path: f.rel.clone(),
            modified_ms: ms(f.modified_ns),
            bytes: f.bytes,
            conflict_of: conflict_of(&f.rel),
            problem: Some(problem),
            ..NoteSummary::default()
        },
        lower: String::new(),
        has_text: true, // nothing more to read: search matches its title only
        title_lower: fold_case(&title_from_path(&f.rel)),
        parties_lower: String::new(),
        body_start: 0,
        seen: 0,
    };
    if let Some(p) = f.problem.clone() {
        return problem_entry(p);
    }
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let entry = BUF.with_borrow_mut(|buf| match read_note_into(&f.abs, buf) {
        Ok((text, bytes, modified_ns)) => {
            let summary = summarize_text(&f.rel, text, bytes, modified_ns);
            let (lower, body_start) = if with_text {
                let split_at = frontmatter::split(text).map_or(0, |s| s.body_start);
                let (front, body) = text.split_at(split_at);
                // Lower-case the parts separately: lower-casing can change byte lengths.
                let mut lower = fold_case(front);
                let body_start = lower.len();
                lower.push_str(&fold_case(body));
                (lower, body_start)
            } else {
                (String::new(), 0)
            };
            Entry {
                bytes,
                modified_ns,
                lower,
                has_text: with_text,
                title_lower: fold_case(&summary.title),
                parties_lower: fold_case(&summary.parties.join("\n")),
                body_start,
                seen: 0,
                summary,
            }
        }
        Err(e) => problem_entry(problem_line(&e)),
    });
    BUF.with_borrow_mut(|buf| {
        if buf.capacity() > 1 << 20 {
            *buf = Vec::new(); // do not keep a huge note's buffer alive
        }
    });
    entry
}

/// What a list shows for a note that was read.
pub(crate) fn summarize(rel: &str, loaded: &Loaded) -> NoteSummary {
    summarize_text(rel, &loaded.text, loaded.bytes, loaded.modified_ns)
}

/// What a list shows for a note with this text, size and modification time.
fn summarize_text(rel: &str, text: &str, bytes: u64, modified_ns: i128) -> NoteSummary {
    let mut s = NoteSummary {
        path: rel.to_owned(),
        title: title_from_path(rel),
        modified_ms: ms(modified_ns),
        bytes,
        conflict_of: conflict_of(rel),
        ..NoteSummary::default()
    };
    let fm = frontmatter::split(text).and_then(|sp| match sp.yaml {
        Some(y) => FrontMatter::parse(y),
        None => Ok(FrontMatter::default()),
    });
    match fm {
        Ok(fm) => {
            if let Some(t) = fm.str("title") {
                s.title = t;
            } else if let Some(h) = first_heading(text) {
                s.title = h;
            }
            s.id = fm.str("id");
            s.created = fm.str("created");
            s.updated = fm.str("updated");
            s.published = fm.str("published");
            s.status = fm.str("status");
            s.classification = fm.str("classification");
            s.parties = fm.list("parties");
            s.tags = fm.list("tags");
        }
        Err(reason) => {
            s.problem = Some(problem_line(&VaultError::BrokenFrontMatter {
                path: PathBuf::from(rel),
                reason,
            }));
        }
    }
    s
}

fn first_heading(text: &str) -> Option<String> {
    let body = frontmatter::split(text).map_or(text, |s| s.body);
    body.lines()
        .take(20)
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

fn ms(ns: i128) -> i64 {
    i64::try_from(ns / 1_000_000).unwrap_or(i64::MAX)
}

fn title_from_path(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.strip_suffix(".md").unwrap_or(name).to_owned()
}

/// For a sync tool's conflict copy, the note it conflicts with.
pub(crate) fn conflict_of(rel: &str) -> Option<String> {
    let (dir, name) = rel.rsplit_once('/').map_or(("", rel), |(d, n)| (d, n));
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let original = if let Some(i) = stem.find(".sync-conflict-") {
        &stem[..i] // Syncthing: `name.sync-conflict-20250101-120000-ABCDEFG.md`
    } else if let Some(i) = stem.find(" (conflict copy ") {
        &stem[..i] // Attaché's own conflict copies
    } else if let Some(i) = stem.find(" (conflicted copy") {
        &stem[..i] // Dropbox
    } else {
        return None;
    };
    let file = format!("{original}.md");
    Some(if dir.is_empty() {
        file
    } else {
        format!("{dir}/{file}")
    })
}

/// True when `name` (a file name or a relative path) ends in `.md`, in any case.
#[must_use]
pub(crate) fn is_note_name(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(crate::NOTE_EXTENSION))
}

/// True for names sync tools and editors use for temporary files, which are never notes.
#[must_use]
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.') // hidden: .syncthing.*.tmp, .#lock files, Attaché's temp files
        || name.starts_with("~$")
        || name.ends_with(".tmp")
        || name.ends_with(".swp")
        || name.ends_with('~')
}

/// Folder levels read below the vault folder; deeper folders are listed with a problem.
pub(crate) const MAX_DEPTH: usize = 32;

/// A folder whose notes cannot be listed, shown in the list with why (so no note is hidden
/// without a word).
fn folder_problem(root: &Path, rel: String, problem: String) -> Found {
    let abs = root.join(&rel);
    let (bytes, modified_ns) = std::fs::symlink_metadata(&abs)
        .map(|m| (0, files::modified_ns(&m)))
        .unwrap_or_default();
    Found {
        rel,
        abs,
        bytes,
        modified_ns,
        problem: Some(problem),
    }
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}/{name}")
    }
}

fn walk(root: &Path, prefix: &str, out: &mut Vec<Found>, depth: usize) -> std::io::Result<()> {
    let dir = root.join(prefix);
    let entries = match std::fs::read_dir(&dir) {
        Ok(rd) => rd,
        // An unreadable subfolder must not hide the rest of the vault, nor itself.
        Err(e) if depth > 0 => {
            out.push(folder_problem(
                root,
                prefix.to_owned(),
                format!(
                    "this folder cannot be read ({e}): its notes are not listed; check its permissions"
                ),
            ));
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    for entry in entries.flatten() {
        let os_name = entry.file_name();
        let Ok(ft) = entry.file_type() else { continue };
        let Some(name) = os_name.to_str() else {
            // A name in another encoding: Attaché cannot address it, so it says so.
            let lossy = os_name.to_string_lossy();
            if is_ignored_name(&lossy) || !(ft.is_dir() || is_note_name(&lossy)) {
                continue;
            }
            let what = if ft.is_dir() {
                "this folder's name is not valid UTF-8, so its notes are not listed"
            } else {
                "this file's name is not valid UTF-8, so Attaché cannot open it"
            };
            out.push(folder_problem(
                root,
                join(prefix, &lossy),
                format!("{what}: rename it (for example in a file manager)"),
            ));
            continue;
        };
        if is_ignored_name(name) {
            continue; // also skips .attache/, .obsidian/, .git/, .trash/
        }
        let abs = entry.path();
        let rel = join(prefix, name);
        if ft.is_dir() {
            if depth < MAX_DEPTH {
                walk(root, &rel, out, depth + 1)?;
            } else {
                out.push(folder_problem(
                    root,
                    rel,
                    format!(
                        "this folder is nested more than {MAX_DEPTH} levels deep, so its notes are not listed: move them to a folder higher up"
                    ),
                ));
            }
            continue;
        }
        if !is_note_name(name) {
            continue;
        }
        let mut problem = None;
        if ft.is_symlink() {
            match abs.canonicalize() {
                Ok(real) if real.starts_with(root) && real.is_file() => {}
                Ok(real) if !real.starts_with(root) => {
                    problem = Some(problem_line(&VaultError::OutsideVault {
                        path: abs.clone(),
                    }));
                }
                _ => problem = Some("a broken symlink: its target does not exist".to_owned()),
            }
        }
        let meta = if problem.is_some() {
            std::fs::symlink_metadata(&abs)
        } else if ft.is_symlink() {
            std::fs::metadata(&abs)
        } else {
            entry.metadata() // relative to the open folder: no path lookup
        };
        let Ok(meta) = meta else {
            continue; // vanished between listing the folder and looking at it: gone
        };
        if problem.is_none() && !meta.is_file() {
            // A pipe or device named `.md`: opening it could block forever.
            problem = Some("not a regular file: Attaché leaves it alone".to_owned());
        }
        out.push(Found {
            rel,
            abs,
            bytes: meta.len(),
            modified_ns: files::modified_ns(&meta),
            problem,
        });
    }
    Ok(())
}

/// Folds `s` for search: case, diacritics, quotes and white space (see `search::fold`).
pub(crate) fn fold_case(s: &str) -> String {
    crate::search::fold(s)
}

#[cfg(test)]
mod tests {
    use super::fold_case;

    #[test]
    fn fold_case_folds_case_and_diacritics_character_by_character() {
        assert_eq!(
            fold_case("Hello “World” — ÉTÉ İstanbul"),
            "hello \"world\" — ete istanbul"
        );
        // No context rules (final sigma), so a query folds the same way as the text it finds.
        assert_eq!(fold_case("ΣΑΣ"), fold_case("σας").replace('ς', "σ"));
    }
}
