//! Notes for the crash test: each one proves by itself that it is complete (its body is a
//! deterministic function of its note number, generation and length, all in its front matter).

use attache_vault::frontmatter::FrontMatter;

/// The note renamed back and forth (`note: RENAMED`), and its two titles.
pub const RENAMED: usize = 1000;
/// Titles (and so file stems) the renamed note alternates between.
pub const RENAME_TITLES: [&str; 2] = ["rename a", "rename b"];
/// The note moved to the trash and back (`note: TRASHED`), and its file name.
pub const TRASHED: usize = 2000;
/// File name of the note moved to the trash and back.
pub const TRASHED_NAME: &str = "trash-me.md";
/// The article drafted into each created note, and the title prefix of those notes.
pub const CREATE_ARTICLE: &str = "Talks in Geneva\n\nForeign Minister Anna Berg said on Monday that Norway would host the next round. “We are ready,” she said.\n";
/// Title prefix of the created notes (`created N`).
pub const CREATED: &str = "created ";

/// The brief each created note is made from (as the engine would draft [`CREATE_ARTICLE`];
/// built from JSON so the writer starts at once).
///
/// # Panics
/// When the engine's `Brief` no longer reads this JSON (update it).
#[must_use]
pub fn create_brief() -> attache_engine::Brief {
    let name = CREATE_ARTICLE.find("Anna Berg").unwrap_or(0);
    let quote = CREATE_ARTICLE.find("We are ready").unwrap_or(0);
    serde_json::from_value(serde_json::json!({
        "schema": "attache.brief/1",
        "title": "Talks in Geneva",
        "title_span": null,
        "source": {"published": "2025-10-16", "published_from": "option", "url": null, "outlet": null, "title": null},
        "bottom_line": [],
        "parties": [{"id": "p1", "name": "Anna Berg", "kind": "person", "role": "Foreign Minister",
                      "affiliation": "Norway", "aliases": ["Berg"], "mentions": [[name, name + 9]]}],
        "positions": [{"speaker": "Anna Berg", "party": "p1", "kind": "quote", "text": "We are ready",
                        "cue": "said", "issue": "talks", "stance": "support", "content_span": [quote, quote + 12],
                        "cue_span": null, "source_span": null, "sentence_span": [quote, CREATE_ARTICLE.len()]}],
        "open_questions": [],
        "key_dates": [],
        "stats": {"bytes": CREATE_ARTICLE.len(), "words": 20, "sentences": 2}
    }))
    .expect("the crash test's brief matches the engine's Brief")
}

/// The journal entry the crash writer writes at `generation`.
#[must_use]
pub fn journal_entry(generation: u64) -> Vec<u8> {
    format!(
        "{{\"generation\":{generation},\"markdown\":\"{}\"}}",
        "unsaved words ".repeat(200)
    )
    .into_bytes()
}

/// The generation of a journal entry, `None` unless it is complete.
#[must_use]
pub fn journal_generation(bytes: &[u8]) -> Option<u64> {
    let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let g = v.get("generation")?.as_u64()?;
    (bytes == journal_entry(g).as_slice()).then_some(g)
}

/// File name of crash-test note `k`.
#[must_use]
pub fn note_name(k: usize) -> String {
    format!("note-{k:03}.md")
}

/// The full text of note `k` at `generation`, with a body of `len` bytes.
#[must_use]
pub fn note_text(k: usize, generation: u64, len: usize) -> String {
    format!(
        "---\nnote: {k}\ngeneration: {generation}\nlen: {len}\n---\n{}",
        body(k, generation, len)
    )
}

fn body(k: usize, generation: u64, len: usize) -> String {
    let line = format!("note {k} generation {generation} — every word must survive.\n");
    let mut s = line.repeat(len / line.len() + 1);
    let mut cut = len;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s.push_str("END\n");
    s
}

/// A crash-test note that was read back complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Note {
    /// Its generation (0 = as first written).
    pub generation: u64,
}

impl Note {
    /// Reads note `k` back; `None` unless it is exactly what [`note_text`] wrote (the vault may
    /// have added an `updated` property).
    #[must_use]
    pub fn parse(k: usize, text: &str) -> Option<Self> {
        let split = attache_vault::frontmatter::split(text).ok()?;
        let fm = FrontMatter::parse(split.yaml?).ok()?;
        let num = |key: &str| fm.str(key)?.parse::<u64>().ok();
        if num("note")? != k as u64 {
            return None;
        }
        let generation = num("generation")?;
        let len = usize::try_from(num("len")?).ok()?;
        (split.body == body(k, generation, len)).then_some(Self { generation })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_reads_back_and_a_torn_one_does_not() {
        let t = note_text(3, 7, 5000);
        assert_eq!(Note::parse(3, &t), Some(Note { generation: 7 }));
        assert_eq!(Note::parse(4, &t), None);
        assert_eq!(Note::parse(3, &t[..t.len() - 10]), None);
        assert_eq!(Note::parse(3, ""), None);
        let mixed = format!(
            "{}{}",
            &t[..t.len() / 2],
            &note_text(3, 8, 5000)[t.len() / 2..]
        );
        assert_eq!(Note::parse(3, &mixed), None);
    }
}
