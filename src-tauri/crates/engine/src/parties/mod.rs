//! Parties: every actor in the article, one per real actor.
//!
//! One pass tokenises the body and runs the gazetteer automaton; a second walks each sentence's
//! tokens and reads *name phrases*: an optional affiliation (demonym, country, organisation or
//! a possessive owner), optional role titles, then capitalised name words ("Russian President
//! Vladimir Putin", "Putin's aide Yuri Ushakov", "the paramilitary Rapid Support Forces (RSF)").
//! A last sweep in text order resolves what only makes sense once every full name is known:
//! bare surnames and acronyms, title-only references ("the Ukrainian leader") and demonyms.

mod bodies;
mod phrase;
mod table;

pub(crate) use table::PartyTable;

use crate::lexicon::{GAZETTEER, GazEntry, GazKind};
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
    /// Plural role titles ("Foreign Ministers") as (first token, entry, index after), sorted;
    /// kept apart from `gaz` because they name groups, never one person.
    pub plural_titles: Vec<(usize, GazEntry, usize)>,
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
        let mut plural_titles = Vec::new();
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
            let entry = g.entries[m.pattern().as_usize()];
            let ends_word = |end: usize| {
                end >= bytes.len()
                    || !doc.text[end..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            };
            // "Foreign Ministers": a title with a plural "s" names a group of title holders.
            let plural = !ends_word(end)
                && entry.kind == GazKind::Title
                && bytes[end] == b's'
                && ends_word(end + 1);
            if !(before_ok && (plural || ends_word(end))) {
                continue;
            }
            let end = end + usize::from(plural);
            let a = toks.partition_point(|t| t.span.start < start);
            let b = toks.partition_point(|t| t.span.end <= end);
            if a < b && toks[a].span.start == start && toks[b - 1].span.end == end {
                if plural {
                    plural_titles.push((a, entry, b));
                } else {
                    gaz[a] = Some((entry, b));
                }
            }
        }
        Self {
            toks,
            sentences,
            gaz,
            plural_titles,
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

    /// The plural title starting at token `i`, with the index after it.
    pub fn plural_title(&self, i: usize) -> Option<(GazEntry, usize)> {
        let n = self.plural_titles.partition_point(|&(a, _, _)| a < i);
        self.plural_titles
            .get(n)
            .filter(|&&(a, _, _)| a == i)
            .map(|&(_, e, b)| (e, b))
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
