//! Edits by other programs are never overwritten: a stale save becomes a conflict copy.

mod common;

use attache_vault::{SaveOutcome, VaultError};

#[test]
fn save_with_a_fresh_stamp_writes_the_note() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Summit", Some("2025-10-16"));
    let edited = format!("{}\nAnalyst's comment.\n", note.markdown);
    let SaveOutcome::Saved { path, stamp, .. } = vault
        .save(&note.summary.path, &edited, &note.stamp)
        .unwrap()
    else {
        panic!("expected a save");
    };
    let on_disk = std::fs::read_to_string(vault.root().join(&path)).unwrap();
    assert!(on_disk.ends_with("Analyst's comment.\n"));
    assert_eq!(stamp.hash, attache_vault::hash_hex(on_disk.as_bytes()));
    // The next save uses the new stamp and succeeds again.
    let again = vault
        .save(&path, &format!("{on_disk}More.\n"), &stamp)
        .unwrap();
    assert!(matches!(again, SaveOutcome::Saved { .. }));
}

#[test]
fn an_outside_edit_is_kept_and_the_analysts_version_becomes_a_conflict_copy() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Summit", Some("2025-10-16"));
    let abs = vault.root().join(&note.summary.path);
    let outside = format!("{}\nWritten in Obsidian.\n", note.markdown);
    std::fs::write(&abs, &outside).unwrap();

    let mine = format!("{}\nWritten in Attaché.\n", note.markdown);
    let outcome = vault.save(&note.summary.path, &mine, &note.stamp).unwrap();
    let SaveOutcome::Conflict {
        path,
        conflict_copy,
    } = outcome
    else {
        panic!("expected a conflict, got {outcome:?}");
    };
    assert_eq!(path, note.summary.path);
    assert_eq!(
        std::fs::read_to_string(&abs).unwrap(),
        outside,
        "the other program's version is untouched"
    );
    let copy = std::fs::read_to_string(vault.root().join(&conflict_copy)).unwrap();
    assert!(copy.contains("Written in Attaché."));
    assert!(conflict_copy.contains("conflict copy"), "{conflict_copy}");
    // The list shows the copy as a conflict of the note.
    let list = vault.list().unwrap();
    let listed = list.iter().find(|n| n.path == conflict_copy).unwrap();
    assert_eq!(
        listed.conflict_of.as_deref(),
        Some(note.summary.path.as_str())
    );
}

#[test]
fn a_note_deleted_outside_is_written_back_on_save() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Summit", None);
    std::fs::remove_file(vault.root().join(&note.summary.path)).unwrap();
    let outcome = vault
        .save(&note.summary.path, &note.markdown, &note.stamp)
        .unwrap();
    assert!(matches!(outcome, SaveOutcome::Saved { .. }));
    assert!(vault.root().join(&note.summary.path).exists());
}

#[test]
fn touching_without_changing_the_content_is_not_a_conflict() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Summit", None);
    let abs = vault.root().join(&note.summary.path);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&abs, &note.markdown).unwrap(); // same bytes, new mtime (e.g. a sync tool)
    let outcome = vault
        .save(&note.summary.path, &note.markdown, &note.stamp)
        .unwrap();
    assert!(matches!(outcome, SaveOutcome::Saved { .. }));
}

#[test]
fn rename_refuses_a_stale_stamp() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Summit", None);
    std::fs::write(vault.root().join(&note.summary.path), "changed elsewhere\n").unwrap();
    let err = vault
        .rename(&note.summary.path, "New title", &note.stamp)
        .unwrap_err();
    assert!(matches!(err, VaultError::Conflict { .. }));
    assert_eq!(err.code(), "conflict");
}

#[test]
fn save_updates_the_updated_key_and_nothing_else() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Summit", None);
    let text = note
        .markdown
        .replace("updated: ", "custom: kept\nupdated: ");
    let saved = vault.save(&note.summary.path, &text, &note.stamp).unwrap();
    assert!(matches!(saved, SaveOutcome::Saved { .. }));
    let on_disk = std::fs::read_to_string(vault.root().join(&note.summary.path)).unwrap();
    let strip = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("updated:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&on_disk), strip(&text));
    assert!(on_disk.contains("custom: kept\nupdated: "));
}
