//! Attaché's notes vault: a folder of Markdown briefs the analyst owns, that other programs
//! (Obsidian, git, Syncthing, a text editor) may change at any time, and that Attaché never
//! corrupts or silently overwrites.
//!
//! ```
//! use attache_vault::{NewNote, SaveOutcome, Vault};
//!
//! let dir = tempfile::tempdir()?;
//! let vault = Vault::open(dir.path())?;
//! let article = "Talks in Geneva\n\nForeign Minister Anna Berg said on Monday that Norway would host the next round.";
//! let brief = attache_engine::draft(article, &Default::default())?;
//! let note = vault.create(&brief, article, &NewNote::default())?;
//! assert!(note.summary.path.ends_with(".md"));
//!
//! // Saving with the stamp from opening succeeds…
//! let edited = format!("{}\nMy comment.\n", note.markdown);
//! let saved = vault.save(&note.summary.path, &edited, &note.stamp)?;
//! assert!(matches!(saved, SaveOutcome::Saved { .. }));
//! // …saving again with the old stamp would overwrite that edit, so it becomes a conflict copy.
//! let stale = vault.save(&note.summary.path, "other words", &note.stamp)?;
//! assert!(matches!(stale, SaveOutcome::Conflict { .. }));
//! assert_eq!(vault.list()?.len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Glossary
//! - **Vault**: the folder of `.md` notes ([`Vault`]); Attaché's own files live in its hidden
//!   `.attache/` folder (drafts, sources, trash); `.obsidian/` is never touched.
//! - **Note**: one brief as a Markdown file with YAML **front matter** (the `---` block at the
//!   top, Obsidian's "properties"), named `YYYY-MM-DD Title.md`.
//! - **Draft**: the brief as the engine generated it (with spans) and as the analyst then edited
//!   it in the draft pane, kept in `.attache/briefs/<id>.json` with each item's footnote in the
//!   note and the edits made ([`patch::DraftState`], [`Vault::store_draft`]); the **source**
//!   article is `.attache/sources/<id>.txt`.
//! - **Patch**: a draft-pane edit carried onto the note by a three-way merge, lines found by
//!   their **footnote label** (`[^p3]`), the analyst's own text untouched ([`patch`]).
//! - **Stamp**: what a note looked like when loaded ([`LoadStamp`]); a save whose stamp no
//!   longer matches the file writes a **conflict copy** instead of overwriting, also when the
//!   outside write lands during the save ([`atomic::replace_if_unchanged`]). The analyst then
//!   chooses with [`Vault::keep_mine`], [`Vault::take_theirs`] or [`Vault::keep_both`].
//! - **Note path**: a `.md` file inside the vault, outside hidden folders ([`Vault::resolve`]);
//!   nothing else is opened or written as a note.
//! - **Marking**: the handling classification (`classification` in front matter).
//! - **Party index**: every note and position that mentions a party ([`Vault::party_index`]).
//! - **Export**: a note as Markdown, a printable HTML page, a Word document, text or the
//!   clipboard's rich text ([`export`]); the marking on every page, one footnote per source
//!   sentence, and nothing that loads from elsewhere when opened.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod atomic;
mod conflict;
mod error;
pub mod export;
mod files;
pub mod frontmatter;
pub mod import;
mod index;
pub mod journal;
pub mod links;
mod merge3;
mod model;
pub mod names;
pub mod owned;
mod party;
pub mod patch;
mod search;
pub mod settings;
mod simple_yaml;
mod trash;
mod vault;
mod watch;

pub use error::{ErrorCode, Result, VaultError};
pub use files::{IMPORTABLE_EXTENSIONS, MAX_NOTE_BYTES, hash_hex};
pub use index::is_ignored_name;
pub use model::*;
pub use owned::NoteDefaults;
pub use party::{NoteParties, group_parties};
pub use search::MAX_RESULTS;
pub use settings::{LinkStyle, LoadedSettings, Settings, Theme, VaultSource};
pub use vault::{DEFAULT_CLASSIFICATION, STATE_DIR, Vault};
pub use watch::{DEBOUNCE, VaultEvent, VaultWatcher};

/// File extension of notes.
pub const NOTE_EXTENSION: &str = "md";
