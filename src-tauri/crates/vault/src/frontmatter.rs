//! Front matter: the YAML block between `---` lines at the top of a note (Obsidian's
//! "properties"). Values are read with `serde_norway`; updates edit only the lines of the keys
//! they change, so unknown keys, comments, order and the body stay byte for byte as they were.

use serde_norway::{Mapping, Value};

/// A note cut into its front matter and body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines (without them), if the note has front matter.
    pub yaml: Option<&'a str>,
    /// Byte offset of the YAML in the note.
    pub yaml_start: usize,
    /// Byte offset of the closing `---` line (equal to `yaml_start` + YAML length).
    pub close_start: usize,
    /// Everything after the closing `---` line (the whole note when there is no front matter).
    pub body: &'a str,
    /// Byte offset of the body.
    pub body_start: usize,
}

/// Cuts a note into front matter and body.
///
/// # Errors
/// A one-line reason when the note opens a front matter block that never closes.
pub fn split(text: &str) -> Result<Split<'_>, String> {
    let open_len = if text.starts_with("---\n") {
        4
    } else if text.starts_with("---\r\n") {
        5
    } else {
        return Ok(Split {
            yaml: None,
            yaml_start: 0,
            close_start: 0,
            body: text,
            body_start: 0,
        });
    };
    let mut pos = open_len;
    while pos <= text.len() {
        let rest = &text[pos..];
        let (line, next) = match rest.find('\n') {
            Some(i) => (&rest[..i], pos + i + 1),
            None => (rest, text.len() + 1),
        };
        let l = line.trim_end_matches(['\r', ' ', '\t']);
        if l == "---" || l == "..." {
            let body_start = next.min(text.len());
            return Ok(Split {
                yaml: Some(&text[open_len..pos]),
                yaml_start: open_len,
                close_start: pos,
                body: &text[body_start..],
                body_start,
            });
        }
        if next > text.len() {
            break;
        }
        pos = next;
    }
    Err("the opening --- line has no closing --- line".to_owned())
}

/// The largest front matter parsed. Properties are a few lines (Attaché's own are under 2 KB);
/// the YAML parser's time grows faster than the input on some shapes, so one hostile or
/// broken synced note must not be able to stall every list and search.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// The deepest nesting of `[…]`/`{…}` parsed (YAML's scanner is quadratic in it).
pub const MAX_NESTING: usize = 16;

/// Refuses front matter the YAML parser should never see, before it sees it.
fn check_limits(yaml: &str) -> Result<(), String> {
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(format!(
            "the front matter is {} KB, more than the {} KB properties may take: move the long text into the note's body",
            yaml.len() / 1024,
            MAX_FRONT_MATTER_BYTES / 1024
        ));
    }
    let depth = flow_depth(yaml);
    if depth > MAX_NESTING {
        return Err(format!(
            "the front matter nests brackets {depth} levels deep (at most {MAX_NESTING} are read): simplify the property that has them"
        ));
    }
    Ok(())
}

/// The deepest nesting of flow brackets outside quoted strings and comments (a cheap upper
/// bound of what the parser would build: stray brackets inside plain text only overcount).
fn flow_depth(yaml: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for line in yaml.lines() {
        let mut quote: Option<u8> = None;
        let mut prev = b' ';
        for &b in line.as_bytes() {
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None => match b {
                    b'"' | b'\'' => quote = Some(b),
                    b'#' if prev == b' ' || prev == b'\t' => break,
                    b'[' | b'{' => {
                        depth += 1;
                        max = max.max(depth);
                    }
                    b']' | b'}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
            prev = b;
        }
    }
    max
}

/// The values of a note's front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// Every key and value, in file order.
    pub map: Mapping,
}

impl FrontMatter {
    /// Parses the YAML of a front matter block.
    ///
    /// # Errors
    /// A one-line reason when the YAML is invalid, not a set of `key: value` lines, or past
    /// [`MAX_FRONT_MATTER_BYTES`] or [`MAX_NESTING`].
    pub fn parse(yaml: &str) -> Result<Self, String> {
        if yaml.trim().is_empty() {
            return Ok(Self::default());
        }
        check_limits(yaml)?;
        if let Some(map) = crate::simple_yaml::parse(yaml) {
            return Ok(Self { map });
        }
        match serde_norway::from_str::<Value>(yaml) {
            Ok(Value::Mapping(map)) => Ok(Self { map }),
            Ok(Value::Null) => Ok(Self::default()),
            Ok(_) => Err("the front matter is not a list of `key: value` lines".to_owned()),
            Err(e) => Err(one_line(&e.to_string())),
        }
    }

    /// Reads the front matter of a whole note (empty when the note has none).
    ///
    /// # Errors
    /// As [`split`] and [`FrontMatter::parse`].
    pub fn of_note(text: &str) -> Result<Self, String> {
        match split(text)?.yaml {
            Some(y) => Self::parse(y),
            None => Ok(Self::default()),
        }
    }

    /// A scalar value as text (numbers and booleans as written); `None` when absent, null,
    /// empty or not a scalar.
    #[must_use]
    pub fn str(&self, key: &str) -> Option<String> {
        scalar(self.map.get(key)?).filter(|s| !s.is_empty())
    }

    /// A list of scalars (a single scalar counts as a one-item list). `[[Link]]` brackets
    /// around items are removed, so Obsidian link properties read as plain names.
    #[must_use]
    pub fn list(&self, key: &str) -> Vec<String> {
        let items: Vec<String> = match self.map.get(key) {
            Some(Value::Sequence(seq)) => seq.iter().filter_map(scalar).collect(),
            Some(v) => scalar(v).into_iter().collect(),
            None => Vec::new(),
        };
        items
            .into_iter()
            .map(|s| unlink(&s).to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar(&t.value),
        Value::Null | Value::Sequence(_) | Value::Mapping(_) => None,
    }
}

/// `[[Target|Alias]]` → `Target`; anything else unchanged.
fn unlink(s: &str) -> &str {
    let t = s.trim();
    match t.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
        Some(inner) => inner.split('|').next().unwrap_or(inner).trim(),
        None => t,
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A value Attaché writes into front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FmValue {
    /// A single string.
    Str(String),
    /// A list of strings (written as a block list, as Obsidian does).
    List(Vec<String>),
}

/// Sets `key` to `value` in a note's front matter, changing only that key's lines: other keys,
/// comments, their order and the body are kept byte for byte. A missing key is added at the end
/// of the block; a note without front matter gets one.
///
/// # Errors
/// When the note's front matter cannot be parsed, or the edit would not read back as `value`.
pub fn set(text: &str, key: &str, value: &FmValue) -> Result<String, String> {
    let sp = split(text)?;
    let nl =
        if text[..sp.body_start].contains("\r\n") || (sp.yaml.is_none() && text.contains("\r\n")) {
            "\r\n"
        } else {
            "\n"
        };
    let entry = render_entry(key, value, nl);
    let out = match sp.yaml {
        None => format!("---{nl}{entry}---{nl}{text}"),
        Some(yaml) => {
            FrontMatter::parse(yaml)?;
            let (start, end) = key_lines(yaml, key).map_or((yaml.len(), yaml.len()), |r| r);
            let (a, b) = (sp.yaml_start + start, sp.yaml_start + end);
            // A block whose last line lacks a newline cannot happen (the closing line follows).
            format!("{}{entry}{}", &text[..a], &text[b..])
        }
    };
    let check = FrontMatter::of_note(&out)?;
    let ok = match value {
        FmValue::Str(s) => check.str(key).unwrap_or_default() == *s,
        FmValue::List(items) => match check.map.get(key) {
            Some(Value::Sequence(seq)) => {
                seq.iter().filter_map(scalar).collect::<Vec<_>>() == *items
            }
            _ => false,
        },
    };
    if ok {
        Ok(out)
    } else {
        Err(format!(
            "the value of `{key}` would not read back unchanged"
        ))
    }
}

/// Byte range (within the YAML) of the lines that hold top-level `key`: its line plus the
/// indented or `- ` lines that continue it.
fn key_lines(yaml: &str, key: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut found: Option<(usize, usize)> = None;
    for line in yaml.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if let Some((s, _)) = found.as_mut().map(|r| (r.0, r.1)) {
            let continues = line.starts_with([' ', '\t'])
                || (line.starts_with('-') && !line.starts_with("---"));
            if continues {
                found = Some((s, offset));
                continue;
            }
            return found;
        }
        if let Some(rest) = line.strip_prefix(key)
            && rest.trim_start_matches([' ', '\t']).starts_with(':')
        {
            found = Some((start, offset));
        }
    }
    found
}

fn render_entry(key: &str, value: &FmValue, nl: &str) -> String {
    match value {
        FmValue::Str(s) => format!("{key}: {}{nl}", yaml_scalar(s)),
        FmValue::List(items) if items.is_empty() => format!("{key}: []{nl}"),
        FmValue::List(items) => {
            let mut s = format!("{key}:{nl}");
            for item in items {
                s.push_str(&format!("  - {}{nl}", yaml_scalar(item)));
            }
            s
        }
    }
}

/// A YAML scalar for `s`: plain when that reads back as the same string (Obsidian shows such
/// values unquoted), else double-quoted with JSON escapes (valid YAML).
#[must_use]
pub fn yaml_scalar(s: &str) -> String {
    let plain = s.chars().next().is_some_and(char::is_alphanumeric)
        && s.chars()
            .all(|c| c.is_alphanumeric() || " -_.:/+,()–—’".contains(c))
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains("  ")
        && s.parse::<f64>().is_err()
        && !s.starts_with("0x")
        && !s.starts_with("0o")
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTE: &str = "---\nid: 1234\n# analyst comment\ntitle: Old\ncustom: [a, b]\nparties:\n  - A\n  - B\ncssclasses: wide\n---\n# Body\n\nText with --- inside.\n";

    #[test]
    fn splits_front_matter_and_body() {
        let sp = split(NOTE).unwrap();
        assert!(sp.yaml.unwrap().starts_with("id: 1234"));
        assert_eq!(sp.body, "# Body\n\nText with --- inside.\n");
        assert_eq!(split("# no front matter\n").unwrap().yaml, None);
        assert!(split("---\nid: 1\nno close\n").is_err());
        assert_eq!(split("---\n---\n").unwrap().yaml, Some(""));
    }

    #[test]
    fn reads_scalars_and_lists() {
        let fm = FrontMatter::of_note(NOTE).unwrap();
        assert_eq!(fm.str("id").as_deref(), Some("1234"));
        assert_eq!(fm.list("parties"), ["A", "B"]);
        assert_eq!(fm.list("custom"), ["a", "b"]);
        let linked =
            FrontMatter::parse("parties: [\"[[Vladimir Putin]]\", \"[[UN|United Nations]]\"]")
                .unwrap();
        assert_eq!(linked.list("parties"), ["Vladimir Putin", "UN"]);
    }

    #[test]
    fn editing_one_key_keeps_everything_else_byte_for_byte() {
        let out = set(NOTE, "title", &FmValue::Str("New: a title".into())).unwrap();
        assert_eq!(
            out,
            NOTE.replace("title: Old\n", "title: \"New: a title\"\n")
        );
        let out = set(NOTE, "parties", &FmValue::List(vec!["C".into()])).unwrap();
        assert_eq!(
            out,
            NOTE.replace("parties:\n  - A\n  - B\n", "parties:\n  - C\n")
        );
        let out = set(
            NOTE,
            "updated",
            &FmValue::Str("2025-10-16T10:00:00Z".into()),
        )
        .unwrap();
        assert_eq!(
            out,
            NOTE.replace(
                "cssclasses: wide\n",
                "cssclasses: wide\nupdated: 2025-10-16T10:00:00Z\n"
            )
        );
    }

    #[test]
    fn adds_front_matter_when_missing_and_keeps_crlf() {
        let out = set("Body\r\n", "id", &FmValue::Str("x".into())).unwrap();
        assert_eq!(out, "---\r\nid: x\r\n---\r\nBody\r\n");
        let out = set(
            "---\r\na: 1\r\n---\r\nB\r\n",
            "a",
            &FmValue::Str("2".into()),
        )
        .unwrap();
        assert_eq!(out, "---\r\na: \"2\"\r\n---\r\nB\r\n");
    }

    #[test]
    fn refuses_to_edit_broken_front_matter() {
        assert!(
            set(
                "---\na: [unclosed\n---\nbody",
                "a",
                &FmValue::Str("x".into())
            )
            .is_err()
        );
    }

    #[test]
    fn keys_with_a_common_prefix_are_not_confused() {
        let note = "---\ntitle_old: keep\ntitle: x\n---\n";
        let out = set(note, "title", &FmValue::Str("new".into())).unwrap();
        assert_eq!(out, "---\ntitle_old: keep\ntitle: new\n---\n");
    }

    proptest::proptest! {
        #[test]
        fn any_string_reads_back(s in "\\PC{0,40}") {
            let out = set(NOTE, "title", &FmValue::Str(s.clone())).unwrap();
            let fm = FrontMatter::of_note(&out).unwrap();
            proptest::prop_assert_eq!(fm.str("title").unwrap_or_default(), s);
            proptest::prop_assert!(out.ends_with(split(NOTE).unwrap().body));
        }
    }
}
