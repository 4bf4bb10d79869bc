//! One sentence's attribution: what an attribution found is ([`Found`], [`Content`]), the
//! token view the forms read ([`View`]) and the quick cue test.
//!
//! The forms themselves (source S, cue C, content X) are one function each in `forms.rs`:
//! - `According to S, X.` and `X, according to S.` (`according_to`);
//! - `X, C S.` — inverted ("…, said the minister") (`inverted`);
//! - `S C (that) X.`, `S C Y (that) X.` for verbs with a hearer ("told reporters"), `X, S C.`
//!   and `“X,” S C.` — content after or before, and `…, C-ing X` — a participle
//!   (`source_of_cue`, `content_of_cue`).
//!
//! Source phrases are read in `source.rs`, where content starts after a cue in `content.rs`,
//! first-person collective statements in `statement.rs`.

use std::sync::LazyLock;

use crate::lexicon::{self, GazKind};
use crate::model::Stance;
use crate::text::Doc;
use crate::tokens::TokKind;
use crate::tokens::Tokens;

/// Where the content lies relative to the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    /// From the sentence start to this byte (exclusive).
    Before(usize),
    /// From this byte to the sentence end.
    After(usize),
    /// In the next quotation after this byte ("X said:" then a quote).
    NextQuote(usize),
    /// The sentence from this byte (past any dateline) to its end, around a cue set off by
    /// commas ("A, he said, B").
    Around(usize),
}

/// An attribution found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    /// The cue's tokens (`start..end`).
    pub cue: (usize, usize),
    /// The source phrase's tokens (`start..end`).
    pub source: (usize, usize),
    /// Where the content is.
    pub content: Content,
    /// Stance the cue suggests.
    pub stance: Stance,
}

/// A quick "might be a cue" test before the sorted-table lookup: one bit per (first letter,
/// second letter, last letter) of every cue word. About four lower-case words in five fail it.
static CUE_SHAPES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; SHAPES.div_ceil(64)];
    for word in lexicon::cue_words() {
        if let Some(i) = shape(word) {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
});

const SHAPES: usize = 26 * 26 * 26;

/// The (first, second, last letter) index of a lower-case ASCII word of three letters or more.
fn shape(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let letter = |c: u8| c.is_ascii_lowercase().then(|| usize::from(c - b'a'));
    match b {
        [first, second, .., last] => {
            Some((letter(*first)? * 26 + letter(*second)?) * 26 + letter(*last)?)
        }
        _ => None,
    }
}

/// False when `word` (lower case) cannot be a cue; true when it may be one.
pub(super) fn may_be_cue(word: &str) -> bool {
    shape(word).is_none_or(|i| CUE_SHAPES[i / 64] & (1 << (i % 64)) != 0)
}

/// Token helpers over one document.
pub(crate) struct View<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub tk: &'d Tokens,
}

impl View<'_, '_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.tk.word(self.doc, i)
    }

    /// Token `i` with ASCII letters lower-cased (the word lists are ASCII).
    pub(super) fn lower(&self, i: usize) -> &str {
        self.tk.lower(i)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.tk.is_word(i)
    }

    pub(super) fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        self.tk.is_punct(self.doc, i, chars)
    }

    pub(super) fn is_title(&self, i: usize) -> bool {
        matches!(self.tk.gaz.get(i), Some(Some((e, _))) if e.kind == GazKind::Title)
    }

    pub(super) fn is_name_word(&self, i: usize) -> bool {
        self.is_word(i)
            && self.tk.is_cap(self.doc, i)
            && (self.tk.gaz[i].is_some() || !lexicon::is_non_name(self.word(i)))
    }

    /// True when token `i` is a function word ("to", "and", "were"), never part of a source.
    pub(super) fn is_function_word(&self, i: usize) -> bool {
        let w = self.word(i);
        // The function-word list is capitalised ("The", "And"): capitalise the first letter
        // in a stack buffer rather than a new String per token.
        let mut buf = [0u8; 32];
        let capitalised = match w.as_bytes() {
            [first, rest @ ..] if first.is_ascii_lowercase() && w.len() <= buf.len() => {
                buf[0] = first.to_ascii_uppercase();
                buf[1..w.len()].copy_from_slice(rest);
                std::str::from_utf8(&buf[..w.len()]).unwrap_or(w)
            }
            _ => w,
        };
        lexicon::is_non_name(capitalised) || lexicon::hedge(self.lower(i)).is_some()
    }

    /// True when token `i` can head a source phrase.
    pub(super) fn is_head(&self, i: usize) -> bool {
        self.is_name_word(i)
            || (self.is_word(i) && {
                let l = self.lower(i);
                lexicon::is_source_noun(l) || self.is_title(i)
            })
    }

    /// True when token `i` can stand inside a source phrase before its head.
    pub(super) fn is_inner(&self, i: usize) -> bool {
        if self
            .tk
            .toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Possessive)
        {
            return true;
        }
        // "Mr. Podesta", "Sen. John McCain": the dot of a title abbreviation.
        if i > 0 && self.is_punct(i, &['.']) && lexicon::is_abbreviation(self.word(i - 1)) {
            return true;
        }
        self.is_word(i)
            && (self.is_name_word(i) || self.is_title(i) || {
                let l = self.lower(i);
                lexicon::is_source_modifier(l) || lexicon::is_source_noun(l)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_passes_the_quick_test_and_common_words_fail_it() {
        for word in lexicon::cue_words() {
            assert!(may_be_cue(word), "{word}");
        }
        assert!(!may_be_cue("the"));
        assert!(!may_be_cue("from"));
        // Words the quick test cannot judge go on to the table.
        assert!(may_be_cue("a"));
        assert!(may_be_cue("über"));
    }
}
