//! Why a vault operation failed, in words that say what to do next.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What went wrong, as the UI and scripts branch on it: the one list of error codes. The
/// desktop shell returns it as `AppError.code`; the UI's `ErrorCode` type and its list of
/// known codes (`errorCodes.ts`) are generated from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The article (or query) has no words.
    EmptyInput,
    /// The input is larger than the engine or the vault accepts.
    TooLarge,
    /// A file is not UTF-8 text.
    NotUtf8,
    /// A note, file, folder or trash entry does not exist.
    NotFound,
    /// The note changed on disk since it was opened.
    Conflict,
    /// A note name that cannot be a file name.
    InvalidName,
    /// A path outside the vault, or one the app did not hand out.
    OutsideVault,
    /// A note's front matter cannot be read.
    BrokenFrontMatter,
    /// Reading or writing a file failed.
    Io,
    /// An argument is malformed (a bad date, an invalid setting).
    InvalidArgument,
    /// A bug on our side: the message says what failed.
    Internal,
}

impl ErrorCode {
    /// Every code, in a stable order.
    pub const ALL: [Self; 11] = [
        Self::EmptyInput,
        Self::TooLarge,
        Self::NotUtf8,
        Self::NotFound,
        Self::Conflict,
        Self::InvalidName,
        Self::OutsideVault,
        Self::BrokenFrontMatter,
        Self::Io,
        Self::InvalidArgument,
        Self::Internal,
    ];

    /// The snake_case word (as serialised).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EmptyInput => "empty_input",
            Self::TooLarge => "too_large",
            Self::NotUtf8 => "not_utf8",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::InvalidName => "invalid_name",
            Self::OutsideVault => "outside_vault",
            Self::BrokenFrontMatter => "broken_front_matter",
            Self::Io => "io",
            Self::InvalidArgument => "invalid_argument",
            Self::Internal => "internal",
        }
    }

    /// The code of an engine error.
    #[must_use]
    pub fn of_engine(e: &attache_engine::EngineError) -> Self {
        match e {
            attache_engine::EngineError::Empty => Self::EmptyInput,
            attache_engine::EngineError::TooLarge { .. } => Self::TooLarge,
        }
    }
}

/// Lets tests and scripts compare a code with its word (`err.code() == "not_found"`).
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    /// A path inside the vault that is not a note Attaché may open or change (not `.md`, or
    /// hidden, or inside a hidden folder such as `.git`).
    #[error(
        "{} is not a note ({reason}): only .md files outside hidden folders are notes",
        path.display()
    )]
    NotANote {
        /// The path given.
        path: PathBuf,
        /// Why not.
        reason: &'static str,
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
    /// A note too large or nested too deep to render as HTML, Word or text.
    #[error("{0}")]
    TooComplex(#[from] crate::export::TooComplex),
    /// A request that cannot be carried out as asked.
    #[error("{0}")]
    InvalidArgument(String),
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
    /// The code the UI branches on.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::Conflict { .. } => ErrorCode::Conflict,
            Self::InvalidName { .. } | Self::AlreadyExists { .. } => ErrorCode::InvalidName,
            Self::OutsideVault { .. } | Self::NotANote { .. } => ErrorCode::OutsideVault,
            Self::NotUtf8 { .. } => ErrorCode::NotUtf8,
            Self::TooLarge { .. } => ErrorCode::TooLarge,
            Self::BrokenFrontMatter { .. } => ErrorCode::BrokenFrontMatter,
            Self::Draft(e) => ErrorCode::of_engine(e),
            Self::Settings(_) | Self::InvalidArgument(_) => ErrorCode::InvalidArgument,
            Self::TooComplex(_) => ErrorCode::TooLarge,
            Self::Io { .. } => ErrorCode::Io,
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

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn each_code_serialises_as_its_word() {
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::from(code.as_str())
            );
        }
    }
}

/// Writes `errorCodes.ts` beside the ts-rs bindings: the UI's list of known codes, so it can
/// tell a code it knows from anything else (`tests/scripts/gen-bindings.sh`).
#[cfg(all(test, feature = "ts"))]
mod export_error_codes {
    #[test]
    fn export_bindings_error_codes() {
        let dir = std::env::var("TS_RS_EXPORT_DIR").unwrap_or_else(|_| "bindings".to_owned());
        let words: Vec<String> = super::ErrorCode::ALL
            .iter()
            .map(|c| format!("  {:?},\n", c.as_str()))
            .collect();
        let ts = format!(
            "// Generated from ErrorCode::ALL in attache-vault (error.rs). Do not edit.\n\
             import type {{ ErrorCode }} from \"./ErrorCode\";\n\n\
             /** Every code a command's error may carry. */\n\
             export const ERROR_CODES: readonly ErrorCode[] = [\n{}];\n",
            words.concat()
        );
        std::fs::create_dir_all(&dir).expect("the bindings folder can be made");
        std::fs::write(std::path::Path::new(&dir).join("errorCodes.ts"), ts)
            .expect("the bindings folder is writable");
    }
}
