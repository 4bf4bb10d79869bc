//! A fast reader for the simple front matter most notes have (`key: value` lines and block or
//! flow lists of plain or double-quoted strings). Listing 10,000 notes parses 10,000 front
//! matters; the full YAML parser is several times slower. Anything beyond the simple subset
//! (comments, nesting, anchors, escapes, numbers, booleans, …) returns `None` and is parsed by
//! `serde_norway`; a test checks that both agree wherever this reader answers.

use serde_norway::{Mapping, Value};

/// The mapping, or `None` when the YAML is not in the simple subset.
pub(crate) fn parse(yaml: &str) -> Option<Mapping> {
    let mut map = Mapping::new();
    let mut lines = yaml.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            continue;
        }
        let (key, rest) = line.split_once(':')?;
        if !is_key(key) {
            return None;
        }
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        if !rest.is_empty() && !line[key.len() + 1..].starts_with(' ') {
            return None;
        }
        let value = if rest.trim().is_empty() {
            let mut items = Vec::new();
            while let Some(next) = lines.peek() {
                let Some(item) = next
                    .strip_prefix("  - ")
                    .or_else(|| next.strip_prefix("- "))
                else {
                    break;
                };
                items.push(Value::String(scalar(item)?));
                lines.next();
            }
            if items.is_empty() {
                Value::Null
            } else {
                Value::Sequence(items)
            }
        } else if let Some(inner) = rest.strip_prefix('[') {
            let inner = inner.trim_end().strip_suffix(']')?;
            if inner.trim().is_empty() {
                Value::Sequence(Vec::new())
            } else {
                let items: Option<Vec<Value>> = inner
                    .split(',')
                    .map(|i| scalar(i.trim()).map(Value::String))
                    .collect();
                Value::Sequence(items?)
            }
        } else {
            Value::String(scalar(rest)?)
        };
        if map.insert(Value::String(key.to_owned()), value).is_some() {
            return None; // duplicate keys are an error the full parser reports
        }
    }
    Some(map)
}

fn is_key(k: &str) -> bool {
    let mut chars = k.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A plain scalar that YAML reads as a string, or a double-quoted one without escapes.
fn scalar(s: &str) -> Option<String> {
    let s = s.trim_end_matches([' ', '\r']);
    if let Some(inner) = s.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        return (!inner.contains(['"', '\\']) && !inner.chars().any(char::is_control))
            .then(|| inner.to_owned());
    }
    let first = s.chars().next()?;
    let special = s.contains([
        '#', '{', '}', '[', ']', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '\\', '\t', ',',
    ]) || s.contains(": ")
        || s.ends_with(':')
        || s.chars().any(char::is_control);
    if special {
        return None;
    }
    if first.is_alphabetic() {
        let keyword = matches!(
            s.to_ascii_lowercase().as_str(),
            "true"
                | "false"
                | "null"
                | "yes"
                | "no"
                | "on"
                | "off"
                | "y"
                | "n"
                | "nan"
                | "inf"
                | "infinity"
        );
        return (!keyword).then(|| s.to_owned());
    }
    // Dates and date-times (`2025-10-16`, `2025-10-16T09:30:00Z`) are strings in YAML 1.2.
    let b = s.as_bytes();
    let date = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b.len() == 10
            || (b[10] == b'T'
                && b[11..]
                    .iter()
                    .all(|c| c.is_ascii_digit() || b":.+-Z".contains(c))));
    if date {
        return Some(s.to_owned());
    }
    // Other text that starts with a digit (UUIDs, "3rd round") but can never be a number.
    let numeric_like = s.parse::<f64>().is_ok()
        || s.contains([':', '_', '.', '+'])
        || ["0x", "0o", "0b"].iter().any(|p| s.starts_with(p));
    (first.is_ascii_digit() && !numeric_like).then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(yaml: &str) -> Option<Mapping> {
        match serde_norway::from_str::<Value>(yaml) {
            Ok(Value::Mapping(m)) => Some(m),
            Ok(Value::Null) => Some(Mapping::new()),
            _ => None,
        }
    }

    #[test]
    fn agrees_with_serde_norway_on_typical_front_matter() {
        let yaml = "id: 0f1e2d3c-0000-4000-8000-000000000001\ntitle: \"Summit: Budapest\"\ncreated: 2025-10-16T09:30:00Z\npublished: 2025-10-16\nclassification: TLP:AMBER\nparties:\n  - Vladimir Putin\n  - \"Donald Trump\"\ntags: [brief, europe/east]\nempty: []\nsource:\noutlet:\ncountries:\n  - \"NO\"\n";
        let fast = parse(yaml).expect("simple");
        assert_eq!(Some(fast), full(yaml));
    }

    #[test]
    fn leaves_anything_unusual_to_the_full_parser() {
        for yaml in [
            "a: 1",
            "a: true",
            "a: no",
            "a: null",
            "a: b # c",
            "a: 'q'",
            "a: \"x\\n\"",
            "a: {b: c}",
            "a:\n  b: c",
            "a: &x y",
            "a: |\n  text",
            "a: b\na: c",
            "- a",
            "a: [b, [c]]",
            "a: 12:30",
            "a: -1",
            "a: .inf",
            "a:b",
            "a: ~",
            "a: 1e5",
            "a: 0x1f",
            "a: 1_000",
            "a: 1.5",
            "a: 12",
        ] {
            assert_eq!(parse(yaml), None, "{yaml:?}");
        }
    }

    #[test]
    fn attaches_own_notes_take_the_fast_path() {
        let text = "Talks in Geneva\n\nForeign Minister Anna Berg said on Monday that Norway would host the next round. “We are ready,” she said.\n";
        let brief = attache_engine::draft(text, &attache_engine::DraftOptions::default()).unwrap();
        #[allow(clippy::needless_update)]
        let options = attache_engine::render::RenderOptions {
            id: Some("4b717161-6fb2-4d4a-9281-9f3421d8b31f".into()),
            created: Some("2025-10-16T09:30:00Z".into()),
            updated: Some("2025-10-16T09:30:00Z".into()),
            ..Default::default()
        };
        let note = attache_engine::render::markdown(&brief, text, &options);
        let yaml = crate::frontmatter::split(&note)
            .unwrap()
            .yaml
            .expect("rendered notes have front matter");
        let fast = parse(yaml).expect("the renderer's front matter is in the simple subset");
        assert_eq!(Some(fast), full(yaml));
    }

    proptest::proptest! {
        #[test]
        fn whenever_it_answers_it_agrees(
            lines in proptest::collection::vec(("[a-z_]{1,6}", "[A-Za-z0-9 :./\"\\[\\],#'_+-]{0,14}|[0-9][0-9a-fxobeE.:_+-]{0,12}"), 0..6)
        ) {
            let yaml: String = lines.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
            if let Some(fast) = parse(&yaml) {
                proptest::prop_assert_eq!(Some(fast), full(&yaml), "{:?}", yaml);
            }
        }
    }
}
