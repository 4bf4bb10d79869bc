//! The party table: every actor found so far, with indexes for resolving mentions, surnames,
//! acronyms and title-only references to one party per real actor.

use std::collections::{HashMap, HashSet};

use crate::model::{Party, PartyKind, Span};

/// A party while the draft is being built.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub name: String,
    pub kind: PartyKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    /// Came from a gazetteer (a real country, organisation or seat), so kept even if mentioned once.
    pub known: bool,
    /// Speaks in some position, so kept.
    pub speaker: bool,
    /// Stands for parties listed elsewhere ("both leaders"), so never listed itself.
    pub reference: bool,
    /// Mentions only as the owner of another body or person ("the State Department's Bureau").
    pub owner_mentions: usize,
    /// Mentions where the party does not act in its own name: an affiliation ("US President
    /// Donald Trump"), an owner ("Sudan's army"), a demonym, or a place after a preposition
    /// ("talks with Russia", "ministers of France, Germany and Italy").
    pub passive_mentions: usize,
    /// Mentions where a country is only a setting: an affiliation ("Prime Minister Albanese of
    /// Australia", "the Honduran President"), a meeting's venue ("talks in Iceland") or one
    /// item of a long list ("including DPRK, Afghanistan, and Iran").
    pub incidental_mentions: usize,
    /// Named as a member of a collective party ("the G7 Foreign Ministers of Canada, …").
    pub in_collective: bool,
    /// Byte offset of the latest mention seen in the text-order sweep.
    pub last_seen: usize,
}

/// The parties found so far, with what positions need to resolve speakers.
#[derive(Debug, Default)]
pub(crate) struct PartyTable {
    pub(crate) drafts: Vec<Draft>,
    /// Folded canonical names → party index.
    by_name: HashMap<String, usize>,
    /// Single words that name one party (surnames, acronyms, one-word names) → party index.
    by_word: HashMap<String, usize>,
    /// First words of people's full names → the person, `None` when two people share it.
    by_first: HashMap<String, Option<usize>>,
    /// Every mention as (span, party index), sorted by start once extraction is done.
    pub(crate) mentions: Vec<(Span, usize)>,
    /// Mentions added after sorting (sources that positions describe), kept sorted by
    /// inserting near the end: positions are resolved in text order, so this stays cheap,
    /// and lookups stay binary searches over two sorted lists.
    late: Vec<(Span, usize)>,
    /// True once [`Self::sort_mentions`] has run.
    sorted: bool,
    /// Party ids in output order, by party index (`None`: dropped), set by [`Self::finalize`].
    ids: Vec<Option<String>>,
    finished: Vec<Party>,
    /// Organisation party → the collective of its members ("G7" → "G7 Foreign Ministers").
    pub(crate) collective_of: HashMap<usize, usize>,
    /// Title holders of several countries ("ministers|France|Germany") → their group.
    pub(crate) collective_by_members: HashMap<String, usize>,
}

/// Lower-cased, apostrophes and dots removed, a leading article dropped: the key names merge on.
pub(crate) fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        let w: String = w
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .flat_map(char::to_lowercase)
            .collect();
        if w.is_empty() || (out.is_empty() && matches!(w.as_str(), "the" | "a" | "an")) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// The mentions of a sorted list that start before `pos`, newest first, at most `window`.
fn mentions_before(
    list: &[(Span, usize)],
    pos: usize,
    window: usize,
) -> std::iter::Peekable<impl Iterator<Item = &(Span, usize)>> {
    let i = list.partition_point(|(s, _)| s.start < pos);
    list[..i].iter().rev().take(window).peekable()
}

/// True when `name` can name a person: it has a capital letter and does not open with a
/// digit ("9 percent", "facts", "newspaper" are not people; a speaker described by a source
/// noun, "two diplomats familiar with the plans", is), and, unless the person speaks
/// (a transcript label like "MR MILLER"), it is not in capitals (a dateline like "NEW YORK").
fn is_person_name(name: &str, speaker: bool) -> bool {
    if name.starts_with("unnamed ") {
        return true;
    }
    // "Election Day", "Cold War": an event, law or place, not a person.
    let last = name.rsplit(char::is_whitespace).next().unwrap_or(name);
    if name.contains(' ') && super::words::is_non_person_head(last) {
        return false;
    }
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    (letters().any(char::is_uppercase)
        || speaker && name.split_whitespace().any(crate::lexicon::is_source_noun))
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && (speaker || letters().count() < 4 || !letters().all(char::is_uppercase))
}

impl PartyTable {
    /// The party named `name`, creating it if needed; returns its index.
    pub fn intern(&mut self, name: &str, kind: PartyKind, known: bool) -> usize {
        let key = fold(name);
        if let Some(&i) = self.by_name.get(&key) {
            self.drafts[i].known |= known;
            return i;
        }
        if kind == PartyKind::Person
            && let Some(i) = self.same_person(&key)
        {
            // The longer form is the canonical name ("Staffan de Mistura", not "De Mistura").
            if key.len() > fold(&self.drafts[i].name).len() {
                self.drafts[i].name = name.to_owned();
            }
            self.by_name.insert(key, i);
            return i;
        }
        let i = self.drafts.len();
        self.drafts.push(Draft {
            name: name.to_owned(),
            kind,
            role: None,
            affiliation: None,
            aliases: Vec::new(),
            mentions: Vec::new(),
            known,
            speaker: false,
            reference: false,
            owner_mentions: 0,
            passive_mentions: 0,
            incidental_mentions: 0,
            in_collective: false,
            last_seen: 0,
        });
        self.by_name.insert(key, i);
        if kind == PartyKind::Person {
            let mut words = name.split_whitespace();
            let first = words.next();
            if let Some(last) = words.next_back() {
                self.by_word.entry(fold(last)).or_insert(i);
                if let Some(first) = first {
                    self.by_first
                        .entry(fold(first))
                        .and_modify(|p| {
                            if *p != Some(i) {
                                *p = None;
                            }
                        })
                        .or_insert(Some(i));
                }
            } else if let Some(one) = first {
                self.by_word.entry(fold(one)).or_insert(i);
            }
        } else if !name.contains(' ') {
            self.by_word.entry(fold(name)).or_insert(i);
        }
        i
    }

    /// A person already known under a longer or shorter form of the folded name `key`: one
    /// name ends the other ("de mistura", "staffan de mistura"), or both have two or more words
    /// with the same first and last ("rangin spanta", "rangin dadfar spanta"). Looks back over
    /// a bounded number of parties.
    fn same_person(&self, key: &str) -> Option<usize> {
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() < 2 {
            return None;
        }
        self.drafts
            .iter()
            .enumerate()
            .rev()
            .take(64)
            .find(|(_, d)| {
                if d.kind != PartyKind::Person || d.name.starts_with("unnamed ") {
                    return false;
                }
                let other = fold(&d.name);
                let theirs: Vec<&str> = other.split(' ').collect();
                theirs.len() >= 2
                    && (other.ends_with(&format!(" {key}"))
                        || key.ends_with(&format!(" {other}"))
                        || (theirs[0] == words[0] && theirs.last() == words.last()))
            })
            .map(|(i, _)| i)
    }

    /// The person whose full name opens with the single word `word` ("Xi" for "Xi
    /// Jinping", "Hassan" for "Hassan Sheikh Mohamud"), when exactly one does.
    pub fn by_first_word(&self, word: &str) -> Option<usize> {
        match self.by_first.get(&fold(word)) {
            Some(&Some(i)) => Some(i),
            _ => None,
        }
    }

    /// The party a folded full name belongs to.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(&fold(name)).copied()
    }

    /// The party a single word (surname, acronym) names.
    pub fn by_word(&self, word: &str) -> Option<usize> {
        self.by_word.get(&fold(word)).copied()
    }

    /// The latest body (not a person) whose name ends with the bare body name `name`
    /// ("Foreign Ministry" → "Russia's Foreign Ministry"), looking back over a bounded number
    /// of parties so the cost per lookup stays constant.
    pub fn body_ending_with(&self, name: &str) -> Option<usize> {
        let key = name.trim();
        self.drafts
            .iter()
            .enumerate()
            .rev()
            .take(64)
            .find(|(_, d)| {
                let cut = d.name.len().wrapping_sub(key.len());
                d.kind != PartyKind::Person
                    && d.name.len() > key.len()
                    && d.name.is_char_boundary(cut)
                    && d.name[cut..].eq_ignore_ascii_case(key)
                    && d.name[..cut].ends_with(' ')
            })
            .map(|(i, _)| i)
    }

    /// Makes `word` (an acronym or short name) a way of naming party `i`.
    pub fn add_word(&mut self, word: &str, i: usize) {
        self.by_word.entry(fold(word)).or_insert(i);
    }

    /// Records a mention of party `i` with its surface form.
    pub fn mention(&mut self, i: usize, span: Span, surface: &str) {
        let d = &mut self.drafts[i];
        d.mentions.push(span);
        d.last_seen = d.last_seen.max(span.start);
        let surface = surface.trim();
        if !surface.is_empty() && surface != d.name && !d.aliases.iter().any(|a| a == surface) {
            d.aliases.push(surface.to_owned());
        }
        if self.sorted {
            let key = (span.start, span.end);
            let at = self.late.len()
                - self
                    .late
                    .iter()
                    .rev()
                    .take_while(|(s, _)| (s.start, s.end) > key)
                    .count();
            self.late.insert(at, (span, i));
        } else {
            self.mentions.push((span, i));
        }
    }

    /// Sorts the mention index (call once extraction has added them all).
    pub fn sort_mentions(&mut self) {
        self.mentions
            .sort_unstable_by_key(|(s, _)| (s.start, s.end));
        self.sorted = true;
        for d in &mut self.drafts {
            d.mentions.sort_unstable();
            d.mentions.dedup();
        }
    }

    /// The party with a mention overlapping `span` (the longest such mention wins).
    pub fn at(&self, span: Span) -> Option<usize> {
        let overlapping = |list: &[(Span, usize)]| {
            let i = list.partition_point(|(s, _)| s.end <= span.start);
            list[i..]
                .iter()
                .take_while(|(s, _)| s.start < span.end)
                .filter(|(s, _)| s.overlaps(span))
                .max_by_key(|(s, _)| s.len())
                .copied()
        };
        [overlapping(&self.mentions), overlapping(&self.late)]
            .into_iter()
            .flatten()
            .max_by_key(|(s, _)| s.len())
            .map(|(_, p)| p)
    }

    /// The last mention that ends at or before `pos`.
    pub fn last_ending_before(&self, pos: usize) -> Option<(Span, usize)> {
        let last = |list: &[(Span, usize)]| {
            let i = list.partition_point(|(s, _)| s.end <= pos);
            list[..i].last().copied()
        };
        [last(&self.mentions), last(&self.late)]
            .into_iter()
            .flatten()
            .max_by_key(|(s, _)| s.start)
    }

    /// The latest mention before `pos` of a party `accept`s, looking back at most `window`
    /// mentions (so the cost per lookup is bounded).
    pub fn latest_before(
        &self,
        pos: usize,
        window: usize,
        accept: impl Fn(&Draft) -> bool,
    ) -> Option<usize> {
        // Merge the two sorted lists backwards, newest first.
        let (mut a, mut b) = (
            mentions_before(&self.mentions, pos, window),
            mentions_before(&self.late, pos, window),
        );
        for _ in 0..window {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x.0.start >= y.0.start => a.next(),
                (Some(_), Some(_)) | (None, Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, None) => None,
            };
            let &(_, p) = next?;
            if accept(&self.drafts[p]) {
                return Some(p);
            }
        }
        None
    }

    /// Chooses the parties to keep, in order of first mention, and gives them ids `p1`, `p2`, ….
    pub fn finalize(&mut self) {
        let mut order: Vec<usize> = (0..self.drafts.len())
            .filter(|&i| {
                let d = &self.drafts[i];
                !d.mentions.is_empty()
                    && !d.reference
                    && (d.speaker || d.mentions.len() > d.owner_mentions)
                    && (d.kind != PartyKind::Person || is_person_name(&d.name, d.speaker))
                    && (d.speaker
                        || d.known
                        || d.role.is_some()
                        || d.mentions.len() >= 2
                        || d.kind != PartyKind::Person
                        || d.name.contains(' '))
            })
            .collect();
        // A country that never acts in its own name and is represented by a kept body of its
        // own ("the Kremlin", "Sudan's army") or by a collective it belongs to is not listed
        // separately: its government or the collective is the actor.
        let represented: HashSet<&str> = order
            .iter()
            .map(|&i| &self.drafts[i])
            .filter(|d| !matches!(d.kind, PartyKind::Person | PartyKind::Country))
            .filter_map(|d| d.affiliation.as_deref())
            .collect();
        let drop: Vec<bool> = order
            .iter()
            .map(|&i| {
                let d = &self.drafts[i];
                d.kind == PartyKind::Country
                    && !d.speaker
                    && (d.incidental_mentions >= d.mentions.len()
                        || (d.passive_mentions >= d.mentions.len()
                            && (d.in_collective || represented.contains(d.name.as_str()))))
            })
            .collect();
        let mut keep = drop.iter().map(|x| !x);
        order.retain(|_| keep.next().unwrap_or(true));
        order.sort_by_key(|&i| {
            self.drafts[i]
                .mentions
                .first()
                .map_or(usize::MAX, |s| s.start)
        });
        self.ids = vec![None; self.drafts.len()];
        self.finished = order
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                let id = format!("p{}", n + 1);
                self.ids[i] = Some(id.clone());
                let d = &self.drafts[i];
                Party {
                    id,
                    name: d.name.clone(),
                    kind: d.kind,
                    role: d.role.clone(),
                    affiliation: d.affiliation.clone(),
                    aliases: d.aliases.clone(),
                    mentions: d.mentions.clone(),
                }
            })
            .collect();
    }

    /// The output id of party `i`, once [`Self::finalize`] has run and if it was kept.
    pub fn id(&self, i: usize) -> Option<String> {
        self.ids.get(i).cloned().flatten()
    }

    /// The finished parties.
    pub fn into_parties(mut self) -> Vec<Party> {
        if self.ids.len() != self.drafts.len() {
            self.finalize();
        }
        self.finished
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_merges_surface_variants() {
        assert_eq!(fold("The Kremlin"), "kremlin");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Putin’s"), "putins");
    }

    #[test]
    fn surnames_and_overlaps_resolve() {
        let mut t = PartyTable::default();
        let p = t.intern("Vladimir Putin", PartyKind::Person, false);
        t.mention(p, Span::new(10, 24), "Vladimir Putin");
        t.sort_mentions();
        assert_eq!(t.by_word("Putin"), Some(p));
        assert_eq!(t.at(Span::new(20, 30)), Some(p));
        assert_eq!(t.at(Span::new(30, 40)), None);
        assert_eq!(
            t.latest_before(50, 4, |d| d.kind == PartyKind::Person),
            Some(p)
        );
    }
}
