//! The line of text shown under a search result: about 160 characters of the note's body
//! around its best match, as written (accents and capitals kept), with the ranges of every
//! matched word so the library can highlight them.

use super::fold::{fold_mapped, is_word_char};
use super::matching::Term;
use crate::model::TextRange;

/// Characters (folded bytes) of context before and after the match.
const BEFORE: usize = 60;
const AFTER: usize = 100;

/// The snippet of `body` for `terms`, and where in it the terms matched (in UTF-16 code
/// units, as the UI's strings count).
pub(crate) fn snippet(body: &str, terms: &[Term<'_>]) -> (String, Vec<TextRange>) {
    let (folded, map) = fold_mapped(body);
    // The first whole-word match of the earliest term that has one, else the first match.
    let anchor = terms
        .iter()
        .find_map(|t| t.find_iter(&folded).find(|&(_, whole)| whole))
        .or_else(|| terms.iter().find_map(|t| t.find_iter(&folded).next()))
        .map_or(0, |(at, _)| at);
    let (fs, fe) = window(&folded, anchor);
    if fs >= fe {
        return (String::new(), Vec::new());
    }
    let (os, oe) = (map[fs], map[fe]);
    let mut out = String::new();
    if !body[..os].trim().is_empty() {
        out.push('…');
    }
    // For each byte of body[os..oe], where it lands in `out` (UTF-16 units).
    let mut at = vec![0u32; oe - os + 1];
    let mut units = utf16_len(&out);
    let mut in_space = false;
    for (i, c) in body[os..oe].char_indices() {
        at[i..i + c.len_utf8()].fill(units);
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                units += 1;
            }
            in_space = true;
        } else {
            out.push(c);
            units += u32::try_from(c.len_utf16()).unwrap_or(2);
            in_space = false;
        }
    }
    at[oe - os] = units;
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if !body[oe..].trim().is_empty() {
        out.push('…');
    }
    let mut ranges: Vec<TextRange> = terms
        .iter()
        .flat_map(|t| {
            t.find_iter(&folded[..fe])
                .filter(move |&(a, _)| a >= fs)
                .map(|(a, _)| (a, a + t.text.len()))
                .collect::<Vec<_>>()
        })
        .map(|(a, b)| TextRange {
            start: at[map[a] - os],
            end: at[map[b.min(fe)] - os],
        })
        .filter(|r| r.start < r.end)
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<TextRange> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    (out, merged)
}

/// The folded window around `anchor`, snapped to whole words.
fn window(folded: &str, anchor: usize) -> (usize, usize) {
    let mut start = floor_char(folded, anchor.saturating_sub(BEFORE));
    if start > 0 && !folded[..start].ends_with(' ') {
        // Skip the cut word (but never past the match itself).
        start = folded[start..anchor]
            .find(' ')
            .map_or(start, |i| start + i + 1);
    }
    let mut end = floor_char(folded, (anchor + AFTER).min(folded.len()));
    if end < folded.len() && folded[end..].starts_with(|c: char| is_word_char(c)) {
        end = folded[anchor..end].rfind(' ').map_or(end, |i| anchor + i);
    }
    while start < end && folded[start..].starts_with(' ') {
        start += 1;
    }
    (start, end)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn utf16_len(s: &str) -> u32 {
    u32::try_from(s.encode_utf16().count()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(body: &str, query: &[&str]) -> String {
        let terms: Vec<Term<'_>> = query.iter().map(|q| Term::new(q)).collect();
        let (text, ranges) = snippet(body, &terms);
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut out = String::new();
        let mut last = 0;
        for r in ranges {
            let (a, b) = (r.start as usize, r.end as usize);
            out.push_str(&String::from_utf16_lossy(&units[last..a]));
            out.push('[');
            out.push_str(&String::from_utf16_lossy(&units[a..b]));
            out.push(']');
            last = b;
        }
        out.push_str(&String::from_utf16_lossy(&units[last..]));
        out
    }

    #[test]
    fn highlights_the_matched_words_as_written() {
        assert_eq!(
            marked(
                "Talks at the Élysée  Palace on\nthe war in São Paulo.",
                &["elysee", "sao paulo", "war"]
            ),
            "Talks at the [Élysée] Palace on the [war] in [São Paulo]."
        );
        // Prefixes are matched and shown; letters inside words are not.
        assert_eq!(
            marked("A warning about the backwards war.", &["war"]),
            "A [war]ning about the backwards [war]."
        );
        // Emoji and other characters beyond the BMP count as two UTF-16 units.
        assert_eq!(marked("🇺🇳 UN talks", &["un"]), "🇺🇳 [UN] talks");
    }

    #[test]
    fn a_long_body_is_cut_around_the_match_at_word_edges() {
        let body = format!(
            "{} the envoy met Ortega. {}",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let got = marked(&body, &["ortega"]);
        assert!(got.starts_with("…word ") && got.ends_with("more…"), "{got}");
        assert!(got.contains("met [Ortega]."), "{got}");
        assert!(got.chars().count() < 190, "{got}");
    }

    #[test]
    fn no_match_in_the_body_gives_its_start() {
        assert_eq!(marked("First words.", &["absent"]), "First words.");
        assert_eq!(marked("", &["x"]), "");
    }
}
