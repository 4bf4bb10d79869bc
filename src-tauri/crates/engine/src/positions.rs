//! Positions: attributions (quotes and paraphrases) resolved to their speakers.

use crate::model::Position;
use crate::parties::PartyTable;
use crate::text::Doc;

/// Finds the positions of `doc`, adding speakers that are not yet parties.
pub(crate) fn extract(_doc: &Doc<'_>, _parties: &mut PartyTable) -> Vec<Position> {
    Vec::new()
}
