//! A note as readable plain text: headings and paragraphs separated by blank lines, list items
//! with `- `, footnote references as `[n]` (one per source sentence), the notes at the end.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::footnotes;
use super::safe_html::{self, TooComplex};

/// Markdown (no front matter) to plain text.
///
/// # Errors
/// [`TooComplex`] for a note too large or nested too deep (the same limits as HTML).
pub fn to_text(markdown: &str) -> Result<String, TooComplex> {
    let numbered = footnotes::number(safe_html::parse(markdown, false)?);
    let mut out = String::with_capacity(markdown.len());
    write_events(&numbered.body, &mut out);
    for (i, note) in numbered.notes.iter().enumerate() {
        if i == 0 {
            ensure_blank_line(&mut out);
        }
        out.push_str(&format!("[{}] ", i + 1));
        let start = out.len();
        write_events(note, &mut out);
        let trimmed = out[start..].trim_end().len();
        out.truncate(start + trimmed);
        out.push('\n');
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    Ok(out)
}

fn write_events(events: &[Event<'_>], out: &mut String) {
    let mut list_depth = 0usize;
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::FootnoteReference(r) => out.push_str(&format!("[{r}]")),
            Event::TaskListMarker(done) => out.push_str(if *done { "[x] " } else { "[ ] " }),
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
            Event::End(TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => {
                ensure_newline(out);
            }
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::Table,
            ) => {
                ensure_newline(out);
                if list_depth == 0 {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

fn ensure_newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn ensure_blank_line(out: &mut String) {
    ensure_newline(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnotes_are_numbered_once_and_listed_at_the_end() {
        let text = to_text("# H\n\nA[^p1] B[^p2].\n\n[^p1]: Same.\n[^p2]: Same.\n").unwrap();
        assert_eq!(text, "H\n\nA[1] B[1].\n\n[1] Same.\n");
    }
}
