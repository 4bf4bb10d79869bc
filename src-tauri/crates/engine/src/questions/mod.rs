//! Open questions: the three to five things an analyst would ask after reading the article,
//! each phrased as a question with its evidence sentence.
//!
//! Every sentence is scored once ([`score`]): the cues that make it raise a question
//! (`data/questions_cues.tsv`: "whether", "expected to", "plans", "concern", "unless" …),
//! the positions it carries and their stances (a rejection, a hedge or a condition is what
//! stays open), the forward-looking dates in it, and whether it asks a question itself. The
//! opening formula of a readout ("… spoke today with …") and sentences that only report
//! what happened raise none. The best sentences are phrased ([`phrase`]: the sentence's own
//! words moved into a question, names resolved), or, where no construction fits, asked
//! about the issue they belong to ("Will the Budapest summit take place?"). Parties taking
//! opposite stances on one issue make a contested question. Candidates asking the same
//! thing are merged and the list is capped by article length. Every step is linear in the
//! text; only the short list is phrased and compared pairwise.

mod cues;
mod phrase;

use crate::dates;
use crate::issues;
use crate::model::{Issue, OpenQuestion, Party, PartyKind, Position, QuestionKind, Stance};
use crate::text::Doc;
use crate::tokens::{Class, Tokens};

/// A sentence must score this much to raise a question.
const MIN_SCORE: f32 = 1.0;
/// Cue weights beyond this add nothing: one hedge-laden sentence should not dominate.
const MAX_CUE_SCORE: f32 = 5.0;
/// A sentence this strong raises a question even when only its topic can be asked about.
const STRONG: f32 = 3.0;
/// Fewest words in a sentence that raises a question.
const MIN_WORDS: usize = 6;

struct Candidate {
    q: OpenQuestion,
    /// A forward date's resolution: two questions about the same coming day are one.
    when: Option<String>,

    sentence: usize,
}

/// What a sentence brings to the ranking.
struct Scored {
    score: f32,
    kind: Option<QuestionKind>,
    forward: Option<String>,
}

/// Finds the open questions of `doc`, most salient first.
#[allow(clippy::too_many_arguments)] // the stages whose results a question reads
pub(crate) fn extract(
    doc: &Doc<'_>,
    tk: &Tokens,
    topics: &issues::Terms<'_>,
    parties: &[Party],
    positions: &[Position],
    issues: &[Issue],
    dated: &dates::Dated,
) -> Vec<OpenQuestion> {
    let n = doc.sentences.len();
    let ctx = Sentences::new(doc, parties, positions, dated);
    let mut ranked: Vec<(usize, Scored)> = (0..n)
        .filter_map(|si| {
            let s = score(doc, tk, &ctx, si);
            (s.score >= MIN_SCORE).then_some((si, s))
        })
        .collect();
    contested(&ctx, positions, issues, &mut ranked);
    ranked.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
    let cap = cap(n);
    let mut kept: Vec<(Candidate, Vec<String>)> = Vec::new();
    for (si, s) in ranked {
        if kept.len() >= cap {
            break;
        }
        if kept
            .iter()
            .any(|(k, _)| k.sentence == si || (s.forward.is_some() && k.when == s.forward))
        {
            continue;
        }
        let Some(c) = ask(doc, tk, topics, parties, positions, issues, &ctx, si, s) else {
            continue;
        };
        let words = content_words(&c.q.question);
        if kept.iter().any(|(_, w)| same_question(w, &words)) {
            continue;
        }
        kept.push((c, words));
    }
    kept.into_iter().map(|(c, _)| c.q).collect()
}

/// How many questions an article of `sentences` sentences gets: three for a note of a few
/// lines, four for a short readout, five (the most an analyst wants) for anything longer.
fn cap(sentences: usize) -> usize {
    match sentences {
        0..=5 => 3,
        6..=9 => 4,
        _ => 5,
    }
}

/// Per-sentence facts the scoring reads: parties named, positions carried, dates.
struct Sentences<'a> {
    parties_in: Vec<Vec<usize>>,
    positions_in: Vec<Vec<usize>>,
    forward: Vec<Option<String>>,
    dated: Vec<bool>,
    person_mentions: Vec<(usize, usize)>,
    stances: Vec<Stance>,
    doc: &'a Doc<'a>,
}

impl<'a> Sentences<'a> {
    fn new(
        doc: &'a Doc<'a>,
        parties: &[Party],
        positions: &[Position],
        dated: &dates::Dated,
    ) -> Self {
        let n = doc.sentences.len();
        let mut parties_in: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut person_mentions = Vec::new();
        for (pi, p) in parties.iter().enumerate() {
            for m in &p.mentions {
                if let Some(si) = doc.sentence_at(m.start)
                    && !parties_in[si].contains(&pi)
                {
                    parties_in[si].push(pi);
                }
                if p.kind == PartyKind::Person {
                    person_mentions.push((m.start, pi));
                }
            }
        }
        person_mentions.sort_unstable();
        let mut positions_in: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, p) in positions.iter().enumerate() {
            if let Some(si) = doc.sentence_at(p.content_span.start) {
                positions_in[si].push(i);
            }
        }
        let mut forward = vec![None; n];
        let mut has_date = vec![false; n];
        for (d, &ahead) in dated.dates.iter().zip(&dated.ahead) {
            if let Some(si) = doc.sentence_at(d.span.start) {
                has_date[si] = true;
                if ahead {
                    forward[si] = Some(d.resolved.clone().unwrap_or_else(|| d.text.to_lowercase()));
                }
            }
        }
        Self {
            stances: positions.iter().map(|p| p.stance).collect(),
            parties_in,
            positions_in,
            forward,
            dated: has_date,
            person_mentions,
            doc,
        }
    }

    /// The last person named before byte `at`.
    fn last_person<'p>(&self, parties: &'p [Party], at: usize) -> Option<&'p str> {
        let k = self.person_mentions.partition_point(|&(s, _)| s < at);
        k.checked_sub(1)
            .map(|k| parties[self.person_mentions[k].1].name.as_str())
    }
}

/// The score of sentence `si` and the kind of question its cues suggest.
fn score(doc: &Doc<'_>, tk: &Tokens, ctx: &Sentences<'_>, si: usize) -> Scored {
    let (a, b) = tk.sentences[si];
    let words: Vec<&str> = (a..b).map(|i| tk.lower(i)).collect();
    let word_count = (a..b).filter(|&i| tk.is_word(i)).count();
    let none = Scored {
        score: 0.0,
        kind: None,
        forward: None,
    };
    if word_count < MIN_WORDS || opening_formula(&words) {
        return none;
    }
    let mut by_kind: Vec<(QuestionKind, f32)> = Vec::new();
    for (_, c) in cues::matches(&words) {
        match by_kind.iter_mut().find(|(k, _)| *k == c.kind) {
            Some((_, w)) => *w += c.weight,
            None => by_kind.push((c.kind, c.weight)),
        }
    }
    let cue_score = by_kind
        .iter()
        .map(|(_, w)| w)
        .sum::<f32>()
        .min(MAX_CUE_SCORE);
    let kind = by_kind
        .iter()
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(k, _)| *k);
    let mut score = cue_score + 0.25 * ctx.parties_in[si].len().min(4) as f32;
    score += 1.0 * ctx.positions_in[si].len().min(2) as f32;
    if ctx.forward[si].is_some() {
        score += 1.5;
    } else if ctx.dated[si] {
        score += 0.25;
    }
    // A question the text asks (a reporter's, in a briefing) is often small talk: a little.
    if asks_itself(doc, tk, a, b) {
        score += 0.5;
    }
    // Longer sentences carry more of the story.
    score += (word_count.saturating_sub(15).min(30) as f32) / 15.0;
    // A rejection, a hedge or a condition is what stays open.
    if ctx.positions_in[si].iter().any(|&i| {
        matches!(
            ctx.stances[i],
            Stance::Oppose | Stance::Uncertain | Stance::Conditional
        )
    }) {
        score += 0.5;
    }
    Scored {
        score,
        kind,
        forward: ctx.forward[si].clone(),
    }
}

/// The opening formula of a readout or a wire ("The President spoke today with …", "…
/// gathers that …"): it says a conversation happened, not what is open.
fn opening_formula(words: &[&str]) -> bool {
    crate::lexicon::is_opening_formula(words)
        || words
            .windows(2)
            .any(|w| crate::lexicon::formula_role(w[0]) == Some("gathers") && w[1] == "that")
}

/// The sentence asks a question itself ("Is that the last thing that needs to be done?").
fn asks_itself(doc: &Doc<'_>, tk: &Tokens, a: usize, b: usize) -> bool {
    let last = (a..b)
        .rev()
        .find(|&i| tk.class(i) != Class::Punct || !tk.is_punct(doc, i, &['"', '”', '’', ')']));
    last.is_some_and(|i| tk.is_punct(doc, i, &['?']))
}

/// Parties taking opposite stances on one issue: the opposing position's sentence is
/// contested (its score rises), or enters the ranking if it was not there.
fn contested(
    ctx: &Sentences<'_>,
    positions: &[Position],
    issues: &[Issue],
    ranked: &mut Vec<(usize, Scored)>,
) {
    for issue in issues {
        let on = |p: &&Position| p.issue_id.as_deref() == Some(issue.id.as_str());
        let against = positions
            .iter()
            .filter(on)
            .find(|p| p.stance == Stance::Oppose);
        let towards = positions
            .iter()
            .filter(on)
            .find(|p| matches!(p.stance, Stance::Support | Stance::Conditional));
        let (Some(a), Some(b)) = (against, towards) else {
            continue;
        };
        if a.speaker == b.speaker {
            continue;
        }
        let Some(si) = ctx.doc.sentence_at(a.sentence_span.start) else {
            continue;
        };
        match ranked.iter_mut().find(|(s, _)| *s == si) {
            Some((_, s)) => {
                s.score += 1.0;
                s.kind = Some(QuestionKind::Contested);
            }
            None => ranked.push((
                si,
                Scored {
                    score: MIN_SCORE + 0.5,
                    kind: Some(QuestionKind::Contested),
                    forward: None,
                },
            )),
        }
    }
}

/// The question sentence `si` raises: phrased from its words, else asked about its issue.
#[allow(clippy::too_many_arguments)]
fn ask(
    doc: &Doc<'_>,
    tk: &Tokens,
    topics: &issues::Terms<'_>,
    parties: &[Party],
    positions: &[Position],
    issues: &[Issue],
    ctx: &Sentences<'_>,
    si: usize,
    s: Scored,
) -> Option<Candidate> {
    let span = doc.sentences[si];
    let toks = dates::tokens(doc.text, span);
    let lower = cues::lower(&toks);
    let here: Vec<&Position> = ctx.positions_in[si]
        .iter()
        .map(|&i| &positions[i])
        .collect();
    let pctx = phrase::Context {
        positions: here
            .iter()
            .map(|p| (p.content_span, p.source_span, p.speaker.as_str()))
            .collect(),
        last_person: ctx.last_person(parties, span.start),
        parties,
    };
    let phrased = phrase::phrase(doc.text, &toks, &lower, &pctx)
        .or_else(|| phrase::about_issue(&here, issues, s.kind))
        .or_else(|| phrase::about_position(&here, issues, parties))
        .or_else(|| {
            let p = here.first()?;
            let np = issues::topic_phrase(doc, tk, topics, p.content_span)?;
            phrase::about_phrase(p, &np, parties)
        })
        .or_else(|| {
            // A strong sentence with no position: ask what follows from its main topic.
            if s.score < STRONG {
                return None;
            }
            let np = issues::topic_phrase(doc, tk, topics, span)?;
            phrase::about_topic(&np, s.kind)
        });
    let phrased = phrased?;
    let kind = match s.kind {
        Some(QuestionKind::Contested) => QuestionKind::Contested,
        _ if s.forward.is_some() && phrased.kind != QuestionKind::UnknownFact => {
            QuestionKind::ScheduledEvent
        }
        _ => phrased.kind,
    };
    Some(Candidate {
        q: OpenQuestion {
            question: phrased.text,
            kind,
            evidence_span: span,
            parties: ctx.parties_in[si]
                .iter()
                .map(|&pi| parties[pi].id.clone())
                .collect(),
        },
        when: s.forward,
        sentence: si,
    })
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
