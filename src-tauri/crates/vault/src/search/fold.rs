//! Folding text for search: lower case, diacritics dropped ("Élysée" → "elysee", "São" →
//! "sao", "Straße" → "strasse"), typographic quotes made plain, and every run of white space
//! one space, so a query finds a word however it was accented, capitalised or wrapped.
//!
//! Folding is character by character (no context rules), so a query folds exactly as the text
//! it must find. [`fold_mapped`] also says where each folded byte came from, for snippets.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// `s` folded for search.
#[must_use]
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, |_, _| {});
    out
}

/// `s` folded, and for each byte of the result the offset in `s` of the character it came
/// from (plus one entry for the end).
#[must_use]
pub(crate) fn fold_mapped(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    fold_into(s, &mut out, |from, added| {
        map.extend(std::iter::repeat_n(from, added));
    });
    map.push(s.len());
    (out, map)
}

/// Folds `s` onto `out`, calling `mapped(source offset, bytes added)` for every character.
fn fold_into(s: &str, out: &mut String, mut mapped: impl FnMut(usize, usize)) {
    let bytes = s.as_bytes();
    let mut in_space = out.ends_with(' ');
    let mut i = 0;
    while i < bytes.len() {
        // Runs of ASCII words and single spaces: copied and lower-cased at once.
        let mut j = i;
        let mut space = in_space;
        while let Some(&b) = bytes.get(j) {
            if !b.is_ascii() || (b.is_ascii_whitespace() && (b != b' ' || space)) {
                break;
            }
            space = b == b' ';
            j += 1;
        }
        if j > i {
            let start = out.len();
            out.push_str(&s[i..j]);
            out[start..].make_ascii_lowercase();
            for k in i..j {
                mapped(k, 1);
            }
            in_space = space;
            i = j;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let before = out.len();
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                in_space = true;
            }
        } else {
            in_space = false;
            fold_char(c, out);
        }
        mapped(i, out.len() - before);
        i += c.len_utf8();
    }
}

fn fold_char(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        match lower {
            '’' | '‘' | 'ʼ' | '′' => out.push('\''),
            '“' | '”' | '„' | '«' | '»' | '″' => out.push('"'),
            // Letters with no canonical decomposition, written as their usual Latin spelling.
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' | 'ð' => out.push('d'),
            'þ' => out.push_str("th"),
            'ı' => out.push('i'),
            'ħ' => out.push('h'),
            _ => decompose_canonical(lower, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            }),
        }
    }
}

/// Whether `c` is part of a word (a match must start and, to be whole, end at a word edge).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_quotes_and_spaces() {
        for (text, want) in [
            ("Élysée", "elysee"),
            ("São Paulo", "sao paulo"),
            ("Straße", "strasse"),
            ("Łódź  Gdańsk\n\tKraków", "lodz gdansk krakow"),
            ("Xi’s “plan”", "xi's \"plan\""),
            ("İstanbul", "istanbul"),
            ("ΣΑΣ", "σασ"),
            ("Zelenskyy", "zelenskyy"),
            ("", ""),
        ] {
            assert_eq!(fold(text), want, "{text}");
        }
    }

    #[test]
    fn the_map_points_back_into_the_source() {
        let s = "Le  Élysée a dit";
        let (folded, map) = fold_mapped(s);
        assert_eq!(folded, "le elysee a dit");
        assert_eq!(map.len(), folded.len() + 1);
        let at = folded.find("elysee").unwrap();
        assert_eq!(&s[map[at]..map[at + "elysee".len()]], "Élysée");
        // Folding is idempotent: the index may hold folded text and queries fold alike.
        assert_eq!(fold(&folded), folded);
    }
}
