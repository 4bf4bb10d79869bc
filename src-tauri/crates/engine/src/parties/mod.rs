//! Parties: every actor in the article, one per real actor.
//!
//! The token layer ([`crate::tokens`]) has already marked where gazetteer names start; one pass
//! walks each sentence's tokens and reads *name phrases*: an optional affiliation (demonym, country, organisation or
//! a possessive owner), optional role titles, then capitalised name words ("Russian President
//! Vladimir Putin", "Putin's aide Yuri Ushakov", "the paramilitary Rapid Support Forces (RSF)").
//! A last sweep in text order resolves what only makes sense once every full name is known:
//! bare surnames and acronyms, title-only references ("the Ukrainian leader") and demonyms.

mod bodies;
mod names;
mod phrase;
mod table;
mod words;

pub(crate) use table::PartyTable;

use crate::text::Doc;
pub(crate) use crate::tokens::Tokens;

/// Finds the parties of `doc`.
pub(crate) fn extract(doc: &Doc<'_>, tokens: &Tokens) -> PartyTable {
    let mut table = PartyTable::default();
    let mut events = Vec::new();
    for &(a, b) in &tokens.sentences {
        phrase::scan_sentence(doc, tokens, a, b, &mut table, &mut events);
    }
    phrase::resolve(doc, &mut table, &events);
    table.sort_mentions();
    table
}
