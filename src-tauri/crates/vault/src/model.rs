//! The types the UI and the CLI see (serialisable; TypeScript bindings behind the `ts` feature).

use serde::{Deserialize, Serialize};

/// One note in a list or search result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct NoteSummary {
    /// Path relative to the vault, with `/` separators.
    pub path: String,
    /// `title` from front matter, else the file name.
    pub title: String,
    /// The note's stable id (front matter `id`), when it has one.
    pub id: Option<String>,
    /// Front matter `created`.
    pub created: Option<String>,
    /// Front matter `updated`.
    pub updated: Option<String>,
    /// Front matter `published` (the article's publication date).
    pub published: Option<String>,
    /// Front matter `status` (e.g. `draft`, `final`).
    pub status: Option<String>,
    /// Front matter `classification` (shown as "Marking").
    pub classification: Option<String>,
    /// Front matter `parties`.
    pub parties: Vec<String>,
    /// Front matter `tags`.
    pub tags: Vec<String>,
    /// File modification time, milliseconds since 1970 (for sorting and "changed" badges).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub modified_ms: i64,
    /// File size in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    /// For a sync tool's conflict copy (`*.sync-conflict-*`): the note it conflicts with.
    pub conflict_of: Option<String>,
    /// `null`, or one line saying why the file could not be read (it is left untouched).
    pub problem: Option<String>,
}

/// What was on disk when a note was loaded: a save compares it with the file to detect
/// edits by other programs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct LoadStamp {
    /// Modification time, nanoseconds since 1970, as a decimal string (exceeds JS numbers).
    pub modified_ns: String,
    /// Size in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    /// XXH3-64 of the content, hex.
    pub hash: String,
}

/// A note opened for editing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct OpenNote {
    /// What a list shows for it.
    pub summary: NoteSummary,
    /// The whole file, front matter included.
    pub markdown: String,
    /// Pass back to [`crate::Vault::save`].
    pub stamp: LoadStamp,
    /// The structured draft, from `.attache/briefs/<id>.json`, when stored: as generated,
    /// with the analyst's draft-pane edits applied.
    pub brief: Option<attache_engine::Brief>,
    /// The note's footnote of each item of `brief` (present whenever `brief` is).
    #[serde(default)]
    pub refs: Option<crate::patch::NoteRefs>,
    /// The analyst's draft-pane edits behind `brief`, for a re-draft to make again.
    #[serde(default)]
    pub edits: Vec<crate::patch::DraftEdit>,
    /// The source article, from `.attache/sources/<id>.txt`, when stored.
    pub source: Option<String>,
    /// One sentence for the analyst when the vault moved their text while writing it (text
    /// typed above the properties); `None` otherwise.
    #[serde(default)]
    pub notice: Option<String>,
}

/// The result of a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SaveOutcome {
    /// Written; use the new stamp for the next save.
    Saved {
        /// The note's path (relative).
        path: String,
        /// What is on disk now.
        stamp: LoadStamp,
        /// The text written, when the vault changed more than `updated` (an `id`, marking or
        /// author filled in, text moved below the properties): the editor shows it.
        #[serde(default)]
        text: Option<String>,
        /// One sentence for the analyst when their text was moved; `None` otherwise.
        #[serde(default)]
        notice: Option<String>,
    },
    /// The file changed on disk since it was loaded. It was left as it is, and the analyst's
    /// version was written next to it as `conflict_copy`: both are kept.
    Conflict {
        /// The note that changed on disk (relative).
        path: String,
        /// The analyst's version (relative).
        conflict_copy: String,
    },
}

/// What [`crate::Vault::rename_with_links`] did: the note itself, and the notes linking to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The renamed note (its new path and stamp).
    pub outcome: SaveOutcome,
    /// Notes whose links now point at the new name (relative paths).
    pub links_updated: Vec<String>,
    /// Notes that link to the old name but changed on disk since the vault last read them
    /// (another program, unsaved work elsewhere): left as they are, for the analyst to fix.
    pub links_skipped: Vec<String>,
}

impl Renamed {
    /// The outcome, with one sentence for the analyst in `notice` when other notes were
    /// touched or skipped (what the shell returns: no new type for the UI).
    #[must_use]
    pub fn into_outcome(self) -> SaveOutcome {
        let mut parts = Vec::new();
        if !self.links_updated.is_empty() {
            parts.push(format!(
                "Links updated in {}: {}.",
                plural(self.links_updated.len()),
                self.links_updated.join(", ")
            ));
        }
        if !self.links_skipped.is_empty() {
            parts.push(format!(
                "Links not updated in {} changed on disk: {}.",
                plural(self.links_skipped.len()),
                self.links_skipped.join(", ")
            ));
        }
        match self.outcome {
            SaveOutcome::Saved {
                path,
                stamp,
                text,
                notice,
            } if !parts.is_empty() => {
                let notice = notice
                    .into_iter()
                    .chain(parts)
                    .collect::<Vec<_>>()
                    .join(" ");
                SaveOutcome::Saved {
                    path,
                    stamp,
                    text,
                    notice: Some(notice),
                }
            }
            other => other,
        }
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 note".to_owned()
    } else {
        format!("{n} notes")
    }
}

/// Metadata for a new note beyond the drafted brief.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct NewNote {
    /// Marking; the settings' default when `None`.
    pub classification: Option<String>,
    /// A title instead of the brief's.
    pub title: Option<String>,
    /// How the note links to parties; the settings' choice (wikilinks) when `None`.
    pub link_style: Option<crate::settings::LinkStyle>,
    /// The analyst's text when they edited the draft before its first save: it becomes the
    /// note (with the vault's `id`, marking and author), instead of a fresh rendering.
    #[serde(default)]
    pub markdown: Option<String>,
}

/// A note in the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct TrashEntry {
    /// Pass to [`crate::Vault::restore`].
    pub trash_id: String,
    /// Where the note was (relative).
    pub original_path: String,
    /// Its title.
    pub title: String,
    /// When it was deleted (RFC 3339).
    pub deleted: String,
}

/// One note in a party index, with the positions of that party in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PartyHit {
    /// The note.
    pub note: NoteSummary,
    /// The date used for ordering (published, else created, else file time).
    pub date: Option<String>,
    /// True when the note's front matter lists the party.
    pub in_front_matter: bool,
    /// The party's positions in the stored draft.
    pub positions: Vec<attache_engine::Position>,
}

/// One party under every name the notes give it ("Putin", "Vladimir Putin", "President
/// Putin"), for the library's party filter and index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PartyGroup {
    /// The name shown: the fullest untitled name the notes' front matter uses.
    pub name: String,
    /// Every name of the party in the notes (front matter and stored drafts), `name` first.
    pub names: Vec<String>,
    /// How many notes name the party.
    pub notes: u32,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SearchHit {
    /// The note.
    pub note: NoteSummary,
    /// Higher is better.
    pub score: u32,
    /// About 160 characters of the body around the best match, as written.
    pub snippet: String,
    /// Where the query's words matched in `snippet`, in order, for highlighting.
    pub highlights: Vec<TextRange>,
}

/// A range of a string, in UTF-16 code units (as JavaScript strings count): `start` included,
/// `end` excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct TextRange {
    /// First unit.
    pub start: u32,
    /// One past the last unit.
    pub end: u32,
}

/// Export format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Markdown.
    #[default]
    Markdown,
    /// A standalone, sanitised, printable HTML page.
    Html,
    /// Plain text (for the clipboard).
    Text,
    /// A Word document (.docx) with the marking in every page's header and footer.
    Docx,
}

impl ExportFormat {
    /// The file extension of the format, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Text => "txt",
            Self::Docx => "docx",
        }
    }

    /// The format a file name asks for by its extension (`.html`, `.htm`, `.docx`, `.txt`,
    /// `.md`), if any.
    #[must_use]
    pub fn from_extension(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            "txt" | "text" => Some(Self::Text),
            "docx" => Some(Self::Docx),
            _ => None,
        }
    }
}

/// How to export a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ExportOptions {
    /// The format.
    pub format: ExportFormat,
    /// Markdown: keep the front matter as it is.
    pub front_matter: bool,
    /// Turn `[[links]]` into plain text for readers outside Obsidian (always done in HTML,
    /// Word and text).
    pub flatten_links: bool,
    /// HTML: open with a table of the note's properties (front matter). Off by default: a
    /// briefing reader wants the brief, and the marking is on every page anyway.
    #[serde(default)]
    pub properties: bool,
    /// HTML: keep images that load from web addresses. Off by default, because opening the
    /// page would tell their server; they are replaced by their description.
    #[serde(default)]
    pub remote_images: bool,
    /// The author written to the document's properties (Word) or `<meta name="author">`
    /// (HTML) when the note's front matter names none. The app and the CLI fill it from the
    /// settings.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub author: Option<String>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            format: ExportFormat::Markdown,
            front_matter: true,
            flatten_links: false,
            properties: false,
            remote_images: false,
            author: None,
        }
    }
}
