//! The token layer: the body's tokens, built once per draft in `lib.rs` and read by every
//! stage (parties, positions, and whoever else needs words rather than bytes).
//!
//! One pass tokenises each sentence; one pass of the gazetteer automaton marks where a known
//! name starts; each token gets its lower-cased text (from one lower-cased copy of the input,
//! same byte offsets, so a lookup never allocates) and a word class. Closed-class words take
//! their class from `data/word_classes.tsv`; other words are names (capitalised), numbers or
//! open-class words. How an open-class word is used — finite verb, noun, participle, passive,
//! infinitive — is read from the words before it ([`Tokens::verb_use`]): "the *support*"
//! (noun), "was *confirmed*" (passive), "the groups *backed* by" (participle), "to
//! *discuss*" (infinitive), "*welcomed*" after a subject (finite).

use crate::lexicon::{self, GAZETTEER, GazEntry, GazKind, WordClass};
use crate::model::Span;
use crate::text::Doc;

/// What sort of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters and digits, with inner apostrophes, hyphens and dots ("didn't", "al-Sisi", "U.S.").
    Word,
    /// A possessive ending split off its word ("'s", "’s", or a lone apostrophe after "s").
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// A token of the text: its bytes and what sort it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where the token is.
    pub span: Span,
    /// What sort of token.
    pub kind: TokKind,
}

/// A token's word class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Punctuation.
    Punct,
    /// A possessive ending ("'s").
    Possessive,
    /// A closed-class word.
    Closed(WordClass),
    /// A word starting with a digit.
    Number,
    /// A capitalised open-class word (a name, or any word opening a sentence).
    Name,
    /// A lower-case open-class word: noun, verb, adjective or adverb.
    Open,
}

/// How an open-class word is used, read from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbUse {
    /// A main verb with its subject ("the minister *said*", "she has *said*").
    Finite,
    /// After a determiner, possessive or preposition: a noun ("the *support*", "his *plans*").
    Noun,
    /// A form of "be" (and adverbs) before a past form: a passive ("was *confirmed*").
    Passive,
    /// After "to": an infinitive ("to *discuss*").
    Infinitive,
    /// An "-ing" form not after "be" ("…, *saying*"), or a past form right after a noun
    /// phrase it modifies ("the groups *backed* by Iran").
    Participle,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Appends the tokens of `span` to `out`, in one pass over its characters.
pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span.range()];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = span.start + i;
        if !c.is_alphanumeric() {
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokKind::Punct,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut dotted = false;
        let mut possessive = None;
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            let after = s[j + d.len_utf8()..].chars().next();
            let next_alnum = after.is_some_and(char::is_alphanumeric);
            if is_apostrophe(d) && matches!(after, Some('s')) {
                // "Putin's": split off the possessive unless more letters follow ("it's" stays).
                let tail = s[j + d.len_utf8() + 1..].chars().next();
                if !tail.is_some_and(char::is_alphanumeric) {
                    possessive = Some(j);
                    break;
                }
            }
            if (is_apostrophe(d) || d == '-' || d == '.') && next_alnum {
                dotted |= d == '.';
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            if d == '.' && dotted {
                // "U.S." keeps its final dot.
                end = j + 1;
                it.next();
            }
            break;
        }
        out.push(Token {
            span: Span::new(start, span.start + end),
            kind: TokKind::Word,
        });
        if let Some(j) = possessive {
            // Apostrophe plus "s".
            let a = s[j..].chars().next().map_or(1, char::len_utf8);
            while it.peek().is_some_and(|&(k, _)| k < j + a + 1) {
                it.next();
            }
            out.push(Token {
                span: Span::new(span.start + j, span.start + j + a + 1),
                kind: TokKind::Possessive,
            });
        }
    }
}

/// Tokens of the body with what the gazetteer found at each and each token's word class.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    /// Every token of every sentence, in order.
    pub toks: Vec<Token>,
    /// For each sentence, its tokens as `start..end` indexes into `toks`.
    pub sentences: Vec<(usize, usize)>,
    /// For each token that starts a gazetteer name: the entry and the index one past its last token.
    pub gaz: Vec<Option<(GazEntry, usize)>>,
    /// Plural role titles ("Foreign Ministers") as (first token, entry, index after), sorted;
    /// kept apart from `gaz` because they name groups, never one person.
    pub plural_titles: Vec<(usize, GazEntry, usize)>,
    /// Each token's word class.
    pub class: Vec<Class>,
    /// The input with ASCII letters lower-cased (same byte offsets).
    low: String,
}

impl Tokens {
    /// Tokenises the sentences of `doc` and classes every token.
    pub fn new(doc: &Doc<'_>) -> Self {
        let mut toks = Vec::with_capacity(doc.words + doc.words / 4);
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        for &s in &doc.sentences {
            let a = toks.len();
            tokenize(doc.text, s, &mut toks);
            sentences.push((a, toks.len()));
        }
        let (gaz, plural_titles) = gazetteer_marks(doc, &toks);
        let low = doc.text.to_ascii_lowercase();
        let class = toks
            .iter()
            .map(|t| class_of(doc.slice(t.span), &low[t.span.range()], t.kind))
            .collect();
        Self {
            toks,
            sentences,
            gaz,
            plural_titles,
            class,
            low,
        }
    }

    /// The text of token `i`.
    pub fn word<'a>(&self, doc: &Doc<'a>, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| doc.slice(t.span))
    }

    /// Token `i` with ASCII letters lower-cased (the word lists are ASCII); "" past the end.
    pub fn lower(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.low.get(t.span.range()))
            .unwrap_or("")
    }

    /// Token `i`'s word class (punctuation past the end).
    pub fn class(&self, i: usize) -> Class {
        self.class.get(i).copied().unwrap_or(Class::Punct)
    }

    /// True when token `i` is the closed-class word class `c`.
    pub fn is_class(&self, i: usize, c: WordClass) -> bool {
        self.class(i) == Class::Closed(c)
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// True when token `i` is punctuation starting with one of `chars`.
    pub fn is_punct(&self, doc: &Doc<'_>, i: usize, chars: &[char]) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct)
            && self
                .word(doc, i)
                .chars()
                .next()
                .is_some_and(|c| chars.contains(&c))
    }

    /// True when token `i` is a word starting with an upper-case letter.
    pub fn is_cap(&self, doc: &Doc<'_>, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
            && self
                .word(doc, i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// The plural title starting at token `i`, with the index after it.
    pub fn plural_title(&self, i: usize) -> Option<(GazEntry, usize)> {
        let n = self.plural_titles.partition_point(|&(a, _, _)| a < i);
        self.plural_titles
            .get(n)
            .filter(|&&(a, _, _)| a == i)
            .map(|&(_, e, b)| (e, b))
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    /// How the word at `i` is used, from the words before it within its sentence, which
    /// starts at token `a`. Adverbs and negations between an auxiliary and the word are looked
    /// through ("has *also* said", "was *not* confirmed").
    pub fn verb_use(&self, a: usize, i: usize) -> VerbUse {
        let w = self.lower(i);
        let past = w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn");
        let mut k = i;
        while k > a
            && matches!(
                self.class(k - 1),
                Class::Closed(WordClass::Adverb | WordClass::Negation)
            )
        {
            k -= 1;
        }
        let before = (k > a).then(|| self.class(k - 1));
        match before {
            Some(Class::Closed(WordClass::Be)) if past => VerbUse::Passive,
            Some(Class::Closed(WordClass::Be)) if w.ends_with("ing") => VerbUse::Finite,
            Some(Class::Closed(WordClass::To)) if !past && !w.ends_with("ing") => {
                VerbUse::Infinitive
            }
            Some(Class::Closed(
                WordClass::Determiner | WordClass::Possessive | WordClass::Preposition,
            ))
            | Some(Class::Possessive) => VerbUse::Noun,
            Some(Class::Closed(
                WordClass::Have | WordClass::Modal | WordClass::Do | WordClass::Subject,
            )) => VerbUse::Finite,
            _ if w.ends_with("ing") => VerbUse::Participle,
            _ => VerbUse::Finite,
        }
    }
}

/// The class of one token from its text, lower-cased text and kind.
fn class_of(word: &str, lower: &str, kind: TokKind) -> Class {
    match kind {
        TokKind::Punct => Class::Punct,
        TokKind::Possessive => Class::Possessive,
        TokKind::Word => {
            if let Some(c) = lexicon::word_class(lower) {
                Class::Closed(c)
            } else if word.starts_with(|c: char| c.is_ascii_digit()) {
                Class::Number
            } else if word.starts_with(char::is_uppercase) {
                Class::Name
            } else {
                Class::Open
            }
        }
    }
}

/// Where gazetteer names start in `toks`: for each token, the entry starting there and the
/// token after its end; plural titles apart.
#[allow(clippy::type_complexity)]
fn gazetteer_marks(
    doc: &Doc<'_>,
    toks: &[Token],
) -> (
    Vec<Option<(GazEntry, usize)>>,
    Vec<(usize, GazEntry, usize)>,
) {
    let mut gaz = vec![None; toks.len()];
    let mut plural_titles = Vec::new();
    let g = &*GAZETTEER;
    let body = &doc.text[doc.body_start..];
    let bytes = doc.text.as_bytes();
    for m in g.automaton.find_iter(body) {
        let (start, end) = (doc.body_start + m.start(), doc.body_start + m.end());
        let before_ok = start == 0
            || !doc.text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let entry = g.entries[m.pattern().as_usize()];
        let ends_word = |end: usize| {
            end >= bytes.len()
                || !doc.text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        };
        // "Foreign Ministers": a title with a plural "s" names a group of title holders.
        let plural = !ends_word(end)
            && entry.kind == GazKind::Title
            && bytes[end] == b's'
            && ends_word(end + 1);
        if !(before_ok && (plural || ends_word(end))) {
            continue;
        }
        let end = end + usize::from(plural);
        let a = toks.partition_point(|t| t.span.start < start);
        let b = toks.partition_point(|t| t.span.end <= end);
        if a < b && toks[a].span.start == start && toks[b - 1].span.end == end {
            if plural {
                plural_titles.push((a, entry, b));
            } else {
                gaz[a] = Some((entry, b));
            }
        }
    }
    (gaz, plural_titles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uses(text: &str, word: &str) -> VerbUse {
        let doc = Doc::new(text, 0);
        let tk = Tokens::new(&doc);
        let i = (0..tk.toks.len())
            .find(|&i| tk.word(&doc, i) == word)
            .expect("word in text");
        tk.verb_use(0, i)
    }

    #[test]
    fn verb_use_tells_nouns_passives_and_participles_from_verbs() {
        assert_eq!(
            uses("The minister welcomed the deal.", "welcomed"),
            VerbUse::Finite
        );
        assert_eq!(uses("She has also said so.", "said"), VerbUse::Finite);
        assert_eq!(
            uses("It has been confirmed.", "confirmed"),
            VerbUse::Passive
        );
        assert_eq!(
            uses("The talks were not announced.", "announced"),
            VerbUse::Passive
        );
        assert_eq!(uses("His plans to go.", "plans"), VerbUse::Noun);
        assert_eq!(uses("The support was broad.", "support"), VerbUse::Noun);
        assert_eq!(
            uses("They met to discuss trade.", "discuss"),
            VerbUse::Infinitive
        );
        assert_eq!(uses("He left, saying no.", "saying"), VerbUse::Participle);
    }

    #[test]
    fn tokens_carry_lower_case_and_classes() {
        let doc = Doc::new("The Minister didn't say Putin's.", 0);
        let tk = Tokens::new(&doc);
        let words: Vec<&str> = (0..tk.toks.len()).map(|i| tk.word(&doc, i)).collect();
        assert_eq!(
            words,
            ["The", "Minister", "didn't", "say", "Putin", "'s", "."]
        );
        assert_eq!(tk.lower(1), "minister");
        assert_eq!(tk.class(0), Class::Closed(WordClass::Determiner));
        assert_eq!(tk.class(1), Class::Name);
        assert_eq!(tk.class(3), Class::Open);
        assert_eq!(tk.class(5), Class::Possessive);
        assert_eq!(tk.class(6), Class::Punct);
    }
}
