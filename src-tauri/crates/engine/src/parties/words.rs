//! The word lists the parties stage reads, each loaded once through [`crate::lexicon`].

use std::sync::LazyLock;

use crate::lexicon::{self, files};

/// A sorted word list from a registered data file, built on first use, and its test.
macro_rules! list {
    ($(#[$doc:meta])* $name:ident, $file:ident, $test:ident) => {
        static $name: LazyLock<Vec<&'static str>> = LazyLock::new(|| lexicon::list(files::$file));
        $(#[$doc])*
        pub(crate) fn $test(word: &str) -> bool {
            lexicon::contains(&$name, word)
        }
    };
}

list!(
    /// True when `word` (as written) ends a capitalised name that is no person ("Cold *War*").
    NON_PERSON_HEADS, NON_PERSON_HEADS, is_non_person_head
);
list!(
    /// True when `word` (lower case) after "the" names a group acted upon ("the hostages").
    AFFECTED, AFFECTED_GROUPS, is_affected_group
);
list!(
    /// True when `word` (lower case) is a plural noun for a country's groups ("companies").
    GROUP_NOUNS, GROUP_NOUNS, is_group_noun
);
list!(
    /// True when `word` or `word word` (lower case) names an organisation's members ("allies").
    COLLECTIVE, COLLECTIVE_NOUNS, is_collective_noun
);
list!(
    /// True when a party named right after `word` (lower case) does not act in its own name.
    DEPENDENT, DEPENDENT_PREPOSITIONS, is_dependent
);
list!(
    /// True when `word` (lower case) is one that news prose writes in lower case.
    LOWER, LOWER_WORDS, is_lower_word
);

/// True when the capitalised `word` is a common word with a capital ("Joint", "Security"):
/// its lower-case form is one news prose writes in lower case.
pub(crate) fn is_common_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let w = word.trim_end_matches('.');
    if w.len() > buf.len() || !w.is_ascii() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).is_ok_and(is_lower_word)
}
list!(
    /// True when `word` is a suffix written after a name and a comma ("Jr").
    SUFFIXES, NAME_SUFFIXES, is_name_suffix
);
list!(
    /// True when `word` makes a formal name of a state before "of" ("Republic").
    STATE_WORDS, STATE_WORDS, is_state_word
);
list!(
    /// True when the title `word` is an honorific, never a role ("Mr", "H.E.").
    HONORIFICS, HONORIFICS, is_honorific
);
list!(
    /// True when `word` (lower case) names a meeting or event held somewhere ("talks").
    VENUE_EVENTS, VENUE_EVENTS, is_venue_event
);
list!(
    /// True when `word` (lower case) opens a list of examples ("including").
    EXAMPLE_OPENERS, EXAMPLE_OPENERS, is_example_opener
);
