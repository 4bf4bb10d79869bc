//! Positions: attributions (quotes and paraphrases) resolved to their speakers.
//!
//! One pass over the sentences: each sentence's first cue with a source phrase gives a
//! position ([`attribution`]); content that lies inside quotation marks becomes a quote (the
//! whole quotation, even across sentences); a sentence that opens with a quotation nobody was
//! credited with continues the previous speaker's quote ("“A,” he said. “B.”"). Speakers are
//! resolved to parties in the same text-order pass ([`speaker`]).

mod attribution;
mod content;
mod forms;
mod issuer;
mod joint;
mod quotes;
mod source;
mod speaker;
mod stance;
mod statement;
mod transcript;

use crate::lexicon;
use crate::model::{PartyKind, Position, PositionKind, Span, Stance};
use crate::parties::PartyTable;
use crate::text::{Doc, trim};
use crate::tokens::Tokens;

use attribution::{Content, View};
use quotes::Quote;
use transcript::Who;

use crate::header::Issuer;

/// A position before its speaker's party id is known.
struct Raw {
    kind: PositionKind,
    content: Span,
    cue: Span,
    source: Span,
    stance: Stance,
    sentence: Span,
    party: usize,
    speaker: String,
}

/// Finds the positions of `doc`, adding speakers that are not yet parties.
pub(crate) fn extract(
    doc: &Doc<'_>,
    tk: &Tokens,
    parties: &mut PartyTable,
    issuer: Option<Issuer>,
) -> Vec<Position> {
    let quotes = quotes::find(doc);
    let mut used = vec![false; quotes.len()];
    let view = View { doc, tk };
    let mut raws: Vec<Raw> = Vec::new();
    // The issuer named in the title speaks every sentence nobody else is credited with.
    let mut speaker_of_text = issuer.and_then(|i| issuer::party(doc, parties, i));
    let issuer_name = issuer.and_then(|i| i.name).map(|n| doc.slice(n));
    let in_quote = |pos: Span| quote_at(&quotes, pos.start).is_some();
    // A transcript turn ("MR MILLER: …") runs to the end of its paragraph.
    let mut turn_end = 0;
    // The group speaking in a collective statement, from its opener on.
    let mut statement: Option<(usize, Span, Span)> = None;
    for (si, &(a, b)) in tk.sentences.iter().enumerate() {
        let sentence = doc.sentences[si];
        // Vox-pop quotations signed with a dash and a name ("“…” ― Jane Doe"), one per line:
        // a line break does not end a sentence, so one sentence may hold the end of one and
        // the start of the next.
        let mut signed = false;
        while let Some((qi, cue, source)) = signed_quote(
            doc,
            &quotes,
            &used,
            Span::new(sentence.start.max(turn_end), sentence.end),
        ) {
            used[qi] = true;
            signed = true;
            turn_end = source.end;
            let content = cap(doc, quotes[qi].inner);
            let (party, speaker) =
                speaker::resolve(doc, parties, source, raws.last().map(|r| r.party));
            raws.push(Raw {
                kind: PositionKind::Quote,
                content,
                cue,
                source,
                stance: stance::of(doc, Stance::Neutral, content),
                sentence: Span::new(quotes[qi].open.start, source.end),
                party,
                speaker,
            });
        }
        if signed {
            continue;
        }
        if sentence.start < turn_end {
            continue;
        }
        if let Some(turn) = transcript::turn(&view, a, b, issuer_name) {
            let para = doc.paragraphs[doc.sentence_paragraph[si]];
            // A reporter's question is its own paragraph when the issuer's answers carry no
            // label; otherwise a turn runs on until the next label.
            turn_end = if turn.who == Who::Questioner && issuer.is_some() {
                para.end
            } else {
                turn_extent(&view, si, issuer_name)
            };
            let (party, speaker) = match (turn.who, speaker_of_text) {
                (Who::Issuer, Some((p, _, _))) => (p, parties.drafts[p].name.clone()),
                _ => transcript::speaker(doc, parties, turn.label, turn.who),
            };
            // In the issuer's own transcript every sentence is a position (one point each);
            // a news transcript's turn is one position.
            let per_sentence = issuer.is_some();
            for sj in si..doc.sentences.len() {
                let s = doc.sentences[sj];
                if s.start >= turn_end || (sj > si && !per_sentence) {
                    break;
                }
                let from = if sj == si {
                    turn.content_start
                } else {
                    s.start
                };
                let end = if per_sentence {
                    s.end.min(turn_end)
                } else {
                    turn_end
                };
                let content = clean(doc, Span::new(from, end));
                let words = doc.slice(content).split_whitespace().count();
                // A reporter's turn gives the sentences that ask something, not the jokes.
                let asks = turn.who != Who::Questioner || doc.slice(content).contains('?');
                if asks && words >= 4 {
                    // A sentence that carries on the answer's last one is one point with it.
                    if sj > si
                        && turn.who != Who::Questioner
                        && issuer::carries_on(doc, s)
                        && let Some(last) = raws.last_mut()
                        && last.cue == turn.colon
                        && doc
                            .sentence_at(last.content.end.saturating_sub(1))
                            .map(|i| doc.sentence_paragraph[i])
                            == Some(doc.sentence_paragraph[sj])
                    {
                        last.content = Span::new(last.content.start, content.end);
                        last.stance = stance::of(doc, turn.stance(), last.content);
                        continue;
                    }
                    raws.push(Raw {
                        kind: PositionKind::Quote,
                        content,
                        cue: turn.colon,
                        source: turn.label,
                        stance: stance::of(doc, turn.stance(), content),
                        sentence: Span::new(s.start, s.end.max(para.end.min(turn_end))),
                        party,
                        speaker: speaker.clone(),
                    });
                }
            }
            continue;
        }
        if let Some(f) = view
            .statement_opener(a, b)
            .filter(|f| !in_quote(tk.toks[f.cue.0].span))
        {
            let content = clean(
                doc,
                Span::new(
                    match f.content {
                        Content::After(st)
                        | Content::Before(st)
                        | Content::NextQuote(st)
                        | Content::Around(st) => st,
                    },
                    sentence.end,
                ),
            );
            let source = tk.span(f.source.0, f.source.1);
            let cue = tk.span(f.cue.0, f.cue.1);
            let (party, speaker) = speaker::collective(doc, parties, source);
            statement = Some((party, cue, source));
            raws.push(Raw {
                kind: PositionKind::Paraphrase,
                content,
                cue,
                source,
                stance: stance::of(doc, f.stance, content),
                sentence,
                party,
                speaker,
            });
            continue;
        }
        if doc.slice(sentence).starts_with("End Text") {
            statement = None;
        }
        let found = view.find(a, b, in_quote);
        if !found.is_empty() {
            let first_raw = raws.len();
            for (i, f) in found.iter().enumerate() {
                // "X said he hoped …", "announced plans for what he called …": a cue inside
                // the content of an attribution already taken is part of what was said; the
                // outer speaker has the whole content.
                let at = tk.toks[f.cue.0].span.start;
                if raws[first_raw..]
                    .iter()
                    .any(|r| r.content.start <= at && at < r.content.end)
                {
                    continue;
                }
                // Content after a cue stops where the next attribution's source starts
                // ("X said A, and Y said B").
                // When the next source was named before this content ("X said A, adding B",
                // "X said A and warned B"), the content stops at the next cue instead.
                let until = found
                    .get(i + 1)
                    .and_then(|n| {
                        let Content::After(st) = f.content else {
                            return None;
                        };
                        let cue = tk.toks[n.cue.0].span.start;
                        // ("X said A, according to Y": the next attribution starts at its cue.)
                        let src = tk.toks[n.source.0].span.start.min(cue);
                        if src > st {
                            // "X said A, and Y said B" — but not a nested report, "X said
                            // that Y had called Z …", whose content holds Y's.
                            doc.text
                                .get(st..src)
                                .is_some_and(|gap| {
                                    let gap = gap.trim_end();
                                    gap.ends_with([',', ';', '—', '–'])
                                        || gap.ends_with(" and")
                                        || gap.ends_with(" but")
                                        || gap.ends_with(" while")
                                        || gap.ends_with(" though")
                                        || gap.ends_with(" although")
                                })
                                .then_some(src)
                        } else if src < st && cue > st {
                            before_conjunction(doc, st, cue)
                        } else {
                            None
                        }
                    })
                    .unwrap_or(sentence.end);
                let Some((content, kind)) = content_span(
                    doc,
                    // Content before the cue starts after any dateline.
                    Span::new(
                        tk.toks
                            .get(view.after_dateline(a, b))
                            .map_or(sentence.start, |t| t.span.start.max(sentence.start)),
                        until,
                    ),
                    f.content,
                    &quotes,
                    &mut used,
                ) else {
                    continue;
                };
                if is_bare_pronoun(doc, content)
                    || raws.iter().rev().take(4).any(|r| r.content == content)
                {
                    continue;
                }
                let cue = tk.span(f.cue.0, f.cue.1);
                let source = tk.span(f.source.0, f.source.1);
                let content = if kind == PositionKind::Paraphrase
                    && doc.slice(source).eq_ignore_ascii_case("who")
                {
                    relative_clause_end(doc, content)
                } else {
                    content
                };
                let content = if kind == PositionKind::Paraphrase {
                    without_channel(doc, content)
                } else {
                    content
                };
                // "The two leaders discussed …": one position per party speaking together.
                let members = joint::members(&view, parties, si, a, f.source, f.cue.0);
                if members.len() >= 2 {
                    for (party, _) in members {
                        let d = &mut parties.drafts[party];
                        d.speaker = true;
                        raws.push(Raw {
                            kind,
                            content,
                            cue,
                            source,
                            stance: stance::of(doc, f.stance, content),
                            sentence,
                            party,
                            speaker: d.name.clone(),
                        });
                    }
                    continue;
                }
                let (party, speaker) = match speaker_of_text {
                    // "We welcome …" in the issuer's own text.
                    Some((p, _, _)) if issuer::is_self(doc, source) && !in_quote(cue) => {
                        (p, parties.drafts[p].name.clone())
                    }
                    _ => speaker::resolve(doc, parties, source, raws.last().map(|r| r.party)),
                };
                // "Ambassador Holland expresses concern …" opening a statement whose title
                // names no one: the first person speaking is the issuer.
                if issuer.is_some()
                    && speaker_of_text.is_none()
                    && si < ISSUER_SENTENCES
                    && parties.drafts[party].kind == PartyKind::Person
                    && !issuer::is_self(doc, source)
                {
                    speaker_of_text = issuer.map(|i| (party, i.document, source));
                }
                let source = with_antecedent(doc, parties, party, source);
                // "“A,” she said, “B.”": the quotation resumed after the cue is the second
                // part of a split quote, a position of its own with the same speaker and cue.
                let resumed = (kind == PositionKind::Quote
                    && matches!(f.content, Content::Before(_)))
                .then(|| resumed_quote(doc, &quotes, &used, cue.end.max(source.end), until))
                .flatten();
                raws.push(Raw {
                    kind,
                    content,
                    cue,
                    source,
                    stance: stance::of(doc, f.stance, content),
                    sentence,
                    party,
                    speaker: speaker.clone(),
                });
                if let Some(qi) = resumed {
                    used[qi] = true;
                    let content = cap(doc, quotes[qi].inner);
                    raws.push(Raw {
                        kind,
                        content,
                        cue,
                        source,
                        stance: stance::of(doc, f.stance, content),
                        sentence,
                        party,
                        speaker,
                    });
                }
            }
            continue;
        }
        // In a collective statement every sentence is the group's ("We, the …, express …").
        if let Some((party, cue, source)) = statement
            && quote_at(&quotes, sentence.start).is_none()
        {
            let content = clean(doc, sentence);
            if doc.slice(content).split_whitespace().count() >= 4 {
                raws.push(Raw {
                    kind: PositionKind::Paraphrase,
                    content,
                    cue,
                    source,
                    stance: stance::of(doc, Stance::Neutral, content),
                    sentence,
                    party,
                    speaker: parties.drafts[party].name.clone(),
                });
            }
            continue;
        }
        // In the issuer's own text, a sentence nobody else is credited with is the issuer's.
        if let Some((party, cue, source)) = speaker_of_text
            && quote_at(&quotes, sentence.start).is_none()
            && issuer::is_statement(doc, sentence)
        {
            let content = clean(doc, sentence);
            // "… will meet in London. And look to the future.": a sentence that carries on
            // the one before is one statement with it.
            if let Some(last) = raws.last_mut()
                && last.cue == cue
                && last.party == party
                && doc
                    .sentence_at(last.content.start)
                    .map(|i| doc.sentence_paragraph[i])
                    == Some(doc.sentence_paragraph[si])
                && issuer::carries_on(doc, sentence)
            {
                last.content = Span::new(last.content.start, content.end);
                last.sentence = Span::new(last.sentence.start, sentence.end);
                last.stance = stance::of(doc, issuer::STANCE, last.content);
                continue;
            }
            raws.push(Raw {
                kind: PositionKind::Paraphrase,
                content,
                cue,
                source,
                stance: stance::of(doc, issuer::STANCE, content),
                sentence,
                party,
                speaker: parties.drafts[party].name.clone(),
            });
            continue;
        }
        // A sentence opening with a quotation nobody was credited with continues the last quote.
        // (Or holds a quotation of several words: a scare quote is one or two.)
        let first = quotes.partition_point(|q| q.outer().end <= sentence.start);
        let Some(qi) = quote_at(&quotes, sentence.start).or_else(|| {
            quotes
                .get(first)
                .filter(|q| {
                    q.open.start < sentence.end
                        && doc.slice(q.inner).split_whitespace().count() >= 5
                })
                .map(|_| first)
        }) else {
            continue;
        };
        if used[qi] {
            continue;
        }
        let Some(prev) = raws.last() else { continue };
        let para = doc.sentence_paragraph[si];
        let prev_para = doc
            .sentence_at(prev.sentence.start)
            .map_or(usize::MAX, |i| doc.sentence_paragraph[i]);
        if para > prev_para + 2 {
            continue;
        }
        if credited_later(&view, doc, &quotes[qi], &quotes) {
            continue;
        }
        used[qi] = true;
        let q = quotes[qi];
        let content = cap(doc, q.inner);
        raws.push(Raw {
            kind: PositionKind::Quote,
            content,
            cue: prev.cue,
            source: prev.source,
            stance: stance::of(doc, Stance::Neutral, content),
            sentence,
            party: prev.party,
            speaker: prev.speaker.clone(),
        });
    }
    parties.finalize();
    raws.into_iter()
        .filter(|r| !r.content.is_empty())
        .map(|r| Position {
            party: parties.id(r.party),
            speaker: r.speaker,
            kind: r.kind,
            text: doc.slice(r.content).to_owned(),
            cue: doc.slice(r.cue).to_owned(),
            issue: stance::issue(doc, r.content),
            issue_id: None,
            stance: r.stance,
            content_span: r.content,
            cue_span: Some(r.cue),
            source_span: Some(r.source),
            sentence_span: r.sentence,
        })
        .collect()
}

/// How many sentences from the start a statement whose title names no one may name its
/// issuer as the first person speaking.
const ISSUER_SENTENCES: usize = 3;

/// Words after a comma that carry on a relative clause rather than return to the main one.
const CLAUSE_CARRIERS: &[&str] = &[
    "and",
    "but",
    "or",
    "which",
    "who",
    "that",
    "as",
    "in",
    "including",
];

/// "X, who said A, left early": content reported in a relative clause ends at the comma
/// that returns to the main clause (one followed by a lower-case word that does not carry
/// the clause on), outside quotation marks.
fn relative_clause_end(doc: &Doc<'_>, content: Span) -> Span {
    let text = doc.slice(content);
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '”' | '"' => quoted = c == '“' || (c == '"' && !quoted),
            ',' if !quoted => {
                let rest = text[i + 1..].trim_start();
                let word = rest
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or("");
                if word.starts_with(|c: char| c.is_ascii_lowercase())
                    && !CLAUSE_CARRIERS.contains(&word)
                {
                    return Span::new(content.start, content.start + i);
                }
            }
            _ => {}
        }
    }
    content
}

/// Most words a closing channel adverbial may have ("in a statement on Thursday").
const CHANNEL_WORDS: usize = 6;

/// "… that the talks would resume, in a statement on Monday": a closing adverbial that names
/// the channel the words went out on belongs to the report, not to what was said. It opens
/// with in/on/during/via, holds a channel noun (`data/channel_nouns.txt`) within its first
/// three words, and runs to the content's end without a comma.
fn without_channel(doc: &Doc<'_>, content: Span) -> Span {
    let text = doc.slice(content);
    // Only the last few words matter: split no more than the tail, whatever the length.
    let words: Vec<(usize, &str)> = text
        .rsplit(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .take(CHANNEL_WORDS + 2)
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    // `words` runs from the last word back; the adverbial needs two words before it.
    for i in (0..words.len().min(CHANNEL_WORDS)).rev() {
        let (at, w) = words[i];
        if i + 2 >= words.len() || !matches!(w, "in" | "on" | "during" | "via") {
            continue;
        }
        // `words[..i]` runs back from the content's end: the channel noun is among the three
        // words after the preposition, and what follows it (if anything) is another adverbial,
        // not more of a noun phrase ("on television ads").
        let named = (i.saturating_sub(3)..i).any(|k| {
            let t = words[k].1.trim_end_matches(|c: char| !c.is_alphanumeric());
            lexicon::is_channel_noun(&t.to_lowercase())
                && (k == 0 || {
                    let next = words[k - 1].1.to_lowercase();
                    lexicon::is_adverbial_start(&next)
                        || matches!(next.as_str(), "with" | "to" | "by" | "released" | "posted")
                })
        });
        if named && !text[at..].contains([',', ';', '“', '"', '”']) {
            return trim(doc.text, Span::new(content.start, content.start + at));
        }
    }
    content
}

/// Longest gap (bytes) between a relative pronoun and the mention it refers back to.
const RELATIVE_GAP: usize = 120;

/// "Sanders, who said …": the source span runs from the speaker's mention through the
/// relative pronoun, so it names the speaker; any other source is kept as it is.
fn with_antecedent(doc: &Doc<'_>, parties: &PartyTable, party: usize, source: Span) -> Span {
    if !doc.slice(source).eq_ignore_ascii_case("who") {
        return source;
    }
    parties.drafts[party]
        .mentions
        .iter()
        .filter(|m| m.end <= source.start)
        .max_by_key(|m| m.end)
        .filter(|m| source.start - m.end <= RELATIVE_GAP)
        .map_or(source, |m| Span::new(m.start, source.end))
}

/// Paragraphs a transcript turn may run on for without a new label.
const TURN_PARAGRAPHS: usize = 6;

/// Where the transcript turn opening sentence `si` ends: its paragraph's end, or, when the
/// next labelled turn comes within a few paragraphs, the end of the paragraph before it (a
/// speaker's answer often runs over several paragraphs).
fn turn_extent(view: &View<'_, '_>, si: usize, issuer: Option<&str>) -> usize {
    let doc = view.doc;
    let p = doc.sentence_paragraph[si];
    let own = doc.paragraphs[p].end;
    let mut last = p;
    for sj in si + 1..doc.sentences.len() {
        let q = doc.sentence_paragraph[sj];
        if q > p + TURN_PARAGRAPHS {
            break;
        }
        // Only the first sentence of each paragraph can open a turn.
        if sj > 0 && doc.sentence_paragraph[sj - 1] == q {
            continue;
        }
        let (a, b) = view.tk.sentences[sj];
        if transcript::turn(view, a, b, issuer).is_some() {
            return doc.paragraphs[last].end.max(own);
        }
        last = q;
    }
    own
}

/// Where content running from `start` to the next cue at `cue` ends, when a comma or
/// "and"/"but" joins the two ("said A, adding B", "said A and warned B"); `None` when the
/// cue is not joined so (it belongs inside the content).
fn before_conjunction(doc: &Doc<'_>, start: usize, cue: usize) -> Option<usize> {
    let t = doc.text.get(start..cue)?.trim_end();
    let t = t.strip_suffix("also").map_or(t, str::trim_end);
    let joined = ["and", "but"]
        .iter()
        .find_map(|w| {
            t.strip_suffix(w)
                .filter(|r| r.ends_with(char::is_whitespace))
        })
        .or_else(|| t.strip_suffix(','))?;
    Some(start + joined.trim_end().len())
}

/// The first signed quotation ("“…” ― Jane Doe") opening a line within `sentence`, with its
/// cue and source spans.
fn signed_quote(
    doc: &Doc<'_>,
    quotes: &[Quote],
    used: &[bool],
    sentence: Span,
) -> Option<(usize, Span, Span)> {
    let first = quotes.partition_point(|q| q.open.start < sentence.start);
    quotes[first..]
        .iter()
        .enumerate()
        .take_while(|(_, q)| q.open.start < sentence.end)
        .filter(|&(i, q)| !used[first + i] && opens_line(doc, q.open.start))
        .find_map(|(i, q)| {
            let (cue, source) = quotes::signature(doc, q)?;
            Some((first + i, cue, source))
        })
}

/// The unused quotation that opens right after `from` (past a comma or colon) and before
/// `until`: the second part of a quote split around its cue.
fn resumed_quote(
    doc: &Doc<'_>,
    quotes: &[Quote],
    used: &[bool],
    from: usize,
    until: usize,
) -> Option<usize> {
    let i = quotes.partition_point(|q| q.open.start < from);
    let q = quotes.get(i).filter(|q| q.open.start < until && !used[i])?;
    doc.text
        .get(from..q.open.start)?
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | ':'))
        .then_some(i)
}

/// Whether only blanks stand between the start of the line and `pos`.
fn opens_line(doc: &Doc<'_>, pos: usize) -> bool {
    // Looks back a few characters only, so a long line full of quotes stays linear.
    for c in doc.text[..pos].chars().rev().take(8) {
        match c {
            '\n' => return true,
            ' ' | '\t' | '\u{a0}' | '\r' => {}
            _ => return false,
        }
    }
    pos == 0 || doc.text[..pos].chars().rev().take(9).count() < 9
}

/// The quotation whose marks enclose byte `pos`, if any.
fn quote_at(quotes: &[Quote], pos: usize) -> Option<usize> {
    let i = quotes.partition_point(|q| q.outer().end <= pos);
    quotes
        .get(i)
        .filter(|q| q.outer().start <= pos && pos < q.outer().end.max(q.outer().start + 1))
        .map(|_| i)
}

/// True when a quotation that runs past its first sentence is credited where it closes
/// ("“A. B,” he said."), so it is not a continuation of the previous speaker.
fn credited_later(view: &View<'_, '_>, doc: &Doc<'_>, q: &Quote, quotes: &[Quote]) -> bool {
    let Some(close) = q.close else { return false };
    let Some(si) = doc.sentence_at(close.start) else {
        return false;
    };
    if doc.sentences[si].start == q.open.start {
        // The quotation is one sentence: any cue in it is outside the quotation anyway.
    }
    let (a, b) = view.tk.sentences[si];
    view.find(a, b, |s| quote_at(quotes, s.start).is_some())
        .iter()
        .any(|f| view.tk.toks[f.cue.0].span.start > close.start)
}

/// The content span for an attribution, as a quote when it lies inside quotation marks.
fn content_span(
    doc: &Doc<'_>,
    sentence: Span,
    content: Content,
    quotes: &[Quote],
    used: &mut [bool],
) -> Option<(Span, PositionKind)> {
    let region = match content {
        Content::Before(end) => Span::new(sentence.start, end),
        Content::After(start) => Span::new(start, sentence.end),
        Content::Around(start) => Span::new(start, sentence.end),
        Content::NextQuote(after) => {
            let i = quotes.partition_point(|q| q.open.start < after);
            let q = quotes.get(i)?;
            // Only a quotation that follows at once (the next sentence or paragraph).
            let gap = doc.text.get(after..q.open.start)?;
            if gap.split_whitespace().next().is_some() {
                return None;
            }
            used[i] = true;
            return Some((cap(doc, q.inner), PositionKind::Quote));
        }
    };
    let region = clean(doc, region);
    if region.is_empty() {
        return None;
    }
    // Content that opens with a quotation closed by a comma or stop ("“A,” he said, when …",
    // "“A,” Jane Roe, a lawyer for …, said") is that quotation: what follows it is the
    // attribution or a gloss.
    if let Some(qi) = quote_at(quotes, region.start) {
        let q = quotes[qi];
        if q.open.start >= region.start
            && let Some(close) = q.close
            && close.end < region.end
            && closes_a_clause(doc, q.inner, close)
        {
            used[qi] = true;
            return Some((cap(doc, q.inner), PositionKind::Quote));
        }
    }
    // Content that sits inside one quotation is that quotation, whole.
    if let Some(qi) = quote_at(quotes, region.start).or_else(|| {
        quote_at(quotes, region.end.saturating_sub(1)).filter(|&i| {
            let o = quotes[i].outer();
            o.start == region.start
        })
    }) {
        let q = quotes[qi];
        let o = q.outer();
        let covered = o.start.max(region.start)..o.end.min(region.end);
        if covered.len() * 10 >= region.len() * 8 {
            used[qi] = true;
            return Some((cap(doc, q.inner), PositionKind::Quote));
        }
    }
    // A paraphrase: mark the quotations it contains as used.
    let mut i = quotes.partition_point(|q| q.outer().end <= region.start);
    while let Some(q) = quotes.get(i) {
        if q.outer().start >= region.end {
            break;
        }
        used[i] = true;
        i += 1;
    }
    Some((region, PositionKind::Paraphrase))
}

/// True when a quotation ends a clause: its words end with a comma or stop (",”"), or a
/// comma follows the closing mark ("”,").
fn closes_a_clause(doc: &Doc<'_>, inner: Span, close: Span) -> bool {
    doc.slice(inner).ends_with([',', '.', '?', '!'])
        || doc
            .text
            .get(close.end..)
            .is_some_and(|rest| rest.starts_with(','))
}

/// The longest content a position keeps (bytes): a run-on "sentence" of a megabyte gives a
/// position that points at its start, not a copy of the whole text per cue.
const MAX_CONTENT_BYTES: usize = 3000;

/// `span` cut to [`MAX_CONTENT_BYTES`] at a white space (or char) boundary.
fn cap(doc: &Doc<'_>, span: Span) -> Span {
    if span.len() <= MAX_CONTENT_BYTES {
        return span;
    }
    let mut end = span.start + MAX_CONTENT_BYTES;
    while !doc.text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = doc.text[span.start..end]
        .rfind(char::is_whitespace)
        .map_or(end, |i| span.start + i);
    Span::new(span.start, cut.max(span.start))
}

/// Conjunctions that cannot end a content: they join it to a clause that was cut off.
const TRAILING_CONJUNCTIONS: &[&str] =
    &["although", "and", "but", "or", "though", "whereas", "while"];

/// Words that, standing alone, only point at something said elsewhere ("confirmed it"):
/// such content states no position.
const BARE_PRONOUNS: &[&str] = &[
    "it", "this", "that", "these", "those", "them", "him", "her", "so", "one",
];

/// True when the content is a lone pronoun.
fn is_bare_pronoun(doc: &Doc<'_>, content: Span) -> bool {
    let t = doc.slice(content);
    BARE_PRONOUNS.iter().any(|p| t.eq_ignore_ascii_case(p))
}

/// `span` trimmed of white space and of final sentence punctuation.
fn clean(doc: &Doc<'_>, span: Span) -> Span {
    let mut s = trim(doc.text, cap(doc, span));
    let t = doc.slice(s);
    let mut t2 = t.trim_end_matches(['.', ',', ';', ':', ' ', '—', '-']);
    // "(… if he starts winning.)": a bracket closed but never opened in the content is the
    // end of an aside the content sits in.
    if let Some(inner) = t2.strip_suffix(')')
        && !inner.contains('(')
    {
        t2 = inner.trim_end_matches(['.', ',', ';', ':', ' ', '—', '-']);
    }
    // "…, and Y said B": content cut where the next attribution starts keeps no dangling
    // conjunction or comma.
    for conjunction in TRAILING_CONJUNCTIONS {
        if let Some(inner) = t2.strip_suffix(conjunction)
            && inner.ends_with(char::is_whitespace)
        {
            t2 = inner.trim_end_matches(['.', ',', ';', ':', ' ', '—', '-']);
            break;
        }
    }
    s.end -= t.len() - t2.len();
    // "However, the plan will fail, she said": a linking adverb ties the sentence to the
    // article, not to what was said.
    let t = doc.slice(s);
    if let Some((first, rest)) = t.split_once(',')
        && lexicon::is_linking_adverb(&first.to_ascii_lowercase())
        && rest.trim_start().len() > 1
    {
        s.start += first.len() + 1;
    }
    trim(doc.text, s)
}
