//! One source of truth between the structured draft and the note: an edit made to the draft
//! (a position's text, speaker, stance or issue changed, an item removed, a re-draft merged)
//! becomes a patch of the note's Markdown that leaves the analyst's own text untouched.
//!
//! The note was rendered from the brief; each position, question and date has its own
//! footnote (`[^p3]`), and that label, not a line number, is the item's identity in the note
//! ([`NoteRefs`]). A patch renders the brief before and after the edit with the note's own
//! labels, and carries the difference onto the note with a three-way merge
//! (`merge3.rs`): the renderer stays the one place that knows the note's format (any
//! grouping, table or heading it writes follows the edit), and whatever the analyst wrote or
//! changed in the note stays as they left it.
//!
//! ```
//! use attache_vault::patch::{self, DraftState};
//!
//! let text = "Talks\n\nMinister Anna Berg said on Monday that Norway would host talks.";
//! let brief = attache_engine::draft(text, &Default::default()).unwrap();
//! let refs = patch::rendered_refs(&brief, text);
//! let note = attache_engine::render::markdown(&brief, text, &Default::default());
//! let note = format!("{note}\nMy own comment.\n");
//!
//! let mut edited = brief.clone();
//! edited.positions[0].stance = attache_engine::Stance::Oppose;
//! let before = DraftState { brief, refs: refs.clone(), edits: vec![] };
//! let after = DraftState { brief: edited, refs, edits: vec![] };
//! let patched = patch::patch_note(&note, text, &before, &after);
//! assert!(patched.markdown.contains("**Opposes**"));
//! assert!(patched.markdown.ends_with("My own comment.\n"));
//! assert!(patched.kept.is_empty());
//! ```

use std::collections::HashMap;

use attache_engine::Brief;
use attache_engine::render::{self, LinkStyle, RenderOptions};
use serde::{Deserialize, Serialize};

use crate::merge3;

/// The note's footnote label of each item of a brief, parallel to the brief's lists (an empty
/// label: the item has no line in the note yet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct NoteRefs {
    /// One per `Brief::positions` (`p1`, `p4`, …).
    pub positions: Vec<String>,
    /// One per `Brief::open_questions`.
    pub questions: Vec<String>,
    /// One per `Brief::key_dates`.
    pub dates: Vec<String>,
}

/// A brief as the note shows it: the analyst's structured edits applied, the footnote of
/// each item in the note, and the edits themselves (replayed onto a re-draft).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DraftState {
    /// The brief, with the analyst's edits.
    pub brief: Brief,
    /// Which footnote of the note each item is.
    pub refs: NoteRefs,
    /// The analyst's edits, in the order made.
    #[serde(default)]
    pub edits: Vec<DraftEdit>,
}

/// One structured edit of the draft, kept so that a re-draft can make it again on the items
/// the engine finds anew (the UI replays them; Rust stores them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DraftEdit {
    /// `parties`, `positions`, `questions` or `dates`.
    pub section: String,
    /// The item's identity: where its words are in the article (`start:end`, byte offsets,
    /// with `#n` for the n-th item of that section at the same place).
    pub key: String,
    /// The item was removed.
    pub remove: bool,
    /// The fields set, by name (`text`, `speaker`, `party`, `stance`, `issue`, `issue_id`,
    /// `question`, `event`, `name`), to their new values (`party`: empty for none).
    pub fields: std::collections::BTreeMap<String, String>,
}

/// A patched note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Patched {
    /// The note with the edit applied.
    pub markdown: String,
    /// The footnotes of the edited brief's items (new items get labels the note does not use).
    pub refs: NoteRefs,
    /// Text of the note the analyst had changed where the edit would have gone: kept as the
    /// analyst wrote it, the edit not applied there (one line each, for a notice).
    pub kept: Vec<String>,
}

/// The footnote labels the renderer gives the items of `brief` in a note rendered from it.
///
/// Found by rendering a copy whose every item carries a unique private-use marker, so the
/// labels come from the renderer itself, whatever its order or grouping.
#[must_use]
pub fn rendered_refs(brief: &Brief, text: &str) -> NoteRefs {
    let mut marked = brief.clone();
    for (i, p) in marked.positions.iter_mut().enumerate() {
        p.text = format!("{} {}", marker('P', i), p.text);
    }
    for (i, q) in marked.open_questions.iter_mut().enumerate() {
        q.question = format!("{} {}", marker('Q', i), q.question);
    }
    for (i, d) in marked.key_dates.iter_mut().enumerate() {
        // The renderer may show the expression, the event or both: mark both.
        d.text = format!("{} {}", marker('D', i), d.text);
        d.event = Some(format!(
            "{} {}",
            marker('D', i),
            d.event.as_deref().unwrap_or_default()
        ));
    }
    let note = render::markdown(&marked, text, &RenderOptions::default());
    let mut refs = NoteRefs {
        positions: vec![String::new(); brief.positions.len()],
        questions: vec![String::new(); brief.open_questions.len()],
        dates: vec![String::new(); brief.key_dates.len()],
    };
    for line in note.lines() {
        if is_definition(line) {
            continue;
        }
        let labels = references(line);
        for (kind, index, at) in markers(line) {
            // A line ends in its footnote: the first reference after the marker is its own.
            let Some(label) = labels
                .iter()
                .find(|(pos, _)| *pos > at)
                .or_else(|| labels.last())
                .map(|(_, l)| l.clone())
            else {
                continue;
            };
            let slot = match kind {
                'P' => refs.positions.get_mut(index),
                'Q' => refs.questions.get_mut(index),
                _ => refs.dates.get_mut(index),
            };
            if let Some(s) = slot.filter(|s| s.is_empty()) {
                *s = label;
            }
        }
    }
    refs
}

/// Carries the edit `before → after` onto `note` (the analyst's Markdown, rendered from
/// `before` and possibly edited since). `text` is the article both briefs were drafted from.
#[must_use]
pub fn patch_note(note: &str, text: &str, before: &DraftState, after: &DraftState) -> Patched {
    let options = RenderOptions {
        link_style: link_style_of(note),
        ..RenderOptions::default()
    };
    let mut used = labels_in(note);
    let base_refs = complete(&before.brief, text, &before.refs, &mut used);
    let after_refs = complete(&after.brief, text, &after.refs, &mut used);
    let base = relabelled(&before.brief, text, &base_refs, &options);
    let theirs = relabelled(&after.brief, text, &after_refs, &options);
    let merged = merge3::merge(&base, note, &theirs);
    Patched {
        markdown: merged.text,
        refs: after_refs,
        kept: merged.conflicts.iter().map(|c| one_line(&c.base)).collect(),
    }
}

/// Renders `brief` with the note's labels in place of the renderer's own.
fn relabelled(brief: &Brief, text: &str, refs: &NoteRefs, options: &RenderOptions) -> String {
    let own = rendered_refs(brief, text);
    let mut map = HashMap::new();
    for (from, to) in pairs(&own, refs) {
        if !from.is_empty() && !to.is_empty() {
            map.insert(from.to_owned(), to.to_owned());
        }
    }
    relabel(&render::markdown(brief, text, options), &map)
}

fn pairs<'a>(a: &'a NoteRefs, b: &'a NoteRefs) -> impl Iterator<Item = (&'a str, &'a str)> {
    let zip = |x: &'a [String], y: &'a [String]| {
        x.iter()
            .zip(y.iter())
            .map(|(x, y)| (x.as_str(), y.as_str()))
    };
    zip(&a.positions, &b.positions)
        .chain(zip(&a.questions, &b.questions))
        .chain(zip(&a.dates, &b.dates))
}

/// `refs` with one label per item: missing ones get a label no one uses yet, with the prefix
/// the renderer gives that kind of item.
fn complete(
    brief: &Brief,
    text: &str,
    refs: &NoteRefs,
    used: &mut HashMap<String, u64>,
) -> NoteRefs {
    let own = rendered_refs(brief, text);
    let fill = |own: &[String], given: &[String], used: &mut HashMap<String, u64>| {
        own.iter()
            .enumerate()
            .map(|(i, o)| match given.get(i).filter(|g| !g.is_empty()) {
                Some(g) => g.clone(),
                None if o.is_empty() => String::new(),
                None => {
                    let prefix = o.trim_end_matches(|c: char| c.is_ascii_digit()).to_owned();
                    let n = used.entry(prefix.clone()).or_insert(0);
                    *n += 1;
                    format!("{prefix}{n}")
                }
            })
            .collect::<Vec<_>>()
    };
    for label in [&refs.positions, &refs.questions, &refs.dates]
        .into_iter()
        .flatten()
    {
        note_label(used, label);
    }
    NoteRefs {
        positions: fill(&own.positions, &refs.positions, used),
        questions: fill(&own.questions, &refs.questions, used),
        dates: fill(&own.dates, &refs.dates, used),
    }
}

/// The highest number used after each label prefix in `note` (`p` → 12 for `[^p12]`).
fn labels_in(note: &str) -> HashMap<String, u64> {
    let mut used = HashMap::new();
    for line in note.lines() {
        for (_, label) in references(line) {
            note_label(&mut used, &label);
        }
        if let Some(label) = definition_label(line) {
            note_label(&mut used, label);
        }
    }
    used
}

fn note_label(used: &mut HashMap<String, u64>, label: &str) {
    let prefix = label.trim_end_matches(|c: char| c.is_ascii_digit());
    if let Ok(n) = label[prefix.len()..].parse::<u64>() {
        let e = used.entry(prefix.to_owned()).or_insert(0);
        *e = (*e).max(n);
    }
}

/// `note` with every footnote label in `map` replaced, references and definitions alike.
fn relabel(note: &str, map: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(note.len() + 64);
    let mut rest = note;
    while let Some(i) = rest.find("[^") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let end = rest
            .find(|c: char| c == ']' || c.is_whitespace() || c == '[')
            .unwrap_or(rest.len());
        let label = &rest[..end];
        if rest[end..].starts_with(']')
            && let Some(to) = map.get(label)
        {
            out.push_str(to);
        } else {
            out.push_str(label);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The footnote references on a line, with their byte offsets (definitions excluded).
fn references(line: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = line[from..].find("[^") {
        let start = from + i;
        let body = &line[start + 2..];
        let end = body
            .find(|c: char| c == ']' || c.is_whitespace() || c == '[')
            .unwrap_or(body.len());
        let is_def = start == 0 && body[end..].starts_with("]:");
        if end > 0 && body[end..].starts_with(']') && !is_def {
            out.push((start, body[..end].to_owned()));
        }
        from = start + 2 + end;
    }
    out
}

fn definition_label(line: &str) -> Option<&str> {
    let body = line.strip_prefix("[^")?;
    let end = body.find("]:")?;
    Some(&body[..end]).filter(|l| !l.is_empty() && !l.contains(char::is_whitespace))
}

fn is_definition(line: &str) -> bool {
    definition_label(line).is_some()
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

fn marker(kind: char, index: usize) -> String {
    format!("{OPEN}{kind}{index}{CLOSE}")
}

/// The markers on a line: kind, item index and byte offset.
fn markers(line: &str) -> Vec<(char, usize, usize)> {
    let mut out = Vec::new();
    for (at, _) in line.match_indices(OPEN) {
        let body = &line[at + OPEN.len_utf8()..];
        let Some(end) = body.find(CLOSE) else {
            continue;
        };
        let mut chars = body[..end].chars();
        if let (Some(kind), Ok(index)) = (chars.next(), chars.as_str().parse::<usize>()) {
            out.push((kind, index, at));
        }
    }
    out
}

/// How the note links parties: what most of its links are.
fn link_style_of(note: &str) -> LinkStyle {
    let wiki = note.matches("[[").count();
    let markdown = note.matches(".md)").count();
    if markdown > wiki {
        LinkStyle::Markdown
    } else {
        LinkStyle::Wikilinks
    }
}

fn one_line(s: &str) -> String {
    let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_skip_definitions_and_find_every_label() {
        assert_eq!(
            references("- x[^p1] and y[^q12]"),
            vec![(3, "p1".to_owned()), (14, "q12".to_owned())]
        );
        assert!(references("[^p1]: the sentence").is_empty());
        assert_eq!(definition_label("[^d3]: a sentence"), Some("d3"));
    }

    #[test]
    fn a_note_with_markdown_links_is_patched_in_its_own_link_style() {
        let text = "Talks\n\nMinister Anna Berg said on Monday that Norway would host talks.";
        let brief = attache_engine::draft(text, &attache_engine::DraftOptions::default()).unwrap();
        assert!(
            !brief.positions.is_empty(),
            "the engine finds Berg's position"
        );
        let options = RenderOptions {
            link_style: LinkStyle::Markdown,
            ..RenderOptions::default()
        };
        let note = render::markdown(&brief, text, &options);
        let refs = rendered_refs(&brief, text);
        let mut edited = brief.clone();
        edited.positions[0].stance = attache_engine::Stance::Uncertain;
        let before = DraftState {
            brief,
            refs: refs.clone(),
            edits: vec![],
        };
        let after = DraftState {
            brief: edited.clone(),
            refs,
            edits: vec![],
        };
        let patched = patch_note(&note, text, &before, &after);
        assert!(patched.kept.is_empty(), "{:?}", patched.kept);
        assert_eq!(patched.markdown, render::markdown(&edited, text, &options));
        assert!(!patched.markdown.contains("[["));
    }

    #[test]
    fn relabel_maps_references_and_definitions_in_one_pass() {
        let map: HashMap<String, String> = [("p1", "p2"), ("p2", "p5")]
            .into_iter()
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .collect();
        assert_eq!(
            relabel("a[^p1] b[^p2] c[^q1]\n[^p1]: x\n[^p2]: y\n", &map),
            "a[^p2] b[^p5] c[^q1]\n[^p2]: x\n[^p5]: y\n"
        );
    }
}
