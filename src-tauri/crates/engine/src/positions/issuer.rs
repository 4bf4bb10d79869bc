//! First-person statements: in a text its issuer's title names ("Statement by Press
//! Secretary Karine Jean-Pierre on …", "Remarks by High Representative Josep Borrell …"),
//! what the body says without another source is the issuer's position, and so is what "we"
//! or "I" say. The cue is the title's document word, the source the name in the title.

use crate::header::Issuer;
use crate::lexicon::{self, PronounRef, WordClass};
use crate::model::{PartyKind, Span, Stance};
use crate::parties::PartyTable;
use crate::text::Doc;

/// The stance an issuer's own statement starts from: what an issuer states in its name is
/// what it puts forward (negation and hedges in the content shift it as for any cue).
pub(super) const STANCE: Stance = Stance::Support;

/// Fewest words a sentence needs to be a statement of the issuer ("Good morning." is not).
pub(super) const STATEMENT_WORDS: usize = 5;

/// The issuer's party, with the cue (the title's document word) and source (the name) spans.
pub(super) fn party(
    doc: &Doc<'_>,
    parties: &mut PartyTable,
    issuer: Issuer,
) -> Option<(usize, Span, Span)> {
    let name = issuer.name?;
    let text = doc.slice(name);
    let last = text.split_whitespace().last().unwrap_or(text);
    let p = parties
        .by_name(text)
        .or_else(|| {
            parties
                .by_word(last)
                .filter(|&p| parties.drafts[p].kind == PartyKind::Person)
        })
        .unwrap_or_else(|| parties.intern(&title_case(text), PartyKind::Person, false));
    parties.mention(p, name, text);
    parties.drafts[p].speaker = true;
    Some((p, issuer.document, name))
}

/// Whether a source phrase is the speaker's own "we" or "I".
pub(super) fn is_self(doc: &Doc<'_>, source: Span) -> bool {
    lexicon::pronoun(doc.slice(source)) == Some(PronounRef::SelfRef)
}

/// Whether the sentence `span` reads as a statement: long enough and closed by sentence
/// punctuation (a heading or a dateline line is not).
pub(super) fn is_statement(doc: &Doc<'_>, span: Span) -> bool {
    let t = doc.slice(span).trim_end();
    t.split_whitespace().count() >= STATEMENT_WORDS
        && t.ends_with(['.', '!', '?', '”', '"', ')', '’'])
}

/// Fewest words of a sentence that stands as a statement of its own.
const OWN_STATEMENT_WORDS: usize = 8;

/// Whether the sentence `span` carries on the one before rather than states something of its
/// own: it is short, or opens with a conjunction or a fragment's first word ("And look to the
/// future.", "Such as trade, climate …", "Not least because …").
pub(super) fn carries_on(doc: &Doc<'_>, span: Span) -> bool {
    let t = doc.slice(span);
    let first = t
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    t.split_whitespace().count() < OWN_STATEMENT_WORDS
        || matches!(
            lexicon::word_class(&first),
            Some(WordClass::Conjunction | WordClass::Subordinator | WordClass::Preposition)
        )
        || matches!(first.as_str(), "such" | "not" | "also")
}

/// "ONO Hikariko" → "Ono Hikariko": a name written in capitals is written as a name.
fn title_case(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            if w.len() > 1 && w.chars().all(|c| !c.is_lowercase()) {
                let mut c = w.chars();
                c.next()
                    .map(|f| {
                        f.to_uppercase()
                            .chain(c.flat_map(char::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default()
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
