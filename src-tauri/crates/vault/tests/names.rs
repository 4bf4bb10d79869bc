//! File names from any title are safe: property tests over arbitrary Unicode.

use attache_vault::names::{MAX_STEM_BYTES, note_stem, sanitize_stem};
use proptest::prelude::*;

const FORBIDDEN: &[char] = &[
    '\\', '/', ':', '*', '?', '"', '<', '>', '|', '#', '^', '[', ']',
];

proptest! {
    #[test]
    fn stems_are_safe_everywhere(title in "\\PC{0,200}|[\\\\/:*?\"<>|#^\\[\\]. \\t\\n\\x00-\\x1f]{0,30}|(CON|nul|Com1|LPT9)(\\.[a-z]{1,3})?") {
        let s = sanitize_stem(&title);
        prop_assert!(!s.is_empty());
        prop_assert!(s.len() <= MAX_STEM_BYTES + 1, "{} bytes", s.len());
        prop_assert!(!s.contains(FORBIDDEN), "{s:?}");
        prop_assert!(!s.chars().any(char::is_control), "{s:?}");
        prop_assert!(!s.starts_with('.') && !s.starts_with(' '), "{s:?}");
        prop_assert!(!s.ends_with('.') && !s.ends_with(' '), "{s:?}");
        let base = s.split('.').next().unwrap().to_ascii_uppercase();
        prop_assert!(!["CON", "PRN", "AUX", "NUL", "COM1", "LPT9"].contains(&base.as_str()), "{s:?}");
        // Sanitising is stable: a name made from a name is the same name.
        prop_assert_eq!(sanitize_stem(&s), s.clone());
    }

    #[test]
    fn every_stem_is_a_real_file_inside_the_vault(title in "\\PC{0,150}", dated in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let vault = attache_vault::Vault::open(dir.path()).unwrap();
        let stem = note_stem(dated.then_some("2025-10-16"), &title);
        let path = vault.resolve(format!("{stem}.md")).unwrap();
        prop_assert_eq!(path.parent().unwrap(), vault.root());
        std::fs::write(&path, "x").unwrap();
        prop_assert_eq!(vault.list().unwrap().len(), 1);
    }
}
