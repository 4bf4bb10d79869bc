//! Turning a sentence into the question an analyst would write: "X is expected to meet Y
//! soon" → "Will X meet Y soon?"; "questioned whether Washington could spare the weapons" →
//! "Could Washington spare the weapons?". Only words of the sentence are used, moved and
//! trimmed; a pronoun subject is replaced by the party it stands for.

use std::sync::LazyLock;

use crate::dates::{self, Tok};
use crate::issues;
use crate::lexicon;
use crate::model::{Issue, Party, PartyKind, Position, QuestionKind, Span, Stance};

/// What the phrasing needs to know about the sentence's context.
pub(super) struct Context<'a> {
    /// Positions of the sentence: (content span, source span, speaker).
    pub positions: Vec<(Span, Option<Span>, &'a str)>,
    /// The person a "he"/"she" stands for when no position says (the last one named before).
    pub last_person: Option<&'a str>,
    /// The brief's parties, so a subject written as an alias ("Washington") is asked about
    /// by its name ("the United States").
    pub parties: &'a [Party],
}

impl Context<'_> {
    /// Who the pronoun at `at` stands for: the speaker of the position it opens or sits in,
    /// else the last person named. "they" and "it" are left alone: a wrong name is worse
    /// than no question.
    fn resolve(&self, at: Span, pronoun: &str) -> Option<&str> {
        if !matches!(pronoun, "he" | "she" | "we" | "i") {
            return None;
        }
        // The pronoun as a position's source first, else the tightest content around it.
        let by_position = self
            .positions
            .iter()
            .find(|(_, source, _)| *source == Some(at))
            .or_else(|| {
                self.positions
                    .iter()
                    .filter(|(content, _, _)| content.contains(at))
                    .min_by_key(|(content, _, _)| content.len())
            })
            .map(|p| p.2);
        let fallback = if matches!(pronoun, "he" | "she") {
            self.last_person
        } else {
            None
        };
        by_position.or(fallback)
    }
}

/// A phrased question and the kind its construction suggests.
pub(super) struct Phrased {
    pub text: String,
    pub kind: QuestionKind,
}

/// The word lists of `data/question_words.tsv`, one function each.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident;)*) => {
        $($(#[$doc])* fn $name() -> &'static [&'static str] {
            static LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
                lexicon::rows(lexicon::files::QUESTION_WORDS)
                    .into_iter()
                    .filter(|r| r.get(1) == Some(&stringify!($name)))
                    .map(|r| r[0])
                    .collect()
            });
            &LIST
        })*
    };
}

word_lists! {
    /// Modal verbs that open a question.
    modals;
    /// Words after "is" that schedule ("expected to").
    schedule_adj;
    /// Verbs of intent ("plans to").
    intent_verbs;
    /// Deliberations under way ("is meeting to").
    pending_ing;
    /// Words that end a question's verb phrase.
    vp_stops;
    /// Reporting verbs: what follows has its own subject.
    reporting;
    /// Words that show a stretch is a clause, not a subject.
    finite;
    /// Words that open a clause: a subject starts after the last one.
    clause_openers;
    /// Words a subject never starts with.
    not_subject_start;
    /// Function words trimmed from a verb phrase's end.
    trailing;
    /// Adverbs dropped from a question.
    dropped;
    /// Verbs of events: a question about them is a scheduled event.
    event_verbs;
    /// Pronouns a subject is resolved from.
    pronouns;
    /// Words a real question opens with.
    question_openers;
}

const SUBJECT_REACH: usize = 30;
const MAX_SUBJECT_WORDS: usize = 10;
const MAX_VP_WORDS: usize = 18;

struct S<'t, 'a> {
    text: &'a str,
    toks: &'t [Tok<'a>],
    lower: &'t [String],
}

impl S<'_, '_> {
    fn is(&self, k: usize, words: &[&str]) -> bool {
        self.lower
            .get(k)
            .is_some_and(|w| words.contains(&w.as_str()))
    }
    fn word(&self, k: usize) -> bool {
        self.toks[k].s.chars().any(char::is_alphanumeric)
    }

    /// Tokens `from..to` minus `skip`, with the text's own spacing collapsed to single spaces.
    fn join(&self, from: usize, to: usize, skip: &[&str]) -> String {
        let mut out = String::new();
        let mut prev_end: Option<usize> = None;
        for k in from..to {
            let t = &self.toks[k];
            if skip.contains(&self.lower[k].as_str()) || matches!(t.s, "“" | "”" | "\"" | "«" | "»")
            {
                continue;
            }
            if prev_end.is_some_and(|e| self.text[e..t.span.start].chars().any(char::is_whitespace))
            {
                out.push(' ');
            }
            out.push_str(t.s);
            prev_end = Some(t.span.end);
        }
        out
    }

    /// True when tokens `start..at` can be a subject: not a relative clause ("a development
    /// that could reshape …"), a gerund phrase ("Reiterating his condolences"), a contraction
    /// ("it's") or a stretch with a verb inside ("The President emphasized his pledge to
    /// ensure Iran …"). Participles after an article stay ("the elected leaders").
    fn noun_phrase(&self, start: usize, at: usize) -> bool {
        if start >= at
            || self.is(start, not_subject_start())
            || self.is(at - 1, &["that", "which", "who"])
        {
            return false;
        }
        let gerund = self.lower[start].ends_with("ing") && self.lower[start].len() > 5;
        if (start..at).any(|k| {
            matches!(
                self.toks[k].s,
                "(" | ")" | "[" | "]" | ";" | ":" | "—" | "–"
            )
        }) {
            return false;
        }
        let verb_inside = (start..at).any(|k| {
            let w = &self.lower[k];
            let after_article =
                k > start && self.is(k - 1, &["the", "a", "an", "its", "their", "his", "her"]);
            self.is(k, finite())
                || self.is(k, reporting())
                || (k > start && crate::lexicon::cue(w).is_some())
                || (k > start && w.len() > 4 && w.ends_with("ed") && !after_article)
        });
        let contraction = (start..at).any(|k| {
            matches!(self.toks[k].s, "'" | "’")
                && self.is(k + 1, &["s", "re", "ve", "ll", "d"])
                && (k + 2 >= at || k == start)
        }) || !self.word(start);
        !(gerund || verb_inside || contraction)
    }

    /// The subject before token `at`: back to the nearest clause opener, if it is short.
    fn subject(&self, at: usize) -> Option<(usize, usize)> {
        // A subject sits within a few words of its verb: the scan back is bounded, so a
        // sentence of any length costs the same per trigger.
        let mut start = at.saturating_sub(SUBJECT_REACH);
        for k in (start..at).rev() {
            // "Russia, France, and Ukraine": a comma before "and" or between names is a list.
            let list_comma = self.toks[k].s == ","
                && (self.is(k + 1, &["and", "or"])
                    || (k > 0
                        && self.toks[k - 1].s.starts_with(char::is_uppercase)
                        && self
                            .toks
                            .get(k + 1)
                            .is_some_and(|t| t.s.starts_with(char::is_uppercase))
                        && (k + 1..(k + 8).min(self.toks.len()))
                            .any(|j| self.is(j, &["and", "or"]))));
            if list_comma {
                continue;
            }
            if (self.is(k, clause_openers()) || self.is(k, reporting()))
                && (k + 1..at).any(|j| self.word(j))
            {
                start = k + 1;
                break;
            }
        }
        while start < at
            && self.is(
                start,
                &["also", "and", "but", "so", "then", "however", "meanwhile"],
            )
        {
            start += 1;
        }
        if !self.noun_phrase(start, at) || self.is(start, &["no", "none", "nothing", "neither"]) {
            return None;
        }
        let mut at = at;
        while at > start
            && self.is(
                at - 1,
                &[
                    "also",
                    "meanwhile",
                    "reportedly",
                    "still",
                    "now",
                    "already",
                    ",",
                ],
            )
        {
            at -= 1;
        }
        let n = (start..at).filter(|&k| self.word(k)).count();
        (n > 0 && n <= MAX_SUBJECT_WORDS).then_some((start, at))
    }

    /// A verb phrase a question can be built on: more than a lone auxiliary ("be"), not a
    /// negated modal or a verb of saying or hoping ("cannot tell", "hope relevant parties …",
    /// "like to ask"), and not addressed to the reader ("you").
    fn asks_about_the_world(&self, v: usize, end: usize) -> bool {
        let words: Vec<usize> = (v..end).filter(|&k| self.word(k)).collect();
        let Some(&first) = words.first() else {
            return false;
        };
        let lone_aux = words.len() == 1 && self.is(first, &["be", "have", "do", "been", "being"]);
        let saying = self.is(first, reporting())
            || self.is(
                first,
                &["cannot", "hope", "think", "believe", "wonder", "ask"],
            )
            || (self.is(first, &["like", "love"]) && self.is(first + 1, &["to"]));
        let you = words.iter().any(|&k| self.is(k, &["you", "your"]));
        !(lone_aux || saying || you)
    }

    /// The verb phrase from `from`: to the first stop word, a clause comma, or the word limit.
    fn vp_end(&self, from: usize) -> usize {
        let mut n = 0;
        let mut k = from;
        while k < self.toks.len() {
            // "would be following the protests": a participle after "be", not a preposition.
            let participle = self.is(k, &["following"])
                && k > 0
                && self.is(k - 1, &["be", "is", "are", "was", "were", "been"]);
            if self.is(k, vp_stops()) && !participle {
                break;
            }
            // "… and will include", "… and emphasized": a second clause.
            if self.is(k, &["and"])
                && k > from
                && (self.is(k + 1, modals())
                    || self.is(k + 1, reporting())
                    || self
                        .lower
                        .get(k + 1)
                        .is_some_and(|w| w.len() > 4 && w.ends_with("ed")))
            {
                break;
            }
            if self.toks[k].s == "," {
                // A comma inside a list of names ("Germany, France and Ukraine") continues.
                let list = self.toks.get(k + 1).is_some_and(|t| {
                    t.s.starts_with(char::is_uppercase)
                        && (k + 1..(k + 5).min(self.toks.len())).any(|j| self.lower[j] == "and")
                });
                if !list {
                    break;
                }
            }
            if self.is(k, &["for"]) && self.is(k + 1, &["what"]) {
                break;
            }
            // A long phrase ends before its purpose clause ("… in Berlin to discuss …").
            if n >= 8 && self.is(k, &["to"]) {
                break;
            }
            if self.word(k) {
                n += 1;
                if n > MAX_VP_WORDS {
                    break;
                }
            }
            k += 1;
        }
        while k > from && self.is(k - 1, trailing()) {
            k -= 1;
        }
        k
    }

    /// A subject phrase for a question, with pronouns replaced and a leading article lowered.
    fn subject_text(&self, (a, b): (usize, usize), ctx: &Context<'_>) -> Option<String> {
        let words: Vec<usize> = (a..b).filter(|&k| self.word(k)).collect();
        if words.len() == 1 && self.is(words[0], pronouns()) {
            if let Some(name) = ctx.resolve(self.toks[words[0]].span, &self.lower[words[0]]) {
                return Some(name.to_owned());
            }
            // "Trump said he expected to …": the pronoun is the subject of "said".
            let k = words[0];
            if k > 0 && self.is(k - 1, reporting()) {
                let outer = self.subject(k - 1)?;
                if (outer.0..outer.1).filter(|&j| self.word(j)).count() == 1
                    && self.is(outer.0, pronouns())
                {
                    return None;
                }
                return self.subject_text(outer, ctx);
            }
            return None;
        }
        // "Our countries": the issuer speaking of itself, which a question cannot name.
        if self.is(a, &["our", "my"]) {
            return None;
        }
        // "This", "that", "it" alone stand for something the question cannot name.
        if words.len() == 1
            && self.is(
                words[0],
                &["this", "that", "these", "those", "it", "they", "there"],
            )
        {
            return None;
        }
        let s = self.join(a, b, &[]);
        // A dateline word ("MOSCOW") or a name's suffix ("Jr.") is no subject.
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2
            || (letters.len() > 2
                && letters.iter().all(|c| c.is_uppercase())
                && !s.contains(' ')
                && !ctx.parties.iter().any(|p| p.aliases.contains(&s)))
            || matches!(s.as_str(), "Jr" | "Jr." | "Sr" | "Sr.")
        {
            return None;
        }
        if let Some(name) = canonical(ctx.parties, &s) {
            return Some(name);
        }
        let lowered = [
            "The ", "A ", "An ", "This ", "These ", "Those ", "Its ", "Their ",
        ]
        .iter()
        .find_map(|p| {
            s.strip_prefix(p)
                .map(|rest| format!("{} {rest}", p.trim().to_lowercase()))
        });
        Some(lowered.unwrap_or(s))
    }
}

/// The party a subject written as one of its aliases stands for ("Washington" → "the United
/// States"), by its canonical name; `None` when the subject is already that name or no alias.
fn canonical(parties: &[Party], subject: &str) -> Option<String> {
    let p = parties.iter().find(|p| {
        p.name != subject
            && p.aliases.iter().any(|a| a == subject)
            && !subject.starts_with(|c: char| c.is_lowercase())
    })?;
    // A seat or capital standing for its country, or a person's surname alone, reads better
    // as the canonical name; "the" before a country whose name needs it.
    let needs_article = p.name.starts_with("United ")
        || p.name.ends_with(" Republic")
        || p.name.starts_with("Republic ")
        || p.name.ends_with("lands");
    Some(if needs_article {
        format!("the {}", p.name)
    } else {
        p.name.clone()
    })
}

/// A question about the issue a sentence's positions are on, where no construction of its
/// words makes one: the issue's own question when its head noun has one
/// (`data/questions_nouns.tsv`: "Will the Budapest summit take place?"), else one by kind.
pub(super) fn about_issue(
    here: &[&Position],
    issues: &[Issue],
    kind: Option<QuestionKind>,
) -> Option<Phrased> {
    let id = here.iter().find_map(|p| p.issue_id.as_deref())?;
    let label = issues.iter().find(|i| i.id == id)?.label.as_str();
    let head = issues::head_noun(label);
    // Only a label headed by a topic noun makes a question worth asking ("the Budapest
    // summit", not "United States remains").
    if !issues::is_topic_noun(&head.to_lowercase()) {
        return None;
    }
    let np = if issues::is_countable_topic(&head.to_lowercase()) {
        format!("the {label}")
    } else {
        label.to_owned()
    };
    if let Some((_, template)) = NOUNS.iter().find(|(n, _)| head.eq_ignore_ascii_case(n)) {
        return Some(Phrased {
            text: finish(&template.replace("{np}", &np)),
            kind: kind.unwrap_or(QuestionKind::UncertainOutcome),
        });
    }
    let kind = kind.unwrap_or(QuestionKind::UncertainOutcome);
    let text = match kind {
        QuestionKind::Contested => format!("Will the parties settle their differences over {np}"),
        QuestionKind::ScheduledEvent | QuestionKind::PendingDecision => {
            format!("What will be decided on {np}")
        }
        QuestionKind::UnknownFact => format!("What is known so far about {np}"),
        QuestionKind::UncertainOutcome => format!("What will come of {np}"),
    };
    Some(Phrased {
        text: finish(&text),
        kind,
    })
}

/// The last resort for a sentence that raises a question no construction phrases: ask where
/// its main speaker goes next on the issue, by the stance taken ("Will Egypt drop its
/// objection to the modifications?"). Only for a label that reads as a topic: two to six
/// words, with a name or a topic noun.
pub(super) fn about_position(
    here: &[&Position],
    issues: &[Issue],
    parties: &[Party],
) -> Option<Phrased> {
    let (p, label) = here.iter().find_map(|p| {
        let id = p.issue_id.as_deref()?;
        let label = issues.iter().find(|i| i.id == id)?.label.as_str();
        Some((*p, label))
    })?;
    about_phrase(p, label, parties)
}

/// The possessive for speaker `p`'s own stand: "its" for a state or a body, "their" for a
/// group, and none for a person (whose pronoun the text does not give us): "the".
fn possessive_of(p: &Position, parties: &[Party]) -> &'static str {
    let kind = p
        .party
        .as_deref()
        .and_then(|id| parties.iter().find(|x| x.id == id))
        .map(|x| x.kind);
    match kind {
        Some(PartyKind::Person) => "the",
        Some(PartyKind::Group) => "their",
        _ => "its",
    }
}

/// The question where speaker `p` goes next on the topic `label` names, by its stance.
pub(super) fn about_phrase(p: &Position, label: &str, parties: &[Party]) -> Option<Phrased> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let named = words.iter().any(|w| w.starts_with(char::is_uppercase));
    let head = issues::head_noun(label).to_lowercase();
    if words.len() > 7 || (words.len() == 1 && !issues::is_topic_noun(&head)) {
        return None;
    }
    let np = if issues::is_countable_topic(&head) || !named {
        format!("the {label}")
    } else {
        label.to_owned()
    };
    let who = p.speaker.as_str();
    if who.starts_with("unnamed") {
        return None;
    }
    let (text, kind) = match p.stance {
        Stance::Oppose => (
            format!(
                "Will {who} drop {} objection to {np}",
                possessive_of(p, parties)
            ),
            QuestionKind::Contested,
        ),
        Stance::Uncertain => (
            format!("What will {who} decide on {np}"),
            QuestionKind::PendingDecision,
        ),
        Stance::Conditional => (
            format!("Will the conditions {who} set on {np} be met"),
            QuestionKind::PendingDecision,
        ),
        Stance::Support | Stance::Neutral => (
            format!("How will {who} follow up on {np}"),
            QuestionKind::UncertainOutcome,
        ),
    };
    Some(Phrased {
        text: finish(&text),
        kind,
    })
}

/// A question about a topic alone, by kind ("What will follow from the special military
/// operation?"), for a strong sentence that names no speaker.
pub(super) fn about_topic(label: &str, kind: Option<QuestionKind>) -> Option<Phrased> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let head = issues::head_noun(label).to_lowercase();
    if words.len() > 7 || (words.len() == 1 && !issues::is_topic_noun(&head)) {
        return None;
    }
    let named = words.iter().any(|w| w.starts_with(char::is_uppercase));
    let np = if issues::is_countable_topic(&head) || !named {
        format!("the {label}")
    } else {
        label.to_owned()
    };
    let kind = kind.unwrap_or(QuestionKind::UncertainOutcome);
    let text = match kind {
        QuestionKind::Contested => format!("Will the parties settle their differences over {np}"),
        // Only an event takes place ("the summit", not "the two presidents").
        QuestionKind::ScheduledEvent if names_event(&head) => format!("When will {np} take place"),
        QuestionKind::ScheduledEvent => return None,
        QuestionKind::PendingDecision => format!("What will be decided on {np}"),
        QuestionKind::UnknownFact => format!("What is known so far about {np}"),
        QuestionKind::UncertainOutcome => format!("What will follow from {np}"),
    };
    Some(Phrased {
        text: finish(&text),
        kind,
    })
}

/// Capitalises the first letter and ends with one question mark.
fn finish(q: &str) -> String {
    let q = q
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '?', '!', '-', '—', '–', ' '])
        .trim();
    let mut c = q.chars();
    let Some(first) = c.next() else {
        return String::new();
    };
    format!("{}{}?", first.to_uppercase(), c.as_str())
}

fn modal_word(w: &str) -> &'static str {
    match w {
        "could" => "Could",
        "can" => "Can",
        "should" | "must" => "Should",
        _ => "Will",
    }
}

/// Phrases the sentence `toks` as a question, or `None` when no construction fits.
pub(super) fn phrase(
    text: &str,
    toks: &[Tok<'_>],
    lower: &[String],
    ctx: &Context<'_>,
) -> Option<Phrased> {
    let s = S { text, toks, lower };
    if toks.len() >= 5 && toks.last().is_some_and(|t| t.s == "?") {
        return explicit(&s);
    }
    // "If X, Y will Z" → "Will Y Z if X?"
    if s.is(0, &["if"])
        && let Some(comma) = toks.iter().position(|t| t.s == ",")
    {
        let cond = s.join(1, comma, &[]);
        if let Some(main) = construction(&s, comma + 1, ctx) {
            return Some(Phrased {
                text: finish(&format!("{} if {cond}", main.text.trim_end_matches('?'))),
                kind: QuestionKind::PendingDecision,
            });
        }
    }
    construction(&s, 0, ctx)
}

/// A question the text asks itself: kept as asked, without a speaker label.
fn explicit(s: &S<'_, '_>) -> Option<Phrased> {
    let mut a = 0;
    // Skip "QUESTION:" style labels and fillers ("Well,", "So").
    while a + 1 < s.toks.len()
        && (s.is(a, &["well", "so", "okay", "ok", "and", ",", ":"])
            || (s.toks[a].s.len() > 1
                && s.toks[a].s.chars().all(|c| c.is_uppercase())
                && s.toks[a + 1].s == ":"))
    {
        a += 1;
    }
    // A real question opens with an auxiliary or a wh-word ("Is that the last step?"), not an
    // imperative or a statement with a rising tone ("You didn't have anything to say?").
    if !s.is(a, question_openers()) {
        return None;
    }
    let q = s.join(a, s.toks.len(), &[]);
    (q.split_whitespace().count() >= 4).then(|| Phrased {
        text: finish(&q),
        kind: QuestionKind::UnknownFact,
    })
}

/// The first construction from token `from` that makes a question: intentions, schedules and
/// "whether" first, then modals, then pending deliberations, then an open-ended noun.
fn construction(s: &S<'_, '_>, from: usize, ctx: &Context<'_>) -> Option<Phrased> {
    strong(s, from, ctx)
        .or_else(|| weak(s, from, ctx))
        .or_else(|| noun_question(s, from))
}

fn strong(s: &S<'_, '_>, from: usize, ctx: &Context<'_>) -> Option<Phrased> {
    let n = s.toks.len();
    for k in from..n {
        // "whether Washington could spare the weapons"
        if s.is(k, &["whether"]) {
            if let Some(q) = inverted(s, k + 1, s.vp_end(k + 1), ctx) {
                return Some(q);
            }
            continue;
        }
        // "X is expected to meet Y"
        if s.is(k, &["is", "are", "was", "were"])
            && s.is(k + 1, schedule_adj())
            && s.is(k + 2, &["to"])
        {
            let kind = if s.is(k + 3, event_verbs()) {
                QuestionKind::ScheduledEvent
            } else {
                QuestionKind::PendingDecision
            };
            if let Some(q) = will(s, s.subject(k), k + 3, "Will", kind, ctx) {
                return Some(q);
            }
        }
        // "A meeting is tentatively scheduled for April 14 in Bergen"
        if s.is(k, &["is", "are", "was", "were"]) {
            let mut j = k + 1;
            while s.lower.get(j).is_some_and(|w| w.ends_with("ly")) {
                j += 1;
            }
            if s.is(j, &["scheduled", "planned", "set", "due"]) && s.is(j + 1, &["for", "on", "in"])
            {
                let when_fixed = s.toks.get(j + 2).is_some_and(|t| {
                    t.s.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
                });
                if let Some(subject) = s.subject(k).and_then(|sub| s.subject_text(sub, ctx)) {
                    let rest = if when_fixed {
                        format!("on {}", s.join(j + 2, s.vp_end(j + 2), dropped()))
                    } else {
                        "as planned".to_owned()
                    };
                    return Some(Phrased {
                        text: finish(&format!("Will {subject} take place {rest}")),
                        kind: QuestionKind::ScheduledEvent,
                    });
                }
            }
        }
        // "X rejected the offer as premature" → will X accept it after all?
        if s.is(k, &["rejected", "dismissed", "refused", "rebuffed"]) && k > from {
            let (verb_at, end) = if s.is(k + 1, &["to"]) {
                (k + 2, s.vp_end(k + 2))
            } else {
                (k + 1, s.vp_end(k + 1))
            };
            let obj_end = (verb_at..end)
                .find(|&j| s.is(j, &["as", "because", "over"]))
                .unwrap_or(end);
            if let Some(subject) = s.subject(k).and_then(|sub| s.subject_text(sub, ctx))
                && obj_end > verb_at
            {
                let rest = s.join(verb_at, obj_end, dropped());
                let text = if s.is(k + 1, &["to"]) {
                    format!("Will {subject} {rest} after all")
                } else {
                    format!("Will {subject} accept {rest} after all")
                };
                return Some(Phrased {
                    text: finish(&text),
                    kind: QuestionKind::Contested,
                });
            }
        }
        // "X plans to visit Y", "X noted plans to meet Y"
        if s.is(k, intent_verbs()) && s.is(k + 1, &["to"]) && k > from {
            // "noted plans to": "plans" is a noun and the verb before it has the subject.
            let noun_use = k > from + 1
                && (s.lower[k - 1].ends_with("ed")
                    || s.is(k - 1, &["has", "have", "had", "its", "their", "his", "her"]));
            let subject = if noun_use {
                s.subject(k - 1)
            } else {
                s.subject(k)
            };
            if let Some(q) = will(
                s,
                subject,
                k + 2,
                "Will",
                QuestionKind::PendingDecision,
                ctx,
            ) {
                return Some(q);
            }
        }
    }
    None
}

fn weak(s: &S<'_, '_>, from: usize, ctx: &Context<'_>) -> Option<Phrased> {
    let n = s.toks.len();
    for k in from..n {
        // "X will/could meet Y"
        if s.is(k, modals()) && k > from {
            let mut v = k + 1;
            // "can’t" is "can", "’", "t": the negation goes, as "not" does.
            while s.is(v, dropped()) || s.is(v, &["'", "’", "t"]) {
                v += 1;
            }
            let kind = if s.is(v, event_verbs()) {
                QuestionKind::ScheduledEvent
            } else {
                QuestionKind::UncertainOutcome
            };
            // "could meet on August 17" is a scheduled event: ask whether it will happen.
            let m = if kind == QuestionKind::ScheduledEvent {
                "Will"
            } else {
                modal_word(&s.lower[k])
            };
            if let Some(q) = will(s, s.subject(k), v, m, kind, ctx) {
                return Some(q);
            }
        }
        // "The cabinet is meeting to discuss this matter" → what will it decide?
        if s.is(k, &["is", "are"]) && s.is(k + 1, pending_ing()) && k > from {
            let subject = s.subject(k).and_then(|sub| s.subject_text(sub, ctx));
            let end = s.vp_end(k + 1);
            if let Some(subject) = subject
                && end > k + 1
            {
                let vp = s.join(k + 1, end, dropped());
                return Some(Phrased {
                    text: finish(&format!("What will {subject} decide after {vp}")),
                    kind: QuestionKind::PendingDecision,
                });
            }
        }
    }
    None
}

/// The first word after `from` that looks like the clause's verb (for "noted plans to").
fn first_verb(s: &S<'_, '_>, from: usize, to: usize) -> usize {
    (from.max(to.saturating_sub(SUBJECT_REACH))..to)
        .rev()
        .find(|&k| {
            let w = &s.lower[k];
            w.ends_with("ed") || w.ends_with('s') && !s.toks[k].s.starts_with(char::is_uppercase)
        })
        .unwrap_or(to)
}

/// "Will SUBJECT VP?" with the verb phrase starting at `v`.
fn will(
    s: &S<'_, '_>,
    subject: Option<(usize, usize)>,
    v: usize,
    modal: &str,
    kind: QuestionKind,
    ctx: &Context<'_>,
) -> Option<Phrased> {
    let subject = s.subject_text(subject?, ctx)?;
    let end = s.vp_end(v);
    if end <= v || !(v..end).any(|k| s.word(k)) || !s.asks_about_the_world(v, end) {
        return None;
    }
    let vp = s.join(v, end, dropped());
    Some(Phrased {
        text: finish(&format!("{modal} {subject} {vp}")),
        kind,
    })
}

/// A "whether" clause as a question: its modal or auxiliary moved to the front.
fn inverted(s: &S<'_, '_>, from: usize, to: usize, ctx: &Context<'_>) -> Option<Phrased> {
    let kind = QuestionKind::PendingDecision;
    // "Whether they can sell a deal is another question": the clause ends at the main verb.
    let aux_at = (from..to).find(|&k| {
        s.is(k, modals()) || s.is(k, &["is", "are", "was", "were", "has", "have", "had"])
    });
    let to = aux_at
        .and_then(|a| (a + 1..to).find(|&k| s.is(k, &["is", "was", "remains", "remain"])))
        .unwrap_or(to);
    // "whether to supply the missiles": the clause's subject is the sentence's.
    if s.is(from, &["to"]) {
        let subject = s.subject(first_verb(s, 0, from.saturating_sub(1)));
        return will(s, subject, from + 1, "Will", kind, ctx);
    }
    let aux = (from..to).find(|&k| {
        s.is(k, modals()) || s.is(k, &["is", "are", "was", "were", "has", "have", "had"])
    })?;
    if aux == from || !s.noun_phrase(from, aux) {
        return None;
    }
    let subject = s.subject_text((from, aux), ctx)?;
    let mut v = aux + 1;
    while s.is(v, dropped()) {
        v += 1;
    }
    if v >= to {
        return None;
    }
    let vp = s.join(v, to, dropped());
    let lead = match s.lower[aux].as_str() {
        "is" | "was" => "Is".to_owned(),
        "are" | "were" => "Are".to_owned(),
        "has" | "have" | "had" => "Has".to_owned(),
        m => modal_word(m).to_owned(),
    };
    Some(Phrased {
        text: finish(&format!("{lead} {subject} {vp}")),
        kind,
    })
}

static NOUNS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        // File order is priority order, so the lines are read as written (not sorted).
        include_str!("../../data/questions_nouns.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });

/// Whether the head noun `head` (lower case) names an event: its question in
/// `data/questions_nouns.tsv` asks whether it will happen.
fn names_event(head: &str) -> bool {
    NOUNS
        .iter()
        .any(|(n, t)| n.eq_ignore_ascii_case(head) && is_event_template(t))
}

/// A template that asks whether an event will happen.
fn is_event_template(t: &str) -> bool {
    t.ends_with("take place?") || t.ends_with("go ahead?")
}

/// The sentence reports as done what the noun at `k` names: its nearest verb is in the past
/// ("the meeting *took place*", "*met* during the meeting") and nothing looks ahead.
fn reports_done(s: &S<'_, '_>, k: usize) -> bool {
    let ahead = s.lower.iter().any(|w| modals().contains(&w.as_str()))
        || s.lower.iter().any(|w| dates::tense::is_future_word(w));
    let past = dates::tense::around(s.toks, k, k) == dates::tense::Tense::Past
        || s.lower.iter().enumerate().any(|(j, w)| {
            dates::tense::is_irregular_past(w)
                || (w.len() > 4
                    && w.ends_with("ed")
                    && j > 0
                    && !s.is(j - 1, &["the", "a", "an", "be", "to", "been", "being"]))
        });
    !ahead && past
}

/// Words that may stand inside a noun phrase before its head ("the Jeddah talks").
fn modifier(s: &S<'_, '_>, k: usize) -> bool {
    let w = &s.lower[k];
    s.word(k) && !s.is(k, modals()) && !s.is(k, clause_openers()) && !s.is(k, not_subject_start())
        && !matches!(w.as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "has" | "have"
            | "had" | "and" | "or" | "to" | "not" | "will")
        && !w.ends_with("ed")
        && !(w.ends_with("ing") && w.len() > 4)
        || s.toks[k].s == "-"
        // a possessive: "the forum's ministerial meeting"
        || (matches!(s.toks[k].s, "'" | "’") && s.is(k + 1, &["s"]))
}

/// Questions about an open-ended noun ("Will the ceasefire hold?"); the noun listed first in
/// the data file wins when a sentence has several.
fn noun_question(s: &S<'_, '_>, from: usize) -> Option<Phrased> {
    let (k, i) = (from..s.toks.len())
        .filter_map(|k| {
            NOUNS
                .iter()
                .position(|(n, _)| *n == s.lower[k])
                .map(|i| (k, i))
        })
        // Never ask whether something will happen when the sentence says it did ("During
        // the meeting, the ministers agreed …").
        .filter(|&(k, i)| !(is_event_template(NOUNS[i].1) && reports_done(s, k)))
        // A capitalised noun is part of a name ("the Cold War", "Prevent Conflict").
        .filter(|&(k, _)| !s.toks[k].s.starts_with(char::is_uppercase))
        .min_by_key(|&(_, i)| i)?;
    {
        let mut a = k;
        while a > from
            && k - a < 7
            && modifier(s, a - 1)
            && !s.is(a - 1, &["the", "a", "an", "this", "these", "its", "their"])
        {
            a -= 1;
        }
        // Without a determiner the walk may have taken a verb ("sell Putin's war"): keep only
        // names, numbers, hyphens and possessives then.
        let has_det = a > from && s.is(a - 1, &["the", "a", "an", "this", "these", "its", "their"]);
        if !has_det {
            while a < k
                && s.toks[a].s.starts_with(|c: char| c.is_lowercase())
                && s.lower[a] != "s"
                && !s.is(a + 1, &["-"])
            {
                a += 1;
            }
            while a < k && !s.word(a) {
                a += 1;
            }
        }
        // "in-person", "cross-Strait", "full-scale": a hyphenated word stays whole.
        while a >= from + 2 && s.toks[a - 1].s == "-" && s.word(a - 2) {
            a -= 2;
        }
        let det = if a > from && s.is(a - 1, &["the", "this", "these", "its", "their"]) {
            format!("{} ", s.lower[a - 1])
        } else if a > from && s.is(a - 1, &["a", "an"]) || a == k {
            "the ".to_owned()
        } else {
            String::new()
        };
        let np = format!("{det}{}", s.join(a, k + 1, &[]));
        let q = NOUNS[i].1.replace("{np}", &np);
        Some(Phrased {
            text: finish(&q),
            kind: QuestionKind::UncertainOutcome,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PositionKind;

    fn party(id: &str, name: &str, kind: PartyKind) -> Party {
        Party {
            id: id.to_owned(),
            name: name.to_owned(),
            kind,
            role: None,
            affiliation: None,
            aliases: Vec::new(),
            mentions: Vec::new(),
        }
    }

    fn opposing(speaker: &str, party: &str) -> Position {
        Position {
            speaker: speaker.to_owned(),
            party: Some(party.to_owned()),
            kind: PositionKind::Paraphrase,
            text: "the new quotas".to_owned(),
            cue: "rejected".to_owned(),
            issue: "fishing quotas".to_owned(),
            issue_id: None,
            stance: Stance::Oppose,
            content_span: Span::new(0, 1),
            cue_span: None,
            source_span: None,
            sentence_span: Span::new(0, 1),
        }
    }

    #[test]
    fn an_objection_is_its_for_a_state_and_the_for_a_person() {
        let parties = [
            party("p1", "Norway", PartyKind::Country),
            party("p2", "Anna Berg", PartyKind::Person),
            party("p3", "fishing unions", PartyKind::Group),
        ];
        let ask = |speaker: &str, id: &str| {
            about_phrase(&opposing(speaker, id), "fishing quotas", &parties)
                .map(|q| q.text)
                .unwrap()
        };
        assert_eq!(
            ask("Norway", "p1"),
            "Will Norway drop its objection to the fishing quotas?"
        );
        assert_eq!(
            ask("Anna Berg", "p2"),
            "Will Anna Berg drop the objection to the fishing quotas?"
        );
        assert_eq!(
            ask("fishing unions", "p3"),
            "Will fishing unions drop their objection to the fishing quotas?"
        );
    }
}
