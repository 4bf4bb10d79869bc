//! The text as the engine sees it: sentences and paragraphs as byte spans, found in one
//! linear pass.
//!
//! Sentence boundaries are a full stop, question or exclamation mark (with any closing quote
//! or bracket after it) followed by white space and something that can start a sentence, unless
//! the word before the stop is a known abbreviation ("Mr.", "Jan.", "U.S.") or an initial; and
//! every blank line (a paragraph break).

use crate::lexicon;
use crate::model::Span;

/// A text split into sentences and paragraphs.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The whole input, exactly as given.
    pub text: &'a str,
    /// Where the body starts (after any title and header lines).
    pub body_start: usize,
    /// Sentences of the body, in order, trimmed of surrounding white space.
    pub sentences: Vec<Span>,
    /// Paragraphs of the body (blank-line separated), trimmed.
    pub paragraphs: Vec<Span>,
    /// For each sentence, the index of its paragraph.
    pub sentence_paragraph: Vec<usize>,
    /// Number of whitespace-separated words in the body.
    pub words: usize,
}

impl<'a> Doc<'a> {
    /// Splits the body of `text` (from `body_start`, clamped to a char boundary).
    #[must_use]
    pub fn new(text: &'a str, body_start: usize) -> Self {
        let mut body_start = body_start.min(text.len());
        while !text.is_char_boundary(body_start) {
            body_start -= 1;
        }
        let body = &text[body_start..];
        let words = body.split_whitespace().count();
        let paragraphs = split_paragraphs(text, body_start);
        let mut sentences = Vec::new();
        let mut sentence_paragraph = Vec::new();
        for (i, p) in paragraphs.iter().enumerate() {
            for s in split_sentences(text, *p) {
                sentences.push(s);
                sentence_paragraph.push(i);
            }
        }
        Self {
            text,
            body_start,
            sentences,
            paragraphs,
            sentence_paragraph,
            words,
        }
    }

    /// The text of a span.
    #[must_use]
    pub fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// Index of the sentence containing byte `pos`, if any (binary search).
    #[must_use]
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences.get(i).filter(|s| s.start <= pos).map(|_| i)
    }
}

/// `span` with white space trimmed from both ends.
#[must_use]
pub fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// Paragraphs: runs of text separated by lines that are blank.
fn split_paragraphs(text: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = from;
    let mut pos = from;
    for line in text[from..].split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        if line.trim().is_empty() {
            push_trimmed(text, Span::new(start, line_start), &mut out);
            start = pos;
        }
    }
    push_trimmed(text, Span::new(start, text.len()), &mut out);
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = trim(text, span);
    if !t.is_empty() {
        out.push(t);
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn can_start_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '-')
}

/// The word just before byte `end` (letters, digits and inner dots), e.g. "U.S" or "Mr".
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(end, |(i, _)| i);
    &text[start..end]
}

/// True when the full stop at `dot` ends an abbreviation or an initial rather than a sentence.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let w = word_before(text, dot);
    if w.is_empty() {
        return false;
    }
    // Initials and dotted abbreviations: "J.", "U.S", "a.m".
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    if w.contains('.') {
        return true;
    }
    lexicon::is_abbreviation(w)
}

/// Sentences inside one paragraph.
fn split_sentences(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = para.start;
    let bytes = text.as_bytes();
    let mut i = para.start;
    while i < para.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') || (b == b'\n' && ends_heading_line(text, start, i)) {
            // Extend over repeated stops and closing quotes/brackets.
            let mut j = i + 1;
            while j < para.end {
                let Some(c) = text[j..].chars().next() else {
                    break;
                };
                if matches!(c, '.' | '!' | '?') || is_closer(c) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &text[j..para.end];
            let after_ws = rest.trim_start();
            let has_ws = after_ws.len() < rest.len();
            let next = after_ws.chars().next();
            let boundary = has_ws
                && next.is_some_and(can_start_sentence)
                && !(b == b'.' && j == i + 1 && is_abbreviation(text, i))
                && !(b != b'.' && closes_quote(&text[i..j]) && credit_follows(after_ws));
            if boundary || (b == b'\n') {
                push_trimmed(text, Span::new(start, j), &mut out);
                start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, Span::new(start, para.end), &mut out);
    out
}

/// Whether a run of stops and closers ends with a closing quotation mark ("!”").
fn closes_quote(run: &str) -> bool {
    run.ends_with(['”', '"', '’', '\'', '»'])
}

/// Words that credit a quotation just before them ("“Go!” Senator Jane Roe said.").
const CREDIT_VERBS: &[&str] = &[
    "added",
    "asked",
    "exclaimed",
    "replied",
    "said",
    "says",
    "shouted",
    "told",
    "wrote",
    "yelled",
];

/// Most words of a name and title before a crediting verb.
const CREDIT_WORDS: usize = 6;

/// "“We will win!” Senator Jane Roe said as she left": after a quotation closed by "!" or
/// "?", a name followed by a crediting verb carries on the same sentence.
fn credit_follows(rest: &str) -> bool {
    for word in rest.split_whitespace().take(CREDIT_WORDS + 1) {
        let bare = word.trim_end_matches([',', '.', ';', ':', '!', '?']);
        if CREDIT_VERBS.contains(&bare) {
            return true;
        }
        if bare.len() < word.len() || !word.starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// A line break ends a sentence when the line before it is a heading-like line with no
/// closing punctuation (a byline, a subhead) and the next line starts with a capital — but hard-wrapped prose
/// (a line ending in a lower-case word followed by more prose) is one sentence.
fn ends_heading_line(text: &str, sentence_start: usize, nl: usize) -> bool {
    let line_start = text[..nl]
        .rfind('\n')
        .map_or(0, |p| p + 1)
        .max(sentence_start);
    let line = text[line_start..nl].trim();
    if line.is_empty() {
        return false;
    }
    let last = line.chars().last().unwrap_or(' ');
    // A line ending in a colon introduces what follows; a short line without end punctuation
    // whose next line starts a new sentence is a heading.
    let next = text[nl + 1..]
        .trim_start_matches([' ', '\t', '\r'])
        .chars()
        .next();
    let next_upper = next.is_some_and(can_start_sentence);
    (last == ':' && next_upper)
        || (line.split_whitespace().count() <= 12
            && !last.is_lowercase()
            && !matches!(last, ',' | ';' | '-' | '—')
            && next_upper
            && line_start == sentence_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        let d = Doc::new(t, 0);
        d.sentences.iter().map(|s| &t[s.range()]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sents("One two. Three four! Five?"),
            ["One two.", "Three four!", "Five?"]
        );
    }

    #[test]
    fn a_quotation_closed_by_a_bang_stays_with_its_credit() {
        assert_eq!(
            sents("“We will win!” Senator Jane Roe said as she left. Next one."),
            [
                "“We will win!” Senator Jane Roe said as she left.",
                "Next one."
            ]
        );
        assert_eq!(
            sents("“We will win!” The crowd cheered. Next one."),
            ["“We will win!”", "The crowd cheered.", "Next one."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sents("Mr. Smith met U.S. officials on Jan. 5 in Washington. J. Doe said so."),
            [
                "Mr. Smith met U.S. officials on Jan. 5 in Washington.",
                "J. Doe said so."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("“It was good,” he said. “We will go.” She agreed."),
            ["“It was good,” he said.", "“We will go.”", "She agreed."]
        );
    }

    #[test]
    fn paragraphs_split_and_wrapped_lines_join() {
        let t = "The President spoke with the\nPrime Minister today.\n\nThey agreed.";
        assert_eq!(
            sents(t),
            [
                "The President spoke with the\nPrime Minister today.",
                "They agreed."
            ]
        );
        assert_eq!(Doc::new(t, 0).paragraphs.len(), 2);
    }

    #[test]
    fn sentence_at_finds_the_right_one() {
        let t = "A b. C d.";
        let d = Doc::new(t, 0);
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(6), Some(1));
        assert_eq!(d.sentence_at(100), None);
    }
}
