//! Quotations: spans inside quotation marks, paired in one pass per paragraph.
//!
//! Curly marks pair by direction; a straight `"` opens when nothing is open and closes
//! otherwise. A quote still open at the end of its paragraph runs on into the next paragraph
//! when that paragraph opens with a quotation mark (news style for a quote over several
//! paragraphs), else to its own paragraph's end.

use crate::model::Span;
use crate::text::Doc;

/// One quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quote {
    /// The opening mark.
    pub open: Span,
    /// The closing mark, if the quote closes in its paragraph.
    pub close: Option<Span>,
    /// The words inside the marks, trimmed of white space.
    pub inner: Span,
}

impl Quote {
    /// From the opening mark to the closing mark (or the end of the words).
    pub fn outer(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map_or(self.inner.end, |c| c.end),
        )
    }
}

/// Every quotation of the body, in text order.
pub(crate) fn find(doc: &Doc<'_>) -> Vec<Quote> {
    let mut out = Vec::new();
    // A quotation left open at a paragraph's end, with the end of that paragraph.
    let mut pending: Option<(Span, usize)> = None;
    for &p in &doc.paragraphs {
        let mut open: Option<Span> = None;
        let text = doc.slice(p);
        let bytes = text.as_bytes();
        let mut i = 0;
        if let Some((o, end)) = pending.take() {
            // News style reopens a quotation that runs on into the next paragraph with a fresh
            // opening mark ("“A.\n\n“B,” she said."): one quotation over both paragraphs.
            if let Some(c) = text.chars().next().filter(|c| matches!(c, '“' | '"' | '«')) {
                open = Some(o);
                i = c.len_utf8();
            } else {
                push(doc, o, None, Span::new(o.end, end), &mut out);
            }
        }
        // Only bytes that can start a quotation mark are decoded: '"', '\'', and the lead
        // bytes of “ ” (E2) and « » (C2); the rest of the paragraph is skipped byte by byte.
        while i < bytes.len() {
            let byte = bytes[i];
            if !matches!(byte, b'"' | b'\'' | 0xE2 | 0xC2) {
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                i += 1;
                continue;
            };
            let mut at = Span::new(p.start + i, p.start + i + c.len_utf8());
            i += c.len_utf8();
            // Two apostrophes stand for a straight double quote in some archives ('' … '').
            let c = if c == '\'' && bytes.get(i) == Some(&b'\'') {
                i += 1;
                at.end += 1;
                '"'
            } else {
                c
            };
            // A closing mark that opens a line with nothing open is a typo for an opening
            // one ("”Fear. …” ― Ana Ruiz").
            let line_start =
                at.start == p.start || bytes.get(at.start - p.start - 1) == Some(&b'\n');
            match (c, open) {
                ('“' | '"' | '«', None) => open = Some(at),
                ('”', None) if line_start => open = Some(at),
                ('”' | '"' | '»', Some(o)) => {
                    push(doc, o, Some(at), Span::new(o.end, at.start), &mut out);
                    open = None;
                }
                ('“' | '«', Some(_)) => open = Some(at),
                _ => {}
            }
        }
        if let Some(o) = open {
            pending = Some((o, p.end));
        }
    }
    if let Some((o, end)) = pending {
        push(doc, o, None, Span::new(o.end, end), &mut out);
    }
    out
}

/// Longest name that signs a quotation, in words.
const SIGNATURE_WORDS: usize = 5;

/// Longest line end after a closing mark that may still be a signature, in bytes.
const SIGNATURE_BYTES: usize = 120;

/// A quotation signed vox-pop style, with a dash and a name after its closing mark that end
/// the line ("“…” ― Jane Doe"): the dash (the cue) and the name (the source).
pub(crate) fn signature(doc: &Doc<'_>, q: &Quote) -> Option<(Span, Span)> {
    const BLANK: [char; 3] = [' ', '\u{a0}', '\t'];
    let close = q.close?;
    // A signature is short: look no further than this for the line's end, so a long line
    // full of quotations stays linear.
    let rest = &doc.text[close.end..];
    let mut limit = rest.len().min(SIGNATURE_BYTES);
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let line = match rest[..limit].find('\n') {
        Some(end) => &rest[..end],
        None if limit == rest.len() => rest,
        None => return None,
    };
    let after = line.trim_start_matches(BLANK);
    let dash = after
        .chars()
        .next()
        .filter(|c| matches!(c, '―' | '—' | '–'))?;
    let dash_at = close.end + (line.len() - after.len());
    let name = after[dash.len_utf8()..].trim_start_matches(BLANK);
    let name_at = close.end + (line.len() - name.len());
    let name = name.trim_end_matches(['.', ' ', '\u{a0}', '\t', '\r']);
    let mut words = 0;
    for w in name.split(BLANK).filter(|w| !w.is_empty()) {
        let named = w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        if !named && !crate::lexicon::is_name_particle(w) {
            return None;
        }
        words += 1;
    }
    // One word is more often a place or an outlet than a person.
    (2..=SIGNATURE_WORDS).contains(&words).then(|| {
        (
            Span::new(dash_at, dash_at + dash.len_utf8()),
            Span::new(name_at, name_at + name.len()),
        )
    })
}

fn push(doc: &Doc<'_>, open: Span, close: Option<Span>, inner: Span, out: &mut Vec<Quote>) {
    let inner = crate::text::trim(doc.text, inner);
    if !inner.is_empty() {
        out.push(Quote { open, close, inner });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(t: &str) -> Vec<&str> {
        let d = Doc::new(t, 0);
        find(&d).iter().map(|q| &t[q.inner.range()]).collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(
            quotes("“A b,” he said. \"C d.\" Then “e"),
            ["A b,", "C d.", "e"]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        assert_eq!(quotes("He said: “We will.\n\nNext."), ["We will."]);
    }

    #[test]
    fn quote_reopened_in_the_next_paragraph_is_one_quotation() {
        assert_eq!(
            quotes("“We will stay.\n\n“We will build,” she said."),
            ["We will stay.\n\n“We will build,"]
        );
        assert_eq!(quotes("“We will stay.\n\nShe left."), ["We will stay."]);
    }

    #[test]
    fn a_closing_mark_opening_a_line_opens_a_quote() {
        assert_eq!(
            quotes("Intro.\n”Fear. Real fear.” ― Ana Ruiz"),
            ["Fear. Real fear."]
        );
        assert_eq!(quotes("He said no.” Then “yes.”"), ["yes."]);
    }

    #[test]
    fn guillemets_open_and_close_quotes() {
        assert_eq!(
            quotes("«Talks are set,\" she said. «Soon.»"),
            ["Talks are set,", "Soon."]
        );
    }

    fn signed(t: &str) -> Option<(&str, &str)> {
        let d = Doc::new(t, 0);
        let q = find(&d)[0];
        signature(&d, &q).map(|(c, s)| (&t[c.range()], &t[s.range()]))
    }

    #[test]
    fn a_dash_and_a_name_ending_the_line_sign_a_quotation() {
        assert_eq!(
            signed("“We need better schools.” ― Ana María de la Fuente.\n“Next.”"),
            Some(("―", "Ana María de la Fuente"))
        );
        assert_eq!(
            signed("“Jobs first.”\u{a0}— Tom O’Neil"),
            Some(("—", "Tom O’Neil"))
        );
        // A single word, a lower-case phrase, or more text on the line is no signature.
        assert_eq!(signed("“Jobs first.” — Reuters"), None);
        assert_eq!(signed("“Jobs first.” — said a voter"), None);
        assert_eq!(
            signed("“Jobs first.” — Tom Lee, a voter, said on Monday"),
            None
        );
        assert_eq!(signed("“Jobs first,” Tom Lee said."), None);
    }
}
