//! First-person statements: a collective statement opening with "We, the …, express …" is
//! the group's, and so is every later sentence of it.

use crate::lexicon;
use crate::model::Stance;

use super::attribution::{Content, Found, View};

impl View<'_, '_> {
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
}
