//! One sentence's attribution: the cue, the source phrase around it, and where the content is.
//!
//! Forms recognised (source S, cue C, content X):
//! - `X, S C.` and `“X,” S C.` — content before, source and cue at the end;
//! - `X, C S.` — inverted ("…, said the minister");
//! - `S C (that) X.`, `S C Y (that) X.` for verbs with a hearer ("told reporters");
//! - `According to S, X.` and `X, according to S.`

use std::sync::LazyLock;

use crate::lexicon::{self, GazKind, PronounRef};
use crate::model::{Span, Stance};
use crate::text::Doc;
use crate::tokens::TokKind;
use crate::tokens::Tokens;

/// Longest participle clause (tokens) between a source and its cue ("X, speaking …, said").
const PARTICIPLE_CLAUSE_TOKENS: usize = 24;

/// Most modifier words looked through before a source phrase for the comma that ends the
/// content ("…, Algerian foreign ministry spokesman Ben Ali said").
const MODIFIER_LOOKBACK: usize = 4;

/// Longest adverbial opening a sentence before its subject, in tokens ("In a speech in Ohio
/// on Tuesday night, Trump …").
const OPENER_TOKENS: usize = 16;

/// Cues that are as often nouns ("support", "plans"): a verb after them, or a preposition
/// other than the cue's own, shows the noun.
const NOUN_CUES: &[&str] = &[
    "call", "calls", "claim", "claims", "hope", "hopes", "plan", "plans", "pledge", "pledges",
    "promise", "promises", "show", "shows", "support", "supports", "warning", "warnings",
];

/// Cues that never come before their source ("…, told X" names the hearer).
const NEVER_INVERTED: &[&str] = &[
    "assured", "assures", "informed", "informs", "reminded", "reminds", "tell", "telling", "tells",
    "told",
];

/// Longest prepositional modifier (tokens) between a source's head and its cue.
const MODIFIER_TOKENS: usize = 8;

/// How far back (tokens) from a source a closing quotation mark is looked for.
const QUOTE_LOOKBACK: usize = 120;

/// Where the content lies relative to the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    /// From the sentence start to this byte (exclusive).
    Before(usize),
    /// From this byte to the sentence end.
    After(usize),
    /// In the next quotation after this byte ("X said:" then a quote).
    NextQuote(usize),
    /// The sentence from this byte (past any dateline) to its end, around a cue set off by
    /// commas ("A, he said, B").
    Around(usize),
}

/// An attribution found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    /// The cue's tokens (`start..end`).
    pub cue: (usize, usize),
    /// The source phrase's tokens (`start..end`).
    pub source: (usize, usize),
    /// Where the content is.
    pub content: Content,
    /// Stance the cue suggests.
    pub stance: Stance,
}

/// Pronouns that open a clause as its subject ("told reporters *they* …").
const SUBJECT_PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "you"];

/// A quick "might be a cue" test before the sorted-table lookup: one bit per (first letter,
/// second letter, last letter) of every cue word. About four lower-case words in five fail it.
static CUE_SHAPES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; SHAPES.div_ceil(64)];
    for word in lexicon::cue_words() {
        if let Some(i) = shape(word) {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
});

const SHAPES: usize = 26 * 26 * 26;

/// The (first, second, last letter) index of a lower-case ASCII word of three letters or more.
fn shape(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let letter = |c: u8| c.is_ascii_lowercase().then(|| usize::from(c - b'a'));
    match b {
        [first, second, .., last] => {
            Some((letter(*first)? * 26 + letter(*second)?) * 26 + letter(*last)?)
        }
        _ => None,
    }
}

/// False when `word` (lower case) cannot be a cue; true when it may be one.
fn may_be_cue(word: &str) -> bool {
    shape(word).is_none_or(|i| CUE_SHAPES[i / 64] & (1 << (i % 64)) != 0)
}

/// Token helpers over one document.
pub(crate) struct View<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub tk: &'d Tokens,
}

impl View<'_, '_> {
    fn word(&self, i: usize) -> &str {
        self.tk.word(self.doc, i)
    }

    /// Token `i` with ASCII letters lower-cased (the word lists are ASCII).
    fn lower(&self, i: usize) -> &str {
        self.tk.lower(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tk.is_word(i)
    }

    fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        self.tk.is_punct(self.doc, i, chars)
    }

    fn is_title(&self, i: usize) -> bool {
        matches!(self.tk.gaz.get(i), Some(Some((e, _))) if e.kind == GazKind::Title)
    }

    fn is_name_word(&self, i: usize) -> bool {
        self.is_word(i)
            && self.tk.is_cap(self.doc, i)
            && (self.tk.gaz[i].is_some() || !lexicon::is_non_name(self.word(i)))
    }

    /// True when token `i` is a function word ("to", "and", "were"), never part of a source.
    fn is_function_word(&self, i: usize) -> bool {
        let w = self.word(i);
        // The function-word list is capitalised ("The", "And"): capitalise the first letter
        // in a stack buffer rather than a new String per token.
        let mut buf = [0u8; 32];
        let capitalised = match w.as_bytes() {
            [first, rest @ ..] if first.is_ascii_lowercase() && w.len() <= buf.len() => {
                buf[0] = first.to_ascii_uppercase();
                buf[1..w.len()].copy_from_slice(rest);
                std::str::from_utf8(&buf[..w.len()]).unwrap_or(w)
            }
            _ => w,
        };
        lexicon::is_non_name(capitalised) || lexicon::hedge(self.lower(i)).is_some()
    }

    /// True when token `i` can head a source phrase.
    fn is_head(&self, i: usize) -> bool {
        self.is_name_word(i)
            || (self.is_word(i) && {
                let l = self.lower(i);
                lexicon::is_source_noun(l) || self.is_title(i)
            })
    }

    /// True when token `i` can stand inside a source phrase before its head.
    fn is_inner(&self, i: usize) -> bool {
        if self
            .tk
            .toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Possessive)
        {
            return true;
        }
        // "Mr. Podesta", "Sen. John McCain": the dot of a title abbreviation.
        if i > 0 && self.is_punct(i, &['.']) && lexicon::is_abbreviation(self.word(i - 1)) {
            return true;
        }
        self.is_word(i)
            && (self.is_name_word(i) || self.is_title(i) || {
                let l = self.lower(i);
                lexicon::is_source_modifier(l) || lexicon::is_source_noun(l)
            })
    }

    /// The source phrase ending just before the cue at `cue` (after adverbs like "also"), if any.
    fn source_before(&self, a: usize, cue: usize) -> Option<(usize, usize)> {
        let mut e = cue;
        loop {
            if e > a && self.is_word(e - 1) && lexicon::is_cue_adverb(self.lower(e - 1)) {
                e -= 1;
            } else if e >= a + 3
                && self.is_word(e - 1)
                && lexicon::is_adverbial_start(self.lower(e - 2))
                && (lexicon::is_non_name(self.word(e - 1))
                    || lexicon::is_adverbial_start(self.lower(e - 1)))
            {
                // "Sanders on Tuesday said".
                e -= 2;
            } else {
                break;
            }
        }
        if e == a {
            return None;
        }
        // "Joyce — who is listed as an attorney — told": an aside between dashes.
        if e >= a + 3
            && self.is_punct(e - 1, &['—', '–'])
            && let Some(open) = (e.saturating_sub(PARTICIPLE_CLAUSE_TOKENS).max(a + 1)..e - 1)
                .rev()
                .find(|&i| self.is_punct(i, &['—', '–']))
            && self.is_word(open + 1)
            && {
                let w = self.lower(open + 1);
                w.ends_with("ing") || w == "which" || w == "who"
            }
            && let Some(found) = self.phrase_ending(a, open)
        {
            return Some(found);
        }
        // "Carly Fiorina, a candidate, says" / "Bolton, who …, said": skip the apposition's comma.
        if self.is_punct(e - 1, &[',']) && e >= a + 2 {
            // "An official, speaking on condition of anonymity because …, said": a participle
            // or relative clause set off by commas; the source is the phrase before it.
            if let Some(open) = (e.saturating_sub(PARTICIPLE_CLAUSE_TOKENS).max(a + 1)..e - 1)
                .rev()
                .find(|&i| self.is_punct(i, &[',']))
                && open + 1 < e - 1
                && self.is_word(open + 1)
                && {
                    // … or a relative clause: "The commission (NAFC), which monitors …, said";
                    // … or an adverbial: "Jane Roe, in a statement on Monday, said", "The
                    // officials, however, said".
                    let w = self.lower(open + 1);
                    w.ends_with("ing")
                        || w == "which"
                        || w == "who"
                        || lexicon::is_adverbial_start(w)
                        || (open + 2 == e - 1 && lexicon::is_linking_adverb(w))
                }
                && let Some(found) = self.phrase_ending(a, self.before_bracket(a, open))
            {
                return Some(found);
            }
            return self
                .phrase_ending(a, e - 1)
                .filter(|&(s, _)| s > a && self.is_punct(s - 1, &[',']))
                .or_else(|| self.phrase_ending(a, e - 1))
                .or_else(|| self.named_before_apposition(a, e - 1));
        }
        // "Sen. David Perdue (R-Ga.) said": skip the bracket.
        e = self.before_bracket(a, e);
        if e == a {
            return None;
        }
        let h = e - 1;
        if self.lower(h) == "who" && h > a {
            // The relative pronoun is the source; the speaker is resolved from what precedes it.
            return Some((h, e));
        }
        self.phrase_ending(a, e)
            .map(|found| self.head_of_common_modifier(a, found).unwrap_or(found))
            .or_else(|| self.head_before_modifier(a, e))
    }

    /// Where the phrase ending at token `e` ends once a bracket closing there ("(NAFC)",
    /// "(R-Ga.)") is skipped; `e` itself when none closes there.
    fn before_bracket(&self, a: usize, e: usize) -> usize {
        if e > a
            && self.is_punct(e - 1, &[')'])
            && let Some(open) = (e.saturating_sub(8).max(a)..e - 1)
                .rev()
                .find(|&i| self.is_punct(i, &['(']))
        {
            return open;
        }
        e
    }

    /// "Industry groups on both sides said": when the phrase found before the cue is the
    /// common-noun object of a place preposition, the speaker is the head before it, not
    /// the sides or the region. A named object ("officials in Kyiv") is left as it is, and
    /// "of"/"for" ("a spokesman for the ministry") tie the head to the named body.
    fn head_of_common_modifier(&self, a: usize, (s, e): (usize, usize)) -> Option<(usize, usize)> {
        if s < a + 2 || !matches!(self.lower(s - 1), "on" | "at" | "in" | "from" | "across") {
            return None;
        }
        if (s..e).any(|i| self.is_name_word(i) || self.is_title(i))
            || lexicon::pronoun(self.word(e - 1)).is_some()
            || !self.is_head(s - 2)
        {
            return None;
        }
        self.phrase_ending(a, s - 1)
    }

    /// "Jane Roe, director of the institute at the law school, said": the name before an
    /// apposition (ending at the comma `comma`) that is no source phrase itself.
    fn named_before_apposition(&self, a: usize, comma: usize) -> Option<(usize, usize)> {
        let open = (comma.saturating_sub(PARTICIPLE_CLAUSE_TOKENS).max(a + 1)..comma)
            .rev()
            .find(|&i| self.is_punct(i, &[',']))?;
        self.phrase_ending(a, open)
            .filter(|&(_, e)| self.is_name_word(e - 1))
    }

    /// "Experts on the region said", "Officials at the ministry said": the head before a
    /// prepositional modifier ending at token `e` (no punctuation inside it).
    fn head_before_modifier(&self, a: usize, e: usize) -> Option<(usize, usize)> {
        let t = (e.saturating_sub(MODIFIER_TOKENS).max(a + 1)..e)
            .rev()
            .take_while(|&i| self.is_word(i) || self.tk.toks[i].kind == TokKind::Possessive)
            .find(|&i| matches!(self.lower(i), "of" | "on" | "at" | "for" | "from" | "in"))?;
        if t + 1 >= e || !self.is_head(t - 1) {
            return None;
        }
        self.phrase_ending(a, t)
    }

    /// The noun phrase ending just before token `e`, if one ends there.
    fn phrase_ending(&self, a: usize, e: usize) -> Option<(usize, usize)> {
        if e <= a {
            return None;
        }
        let h = e - 1;
        if self.is_word(h) && lexicon::pronoun(self.word(h)).is_some() {
            return Some((h, e));
        }
        let mut s = h;
        let head = self.is_head(h);
        if !(head
            || (self.is_word(h)
                && self.word(h).chars().all(char::is_lowercase)
                && !self.is_function_word(h)))
        {
            return None;
        }
        let mut determiner = None;
        while s > a && h - s < 8 {
            let t = s - 1;
            let connector = self.is_word(t)
                && t > a
                && lexicon::is_name_connector(self.word(t))
                && self.is_name_word(t - 1);
            let lowercase_word = !head
                && self.is_word(t)
                && self
                    .word(t)
                    .chars()
                    .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-');
            if self.is_inner(t) || connector || lowercase_word {
                s = t;
                let l = self.lower(t);
                let quantity = l
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
                if quantity || lexicon::is_determiner(l) {
                    determiner = Some(t);
                    if !head {
                        break;
                    }
                }
            } else {
                break;
            }
        }
        if !head {
            // "The billionaire real estate magnate says": a described source needs its determiner.
            s = determiner?;
        } else if determiner.is_none()
            && s > a
            && self.is_word(s - 1)
            && matches!(self.lower(s - 1), "the" | "a" | "an")
        {
            // "the joint statement added": the article belongs to the phrase.
            s -= 1;
        }
        // A phrase never starts with a possessive ending.
        while s < h && self.tk.toks[s].kind == TokKind::Possessive {
            s += 1;
        }
        Some((s, e))
    }

    /// The source phrase starting at `s` (inverted order, "said the minister"), if any.
    fn source_after(&self, s: usize, b: usize) -> Option<(usize, usize)> {
        if s < b && self.is_word(s) && lexicon::pronoun(self.word(s)) == Some(PronounRef::Person) {
            return Some((s, s + 1));
        }
        let mut e = s;
        let mut head = false;
        while e < b {
            if self.is_inner(e) {
                head |= self.is_head(e);
                e += 1;
            } else if self.is_word(e)
                && e + 1 < b
                && lexicon::is_name_connector(self.word(e))
                && self.is_name_word(e + 1)
            {
                e += 1;
            } else {
                break;
            }
        }
        (head && e > s).then_some((s, e))
    }

    /// "according to a new poll by X, …": everything up to the next comma (at most 12 words).
    fn broad_source_after(&self, s: usize, b: usize) -> Option<(usize, usize)> {
        let e = (s..b.min(s + 12))
            .find(|&i| !self.is_word(i) && self.tk.toks[i].kind != TokKind::Possessive)
            .unwrap_or(b.min(s + 12));
        (e > s).then_some((s, e))
    }

    /// The first token after a dateline opening the sentence ("WASHINGTON —", "NEW YORK (AP) -"),
    /// or `a` when there is none.
    pub fn after_dateline(&self, a: usize, b: usize) -> usize {
        let mut i = a;
        while i < b
            && i < a + 4
            && self.is_word(i)
            && self.word(i).chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.word(i).chars().any(char::is_lowercase)
        {
            i += 1;
        }
        if i == a {
            return a;
        }
        // An agency credit in brackets: "(AP)".
        if i + 2 < b && self.is_punct(i, &['(']) && self.is_punct(i + 2, &[')']) {
            i += 3;
        }
        if i < b && self.is_punct(i, &['—', '–', '-', '―']) {
            i + 1
        } else {
            a
        }
    }

    /// The subject at the start of the sentence ("Trump spoke, *saying* …"), if it is a name or pronoun.
    fn subject(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let mut s = self.after_dateline(a, b);
        // "In an interview with CNN, Trump …": the subject follows an opening adverbial.
        if s < b
            && self.is_word(s)
            && lexicon::is_adverbial_start(self.lower(s))
            && let Some(comma) =
                (s + 1..b.min(s + OPENER_TOKENS)).find(|&i| self.is_punct(i, &[',']))
        {
            s = comma + 1;
        }
        while s < b
            && self.is_word(s)
            && self.tk.is_cap(self.doc, s)
            && lexicon::is_non_name(self.word(s))
            && lexicon::pronoun(self.word(s)).is_none()
        {
            s += 1;
        }
        self.source_after(s, b)
    }

    /// A collective first-person statement opening the sentence: "We, the ministers of A, B
    /// and C, express …". The source is the phrase in apposition up to its first "of" or
    /// comma, the cue the verb after the apposition, the content what follows the verb.
    pub fn statement_opener(&self, a: usize, b: usize) -> Option<Found> {
        let a = self.after_dateline(a, b);
        if !(self.word(a) == "We" && self.is_punct(a + 1, &[','])) {
            return None;
        }
        let start = a + 2;
        let verb = (start + 1..b.saturating_sub(1)).find(|&i| {
            self.is_punct(i - 1, &[','])
                && self.is_word(i)
                && self.word(i).starts_with(|c: char| c.is_ascii_lowercase())
                && !lexicon::is_determiner(self.lower(i))
                && (!self.is_function_word(i) || lexicon::is_verb_stop(self.lower(i)))
        })?;
        let from = if self.lower(start) == "the" {
            start + 1
        } else {
            start
        };
        let end = (from..verb - 1)
            .find(|&i| self.is_punct(i, &[',']) || self.lower(i) == "of")
            .unwrap_or(verb - 1);
        // "We, the leaders of A, B and C, …": a common noun alone names nobody; the whole
        // apposition does.
        let named = (from..end).any(|i| self.tk.is_cap(self.doc, i));
        let end = if named { end } else { verb - 1 };
        if end <= from || !self.is_word(verb + 1) {
            return None;
        }
        Some(Found {
            cue: (verb, verb + 1),
            source: (from, end),
            content: Content::After(self.tk.toks[verb + 1].span.start),
            stance: lexicon::cue(self.lower(verb)).unwrap_or(Stance::Neutral),
        })
    }

    /// Every attribution in the sentence with tokens `a..b`, skipping cues for which `skip`
    /// is true (inside quotations).
    pub fn find(&self, a: usize, b: usize, skip: impl Fn(Span) -> bool) -> Vec<Found> {
        let mut out = Vec::new();
        let sentence_end = self
            .tk
            .toks
            .get(b.wrapping_sub(1))
            .map_or(0, |t| t.span.end);
        for c in a..b {
            if !self.is_word(c) || skip(self.tk.toks[c].span) {
                continue;
            }
            let w = self.word(c);
            if w.chars().next().is_some_and(char::is_uppercase) && w != "According" {
                continue;
            }
            let lw = self.lower(c);
            if lw == "according" && c + 2 < b && self.lower(c + 1) == "to" {
                let Some((s, e)) = self
                    .source_after(c + 2, b)
                    .filter(|&(_, e)| e >= b || !self.is_word(e))
                    .or_else(|| self.broad_source_after(c + 2, b))
                else {
                    continue;
                };
                let lead = c == a || (self.is_word(c - 1) && c - 1 == a);
                // "In addition, according to the department, nine million …": a short opener
                // before the cue, and a clause after the source, which is the content.
                let opener = (a..c).filter(|&i| self.is_word(i)).take(4).count() <= 3
                    && self.is_punct(e, &[','])
                    && (e + 1..b).filter(|&i| self.is_word(i)).take(4).count() >= 4;
                // "… by 271 delegates according to a count by AP, but …": no comma, yet the
                // content is before the cue when nothing but a coordinated clause follows.
                let nothing_after = e >= b
                    || self.is_punct(e, &['.', ';', ')'])
                    || (self.is_punct(e, &[','])
                        && matches!(self.lower(e + 1), "but" | "and" | "while" | "though"));
                let content = if lead
                    || opener
                    || (!self.is_punct(c - 1, &[',', '—', '(']) && !nothing_after)
                {
                    let from = if self.is_punct(e, &[',']) { e + 1 } else { e };
                    if from >= b {
                        continue;
                    }
                    Content::After(self.tk.toks[from].span.start)
                } else if self.is_word(c - 1) {
                    Content::Before(self.tk.toks[c - 1].span.end)
                } else {
                    Content::Before(self.tk.toks[c - 1].span.start)
                };
                out.push(Found {
                    cue: (c, c + 2),
                    source: (s, e),
                    content,
                    stance: Stance::Neutral,
                });
                continue;
            }
            let Some(stance) = may_be_cue(lw).then(|| lexicon::cue(lw)).flatten() else {
                continue;
            };
            // "Republican support was more solid", "85 percent support among black voters":
            // a cue that is also a noun, used as one.
            if NOUN_CUES.contains(&lw)
                && (c + 1 >= b
                    || self.is_punct(c + 1, &[',', '.', ';'])
                    || matches!(
                        self.lower(c + 1),
                        "was" | "were" | "is" | "are" | "has" | "had" | "among" | "from" | "of"
                    ))
            {
                continue;
            }
            // "show up at the polls"; "a program called Safe Streets" names, it reports nothing.
            if (lw.starts_with("show") && self.lower(c + 1) == "up")
                || (lw == "called"
                    && c > a
                    && self.is_word(c - 1)
                    && self
                        .word(c - 1)
                        .starts_with(|ch: char| ch.is_ascii_lowercase())
                    && !lexicon::is_cue_adverb(self.lower(c - 1))
                    && !lexicon::is_source_noun(self.lower(c - 1))
                    && lexicon::pronoun(self.word(c - 1)).is_none()
                    && self.is_word(c + 1)
                    && self.tk.is_cap(self.doc, c + 1))
            {
                continue;
            }
            // Inverted: "…, said the minister." / "“…,” said Trump." ("told" never inverts:
            // in "…, told POLITICO," the name is the hearer.)
            if c > a
                && !NEVER_INVERTED.contains(&lw)
                && self.is_punct(c - 1, &[',', '”', '"', '’', '\''])
                && let Some(source) = self.source_after(c + 1, b).filter(|&(s, e)| {
                    // "…, said he." — but in "…, said he “values …”" or "…, said he also
                    // may …" the pronoun is the subject of the content that follows.
                    let pronoun = e == s + 1 && lexicon::pronoun(self.word(s)).is_some();
                    e >= b
                        || self.is_punct(e, &[',', '.', ';', '!', '?', ')', '—'])
                        || (!pronoun
                            && (self.tk.toks[e].kind == TokKind::Punct
                                || (!lexicon::is_object_cue(lw)
                                    && lexicon::is_adverbial_start(self.lower(e)))
                                || matches!(self.lower(e), "who" | "of")))
                })
                && (!matches!(lw, "read" | "reads")
                    || lexicon::is_document_noun(self.lower(source.1 - 1)))
            {
                out.push(Found {
                    cue: (c, c + 1),
                    source,
                    content: Content::Before(self.tk.toks[c - 1].span.start),
                    stance,
                });
                continue;
            }
            // "…, saying", "… – saying", and "… “New York values,” saying".
            let participle = c > a
                && lw.ends_with("ing")
                && (self.is_punct(c - 1, &[',', '—', '–'])
                    || (c > a + 1
                        && self.is_punct(c - 1, &['”', '"'])
                        && self.is_punct(c - 2, &[','])));
            let source = if participle {
                // "Trump spoke on Monday, saying …": the subject of the sentence speaks, or the
                // source of the attribution just before ("“…,” he said, adding …").
                self.subject(a, c)
                    .or_else(|| out.last().map(|f: &Found| f.source))
            } else {
                // "Trump saw the images and wanted to …": the sentence's subject.
                self.source_before(a, c).or_else(|| {
                    (c > a && self.is_function_word(c - 1))
                        .then(|| self.subject(a, c))
                        .flatten()
                })
            };
            let Some((s, e)) = source else {
                continue;
            };
            // "the statement read": only a document reads out its content.
            if matches!(lw, "read" | "reads") && !lexicon::is_document_noun(self.lower(e - 1)) {
                continue;
            }
            // "…, Algerian foreign ministry spokesman Ben Ali said": the phrase found may
            // start after a few modifiers of its own; the comma before them still counts.
            let lead = (s.saturating_sub(MODIFIER_LOOKBACK).max(a + 1)..s)
                .rev()
                .take_while(|&i| {
                    self.is_word(i)
                        && (!self.is_function_word(i)
                            || matches!(self.lower(i), "a" | "an" | "the"))
                })
                .last()
                .unwrap_or(s);
            let after_comma =
                !participle && lead > a + 1 && self.is_punct(lead - 1, &[',', '”', '"', '—', '\'']);
            // "Still, he said, officials …": a lone word before the source is no content.
            let lone_lead = (a..lead.saturating_sub(1))
                .filter(|&i| self.is_word(i))
                .take(2)
                .count()
                <= 1;
            let s_content = lead;
            // "said (on Monday) that …" — but not "said, adding that …".
            let that_follows = (c + 1..b.min(c + 12))
                .take_while(|&i| !self.is_punct(i, &[',', '.', ';']))
                .any(|i| self.lower(i) == "that");
            let tail_short = (c + 1..b).filter(|&i| self.is_word(i)).take(9).count() <= 8;
            // "As for the plan, she said she is not worried": a clause straight after the cue
            // is the content, even after a comma-set opener.
            // ("…, a spokesman told The Wall Street Journal.": only the hearer follows.)
            let hearer_only = lexicon::is_object_cue(lw)
                && (c + 1..b).filter(|&i| self.is_word(i)).take(6).count() <= 5
                && !(c + 1..b).any(|i| {
                    let w = self.lower(i);
                    w == "that" || SUBJECT_PRONOUNS.contains(&w)
                });
            let clause_follows = self.is_word(c + 1)
                && !hearer_only
                && !lexicon::is_adverbial_start(self.lower(c + 1))
                && (c + 1..b).filter(|&i| self.is_word(i)).take(3).count() >= 3;
            let colon = self.is_punct(c + 1, &[':']);
            // "“…,” she said several months later": a quotation that opens the sentence and
            // closes before the source is the content.
            let quote_first = self.is_punct(a, &['“', '"', '\'', '«'])
                && (a + 1..s)
                    .rev()
                    .take(QUOTE_LOOKBACK)
                    .any(|i| self.is_punct(i, &['”', '"', '\'', '»']));
            // "“…,” the minister said" and, with the comma outside, "“…”, the minister said".
            let quote_before = s > a + 1
                && (self.is_punct(s - 1, &['”', '"', '\'', '»'])
                    || (s > a + 2
                        && self.is_punct(s - 1, &[','])
                        && self.is_punct(s - 2, &['”', '"', '»'])));
            // "…, the ministry added, referring to …": the participle after the cue's comma
            // glosses the content before.
            let gloss_follows = self.is_punct(c + 1, &[','])
                && self.is_word(c + 2)
                && self.lower(c + 2).ends_with("ing");
            // "Climate change, Mr. Obama often says, is the greatest threat": a cue set off by
            // commas inside the reported clause, which is the content around it. (A quote
            // split around its cue, "“A,” he said, “B.”", is two positions instead.)
            let parenthetical = after_comma
                && !lone_lead
                && !quote_first
                && !quote_before
                && !gloss_follows
                && !self.is_punct(a, &['“', '"', '\'', '«'])
                && self.closing_comma(c, b).is_some_and(|k| {
                    self.is_word(k + 1)
                        && (k + 1..b).filter(|&i| self.is_word(i)).take(2).count() >= 2
                });
            // "Asked about the plan, Jane Roe said, “…”": the quotation after the cue is the
            // content, whatever came before.
            // (Not when a quotation also ends before the source: that is a split quote.)
            let quote_follows = ((self.is_punct(c + 1, &[',', ':'])
                && self.is_punct(c + 2, &['“', '"', '«']))
                || self.is_punct(c + 1, &['“', '«']))
                && !quote_first
                && !quote_before;
            // "Sunday on the channel’s “Morning Matters,” Rep. Dan Issa said the …": a short
            // title in quotation marks before the source, and a clause after the cue.
            let title_before = quote_before
                && !quote_first
                && clause_follows
                && (s.saturating_sub(8).max(a)..s - 1)
                    .rev()
                    .find(|&i| self.is_punct(i, &['“', '"']))
                    .is_some_and(|o| {
                        let mut words = (o + 1..s).filter(|&i| self.is_word(i));
                        words.clone().count() >= 2 && words.all(|i| self.tk.is_cap(self.doc, i))
                    });
            let content = if quote_follows || title_before {
                let from = self.content_start(c, b, lw);
                if from >= b || self.is_punct(from, &['.']) {
                    Content::NextQuote(sentence_end)
                } else {
                    Content::After(self.tk.toks[from].span.start)
                }
            } else if parenthetical {
                Content::Around(self.tk.toks[self.after_dateline(a, b)].span.start)
            } else if !colon
                && !that_follows
                && (quote_first
                    || quote_before
                    || (gloss_follows && s > a + 2)
                    || (after_comma && tail_short && !clause_follows && !lone_lead))
            {
                Content::Before(self.tk.toks[s_content - 1].span.start)
            } else {
                let from = self.content_start(c, b, lw);
                if from >= b || self.is_punct(from, &['.']) {
                    Content::NextQuote(sentence_end)
                } else {
                    Content::After(self.tk.toks[from].span.start)
                }
            };
            out.push(Found {
                cue: (c, c + 1),
                source: (s, e),
                content,
                stance,
            });
        }
        out
    }

    /// The comma that closes a cue set off inside its clause: right after the cue, or after
    /// an adverbial of a few words ("Stumpf explained earlier in the hearing, …").
    fn closing_comma(&self, c: usize, b: usize) -> Option<usize> {
        if self.is_punct(c + 1, &[',']) {
            return Some(c + 1);
        }
        if !(self.is_word(c + 1) && lexicon::is_adverbial_start(self.lower(c + 1))) {
            return None;
        }
        (c + 2..b.min(c + 2 + MODIFIER_TOKENS))
            .find(|&i| !self.is_word(i))
            .filter(|&i| self.is_punct(i, &[',']))
    }

    /// Where the content starts after the cue `c`: past the hearer ("told reporters"),
    /// adverbials ("in an interview on Sunday") and "that".
    fn content_start(&self, c: usize, b: usize, cue: &str) -> usize {
        let mut from = c + 1;
        let window = b.min(from + 20);
        // "said at a stop in Toledo, Ohio, that …": a "that" ends the adverbial even past its
        // commas; without one, the first comma, colon or quotation mark does.
        let that_or_comma = |from: usize| {
            (from..window)
                .take_while(|&i| !self.is_punct(i, &['.', ';', '“', '"']))
                .find(|&i| self.lower(i) == "that")
                .or_else(|| (from..window).find(|&i| self.is_punct(i, &[',', ':', '“', '"'])))
        };
        if lexicon::is_object_cue(cue) {
            // The hearer ends where the content opens: at "that" or a question word ("told
            // the board on Monday how …"), else after the hearer's phrase.
            if let Some(t) = (from..b.min(from + 12))
                .take_while(|&i| !self.is_punct(i, &['.', ';', '“', '"']))
                .find(|&i| matches!(self.lower(i), "that" | "how" | "whether" | "why" | "what"))
            {
                from = t;
            } else if let Some((_, oe)) = self.source_after(from, b) {
                from = oe;
            } else if let Some(t) = (from + 1..b.min(from + 8))
                .take_while(|&i| self.is_word(i) || self.tk.toks[i].kind == TokKind::Possessive)
                .find(|&i| {
                    let w = self.lower(i);
                    SUBJECT_PRONOUNS.contains(&w)
                })
            {
                // "told the forum he was …", "urged Republicans to join …": the hearer is
                // the words before the content's subject or its "to".
                from = t;
            }
        }
        if matches!(cue, "expressed" | "voiced")
            && let Some(t) = (from + 1..b.min(from + 3))
                .find(|&i| matches!(self.lower(i), "that" | "about" | "over" | "at"))
            && (from..t).all(|i| self.is_word(i) && !self.is_name_word(i))
        {
            // "expressed deep concern that …": the feeling is the cue's object; what it is
            // about is the content.
            from = t;
        }
        // "continues to insist, most recently in an interview with ABC, that …": an aside set
        // off by commas between the cue and its "that".
        if self.is_punct(from, &[','])
            && let Some(t) = (from + 2..window)
                .take_while(|&i| !self.is_punct(i, &['.', ';', '“', '"']))
                .find(|&i| self.lower(i) == "that" && self.is_punct(i - 1, &[',']))
        {
            return t;
        }
        // "called on the administration to …": a phrasal verb, not an adverbial.
        if cue.starts_with("call") && from + 1 < b && self.lower(from) == "on" {
            return from + 1;
        }
        // ("condemned Friday's test": a possessive is no adverbial.)
        if from < b
            && self.is_word(from)
            && lexicon::is_adverbial_start(self.lower(from))
            && self
                .tk
                .toks
                .get(from + 1)
                .is_none_or(|t| t.kind != TokKind::Possessive)
        {
            // "said Sunday on Fox News that …": the content follows the adverbial; with no
            // "that", comma or quotation after it, the content is elsewhere.
            match that_or_comma(from) {
                Some(t) => from = t,
                None => return b,
            }
        }
        while from < b && self.is_punct(from, &[':', ',']) {
            // (An opening quotation mark stays: the content is that quotation.)
            from += 1;
        }
        // "says of the senator, “…”": the quotation after the person spoken of.
        if from + 2 < b
            && matches!(self.lower(from), "of" | "about")
            && let Some(k) = (from + 1..b.min(from + 8)).find(|&i| !self.is_word(i))
            && self.is_punct(k, &[','])
            && self.is_punct(k + 1, &['“', '"'])
        {
            return k + 1;
        }
        // "called for talks", "accused her of lying": the preposition belongs to the cue.
        if from + 1 < b
            && self.is_word(from)
            && self.is_word(from + 1)
            && lexicon::is_cue_particle(self.lower(from))
            // ("said about 20 people …": "about" a number is an estimate.)
            && !self.lower(from + 1).starts_with(|c: char| c.is_ascii_digit())
        {
            from += 1;
        }
        from
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_passes_the_quick_test_and_common_words_fail_it() {
        for word in lexicon::cue_words() {
            assert!(may_be_cue(word), "{word}");
        }
        assert!(!may_be_cue("the"));
        assert!(!may_be_cue("from"));
        // Words the quick test cannot judge go on to the table.
        assert!(may_be_cue("a"));
        assert!(may_be_cue("über"));
    }
}
