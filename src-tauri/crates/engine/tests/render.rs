//! The Markdown note: snapshots of a hand-built brief (independent of the extractors), a
//! structural round trip through pulldown-cmark, front matter read back with a YAML parser,
//! and one end-to-end snapshot of the sample article.

use attache_engine::render::{self, LinkStyle, RenderOptions};
use attache_engine::{
    Brief, DraftOptions, Extract, Issue, KeyDate, OpenQuestion, Party, PartyKind, Position,
    PositionKind, QuestionKind, SAMPLE_ARTICLE, SCHEMA, SourceMeta, Span, Stance, Stats, draft,
};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

const TEXT: &str = "Talks: *maybe* next week\n\n\
Minister Anna Berg said on Monday that Norway would host talks. \
“We are ready,” she said. Whether [Ukraine] will attend # is unclear.\n\
1. A line that looks like a list.";

fn span_of(needle: &str) -> Span {
    let start = TEXT.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

/// A brief built by hand, so these snapshots change only when the renderer does.
fn fixture() -> Brief {
    let s1 = span_of("Minister Anna Berg said on Monday that Norway would host talks.");
    let s2 = span_of("“We are ready,” she said.");
    let s3 =
        span_of("Whether [Ukraine] will attend # is unclear.\n1. A line that looks like a list.");
    Brief {
        schema: SCHEMA.to_owned(),
        title: "Talks: *maybe* next week".to_owned(),
        title_span: Some(span_of("Talks: *maybe* next week")),
        source: SourceMeta {
            published: Some("2026-03-12".to_owned()),
            published_from: Some("option".to_owned()),
            url: Some("https://example.invalid/a?b=1&c=2".to_owned()),
            outlet: Some("The \"Quoted\" Gazette".to_owned()),
            title: Some("Talks: *maybe* next week".to_owned()),
        },
        bottom_line: vec![Extract {
            text: TEXT[s1.range()].to_owned(),
            span: s1,
        }],
        parties: vec![
            Party {
                id: "p1".to_owned(),
                name: "Anna Berg".to_owned(),
                kind: PartyKind::Person,
                role: Some("Minister".to_owned()),
                affiliation: Some("Norway".to_owned()),
                aliases: vec!["Berg".to_owned()],
                mentions: vec![span_of("Anna Berg")],
            },
            Party {
                id: "p2".to_owned(),
                name: "Norway".to_owned(),
                kind: PartyKind::Country,
                role: None,
                affiliation: None,
                aliases: vec![],
                mentions: vec![span_of("Norway")],
            },
            Party {
                id: "p3".to_owned(),
                name: "Ukraine [sic] | #1".to_owned(),
                kind: PartyKind::Country,
                role: None,
                affiliation: None,
                aliases: vec!["Ukraine".to_owned()],
                mentions: vec![span_of("Ukraine")],
            },
        ],
        positions: vec![
            Position {
                speaker: "Anna Berg".to_owned(),
                party: Some("p1".to_owned()),
                kind: PositionKind::Paraphrase,
                text: "Norway would host talks".to_owned(),
                cue: "said".to_owned(),
                issue: "hosting the talks".to_owned(),
                issue_id: Some("i1".to_owned()),
                stance: Stance::Support,
                content_span: span_of("Norway would host talks"),
                cue_span: Some(span_of("said")),
                source_span: Some(span_of("Minister Anna Berg")),
                sentence_span: s1,
            },
            Position {
                speaker: "Anna Berg".to_owned(),
                party: Some("p1".to_owned()),
                kind: PositionKind::Quote,
                text: "We are ready,".to_owned(),
                cue: "said".to_owned(),
                issue: "readiness".to_owned(),
                issue_id: Some("i2".to_owned()),
                stance: Stance::Support,
                content_span: span_of("We are ready,"),
                cue_span: None,
                source_span: Some(span_of("she")),
                sentence_span: s2,
            },
            Position {
                speaker: "Ukraine [sic] | #1".to_owned(),
                party: Some("p3".to_owned()),
                kind: PositionKind::Paraphrase,
                text: "[Ukraine] will attend".to_owned(),
                cue: String::new(),
                issue: String::new(),
                issue_id: None,
                stance: Stance::Uncertain,
                content_span: span_of("[Ukraine] will attend"),
                cue_span: None,
                source_span: None,
                sentence_span: s3,
            },
        ],
        issues: vec![
            Issue {
                id: "i1".to_owned(),
                label: "hosting the talks".to_owned(),
                evidence: vec![s1],
            },
            Issue {
                id: "i2".to_owned(),
                label: "readiness".to_owned(),
                evidence: vec![s2],
            },
        ],
        open_questions: vec![OpenQuestion {
            question: "Will Ukraine attend the talks?".to_owned(),
            kind: QuestionKind::PendingDecision,
            evidence_span: s3,
            parties: vec!["p3".to_owned()],
        }],
        key_dates: vec![
            KeyDate {
                text: "next week".to_owned(),
                span: span_of("next week"),
                resolved: None,
                event: None,
                sentence_span: span_of("Talks: *maybe* next week"),
            },
            KeyDate {
                text: "on Monday".to_owned(),
                span: span_of("on Monday"),
                resolved: Some("2026-03-09".to_owned()),
                event: Some("Anna Berg said".to_owned()),
                sentence_span: s1,
            },
        ],
        stats: Stats {
            bytes: TEXT.len(),
            words: 30,
            sentences: 4,
        },
    }
}

fn options() -> RenderOptions {
    RenderOptions {
        id: Some("0b7f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b".to_owned()),
        classification: None,
        created: Some("2026-03-12T09:30:00Z".to_owned()),
        updated: Some("2026-03-12T09:30:00Z".to_owned()),
        link_style: LinkStyle::Wikilinks,
        generated_by: Some("attache test".to_owned()),
    }
}

#[test]
fn fixture_note_snapshot() {
    insta::assert_snapshot!(render::markdown(&fixture(), TEXT, &options()));
}

#[test]
fn fixture_note_with_markdown_links_snapshot() {
    let opts = RenderOptions {
        link_style: LinkStyle::Markdown,
        classification: Some("TLP:AMBER".to_owned()),
        ..options()
    };
    insta::assert_snapshot!(render::markdown(&fixture(), TEXT, &opts));
}

/// Splits a note into its front matter and body.
fn split(note: &str) -> (&str, &str) {
    let rest = note
        .strip_prefix("---\n")
        .expect("front matter opens the note");
    let end = rest.find("\n---\n").expect("front matter closes");
    (&rest[..end], &rest[end + 5..])
}

struct Structure {
    headings: Vec<(HeadingLevel, String)>,
    definitions: Vec<String>,
    references: Vec<String>,
}

fn structure(body: &str) -> Structure {
    let mut s = Structure {
        headings: vec![],
        definitions: vec![],
        references: vec![],
    };
    let mut heading: Option<(HeadingLevel, String)> = None;
    for event in Parser::new_ext(body, Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => s.headings.extend(heading.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => s.definitions.push(label.to_string()),
            Event::FootnoteReference(label) => s.references.push(label.to_string()),
            _ => {}
        }
    }
    s
}

fn capitalised(label: &str) -> String {
    let mut c = label.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn assert_round_trip(brief: &Brief, text: &str, opts: &RenderOptions) {
    let note = render::markdown(brief, text, opts);
    let (_, body) = split(&note);
    let s = structure(body);
    // Sections: the title, then each section in order, with one subheading per speaker.
    let h2: Vec<&str> = s
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(h2, render::SECTIONS, "{note}");
    let h1: Vec<&str> = s
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H1)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(h1, [brief.title.as_str()], "the title renders literally");
    // One subheading per issue with positions, in the brief's order, then the positions on
    // no issue.
    let mut groups: Vec<String> = brief
        .issues
        .iter()
        .filter(|i| {
            brief
                .positions
                .iter()
                .any(|p| p.issue_id.as_deref() == Some(i.id.as_str()))
        })
        .map(|i| capitalised(&i.label))
        .collect();
    if brief.positions.iter().any(|p| p.issue_id.is_none()) {
        groups.push("Other positions".to_owned());
    }
    let h3: Vec<&str> = s
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H3)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(h3, groups, "{note}");
    // One footnote per position, question and date; every reference resolves, once.
    let items = brief.positions.len() + brief.open_questions.len() + brief.key_dates.len();
    assert_eq!(s.definitions.len(), items, "{note}");
    let mut refs = s.references.clone();
    refs.sort();
    let mut defs = s.definitions.clone();
    defs.sort();
    assert_eq!(refs, defs, "references and definitions pair up");
    let mut unique = defs.clone();
    unique.dedup();
    assert_eq!(unique, defs, "every item has a footnote of its own");
}

/// The cells of every table in `body`, row by row (the head first).
fn tables(body: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(c), Some(r)) = (cell.take(), rows.last_mut()) {
                    r.push(c);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    rows
}

#[test]
fn the_parties_stand_table_has_issues_by_principal_parties() {
    let note = render::markdown(&fixture(), TEXT, &options());
    let (_, body) = split(&note);
    let rows = tables(body);
    assert_eq!(
        rows,
        [
            vec!["Issue", "Anna Berg"],
            vec!["Hosting the talks", "supports"],
            vec!["Readiness", "supports"],
        ],
        "{note}"
    );
    // Positions on no issue are listed but have no row, and a party with only those no
    // column.
    assert!(note.contains("### Other positions"), "{note}");
    // A party whose name holds a table's pipe keeps its column whole.
    let mut b = fixture();
    b.positions[2].issue_id = Some("i1".to_owned());
    b.positions[2].issue = "hosting the talks".to_owned();
    let note = render::markdown(&b, TEXT, &options());
    let (_, body) = split(&note);
    assert_eq!(
        tables(body),
        [
            vec!["Issue", "Anna Berg", "Ukraine [sic] | #1"],
            vec!["Hosting the talks", "supports", "uncertain"],
            vec!["Readiness", "supports", ""],
        ],
        "{note}"
    );
}

#[test]
fn each_position_line_reads_party_stance_content() {
    let note = render::markdown(&fixture(), TEXT, &options());
    assert!(
        note.contains("- [[Anna Berg]] — **supports** — Norway would host talks (said)[^p1]"),
        "{note}"
    );
    assert!(
        note.contains("- [[Anna Berg]] — **supports** — “We are ready,” (said)[^p2]"),
        "{note}"
    );
    // Rendered to HTML (as the exporter does), the table and the lines keep their words.
    let (_, body) = split(&note);
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES),
    );
    assert!(html.contains("<table>"), "{html}");
    assert!(html.contains("<th>Anna Berg</th>"), "{html}");
    assert!(html.contains("— <strong>uncertain</strong> —"), "{html}");
}

#[test]
fn fixture_round_trips_through_pulldown_cmark() {
    assert_round_trip(&fixture(), TEXT, &options());
    let md = RenderOptions {
        link_style: LinkStyle::Markdown,
        ..options()
    };
    assert_round_trip(&fixture(), TEXT, &md);
}

#[test]
fn footnotes_quote_their_sentence_literally() {
    let note = render::markdown(&fixture(), TEXT, &options());
    let (_, body) = split(&note);
    // Rendered to HTML, the question's footnote shows the sentence's text, line break collapsed.
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(body, Options::ENABLE_FOOTNOTES));
    assert!(
        html.contains(
            "Whether [Ukraine] will attend # is unclear. 1. A line that looks like a list."
        ),
        "{html}"
    );
    assert!(
        !html.contains("<em>maybe</em>"),
        "title specials are escaped"
    );
}

#[test]
fn front_matter_reads_back() {
    let note = render::markdown(&fixture(), TEXT, &options());
    let (yaml, _) = split(&note);
    let v: serde_norway::Value = serde_norway::from_str(yaml).expect("front matter is YAML");
    let get = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
    assert_eq!(get("title").as_deref(), Some("Talks: *maybe* next week"));
    assert_eq!(get("type").as_deref(), Some("brief"));
    assert_eq!(get("status").as_deref(), Some("draft"));
    assert_eq!(get("classification").as_deref(), Some("UNCLASSIFIED"));
    assert_eq!(get("outlet").as_deref(), Some("The \"Quoted\" Gazette"));
    assert_eq!(
        get("source").as_deref(),
        Some("https://example.invalid/a?b=1&c=2")
    );
    assert_eq!(get("generated_by").as_deref(), Some("attache test"));
    let list = |k: &str| -> Vec<String> {
        v.get(k)
            .and_then(|x| x.as_sequence())
            .map(|s| {
                s.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        list("parties"),
        ["[[Anna Berg]]", "[[Norway]]", "[[Ukraine sic 1]]"]
    );
    assert_eq!(list("countries"), ["NO", "UA"]);
    assert_eq!(list("tags"), ["brief", "country/no", "country/ua"]);
    // Keys in their stable order.
    let keys: Vec<&str> = yaml
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split(':').next())
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "title",
            "type",
            "status",
            "classification",
            "created",
            "updated",
            "source",
            "source_title",
            "outlet",
            "published",
            "parties",
            "countries",
            "tags",
            "generated_by"
        ]
    );
}

#[test]
fn hostile_titles_survive_front_matter_and_heading() {
    for title in [
        "No",
        "- dash",
        "# hash",
        "a: b",
        "\"quoted\"",
        "multi\nline",
        "2025-10-16",
        "[[link]]",
        "back\\slash",
    ] {
        let mut b = fixture();
        b.title = title.to_owned();
        let note = render::markdown(&b, TEXT, &options());
        let (yaml, body) = split(&note);
        let v: serde_norway::Value = serde_norway::from_str(yaml).expect("YAML");
        assert_eq!(
            v.get("title").and_then(|x| x.as_str()),
            Some(title),
            "{yaml}"
        );
        let s = structure(body);
        let h1: Vec<&str> = s
            .headings
            .iter()
            .filter(|(l, _)| *l == HeadingLevel::H1)
            .map(|(_, t)| t.as_str())
            .collect();
        let flat = title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(h1, [flat.as_str()], "{note}");
    }
}

#[test]
fn sample_article_note_snapshot() {
    // End to end: depends on every extractor, so re-accept it (`cargo insta review`) when
    // their output changes on purpose. The project's own sample, never corpus text.
    let brief = draft(SAMPLE_ARTICLE, &DraftOptions::default()).unwrap();
    let note = render::markdown(&brief, SAMPLE_ARTICLE, &options());
    assert_round_trip(&brief, SAMPLE_ARTICLE, &options());
    insta::assert_snapshot!(note);
}
