//! Forms of capitalised names: what a run of capitalised words is, read from its words.

use crate::lexicon;
use crate::text::Doc;

use super::{Tokens, words};

/// True when every word of the name at `na..nb` is a common word with a capital, an acronym
/// or a lower-case connector, and at least one is a common word: a title, document, programme
/// or slogan ("Joint Communiques", "Root Causes of Migration", "PNG Strategic Partnership
/// Dialogue"), not a person.
pub(crate) fn is_common_phrase(doc: &Doc<'_>, tk: &Tokens, na: usize, nb: usize) -> bool {
    let mut common = false;
    for i in na..nb {
        let w = tk.word(doc, i);
        if words::is_common_word(w) && w.chars().skip(1).all(|c| !c.is_uppercase()) {
            common = true;
        } else if !(is_acronym(w) || lexicon::is_name_connector(w) || w == "-") {
            return false;
        }
    }
    common
}

/// True when `w` is written in capitals, as an acronym ("PNG", "U.S").
pub(crate) fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
}

/// True when the name at `na..nb` ends in a noun for an organisation's members, capitalised
/// ("Federal *Member States*", "European *Allies*").
pub(crate) fn ends_in_collective_noun(tk: &Tokens, na: usize, nb: usize) -> bool {
    let last = tk.lower(nb - 1);
    let pair = (nb - na >= 2).then(|| format!("{} {last}", tk.lower(nb - 2)));
    words::is_collective_noun(last) || pair.is_some_and(|p| words::is_collective_noun(&p))
}
