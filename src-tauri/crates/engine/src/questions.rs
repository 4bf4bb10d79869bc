//! Open questions: what is unresolved.

use crate::model::{KeyDate, OpenQuestion, Party, Position};
use crate::text::Doc;

/// Finds the open questions of `doc`, most salient first.
pub(crate) fn extract(
    _doc: &Doc<'_>,
    _parties: &[Party],
    _positions: &[Position],
    _dates: &[KeyDate],
) -> Vec<OpenQuestion> {
    Vec::new()
}
