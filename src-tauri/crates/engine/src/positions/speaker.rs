//! Speaker resolution: from the source phrase at a cue to one party.
//!
//! A phrase that overlaps a party mention is that party (names, surnames, acronyms and
//! title-only references were resolved when parties were found); a pronoun is the latest
//! person (he, she) or body (they, it) mentioned before it; a descriptive phrase headed by a
//! source noun ("a senior US official", "analysts") becomes an unnamed party of its own.

use crate::lexicon::{self, PronounRef};
use crate::model::{PartyKind, Span};
use crate::parties::PartyTable;
use crate::text::Doc;

/// How far back (in mentions) a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 40;

/// A pronoun refers to the last speaker when that speaker was named at most this many bytes
/// before it (about three sentences).
const RECENT_SPEAKER_BYTES: usize = 600;

/// The party index and canonical name speaking through `source`.
pub(crate) fn resolve(
    doc: &Doc<'_>,
    table: &mut PartyTable,
    source: Span,
    last_speaker: Option<usize>,
) -> (usize, String) {
    let text = doc.slice(source);
    let p = match lexicon::pronoun(text) {
        Some(PronounRef::Person) => pronoun(table, source, last_speaker, true),
        Some(_) => pronoun(table, source, last_speaker, false),
        // "Sanders, who said …": whoever was named just before.
        None if text.eq_ignore_ascii_case("who") => table.latest_before(source.start, 3, |_| true),
        None => named(table, text, source),
    };
    let p = match p {
        Some(p) => p,
        // A pronoun with nobody to point back to.
        None if lexicon::pronoun(text).is_some() => {
            table.intern("unnamed source", PartyKind::Person, false)
        }
        None => appositive(doc, table, source).unwrap_or_else(|| {
            let opens = opens_sentence(doc, source);
            described(table, text, source, opens)
        }),
    };
    let d = &mut table.drafts[p];
    d.speaker = true;
    (p, d.name.clone())
}

/// The party speaking as "we" in a collective statement ("We, the G7 foreign ministers, …"):
/// the phrase names the group itself, not one of its members.
pub(crate) fn collective(doc: &Doc<'_>, table: &mut PartyTable, source: Span) -> (usize, String) {
    let text = doc.slice(source);
    let p = table
        .by_name(text)
        .unwrap_or_else(|| table.intern(text, PartyKind::Group, false));
    table.mention(p, source, text);
    let d = &mut table.drafts[p];
    d.speaker = true;
    (p, d.name.clone())
}

/// The party a non-pronoun source phrase names: the party at its head word, or, for a
/// phrase speaking for a body ("the Kremlin's spokesman", "Russia's foreign ministry"), the
/// body; a phrase headed by a plain source noun ("a senior US official") names nobody yet.
fn named(table: &PartyTable, text: &str, source: Span) -> Option<usize> {
    let head = text.rsplit(char::is_whitespace).next().unwrap_or(text);
    let head_span = Span::new(source.end - head.len(), source.end);
    if let Some(p) = table.at(head_span) {
        return Some(p);
    }
    let lower = head.to_lowercase();
    let for_a_body = text.contains("'s ")
        || text.contains("’s ")
        || matches!(
            lower.as_str(),
            "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "office"
                | "service"
                | "ministry"
                | "government"
                | "campaign"
        );
    // "a joint statement said": a document speaks for whoever issued it, named in the phrase
    // or just before it.
    if lexicon::is_document_noun(&lower) {
        return table
            .at(source)
            .or_else(|| table.latest_before(source.start, 4, |d| d.kind != PartyKind::Person));
    }
    if lexicon::is_source_noun(&lower) && !for_a_body {
        return None;
    }
    table.at(source)
}

fn pronoun(
    table: &PartyTable,
    source: Span,
    last_speaker: Option<usize>,
    person: bool,
) -> Option<usize> {
    let wanted = |kind: PartyKind| (kind == PartyKind::Person) == person;
    // The speaker of a recent attribution usually carries on ("Trump said … He added …"),
    // even when someone else was named in between as an object.
    if let Some(s) = last_speaker.filter(|&s| wanted(table.drafts[s].kind)) {
        let seen = table.drafts[s]
            .mentions
            .iter()
            .rev()
            .find(|m| m.start < source.start)
            .map_or(0, |m| m.start);
        if source.start.saturating_sub(seen) <= RECENT_SPEAKER_BYTES {
            return Some(s);
        }
    }
    table.latest_before(source.start, PRONOUN_WINDOW, |d| wanted(d.kind))
}

/// Longest gap, in bytes, between a name and the descriptive source phrase in apposition to it.
const APPOSITION_BYTES: usize = 100;

/// "Viktor Orban, a close ally of both leaders, announced": a descriptive source set off by
/// commas right after a named party describes that party.
fn appositive(doc: &Doc<'_>, table: &PartyTable, source: Span) -> Option<usize> {
    let (m, p) = table.last_ending_before(source.start)?;
    let gap = doc.text.get(m.end..source.start)?;
    let after = doc.text.get(source.end..)?.trim_start();
    let set_off = gap.trim_start().starts_with(',')
        && gap.len() <= APPOSITION_BYTES
        && !gap[1..].contains([',', '.', ';', ':', '"', '“', '”', '(', ')'])
        && after.starts_with(',');
    set_off.then_some(p)
}

/// A party for a source phrase that names nobody already known.
fn described(table: &mut PartyTable, text: &str, source: Span, opens_sentence: bool) -> usize {
    // "The country has announced": a source phrase stops before its verb.
    let words: Vec<&str> = text
        .split_whitespace()
        .take_while(|w| !lexicon::is_verb_stop(&w.to_lowercase()))
        .collect();
    let words = if words.is_empty() {
        text.split_whitespace().take(1).collect()
    } else {
        words
    };
    // "The country", "the government": a definite common noun for a body points back to the
    // latest body mentioned, as "it" would.
    // "The commission" is the latest body whose name ends in "Commission".
    if let [det, head] = words.as_slice()
        && det.eq_ignore_ascii_case("the")
        && let Some(p) = table.body_ending_with(head).or_else(|| {
            lexicon::is_body_noun(&head.to_lowercase())
                .then(|| {
                    table.latest_before(source.start, PRONOUN_WINDOW, |d| {
                        d.kind != PartyKind::Person
                    })
                })
                .flatten()
        })
    {
        table.mention(p, source, text);
        return p;
    }
    let head = words
        .last()
        .map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let lower = head.to_lowercase();
    let body: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a" | "an" | "the" | "another" | "one"
            )
        })
        .collect();
    // After "The", the next word's capital is its own ("The Lagos businessman").
    let opens_sentence = opens_sentence && body.len() == words.len();
    // "both leaders", "the two sides": stands for parties named elsewhere.
    let reference = words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("both"))
        || (words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
            && words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("two")));
    let mut body = body.join(" ");
    // Sentence-initial capital on a plain noun ("Analysts warn"): write it as a noun.
    // The same for any first word that only has its capital from opening the sentence
    // ("Industry groups on both sides"): every other word is lower case and the word is no
    // gazetteer name ("Chinese officials" keeps its capital).
    if body.split_whitespace().next().is_some_and(|w| {
        let l = w.to_lowercase();
        // Mid-sentence, a capital on a modifier is its own ("Western officials").
        opens_sentence
            && (lexicon::is_source_noun(&l)
                || lexicon::is_source_modifier(&l)
                || (sentence_capital_only(&body) && table.by_word(w).is_none()))
    }) {
        let mut c = body.chars();
        body = c
            .next()
            .map_or_else(String::new, |f| f.to_lowercase().chain(c).collect());
    }
    let p = if lexicon::is_source_noun(&lower) {
        let named_body = text.chars().any(char::is_uppercase)
            && matches!(
                lower.as_str(),
                "government" | "ministry" | "administration" | "campaign"
            );
        if named_body {
            table.intern(&body, PartyKind::Government, false)
        } else {
            let kind = if lower.ends_with('s') && !lower.ends_with("ss") {
                PartyKind::Group
            } else {
                PartyKind::Person
            };
            table.intern(&format!("unnamed {body}"), kind, false)
        }
    } else {
        let kind = if text
            .split_whitespace()
            .any(|w| lexicon::org_word(w).is_some())
        {
            PartyKind::Organization
        } else {
            PartyKind::Person
        };
        table.intern(&body, kind, false)
    };
    table.mention(p, source, text);
    table.drafts[p].reference |= reference;
    p
}

/// Whether `source` is the first thing in its sentence (after quote marks or brackets).
fn opens_sentence(doc: &Doc<'_>, source: Span) -> bool {
    doc.sentence_at(source.start)
        .and_then(|i| doc.sentences.get(i))
        .and_then(|s| doc.text.get(s.start..source.start))
        .is_some_and(|before| {
            before
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '['))
        })
}

/// Whether the phrase's only capital letter is its first one and its first word is not a
/// gazetteer name, so the capital comes from the sentence and not from a name.
fn sentence_capital_only(body: &str) -> bool {
    let mut words = body.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    // One word alone ("Sanders said") is as likely a surname as a noun.
    let mut rest = words.peekable();
    if rest.peek().is_none() {
        return false;
    }
    let rest_lower = rest.all(|w| !w.chars().any(char::is_uppercase));
    // Letters only: "Smith's aides" keeps its name.
    let first_rest_lower =
        first.chars().all(char::is_alphabetic) && !first.chars().skip(1).any(char::is_uppercase);
    let is_name = lexicon::GAZETTEER
        .automaton
        .find(first)
        .is_some_and(|m| m.start() == 0 && m.end() == first.len());
    rest_lower && first_rest_lower && !is_name
}
