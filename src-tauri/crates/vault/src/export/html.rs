//! The note as a standalone HTML page for printing and sharing, and as an HTML fragment for
//! the clipboard.
//!
//! The page carries its own Content-Security-Policy (no scripts, no frames, no forms, nothing
//! fetched but, if asked, images), prints the marking at the top and bottom of every page
//! (CSS page margin boxes, plus a banner above and below the text for browsers without
//! them), and is laid out to fit a short article's brief on about two printed pages: compact
//! type, parties in columns, one footnote per source sentence in small print.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::footnotes::{self, Numbered};
use super::note::Note;
use super::safe_html::{self, Policy, TooComplex};
use crate::frontmatter::FrontMatter;
use crate::model::ExportOptions;

/// The standalone page.
pub(crate) fn page(note: &Note<'_>, options: &ExportOptions) -> Result<String, TooComplex> {
    let policy = Policy {
        ids: true,
        remote_images: options.remote_images,
        skip_front_matter: false,
    };
    let body = note.body_flat();
    let numbered = footnotes::number(safe_html::parse(&body, false)?);
    let props = if options.properties {
        note.yaml.map(properties_table).unwrap_or_default()
    } else {
        String::new()
    };
    let content = sections(numbered, policy);
    let banner = |place: &str| {
        note.marking.as_deref().map_or_else(String::new, |m| {
            format!("<div class=\"marking {place}\">{}</div>\n", escape(m))
        })
    };
    let mut head = String::new();
    head.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        csp(options.remote_images)
    ));
    head.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    head.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    head.push_str("<meta name=\"generator\" content=\"Attaché\">\n");
    if let Some(a) = &note.author {
        head.push_str(&format!(
            "<meta name=\"author\" content=\"{}\">\n",
            escape(a)
        ));
    }
    if let Some(m) = &note.marking {
        head.push_str(&format!(
            "<meta name=\"classification\" content=\"{}\">\n",
            escape(m)
        ));
    }
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n{head}<title>{}</title>\n<style>{PRINT_CSS}{}</style>\n</head>\n<body>\n{}{props}{content}{}</body>\n</html>\n",
        escape(&note.title),
        page_marking_css(note.marking.as_deref()),
        banner("top"),
        banner("bottom"),
    ))
}

/// The clipboard's HTML: the marking above and below, the body and its sources; no page, no
/// styles (mail programs drop them), no ids.
pub(crate) fn fragment(note: &Note<'_>) -> Result<String, TooComplex> {
    let policy = Policy::default();
    let body = note.body_flat();
    let numbered = footnotes::number(safe_html::parse(&body, false)?);
    let content = sections(numbered, policy);
    let marking = note.marking.as_deref().map_or_else(String::new, |m| {
        format!("<p><strong>{}</strong></p>\n", escape(m))
    });
    Ok(format!("{marking}{content}{marking}"))
}

/// No scripts, frames, forms, fonts or fetches; styles only from the page itself; images only
/// when the analyst kept remote images.
fn csp(remote_images: bool) -> String {
    let img = if remote_images {
        "img-src https: http:; "
    } else {
        ""
    };
    format!(
        "default-src 'none'; {img}style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    )
}

/// The body in `<section>`s, one per `##` heading (so the print styles can lay out Parties
/// in columns), then the footnotes as one numbered list.
fn sections(numbered: Numbered<'_>, policy: Policy) -> String {
    let Numbered { body, notes } = numbered;
    let mut out = String::new();
    let mut chunk: Vec<Event<'_>> = Vec::new();
    let mut class = String::from("lead");
    let mut depth = 0usize;
    let mut heading_text: Option<String> = None;
    for event in body.into_iter().map(reference_link) {
        match &event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) if depth == 0 => {
                flush(&mut out, &mut chunk, &class, policy);
                heading_text = Some(String::new());
            }
            Event::Text(t) => {
                if let Some(h) = &mut heading_text {
                    h.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some(h) = heading_text.take() {
                    class = format!("sec-{}", slug(&h));
                }
            }
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::FootnoteDefinition(_)) => {
                depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::FootnoteDefinition) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        chunk.push(event);
    }
    flush(&mut out, &mut chunk, &class, policy);
    if !notes.is_empty() {
        out.push_str(
            "<section class=\"notes\">\n<h2>Source sentences</h2>\n<ol class=\"notes\">\n",
        );
        for (i, note) in notes.into_iter().enumerate() {
            let id = if policy.ids {
                format!(" id=\"fn-{}\"", i + 1)
            } else {
                String::new()
            };
            let inner = safe_html::render(unwrap_paragraph(note).into_iter(), policy);
            out.push_str(&format!("<li{id}>{}</li>\n", inner.trim_end()));
        }
        out.push_str("</ol>\n</section>\n");
    }
    out
}

fn flush(out: &mut String, chunk: &mut Vec<Event<'_>>, class: &str, policy: Policy) {
    if chunk.is_empty() {
        return;
    }
    let html = safe_html::render(chunk.drain(..), policy);
    out.push_str(&format!("<section class=\"{class}\">\n{html}</section>\n"));
}

/// A footnote reference as a superscript link to its note.
fn reference_link(event: Event<'_>) -> Event<'_> {
    match event {
        Event::FootnoteReference(n) => Event::InlineHtml(CowStr::from(format!(
            "<sup class=\"fn\"><a href=\"#fn-{n}\">{n}</a></sup>"
        ))),
        other => other,
    }
}

/// A one-paragraph footnote without its `<p>`, so the list stays compact.
fn unwrap_paragraph(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let paragraphs = events
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::Paragraph)))
        .count();
    if paragraphs != 1 {
        return events;
    }
    events
        .into_iter()
        .filter(|e| {
            !matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        })
        .collect()
}

/// `Key dates` → `key-dates`: a class name from a heading's words.
fn slug(heading: &str) -> String {
    let mut s = String::new();
    for c in heading.trim().chars().take(40) {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_owned()
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

/// Text for HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text as a CSS string literal that cannot end the string or the `<style>` element.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' || (!c.is_ascii() && !c.is_control()) {
            out.push(c);
        } else if c.is_ascii_punctuation() {
            // Every ASCII symbol as a hex escape: no quote, backslash or `<` survives.
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// The marking in the top and bottom margin of every printed page. The first page's top
/// shows the banner above the title instead, so it is not printed twice there (an empty
/// string, not `none`: that would bring back the browser's own date-and-title header).
fn page_marking_css(marking: Option<&str>) -> String {
    let Some(m) = marking else {
        return String::new();
    };
    let s = css_string(m);
    format!(
        "@page{{@top-center{{content:{s};font:bold 8pt system-ui,sans-serif;letter-spacing:.06em}}\
         @bottom-center{{content:{s};font:bold 8pt system-ui,sans-serif;letter-spacing:.06em}}}}\
         @page:first{{@top-center{{content:\"\"}}}}"
    )
}

const PRINT_CSS: &str = "\
:root{color-scheme:light}\
body{font:9.5pt/1.3 Georgia,'Times New Roman',serif;max-width:46em;margin:1.5em auto;padding:0 1em;color:#111;background:#fff}\
.marking{font:bold 8.5pt system-ui,sans-serif;letter-spacing:.06em;text-align:center;border:1px solid #333;padding:.15em .5em;margin:0 0 .6em}\
.marking.bottom{margin:1em 0 0}\
h1,h2,h3,h4{font-family:system-ui,sans-serif;line-height:1.2;break-after:avoid;page-break-after:avoid}\
h1{font-size:15pt;margin:.2em 0 .4em}\
h2{font-size:10.5pt;margin:.7em 0 .25em;padding-bottom:.1em;border-bottom:1px solid #999}\
h3{font-size:10pt;margin:.6em 0 .15em}\
h4{font-size:9.5pt;margin:.5em 0 .1em}\
p{margin:.25em 0 .35em}\
ul,ol{margin:.2em 0 .4em;padding-left:1.3em}\
li{margin:.08em 0}\
blockquote{margin:.3em 0 .3em .8em;padding-left:.8em;border-left:3px solid #999;color:#333}\
table{border-collapse:collapse;margin:.3em 0 .5em;font-size:9pt}\
th,td{border:1px solid #bbb;padding:.12em .4em;text-align:left;vertical-align:top}\
table.properties{font:8.5pt system-ui,sans-serif;margin-bottom:1em}\
sup.fn{font-size:68%;line-height:0;vertical-align:super}\
sup.fn a{color:#555;text-decoration:none}\
sup.fn+sup.fn::before{content:',';color:#555}\
.sec-parties ul{columns:2;column-gap:2em}\
.sec-parties li{break-inside:avoid}\
.sec-source ul{list-style:none;padding-left:0;font-size:9pt;color:#333}\
.sec-source li{display:inline}\
.sec-source li+li::before{content:' · '}\
section.notes{font-size:7.5pt;line-height:1.3;color:#222}\
section.notes h2{font-size:9pt}\
ol.notes{columns:3;column-gap:2.4em;padding-left:1.8em;margin:0}\
ol.notes li{break-inside:avoid;margin:0 0 .15em}\
a{color:inherit}\
@page{margin:12mm 12mm 11mm}\
@media print{body{margin:0;max-width:none;padding:0}a{text-decoration:none}blockquote,li,tr{break-inside:avoid}}";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ExportFormat;

    fn page_of(md: &str, options: &ExportOptions) -> String {
        let note = Note::read(md, "T", options);
        page(&note, options).unwrap()
    }

    fn html_options() -> ExportOptions {
        ExportOptions {
            format: ExportFormat::Html,
            ..ExportOptions::default()
        }
    }

    #[test]
    fn standalone_sanitised_and_marked() {
        let md = "---\ntitle: <T>\nclassification: OFFICIAL\n---\n**OFFICIAL**\n\n# Head\n\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n\nText[^1].\n\n[^1]: Note.\n";
        let html = page_of(md, &html_options());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>&lt;T&gt;</title>"), "{html}");
        assert!(html.contains("<h1>Head</h1>"), "{html}");
        assert!(
            html.contains("<div class=\"marking top\">OFFICIAL</div>"),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"marking bottom\">OFFICIAL</div>"),
            "{html}"
        );
        assert!(html.contains("@top-center{content:\"OFFICIAL\""), "{html}");
        assert!(
            html.contains("@bottom-center{content:\"OFFICIAL\""),
            "{html}"
        );
        assert!(
            !html.contains("<p><strong>OFFICIAL"),
            "the marking line is not repeated: {html}"
        );
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("Content-Security-Policy"), "{html}");
        assert!(!html.contains("class=\"properties\""), "{html}");
    }

    #[test]
    fn the_properties_table_only_when_asked() {
        let md = "---\ntitle: T\nstatus: draft\n---\n# T\n";
        let html = page_of(
            md,
            &ExportOptions {
                properties: true,
                ..html_options()
            },
        );
        assert!(html.contains("<table class=\"properties\">"), "{html}");
        assert!(html.contains("<th>status</th><td>draft</td>"), "{html}");
    }

    #[test]
    fn the_author_is_in_the_page_meta() {
        let html = page_of(
            "# T\n",
            &ExportOptions {
                author: Some("A. \"Analyst\"".into()),
                ..html_options()
            },
        );
        assert!(
            html.contains("<meta name=\"author\" content=\"A. &quot;Analyst&quot;\">"),
            "{html}"
        );
    }

    #[test]
    fn each_source_sentence_is_one_footnote() {
        let md = "# T\n\n- A[^p1]\n- B[^p2]\n- C[^d1]\n\n[^p1]: One.\n[^p2]: One.\n[^d1]: Two.\n";
        let html = page_of(md, &html_options());
        assert_eq!(html.matches("<li id=\"fn-").count(), 2, "{html}");
        assert_eq!(html.matches("href=\"#fn-1\"").count(), 2, "{html}");
        assert_eq!(html.matches("href=\"#fn-2\"").count(), 1, "{html}");
    }

    #[test]
    fn a_hostile_marking_cannot_leave_its_css_string() {
        let s = css_string("X\"}</style><script>alert(1)</script>");
        assert!(s.starts_with("\"X\\22 \\7d \\3c "), "{s}");
        assert!(!s[1..s.len() - 1].contains(['"', '<', '}']), "{s}");
        let css = page_marking_css(Some("X\"}</style>"));
        assert!(!css.contains('<'), "{css}");
    }

    #[test]
    fn sections_get_a_class_from_their_heading() {
        let html = page_of(
            "# T\n\n## Key dates\n\n- d\n\n## Parties\n\n- a\n",
            &html_options(),
        );
        assert!(html.contains("<section class=\"sec-key-dates\">"), "{html}");
        assert!(html.contains("<section class=\"sec-parties\">"), "{html}");
        assert_eq!(slug("  Où? Open questions! "), "o-open-questions");
    }
}
