//! The front matter the vault owns: whatever text the analyst saves (a new draft, edited or
//! not, or a later save of a note), the file on disk carries a valid `id`, a marking and the
//! author, and its properties block stays at the top where Obsidian and the index read it.
//! The UI only sends text; the guarantee lives here so no save path can skip it.

use crate::frontmatter::{self, FmValue, FrontMatter};

/// What a save fills in when the note's own front matter does not say: the analyst's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteDefaults {
    /// The default marking (`classification`).
    pub classification: String,
    /// The author, written as `author` when the note has none.
    pub author: Option<String>,
}

impl Default for NoteDefaults {
    fn default() -> Self {
        Self {
            classification: crate::vault::DEFAULT_CLASSIFICATION.to_owned(),
            author: None,
        }
    }
}

/// A note's text as it will be written, and what the analyst should be told about changes
/// other than the keys filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owned {
    /// The text to write.
    pub text: String,
    /// One sentence for the analyst when their text was moved (text typed above the
    /// properties); `None` when only missing keys were filled in.
    pub notice: Option<String>,
}

/// How the `id` is chosen.
#[derive(Debug, Clone, Copy)]
pub enum IdRule<'a> {
    /// The note's own valid id stays; a missing or malformed one becomes this.
    Fallback(&'a str),
    /// Always this one (a new note: its draft and source are stored under it).
    Force(&'a str),
}

/// Candidate `---` lines looked at when the text does not open with one: the properties block
/// is near the top, and each candidate costs a split of the rest.
const MAX_CANDIDATES: usize = 8;

/// Makes `text` a note the vault can rely on: text typed above the properties moved below
/// them (with a notice), then `id`, `classification` and `author` filled in as `defaults` and
/// `id` say. Keys the note already has keep their values and lines byte for byte.
///
/// # Errors
/// A one-line reason when the properties cannot be read (unclosed block, invalid YAML): the
/// save is refused rather than writing a note without its id.
pub fn own(text: &str, id: IdRule<'_>, defaults: &NoteDefaults) -> Result<Owned, String> {
    let (mut out, notice) = lift_properties(text);
    let fm = FrontMatter::of_note(&out)?;
    let wanted_id = match id {
        IdRule::Force(i) => Some(i),
        IdRule::Fallback(i) => {
            let own_ok = fm
                .str("id")
                .is_some_and(|v| uuid::Uuid::parse_str(&v).is_ok());
            (!own_ok).then_some(i)
        }
    };
    let mut wanted: Vec<(&str, String)> = Vec::new();
    if let Some(i) = wanted_id
        && fm.str("id").as_deref() != Some(i)
    {
        wanted.push(("id", i.to_owned()));
    }
    if fm.str("classification").is_none_or(|c| c.trim().is_empty()) {
        wanted.push(("classification", defaults.classification.clone()));
    }
    if let Some(a) = &defaults.author
        && fm.str("author").is_none_or(|v| v.trim().is_empty())
    {
        wanted.push(("author", a.clone()));
    }
    for (key, value) in wanted {
        out = frontmatter::set(&out, key, &FmValue::Str(value))?;
    }
    Ok(Owned { text: out, notice })
}

/// Text typed before the opening `---` (a caret left at the top, a paste) hides the
/// properties from every reader: when a properties block follows it, the block goes back to
/// the top and the stray text becomes the first lines of the body.
fn lift_properties(text: &str) -> (String, Option<String>) {
    if text.starts_with("---\n") || text.starts_with("---\r\n") {
        return (text.to_owned(), None);
    }
    let mut offset = 0;
    let mut candidates = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim_end_matches(['\r', '\n', ' ', '\t']) != "---" || start == 0 {
            continue;
        }
        candidates += 1;
        if candidates > MAX_CANDIDATES {
            break;
        }
        let rest = &text[start..];
        let Ok(sp) = frontmatter::split(rest) else {
            continue;
        };
        if !sp.yaml.is_some_and(is_properties) {
            continue;
        }
        let lead = text[..start].trim();
        let block = &rest[..sp.body_start];
        let block_nl = if block.ends_with('\n') { "" } else { "\n" };
        if lead.is_empty() {
            return (format!("{block}{block_nl}{}", sp.body), None);
        }
        let notice = format!(
            "Text typed above the note's properties ({} characters) was moved below them, so the properties stay readable.",
            lead.chars().count()
        );
        let body = sp.body.trim_start_matches(['\r', '\n']);
        return (format!("{block}{block_nl}{lead}\n\n{body}"), Some(notice));
    }
    (text.to_owned(), None)
}

/// A block between `---` lines is the note's properties (not two Markdown rules around a
/// paragraph) when it is a YAML mapping with a key a note's properties have.
fn is_properties(yaml: &str) -> bool {
    FrontMatter::parse(yaml).is_ok_and(|fm| {
        ["id", "title", "classification", "created"]
            .iter()
            .any(|k| fm.map.contains_key(*k))
    })
}
