//! Search over the in-memory index, ranked best first.
//!
//! A query's words match at the start of a word, with case and diacritics folded ("elysee"
//! finds "Élysée", "war" finds "war" and "warning" but not "backwards"); `"quoted phrases"`
//! match as a whole. Every word must match somewhere in the note. Ranking, most important
//! first:
//! 1. how many of the query's words occur as whole words (so for a one-word query every note
//!    with the word itself ranks above every note that only has a longer word starting with
//!    it);
//! 2. where they occur: the title, then the parties, then the rest of the front matter, then
//!    the body, where the density of whole-word occurrences counts;
//! 3. the most recently changed note.

mod fold;
mod matching;
mod snippet;

use std::path::Path;

use crate::error::Result;
use crate::index::Entry;
use crate::model::SearchHit;
use crate::vault::Vault;

pub(crate) use fold::fold;
use matching::{Occurrences, Term};

/// Most results a search returns.
pub const MAX_RESULTS: usize = 200;

/// Each query word found as a whole word outweighs every placement of the words.
const WHOLE_WORD: u32 = 100_000;
/// Weights of a whole-word match by field (a prefix match weighs a quarter).
const IN_TITLE: u32 = 4_000;
const TITLE_START: u32 = 500;
const IN_PARTIES: u32 = 2_000;
const IN_FRONT_MATTER: u32 = 800;
/// The most the body's density can add: less than a front matter match.
const BODY_MAX: u32 = 600;

impl Vault {
    /// Reads every note's text into the search index now; otherwise the first search does it
    /// (about a second for 10,000 notes). The desktop shell can call this in the background
    /// after showing the first list, so that typing in the search box is answered at once.
    ///
    /// # Errors
    /// As [`Vault::list`].
    pub fn prepare_search(&self) -> Result<()> {
        self.refresh(true).map(drop)
    }

    /// Notes matching every word of `query`, best first (see the module's docs for how words
    /// match and rank), each with a snippet of its body and the matched words' ranges in it.
    /// An empty query returns nothing.
    ///
    /// # Errors
    /// As [`Vault::list`].
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        let folded = terms(query);
        if folded.is_empty() {
            return Ok(Vec::new());
        }
        let index = self.refresh(true)?;
        // Longest words first: they are the rarest, so most notes are rejected after one scan.
        let mut by_length: Vec<&String> = folded.iter().collect();
        by_length.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let terms: Vec<Term<'_>> = by_length.iter().map(|t| Term::new(t)).collect();
        let entries: Vec<&Entry> = index.entries.values().collect();
        // Scanning ~40 MB of text for 10,000 notes: split it over the cores.
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 8);
        let chunk = entries.len().div_ceil(threads).max(256);
        let mut hits: Vec<(u32, i64, &Entry)> = std::thread::scope(|s| {
            let handles: Vec<_> = entries
                .chunks(chunk)
                .map(|part| {
                    let terms = &terms;
                    s.spawn(move || {
                        part.iter()
                            .filter_map(|e| {
                                score(e, terms).map(|sc| (sc, e.summary.modified_ms, *e))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        hits.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then_with(|| a.2.summary.path.cmp(&b.2.summary.path))
        });
        hits.truncate(MAX_RESULTS);
        // Snippets in the query's own order of words.
        let in_order: Vec<Term<'_>> = folded.iter().map(|t| Term::new(t)).collect();
        Ok(hits
            .into_iter()
            .map(|(score, _, e)| {
                let (snippet, highlights) = snippet_of(self.root(), e, &in_order);
                SearchHit {
                    note: e.summary.clone(),
                    score,
                    snippet,
                    highlights,
                }
            })
            .collect())
    }
}

/// Folded words and quoted phrases.
fn terms(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            let phrase = fold(part.trim());
            if !phrase.is_empty() {
                out.push(phrase);
            }
        } else {
            out.extend(part.split_whitespace().map(fold));
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

/// The note's score, or `None` when a word of the query is missing.
fn score(e: &Entry, terms: &[Term<'_>]) -> Option<u32> {
    let body = e.lower.get(e.body_start..).unwrap_or(&e.lower);
    let front = e.lower.get(..e.body_start).unwrap_or("");
    let title = e.title_lower.as_str();
    let parties = e.parties_lower.as_str();
    // Words of the body, roughly: density is per word, not per byte.
    let body_words = u32::try_from(body.len() / 6).unwrap_or(u32::MAX);
    let mut total = 0u32;
    // Longest (rarest) word first: a note without it is rejected after one scan.
    for t in terms {
        let in_title = t.count(title);
        let in_parties = t.count(parties);
        let in_front = t.count(front);
        let in_body = t.count(body);
        let fields = [in_title, in_parties, in_front, in_body];
        if !fields.iter().any(|o| o.any()) {
            return None;
        }
        let whole = fields.iter().any(|o| o.whole > 0);
        let mut s = u32::from(whole) * WHOLE_WORD
            + weight(in_title, IN_TITLE)
            + weight(in_parties, IN_PARTIES)
            + weight(in_front, IN_FRONT_MATTER)
            + density(in_body, body_words);
        if t.find_iter(title).next().is_some_and(|(at, _)| at == 0) {
            s += TITLE_START;
        }
        total = total.saturating_add(s);
    }
    Some(total)
}

/// A field's weight for a term: whole, a quarter for a prefix only, nothing when absent.
fn weight(o: Occurrences, full: u32) -> u32 {
    if o.whole > 0 {
        full
    } else if o.any() {
        full / 4
    } else {
        0
    }
}

/// The body's share: whole-word occurrences per word (prefixes count a quarter), capped.
fn density(o: Occurrences, words: u32) -> u32 {
    let hits = o.whole * 4 + o.prefix;
    (hits.saturating_mul(20_000) / (words + 50)).min(BODY_MAX)
}

/// The snippet and highlights of a result, from the note as written when it still reads the
/// same as the index, else from the index's folded text.
fn snippet_of(root: &Path, e: &Entry, terms: &[Term<'_>]) -> (String, Vec<crate::TextRange>) {
    let folded = e.lower.get(e.body_start..).unwrap_or("");
    let original = std::fs::read_to_string(root.join(&e.summary.path))
        .ok()
        .and_then(|text| {
            let at = crate::frontmatter::split(&text).map_or(0, |s| s.body_start);
            let body = text.get(at..)?;
            (fold(body) == folded).then(|| body.to_owned())
        });
    snippet::snippet(original.as_deref().unwrap_or(folded), terms)
}

#[cfg(test)]
mod tests {
    use super::terms;

    #[test]
    fn quoted_phrases_stay_whole_and_words_fold() {
        assert_eq!(
            terms("Putin \"peace  talks\"  Élysée"),
            ["putin", "peace talks", "elysee"]
        );
        assert!(terms("   ").is_empty());
        assert!(terms("\"\"").is_empty());
    }
}
