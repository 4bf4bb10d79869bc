//! Why a vault operation failed, in words that say what to do next.

use std::path::{Path, PathBuf};

/// Every way a vault operation can fail. The UI branches on [`VaultError::code`].
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The note, trash entry or folder does not exist.
    #[error("{} was not found: it may have been moved or deleted; refresh the list", path.display())]
    NotFound {
        /// What was looked for.
        path: PathBuf,
    },
    /// The file changed on disk since it was opened (another program or a sync tool edited it).
    #[error(
        "{} changed on disk since you opened it: reopen it to see the other version first",
        path.display()
    )]
    Conflict {
        /// The note that changed.
        path: PathBuf,
    },
    /// A title or file name cannot be used.
    #[error("'{name}' cannot be used as a note name: {reason}")]
    InvalidName {
        /// The name given.
        name: String,
        /// Why not.
        reason: String,
    },
    /// A path that leads outside the vault (`..`, an absolute path, a symlink pointing out).
    #[error(
        "{} is outside the vault: only notes inside the vault folder can be opened or changed",
        path.display()
    )]
    OutsideVault {
        /// The path given.
        path: PathBuf,
    },
    /// The file is not UTF-8 text.
    #[error(
        "{} is not UTF-8 text (invalid byte at offset {offset}): convert it to UTF-8 in a text editor",
        path.display()
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// First invalid byte.
        offset: usize,
    },
    /// The file is larger than a note may be.
    #[error(
        "{} is too large to be a note ({bytes} bytes; the limit is {limit}): split it or move it out of the vault",
        path.display()
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The front matter (YAML between `---` lines) cannot be read.
    #[error("{} has broken front matter ({reason}): fix the YAML between the --- lines", path.display())]
    BrokenFrontMatter {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A file already exists where a new one was to be written.
    #[error("{} already exists: choose another name", path.display())]
    AlreadyExists {
        /// The occupied path.
        path: PathBuf,
    },
    /// The article could not be drafted.
    #[error(transparent)]
    Draft(#[from] attache_engine::EngineError),
    /// The settings file could not be written or read.
    #[error("settings: {0}")]
    Settings(String),
    /// The file system refused an operation.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done ("read", "write", "rename", …).
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The system's reason.
        #[source]
        source: std::io::Error,
    },
}

impl VaultError {
    /// A stable snake_case code the UI branches on (`not_found`, `conflict`, `invalid_name`,
    /// `outside_vault`, `not_utf8`, `too_large`, `broken_front_matter`, `empty_input`,
    /// `invalid_argument`, `io`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound { .. } => "not_found",
            Self::Conflict { .. } => "conflict",
            Self::InvalidName { .. } | Self::AlreadyExists { .. } => "invalid_name",
            Self::OutsideVault { .. } => "outside_vault",
            Self::NotUtf8 { .. } => "not_utf8",
            Self::TooLarge { .. } => "too_large",
            Self::BrokenFrontMatter { .. } => "broken_front_matter",
            Self::Draft(attache_engine::EngineError::Empty) => "empty_input",
            Self::Draft(attache_engine::EngineError::TooLarge { .. }) => "too_large",
            Self::Settings(_) => "invalid_argument",
            Self::Io { .. } => "io",
        }
    }

    /// An I/O error on `path`, turned into [`VaultError::NotFound`] when the file is missing.
    pub(crate) fn io(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            Self::NotFound {
                path: path.to_owned(),
            }
        } else {
            Self::Io {
                action,
                path: path.to_owned(),
                source,
            }
        }
    }
}

/// Shorthand for results of vault operations.
pub type Result<T, E = VaultError> = std::result::Result<T, E>;
