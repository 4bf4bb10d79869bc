//! Delete to `.attache/trash/` and restore: a note moves there with its draft and source.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic::write_atomic;
use crate::error::{Result, VaultError};
use crate::model::TrashEntry;
use crate::names;
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
        if let Some(id) = &id {
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
                let record = read_record(&d.path()).ok()?;
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
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown `trash_id`.
    pub fn restore(&self, trash_id: &str) -> Result<String> {
        if names::check_relative(Path::new(trash_id)).is_err() || trash_id.contains('/') {
            return Err(VaultError::NotFound {
                path: PathBuf::from(trash_id),
            });
        }
        let dir = self.state_dir("trash").join(trash_id);
        let record = read_record(&dir)?;
        let original = self.resolve(&record.original_path)?;
        let parent = original.parent().unwrap_or(self.root()).to_owned();
        std::fs::create_dir_all(&parent).map_err(|e| VaultError::io("create", &parent, e))?;
        let stem = original
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text =
            std::fs::read(dir.join(&record.file)).map_err(|e| VaultError::io("read", &dir, e))?;
        // Written as a new file (never replacing one that took its place), then the trash copy goes.
        let target = self.write_unique(&parent, &stem, &text)?;
        if let Some(id) = &record.id {
            for (sub, ext) in [("briefs", "json"), ("sources", "txt")] {
                let from = dir.join(format!("{sub}.{ext}"));
                let to = self.state_dir(sub).join(format!("{id}.{ext}"));
                if from.exists() && !to.exists() {
                    let _ = std::fs::create_dir_all(self.state_dir(sub));
                    let _ = std::fs::rename(&from, &to);
                }
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
        Ok(self.rel(&target))
    }
}

fn read_record(dir: &Path) -> Result<Record> {
    let path = dir.join(ENTRY_FILE);
    let bytes = std::fs::read(&path).map_err(|e| VaultError::io("read", &path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| VaultError::Io {
        action: "read",
        path,
        source: std::io::Error::other(e),
    })
}
