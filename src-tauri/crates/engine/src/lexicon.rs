//! Word lists and gazetteers: every file in `data/`, read through one loader and one parser.
//!
//! Each data file is registered once in [`files`] with its format: how many tab-separated
//! columns a line has and, for a tagged table, the tags its tag column allows. [`rows`] is
//! the one parser: it skips blank lines and `#` comments, checks every line against the
//! format, and refuses a line with the wrong number of columns or an unknown tag (it is
//! reported, never silently read as a default). The engine cannot fail on its own compiled-in
//! data, so at run time a refused line is left out; the `every_data_file_loads` test makes
//! sure there are none. `data/README.md` says which stage reads which file.
//!
//! Multi-word names (countries, organisations, seats of government, titles) go into one
//! Aho-Corasick automaton, so finding all of them is one pass over the text; single words
//! (cues, pronouns, source nouns) go into sorted tables searched by binary search.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::{PartyKind, Stance};

/// One data file compiled into the engine, with the format its lines must have.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DataFile {
    /// File name inside `data/`.
    pub name: &'static str,
    /// The file's text.
    pub text: &'static str,
    /// Fewest and most tab-separated columns a line may have (1 for a plain list).
    pub columns: (usize, usize),
    /// For a tagged table: the tag column and the tags it allows.
    pub tags: Option<(usize, &'static [&'static str])>,
}

/// The data files, one constant each; [`files::ALL`] lists them all.
pub(crate) mod files {
    use super::DataFile;

    macro_rules! data_files {
        ($($(#[$doc:meta])* $id:ident = $file:literal, $columns:expr, $tags:expr;)*) => {
            $($(#[$doc])* pub(crate) const $id: DataFile = DataFile {
                name: $file,
                text: include_str!(concat!("../data/", $file)),
                columns: $columns,
                tags: $tags,
            };)*
            /// Every data file, for the test that loads them all.
            #[cfg_attr(not(test), allow(dead_code))]
            pub(crate) const ALL: &[DataFile] = &[$($id),*];
        };
    }

    const STANCES: &[&str] = &["neutral", "support", "oppose", "uncertain", "conditional"];
    const KINDS: &[&str] = &["organization", "government", "group", "country", "person"];

    data_files! {
        /// Abbreviations that take a full stop inside a sentence, with what the stop can mean.
        ABBREVIATIONS = "abbreviations.tsv", (2, 2), Some((1, &["name", "other", "time"]));
        /// Words that open an adverbial after a cue.
        ADVERBIAL_STARTS = "adverbial_starts.txt", (1, 1), None;
        /// Groups acted upon ("the hostages").
        AFFECTED_GROUPS = "affected_groups.txt", (1, 1), None;
        /// Nouns naming a country's body after it.
        BODY_HEADS = "body_heads.tsv", (2, 2), Some((1, &["government", "group", "country", "modifier"]));
        /// Nouns that refer back to a body ("the country").
        BODY_NOUNS = "body_nouns.txt", (1, 1), None;
        /// Channels a statement went out on.
        CHANNEL_NOUNS = "channel_nouns.txt", (1, 1), None;
        /// Nouns for an organisation's members.
        COLLECTIVE_NOUNS = "collective_nouns.txt", (1, 1), None;
        /// Countries: name, ISO code, demonyms, aliases.
        COUNTRIES = "countries.tsv", (2, 4), None;
        /// Words between a source and its cue.
        CUE_ADVERBS = "cue_adverbs.txt", (1, 1), None;
        /// Prepositions that belong to the cue.
        CUE_PARTICLES = "cue_particles.txt", (1, 1), None;
        /// Reporting verbs with their stance.
        CUES = "cues.tsv", (2, 2), Some((1, STANCES));
        /// Words that put a date in the future.
        DATES_FUTURE = "dates_future.txt", (1, 1), None;
        /// Irregular past-tense verbs.
        DATES_PAST = "dates_past.txt", (1, 1), None;
        /// Prepositions after which a body does not act.
        DEPENDENT_PREPOSITIONS = "dependent_prepositions.txt", (1, 1), None;
        /// Words that open a described source.
        DETERMINERS = "determiners.txt", (1, 1), None;
        /// Documents that speak for their issuer.
        DOCUMENT_NOUNS = "document_nouns.txt", (1, 1), None;
        /// Plural nouns for a country's groups.
        GROUP_NOUNS = "group_nouns.txt", (1, 1), None;
        /// Words that shift a stance.
        HEDGES = "hedges.tsv", (2, 2), Some((1, &["negation", "uncertain", "conditional"]));
        /// Adverbs that link a sentence to the one before.
        LINKING_ADVERBS = "linking_adverbs.txt", (1, 1), None;
        /// Prepositions that make a place a venue.
        LOCATIVES = "locatives.txt", (1, 1), None;
        /// Media nouns and agencies.
        MEDIA = "media.txt", (1, 1), None;
        /// Lower-case words inside names.
        NAME_CONNECTORS = "name_connectors.txt", (1, 1), None;
        /// Capitalised words that are never actors.
        NON_NAMES = "non_names.txt", (1, 1), None;
        /// Last words of names that are no person.
        NON_PERSON_HEADS = "non_person_heads.txt", (1, 1), None;
        /// Cues that take their hearer as an object.
        OBJECT_CUES = "object_cues.txt", (1, 1), None;
        /// Words that make a name an organisation.
        ORG_WORDS = "org_words.tsv", (2, 2), Some((1, KINDS));
        /// Well-known organisations.
        ORGANIZATIONS = "organizations.tsv", (3, 3), Some((2, KINDS));
        /// Places that are never parties.
        PLACES = "places.txt", (1, 1), None;
        /// Subject pronouns and what they refer to.
        PRONOUNS = "pronouns.tsv", (2, 2), Some((1, &["person", "group", "self"]));
        /// Question cues with kind and weight.
        QUESTIONS_CUES = "questions_cues.tsv", (3, 3), Some((1, &["pending_decision", "scheduled_event", "contested", "uncertain_outcome", "unknown_fact"]));
        /// Nouns whose outcome is open, with a question template.
        QUESTIONS_NOUNS = "questions_nouns.tsv", (2, 2), None;
        /// Capitals and seats of government.
        SEATS = "seats.tsv", (3, 3), Some((2, &["seat", "capital"]));
        /// Modifiers inside a source phrase.
        SOURCE_MODIFIERS = "source_modifiers.txt", (1, 1), None;
        /// Role titles.
        TITLES = "titles.txt", (1, 1), None;
        /// Words that carry on a clock time after "a.m."/"p.m.".
        TIME_WORDS = "time_words.txt", (1, 1), None;
        /// Transcript label words.
        TRANSCRIPT_LABELS = "transcript_labels.tsv", (2, 2), Some((1, &["honorific", "questioner"]));
        /// Heads of unnamed sources.
        UNNAMED_SOURCES = "unnamed_sources.txt", (1, 1), None;
        /// Auxiliaries that end a source phrase.
        VERB_STOPS = "verb_stops.txt", (1, 1), None;
        /// Header keys of `Key: value` lines under a title.
        HEADER_KEYS = "header_keys.txt", (1, 1), None;
        /// Title words that make the body the issuer's own words ("Statement by …").
        ISSUER_DOCUMENTS = "issuer_documents.txt", (1, 1), None;
        /// Plural heads that refer back to participants named together ("the leaders").
        JOINT_HEADS = "joint_heads.txt", (1, 1), None;
        /// Words news prose writes in lower case (learned from PolNeAR train).
        LOWER_WORDS = "lower_words.txt", (1, 1), None;
        /// Suffixes after a person's name ("Jr").
        NAME_SUFFIXES = "name_suffixes.txt", (1, 1), None;
        /// Words of a state's formal name ("Republic").
        STATE_WORDS = "state_words.txt", (1, 1), None;
        /// Words that open a list of examples ("including").
        EXAMPLE_OPENERS = "example_openers.txt", (1, 1), None;
        /// Documents a source phrase may name that are no party ("report").
        SOURCE_DOCUMENTS = "source_documents.txt", (1, 1), None;
        /// Roles a bare "leader" refers back to.
        HEAD_ROLES = "head_roles.txt", (1, 1), None;
        /// Prepositions that make a place a meeting's venue.
        VENUE_PREPOSITIONS = "venue_prepositions.txt", (1, 1), None;
        /// Meeting and event words that make a place after "in" a venue.
        VENUE_EVENTS = "venue_events.txt", (1, 1), None;
        /// Honorifics before a person's name ("Mr", "H.E.").
        HONORIFICS = "honorifics.txt", (1, 1), None;
        /// Lower-case particles inside a person's name ("de", "bin").
        NAME_PARTICLES = "name_particles.txt", (1, 1), None;
        /// Cues that name no source in an agentless passive ("is expected to").
        SOURCELESS_PASSIVES = "sourceless_passives.txt", (1, 1), None;
        /// Cues that are as often nouns ("support", "plans").
        NOUN_CUES = "noun_cues.txt", (1, 1), None;
        /// Cues that never come before their source ("told").
        NEVER_INVERTED = "never_inverted.txt", (1, 1), None;
        /// Words of the date scanner and event phrase, by list, with values.
        DATE_WORDS = "date_words.tsv", (2, 3), Some((1, &["month", "weekday", "number", "lead", "zone", "clause_opener", "edge"]));
        /// The words of a readout's or wire's opening formula.
        OPENING_FORMULAS = "opening_formulas.tsv", (2, 2), Some((1, &["when", "meeting", "gathers"]));
        /// Word lists of the open-question phrasing.
        QUESTION_WORDS = "question_words.tsv", (2, 2), Some((1, &["modals", "schedule_adj", "intent_verbs", "pending_ing", "vp_stops", "reporting", "finite", "clause_openers", "not_subject_start", "trailing", "dropped", "event_verbs", "pronouns", "question_openers"]));
        /// Topic nouns, frames and links for issue labels, with class and scope.
        ISSUE_NOUNS = "issue_nouns.tsv", (3, 3), Some((2, &["specific", "broad", "frame", "link", "generic"]));
        /// Words and phrases that tell a position's stance, tagged.
        STANCE_WORDS = "stance_words.tsv", (2, 2), Some((1, &["endorse", "asking", "negative", "positive", "uncertain", "condition", "negation", "cancel", "event", "withhold", "open", "break", "wish"]));
        /// Closed-class words with their word class, for the token layer.
        WORD_CLASSES = "word_classes.tsv", (2, 2), Some((1, &["determiner", "subject", "pronoun", "possessive", "preposition", "conjunction", "subordinator", "relative", "that", "be", "have", "do", "modal", "negation", "to", "adverb"]));
    }
}

/// A data line the parser refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadLine {
    /// The file.
    pub file: &'static str,
    /// Line number (from 1).
    pub line: usize,
    /// What is wrong with it.
    pub why: String,
}

impl std::fmt::Display for BadLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "data/{}:{}: {}", self.file, self.line, self.why)
    }
}

/// One accepted line: its columns, trimmed of outer spaces.
pub(crate) type Row = Vec<&'static str>;

/// The one parser: every line of `file` checked against its format, as (accepted rows,
/// refused lines). Blank lines and `#` comments are skipped.
pub(crate) fn parse(file: DataFile) -> (Vec<Row>, Vec<BadLine>) {
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for (n, raw) in file.text.lines().enumerate() {
        let line = raw.trim_matches([' ', '\r']);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Row = line
            .split('\t')
            .map(|c| c.trim_matches([' ', '\r']))
            .collect();
        let refuse = |why: String| BadLine {
            file: file.name,
            line: n + 1,
            why,
        };
        let (min, max) = file.columns;
        if cols.len() < min || cols.len() > max || cols[0].is_empty() {
            bad.push(refuse(format!(
                "{} columns, the file has {min} to {max} (tab-separated) and a first column",
                cols.len()
            )));
            continue;
        }
        if let Some((at, tags)) = file.tags
            && !tags.contains(&cols.get(at).copied().unwrap_or(""))
        {
            bad.push(refuse(format!(
                "unknown tag {:?} (allowed: {})",
                cols.get(at).copied().unwrap_or(""),
                tags.join(", ")
            )));
            continue;
        }
        rows.push(cols);
    }
    (rows, bad)
}

/// The accepted rows of `file`.
pub(crate) fn rows(file: DataFile) -> Vec<Row> {
    parse(file).0
}

/// The first column of every accepted line of `file`, sorted and deduplicated: a word list
/// for [`contains`].
pub(crate) fn list(file: DataFile) -> Vec<&'static str> {
    let mut v: Vec<&str> = rows(file).into_iter().map(|r| r[0]).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Entries of a raw data text: one per line, blank lines and `#` comments skipped, sorted.
/// (Kept for stages not yet moved to [`list`] with a registered [`files`] constant.)
pub(crate) fn entries(data: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&str> = data
        .lines()
        .map(|l| l.trim_matches([' ', '\r']))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// True when the sorted `list` holds `word`.
pub(crate) fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// A two-column tagged table, sorted by its first column, the tag read by `tag`.
fn tagged<T: Copy>(file: DataFile, tag: fn(&str) -> Option<T>) -> Vec<(&'static str, T)> {
    let mut v: Vec<(&str, T)> = rows(file)
        .into_iter()
        .filter_map(|r| Some((r[0], tag(r.get(1)?)?)))
        .collect();
    v.sort_unstable_by(|a, b| a.0.cmp(b.0));
    v.dedup_by(|a, b| a.0 == b.0);
    v
}

fn lookup<T: Copy>(table: &[(&'static str, T)], key: &str) -> Option<T> {
    table
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| table[i].1)
}

/// A sorted word list from a data file, built on first use.
macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $file:ident, $test:ident) => {
        static $name: LazyLock<Vec<&'static str>> = LazyLock::new(|| list(files::$file));
        $(#[$doc])*
        pub(crate) fn $test(word: &str) -> bool {
            contains(&$name, word)
        }
    };
}

/// What the full stop after an abbreviation can mean (`data/abbreviations.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbreviation {
    /// Stands before a name ("Mr.", "Gen."): the stop never ends a sentence.
    Name,
    /// "Inc.", "Jan.": the stop ends a sentence only before a word that opens one.
    Other,
    /// "a.m.", "p.m.": the stop ends a sentence unless a weekday, month or zone follows.
    Time,
}

static ABBREVIATIONS: LazyLock<Vec<(&'static str, Abbreviation)>> = LazyLock::new(|| {
    tagged(files::ABBREVIATIONS, |s| match s {
        "name" => Some(Abbreviation::Name),
        "other" => Some(Abbreviation::Other),
        "time" => Some(Abbreviation::Time),
        _ => None,
    })
});

/// The kind of abbreviation `word` (without its final dot, case as written) is, if it is one.
pub(crate) fn abbreviation(word: &str) -> Option<Abbreviation> {
    lookup(&ABBREVIATIONS, word)
}

/// True when `word` (without its final dot) is an abbreviation like "Mr" or "Jan".
pub(crate) fn is_abbreviation(word: &str) -> bool {
    abbreviation(word).is_some()
}

word_list!(
    /// True when a capitalised `word` carries on a clock time after "a.m."/"p.m." (a weekday,
    /// a month, a time zone).
    TIME_WORDS, TIME_WORDS, is_time_word
);
word_list!(
    /// True when `word` (lower case) can head an unnamed or collective source ("officials").
    UNNAMED, UNNAMED_SOURCES, is_source_noun
);
word_list!(
    /// True when a capitalised `word` is a function word, weekday or month, never an actor.
    NON_NAMES, NON_NAMES, is_non_name
);
word_list!(
    /// True when a place named right after `word` (lower case) is a venue ("in Budapest").
    LOCATIVES, LOCATIVES, is_locative
);
word_list!(
    /// True when a lower-case `word` can join two capitalised parts of one name ("Bureau of
    /// African Affairs").
    CONNECTORS, NAME_CONNECTORS, is_name_connector
);
word_list!(
    /// True when `word` (lower case) can sit inside a source phrase before its head ("a
    /// *senior* official").
    SOURCE_MODIFIERS, SOURCE_MODIFIERS, is_source_modifier
);
word_list!(
    /// True when `word` (lower case) may stand between a source and its cue ("also", "has").
    CUE_ADVERBS, CUE_ADVERBS, is_cue_adverb
);
word_list!(
    /// True when the cue `word` (lower case) takes its hearer as an object ("told reporters").
    OBJECT_CUES, OBJECT_CUES, is_object_cue
);
word_list!(
    /// True when `word` (lower case) opens an adverbial after a cue ("said *in* an interview").
    ADVERBIAL_STARTS, ADVERBIAL_STARTS, is_adverbial_start
);
word_list!(
    /// True when `word` (lower case) opens a described source ("*several* cast members").
    DETERMINERS, DETERMINERS, is_determiner
);
word_list!(
    /// True when `word` (lower case) is an auxiliary or verb that ends a source phrase ("has").
    VERB_STOPS, VERB_STOPS, is_verb_stop
);
word_list!(
    /// True when `word` (lower case) after "the" refers back to a body ("the country").
    BODY_NOUNS, BODY_NOUNS, is_body_noun
);
word_list!(
    /// True when `word` (lower case) names a document that speaks for its issuer ("statement").
    DOCUMENT_NOUNS, DOCUMENT_NOUNS, is_document_noun
);
word_list!(
    /// True when `word` (lower case) links its sentence to the one before ("however").
    LINKING_ADVERBS, LINKING_ADVERBS, is_linking_adverb
);
word_list!(
    /// True when `word` (lower case) names a channel a statement went out on ("statement",
    /// "twitter").
    CHANNEL_NOUNS, CHANNEL_NOUNS, is_channel_noun
);
word_list!(
    /// True when `word` (lower case) names a medium rather than an actor: a platform or outlet
    /// noun after a name ("his Truth Social *platform*") or a news agency's folded name.
    MEDIA, MEDIA, is_media
);
word_list!(
    /// True when `word` (lower case) is a preposition that belongs to the cue before it
    /// ("called *for* talks").
    CUE_PARTICLES, CUE_PARTICLES, is_cue_particle
);

word_list!(
    /// True when a lower-case `word` is a particle inside a person's name ("Juan *de la* Cruz").
    NAME_PARTICLES, NAME_PARTICLES, is_name_particle
);
word_list!(
    /// True when a capitalised `word` ending a name makes it an event, law, place or body
    /// rather than a person ("Cold *War*", "Economic *Forum*").
    NON_PERSON_HEADS, NON_PERSON_HEADS, is_non_person_head
);
word_list!(
    /// True when the cue `word` (lower case) names no source in an agentless passive ("is
    /// *expected* to", "has been *confirmed*").
    SOURCELESS_PASSIVES, SOURCELESS_PASSIVES, is_sourceless_passive
);
word_list!(
    /// True when the cue `word` (lower case) is as often a noun ("support", "plans"): a verb
    /// after it, or a preposition other than the cue's own, shows the noun.
    NOUN_CUES, NOUN_CUES, is_noun_cue
);
word_list!(
    /// True when the cue `word` (lower case) never comes before its source: in "…, told X"
    /// the name is the hearer.
    NEVER_INVERTED, NEVER_INVERTED, is_never_inverted
);

fn stance(s: &str) -> Option<Stance> {
    Some(match s {
        "neutral" => Stance::Neutral,
        "support" => Stance::Support,
        "oppose" => Stance::Oppose,
        "uncertain" => Stance::Uncertain,
        "conditional" => Stance::Conditional,
        _ => return None,
    })
}

static CUES: LazyLock<Vec<(&'static str, Stance)>> = LazyLock::new(|| tagged(files::CUES, stance));

/// The stance a reporting verb suggests, when `word` (lower case) is one.
pub(crate) fn cue(word: &str) -> Option<Stance> {
    lookup(&CUES, word)
}

/// Every cue word, sorted (for the quick shape test in positions).
pub(crate) fn cue_words() -> impl Iterator<Item = &'static str> {
    CUES.iter().map(|&(w, _)| w)
}

/// What a pronoun refers back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PronounRef {
    /// He, she: a person.
    Person,
    /// They, it: a group, organisation, country or government.
    Group,
    /// I, we: whoever is speaking (the enclosing quote's speaker).
    SelfRef,
}

static PRONOUNS: LazyLock<Vec<(&'static str, PronounRef)>> = LazyLock::new(|| {
    tagged(files::PRONOUNS, |s| match s {
        "person" => Some(PronounRef::Person),
        "group" => Some(PronounRef::Group),
        "self" => Some(PronounRef::SelfRef),
        _ => None,
    })
});

/// What `word` refers back to, when it is a subject pronoun.
pub(crate) fn pronoun(word: &str) -> Option<PronounRef> {
    lookup(&PRONOUNS, word)
}

/// A party kind tag of a data file.
pub(crate) fn party_kind(s: &str) -> Option<PartyKind> {
    Some(match s {
        "government" => PartyKind::Government,
        "group" => PartyKind::Group,
        "country" => PartyKind::Country,
        "person" => PartyKind::Person,
        "organization" => PartyKind::Organization,
        _ => return None,
    })
}

static ORG_WORDS: LazyLock<Vec<(&'static str, PartyKind)>> =
    LazyLock::new(|| tagged(files::ORG_WORDS, party_kind));

/// The kind of body a name containing `word` is ("Ministry" → government), when it is one.
pub(crate) fn org_word(word: &str) -> Option<PartyKind> {
    lookup(&ORG_WORDS, word)
}

/// What a word of a transcript's speaker label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// "MR", "MS": dropped from the speaker's name.
    Honorific,
    /// "QUESTION", "Q": an unnamed reporter.
    Questioner,
}

static LABELS: LazyLock<Vec<(&'static str, Label)>> = LazyLock::new(|| {
    tagged(files::TRANSCRIPT_LABELS, |s| match s {
        "questioner" => Some(Label::Questioner),
        "honorific" => Some(Label::Honorific),
        _ => None,
    })
});

/// What `word` (upper case) means in a transcript's speaker label, if anything special.
pub(crate) fn label(word: &str) -> Option<Label> {
    lookup(&LABELS, word)
}

/// How a word in reported content shifts the stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hedge {
    /// "not", "never".
    Negation,
    /// "may", "whether".
    Uncertain,
    /// "if", "unless".
    Conditional,
}

/// A hedge tag of `data/hedges.tsv`.
pub(crate) fn hedge_tag(s: &str) -> Option<Hedge> {
    Some(match s {
        "negation" => Hedge::Negation,
        "conditional" => Hedge::Conditional,
        "uncertain" => Hedge::Uncertain,
        _ => return None,
    })
}

static HEDGES: LazyLock<Vec<(&'static str, Hedge)>> =
    LazyLock::new(|| tagged(files::HEDGES, hedge_tag));

/// How `word` (lower case) shifts the stance of content it appears in.
pub(crate) fn hedge(word: &str) -> Option<Hedge> {
    lookup(&HEDGES, word)
}

static OPENING_FORMULAS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut v: Vec<(&str, &str)> = rows(files::OPENING_FORMULAS)
        .into_iter()
        .filter_map(|r| Some((r[0], *r.get(1)?)))
        .collect();
    v.sort_unstable();
    v
});

/// The role of `word` (lower case) in an opening formula (`data/opening_formulas.tsv`):
/// `when`, `meeting` or `gathers`.
pub(crate) fn formula_role(word: &str) -> Option<&'static str> {
    lookup(&OPENING_FORMULAS, word)
}

/// True when `words` (lower case, in text order) open with a readout's or wire's formula:
/// a day word and a verb of meeting within its first words ("spoke today with").
pub(crate) fn is_opening_formula<S: AsRef<str>>(words: &[S]) -> bool {
    let head = &words[..words.len().min(25)];
    let has = |role: &str| head.iter().any(|w| formula_role(w.as_ref()) == Some(role));
    has("when") && has("meeting")
}

/// The class of a closed-class word (`data/word_classes.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    /// "the", "several".
    Determiner,
    /// A subject pronoun: "he", "they".
    Subject,
    /// An object or reflexive pronoun: "him", "themselves".
    Pronoun,
    /// "his", "their".
    Possessive,
    /// "of", "in".
    Preposition,
    /// "and", "but".
    Conjunction,
    /// "because", "whether", "how".
    Subordinator,
    /// "who", "which".
    Relative,
    /// "that": a complementiser, relative pronoun or determiner.
    That,
    /// Forms of "be".
    Be,
    /// Forms of "have".
    Have,
    /// Forms of "do".
    Do,
    /// "will", "could".
    Modal,
    /// "not", "never".
    Negation,
    /// "to".
    To,
    /// Adverbs that sit before a verb ("also", "reportedly").
    Adverb,
}

static WORD_CLASSES: LazyLock<Vec<(&'static str, WordClass)>> = LazyLock::new(|| {
    tagged(files::WORD_CLASSES, |s| {
        Some(match s {
            "determiner" => WordClass::Determiner,
            "subject" => WordClass::Subject,
            "pronoun" => WordClass::Pronoun,
            "possessive" => WordClass::Possessive,
            "preposition" => WordClass::Preposition,
            "conjunction" => WordClass::Conjunction,
            "subordinator" => WordClass::Subordinator,
            "relative" => WordClass::Relative,
            "that" => WordClass::That,
            "be" => WordClass::Be,
            "have" => WordClass::Have,
            "do" => WordClass::Do,
            "modal" => WordClass::Modal,
            "negation" => WordClass::Negation,
            "to" => WordClass::To,
            "adverb" => WordClass::Adverb,
            _ => return None,
        })
    })
});

/// The class of a closed-class word (lower case), if it is one.
pub(crate) fn word_class(word: &str) -> Option<WordClass> {
    lookup(&WORD_CLASSES, word)
}

/// One country of `data/countries.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct Country {
    /// Canonical name ("United States").
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code, when the file gives one.
    #[allow(dead_code)] // for render's country tags, which still parse the file themselves
    pub iso: Option<&'static str>,
    /// Demonyms, first the usual one ("American").
    pub demonyms: Vec<&'static str>,
    /// Other names used in news text ("US", "U.S.").
    pub aliases: Vec<&'static str>,
}

fn comma_list(s: Option<&&'static str>) -> Vec<&'static str> {
    s.map_or(&"", |s| s)
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    rows(files::COUNTRIES)
        .into_iter()
        .map(|r| Country {
            name: r[0],
            iso: r.get(1).copied().filter(|c| c.len() == 2),
            demonyms: comma_list(r.get(2)),
            aliases: comma_list(r.get(3)),
        })
        .collect()
});

/// The country gazetteer, parsed once, in file order.
pub(crate) fn countries() -> &'static [Country] {
    &COUNTRIES
}

/// What a gazetteer name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GazKind {
    /// A country's name or alias ("Hungary", "US").
    Country,
    /// A demonym ("Hungarian"): the country as an affiliation.
    Demonym,
    /// A capital city, standing for its country when it acts.
    Capital,
    /// A seat of government acting as its own party ("the Kremlin").
    Seat,
    /// An organisation, government body or group, with its kind.
    Org(PartyKind),
    /// A role title ("Foreign Minister", "spokesperson").
    Title,
    /// A region or place that is never a party ("Middle East", "Oval Office").
    Place,
}

/// One gazetteer name: what it is, its canonical name, and the country it belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GazEntry {
    /// What the name is.
    pub kind: GazKind,
    /// Canonical name ("United States", "International Criminal Court", "Foreign Minister").
    pub canonical: &'static str,
    /// The country a demonym, capital or seat belongs to.
    pub country: Option<&'static str>,
}

/// All gazetteer names in one automaton.
pub(crate) struct Gazetteer {
    /// Leftmost-longest automaton over every surface form.
    pub automaton: AhoCorasick,
    /// What each pattern is, by pattern index.
    pub entries: Vec<GazEntry>,
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().chain(c).collect::<String>()
    })
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_lowercase().chain(c).collect::<String>()
    })
}

fn build_gazetteer() -> Gazetteer {
    let mut patterns: Vec<String> = Vec::new();
    let mut entries = Vec::new();
    let mut add = |surface: &str, entry: GazEntry| {
        if !surface.is_empty() {
            patterns.push(surface.to_owned());
            entries.push(entry);
        }
    };
    for c in countries() {
        let country = GazEntry {
            kind: GazKind::Country,
            canonical: c.name,
            country: Some(c.name),
        };
        add(c.name, country);
        for a in &c.aliases {
            add(a, country);
        }
        for d in &c.demonyms {
            add(
                d,
                GazEntry {
                    kind: GazKind::Demonym,
                    canonical: c.name,
                    country: Some(c.name),
                },
            );
        }
    }
    for r in rows(files::SEATS) {
        let (surface, country) = (r[0], r[1]);
        let seat = r[2] == "seat";
        add(
            surface,
            GazEntry {
                kind: if seat {
                    GazKind::Seat
                } else {
                    GazKind::Capital
                },
                canonical: if seat { surface } else { country },
                country: Some(country),
            },
        );
    }
    for r in rows(files::ORGANIZATIONS) {
        let Some(kind) = party_kind(r[2]) else {
            continue;
        };
        let entry = GazEntry {
            kind: GazKind::Org(kind),
            canonical: r[0],
            country: None,
        };
        add(r[0], entry);
        for a in comma_list(r.get(1)) {
            add(a, entry);
        }
    }
    for place in list(files::PLACES) {
        add(
            place,
            GazEntry {
                kind: GazKind::Place,
                canonical: place,
                country: None,
            },
        );
    }
    for r in rows(files::TITLES) {
        let title = r[0];
        let entry = GazEntry {
            kind: GazKind::Title,
            canonical: title,
            country: None,
        };
        // Titles are capitalised before a name and lower case in apposition.
        add(&upper_first(title), entry);
        if title.chars().skip(1).all(|c| !c.is_uppercase()) || title.contains(' ') {
            add(&lower_first(&title.to_lowercase()), entry);
        }
    }
    // Duplicate surfaces: keep the first entry (countries before seats before titles).
    let mut seen = std::collections::HashSet::new();
    let mut keep_patterns = Vec::new();
    let mut keep_entries = Vec::new();
    for (p, e) in patterns.into_iter().zip(entries) {
        if seen.insert(p.clone()) {
            keep_patterns.push(p);
            keep_entries.push(e);
        }
    }
    // Our own few hundred short data lines: building cannot hit the automaton's size limits.
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&keep_patterns)
        .expect("the gazetteer data files build an automaton");
    Gazetteer {
        automaton,
        entries: keep_entries,
    }
}

/// The gazetteer automaton, built on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build_gazetteer);

/// Titles and honorifics that may stand before a person's name, lower-cased, longest first
/// (so "foreign minister" is tried before "minister").
static NAME_PREFIXES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = list(files::TITLES)
        .into_iter()
        .chain(list(files::HONORIFICS))
        .map(str::to_lowercase)
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
});

/// `name` without the titles and honorifics written before it, repeatedly ("President Mr.
/// Putin" → "Putin"); the whole name when nothing else would be left.
pub(crate) fn strip_name_prefixes(name: &str) -> &str {
    let mut rest = name.trim();
    'outer: loop {
        for p in NAME_PREFIXES.iter() {
            let head = rest.get(..p.len());
            if head.is_some_and(|h| h.eq_ignore_ascii_case(p))
                && rest[p.len()..].starts_with([' ', '.'])
            {
                let next = rest[p.len()..].trim_start_matches(['.', ' ']);
                if next.is_empty() {
                    break 'outer;
                }
                rest = next;
                continue 'outer;
            }
        }
        break;
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

    #[test]
    fn every_data_file_loads() {
        let bad: Vec<String> = files::ALL
            .iter()
            .flat_map(|f| parse(*f).1)
            .map(|b| b.to_string())
            .collect();
        assert!(bad.is_empty(), "refused data lines:\n{}", bad.join("\n"));
        for f in files::ALL {
            assert!(!rows(*f).is_empty(), "data/{} has no entries", f.name);
            let head: String = f
                .text
                .lines()
                .take_while(|l| l.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n")
                .to_lowercase();
            assert!(
                head.contains("source") && head.contains("licen"),
                "data/{} needs a header naming its source and licence",
                f.name
            );
        }
    }

    #[test]
    fn every_file_in_data_is_registered_and_documented() {
        let readme = std::fs::read_to_string(format!("{DIR}/README.md")).expect("data/README.md");
        for entry in std::fs::read_dir(DIR).expect("data/") {
            let name = entry
                .expect("entry")
                .file_name()
                .into_string()
                .expect("utf-8");
            if name == "README.md" {
                continue;
            }
            assert!(
                files::ALL.iter().any(|f| f.name == name),
                "data/{name} is not registered in lexicon::files"
            );
            assert!(
                readme.contains(&format!("`{name}`")),
                "data/README.md does not list `{name}`"
            );
        }
    }

    #[test]
    fn the_parser_refuses_unknown_tags_and_wrong_columns() {
        let f = DataFile {
            name: "test.tsv",
            text: "# header\nsaid\tneutral\nhailed\tsupportive\nonly\n\nx\ty\tz\n",
            columns: (2, 2),
            tags: Some((1, &["neutral", "support"])),
        };
        let (rows, bad) = parse(f);
        assert_eq!(rows, vec![vec!["said", "neutral"]]);
        let lines: Vec<usize> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, [3, 4, 6]);
        assert!(
            bad[0].why.contains("unknown tag \"supportive\""),
            "{}",
            bad[0]
        );
    }

    #[test]
    fn tables_load_and_answer() {
        assert_eq!(cue("said"), Some(Stance::Neutral));
        assert_eq!(cue("denied"), Some(Stance::Oppose));
        assert_eq!(cue("table"), None);
        assert_eq!(pronoun("she"), Some(PronounRef::Person));
        assert!(is_source_noun("analysts"));
        assert!(is_non_name("Monday"));
        assert_eq!(org_word("Ministry"), Some(PartyKind::Government));
        assert_eq!(hedge("unless"), Some(Hedge::Conditional));
        let us = countries()
            .iter()
            .find(|c| c.name == "United States")
            .expect("US");
        assert_eq!(us.iso, Some("US"));
        assert!(us.aliases.contains(&"U.S."));
    }

    #[test]
    fn gazetteer_finds_longest_names() {
        let g = &*GAZETTEER;
        let text = "the International Criminal Court and Secretary of State";
        let found: Vec<_> = g
            .automaton
            .find_iter(text)
            .map(|m| (&text[m.range()], g.entries[m.pattern().as_usize()].kind))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "International Criminal Court",
                    GazKind::Org(PartyKind::Organization)
                ),
                ("Secretary of State", GazKind::Title)
            ]
        );
    }
}
