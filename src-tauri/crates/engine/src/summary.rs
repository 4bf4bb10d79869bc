//! The bottom line (at most three verbatim sentences) and a title when the paste has none.
//!
//! Sentences are scored for centrality: how much of the article's cast they involve (each
//! party weighted by how often the article mentions it, or, before parties are known, the
//! capitalised names the article repeats), how many positions they carry, and a small bonus
//! for the lead, where news puts its point. Captions, questions and fragments are skipped.

use std::collections::HashMap;

use crate::model::{Extract, Party, Position, Span};
use crate::text::Doc;

/// At most this many sentences in the bottom line.
const MAX_SENTENCES: usize = 3;
/// A title drafted from a sentence keeps at most this many words.
const TITLE_WORDS: usize = 14;

/// True for a sentence worth quoting as the point of the article: a real clause, not a
/// caption ("US President Donald Trump and Russian President Vladimir Putin."), a heading or a
/// question.
fn is_statement(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let lower = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .count();
    words.len() >= 8 && lower >= 3 && !s.trim_end().ends_with('?')
}

/// Centrality score of each sentence.
fn scores(doc: &Doc<'_>, parties: &[Party], positions: &[Position]) -> Vec<f32> {
    let n = doc.sentences.len();
    let mut score = vec![0.0_f32; n];
    if parties.is_empty() {
        // Before parties are known: capitalised words the article repeats stand for its cast.
        let mut freq: HashMap<&str, u32> = HashMap::new();
        let mut per_sentence: Vec<Vec<&str>> = Vec::with_capacity(n);
        for &span in &doc.sentences {
            let mut names: Vec<&str> = doc
                .slice(span)
                .split_whitespace()
                .skip(1)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.len() > 2 && w.starts_with(char::is_uppercase))
                .collect();
            names.sort_unstable();
            names.dedup();
            for w in &names {
                *freq.entry(w).or_default() += 1;
            }
            per_sentence.push(names);
        }
        for (si, names) in per_sentence.iter().enumerate() {
            score[si] = names
                .iter()
                .map(|w| f32::ln(1.0 + freq[w] as f32) - f32::ln(2.0))
                .sum();
        }
    } else {
        for p in parties {
            let weight = f32::ln(1.0 + p.mentions.len() as f32);
            let mut last = None;
            for m in &p.mentions {
                if let Some(si) = doc.sentence_at(m.start)
                    && last != Some(si)
                {
                    score[si] += weight;
                    last = Some(si);
                }
            }
        }
    }
    for p in positions {
        if let Some(si) = doc.sentence_at(p.sentence_span.start) {
            score[si] += 0.5;
        }
    }
    let mut rank = 0;
    for (si, &span) in doc.sentences.iter().enumerate() {
        let text = doc.slice(span);
        if !is_statement(text) {
            score[si] = f32::NEG_INFINITY;
            continue;
        }
        // The lead carries the news: the first statements get a bonus that fades. Longer
        // sentences carry more of it than small talk ("You even said not to be late.").
        score[si] += [2.0, 1.0, 0.5].get(rank).copied().unwrap_or(0.0);
        score[si] += (text.split_whitespace().count().min(30) as f32) / 10.0;
        rank += 1;
        if text.starts_with(['“', '"', '«', '‘']) {
            score[si] -= 1.0;
        }
    }
    score
}

/// The bottom line: at most three verbatim sentences, in text order.
pub(crate) fn bottom_line(
    doc: &Doc<'_>,
    parties: &[Party],
    positions: &[Position],
) -> Vec<Extract> {
    let score = scores(doc, parties, positions);
    let mut order: Vec<usize> = (0..score.len()).filter(|&i| score[i].is_finite()).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
    order.truncate(MAX_SENTENCES);
    order.sort_unstable();
    let mut out: Vec<Extract> = order
        .into_iter()
        .map(|i| extract(doc, doc.sentences[i]))
        .collect();
    if out.is_empty()
        && let Some(&first) = doc.sentences.first()
    {
        out.push(extract(doc, first));
    }
    out
}

fn extract(doc: &Doc<'_>, span: Span) -> Extract {
    Extract {
        text: doc.slice(span).to_owned(),
        span,
    }
}

/// A title for a paste that has none: the opening words of the most central sentence, without
/// a dateline.
pub(crate) fn title(
    doc: &Doc<'_>,
    _parties: &[Party],
    _positions: &[Position],
    bottom_line: &[Extract],
) -> String {
    let Some(source) = bottom_line
        .first()
        .map(|e| e.text.as_str())
        .or_else(|| doc.sentences.first().map(|&s| doc.slice(s)))
    else {
        return "Untitled brief".to_owned();
    };
    // "DUBAI, June 9, 2023 (Reuters) Saudi Arabia …": the title starts after the agency.
    let source = match source.find(") ") {
        Some(k) if k < 60 && source[..k].contains(", ") => &source[k + 2..],
        _ => source,
    };
    let words: Vec<&str> = source.split_whitespace().collect();
    let mut t = words[..words.len().min(TITLE_WORDS)].join(" ");
    if words.len() > TITLE_WORDS {
        // Cut back to a clause boundary when one is near, else end with an ellipsis.
        if let Some(k) = t.rfind([',', ';', '—']).filter(|&k| k > t.len() / 2) {
            t.truncate(k);
        } else {
            t.push('…');
        }
    }
    let t = t
        .trim_end_matches(['.', ',', ';', ':', ' '])
        .replace(['“', '”', '"'], "");
    if t.is_empty() {
        "Untitled brief".to_owned()
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "US President Anna Berg and Prime Minister Tomas Varga.\n\n\
        Anna Berg said on Monday that Norway would host talks with Varga next month. \
        The weather was mild. \
        Varga said his government would attend the talks if Berg kept the agenda short. \
        Is that enough?";

    #[test]
    fn bottom_line_skips_captions_and_questions_and_keeps_text_order() {
        let doc = Doc::new(TEXT, 0);
        let bl = bottom_line(&doc, &[], &[]);
        assert!(!bl.is_empty() && bl.len() <= MAX_SENTENCES);
        for e in &bl {
            assert_eq!(&TEXT[e.span.range()], e.text);
            assert!(!e.text.ends_with('?'));
            assert!(!e.text.starts_with("US President Anna Berg and"));
        }
        assert!(bl.windows(2).all(|w| w[0].span.start < w[1].span.start));
        assert!(bl[0].text.starts_with("Anna Berg said on Monday"));
    }

    #[test]
    fn title_comes_from_the_lead_without_dateline() {
        let text = "VALLETTA, Oct. 7, 2025 (Harbour Wire) Delegations from the two coastal \
                    provinces walked out of ceasefire talks on Tuesday, a spokesperson said.";
        let doc = Doc::new(text, 0);
        let bl = bottom_line(&doc, &[], &[]);
        let t = title(&doc, &[], &[], &bl);
        assert!(
            t.starts_with("Delegations from the two coastal provinces"),
            "{t}"
        );
        assert!(t.split_whitespace().count() <= TITLE_WORDS + 1, "{t}");
        assert_eq!(title(&Doc::new("", 0), &[], &[], &[]), "Untitled brief");
    }
}
