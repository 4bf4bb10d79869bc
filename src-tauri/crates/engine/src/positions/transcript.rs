//! Transcripts: a paragraph opening with a speaker label and a colon ("MR MILLER: …",
//! "QUESTION: …", "Q: …", "Q. …", "A: …") is that speaker's turn, one position per sentence
//! (a reporter's turn gives only the sentences that ask something).
//!
//! In a text whose issuer the title names (a press conference, remarks with questions), the
//! labels may be in mixed case ("Kyodo News, Ueda: …", "Ms. ONO Hikariko, Press Secretary:
//! …"): a label naming the issuer, or "A", is the issuer answering; any other is a reporter.

use crate::lexicon::{self, GazKind, Label};
use crate::model::{PartyKind, Span, Stance};
use crate::parties::PartyTable;
use crate::text::Doc;
use crate::tokens::TokKind;

use super::attribution::View;

/// A speaker's turn: the label, its colon, and where the words start.
pub(crate) struct Turn {
    pub label: Span,
    pub colon: Span,
    pub content_start: usize,
    /// Who speaks.
    pub who: Who,
}

/// Who speaks in a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    /// A reporter asking ("QUESTION:", "Q.", "Kyodo News, Ueda:").
    Questioner,
    /// The text's issuer answering ("A:", a label with the issuer's name).
    Issuer,
    /// Anyone else named in the label ("MR MILLER:").
    Named,
}

impl Turn {
    /// The stance a turn's words start from: a question is uncertain.
    pub fn stance(&self) -> Stance {
        if self.who == Who::Questioner {
            Stance::Uncertain
        } else {
            Stance::Neutral
        }
    }
}

/// Longest upper-case label, in words.
const MAX_LABEL_WORDS: usize = 4;

/// Longest mixed-case label, in tokens ("Ms. ONO Hikariko, Press Secretary").
const MAX_MIXED_TOKENS: usize = 9;

/// The turn opening the sentence with tokens `a..b`, if it opens with a label. `issuer` is
/// the issuer's name from the title, when the text has one (then mixed-case labels count).
pub(crate) fn turn(view: &View<'_, '_>, a: usize, b: usize, issuer: Option<&str>) -> Option<Turn> {
    let toks = &view.tk.toks;
    // An interview printed as a quotation opens each turn with a mark ("\"HOST: …").
    let a = if a + 1 < b
        && toks[a].kind == TokKind::Punct
        && matches!(view.doc.slice(toks[a].span), "\"" | "“")
    {
        a + 1
    } else {
        a
    };
    // "Q. On sanctions …": a questioner's letter with a full stop.
    if issuer.is_some()
        && a + 2 < b
        && matches!(view.word(a), "Q" | "A")
        && view.is_punct(a + 1, &['.'])
    {
        return Some(Turn {
            label: toks[a].span,
            colon: toks[a + 1].span,
            content_start: toks[a + 2].span.start,
            who: if view.word(a) == "Q" {
                Who::Questioner
            } else {
                Who::Issuer
            },
        });
    }
    // Set off by a run of spaces at a line's start, a "Q" is a label with or without an
    // issuer (a clipped transcript whose title sits in front matter has none in its text).
    if spaced_question_letter(view, a, b) {
        return Some(Turn {
            label: toks[a].span,
            colon: toks[a].span,
            content_start: toks[a + 1].span.start,
            who: Who::Questioner,
        });
    }
    let colon = upper_label(view, a, b).or_else(|| issuer.and_then(|_| mixed_label(view, a, b)))?;
    if colon + 1 >= b {
        return None;
    }
    let label = Span::new(toks[a].span.start, toks[colon - 1].span.end);
    let text = view.doc.slice(label);
    let who = if text == "A" || issuer.is_some_and(|name| names_issuer(text, name)) {
        Who::Issuer
    } else if text
        .split_whitespace()
        .any(|w| lexicon::label(w) == Some(Label::Questioner))
        || (issuer.is_some() && text.chars().any(char::is_lowercase))
    {
        Who::Questioner
    } else {
        Who::Named
    };
    Some(Turn {
        label,
        colon: toks[colon].span,
        content_start: toks[colon + 1].span.start,
        who,
    })
}

/// The colon after an upper-case label of a few words ("MR MILLER", "QUESTION", "Q"); an
/// honorific may keep its full stop ("MS. JEAN-PIERRE", as White House transcripts print it).
fn upper_label(view: &View<'_, '_>, a: usize, b: usize) -> Option<usize> {
    let toks = &view.tk.toks;
    let mut i = a;
    while i < b && i < a + MAX_LABEL_WORDS + 1 && toks[i].kind == TokKind::Word {
        let w = view.doc.slice(toks[i].span);
        if !w.chars().any(char::is_alphabetic) || w.chars().any(char::is_lowercase) {
            return None;
        }
        i += 1;
        if i + 1 < b && view.is_punct(i, &['.']) && lexicon::label(w) == Some(Label::Honorific) {
            i += 1;
        }
    }
    (i > a && view.is_punct(i, &[':'])).then_some(i)
}

/// "Q" alone at the start of a paragraph, set off by a run of spaces rather than a colon or a
/// full stop: how White House transcripts mark a reporter's question ("Q\u{a0}\u{a0} Thank
/// you …"). A lone capital followed by one plain space is an initial, not a label.
fn spaced_question_letter(view: &View<'_, '_>, a: usize, b: usize) -> bool {
    let toks = &view.tk.toks;
    if a + 1 >= b || view.word(a) != "Q" || toks[a + 1].kind != TokKind::Word {
        return false;
    }
    let gap = &view.doc.text[toks[a].span.end..toks[a + 1].span.start];
    let opens_line = view.doc.text[..toks[a].span.start]
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n');
    opens_line && (gap.contains('\u{a0}') || gap.chars().count() >= 2) && gap.trim().is_empty()
}

/// The colon after a mixed-case label of capitalised words, commas and dots ("Kyodo News,
/// Ueda", "Ms. ONO Hikariko, Press Secretary").
fn mixed_label(view: &View<'_, '_>, a: usize, b: usize) -> Option<usize> {
    let mut i = a;
    while i < b && i < a + MAX_MIXED_TOKENS {
        if view.is_punct(i, &[':']) {
            break;
        }
        let ok = view.tk.is_cap(view.doc, i)
            || (i > a && view.is_punct(i, &[',', '.']))
            || (i > a && view.tk.toks[i].kind == TokKind::Possessive);
        if !ok {
            return None;
        }
        i += 1;
    }
    (i > a && view.is_punct(i, &[':']) && view.is_word(i - 1)).then_some(i)
}

/// Whether a label names the issuer: it holds a word of the issuer's name, in any case.
fn names_issuer(label: &str, issuer: &str) -> bool {
    issuer.split_whitespace().any(|n| {
        label
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| w.eq_ignore_ascii_case(n))
    })
}

/// The party speaking under a label: a questioner is an unnamed reporter unless the label
/// names one ("Kyodo News, Ueda"); "MR MILLER" is the party named Miller, if there is one,
/// else a new person.
pub(crate) fn speaker(
    doc: &Doc<'_>,
    table: &mut PartyTable,
    label: Span,
    who: Who,
) -> (usize, String) {
    let text = doc.slice(label);
    let named = reporter_name(text);
    let p = if who == Who::Questioner && named.is_none() {
        table.intern("unnamed reporter", PartyKind::Person, false)
    } else {
        let segment = named.unwrap_or(text);
        let name: Vec<String> = segment
            .split_whitespace()
            .filter(|w| lexicon::label(w.trim_end_matches('.')) != Some(Label::Honorific))
            .map(title_case)
            .collect();
        let last = name.last().cloned().unwrap_or_default();
        match table.by_word(&last) {
            Some(p) => p,
            None => table.intern(&name.join(" "), PartyKind::Person, false),
        }
    };
    table.mention(p, label, text);
    let d = &mut table.drafts[p];
    d.speaker = true;
    (p, d.name.clone())
}

/// The reporter's own name in a mixed-case label: the last comma-separated part that is no
/// role title and no outlet ("Kyodo News, Ueda" → "Ueda").
fn reporter_name(label: &str) -> Option<&str> {
    if !label.contains(',') {
        return None;
    }
    label.rsplit(',').map(str::trim).find(|part| {
        !part.is_empty()
            && !lexicon::GAZETTEER
                .automaton
                .find_iter(*part)
                .any(|m| lexicon::GAZETTEER.entries[m.pattern().as_usize()].kind == GazKind::Title)
            && !part
                .split_whitespace()
                .any(|w| lexicon::is_media(&w.to_lowercase()))
    })
}

/// "MILLER" → "Miller", "JEAN-PIERRE" → "Jean-Pierre": each hyphenated part capitalised.
fn title_case(w: &str) -> String {
    if w.chars().any(char::is_lowercase) {
        return w.to_owned();
    }
    w.split('-')
        .map(|part| {
            let mut c = part.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join("-")
}
