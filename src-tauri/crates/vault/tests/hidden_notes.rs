//! No note is hidden without a word: files and folders the list cannot show (names that are
//! not UTF-8, folders nested too deep, folders that cannot be read) are listed with a
//! `problem`, and a failed create leaves no draft or source behind.
#![cfg(unix)]

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use attache_vault::Vault;

fn problems(vault: &Vault) -> Vec<(String, String)> {
    vault
        .list()
        .unwrap()
        .into_iter()
        .filter_map(|n| Some((n.path, n.problem?)))
        .collect()
}

#[test]
fn names_that_are_not_utf8_are_listed_with_a_problem() {
    let (_d, vault) = common::vault();
    std::fs::write(vault.root().join(OsStr::from_bytes(b"caf\xe9.md")), "x").unwrap();
    let folder = vault.root().join(OsStr::from_bytes(b"r\xe9sum\xe9s"));
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("inside.md"), "x").unwrap();
    // Not notes either way, so not listed: another extension, a hidden name.
    std::fs::write(vault.root().join(OsStr::from_bytes(b"caf\xe9.png")), "x").unwrap();
    std::fs::write(vault.root().join(OsStr::from_bytes(b".caf\xe9.md")), "x").unwrap();
    let p = problems(&vault);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(
        p.iter().all(|(_, why)| why.contains("not valid UTF-8")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|(path, why)| path.starts_with("caf") && why.contains("file"))
    );
    assert!(
        p.iter()
            .any(|(path, why)| path.starts_with('r') && why.contains("folder"))
    );
}

#[test]
fn folders_nested_too_deep_are_listed_with_a_problem() {
    let (_d, vault) = common::vault();
    let mut dir = vault.root().to_owned();
    for i in 0..34 {
        dir = dir.join(format!("d{i}"));
    }
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("deep.md"), "x").unwrap();
    std::fs::write(vault.root().join("d0/d1/shallow.md"), "x").unwrap();
    let list = vault.list().unwrap();
    assert!(
        list.iter()
            .any(|n| n.path == "d0/d1/shallow.md" && n.problem.is_none())
    );
    let p = problems(&vault);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].1.contains("levels deep"), "{p:?}");
    assert_eq!(p[0].0.split('/').count(), 33, "{p:?}");
}

/// Whether this process runs as root (which reads any folder whatever its permissions).
fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|l| l.split_whitespace().nth(1))
            == Some("0")
    })
}

const AS_NOBODY: &str = "ATTACHE_TEST_UNREADABLE_VAULT";

#[test]
fn an_unreadable_folder_is_listed_with_a_problem() {
    if let Some(root) = std::env::var_os(AS_NOBODY) {
        // The second half, run as an ordinary user (below): list the prepared vault.
        let vault = Vault::open_existing(root).unwrap();
        let p = problems(&vault);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, "locked");
        assert!(p[0].1.contains("cannot be read"), "{p:?}");
        assert!(vault.list().unwrap().iter().any(|n| n.path == "open.md"));
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("vault");
    std::fs::create_dir_all(root.join("locked")).unwrap();
    std::fs::write(root.join("locked/secret.md"), "x").unwrap();
    std::fs::write(root.join("open.md"), "x").unwrap();
    let mode = |p: &Path, m: u32| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    };
    mode(&root.join("locked"), 0o000);
    if !is_root() {
        let vault = Vault::open_existing(&root).unwrap();
        let p = problems(&vault);
        mode(&root.join("locked"), 0o755);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].1.contains("cannot be read"), "{p:?}");
        return;
    }
    // Root reads every folder: run this test again as `nobody`, which cannot.
    for p in [d.path(), root.as_path()] {
        mode(p, 0o755);
    }
    // A copy of this test binary in the temporary folder: the build folder may sit where
    // `nobody` cannot reach it (under /root, say).
    let exe = d.path().join("check-as-nobody");
    std::fs::copy(std::env::current_exe().unwrap(), &exe).unwrap();
    mode(&exe, 0o755);
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(&exe)
        .args([
            "--exact",
            "an_unreadable_folder_is_listed_with_a_problem",
            "--nocapture",
        ])
        .env(AS_NOBODY, &root)
        .output()
        .expect("setpriv (util-linux) runs the check as an ordinary user");
    mode(&root.join("locked"), 0o755);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{all}");
    assert!(
        all.contains("1 passed"),
        "the check did not run as nobody: {all}"
    );
}

#[test]
fn a_failed_create_leaves_no_draft_or_source() {
    // A vault folder so deep that the note's name (the longest path) passes the system's
    // limit while its draft and source still fit: the note's write is the one that fails.
    let d = tempfile::tempdir().unwrap();
    let mut root = d.path().to_owned();
    let limit = 4096;
    while root.as_os_str().len() + 250 < limit - 110 {
        root = root.join("f".repeat(240));
    }
    let pad = limit - 100 - root.as_os_str().len() - 1;
    root = root.join("v".repeat(pad.min(250)));
    std::fs::create_dir_all(&root).unwrap();
    let vault = Vault::open(&root).unwrap();
    let title = "A long title that makes the note's file name pass the limit of the system, \
                 which the draft and the source do not reach";
    assert!(title.len() > 110);
    let brief = common::brief(title, Some("2025-10-16"), "Anna Berg");
    let err = vault
        .create(&brief, common::ARTICLE, &Default::default())
        .expect_err("the note's path is too long to write");
    let left: Vec<_> = ["briefs", "sources"]
        .iter()
        .flat_map(|s| {
            std::fs::read_dir(root.join(".attache").join(s))
                .unwrap()
                .flatten()
        })
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "{err}: orphans left: {left:?}");
}
