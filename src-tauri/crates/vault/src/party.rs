//! The party index: for a party, every note and position that mentions it, newest first; and
//! the vault's parties merged by alias, with counts.
//!
//! Names merge when (1) one stored draft gives them to one party (its name and aliases), (2)
//! they are the same once the titles and honorifics before them are dropped ("President
//! Putin" and "Putin", with the engine's own title lists), or (3) a one-word name is the last
//! word of exactly one longer name ("Putin" and "Vladimir Putin"; "Korea" stays apart from
//! "North Korea" and "South Korea"). Case never matters.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use attache_engine::Brief;

use crate::error::Result;
use crate::model::{PartyGroup, PartyHit};
use crate::vault::{Vault, lock};

/// Per stored draft: each party's id and names (canonical name, then aliases).
#[derive(Debug, Default)]
pub(crate) struct DraftParties {
    parties: Vec<(String, Vec<String>)>,
}

/// Drafts already read, by note id (a draft never changes once stored).
pub(crate) type DraftCache = HashMap<String, Option<Arc<DraftParties>>>;

impl Vault {
    /// Every note whose front matter `parties` or stored draft names `party` (by name or alias,
    /// case-insensitive), with that party's positions from the draft, newest first.
    ///
    /// # Errors
    /// As [`Vault::list`].
    pub fn party_index(&self, party: &str) -> Result<Vec<PartyHit>> {
        let asked = party.trim().to_lowercase();
        if asked.is_empty() {
            return Ok(Vec::new());
        }
        let notes = self.list()?;
        // Every name of the asked party's group (the asked name alone when no note has it).
        let mut wanted: HashSet<String> = group_parties(&self.names_by_note(&notes))
            .into_iter()
            .find(|g| g.names.iter().any(|n| n.to_lowercase() == asked))
            .map(|g| g.names.iter().map(|n| n.to_lowercase()).collect())
            .unwrap_or_default();
        wanted.insert(asked);
        let mut hits = Vec::new();
        for note in notes {
            let in_front_matter = note
                .parties
                .iter()
                .any(|p| wanted.contains(&p.to_lowercase()));
            let id = note
                .id
                .clone()
                .filter(|id| uuid::Uuid::parse_str(id).is_ok());
            let draft = id.as_deref().and_then(|id| self.draft_parties(id));
            let ids: Vec<&str> = draft
                .as_ref()
                .map(|d| {
                    d.parties
                        .iter()
                        .filter(|(_, names)| {
                            names.iter().any(|n| wanted.contains(&n.to_lowercase()))
                        })
                        .map(|(pid, _)| pid.as_str())
                        .collect()
                })
                .unwrap_or_default();
            if !in_front_matter && ids.is_empty() {
                continue;
            }
            let positions = match (&id, ids.is_empty()) {
                (Some(id), false) => self
                    .read_draft(id)
                    .map(|b| {
                        b.positions
                            .into_iter()
                            .filter(|p| p.party.as_deref().is_some_and(|pid| ids.contains(&pid)))
                            .collect()
                    })
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let date = note.published.clone().or_else(|| note.created.clone());
            hits.push(PartyHit {
                note,
                date,
                in_front_matter,
                positions,
            });
        }
        hits.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then(b.note.modified_ms.cmp(&a.note.modified_ms))
        });
        Ok(hits)
    }

    /// The vault's parties merged by alias, each with the number of notes naming it, sorted
    /// by name.
    ///
    /// # Errors
    /// As [`Vault::list`].
    pub fn party_groups(&self) -> Result<Vec<PartyGroup>> {
        let notes = self.list()?;
        Ok(group_parties(&self.names_by_note(&notes)))
    }

    /// Per note, its parties as name sets: each front matter entry, then each draft party.
    fn names_by_note(&self, notes: &[crate::model::NoteSummary]) -> Vec<NoteParties> {
        notes
            .iter()
            .map(|n| {
                let draft =
                    n.id.as_deref()
                        .filter(|id| uuid::Uuid::parse_str(id).is_ok())
                        .and_then(|id| self.draft_parties(id));
                NoteParties {
                    front_matter: n.parties.clone(),
                    drafted: draft
                        .map(|d| d.parties.iter().map(|(_, names)| names.clone()).collect())
                        .unwrap_or_default(),
                }
            })
            .collect()
    }

    fn read_draft(&self, id: &str) -> Option<Brief> {
        let bytes = std::fs::read(self.state_dir("briefs").join(format!("{id}.json"))).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    fn draft_parties(&self, id: &str) -> Option<Arc<DraftParties>> {
        if let Some(cached) = lock(&self.drafts).get(id) {
            return cached.clone();
        }
        let parsed = self.read_draft(id).map(|b| {
            Arc::new(DraftParties {
                parties: b
                    .parties
                    .into_iter()
                    .map(|p| {
                        let mut names = vec![p.name];
                        names.extend(p.aliases);
                        (p.id, names)
                    })
                    .collect(),
            })
        });
        lock(&self.drafts).insert(id.to_owned(), parsed.clone());
        parsed
    }
}

/// One note's parties: the front matter's names (shown), and the stored draft's parties, each
/// with its name and aliases (they link names; shown only when no front matter has the party).
#[derive(Debug, Clone, Default)]
pub struct NoteParties {
    /// Front matter `parties`.
    pub front_matter: Vec<String>,
    /// The draft's parties: name, then aliases.
    pub drafted: Vec<Vec<String>>,
}

/// Union-find over name keys.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

fn key_of(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Merges the notes' party names by alias (the module's three rules) and counts the notes
/// naming each party. Sorted by shown name, case-insensitive.
#[must_use]
pub fn group_parties(notes: &[NoteParties]) -> Vec<PartyGroup> {
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut shown: Vec<Option<String>> = Vec::new(); // a display form per key (front matter first)
    let mut drafted_form: Vec<Option<String>> = Vec::new();
    let intern = |name: &str, keys: &mut HashMap<String, usize>| -> Option<usize> {
        let k = key_of(name);
        if k.is_empty() {
            return None;
        }
        let next = keys.len();
        Some(*keys.entry(k).or_insert(next))
    };
    let mut links: Vec<(usize, usize)> = Vec::new();
    let mut per_note: Vec<Vec<usize>> = Vec::new();
    for note in notes {
        let mut ids = Vec::new();
        for name in &note.front_matter {
            if let Some(i) = intern(name, &mut keys) {
                grow(&mut shown, i);
                grow(&mut drafted_form, i);
                shown[i].get_or_insert_with(|| name.trim().to_owned());
                ids.push(i);
            }
        }
        for party in &note.drafted {
            let mut first = None;
            for name in party {
                if let Some(i) = intern(name, &mut keys) {
                    grow(&mut shown, i);
                    grow(&mut drafted_form, i);
                    drafted_form[i].get_or_insert_with(|| name.trim().to_owned());
                    ids.push(i);
                    if let Some(f) = first {
                        links.push((f, i));
                    } else {
                        first = Some(i);
                    }
                }
            }
        }
        per_note.push(ids);
    }
    // Rule 2: the untitled form of each name, as a key of its own (perhaps no note's name).
    let names: Vec<(String, usize)> = keys.iter().map(|(k, &i)| (k.clone(), i)).collect();
    for (k, i) in &names {
        let bare = key_of(attache_engine::name_without_titles(k));
        if bare != *k {
            let j = intern(&bare, &mut keys).unwrap_or(*i);
            links.push((*i, j));
        }
    }
    let mut g = Groups {
        parent: (0..keys.len()).collect(),
    };
    for (a, b) in links {
        g.join(a, b);
    }
    // Rule 3: a one-word name joins the one group whose longer untitled names end with it.
    let mut by_last: HashMap<&str, HashSet<usize>> = HashMap::new();
    let all: Vec<(String, usize)> = keys.iter().map(|(k, &i)| (k.clone(), i)).collect();
    let bare_of = |k: &str| key_of(attache_engine::name_without_titles(k));
    let bares: Vec<(String, usize)> = all.iter().map(|(k, i)| (bare_of(k), *i)).collect();
    for (bare, i) in &bares {
        let words: Vec<&str> = bare.split(' ').collect();
        if words.len() >= 2 {
            let r = g.root(*i);
            by_last.entry(words[words.len() - 1]).or_default().insert(r);
        }
    }
    let mut joins = Vec::new();
    for (bare, i) in &bares {
        if !bare.contains(' ')
            && let Some(roots) = by_last.get(bare.as_str())
            && roots.len() == 1
        {
            joins.extend(roots.iter().map(|&r| (*i, r)));
        }
    }
    for (a, b) in joins {
        g.join(a, b);
    }
    // Groups: their names (front matter forms first), counts, shown name.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..keys.len() {
        members.entry(g.root(i)).or_default().push(i);
    }
    let mut counts: HashMap<usize, u32> = HashMap::new();
    for ids in &per_note {
        let roots: HashSet<usize> = ids.iter().map(|&i| g.root(i)).collect();
        for r in roots {
            *counts.entry(r).or_default() += 1;
        }
    }
    let mut out: Vec<PartyGroup> = members
        .into_iter()
        .filter_map(|(root, ids)| {
            let form = |i: usize| {
                shown
                    .get(i)
                    .cloned()
                    .flatten()
                    .map(|s| (s, true))
                    .or_else(|| drafted_form.get(i).cloned().flatten().map(|s| (s, false)))
            };
            let mut forms: Vec<(String, bool)> = ids.iter().filter_map(|&i| form(i)).collect();
            if forms.is_empty() {
                return None;
            }
            // Shown name: from front matter, untitled, most words, then alphabetical.
            forms.sort_by(|(a, fa), (b, fb)| {
                let untitled = |s: &str| attache_engine::name_without_titles(s) == s.trim();
                fb.cmp(fa)
                    .then(untitled(b).cmp(&untitled(a)))
                    .then(
                        b.split_whitespace()
                            .count()
                            .cmp(&a.split_whitespace().count()),
                    )
                    .then(a.to_lowercase().cmp(&b.to_lowercase()))
            });
            let names: Vec<String> = forms.into_iter().map(|(s, _)| s).collect();
            Some(PartyGroup {
                name: names[0].clone(),
                names,
                notes: counts.get(&root).copied().unwrap_or(0),
            })
        })
        .collect();
    out.sort_by_key(|a| a.name.to_lowercase());
    out
}

fn grow(v: &mut Vec<Option<String>>, i: usize) {
    if v.len() <= i {
        v.resize(i + 1, None);
    }
}
