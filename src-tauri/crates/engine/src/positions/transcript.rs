//! Transcripts: a paragraph opening with an upper-case speaker label and a colon
//! ("MR MILLER: …", "QUESTION: …") is that speaker's turn, quoted whole.

use crate::lexicon::{self, Label};
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
    pub stance: Stance,
}

/// Longest label, in words.
const MAX_LABEL_WORDS: usize = 4;

/// The turn opening the sentence with tokens `a..b`, if it opens with a label.
pub(crate) fn turn(view: &View<'_, '_>, a: usize, b: usize) -> Option<Turn> {
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
    let mut i = a;
    while i < b && i < a + MAX_LABEL_WORDS && toks[i].kind == TokKind::Word {
        let w = view.doc.slice(toks[i].span);
        if !w.chars().any(char::is_alphabetic) || w.chars().any(char::is_lowercase) {
            return None;
        }
        i += 1;
    }
    let colon = toks
        .get(i)
        .filter(|t| t.kind == TokKind::Punct && i > a && i + 1 < b)?;
    if view.doc.slice(colon.span) != ":" {
        return None;
    }
    let label = Span::new(toks[a].span.start, toks[i - 1].span.end);
    let questioner = view
        .doc
        .slice(label)
        .split_whitespace()
        .any(|w| lexicon::label(w) == Some(Label::Questioner));
    Some(Turn {
        label,
        colon: colon.span,
        content_start: toks[i + 1].span.start,
        stance: if questioner {
            Stance::Uncertain
        } else {
            Stance::Neutral
        },
    })
}

/// The party speaking under a label: a questioner is an unnamed reporter; "MR MILLER" is the
/// party named Miller, if there is one, else a new person.
pub(crate) fn speaker(doc: &Doc<'_>, table: &mut PartyTable, label: Span) -> (usize, String) {
    let text = doc.slice(label);
    let words: Vec<&str> = text.split_whitespace().collect();
    let p = if words
        .iter()
        .any(|w| lexicon::label(w) == Some(Label::Questioner))
    {
        table.intern("unnamed reporter", PartyKind::Person, false)
    } else {
        let name: Vec<String> = words
            .iter()
            .filter(|w| lexicon::label(w) != Some(Label::Honorific))
            .map(|w| title_case(w))
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

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase()
            .chain(c.flat_map(char::to_lowercase))
            .collect()
    })
}
