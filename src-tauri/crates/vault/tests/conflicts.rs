//! Resolving a conflict is one vault call per choice ("keep mine", "take theirs", "keep
//! both"), and none of them takes the note's draft away with the copy.

mod common;

use attache_vault::{SaveOutcome, Vault};

/// A note changed on disk by another program while the analyst edited it: (note, copy).
fn conflict(vault: &Vault) -> (String, String) {
    let note = common::create(vault, "Talks", Some("2025-10-16"));
    let path = note.summary.path.clone();
    std::fs::write(
        vault.root().join(&path),
        format!("{}\nTheirs.\n", note.markdown),
    )
    .unwrap();
    match vault
        .save(&path, &format!("{}\nMine.\n", note.markdown), &note.stamp)
        .unwrap()
    {
        SaveOutcome::Conflict { conflict_copy, .. } => (path, conflict_copy),
        other => panic!("{other:?}"),
    }
}

#[test]
fn keep_mine_replaces_theirs_and_trashes_the_copy_keeping_the_draft() {
    let (_d, vault) = common::vault();
    let (path, copy) = conflict(&vault);
    let theirs = vault.open_note(&path).unwrap().markdown;
    let mine = theirs.replace("Theirs.", "Mine, with more typed since.");
    let out = vault.keep_mine(&path, &copy, &mine).unwrap();
    assert!(matches!(out, SaveOutcome::Saved { .. }), "{out:?}");
    let note = vault.open_note(&path).unwrap();
    assert!(note.markdown.contains("Mine, with more typed since."));
    assert!(
        note.brief.is_some() && note.source.is_some(),
        "the draft went with the copy"
    );
    assert!(!vault.root().join(&copy).exists());
    assert_eq!(vault.trash().unwrap().len(), 1);
    assert_eq!(vault.list().unwrap().len(), 1);
}

#[test]
fn take_theirs_trashes_my_copy_and_returns_their_version() {
    let (_d, vault) = common::vault();
    let (path, copy) = conflict(&vault);
    let note = vault.take_theirs(&path, &copy).unwrap();
    assert!(note.markdown.contains("Theirs."));
    assert!(note.brief.is_some(), "the draft went with the copy");
    assert_eq!(vault.list().unwrap().len(), 1);
    // The copy is restorable.
    let entry = &vault.trash().unwrap()[0];
    assert_eq!(entry.original_path, copy);
}

#[test]
fn keep_both_makes_the_copy_a_note_of_its_own() {
    let (_d, vault) = common::vault();
    let (path, copy) = conflict(&vault);
    let mine = vault.keep_both(&path, &copy).unwrap();
    let theirs = vault.open_note(&path).unwrap();
    assert_ne!(mine.summary.id, theirs.summary.id);
    assert!(mine.markdown.contains("Mine."));
    assert!(mine.brief.is_some() && mine.source.is_some());
    vault.delete(&path).unwrap();
    assert!(vault.open_note(&copy).unwrap().brief.is_some());
}

#[test]
fn the_choices_only_touch_a_note_and_its_own_copy() {
    let (_d, vault) = common::vault();
    let (path, _copy) = conflict(&vault);
    let other = common::create(&vault, "Other", Some("2025-10-17"))
        .summary
        .path;
    let err = vault.take_theirs(&path, &other).unwrap_err();
    assert_eq!(err.code(), "invalid_name", "{err}");
    assert!(vault.root().join(&other).exists());
}
