//! Open questions: what is unresolved, phrased as an analyst would ask it.
//!
//! Each sentence is scored by its cues (`data/questions_cues.tsv`: hedges, futures,
//! conditionals, "whether", scheduling words, warnings), the parties it involves and the
//! forward-looking dates in it; a sentence that scores enough and can be phrased becomes a
//! candidate. Positions add contested questions where parties take opposite stances on one
//! issue. Candidates are merged when they ask the same thing, ranked by score, and capped
//! (2–6, by article length). Every step is linear in the text; only the capped shortlist is
//! compared pairwise.

mod cues;
mod phrase;

use std::collections::HashMap;

use crate::dates;
use crate::model::{KeyDate, OpenQuestion, Party, PartyKind, Position, QuestionKind, Span, Stance};
use crate::text::Doc;

/// A sentence must score this much to raise a question.
const MIN_SCORE: f32 = 3.0;
/// Weaker sentences may still fill the list up to two questions.
const FILL_SCORE: f32 = 2.0;
/// Cue weights beyond this add nothing: one hedge-laden sentence should not dominate.
const MAX_CUE_SCORE: f32 = 6.0;
/// Most questions a brief gets, however long the article.
const MAX_QUESTIONS: usize = 6;
/// Words in dates that look ahead ("within two weeks", "soon", "next month").
const FORWARD: &[&str] = &[
    "within", "soon", "next", "later", "coming", "tomorrow", "upcoming", "shortly",
];

/// Modals that put a fixed date in the future of the sentence.
const MODALS: &[&str] = &["will", "would", "could", "may", "might", "shall"];

struct Candidate {
    q: OpenQuestion,
    score: f32,
    /// A forward date's resolution: two questions about the same coming day are one.
    when: Option<String>,
    sentence: usize,
}

/// Finds the open questions of `doc`, most salient first.
pub(crate) fn extract(
    doc: &Doc<'_>,
    parties: &[Party],
    positions: &[Position],
    dates: &[KeyDate],
) -> Vec<OpenQuestion> {
    let n = doc.sentences.len();
    let mut sentence_parties: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut person_mentions: Vec<(usize, usize)> = Vec::new();
    for (pi, p) in parties.iter().enumerate() {
        for m in &p.mentions {
            if let Some(si) = doc.sentence_at(m.start)
                && !sentence_parties[si].contains(&pi)
            {
                sentence_parties[si].push(pi);
            }
            if p.kind == PartyKind::Person {
                person_mentions.push((m.start, pi));
            }
        }
    }
    person_mentions.sort_unstable();
    let mut positions_of: Vec<Vec<(Span, Option<Span>, &str)>> = vec![Vec::new(); n];
    for p in positions {
        if let Some(si) = doc.sentence_at(p.sentence_span.start) {
            positions_of[si].push((p.content_span, p.source_span, p.speaker.as_str()));
        }
    }
    let mut forward: Vec<Option<String>> = vec![None; n];
    let mut dated = vec![false; n];
    // Whether a sentence has a modal, computed once per sentence (a sentence may hold many dates).
    let mut has_modal: Vec<Option<bool>> = vec![None; n];
    for d in dates {
        if let Some(si) = doc.sentence_at(d.span.start) {
            dated[si] = true;
            let lower = d.text.to_lowercase();
            // Forward-looking: the date says so ("within two weeks"), or a modal in its
            // sentence puts a fixed date ahead ("could meet … on August 17").
            let modal = d.resolved.is_some()
                && *has_modal[si].get_or_insert_with(|| {
                    doc.slice(doc.sentences[si])
                        .split_whitespace()
                        .any(|w| MODALS.contains(&w.to_lowercase().as_str()))
                });
            if modal || FORWARD.iter().any(|w| lower.contains(w)) {
                forward[si] = Some(d.resolved.clone().unwrap_or_else(|| lower.clone()));
            }
        }
    }

    let mut cands = Vec::new();
    for (si, &span) in doc.sentences.iter().enumerate() {
        let toks = dates::tokens(doc.text, span);
        let lower = cues::lower(&toks);
        let matched = cues::matches(&lower);
        let mut by_kind: HashMap<QuestionKind, f32> = HashMap::new();
        for (_, c) in &matched {
            *by_kind.entry(c.kind).or_default() += c.weight;
        }
        let cue_score: f32 = by_kind.values().sum::<f32>().min(MAX_CUE_SCORE);
        let involved = sentence_parties[si].len().min(3) as f32;
        let mut score = cue_score + 0.5 * involved;
        if forward[si].is_some() {
            score += 1.5;
        } else if dated[si] {
            score += 0.5;
        }
        if toks.last().is_some_and(|t| t.s == "?") {
            score += 2.5;
        }
        if score < FILL_SCORE {
            continue;
        }
        // A "he"/"she" subject stands for its position's speaker, else the last person named.
        let last_person = {
            let k = person_mentions.partition_point(|&(s, _)| s < span.start);
            k.checked_sub(1)
                .map(|k| parties[person_mentions[k].1].name.as_str())
        };
        let ctx = phrase::Context {
            positions: std::mem::take(&mut positions_of[si]),
            last_person,
        };
        let Some(phrased) = phrase::phrase(doc.text, &toks, &lower, &ctx) else {
            continue;
        };
        let contested = by_kind
            .get(&QuestionKind::Contested)
            .copied()
            .unwrap_or(0.0);
        let kind = if contested >= 2.0 {
            QuestionKind::Contested
        } else if forward[si].is_some() && phrased.kind != QuestionKind::UnknownFact {
            QuestionKind::ScheduledEvent
        } else {
            phrased.kind
        };
        // Disagreement is what an analyst tracks first.
        let score = if kind == QuestionKind::Contested {
            score + 1.0
        } else {
            score
        };
        cands.push(Candidate {
            q: OpenQuestion {
                question: phrased.text,
                kind,
                evidence_span: span,
                parties: sentence_parties[si]
                    .iter()
                    .map(|&pi| parties[pi].id.clone())
                    .collect(),
            },
            score,
            when: forward[si].clone(),
            sentence: si,
        });
    }
    contested(doc, parties, positions, &sentence_parties, &mut cands);
    select(cands, n)
}

/// Questions from positions: parties taking opposite stances on the same issue.
fn contested(
    doc: &Doc<'_>,
    parties: &[Party],
    positions: &[Position],
    sentence_parties: &[Vec<usize>],
    cands: &mut Vec<Candidate>,
) {
    let mut by_issue: HashMap<String, Vec<&Position>> = HashMap::new();
    for p in positions {
        let issue = p.issue.trim().to_lowercase();
        if !issue.is_empty() {
            by_issue.entry(issue).or_default().push(p);
        }
    }
    let mut issues: Vec<_> = by_issue.into_iter().collect();
    issues.sort_by_key(|(_, ps)| ps[0].content_span.start);
    for (_, ps) in issues {
        let against = ps.iter().find(|p| p.stance == Stance::Oppose);
        let towards = ps
            .iter()
            .find(|p| matches!(p.stance, Stance::Support | Stance::Conditional));
        let (Some(a), Some(b)) = (against, towards) else {
            continue;
        };
        if a.speaker == b.speaker {
            continue;
        }
        let Some(si) = doc.sentence_at(a.sentence_span.start) else {
            continue;
        };
        if let Some(c) = cands.iter_mut().find(|c| c.sentence == si) {
            c.q.kind = QuestionKind::Contested;
            c.score += 1.0;
            continue;
        }
        let question = format!(
            "Will {} and {} reconcile their positions on {}?",
            b.speaker, a.speaker, a.issue
        );
        let ids = |p: &Position| p.party.clone();
        let mut ps_ids: Vec<String> = [ids(b), ids(a)].into_iter().flatten().collect();
        for &pi in &sentence_parties[si] {
            if !ps_ids.contains(&parties[pi].id) {
                ps_ids.push(parties[pi].id.clone());
            }
        }
        cands.push(Candidate {
            q: OpenQuestion {
                question,
                kind: QuestionKind::Contested,
                evidence_span: Span::new(
                    a.sentence_span.start.min(b.sentence_span.start),
                    a.sentence_span.end.max(b.sentence_span.end),
                )
                .min_sentence(a.sentence_span),
                parties: ps_ids,
            },
            score: 4.0,
            when: None,
            sentence: si,
        });
    }
}

/// Content words of a question, for spotting two that ask the same thing.
fn content_words(q: &str) -> Vec<String> {
    let mut v: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn same_question(a: &[String], b: &[String]) -> bool {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let union = a.len() + b.len() - shared;
    union > 0 && shared * 2 >= union
}

/// Ranks, merges duplicates and caps the list by article length.
fn select(mut cands: Vec<Candidate>, sentences: usize) -> Vec<OpenQuestion> {
    cands.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.sentence.cmp(&b.sentence))
    });
    let cap = (sentences / 5 + 1).clamp(2, MAX_QUESTIONS);
    let mut kept: Vec<(Candidate, Vec<String>)> = Vec::new();
    for c in cands {
        if kept.len() >= cap {
            break;
        }
        if c.score < MIN_SCORE && kept.len() >= 2 {
            break;
        }
        let words = content_words(&c.q.question);
        let duplicate = kept.iter().any(|(k, w)| {
            k.sentence == c.sentence
                || (c.when.is_some() && k.when == c.when)
                || same_question(w, &words)
        });
        if !duplicate {
            kept.push((c, words));
        }
    }
    kept.into_iter().map(|(c, _)| c.q).collect()
}

trait MinSentence {
    fn min_sentence(self, fallback: Span) -> Span;
}

impl MinSentence for Span {
    /// Two positions far apart make a long evidence span; then the opposing sentence alone is
    /// clearer.
    fn min_sentence(self, fallback: Span) -> Span {
        if self.len() > 600 { fallback } else { self }
    }
}
