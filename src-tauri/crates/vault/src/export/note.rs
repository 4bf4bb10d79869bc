//! A note read for export: its body, and from the front matter what a document carries about
//! itself (title, marking, author, dates).

use super::links::flatten_links;
use crate::frontmatter::{self, FrontMatter};
use crate::model::ExportOptions;

/// A note cut up for the exporters.
#[derive(Debug)]
pub(crate) struct Note<'a> {
    /// The whole note, as given.
    pub markdown: &'a str,
    /// The YAML of the front matter, when it has a readable one.
    pub yaml: Option<&'a str>,
    /// Where the body starts (0 without front matter).
    body_start: usize,
    /// Front matter `title`, else the caller's title.
    pub title: String,
    /// Front matter `classification`; `None` when the note has none (no marking is invented).
    pub marking: Option<String>,
    /// Front matter `author`, else the settings' author.
    pub author: Option<String>,
    /// Front matter `created` / `updated`.
    pub created: Option<String>,
    /// Front matter `updated`.
    pub updated: Option<String>,
    /// Front matter `status`.
    pub status: Option<String>,
}

impl<'a> Note<'a> {
    /// Reads `markdown`; `title` stands in when the front matter has none. Broken front matter
    /// is treated as part of the body, so nothing is dropped.
    pub fn read(markdown: &'a str, title: &str, options: &ExportOptions) -> Self {
        let split = frontmatter::split(markdown).ok();
        let yaml = split.and_then(|s| s.yaml);
        let fm = yaml
            .and_then(|y| FrontMatter::parse(y).ok())
            .unwrap_or_default();
        let text = |key: &str| {
            fm.str(key)
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .or_else(|| {
                    let list = fm.list(key);
                    (!list.is_empty()).then(|| list.join(", "))
                })
        };
        Self {
            markdown,
            yaml,
            body_start: split.map_or(0, |s| s.body_start),
            title: text("title").unwrap_or_else(|| title.to_owned()),
            marking: text("classification"),
            author: text("author").or_else(|| {
                options
                    .author
                    .as_deref()
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
            }),
            created: text("created"),
            updated: text("updated"),
            status: text("status"),
        }
    }

    /// The body after the front matter, as written.
    pub fn body(&self) -> &'a str {
        &self.markdown[self.body_start..]
    }

    /// The body for a reader outside the vault: links as plain text, and without the marking
    /// line at the top (the export prints the marking on every page instead).
    pub fn body_flat(&self) -> String {
        let body = self.body();
        let body = self.without_marking_line(body);
        flatten_links(body)
    }

    /// The Markdown export: front matter kept or stripped, links kept or flattened.
    pub fn markdown_export(&self, options: &ExportOptions) -> String {
        let body = if options.flatten_links {
            flatten_links(self.body())
        } else {
            self.body().to_owned()
        };
        if options.front_matter && self.yaml.is_some() {
            format!("{}{body}", &self.markdown[..self.body_start])
        } else {
            body
        }
    }

    /// `text` with the marking above and below it (plain-text exports and the clipboard).
    pub fn marked_text(&self, text: &str) -> String {
        match &self.marking {
            Some(m) => format!("{m}\n\n{}\n\n{m}\n", text.trim_end()),
            None => text.to_owned(),
        }
    }

    /// Drops a first line that only repeats the marking (`**TLP:AMBER**`, as notes open).
    fn without_marking_line<'b>(&self, body: &'b str) -> &'b str {
        let Some(marking) = &self.marking else {
            return body;
        };
        let trimmed = body.trim_start_matches(['\n', '\r']);
        let (first, rest) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
        let words = first
            .trim()
            .trim_matches('*')
            .trim_matches('_')
            .replace('\\', "");
        if words.trim().eq_ignore_ascii_case(marking) {
            rest
        } else {
            body
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_marking_author_and_drops_the_marking_line() {
        let md = "---\ntitle: Talks\nclassification: TLP:AMBER\n---\n\n**TLP:AMBER**\n\n# Talks\n\nText.\n";
        let note = Note::read(
            md,
            "ignored",
            &ExportOptions {
                author: Some("A. Analyst".into()),
                ..ExportOptions::default()
            },
        );
        assert_eq!(note.title, "Talks");
        assert_eq!(note.marking.as_deref(), Some("TLP:AMBER"));
        assert_eq!(note.author.as_deref(), Some("A. Analyst"));
        assert_eq!(note.body_flat(), "\n# Talks\n\nText.\n");
    }

    #[test]
    fn the_notes_own_author_wins_and_no_marking_is_invented() {
        let md = "---\nauthor: B. Writer\n---\n**Keep me**\n";
        let note = Note::read(
            md,
            "T",
            &ExportOptions {
                author: Some("A. Analyst".into()),
                ..ExportOptions::default()
            },
        );
        assert_eq!(note.author.as_deref(), Some("B. Writer"));
        assert_eq!(note.marking, None);
        assert_eq!(note.title, "T");
        assert_eq!(note.body_flat(), "**Keep me**\n");
    }
}
