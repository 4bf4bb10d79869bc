//! The cue table (`data/questions_cues.tsv`): words and short phrases that make a sentence
//! raise an open question, each with a kind and a weight.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::dates::Tok;
use crate::lexicon;
use crate::model::QuestionKind;

/// One cue: its words (lower case), kind and weight.
#[derive(Debug)]
pub(super) struct Cue {
    words: Vec<&'static str>,
    pub kind: QuestionKind,
    pub weight: f32,
}

fn kind_of(s: &str) -> Option<QuestionKind> {
    Some(match s {
        "pending_decision" => QuestionKind::PendingDecision,
        "scheduled_event" => QuestionKind::ScheduledEvent,
        "contested" => QuestionKind::Contested,
        "uncertain_outcome" => QuestionKind::UncertainOutcome,
        "unknown_fact" => QuestionKind::UnknownFact,
        _ => return None,
    })
}

/// Cues by first word, so a token finds its candidates with one hash lookup.
static CUES: LazyLock<HashMap<&'static str, Vec<Cue>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Cue>> = HashMap::new();
    for line in lexicon::entries(include_str!("../../data/questions_cues.tsv")) {
        let mut cols = line.split('\t');
        let (Some(phrase), Some(kind), Some(weight)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let (Some(kind), Ok(weight)) = (kind_of(kind.trim()), weight.trim().parse()) else {
            continue;
        };
        let words: Vec<&str> = phrase.split(' ').collect();
        map.entry(words[0]).or_default().push(Cue {
            words,
            kind,
            weight,
        });
    }
    map
});

/// Every cue that matches in `lower` (the sentence's tokens, lower-cased), with its position.
pub(super) fn matches<S: AsRef<str>>(lower: &[S]) -> Vec<(usize, &'static Cue)> {
    let cues: &'static HashMap<&'static str, Vec<Cue>> = &CUES;
    let mut out = Vec::new();
    for (i, w) in lower.iter().enumerate() {
        let Some(list) = cues.get(w.as_ref()) else {
            continue;
        };
        for c in list {
            let fits = c
                .words
                .iter()
                .enumerate()
                .all(|(k, cw)| lower.get(i + k).is_some_and(|t| t.as_ref() == *cw));
            if fits {
                out.push((i, c));
            }
        }
    }
    out
}

/// Lower-cased token strings (apostrophes are tokens of their own, so "’ll" is "’", "ll").
pub(super) fn lower(toks: &[Tok<'_>]) -> Vec<String> {
    toks.iter()
        .map(|t| {
            if t.s.is_ascii() {
                t.s.to_ascii_lowercase()
            } else {
                t.s.to_lowercase()
            }
        })
        .collect()
}
