//! Key dates: every date expression in the text, resolved against the publication date.
//!
//! Three steps, each linear in the text: [`scan`] finds expressions in each sentence,
//! [`tense`] reads which side of the anchor a weekday or a bare month lies on, and
//! [`resolve`] turns the expression into a day or a range. The anchor is the publication date,
//! else a dateline ("DUBAI, June 9, 2023 (Reuters)"), else only a year the text states.

mod event;
mod resolve;
mod scan;
pub(crate) mod tense;

use chrono::NaiveDate;

use crate::model::{KeyDate, Span};
use crate::text::Doc;
use resolve::{Anchor, Resolved};
use scan::{Expr, Found};

/// Dates found in a text.
#[derive(Debug, Default)]
pub(crate) struct Dated {
    /// Every date expression, in text order.
    pub dates: Vec<KeyDate>,
    /// The date of a dateline ("DUBAI, June 9, 2023 (Reuters)"), if the text has one.
    pub dateline: Option<NaiveDate>,
    /// For each date, whether it lies ahead of the publication (or the speaker): "within two
    /// weeks", "next month", "will meet on Friday", a resolved day after publication.
    pub ahead: Vec<bool>,
}

/// One expression before resolution.
struct Pending {
    /// The word opening it that qualifies it ("since", "late"), lower case.
    lead: Option<String>,
    expr: Expr,
    tense: tense::Tense,
    span: Span,
    sentence: Span,
    event: Option<String>,
}

/// Finds and resolves the dates of `doc`.
pub(crate) fn extract(doc: &Doc<'_>, published: Option<NaiveDate>) -> Dated {
    let mut pending = Vec::new();
    let mut dateline = None;
    for (si, &sentence) in doc.sentences.iter().enumerate() {
        let toks = scan::tokens(doc.text, sentence);
        let found = scan::scan(&toks);
        if si == 0 {
            dateline = dateline_of(&toks, &found);
        }
        for f in found {
            let deadline = ["until", "till", "by", "before"]
                .iter()
                .any(|w| toks[f.first].s.eq_ignore_ascii_case(w));
            // "a ceasefire from 6 a.m. on Saturday": a starting point looks ahead.
            let starting = ["from", "starting", "effective"]
                .iter()
                .any(|w| toks[f.first].s.eq_ignore_ascii_case(w));
            // "the late November deadline": a deadline lies ahead.
            let deadline_noun = toks
                .get(f.last + 1)
                .is_some_and(|t| t.s.eq_ignore_ascii_case("deadline"));
            let t = match f.expr {
                _ if starting || deadline_noun => tense::Tense::Future,
                // "a day before Trump is set to host": the verb after it decides.
                Expr::DaysAround(_) => tense::around(&toks, toks.len(), f.last),
                // "had until February 20 to submit": a deadline lies ahead, whatever its verb.
                _ if deadline => tense::Tense::Future,
                _ => tense::around(&toks, f.first, f.last),
            };
            let lead = toks[f.first].s.to_ascii_lowercase();
            pending.push(Pending {
                lead: matches!(lead.as_str(), "since" | "late" | "early" | "mid").then_some(lead),
                expr: f.expr,
                tense: t,
                span: Span::new(toks[f.first].span.start, toks[f.last].span.end),
                sentence,
                event: event::phrase(doc.text, &toks, f.first, f.last),
            });
        }
    }
    let first_year = pending.iter().find_map(|p| explicit_year(p.expr));
    let day = published.or(dateline);
    let mut year_context = None;
    let mut ahead = Vec::with_capacity(pending.len());
    let dates = pending
        .into_iter()
        .map(|p| {
            if let Some(y) = explicit_year(p.expr) {
                year_context = Some(y);
            }
            let anchor = Anchor {
                day,
                year: year_context.or(first_year),
            };
            let text = doc.slice(p.span);
            let resolved = resolve::resolve(p.expr, &anchor, p.tense)
                .map(|r| qualify(r, p.lead.as_deref(), day));
            ahead.push(
                p.tense == tense::Tense::Future
                    || resolved.is_some_and(|r| day.is_some_and(|d| r.start() > d))
                    || text
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| tense::is_future_word(&w.to_ascii_lowercase())),
            );
            KeyDate {
                text: text.to_owned(),
                span: p.span,
                resolved: resolved.map(Resolved::render),
                event: p.event,
                sentence_span: p.sentence,
            }
        })
        .collect();
    Dated {
        dates,
        dateline,
        ahead,
    }
}

/// A resolved date as its opening word qualifies it: "since 2022" runs from then to the
/// anchor; "late October" is the month's last part.
fn qualify(r: Resolved, lead: Option<&str>, anchor: Option<NaiveDate>) -> Resolved {
    match (lead, anchor) {
        (Some("since"), Some(a)) if r.start() < a => Resolved::Range(r.start(), a),
        (Some(w @ ("late" | "early" | "mid")), _) => resolve::part_of_month(r, w),
        _ => r,
    }
}

fn explicit_year(e: Expr) -> Option<i32> {
    match e {
        Expr::Date { y, .. } | Expr::Month { y, .. } | Expr::Days { y, .. } => y,
        Expr::Year(y) => Some(y),
        _ => None,
    }
}

/// A dateline opens the first sentence: a place in capitals, a comma, a full date with year.
fn dateline_of(toks: &[Tok<'_>], found: &[Found]) -> Option<NaiveDate> {
    let f = found.first()?;
    let Expr::Date { y: Some(y), m, d } = f.expr else {
        return None;
    };
    let head = &toks[..f.first];
    let place_in_caps = head.first().is_some_and(|t| {
        t.s.len() >= 2 && t.s.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    });
    (place_in_caps && head.len() <= 6 && head.last().is_some_and(|t| t.s == ","))
        .then(|| NaiveDate::from_ymd_opt(y, m, d))
        .flatten()
}

/// The tokeniser the date scanner uses, shared with the open-question phrasing.
pub(crate) use scan::{Tok, tokens};
