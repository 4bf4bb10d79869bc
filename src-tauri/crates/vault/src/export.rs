//! Exporting a note: Markdown (front matter kept or stripped, `[[links]]` kept or flattened),
//! a standalone sanitised HTML page for printing and sharing, or plain text for the clipboard.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

use crate::error::{Result, VaultError};
use crate::frontmatter::{self, FrontMatter};
use crate::model::{ExportFormat, ExportOptions};
use crate::vault::Vault;

impl Vault {
    /// Exports a note of the vault as text in the chosen format.
    ///
    /// # Errors
    /// As [`Vault::open_note`].
    pub fn export(&self, path: impl AsRef<Path>, options: &ExportOptions) -> Result<String> {
        let note = self.open_note(path)?;
        Ok(export(&note.markdown, &note.summary.title, options))
    }

    /// Exports a note to `out` (written atomically; an existing file there is replaced).
    ///
    /// # Errors
    /// As [`Vault::export`], and [`VaultError::Io`] when `out` cannot be written.
    pub fn export_to(
        &self,
        path: impl AsRef<Path>,
        out: &Path,
        options: &ExportOptions,
    ) -> Result<()> {
        let text = self.export(path, options)?;
        crate::atomic::write_atomic(out, text.as_bytes())
            .map_err(|e| VaultError::io("write", out, e))
    }
}

/// Exports note text (`markdown`, front matter included) in the chosen format. `title` is the
/// HTML page title. Broken front matter is treated as part of the body, so nothing is dropped.
#[must_use]
pub fn export(markdown: &str, title: &str, options: &ExportOptions) -> String {
    let split = frontmatter::split(markdown).ok();
    let (yaml, body) = match split {
        Some(sp) => (sp.yaml, sp.body),
        None => (None, markdown),
    };
    match options.format {
        ExportFormat::Markdown => {
            let body = if options.flatten_links {
                flatten_links(body)
            } else {
                body.to_owned()
            };
            match (options.front_matter, split) {
                (true, Some(sp)) if sp.yaml.is_some() => {
                    format!("{}{body}", &markdown[..sp.body_start])
                }
                _ => body,
            }
        }
        ExportFormat::Html => {
            let props = if options.front_matter {
                yaml.map(properties_table)
            } else {
                None
            };
            to_html(&flatten_links(body), title, props.as_deref().unwrap_or(""))
        }
        ExportFormat::Text => to_text(&flatten_links(body)),
    }
}

/// `[[Target]]` → `Target`, `[[Target|Shown]]` → `Shown`, `[[Target#Heading]]` →
/// `Target > Heading`, `![[embed]]` → `embed`. Code spans and fenced blocks are left alone.
#[must_use]
pub fn flatten_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if in_fence || !line.contains("[[") {
            out.push_str(line);
        } else {
            flatten_line(line, &mut out);
        }
    }
    out
}

fn flatten_line(line: &str, out: &mut String) {
    let mut rest = line;
    let mut in_code = false;
    while !rest.is_empty() {
        let next_tick = rest.find('`');
        let next_link = if in_code { None } else { rest.find("[[") };
        match (next_tick, next_link) {
            (Some(t), l) if l.is_none_or(|l| t < l) => {
                out.push_str(&rest[..=t]);
                rest = &rest[t + 1..];
                in_code = !in_code;
            }
            (_, Some(l)) => {
                let Some(close) = rest[l + 2..].find("]]") else {
                    out.push_str(rest);
                    return;
                };
                let embed = l > 0 && rest.as_bytes()[l - 1] == b'!';
                out.push_str(&rest[..if embed { l - 1 } else { l }]);
                let inner = &rest[l + 2..l + 2 + close];
                let shown = match inner.split_once('|') {
                    Some((_, alias)) => alias.trim().to_owned(),
                    None => inner.trim().replace('#', " > "),
                };
                out.push_str(&shown);
                rest = &rest[l + 2 + close + 2..];
            }
            _ => {
                out.push_str(rest);
                return;
            }
        }
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Markdown to HTML, sanitised with ammonia (no scripts, handlers or remote-code vectors).
#[must_use]
pub fn markdown_to_safe_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options()));
    ammonia::Builder::default()
        .add_tag_attributes("a", ["id"])
        .add_tag_attributes("sup", ["id", "class"])
        .add_tag_attributes("div", ["id", "class"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tags(["input"])
        .clean(&raw)
        .to_string()
}

fn properties_table(yaml: &str) -> String {
    let Ok(fm) = FrontMatter::parse(yaml) else {
        return String::new();
    };
    let mut rows = String::new();
    for (k, _) in &fm.map {
        let Some(key) = k.as_str() else { continue };
        let list = fm.list(key);
        let value = fm.str(key).unwrap_or_else(|| list.join(", "));
        if value.is_empty() {
            continue;
        }
        rows.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>\n",
            escape(key),
            escape(&value)
        ));
    }
    if rows.is_empty() {
        rows
    } else {
        format!("<table class=\"properties\">\n{rows}</table>\n")
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const PRINT_CSS: &str = "body{font:11pt/1.5 Georgia,'Times New Roman',serif;max-width:42em;margin:2em auto;padding:0 1em;color:#111}\
h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.25;page-break-after:avoid}\
blockquote{margin:0 0 0 1em;padding-left:1em;border-left:3px solid #999;color:#333}\
table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}\
table.properties{font:9pt system-ui,sans-serif;margin-bottom:1.5em}\
.footnote-definition{font-size:90%}a{color:inherit}\
@media print{body{margin:0;max-width:none}a{text-decoration:none}h2,h3{page-break-after:avoid}blockquote,li{page-break-inside:avoid}}";

fn to_html(body: &str, title: &str, props: &str) -> String {
    let content = markdown_to_safe_html(body);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n{props}{content}</body>\n</html>\n",
        escape(title)
    )
}

/// Markdown to readable plain text: headings and paragraphs separated by blank lines, list
/// items with `- `, footnote references as `[n]`.
#[must_use]
pub fn to_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut list_depth = 0usize;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::FootnoteReference(r) => out.push_str(&format!("[{r}]")),
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
            Event::Start(Tag::Item) => {
                out.push_str(&"  ".repeat(list_depth.saturating_sub(1)));
                out.push_str("- ");
            }
            Event::Start(Tag::List(_)) => list_depth += 1,
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                if list_depth == 0 {
                    out.push('\n');
                }
            }
            Event::Start(Tag::FootnoteDefinition(r)) => out.push_str(&format!("[{r}] ")),
            Event::End(TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => {
                ensure_newline(&mut out);
            }
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::Table,
            ) => {
                ensure_newline(&mut out);
                if list_depth == 0 {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn ensure_newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_obsidian_links_but_not_code() {
        assert_eq!(
            flatten_links(
                "See [[Vladimir Putin]] and [[UN|the UN]], ![[map.png]], [[Note#Dates]]; `[[code]]`\n"
            ),
            "See Vladimir Putin and the UN, map.png, Note > Dates; `[[code]]`\n"
        );
        assert_eq!(
            flatten_links("```\n[[kept]]\n```\n"),
            "```\n[[kept]]\n```\n"
        );
        assert_eq!(flatten_links("unclosed [[link\n"), "unclosed [[link\n");
    }

    #[test]
    fn markdown_export_keeps_or_strips_front_matter() {
        let note = "---\ntitle: T\n---\n# T\n\n[[A]]\n";
        let keep = export(note, "T", &ExportOptions::default());
        assert_eq!(keep, note);
        let strip = export(
            note,
            "T",
            &ExportOptions {
                front_matter: false,
                flatten_links: true,
                ..ExportOptions::default()
            },
        );
        assert_eq!(strip, "# T\n\nA\n");
    }

    #[test]
    fn html_is_standalone_and_sanitised() {
        let note = "---\ntitle: <T>\nclassification: OFFICIAL\n---\n# Head\n\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n\nText[^1].\n\n[^1]: Note.\n";
        let html = export(
            note,
            "<T>",
            &ExportOptions {
                format: ExportFormat::Html,
                ..ExportOptions::default()
            },
        );
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>&lt;T&gt;</title>"));
        assert!(html.contains("<h1>Head</h1>"));
        assert!(html.contains("OFFICIAL"));
        assert!(html.contains("@media print"));
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("onerror"));
    }

    #[test]
    fn text_export_reads_like_text() {
        let note = "---\ntitle: T\n---\n# Head\n\nOne **bold** [[Link|word]].\n\n- a\n- b\n";
        let text = export(
            note,
            "T",
            &ExportOptions {
                format: ExportFormat::Text,
                ..ExportOptions::default()
            },
        );
        assert_eq!(text, "Head\n\nOne bold word.\n\n- a\n- b\n");
    }
}
