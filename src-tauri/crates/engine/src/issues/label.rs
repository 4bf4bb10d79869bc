//! Issue labels: the noun phrase an analyst would title a topic with ("Tomahawk missiles
//! for Ukraine", "phone call", "Trump–Putin meeting in Budapest"), cut from the text around
//! the key: modifiers before the noun, names and topic nouns after it, and one
//! complement ("… *in* Budapest", "… *for* Ukraine"). A frame ("the importance of managing
//! strategic risks") gives what it frames. Never a clause, never a bare name.

use std::collections::HashMap;

use crate::dates;
use crate::lexicon::{self, WordClass};
use crate::model::Position;
use crate::positions::stance;
use crate::text::Doc;
use crate::tokens::{Class, Tokens};

use super::terms::{self, Key, Scope, Terms};

/// Most modifiers kept before a topic noun.
const MODIFIERS: usize = 3;
/// Most words in a complement.
const COMPLEMENT: usize = 5;
/// Longest label, in words.
const MAX_WORDS: usize = 8;
/// Most words of a noun phrase a fallback title starts from.
const FALLBACK_WORDS: usize = 5;

/// A candidate title: its tokens and how good a title it is.
struct Candidate {
    text: String,
    score: f32,
}

/// The title of an issue keyed by `key` (or of a lone position, keyless) from its members;
/// `None` when nothing in them makes a title.
pub(super) fn title(
    doc: &Doc<'_>,
    tk: &Tokens,
    terms: &Terms<'_>,
    key: Option<Key<'_>>,
    members: &[&Position],
) -> Option<String> {
    let mut cands: Vec<Candidate> = Vec::new();
    for p in members {
        let (a, b) = terms::token_range(tk, p.content_span);
        let (sa, sb) = super::near(tk, p);
        let wanted = |i: usize| match key {
            Some(k) => terms.key(i).is_some_and(|x| x.word == k.word),
            None => terms
                .key(i)
                .is_some_and(|x| matches!(x.scope, Scope::Specific | Scope::Broad | Scope::Frame)),
        };
        // A lone position is titled from its opening clause: what it goes on to mention is
        // not what it is about.
        let b = if key.is_some() {
            b
        } else {
            terms::clause_end(tk, a, b)
        };
        let mut found = false;
        for h in (a..b).filter(|&i| wanted(i)) {
            if let Some(c) = phrase(doc, tk, terms, h, (sa, sb)) {
                found = true;
                cands.push(c);
            }
        }
        if !found && key.is_some() {
            for h in (sa..sb).filter(|&i| wanted(i)) {
                if let Some(mut c) = phrase(doc, tk, terms, h, (sa, sb)) {
                    c.score -= 0.5;
                    cands.push(c);
                }
            }
        }
    }
    // The same phrase used more than once is the one the article titles the topic with.
    let mut uses: HashMap<String, usize> = HashMap::new();
    for c in &cands {
        *uses.entry(c.text.to_lowercase()).or_default() += 1;
    }
    let mut best: Option<(f32, &str)> = None;
    for c in &cands {
        let again = uses.get(&c.text.to_lowercase()).copied().unwrap_or(1) as f32;
        let s = c.score + 0.7 * (again - 1.0);
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, &c.text));
        }
    }
    match best {
        Some((s, t)) if s > 0.0 && !t.is_empty() => Some(t.to_owned()),
        _ => members.first().and_then(|p| fallback(doc, tk, terms, p)),
    }
}

/// The noun phrase around token `h` (a topic noun or name) within `bounds` (its sentence).
fn phrase(
    doc: &Doc<'_>,
    tk: &Tokens,
    terms: &Terms<'_>,
    h: usize,
    bounds: (usize, usize),
) -> Option<Candidate> {
    let (sa, sb) = bounds;
    let mut start = h;
    while start > sa && h - start < MODIFIERS + usize::from(is_joiner(doc, tk, start - 1)) {
        let j = start - 1;
        if is_joiner(doc, tk, j) && j > sa && is_name(doc, tk, j - 1) && is_name(doc, tk, start) {
            start = j - 1;
            continue;
        }
        if !is_modifier(doc, tk, j) {
            break;
        }
        start = j;
    }
    let mut end = h + 1;
    while end < sb {
        if is_joiner(doc, tk, end)
            && end + 1 < sb
            && is_name(doc, tk, end + 1)
            && is_name(doc, tk, end - 1)
        {
            end += 2;
            continue;
        }
        let noun_after = terms
            .key(end)
            .is_some_and(|k| matches!(k.scope, Scope::Specific | Scope::Broad))
            && tk.class(end) != Class::Closed(WordClass::Preposition);
        if !(noun_after || is_name(doc, tk, end) || tk.class(end) == Class::Number) {
            break;
        }
        end += 1;
    }
    let head = end - 1;
    let frame = terms.key(head).is_some_and(|k| k.scope == Scope::Frame);
    let complement = complement(doc, tk, end, sb, frame);
    if frame {
        // "the importance of managing strategic risks": the label is what is framed.
        let (ca, cb) = complement?;
        return Some(candidate(doc, tk, terms, ca, cb, false));
    }
    let (last, with_complement) = match complement {
        Some((_, cb)) => (cb, true),
        None => (end, false),
    };
    Some(candidate(doc, tk, terms, start, last, with_complement))
}

/// The complement after a topic noun at token `k`: a linking preposition ("in", "for",
/// "between") and the noun phrase after it (tokens of the object as `(start, end)` when
/// `object_only`, else from the preposition).
fn complement(
    doc: &Doc<'_>,
    tk: &Tokens,
    k: usize,
    sb: usize,
    object_only: bool,
) -> Option<(usize, usize)> {
    if k >= sb || !terms::noun(tk.lower(k)).is_some_and(|(_, s)| s == Scope::Link) {
        return None;
    }
    let mut i = k + 1;
    if matches!(
        tk.class(i),
        Class::Closed(WordClass::Determiner | WordClass::Possessive)
    ) {
        i += 1;
    }
    let object = i;
    let mut end = i;
    while end < sb && end - object < COMPLEMENT {
        let w = tk.lower(end);
        // "managing strategic risks", "the disputed Svalbard fishing zone": a gerund opens
        // the object or stands before its noun.
        let gerund = w.ends_with("ing")
            && (end == object || (end + 1 < sb && is_modifier(doc, tk, end + 1)));
        let joins = (w == "and" || is_joiner(doc, tk, end))
            && end > object
            && is_name(doc, tk, end - 1)
            && is_name(doc, tk, end + 1);
        if !(gerund || joins || is_name(doc, tk, end) || is_modifier(doc, tk, end)) {
            break;
        }
        end += 1;
    }
    // The object ends on a noun or a name, not on a modifier left hanging, and names
    // something: "for 24 hours" is a duration, not a complement.
    while end > object && !ends_phrase(doc, tk, end - 1) {
        end -= 1;
    }
    let names_something = (object..end).any(|i| {
        is_name(doc, tk, i)
            || (tk.class(i) == Class::Open
                && !terms::noun(tk.lower(i)).is_some_and(|(_, s)| s == Scope::Generic))
    });
    if end == object || !names_something {
        return None;
    }
    Some(if object_only { (object, end) } else { (k, end) })
}

/// A word that can stand before a noun in a title: a name, a number, or a lower-case word
/// that is no function word, adverb, verb form or evaluation ("very productive").
fn is_modifier(doc: &Doc<'_>, tk: &Tokens, i: usize) -> bool {
    if !tk.is_word(i) {
        return false;
    }
    match tk.class(i) {
        Class::Name | Class::Number => !lexicon::is_non_name(tk.word(doc, i)),
        Class::Open => {
            let w = tk.lower(i);
            let before = tk.class(i.wrapping_sub(1));
            let participle = w.ends_with("ed")
                && !matches!(
                    before,
                    Class::Closed(WordClass::Determiner | WordClass::Possessive)
                );
            // After "to", a modal, a subject pronoun or a negation, a word is a verb ("to
            // *support* Ukraine", "would *intensify* cooperation").
            let verb_place = matches!(
                before,
                Class::Closed(
                    WordClass::To
                        | WordClass::Modal
                        | WordClass::Subject
                        | WordClass::Negation
                        | WordClass::Do
                )
            ) || tk.lower(i.wrapping_sub(1)).ends_with("ly");
            // "the fishing quotas", "the ruling party": a gerund after an article modifies.
            let gerund = w.ends_with("ing")
                && !matches!(
                    before,
                    Class::Closed(WordClass::Determiner | WordClass::Possessive)
                );
            !(w.ends_with("ly")
                || participle
                || verb_place
                || gerund
                || stance::is_evaluative(w)
                || dates::tense::is_irregular_past(w)
                || terms::noun(w).is_some_and(|(_, s)| s == Scope::Generic))
                && lexicon::cue(w).is_none()
        }
        _ => false,
    }
}

/// A capitalised word that is no weekday, month or function word.
fn is_name(doc: &Doc<'_>, tk: &Tokens, i: usize) -> bool {
    tk.class(i) == Class::Name && !lexicon::is_non_name(tk.word(doc, i))
}

/// A dash or slash joining two names ("Trump–Putin").
fn is_joiner(doc: &Doc<'_>, tk: &Tokens, i: usize) -> bool {
    tk.is_punct(doc, i, &['–', '-', '/'])
}

/// A word a title can end on: a name, a number, or a lower-case word that is no adjective
/// left hanging (an ending in "-ed", "-ing", "-al", "-ive").
fn ends_phrase(doc: &Doc<'_>, tk: &Tokens, i: usize) -> bool {
    match tk.class(i) {
        Class::Name => is_name(doc, tk, i),
        Class::Number => true,
        Class::Open => {
            let w = tk.lower(i);
            !["ed", "ing", "ly", "al", "ive", "ous", "ful"]
                .iter()
                .any(|s| w.ends_with(s))
                || terms::noun(w).is_some()
        }
        _ => false,
    }
}

fn candidate(
    doc: &Doc<'_>,
    tk: &Tokens,
    terms: &Terms<'_>,
    start: usize,
    end: usize,
    with_complement: bool,
) -> Candidate {
    let text = words_of(doc, tk, start, end);
    let words = (start..end).filter(|&i| tk.is_word(i)).count();
    let names = (start..end).filter(|&i| is_name(doc, tk, i)).count();
    let mut score = 0.5 * words.min(5) as f32;
    if words > MAX_WORDS {
        score -= (words - MAX_WORDS) as f32;
    }
    if names > 0 && names < words {
        score += 1.0;
    }
    if with_complement {
        score += 0.5;
    }
    if !names_a_topic(doc, tk, terms, start, end) {
        score = -10.0;
    }
    Candidate { text, score }
}

/// Whether tokens `start..end` can title a topic: a topic noun, or a lower-case word that is
/// no generic noun ("weeks", "sides") — a run of names alone is a name, not a topic.
fn names_a_topic(doc: &Doc<'_>, tk: &Tokens, terms: &Terms<'_>, start: usize, end: usize) -> bool {
    let several = (start..end).filter(|&i| tk.is_word(i)).count() > 1;
    (start..end).any(|i| {
        terms::noun(tk.lower(i)).is_some_and(|(_, s)| matches!(s, Scope::Specific | Scope::Broad))
            && (several || !is_name(doc, tk, i))
            || (tk.class(i) == Class::Open
                && !terms::noun(tk.lower(i)).is_some_and(|(_, s)| s == Scope::Generic))
    }) && !(end == start + 1
        && tk.class(start) == Class::Open
        && terms.key(start).is_none()
        && tk.lower(start).chars().count() < 5)
}

/// The text of tokens `start..end` as written, on one line, a quotation mark or bracket at
/// either end left out.
fn words_of(doc: &Doc<'_>, tk: &Tokens, start: usize, end: usize) -> String {
    if start >= end {
        return String::new();
    }
    let span = tk.span(start, end);
    let s = doc.slice(span);
    let words = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '(' | ')' | '\''))
        .to_owned();
    // "Relations between …" opening a sentence is "relations between …" in a title.
    let opens_sentence = tk
        .sentences
        .binary_search_by(|&(a, _)| a.cmp(&start))
        .is_ok();
    if opens_sentence && terms::noun(tk.lower(start)).is_some() {
        let mut c = words.chars();
        return c
            .next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default();
    }
    words
}

/// A title for a position with no topic key: the first noun phrase of its opening clause
/// that names a topic (after an article, a possessive or a preposition, or a name opening
/// the content; a frame gives what it frames).
fn fallback(doc: &Doc<'_>, tk: &Tokens, terms: &Terms<'_>, p: &Position) -> Option<String> {
    first_phrase(doc, tk, terms, p.content_span)
}

/// The first noun phrase of the opening clause of `span` that names a topic.
pub(super) fn first_phrase(
    doc: &Doc<'_>,
    tk: &Tokens,
    terms: &Terms<'_>,
    span: crate::model::Span,
) -> Option<String> {
    let (a, b) = terms::token_range(tk, span);
    let b = terms::clause_end(tk, a, b);
    let mut i = a;
    while i < b {
        // "This includes …": a demonstrative opening the content stands alone.
        let demonstrative =
            i == a + 1 && matches!(tk.lower(a), "this" | "that" | "these" | "those");
        let noun_place = i == a
            || (i > a
                && !demonstrative
                && matches!(
                    tk.class(i - 1),
                    Class::Possessive
                        | Class::Closed(
                            WordClass::Determiner | WordClass::Possessive | WordClass::Preposition
                        )
                ));
        if !(noun_place && is_modifier(doc, tk, i)) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < b && end - i < FALLBACK_WORDS && is_modifier(doc, tk, end) {
            end += 1;
            // A topic noun heads its phrase unless a name or another noun follows.
            let noun = terms.key(end - 1).is_some() && !is_name(doc, tk, end - 1);
            if noun && !(is_name(doc, tk, end) || terms.key(end).is_some()) {
                break;
            }
        }
        while end > i && !ends_phrase(doc, tk, end - 1) {
            end -= 1;
        }
        if end > i {
            let frame = terms.key(end - 1).is_some_and(|k| k.scope == Scope::Frame);
            let c = match complement(doc, tk, end, b, frame) {
                Some((ca, cb)) if frame => candidate(doc, tk, terms, ca, cb, false),
                Some((_, cb)) => candidate(doc, tk, terms, i, cb, true),
                None if frame => {
                    i = end;
                    continue;
                }
                None => candidate(doc, tk, terms, i, end, false),
            };
            if c.score > 0.0 && !c.text.is_empty() {
                return Some(c.text);
            }
        }
        i = end.max(i + 1);
    }
    None
}
