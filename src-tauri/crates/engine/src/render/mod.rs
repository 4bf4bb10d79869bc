//! The brief as a Markdown note: the document of record the vault stores and the UI edits.
//!
//! YAML front matter (stable key order, Obsidian-readable), a marking line, then the sections
//! Bottom line, Parties, Positions (by speaker), Open questions, Key dates and Source. Every
//! position, question and date carries a footnote quoting its source sentence verbatim, so
//! provenance survives in plain text. Rendering is a pure function: times, ids and the
//! generator name come from [`RenderOptions`].
//!
//! ```
//! use attache_engine::{draft, DraftOptions, render};
//!
//! let text = "Talks\n\nThe minister said on Monday that talks would resume.";
//! let brief = draft(text, &DraftOptions::default()).unwrap();
//! let note = render::markdown(&brief, text, &render::RenderOptions::default());
//! assert!(note.starts_with("---\n"));
//! assert!(note.contains("## Bottom line"));
//! ```

mod countries;
mod escape;
mod yaml;

use std::fmt::Write as _;

use crate::model::{Brief, KeyDate, PartyKind, Position, QuestionKind, Span, Stance};

/// How the note links to parties (also the analyst's setting, `link_style`: one type).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum LinkStyle {
    /// `[[Name]]`, as Obsidian and most note vaults expect.
    #[default]
    Wikilinks,
    /// `[Name](Name.md)`, for plain Markdown tools.
    Markdown,
}

/// What the note needs beyond the brief.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// The note's stable id (a UUID), written to front matter.
    pub id: Option<String>,
    /// Handling marking; `UNCLASSIFIED` when `None`.
    pub classification: Option<String>,
    /// Creation time (RFC 3339); the caller supplies it so rendering stays pure.
    pub created: Option<String>,
    /// Last update time (RFC 3339).
    pub updated: Option<String>,
    /// How parties are linked.
    pub link_style: LinkStyle,
    /// The generator written to front matter; `attache <engine version>` when `None`.
    pub generated_by: Option<String>,
}

/// The marking used when none is given.
pub const DEFAULT_CLASSIFICATION: &str = "UNCLASSIFIED";

/// Section headings, in order (the UI and the round-trip test rely on them).
pub const SECTIONS: [&str; 6] = [
    "Bottom line",
    "Parties",
    "Positions",
    "Open questions",
    "Key dates",
    "Source",
];

/// Renders `brief` (drafted from `text`) as a Markdown note with YAML front matter.
#[must_use]
pub fn markdown(brief: &Brief, text: &str, options: &RenderOptions) -> String {
    let mut out = String::with_capacity(4096 + text.len() / 2);
    let mut notes = Footnotes::default();
    front_matter(&mut out, brief, options);
    let marking = options
        .classification
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .unwrap_or(DEFAULT_CLASSIFICATION);
    let _ = writeln!(out, "**{}**\n", escape::inline(marking));
    let _ = writeln!(out, "# {}\n", escape::inline(&brief.title));

    section(&mut out, SECTIONS[0]);
    if brief.bottom_line.is_empty() {
        none(&mut out);
    } else {
        let bluf: Vec<String> = brief
            .bottom_line
            .iter()
            .map(|e| escape::inline(&e.text))
            .collect();
        let _ = writeln!(out, "{}\n", bluf.join(" "));
    }

    section(&mut out, SECTIONS[1]);
    parties(&mut out, brief, options.link_style);

    section(&mut out, SECTIONS[2]);
    positions(&mut out, brief, text, options.link_style, &mut notes);

    section(&mut out, SECTIONS[3]);
    if brief.open_questions.is_empty() {
        none(&mut out);
    }
    for (i, q) in brief.open_questions.iter().enumerate() {
        let n = notes.add("q", sentence(text, q.evidence_span, &q.question));
        let _ = writeln!(
            out,
            "{}. {} *({})*{n}",
            i + 1,
            escape::inline(&q.question),
            kind_label(q.kind)
        );
    }
    if !brief.open_questions.is_empty() {
        out.push('\n');
    }

    section(&mut out, SECTIONS[4]);
    key_dates(&mut out, brief, text, &mut notes);

    section(&mut out, SECTIONS[5]);
    source(&mut out, brief, options);

    notes.write(&mut out);
    out
}

fn section(out: &mut String, name: &str) {
    let _ = writeln!(out, "## {name}\n");
}

fn none(out: &mut String) {
    out.push_str("*None found.*\n\n");
}

fn front_matter(out: &mut String, brief: &Brief, options: &RenderOptions) {
    let src = &brief.source;
    out.push_str("---\n");
    if let Some(id) = &options.id {
        yaml::field(out, "id", Some(id));
    }
    yaml::field(out, "title", Some(&brief.title));
    yaml::field(out, "type", Some("brief"));
    yaml::field(out, "status", Some("draft"));
    let marking = options
        .classification
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .unwrap_or(DEFAULT_CLASSIFICATION);
    yaml::field(out, "classification", Some(marking));
    yaml::date_field(out, "created", options.created.as_deref());
    yaml::date_field(out, "updated", options.updated.as_deref());
    yaml::field(out, "source", src.url.as_deref());
    yaml::field(out, "source_title", src.title.as_deref());
    yaml::field(out, "outlet", src.outlet.as_deref());
    yaml::date_field(out, "published", src.published.as_deref());
    let names: Vec<String> = brief
        .parties
        .iter()
        .map(|p| match options.link_style {
            LinkStyle::Wikilinks => format!("[[{}]]", escape::link_target(&p.name)),
            LinkStyle::Markdown => p.name.clone(),
        })
        .collect();
    yaml::list(out, "parties", &names, true);
    let mut codes: Vec<String> = brief
        .parties
        .iter()
        .filter(|p| matches!(p.kind, PartyKind::Country | PartyKind::Government))
        .filter_map(|p| {
            countries::iso_code(&p.name)
                .or_else(|| p.aliases.iter().find_map(|a| countries::iso_code(a)))
        })
        .map(str::to_owned)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    yaml::list(out, "countries", &codes, false);
    let mut tags = vec!["brief".to_owned()];
    tags.extend(
        codes
            .iter()
            .map(|c| format!("country/{}", c.to_lowercase())),
    );
    yaml::list(out, "tags", &tags, false);
    let generated = options
        .generated_by
        .clone()
        .unwrap_or_else(|| format!("attache {}", env!("CARGO_PKG_VERSION")));
    yaml::field(out, "generated_by", Some(&generated));
    out.push_str("---\n\n");
}

fn link(name: &str, style: LinkStyle) -> String {
    let target = escape::link_target(name);
    match style {
        LinkStyle::Wikilinks => format!("[[{target}]]"),
        LinkStyle::Markdown => format!(
            "[{}]({}.md)",
            escape::inline(&target),
            escape::url_path(&target)
        ),
    }
}

fn parties(out: &mut String, brief: &Brief, style: LinkStyle) {
    if brief.parties.is_empty() {
        none(out);
        return;
    }
    for p in &brief.parties {
        let mut line = format!("- {}", link(&p.name, style));
        let details: Vec<String> = [p.role.as_deref(), p.affiliation.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .map(escape::inline)
            .collect();
        if !details.is_empty() {
            let _ = write!(line, " — {}", details.join(", "));
        }
        let _ = write!(line, " *({})*", party_kind(p.kind));
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

fn positions(out: &mut String, brief: &Brief, text: &str, style: LinkStyle, notes: &mut Footnotes) {
    if brief.positions.is_empty() {
        none(out);
        return;
    }
    // Speakers in order of their first position; positions keep text order within each.
    let mut speakers: Vec<&str> = Vec::new();
    for p in &brief.positions {
        if !speakers.contains(&p.speaker.as_str()) {
            speakers.push(&p.speaker);
        }
    }
    for speaker in speakers {
        let _ = writeln!(out, "### {}\n", link(speaker, style));
        for p in brief.positions.iter().filter(|p| p.speaker == speaker) {
            let n = notes.add("p", sentence(text, p.sentence_span, &p.text));
            let _ = writeln!(out, "- {}{n}", position_line(p));
        }
        out.push('\n');
    }
}

fn position_line(p: &Position) -> String {
    let mut line = format!("**{}**", stance_label(p.stance));
    if !p.issue.trim().is_empty() {
        let _ = write!(line, " · {}", escape::inline(&p.issue));
    }
    let content = escape::inline(&p.text);
    match p.kind {
        crate::model::PositionKind::Quote => {
            let _ = write!(line, ": “{content}”");
        }
        crate::model::PositionKind::Paraphrase => {
            let _ = write!(line, ": {content}");
        }
    }
    if !p.cue.trim().is_empty() {
        let _ = write!(line, " ({})", escape::inline(&p.cue));
    }
    line
}

fn key_dates(out: &mut String, brief: &Brief, text: &str, notes: &mut Footnotes) {
    if brief.key_dates.is_empty() {
        none(out);
        return;
    }
    // A timeline: resolved dates in order, then those the text does not fix, in text order.
    let mut order: Vec<&KeyDate> = brief.key_dates.iter().collect();
    order.sort_by(|a, b| match (&a.resolved, &b.resolved) {
        (Some(x), Some(y)) => x.cmp(y).then(a.span.start.cmp(&b.span.start)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.span.start.cmp(&b.span.start),
    });
    for d in order {
        let when = d
            .resolved
            .as_deref()
            .map_or_else(|| "undated".to_owned(), |r| r.replace("..", " to "));
        let n = notes.add("d", sentence(text, d.sentence_span, &d.text));
        let mut line = format!(
            "- **{}** — “{}”",
            escape::inline(&when),
            escape::inline(&d.text)
        );
        if let Some(e) = d.event.as_deref().filter(|e| !e.trim().is_empty()) {
            let _ = write!(line, ": {}", escape::inline(e));
        }
        let _ = writeln!(out, "{line}{n}");
    }
    out.push('\n');
}

fn source(out: &mut String, brief: &Brief, options: &RenderOptions) {
    let src = &brief.source;
    let title = src.title.as_deref().unwrap_or(&brief.title);
    let _ = writeln!(out, "- **Title:** {}", escape::inline(title));
    if let Some(o) = &src.outlet {
        let _ = writeln!(out, "- **Outlet:** {}", escape::inline(o));
    }
    if let Some(p) = &src.published {
        let _ = writeln!(out, "- **Published:** {}", escape::inline(p));
    }
    if let Some(u) = &src.url {
        let _ = writeln!(out, "- **URL:** {}", escape::inline(u));
    }
    if let Some(c) = &options.created {
        let _ = writeln!(out, "- **Drafted:** {}", escape::inline(c));
    }
    let _ = writeln!(
        out,
        "- **Size:** {} words, {} sentences",
        brief.stats.words, brief.stats.sentences
    );
    out.push('\n');
}

/// The source sentence of an item, from the text; the item's own words when the span does not
/// fit the text (a brief rendered against another text).
fn sentence<'a>(text: &'a str, span: Span, fallback: &'a str) -> &'a str {
    text.get(span.range())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(fallback)
}

/// Footnotes collected while rendering, written at the end.
#[derive(Default)]
struct Footnotes {
    defs: Vec<(String, String)>,
    counts: [usize; 3],
}

impl Footnotes {
    /// Adds a footnote quoting `sentence`; returns its reference (`[^p1]`).
    fn add(&mut self, prefix: &str, sentence: &str) -> String {
        let slot = match prefix {
            "p" => 0,
            "q" => 1,
            _ => 2,
        };
        self.counts[slot] += 1;
        let label = format!("{prefix}{}", self.counts[slot]);
        let reference = format!("[^{label}]");
        self.defs.push((label, escape::inline(sentence)));
        reference
    }

    fn write(&self, out: &mut String) {
        for (label, text) in &self.defs {
            let _ = writeln!(out, "[^{label}]: {text}");
        }
    }
}

fn stance_label(s: Stance) -> String {
    let label = s.label();
    let mut chars = label.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn kind_label(k: QuestionKind) -> &'static str {
    match k {
        QuestionKind::PendingDecision => "pending decision",
        QuestionKind::ScheduledEvent => "scheduled event",
        QuestionKind::Contested => "contested",
        QuestionKind::UncertainOutcome => "uncertain outcome",
        QuestionKind::UnknownFact => "unknown fact",
    }
}

fn party_kind(k: PartyKind) -> &'static str {
    match k {
        PartyKind::Person => "person",
        PartyKind::Country => "country",
        PartyKind::Government => "government",
        PartyKind::Organization => "organization",
        PartyKind::Group => "group",
    }
}
