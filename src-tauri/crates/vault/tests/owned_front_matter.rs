//! The vault owns the front matter: every save, first or later, edited or not, writes `id`,
//! the default marking and the author; text typed above the properties is moved below them
//! with a notice, or the save is refused when the properties cannot be read.
//!
//! The cases in `testdata/owned/` are the rule itself: a file per case, sections opened by
//! `== in` (the text saved), `== out` (the text written, before `updated` is set), `== notice`
//! (a phrase the notice contains; no section: no notice) or `== error` (a phrase of the
//! refusal). `\r` at a line's end stands for a carriage return. The defaults are the marking
//! `TLP:AMBER` and the author `A. Analyst`; a missing or broken `id` becomes
//! `0b7f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b` (the file's id on disk, in a real save).
//! The tests below the cases check the same guarantee through `Vault::create` and
//! `Vault::save`.

mod common;

use std::path::{Path, PathBuf};

use attache_vault::frontmatter::FrontMatter;
use attache_vault::owned::{self, IdRule, NoteDefaults};
use attache_vault::{NewNote, SaveOutcome};

const FALLBACK_ID: &str = "0b7f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b";

fn defaults() -> NoteDefaults {
    NoteDefaults {
        classification: "TLP:AMBER".into(),
        author: Some("A. Analyst".into()),
    }
}

fn sections(path: &Path) -> Vec<(String, String)> {
    let raw = std::fs::read_to_string(path).unwrap();
    let mut out: Vec<(String, String)> = Vec::new();
    for line in raw.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("== ") {
            out.push((name.trim().to_owned(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(&line.replace("\\r\n", "\r\n"));
        }
    }
    out
}

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata/owned");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn owned_front_matter_cases() {
    let files = cases();
    assert!(files.len() >= 8, "the cases are missing");
    let mut failures = Vec::new();
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let secs = sections(&file);
        let get = |k: &str| secs.iter().find(|(n, _)| n == k).map(|(_, b)| b.clone());
        let input = get("in").expect("a case has an `in` section");
        let got = owned::own(&input, IdRule::Fallback(FALLBACK_ID), &defaults());
        match (get("error"), got) {
            (Some(phrase), Err(reason)) if reason.contains(phrase.trim()) => {}
            (Some(phrase), other) => {
                failures.push(format!(
                    "{name}: expected a refusal with {phrase:?}, got {other:?}"
                ));
            }
            (None, Err(reason)) => failures.push(format!("{name}: refused: {reason}")),
            (None, Ok(o)) => {
                let want = get("out").expect("a case has `out` or `error`");
                if o.text != want {
                    failures.push(format!("{name}: wrote\n{}\n--- instead of\n{want}", o.text));
                }
                match (get("notice"), &o.notice) {
                    (None, None) => {}
                    (Some(p), Some(n)) if n.contains(p.trim()) => {}
                    (want, got) => failures.push(format!(
                        "{name}: notice {got:?}, expected one containing {want:?}"
                    )),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn keys(text: &str) -> (Option<String>, Option<String>, Option<String>) {
    let fm = FrontMatter::of_note(text).unwrap();
    (fm.str("id"), fm.str("classification"), fm.str("author"))
}

#[test]
fn a_draft_edited_before_its_first_save_keeps_its_id_marking_author_and_provenance() {
    let (_dir, vault) = common::vault();
    vault.set_note_defaults(defaults());
    // The analyst's text as the preview showed it: no id, and a line of their own.
    let edited = "---\ntitle: Talks in Geneva\nclassification: TLP:AMBER\n---\n# Talks in Geneva\n\nMy own line.\n";
    let brief = common::brief("Talks in Geneva", Some("2026-03-09"), "Anna Berg");
    let meta = NewNote {
        markdown: Some(edited.into()),
        ..NewNote::default()
    };
    let note = vault.create(&brief, common::ARTICLE, &meta).unwrap();
    let (id, marking, author) = keys(&note.markdown);
    let id = id.expect("the note has an id");
    assert!(uuid::Uuid::parse_str(&id).is_ok());
    assert_eq!(marking.as_deref(), Some("TLP:AMBER"));
    assert_eq!(author.as_deref(), Some("A. Analyst"));
    assert!(
        note.markdown.contains("My own line."),
        "the analyst's text is the note"
    );
    assert_eq!(note.notice, None);

    let reopened = vault.open_note(&note.summary.path).unwrap();
    assert_eq!(reopened.summary.id.as_deref(), Some(id.as_str()));
    assert!(
        reopened.brief.is_some(),
        "the draft is found again by its id"
    );
    assert_eq!(reopened.source.as_deref(), Some(common::ARTICLE));
}

#[test]
fn the_default_marking_is_written_whether_or_not_the_draft_was_edited() {
    let (_dir, vault) = common::vault();
    vault.set_note_defaults(defaults());
    let brief = common::brief("Talks in Geneva", None, "Anna Berg");
    let plain = vault
        .create(&brief, common::ARTICLE, &NewNote::default())
        .unwrap();
    let edited = vault
        .create(
            &brief,
            common::ARTICLE,
            &NewNote {
                markdown: Some("# Talks in Geneva\n\nEdited.\n".into()),
                ..NewNote::default()
            },
        )
        .unwrap();
    assert_eq!(keys(&plain.markdown).1.as_deref(), Some("TLP:AMBER"));
    assert_eq!(keys(&edited.markdown).1, keys(&plain.markdown).1);
    assert_ne!(keys(&edited.markdown).0, keys(&plain.markdown).0);
}

#[test]
fn a_save_that_lost_the_id_keeps_the_files_id_and_says_what_it_wrote() {
    let (_dir, vault) = common::vault();
    vault.set_note_defaults(defaults());
    let note = common::create(&vault, "Talks in Geneva", None);
    let id = note.summary.id.clone().unwrap();
    // The analyst deleted the id line and typed above the properties.
    let without: String = note
        .markdown
        .lines()
        .filter(|l| !l.starts_with("id:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let typed = format!("Oops\n{without}");
    let saved = vault.save(&note.summary.path, &typed, &note.stamp).unwrap();
    let SaveOutcome::Saved { text, notice, .. } = saved else {
        panic!("saved as a conflict: {saved:?}");
    };
    let text = text.expect("the vault says what it wrote");
    assert!(text.starts_with("---\n"), "{text}");
    assert_eq!(keys(&text).0.as_deref(), Some(id.as_str()));
    assert!(notice.is_some_and(|n| n.contains("moved below")));
    let on_disk = std::fs::read_to_string(vault.root().join(&note.summary.path)).unwrap();
    assert_eq!(keys(&on_disk).0.as_deref(), Some(id.as_str()));
    assert!(vault.open_note(&note.summary.path).unwrap().brief.is_some());
}

#[test]
fn a_save_of_unreadable_properties_is_refused_and_the_file_is_left_alone() {
    let (_dir, vault) = common::vault();
    let note = common::create(&vault, "Talks in Geneva", None);
    let broken = note
        .markdown
        .replacen("---\n", "---\ntitle: [unclosed\n", 1);
    let err = vault
        .save(&note.summary.path, &broken, &note.stamp)
        .unwrap_err();
    assert!(err.to_string().contains("front matter"), "{err}");
    let on_disk = std::fs::read_to_string(vault.root().join(&note.summary.path)).unwrap();
    assert_eq!(on_disk, note.markdown);
}

#[test]
fn a_save_that_changes_nothing_but_updated_returns_no_text() {
    let (_dir, vault) = common::vault();
    let note = common::create(&vault, "Talks in Geneva", None);
    let edited = format!("{}\nMore.\n", note.markdown);
    let saved = vault
        .save(&note.summary.path, &edited, &note.stamp)
        .unwrap();
    assert!(
        matches!(
            saved,
            SaveOutcome::Saved {
                text: None,
                notice: None,
                ..
            }
        ),
        "{saved:?}"
    );
}
