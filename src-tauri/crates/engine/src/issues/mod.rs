//! Issues: the few topics a brief's positions are about ("Budapest summit", "Tomahawk
//! missiles for Ukraine"), found from the article's topic nouns and names and their
//! repetition across sentences, each with a stable id that positions point at
//! ([`Position::issue_id`]).
//!
//! 1. Every token is read once for a topic key ([`terms`]): a topic noun of
//!    `data/issue_nouns.tsv` (its class, so "call" and "conversation" are one topic), or a
//!    capitalised name that is no party, country, title or date ("Tomahawk", "Budapest").
//! 2. A key names a topic when two or more sentences use it.
//! 3. Each position takes the first specific key of its content's opening clause (else its
//!    most repeated one); content of a few words ("very productive") takes the key nearest to
//!    it in its sentence ("… described as a very productive phone call"). Positions with one
//!    key are one issue; the same content (a joint statement giving one position per party)
//!    is always one issue. Broad keys ("war", "cooperation") only title.
//! 4. Each issue is titled with a noun phrase around its key ([`label`]), never a clause, a
//!    quotation's opening or a bare name.
//!
//! Every step is a pass over tokens or positions, so the stage is linear in the text (the
//! key counts are a hash map of at most one entry per distinct word).

mod label;
mod terms;

use std::collections::HashMap;

use crate::model::{Issue, Party, Position, Span};
use crate::text::Doc;
use crate::tokens::{Class, Tokens};

pub(crate) use terms::Terms;
use terms::{Key, Scope};

/// The head noun of an issue label: its last word before a complement ("Tomahawk missiles
/// for Ukraine" → "missiles").
pub(crate) fn head_noun(label: &str) -> &str {
    let words: Vec<&str> = label.split_whitespace().collect();
    let end = words
        .iter()
        .position(|w| terms::noun(&w.to_lowercase()).is_some_and(|(_, s)| s == Scope::Link))
        .unwrap_or(words.len());
    words[..end].last().copied().unwrap_or(label)
}

/// True when `noun` (lower case) names a countable topic — an event, an instrument, a body —
/// that takes "the" in a sentence ("the summit", "the sanctions"), unlike a broad one
/// ("democracy", "trade").
pub(crate) fn is_countable_topic(noun: &str) -> bool {
    terms::noun(noun).is_some_and(|(_, s)| s == Scope::Specific)
}

/// How far (in tokens) either side of a content its sentence is read for a topic.
const NEAR: usize = 30;

/// The tokens of `p`'s sentence near its content: a bound that keeps a sentence of any
/// length linear.
pub(crate) fn near(tk: &Tokens, p: &Position) -> (usize, usize) {
    let (sa, sb) = terms::token_range(tk, p.sentence_span);
    let (a, b) = terms::token_range(tk, p.content_span);
    (sa.max(a.saturating_sub(NEAR)), sb.min(b + NEAR).max(sa))
}

/// True when `noun` (lower case) is a topic noun of `data/issue_nouns.tsv`, specific or broad.
pub(crate) fn is_topic_noun(noun: &str) -> bool {
    terms::noun(noun).is_some_and(|(_, s)| matches!(s, Scope::Specific | Scope::Broad))
}

/// Content with fewer words than this takes its topic from its sentence.
const SHORT_CONTENT: usize = 5;

/// Finds the issues of `positions`, sets each position's issue label and id, and returns
/// the issues in order of first mention.
pub(crate) fn assign<'t>(
    doc: &Doc<'_>,
    tk: &'t Tokens,
    parties: &[Party],
    positions: &mut [Position],
) -> (Vec<Issue>, Terms<'t>) {
    let terms = Terms::new(doc, tk, parties);
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut by_key: HashMap<Key<'_>, usize> = HashMap::new();
    let mut by_content: HashMap<Span, usize> = HashMap::new();
    let mut group_of = Vec::with_capacity(positions.len());
    for (pi, p) in positions.iter().enumerate() {
        let g = if let Some(&g) = by_content.get(&p.content_span) {
            g
        } else {
            let key = topic_of(&terms, tk, p);
            let g = match key.and_then(|k| by_key.get(&k).copied()) {
                Some(g) => g,
                None => {
                    groups.push(Group {
                        key,
                        positions: Vec::new(),
                    });
                    if let Some(k) = key {
                        by_key.insert(k, groups.len() - 1);
                    }
                    groups.len() - 1
                }
            };
            by_content.insert(p.content_span, g);
            g
        };
        groups[g].positions.push(pi);
        group_of.push(g);
    }
    // One title is one issue: groups that come out with the same label are merged, so the
    // note never shows two sections of one name.
    let mut issues: Vec<Issue> = Vec::with_capacity(groups.len());
    let mut by_label: HashMap<String, usize> = HashMap::new();
    let mut issue_of_group = Vec::with_capacity(groups.len());
    for g in &groups {
        let members: Vec<&Position> = g.positions.iter().map(|&i| &positions[i]).collect();
        // Nothing in it makes a title: the positions stay without an issue.
        let Some(label) = label::title(doc, tk, &terms, g.key, &members) else {
            issue_of_group.push(None);
            continue;
        };
        let k = *by_label.entry(fold(&label)).or_insert_with(|| {
            issues.push(Issue {
                id: format!("i{}", issues.len() + 1),
                label,
                evidence: Vec::new(),
            });
            issues.len() - 1
        });
        issues[k]
            .evidence
            .extend(members.iter().map(|p| p.sentence_span));
        issue_of_group.push(Some(k));
    }
    for issue in &mut issues {
        issue.evidence.sort_unstable();
        issue.evidence.dedup();
    }
    for (p, g) in positions.iter_mut().zip(group_of) {
        match issue_of_group[g].map(|k| &issues[k]) {
            Some(issue) => {
                p.issue.clone_from(&issue.label);
                p.issue_id = Some(issue.id.clone());
            }
            None => {
                p.issue.clear();
                p.issue_id = None;
            }
        }
    }
    (issues, terms)
}

/// The first noun phrase of the opening clause of `span` that names a topic ("the deepening
/// cooperation between the United States and Somalia"), for a question about it.
pub(crate) fn topic_phrase(
    doc: &Doc<'_>,
    tk: &Tokens,
    terms: &Terms<'_>,
    span: Span,
) -> Option<String> {
    label::first_phrase(doc, tk, terms, span)
}

/// Positions sharing a topic key (or one position, when it has none).
struct Group<'k> {
    key: Option<Key<'k>>,
    positions: Vec<usize>,
}

/// The topic key of position `p`: the first specific key of its content's opening clause,
/// else its most repeated specific key; short content looks at its sentence, nearest key
/// first. Broad keys ("war", "cooperation") title a position but group nothing: one word
/// that general would gather half the article.
fn topic_of<'k>(terms: &Terms<'k>, tk: &Tokens, p: &Position) -> Option<Key<'k>> {
    let (a, b) = terms::token_range(tk, p.content_span);
    let specific = |i: usize| terms.topic(i).filter(|k| k.scope == Scope::Specific);
    let opening = terms::clause_end(tk, a, b);
    // The first topic of the opening clause; a compound ("ceasefire proposal", "peace
    // talks") is about its last noun.
    if let Some(mut i) = (a..opening).find(|&i| specific(i).is_some()) {
        while i + 1 < opening && terms.key(i + 1).is_some() && tk.class(i + 1) != Class::Name {
            i += 1;
        }
        return specific(i).or_else(|| (a..opening).find_map(specific));
    }
    let words = (a..b).filter(|&i| tk.is_word(i)).count();
    if words >= SHORT_CONTENT {
        return None;
    }
    let (sa, sb) = near(tk, p);
    (sa..sb)
        .filter_map(|i| specific(i).map(|k| (i, k)))
        .min_by_key(|&(i, _)| if i < a { a - i } else { i.saturating_sub(b) })
        .map(|(_, k)| k)
}

/// A label folded for comparison: lower case, letters and digits only.
fn fold(label: &str) -> String {
    label
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
