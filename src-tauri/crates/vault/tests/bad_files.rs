//! Files Attaché cannot read are listed with a clear problem, left untouched, and never crash.

mod common;

use std::path::Path;

use attache_vault::{MAX_NOTE_BYTES, VaultError};

fn snapshot(p: &Path) -> (Vec<u8>, std::time::SystemTime) {
    (
        std::fs::read(p).unwrap(),
        std::fs::symlink_metadata(p).unwrap().modified().unwrap(),
    )
}

fn problem_of(vault: &attache_vault::Vault, path: &str) -> String {
    let list = vault.list().unwrap();
    let n = list
        .iter()
        .find(|n| n.path == path)
        .unwrap_or_else(|| panic!("{path} not listed: {list:?}"));
    n.problem
        .clone()
        .unwrap_or_else(|| panic!("{path} has no problem"))
}

#[test]
fn non_utf8_file() {
    let (_d, vault) = common::vault();
    let p = vault.root().join("latin1.md");
    std::fs::write(&p, b"caf\xe9 au lait\n").unwrap();
    let before = snapshot(&p);
    assert!(problem_of(&vault, "latin1.md").contains("not UTF-8"));
    let err = vault.open_note("latin1.md").unwrap_err();
    assert!(
        matches!(err, VaultError::NotUtf8 { offset: 3, .. }),
        "{err:?}"
    );
    assert_eq!(snapshot(&p), before);
}

#[test]
fn broken_front_matter_is_listed_opened_and_untouched() {
    let (_d, vault) = common::vault();
    for (name, text) in [
        ("unclosed.md", "---\ntitle: x\nno closing line\n"),
        ("bad-yaml.md", "---\ntitle: [unclosed\n---\nbody\n"),
        ("not-a-map.md", "---\n- a\n- b\n---\nbody\n"),
    ] {
        let p = vault.root().join(name);
        std::fs::write(&p, text).unwrap();
        let before = snapshot(&p);
        let problem = problem_of(&vault, name);
        assert!(problem.contains("front matter"), "{name}: {problem}");
        // Opening still works so the analyst can fix it; the title falls back to the file name.
        let note = vault.open_note(name).unwrap();
        assert_eq!(note.markdown, text);
        assert!(note.summary.problem.is_some());
        assert_eq!(snapshot(&p), before);
    }
    // Their text is still found by search.
    let hits = vault.search("body").unwrap();
    assert!(
        hits.iter().any(|h| h.note.path == "bad-yaml.md"),
        "{hits:?}"
    );
}

#[test]
fn oversized_file_is_not_read() {
    let (_d, vault) = common::vault();
    let p = vault.root().join("huge.md");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap(); // 50 MB (sparse: the test stays fast)
    drop(f);
    const { assert!(50 * 1024 * 1024 > MAX_NOTE_BYTES) };
    let before = snapshot(&p);
    assert!(problem_of(&vault, "huge.md").contains("too large"));
    assert!(matches!(
        vault.open_note("huge.md").unwrap_err(),
        VaultError::TooLarge { .. }
    ));
    assert_eq!(snapshot(&p), before);
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_vault_are_refused() {
    let (d, vault) = common::vault();
    let secret = d.path().join("secret.md");
    std::fs::write(&secret, "outside\n").unwrap();
    std::os::unix::fs::symlink(&secret, vault.root().join("link.md")).unwrap();
    std::os::unix::fs::symlink(d.path(), vault.root().join("linkdir")).unwrap();
    std::os::unix::fs::symlink(
        vault.root().join("gone.md"),
        vault.root().join("dangling.md"),
    )
    .unwrap();
    assert!(problem_of(&vault, "link.md").contains("outside the vault"));
    assert!(problem_of(&vault, "dangling.md").contains("broken symlink"));
    assert!(matches!(
        vault.open_note("link.md").unwrap_err(),
        VaultError::OutsideVault { .. }
    ));
    assert!(matches!(
        vault.open_note("linkdir/secret.md").unwrap_err(),
        VaultError::OutsideVault { .. }
    ));
    let stamp = attache_vault::LoadStamp {
        modified_ns: "0".into(),
        bytes: 0,
        hash: String::new(),
    };
    assert!(matches!(
        vault.save("link.md", "x", &stamp).unwrap_err(),
        VaultError::OutsideVault { .. }
    ));
    assert!(matches!(
        vault.save("linkdir/new.md", "x", &stamp).unwrap_err(),
        VaultError::OutsideVault { .. }
    ));
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "outside\n");
    assert!(!d.path().join("new.md").exists());
}

#[test]
fn paths_that_climb_out_are_refused() {
    let (d, vault) = common::vault();
    let stamp = attache_vault::LoadStamp {
        modified_ns: "0".into(),
        bytes: 0,
        hash: String::new(),
    };
    for bad in [
        "../escape.md",
        "a/../../escape.md",
        "/etc/passwd",
        ".attache/briefs/x.json",
        ".obsidian/app.json",
    ] {
        let err = vault.save(bad, "x", &stamp).unwrap_err();
        assert_eq!(err.code(), "outside_vault", "{bad}: {err}");
    }
    assert!(!d.path().join("escape.md").exists());
}

#[test]
fn files_vanishing_during_listing_never_crash_the_list() {
    let (_d, vault) = common::vault();
    for i in 0..20 {
        std::fs::write(
            vault.root().join(format!("stable {i}.md")),
            format!("# Stable {i}\n"),
        )
        .unwrap();
    }
    let root = vault.root().to_owned();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let churn = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let p = root.join(format!("churn {}.md", n % 50));
                let _ = std::fs::write(&p, "# Churn\n");
                let _ = std::fs::remove_file(&p);
                n += 1;
            }
        })
    };
    for _ in 0..200 {
        let list = vault.list().unwrap();
        assert_eq!(
            list.iter().filter(|n| n.path.starts_with("stable")).count(),
            20
        );
        for n in list.iter().filter(|n| n.problem.is_some()) {
            assert!(n.path.starts_with("churn"), "{n:?}");
            assert!(n.problem.as_deref().unwrap().contains("vanished"), "{n:?}");
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    churn.join().unwrap();
}

#[test]
fn temporary_and_hidden_files_are_not_notes() {
    let (_d, vault) = common::vault();
    for name in [
        ".syncthing.a.md.tmp",
        "~$a.md",
        ".#a.md",
        "a.md.swp",
        "a.tmp",
        ".hidden.md",
        "a.txt",
    ] {
        std::fs::write(vault.root().join(name), "x").unwrap();
    }
    std::fs::create_dir(vault.root().join(".obsidian")).unwrap();
    std::fs::write(vault.root().join(".obsidian/workspace.md"), "x").unwrap();
    assert!(vault.list().unwrap().is_empty());
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_note_does_not_hang_the_list() {
    let (_d, vault) = common::vault();
    let fifo = vault.root().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("skipping: mkfifo is not available");
        return;
    }
    assert!(problem_of(&vault, "pipe.md").contains("not a regular file"));
    assert_eq!(vault.open_note("pipe.md").unwrap_err().code(), "not_found");
}
