//! The brief: the serialisable output of [`crate::draft`], in the `attache.brief/1` contract
//! (see `../shared/eval/README.md`). Field names and meanings are fixed by that contract;
//! fields beyond it are additions the UI and the Markdown renderer use.

use serde::{Deserialize, Serialize};

/// The schema tag every brief carries.
pub const SCHEMA: &str = "attache.brief/1";

/// A half-open range of UTF-8 byte offsets into the drafted text, serialised as `[start, end]`.
///
/// Every span the engine produces lies on `char` boundaries, so `&text[span.range()]` never
/// panics for the text it was produced from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, type = "[number, number]")
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The span as a `Range` for slicing.
    #[must_use]
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Self { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

/// A drafted briefing note: who is involved, who said what, what is unresolved, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Brief {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The brief's title: given by the caller, else the article's title line, else drafted.
    pub title: String,
    /// Where the title came from in the text, when it came from the text.
    pub title_span: Option<Span>,
    /// Source metadata (publication date, outlet, URL).
    pub source: SourceMeta,
    /// Bottom line up front: two to four short lines, each a verbatim stretch of one sentence
    /// (the principal actors' main positions, then the main open point).
    pub bottom_line: Vec<Extract>,
    /// Every actor in the article, one per real actor.
    pub parties: Vec<Party>,
    /// Every attribution: who said, wants or rejects what.
    pub positions: Vec<Position>,
    /// The topics the positions are about, in order of first mention; every position's
    /// [`Position::issue_id`] names one of them. Briefs stored before issues existed read
    /// back with none.
    #[serde(default)]
    pub issues: Vec<Issue>,
    /// What is unresolved, ranked by salience (most salient first).
    pub open_questions: Vec<OpenQuestion>,
    /// Every date expression, in text order.
    pub key_dates: Vec<KeyDate>,
    /// Size of the input, for progress and statistics.
    pub stats: Stats,
}

/// Metadata about the article the brief was drafted from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SourceMeta {
    /// Publication date (`YYYY-MM-DD`) used to resolve relative dates, if known.
    pub published: Option<String>,
    /// Where the publication date came from: `option`, `header`, `dateline` or `null`.
    pub published_from: Option<String>,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// The outlet (publisher), when known.
    pub outlet: Option<String>,
    /// The article's own title (headline), when known.
    pub title: Option<String>,
}

/// A verbatim stretch of the text: a sentence, or the part of one that makes the point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Extract {
    /// The words, exactly as in the text.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// What sort of actor a party is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    /// A named or described individual.
    Person,
    /// A state.
    Country,
    /// A government, ministry, seat of government acting as an actor.
    Government,
    /// An international or non-governmental organisation.
    Organization,
    /// An armed group, party, company group or unnamed collective ("analysts").
    Group,
}

/// An actor in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Party {
    /// Stable within one brief: `p1`, `p2`, … in order of first mention.
    pub id: String,
    /// Canonical name ("Vladimir Putin", "International Criminal Court", "unnamed senior US official").
    pub name: String,
    /// What sort of actor this is.
    pub kind: PartyKind,
    /// Role or title ("President", "Foreign Minister"), when the text gives one.
    pub role: Option<String>,
    /// Affiliation (usually a country or organisation name), when the text gives one.
    pub affiliation: Option<String>,
    /// Other surface forms found in the text.
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// Quote or paraphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum PositionKind {
    /// The content sits inside quotation marks.
    Quote,
    /// Reported speech.
    Paraphrase,
}

/// The speaker's stance toward the position's issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// For it.
    Support,
    /// Against it.
    Oppose,
    /// For it, with conditions.
    Conditional,
    /// Undecided, hedged, or asking.
    Uncertain,
    /// A factual report.
    Neutral,
}

impl Stance {
    /// Every stance, in the order the note and the window list them.
    pub const ALL: [Stance; 5] = [
        Stance::Support,
        Stance::Oppose,
        Stance::Conditional,
        Stance::Uncertain,
        Stance::Neutral,
    ];

    /// The word the note and the window show for this stance: one vocabulary for both (the
    /// UI reads it from the generated `stanceLabels.ts`).
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Stance::Support => "supports",
            Stance::Oppose => "opposes",
            Stance::Conditional => "conditional",
            Stance::Uncertain => "uncertain",
            Stance::Neutral => "neutral",
        }
    }
}

/// A topic the positions of a brief are about ("Budapest summit", "Yemen truce").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Issue {
    /// Stable within one brief: `i1`, `i2`, … in order of first mention.
    pub id: String,
    /// The label, written as an analyst would title the topic (a noun phrase).
    pub label: String,
    /// The sentences that define the topic.
    pub evidence: Vec<Span>,
}

/// An attribution: a source, a cue, and content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Position {
    /// Canonical name of the resolved speaker.
    pub speaker: String,
    /// The speaker's party id, when the speaker is a party of the brief.
    pub party: Option<String>,
    /// Quote or paraphrase.
    pub kind: PositionKind,
    /// The content, exactly as in the text.
    pub text: String,
    /// The cue ("said", "according to", "statement").
    pub cue: String,
    /// A short label of what it is about: the label of the [`Issue`] it belongs to, shared by
    /// every position on that topic.
    pub issue: String,
    /// The id of its [`Issue`] in [`Brief::issues`] (`i1`, `i2`, …), when it has one.
    #[serde(default)]
    pub issue_id: Option<String>,
    /// The speaker's stance toward the issue.
    pub stance: Stance,
    /// Where the content is.
    pub content_span: Span,
    /// Where the cue is.
    pub cue_span: Option<Span>,
    /// The mention naming the speaker where the attribution is made (may be a pronoun).
    pub source_span: Option<Span>,
    /// The sentence (or sentences) the position comes from.
    pub sentence_span: Span,
}

/// What sort of open question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// A decision someone has yet to take.
    PendingDecision,
    /// A scheduled but unconfirmed event.
    ScheduledEvent,
    /// Parties disagree.
    Contested,
    /// How something will turn out.
    UncertainOutcome,
    /// A fact nobody has established.
    UnknownFact,
}

/// Something unresolved that an analyst would track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct OpenQuestion {
    /// The question, as an analyst would write it.
    pub question: String,
    /// What sort of question.
    pub kind: QuestionKind,
    /// The sentence(s) that raise it.
    pub evidence_span: Span,
    /// Ids of the parties it involves.
    pub parties: Vec<String>,
}

/// A date expression and what it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct KeyDate {
    /// The expression, exactly as in the text.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// `YYYY-MM-DD`, `YYYY-MM-DD..YYYY-MM-DD`, or `null` where the text does not fix it.
    pub resolved: Option<String>,
    /// The event the date belongs to, when one can be named.
    pub event: Option<String>,
    /// The sentence it sits in.
    pub sentence_span: Span,
}

/// Size of the drafted input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Stats {
    /// Bytes of input.
    pub bytes: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// Sentences found.
    pub sentences: usize,
}

/// Writes `stanceLabels.ts` beside the ts-rs bindings, so the UI shows the same stance words
/// as the note ([`Stance::label`]). Runs with the other `export_bindings` tests
/// (`tests/scripts/gen-bindings.sh`).
#[cfg(all(test, feature = "ts"))]
mod export_stance_labels {
    use super::Stance;

    #[test]
    fn export_bindings_stance_labels() {
        use std::fmt::Write as _;
        let dir = std::env::var("TS_RS_EXPORT_DIR").unwrap_or_else(|_| "bindings".to_owned());
        let mut ts = String::from(
            "// Generated from Stance::label in attache-engine (model.rs). Do not edit.\n\
             import type { Stance } from \"./Stance\";\n\n\
             /** The word the note and the window show for each stance. */\n\
             export const STANCE_LABELS: Record<Stance, string> = {\n",
        );
        for s in Stance::ALL {
            let key = serde_json::to_value(s).expect("a stance serialises");
            let _ = writeln!(
                ts,
                "  {}: {:?},",
                key.as_str().expect("a string"),
                s.label()
            );
        }
        ts.push_str("};\n");
        std::fs::create_dir_all(&dir).expect("the bindings folder can be made");
        std::fs::write(std::path::Path::new(&dir).join("stanceLabels.ts"), ts)
            .expect("the bindings folder is writable");
    }
}
