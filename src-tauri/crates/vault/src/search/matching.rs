//! Where a folded query term occurs in folded text: only at the start of a word ("war" is in
//! "war" and "warning", not in "backwards"), and whether the occurrence is the whole word.

use memchr::memmem::Finder;

use super::fold::is_word_char;

/// One folded query term and its searcher.
pub(crate) struct Term<'t> {
    /// The folded term ("peace talks" for a quoted phrase).
    pub text: &'t str,
    finder: Finder<'t>,
    /// The term starts with a word character: an occurrence must start a word.
    check_start: bool,
    /// The term ends with a word character: an occurrence is whole when a word ends there.
    check_end: bool,
}

/// How a term occurs in one field.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occurrences {
    /// Occurrences that are whole words (counted up to [`MAX_COUNTED`]).
    pub whole: u32,
    /// Occurrences at the start of a longer word.
    pub prefix: u32,
}

/// Occurrences counted per field and term; more say nothing more about relevance.
pub(crate) const MAX_COUNTED: u32 = 64;

impl Occurrences {
    /// Whether the term occurs at all.
    pub fn any(self) -> bool {
        self.whole + self.prefix > 0
    }
}

impl<'t> Term<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            finder: Finder::new(text.as_bytes()),
            check_start: text.chars().next().is_some_and(is_word_char),
            check_end: text.chars().next_back().is_some_and(is_word_char),
        }
    }

    /// Every occurrence at a word start in `hay`, as (start, whole word?), in order.
    pub fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, bool)> + 'h {
        self.finder
            .find_iter(hay.as_bytes())
            .filter(move |&at| !self.check_start || !word_char_before(hay, at))
            .map(move |at| {
                let end = at + self.text.len();
                (at, !self.check_end || !word_char_at(hay, end))
            })
    }

    /// Whether the term occurs at a word start in `hay`.
    #[cfg(test)]
    pub fn occurs_in(&self, hay: &str) -> bool {
        self.find_iter(hay).next().is_some()
    }

    /// Counts the occurrences in `hay`.
    pub fn count(&self, hay: &str) -> Occurrences {
        let mut o = Occurrences::default();
        for (_, whole) in self.find_iter(hay) {
            if whole {
                o.whole += 1;
            } else {
                o.prefix += 1;
            }
            if o.whole + o.prefix >= MAX_COUNTED {
                break;
            }
        }
        o
    }
}

fn word_char_before(s: &str, at: usize) -> bool {
    s.get(..at)
        .and_then(|h| h.chars().next_back())
        .is_some_and(is_word_char)
}

fn word_char_at(s: &str, at: usize) -> bool {
    s.get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_start_words_and_know_when_they_are_whole() {
        let t = Term::new("war");
        let hay = "war, warning, star wars, backwards, postwar, war";
        let got: Vec<(usize, bool)> = t.find_iter(hay).collect();
        assert_eq!(got, [(0, true), (5, false), (19, false), (45, true)]);
        assert_eq!(
            t.count(hay),
            Occurrences {
                whole: 2,
                prefix: 2
            }
        );
        assert!(!Term::new("ward").occurs_in(hay));
        let phrase = Term::new("peace talks");
        assert!(phrase.occurs_in("the peace talks resumed"));
        assert_eq!(
            phrase.count("peace talksmen"),
            Occurrences {
                whole: 0,
                prefix: 1
            }
        );
        // A term that does not start with a letter may start anywhere.
        assert!(Term::new("-1").occurs_in("covid-19"));
    }
}
