//! Renaming a note: title, H1 and file name change together, and links to it in other notes
//! follow. Each file in `testdata/rename/` is one case: `renamed: old -> new`, the note
//! `from:` (the renamed note itself, or one linking to it), its text `=== before` and
//! `=== after` the rename.

use std::path::{Path, PathBuf};

use attache_vault::{SaveOutcome, Vault};

struct Case {
    name: String,
    old: String,
    new: String,
    from: String,
    before: String,
    after: String,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata/rename");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| parse(p)).collect()
}

fn parse(path: &Path) -> Case {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let (head, rest) = text
        .split_once("=== before\n")
        .expect("a `=== before` line");
    let (before, after) = rest.split_once("=== after\n").expect("an `=== after` line");
    let field = |key: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(key))
            .unwrap_or_else(|| panic!("{name}: no `{key}` line"))
            .trim()
            .to_owned()
    };
    let renamed = field("renamed:");
    let (old, new) = renamed.split_once(" -> ").expect("renamed: old -> new");
    Case {
        old: old.to_owned(),
        new: new.to_owned(),
        from: field("from:"),
        before: before.to_owned(),
        after: after.to_owned(),
        name,
    }
}

fn write(vault: &Vault, rel: &str, text: &str) {
    let abs = vault.root().join(rel);
    std::fs::create_dir_all(abs.parent().unwrap()).unwrap();
    std::fs::write(abs, text).unwrap();
}

fn title_of(rel: &str) -> String {
    let stem = rel.trim_end_matches(".md");
    stem.get(11..).unwrap_or(stem).to_owned()
}

const RENAMED: &str = "---\ntitle: Talks in Geneva\n---\n# Talks in Geneva\n\nText.\n";

#[test]
fn rename_cases_in_testdata() {
    let cases = cases();
    assert!(cases.len() >= 4, "the rename cases are there");
    for case in cases {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        let itself = case.from == case.old;
        write(
            &vault,
            &case.old,
            if itself { &case.before } else { RENAMED },
        );
        if !itself {
            write(&vault, &case.from, &case.before);
        }
        vault.list().unwrap();
        let note = vault.open_note(&case.old).unwrap();
        let renamed = vault
            .rename_with_links(&case.old, &title_of(&case.new), &note.stamp)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let SaveOutcome::Saved { path, .. } = &renamed.outcome else {
            panic!("{}: not saved: {:?}", case.name, renamed.outcome);
        };
        assert_eq!(path, &case.new, "{}: the new file name", case.name);
        let read = if itself { &case.new } else { &case.from };
        let got = std::fs::read_to_string(vault.root().join(read)).unwrap();
        assert_eq!(got, case.after, "{}: the text after the rename", case.name);
        let want: Vec<String> = if itself || case.before == case.after {
            Vec::new()
        } else {
            vec![case.from.clone()]
        };
        assert_eq!(
            renamed.links_updated, want,
            "{}: the notes updated",
            case.name
        );
        assert!(renamed.links_skipped.is_empty(), "{}", case.name);
    }
}

#[test]
fn a_linking_note_changed_on_disk_is_skipped_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let old = "2025-10-16 Talks in Geneva.md";
    write(&vault, old, RENAMED);
    write(&vault, "Kept.md", "See [[2025-10-16 Talks in Geneva]].\n");
    write(&vault, "Edited.md", "See [[2025-10-16 Talks in Geneva]].\n");
    vault.list().unwrap();
    let note = vault.open_note(old).unwrap();
    // Another program edits a linking note after the vault last read it.
    let outside = "See [[2025-10-16 Talks in Geneva]], and a line typed in another editor.\n";
    std::fs::write(vault.root().join("Edited.md"), outside).unwrap();

    let renamed = vault
        .rename_with_links(old, "Geneva round", &note.stamp)
        .unwrap();
    assert_eq!(renamed.links_updated, vec!["Kept.md".to_owned()]);
    assert_eq!(renamed.links_skipped, vec!["Edited.md".to_owned()]);
    let edited = std::fs::read_to_string(vault.root().join("Edited.md")).unwrap();
    assert_eq!(edited, outside, "the outside edit is never overwritten");
    let kept = std::fs::read_to_string(vault.root().join("Kept.md")).unwrap();
    assert_eq!(kept, "See [[2025-10-16 Geneva round]].\n");

    // The analyst is told both, in the outcome the shell returns.
    let SaveOutcome::Saved { notice, .. } = renamed.into_outcome() else {
        panic!("saved");
    };
    let notice = notice.expect("a notice");
    assert!(
        notice.contains("Links updated in 1 note: Kept.md."),
        "{notice}"
    );
    assert!(notice.contains("changed on disk: Edited.md."), "{notice}");
}

#[test]
fn links_in_other_notes_follow_a_renamed_note() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let old = "2025-10-16 Talks in Geneva.md";
    write(&vault, old, RENAMED);
    write(&vault, "a/One.md", "[[2025-10-16 Talks in Geneva|talks]]\n");
    write(
        &vault,
        "Two.md",
        "[t](2025-10-16%20Talks%20in%20Geneva.md)\n",
    );
    write(&vault, "Three.md", "No links here.\n");
    let note = vault.open_note(old).unwrap();
    let renamed = vault
        .rename_with_links(old, "Geneva round", &note.stamp)
        .unwrap();
    assert_eq!(
        renamed.links_updated,
        vec!["Two.md".to_owned(), "a/One.md".to_owned()]
    );
    let read = |rel: &str| std::fs::read_to_string(vault.root().join(rel)).unwrap();
    assert_eq!(read("a/One.md"), "[[2025-10-16 Geneva round|talks]]\n");
    assert_eq!(read("Two.md"), "[t](2025-10-16%20Geneva%20round.md)\n");
    assert_eq!(read("Three.md"), "No links here.\n");
    // A second rename finds the links the first wrote (our own writes are not "outside").
    let note = vault.open_note("2025-10-16 Geneva round.md").unwrap();
    let again = vault
        .rename_with_links(
            "2025-10-16 Geneva round.md",
            "Geneva, round two",
            &note.stamp,
        )
        .unwrap();
    assert!(again.links_skipped.is_empty(), "{:?}", again.links_skipped);
    assert_eq!(again.links_updated.len(), 2);
}
