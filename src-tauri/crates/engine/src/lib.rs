//! Attaché's drafting engine: from a pasted news article to a briefing note, offline,
//! deterministic, in milliseconds, with every line pointing at the text it came from.
//!
//! ```
//! use attache_engine::{draft, DraftOptions};
//!
//! let article = "Talks in Geneva\n\n\
//!     Foreign Minister Anna Berg said on Monday that Norway would host the next round. \
//!     “We are ready,” she said.";
//! let brief = draft(article, &DraftOptions::default()).unwrap();
//! assert_eq!(brief.schema, "attache.brief/1");
//! for p in &brief.positions {
//!     // Every position can be cut back out of the article.
//!     assert_eq!(&article[p.content_span.range()], p.text);
//! }
//! ```
//!
//! # Glossary
//! - **Brief**: the drafted note ([`Brief`]): title, bottom line, parties, positions, open
//!   questions and key dates, serialised as the `attache.brief/1` JSON contract.
//! - **Party**: one real actor (person, country, government, organisation or group), with every
//!   mention of it ([`Party`]).
//! - **Position**: an attribution: who said, wants or rejects what, as a quote or a paraphrase,
//!   resolved to its speaker ([`Position`]).
//! - **Open question**: something unresolved that an analyst would track ([`OpenQuestion`]).
//! - **Span**: a half-open range of UTF-8 byte offsets into the input ([`Span`]); every item in
//!   a brief carries one, so nothing is invented.
//! - **Token layer**: the body's tokens, built once per draft and read by every stage, each
//!   with its lower-cased text, the gazetteer name starting there and a word class.
//! - **Issuer**: whoever a title line names as the text's author ("Statement by Press
//!   Secretary … on …"); the body's uncredited sentences and its "we" are the issuer's.
//!
//! # Data
//! Every word list is a file in `data/` (see `data/README.md`), read through one loader that
//! refuses unknown tags. Word classes come from `data/word_classes.tsv`, a closed-class
//! lexicon of English function words (determiners, pronouns, prepositions, auxiliaries,
//! modals, conjunctions) written by the Attaché developers from English grammar, MIT OR
//! Apache-2.0; how an open-class word is used (finite verb, noun, participle, passive,
//! infinitive) is read from the words before it. A tagger trained on PolNeAR train was not
//! an option: PolNeAR marks attributions, not parts of speech. Cue words and short patterns
//! were checked against the counts of PolNeAR train's cue annotations (single words only, no
//! text of the corpus).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod dates;
mod error;
mod header;
mod issues;
mod lexicon;
mod model;
mod parties;
mod positions;
mod questions;
pub mod render;
mod summary;
pub mod text;
mod tokens;

pub use error::EngineError;
pub use model::*;

use chrono::NaiveDate;

/// A party's name without the titles and honorifics written before it ("President Putin" →
/// "Putin", "H.E. Ms Ana Lima" → "Ana Lima"), from the same word lists the engine finds
/// titles with: the vault merges the names notes give one party with it.
#[must_use]
pub fn name_without_titles(name: &str) -> &str {
    lexicon::strip_name_prefixes(name)
}

/// The largest input [`draft`] accepts (bytes). Larger pastes are refused with a clear error
/// rather than drafted slowly.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// The team's own sample article (invented, written for Attaché): a title line, a
/// `Published:` header and a body with quotes, unnamed sources, relative dates, a scheduled
/// but unconfirmed meeting and a contested issue. `make demo` and the snapshot tests draft it.
pub const SAMPLE_ARTICLE: &str = include_str!("../samples/sample-article.txt");

/// What the caller knows about the article beyond its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftOptions {
    /// Publication date: anchors relative dates ("on Thursday", "next month").
    pub published: Option<NaiveDate>,
    /// A title to use instead of the article's own.
    pub title: Option<String>,
    /// The article's URL.
    pub source_url: Option<String>,
    /// The outlet that published it.
    pub outlet: Option<String>,
}

/// A drafting stage, reported through the progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Splitting the text into sentences.
    Reading,
    /// Finding parties.
    Parties,
    /// Finding positions.
    Positions,
    /// Resolving dates.
    Dates,
    /// Finding open questions.
    Questions,
    /// Choosing the bottom line and title.
    Summary,
    /// Finished.
    Done,
}

/// Progress of one draft: `step` of `steps` stages done, now in `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Progress {
    /// The stage now running.
    pub stage: Stage,
    /// Stages finished so far.
    pub step: u32,
    /// Stages in all.
    pub steps: u32,
}

/// Drafts a brief from an article.
///
/// # Errors
/// [`EngineError::Empty`] when the text has no words, [`EngineError::TooLarge`] past
/// [`MAX_INPUT_BYTES`].
pub fn draft(text: &str, options: &DraftOptions) -> Result<Brief, EngineError> {
    draft_with_progress(text, options, &mut |_| {})
}

/// Drafts a brief, reporting each stage to `progress` (the desktop shell forwards it to the UI).
///
/// # Errors
/// As [`draft`].
pub fn draft_with_progress(
    text: &str,
    options: &DraftOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Brief, EngineError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(EngineError::TooLarge {
            bytes: text.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let mut step = 0;
    let mut report = |stage| {
        progress(Progress {
            stage,
            step,
            steps: 6,
        });
        step += 1;
    };

    report(Stage::Reading);
    let header = header::parse(text);
    let doc = text::Doc::new(text, header.body_start);
    if doc.words == 0 {
        return Err(EngineError::Empty);
    }
    let published = options.published.or(header.published).map(|d| {
        (
            d,
            if options.published.is_some() {
                "option"
            } else {
                "header"
            },
        )
    });

    // One token layer for every stage: tokens, gazetteer marks, lower case, word classes.
    let tokens = tokens::Tokens::new(&doc);

    report(Stage::Parties);
    let mut parties = parties::extract(&doc, &tokens);

    report(Stage::Positions);
    // A title that names its issuer ("Statement by … Karine Jean-Pierre on …") makes the body
    // the issuer's words (an option's title replaces the line, not the text's issuer).
    let issuer = header.title_span.and_then(|t| header::issuer(text, t));
    let mut positions = positions::extract(&doc, &tokens, &mut parties, issuer);
    let parties = parties.into_parties();
    // What each position is about and where its speaker stands, once all are found.
    let (issues, topics) = issues::assign(&doc, &tokens, &parties, &mut positions);
    positions::stance::assign(&doc, &tokens, &parties, &mut positions);

    report(Stage::Dates);
    let dated = dates::extract(&doc, published.map(|(d, _)| d));
    let (published, published_from) = match (published, dated.dateline) {
        (Some((d, from)), _) => (Some(d), Some(from)),
        (None, Some(d)) => (Some(d), Some("dateline")),
        (None, None) => (None, None),
    };

    report(Stage::Questions);
    let open_questions = questions::extract(
        &doc, &tokens, &topics, &parties, &positions, &issues, &dated,
    );

    report(Stage::Summary);
    let bottom_line = summary::bottom_line(&doc, &tokens, &parties, &positions, &open_questions);
    let (title, title_span) = match (&options.title, &header.title) {
        (Some(t), _) if !t.trim().is_empty() => (t.trim().to_owned(), None),
        (_, Some(t)) => (t.clone(), header.title_span),
        _ => (
            summary::title(&doc, &parties, &positions, &bottom_line),
            None,
        ),
    };

    report(Stage::Done);
    Ok(Brief {
        schema: SCHEMA.to_owned(),
        title,
        title_span,
        source: SourceMeta {
            published: published.map(|d| d.format("%Y-%m-%d").to_string()),
            published_from: published_from.map(str::to_owned),
            url: options.source_url.clone().or_else(|| {
                header
                    .field("source")
                    .filter(|s| s.starts_with("http"))
                    .map(str::to_owned)
            }),
            outlet: options
                .outlet
                .clone()
                .or_else(|| header.field("outlet").map(str::to_owned)),
            title: header.title.clone(),
        },
        bottom_line,
        parties,
        positions,
        issues,
        open_questions,
        key_dates: dated.dates,
        stats: Stats {
            bytes: text.len(),
            words: doc.words,
            sentences: doc.sentences.len(),
        },
    })
}
