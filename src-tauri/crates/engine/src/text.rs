//! The text as the engine sees it: sentences and paragraphs as byte spans, found in one
//! linear pass.
//!
//! Sentence boundaries are a full stop, question or exclamation mark (with any closing quote
//! or bracket after it) followed by white space and something that can start a sentence; every
//! blank line (a paragraph break); and a line break before or after a list item. The word
//! before a full stop decides whether it ends the sentence (`full_stop_ends_sentence`:
//! abbreviations in `data/abbreviations.tsv`, initials, dotted words, times, numbers, list
//! numbers), and a quotation closed by "!" or "?" keeps its credit ("“Go!” Mr. Roe said.").
//! The rules are checked only where a stop or line break is, so the pass stays linear.

use crate::lexicon::{self, Abbreviation, WordClass};
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

/// True when the full stop at `dot`, followed by white space and `next`, ends a sentence.
///
/// The word before the stop decides (sentencex's English rules, with our lists): a number
/// ends a sentence ("$9.99. You"), unless it is a list marker at the start of a line ("1. A
/// ceasefire"); a name abbreviation never does ("Mr. Zelensky"); an initial, a dotted word
/// ("U.S.") or another abbreviation ("Inc.") ends one only before a word that opens a
/// sentence ("… in the U.S. The talks …", not "the U.N. Security Council"); "a.m."/"p.m." end
/// one unless a weekday, month or time zone carries on the time ("at 11 p.m. Diplomats …",
/// not "10 a.m. Wednesday").
fn full_stop_ends_sentence(text: &str, dot: usize, next: &str) -> bool {
    let w = word_before(text, dot);
    if w.is_empty() {
        return true;
    }
    if is_list_marker_word(text, dot - w.len(), w) {
        return false;
    }
    if w.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return true;
    }
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return !c.is_uppercase() || opens_sentence(next);
    }
    match lexicon::abbreviation(w) {
        Some(Abbreviation::Name) => false,
        Some(Abbreviation::Time) => !continues_time(next),
        Some(Abbreviation::Other) => opens_sentence(next),
        None if w.contains('.') => opens_sentence(next),
        None => true,
    }
}

/// The first word of `s` (letters and apostrophes).
fn first_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || is_apostrophe(c)))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Whether `next` starts with a capitalised function word that opens sentences ("The",
/// "They", "In", "But", "When"), rather than a name ("Security Council", "Jane Roe").
fn opens_sentence(next: &str) -> bool {
    let w = first_word(next.trim_start_matches(['"', '“', '‘', '\'', '(', '[']));
    if !w.starts_with(char::is_uppercase) {
        return false;
    }
    let lower = w.to_lowercase();
    matches!(
        lexicon::word_class(&lower),
        Some(
            WordClass::Determiner
                | WordClass::Subject
                | WordClass::Possessive
                | WordClass::Preposition
                | WordClass::Conjunction
                | WordClass::Subordinator
                | WordClass::That
                | WordClass::Adverb
        )
    )
}

/// Whether `next` carries on a clock time ("Wednesday", "EST", "local time").
fn continues_time(next: &str) -> bool {
    let w = first_word(next);
    !w.starts_with(char::is_uppercase) || lexicon::is_time_word(w)
}

/// "1", "12" or "a" standing alone at the start of a line before its stop: a list marker.
fn is_list_marker_word(text: &str, start: usize, w: &str) -> bool {
    let short = w.len() <= 3
        && (w.bytes().all(|b| b.is_ascii_digit())
            || (w.len() == 1 && w.bytes().all(|b| b.is_ascii_lowercase())));
    short && at_line_start(text, start)
}

fn at_line_start(text: &str, pos: usize) -> bool {
    text[..pos]
        .chars()
        .rev()
        .find(|c| !matches!(c, ' ' | '\t'))
        .is_none_or(|c| c == '\n')
}

/// The length of the list marker `line` opens with ("- ", "• ", "1. ", "2) ", "a) "), if any.
fn list_marker(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '-' | '*' | '•' | '‣' | '◦' | '▪' | '–') {
        return line[first.len_utf8()..]
            .starts_with([' ', '\t'])
            .then_some(first.len_utf8() + 1);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let letter = usize::from(digits == 0 && first.is_ascii_lowercase());
    let n = digits + letter;
    let closer = line.as_bytes().get(n).copied();
    let ok = (1..=3).contains(&digits) && matches!(closer, Some(b'.' | b')'))
        || letter == 1 && closer == Some(b')');
    (ok && line
        .as_bytes()
        .get(n + 1)
        .is_some_and(|b| *b == b' ' || *b == b'\t'))
    .then_some(n + 2)
}

/// Sentences inside one paragraph.
fn split_sentences(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = para.start;
    let bytes = text.as_bytes();
    let mut i = para.start;
    while i < para.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?')
            || (b == b'\n' && line_break_ends_sentence(text, start, i))
        {
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
                && !(b == b'.' && j == i + 1 && !full_stop_ends_sentence(text, i, after_ws))
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
        // "Mr." and "Sen." belong to the name before the verb.
        let title = word
            .strip_suffix('.')
            .is_some_and(|w| lexicon::abbreviation(w) == Some(Abbreviation::Name));
        if (bare.len() < word.len() && !title) || !word.starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// A line break ends a sentence before a list item ("- …", "• …", "2. …"), after a list
/// item unless the next line carries it on (indented or in lower case), and after a heading.
fn line_break_ends_sentence(text: &str, sentence_start: usize, nl: usize) -> bool {
    let next_line = &text[nl + 1..];
    let next = next_line.trim_start_matches([' ', '\t', '\r']);
    if list_marker(next).is_some() {
        return true;
    }
    let line_start = text[..nl].rfind('\n').map_or(0, |p| p + 1);
    let line = text[line_start..nl].trim_start_matches([' ', '\t']);
    let carried_on = next_line.starts_with([' ', '\t']) || next.starts_with(char::is_lowercase);
    if list_marker(line).is_some() && !carried_on && !next.trim().is_empty() {
        return true;
    }
    ends_heading_line(text, sentence_start, nl)
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
