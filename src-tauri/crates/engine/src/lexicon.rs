//! Word lists and gazetteers, loaded once from the data files in `data/` (one entry per line,
//! `#` comments, a header naming each file's source and licence).

use std::sync::LazyLock;

/// Entries of a data file: one per line, blank lines and `#` comments skipped, sorted.
pub(crate) fn entries(data: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&str> = data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

static ABBREVIATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/abbreviations.txt")));

/// True when `word` (without its final dot) is an abbreviation like "Mr" or "Jan".
pub(crate) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.binary_search(&word).is_ok()
}
