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
            match (c, open) {
                ('“' | '"' | '«', None) => open = Some(at),
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
    fn guillemets_open_and_close_quotes() {
        assert_eq!(
            quotes("«Talks are set,\" she said. «Soon.»"),
            ["Talks are set,", "Soon."]
        );
    }
}
