//! The watcher reports other programs' changes, skips Attaché's own writes and temporary files,
//! and reports sync conflict copies.

mod common;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use attache_vault::VaultEvent;

/// Collects events until `want` holds or 10 s pass.
fn wait_for(
    rx: &mpsc::Receiver<Vec<VaultEvent>>,
    want: impl Fn(&[VaultEvent]) -> bool,
) -> Vec<VaultEvent> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        if let Ok(batch) = rx.recv_timeout(Duration::from_millis(100)) {
            seen.extend(batch);
            if want(&seen) {
                break;
            }
        }
    }
    seen
}

#[test]
fn reports_outside_changes_but_not_own_writes_or_temp_files() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Watched", None);
    let (tx, rx) = mpsc::channel();
    let _watcher = vault
        .watch(move |events| {
            let _ = tx.send(events);
        })
        .unwrap();

    // Attaché's own save and sync tools' temp files: nothing to report.
    vault
        .save(
            &note.summary.path,
            &format!("{}\nmine\n", note.markdown),
            &note.stamp,
        )
        .unwrap();
    std::fs::write(vault.root().join(".syncthing.x.md.tmp"), "t").unwrap();
    std::fs::write(vault.root().join("~$lock.md"), "t").unwrap();
    std::fs::write(vault.root().join(".attache/other.json"), "t").unwrap();
    // Then another program adds a note and a sync tool writes a conflict copy.
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(vault.root().join("outside.md"), "# Outside\n").unwrap();
    std::fs::write(
        vault
            .root()
            .join("Watched.sync-conflict-20250101-120000-ABCDEFG.md"),
        "x",
    )
    .unwrap();

    let seen = wait_for(&rx, |s| {
        s.contains(&VaultEvent::Changed {
            path: "outside.md".into(),
        }) && s.iter().any(|e| matches!(e, VaultEvent::Conflict { .. }))
    });
    assert!(
        seen.contains(&VaultEvent::Changed {
            path: "outside.md".into()
        }),
        "{seen:?}"
    );
    assert!(
        seen.contains(&VaultEvent::Conflict {
            path: "Watched.sync-conflict-20250101-120000-ABCDEFG.md".into(),
            original: "Watched.md".into(),
        }),
        "{seen:?}"
    );
    for e in &seen {
        if let VaultEvent::Changed { path } | VaultEvent::Removed { path } = e {
            assert_eq!(path, "outside.md", "unexpected event {e:?} in {seen:?}");
        }
    }

    std::fs::remove_file(vault.root().join("outside.md")).unwrap();
    let seen = wait_for(&rx, |s| {
        s.contains(&VaultEvent::Removed {
            path: "outside.md".into(),
        })
    });
    assert!(
        seen.contains(&VaultEvent::Removed {
            path: "outside.md".into()
        }),
        "{seen:?}"
    );
}
