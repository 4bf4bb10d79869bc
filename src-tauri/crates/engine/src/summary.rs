//! The bottom line: two to four short lines up front — the principal actors' main positions,
//! then the main open point — and a title when the paste has none.
//!
//! Each line is a verbatim stretch of one sentence, so it traces back to the text: the
//! sentence of a principal actor's main position, cut after the position's words ("Trump
//! said he would meet Putin in Budapest", not the clause that follows), or the evidence of the
//! first open question. A dateline ("MOSCOW, May 20 (Reuters) -") and a wire's formula
//! ("OpenLife Nigeria gathers that") are cut off the front; a readout's opening formula ("…
//! spoke today with …") and background are never a line. An article without positions gets
//! its most central sentences instead, scored for how much of its cast they involve.

use std::collections::HashMap;

use crate::lexicon::WordClass;
use crate::model::{Extract, OpenQuestion, Party, Position, Span, Stance};
use crate::text::Doc;
use crate::tokens::{Class, Tokens};

/// Most lines in the bottom line.
const MAX_LINES: usize = 4;
/// Principal actors whose main position makes a line.
const ACTORS: usize = 3;
/// A title drafted from a sentence keeps at most this many words.
const TITLE_WORDS: usize = 14;
/// A line longer than this many words is cut at a clause break …
const LONG_WORDS: usize = 25;
/// … after at least this many.
const SHORT_WORDS: usize = 12;
/// Fewest words of a position that says something (not "I am here for your questions").
const MIN_WORDS: usize = 8;
/// How far into a sentence a dateline may reach (tokens).
const DATELINE_REACH: usize = 14;

/// True for a sentence worth quoting as the point of the article: a real clause, not a
/// caption ("US President Donald Trump and Russian President Vladimir Putin."), a heading or a
/// question.
fn is_statement(s: &str) -> bool {
    if s.trim_end().ends_with('?') {
        return false;
    }
    // Stop as soon as both counts are reached: a sentence can be the whole text (a line
    // without punctuation), and this runs once per position.
    let (mut words, mut lower) = (0, 0);
    for w in s.split_whitespace() {
        words += 1;
        lower += usize::from(w.starts_with(char::is_lowercase));
        if words >= 8 && lower >= 3 {
            return true;
        }
    }
    false
}

/// A readout's or wire's opening formula: it says a conversation happened, not what was said.
fn opening_formula(doc: &Doc<'_>, span: Span) -> bool {
    let words: Vec<String> = doc
        .slice(span)
        .split_whitespace()
        .take(25)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    crate::lexicon::is_opening_formula(&words)
}

/// Where the sentence at tokens `a..b` starts once a dateline ("DUBAI, June 9, 2023
/// (Reuters/NAN)", "PUTRAJAYA, Dec 18 —", "MOSCOW, May 20 (Reuters) -") or a wire's formula
/// ("… gathers that") is cut off: a byte offset.
fn body_start(doc: &Doc<'_>, tk: &Tokens, a: usize, b: usize, sentence: Span) -> usize {
    let mut start = sentence.start;
    let first = tk.word(doc, a);
    let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    if caps {
        // The dateline ends at its agency's closing bracket or its dash.
        let reach = b.min(a + DATELINE_REACH);
        if let Some(end) = (a + 1..reach).find(|&i| tk.is_punct(doc, i, &[')', '—', '–', '-']))
        {
            let mut j = end + 1;
            while j < b && tk.is_punct(doc, j, &['-', '—', '–']) {
                j += 1;
            }
            if let Some(t) = tk.toks.get(j).filter(|_| j < b) {
                start = t.span.start;
            }
        }
    }
    // "OpenLife Nigeria gathers that …": what the outlet gathered is the news.
    let (from, _) = token_range(tk, Span::new(start, sentence.end));
    for i in from..b.min(from + DATELINE_REACH) {
        if crate::lexicon::formula_role(tk.lower(i)) == Some("gathers")
            && tk.lower(i + 1) == "that"
            && i + 2 < b
        {
            start = tk.toks[i + 2].span.start;
            break;
        }
    }
    start
}

fn token_range(tk: &Tokens, span: Span) -> (usize, usize) {
    let a = tk.toks.partition_point(|t| t.span.start < span.start);
    let b = tk.toks.partition_point(|t| t.span.start < span.end);
    (a, b.max(a))
}

/// A line from `span` (a stretch of one sentence): cut at the first clause break after
/// [`SHORT_WORDS`] words when it runs long ("…, following what he described as …", "… —
/// though analysts warn …"), trimmed of a trailing comma.
fn line(doc: &Doc<'_>, tk: &Tokens, span: Span) -> Extract {
    let (a, b) = token_range(tk, span);
    let words = (a..b).filter(|&i| tk.is_word(i)).count();
    let mut span = span;
    if words > LONG_WORDS {
        let mut seen = 0;
        for i in a..b {
            if tk.is_word(i) {
                seen += 1;
                continue;
            }
            let breaks = tk.is_punct(doc, i, &[';', '—', '–', '('])
                || (tk.is_punct(doc, i, &[','])
                    && (matches!(
                        tk.class(i + 1),
                        Class::Closed(
                            WordClass::Conjunction
                                | WordClass::Subordinator
                                | WordClass::Relative
                                | WordClass::That
                        )
                    ) || tk.lower(i + 1).ends_with("ing")));
            if seen >= SHORT_WORDS && breaks {
                span = Span::new(span.start, tk.toks[i].span.start);
                break;
            }
        }
    }
    let text = doc.slice(span);
    let trimmed = text.trim_end_matches([',', ';', ':', ' ', '—', '–']);
    let span = Span::new(span.start, span.start + trimmed.len());
    Extract {
        text: doc.slice(span).to_owned(),
        span,
    }
}

/// The bottom line: the principal actors' main positions, then the main open point; an
/// article without positions gets its most central sentences.
pub(crate) fn bottom_line(
    doc: &Doc<'_>,
    tk: &Tokens,
    parties: &[Party],
    positions: &[Position],
    questions: &[OpenQuestion],
) -> Vec<Extract> {
    let mut used: Vec<usize> = Vec::new();
    let mut out: Vec<Extract> = Vec::new();
    for p in main_positions(doc, positions) {
        let Some(si) = doc.sentence_at(p.content_span.start) else {
            continue;
        };
        if used.contains(&si) {
            continue;
        }
        let sentence = doc.sentences[si];
        let (a, b) = tk.sentences[si];
        let start = body_start(doc, tk, a, b, sentence);
        // Cut after the position's own words (and its cue and source, when they follow).
        let end = [
            Some(p.content_span.end),
            p.cue_span.map(|c| c.end),
            p.source_span.map(|s| s.end),
        ]
        .into_iter()
        .flatten()
        .map(|e| e.min(sentence.end))
        .max()
        .unwrap_or(sentence.end);
        let end = extend_to_word_end(doc, end, sentence.end);
        if end <= start {
            continue;
        }
        used.push(si);
        out.push(line(doc, tk, Span::new(start, end)));
        if out.len() >= ACTORS {
            break;
        }
    }
    // The actors' lines in text order: news and readouts put the point first.
    out.sort_by_key(|e| e.span.start);
    // The main open point.
    if let Some(q) = questions.first()
        && let Some(si) = doc.sentence_at(q.evidence_span.start)
        && !used.contains(&si)
        && out.len() < MAX_LINES
    {
        let sentence = doc.sentences[si];
        let (a, b) = tk.sentences[si];
        let start = body_start(doc, tk, a, b, sentence);
        if !opening_formula(doc, sentence) && start < sentence.end {
            used.push(si);
            out.push(line(doc, tk, Span::new(start, sentence.end)));
        }
    }
    if out.len() < 2 {
        for si in central_sentences(doc, parties, positions) {
            if out.len() >= 2 {
                break;
            }
            if used.contains(&si) {
                continue;
            }
            let sentence = doc.sentences[si];
            let (a, b) = tk.sentences[si];
            let start = body_start(doc, tk, a, b, sentence);
            used.push(si);
            out.push(line(doc, tk, Span::new(start, sentence.end)));
        }
    }
    if out.is_empty()
        && let Some(&first) = doc.sentences.first()
    {
        out.push(line(doc, tk, first));
    }
    out
}

/// A quotation's closing mark after the cut stays with it.
fn extend_to_word_end(doc: &Doc<'_>, end: usize, limit: usize) -> usize {
    let rest = doc.text.get(end..limit).unwrap_or("");
    let closing: usize = rest
        .chars()
        .take_while(|c| matches!(c, '"' | '”' | '’' | '\''))
        .map(char::len_utf8)
        .sum();
    end + closing
}

/// The main position of each principal actor (the speakers with the most positions, at most
/// [`ACTORS`]), most positions first: its first position in the text that takes a stance
/// and says something (news leads with its point), over a bare report or small talk.
/// Positions in an opening formula or in a sentence that is no statement are never main.
fn main_positions<'p>(doc: &Doc<'_>, positions: &'p [Position]) -> Vec<&'p Position> {
    let actor = |p: &'p Position| p.party.as_deref().unwrap_or(&p.speaker);
    // (actor, positions, first position), indexed by actor: a long text has many actors.
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, p) in positions.iter().enumerate() {
        if p.speaker.starts_with("unnamed reporter") {
            continue;
        }
        let a = actor(p);
        let k = *index.entry(a).or_insert_with(|| {
            counts.push((a, 0, i));
            counts.len() - 1
        });
        counts[k].1 += 1;
    }
    counts.sort_by(|x, y| y.1.cmp(&x.1).then(x.2.cmp(&y.2)));
    let usable = |p: &Position| {
        let s = p.sentence_span;
        !opening_formula(doc, s) && is_statement(doc.slice(s))
    };
    counts
        .iter()
        .take(ACTORS)
        .filter_map(|(a, _, _)| {
            positions
                .iter()
                .enumerate()
                .filter(|(_, p)| actor(p) == *a && usable(p))
                .max_by_key(|(i, p)| {
                    // At least MIN_WORDS words, without counting all of a long content.
                    let says = p.text.split_whitespace().nth(MIN_WORDS - 1).is_some();
                    let on_issue = p.issue_id.is_some();
                    (
                        p.stance != Stance::Neutral && says,
                        on_issue,
                        std::cmp::Reverse(*i),
                    )
                })
                .map(|(_, p)| p)
        })
        .collect()
}

/// Sentences by centrality: how much of the article's cast they involve (each party weighted
/// by how often the article mentions it), how many positions they carry, and a bonus for the
/// lead; captions, questions, fragments and opening formulas are skipped.
fn central_sentences(doc: &Doc<'_>, parties: &[Party], positions: &[Position]) -> Vec<usize> {
    let score = scores(doc, parties, positions);
    let mut order: Vec<usize> = (0..score.len()).filter(|&i| score[i].is_finite()).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
    order
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
        if !is_statement(text) || opening_formula(doc, span) {
            score[si] = f32::NEG_INFINITY;
            continue;
        }
        // The lead carries the news: the first statements get a bonus that fades.
        score[si] += [2.0, 1.0, 0.5].get(rank).copied().unwrap_or(0.0);
        score[si] += (text.split_whitespace().count().min(30) as f32) / 10.0;
        rank += 1;
        if text.starts_with(['“', '"', '«', '‘']) {
            score[si] -= 1.0;
        }
    }
    score
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
    fn without_positions_the_central_sentences_make_it() {
        let doc = Doc::new(TEXT, 0);
        let tk = Tokens::new(&doc);
        let bl = bottom_line(&doc, &tk, &[], &[], &[]);
        assert!((1..=MAX_LINES).contains(&bl.len()));
        for e in &bl {
            assert_eq!(&TEXT[e.span.range()], e.text);
            assert!(!e.text.ends_with('?'));
            assert!(!e.text.starts_with("US President Anna Berg and"));
        }
        assert!(bl[0].text.starts_with("Anna Berg said on Monday"));
    }

    #[test]
    fn a_dateline_is_cut_off_the_line_and_the_title() {
        let text = "VALLETTA, Oct. 7, 2025 (Harbour Wire) Delegations from the two coastal \
                    provinces walked out of ceasefire talks on Tuesday, a spokesperson said.";
        let doc = Doc::new(text, 0);
        let tk = Tokens::new(&doc);
        let bl = bottom_line(&doc, &tk, &[], &[], &[]);
        assert!(bl[0].text.starts_with("Delegations from"), "{bl:?}");
        let t = title(&doc, &[], &[], &bl);
        assert!(
            t.starts_with("Delegations from the two coastal provinces"),
            "{t}"
        );
        assert!(t.split_whitespace().count() <= TITLE_WORDS + 1, "{t}");
        assert_eq!(title(&Doc::new("", 0), &[], &[], &[]), "Untitled brief");
    }
}
