//! Crash-test writer: saves the notes of a vault in a loop through `Vault::save`, printing
//! `NOTE GENERATION` after each completed save, until it is killed. The crash test kills it
//! with SIGKILL at random moments and checks that every note is a complete old or new version.
//!
//! Usage: `vault-crash-writer VAULT NOTES SEED`
#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

use attache_tests::crash::{Note, note_name, note_text};
use attache_vault::{SaveOutcome, Vault};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(Ok(notes)), Some(Ok(seed))) = (
        args.get(1),
        args.get(2).map(|n| n.parse::<usize>()),
        args.get(3).map(|n| n.parse::<u64>()),
    ) else {
        eprintln!("usage: vault-crash-writer VAULT NOTES SEED");
        return ExitCode::from(2);
    };
    let vault = match Vault::open(dir) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("vault-crash-writer: {e}");
            return ExitCode::from(1);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut rng = seed | 1;
    loop {
        for k in 0..notes {
            let name = note_name(k);
            let open = match vault.open_note(&name) {
                Ok(n) => n,
                Err(e) => {
                    eprintln!("vault-crash-writer: {name}: {e}");
                    return ExitCode::from(1);
                }
            };
            let Some(current) = Note::parse(k, &open.markdown) else {
                eprintln!("vault-crash-writer: {name} is not a complete note");
                return ExitCode::from(1);
            };
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let len = 1024 + usize::try_from(rng % (256 * 1024)).unwrap_or(0);
            let next = note_text(k, current.generation + 1, len);
            match vault.save(&name, &next, &open.stamp) {
                Ok(SaveOutcome::Saved { .. }) => {}
                other => {
                    eprintln!("vault-crash-writer: {name}: unexpected {other:?}");
                    return ExitCode::from(1);
                }
            }
            if writeln!(out, "{k} {}", current.generation + 1)
                .and_then(|()| out.flush())
                .is_err()
            {
                return ExitCode::SUCCESS;
            }
        }
    }
}
