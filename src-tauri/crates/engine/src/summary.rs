//! The bottom line (at most three verbatim sentences) and a title when the paste has none.

use crate::model::{Extract, Party, Position};
use crate::text::Doc;

/// The bottom line: at most three verbatim sentences, in text order.
pub(crate) fn bottom_line(
    doc: &Doc<'_>,
    _parties: &[Party],
    _positions: &[Position],
) -> Vec<Extract> {
    doc.sentences
        .iter()
        .take(1)
        .map(|&span| Extract {
            text: doc.slice(span).to_owned(),
            span,
        })
        .collect()
}

/// A title for a paste that has none.
pub(crate) fn title(
    doc: &Doc<'_>,
    _parties: &[Party],
    _positions: &[Position],
    _bottom_line: &[Extract],
) -> String {
    doc.sentences
        .first()
        .map(|&s| doc.slice(s).chars().take(80).collect())
        .unwrap_or_default()
}
