//! Watching the vault folder so lists refresh when other programs add, change or remove notes.
//! Attaché's own writes, sync tools' temporary files and app folders are filtered out; sync
//! tools' conflict copies are reported as conflicts.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use serde::{Deserialize, Serialize};

use crate::error::{Result, VaultError};
use crate::files;
use crate::index::{conflict_of, is_ignored_name};
use crate::vault::{OwnWrites, Vault, lock};

/// How long changes settle before they are reported (editors write in bursts).
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// A change to the vault made by another program.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VaultEvent {
    /// A note was added or changed (relative path).
    Changed {
        /// The note.
        path: String,
    },
    /// A note was removed or moved away.
    Removed {
        /// The note.
        path: String,
    },
    /// A sync tool wrote a conflict copy of a note: the analyst should compare and merge.
    Conflict {
        /// The conflict copy.
        path: String,
        /// The note it conflicts with.
        original: String,
    },
    /// The watcher lost track (too many changes at once): reload everything.
    Rescan,
}

/// Keeps watching while it lives; drop it to stop.
pub struct VaultWatcher {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

impl std::fmt::Debug for VaultWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VaultWatcher")
    }
}

impl Vault {
    /// Starts watching the vault; `on_change` receives each settled batch of changes (never
    /// empty), on the watcher's thread.
    ///
    /// # Errors
    /// [`VaultError::Io`] when the system refuses to watch the folder (e.g. inotify limits).
    pub fn watch(
        &self,
        mut on_change: impl FnMut(Vec<VaultEvent>) + Send + 'static,
    ) -> Result<VaultWatcher> {
        let root = self.root().to_owned();
        let own = self.own_writes.clone();
        let handler_root = root.clone();
        let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let events = match result {
                Ok(events) => classify(
                    &handler_root,
                    &own,
                    events.iter().map(|e| (&e.event.kind, &e.event.paths)),
                ),
                Err(_) => vec![VaultEvent::Rescan],
            };
            if !events.is_empty() {
                on_change(events);
            }
        })
        .map_err(|e| VaultError::Io {
            action: "watch",
            path: root.clone(),
            source: std::io::Error::other(e),
        })?;
        debouncer
            .watch(&root, RecursiveMode::Recursive)
            .map_err(|e| VaultError::Io {
                action: "watch",
                path: root.clone(),
                source: std::io::Error::other(e),
            })?;
        Ok(VaultWatcher {
            _debouncer: debouncer,
        })
    }
}

fn classify<'a>(
    root: &Path,
    own: &OwnWrites,
    events: impl Iterator<Item = (&'a EventKind, &'a Vec<std::path::PathBuf>)>,
) -> Vec<VaultEvent> {
    let mut by_path: BTreeMap<String, VaultEvent> = BTreeMap::new();
    let mut rescan = false;
    for (kind, paths) in events {
        if matches!(kind, EventKind::Other) && paths.is_empty() {
            rescan = true;
            continue;
        }
        if matches!(kind, EventKind::Access(_)) {
            continue;
        }
        for path in paths {
            let Some(rel) = note_rel(root, path) else {
                continue;
            };
            let exists = path.is_file();
            let ev = if !exists {
                VaultEvent::Removed { path: rel.clone() }
            } else if let Some(original) = conflict_of(&rel)
                .filter(|_| rel.contains(".sync-conflict-") || rel.contains(" (conflicted copy"))
            {
                VaultEvent::Conflict {
                    path: rel.clone(),
                    original,
                }
            } else if is_own_write(own, path) {
                continue;
            } else {
                VaultEvent::Changed { path: rel.clone() }
            };
            by_path.insert(rel, ev);
        }
    }
    let mut out: Vec<VaultEvent> = by_path.into_values().collect();
    if rescan {
        out.push(VaultEvent::Rescan);
    }
    out
}

/// The relative path of a note file, or `None` for anything that is not a note (app folders,
/// hidden and temporary files, other extensions).
fn note_rel(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for c in rel.components() {
        let s = c.as_os_str().to_str()?;
        if is_ignored_name(s) {
            return None; // .attache/, .obsidian/, .syncthing.*.tmp, ~$x, .#x, x.swp, x.tmp
        }
        parts.push(s);
    }
    let name = parts.last()?;
    let is_md = Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(crate::NOTE_EXTENSION));
    is_md.then(|| parts.join("/"))
}

fn is_own_write(own: &OwnWrites, path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    let now = (meta.len(), files::modified_ns(&meta));
    lock(own).get(path).is_some_and(|w| *w == now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_notes_count() {
        let root = Path::new("/v");
        assert_eq!(
            note_rel(root, Path::new("/v/a/b.md")).as_deref(),
            Some("a/b.md")
        );
        for p in [
            "/v/.obsidian/workspace.md",
            "/v/.attache/briefs/x.json",
            "/v/.syncthing.a.md.tmp",
            "/v/~$a.md",
            "/v/.#a.md",
            "/v/a.md.swp",
            "/v/a.tmp",
            "/v/a.txt",
            "/elsewhere/a.md",
        ] {
            assert_eq!(note_rel(root, Path::new(p)), None, "{p}");
        }
    }
}
