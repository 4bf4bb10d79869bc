//! The one error every command returns: `{code, message}`, where `code` is a stable
//! snake_case word the UI branches on and `message` a sentence for the analyst that says
//! what to do next.

use serde::Serialize;

/// What went wrong, as the UI branches on it: the vault's list, the one source of codes.
pub use attache_vault::ErrorCode;

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
        Self::new(ErrorCode::of_engine(&e), e.to_string())
    }
}

impl From<attache_vault::VaultError> for AppError {
    fn from(e: attache_vault::VaultError) -> Self {
        Self::new(e.code(), e.to_string())
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
