//! Stance and issue of a position: the cue's stance, shifted by negation, hedges and
//! conditions in the content; the issue is a short label from the content's names or first
//! content words.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::lexicon::{self, Hedge};
use crate::model::{Span, Stance};
use crate::text::Doc;

/// Every single-word hedge of `data/hedges.tsv` in one case-insensitive automaton, so a
/// content's stance is one pass over its bytes (no per-word lookups or allocations).
static HEDGES: LazyLock<(AhoCorasick, Vec<Hedge>)> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut effects = Vec::new();
    for line in include_str!("../../data/hedges.tsv").lines() {
        let Some((word, effect)) = line.split_once('\t') else {
            continue;
        };
        let word = word.trim();
        if word.starts_with('#') || word.contains(' ') {
            continue;
        }
        words.push(word);
        effects.push(match effect.trim() {
            "negation" => Hedge::Negation,
            "conditional" => Hedge::Conditional,
            _ => Hedge::Uncertain,
        });
    }
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&words)
        .expect("the hedge data file builds an automaton");
    (ac, effects)
});

/// True for characters that continue a word ("don't", "al-Sisi").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// The stance of content `span` reported with a cue suggesting `cue`.
pub(crate) fn of(doc: &Doc<'_>, cue: Stance, span: Span) -> Stance {
    let (mut neg, mut unc, mut cond) = (false, false, false);
    let text = doc.slice(span);
    let (ac, effects) = &*HEDGES;
    for m in ac.find_overlapping_iter(text) {
        let (a, b) = (m.start(), m.end());
        let after_ok = !text[b..].chars().next().is_some_and(is_word_char);
        // "n't" ends a word ("don't"); every other hedge is a whole word.
        let before_ok = text[a..b].eq_ignore_ascii_case("n't")
            || !text[..a].chars().next_back().is_some_and(is_word_char);
        if !(after_ok && before_ok) {
            continue;
        }
        match effects.get(m.pattern().as_usize()) {
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
        // The word lists are ASCII: lower-case in a stack buffer (a longer word is in none).
        let mut buf = [0u8; 16];
        let lower = if w.len() <= buf.len() {
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            std::str::from_utf8(&buf[..w.len()]).unwrap_or("")
        } else {
            ""
        };
        if out.is_empty() && is_lead_word(lower) {
            continue;
        }
        if out.len() >= 2 && is_clause_break(lower) {
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
