//! Bodies named by a country and a lower-case noun ("the Israeli cabinet", "Sudan's army"),
//! collectives named by an organisation and a noun for its members ("G7 members"), and the
//! word lists behind them.

use std::sync::LazyLock;

use crate::lexicon;
use crate::model::PartyKind;
use crate::text::Doc;
use crate::tokens::TokKind;

use super::Tokens;

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
    for line in data_lines(include_str!("../../data/body_heads.tsv")) {
        let Some((word, kind)) = line.split_once('\t') else {
            continue;
        };
        let (word, kind) = (word.trim(), kind.trim());
        match kind {
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
    let mut v: Vec<(&str, &str)> = data_lines(include_str!("../../data/countries.tsv"))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let name = cols.next()?.trim();
            let demonym = cols.nth(1)?.split(',').next()?.trim();
            (!demonym.is_empty()).then_some((name, demonym))
        })
        .collect();
    v.sort_unstable();
    v
});

static DEPENDENT: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../../data/dependent_prepositions.txt")));

static COLLECTIVE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../../data/collective_nouns.txt")));

static GROUP_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../../data/group_nouns.txt")));

static AFFECTED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../../data/affected_groups.txt")));

/// True when `word` (lower case) after "the" names a group acted upon ("the hostages").
pub(crate) fn is_affected_group(word: &str) -> bool {
    AFFECTED.binary_search(&word).is_ok()
}

/// A group noun at token `k`, after at most two lower-case words ("defence companies"): the
/// index after it.
pub(crate) fn group_noun(doc: &Doc<'_>, tk: &Tokens, k: usize, b: usize) -> Option<usize> {
    (k..k + 3).find_map(|i| {
        if (k..i).any(|m| lower_word(doc, tk, m, b).is_none()) {
            return None;
        }
        let w = lower_word(doc, tk, i, b)?;
        GROUP_NOUNS.binary_search(&w).is_ok().then_some(i + 1)
    })
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
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
    std::str::from_utf8(&buf[..word.len()]).is_ok_and(|w| DEPENDENT.binary_search(&w).is_ok())
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
        if COLLECTIVE.binary_search(&pair.as_str()).is_ok() {
            return Some(k + 2);
        }
    }
    COLLECTIVE.binary_search(&one).is_ok().then_some(k + 1)
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
