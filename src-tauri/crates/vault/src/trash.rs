//! Delete to `.attache/trash/` and restore: a note moves there with its draft and source.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic::write_atomic;
use crate::error::{Result, VaultError};
use crate::model::TrashEntry;
use crate::vault::{Vault, now_rfc3339};

const ENTRY_FILE: &str = "entry.json";

#[derive(Serialize, Deserialize)]
struct Record {
    original_path: String,
    title: String,
    deleted: String,
    id: Option<String>,
    file: String,
}

impl Vault {
    /// Moves a note to the trash, with its stored draft and source.
    ///
    /// # Errors
    /// [`VaultError::NotFound`], [`VaultError::OutsideVault`], [`VaultError::Io`].
    pub fn delete(&self, path: impl AsRef<Path>) -> Result<TrashEntry> {
        self.move_to_trash(path.as_ref(), true)
    }

    /// Moves a note to the trash; its draft and source go with it only when `with_draft`
    /// (a conflict copy shares its note's `id`, and the draft stays with the note).
    pub(crate) fn move_to_trash(&self, path: &Path, with_draft: bool) -> Result<TrashEntry> {
        let abs = self.resolve(path)?;
        if !abs.is_file() {
            return Err(VaultError::NotFound { path: abs });
        }
        let rel = self.rel(&abs);
        let summary = self.open_note(&rel).map(|n| n.summary).unwrap_or_default();
        let deleted = now_rfc3339();
        let trash_id = format!(
            "{}-{}",
            deleted.replace([':', '-'], ""),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        let dir = self.state_dir("trash").join(&trash_id);
        std::fs::create_dir_all(&dir).map_err(|e| VaultError::io("create", &dir, e))?;
        let file = abs
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = summary
            .id
            .clone()
            .filter(|id| uuid::Uuid::parse_str(id).is_ok());
        let record = Record {
            original_path: rel.clone(),
            title: if summary.title.is_empty() {
                file.clone()
            } else {
                summary.title.clone()
            },
            deleted: deleted.clone(),
            id: id.clone(),
            file: file.clone(),
        };
        let json = serde_json::to_vec_pretty(&record).unwrap_or_default();
        let entry = dir.join(ENTRY_FILE);
        write_atomic(&entry, &json).map_err(|e| VaultError::io("write", &entry, e))?;
        std::fs::rename(&abs, dir.join(&file))
            .map_err(|e| VaultError::io("move to the trash", &abs, e))?;
        if let Some(id) = id.as_ref().filter(|_| with_draft) {
            for (sub, ext) in [("briefs", "json"), ("sources", "txt")] {
                let from = self.state_dir(sub).join(format!("{id}.{ext}"));
                if from.exists() {
                    let _ = std::fs::rename(&from, dir.join(format!("{sub}.{ext}")));
                }
            }
        }
        Ok(TrashEntry {
            trash_id,
            original_path: rel,
            title: record.title,
            deleted,
        })
    }

    /// The notes in the trash, most recently deleted first.
    ///
    /// # Errors
    /// [`VaultError::Io`] when the trash folder cannot be read.
    pub fn trash(&self) -> Result<Vec<TrashEntry>> {
        let root = self.state_dir("trash");
        let rd = match std::fs::read_dir(&root) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(VaultError::io("read", &root, e)),
        };
        let mut out: Vec<TrashEntry> = rd
            .flatten()
            .filter_map(|d| {
                if !is_trash_id(&d.file_name().to_string_lossy()) {
                    return None;
                }
                let record = read_record(&d.path()).ok()?;
                // A delete cut short before the note moved in: nothing to restore.
                if !is_plain_note_name(&record.file) || !d.path().join(&record.file).is_file() {
                    return None;
                }
                Some(TrashEntry {
                    trash_id: d.file_name().to_string_lossy().into_owned(),
                    original_path: record.original_path,
                    title: record.title,
                    deleted: record.deleted,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.deleted
                .cmp(&a.deleted)
                .then_with(|| b.trash_id.cmp(&a.trash_id))
        });
        Ok(out)
    }

    /// Puts a note back where it was (with a number added if that name is taken now).
    /// Returns its path.
    ///
    /// The trash record (`entry.json`) may come from anywhere a synced or git vault does, so
    /// nothing in it is trusted: the trash id must be one of ours, the file a plain `.md` name
    /// inside the entry's folder (not a link), the note id a UUID, and the place to restore to
    /// a note path inside the vault.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown or malformed `trash_id`;
    /// [`VaultError::OutsideVault`] for a record that names anything else.
    pub fn restore(&self, trash_id: &str) -> Result<String> {
        let not_found = || VaultError::NotFound {
            path: PathBuf::from(trash_id),
        };
        if !is_trash_id(trash_id) {
            return Err(not_found());
        }
        let dir = self.state_dir("trash").join(trash_id);
        if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            return Err(not_found());
        }
        let record = read_record(&dir)?;
        let tampered = |what: &str| VaultError::OutsideVault {
            path: PathBuf::from(format!("{trash_id}: {what}")),
        };
        if !is_plain_note_name(&record.file) {
            return Err(tampered(&record.file));
        }
        let original = self.resolve(&record.original_path)?;
        let parent = original.parent().unwrap_or(self.root()).to_owned();
        std::fs::create_dir_all(&parent).map_err(|e| VaultError::io("create", &parent, e))?;
        // Only now that the folder exists can a symlinked folder on the way be seen.
        let real_parent = parent
            .canonicalize()
            .map_err(|e| VaultError::io("open", &parent, e))?;
        if !real_parent.starts_with(self.root()) {
            return Err(tampered(&record.original_path));
        }
        let stem = original
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let trashed = dir.join(&record.file);
        let text = crate::files::read_bounded(&trashed, crate::files::MAX_NOTE_BYTES)
            .map_err(|e| VaultError::io("read", &trashed, e))?;
        // Written as a new file (never replacing one that took its place), then the trash copy goes.
        let target = self.write_unique(&real_parent, &stem, &text)?;
        // A note id that is not a UUID names no draft of ours: nothing to bring back.
        let id = record
            .id
            .as_deref()
            .and_then(|id| uuid::Uuid::parse_str(id).ok())
            .map(|u| u.hyphenated().to_string());
        if let Some(id) = id {
            for (sub, ext) in [("briefs", "json"), ("sources", "txt")] {
                let from = dir.join(format!("{sub}.{ext}"));
                let to = self.state_dir(sub).join(format!("{id}.{ext}"));
                let is_file = std::fs::symlink_metadata(&from).is_ok_and(|m| m.is_file());
                if is_file && !to.exists() {
                    let _ = std::fs::create_dir_all(self.state_dir(sub));
                    let _ = std::fs::rename(&from, &to);
                }
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
        Ok(self.rel(&target))
    }
}

/// Trash ids are ours: `20251016T093000Z-1a2b3c4d` (letters, digits and dashes only).
fn is_trash_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A single `.md` file name: no folders, not hidden, not a temporary name.
fn is_plain_note_name(name: &str) -> bool {
    let path = Path::new(name);
    let mut parts = path.components();
    matches!(
        (parts.next(), parts.next()),
        (Some(std::path::Component::Normal(_)), None)
    ) && !name.contains(['/', '\\'])
        && !crate::index::is_ignored_name(name)
        && crate::index::is_note_name(name)
}

fn read_record(dir: &Path) -> Result<Record> {
    let path = dir.join(ENTRY_FILE);
    let bytes = crate::files::read_bounded(&path, 64 * 1024)
        .map_err(|e| VaultError::io("read", &path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| VaultError::Io {
        action: "read",
        path,
        source: std::io::Error::other(e),
    })
}
