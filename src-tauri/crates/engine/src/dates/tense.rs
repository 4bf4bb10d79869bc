//! Which side of the anchor a date lies on, read from the verbs nearest to it: "met on Friday"
//! points back, "will meet on Friday" forward. Weekdays and month names without a year need it.

use std::sync::LazyLock;

use super::scan::Tok;
use crate::lexicon;

static FUTURE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::list(lexicon::files::DATES_FUTURE));
static PAST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::list(lexicon::files::DATES_PAST));

/// True when `word` (lower case) puts a date in the speaker's future ("will", "next",
/// "within").
pub(crate) fn is_future_word(word: &str) -> bool {
    FUTURE.binary_search(&word).is_ok()
}

/// True when `word` (lower case) is an irregular past-tense verb ("took", "met"): a verb,
/// never part of a noun phrase.
pub(crate) fn is_irregular_past(word: &str) -> bool {
    PAST.binary_search(&word).is_ok()
}

/// The tense around a date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// How far (in tokens) to look for a verb on either side of the expression.
const REACH: usize = 12;

/// Words without letters never mark tense; "-ed" words are past unless a modal or "be"
/// sits just before them ("will be held").
fn tense_of(toks: &[Tok<'_>], k: usize) -> Option<Tense> {
    let w = toks[k].s.to_ascii_lowercase();
    if FUTURE.binary_search(&w.as_str()).is_ok() {
        return Some(Tense::Future);
    }
    if PAST.binary_search(&w.as_str()).is_ok() {
        // "to be held", "will be met": a past form after "be" or "to" is no past.
        let before = k.checked_sub(1).map(|j| toks[j].s.to_ascii_lowercase());
        if before.as_deref().is_some_and(|b| b == "be" || b == "to") {
            return Some(Tense::Future);
        }
        return Some(Tense::Past);
    }
    // "is meeting on Friday": the present progressive with a date is an arrangement ahead;
    // a plain "is" says nothing.
    if matches!(w.as_str(), "is" | "are" | "am") {
        let next = toks.get(k + 1).map(|t| t.s.to_ascii_lowercase());
        return next
            .is_some_and(|n| n.len() > 4 && n.ends_with("ing"))
            .then_some(Tense::Future);
    }
    if w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") {
        let modal_before = (k.saturating_sub(3)..k).any(|j| {
            let v = toks[j].s.to_ascii_lowercase();
            FUTURE.binary_search(&v.as_str()).is_ok() || v == "be" || v == "to"
        });
        return Some(if modal_before {
            Tense::Future
        } else {
            Tense::Past
        });
    }
    None
}

/// The tense for the expression at tokens `first..=last`: the nearest marker before it,
/// else the nearest after it.
pub(crate) fn around(toks: &[Tok<'_>], first: usize, last: usize) -> Tense {
    for k in (first.saturating_sub(REACH)..first).rev() {
        if let Some(t) = tense_of(toks, k) {
            return t;
        }
    }
    for k in last + 1..toks.len().min(last + 1 + REACH) {
        if let Some(t) = tense_of(toks, k) {
            return t;
        }
    }
    Tense::Unknown
}
