//! The vault: opening it, resolving paths safely, creating, opening and saving notes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use attache_engine::Brief;
use attache_engine::render::{self, RenderOptions};

use crate::atomic::{
    Remove, Replace, remove_if_unchanged, replace_if_unchanged, write_atomic, write_new,
};
use crate::error::{Result, VaultError};
use crate::files::{self, hash_hex, read_note};
use crate::frontmatter::{self, FmValue, FrontMatter};
use crate::index::Index;
use crate::model::{LoadStamp, NewNote, NoteSummary, OpenNote, SaveOutcome};
use crate::names;
use crate::owned::{self, IdRule, NoteDefaults};
use crate::patch::{DraftEdit, DraftState, NoteRefs};

/// What `.attache/briefs/<id>.json` holds: a brief, with the note's footnote of each item.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredDraft {
    #[serde(flatten)]
    brief: Brief,
    #[serde(default)]
    note_refs: Option<NoteRefs>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    note_edits: Vec<DraftEdit>,
}

/// Folder inside the vault for Attaché's own files (drafts, sources, trash).
pub const STATE_DIR: &str = ".attache";

/// Marking written when neither the caller nor the settings give one.
pub const DEFAULT_CLASSIFICATION: &str = "UNCLASSIFIED";

/// Files Attaché itself wrote, by path, with what they looked like right after: the watcher
/// skips events that match, so the app does not react to its own saves.
pub(crate) type OwnWrites = Arc<Mutex<HashMap<PathBuf, (u64, i128)>>>;

/// A folder of Markdown notes. Cheap to share between threads (`&Vault` is `Sync`); every
/// method is blocking file I/O (run it off the UI thread).
#[derive(Debug)]
pub struct Vault {
    root: PathBuf,
    pub(crate) index: Mutex<Index>,
    pub(crate) own_writes: OwnWrites,
    pub(crate) drafts: Mutex<crate::party::DraftCache>,
    /// The analyst's marking and author, filled into every note saved (see [`crate::owned`]).
    defaults: Mutex<NoteDefaults>,
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock cannot leave the data half-updated in a way that matters
    // (the index is a cache), so keep going.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Vault {
    /// Opens the vault at `root`, creating the folder if it does not exist (a new vault, or
    /// the default folder). See [`Vault::open_existing`] for a folder that must be there.
    ///
    /// # Errors
    /// [`VaultError::Io`] when the folder cannot be created or is not a folder.
    pub fn open(root: impl AsRef<Path>) -> Result<Self> {
        let root = root.as_ref();
        std::fs::create_dir_all(root)
            .map_err(|e| VaultError::io("create the vault folder", root, e))?;
        let root = root
            .canonicalize()
            .map_err(|e| VaultError::io("open the vault folder", root, e))?;
        if !root.is_dir() {
            return Err(VaultError::Io {
                action: "open the vault folder",
                path: root,
                source: std::io::Error::other("it is a file, not a folder"),
            });
        }
        // Saves interrupted by a crash leave hidden temporary files (never a damaged note).
        for dir in [
            root.clone(),
            root.join(STATE_DIR).join("briefs"),
            root.join(STATE_DIR).join("sources"),
        ] {
            crate::atomic::remove_orphaned_temp_files(&dir);
        }
        Ok(Self {
            root,
            index: Mutex::new(Index::default()),
            own_writes: Arc::default(),
            drafts: Mutex::default(),
            defaults: Mutex::default(),
        })
    }

    /// Opens the vault at `root`, which must already exist. Use this for a folder chosen
    /// earlier (settings): if it is missing (an unplugged drive, an unmounted share), creating
    /// an empty folder in its place would hide the analyst's notes.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] when the folder does not exist, else as [`Vault::open`].
    pub fn open_existing(root: impl AsRef<Path>) -> Result<Self> {
        let root = root.as_ref();
        if !root.is_dir() {
            return Err(VaultError::NotFound {
                path: root.to_owned(),
            });
        }
        Self::open(root)
    }

    /// Sets the marking and author every save fills in when a note lacks them (the shell
    /// passes the analyst's settings).
    pub fn set_note_defaults(&self, defaults: NoteDefaults) {
        *lock(&self.defaults) = defaults;
    }

    /// The marking and author saves fill in (the settings', once the shell has set them).
    #[must_use]
    pub fn note_defaults(&self) -> NoteDefaults {
        lock(&self.defaults).clone()
    }

    /// The vault folder (absolute, symlinks resolved).
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The absolute path of a note given relative to the vault (or absolute inside it).
    ///
    /// # Errors
    /// [`VaultError::OutsideVault`] for `..`, absolute paths elsewhere, Attaché's and Obsidian's
    /// own folders, and symlinks that lead out of the vault; [`VaultError::NotANote`] for
    /// anything but a `.md` file outside hidden folders.
    pub fn resolve(&self, path: impl AsRef<Path>) -> Result<PathBuf> {
        let given = path.as_ref();
        let outside = || VaultError::OutsideVault {
            path: given.to_owned(),
        };
        let rel = if given.is_absolute() {
            let lexical = given.strip_prefix(&self.root).ok().map(Path::to_owned);
            match lexical {
                Some(r) => r,
                // The caller may hold a non-canonical spelling of the root (e.g. /tmp vs /private/tmp).
                None => given
                    .parent()
                    .and_then(|p| p.canonicalize().ok())
                    .and_then(|p| p.strip_prefix(&self.root).ok().map(Path::to_owned))
                    .and_then(|p| given.file_name().map(|n| p.join(n)))
                    .ok_or_else(outside)?,
            }
        } else {
            given.to_owned()
        };
        let rel = names::check_relative(&rel).map_err(|_| outside())?;
        let first = rel.split('/').next().unwrap_or("");
        if first == STATE_DIR || first == ".obsidian" {
            return Err(outside());
        }
        // Hidden folders (.git, .ssh, .trash) and temporary names are never notes, and only
        // Markdown files are: a save must not be able to write `.git/config` or a script.
        if rel.split('/').any(crate::index::is_ignored_name) {
            return Err(VaultError::NotANote {
                path: given.to_owned(),
                reason: "it is hidden, or inside a hidden folder",
            });
        }
        if !crate::index::is_note_name(&rel) {
            return Err(VaultError::NotANote {
                path: given.to_owned(),
                reason: "it is not a .md file",
            });
        }
        let abs = self.root.join(&rel);
        if std::fs::symlink_metadata(&abs).is_ok() {
            let real = abs
                .canonicalize()
                .map_err(|e| VaultError::io("open", &abs, e))?;
            if !real.starts_with(&self.root) {
                return Err(outside());
            }
        } else if let Some(parent) = abs.parent().and_then(|p| p.canonicalize().ok())
            && !parent.starts_with(&self.root)
        {
            return Err(outside());
        }
        Ok(abs)
    }

    /// The path of `abs` relative to the vault, with `/` separators.
    pub(crate) fn rel(&self, abs: &Path) -> String {
        abs.strip_prefix(&self.root)
            .unwrap_or(abs)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    pub(crate) fn state_dir(&self, sub: &str) -> PathBuf {
        self.root.join(STATE_DIR).join(sub)
    }

    fn brief_path(&self, id: &str) -> PathBuf {
        self.state_dir("briefs").join(format!("{id}.json"))
    }

    fn source_path(&self, id: &str) -> PathBuf {
        self.state_dir("sources").join(format!("{id}.txt"))
    }

    /// Creates a note from a drafted brief and the article it was drafted from: renders the
    /// Markdown, gives it a new `id`, and stores the draft and the article under `.attache/`.
    /// The file is named `YYYY-MM-DD Title.md` (publication date, else today).
    ///
    /// # Errors
    /// [`VaultError::Io`] when a file cannot be written.
    pub fn create(&self, brief: &Brief, source: &str, meta: &NewNote) -> Result<OpenNote> {
        let id = uuid::Uuid::new_v4().to_string();
        let now = now_rfc3339();
        let mut brief = brief.clone();
        if let Some(t) = meta
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            t.clone_into(&mut brief.title);
        }
        let defaults = self.note_defaults();
        let classification = meta
            .classification
            .clone()
            .unwrap_or_else(|| defaults.classification.clone());
        // The renderer's options may grow: new fields keep their defaults.
        #[allow(clippy::needless_update)]
        let options = RenderOptions {
            id: Some(id.clone()),
            classification: Some(classification.clone()),
            created: Some(now.clone()),
            updated: Some(now.clone()),
            link_style: meta.link_style.unwrap_or_default(),
            ..Default::default()
        };
        // The analyst's edited draft is the note; else the brief as rendered.
        let text = match meta.markdown.as_deref() {
            Some(md) if !md.trim().is_empty() => md.to_owned(),
            _ => render::markdown(&brief, source, &options),
        };
        let defaults = NoteDefaults {
            classification: classification.clone(),
            ..defaults
        };
        let owned = owned::own(&text, IdRule::Force(&id), &defaults).map_err(|reason| {
            VaultError::BrokenFrontMatter {
                path: PathBuf::from(&brief.title),
                reason,
            }
        })?;
        let markdown = ensure_keys(&owned.text, &brief, &id, &classification, &now);

        for dir in ["briefs", "sources"] {
            let d = self.state_dir(dir);
            std::fs::create_dir_all(&d).map_err(|e| VaultError::io("create", &d, e))?;
        }
        let refs = crate::patch::rendered_refs(&brief, source);
        let json = self.draft_json(&id, &brief, &refs, &[])?;
        let bp = self.brief_path(&id);
        let sp = self.source_path(&id);
        // The draft and the source first (a note never lacks its provenance), the note last;
        // if the note cannot be written they go too, so a failed create leaves nothing behind.
        let written = write_new(&bp, &json)
            .map_err(|e| VaultError::io("write", &bp, e))
            .and_then(|()| {
                write_new(&sp, source.as_bytes()).map_err(|e| VaultError::io("write", &sp, e))
            })
            .and_then(|()| {
                let today = now.get(..10).unwrap_or_default().to_owned();
                let date = brief.source.published.clone().unwrap_or(today);
                let stem = names::note_stem(Some(&date), &brief.title);
                self.write_unique(&self.root, &stem, markdown.as_bytes())
            });
        let path = match written {
            Ok(p) => p,
            Err(e) => {
                for p in [&bp, &sp] {
                    let _ = std::fs::remove_file(p);
                }
                return Err(e);
            }
        };
        let mut note = self.open_with(&path, Some(brief), Some(source.to_owned()))?;
        note.notice = owned.notice;
        Ok(note)
    }

    /// Keeps the structured draft of the note at `path` as the analyst edited it (the brief
    /// and the footnote of each item), so reopening the note shows the draft the note
    /// shows, and the party index and exports see the edits.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] and the other errors of [`Vault::open_note`];
    /// [`VaultError::BrokenFrontMatter`] when the note has no valid `id` to keep a draft under.
    pub fn store_draft(&self, path: impl AsRef<Path>, draft: &DraftState) -> Result<()> {
        let abs = self.resolve(path)?;
        let loaded = read_note(&abs)?;
        let summary = crate::index::summarize(&self.rel(&abs), &loaded);
        let id = summary
            .id
            .filter(|id| uuid::Uuid::parse_str(id).is_ok())
            .ok_or_else(|| VaultError::BrokenFrontMatter {
                path: abs.clone(),
                reason: "it has no id, so its draft cannot be kept beside it".to_owned(),
            })?;
        let d = self.state_dir("briefs");
        std::fs::create_dir_all(&d).map_err(|e| VaultError::io("create", &d, e))?;
        self.write_draft(&id, &draft.brief, &draft.refs, &draft.edits)
    }

    /// `.attache/briefs/<id>.json`: the brief's own fields (what the party index and older
    /// readers expect) plus `note_refs` and `note_edits`.
    fn write_draft(
        &self,
        id: &str,
        brief: &Brief,
        refs: &NoteRefs,
        edits: &[DraftEdit],
    ) -> Result<()> {
        let bp = self.brief_path(id);
        let json = self.draft_json(id, brief, refs, edits)?;
        write_atomic(&bp, &json).map_err(|e| VaultError::io("write", &bp, e))
    }

    fn draft_json(
        &self,
        id: &str,
        brief: &Brief,
        refs: &NoteRefs,
        edits: &[DraftEdit],
    ) -> Result<Vec<u8>> {
        let stored = StoredDraft {
            brief: brief.clone(),
            note_refs: Some(refs.clone()),
            note_edits: edits.to_vec(),
        };
        serde_json::to_vec_pretty(&stored).map_err(|e| VaultError::Io {
            action: "serialise the draft for",
            path: self.brief_path(id),
            source: std::io::Error::other(e),
        })
    }

    /// Writes `bytes` to `dir/stem.md`, or `stem 2.md`, … never replacing a file.
    pub(crate) fn write_unique(&self, dir: &Path, stem: &str, bytes: &[u8]) -> Result<PathBuf> {
        for _ in 0..100 {
            let path = names::unique_path(dir, stem, crate::NOTE_EXTENSION);
            match write_new(&path, bytes) {
                Ok(()) => {
                    self.remember_write(&path);
                    return Ok(path);
                }
                // Another program took the name between the check and the write: try the next.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(VaultError::io("write", &path, e)),
            }
        }
        Err(VaultError::InvalidName {
            name: stem.to_owned(),
            reason: "too many notes share this name: choose another title".to_owned(),
        })
    }

    pub(crate) fn remember_write(&self, path: &Path) {
        if let Ok(meta) = std::fs::metadata(path) {
            crate::vault::lock(&self.own_writes)
                .insert(path.to_owned(), (meta.len(), files::modified_ns(&meta)));
        }
    }

    /// Opens a note for editing, with its stored draft and source when it has an `id`.
    ///
    /// # Errors
    /// [`VaultError::NotFound`], [`VaultError::OutsideVault`], [`VaultError::TooLarge`],
    /// [`VaultError::NotUtf8`]. Broken front matter is not an error here: the note opens (so the
    /// analyst can fix it) with `summary.problem` set.
    pub fn open_note(&self, path: impl AsRef<Path>) -> Result<OpenNote> {
        let abs = self.resolve(path)?;
        self.open_with(&abs, None, None)
    }

    fn open_with(
        &self,
        abs: &Path,
        brief: Option<Brief>,
        source: Option<String>,
    ) -> Result<OpenNote> {
        let loaded = read_note(abs)?;
        let summary = crate::index::summarize(&self.rel(abs), &loaded);
        let id = summary
            .id
            .clone()
            .filter(|id| uuid::Uuid::parse_str(id).is_ok());
        // A synced vault may carry anything under these names (a symlink to /dev/zero, a
        // pipe): read only regular files, and only up to what the engine could have made.
        let limit = 4 * attache_engine::MAX_INPUT_BYTES as u64;
        let stored: Option<StoredDraft> = id.as_deref().and_then(|id| {
            let bytes = files::read_bounded(&self.brief_path(id), limit).ok()?;
            serde_json::from_slice(&bytes).ok()
        });
        let source = source.or_else(|| {
            let bytes = files::read_bounded(&self.source_path(id.as_deref()?), limit).ok()?;
            String::from_utf8(bytes).ok()
        });
        let (brief, refs, edits) = match (brief, stored) {
            (Some(b), _) => (Some(b), None, Vec::new()),
            (None, Some(s)) => (Some(s.brief), s.note_refs, s.note_edits),
            (None, None) => (None, None, Vec::new()),
        };
        // A draft stored before refs were kept (or by another tool) is the brief the note was
        // rendered from: its labels are the renderer's.
        let refs = match (&brief, refs) {
            (Some(b), None) => Some(crate::patch::rendered_refs(
                b,
                source.as_deref().unwrap_or_default(),
            )),
            (_, r) => r,
        };
        Ok(OpenNote {
            stamp: loaded.stamp(),
            summary,
            markdown: loaded.text,
            brief,
            refs,
            edits,
            source,
            notice: None,
        })
    }

    /// Saves the analyst's text. If the file changed on disk since `stamp` was taken (another
    /// program or a sync tool edited it), the file is left alone and the text is written next
    /// to it as a conflict copy: nothing is overwritten, nothing is lost. The vault owns the
    /// front matter ([`crate::owned`]): the note keeps its `id` (the file's, when the text lost
    /// it), gets the default marking and author when it has none, text typed above the
    /// properties is moved below them, and `updated` is set to now.
    ///
    /// # Errors
    /// [`VaultError::OutsideVault`], [`VaultError::Io`]; [`VaultError::BrokenFrontMatter`]
    /// when the properties cannot be read (nothing is written: a note never loses its id).
    pub fn save(
        &self,
        path: impl AsRef<Path>,
        markdown: &str,
        stamp: &LoadStamp,
    ) -> Result<SaveOutcome> {
        let abs = self.resolve(path)?;
        let rel = self.rel(&abs);
        let fallback = self
            .id_on_disk(&abs)
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let owned = owned::own(markdown, IdRule::Fallback(&fallback), &self.note_defaults())
            .map_err(|reason| VaultError::BrokenFrontMatter {
                path: abs.clone(),
                reason,
            })?;
        let changed = (owned.text != markdown).then(|| owned.text.clone());
        let text = frontmatter::set(&owned.text, "updated", &FmValue::Str(now_rfc3339()))
            .unwrap_or_else(|_| owned.text.clone());
        let unchanged = |bytes: &[u8]| hash_hex(bytes) == stamp.hash;
        // Checked right before and right after the file is swapped in: an outside write that
        // lands meanwhile is put back and the analyst's text becomes the conflict copy.
        let replaced = replace_if_unchanged(&abs, text.as_bytes(), unchanged)
            .map_err(|e| VaultError::io("save", &abs, e))?;
        match replaced {
            Replace::Replaced => {}
            Replace::Changed { stray } => {
                if let Some(stray) = stray {
                    self.keep_stray(&abs, &stray)?;
                }
                return self.conflict_copy(&abs, &rel, &text);
            }
            Replace::Missing => {
                // Deleted or moved by another program: writing it back replaces nothing.
                if let Err(e) = write_new(&abs, text.as_bytes()) {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        return self.conflict_copy(&abs, &rel, &text);
                    }
                    return Err(VaultError::io("save", &abs, e));
                }
            }
        }
        self.remember_write(&abs);
        let meta = std::fs::metadata(&abs).map_err(|e| VaultError::io("check", &abs, e))?;
        Ok(SaveOutcome::Saved {
            path: rel,
            stamp: LoadStamp {
                modified_ns: files::modified_ns(&meta).to_string(),
                bytes: meta.len(),
                hash: hash_hex(text.as_bytes()),
            },
            text: changed,
            notice: owned.notice,
        })
    }

    /// The valid `id` in the front matter of the file at `abs` now, if any: a save of text
    /// that lost its `id` keeps the one the draft and source are stored under.
    fn id_on_disk(&self, abs: &Path) -> Option<String> {
        let bytes = files::read_bounded(abs, crate::MAX_NOTE_BYTES).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        FrontMatter::of_note(&text)
            .ok()?
            .str("id")
            .filter(|id| uuid::Uuid::parse_str(id).is_ok())
    }

    /// Keeps a version another program wrote while a save was putting theirs back (left at a
    /// hidden temporary name) as one more conflict copy.
    fn keep_stray(&self, abs: &Path, stray: &Path) -> Result<()> {
        let dir = abs.parent().unwrap_or(&self.root);
        let stem = abs
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let when = chrono::Local::now().format("%Y-%m-%d %H-%M-%S");
        let stem = format!("{stem} (conflict copy {when})");
        // Linked to a visible name as it is (never read, whatever its size), then unhidden.
        for _ in 0..100 {
            let copy = names::unique_path(dir, &stem, crate::NOTE_EXTENSION);
            match std::fs::hard_link(stray, &copy) {
                Ok(()) => {
                    let _ = std::fs::remove_file(stray);
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                // No hard links here: a rename does it (the name was free a moment ago).
                Err(_) => {
                    return std::fs::rename(stray, &copy)
                        .map_err(|e| VaultError::io("keep", &copy, e));
                }
            }
        }
        Err(VaultError::InvalidName {
            name: stem,
            reason: "too many conflict copies share this name".to_owned(),
        })
    }

    fn conflict_copy(&self, abs: &Path, rel: &str, text: &str) -> Result<SaveOutcome> {
        let dir = abs.parent().unwrap_or(&self.root);
        let stem = abs
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let when = chrono::Local::now().format("%Y-%m-%d %H-%M-%S");
        let copy = self.write_unique(
            dir,
            &format!("{stem} (conflict copy {when})"),
            text.as_bytes(),
        )?;
        Ok(SaveOutcome::Conflict {
            path: rel.to_owned(),
            conflict_copy: self.rel(&copy),
        })
    }

    /// Gives a note a new title, as [`Vault::rename_with_links`] does; what it did to other
    /// notes is one sentence in the outcome's `notice`.
    ///
    /// # Errors
    /// As [`Vault::rename_with_links`].
    pub fn rename(
        &self,
        path: impl AsRef<Path>,
        new_title: &str,
        stamp: &LoadStamp,
    ) -> Result<SaveOutcome> {
        self.rename_with_links(path, new_title, stamp)
            .map(crate::model::Renamed::into_outcome)
    }

    /// Gives a note a new title: the front matter `title` changes, the first `# ` heading too
    /// when it was the old title, and the file follows (`YYYY-MM-DD New title.md`, keeping the
    /// date prefix of the old name). Other notes' links to the old name then point at the new
    /// one (see [`Vault::relink`]).
    ///
    /// # Errors
    /// [`VaultError::Conflict`] when the file changed on disk since `stamp`;
    /// [`VaultError::BrokenFrontMatter`] when its front matter cannot be edited.
    pub fn rename_with_links(
        &self,
        path: impl AsRef<Path>,
        new_title: &str,
        stamp: &LoadStamp,
    ) -> Result<crate::model::Renamed> {
        let abs = self.resolve(path)?;
        // What the vault last saw of each note, before anything below refreshes it: a linking
        // note that differs from it was changed elsewhere since.
        let seen = self.seen_versions();
        let title = new_title.trim();
        if title.is_empty() {
            return Err(VaultError::InvalidName {
                name: new_title.to_owned(),
                reason: "a title needs at least one letter".to_owned(),
            });
        }
        let loaded = read_note(&abs)?;
        if loaded.stamp().hash != stamp.hash {
            return Err(VaultError::Conflict { path: abs });
        }
        let old_stem = abs
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let old_title = FrontMatter::of_note(&loaded.text)
            .ok()
            .and_then(|fm| fm.str("title"))
            .unwrap_or_else(|| old_stem.clone());
        let text = frontmatter::set(&loaded.text, "title", &FmValue::Str(title.to_owned()))
            .map_err(|reason| VaultError::BrokenFrontMatter {
                path: abs.clone(),
                reason,
            })?;
        let text = crate::links::retitle_h1(&text, &old_title, title).unwrap_or(text);
        let date = old_stem
            .get(..10)
            .filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok());
        let stem = names::note_stem(date, title);
        let unchanged = |bytes: &[u8]| hash_hex(bytes) == stamp.hash;
        let conflict = || VaultError::Conflict { path: abs.clone() };
        if stem == old_stem {
            match replace_if_unchanged(&abs, text.as_bytes(), unchanged)
                .map_err(|e| VaultError::io("save", &abs, e))?
            {
                Replace::Replaced => {}
                Replace::Changed { stray } => {
                    if let Some(stray) = stray {
                        self.keep_stray(&abs, &stray)?;
                    }
                    return Err(conflict());
                }
                Replace::Missing => return Err(VaultError::NotFound { path: abs.clone() }),
            }
            self.remember_write(&abs);
            let fresh = read_note(&abs)?;
            // Same file name: no link changes.
            return Ok(crate::model::Renamed {
                outcome: SaveOutcome::Saved {
                    path: self.rel(&abs),
                    stamp: fresh.stamp(),
                    text: Some(text),
                    notice: None,
                },
                links_updated: Vec::new(),
                links_skipped: Vec::new(),
            });
        }
        let dir = abs.parent().unwrap_or(&self.root).to_owned();
        // New file first, then remove the old: a crash in between leaves two copies, never none.
        let new = self.write_unique(&dir, &stem, text.as_bytes())?;
        // The old name goes only if it is still what was renamed: an outside edit made
        // meanwhile stays (and the new name, our own copy, goes instead).
        match remove_if_unchanged(&abs, unchanged)
            .map_err(|e| VaultError::io("remove the old name of", &abs, e))?
        {
            Remove::Removed | Remove::Missing => {}
            Remove::Changed { stray } => {
                if let Some(stray) = stray {
                    self.keep_stray(&abs, &stray)?;
                }
                let ours = |bytes: &[u8]| bytes == text.as_bytes();
                let _ = remove_if_unchanged(&new, ours);
                return Err(conflict());
            }
        }
        let fresh = read_note(&new)?;
        let (old_rel, new_rel) = (self.rel(&abs), self.rel(&new));
        let (links_updated, links_skipped) = self.relink(&old_rel, &new_rel, &seen)?;
        Ok(crate::model::Renamed {
            outcome: SaveOutcome::Saved {
                path: new_rel,
                stamp: fresh.stamp(),
                text: Some(text),
                notice: None,
            },
            links_updated,
            links_skipped,
        })
    }

    /// Size and modification time of each note as the vault last read or wrote it.
    fn seen_versions(&self) -> HashMap<String, (u64, i128)> {
        let mut seen: HashMap<String, (u64, i128)> = lock(&self.index)
            .entries
            .iter()
            .map(|(rel, e)| (rel.clone(), (e.bytes, e.modified_ns)))
            .collect();
        // Our own saves since the last listing are what we last saw too.
        for (abs, v) in lock(&self.own_writes).iter() {
            seen.insert(self.rel(abs), *v);
        }
        seen
    }

    /// Points every note's links to `old_rel` at `new_rel`, each written only if it is still
    /// the version the vault last saw (`seen`; a note never listed is read fresh) and still
    /// the version read here (the atomic, checked replace of a save). Returns the notes
    /// updated and the notes skipped because they changed on disk, both sorted.
    fn relink(
        &self,
        old_rel: &str,
        new_rel: &str,
        seen: &HashMap<String, (u64, i128)>,
    ) -> Result<(Vec<String>, Vec<String>)> {
        let notes = self.list()?;
        let (mut updated, mut skipped) = (Vec::new(), Vec::new());
        for note in notes {
            if note.path == new_rel || note.path == old_rel || note.problem.is_some() {
                continue;
            }
            let Ok(abs) = self.resolve(&note.path) else {
                continue;
            };
            let Ok(loaded) = read_note(&abs) else {
                continue;
            };
            let Some(text) =
                crate::links::rewrite_links(&loaded.text, &note.path, old_rel, new_rel)
            else {
                continue;
            };
            let changed_elsewhere = seen
                .get(&note.path)
                .is_some_and(|&v| v != (loaded.bytes, loaded.modified_ns));
            if changed_elsewhere {
                skipped.push(note.path);
                continue;
            }
            let hash = hash_hex(loaded.text.as_bytes());
            let unchanged = |bytes: &[u8]| hash_hex(bytes) == hash;
            match replace_if_unchanged(&abs, text.as_bytes(), unchanged)
                .map_err(|e| VaultError::io("update the links of", &abs, e))?
            {
                Replace::Replaced => {
                    self.remember_write(&abs);
                    updated.push(note.path);
                }
                Replace::Changed { stray } => {
                    if let Some(stray) = stray {
                        self.keep_stray(&abs, &stray)?;
                    }
                    skipped.push(note.path);
                }
                Replace::Missing => {}
            }
        }
        updated.sort();
        skipped.sort();
        Ok((updated, skipped))
    }

    /// The notes, most recently changed first. Files that cannot be read are included with a
    /// `problem`. Unchanged files are served from memory, so repeated calls are fast.
    ///
    /// # Errors
    /// [`VaultError::Io`] when the vault folder itself cannot be read.
    pub fn list(&self) -> Result<Vec<NoteSummary>> {
        let index = self.refresh(false)?;
        let mut out: Vec<NoteSummary> = index.entries.values().map(|e| e.summary.clone()).collect();
        out.sort_by(|a, b| {
            b.modified_ms
                .cmp(&a.modified_ms)
                .then_with(|| a.path.cmp(&b.path))
        });
        Ok(out)
    }

    /// Finds a note by its exact title (case-insensitive when no exact match exists).
    ///
    /// # Errors
    /// [`VaultError::NotFound`] when none matches; [`VaultError::InvalidName`] when several do.
    pub fn find_by_title(&self, title: &str) -> Result<String> {
        let notes = self.list()?;
        let mut hits: Vec<&NoteSummary> = notes.iter().filter(|n| n.title == title).collect();
        if hits.is_empty() {
            let lower = title.to_lowercase();
            hits = notes
                .iter()
                .filter(|n| n.title.to_lowercase() == lower)
                .collect();
        }
        match hits.as_slice() {
            [one] => Ok(one.path.clone()),
            [] => Err(VaultError::NotFound {
                path: PathBuf::from(title),
            }),
            _ => Err(VaultError::InvalidName {
                name: title.to_owned(),
                reason: format!(
                    "{} notes have this title: give the note's path instead",
                    hits.len()
                ),
            }),
        }
    }
}

/// Now, UTC, RFC 3339 to the second (`2025-10-16T09:30:00Z`).
pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Makes sure a rendered note carries the keys the vault relies on, whatever the renderer
/// wrote: `id` always ours; `title`, `created`, `updated`, `published`, `classification` and
/// `parties` filled in only when missing.
fn ensure_keys(rendered: &str, brief: &Brief, id: &str, classification: &str, now: &str) -> String {
    let fm = FrontMatter::of_note(rendered).unwrap_or_default();
    let mut wanted: Vec<(&str, FmValue)> = vec![("id", FmValue::Str(id.to_owned()))];
    if fm.str("title").is_none() {
        wanted.push(("title", FmValue::Str(brief.title.clone())));
    }
    for key in ["created", "updated"] {
        if fm.str(key).is_none() {
            wanted.push((key, FmValue::Str(now.to_owned())));
        }
    }
    if let (None, Some(p)) = (fm.str("published"), &brief.source.published) {
        wanted.push(("published", FmValue::Str(p.clone())));
    }
    if fm.str("classification").is_none() {
        wanted.push(("classification", FmValue::Str(classification.to_owned())));
    }
    if !fm.map.contains_key("parties") {
        let names = brief.parties.iter().map(|p| p.name.clone()).collect();
        wanted.push(("parties", FmValue::List(names)));
    }
    let mut text = rendered.to_owned();
    for (key, value) in wanted {
        if fm.str(key).as_deref() == Some(id) && key == "id" {
            continue;
        }
        // A renderer bug must not lose the note: keep the text as rendered if an edit fails.
        if let Ok(t) = frontmatter::set(&text, key, &value) {
            text = t;
        }
    }
    text
}
