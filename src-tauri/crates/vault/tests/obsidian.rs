//! A vault written by Attaché follows Obsidian's conventions: YAML properties with plain
//! lower-case keys, block lists, link-safe file names, `[[links]]` untouched, `.obsidian/`
//! never touched, and notes written by Obsidian round-trip byte for byte.

mod common;

use std::collections::BTreeMap;

use attache_vault::SaveOutcome;
use attache_vault::frontmatter::{self, FmValue, FrontMatter};

fn tree(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(tree(&p));
        } else {
            out.insert(p.display().to_string(), std::fs::read(&p).unwrap());
        }
    }
    out
}

#[test]
fn front_matter_is_obsidian_properties() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Summit [draft] #1", Some("2025-10-16"));
    let sp = frontmatter::split(&note.markdown).unwrap();
    assert!(
        note.markdown.starts_with("---\n"),
        "properties must open the file"
    );
    let fm = FrontMatter::parse(sp.yaml.unwrap()).unwrap();
    for (k, v) in &fm.map {
        let key = k.as_str().expect("property names are strings");
        assert!(
            key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{key}"
        );
        // Obsidian's property types: text, list, number, checkbox, date — no nested maps.
        assert!(!v.is_mapping(), "{key} is a nested map");
    }
    // Dates are ISO so Obsidian's date properties read them.
    let published = fm.str("published").unwrap();
    assert!(chrono::NaiveDate::parse_from_str(&published, "%Y-%m-%d").is_ok());
    let created = fm.str("created").unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(&created).is_ok(),
        "{created}"
    );
    // Lists are YAML lists (Obsidian's list property), not comma-joined text.
    assert!(
        fm.map
            .get("parties")
            .is_some_and(serde_norway::Value::is_sequence)
    );
    // The file name can be the target of a [[link]]: no # ^ [ ] | characters.
    assert!(
        !note.summary.path.contains(['#', '^', '[', ']', '|']),
        "{}",
        note.summary.path
    );
}

#[test]
fn a_note_written_by_obsidian_round_trips_byte_for_byte() {
    let (_d, vault) = common::vault();
    let text = "---\naliases:\n  - Summit\ncssclasses: wide\n# kept comment\ntags: [diplomacy, \"europe/east\"]\ncreated: 2025-10-16T08:00:00Z\nupdated: 2025-10-16T08:00:00Z\nnested:\n  a: 1\n---\n# Summit\n\nSee [[Vladimir Putin]], [[UN|the UN]] and ![[map.png]].\n\n> [!note] Callout\n> body ^block-id\n\n%% comment %%\n";
    std::fs::write(vault.root().join("obsidian.md"), text).unwrap();
    let note = vault.open_note("obsidian.md").unwrap();
    assert_eq!(note.markdown, text);
    assert_eq!(note.summary.tags, ["diplomacy", "europe/east"]);
    let SaveOutcome::Saved { .. } = vault
        .save("obsidian.md", &note.markdown, &note.stamp)
        .unwrap()
    else {
        panic!()
    };
    let saved = std::fs::read_to_string(vault.root().join("obsidian.md")).unwrap();
    // Only `updated` changed, and the keys the vault owns (`id`, the marking) were added:
    // every other line, comments and order included, is identical.
    let without_updated = |s: &str| {
        s.lines()
            .filter(|l| {
                !["updated:", "id:", "classification:"]
                    .iter()
                    .any(|k| l.starts_with(k))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_updated(&saved), without_updated(text));
    assert_eq!(
        frontmatter::split(&saved).unwrap().body,
        frontmatter::split(text).unwrap().body
    );
    let fm = FrontMatter::of_note(&saved).unwrap();
    assert_eq!(fm.str("cssclasses").as_deref(), Some("wide"));
    assert!(
        fm.map
            .get("nested")
            .is_some_and(serde_norway::Value::is_mapping)
    );
}

#[test]
fn editing_a_known_key_keeps_unknown_keys_in_order() {
    let text = "---\nzeta: 1\ntitle: Old\nalpha: [x]\n---\nbody [[link]]\n";
    let out = frontmatter::set(text, "title", &FmValue::Str("New".into())).unwrap();
    assert_eq!(
        out,
        "---\nzeta: 1\ntitle: New\nalpha: [x]\n---\nbody [[link]]\n"
    );
}

#[test]
fn obsidian_folder_is_never_touched() {
    let (_d, vault) = common::vault();
    let obs = vault.root().join(".obsidian");
    std::fs::create_dir_all(obs.join("plugins")).unwrap();
    std::fs::write(obs.join("app.json"), "{}").unwrap();
    std::fs::write(obs.join("workspace.md"), "not a note").unwrap();
    let before = tree(&obs);
    let note = common::create(&vault, "Note", None);
    vault.list().unwrap();
    vault.search("note").unwrap();
    let saved = vault
        .save(&note.summary.path, &note.markdown, &note.stamp)
        .unwrap();
    let SaveOutcome::Saved { path, stamp, .. } = saved else {
        panic!()
    };
    let renamed = vault.rename(&path, "Renamed", &stamp).unwrap();
    let SaveOutcome::Saved { path, .. } = renamed else {
        panic!()
    };
    let entry = vault.delete(&path).unwrap();
    vault.restore(&entry.trash_id).unwrap();
    assert_eq!(tree(&obs), before);
}
