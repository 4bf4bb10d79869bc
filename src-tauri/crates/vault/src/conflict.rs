//! Resolving a conflict: after a save found the note changed on disk, the analyst's version
//! sits beside it as a conflict copy, and the analyst chooses. Each choice is one vault call,
//! so a failure part-way cannot leave it half done in the UI.

use std::path::Path;

use crate::error::{Result, VaultError};
use crate::files;
use crate::frontmatter::{self, FmValue};
use crate::model::{OpenNote, SaveOutcome};
use crate::vault::Vault;

impl Vault {
    /// "Keep mine": `markdown` (the analyst's text, with anything typed since) replaces the
    /// version on disk, and the conflict copy goes to the trash (restorable). If the note
    /// changed yet again meanwhile, the result is a new conflict, with a new copy.
    ///
    /// # Errors
    /// [`VaultError::InvalidName`] when `copy` is not a conflict copy of `path`; as
    /// [`Vault::save`].
    pub fn keep_mine(
        &self,
        path: impl AsRef<Path>,
        copy: impl AsRef<Path>,
        markdown: &str,
    ) -> Result<SaveOutcome> {
        self.check_conflict_pair(path.as_ref(), copy.as_ref())?;
        let theirs = self.open_note(path.as_ref())?;
        let outcome = self.save(path.as_ref(), markdown, &theirs.stamp)?;
        // Either way the old copy is done with: mine is in the note, or in the new copy.
        self.move_to_trash(copy.as_ref(), false)?;
        Ok(outcome)
    }

    /// "Take theirs": the version on disk stays; the analyst's copy goes to the trash
    /// (restorable). Returns the note as it is on disk.
    ///
    /// # Errors
    /// As [`Vault::keep_mine`], and as [`Vault::open_note`].
    pub fn take_theirs(&self, path: impl AsRef<Path>, copy: impl AsRef<Path>) -> Result<OpenNote> {
        self.check_conflict_pair(path.as_ref(), copy.as_ref())?;
        self.move_to_trash(copy.as_ref(), false)?;
        self.open_note(path.as_ref())
    }

    /// "Keep both": the copy becomes a note of its own, with a new `id` and its own copy of the
    /// draft and the source, so deleting either never takes the other's provenance. Returns
    /// the copy, opened for editing.
    ///
    /// # Errors
    /// As [`Vault::keep_mine`]; [`VaultError::Conflict`] when the copy changed on disk.
    pub fn keep_both(&self, path: impl AsRef<Path>, copy: impl AsRef<Path>) -> Result<OpenNote> {
        self.check_conflict_pair(path.as_ref(), copy.as_ref())?;
        let note = self.open_note(path.as_ref())?;
        let mine = self.open_note(copy.as_ref())?;
        let shared = mine.summary.id.is_some() && mine.summary.id == note.summary.id;
        if !shared {
            return Ok(mine);
        }
        let old_id = mine.summary.id.clone().unwrap_or_default();
        let new_id = uuid::Uuid::new_v4().to_string();
        let limit = 4 * attache_engine::MAX_INPUT_BYTES as u64;
        for (sub, ext) in [("briefs", "json"), ("sources", "txt")] {
            let from = self.state_dir(sub).join(format!("{old_id}.{ext}"));
            if let Ok(bytes) = files::read_bounded(&from, limit) {
                let to = self.state_dir(sub).join(format!("{new_id}.{ext}"));
                crate::atomic::write_new(&to, &bytes)
                    .map_err(|e| VaultError::io("write", &to, e))?;
            }
        }
        let text =
            frontmatter::set(&mine.markdown, "id", &FmValue::Str(new_id)).map_err(|reason| {
                VaultError::BrokenFrontMatter {
                    path: copy.as_ref().to_owned(),
                    reason,
                }
            })?;
        match self.save(copy.as_ref(), &text, &mine.stamp)? {
            SaveOutcome::Saved { .. } => self.open_note(copy.as_ref()),
            SaveOutcome::Conflict { .. } => Err(VaultError::Conflict {
                path: copy.as_ref().to_owned(),
            }),
        }
    }

    /// `copy` must be a conflict copy of `path` (by its name): the choices never touch any
    /// other pair of notes.
    fn check_conflict_pair(&self, path: &Path, copy: &Path) -> Result<()> {
        let note = self.rel(&self.resolve(path)?);
        let copy_rel = self.rel(&self.resolve(copy)?);
        if crate::index::conflict_of(&copy_rel).as_deref() == Some(note.as_str()) {
            return Ok(());
        }
        Err(VaultError::InvalidName {
            name: copy_rel,
            reason: format!(
                "it is not a conflict copy of {note}: reopen the note and choose again"
            ),
        })
    }
}
