//! Crash-test writer: changes a vault and a config folder in a loop, through the same code
//! the app uses, printing `OP VALUE` after each completed operation, until it is killed. The
//! crash test kills it with SIGKILL at random moments and checks that nothing is torn or lost.
//!
//! Each round: one note `k` is saved (`save K GEN`), then one of: a note is created
//! (`create N`), renamed (`rename N`), moved to the trash and restored (`trash N`), the
//! settings are saved (`settings N`), the recovery journal is written (`journal N`).
//!
//! Usage: `vault-crash-writer VAULT NOTES SEED CONFIG`
#![forbid(unsafe_code)]

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use attache_tests::crash::{
    CREATE_ARTICLE, CREATED, Note, RENAME_TITLES, RENAMED, TRASHED_NAME, create_brief,
    journal_entry, journal_generation, note_name, note_text,
};
use attache_vault::settings::{self, Settings};
use attache_vault::{NewNote, SaveOutcome, Vault};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(Ok(notes)), Some(Ok(seed)), Some(config)) = (
        args.get(1),
        args.get(2).map(|n| n.parse::<usize>()),
        args.get(3).map(|n| n.parse::<u64>()),
        args.get(4),
    ) else {
        eprintln!("usage: vault-crash-writer VAULT NOTES SEED CONFIG");
        return ExitCode::from(2);
    };
    match run(Path::new(dir), notes, seed, Path::new(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vault-crash-writer: {e}");
            ExitCode::from(1)
        }
    }
}

type Fail = Box<dyn std::error::Error>;

fn run(dir: &Path, notes: usize, seed: u64, config: &Path) -> Result<(), Fail> {
    let vault = Vault::open(dir)?;
    tidy_after_a_kill(&vault)?;
    let brief = create_brief();
    // The settings and the journal count on from what is on disk, so each value is newer
    // than the last one any writer finished (the check: never older than reported).
    let mut settings_gen = settings::load(config)
        .settings
        .author
        .and_then(|a| a.strip_prefix("gen ")?.parse::<u64>().ok())
        .unwrap_or(0);
    let journal_dir = config.join("recovery");
    let mut journal_gen = attache_vault::journal::read(&journal_dir)?
        .as_deref()
        .and_then(journal_generation)
        .unwrap_or(0);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut report = |line: String| writeln!(out, "{line}").and_then(|()| out.flush()).is_ok();
    let mut rng = seed | 1;
    // Rounds start where the seed says, so kills land in every kind of operation.
    let mut round = seed % 1_000_000_000;
    loop {
        round += 1;
        let k = usize::try_from(round % notes as u64).unwrap_or(0);
        {
            let name = note_name(k);
            let open = vault.open_note(&name)?;
            let current = Note::parse(k, &open.markdown).ok_or(format!("{name} is torn"))?;
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let len = 1024 + usize::try_from(rng % (64 * 1024)).unwrap_or(0);
            let next = note_text(k, current.generation + 1, len);
            match vault.save(&name, &next, &open.stamp)? {
                SaveOutcome::Saved { .. } => {}
                other => return Err(format!("{name}: unexpected {other:?}").into()),
            }
            if !report(format!("save {k} {}", current.generation + 1)) {
                return Ok(());
            }
        }
        let line = match round % 5 {
            0 => {
                let meta = NewNote {
                    title: Some(format!("{CREATED}{round}")),
                    ..NewNote::default()
                };
                vault.create(&brief, CREATE_ARTICLE, &meta)?;
                format!("create {round}")
            }
            1 => {
                let (path, open) = renamed(&vault)?;
                let next = if path.starts_with(RENAME_TITLES[0]) {
                    RENAME_TITLES[1]
                } else {
                    RENAME_TITLES[0]
                };
                vault.rename(&path, next, &open.stamp)?;
                format!("rename {round}")
            }
            2 => {
                let entry = vault.delete(TRASHED_NAME)?;
                vault.restore(&entry.trash_id)?;
                format!("trash {round}")
            }
            3 => {
                settings_gen += 1;
                let s = Settings {
                    author: Some(format!("gen {settings_gen}")),
                    ..Settings::default()
                };
                settings::save(config, &s)?;
                format!("settings {settings_gen}")
            }
            _ => {
                journal_gen += 1;
                attache_vault::journal::write(&journal_dir, &journal_entry(journal_gen))?;
                format!("journal {journal_gen}")
            }
        };
        if !report(line) {
            return Ok(());
        }
    }
}

/// The renamed note's path (either title) and the note.
fn renamed(vault: &Vault) -> Result<(String, attache_vault::OpenNote), Fail> {
    for title in RENAME_TITLES {
        let path = format!("{title}.md");
        if vault.root().join(&path).is_file() {
            let open = vault.open_note(&path)?;
            Note::parse(RENAMED, &open.markdown).ok_or("the renamed note is torn")?;
            return Ok((path, open));
        }
    }
    Err("the renamed note is gone".into())
}

/// What a kill may leave half done, finished the way the analyst would: a rename cut between
/// writing the new name and removing the old leaves both (keep one); a restore cut between
/// writing the note and removing its trash entry leaves both (drop the entry); a delete cut
/// before the restore leaves the note in the trash (restore it).
fn tidy_after_a_kill(vault: &Vault) -> Result<(), Fail> {
    let both = RENAME_TITLES.map(|t| vault.root().join(format!("{t}.md")));
    if both.iter().all(|p| p.is_file()) {
        std::fs::remove_file(&both[1])?;
    }
    let in_trash: Vec<_> = vault
        .trash()?
        .into_iter()
        .filter(|t| t.original_path == TRASHED_NAME)
        .collect();
    if vault.root().join(TRASHED_NAME).is_file() {
        for t in in_trash {
            std::fs::remove_dir_all(vault.root().join(".attache/trash").join(&t.trash_id))?;
        }
    } else if let Some(t) = in_trash.first() {
        vault.restore(&t.trash_id)?;
    }
    Ok(())
}
