//! Forms of capitalised names: what a run of capitalised words is, read from its words.

use crate::lexicon::{self, GazEntry, GazKind};
use crate::text::Doc;
use crate::tokens::Class;

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

/// True when token `k` is the full stop of an initial inside a name ("Joseph R*.* Biden"):
/// right after a one-letter capital, with a capitalised word after it.
pub(crate) fn is_initial_dot(doc: &Doc<'_>, tk: &Tokens, k: usize, b: usize) -> bool {
    k > 0
        && k + 1 < b
        && tk.word(doc, k) == "."
        && tk.toks[k - 1].span.end == tk.toks[k].span.start
        && tk.word(doc, k - 1).chars().count() == 1
        && tk.is_cap(doc, k - 1)
        && tk.is_cap(doc, k + 1)
}

/// ", Jr." at token `k` after a name: the index after the suffix.
pub(crate) fn name_suffix(doc: &Doc<'_>, tk: &Tokens, k: usize, b: usize) -> Option<usize> {
    if k + 1 >= b || tk.word(doc, k) != "," || !words::is_name_suffix(tk.word(doc, k + 1)) {
        return None;
    }
    let dot = k + 2 < b
        && tk.word(doc, k + 2) == "."
        && tk.toks[k + 2].span.start == tk.toks[k + 1].span.end;
    Some(k + 2 + usize::from(dot))
}

/// A formal name of a state at token `k` ("Islamic Republic of Iran", "People's Republic of
/// China", "Republic of Armenia"): the country's gazetteer entry and the index after it.
pub(crate) fn formal_country(
    doc: &Doc<'_>,
    tk: &Tokens,
    k: usize,
    b: usize,
) -> Option<(GazEntry, usize)> {
    // Up to three capitalised words (and a possessive) before the state word.
    let mut i = k;
    while i < b && i < k + 5 && !words::is_state_word(tk.word(doc, i)) {
        let ok = (tk.is_cap(doc, i) && tk.gaz[i].is_none())
            || (i > k && tk.class(i) == Class::Possessive);
        if !ok {
            return None;
        }
        i += 1;
    }
    if i >= b || !words::is_state_word(tk.word(doc, i)) {
        return None;
    }
    let (e, end, _) = of_country(doc, tk, i + 1, b)?;
    Some((e, end))
}

/// "of (the) <country>" at token `k`: the country's entry, the index after it and the index
/// where the country's name starts.
pub(crate) fn of_country(
    doc: &Doc<'_>,
    tk: &Tokens,
    k: usize,
    b: usize,
) -> Option<(GazEntry, usize, usize)> {
    if k >= b || tk.word(doc, k) != "of" {
        return None;
    }
    let m = if tk.word(doc, k + 1).eq_ignore_ascii_case("the") {
        k + 2
    } else {
        k + 1
    };
    if m >= b {
        return None;
    }
    match tk.gaz[m] {
        Some((e, end)) if e.kind == GazKind::Country => Some((e, end, m)),
        Some(_) => None,
        None => formal_country(doc, tk, m, b).map(|(e, end)| (e, end, m)),
    }
}

/// True when a person's name starts at token `k` with no title or honorific before it
/// ("Fumio Kishida" after "the Foreign Minister of Japan,"): a capitalised word that is no
/// gazetteer name and no function word.
pub(crate) fn starts_plain_name(doc: &Doc<'_>, tk: &Tokens, k: usize) -> bool {
    let w = tk.word(doc, k);
    tk.is_cap(doc, k)
        && tk.gaz[k].is_none()
        && !lexicon::is_non_name(w)
        && !is_acronym(w)
        && !words::is_common_word(w)
}

/// Words looked back over from a place's locative to a meeting word ("talks *with X* in …").
const VENUE_REACH: usize = 4;

/// True when the place whose name starts at token `a` is a meeting's venue: after "in" or
/// "at" (and "the") that follow a meeting word within a few words ("talks in Iceland",
/// "missions in Afghanistan and Iraq"), or after a venue and a comma ("met in Bali,
/// Indonesia").
pub(crate) fn is_event_venue(doc: &Doc<'_>, tk: &Tokens, a: usize, sent_start: usize) -> bool {
    let mut i = a;
    if i > sent_start && tk.lower(i - 1) == "the" {
        i -= 1;
    }
    // "in Afghanistan and Iraq", "in Bali, Indonesia": look through one list item.
    if i >= sent_start + 2 && matches!(tk.word(doc, i - 1), "," | "and") && tk.is_cap(doc, i - 2) {
        let mut m = i - 2;
        while m > sent_start && tk.is_cap(doc, m - 1) {
            m -= 1;
        }
        if m > sent_start && lexicon::is_locative(tk.lower(m - 1)) {
            i = m;
        }
    }
    if i <= sent_start || !matches!(tk.lower(i - 1), "in" | "at") {
        return false;
    }
    let from = (i - 1).saturating_sub(VENUE_REACH).max(sent_start);
    (from..i - 1).any(|m| words::is_venue_event(tk.lower(m)))
}

/// True when the country at `a..end` is named as an example: it stands in a list of countries
/// (with or without "the", separated by commas, "and" or "or") opened by "including", a dash
/// or a colon ("including DPRK, Afghanistan, and Iran", "the powers – the United States,
/// France, …").
pub(crate) fn is_example(doc: &Doc<'_>, tk: &Tokens, a: usize, end: usize, b: usize) -> bool {
    let (_, start, _) = country_list(doc, tk, a, end, b);
    start > 0 && words::is_example_opener(tk.lower(start - 1))
}

/// The list of countries that the country at `a..end` stands in: its length, first token and
/// the token after it.
pub(crate) fn country_list(
    doc: &Doc<'_>,
    tk: &Tokens,
    a: usize,
    end: usize,
    b: usize,
) -> (usize, usize, usize) {
    let is_country = |i: usize| {
        tk.gaz
            .get(i)
            .copied()
            .flatten()
            .filter(|(e, _)| e.kind == GazKind::Country)
            .map(|(_, end)| end)
    };
    let sep = |i: usize| matches!(tk.word(doc, i), "," | "and" | "or");
    let mut n = 1;
    // Forward.
    let mut i = end;
    let mut last = end;
    while i < b && sep(i) && n < 64 {
        let mut j = i + 1;
        if j < b && sep(j) {
            j += 1;
        }
        if j < b && tk.lower(j) == "the" {
            j += 1;
        }
        match is_country(j) {
            Some(e) => {
                n += 1;
                i = e;
                last = e;
            }
            None => break,
        }
    }
    // Backward: a country ending right before a separator.
    let mut i = a;
    if i > 0 && tk.lower(i - 1) == "the" {
        i -= 1;
    }
    while i >= 2 && sep(i - 1) && n < 64 {
        let mut j = i - 1;
        if j >= 1 && sep(j - 1) {
            j -= 1;
        }
        let Some(start) = (j.saturating_sub(4)..j).find(|&s| {
            is_country(s) == Some(j) || (tk.lower(s) == "the" && is_country(s + 1) == Some(j))
        }) else {
            break;
        };
        n += 1;
        i = start;
    }
    (n, i, last)
}

/// The index after the run of capitalised words from token `k` that are no gazetteer names.
pub(crate) fn cap_run(doc: &Doc<'_>, tk: &Tokens, k: usize, b: usize) -> usize {
    let mut i = k;
    while i < b
        && tk.is_cap(doc, i)
        && tk.gaz[i].is_none()
        && !lexicon::is_non_name(tk.word(doc, i))
    {
        i += 1;
    }
    i
}

/// True when "and" at token `k` joins two halves of one body's name begun at `na`: the
/// capitalised words after it are no gazetteer names and end in a common word, and either
/// the name so far is a body's ("Office for Democratic Institutions *and* Human Rights") or
/// the words after "and" end in one while the words before are common words ("National
/// Unity *and* Peacemaking Coordination Committee").
pub(crate) fn and_continues_body(
    doc: &Doc<'_>,
    tk: &Tokens,
    na: usize,
    k: usize,
    b: usize,
) -> bool {
    if tk.lower(k) != "and" {
        return false;
    }
    let end = cap_run(doc, tk, k + 1, b);
    if end == k + 1 || !words::is_common_word(tk.word(doc, end - 1)) {
        return false;
    }
    let org = |a: usize, z: usize| (a..z).any(|i| lexicon::org_word(tk.word(doc, i)).is_some());
    // "the Government of Somalia and Federal Member States": a country ends the body's name.
    let plain = (na..k).all(|i| tk.gaz[i].is_none());
    (plain && org(na, k) && (na..k).any(|i| lexicon::is_name_connector(tk.word(doc, i))))
        || (org(k + 1, end) && is_common_phrase(doc, tk, na, k))
}
