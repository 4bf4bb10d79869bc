//! Files a synced or git vault may carry, written by someone else to hurt: front matter that
//! would freeze the YAML parser, trash records that point outside the vault, stored drafts
//! that are links to devices. None of them may hang the app, read or write outside the vault.

mod common;

use std::time::{Duration, Instant};

use attache_vault::Vault;

fn problem(vault: &Vault, path: &str) -> String {
    let list = vault.list().unwrap();
    let n = list.iter().find(|n| n.path == path).unwrap();
    n.problem
        .clone()
        .unwrap_or_else(|| panic!("{path}: no problem"))
}

/// The time to list a vault holding one note with `yaml` as its front matter.
fn list_time(yaml: &str) -> (Duration, String) {
    let (_d, vault) = common::vault();
    std::fs::write(
        vault.root().join("hostile.md"),
        format!("---\n{yaml}\n---\nbody\n"),
    )
    .unwrap();
    // The fastest of a few runs: a loaded machine's pauses say nothing about the algorithm.
    let mut best = Duration::MAX;
    let mut why = String::new();
    for _ in 0..5 {
        let t = Instant::now();
        why = problem(&vault, "hostile.md");
        best = best.min(t.elapsed());
    }
    (best, why)
}

#[test]
fn nested_brackets_in_front_matter_are_a_problem_in_linear_time() {
    // 100 KB and 1 MB of `[`: libyaml's scanner took 6 s for 50k and grows quadratically.
    let (small, why) = list_time(&format!("a: {}", "[".repeat(100_000)));
    assert!(why.contains("KB"), "{why}");
    let (large, why) = list_time(&format!("a: {}", "[".repeat(1_000_000)));
    assert!(why.contains("properties"), "{why}");
    // 10× the input may take 10× the time, with generous slack; never quadratic.
    assert!(
        large < small * 50 + Duration::from_millis(200),
        "100 KB: {small:?}, 1 MB: {large:?}"
    );
    // Inside the size cap, the depth cap answers before the parser would stall.
    let (small, why) = list_time(&format!("a: {}", "[".repeat(6_000)));
    assert!(why.contains("levels deep"), "{why}");
    let (large, _) = list_time(&format!("a: {}", "[{".repeat(30_000)));
    assert!(
        large < small * 50 + Duration::from_millis(200),
        "6 KB: {small:?}, 60 KB: {large:?}"
    );
}

#[test]
fn hostile_front_matter_still_opens_searches_and_keeps_its_bytes() {
    let (_d, vault) = common::vault();
    let text = format!(
        "---\na: {}\n---\nThe body says Geneva.\n",
        "[".repeat(200_000)
    );
    let path = vault.root().join("hostile.md");
    std::fs::write(&path, &text).unwrap();
    let t = Instant::now();
    let open = vault.open_note("hostile.md").unwrap();
    assert!(open.summary.problem.is_some());
    assert!(
        vault
            .search("Geneva")
            .unwrap()
            .iter()
            .any(|h| h.note.path == "hostile.md")
    );
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn ordinary_nesting_still_parses() {
    let yaml = "tags: [a, [b, {c: [d]}]]\nparties:\n  - A\n";
    let fm = attache_vault::frontmatter::FrontMatter::parse(yaml).unwrap();
    assert_eq!(fm.list("parties"), ["A"]);
    // Brackets inside quotes and comments are text, not nesting.
    let quoted = format!(
        "title: \"{}\"\nnote: x # {}\n",
        "[".repeat(100),
        "{".repeat(100)
    );
    assert!(attache_vault::frontmatter::FrontMatter::parse(&quoted).is_ok());
}

/// A deleted note and its trash entry's folder.
fn trashed(vault: &Vault) -> (String, std::path::PathBuf) {
    let note = common::create(vault, "Talks", Some("2025-10-16"));
    let entry = vault.delete(&note.summary.path).unwrap();
    let dir = vault.root().join(".attache/trash").join(&entry.trash_id);
    (entry.trash_id, dir)
}

fn rewrite_record(dir: &std::path::Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("entry.json");
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut v);
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
}

#[test]
fn a_trash_record_cannot_copy_an_outside_file_in() {
    let (d, vault) = common::vault();
    let outside = d.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("private.md"), "private words").unwrap();
    let (id, dir) = trashed(&vault);
    rewrite_record(&dir, |v| {
        v["file"] = "../../../../outside/private.md".into();
    });
    let err = vault.restore(&id).unwrap_err();
    assert_eq!(err.code(), "outside_vault", "{err}");
    // Nor through a link planted in the entry's folder.
    let (id, dir) = trashed(&vault);
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".md"))
        .unwrap()
        .path();
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink(outside.join("private.md"), &file).unwrap();
    assert!(vault.restore(&id).is_err());
    let leaked = std::fs::read_dir(vault.root())
        .unwrap()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .any(|t| t.contains("private words"));
    assert!(!leaked, "an outside file was copied into the vault");
}

#[test]
fn a_trash_record_cannot_move_a_file_out() {
    let (d, vault) = common::vault();
    let (id, dir) = trashed(&vault);
    assert!(dir.join("briefs.json").is_file());
    rewrite_record(&dir, |v| {
        v["id"] = "../../../target-dir/planted".into();
    });
    std::fs::create_dir_all(d.path().join("target-dir")).unwrap();
    let restored = vault.restore(&id).unwrap();
    assert!(vault.root().join(&restored).is_file());
    let planted: Vec<_> = std::fs::read_dir(d.path().join("target-dir"))
        .unwrap()
        .collect();
    assert!(planted.is_empty(), "{planted:?}");
    // A record naming a place outside the vault is refused too.
    let (id, dir) = trashed(&vault);
    rewrite_record(&dir, |v| {
        v["original_path"] = "../../escaped.md".into();
    });
    assert_eq!(vault.restore(&id).unwrap_err().code(), "outside_vault");
    assert!(!d.path().join("escaped.md").exists());
    for bad in ["../trash", "a/b", "", "..", "x.json"] {
        assert_eq!(vault.restore(bad).unwrap_err().code(), "not_found", "{bad}");
    }
}

#[test]
fn a_stored_draft_that_is_a_device_is_not_read() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Talks", Some("2025-10-16"));
    let id = note.summary.id.unwrap();
    for (sub, ext) in [("briefs", "json"), ("sources", "txt")] {
        let p = vault.root().join(format!(".attache/{sub}/{id}.{ext}"));
        std::fs::remove_file(&p).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
    }
    let t = Instant::now();
    let open = vault.open_note(&note.summary.path).unwrap();
    assert!(t.elapsed() < Duration::from_secs(5));
    assert_eq!((open.brief, open.source), (None, None));
}
