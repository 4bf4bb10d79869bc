//! The event a date belongs to: a short phrase from its clause ("Trump returned to power"),
//! taken verbatim so the timeline never says more than the text.

use std::sync::LazyLock;

use super::scan::Tok;

const MAX_WORDS: usize = 10;
/// Tokens read on either side of the date.
const WINDOW: usize = 40;

fn is_word(t: &Tok<'_>) -> bool {
    t.s.chars().any(char::is_alphanumeric)
}

fn edge(t: &Tok<'_>) -> bool {
    static EDGE: LazyLock<Vec<(&'static str, u32)>> = LazyLock::new(|| super::scan::words("edge"));
    EDGE.iter().any(|(w, _)| t.s.eq_ignore_ascii_case(w))
}

/// The phrase for the date at tokens `first..=last`, or `None` when no words are left.
pub(super) fn phrase(text: &str, toks: &[Tok<'_>], first: usize, last: usize) -> Option<String> {
    static OPENERS: LazyLock<Vec<(&'static str, u32)>> =
        LazyLock::new(|| super::scan::words("clause_opener"));
    let opener = |t: &Tok<'_>| OPENERS.iter().any(|(w, _)| t.s.eq_ignore_ascii_case(w));
    let words_in = |v: &[usize]| v.iter().filter(|&&k| is_word(&toks[k])).count();
    // The clause before the date, read from its start; a comma opens a clause only when at
    // least two words follow it ("France and Ukraine" in a list does not).
    // Only a window around the date is read, so a sentence of any length costs the same.
    let window_start = first.saturating_sub(WINDOW);
    let mut start = window_start;
    let mut words_after = 0; // words between `k` and the date, counted as `k` moves back
    for k in (window_start..first).rev() {
        let t = &toks[k];
        let in_list = toks.get(k + 1).is_some_and(|n| {
            n.s.chars().next().is_some_and(char::is_uppercase)
                && toks[k + 1..first.min(k + 5)].iter().any(|t| t.s == "and")
        });
        let comma_clause = t.s == "," && !in_list && words_after >= 3;
        if opener(t) || comma_clause {
            start = k + 1;
            break;
        }
        words_after += usize::from(is_word(t));
    }
    let mut words: Vec<usize> = (start..first).collect();
    // "Trump's recent success in mediating": an adjective dates what follows it.
    let adjective = first == last && toks[first].s.eq_ignore_ascii_case("recent");
    if adjective || words_in(&words) < 2 {
        // The date opens its clause ("On Thursday, the ministers met"): read on after it.
        words = (last + 1..toks.len().min(last + 1 + WINDOW))
            .take_while(|&k| !opener(&toks[k]))
            .collect();
    }
    if words_in(&words) < 2 {
        // "The ministry said earlier on Friday that …": the sentence's own opening.
        words = (0..first.min(WINDOW)).collect();
    }
    // At most MAX_WORDS words, then trim function words and punctuation at both ends.
    let mut n = 0;
    words.retain(|&k| {
        n += usize::from(is_word(&toks[k]));
        n <= MAX_WORDS
    });
    while words
        .first()
        .is_some_and(|&k| edge(&toks[k]) || !is_word(&toks[k]))
    {
        words.remove(0);
    }
    while words
        .last()
        .is_some_and(|&k| edge(&toks[k]) || !is_word(&toks[k]))
    {
        words.pop();
    }
    let (&a, &b) = (words.first()?, words.last()?);
    let raw = &text[toks[a].span.start..toks[b].span.end];
    let phrase: String = raw
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"'))
        .collect();
    (!phrase.is_empty()).then_some(phrase)
}
