//! A small YAML emitter for front matter: flat keys, scalars and lists of scalars. Titles and
//! names are arbitrary text, so a scalar is written plain only when no YAML reader could take
//! it for anything else, and double-quoted with escapes otherwise.

use std::fmt::Write as _;

/// Words YAML 1.1 readers (Obsidian's among them) turn into booleans or null.
const RESERVED: &[&str] = &[
    "true", "false", "yes", "no", "y", "n", "on", "off", "null", "~",
];

/// True when `s` can be written without quotes and reads back as the same string.
fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().last().unwrap_or(first);
    !(first.is_whitespace()
        || last.is_whitespace()
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.chars().any(|c| c.is_control() || c == '\u{feff}')
        || RESERVED.iter().any(|r| s.eq_ignore_ascii_case(r))
        || looks_numeric(s))
}

/// Numbers, dates and times would be read back as such.
fn looks_numeric(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '+')
        && s.chars()
            .all(|c| c.is_ascii_digit() || "-+.:eE_xXoObB ".contains(c))
        || s.eq_ignore_ascii_case(".inf")
        || s.eq_ignore_ascii_case(".nan")
}

/// `s` as a YAML double-quoted scalar.
pub(super) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a YAML scalar: plain when safe, else double-quoted.
pub(super) fn scalar(s: &str) -> String {
    if plain_ok(s) { s.to_owned() } else { quoted(s) }
}

/// Writes `key: value`, or `key:` (null) when there is no value.
pub(super) fn field(out: &mut String, key: &str, value: Option<&str>) {
    match value {
        Some(v) => {
            let _ = writeln!(out, "{key}: {}", scalar(v));
        }
        None => {
            let _ = writeln!(out, "{key}:");
        }
    }
}

/// Writes an ISO date or RFC 3339 time plain (YAML readers take it as a date), any other
/// value as [`field`] does.
pub(super) fn date_field(out: &mut String, key: &str, value: Option<&str>) {
    match value {
        Some(v) if is_iso_date(v) => {
            let _ = writeln!(out, "{key}: {v}");
        }
        _ => field(out, key, value),
    }
}

/// `YYYY-MM-DD`, optionally followed by `T` and a time made of digits, `:`, `.`, `+`, `-`, `Z`.
fn is_iso_date(v: &str) -> bool {
    let b = v.as_bytes();
    let date = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    date && (b.len() == 10
        || (b[10] == b'T'
            && b[11..]
                .iter()
                .all(|c| c.is_ascii_digit() || b":.+-Z".contains(c))))
}

/// Writes a list; `quote_all` forces quotes (wikilinks must stay strings in every reader).
pub(super) fn list(out: &mut String, key: &str, items: &[String], quote_all: bool) {
    if items.is_empty() {
        let _ = writeln!(out, "{key}: []");
        return;
    }
    let _ = writeln!(out, "{key}:");
    for item in items {
        let v = if quote_all {
            quoted(item)
        } else {
            scalar(item)
        };
        let _ = writeln!(out, "  - {v}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_safe() {
        assert_eq!(scalar("Trump meets Putin"), "Trump meets Putin");
        assert_eq!(scalar("brief"), "brief");
        assert_eq!(scalar("country/ua"), "country/ua");
    }

    #[test]
    fn quotes_what_yaml_would_misread() {
        for s in [
            "Talks: a new round",
            "- dash first",
            "# hash first",
            "yes",
            "No",
            "null",
            "2025-10-16",
            "12",
            "1.5",
            "'single'",
            "\"double\"",
            "trailing space ",
            "ends with colon:",
            "a #comment",
            "[list]",
            "{map}",
            "*alias",
            "&anchor",
            "!tag",
            "@at",
            "%percent",
            "",
        ] {
            assert!(scalar(s).starts_with('"'), "{s:?} must be quoted");
        }
    }

    #[test]
    fn escapes_inside_quotes() {
        assert_eq!(quoted("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(quoted("line\nbreak\ttab"), r#""line\nbreak\ttab""#);
        assert_eq!(quoted("bell\u{7}"), r#""bell\u0007""#);
        assert_eq!(scalar("two\nlines"), r#""two\nlines""#);
    }

    #[test]
    fn dates_stay_plain_only_when_iso() {
        let mut s = String::new();
        date_field(&mut s, "published", Some("2025-10-16"));
        date_field(&mut s, "created", Some("2025-10-16T09:30:00Z"));
        date_field(&mut s, "updated", Some("16 Oct: late"));
        date_field(&mut s, "x", None);
        assert_eq!(
            s,
            "published: 2025-10-16\ncreated: 2025-10-16T09:30:00Z\nupdated: \"16 Oct: late\"\nx:\n"
        );
    }

    #[test]
    fn lists() {
        let mut s = String::new();
        list(&mut s, "parties", &["[[A]]".to_owned()], true);
        list(&mut s, "countries", &[], false);
        assert_eq!(s, "parties:\n  - \"[[A]]\"\ncountries: []\n");
    }
}
