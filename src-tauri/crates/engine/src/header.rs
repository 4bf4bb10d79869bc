//! The head of a pasted article: an optional YAML front matter block or a title line followed
//! by `Key: value` lines (`Source:`, `Published:`, …), then the body.
//!
//! Only what is clearly a head is taken: a first line followed by a blank line or by header
//! lines, short enough to be a headline. Everything else is body.

use chrono::NaiveDate;

use crate::model::Span;

/// Header keys we recognise in `Key: value` lines (lower case).
const KEYS: &[&str] = &[
    "author",
    "by",
    "date",
    "license",
    "licence",
    "modified_time",
    "outlet",
    "published",
    "published_time",
    "publisher",
    "source",
    "source_url",
    "tags",
    "title",
    "updated",
    "url",
];

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
    KEYS.contains(&k.as_str())
        .then(|| (k, unquote(v.trim()).to_owned()))
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

    #[test]
    fn unclosed_front_matter_is_body() {
        let h = parse("---\ntitle: x\nno end");
        assert!(h.title.is_none());
        assert_eq!(h.body_start, 0);
    }
}
