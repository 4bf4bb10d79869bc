//! The head of a pasted article: an optional YAML front matter block or a title line followed
//! by `Key: value` lines (`Source:`, `Published:`, …), then the body.
//!
//! Only what is clearly a head is taken: a first line followed by a blank line or by header
//! lines, short enough to be a headline. Everything else is body.
//!
//! A title line may name the issuer of the text: "Statement by White House Press Secretary
//! Karine Jean-Pierre on …", "Remarks by High Representative Josep Borrell …", "Foreign
//! Ministry Spokesperson Geng Shuang's Regular Press Conference". Then the body is the
//! issuer's own words ([`issuer`]).

use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::lexicon::{self, GAZETTEER, GazKind, files};
use crate::model::Span;

static KEYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lexicon::list(files::HEADER_KEYS));

static DOCUMENTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::list(files::ISSUER_DOCUMENTS));

/// A headline is at most this long; a longer first line is body.
const MAX_TITLE_BYTES: usize = 300;

/// What the head of the text says.
#[derive(Debug, Default)]
pub(crate) struct Header {
    /// The title.
    pub title: Option<String>,
    /// Where the title line is, when it is a line of its own.
    pub title_span: Option<Span>,
    /// `Key: value` fields, keys lower-cased, in order.
    pub fields: Vec<(String, String)>,
    /// The publication date from a `Published:`/`date:` field.
    pub published: Option<NaiveDate>,
    /// Byte offset where the body starts.
    pub body_start: usize,
}

impl Header {
    /// The first value of a field.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Lines of `text` with their byte offsets (without the line break).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = pos;
        pos += raw.len();
        (start, raw.trim_end_matches(['\n', '\r']))
    })
}

fn key_value(line: &str) -> Option<(String, String)> {
    let (k, v) = line.split_once(':')?;
    let k = k.trim().to_ascii_lowercase();
    lexicon::contains(&KEYS, &k).then(|| (k, unquote(v.trim()).to_owned()))
}

fn unquote(v: &str) -> &str {
    v.strip_prefix(['"', '\''])
        .and_then(|s| s.strip_suffix(['"', '\'']))
        .unwrap_or(v)
}

/// The first `YYYY-MM-DD` at the start of a value ("2021-01-22 22:14:29-05:00" included).
fn iso_date(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
}

/// Parses the head of `text`.
pub(crate) fn parse(text: &str) -> Header {
    let mut h = Header::default();
    let mut it = lines(text).peekable();
    // Skip leading blank lines.
    while it.peek().is_some_and(|(_, l)| l.trim().is_empty()) {
        it.next();
    }
    let Some(&(first_start, first)) = it.peek() else {
        return h;
    };
    if first.trim() == "---" {
        // YAML front matter: simple `key: value` lines until the closing `---`.
        it.next();
        for (start, line) in it.by_ref() {
            if line.trim() == "---" {
                h.body_start = start + line.len();
                break;
            }
            if let Some(kv) = key_value(line) {
                h.fields.push(kv);
            }
        }
        if h.body_start == 0 {
            return Header::default(); // never closed: it is not front matter
        }
        h.title = h.field("title").map(str::to_owned);
    } else {
        let trimmed = first.trim();
        if trimmed.len() > MAX_TITLE_BYTES || key_value(first).is_some() {
            h.body_start = first_start;
            return finish(h);
        }
        it.next();
        let mut end = first_start + first.len();
        let mut fields = Vec::new();
        while let Some(&(start, line)) = it.peek() {
            match key_value(line) {
                Some(kv) => {
                    fields.push(kv);
                    end = start + line.len();
                    it.next();
                }
                None => break,
            }
        }
        // A head ends at a blank line; otherwise the first line was body.
        if !it.peek().is_some_and(|(_, l)| l.trim().is_empty()) {
            h.body_start = first_start;
            return finish(h);
        }
        let lead = first.len() - first.trim_start().len();
        let title_start = first_start + lead;
        h.title = Some(trimmed.to_owned());
        h.title_span = Some(Span::new(title_start, title_start + trimmed.len()));
        h.fields = fields;
        h.body_start = end;
    }
    finish(h)
}

/// Who issued the text, from its title line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Issuer {
    /// The document word of the title ("Statement", "Press Conference"): the cue of what the
    /// body says.
    pub document: Span,
    /// The issuer's name after a role title ("Karine Jean-Pierre"), when the title gives one.
    pub name: Option<Span>,
}

/// Most words in an issuer's name.
const NAME_WORDS: usize = 4;

/// The issuer a title line names: a document word ("Statement", "Remarks") and, after the
/// last role title, the name that follows it ("… Press Secretary *Karine Jean-Pierre* on …").
/// `title` is the title's span in `text`.
pub(crate) fn issuer(text: &str, title: Span) -> Option<Issuer> {
    let line = text.get(title.range())?;
    let low = line.to_ascii_lowercase();
    let document = DOCUMENTS
        .iter()
        .filter_map(|d| find_word(&low, d).map(|at| (at, d.len())))
        .min()?;
    let (at, len) = document;
    let document = Span::new(title.start + at, title.start + at + len);
    // The name follows a role title ("NATO Secretary General Jens Stoltenberg"); the last
    // title with a name after it wins ("Foreign Press Secretary ONO Hikariko").
    let name = GAZETTEER
        .automaton
        .find_iter(line)
        .filter(|m| GAZETTEER.entries[m.pattern().as_usize()].kind == GazKind::Title)
        .filter_map(|m| name_at(line, m.end()))
        .last()
        .map(|(a, b)| Span::new(title.start + a, title.start + b));
    // The document is the title's head, not a word of a headline ("… Trump's Speech Once"):
    // it opens the title ("Joint Statement on …", after a colon "…: UK statement to the
    // OSCE"), is followed by "by"/"from", or comes after the issuer's name and role.
    let before: Vec<&str> = line[..at].split_whitespace().collect();
    let after = line[at + len..].split_whitespace().next().unwrap_or("");
    let head = before.len() <= 1
        || matches!(after, "by" | "from")
        || name.is_some_and(|n| n.end <= document.start)
        || before
            .iter()
            .rposition(|w| w.ends_with(':'))
            .is_some_and(|c| before.len() - c <= 3);
    head.then_some(Issuer { document, name })
}

/// Where `word` (lower case, maybe several words) occurs in `low` as whole words.
fn find_word(low: &str, word: &str) -> Option<usize> {
    low.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = low[..i].chars().next_back();
        let after = low[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The name starting after byte `from` of `line`: past a "/Vice-President" joined to the
/// title, two to four capitalised words ("Josep Borrell", "ONO Hikariko"), ending before a
/// possessive ending, a lower-case word or punctuation.
fn name_at(line: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    if let Some(joined) = line[at..].strip_prefix('/') {
        // "High Representative/Vice-President Josep Borrell".
        at += 1 + joined.find(' ').unwrap_or(joined.len());
    }
    let start = at + (line[at..].len() - line[at..].trim_start().len());
    let (mut end, mut words, mut pos) = (start, 0, start);
    for w in line[start..].split(' ') {
        let word_start = pos;
        pos += w.len() + 1;
        let (bare, possessive) = match w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            Some(b) => (b, true),
            None => (w, false),
        };
        let named = bare.chars().next().is_some_and(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.'));
        if !named || lexicon::is_non_name(bare) {
            break;
        }
        words += 1;
        end = word_start + bare.len();
        if possessive || words == NAME_WORDS {
            break;
        }
    }
    (2..=NAME_WORDS).contains(&words).then_some((start, end))
}

fn finish(mut h: Header) -> Header {
    h.published = ["published", "published_time", "date"]
        .iter()
        .find_map(|k| h.field(k).and_then(iso_date));
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_headers() {
        let t = "Big talks\nSource: https://x.example/a\nPublished: 2025-10-16\n\nBody here.";
        let h = parse(t);
        assert_eq!(h.title.as_deref(), Some("Big talks"));
        assert_eq!(&t[h.title_span.unwrap().range()], "Big talks");
        assert_eq!(h.published, NaiveDate::from_ymd_opt(2025, 10, 16));
        assert_eq!(h.field("source"), Some("https://x.example/a"));
        assert!(t[h.body_start..].trim_start().starts_with("Body"));
    }

    #[test]
    fn title_then_blank_line() {
        let t = "Headline.\n\nFirst paragraph.";
        let h = parse(t);
        assert_eq!(h.title.unwrap(), "Headline.");
        assert_eq!(t[h.body_start..].trim(), "First paragraph.");
    }

    #[test]
    fn no_head_when_first_line_runs_on() {
        let t = "He said it.\nAnd then more.";
        let h = parse(t);
        assert!(h.title.is_none());
        assert_eq!(h.body_start, 0);
    }

    #[test]
    fn yaml_front_matter() {
        let t = "---\ntitle: \"Readout\"\ndate: '2021-01-22'\n---\n\nThe President spoke.";
        let h = parse(t);
        assert_eq!(h.title.unwrap(), "Readout");
        assert_eq!(h.published, NaiveDate::from_ymd_opt(2021, 1, 22));
        assert_eq!(t[h.body_start..].trim(), "The President spoke.");
    }

    fn issuer_of(title: &str) -> Option<(String, Option<String>)> {
        issuer(title, Span::new(0, title.len())).map(|i| {
            (
                title[i.document.range()].to_owned(),
                i.name.map(|n| title[n.range()].to_owned()),
            )
        })
    }

    #[test]
    fn a_title_names_its_issuer_after_the_role() {
        let cases = [
            (
                "Statement by White House Press Secretary Karine Jean-Pierre on the Summit",
                Some(("Statement", Some("Karine Jean-Pierre"))),
            ),
            (
                "Press remarks by the High Representative/Vice-President Josep Borrell before the meeting",
                Some(("remarks", Some("Josep Borrell"))),
            ),
            (
                "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on May 5",
                Some(("Press Conference", Some("Geng Shuang"))),
            ),
            (
                "Press Conference by Foreign Press Secretary ONO Hikariko (July 26, 2023): Visits",
                Some(("Press Conference", Some("ONO Hikariko"))),
            ),
            ("UK statement to the OSCE", Some(("statement", None))),
            ("Readout of President Biden's Call with President Xi", None),
            ("Putin says talks will go on", None),
            ("Networks Did Not Cut From Donald Trump’s Speech Once", None),
            ("Joint Statement on Israel", Some(("Statement", None))),
        ];
        for (title, want) in cases {
            let got = issuer_of(title);
            let want = want.map(|(d, n)| (d.to_owned(), n.map(str::to_owned)));
            assert_eq!(got, want, "{title}");
        }
    }

    #[test]
    fn unclosed_front_matter_is_body() {
        let h = parse("---\ntitle: x\nno end");
        assert!(h.title.is_none());
        assert_eq!(h.body_start, 0);
    }
}
