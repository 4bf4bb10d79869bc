//! The one error every command returns: `{code, message}`, where `code` is a stable
//! snake_case word the UI branches on and `message` a sentence for the analyst that says
//! what to do next.

use serde::Serialize;

/// What went wrong, as the UI branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The article (or query) has no words.
    EmptyInput,
    /// The input is larger than the engine accepts.
    TooLarge,
    /// A file is not UTF-8 text.
    NotUtf8,
    /// A note, file or trash entry does not exist.
    NotFound,
    /// The note changed on disk since it was opened.
    Conflict,
    /// A note name that cannot be a file name.
    InvalidName,
    /// A path outside the vault.
    OutsideVault,
    /// A note's front matter cannot be read.
    BrokenFrontMatter,
    /// Reading or writing a file failed.
    Io,
    /// An argument the UI sent is malformed (a bad date, say).
    InvalidArgument,
    /// A bug on our side: the message says what failed.
    Internal,
}

/// The serialisable error of every command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[error("{message}")]
pub struct AppError {
    /// The stable code the UI branches on.
    pub code: ErrorCode,
    /// A sentence for the analyst: what is wrong and what to do.
    pub message: String,
}

impl AppError {
    /// An error with `code` and `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// A malformed argument from the UI.
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidArgument, message)
    }

    /// A failure on our side (a worker thread that died, a poisoned lock).
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

impl From<attache_engine::EngineError> for AppError {
    fn from(e: attache_engine::EngineError) -> Self {
        use attache_engine::EngineError as E;
        let code = match e {
            E::Empty => ErrorCode::EmptyInput,
            E::TooLarge { .. } => ErrorCode::TooLarge,
        };
        Self::new(code, e.to_string())
    }
}

impl From<attache_vault::VaultError> for AppError {
    fn from(e: attache_vault::VaultError) -> Self {
        let code = match e.code() {
            "not_found" => ErrorCode::NotFound,
            "conflict" => ErrorCode::Conflict,
            "invalid_name" => ErrorCode::InvalidName,
            "outside_vault" => ErrorCode::OutsideVault,
            "not_utf8" => ErrorCode::NotUtf8,
            "too_large" => ErrorCode::TooLarge,
            "broken_front_matter" => ErrorCode::BrokenFrontMatter,
            "empty_input" => ErrorCode::EmptyInput,
            "invalid_argument" => ErrorCode::InvalidArgument,
            "io" => ErrorCode::Io,
            _ => ErrorCode::Internal,
        };
        Self::new(code, e.to_string())
    }
}

impl From<tauri::Error> for AppError {
    fn from(e: tauri::Error) -> Self {
        Self::internal(format!("the window system failed: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let e = AppError::new(ErrorCode::BrokenFrontMatter, "fix line 3");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"code": "broken_front_matter", "message": "fix line 3"})
        );
    }

    #[test]
    fn every_code_is_the_contract_word() {
        let words: Vec<String> = [
            ErrorCode::EmptyInput,
            ErrorCode::TooLarge,
            ErrorCode::NotUtf8,
            ErrorCode::NotFound,
            ErrorCode::Conflict,
            ErrorCode::InvalidName,
            ErrorCode::OutsideVault,
            ErrorCode::BrokenFrontMatter,
            ErrorCode::Io,
            ErrorCode::InvalidArgument,
            ErrorCode::Internal,
        ]
        .iter()
        .map(|c| {
            serde_json::to_value(c)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
        assert_eq!(
            words,
            [
                "empty_input",
                "too_large",
                "not_utf8",
                "not_found",
                "conflict",
                "invalid_name",
                "outside_vault",
                "broken_front_matter",
                "io",
                "invalid_argument",
                "internal"
            ]
        );
    }

    #[test]
    fn vault_errors_keep_their_code() {
        let e = AppError::from(attache_vault::VaultError::OutsideVault {
            path: "../x.md".into(),
        });
        assert_eq!(e.code, ErrorCode::OutsideVault);
        assert!(e.message.contains("outside the vault"), "{}", e.message);
    }

    #[test]
    fn engine_errors_keep_their_advice() {
        let e = AppError::from(attache_engine::EngineError::Empty);
        assert_eq!(e.code, ErrorCode::EmptyInput);
        assert!(e.message.contains("paste"), "{}", e.message);
    }
}
