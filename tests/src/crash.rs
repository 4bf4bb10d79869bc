//! Notes for the crash test: each one proves by itself that it is complete (its body is a
//! deterministic function of its note number, generation and length, all in its front matter).

use attache_vault::frontmatter::FrontMatter;

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
