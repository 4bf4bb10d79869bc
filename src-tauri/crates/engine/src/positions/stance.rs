//! Stance: what each position says about what it is about, read from its words once the
//! positions are found ([`assign`]).
//!
//! The rules run in order and the first that fits decides; each is one function named for
//! what it recognises:
//! 1. a question ("Is that the last step?") or a cue that asks ("questioned whether") is
//!    **uncertain**, and so is content that says the speaker does not know or has not decided
//!    ("had yet to decide", "remains unclear", "is weighing");
//! 2. a condition on what is said ("if no deal is reached", "as long as", "open to talks but
//!    …") is **conditional**;
//! 3. declining to comment says nothing: **neutral**;
//! 4. a cue that backs its object ("welcomed", "praised", "agreed") is **support**, one that
//!    rejects it ("condemned", "rejected", "dismissed") **oppose**;
//! 5. a negated main clause ("would not change the situation", "is not interested in") is
//!    **oppose** — unless the clause is another party's refusal that the speaker reports
//!    ("Moscow is not ready to offer a ceasefire"), which is **neutral** for the reporter;
//! 6. more negative than positive evaluation ("expressed concern about the attacks") is
//!    **oppose**;
//! 7. a bare report that something happened ("the call took place at Russia's initiative") is
//!    **neutral**;
//! 8. anything else a party puts forward is **support**: in diplomatic reporting, what a
//!    party says, stresses or proposes is what it stands for.
//!
//! The words come from `data/stance_words.tsv`. Capitalised words inside the content are
//! names or quoted titles and never count ("Rapid Support Forces", "the No Limits Act"), nor
//! does the word "opposition". Every rule reads only the position's own tokens, so the stage
//! is linear in the text.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::lexicon::{self, files};
use crate::model::{Party, Position, Span, Stance};
use crate::text::Doc;
use crate::tokens::{Class, Tokens};

/// Tags of `data/stance_words.tsv`, one bit each (a phrase may carry several).
mod tag {
    pub const ENDORSE: u16 = 1;
    pub const ASKING: u16 = 1 << 1;
    pub const NEGATIVE: u16 = 1 << 2;
    pub const POSITIVE: u16 = 1 << 3;
    pub const UNCERTAIN: u16 = 1 << 4;
    pub const CONDITION: u16 = 1 << 5;
    pub const NEGATION: u16 = 1 << 6;
    pub const CANCEL: u16 = 1 << 7;
    pub const EVENT: u16 = 1 << 8;
    pub const WITHHOLD: u16 = 1 << 9;
    pub const OPEN: u16 = 1 << 10;
    pub const BREAK: u16 = 1 << 11;
    pub const WISH: u16 = 1 << 12;

    pub fn of(name: &str) -> u16 {
        match name {
            "endorse" => ENDORSE,
            "asking" => ASKING,
            "negative" => NEGATIVE,
            "positive" => POSITIVE,
            "uncertain" => UNCERTAIN,
            "condition" => CONDITION,
            "negation" => NEGATION,
            "cancel" => CANCEL,
            "event" => EVENT,
            "withhold" => WITHHOLD,
            "open" => OPEN,
            "break" => BREAK,
            "wish" => WISH,
            _ => 0,
        }
    }
}

/// How many tokens before a content are read for a condition that opens its sentence.
const LEAD_REACH: usize = 40;

/// One phrase of the stance table: its words after the first, and its tags.
struct Phrase {
    rest: Vec<&'static str>,
    tags: u16,
}

/// The stance table by first word (sorted), each first word's phrases longest first.
static PHRASES: LazyLock<Vec<(&'static str, Vec<Phrase>)>> = LazyLock::new(|| {
    let mut by_first: Vec<(&'static str, Vec<Phrase>)> = Vec::new();
    for row in lexicon::rows(files::STANCE_WORDS) {
        let tags = tag::of(row.get(1).copied().unwrap_or(""));
        let mut words = row[0].split(' ').filter(|w| !w.is_empty());
        let Some(first) = words.next() else { continue };
        let rest: Vec<&str> = words.collect();
        let k = match by_first.binary_search_by(|(w, _)| (*w).cmp(first)) {
            Ok(k) => k,
            Err(k) => {
                by_first.insert(k, (first, Vec::new()));
                k
            }
        };
        let list = &mut by_first[k].1;
        match list.iter_mut().find(|p| p.rest == rest) {
            Some(p) => p.tags |= tags,
            None => list.push(Phrase { rest, tags }),
        }
    }
    for (_, list) in &mut by_first {
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }
    by_first
});

/// True when `word` (lower case) evaluates what it describes, for better or worse
/// ("productive", "provocative"): such words describe a stance, not a topic.
pub(crate) fn is_evaluative(word: &str) -> bool {
    let table = &*PHRASES;
    table
        .binary_search_by(|(w, _)| (*w).cmp(word))
        .is_ok_and(|k| {
            table[k]
                .1
                .iter()
                .any(|p| p.rest.is_empty() && p.tags & (tag::POSITIVE | tag::NEGATIVE) != 0)
        })
}

/// A token's lower-case text with curly apostrophes read as straight ones.
fn norm(tk: &Tokens, i: usize) -> Cow<'_, str> {
    let w = tk.lower(i);
    if w.contains('’') {
        Cow::Owned(w.replace('’', "'"))
    } else {
        Cow::Borrowed(w)
    }
}

/// A stance word found in the text: its first token, one past its last, and its tags.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    tags: u16,
}

/// Every stance phrase in tokens `a..b`, longest match first at each word, left to right.
/// A capitalised word is a name or a title and only counts when it opens the span.
fn scan(doc: &Doc<'_>, tk: &Tokens, a: usize, b: usize, out: &mut Vec<Hit>) {
    let table = &*PHRASES;
    let mut i = a;
    while i < b {
        if !tk.is_word(i) || (i > a && tk.is_cap(doc, i)) {
            i += 1;
            continue;
        }
        let first = norm(tk, i);
        let Ok(k) = table.binary_search_by(|(w, _)| (*w).cmp(first.as_ref())) else {
            i += 1;
            continue;
        };
        let found = table[k].1.iter().find(|p| {
            p.rest.iter().enumerate().all(|(n, w)| {
                let j = i + 1 + n;
                j < b && tk.is_word(j) && norm(tk, j) == *w
            })
        });
        match found {
            Some(p) => {
                let end = i + 1 + p.rest.len();
                out.push(Hit {
                    start: i,
                    end,
                    tags: p.tags,
                });
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Tokens `a..b` covering `span` (those that start inside it).
fn token_range(tk: &Tokens, span: Span) -> (usize, usize) {
    let a = tk.toks.partition_point(|t| t.span.start < span.start);
    let b = tk.toks.partition_point(|t| t.span.start < span.end);
    (a, b.max(a))
}

/// What the rules read of one position.
struct Reading<'a> {
    doc: &'a Doc<'a>,
    tk: &'a Tokens,
    /// The content's tokens.
    content: (usize, usize),
    /// Stance words in the content.
    hits: Vec<Hit>,
    /// Stance words between the cue and the content, within the sentence ("expressed *concern*
    /// about …").
    lead: Vec<Hit>,
    /// The stance the reporting verb suggests (`data/cues.tsv`).
    cue_stance: Option<Stance>,
    /// Tags of the cue word itself.
    cue_tags: u16,
    /// A condition set before the content in its sentence ("If the parties fail …, X said").
    condition_before: bool,
}

impl Reading<'_> {
    fn has(&self, t: u16) -> bool {
        self.hits.iter().any(|h| h.tags & t != 0)
    }

    fn count(&self, t: u16) -> usize {
        self.hits
            .iter()
            .chain(&self.lead)
            .filter(|h| h.tags & t != 0)
            .count()
    }

    /// The content's words, from its first word.
    fn first_word(&self) -> usize {
        let (a, b) = self.content;
        (a..b).find(|&i| self.tk.is_word(i)).unwrap_or(b)
    }
}

/// Sets the stance of every position from what it says.
pub(crate) fn assign(doc: &Doc<'_>, tk: &Tokens, parties: &[Party], positions: &mut [Position]) {
    let mut scratch = Vec::new();
    for p in positions.iter_mut() {
        let reading = read(doc, tk, p, &mut scratch);
        p.stance = decide(&reading, p, parties);
    }
}

fn read<'a>(doc: &'a Doc<'a>, tk: &'a Tokens, p: &Position, scratch: &mut Vec<Hit>) -> Reading<'a> {
    let content = token_range(tk, p.content_span);
    let mut hits = Vec::new();
    scan(doc, tk, content.0, content.1, &mut hits);
    let cue_word = p
        .cue
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase()
        .replace('’', "'");
    let mut cue_tags = 0;
    let mut lead = Vec::new();
    let mut condition_before = false;
    if let Some(cue) = p.cue_span.filter(|c| p.sentence_span.contains(*c)) {
        let (ca, cb) = token_range(tk, cue);
        scratch.clear();
        scan(doc, tk, ca, cb, scratch);
        cue_tags = scratch.first().map_or(0, |h| h.tags);
        // "expressed concern about X": the words between the cue and its content.
        if cue.end <= p.content_span.start {
            scan(doc, tk, cb, content.0, &mut lead);
        }
    }
    // "If the parties failed to observe the ceasefire, facilitators will …": a condition
    // opening the sentence governs the content after it.
    let (sa, _) = token_range(tk, p.sentence_span);
    // Only the words just before the content count: a bound that keeps a sentence of any
    // length (a pasted list with no full stops) linear.
    let sa = sa.max(content.0.saturating_sub(LEAD_REACH));
    if sa < content.0 {
        scratch.clear();
        scan(doc, tk, sa, content.0, scratch);
        condition_before = scratch
            .iter()
            .any(|h| h.tags & tag::CONDITION != 0 && h.tags & tag::CANCEL == 0);
    }
    Reading {
        doc,
        tk,
        content,
        hits,
        lead,
        cue_stance: lexicon::cue(&cue_word),
        cue_tags,
        condition_before,
    }
}

fn decide(r: &Reading<'_>, p: &Position, parties: &[Party]) -> Stance {
    if asks_a_question(r, p) || marks_uncertainty(r) {
        return Stance::Uncertain;
    }
    if sets_a_condition(r) {
        return Stance::Conditional;
    }
    if withholds_comment(r) {
        return Stance::Neutral;
    }
    if endorsing_cue(r) {
        return Stance::Support;
    }
    if opposing_cue(r) {
        return Stance::Oppose;
    }
    if let Some(negated) = negated_main_clause(r) {
        return if reports_another_party(r, p, parties, negated) {
            Stance::Neutral
        } else {
            Stance::Oppose
        };
    }
    if evaluates_negatively(r) {
        return Stance::Oppose;
    }
    if reports_a_fact(r) {
        return Stance::Neutral;
    }
    Stance::Support
}

/// Content that is a question ("Is that the last thing that needs to be done?"), or a cue
/// that asks ("questioned whether Washington could spare the weapons") — unless what is
/// asked for is an act ("asked the government to publish the advice": a request).
fn asks_a_question(r: &Reading<'_>, p: &Position) -> bool {
    let text = r.doc.slice(p.content_span);
    if text
        .trim_end_matches(['"', '”', '’', '\'', ')', ' '])
        .ends_with('?')
    {
        return true;
    }
    r.cue_tags & tag::ASKING != 0 && !r.tk.is_class(r.first_word(), lexicon::WordClass::To)
}

/// The speaker does not know or has not decided: "yet to decide", "weighing", "unclear",
/// "whether".
fn marks_uncertainty(r: &Reading<'_>) -> bool {
    r.hits
        .iter()
        .any(|h| h.tags & tag::UNCERTAIN != 0 && h.tags & tag::CANCEL == 0)
}

/// A condition in the content ("if no deal was reached", "as long as", "only after") or
/// opening its sentence, or readiness with a reservation ("open to talks but …"); "see if"
/// and "ask if" are no conditions.
fn sets_a_condition(r: &Reading<'_>) -> bool {
    r.condition_before
        || r.hits
            .iter()
            .any(|h| h.tags & tag::CONDITION != 0 && h.tags & tag::CANCEL == 0)
        || open_but(r)
}

/// "open to talks but …": readiness with a reservation.
fn open_but(r: &Reading<'_>) -> bool {
    r.hits
        .iter()
        .find(|h| h.tags & tag::OPEN != 0)
        .is_some_and(|h| (h.end..r.content.1).any(|i| r.tk.is_word(i) && r.tk.lower(i) == "but"))
}

/// "declined to comment": content that opens with "to" and a verb of saying.
fn withholds_comment(r: &Reading<'_>) -> bool {
    let i = r.first_word();
    r.tk.is_class(i, lexicon::WordClass::To)
        && r.hits
            .first()
            .is_some_and(|h| h.start == i + 1 && h.tags & tag::WITHHOLD != 0)
}

/// A cue that backs its object: "welcomed", "praised", "agreed", "thanked".
fn endorsing_cue(r: &Reading<'_>) -> bool {
    r.cue_tags & tag::ENDORSE != 0
}

/// A cue that rejects its object: "condemned", "rejected", "denied", "warned".
fn opposing_cue(r: &Reading<'_>) -> bool {
    r.cue_stance == Some(Stance::Oppose)
}

/// The first clause of the content is negated ("the warrant would not be enforced", "none
/// of the parties believed in extending the deadline"): the negation's token. A negation in
/// a later clause ("…, so he will not divulge the names"), a purpose clause ("to ensure that
/// competition does not veer into conflict") or a relative clause does not count, nor do
/// "not only", "not yet" and "nothing more … than".
fn negated_main_clause(r: &Reading<'_>) -> Option<usize> {
    let end = first_clause_end(r);
    let (a, _) = r.content;
    // A negation written into a word: "don't", "won't", "isn't".
    let contracted = (a..end).find(|&i| {
        r.tk.is_word(i) && {
            let w = r.tk.lower(i);
            w.ends_with("n't") || w.ends_with("n’t")
        }
    });
    let listed = r
        .hits
        .iter()
        .find(|h| h.start < end && h.tags & tag::NEGATION != 0 && h.tags & tag::CANCEL == 0)
        .map(|h| h.start);
    let cancelled = |i: usize| {
        r.hits
            .iter()
            .any(|h| h.tags & tag::CANCEL != 0 && h.start <= i && i < h.end)
    };
    [listed, contracted]
        .into_iter()
        .flatten()
        .filter(|&i| !cancelled(i))
        .min()
}

/// Where the content's first clause ends: at a stop, a dash or semicolon, a comma before a
/// conjunction ("…, but", "…, so"), a relative pronoun, or a purpose clause ("to ensure",
/// "so that").
fn first_clause_end(r: &Reading<'_>) -> usize {
    let (a, b) = r.content;
    let first = r.first_word();
    for i in first..b {
        let tk = r.tk;
        if tk.is_punct(r.doc, i, &['.', ';', '!', '?', '…', '–', '—', ':']) {
            return i;
        }
        if tk.is_punct(r.doc, i, &[','])
            && matches!(
                tk.class(i + 1),
                Class::Closed(
                    lexicon::WordClass::Conjunction
                        | lexicon::WordClass::Subordinator
                        | lexicon::WordClass::Relative
                )
            )
        {
            return i;
        }
        if i > first {
            match tk.class(i) {
                Class::Closed(lexicon::WordClass::Relative) => return i,
                Class::Closed(lexicon::WordClass::That) if i > a + 1 => return i,
                _ => {}
            }
            if i + 1 < b
                && r.hits
                    .iter()
                    .any(|h| h.start == i && h.tags & tag::BREAK != 0)
            {
                return i;
            }
        }
    }
    b
}

/// A negated clause whose subject is another party than the speaker's side: a report of that
/// party's refusal ("Moscow is not ready to offer a ceasefire", said by a correspondent).
fn reports_another_party(
    r: &Reading<'_>,
    p: &Position,
    parties: &[Party],
    negation: usize,
) -> bool {
    let Some(neg) = r.tk.toks.get(negation) else {
        return false;
    };
    let subject = Span::new(p.content_span.start, neg.span.start);
    let speaker = p
        .party
        .as_deref()
        .and_then(|id| parties.iter().find(|q| q.id == id));
    // A pronoun subject ("we", "he", "it") is the speaker's side speaking.
    let first_person = (r.content.0..negation).any(|i| {
        matches!(
            r.tk.class(i),
            Class::Closed(
                lexicon::WordClass::Subject
                    | lexicon::WordClass::Pronoun
                    | lexicon::WordClass::Possessive
            )
        )
    });
    if first_person {
        return false;
    }
    parties.iter().any(|q| {
        q.mentions.iter().any(|m| subject.contains(*m)) && speaker.is_none_or(|s| !same_side(s, q))
    })
}

/// The speaker speaks for `other`: the same party, or a person affiliated with it.
fn same_side(speaker: &Party, other: &Party) -> bool {
    speaker.id == other.id
        || speaker
            .affiliation
            .as_deref()
            .is_some_and(|a| a == other.name || other.aliases.iter().any(|x| x == a))
        || other
            .affiliation
            .as_deref()
            .is_some_and(|a| a == speaker.name)
}

/// More negative than positive evaluation in the content and the words before it ("expressed
/// deep concern about the mobilizations").
fn evaluates_negatively(r: &Reading<'_>) -> bool {
    r.count(tag::NEGATIVE) > r.count(tag::POSITIVE)
}

/// A bare report that something happened: an event verb, no evaluation, no modal, from a cue
/// that takes no side ("said the call took place at Russia's initiative").
fn reports_a_fact(r: &Reading<'_>) -> bool {
    let (a, b) = r.content;
    r.cue_stance != Some(Stance::Support)
        && r.has(tag::EVENT)
        && !r.has(tag::POSITIVE)
        && !r.has(tag::WISH)
        && !(a..b).any(|i| r.tk.is_class(i, lexicon::WordClass::Modal))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PositionKind;

    /// The stance of the content `content` reported by `cue` in `text`.
    fn stance(text: &str, cue: &str, content: &str) -> Stance {
        let doc = Doc::new(text, 0);
        let tk = Tokens::new(&doc);
        let at = |needle: &str| {
            let s = text.find(needle).expect("needle in text");
            Span::new(s, s + needle.len())
        };
        let mut ps = vec![Position {
            speaker: "X".to_owned(),
            party: None,
            kind: PositionKind::Paraphrase,
            text: content.to_owned(),
            cue: cue.to_owned(),
            issue: String::new(),
            issue_id: None,
            stance: Stance::Neutral,
            content_span: at(content),
            cue_span: Some(at(cue)),
            source_span: None,
            sentence_span: Span::new(0, text.len()),
        }];
        assign(&doc, &tk, &[], &mut ps);
        ps[0].stance
    }

    #[test]
    fn what_a_party_puts_forward_is_support() {
        assert_eq!(
            stance(
                "The minister said the talks would resume in May.",
                "said",
                "the talks would resume in May"
            ),
            Stance::Support
        );
    }

    #[test]
    fn a_negated_main_clause_opposes_but_not_a_later_one() {
        assert_eq!(
            stance(
                "She said the plan would not change the balance at sea.",
                "said",
                "the plan would not change the balance at sea"
            ),
            Stance::Oppose
        );
        assert_eq!(
            stance(
                "He said the delegations would meet in Oslo, so they will not travel far.",
                "said",
                "the delegations would meet in Oslo, so they will not travel far"
            ),
            Stance::Support
        );
        assert_eq!(
            stance(
                "He said Ukraine was not only defending itself.",
                "said",
                "Ukraine was not only defending itself"
            ),
            Stance::Support
        );
    }

    #[test]
    fn hedges_questions_and_conditions() {
        assert_eq!(
            stance(
                "The spokesman said the president had yet to decide on the visit.",
                "said",
                "the president had yet to decide on the visit"
            ),
            Stance::Uncertain
        );
        assert_eq!(
            stance(
                "She questioned whether the envoy could come.",
                "questioned",
                "whether the envoy could come"
            ),
            Stance::Uncertain
        );
        assert_eq!(
            stance(
                "He added that boats would stay in port if no deal was reached.",
                "added",
                "boats would stay in port if no deal was reached"
            ),
            Stance::Conditional
        );
        assert_eq!(
            stance(
                "He said they will meet to see if they can end the war.",
                "said",
                "they will meet to see if they can end the war"
            ),
            Stance::Support
        );
    }

    #[test]
    fn concern_and_condemnation_oppose_welcome_supports() {
        assert_eq!(
            stance(
                "He expressed concern about troop movements near the border.",
                "expressed",
                "troop movements near the border"
            ),
            Stance::Oppose
        );
        assert_eq!(
            stance(
                "They condemned the decision to close the port.",
                "condemned",
                "the decision to close the port"
            ),
            Stance::Oppose
        );
        assert_eq!(
            stance(
                "They welcomed the decision not to close the port.",
                "welcomed",
                "the decision not to close the port"
            ),
            Stance::Support
        );
    }

    #[test]
    fn names_and_titles_flip_nothing() {
        assert_eq!(
            stance(
                "He said the Rapid Support Forces had No Limits Act plans.",
                "said",
                "the Rapid Support Forces had No Limits Act plans"
            ),
            Stance::Support
        );
        assert_eq!(
            stance(
                "He said opposition lawmakers backed the bill.",
                "said",
                "opposition lawmakers backed the bill"
            ),
            Stance::Support
        );
    }

    #[test]
    fn reports_of_events_and_declining_to_comment_are_neutral() {
        assert_eq!(
            stance(
                "He said the call took place at Oslo's initiative.",
                "said",
                "the call took place at Oslo's initiative"
            ),
            Stance::Neutral
        );
        assert_eq!(
            stance(
                "The ministry declined to comment on the report.",
                "declined",
                "to comment on the report"
            ),
            Stance::Neutral
        );
    }
}
