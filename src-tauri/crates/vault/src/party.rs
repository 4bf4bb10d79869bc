//! The party index: for a party, every note and position that mentions it, newest first.

use std::collections::HashMap;
use std::sync::Arc;

use attache_engine::Brief;

use crate::error::Result;
use crate::model::PartyHit;
use crate::vault::{Vault, lock};

/// Per stored draft: each party's id and lower-cased names (canonical name and aliases).
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
        let wanted = party.trim().to_lowercase();
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let notes = self.list()?;
        let mut hits = Vec::new();
        for note in notes {
            let in_front_matter = note.parties.iter().any(|p| p.to_lowercase() == wanted);
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
                        .filter(|(_, names)| names.contains(&wanted))
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
                        let mut names = vec![p.name.to_lowercase()];
                        names.extend(p.aliases.iter().map(|a| a.to_lowercase()));
                        (p.id, names)
                    })
                    .collect(),
            })
        });
        lock(&self.drafts).insert(id.to_owned(), parsed.clone());
        parsed
    }
}
