//! The Word export read back: the archive is opened as Word would open it (docx-rs's reader
//! and the raw parts unzipped), and the marking, the sections, the footnotes and the
//! document's properties are checked in the XML itself.

mod common;

use std::io::Read;

use attache_vault::{ExportFormat, ExportOptions, NewNote, Vault};

/// Every part of the archive, by name.
fn parts(docx: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut out = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("a readable entry");
        let mut s = String::new();
        f.read_to_string(&mut s).expect("an XML part");
        out.insert(f.name().to_owned(), s);
    }
    out
}

/// The text of the `w:t` elements of an XML part, joined.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:t") {
        let after = &rest[i + 4..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let Some(open_end) = after.find('>') else {
            break;
        };
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</w:t>") else {
            break;
        };
        out.push_str(&body[..close]);
        out.push(' ');
        rest = &body[close..];
    }
    out
}

/// `(id, text)` of each real footnote (ids 1 and up; -1 and 0 are Word's separators).
fn footnotes(xml: &str) -> Vec<(i64, String)> {
    xml.split("<w:footnote ")
        .skip(1)
        .filter_map(|chunk| {
            let id = chunk
                .split("w:id=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse()
                .ok()?;
            let body = chunk.split("</w:footnote>").next()?;
            Some((id, text_of(body).trim().to_owned()))
        })
        .filter(|(id, _)| *id > 0)
        .collect()
}

fn export_docx(vault: &Vault, path: &str, author: Option<&str>) -> Vec<u8> {
    let out = vault.root().join("../out.docx");
    vault
        .export_to(
            path,
            &out,
            &ExportOptions {
                format: ExportFormat::Docx,
                author: author.map(str::to_owned),
                ..ExportOptions::default()
            },
        )
        .expect("the note exports as Word");
    std::fs::read(out).expect("the export was written")
}

const NOTE: &str = "---\ntitle: Fisheries talks\nclassification: TLP:AMBER\nstatus: draft\n\
created: 2026-03-12T09:00:00Z\nupdated: 2026-03-13T10:30:00Z\n---\n\n**TLP:AMBER**\n\n\
# Fisheries talks\n\n## Bottom line\n\nOslo offered to host talks[^p1].\n\n## Parties\n\n\
- [[Ingrid Solberg]] — Foreign Minister, Norway *(person)*\n- [[Iceland]] *(country)*\n\n\
## Positions\n\n### Hosting the talks\n\n- **Supports** · hosting: Oslo is ready (said)[^p2]\n\
- **Opposes** · hosting: premature (rejected)[^p3]\n\n| Party | Stance |\n|---|---|\n| Norway | supports |\n\n\
## Open questions\n\n1. Will the closure be lifted? *(pending decision)*[^q1]\n\n\
## Key dates\n\n- **2026-04-14** — “April 14”: ministers meet[^d1]\n\n## Source\n\n- **Title:** Talks\n\n\
[^p1]: The minister said Oslo was ready to host the talks.\n\
[^p2]: The minister said Oslo was ready to host the talks.\n\
[^p3]: Reykjavik rejected the offer as premature.\n\
[^q1]: Reykjavik rejected the offer as premature.\n\
[^d1]: Ministers meet on April 14 in Bergen.\n";

#[test]
fn the_marking_is_in_every_header_and_footer() {
    let (_d, vault) = common::vault();
    std::fs::write(vault.root().join("n.md"), NOTE).unwrap();
    let docx = export_docx(&vault, "n.md", Some("A. Analyst"));
    let parts = parts(&docx);
    let headers: Vec<&String> = parts
        .keys()
        .filter(|k| k.starts_with("word/header"))
        .collect();
    let footers: Vec<&String> = parts
        .keys()
        .filter(|k| k.starts_with("word/footer"))
        .collect();
    assert!(
        !headers.is_empty() && !footers.is_empty(),
        "{:?}",
        parts.keys()
    );
    for name in headers.iter().chain(&footers) {
        assert_eq!(text_of(&parts[*name]).trim(), "TLP:AMBER", "{name}");
    }
    let document = &parts["word/document.xml"];
    assert!(document.contains("<w:headerReference") && document.contains("<w:footerReference"));
    // Opens with the reader too, and the sections are all there, in order.
    let read = docx_rs::read_docx(&docx).expect("docx-rs reads the export back");
    let body = text_of(document);
    let mut at = 0;
    for heading in [
        "Fisheries talks",
        "Bottom line",
        "Parties",
        "Ingrid Solberg",
        "Positions",
        "Hosting the talks",
        "Supports",
        "Norway",
        "Open questions",
        "Will the closure be lifted?",
        "Key dates",
        "ministers meet",
        "Source",
    ] {
        let found = body[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} missing after {at} in {body}"));
        at += found + heading.len();
    }
    assert!(!body.contains("[["), "links are plain text: {body}");
    assert_eq!(
        body.matches("TLP:AMBER").count(),
        0,
        "the marking line moved to header and footer: {body}"
    );
    assert!(!read.document.children.is_empty());
    assert!(document.contains("w:val=\"Title\"") && document.contains("w:val=\"Heading1\""));
    assert!(document.contains("<w:tbl>"), "the table is a Word table");
}

#[test]
fn each_source_sentence_is_one_footnote() {
    let (_d, vault) = common::vault();
    std::fs::write(vault.root().join("n.md"), NOTE).unwrap();
    let parts = parts(&export_docx(&vault, "n.md", None));
    let notes = footnotes(&parts["word/footnotes.xml"]);
    assert_eq!(
        notes,
        vec![
            (
                1,
                "The minister said Oslo was ready to host the talks.".to_owned()
            ),
            (2, "Reykjavik rejected the offer as premature.".to_owned()),
            (3, "Ministers meet on April 14 in Bergen.".to_owned()),
        ]
    );
    let document = &parts["word/document.xml"];
    for id in 1..=3 {
        assert_eq!(
            document
                .matches(&format!("<w:footnoteReference w:id=\"{id}\""))
                .count(),
            1,
            "footnote {id} has one reference"
        );
    }
    // The second citations of notes 1 and 2 repeat their numbers in the reference style.
    assert_eq!(
        document.matches("w:val=\"FootnoteReference\"").count(),
        5,
        "{document}"
    );
    assert_eq!(
        parts["word/footnotes.xml"]
            .matches("<w:footnoteRef/>")
            .count(),
        3
    );
    assert!(parts["word/footnotes.xml"].contains("w:type=\"separator\""));
}

#[test]
fn the_author_title_and_dates_are_the_documents_properties() {
    let (_d, vault) = common::vault();
    std::fs::write(vault.root().join("n.md"), NOTE).unwrap();
    let parts = parts(&export_docx(&vault, "n.md", Some("A. <Analyst>")));
    let core = &parts["docProps/core.xml"];
    assert!(
        core.contains("<dc:creator>A. &lt;Analyst&gt;</dc:creator>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:title>Fisheries talks</dc:title>"),
        "{core}"
    );
    assert!(
        core.contains(">2026-03-12T09:00:00Z</dcterms:created>"),
        "{core}"
    );
    assert!(
        core.contains(">2026-03-13T10:30:00Z</dcterms:modified>"),
        "{core}"
    );
    assert!(
        parts["docProps/custom.xml"].contains("TLP:AMBER"),
        "{}",
        parts["docProps/custom.xml"]
    );
}

#[test]
fn a_drafted_note_has_as_many_footnotes_as_distinct_source_sentences() {
    let (_d, vault) = common::vault();
    let article = include_str!("../../engine/samples/sample-article.txt");
    let brief = attache_engine::draft(article, &attache_engine::DraftOptions::default()).unwrap();
    let note = vault
        .create(
            &brief,
            article,
            &NewNote {
                classification: Some("OFFICIAL".into()),
                ..NewNote::default()
            },
        )
        .unwrap();
    // The note cites some sentences more than once; the document lists each once.
    let defs: Vec<&str> = note
        .markdown
        .lines()
        .filter(|l| l.starts_with("[^"))
        .filter_map(|l| l.split_once("]: ").map(|(_, t)| t))
        .collect();
    let mut distinct = defs.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert!(
        distinct.len() < defs.len(),
        "the sample cites a sentence twice"
    );
    let parts = parts(&export_docx(&vault, &note.summary.path, None));
    let notes = footnotes(&parts["word/footnotes.xml"]);
    assert_eq!(notes.len(), distinct.len());
    let mut texts: Vec<&String> = notes.iter().map(|(_, t)| t).collect();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), notes.len(), "no two footnotes say the same");
    let ids: Vec<i64> = notes.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        ids,
        (1..=i64::try_from(notes.len()).unwrap()).collect::<Vec<_>>()
    );
    assert_eq!(text_of(&parts["word/header1.xml"]).trim(), "OFFICIAL");
}
