//! One footnote per source sentence. A note cites the same sentence from several places (two
//! positions taken from one sentence, a date and a question from the same line), each with
//! its own `[^label]`; an export numbers each distinct sentence once, in the order of its
//! first citation, and every citation of it points at that one note.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// A note's body with its footnotes numbered once per distinct text.
#[derive(Debug, Default)]
pub(crate) struct Numbered<'a> {
    /// The body; every footnote reference is `FootnoteReference("N")`, N counting from 1.
    pub body: Vec<Event<'a>>,
    /// The footnotes' contents, note N at index N − 1.
    pub notes: Vec<Vec<Event<'a>>>,
}

/// Splits `events` into the body and its unique footnotes. References to a definition that
/// does not exist are left as the text `[^label]`, as Markdown shows them; definitions cited
/// nowhere are kept, numbered after the cited ones.
pub(crate) fn number(events: Vec<Event<'_>>) -> Numbered<'_> {
    let (body, defs) = take_definitions(events);
    // Definitions with the same words are one note; `canon` maps each label to the first.
    let mut canon: HashMap<String, String> = HashMap::new();
    let mut by_text: HashMap<String, String> = HashMap::new();
    let mut content: HashMap<String, Vec<Event<'_>>> = HashMap::new();
    let mut def_order: Vec<String> = Vec::new();
    for (label, events) in defs {
        if canon.contains_key(&label) {
            continue; // a second definition of a label: Markdown uses the first
        }
        let key = plain_text(&events);
        let first = by_text.entry(key).or_insert_with(|| label.clone()).clone();
        if first == label {
            content.insert(label.clone(), events);
            def_order.push(label.clone());
        }
        canon.insert(label, first);
    }

    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(body.len());
    let mut last_ref: Option<usize> = None;
    for event in body {
        match event {
            Event::FootnoteReference(label) => match canon.get(label.as_ref()) {
                Some(c) => {
                    let n = *numbers.entry(c.clone()).or_insert_with(|| {
                        order.push(c.clone());
                        order.len()
                    });
                    // `[^p1][^p2]` on one sentence reads as one citation.
                    if last_ref != Some(n) {
                        out.push(Event::FootnoteReference(CowStr::from(n.to_string())));
                    }
                    last_ref = Some(n);
                }
                None => {
                    out.push(Event::Text(CowStr::from(format!("[^{label}]"))));
                    last_ref = None;
                }
            },
            other => {
                last_ref = None;
                out.push(other);
            }
        }
    }
    for label in def_order {
        if !numbers.contains_key(&label) {
            numbers.insert(label.clone(), order.len() + 1);
            order.push(label);
        }
    }
    let notes = order
        .iter()
        .map(|l| content.remove(l).unwrap_or_default())
        .collect();
    Numbered { body: out, notes }
}

/// Cuts the footnote definitions out of the event stream.
#[allow(clippy::type_complexity)]
fn take_definitions(events: Vec<Event<'_>>) -> (Vec<Event<'_>>, Vec<(String, Vec<Event<'_>>)>) {
    let mut body = Vec::with_capacity(events.len());
    let mut defs: Vec<(String, Vec<Event<'_>>)> = Vec::new();
    let mut open: Option<(String, Vec<Event<'_>>)> = None;
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                open = Some((label.to_string(), Vec::new()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some(def) = open.take() {
                    defs.push(def);
                }
            }
            other => match &mut open {
                Some((_, inner)) => inner.push(other),
                None => body.push(other),
            },
        }
    }
    (body, defs)
}

/// The words of a footnote, spaces collapsed: what makes two footnotes the same note.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                s.push_str(t);
            }
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::safe_html;

    fn numbered(md: &str) -> (Vec<String>, Vec<String>) {
        let events = safe_html::parse(md, false).unwrap();
        let n = number(events);
        let refs = n
            .body
            .iter()
            .filter_map(|e| match e {
                Event::FootnoteReference(r) => Some(r.to_string()),
                _ => None,
            })
            .collect();
        let notes = n.notes.iter().map(|e| plain_text(e)).collect();
        (refs, notes)
    }

    #[test]
    fn the_same_sentence_is_one_note_numbered_by_first_citation() {
        let md = "A[^p1] B[^p2] C[^d1]\n\n[^d1]: Other.\n[^p1]: Same words.\n[^p2]: Same  words.\n";
        let (refs, notes) = numbered(md);
        assert_eq!(refs, ["1", "1", "2"]);
        assert_eq!(notes, ["Same words.", "Other."]);
    }

    #[test]
    fn adjacent_citations_of_one_note_collapse() {
        let (refs, _) = numbered("A[^a][^b].\n\n[^a]: S.\n[^b]: S.\n");
        assert_eq!(refs, ["1"]);
    }

    #[test]
    fn missing_definitions_stay_text_and_uncited_notes_are_kept() {
        let md = "A[^x] B[^y]\n\n[^y]: Why.\n[^z]: Uncited.\n";
        let events = safe_html::parse(md, false).unwrap();
        let n = number(events);
        let text: String = n
            .body
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert!(text.contains("[^x]"), "{text}");
        assert_eq!(n.notes.len(), 2);
        assert_eq!(plain_text(&n.notes[1]), "Uncited.");
    }
}
