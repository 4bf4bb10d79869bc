//! Full-text and front matter search over the in-memory index, ranked best first.

use std::path::Path;

use memchr::memmem::Finder;

use crate::error::Result;
use crate::index::{Entry, fold_case};
use crate::model::SearchHit;
use crate::vault::Vault;

/// Most results a search returns.
pub const MAX_RESULTS: usize = 200;

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

    /// Notes matching every word of `query` (case-insensitive; `"quoted phrases"` match as a
    /// whole), best first: matches in the title weigh most, then front matter (parties, tags,
    /// marking), then the body; ties go to the most recently changed note. An empty query
    /// returns nothing.
    ///
    /// # Errors
    /// As [`Vault::list`].
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        let terms = terms(query);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let index = self.refresh(true)?;
        // Longest words first: they are the rarest, so most notes are rejected after one scan.
        let mut by_length: Vec<&String> = terms.iter().collect();
        by_length.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let finders: Vec<Finder<'_>> = by_length
            .iter()
            .map(|t| Finder::new(t.as_bytes()))
            .collect();
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
                    let finders = &finders;
                    s.spawn(move || {
                        part.iter()
                            .filter_map(|e| {
                                score(e, finders).map(|sc| (sc, e.summary.modified_ms, *e))
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
        Ok(hits
            .into_iter()
            .map(|(score, _, e)| SearchHit {
                note: e.summary.clone(),
                score,
                snippet: snippet(self.root(), e, &terms[0]),
            })
            .collect())
    }
}

/// Lower-cased words and quoted phrases.
fn terms(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            let phrase = fold_case(part.trim());
            if !phrase.is_empty() {
                out.push(phrase);
            }
        } else {
            out.extend(part.split_whitespace().map(fold_case));
        }
    }
    out
}

fn score(e: &Entry, finders: &[Finder<'_>]) -> Option<u32> {
    let body = e.lower.get(e.body_start..).unwrap_or(&e.lower).as_bytes();
    let front = e.lower.get(..e.body_start).unwrap_or("").as_bytes();
    let title = e.title_lower.as_bytes();
    // Every word must match: reject on the first missing one before counting anything.
    let present = |f: &Finder<'_>| {
        f.find(title).is_some() || f.find(front).is_some() || f.find(body).is_some()
    };
    if !finders.iter().all(present) {
        return None;
    }
    let mut total = 0u32;
    for f in finders {
        let in_title = f.find(title);
        let in_front = f.find(front).is_some();
        let body_count = u32::try_from(f.find_iter(body).take(20).count()).unwrap_or(20);
        total += u32::from(in_title.is_some()) * 100 + u32::from(in_front) * 30 + body_count * 3;
        if in_title == Some(0) {
            total += 20;
        }
    }
    Some(total)
}

/// About 160 characters of the body around the first match (whole characters only).
fn snippet(root: &Path, e: &Entry, term: &str) -> String {
    let body = e.lower.get(e.body_start..).unwrap_or("");
    let Some(at) = body.find(term) else {
        return String::new();
    };
    let start = floor_char(body, at.saturating_sub(60));
    let end = floor_char(body, (at + term.len() + 100).min(body.len()));
    // Show the text as written: read the note again (only for results) and cut the same bytes,
    // which line up whenever lower-casing kept every character's length.
    let original = std::fs::read_to_string(root.join(&e.summary.path))
        .ok()
        .and_then(|text| {
            let body = text.get(text.len().checked_sub(body.len())?..)?;
            (fold_case(body) == *e.lower.get(e.body_start..)?)
                .then(|| body.get(start..end).map(str::to_owned))?
        });
    let cut = original.as_deref().unwrap_or(&body[start..end]);
    cut.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::terms;

    #[test]
    fn quoted_phrases_stay_whole() {
        assert_eq!(
            terms("Putin \"peace talks\"  Budapest"),
            ["putin", "peace talks", "budapest"]
        );
        assert!(terms("   ").is_empty());
    }
}
