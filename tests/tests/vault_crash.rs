//! Never lose a word: a writer saving notes through the vault is killed with SIGKILL at random
//! moments, many times; after every kill each note must be a complete old or new version.
//! `VAULT_CRASH_KILLS` sets the number of kills (default 200; `tests/scripts/crash-loop.sh`
//! runs 1,000+).
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use attache_tests::crash::{Note, note_name, note_text};

const NOTES: usize = 8;

#[test]
fn killed_writers_leave_complete_notes() {
    let kills: usize = std::env::var("VAULT_CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let vault_dir = dir.path().join("vault");
    std::fs::create_dir(&vault_dir).unwrap();
    for k in 0..NOTES {
        std::fs::write(vault_dir.join(note_name(k)), note_text(k, 0, 2048)).unwrap();
    }
    let mut known = [0u64; NOTES];
    let mut rng = u64::from(std::process::id()) * 2_654_435_761 + 1;
    let mut saves = 0u64;
    let mut mid_save_kills = 0usize;
    let started = Instant::now();
    for round in 0..kills {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let mut child = Command::new(env!("CARGO_BIN_EXE_vault-crash-writer"))
            .arg(&vault_dir)
            .arg(NOTES.to_string())
            .arg(rng.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(3_000 + rng % 60_000));
        child.kill().unwrap(); // SIGKILL on Unix: no destructor, no flush, no cleanup
        let out = child.stdout.take().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        let status = child.wait().unwrap();
        assert!(err.is_empty(), "round {round}: the writer failed: {err}");
        assert_eq!(
            std::os::unix::process::ExitStatusExt::signal(&status),
            Some(9),
            "round {round}: {status:?}"
        );
        for line in BufReader::new(out).lines() {
            let line = line.unwrap();
            let (k, g) = line.split_once(' ').unwrap();
            let (k, g): (usize, u64) = (k.parse().unwrap(), g.parse().unwrap());
            assert_eq!(
                g,
                known[k] + 1,
                "round {round}: note {k} skipped a generation"
            );
            known[k] = g;
            saves += 1;
        }
        for (k, known) in known.iter_mut().enumerate() {
            let text = std::fs::read_to_string(vault_dir.join(note_name(k)))
                .unwrap_or_else(|e| panic!("round {round}: note {k} is unreadable: {e}"));
            let note = Note::parse(k, &text).unwrap_or_else(|| {
                panic!("round {round}: note {k} is torn ({} bytes)", text.len())
            });
            // Either the last reported version, or the next one if the kill came between the
            // save and its report.
            assert!(
                note.generation == *known || note.generation == *known + 1,
                "round {round}: note {k} has generation {} but {} was reported",
                note.generation,
                known
            );
            if note.generation == *known + 1 {
                mid_save_kills += 1;
                *known += 1;
                saves += 1;
            }
        }
    }
    let before_open = std::fs::read_dir(&vault_dir).unwrap().count() - NOTES;
    // Opening the vault removes the temporary files of the killed writers.
    let vault = attache_vault::Vault::open(&vault_dir).unwrap();
    let list = vault.list().unwrap();
    assert_eq!(
        list.len(),
        NOTES,
        "temporary files must never be listed as notes"
    );
    assert!(list.iter().all(|n| n.problem.is_none()));
    let leftovers: Vec<_> = std::fs::read_dir(&vault_dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| !n.to_string_lossy().starts_with("note-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "orphaned temporary files left after opening: {leftovers:?}"
    );
    println!(
        "{kills} kills, {saves} completed saves, {mid_save_kills} kills right after a rename, \
         {before_open} orphaned temporary file(s) removed on open, {:.1} s: every note complete",
        started.elapsed().as_secs_f64()
    );
    assert!(
        saves >= kills as u64,
        "too few saves ({saves}) to prove anything: the writer is too slow"
    );
}
