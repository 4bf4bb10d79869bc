//! Why a draft could not be made.

/// Why [`crate::draft`] refused an input.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// The text has no words to draft from.
    #[error("the article is empty: paste or open an article with some text")]
    Empty,
    /// The text is larger than the engine accepts.
    #[error(
        "the article is too large ({bytes} bytes; the limit is {limit}): split it into smaller parts"
    )]
    TooLarge {
        /// Size of the input.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
}
