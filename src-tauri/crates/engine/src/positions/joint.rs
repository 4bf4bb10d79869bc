//! Joint subjects: one attribution made by several parties gives one position per party.
//!
//! Two forms:
//! - a coordinated subject, "President Biden and President Xi discussed …", "The United
//!   States and Honduras committed …": each conjunct that names a party speaks;
//! - a plural reference, "The two leaders agreed …", "The Ministers reaffirmed …", "Both
//!   sides discussed …": it stands for the people named together earlier (the participants of
//!   the meeting a readout reports), as many as its number says ("two", "both"), and, where
//!   the text named nobody so, for nobody (the source is then resolved as any other).
//!
//! A readout never means "unnamed leaders": the members are real parties or the form does
//! not apply.

use std::sync::LazyLock;

use crate::lexicon::{self, WordClass, files};
use crate::model::{PartyKind, Span};
use crate::parties::PartyTable;
use crate::tokens::Class;

use super::attribution::View;

/// Plural heads that refer back to the participants named together ("leaders", "ministers").
static JOINT_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::list(files::JOINT_HEADS));

/// Longest coordinated subject before a cue, in tokens.
const SUBJECT_TOKENS: usize = 40;

/// The parties speaking together through the source `s..e` of the cue at token `c` in the
/// sentence `a..`, with the span naming each; empty when the source is one party.
pub(super) fn members(
    view: &View<'_, '_>,
    parties: &PartyTable,
    sentence: usize,
    a: usize,
    (s, e): (usize, usize),
    c: usize,
) -> Vec<(usize, Span)> {
    let coordinated = coordinated_subject(view, parties, a, s, e, c);
    if coordinated.len() >= 2 {
        return coordinated;
    }
    plural_reference(view, parties, sentence, s, e)
}

/// "X and Y discussed": the parties named in a subject that joins names with "and", reading
/// back from the cue over names, titles, determiners, commas and "and" only.
fn coordinated_subject(
    view: &View<'_, '_>,
    parties: &PartyTable,
    a: usize,
    s: usize,
    e: usize,
    c: usize,
) -> Vec<(usize, Span)> {
    let tk = view.tk;
    if e != c && !(e < c && (e..c).all(|i| tk.is_class(i, WordClass::Adverb))) {
        return Vec::new();
    }
    let mut start = s;
    let mut joined = false;
    while start > a && s - start < SUBJECT_TOKENS {
        let t = start - 1;
        let ok = match tk.class(t) {
            Class::Name | Class::Possessive => true,
            Class::Closed(WordClass::Conjunction) => {
                joined |= view.lower(t) == "and";
                view.lower(t) == "and"
            }
            Class::Closed(WordClass::Determiner) => true,
            Class::Closed(WordClass::Preposition) => view.lower(t) == "of",
            Class::Punct => view.is_punct(t, &[',']),
            Class::Open => lexicon::is_source_noun(view.lower(t)) || view.is_title(t),
            _ => false,
        };
        if !ok {
            break;
        }
        start = t;
    }
    if !joined {
        return Vec::new();
    }
    let region = tk.span(start, e);
    let mut out: Vec<(usize, Span)> = Vec::new();
    for &(m, p) in mentions_in(parties, region) {
        // "Minister John Rosso of Papua New Guinea": a country after "of" is an affiliation.
        let dependent = view.doc.text[..m.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w == "of");
        if dependent || out.iter().any(|&(q, _)| q == p) || !can_speak(parties, p) {
            continue;
        }
        // A mention inside a longer one of another party ("the Republic of Honduras").
        if out.last().is_some_and(|&(_, last)| last.overlaps(m)) {
            continue;
        }
        out.push((p, m));
    }
    out
}

/// "The two leaders agreed": the participants named together before, when the source's head
/// is a plural reference. They are the people of the first paragraph that names enough of
/// them together: a readout names the participants of its meeting once, at the start, and
/// later paragraphs name them one by one.
fn plural_reference(
    view: &View<'_, '_>,
    parties: &PartyTable,
    sentence: usize,
    s: usize,
    e: usize,
) -> Vec<(usize, Span)> {
    let head = view.lower(e - 1);
    let they = e == s + 1 && head == "they" && refers_to_joint(view, sentence);
    if !(they || lexicon::contains(&JOINT_HEADS, head)) {
        return Vec::new();
    }
    let count = (s..e - 1).find_map(|i| match view.lower(i) {
        "two" | "both" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        _ => None,
    });
    let doc = view.doc;
    let source = view.tk.span(s, e);
    let own = doc.sentence_paragraph[sentence];
    // The opening paragraphs, then the source's own: a bounded look per reference keeps the
    // whole text linear.
    let opening = 0..own.min(OPENING_PARAGRAPHS);
    for pi in opening.chain(std::iter::once(own)) {
        let span = &doc.paragraphs[pi];
        let region = Span::new(span.start, if pi == own { source.start } else { span.end });
        let people = participants(parties, region);
        // A list of many people met one by one is no joint subject.
        if people.len() > MAX_MEMBERS {
            return Vec::new();
        }
        if people.len() >= 2 && count.is_none_or(|n| people.len() >= n) {
            let n = count.unwrap_or(people.len());
            return people.into_iter().take(n).map(|p| (p, source)).collect();
        }
    }
    Vec::new()
}

/// How many opening paragraphs are searched for the participants a plural reference stands for.
const OPENING_PARAGRAPHS: usize = 6;

/// Most parties a plural reference stands for.
const MAX_MEMBERS: usize = 5;

/// How many sentences back "they" may point at a plural reference ("The Ministers: … they
/// emphasized").
const THEY_SENTENCES: usize = 2;

/// Whether "they" in sentence `si` refers back to a plural reference: one of the sentences just
/// before names the group ("The Ministers:").
fn refers_to_joint(view: &View<'_, '_>, si: usize) -> bool {
    (si.saturating_sub(THEY_SENTENCES)..si).any(|sj| {
        let (a, b) = view.tk.sentences[sj];
        (a..b)
            .any(|i| view.tk.is_cap(view.doc, i) && lexicon::contains(&JOINT_HEADS, view.lower(i)))
    })
}

/// The people named in `region`, in order, each once.
fn participants(parties: &PartyTable, region: Span) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &(_, p) in mentions_in(parties, region) {
        if parties.drafts[p].kind == PartyKind::Person && can_speak(parties, p) && !out.contains(&p)
        {
            out.push(p);
        }
    }
    out
}

/// Whether party `p` can be a member of a joint subject: a named party, not an unnamed or
/// descriptive source, and, for a person, a name rather than a title phrase ("Foreign
/// Affairs of Australia").
fn can_speak(parties: &PartyTable, p: usize) -> bool {
    let d = &parties.drafts[p];
    !d.name.starts_with("unnamed ")
        && !d.reference
        && (d.kind != PartyKind::Person
            || (d.name.split_whitespace().all(|w| {
                (w.starts_with(char::is_uppercase) && lexicon::org_word(w).is_none())
                    || lexicon::is_name_particle(w)
            }) && !d
                .name
                .split_whitespace()
                .any(|w| lexicon::is_non_person_head(w) || lexicon::is_non_name(w))))
}

/// The mentions found by the party stage that lie inside `region`, in text order.
fn mentions_in(parties: &PartyTable, region: Span) -> impl Iterator<Item = &(Span, usize)> {
    let list = &parties.mentions;
    let a = list.partition_point(|(m, _)| m.start < region.start);
    let b = list.partition_point(|(m, _)| m.start < region.end);
    list[a..b].iter().filter(move |(m, _)| m.end <= region.end)
}
