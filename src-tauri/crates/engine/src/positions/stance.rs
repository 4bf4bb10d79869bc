//! Stance and issue of a position: the cue's stance, shifted by negation, hedges and
//! conditions in the content; the issue is a short label from the content's names or first
//! content words.

use crate::lexicon::{self, Hedge};
use crate::model::{Span, Stance};
use crate::text::Doc;

/// The stance of content `span` reported with a cue suggesting `cue`.
pub(crate) fn of(doc: &Doc<'_>, cue: Stance, span: Span) -> Stance {
    let (mut neg, mut unc, mut cond) = (false, false, false);
    for w in words(doc.slice(span)) {
        let l = w.to_lowercase();
        let h = lexicon::hedge(&l).or_else(|| l.ends_with("n't").then_some(Hedge::Negation));
        match h {
            Some(Hedge::Negation) => neg = true,
            Some(Hedge::Uncertain) => unc = true,
            Some(Hedge::Conditional) => cond = true,
            None => {}
        }
    }
    match cue {
        Stance::Support if cond => Stance::Conditional,
        Stance::Support if neg => Stance::Oppose,
        Stance::Neutral if cond => Stance::Conditional,
        Stance::Neutral if unc => Stance::Uncertain,
        Stance::Neutral if neg => Stance::Oppose,
        other => other,
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// A short label of what the content at `span` is about: its first few names, else its
/// first few content words.
pub(crate) fn issue(doc: &Doc<'_>, span: Span) -> String {
    let text = doc.slice(span);
    let mut names: Vec<&str> = Vec::new();
    for (i, w) in words(text).enumerate() {
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if i > 0 && cap && !lexicon::is_non_name(w) && !names.contains(&w) {
            names.push(w);
            if names.len() == 3 {
                break;
            }
        }
    }
    if names.len() >= 2 {
        return names.join(", ");
    }
    words(text)
        .filter(|w| {
            w.len() > 3
                && !lexicon::is_non_name(&capitalise(w))
                && lexicon::hedge(&w.to_lowercase()).is_none()
                && lexicon::pronoun(w).is_none()
        })
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
