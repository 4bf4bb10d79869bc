//! Parties: every actor in the article, one per real actor.
//!
//! One pass tokenises the body and runs the gazetteer automaton; a second walks each sentence's
//! tokens and reads *name phrases*: an optional affiliation (demonym, country, organisation or
//! a possessive owner), optional role titles, then capitalised name words ("Russian President
//! Vladimir Putin", "Putin's aide Yuri Ushakov", "the paramilitary Rapid Support Forces (RSF)").
//! A last sweep in text order resolves what only makes sense once every full name is known:
//! bare surnames and acronyms, title-only references ("the Ukrainian leader") and demonyms.

mod phrase;
mod table;

pub(crate) use table::PartyTable;

use crate::lexicon::{GAZETTEER, GazEntry};
use crate::model::Span;
use crate::text::{Doc, TokKind, Token, tokenize};

/// Tokens of the body with what the gazetteer found at each, shared with positions.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    /// Every token of every sentence, in order.
    pub toks: Vec<Token>,
    /// For each sentence, its tokens as `start..end` indexes into `toks`.
    pub sentences: Vec<(usize, usize)>,
    /// For each token that starts a gazetteer name: the entry and the index one past its last token.
    pub gaz: Vec<Option<(GazEntry, usize)>>,
}

impl Tokens {
    fn new(doc: &Doc<'_>) -> Self {
        let mut toks = Vec::with_capacity(doc.words + doc.words / 4);
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        for &s in &doc.sentences {
            let a = toks.len();
            tokenize(doc.text, s, &mut toks);
            sentences.push((a, toks.len()));
        }
        let mut gaz = vec![None; toks.len()];
        let g = &*GAZETTEER;
        let body = &doc.text[doc.body_start..];
        let bytes = doc.text.as_bytes();
        for m in g.automaton.find_iter(body) {
            let (start, end) = (doc.body_start + m.start(), doc.body_start + m.end());
            let before_ok = start == 0
                || !doc.text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            let after_ok = end >= bytes.len()
                || !doc.text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !(before_ok && after_ok) {
                continue;
            }
            let a = toks.partition_point(|t| t.span.start < start);
            let b = toks.partition_point(|t| t.span.end <= end);
            if a < b && toks[a].span.start == start && toks[b - 1].span.end == end {
                gaz[a] = Some((g.entries[m.pattern().as_usize()], b));
            }
        }
        Self {
            toks,
            sentences,
            gaz,
        }
    }

    /// The text of token `i`.
    pub fn word<'a>(&self, doc: &Doc<'a>, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| doc.slice(t.span))
    }

    /// True when token `i` is a word starting with an upper-case letter.
    pub fn is_cap(&self, doc: &Doc<'_>, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
            && self
                .word(doc, i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }
}

/// Finds the parties of `doc`.
pub(crate) fn extract(doc: &Doc<'_>) -> PartyTable {
    let tokens = Tokens::new(doc);
    let mut table = PartyTable::default();
    let mut events = Vec::new();
    for &(a, b) in &tokens.sentences {
        phrase::scan_sentence(doc, &tokens, a, b, &mut table, &mut events);
    }
    phrase::resolve(doc, &mut table, &events);
    table.sort_mentions();
    table.tokens = tokens;
    table
}
