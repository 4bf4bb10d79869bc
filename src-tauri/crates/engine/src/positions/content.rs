//! Where the content starts after a cue: past the hearer ("told reporters"), adverbials ("in
//! an interview on Sunday"), the cue's own preposition ("called for") and "that".

use crate::lexicon::{self, WordClass};
use crate::tokens::TokKind;

use super::attribution::View;
use super::source::MODIFIER_TOKENS;

impl View<'_, '_> {
    /// The comma that closes a cue set off inside its clause: right after the cue, or after
    /// an adverbial of a few words ("Stumpf explained earlier in the hearing, …").
    pub(super) fn closing_comma(&self, c: usize, b: usize) -> Option<usize> {
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
    pub(super) fn content_start(&self, c: usize, b: usize, cue: &str) -> usize {
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
                    lexicon::word_class(w) == Some(WordClass::Subject)
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
