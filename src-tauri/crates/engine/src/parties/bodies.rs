//! Bodies named by a country and a lower-case noun ("the Israeli cabinet", "Sudan's army"),
//! collectives named by an organisation and a noun for its members ("G7 members"), and the
//! word lists behind them.

use std::sync::LazyLock;

use crate::lexicon::{self, files};
use crate::model::PartyKind;
use crate::text::Doc;
use crate::tokens::TokKind;

use super::{Tokens, words};

/// What a lower-case noun after a country names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    /// A body of the country ("cabinet", "army"), of this kind.
    Body(PartyKind),
    /// The country itself acting ("forces", "troops").
    Country,
}

/// Heads and modifiers from `data/body_heads.tsv`, each sorted by word.
struct Heads {
    heads: Vec<(&'static str, Head)>,
    modifiers: Vec<&'static str>,
}

static HEADS: LazyLock<Heads> = LazyLock::new(|| {
    let mut heads = Vec::new();
    let mut modifiers = Vec::new();
    for row in lexicon::rows(files::BODY_HEADS) {
        let word = row[0];
        match row[1] {
            "modifier" => modifiers.push(word),
            "country" => heads.push((word, Head::Country)),
            "group" => heads.push((word, Head::Body(PartyKind::Group))),
            _ => heads.push((word, Head::Body(PartyKind::Government))),
        }
    }
    heads.sort_unstable_by_key(|&(w, _)| w);
    heads.dedup_by_key(|&mut (w, _)| w);
    modifiers.sort_unstable();
    modifiers.dedup();
    Heads { heads, modifiers }
});

/// (country, first demonym) from the country gazetteer, sorted by country.
static DEMONYMS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut v: Vec<(&str, &str)> = lexicon::countries()
        .iter()
        .filter_map(|c| Some((c.name, *c.demonyms.first()?)))
        .collect();
    v.sort_unstable();
    v
});

/// True when `word` (lower case) after "the" names a group acted upon ("the hostages").
pub(crate) fn is_affected_group(word: &str) -> bool {
    words::is_affected_group(word)
}

/// A group noun at token `k`, after at most two lower-case words ("defence companies"): the
/// index after it.
pub(crate) fn group_noun(doc: &Doc<'_>, tk: &Tokens, k: usize, b: usize) -> Option<usize> {
    (k..k + 3).find_map(|i| {
        if (k..i).any(|m| lower_word(doc, tk, m, b).is_none()) {
            return None;
        }
        let w = lower_word(doc, tk, i, b)?;
        words::is_group_noun(w).then_some(i + 1)
    })
}

/// The usual demonym of `country` ("Sudan" → "Sudanese").
pub(crate) fn demonym(country: &str) -> Option<&'static str> {
    let d = &*DEMONYMS;
    d.binary_search_by(|&(c, _)| c.cmp(country))
        .ok()
        .map(|i| d[i].1)
}

/// True when a party named right after `word` (any case) does not act in its own name.
pub(crate) fn is_dependent_preposition(word: &str) -> bool {
    // Folded on the stack: this runs once per name phrase.
    let mut buf = [0u8; 12];
    if word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).is_ok_and(words::is_dependent)
}

fn lower_word<'a>(doc: &Doc<'a>, tk: &Tokens, i: usize, b: usize) -> Option<&'a str> {
    let w = tk.word(doc, i);
    (i < b && tk.toks[i].kind == TokKind::Word && w.chars().next().is_some_and(char::is_lowercase))
        .then_some(w)
}

/// A body head at token `k` ("army"), or a modifier and a head ("security cabinet"), before
/// token `b`: what it names and the index after it.
pub(crate) fn body_head(doc: &Doc<'_>, tk: &Tokens, k: usize, b: usize) -> Option<(Head, usize)> {
    let h = &*HEADS;
    let head = |i: usize| {
        let w = lower_word(doc, tk, i, b)?;
        h.heads
            .binary_search_by(|&(x, _)| x.cmp(w))
            .ok()
            .map(|n| h.heads[n].1)
    };
    if let Some(found) = head(k) {
        // "the army chief": the noun modifies a person, it does not name the body.
        let next = lower_word(doc, tk, k + 1, b).unwrap_or("");
        if !lexicon::is_source_noun(next) || next.is_empty() {
            return Some((found, k + 1));
        }
        return None;
    }
    let w = lower_word(doc, tk, k, b)?;
    if h.modifiers.binary_search(&w).is_ok() {
        return head(k + 1).map(|found| (found, k + 2));
    }
    None
}

/// A noun for an organisation's members at token `k` ("members", "member states"): the index
/// after it.
pub(crate) fn collective_noun(doc: &Doc<'_>, tk: &Tokens, k: usize, b: usize) -> Option<usize> {
    let one = lower_word(doc, tk, k, b)?;
    if let Some(two) = lower_word(doc, tk, k + 1, b) {
        let pair = format!("{one} {two}");
        if words::is_collective_noun(&pair) {
            return Some(k + 2);
        }
    }
    words::is_collective_noun(one).then_some(k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        assert_eq!(demonym("Sudan"), Some("Sudanese"));
        assert_eq!(demonym("Atlantis"), None);
        assert!(is_dependent_preposition("between"));
        assert!(is_dependent_preposition("Between"), "sentence-initial");
        assert!(!is_dependent_preposition("notwithstandingly"));
        assert!(
            !is_dependent_preposition("by"),
            "the agent of a passive acts"
        );
        let h = &*HEADS;
        assert!(h.modifiers.contains(&"security"));
        assert!(
            h.heads
                .iter()
                .any(|&(w, k)| w == "troops" && k == Head::Country)
        );
    }
}
