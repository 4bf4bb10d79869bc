//! An outside write that lands while Attaché is saving (a sync client, another editor) is never
//! lost: timed races between `Vault::save` and a second writer, both in place (open, truncate,
//! write) and by write-and-rename (what sync tools and most editors do).
//! `cargo nextest run -p attache-vault --test save_race`.

use std::path::Path;
use std::time::{Duration, Instant};

use attache_vault::{SaveOutcome, Vault, hash_hex};

const ROUNDS: usize = 150;

#[derive(Debug, Clone, Copy)]
enum Outside {
    InPlace,
    WriteAndRename,
}

impl Outside {
    fn write(self, path: &Path, text: &str) {
        match self {
            Self::InPlace => std::fs::write(path, text).unwrap(),
            Self::WriteAndRename => {
                let tmp = path.with_file_name(".sync-tool.tmp");
                std::fs::write(&tmp, text).unwrap();
                std::fs::rename(&tmp, path).unwrap();
            }
        }
    }
}

/// Every `.md` file's text in `dir` (the note and any conflict copies).
fn all_notes(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect()
}

fn note(round: usize, who: &str) -> String {
    format!("---\ntitle: Race {round}\n---\n# Race {round}\n\n{who} wrote this in round {round}.\n")
}

/// How long one save takes here (the outside writes are spread over about that long).
fn save_time(vault: &Vault) -> Duration {
    let path = vault.root().join("calibrate.md");
    let mut times = Vec::new();
    for i in 0..7 {
        std::fs::write(&path, note(i, "calibration")).unwrap();
        let open = vault.open_note("calibrate.md").unwrap();
        let t = Instant::now();
        vault
            .save("calibrate.md", &note(i, "me"), &open.stamp)
            .unwrap();
        times.push(t.elapsed());
    }
    std::fs::remove_file(&path).unwrap();
    times.sort();
    times[times.len() / 2]
}

fn race(outside: Outside) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let spread = save_time(&vault).as_micros().max(50) as u64;
    let mut rng = 0x9E37_79B9_7F4A_7C15_u64 ^ u64::from(std::process::id());
    let (mut lost, mut caught) = (Vec::new(), 0);
    for round in 0..ROUNDS {
        let name = format!("race {round}.md");
        let path = vault.root().join(&name);
        std::fs::write(&path, note(round, "the original")).unwrap();
        let open = vault.open_note(&name).unwrap();
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let delay = Duration::from_micros(rng % spread);
        let theirs = note(round, "another program");
        let mine = note(round, "the analyst");
        let outcome = std::thread::scope(|s| {
            let writer = s.spawn(|| {
                std::thread::sleep(delay);
                outside.write(&path, &theirs);
            });
            let outcome = vault.save(&name, &mine, &open.stamp).unwrap();
            writer.join().unwrap();
            outcome
        });
        let texts = all_notes(vault.root());
        let kept = |marker: &str| texts.iter().any(|t| t.contains(marker));
        if !kept("another program wrote this") {
            lost.push(format!("round {round}: the outside write ({outcome:?})"));
        }
        match &outcome {
            SaveOutcome::Conflict { .. } => caught += 1,
            // Saved, and the file is no longer what was saved: the outside write came after
            // the save, and the next save will see it (the editor still holds the text).
            SaveOutcome::Saved { stamp, .. } => {
                let now = std::fs::read(&path).unwrap();
                if hash_hex(&now) == stamp.hash && !kept("the analyst wrote this") {
                    lost.push(format!("round {round}: the analyst's save"));
                }
            }
        }
        for e in std::fs::read_dir(vault.root()).unwrap().flatten() {
            let _ = std::fs::remove_file(e.path());
        }
    }
    println!(
        "{outside:?}: {ROUNDS} races, outside writes spread over {spread} µs, {caught} caught as conflicts, {} lost",
        lost.len()
    );
    assert!(
        lost.is_empty(),
        "{outside:?}: lost {}:\n{}",
        lost.len(),
        lost.join("\n")
    );
    // The race must really have been run: some outside writes landed during a save.
    assert!(
        caught >= 5,
        "{outside:?}: only {caught} races overlapped a save"
    );
}

#[test]
fn an_in_place_outside_write_during_a_save_is_never_lost() {
    race(Outside::InPlace);
}

#[test]
fn an_outside_write_and_rename_during_a_save_is_never_lost() {
    race(Outside::WriteAndRename);
}
