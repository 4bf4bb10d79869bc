//! Attaché's notes vault: a folder of Markdown briefs the analyst owns.
//!
//! ```
//! assert_eq!(attache_vault::NOTE_EXTENSION, "md");
//! ```
//!
//! # Glossary
//! - **Brief**: a drafted note, stored as one `.md` file.
//! - **Party**, **Position**, **Open question**, **Span**: as in `attache-engine`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// File extension of notes.
pub const NOTE_EXTENSION: &str = "md";
