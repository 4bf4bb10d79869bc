//! Source phrases: the noun phrase that names who speaks, found from a cue outward — before
//! it ("the Kremlin's spokesman said"), after it ("…, said the minister"), after "according
//! to", or the sentence's subject ("Trump spoke on Monday, saying …").

use crate::lexicon::{self, PronounRef};
use crate::tokens::TokKind;

use super::attribution::View;

/// Longest participle clause (tokens) between a source and its cue ("X, speaking …, said").
pub(super) const PARTICIPLE_CLAUSE_TOKENS: usize = 24;

/// Longest adverbial opening a sentence before its subject, in tokens ("In a speech in Ohio
/// on Tuesday night, Trump …").
const OPENER_TOKENS: usize = 16;

/// Longest prepositional modifier (tokens) between a source's head and its cue.
pub(super) const MODIFIER_TOKENS: usize = 8;

impl View<'_, '_> {
    /// The source phrase ending just before the cue at `cue` (after adverbs like "also"), if any.
    pub(super) fn source_before(&self, a: usize, cue: usize) -> Option<(usize, usize)> {
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
    pub(super) fn source_after(&self, s: usize, b: usize) -> Option<(usize, usize)> {
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
    pub(super) fn broad_source_after(&self, s: usize, b: usize) -> Option<(usize, usize)> {
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
    pub(super) fn subject(&self, a: usize, b: usize) -> Option<(usize, usize)> {
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
}
