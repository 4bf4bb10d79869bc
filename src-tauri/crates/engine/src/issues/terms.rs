//! Topic keys: which tokens can name what a position is about, and how many sentences use
//! each key.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::lexicon::{self, GazKind, WordClass, files};
use crate::model::{Party, Span};
use crate::text::Doc;
use crate::tokens::{Class, Tokens};

/// How a topic noun takes part in grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Scope {
    /// Names one topic ("summit", "sanctions"), or a name ("Tomahawk").
    Specific,
    /// A topic only when nothing more specific is named ("war", "cooperation").
    Broad,
    /// Frames the topic after it ("the importance of …"): no topic itself.
    Frame,
    /// A preposition that attaches a topic's complement ("summit *in* Budapest").
    Link,
    /// Never a topic nor a title on its own ("weeks", "sides").
    Generic,
}

/// A topic key: a noun class ("call" for "call" and "conversation") or a name, lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Key<'a> {
    /// The class or the name.
    pub word: &'a str,
    /// How it groups.
    pub scope: Scope,
}

/// `data/issue_nouns.tsv`: (noun, class, scope), sorted by noun.
static NOUNS: LazyLock<Vec<(&'static str, &'static str, Scope)>> = LazyLock::new(|| {
    let mut v: Vec<(&str, &str, Scope)> = lexicon::rows(files::ISSUE_NOUNS)
        .into_iter()
        .filter_map(|r| {
            let scope = match *r.get(2)? {
                "specific" => Scope::Specific,
                "broad" => Scope::Broad,
                "frame" => Scope::Frame,
                "link" => Scope::Link,
                "generic" => Scope::Generic,
                _ => return None,
            };
            Some((r[0], *r.get(1)?, scope))
        })
        .collect();
    v.sort_unstable_by(|a, b| a.0.cmp(b.0));
    v.dedup_by(|a, b| a.0 == b.0);
    v
});

/// The topic noun `word` (lower case) is, with its class and scope.
pub(super) fn noun(word: &str) -> Option<(&'static str, Scope)> {
    let v = &*NOUNS;
    v.binary_search_by(|(n, _, _)| (*n).cmp(word))
        .ok()
        .map(|i| (v[i].1, v[i].2))
}

/// Tokens `a..b` covering `span` (those that start inside it).
pub(crate) fn token_range(tk: &Tokens, span: Span) -> (usize, usize) {
    let a = tk.toks.partition_point(|t| t.span.start < span.start);
    let b = tk.toks.partition_point(|t| t.span.start < span.end);
    (a, b.max(a))
}

/// Where the clause opening at token `a` ends (before `b`): at a stop, dash, semicolon or
/// colon, or at a comma before a conjunction, subordinator or relative ("…, including",
/// "…, which").
pub(super) fn clause_end(tk: &Tokens, a: usize, b: usize) -> usize {
    let joins_names =
        |i: usize| i > a && tk.class(i - 1) == Class::Name && tk.class(i + 1) == Class::Name;
    for i in a..b {
        if tk.class(i) != Class::Punct {
            continue;
        }
        let c = tk.lower(i).chars().next().unwrap_or(' ');
        if matches!(c, '.' | ';' | '!' | '?' | '…' | '—' | ':') || (c == '–' && !joins_names(i))
        {
            return i;
        }
        if c == ',' && !matches!(tk.class(i + 1), Class::Name | Class::Number) {
            return i;
        }
    }
    b
}

/// Every token's topic key and the number of sentences using each key.
pub(crate) struct Terms<'a> {
    keys: Vec<Option<Key<'a>>>,
    sentences: HashMap<&'a str, u32>,
    /// Topic nouns followed by a number ("resolution 2118", "Resolutions 1718, 1874"): each
    /// names its own instrument, so the noun groups nothing.
    numbered: Vec<bool>,
}

impl<'a> Terms<'a> {
    pub(super) fn new(doc: &Doc<'_>, tk: &'a Tokens, parties: &[Party]) -> Self {
        let n = tk.toks.len();
        let blocked = blocked_tokens(tk, parties);
        let mut keys = vec![None; n];
        for &(a, b) in &tk.sentences {
            let first = (a..b).find(|&i| tk.is_word(i)).unwrap_or(b);
            for (i, key) in keys.iter_mut().enumerate().take(b).skip(a) {
                *key = if let Some((class, scope)) = noun(tk.lower(i)) {
                    (!matches!(scope, Scope::Link | Scope::Generic) && !verb_place(tk, i))
                        .then_some(Key { word: class, scope })
                } else if i > first && !blocked[i] && is_topic_name(doc, tk, i) {
                    Some(Key {
                        word: singular(tk.lower(i)),
                        scope: Scope::Specific,
                    })
                } else {
                    None
                };
            }
        }
        adopt_classes(tk, &mut keys);
        let mut sentences: HashMap<&'a str, u32> = HashMap::new();
        // A set, not a list: a sentence can be the whole text (a line without punctuation).
        let mut seen: HashSet<&'a str> = HashSet::new();
        for &(a, b) in &tk.sentences {
            seen.clear();
            for key in keys[a..b].iter().flatten() {
                if seen.insert(key.word) {
                    *sentences.entry(key.word).or_default() += 1;
                }
            }
        }
        let numbered = (0..n)
            .map(|i| keys[i].is_some() && tk.class(i + 1) == Class::Number)
            .collect();
        Self {
            keys,
            sentences,
            numbered,
        }
    }

    /// The key of token `i`, whatever its count.
    pub(super) fn key(&self, i: usize) -> Option<Key<'a>> {
        self.keys.get(i).copied().flatten()
    }

    /// The key of token `i` when it names a topic: used by two or more sentences, no frame.
    pub(super) fn topic(&self, i: usize) -> Option<Key<'a>> {
        self.key(i).filter(|k| {
            k.scope != Scope::Frame
                && self.sentences_with(*k) >= 2
                && !self.numbered.get(i).copied().unwrap_or(false)
        })
    }

    /// How many sentences use key `k`.
    pub(super) fn sentences_with(&self, k: Key<'_>) -> u32 {
        self.sentences.get(k.word).copied().unwrap_or(0)
    }
}

/// A topic noun used as a verb: after "to", a modal, a subject pronoun or a negation ("to
/// *support* Ukraine", "they will *meet*", "we *call* on").
fn verb_place(tk: &Tokens, i: usize) -> bool {
    // "open to talks", "an end to sanctions": a plural after "to" is a noun.
    let plural_after_to =
        tk.lower(i).ends_with('s') && tk.is_class(i.wrapping_sub(1), WordClass::To);
    i > 0
        && !plural_after_to
        && matches!(
            tk.class(i - 1),
            Class::Closed(
                WordClass::To
                    | WordClass::Modal
                    | WordClass::Subject
                    | WordClass::Negation
                    | WordClass::Do
            )
        )
}

/// "Tomahawks" and "Tomahawk" are one key.
fn singular(w: &str) -> &str {
    if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..w.len() - 1]
    } else {
        w
    }
}

/// A capitalised word that can be a topic: no weekday, month or function word, no
/// abbreviation, at least three letters.
fn is_topic_name(doc: &Doc<'_>, tk: &Tokens, i: usize) -> bool {
    let w = tk.word(doc, i);
    tk.class(i) == Class::Name
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !lexicon::is_non_name(w)
        && !lexicon::is_abbreviation(w)
}

/// "Tomahawk missiles", "the Budapest summit": a name written before a topic noun stands
/// for that topic wherever the article uses it ("arming Ukraine with Tomahawks", "meet in
/// Budapest"), so the name takes the noun's class.
fn adopt_classes<'a>(tk: &Tokens, keys: &mut [Option<Key<'a>>]) {
    let mut adopted: Vec<(&'a str, Key<'a>)> = Vec::new();
    for i in 0..keys.len().saturating_sub(1) {
        let (Some(name), Some(next)) = (keys[i], keys[i + 1]) else {
            continue;
        };
        let is_name = tk.class(i) == Class::Name && noun(tk.lower(i)).is_none();
        if is_name
            && tk.class(i + 1) != Class::Name
            && next.scope == Scope::Specific
            && !adopted.iter().any(|(w, _)| *w == name.word)
        {
            adopted.push((name.word, next));
        }
    }
    // "the planned meeting in Budapest", "talks in Vienna": a venue after its event.
    for i in 0..keys.len().saturating_sub(2) {
        let Some(event) = keys[i].filter(|k| k.scope == Scope::Specific) else {
            continue;
        };
        if tk.class(i) == Class::Name || !lexicon::is_locative(tk.lower(i + 1)) {
            continue;
        }
        let j = if tk.is_class(i + 2, WordClass::Determiner) {
            i + 3
        } else {
            i + 2
        };
        if let Some(venue) = keys.get(j).copied().flatten()
            && tk.class(j) == Class::Name
            && noun(tk.lower(j)).is_none()
            && !adopted.iter().any(|(w, _)| *w == venue.word)
        {
            adopted.push((venue.word, event));
        }
    }
    if adopted.is_empty() {
        return;
    }
    for key in keys.iter_mut().flatten() {
        if let Some((_, class)) = adopted.iter().find(|(w, _)| *w == key.word) {
            *key = *class;
        }
    }
}

/// For each token, whether it can never be a topic name: inside a party's mention (except a
/// capital or place named as a venue, "in Budapest"), or inside a gazetteer name that is an
/// actor or a title (countries, demonyms, seats of government, organisations, titles).
fn blocked_tokens(tk: &Tokens, parties: &[Party]) -> Vec<bool> {
    let mut marks = vec![false; tk.toks.len()];
    for p in parties {
        for &m in &p.mentions {
            let (a, b) = token_range(tk, m);
            for mark in &mut marks[a..b] {
                *mark = true;
            }
        }
    }
    for (i, g) in tk.gaz.iter().enumerate() {
        let Some((entry, end)) = g else { continue };
        let end = (*end).min(tk.toks.len());
        let venue = matches!(entry.kind, GazKind::Capital | GazKind::Place)
            && i > 0
            && lexicon::is_locative(tk.lower(i - 1));
        for mark in &mut marks[i..end] {
            *mark = !venue;
        }
    }
    for &(a, _, b) in &tk.plural_titles {
        for mark in &mut marks[a..b.min(tk.toks.len())] {
            *mark = true;
        }
    }
    marks
}
