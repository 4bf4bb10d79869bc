//! File names from titles: safe on Windows, macOS, Linux and inside Obsidian `[[links]]`.

use std::path::{Component, Path, PathBuf};

/// Longest file stem (bytes, before `.md`) Attaché writes; leaves room for a collision suffix
/// and the extension within the 255-byte limit of common file systems.
pub const MAX_STEM_BYTES: usize = 120;

/// Characters Windows, macOS or Obsidian links reject in a file name.
const FORBIDDEN: &[char] = &[
    '\\', '/', ':', '*', '?', '"', '<', '>', '|', '#', '^', '[', ']',
];

/// Names Windows reserves for devices, with or without an extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file stem for `title`: forbidden and control characters removed, whitespace collapsed,
/// no leading dots (hidden files) or trailing dots and spaces, Windows device names and names the list skips (`~$…`) avoided,
/// at most [`MAX_STEM_BYTES`] bytes (cut on a character boundary). Never empty: an unusable
/// title gives `Untitled`.
#[must_use]
pub fn sanitize_stem(title: &str) -> String {
    let mut out = String::with_capacity(title.len().min(MAX_STEM_BYTES + 4));
    let mut pending_space = false;
    for c in title.chars() {
        if c.is_whitespace() || c.is_control() || FORBIDDEN.contains(&c) {
            // A removed character between words still separates them ("US/Russia" → "US Russia").
            pending_space = !out.is_empty();
            continue;
        }
        if matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        {
            continue; // invisible format characters make names that look equal but differ
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    let mut s = out.trim_start_matches(['.', ' ']).to_owned();
    truncate_on_char_boundary(&mut s, MAX_STEM_BYTES);
    let trimmed = s.trim_end_matches(['.', ' ']).len();
    s.truncate(trimmed);
    if s.is_empty() {
        return "Untitled".to_owned();
    }
    let base = s.split('.').next().unwrap_or("").trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(base)) {
        s.insert(0, '_');
    }
    // A name the list skips as another program's temporary file (`~$…`, Office's lock files)
    // would make a note no one sees.
    if crate::index::is_ignored_name(&format!("{s}.{}", crate::NOTE_EXTENSION)) {
        s.insert(0, '_');
    }
    s
}

/// The stem of a new note: `YYYY-MM-DD Title` when a date is known, else the title alone.
#[must_use]
pub fn note_stem(date: Option<&str>, title: &str) -> String {
    let title = sanitize_stem(title);
    match date.map(str::trim).filter(|d| is_iso_date(d)) {
        Some(d) => {
            let mut s = format!("{d} {title}");
            truncate_on_char_boundary(&mut s, MAX_STEM_BYTES);
            let trimmed = s.trim_end_matches(['.', ' ']).len();
            s.truncate(trimmed);
            s
        }
        None => title,
    }
}

fn is_iso_date(d: &str) -> bool {
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()
}

fn truncate_on_char_boundary(s: &mut String, max: usize) {
    if s.len() > max {
        let mut cut = max;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
}

/// `dir/stem.ext`, or `dir/stem 2.ext`, `dir/stem 3.ext`, … for the first name not yet taken.
/// File names are compared case-insensitively so notes stay distinct on Windows and macOS.
#[must_use]
pub fn unique_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let taken = |name: &str| {
        let lower = name.to_lowercase();
        dir.join(name).exists()
            || std::fs::read_dir(dir).is_ok_and(|rd| {
                rd.flatten()
                    .any(|e| e.file_name().to_string_lossy().to_lowercase() == lower)
            })
    };
    let first = format!("{stem}.{ext}");
    if !taken(&first) {
        return dir.join(first);
    }
    (2..)
        .map(|n| format!("{stem} {n}.{ext}"))
        .find(|name| !taken(name))
        .map(|name| dir.join(name))
        .unwrap_or_else(|| dir.join(first))
}

/// Checks that `rel` is a plain relative path inside a vault: no `..`, no root, no drive.
/// Returns it with `/` separators.
///
/// # Errors
/// A message saying why the path is refused.
pub fn check_relative(rel: &Path) -> Result<String, &'static str> {
    if rel.as_os_str().is_empty() {
        return Err("the path is empty");
    }
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => match p.to_str() {
                Some(s) => parts.push(s),
                None => return Err("the path is not valid Unicode"),
            },
            Component::CurDir => {}
            Component::ParentDir => return Err("the path goes up with '..'"),
            Component::RootDir | Component::Prefix(_) => return Err("the path is absolute"),
        }
    }
    if parts.is_empty() {
        return Err("the path is empty");
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_forbidden_characters_and_keeps_words_apart() {
        assert_eq!(
            sanitize_stem("US/Russia: talks? #1 [draft]"),
            "US Russia talks 1 draft"
        );
        assert_eq!(sanitize_stem("a\u{0}b\tc\n"), "a b c");
        assert_eq!(sanitize_stem("Trump–Putin summit"), "Trump–Putin summit");
    }

    #[test]
    fn no_hidden_or_trailing_dots() {
        assert_eq!(sanitize_stem("...secret"), "secret");
        assert_eq!(sanitize_stem("ends with dots... "), "ends with dots");
        assert_eq!(sanitize_stem(" ./ "), "Untitled");
        assert_eq!(sanitize_stem(""), "Untitled");
    }

    #[test]
    fn names_the_list_would_skip_are_changed() {
        assert_eq!(sanitize_stem("~$"), "_~$");
        assert_eq!(sanitize_stem("~$budget"), "_~$budget");
        assert_eq!(sanitize_stem("~ approx"), "~ approx");
    }

    #[test]
    fn reserved_windows_names_are_changed() {
        assert_eq!(sanitize_stem("CON"), "_CON");
        assert_eq!(sanitize_stem("nul.txt"), "_nul.txt");
        assert_eq!(sanitize_stem("Console"), "Console");
    }

    #[test]
    fn long_titles_are_cut_on_a_character_boundary() {
        let s = sanitize_stem(&"é".repeat(200));
        assert!(s.len() <= MAX_STEM_BYTES);
        assert_eq!(s.chars().count(), MAX_STEM_BYTES / 2);
    }

    #[test]
    fn stems_carry_the_date_when_valid() {
        assert_eq!(note_stem(Some("2025-10-16"), "Summit"), "2025-10-16 Summit");
        assert_eq!(note_stem(Some("16 Oct"), "Summit"), "Summit");
        assert_eq!(note_stem(None, "Summit"), "Summit");
    }

    #[test]
    fn relative_paths_only() {
        assert_eq!(check_relative(Path::new("a/./b.md")).unwrap(), "a/b.md");
        assert!(check_relative(Path::new("../x.md")).is_err());
        assert!(check_relative(Path::new("/etc/passwd")).is_err());
        assert!(check_relative(Path::new("a/../../x.md")).is_err());
        assert!(check_relative(Path::new("")).is_err());
    }

    #[test]
    fn collisions_get_a_number() {
        let dir = tempfile::tempdir().unwrap();
        let first = unique_path(dir.path(), "Note", "md");
        std::fs::write(&first, "x").unwrap();
        let second = unique_path(dir.path(), "note", "md");
        assert_eq!(second.file_name().unwrap(), "note 2.md");
    }
}
