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
}

/// One expression before resolution.
struct Pending {
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
            let t = match f.expr {
                _ if starting => tense::Tense::Future,
                // "a day before Trump is set to host": the verb after it decides.
                Expr::DaysAround(_) => tense::around(&toks, toks.len(), f.last),
                // "had until February 20 to submit": a deadline lies ahead, whatever its verb.
                _ if deadline => tense::Tense::Future,
                _ => tense::around(&toks, f.first, f.last),
            };
            pending.push(Pending {
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
            KeyDate {
                text: doc.slice(p.span).to_owned(),
                span: p.span,
                resolved: resolve::resolve(p.expr, &anchor, p.tense).map(Resolved::render),
                event: p.event,
                sentence_span: p.sentence,
            }
        })
        .collect();
    Dated { dates, dateline }
}

fn explicit_year(e: Expr) -> Option<i32> {
    match e {
        Expr::Date { y, .. } | Expr::Month { y, .. } => y,
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
