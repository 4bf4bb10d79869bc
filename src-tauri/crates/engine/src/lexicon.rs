//! Word lists and gazetteers, loaded once from the data files in `data/` (one entry per line,
//! `#` comments, a header naming each file's source and licence).
//!
//! Multi-word names (countries, organisations, seats of government, titles) go into one
//! Aho-Corasick automaton, so finding all of them is one pass over the text; single words
//! (cues, pronouns, source nouns) go into sorted tables searched by binary search.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::{PartyKind, Stance};

/// Entries of a data file: one per line, blank lines and `#` comments skipped, sorted.
pub(crate) fn entries(data: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&str> = lines(data).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Non-comment, non-blank lines of a data file, trimmed of line breaks and outer spaces.
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.trim_matches([' ', '\r']))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Rows of a tab-separated data file, sorted by the first column.
fn table<T: Copy>(data: &'static str, parse: fn(&str) -> T) -> Vec<(&'static str, T)> {
    let mut v: Vec<(&str, T)> = lines(data)
        .filter_map(|l| {
            let (k, v) = l.split_once('\t')?;
            Some((k.trim(), parse(v.trim())))
        })
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

static ABBREVIATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/abbreviations.txt")));

/// True when `word` (without its final dot) is an abbreviation like "Mr" or "Jan".
pub(crate) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.binary_search(&word).is_ok()
}

fn stance(s: &str) -> Stance {
    match s {
        "support" => Stance::Support,
        "oppose" => Stance::Oppose,
        "uncertain" => Stance::Uncertain,
        "conditional" => Stance::Conditional,
        _ => Stance::Neutral,
    }
}

static CUES: LazyLock<Vec<(&'static str, Stance)>> =
    LazyLock::new(|| table(include_str!("../data/cues.tsv"), stance));

/// The stance a reporting verb suggests, when `word` (lower case) is one.
pub(crate) fn cue(word: &str) -> Option<Stance> {
    lookup(&CUES, word)
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
    table(include_str!("../data/pronouns.tsv"), |s| match s {
        "person" => PronounRef::Person,
        "self" => PronounRef::SelfRef,
        _ => PronounRef::Group,
    })
});

/// What `word` refers back to, when it is a subject pronoun.
pub(crate) fn pronoun(word: &str) -> Option<PronounRef> {
    lookup(&PRONOUNS, word)
}

static UNNAMED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/unnamed_sources.txt")));

/// True when `word` (lower case) can head an unnamed or collective source ("officials").
pub(crate) fn is_source_noun(word: &str) -> bool {
    UNNAMED.binary_search(&word).is_ok()
}

static NON_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/non_names.txt")));

/// True when a capitalised `word` is a function word, weekday or month, never an actor.
pub(crate) fn is_non_name(word: &str) -> bool {
    NON_NAMES.binary_search(&word).is_ok()
}

static ORG_WORDS: LazyLock<Vec<(&'static str, PartyKind)>> =
    LazyLock::new(|| table(include_str!("../data/org_words.tsv"), party_kind));

/// The kind of body a name containing `word` is ("Ministry" → government), when it is one.
pub(crate) fn org_word(word: &str) -> Option<PartyKind> {
    lookup(&ORG_WORDS, word)
}

static LOCATIVES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/locatives.txt")));

/// True when a place named right after `word` (lower case) is a venue ("in Budapest").
pub(crate) fn is_locative(word: &str) -> bool {
    LOCATIVES.binary_search(&word).is_ok()
}

static CONNECTORS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/name_connectors.txt")));

/// True when a lower-case `word` can join two capitalised parts of one name ("Bureau of African Affairs").
pub(crate) fn is_name_connector(word: &str) -> bool {
    CONNECTORS.binary_search(&word).is_ok()
}

static SOURCE_MODIFIERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/source_modifiers.txt")));

/// True when `word` (lower case) can sit inside a source phrase before its head ("a *senior* official").
pub(crate) fn is_source_modifier(word: &str) -> bool {
    SOURCE_MODIFIERS.binary_search(&word).is_ok()
}

static CUE_ADVERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/cue_adverbs.txt")));

/// True when `word` (lower case) may stand between a source and its cue ("also", "has").
pub(crate) fn is_cue_adverb(word: &str) -> bool {
    CUE_ADVERBS.binary_search(&word).is_ok()
}

static OBJECT_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/object_cues.txt")));

/// True when the cue `word` (lower case) takes its hearer as an object ("told reporters").
pub(crate) fn is_object_cue(word: &str) -> bool {
    OBJECT_CUES.binary_search(&word).is_ok()
}

static ADVERBIAL_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/adverbial_starts.txt")));

/// True when `word` (lower case) opens an adverbial after a cue ("said *in* an interview").
pub(crate) fn is_adverbial_start(word: &str) -> bool {
    ADVERBIAL_STARTS.binary_search(&word).is_ok()
}

static DETERMINERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/determiners.txt")));

/// True when `word` (lower case) opens a described source ("*several* cast members").
pub(crate) fn is_determiner(word: &str) -> bool {
    DETERMINERS.binary_search(&word).is_ok()
}

static VERB_STOPS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/verb_stops.txt")));

/// True when `word` (lower case) is an auxiliary or verb that ends a source phrase ("has").
pub(crate) fn is_verb_stop(word: &str) -> bool {
    VERB_STOPS.binary_search(&word).is_ok()
}

static BODY_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/body_nouns.txt")));

/// True when `word` (lower case) after "the" refers back to a body ("the country").
pub(crate) fn is_body_noun(word: &str) -> bool {
    BODY_NOUNS.binary_search(&word).is_ok()
}

static DOCUMENT_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/document_nouns.txt")));

/// True when `word` (lower case) names a document that speaks for its issuer ("statement").
pub(crate) fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUNS.binary_search(&word).is_ok()
}

static LINKING_ADVERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/linking_adverbs.txt")));

/// True when `word` (lower case) links its sentence to the one before ("however").
pub(crate) fn is_linking_adverb(word: &str) -> bool {
    LINKING_ADVERBS.binary_search(&word).is_ok()
}

static CHANNEL_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/channel_nouns.txt")));

/// True when `word` (lower case) names a channel a statement went out on ("statement",
/// "twitter").
pub(crate) fn is_channel_noun(word: &str) -> bool {
    CHANNEL_NOUNS.binary_search(&word).is_ok()
}

static MEDIA: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/media.txt")));

/// True when `word` (lower case) names a medium rather than an actor: a platform or outlet
/// noun after a name ("his Truth Social *platform*") or a news agency's folded name.
pub(crate) fn is_media(word: &str) -> bool {
    MEDIA.binary_search(&word).is_ok()
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
    table(include_str!("../data/transcript_labels.tsv"), |s| match s {
        "questioner" => Label::Questioner,
        _ => Label::Honorific,
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

static HEDGES: LazyLock<Vec<(&'static str, Hedge)>> = LazyLock::new(|| {
    table(include_str!("../data/hedges.tsv"), |s| match s {
        "negation" => Hedge::Negation,
        "conditional" => Hedge::Conditional,
        _ => Hedge::Uncertain,
    })
});

/// How `word` (lower case) shifts the stance of content it appears in.
pub(crate) fn hedge(word: &str) -> Option<Hedge> {
    lookup(&HEDGES, word)
}

fn party_kind(s: &str) -> PartyKind {
    match s {
        "government" => PartyKind::Government,
        "group" => PartyKind::Group,
        "country" => PartyKind::Country,
        "person" => PartyKind::Person,
        _ => PartyKind::Organization,
    }
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
    for line in lines(include_str!("../data/countries.tsv")) {
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or("").trim();
        let _iso = cols.next();
        let demonyms = cols.next().unwrap_or("");
        let aliases = cols.next().unwrap_or("");
        let country = GazEntry {
            kind: GazKind::Country,
            canonical: name,
            country: Some(name),
        };
        add(name, country);
        for a in aliases.split(',').map(str::trim) {
            add(a, country);
        }
        for d in demonyms.split(',').map(str::trim) {
            add(
                d,
                GazEntry {
                    kind: GazKind::Demonym,
                    canonical: name,
                    country: Some(name),
                },
            );
        }
    }
    for line in lines(include_str!("../data/seats.tsv")) {
        let mut cols = line.split('\t').map(str::trim);
        let (Some(surface), Some(country), kind) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let seat = kind == Some("seat");
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
    for line in lines(include_str!("../data/organizations.tsv")) {
        let mut cols = line.split('\t').map(str::trim);
        let name = cols.next().unwrap_or("");
        let acronyms = cols.next().unwrap_or("");
        let kind = GazKind::Org(party_kind(cols.next().unwrap_or("")));
        let entry = GazEntry {
            kind,
            canonical: name,
            country: None,
        };
        add(name, entry);
        for a in acronyms.split(',').map(str::trim) {
            add(a, entry);
        }
    }
    for place in lines(include_str!("../data/places.txt")) {
        add(
            place,
            GazEntry {
                kind: GazKind::Place,
                canonical: place,
                country: None,
            },
        );
    }
    for title in lines(include_str!("../data/titles.txt")) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
