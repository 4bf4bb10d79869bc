//! Helpers shared by Attaché's cross-crate, corpus and end-to-end tests.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod crash;

use std::path::PathBuf;

/// The shared corpus folder from `ATTACHE_SHARED`, or `None` with the reason printed, so a
/// test can skip. With `CI=true`, a missing corpus is a failure.
///
/// # Panics
/// When `CI=true` and the folder is missing: CI must always have the corpus.
#[must_use]
pub fn shared_dir() -> Option<PathBuf> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    match std::env::var_os("ATTACHE_SHARED").map(PathBuf::from) {
        Some(p) if p.join("corpus").is_dir() => Some(p),
        other => {
            let why = match other {
                Some(p) => format!("ATTACHE_SHARED={} has no corpus/ folder", p.display()),
                None => "ATTACHE_SHARED is not set".to_owned(),
            };
            assert!(!ci, "CI=true but the shared corpus is missing: {why}");
            println!("skipping: {why} (set it to the shared folder to run corpus tests)");
            None
        }
    }
}
