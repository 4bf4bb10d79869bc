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

/// Most words an issue label keeps.
const ISSUE_WORDS: usize = 6;

/// A short readable label of what the content at `span` is about: the opening phrase of its
/// clause once the subject pronoun, articles, auxiliaries and hedges are skipped, cut at the
/// next clause boundary and trimmed of trailing function words ("meet Russian President
/// Vladimir Putin", "Tomahawk missiles for Ukraine").
pub(crate) fn issue(doc: &Doc<'_>, span: Span) -> String {
    let text = doc.slice(span);
    let mut out: Vec<&str> = Vec::new();
    let mut saved: Vec<&str> = Vec::new();
    for token in text.split_whitespace() {
        let w = token.trim_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
        if w.is_empty() || !w.chars().any(char::is_alphanumeric) {
            if out.is_empty() {
                continue;
            }
            break;
        }
        let lower = w.to_lowercase();
        if out.is_empty() && is_lead_word(&lower) {
            continue;
        }
        if out.len() >= 2 && is_clause_break(&lower) {
            break;
        }
        out.push(w);
        let closes = token
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with([',', ';', ':', '.', '!', '?']);
        // "its secretary-general, Maria Lindqvist, would travel …": a short chunk set off by a
        // comma is a subject or apposition; the topic follows it (kept in case none does).
        if closes && out.len() < 3 && token.ends_with(',') {
            if saved.is_empty() {
                saved = std::mem::take(&mut out);
            }
            out.clear();
            continue;
        }
        if closes || out.len() == ISSUE_WORDS {
            break;
        }
    }
    if out.is_empty() {
        out = saved;
    }
    while out.len() > 1 && out.last().is_some_and(|w| is_trailing_word(w)) {
        out.pop();
    }
    if out.is_empty() {
        return words(text).take(4).collect::<Vec<_>>().join(" ");
    }
    out.join(" ")
}

/// Words a label does not start with: pronouns, articles, auxiliaries, hedges, complementisers.
fn is_lead_word(lower: &str) -> bool {
    lexicon::pronoun(lower).is_some()
        || lexicon::is_determiner(lower)
        || lexicon::is_verb_stop(lower)
        || lexicon::hedge(lower).is_some()
        || matches!(
            lower,
            "that"
                | "whether"
                | "not"
                | "to"
                | "be"
                | "been"
                | "being"
                | "if"
                | "it"
                | "there"
                | "as"
        )
}

/// Words that open a new clause, where a label stops.
fn is_clause_break(lower: &str) -> bool {
    matches!(
        lower,
        "that"
            | "because"
            | "which"
            | "who"
            | "while"
            | "whether"
            | "if"
            | "when"
            | "but"
            | "and"
            | "or"
            | "so"
            | "although"
            | "though"
            | "since"
            | "unless"
            | "until"
            | "what"
            | "how"
            | "why"
            | "where"
    )
}

/// Words a label does not end on: prepositions, articles, conjunctions, auxiliaries.
fn is_trailing_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    lexicon::is_determiner(&lower)
        || lexicon::is_verb_stop(&lower)
        || lexicon::pronoun(&lower).is_some()
        || (w.chars().next().is_some_and(char::is_lowercase)
            && lexicon::is_non_name(&capitalise(w)))
        || lexicon::is_locative(&lower)
        || matches!(
            lower.as_str(),
            "be" | "been"
                | "not"
                | "to"
                | "of"
                | "for"
                | "with"
                | "within"
                | "without"
                | "about"
                | "on"
                | "over"
                | "by"
                | "against"
                | "after"
                | "before"
                | "between"
                | "among"
                | "as"
                | "their"
                | "his"
                | "her"
                | "its"
                | "very"
                | "more"
                | "most"
                | "what"
                | "how"
        )
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
