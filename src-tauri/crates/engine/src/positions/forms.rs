//! The attribution forms, one function each: which tokens are the cue, the source and the
//! content for one cue word. [`View::find`] tries them in order for every cue of a sentence.
//! Sentence-level forms (first-person statements, joint subjects, transcript turns) are in
//! their own files.

use crate::lexicon::{self, WordClass};
use crate::model::{Span, Stance};
use crate::tokens::{Class, TokKind, VerbUse};

use super::attribution::{Content, Found, View, may_be_cue};

/// Most modifier words looked through before a source phrase for the comma that ends the
/// content ("…, Algerian foreign ministry spokesman Ben Ali said").
const MODIFIER_LOOKBACK: usize = 4;

/// How far back (tokens) from a source a closing quotation mark is looked for.
const QUOTE_LOOKBACK: usize = 120;

impl View<'_, '_> {
    /// Every attribution in the sentence with tokens `a..b`, skipping cues for which `skip`
    /// is true (inside quotations).
    pub fn find(&self, a: usize, b: usize, skip: impl Fn(Span) -> bool) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        for c in a..b {
            if !self.is_word(c) || skip(self.tk.toks[c].span) {
                continue;
            }
            let w = self.word(c);
            if w.chars().next().is_some_and(char::is_uppercase) && w != "According" {
                continue;
            }
            if let Some(f) = self.according_to(a, b, c) {
                out.push(f);
                continue;
            }
            let Some(stance) = self.reporting_verb(a, b, c) else {
                continue;
            };
            if let Some(f) = self.inverted(a, b, c, stance) {
                out.push(f);
                continue;
            }
            let Some((source, participle)) = self.source_of_cue(a, c, out.last()) else {
                continue;
            };
            let content = self.content_of_cue(a, b, c, source, participle);
            out.push(Found {
                cue: (c, c + 1),
                source,
                content,
                stance,
            });
        }
        out
    }

    /// "According to S, X." and "X, according to S.": the cue is the two words, the source
    /// what follows them.
    fn according_to(&self, a: usize, b: usize, c: usize) -> Option<Found> {
        if !(self.lower(c) == "according" && c + 2 < b && self.lower(c + 1) == "to") {
            return None;
        }
        let (s, e) = self
            .source_after(c + 2, b)
            .filter(|&(_, e)| e >= b || !self.is_word(e))
            .or_else(|| self.broad_source_after(c + 2, b))?;
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
        let content =
            if lead || opener || (!self.is_punct(c - 1, &[',', '—', '(']) && !nothing_after) {
                let from = if self.is_punct(e, &[',']) { e + 1 } else { e };
                if from >= b {
                    return None;
                }
                Content::After(self.tk.toks[from].span.start)
            } else if self.is_word(c - 1) {
                Content::Before(self.tk.toks[c - 1].span.end)
            } else {
                Content::Before(self.tk.toks[c - 1].span.start)
            };
        Some(Found {
            cue: (c, c + 2),
            source: (s, e),
            content,
            stance: Stance::Neutral,
        })
    }

    /// The stance of the cue word at `c` when it is used as a reporting verb: not a noun
    /// ("Republican support was solid"), not a phrasal verb that reports nothing ("show up"),
    /// not a naming ("a program called Safe Streets").
    fn reporting_verb(&self, a: usize, b: usize, c: usize) -> Option<Stance> {
        let lw = self.lower(c);
        let stance = may_be_cue(lw).then(|| lexicon::cue(lw)).flatten()?;
        // "Republican support was more solid", "85 percent support among black voters":
        // a cue that is also a noun, used as one.
        if lexicon::is_noun_cue(lw)
            && (c + 1 >= b
                || self.is_punct(c + 1, &[',', '.', ';'])
                || matches!(
                    self.lower(c + 1),
                    "was" | "were" | "is" | "are" | "has" | "had" | "among" | "from" | "of"
                ))
        {
            return None;
        }
        // "is expected to", "has been confirmed": a passive names no source unless its agent
        // follows ("was rejected by Iran" is Iran's).
        if lexicon::is_sourceless_passive(lw)
            && self.tk.verb_use(a, c) == VerbUse::Passive
            && self.lower(c + 1) != "by"
        {
            return None;
        }
        // ("His claim that …", "plans to …": a noun with its clause still reports.)
        if lexicon::is_noun_cue(lw)
            && self.used_as_noun(a, c)
            && !matches!(self.lower(c + 1), "that" | "to")
        {
            return None;
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
            return None;
        }
        Some(stance)
    }

    /// Whether a cue that is as often a noun is one here, from the word before it (adverbs
    /// looked through): after a determiner, possessive or preposition ("his plans", "the
    /// support of"), and, for a base form that needs a plural subject, after an adjective,
    /// a singular noun or a name ("continued support", "U.S. support for"); an "-s" form
    /// after a noun is its verb ("the campaign plans to …").
    fn used_as_noun(&self, a: usize, c: usize) -> bool {
        if self.tk.verb_use(a, c) == VerbUse::Noun {
            return true;
        }
        let mut k = c;
        while k > a
            && matches!(
                self.tk.class(k - 1),
                Class::Closed(WordClass::Adverb | WordClass::Negation)
            )
        {
            k -= 1;
        }
        if k == a {
            return false;
        }
        // A plural before the cue is its subject ("Americans support", "officials plan").
        let before = self.lower(k - 1);
        let plural = before.ends_with('s') && !before.ends_with("ss");
        let base = !self.lower(c).ends_with('s');
        match self.tk.class(k - 1) {
            Class::Open => base && !plural && !lexicon::is_source_noun(before),
            Class::Name | Class::Number => base && !plural,
            _ => false,
        }
    }

    /// Inverted: "…, said the minister." / "“…,” said Trump." ("told" never inverts: in "…,
    /// told POLITICO," the name is the hearer.) The content is before the cue.
    fn inverted(&self, a: usize, b: usize, c: usize, stance: Stance) -> Option<Found> {
        let lw = self.lower(c);
        if c > a
            && !lexicon::is_never_inverted(lw)
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
            return Some(Found {
                cue: (c, c + 1),
                source,
                content: Content::Before(self.tk.toks[c - 1].span.start),
                stance,
            });
        }
        None
    }

    /// The source of a cue that follows it: the phrase just before the cue ("the minister
    /// said"), or for a participle set off by a comma ("…, saying") the sentence's subject or
    /// the source of the attribution just before. True with a participle.
    fn source_of_cue(
        &self,
        a: usize,
        c: usize,
        last: Option<&Found>,
    ) -> Option<((usize, usize), bool)> {
        let lw = self.lower(c);
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
            self.subject(a, c).or_else(|| last.map(|f| f.source))
        } else {
            // "Trump saw the images and wanted to …": the sentence's subject.
            self.source_before(a, c).or_else(|| {
                (c > a && self.is_function_word(c - 1))
                    .then(|| self.subject(a, c))
                    .flatten()
            })
        };
        let (s, e) = source?;
        // "the statement read": only a document reads out its content.
        if matches!(lw, "read" | "reads") && !lexicon::is_document_noun(self.lower(e - 1)) {
            return None;
        }
        Some(((s, e), participle))
    }

    /// Where the content of the cue at `c` with source `s..e` lies: before the source ("…,
    /// the minister said"), after the cue ("said that …"), around a cue set off by commas,
    /// or in the quotation that follows.
    fn content_of_cue(
        &self,
        a: usize,
        b: usize,
        c: usize,
        (s, _): (usize, usize),
        participle: bool,
    ) -> Content {
        let lw = self.lower(c);
        let sentence_end = self
            .tk
            .toks
            .get(b.wrapping_sub(1))
            .map_or(0, |t| t.span.end);
        // "…, Algerian foreign ministry spokesman Ben Ali said": the phrase found may
        // start after a few modifiers of its own; the comma before them still counts.
        let lead = (s.saturating_sub(MODIFIER_LOOKBACK).max(a + 1)..s)
            .rev()
            .take_while(|&i| {
                self.is_word(i)
                    && (!self.is_function_word(i) || matches!(self.lower(i), "a" | "an" | "the"))
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
                w == "that" || lexicon::word_class(w) == Some(WordClass::Subject)
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
                self.is_word(k + 1) && (k + 1..b).filter(|&i| self.is_word(i)).take(2).count() >= 2
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
        if quote_follows || title_before {
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
        }
    }
}
