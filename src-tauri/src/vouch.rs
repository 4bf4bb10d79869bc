//! Paths outside the vault that the analyst chose, not the page: what a native dialog, a drop
//! on the window or the command line just gave. A command that reads or writes outside the
//! vault (import an article, export a note, switch the vault folder) accepts exactly such a
//! path and nothing else, so a compromised page cannot name `~/.ssh/id_ed25519` or
//! `~/.bashrc`: it can only pass back what the analyst picked.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::error::{AppError, ErrorCode};

/// What a vouched path may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// An article file to read (open dialog, drop, command line, second launch).
    Import,
    /// A file to write an export to (save dialog).
    Export,
    /// A folder to use as the vault (folder dialog).
    VaultFolder,
}

impl Purpose {
    fn refusal(self, path: &Path) -> AppError {
        let what = match self {
            Self::Import => "choose the article with File → Open or drop it on the window",
            Self::Export => "choose where to export in the save dialog",
            Self::VaultFolder => "choose the vault folder with the Choose… button",
        };
        AppError::new(
            ErrorCode::OutsideVault,
            format!(
                "{} was not chosen in a dialog or dropped on the window: {what}",
                path.display()
            ),
        )
    }
}

/// How many vouched paths are kept (a drop of many files, a few dialogs); older ones expire.
const KEPT: usize = 64;

/// The paths the analyst chose recently, by purpose. Each is used once.
#[derive(Debug, Default)]
pub struct Vouched(Mutex<Vec<(Purpose, PathBuf)>>);

impl Vouched {
    /// Records that the analyst chose `path` for `purpose`.
    pub fn vouch(&self, purpose: Purpose, path: impl Into<PathBuf>) {
        let mut list = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let path = path.into();
        list.retain(|(p, q)| !(*p == purpose && *q == path));
        list.push((purpose, path));
        let excess = list.len().saturating_sub(KEPT);
        list.drain(..excess);
    }

    /// Takes `path` if it is exactly a path the analyst chose for `purpose` (and forgets it).
    ///
    /// # Errors
    /// `outside_vault`, saying how to choose the file, for any other path.
    pub fn take(&self, purpose: Purpose, path: &Path) -> Result<PathBuf, AppError> {
        let mut list = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        match list.iter().position(|(p, q)| *p == purpose && q == path) {
            Some(i) => Ok(list.remove(i).1),
            None => Err(purpose.refusal(path)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_path_for_its_purpose_once() {
        let v = Vouched::default();
        v.vouch(Purpose::Import, "/home/a/talks.txt");
        assert!(
            v.take(Purpose::Export, Path::new("/home/a/talks.txt"))
                .is_err()
        );
        assert!(
            v.take(Purpose::Import, Path::new("/home/b/../a/talks.txt"))
                .is_err()
        );
        assert!(
            v.take(Purpose::Import, Path::new("/home/a/talks.txt"))
                .is_ok()
        );
        let again = v.take(Purpose::Import, Path::new("/home/a/talks.txt"));
        assert_eq!(again.unwrap_err().code, ErrorCode::OutsideVault);
    }

    #[test]
    fn old_paths_expire() {
        let v = Vouched::default();
        for i in 0..=KEPT {
            v.vouch(Purpose::Import, format!("/f{i}.txt"));
        }
        assert!(v.take(Purpose::Import, Path::new("/f0.txt")).is_err());
        assert!(
            v.take(Purpose::Import, Path::new(&format!("/f{KEPT}.txt")))
                .is_ok()
        );
    }
}
