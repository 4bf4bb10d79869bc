//! Never lose a word: a writer changing a vault and its config folder through the vault's own
//! code (saves, creates, renames, trash and restore, settings, the recovery journal) is killed
//! with SIGKILL at random moments, many times; after every kill each note, the settings and
//! the journal must be a complete old or new version, and nothing reported done may be gone.
//! `VAULT_CRASH_KILLS` sets the number of kills (default 200; `tests/scripts/crash-loop.sh`
//! runs 1,000+).
#![cfg(unix)]

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use attache_tests::crash::{
    CREATED, Note, RENAME_TITLES, RENAMED, TRASHED, TRASHED_NAME, journal_generation, note_name,
    note_text,
};
use attache_vault::Vault;

const NOTES: usize = 8;

/// What the writers reported done so far.
#[derive(Default)]
struct Known {
    generations: [u64; NOTES],
    created: BTreeSet<String>,
    settings: Option<u64>,
    journal: Option<u64>,
    /// Completed operations by kind (the figure printed at the end).
    done: BTreeMap<String, u64>,
}

#[test]
fn killed_writers_leave_complete_notes() {
    let kills: usize = std::env::var("VAULT_CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let vault_dir = dir.path().join("vault");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&vault_dir).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    for k in 0..NOTES {
        std::fs::write(vault_dir.join(note_name(k)), note_text(k, 0, 2048)).unwrap();
    }
    let renamed = format!("{}.md", RENAME_TITLES[0]);
    std::fs::write(vault_dir.join(renamed), note_text(RENAMED, 0, 4096)).unwrap();
    std::fs::write(vault_dir.join(TRASHED_NAME), note_text(TRASHED, 0, 4096)).unwrap();
    let mut known = Known::default();
    let mut rng = u64::from(std::process::id()) * 2_654_435_761 + 1;
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
            .arg(&config)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(5_000 + rng % 120_000));
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
            record(&mut known, &line.unwrap(), round);
        }
        mid_save_kills += check(&vault_dir, &config, &mut known, round);
    }
    // Opening the vault (as each check does) removes the temporary files of killed writers.
    let vault = Vault::open(&vault_dir).unwrap();
    let list = vault.list().unwrap();
    assert!(list.iter().all(|n| n.problem.is_none()), "{list:?}");
    let leftovers: Vec<_> = std::fs::read_dir(&vault_dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".md") && n != ".attache")
        .collect();
    assert!(
        leftovers.is_empty(),
        "orphaned temporary files left after opening: {leftovers:?}"
    );
    let notes_with_ids: BTreeSet<String> = list.iter().filter_map(|n| n.id.clone()).collect();
    let orphans = std::fs::read_dir(vault_dir.join(".attache/briefs"))
        .map(|rd| {
            rd.flatten()
                .filter(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let id = name.strip_suffix(".json").unwrap_or(&name);
                    !attache_vault::atomic::is_temp_name(&name) && !notes_with_ids.contains(id)
                })
                .count()
        })
        .unwrap_or(0);
    let total: u64 = known.done.values().sum();
    let by_kind: Vec<String> = known.done.iter().map(|(k, n)| format!("{n} {k}")).collect();
    println!(
        "{kills} kills, {total} completed operations ({}), {mid_save_kills} kills right after a \
         save's rename, {orphans} draft(s) of creates cut before their note, {:.1} s: every note, the settings and the \
         journal complete",
        by_kind.join(", "),
        started.elapsed().as_secs_f64()
    );
    assert!(
        orphans <= kills,
        "more orphaned drafts ({orphans}) than kills: a create leaves them when it fails"
    );
    assert!(
        total >= kills as u64,
        "too few operations ({total}) to prove anything: the writer is too slow"
    );
    for kind in ["save", "create", "rename", "trash", "settings", "journal"] {
        assert!(
            known.done.contains_key(kind),
            "no {kind} completed: {by_kind:?}"
        );
    }
}

fn record(known: &mut Known, line: &str, round: usize) {
    let mut parts = line.split(' ');
    let kind = parts.next().unwrap().to_owned();
    let n: u64 = parts.next().unwrap().parse().unwrap();
    match kind.as_str() {
        "save" => {
            let k = usize::try_from(n).unwrap();
            let g: u64 = parts.next().unwrap().parse().unwrap();
            let known = &mut known.generations[k];
            assert_eq!(
                g,
                *known + 1,
                "round {round}: note {k} skipped a generation"
            );
            *known = g;
        }
        "create" => {
            known.created.insert(format!("{CREATED}{n}"));
        }
        "settings" => known.settings = Some(n),
        "journal" => known.journal = Some(n),
        "rename" | "trash" => {}
        other => panic!("round {round}: unknown report {other:?}"),
    }
    *known.done.entry(kind).or_default() += 1;
}

/// Checks everything after a kill; returns 1 when the kill fell right after a save's rename.
fn check(vault_dir: &Path, config: &Path, known: &mut Known, round: usize) -> usize {
    let mut mid_save = 0;
    for (k, known) in known.generations.iter_mut().enumerate() {
        let text = std::fs::read_to_string(vault_dir.join(note_name(k)))
            .unwrap_or_else(|e| panic!("round {round}: note {k} is unreadable: {e}"));
        let note = Note::parse(k, &text)
            .unwrap_or_else(|| panic!("round {round}: note {k} is torn ({} bytes)", text.len()));
        // Either the last reported version, or the next one if the kill came between the
        // save and its report.
        assert!(
            note.generation == *known || note.generation == *known + 1,
            "round {round}: note {k} has generation {} but {} was reported",
            note.generation,
            known
        );
        if note.generation == *known + 1 {
            mid_save = 1;
            *known += 1;
        }
    }
    // The renamed note: under one name or (cut between the two steps) both, never none.
    let copies: Vec<_> = RENAME_TITLES
        .iter()
        .filter_map(|t| std::fs::read_to_string(vault_dir.join(format!("{t}.md"))).ok())
        .collect();
    assert!(
        !copies.is_empty(),
        "round {round}: the renamed note is gone"
    );
    for c in &copies {
        assert!(
            Note::parse(RENAMED, c).is_some(),
            "round {round}: the renamed note is torn"
        );
    }
    // The trashed note: in the vault or in the trash (or both), complete.
    let mut places = vec![vault_dir.join(TRASHED_NAME)];
    if let Ok(rd) = std::fs::read_dir(vault_dir.join(".attache/trash")) {
        places.extend(rd.flatten().map(|e| e.path().join(TRASHED_NAME)));
    }
    let whole = places
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| Note::parse(TRASHED, t).is_some())
        .count();
    assert!(whole > 0, "round {round}: the trashed note is gone or torn");
    // Every created note reported is there, listed without a problem, with its draft.
    let vault = Vault::open(vault_dir).unwrap();
    let list = vault.list().unwrap();
    if let Some(bad) = list.iter().find(|n| n.problem.is_some()) {
        panic!(
            "round {round}: {} has a problem: {:?}",
            bad.path, bad.problem
        );
    }
    let titles: BTreeSet<&str> = list.iter().map(|n| n.title.as_str()).collect();
    for c in &known.created {
        assert!(titles.contains(c.as_str()), "round {round}: {c} is gone");
    }
    for n in list.iter().filter(|n| n.title.starts_with(CREATED)) {
        let open = vault.open_note(&n.path).unwrap();
        assert!(
            open.brief.is_some(),
            "round {round}: {} lost its draft",
            n.path
        );
    }
    // The settings and the journal: complete, and never older than reported.
    if let Some(known) = known.settings {
        let loaded = attache_vault::settings::load(config);
        assert_eq!(loaded.warning, None, "round {round}: the settings are torn");
        let author = loaded.settings.author.unwrap_or_default();
        let n: u64 = author.strip_prefix("gen ").unwrap().parse().unwrap();
        assert!(
            n >= known,
            "round {round}: settings {n}, but {known} was reported"
        );
    }
    let journal = attache_vault::journal::read(&config.join("recovery")).unwrap();
    if let Some(known) = known.journal {
        let n = journal
            .as_deref()
            .and_then(journal_generation)
            .unwrap_or_else(|| panic!("round {round}: the journal is torn or gone"));
        assert!(
            n >= known,
            "round {round}: journal {n}, but {known} was reported"
        );
    }
    mid_save
}
